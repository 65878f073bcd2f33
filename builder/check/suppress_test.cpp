#include "reportsite/check/suppress.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "site_fixture.h"

namespace rs {
namespace {

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

TEST_CASE("a marker for a plugin no longer listed says so, and one for a built-in rule does not") {
  // The minutes hold a marker for `word-count`, which data/site.yaml does not list, and an unused glossary one.
  std::string site = fixture::kMinimalSite;
  const std::string old_minutes = "    minutes: The minutes of the previous meeting were agreed.\n";
  site.replace(site.find(old_minutes), old_minutes.size(),
               "    minutes: |\n      Agreed. <!-- allow word-count.short-minutes: read as a whole --> Short.\n\n"
               "      Later. <!-- allow glossary.avoid: a quotation --> Fine.\n");
  BuildResult r = fixture::build_txtar(site);
  std::string text = fixture::diagnostics_text(r);
  INFO(text);
  CHECK(text.find("no `word-count.short-minutes` finding follows it in this paragraph, so remove it (if `word-count` "
                  "is a plugin, no plugin of that name is listed under `plugins:` in data/site.yaml) "
                  "[suppress.unused]") != std::string::npos);
  CHECK(text.find("no `glossary.avoid` finding follows it in this paragraph, so remove it [suppress.unused]") !=
        std::string::npos);
}

}  // namespace
}  // namespace rs
