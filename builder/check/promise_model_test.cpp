#include "reportsite/check/promise_model.h"

#include <doctest/doctest.h>

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

}  // namespace

TEST_CASE("an offer is a possible promise, not reported by default") {
  const char* offers[] = {
      "The Head of Planning would be happy to meet the residents.",
      "The Ecology Officer offered to guide a walk around the nature reserve.",
  };
  for (const char* text : offers) {
    std::string s = text;
    CAPTURE(s);
    CHECK(find_reported_promises(text).empty());
    CHECK(find_possible_promises(text).size() == 1);
  }
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
