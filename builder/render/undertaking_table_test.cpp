// The undertakings exports (CSV, JSON, iCalendar) of a small site, compared
// byte for byte with golden files under tests/golden/exports/.
//
// To accept a deliberate change of output, rewrite the golden files with:
//   UPDATE_GOLDEN=1 /tmp/build-unit/unit_tests -tc='*golden*'
// then read the diff (git diff tests/golden) before committing it.
#include "reportsite/render/undertaking_table.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::diagnostics_text;
using fixture::error_rules;
using fixture::file_text;

// Three undertakings: one whose text has a comma, quotes and a line break; one
// whose owner is a people id and which is completed; one due at a next meeting
// that is not yet published (so it has no date and no calendar event).
const std::string kExportSite = R"(-- data/site.yaml --
title: Test Council committee reports
organisation: Test Borough Council
base_url: https://reports.example.gov.uk/committees/
as_of: 2019-12-01
-- data/committees.yaml --
- id: audit
  name: Audit Committee
-- data/people.yaml --
- id: director-of-finance
  name: Director of Finance, Resources
  role: officer
-- content/reports/complaints/2017-18.yaml --
series: complaints
title: Complaints Annual Report 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
-- content/reports/complaints/2018-19.yaml --
series: complaints
title: Complaints Annual Report 2018/19
period: {from: 2018-04-01, to: 2019-03-31}
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "7"
    title: Complaints Annual Report 2017/18
    report: complaints-2017-18
    minutes: The Committee received the report.
    undertakings:
      - id: ethnicity-breakdown
        text: |
          Provide the "ethnic breakdown" of complainants, by stage,
          in future reports; see the ‘equalities’ section of the 2017/18 report for the categories used.
        owner: Complaints Manager
        due: next-report
      - id: treasury-report
        text: Circulate the treasury report.
        owner: director-of-finance
        due: 2019-01-31
-- content/meetings/2019/2019-10-16-audit.yaml --
committee: audit
date: 2019-10-16
status: draft
items:
  - number: "4"
    title: Complaints Annual Report 2018/19
    report: complaints-2018-19
    minutes: The Committee received the report.
    undertakings:
      - id: training-update
        text: Report back on complaints training.
        owner: Complaints Manager
        due: next-meeting
-- content/actions/audit.yaml --
- undertaking: treasury-report
  date: 2019-01-20
  status: completed
  note: Circulated to all members, by e-mail.
)";

const std::string kGoldenDir = std::string(REPORTSITE_SOURCE_DIR) + "/tests/golden/exports/";

bool updating_golden() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

/// Compare `actual` with the golden file `name`, or rewrite it under UPDATE_GOLDEN=1.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = kGoldenDir + name;
  if (updating_golden()) {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE_MESSAGE(out.good(), "cannot write " << path);
    MESSAGE("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (run with UPDATE_GOLDEN=1 to create it)");
  std::stringstream expected;
  expected << in.rdbuf();
  INFO("golden file: ", path);
  CHECK(actual == expected.str());
}

BuildResult build_exports() {
  BuildResult r = fixture::build_txtar(kExportSite);
  INFO(diagnostics_text(r));
  REQUIRE(error_rules(r).empty());
  REQUIRE(r.site.undertakings.size() == 3);
  return r;
}

std::vector<UndertakingRow> rows_of(const BuildResult& r) {
  std::vector<UndertakingRow> rows;
  for (const ResolvedUndertaking* ru : register_order(r.site)) rows.push_back(undertaking_row(r.model, r.site, *ru));
  return rows;
}

TEST_CASE("undertakings.csv matches its golden file") {
  BuildResult r = build_exports();
  check_golden("undertakings.csv", file_text(r, "undertakings.csv"));
}

TEST_CASE("undertakings.json matches its golden file") {
  BuildResult r = build_exports();
  check_golden("undertakings.json", file_text(r, "undertakings.json"));
}

TEST_CASE("undertakings.ics matches its golden file") {
  BuildResult r = build_exports();
  check_golden("undertakings.ics", file_text(r, "undertakings.ics"));
}

TEST_CASE("the published exports are what to_csv, to_json and to_ics make of the rows") {
  BuildResult r = build_exports();
  auto rows = rows_of(r);
  CHECK(file_text(r, "undertakings.csv") == to_csv(rows));
  CHECK(file_text(r, "undertakings.json") == to_json(rows, r.site.as_of, r.model.site.licence));
  CHECK(file_text(r, "undertakings.ics") ==
        to_ics(r.model, r.site, "Test Council committee reports: undertakings due"));
}

