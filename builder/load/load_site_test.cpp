// The loader as a user meets it: each fault in a hand-written file is reported
// at the exact line and column, with a suggestion where one is likely.
#include "reportsite/load/load_site.h"
#include "reportsite/core/parallel.h"

#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::build_txtar;
using fixture::diagnostics_text;
using fixture::error_rules;
using fixture::find_rule;
using fixture::kMinimalSite;
using fixture::position;
using fixture::range;
using fixture::rules;

const std::string kMeetingPath = "content/meetings/2018/2018-10-17-audit.yaml";
const std::string kMeetingFile = "site/" + kMeetingPath;

/// The minimal site with its one meeting file replaced by `yaml`.
std::string with_meeting(const std::string& yaml) { return kMinimalSite + "-- " + kMeetingPath + " --\n" + yaml; }

/// "path:line:col" of value byte `i` of `t`.
std::string where_in(const BuildResult& r, const Text& t, size_t i) {
  Span s = t.span_of(i, i + 1);
  LineCol lc = r.model.sources.line_col(s.file, s.begin);
  return r.model.sources.path(s.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

TEST_CASE("the minimal fixture site loads and builds with no findings but its missing accessibility statement") {
  BuildResult r = build_txtar(kMinimalSite);
  INFO(diagnostics_text(r));
  CHECK(fixture::rules(r) == std::vector<std::string>{"site.no-accessibility-statement"});
  CHECK(r.exit_code == 0);
  REQUIRE(r.model.meetings.size() == 1);
  CHECK(r.model.meetings[0].id == "2018-10-17-audit");
}

TEST_CASE("an unknown key is reported at the key, with the known key it resembles") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Treasury management
    reprot_of: Director of Finance
    minutes: The report was noted.
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.unknown-key");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::error);
  CHECK(range(r, *d) == kMeetingFile + ":7:5-7:14");
  CHECK(d->message.find("reprot_of") != std::string::npos);
  CHECK(d->suggestion.find("`report_of`") != std::string::npos);
  CHECK(r.exit_code == 1);
  CHECK(r.published == false);
}

TEST_CASE("an unknown key far from every known key lists the known keys instead") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    xylophone: loud
)"));
  const Diagnostic* d = find_rule(r, "load.unknown-key");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == kMeetingFile + ":6:5");
  CHECK(d->suggestion.find("did you mean") == std::string::npos);
  CHECK(d->suggestion.find("report_of") != std::string::npos);
}

TEST_CASE("a known key is not reported as unknown") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    report_of: Director of Finance
)"));
  INFO(diagnostics_text(r));
  CHECK(find_rule(r, "load.unknown-key") == nullptr);
  CHECK(r.model.meetings.at(0).items.at(0).report_of.value == "Director of Finance");
}

TEST_CASE("a value of the wrong type is reported where the value starts") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: [Treasury, management]
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.type");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == kMeetingFile + ":5:12");
  CHECK(d->message.find("title must be text, not a list") != std::string::npos);
}

TEST_CASE("a list where a list belongs is not a type error") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
attendance:
  members: [Councillor A, Councillor B]
items:
  - number: "1"
    title: Treasury management
)"));
  INFO(diagnostics_text(r));
  CHECK(find_rule(r, "load.type") == nullptr);
  CHECK(r.model.meetings.at(0).attendance.members.size() == 2);
}

TEST_CASE("a missing required field is reported at the mapping that lacks it") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    minutes: The report was noted.
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.missing-field");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == kMeetingFile + ":4:5");
  CHECK(d->message == "an agenda item needs `title`");
}

TEST_CASE("a bad id is reported at the id with the slug it should be") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    undertakings:
      - id: Treasury Report_2019
        text: Circulate the treasury report.
        owner: Director of Finance
        due: 2019-01-31
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.bad-id");
  REQUIRE(d != nullptr);
  CHECK(range(r, *d) == kMeetingFile + ":7:13-7:33");
  CHECK(d->message.find("`Treasury Report_2019`") != std::string::npos);
  CHECK(d->suggestion == "did you mean `treasury-report-2019`?");
}

TEST_CASE("a good id is not reported") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    undertakings:
      - id: treasury-report-2019
        text: Circulate the treasury report.
        owner: Director of Finance
        due: 2019-01-31
)"));
  INFO(diagnostics_text(r));
  CHECK(find_rule(r, "load.bad-id") == nullptr);
  CHECK(error_rules(r).empty());
}

