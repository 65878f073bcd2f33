#include "check/suppress.h"

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

TEST_CASE("a marker silences the first finding of its rule after it") {
  std::string s = "Afghani <!-- allow glossary.avoid: quoting --> the Afghani and Afghani";
  auto ms = parse_markers(s);
  size_t first = 0, second = s.find("Afghani", 20), third = s.rfind("Afghani");
  auto r = apply_markers(s, ms,
                         {{"glossary.avoid", first}, {"glossary.avoid", second}, {"glossary.avoid", third}});
  CHECK(r.silenced == std::vector<bool>{false, true, false});
  CHECK(r.problems.empty());
}

TEST_CASE("a marker does not silence another rule's finding") {
  std::string s = "<!-- allow glossary.avoid: quoting --> RESOLVED";
  auto r = apply_markers(s, parse_markers(s), {{"glossary.abbr-unknown", s.find("RESOLVED")}});
  CHECK(r.silenced == std::vector<bool>{false});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].rule == "suppress.unused");
  CHECK(r.problems[0].severity == Severity::warning);
  CHECK(r.problems[0].message.find("silences nothing") != std::string::npos);
}

TEST_CASE("a marker reaches only to the end of its paragraph") {
  std::string s = "<!-- allow glossary.avoid: quoting -->\nThe Afghani";
  CHECK(apply_markers(s, parse_markers(s), {{"glossary.avoid", s.find("Afghani")}}).silenced ==
        std::vector<bool>{true});
  std::string t = "<!-- allow glossary.avoid: quoting -->\n\nThe Afghani";
  auto r = apply_markers(t, parse_markers(t), {{"glossary.avoid", t.find("Afghani")}});
  CHECK(r.silenced == std::vector<bool>{false});
  CHECK(r.problems.size() == 1);
}

TEST_CASE("where two markers would silence one finding, the nearer one does and the other is unused") {
  std::string s = "<!-- allow glossary.avoid: one --> <!-- allow glossary.avoid: two --> Afghani";
  auto ms = parse_markers(s);
  auto r = apply_markers(s, ms, {{"glossary.avoid", s.find("Afghani")}});
  CHECK(r.silenced == std::vector<bool>{true});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].begin == ms[0].begin);
  // The same whatever order the markers come in.
  std::vector<SuppressMarker> reversed = {ms[1], ms[0]};
  auto q = apply_markers(s, reversed, {{"glossary.avoid", s.find("Afghani")}});
  REQUIRE(q.problems.size() == 1);
  CHECK(q.problems[0].begin == ms[0].begin);
}

TEST_CASE("a marker without a reason or a rule silences nothing and is reported") {
  std::string s = "<!-- allow glossary.avoid --> Afghani";
  auto r = apply_markers(s, parse_markers(s), {{"glossary.avoid", s.find("Afghani")}});
  CHECK(r.silenced == std::vector<bool>{false});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].rule == "suppress.unused");
  CHECK(r.problems[0].message.find("gives no reason") != std::string::npos);

  std::string t = "<!-- allow: because --> Afghani";
  auto q = apply_markers(t, parse_markers(t), {{"glossary.avoid", t.find("Afghani")}});
  CHECK(q.silenced == std::vector<bool>{false});
  REQUIRE(q.problems.size() == 1);
  CHECK(q.problems[0].message.find("names no rule") != std::string::npos);
}

TEST_CASE("strip_markers removes markers and nothing else") {
  CHECK(strip_markers("The word <!-- allow glossary.avoid: quoting --> Afghani.") == "The word Afghani.");
  CHECK(strip_markers("Para one.\n\n<!-- allow glossary.avoid: quoting -->\nThe Afghani.\n") ==
        "Para one.\n\nThe Afghani.\n");
  CHECK(strip_markers("  <!-- allow x.y: z -->") == "");
  CHECK(strip_markers("<!-- an editor's note --> kept") == "<!-- an editor's note --> kept");
  CHECK(strip_markers("write `<!-- allow x.y: z -->` like this") == "write `<!-- allow x.y: z -->` like this");
  CHECK(strip_markers("no markers at all") == "no markers at all");
}

}  // namespace
}  // namespace rs
