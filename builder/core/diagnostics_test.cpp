// How a finding is printed: the caret line never carries a NUL, a control
// character or a byte that is not UTF-8 to the terminal, and stays aligned.
#include "reportsite/core/diagnostics.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

std::string printed(const std::string& content, uint32_t begin, uint32_t end, std::string message = "m") {
  SourceSet sources;
  FileId f = sources.add("f.yaml", content);
  return format_text({Severity::error, "load.encoding", std::move(message), Span{f, begin, end}, {}, {}, {}}, sources);
}

TEST_CASE("diagnostics: the caret line shows bad bytes and NULs as visible characters, aligned") {
  std::string out = printed("venue: Caf\xE9 Room\n", 10, 11);
  CHECK(out == "f.yaml:1:11: error: m [load.encoding]\n  venue: Caf\xEF\xBF\xBD Room\n            ^\n");
  std::string nul = printed(std::string("a\0b\x01" "c\n", 6), 4, 5);
  CHECK(nul.find('\0') == std::string::npos);
  CHECK(nul.find('\x01') == std::string::npos);
  CHECK(nul.find("a\xE2\x90\x80" "b\xEF\xBF\xBD" "c\n      ^") != std::string::npos);
  // A stray continuation byte is a column of its own, in the position and the caret alike.
  std::string stray = printed("x\x80y: bad\n", 2, 3);
  CHECK(stray.rfind("f.yaml:1:3:", 0) == 0);
  CHECK(stray.find("x\xEF\xBF\xBDy: bad\n    ^") != std::string::npos);
}

TEST_CASE("diagnostics: a message quoting a bad byte prints it replaced, in text and JSON") {
  std::string out = printed("k: v\n", 0, 1, "unknown key `\x85`");
  CHECK(out.find('\x85') == std::string::npos);
  SourceSet sources;
  FileId f = sources.add("f.yaml", "k: v\n");
  std::string json = format_json({{Severity::error, "r", "bad \x85 byte", Span{f, 0, 1}, {}, {}, {}}}, sources);
  CHECK(json.find('\x85') == std::string::npos);
}

TEST_CASE("diagnostics: valid UTF-8 lines print as before") {
  std::string out = printed("title: \xE2\x80\x98" "Caf\xC3\xA9\xE2\x80\x99 x\n", 19, 20);
  CHECK(out == "f.yaml:1:15: error: m [load.encoding]\n  title: \xE2\x80\x98" "Caf\xC3\xA9\xE2\x80\x99 x\n                ^\n");
}

TEST_CASE("diagnostics: a span over two lines that starts at a CRLF's \\r underlines one column, not millions") {
  // Byte 4 is the \r of "a: b\r\n": past the line's last character as the caret line counts them.
  std::string out = printed("a: b\r\nc: d\r\n", 4, 9);
  CHECK(out.size() < 200);
  CHECK(out.find("^") != std::string::npos);
}

TEST_CASE("a message and its suggestion quoting input over several lines are printed on one line each") {
  Diagnostics diags;
  diags.warning("undertaking.untracked", {}, "this records a promise (\u201cwould\n   circulate\u201d)",
                "silence it\n\twith a marker");
  auto items = diags.take();
  REQUIRE(items.size() == 1);
  CHECK(items[0].message == "this records a promise (\u201cwould circulate\u201d)");
  CHECK(items[0].suggestion == "silence it with a marker");
}

}  // namespace
}  // namespace rs