TEST_CASE("a meeting date that differs from its file name is reported at the date") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-18
items:
  - number: "1"
    title: Treasury management
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.date-mismatch");
  REQUIRE(d != nullptr);
  CHECK(range(r, *d) == kMeetingFile + ":2:7-2:17");
  CHECK(d->message == "date 2018-10-18 differs from the file name's date 2018-10-17");
  CHECK(d->suggestion.find("2018-10-18-audit.yaml") != std::string::npos);
}

TEST_CASE("a meeting in the wrong year's folder is a date mismatch; the right folder is not") {
  std::string wrong_folder = kMinimalSite + R"(-- content/meetings/2019/2018-11-20-audit.yaml --
committee: audit
date: 2018-11-20
items:
  - number: "1"
    title: Treasury management
)";
  BuildResult r = build_txtar(wrong_folder);
  const Diagnostic* d = find_rule(r, "load.date-mismatch");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == "site/content/meetings/2019/2018-11-20-audit.yaml:2:7");
  CHECK(d->message.find("content/meetings/2018/") != std::string::npos);

  BuildResult ok = build_txtar(kMinimalSite);
  CHECK(find_rule(ok, "load.date-mismatch") == nullptr);
}

TEST_CASE("a YAML syntax error is reported where the parser stopped") {
  // A plain value may not contain ": " — the parser stops at the second colon.
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Minutes: agreed
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.yaml-syntax");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == kMeetingFile + ":5:19");
  CHECK(d->message.find("this is not valid YAML") == 0);
  CHECK(!d->suggestion.empty());
}

TEST_CASE("a quoted value containing a colon is valid YAML") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: "Minutes: agreed"
)"));
  INFO(diagnostics_text(r));
  CHECK(find_rule(r, "load.yaml-syntax") == nullptr);
  CHECK(r.model.meetings.at(0).items.at(0).title.value == "Minutes: agreed");
}

TEST_CASE("a key given twice is reported at its second use") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
status: draft
status: confirmed
items:
  - number: "1"
    title: Treasury management
)"));
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.duplicate-key");
  REQUIRE(d != nullptr);
  CHECK(range(r, *d) == kMeetingFile + ":4:1-4:7");
  CHECK(d->message == "key `status` is given twice in a meeting");
  CHECK(fixture::count_rule(r, "load.duplicate-key") == 1);
}

TEST_CASE("a word inside a literal block scalar maps to its line and column") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    minutes: |
      The Committee received the report.
        An indented line about the budget.

      Members asked about reserves.
)"));
  INFO(diagnostics_text(r));
  REQUIRE(r.model.meetings.size() == 1);
  const Text& minutes = r.model.meetings[0].items.at(0).minutes;
  CHECK(minutes.value ==
        "The Committee received the report.\n  An indented line about the budget.\n\nMembers asked about reserves.\n");
  CHECK(where_in(r, minutes, minutes.value.find("budget")) == kMeetingFile + ":8:36");
  CHECK(where_in(r, minutes, minutes.value.find("reserves")) == kMeetingFile + ":10:27");
  CHECK(where_in(r, minutes, 0) == kMeetingFile + ":7:7");
}

TEST_CASE("a word after an escaped quote in a double-quoted scalar maps past the escape") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: "The \"Annual\" report on budgets"
)"));
  INFO(diagnostics_text(r));
  REQUIRE(r.model.meetings.size() == 1);
  const Text& title = r.model.meetings[0].items.at(0).title;
  CHECK(title.value == "The \"Annual\" report on budgets");
  // Value byte of "report" is 13; in the file two backslashes come before it.
  CHECK(where_in(r, title, title.value.find("report")) == kMeetingFile + ":5:28");
  CHECK(where_in(r, title, title.value.find("budgets")) == kMeetingFile + ":5:38");
  // The escaped quote itself maps to its backslash.
  CHECK(where_in(r, title, title.value.find('"')) == kMeetingFile + ":5:17");
}

