// Text inputs must be UTF-8: the first bad byte is found, UTF-16 is named, and
// a UTF-8 byte-order mark is fine.
#include "reportsite/load/encoding.h"

#include <doctest/doctest.h>

#include <chrono>

namespace rs {
namespace {

TEST_CASE("encoding: UTF-8 passes, with or without a byte-order mark") {
  CHECK(!check_encoding("title: Caf\xC3\xA9 \xE2\x80\x98quoted\xE2\x80\x99 \xF0\x9F\x98\x80\n"));
  CHECK(!check_encoding("\xEF\xBB\xBFtitle: T\n"));
  CHECK(!check_encoding(""));
}

TEST_CASE("encoding: the first byte that is not UTF-8 is found") {
  auto latin1 = check_encoding("venue: Caf\xE9 Room\n");
  REQUIRE(latin1);
  CHECK(latin1->offset == 10);
  CHECK(latin1->message.find("0xE9") != std::string::npos);
  CHECK(latin1->message.find("Latin-1") != std::string::npos);
  auto cp1252 = check_encoding("a \x93quoted\x94\n");
  REQUIRE(cp1252);
  CHECK(cp1252->offset == 2);
  CHECK(cp1252->message.find("Windows-1252") != std::string::npos);
  // Overlong forms, surrogates, code points past U+10FFFF and cut sequences are not UTF-8.
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80", "\x80"}) {
    auto p = check_encoding("ok " + bad + " end");
    REQUIRE(p);
    CHECK(p->offset == 3);
  }
}

TEST_CASE("encoding: UTF-16 and UTF-32 are named, with or without a byte-order mark") {
  CHECK(check_encoding(std::string("\xFF\xFEt\0i\0", 6))->message.find("UTF-16 (little-endian)") != std::string::npos);
  CHECK(check_encoding(std::string("\xFE\xFF\0t\0i", 6))->message.find("UTF-16 (big-endian)") != std::string::npos);
  CHECK(check_encoding(std::string("t\0i\0t\0l\0e\0", 10))->message.find("UTF-16 (little-endian)") != std::string::npos);
  CHECK(check_encoding(std::string("\xFF\xFE\0\0t\0\0\0", 8))->message.find("UTF-32") != std::string::npos);
  auto nul = check_encoding(std::string("title: a long line of text\0 and more text after it\n", 51));
  REQUIRE(nul);
  CHECK(nul->offset == 26);
  CHECK(nul->message.find("NUL") != std::string::npos);
}

TEST_CASE("encoding: replacing bytes that are not UTF-8 keeps the length and ends on any input" * doctest::timeout(2)) {
  std::string s = "Room\x85" "1 \xC3\xA9 \xE2\x80";
  CHECK(replace_invalid_utf8(s));
  CHECK(s == "Room?1 \xC3\xA9 ??");
  std::string fine = "caf\xC3\xA9";
  CHECK(!replace_invalid_utf8(fine));
  // Every run of continuation bytes (which once looped the calendar writer) ends.
  std::string junk(1 << 20, '\x80');
  CHECK(replace_invalid_utf8(junk));
  CHECK(junk == std::string(1 << 20, '?'));
}

}  // namespace
}  // namespace rs
