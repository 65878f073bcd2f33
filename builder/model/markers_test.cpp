#include "reportsite/model/markers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace rs {
namespace {

std::vector<std::string> code_texts(std::string_view s) {
  std::vector<std::string> out;
  for (const ByteRange& r : code_ranges(s)) out.emplace_back(s.substr(r.begin, r.end - r.begin));
  return out;
}

TEST_CASE("code_ranges finds code spans and fenced blocks") {
  CHECK(code_texts("a `b` c") == std::vector<std::string>{"`b`"});
  CHECK(code_texts("a ``b ` c`` d") == std::vector<std::string>{"``b ` c``"});
  CHECK(code_texts("a lone ` tick") == std::vector<std::string>{});
  CHECK(code_texts("an escaped \\` tick `x`") == std::vector<std::string>{"`x`"});
  CHECK(code_texts("one `para\n\nanother` para") == std::vector<std::string>{});
  CHECK(code_texts("text\n```\ncode `x\n```\nmore") == std::vector<std::string>{"```\ncode `x\n```"});
  CHECK(code_texts("text\n~~~~\nunclosed") == std::vector<std::string>{"~~~~\nunclosed"});
}

TEST_CASE("parse_markers reads rule, reason and position") {
  std::string s = "The letter said <!-- allow glossary.avoid: quoting the complainant's letter --> Afghani.";
  auto ms = parse_markers(s);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].rule == "glossary.avoid");
  CHECK(ms[0].reason == "quoting the complainant's letter");
  CHECK(s.substr(ms[0].begin, ms[0].end - ms[0].begin) ==
        "<!-- allow glossary.avoid: quoting the complainant's letter -->");

  auto bare = parse_markers("<!--allow glossary.abbr-unknown-->");
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].rule == "glossary.abbr-unknown");
  CHECK(bare[0].reason == "");
}

TEST_CASE("parse_markers ignores ordinary comments, code and unclosed markers") {
  CHECK(parse_markers("<!-- a note for editors -->").empty());
  CHECK(parse_markers("<!-- allowance: none -->").empty());
  CHECK(parse_markers("write `<!-- allow glossary.avoid: why -->` before it").empty());
  CHECK(parse_markers("<!-- allow glossary.avoid: never closed").empty());
}

TEST_CASE("strip_markers removes markers and nothing else") {
  CHECK(strip_markers("The word <!-- allow glossary.avoid: quoting --> Afghani.") == "The word Afghani.");
  CHECK(strip_markers("Para one.\n\n<!-- allow glossary.avoid: quoting -->\nThe Afghani.\n") ==
        "Para one.\n\nThe Afghani.\n");
  CHECK(strip_markers("  <!-- allow x.y: z -->") == "");
  CHECK(strip_markers("<!-- an editor's note --> kept") == "<!-- an editor's note --> kept");
  CHECK(strip_markers("write `<!-- allow x.y: z -->` like this") == "write `<!-- allow x.y: z -->` like this");
  CHECK(strip_markers("no markers at all") == "no markers at all");
  // A marker that starts the line, with the words after it on that line.
  CHECK(strip_markers("<!-- allow glossary.avoid: quoting --> Afghani families.") == "Afghani families.");
  CHECK(strip_markers("One.\n  <!-- allow x.y: z --> Two.") == "One.\n  Two.");
}

TEST_CASE("strip_markers says where each byte of the stripped text was written (for plugins' positions)") {
  const std::string written = "Very <!-- allow a.b: why --> very short.\n<!-- allow c.d: x -->\nNext.";
  std::vector<ByteRange> kept;
  const std::string sent = strip_markers(written, &kept);
  CHECK(sent == "Very very short.\nNext.");
  CHECK(sent == strip_markers(written));
  // "short" is at 10 in what was sent, and at the same word in what was written.
  CHECK(written.substr(unstripped_offset(kept, 10), 5) == "short");
  CHECK(written.substr(unstripped_offset(kept, sent.find("Next")), 4) == "Next");
  CHECK(unstripped_offset(kept, 0) == 0);
}

}  // namespace
}  // namespace rs