TEST_CASE("a word in a page's body maps to its line in the .md file, after the front matter") {
  BuildResult r = build_txtar(kMinimalSite + R"(-- content/pages/about.md --
---
title: About these pages
order: 2
---
This site publishes the minutes.

It lists every undertaking.
)");
  INFO(diagnostics_text(r));
  REQUIRE(r.model.pages.size() == 1);
  const Page& p = r.model.pages[0];
  CHECK(p.stem == "about");
  CHECK(p.order == 2);
  CHECK(p.title.value == "About these pages");
  CHECK(where_in(r, p.title, 0) == "site/content/pages/about.md:2:8");
  CHECK(p.body.value == "This site publishes the minutes.\n\nIt lists every undertaking.\n");
  CHECK(where_in(r, p.body, p.body.value.find("undertaking")) == "site/content/pages/about.md:7:16");
  CHECK(where_in(r, p.body, 0) == "site/content/pages/about.md:5:1");
}

TEST_CASE("an error in a page's front matter is reported at its line in the .md file") {
  BuildResult r = build_txtar(kMinimalSite + R"(-- content/pages/about.md --
---
title: About
ordr: 2
---
Body.
)");
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.unknown-key");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == "site/content/pages/about.md:3:1");
  CHECK(d->suggestion.find("`order`") != std::string::npos);
}

TEST_CASE("every fault of a file is reported, not just the first") {
  BuildResult r = build_txtar(with_meeting(R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    reprot_of: Director of Finance
  - number: "2"
    title: Internal audit
    exempt: yes
)"));
  INFO(diagnostics_text(r));
  CHECK(error_rules(r) == std::vector<std::string>{"load.unknown-key", "load.bad-value"});
  const Diagnostic* bad = find_rule(r, "load.bad-value");
  REQUIRE(bad != nullptr);
  CHECK(position(r, *bad) == kMeetingFile + ":9:13");
}

TEST_CASE("faults in several files are all reported") {
  BuildResult r = build_txtar(kMinimalSite + R"(-- data/site.yaml --
title: Test Council committee reports
organisation: Test Borough Council
municipal_year_starts: 13-01
-- content/actions/audit.yaml --
- undertaking: treasury-report
  date: 2019-02-30
  status: open
)");
  INFO(diagnostics_text(r));
  const Diagnostic* year = find_rule(r, "load.bad-value");
  const Diagnostic* date = find_rule(r, "load.bad-date");
  REQUIRE(year != nullptr);
  REQUIRE(date != nullptr);
  CHECK(position(r, *year) == "site/data/site.yaml:3:24");
  CHECK(position(r, *date) == "site/content/actions/audit.yaml:2:9");
}

TEST_CASE("a folder without data/site.yaml is reported as not a site") {
  BuildResult r = build_txtar(R"(-- data/committees.yaml --
- id: audit
  name: Audit Committee
)");
  const Diagnostic* d = find_rule(r, "load.missing-file");
  REQUIRE(d != nullptr);
  CHECK(d->where == "site/data/site.yaml");
  CHECK(r.exit_code != 0);
  CHECK(r.model.meetings.empty());
}

}  // namespace
}  // namespace rs

namespace rs {
namespace {

// Regression: files read in parallel once marked themselves readable in a
// vector<bool>, whose bits share words; lost updates silently dropped meetings.
TEST_CASE("every file of a large site is loaded, whatever the threads") {
  set_worker_count(4);
  struct Restore {
    ~Restore() { set_worker_count(0); }
  } restore;
  MemoryFileSystem fs;
  fs.files["site/data/site.yaml"] = "title: T\norganisation: O\n";
  fs.files["site/data/committees.yaml"] = "- id: audit\n  name: Audit Committee\n";
  const int kMeetings = 3000;
  for (int i = 0; i < kMeetings; ++i) {
    Date d = Date::from_days(Date{2000, 1, 1}.days() + i);
    fs.files["site/content/meetings/" + std::to_string(d.year) + "/" + d.iso() + "-audit.yaml"] =
        "committee: audit\ndate: " + d.iso() + "\nitems:\n  - number: \"1\"\n    title: Minutes\n";
  }
  Diagnostics diags;
  Model model = load_site(fs, "site", diags);
  CHECK(diags.error_count() == 0);
  CHECK(model.meetings.size() == static_cast<size_t>(kMeetings));
}

}  // namespace
}  // namespace rs

