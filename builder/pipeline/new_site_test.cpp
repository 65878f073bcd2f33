#include "reportsite/pipeline/new_site.h"

#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {

namespace {

NewSiteOptions harrowish() {
  NewSiteOptions o;
  o.organisation = "London Borough of Example";
  o.committees = {{"", "Children and Young People Scrutiny Sub-Committee"}, {"cabinet", "Cabinet"}};
  o.contact = "democratic.services@example.gov.uk";
  o.prepared = *parse_date("2025-05-01");
  return o;
}

}  // namespace

TEST_CASE("new site: the files build with no finding at all, through the real pipeline") {
  MemoryFileSystem fs;
  std::string error;
  REQUIRE(new_site_problem(harrowish()).empty());
  REQUIRE(write_new_site(fs, fixture::kSiteDir, new_site_files(harrowish()), &error));
  BuildOptions o;
  o.write = false;
  o.as_of = *parse_date("2025-06-01");
  BuildResult r = fixture::build_in(fs, o);
  CHECK(fixture::diagnostics_text(r) == "");
  CHECK(r.errors == 0);
  CHECK(r.model.site.title.value == "London Borough of Example committee meetings");
  REQUIRE(r.model.committees.size() == 2);
  CHECK(r.model.committees[0].id.value == "children-and-young-people-scrutiny-sub-committee");
  CHECK(r.model.glossary.size() >= 5);
  const OutputFile* statement = fixture::file(r, "accessibility/index.html");
  REQUIRE(statement);
  CHECK(statement->bytes.find("democratic.services@example.gov.uk") != std::string::npos);
  CHECK(statement->bytes.find("prepared on 1 May 2025") != std::string::npos);
}

TEST_CASE("new site: names are written as text, never as YAML or Markdown markup") {
  NewSiteOptions o = harrowish();
  o.organisation = "Borough of #1: \"Quotes\" & <Tags>";
  o.committees = {{"", "Audit: *Risk* & Standards"}};
  REQUIRE(new_site_problem(o).empty());
  MemoryFileSystem fs;
  std::string error;
  REQUIRE(write_new_site(fs, fixture::kSiteDir, new_site_files(o), &error));
  BuildOptions b;
  b.write = false;
  BuildResult r = fixture::build_in(fs, b);
  CHECK(fixture::error_rules(r).empty());
  CHECK(r.model.site.organisation.value == "Borough of #1: \"Quotes\" & <Tags>");
  REQUIRE(r.model.committees.size() == 1);
  CHECK(r.model.committees[0].name.value == "Audit: *Risk* & Standards");
  CHECK(r.model.committees[0].id.value == "audit-risk-standards");
  CHECK(fixture::count_rule(r, "markdown.raw-html") == 0);
}

TEST_CASE("new site: what is missing or wrong is said before anything is written, and a used folder is refused") {
  NewSiteOptions o = harrowish();
  o.organisation = " ";
  CHECK(new_site_problem(o).find("organisation") != std::string::npos);
  o = harrowish();
  o.committees.clear();
  CHECK(new_site_problem(o).find("at least one committee") != std::string::npos);
  o = harrowish();
  o.committees = {{"Bad Id", "Audit"}};
  CHECK(new_site_problem(o).find("`Bad Id` is not an id") != std::string::npos);
  o = harrowish();
  o.committees = {{"", "Audit"}, {"audit", "Audit again"}};
  CHECK(new_site_problem(o) == "two committees have the id `audit`: give one another (ID=NAME)");
  o = harrowish();
  o.title = "two\nlines";
  CHECK(new_site_problem(o).find("one line") != std::string::npos);

  MemoryFileSystem fs;
  std::string error;
  REQUIRE(fs.write("used/notes.txt", "mine", &error));
  CHECK_FALSE(write_new_site(fs, "used", new_site_files(harrowish()), &error));
  CHECK(error.find("is not empty") != std::string::npos);
  CHECK(fs.list("used") == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("new site: every file an editor needs, and the importer's files keep their own") {
  auto files = new_site_files(harrowish());
  for (const char* f : {"data/site.yaml", "data/committees.yaml", "data/people.yaml", "data/glossary.yaml",
                        "content/pages/accessibility.md", "README.md", ".vscode/settings.json", ".gitignore",
                        "schemas/meeting.schema.json", "schemas/page.schema.json"})
    CHECK_MESSAGE(files.count(f) == 1, f);
  CHECK(files["data/committees.yaml"].rfind("# yaml-language-server: $schema=../schemas/committees.schema.json\n", 0) == 0);
  CHECK(files["README.md"].find("reportsite new meeting --committee children-and-young-people-scrutiny-sub-committee") !=
        std::string::npos);
}

}  // namespace rs