TEST_CASE("a row shows the owner's name for a people id, the resolved due date and the latest update") {
  BuildResult r = build_exports();
  auto rows = rows_of(r);
  REQUIRE(rows.size() == 3);
  // The register's order: overdue, then due at the next meeting, then completed.
  const UndertakingRow& treasury = rows[2];
  CHECK(treasury.id == "treasury-report");
  CHECK(treasury.owner == "Director of Finance, Resources");
  CHECK(treasury.due == "2019-01-31");
  CHECK(treasury.state == "completed");
  CHECK(treasury.status == "completed");
  CHECK(treasury.latest_update == "2019-01-20");
  CHECK(treasury.latest_note == "Circulated to all members, by e-mail.");

  const UndertakingRow& ethnicity = rows[0];
  CHECK(ethnicity.owner == "Complaints Manager");  // free text stays as written
  CHECK(ethnicity.due == "2019-10-16");
  CHECK(ethnicity.state == "overdue");  // due 2019-10-16, as at 2019-12-01
  CHECK(ethnicity.latest_update.empty());

  const UndertakingRow& training = rows[1];
  CHECK(training.due == "next meeting");
  CHECK(training.state == "due-next-meeting");
  CHECK(training.item == "4");
}

TEST_CASE("CSV quotes only the fields that need it and doubles quotes inside them") {
  UndertakingRow plain;
  plain.id = "a";
  plain.text = "Plain text";
  UndertakingRow awkward;
  awkward.id = "b";
  awkward.text = "Say \"yes\", then\nstop";
  std::string csv = to_csv({plain, awkward});
  CHECK(csv.find("\r\na,Plain text,") != std::string::npos);
  CHECK(csv.find("\r\nb,\"Say \"\"yes\"\", then\nstop\",") != std::string::npos);
  // Every record ends in CRLF; the header names the documented columns.
  CHECK(csv.substr(0, csv.find("\r\n")) ==
        "id,text,owner,committee,meeting,given,item,due,state,status,latest_update,latest_note");
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("CSV carries the plain characters, RFC 4180 quoted, and no cell can start a formula") {
  UndertakingRow r;
  r.id = "c";
  r.text = "Report if spend < budget & > plan";
  r.owner = "=HYPERLINK(\"http://evil.example\",\"x\")";
  r.committee = "+1";
  r.meeting = "-2";
  r.given = "@SUM(A1)";
  r.item = "\tx";
  r.due = "\rx";
  r.latest_note = "<b>Tags</b>, quoted";
  std::string csv = to_csv({r});
  INFO(csv);
  CHECK(csv.find("&lt;") == std::string::npos);
  CHECK(csv.find("\r\nc,Report if spend < budget & > plan,") != std::string::npos);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",") !=
        std::string::npos);
  CHECK(csv.find(",\"<b>Tags</b>, quoted\"\r\n") != std::string::npos);
}

TEST_CASE("calendars carry the plain characters with RFC 5545 escaping") {
  const std::string site = fixture::kMinimalSite + R"(-- data/committees.yaml --
- id: audit
  name: Audit <Risk> & Governance, "Committee"
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
venue: Room <1>; Town Hall, Main St
items:
  - number: "1"
    title: Minutes of the previous meeting
    minutes: The minutes were agreed.
)";
  BuildResult r = fixture::build_txtar(site);
  INFO(fixture::diagnostics_text(r));
  std::string ics = fixture::file_text(r, "committees/audit/meetings.ics");
  INFO(ics);
  CHECK(ics.find("&lt;") == std::string::npos);
  CHECK(ics.find("SUMMARY:Audit <Risk> & Governance\\, \"Committee\"\r\n") != std::string::npos);
  CHECK(ics.find("LOCATION:Room <1>\\; Town Hall\\, Main St\r\n") != std::string::npos);
}

TEST_CASE("a calendar field of 75+ continuation bytes ends (it looped until bad_alloc)") {
  const std::string site = fixture::kMinimalSite + "-- content/meetings/2018/2018-10-17-audit.yaml --\n"
                           "committee: audit\ndate: 2018-10-17\nvenue: \"" + std::string(80, '\x80') + "\"\n"
                           "items:\n  - number: \"1\"\n    title: Minutes\n    minutes: Agreed.\n";
  // Whether the loader accepts the bytes is its business; rendering must end either way.
  BuildResult r = fixture::build_txtar(site);
  CHECK(r.exit_code <= 1);
}

TEST_CASE("the calendar has an event for each resolved due date only") {
  BuildResult r = build_exports();
  std::string ics = file_text(r, "undertakings.ics");
  CHECK(ics.find("UID:undertaking-ethnicity-breakdown@reports.example.gov.uk\r\n") != std::string::npos);
  CHECK(ics.find("UID:undertaking-treasury-report@reports.example.gov.uk\r\n") != std::string::npos);
  CHECK(ics.find("training-update") == std::string::npos);  // no date yet, so no event
  CHECK(ics.find("DTSTART;VALUE=DATE:20191016\r\n") != std::string::npos);
  CHECK(ics.find("DTEND;VALUE=DATE:20191017\r\n") != std::string::npos);
  // Every physical line is at most 75 octets and ends in CRLF.
  size_t start = 0;
  while (start < ics.size()) {
    size_t crlf = ics.find("\r\n", start);
    REQUIRE(crlf != std::string::npos);
    std::string line = ics.substr(start, crlf - start);
    INFO("line: ", line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    start = crlf + 2;
  }
}

}  // namespace
}  // namespace rs