namespace rs {
namespace {

using fixture::build_txtar;
using fixture::diagnostics_text;
using fixture::find_rule;
using fixture::kMinimalSite;
using fixture::position;

const std::string kAudit = "content/meetings/2018/2018-10-17-audit.yaml";
const std::string kAuditFile = "site/" + kAudit;

std::string meeting_with(const std::string& yaml) { return kMinimalSite + "-- " + kAudit + " --\n" + yaml; }

/// An exempt item whose `exempt:` line is `line`; its minutes are never to be published.
std::string exempt_item(const std::string& line) {
  return meeting_with("committee: audit\ndate: 2018-10-17\nitems:\n  - number: \"9\"\n    title: Contract dispute\n" +
                      line + "\n    minutes: SECRET minutes.\n");
}

TEST_CASE("exempt: empty, null, true, yes or a word is an error at the value, and the item is held exempt") {
  struct Case {
    const char* line;
    const char* at;
    const char* says;
  };
  for (const Case& c : {Case{"    exempt:", ":6:5", "not empty"}, Case{"    exempt: ~", ":6:13", "not `~`"},
                        Case{"    exempt: null", ":6:13", "not `null`"}, Case{"    exempt: true", ":6:13", "not `true`"},
                        Case{"    exempt: yes", ":6:13", "not `yes`"}, Case{"    exempt: \"\"", ":6:13", "not ``"},
                        Case{"    exempt: private", ":6:13", "not `private`"},
                        Case{"    exempt: [3]", ":6:13", "not a list"}, Case{"    exempt: 0", ":6:13", "not `0`"}}) {
    CAPTURE(c.line);
    BuildResult r = build_txtar(exempt_item(c.line));
    INFO(diagnostics_text(r));
    const Diagnostic* d = find_rule(r, "load.bad-value");
    REQUIRE(d != nullptr);
    CHECK(position(r, *d) == kAuditFile + c.at);
    CHECK(d->message.find(c.says) != std::string::npos);
    CHECK(r.exit_code == 1);
    REQUIRE(r.model.meetings.size() == 1);
    const Item& it = r.model.meetings[0].items.at(0);
    CHECK(it.exempt());
    CHECK(it.minutes.empty());
  }
  BuildResult ok = build_txtar(exempt_item("    exempt: false"));
  CHECK(ok.exit_code == 0);
  CHECK(ok.model.meetings.at(0).items.at(0).minutes.value == "SECRET minutes.");
}

TEST_CASE("exempt: an action point on an exempt item's undertaking is still refused, from the cache too") {
  MemoryFileSystem fs;
  fixture::add_site(fs, meeting_with(R"(committee: audit
date: 2018-10-17
items:
  - number: "9"
    title: Contract dispute
    exempt: 3
    undertakings:
      - id: contract-settlement
        text: Report the settlement figure.
        owner: Director of Finance
-- content/actions/audit.yaml --
- undertaking: contract-settlement
  date: 2019-01-10
  status: completed
)"));
  for (int build = 0; build < 2; ++build) {
    BuildResult r = fixture::build_in(fs);
    INFO(diagnostics_text(r));
    CHECK(fixture::error_rules(r) == std::vector<std::string>{"privacy.exempt-undertaking"});
  }
}

TEST_CASE("items that are not mappings are each an error at the item, with no duplicate-number error") {
  BuildResult r = build_txtar(meeting_with("committee: audit\ndate: 2018-10-17\nitems: [a, b]\n"));
  INFO(diagnostics_text(r));
  CHECK(fixture::error_rules(r) == std::vector<std::string>{"load.type", "load.type"});
  REQUIRE(find_rule(r, "load.type"));
  CHECK(position(r, *find_rule(r, "load.type")) == kAuditFile + ":3:9");
  CHECK(find_rule(r, "load.type")->message.find("each agenda item must be a mapping") == 0);
  CHECK(find_rule(r, "resolve.duplicate-item") == nullptr);
}

TEST_CASE("a file saved as Latin-1 is a load.encoding error at its first bad byte") {
  BuildResult r = build_txtar(meeting_with("committee: audit\ndate: 2018-10-17\nvenue: Caf\xE9 Room\nitems:\n"
                                           "  - number: \"1\"\n    title: Minutes\n"));
  INFO(diagnostics_text(r));
  CHECK(fixture::error_rules(r) == std::vector<std::string>{"load.encoding"});
  const Diagnostic* d = find_rule(r, "load.encoding");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == kAuditFile + ":3:11");
  CHECK(d->message.find("0xE9") != std::string::npos);
  CHECK(d->suggestion.find("UTF-8") != std::string::npos);
  // The caret line shows no byte that is not UTF-8.
  std::string shown = format_text(*d, r.model.sources);
  CHECK(shown.find('\xE9') == std::string::npos);
  CHECK(shown.find("Caf\xEF\xBF\xBD Room") != std::string::npos);
}

TEST_CASE("a file saved as UTF-16 is named as UTF-16, and no NUL byte is printed") {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("title: T\norganisation: O\n")) utf16 += std::string{c, '\0'};
  BuildResult r = build_txtar(kMinimalSite + "-- data/site.yaml --\n" + utf16 + "\n");
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.encoding");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == "site/data/site.yaml:1:1");
  CHECK(d->message.find("UTF-16 (little-endian)") != std::string::npos);
  CHECK(format_text(*d, r.model.sources).find('\0') == std::string::npos);

