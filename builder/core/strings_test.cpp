// Cutting text never loops and never splits a character, whatever the bytes:
// the folding, snippet and clipping routines all stand on these.
#include "reportsite/core/strings.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

const std::string kPound = "\xC2\xA3";         // £, 2 bytes
const std::string kEuro = "\xE2\x82\xAC";      // €, 3 bytes
const std::string kEmoji = "\xF0\x9F\x98\x80";  // 😀, 4 bytes

TEST_CASE("utf8_char_size: whole sequences, and 1 for any byte that starts none") {
  CHECK(utf8_char_size("a", 0) == 1);
  CHECK(utf8_char_size(kPound, 0) == 2);
  CHECK(utf8_char_size(kEuro, 0) == 3);
  CHECK(utf8_char_size(kEmoji, 0) == 4);
  CHECK(utf8_char_size("\x80\x80", 0) == 1);          // stray continuation
  CHECK(utf8_char_size("\xE2\x82", 0) == 1);          // truncated
  CHECK(utf8_char_size("\xC0\xAF", 0) == 1);          // overlong '/'
  CHECK(utf8_char_size("\xE0\x80\xAF", 0) == 1);      // overlong
  CHECK(utf8_char_size("\xED\xA0\x80", 0) == 1);      // surrogate
  CHECK(utf8_char_size("\xF4\x90\x80\x80", 0) == 1);  // above U+10FFFF
  CHECK(utf8_char_size("\xFF", 0) == 1);
  CHECK(utf8_char_size("ab", 5) == 1);  // past the end: still progress
}

TEST_CASE("utf8_chars counts an invalid byte as one character") {
  CHECK(utf8_chars("") == 0);
  CHECK(utf8_chars("a" + kPound + kEuro + kEmoji) == 4);
  CHECK(utf8_chars(std::string(200, '\x80')) == 200);
  CHECK(utf8_chars("a\xE2\x82" "b") == 4);
}

TEST_CASE("utf8_cut keeps characters whole and always moves forward") {
  std::string s = "ab" + kEuro + "c";
  CHECK(utf8_cut(s, 0, 2) == 2);
  CHECK(utf8_cut(s, 0, 3) == 2);  // would split the euro
  CHECK(utf8_cut(s, 0, 4) == 2);
  CHECK(utf8_cut(s, 0, 5) == 5);
  CHECK(utf8_cut(s, 0, 100) == s.size());
  CHECK(utf8_cut(s, 2, 1) == 5);  // one character longer than the room: taken whole
  CHECK(utf8_cut(s, 2, 0) == 2);
  CHECK(utf8_cut(s, 6, 3) == s.size());

  // Long runs of continuation bytes (the iCalendar hang) and other junk:
  // each byte is a character, so a cut lands exactly at the limit.
  std::string junk(300, '\xBF');
  CHECK(utf8_cut(junk, 0, 75) == 75);
  CHECK(utf8_cut(junk, 75, 74) == 149);
  std::string mixed = kEuro + std::string(100, '\x80') + kEmoji + "\xE2\x82";
  for (size_t room = 1; room < 10; ++room) {
    size_t pos = 0, steps = 0;
    while (pos < mixed.size()) {
      size_t next = utf8_cut(mixed, pos, room);
      REQUIRE(next > pos);
      // Never inside a valid sequence: the cut is where a character starts.
      if (next < mixed.size()) {
        size_t k = 0;
        while (k < next) k += utf8_char_size(mixed, k);
        CHECK(k == next);
      }
      pos = next;
      REQUIRE(++steps <= mixed.size());
    }
  }
}

TEST_CASE("utf8_prefix_bytes takes whole characters, invalid bytes one at a time") {
  std::string s = kPound + "\x80" + kEmoji + "z";
  CHECK(utf8_prefix_bytes(s, 0) == 0);
  CHECK(utf8_prefix_bytes(s, 1) == 2);
  CHECK(utf8_prefix_bytes(s, 2) == 3);
  CHECK(utf8_prefix_bytes(s, 3) == 7);
  CHECK(utf8_prefix_bytes(s, 4) == 8);
  CHECK(utf8_prefix_bytes(s, 99) == 8);
  CHECK(utf8_prefix_bytes(std::string(1000, '\x80'), 10) == 10);
}

}  // namespace
}  // namespace rs
