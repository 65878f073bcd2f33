// Reading part of a file, as staging reads the published file it copies
// ranges from: the same answers on a real disk as in memory.
#include "reportsite/core/fs.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>

namespace rs {
namespace {

namespace stdfs = std::filesystem;

/// A fresh temporary folder, removed afterwards.
struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (stdfs::temp_directory_path() / "rs-fs-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    stdfs::remove_all(path, ec);
  }
};

void check_ranges(FileSystem& fs, const std::string& dir) {
  const std::string file = join_path(dir, "a/site.json");
  REQUIRE(fs.write(file, "0123456789", nullptr));
  std::string into = "left over";
  CHECK(fs.read_range(file, 2, 5, into, nullptr));
  CHECK(into == "23456");
  CHECK(fs.read_range(file, 7, 100, into, nullptr));  // fewer at the end
  CHECK(into == "789");
  CHECK(fs.read_range(file, 10, 4, into, nullptr));  // none past it
  CHECK(into.empty());
  CHECK(fs.read_range(file, 99, 4, into, nullptr));
  CHECK(into.empty());
  std::string error;
  CHECK_FALSE(fs.read_range(join_path(dir, "missing.json"), 0, 4, into, &error));
  CHECK(error.find("missing.json") != std::string::npos);
}

TEST_CASE("file system: a range of a file, fewer bytes at its end, none past it, an error when it is missing") {
  SUBCASE("in memory") {
    MemoryFileSystem fs;
    check_ranges(fs, "out");
  }
  SUBCASE("on disk") {
    TempDir dir;
    RealFileSystem fs;
    check_ranges(fs, dir.path);
  }
}

}  // namespace
}  // namespace rs