  std::string no_bom;  // big-endian, no byte-order mark: found from the NULs
  for (char c : std::string("title: T\norganisation: O\n")) no_bom += std::string{'\0', c};
  BuildResult be = build_txtar(kMinimalSite + "-- data/site.yaml --\n" + no_bom + "\n");
  const Diagnostic* b = find_rule(be, "load.encoding");
  REQUIRE(b != nullptr);
  CHECK(b->message.find("UTF-16 (big-endian)") != std::string::npos);
}

TEST_CASE("a UTF-8 byte-order mark is accepted, in YAML files and pages") {
  BuildResult r = build_txtar(kMinimalSite + "-- data/site.yaml --\n\xEF\xBB\xBFtitle: T\norganisation: O\n"
                              "-- content/pages/about.md --\n\xEF\xBB\xBF---\ntitle: About\n---\nBody.\n");
  INFO(diagnostics_text(r));
  CHECK(r.exit_code == 0);
  CHECK(r.model.site.title.value == "T");
  REQUIRE(r.model.pages.size() == 1);
  CHECK(r.model.pages[0].title.value == "About");
}

TEST_CASE("a data file that is a folder exits 2 with a clear message") {
  for (const std::string name : {"site.yaml", "committees.yaml", "glossary.yaml"}) {
    CAPTURE(name);
    MemoryFileSystem fs;
    fixture::add_site(fs, kMinimalSite);
    fs.files.erase("site/data/" + name);
    fs.files["site/data/" + name + "/stray.txt"] = "a folder where the file should be\n";
    BuildResult r = fixture::build_in(fs);
    INFO(diagnostics_text(r));
    const Diagnostic* d = find_rule(r, "load.io");
    REQUIRE(d != nullptr);
    CHECK(d->where == "site/data/" + name);
    CHECK(d->message == "data/" + name + " is a folder, not a file: the builder cannot read it");
    CHECK(r.exit_code == 2);
    CHECK(find_rule(r, "load.type") == nullptr);
  }
}

TEST_CASE("an empty glossary warns that every glossary check is off") {
  for (const std::string text : {"", "# nothing yet\n", "[]\n"}) {
    BuildResult r = build_txtar(kMinimalSite + "-- data/glossary.yaml --\n" + text);
    INFO(diagnostics_text(r));
    const Diagnostic* d = find_rule(r, "load.glossary-empty");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::warning);
    CHECK(d->message.find("every glossary check is off") != std::string::npos);
    CHECK(r.exit_code == 0);
  }
  BuildResult full = build_txtar(kMinimalSite + "-- data/glossary.yaml --\n- allow: [HR]\n");
  CHECK(find_rule(full, "load.glossary-empty") == nullptr);
}

TEST_CASE("a meeting file with a wrong extension is never dropped without a word") {
  BuildResult r = build_txtar(kMinimalSite + "-- content/meetings/2019/2019-01-09-audit.YAML --\ncommittee: audit\n"
                              "-- content/meetings/2019/notes.txt --\nnotes\n"
                              "-- content/meetings/2019/.DS_Store --\nx\n"
                              "-- content/pages/drafts/old.md --\n---\ntitle: Old\n---\n"
                              "-- content/meetings/2019/2019-02-01-audit.yml --\ncommittee: audit\ndate: 2019-02-01\n"
                              "items:\n  - number: \"1\"\n    title: Minutes\n");
  INFO(diagnostics_text(r));
  const Diagnostic* name = find_rule(r, "load.file-name");
  REQUIRE(name != nullptr);
  CHECK(name->severity == Severity::error);
  CHECK(name->where == "site/content/meetings/2019/2019-01-09-audit.YAML");
  CHECK(name->suggestion == "rename it to 2019-01-09-audit.yaml");
  CHECK(fixture::count_rule(r, "load.ignored-file") == 2);  // notes.txt and the page in a folder; not .DS_Store
  CHECK(r.model.meetings.size() == 2);  // .yml is read
}

