#include "reportsite/check/promise_model.h"

#include <doctest/doctest.h>

#include "reportsite/check/check.h"
#include "reportsite/pipeline/registry.h"
#include "site_fixture.h"

#include <string>
#include <vector>

using rs::find_possible_promises;
using rs::find_reported_promises;

namespace {

std::vector<std::string> phrases(const std::vector<rs::PromisePhrase>& found) {
  std::vector<std::string> out;
  for (const auto& p : found) out.push_back(p.phrase);
  return out;
}

// One phrase, found in the possible tier only.
void only_possible(const char* text) {
  std::string s = text;
  CAPTURE(s);
  CHECK(find_reported_promises(text).empty());
  CHECK(find_possible_promises(text).size() == 1);
}

}  // namespace

TEST_CASE("an offer is a possible promise, not reported by default") {
  const char* offers[] = {
      "The Head of Planning would be happy to meet the residents.",
      "The Ecology Officer offered to guide a walk around the nature reserve.",
  };
  for (const char* text : offers) only_possible(text);
}

TEST_CASE("a commitment is reported by default, and is no possible promise") {
  const char* text = "The Head of Planning would meet the residents to discuss their concerns.";
  CHECK(phrases(find_reported_promises(text)) == std::vector<std::string>{"would meet"});
  CHECK(find_possible_promises(text).empty());
}

TEST_CASE("an offer and a commitment in one paragraph go to their own tiers") {
  const char* text =
      "The Clerk agreed to write to the landowner. The Chair would be happy to join the site visit.";
  CHECK(phrases(find_reported_promises(text)) == std::vector<std::string>{"agreed to write"});
  CHECK(phrases(find_possible_promises(text)) == std::vector<std::string>{"would be happy to join"});
}

namespace rs {
namespace {

// The possible tier as a user meets it: `check --possible-promises` adds its
// check, and an offer is then a note of its own rule, never a warning.
TEST_CASE("asked for, an offer in the minutes is an undertaking.possible note; by default nothing") {
  const std::string site = fixture::kMinimalSite + R"(-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Minutes of the previous meeting
    minutes: The Head of Finance offered to circulate the revised figures to members.
)";
  BuildResult plain = fixture::build_txtar(site);
  CHECK(fixture::count_rule(plain, "undertaking.possible") == 0);
  CHECK(fixture::count_rule(plain, "undertaking.untracked") == 0);

  Registry registry = builtin_registry();
  registry.checks.push_back(make_possible_promise_check());
  BuildOptions o;
  o.registry = &registry;
  BuildResult asked = fixture::build_txtar(site, o);
  const Diagnostic* d = fixture::find_rule(asked, "undertaking.possible");
  REQUIRE(d);
  CHECK(d->severity == Severity::note);
  CHECK(d->message.find("offered to circulate") != std::string::npos);
  CHECK(d->message.find("offered-to") != std::string::npos);
  CHECK(asked.exit_code == 0);
}

}  // namespace
}  // namespace rs

TEST_CASE("an organisation's plan and a decision instructing an officer are possible promises; a person's intention is reported") {
  const char* possible[] = {
      "From next year the Council intended to move to paperless meetings.",
      "The team aimed to clear the backlog of grant assessments by the summer.",
      "RESOLVED: That the Head of Parks write to the landowner about the hedge.",
  };
  for (const char* text : possible) only_possible(text);
  CHECK(phrases(find_reported_promises("The Head of Parks intended to write to the landowner about the hedge.")) ==
        std::vector<std::string>{"intended to write"});
}
