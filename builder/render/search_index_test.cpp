// Search snippets are cut from any text, valid UTF-8 or not, without looping
// or splitting a character; the index numbers documents by date and gives the
// filters their values by name and their documents as runs.
#include "reportsite/render/search_index.h"

#include <doctest/doctest.h>

#include "reportsite/core/strings.h"
#include "site_fixture.h"

namespace rs {
namespace {

bool whole_characters(const std::string& s) {
  size_t k = 0;
  while (k < s.size()) k += utf8_char_size(s, k);
  return k == s.size();
}

TEST_CASE("a short text is its own snippet; a long one is cut at a space with an ellipsis") {
  CHECK(search_snippet("Short minutes.") == "Short minutes.");
  std::string words;
  while (words.size() < 400) words += "budget ";
  std::string s = search_snippet(words);
  CHECK(s.size() <= 240 + 3);
  CHECK(ends_with(s, "budget…"));
}

TEST_CASE("snippets of multi-byte text, invalid bytes and continuation runs keep characters whole") {
  const std::string euro = "\xE2\x82\xAC";
  std::string euros;
  for (int i = 0; i < 200; ++i) euros += euro;
  for (const std::string& text : {euros, std::string(1000, '\x80'), "a" + std::string(500, '\xBF'),
                                  std::string(239, 'x') + euro + std::string(10, 'y'),
                                  std::string(200, '\xE2') + euros}) {
    std::string s = search_snippet(text);
    REQUIRE(ends_with(s, "…"));
    std::string body = s.substr(0, s.size() - 3);
    CHECK(body.size() <= 240);
    CHECK(body.size() >= 200);  // cut near the limit, not thrown away
    CHECK(whole_characters(body));
    CHECK(text.compare(0, body.size(), body) == 0);
  }
}

TEST_CASE("the filters offer committees by name and list each one's documents; the newest are numbered last") {
  BuildResult r = fixture::build_txtar(fixture::kMinimalSite + R"(-- content/meetings/2019/2019-06-05-scrutiny.yaml --
committee: scrutiny
date: 2019-06-05
items:
  - number: "3"
    title: Library opening hours
    minutes: Members discussed opening hours.
)");
  std::string meta = fixture::file_text(r, "assets/search/meta.js");
  CHECK(meta.find(R"("committees":[["audit","Audit Committee"],["scrutiny","Scrutiny Committee"]])") != std::string::npos);
  CHECK(meta.find(R"("years":[["2019-20","2019/20"],["2018-19","2018/19"]])") != std::string::npos);
  // Documents 0-1 are the audit meeting and its item; 2-3 the later scrutiny meeting and its item.
  std::string committees = fixture::file_text(r, "assets/search/facets-committee.js");
  CHECK(committees.find(R"("audit":"0.2")") != std::string::npos);
  CHECK(committees.find(R"("scrutiny":"2.2")") != std::string::npos);
  std::string kinds = fixture::file_text(r, "assets/search/facets-kind.js");
  CHECK(kinds.find(R"("meeting":"0.1,1.1")") != std::string::npos);
  std::string docs = fixture::file_text(r, "assets/search/docs-0.js");
  size_t audit = docs.find(R"(["Meeting","Audit Committee, 17 October 2018")");
  size_t scrutiny = docs.find(R"(["Meeting","Scrutiny Committee, 5 June 2019")");
  REQUIRE(scrutiny != std::string::npos);
  CHECK(audit < scrutiny);
}

}  // namespace
}  // namespace rs
