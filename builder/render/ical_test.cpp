// iCalendar text: RFC 5545 escaping (and nothing else: no HTML entities), and
// folding that ends on any bytes and never splits a character.
#include "reportsite/render/ical.h"

#include <doctest/doctest.h>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

/// The physical lines of `out`, which must each end in CRLF.
std::vector<std::string> physical_lines(const std::string& out) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t crlf = out.find("\r\n", start);
    REQUIRE(crlf != std::string::npos);
    lines.push_back(out.substr(start, crlf - start));
    start = crlf + 2;
  }
  return lines;
}

/// RFC 5545 3.1: a CRLF followed by one space is removed when reading.
std::string unfolded(const std::string& out) {
  std::string s;
  auto lines = physical_lines(out);
  for (size_t i = 0; i < lines.size(); ++i) s += i ? lines[i].substr(1) : lines[i];
  return s;
}

void check_folding(const std::string& line) {
  std::string out;
  ical_line(out, line);
  auto lines = physical_lines(out);
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO("physical line ", i);
    CHECK(lines[i].size() <= 75);
    if (i) CHECK(lines[i][0] == ' ');
    // Each piece holds whole characters: cutting it again changes nothing.
    std::string piece = i ? lines[i].substr(1) : lines[i];
    CHECK(utf8_cut(piece, 0, piece.size()) == piece.size());
    size_t k = 0;
    while (k < piece.size()) k += utf8_char_size(piece, k);
    CHECK(k == piece.size());
  }
  CHECK(unfolded(out) == line);
}

TEST_CASE("ical_line folds 75 or more continuation bytes without looping") {
  // Issue 11, item 6: this looped until std::bad_alloc.
  check_folding("LOCATION:" + std::string(75, '\x80'));
  check_folding("LOCATION:" + std::string(1000, '\xBF'));
  check_folding(std::string(75, '\x80'));
  check_folding(std::string(76, '\x80'));
  check_folding("SUMMARY:" + std::string(300, '\xA0') + "end");
}

TEST_CASE("ical_line never splits a valid UTF-8 character, on any alignment") {
  const std::string euro = "\xE2\x82\xAC", emoji = "\xF0\x9F\x98\x80";
  for (size_t lead = 0; lead < 5; ++lead) {
    std::string text = "SUMMARY:" + std::string(lead, 'x');
    for (int i = 0; i < 60; ++i) text += i % 3 ? euro : emoji;
    check_folding(text);
  }
  // Valid characters among invalid bytes.
  check_folding("DESCRIPTION:" + std::string(70, '\x80') + euro + std::string(3, '\xE2') + emoji + "\xC3");
  check_folding("X:" + std::string(73, 'a') + emoji + emoji);
}

TEST_CASE("ical_line leaves a short line alone") {
  std::string out;
  ical_line(out, "BEGIN:VCALENDAR");
  CHECK(out == "BEGIN:VCALENDAR\r\n");
  out.clear();
  std::string exactly(75, 'a');
  ical_line(out, exactly);
  CHECK(out == exactly + "\r\n");
}

TEST_CASE("ical_escape is RFC 5545 TEXT escaping and nothing else") {
  CHECK(ical_escape("a < b & c > d \"e\"") == "a < b & c > d \"e\"");  // not HTML
  CHECK(ical_escape("Room 1; Town Hall, Main St\\2") == "Room 1\\; Town Hall\\, Main St\\\\2");
  CHECK(ical_escape("line one\r\nline two\nthree") == "line one\\nline two\\nthree");
  CHECK(ical_escape(std::string("bell\x07 and\ttab")) == "bell and\ttab");  // no control characters but HTAB
}

TEST_CASE("ical_when writes local times with their zone, dates as dates, and runs past midnight") {
  Date day{2018, 10, 31};
  CHECK(ical_when("DTSTART", day, std::nullopt) == "DTSTART;VALUE=DATE:20181031");
  CHECK(ical_when("DTSTART", day, 19 * 60 + 30) == "DTSTART;TZID=Europe/London:20181031T193000");
  CHECK(ical_when("DTEND", day, 25 * 60 + 5) == "DTEND;TZID=Europe/London:20181101T010500");
}

TEST_CASE("every calendar carries the VTIMEZONE its TZIDs name") {
  std::string out;
  ical_begin(out, "-//test//EN", "Meetings, all");
  CHECK(out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
  CHECK(out.find("X-WR-CALNAME:Meetings\\, all\r\n") != std::string::npos);
  CHECK(out.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") != std::string::npos);
  CHECK(out.find("END:VTIMEZONE\r\n") != std::string::npos);
}

}  // namespace
}  // namespace rs
