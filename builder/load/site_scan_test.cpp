// Symbolic links in a site on a real disk: a link out of the site is never
// read or published, and a link the listing would skip is reported, not lost.
#include "reportsite/load/site_scan.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "reportsite/pipeline/pipeline.h"
#include "site_fixture.h"

namespace rs {
namespace {

namespace stdfs = std::filesystem;

/// A site in a fresh temporary folder, removed afterwards.
struct TempSite {
  stdfs::path root;
  TempSite() {
    std::string tmpl = (stdfs::temp_directory_path() / "rs-scan-XXXXXX").string();
    root = mkdtemp(tmpl.data());
    write("data/site.yaml", "title: T\norganisation: O\nas_of: 2019-12-01\n");
    write("data/committees.yaml", "- id: audit\n  name: Audit Committee\n");
  }
  ~TempSite() {
    std::error_code ec;
    stdfs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) {
    stdfs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  void link(const std::string& target, const std::string& rel) {
    stdfs::create_directories((root / rel).parent_path());
    stdfs::create_symlink(target, root / rel);
  }
  BuildResult load() const {
    RealFileSystem fs;
    BuildOptions o;
    o.site_dir = root.string();
    return load_and_resolve(fs, o);
  }
};

const char* kMeeting = R"(committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Accounts
    documents:
      - title: Statement of accounts
        file: documents/2018/accounts.pdf
      - title: The build's environment
        file: documents/2018/environ.pdf
      - title: Elsewhere
        file: documents/2018/outside.pdf
)";

TEST_CASE("a document linked out of the site is not published, and its `file:` line is an error") {
  TempSite site;
  TempSite other;  // a second folder: outside the first site
  other.write("secret.txt", "CI_TOKEN=abc\n");
  site.write("content/meetings/2018/2018-10-17-audit.yaml", kMeeting);
  site.write("content/documents/real/accounts.pdf", "%PDF-1.4\n");
  site.link("../real/accounts.pdf", "content/documents/2018/accounts.pdf");  // inside the site: fine
  site.link("/proc/self/environ", "content/documents/2018/environ.pdf");
  site.link((other.root / "secret.txt").string(), "content/documents/2018/outside.pdf");

  BuildResult r = site.load();
  INFO(fixture::diagnostics_text(r));
  CHECK(r.model.document_sizes.count("documents/2018/accounts.pdf") == 1);
  CHECK(r.model.document_sizes.count("documents/2018/environ.pdf") == 0);
  CHECK(r.model.document_sizes.count("documents/2018/outside.pdf") == 0);
  std::vector<std::string> at;
  for (const auto& d : r.diagnostics)
    if (d.rule == "resolve.missing-document") {
      at.push_back(fixture::position(r, d).substr(r.model.root.size()));
      CHECK(d.message.find("outside the site") != std::string::npos);
    }
  CHECK(at == std::vector<std::string>{"/content/meetings/2018/2018-10-17-audit.yaml:10:15",
                                       "/content/meetings/2018/2018-10-17-audit.yaml:12:15"});
  CHECK(fixture::count_rule(r, "load.symlink") == 2);
  CHECK(r.exit_code == 1);
}

TEST_CASE("a dangling meeting link and a linked year folder are errors; a wrong case extension too") {
  TempSite site;
  site.write("elsewhere/2019-01-09-audit.yaml", "committee: audit\ndate: 2019-01-09\n");
  site.write("content/meetings/2018/2018-10-17-audit.yaml",
             "committee: audit\ndate: 2018-10-17\nitems:\n  - number: \"1\"\n    title: Minutes\n");
  site.link("2018-11-01-audit.yaml.gone", "content/meetings/2018/2018-11-01-audit.yaml");
  site.link("../../elsewhere", "content/meetings/2019");
  site.write("content/meetings/2018/2018-12-01-audit.YAML", "committee: audit\n");

  BuildResult r = site.load();
  INFO(fixture::diagnostics_text(r));
  std::vector<std::string> found;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) found.push_back(d.rule + " " + d.where.substr(r.model.root.size()));
  CHECK(found == std::vector<std::string>{"load.symlink /content/meetings/2018/2018-11-01-audit.yaml",
                                          "load.file-name /content/meetings/2018/2018-12-01-audit.YAML",
                                          "load.symlink /content/meetings/2019"});
  const Diagnostic* folder = fixture::find_rule(r, "load.symlink");
  REQUIRE(folder != nullptr);
  CHECK(r.model.meetings.size() == 1);
}

TEST_CASE("scan_links: a content folder that is itself a link out of the site is refused whole") {
  TempSite site, other;
  other.write("a.pdf", "x");
  site.link(other.root.string(), "content/documents");
  auto found = scan_links(site.root.string(), "content/documents");
  REQUIRE(found.size() == 1);
  CHECK(found[0].relative.empty());
  BuildResult r = site.load();
  CHECK(r.model.document_sizes.empty());
}

TEST_CASE("a data file linked out of the site is not read") {
  TempSite site, other;
  other.write("site.yaml", "title: Someone else's\norganisation: O\n");
  stdfs::remove(site.root / "data/site.yaml");
  site.link((other.root / "site.yaml").string(), "data/site.yaml");
  BuildResult r = site.load();
  INFO(fixture::diagnostics_text(r));
  CHECK(fixture::error_rules(r) == std::vector<std::string>{"load.symlink"});
  CHECK(r.model.site.title.empty());
}

}  // namespace
}  // namespace rs
