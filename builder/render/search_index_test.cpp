// Search snippets are cut from any text, valid UTF-8 or not, without looping
// or splitting a character.
#include "render/search_index.h"

#include <doctest/doctest.h>

#include "core/strings.h"

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

}  // namespace
}  // namespace rs
