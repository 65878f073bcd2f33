// Publishing as a user meets it: the output ends up holding exactly what the
// build made, a small rebuild touches only what changed, and a failure leaves
// the old output as it was.
#include "write/write_site.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

std::vector<FileToWrite> to_write(const std::map<std::string, std::string>& files) {
  std::vector<FileToWrite> out;
  for (const auto& [path, bytes] : files) out.push_back({path, &bytes, {}, false});
  return out;
}

/// The output's files, relative to "out/".
std::map<std::string, std::string> output(const MemoryFileSystem& fs) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind("out/", 0) == 0) out[path.substr(4)] = bytes;
  return out;
}

TEST_CASE("write: a small rebuild rewrites only what changed and removes what is no longer made") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"index.html", "home"},
                                              {"meetings/a/index.html", "meeting a"},
                                              {"meetings/b/index.html", "meeting b"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), d));
  CHECK(output(fs) == first);
  fs.files["out/stray.txt"] = "put here by hand";
  long long home_time = fs.mtime_ns("out/index.html");

  std::map<std::string, std::string> second = {{"index.html", "home"}, {"meetings/a/index.html", "meeting a, edited"}};
  WriteStats stats;
  REQUIRE(write_site(fs, "out", to_write(second), d, &stats));
  CHECK(output(fs) == second);  // b's page and the stray file are gone
  CHECK_FALSE(fs.is_dir("out/meetings/b"));
  CHECK(fs.mtime_ns("out/index.html") == home_time);
  CHECK(stats.files == 2);
  CHECK(stats.unchanged == 1);
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
  CHECK(d.error_count() == 0);
}

TEST_CASE("write: a rebuild that changes many files swaps in a whole new output") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first, second;
  for (int i = 0; i < 1500; ++i) {
    first["meetings/" + std::to_string(i) + "/index.html"] = "old " + std::to_string(i);
    second["meetings/" + std::to_string(i) + "/index.html"] = "new " + std::to_string(i);
  }
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), d));
  fs.files["out/stray.txt"] = "put here by hand";
  REQUIRE(write_site(fs, "out", to_write(second), d));
  CHECK(output(fs) == second);
  CHECK_FALSE(fs.exists(beside_output("out", "old")));
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
}

TEST_CASE("write: a file known unchanged is kept as it is") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"a.html", "page a"}, {"b.html", "page b"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), d));
  long long a_time = fs.mtime_ns("out/a.html");
  std::string b2 = "page b, edited";
  std::vector<FileToWrite> files = {{"a.html", nullptr, {}, true}, {"b.html", &b2, {}, false}};
  REQUIRE(write_site(fs, "out", files, d));
  CHECK(output(fs) == std::map<std::string, std::string>{{"a.html", "page a"}, {"b.html", "page b, edited"}});
  CHECK(fs.mtime_ns("out/a.html") == a_time);
}

TEST_CASE("write: a failed write leaves the old output as it was") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"a.html", "page a"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), d));
  std::vector<FileToWrite> files = {{"a.html", nullptr, "site/content/documents/missing.pdf", false}};
  CHECK_FALSE(write_site(fs, "out", files, d));
  CHECK(d.error_count() == 1);
  CHECK(output(fs) == first);
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
}

}  // namespace
}  // namespace rs
