// The accessibility statement a site without its own is given, as a reader and its officer see it.
#include <doctest/doctest.h>

#include "reportsite/check/page_check.h"
#include "site_fixture.h"

namespace rs {
namespace {

const OutputFile* file_at(const BuildResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

TEST_CASE("accessibility statement: a site without one gets the default, a footer link and a warning") {
  BuildResult r = fixture::build_txtar(fixture::kMinimalSite + "-- data/site.yaml --\n"
                                       "title: Test Council committee reports\norganisation: Test Borough Council\n"
                                       "as_of: 2019-12-01\ncontact: democracy@test.gov.uk\n");
  INFO(fixture::diagnostics_text(r));
  CHECK(r.exit_code == 0);
  REQUIRE(fixture::find_rule(r, "site.no-accessibility-statement"));
  CHECK(fixture::find_rule(r, "site.no-accessibility-statement")->severity == Severity::warning);
  const OutputFile* page = file_at(r, "accessibility/index.html");
  REQUIRE(page);
  const std::string& html = page->bytes;
  CHECK(html.find("<h1>Accessibility statement</h1>") != std::string::npos);
  CHECK(html.find("published by Test Borough Council") != std::string::npos);
  CHECK(html.find("href=\"mailto:democracy@test.gov.uk\"") != std::string::npos);
  // The technical section is what the build checks: every built-in page rule, in words.
  for (const auto& rule : page_check_summaries()) CHECK(html.find(rule.finds) != std::string::npos);
  CHECK(html.find("as at 1 December 2019") != std::string::npos);
  const OutputFile* home = file_at(r, "index.html");
  REQUIRE(home);
  CHECK(home->bytes.find("href=\"accessibility/index.html\">Accessibility statement</a>") != std::string::npos);
}

TEST_CASE("accessibility statement: the council's own replaces the default, and nothing is reported") {
  BuildResult r = fixture::build_txtar(fixture::kMinimalSite + "-- content/pages/accessibility.md --\n"
                                       "---\ntitle: Accessibility statement\n---\nOur own words.\n");
  INFO(fixture::diagnostics_text(r));
  CHECK(fixture::find_rule(r, "site.no-accessibility-statement") == nullptr);
  const OutputFile* page = file_at(r, "accessibility/index.html");
  REQUIRE(page);
  CHECK(page->bytes.find("Our own words.") != std::string::npos);
  CHECK(page->bytes.find("written by reportsite") == std::string::npos);
}

}  // namespace
}  // namespace rs
