// Unfinished minutes as an officer leaves them: a skeleton not filled in, a
// "Resolved" left empty. Seen as the build reports them, through the pipeline.
#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::build_txtar;
using fixture::count_rule;
using fixture::diagnostics_text;

std::string meeting(const std::string& status, const std::string& item) {
  return fixture::kMinimalSite + "-- content/meetings/2019/2019-03-05-scrutiny.yaml --\n"
         "committee: scrutiny\ndate: 2019-03-05\ntime: \"\"\nvenue: \"\"\nstatus: " + status + "\nitems:\n" + item;
}

const std::string kSkeletonItem =
    "  - number: \"1\"\n    title: Apologies for absence\n    minutes: |\n      \n    resolved: |\n      \n";

TEST_CASE("unfinished: a skeleton left unfilled is a positioned warning while the minutes are a draft") {
  BuildResult r = build_txtar(meeting("draft", kSkeletonItem));
  const std::string text = diagnostics_text(r);
  INFO(text);
  CHECK(r.errors == 0);
  CHECK(count_rule(r, "meeting.unfinished") == 4);  // time, venue, minutes, resolved
  CHECK(text.find("2019-03-05-scrutiny.yaml:3:7: warning: the meeting's `time:` is empty") != std::string::npos);
  CHECK(text.find("warning: item 1 has an empty “Resolved”") != std::string::npos);
  CHECK(text.find("warning: item 1 has empty minutes") != std::string::npos);
}

TEST_CASE("unfinished: a confirmed meeting with an empty Resolved is not published") {
  BuildResult r = build_txtar(meeting("confirmed", kSkeletonItem));
  INFO(diagnostics_text(r));
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.published);
  CHECK(diagnostics_text(r).find("error: item 1 has an empty “Resolved”; the minutes are confirmed") != std::string::npos);
}

TEST_CASE("unfinished: an item with only a title has no record") {
  BuildResult r = build_txtar(meeting("draft", "  - number: \"4\"\n    title: Any other business\n"));
  INFO(diagnostics_text(r));
  CHECK(diagnostics_text(r).find("item 4 (Any other business) has neither minutes nor a resolution") != std::string::npos);
}

TEST_CASE("unfinished: absent optional fields and exempt items are not unfinished") {
  BuildResult r = build_txtar(fixture::kMinimalSite + "-- content/meetings/2019/2019-03-05-scrutiny.yaml --\n"
                              "committee: scrutiny\ndate: 2019-03-05\nstatus: confirmed\nitems:\n"
                              "  - number: \"1\"\n    title: Declarations\n    minutes: None were made.\n"
                              "  - number: \"2\"\n    title: A contract\n    exempt: 3\n");
  INFO(diagnostics_text(r));
  CHECK(count_rule(r, "meeting.unfinished") == 0);
  CHECK(r.errors == 0);
}

}  // namespace
}  // namespace rs
