// Each meeting as Akoma Ntoso: valid against the OASIS schema, every speaker
// declared once and pointed at, exempt items reduced to what the page shows.
#include "reportsite/render/akoma_ntoso.h"

#include <doctest/doctest.h>

#include "akn_check.h"
#include "reportsite/core/fs.h"
#include "site_fixture.h"

namespace rs {
namespace {

const akn::Schema& schema() {
  static const akn::Schema s(REPORTSITE_SOURCE_DIR "/tests/schemas/akomantoso/akomantoso30.xsd");
  return s;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

const OutputFile* find_file(const BuildResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

const std::string kDebate = fixture::kMinimalSite + R"(-- data/people.yaml --
- id: jo-bloggs
  name: Councillor Jo Bloggs
  role: member
- id: sam-okafor
  name: Sam Okafor, Head of Finance
  role: officer
-- content/meetings/2019/2019-03-05-audit.yaml --
committee: audit
date: 2019-03-05
status: draft
attendance:
  members: [jo-bloggs, "Councillor A & B <Smith>"]
  officers: [sam-okafor]
items:
  - number: "4.1"
    title: Treasury management & borrowing
    minutes: |
      The Committee received the report.

      Members discussed the borrowing limits.
    discussion:
      - asked_by: jo-bloggs
        question: Why had borrowing risen?
        answered_by: sam-okafor
        answer: Rates had fallen, so the council had borrowed early.
        undertakings: [borrowing-note]
      - question: A member asked whether the limits would change.
        answer: Not this year.
    undertakings:
      - id: borrowing-note
        text: Circulate a note on the borrowing profile
        owner: sam-okafor
        due: 2019-04-30
    resolved: That the report be noted.
  - number: "5"
    title: Contract dispute
    exempt: 3
    minutes: SECRET-SETTLEMENT-FIGURE
)";

TEST_CASE("akoma ntoso: a meeting is a valid debate, every speaker declared and pointed at") {
  REQUIRE(schema().ok());
  BuildResult r = fixture::build_txtar(kDebate);
  INFO(fixture::diagnostics_text(r));
  const OutputFile* f = find_file(r, "meetings/2019-03-05-audit/2019-03-05-audit.akn.xml");
  REQUIRE(f);
  const std::string& xml = f->bytes;
  CHECK(joined(schema().problems(xml)) == "");
  CHECK(xml.find("<FRBRuri value=\"/akn/gb-test-borough-council/debaterecord/2019-03-05/audit\"/>") !=
        std::string::npos);
  CHECK(xml.find("<TLCPerson eId=\"person_jo-bloggs\"") != std::string::npos);
  CHECK(xml.find("showAs=\"Councillor A &amp; B &lt;Smith&gt;\"") != std::string::npos);  // escaped by the writer
  CHECK(xml.find("<question eId=\"item_4-1__q_1\" by=\"#person_jo-bloggs\"><from>Councillor Jo Bloggs</from>") !=
        std::string::npos);
  CHECK(xml.find("<answer eId=\"item_4-1__a_1\" by=\"#person_sam-okafor\"><from>Sam Okafor, Head of Finance</from>") !=
        std::string::npos);
  CHECK(xml.find("by=\"#role_unnamed\"><from>Unnamed</from>") != std::string::npos);
  CHECK(xml.find("<ref href=\"../../undertakings/borrowing-note/index.html\">Circulate a note on the borrowing "
                 "profile</ref>") != std::string::npos);
  CHECK(xml.find("<resolutions eId=\"item_4-1__resolved\"><heading>Resolved</heading><p>That the report be noted.</p>") !=
        std::string::npos);
  CHECK(xml.find("name=\"draft minutes\"") != std::string::npos);
  // The exempt item: its number, title and paragraph, and nothing of its text.
  CHECK(xml.find("<num>5</num><heading>Contract dispute</heading><p>This item was considered in private. It is "
                 "exempt from publication under paragraph 3") != std::string::npos);
  CHECK(xml.find("SECRET") == std::string::npos);
}

TEST_CASE("akoma ntoso: every meeting of the example site and the test sites validates") {
  REQUIRE(schema().ok());
  RealFileSystem fs;
  for (const std::string site : {std::string(REPORTSITE_SOURCE_DIR), std::string(REPORTSITE_SOURCE_DIR "/tests/sites/exempt"),
                                 std::string(REPORTSITE_SOURCE_DIR "/tests/sites/xss")}) {
    BuildOptions o;
    o.site_dir = site;
    o.write = false;
    BuildResult r = build_site(fs, o);
    size_t documents = 0;
    for (const auto& f : r.files) {
      if (f.path.size() < 8 || f.path.compare(f.path.size() - 8, 8, ".akn.xml") != 0) continue;
      ++documents;
      INFO(site << ": " << f.path);
      CHECK(joined(schema().problems(f.bytes)) == "");
    }
    INFO(site);
    CHECK(documents > 0);
    CHECK(documents == r.model.meetings.size());
  }
}

}  // namespace
}  // namespace rs