TEST_CASE("a meeting dated in the year 9999 is a bad date, not the municipal year 9999-00") {
  BuildResult r = build_txtar(kMinimalSite + "-- content/meetings/9999/9999-06-01-audit.yaml --\ncommittee: audit\n"
                              "date: 9999-06-01\nitems:\n  - number: \"1\"\n    title: Minutes\n");
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "load.bad-date");
  REQUIRE(d != nullptr);
  CHECK(position(r, *d) == "site/content/meetings/9999/9999-06-01-audit.yaml:2:7");
  for (const auto& y : r.site.years) CHECK(y.slug() != "9999-00");
}

TEST_CASE("keep: lists paths inside the output folder; anything else is an error at the entry") {
  BuildResult ok = build_txtar(kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\n"
                               "keep: [CNAME, .well-known/, .git/, assets/photos/logo.png]\n");
  INFO(diagnostics_text(ok));
  CHECK(ok.exit_code == 0);
  std::vector<std::string> kept;
  for (const auto& k : ok.model.site.keep) kept.push_back(k.value);
  CHECK(kept == std::vector<std::string>{"CNAME", ".well-known/", ".git/", "assets/photos/logo.png"});
  CHECK(position(ok, Diagnostic{Severity::note, "", "", ok.model.site.keep[1].span, "", "", ""}) ==
        "site/data/site.yaml:3:15");

  BuildResult bad = build_txtar(kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\nkeep:\n"
                                "  - \"\"\n  - /etc/passwd\n  - ../elsewhere\n  - a/../../b\n  - a//b\n  - \"*.txt\"\n"
                                "  - C:/x\n  - ./CNAME\n");
  INFO(diagnostics_text(bad));
  CHECK(fixture::count_rule(bad, "load.bad-value") == 8);
  CHECK(bad.model.site.keep.empty());
  CHECK(position(bad, *find_rule(bad, "load.bad-value")) == "site/data/site.yaml:4:5");

  BuildResult scalar = build_txtar(kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\nkeep: CNAME\n");
  CHECK(find_rule(scalar, "load.type") != nullptr);
}

}  // namespace
}  // namespace rs

namespace rs {
namespace {

TEST_CASE("licence: the Open Government Licence by default, another by its identifier or by name and address") {
  const std::string settings = "-- data/site.yaml --\ntitle: T\norganisation: O\nas_of: 2019-12-01\n";
  BuildResult by_default = fixture::resolve_txtar(fixture::kMinimalSite + settings);
  CHECK(by_default.model.site.licence.id == "OGL-UK-3.0");
  CHECK(by_default.model.site.licence.name == "Open Government Licence v3.0");

  BuildResult cc = fixture::resolve_txtar(fixture::kMinimalSite + settings + "licence: CC-BY-4.0\n");
  CHECK(cc.model.site.licence.url == "https://creativecommons.org/licenses/by/4.0/");

  BuildResult own = fixture::resolve_txtar(fixture::kMinimalSite + settings +
                                           "licence:\n  name: Council Data Licence\n  url: https://o.gov.uk/licence\n");
  INFO(fixture::diagnostics_text(own));
  CHECK(own.model.site.licence == Licence{"", "Council Data Licence", "https://o.gov.uk/licence"});

  BuildResult unknown = fixture::build_txtar(fixture::kMinimalSite + settings + "licence: OGL\n");
  const std::string text = fixture::diagnostics_text(unknown);
  CHECK(text.find("data/site.yaml:4:10: error: `OGL` is not a licence reportsite knows [load.bad-value]") !=
        std::string::npos);
  CHECK(text.find("write one of `OGL-UK-3.0`, `CC-BY-4.0`, `CC0-1.0`") != std::string::npos);
}

}  // namespace
}  // namespace rs
