// Reading part of a file, as staging reads the published file it copies
// ranges from: the same answers on a real disk as in memory; and listing an
// output folder's entries, as the writer does before it touches one.
#include "reportsite/core/fs.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

/// A file under `root` holding its own path, its folders made first.
void write_under(const stdfs::path& root, const std::string& rel) {
  stdfs::create_directories((root / rel).parent_path());
  std::ofstream(root / rel) << rel;
}

TEST_CASE("list_entries names every file, link and empty folder below a folder, sorted, and follows no link") {
  TempDir dir;
  const stdfs::path root = dir.path;
  for (const char* rel : {"index.html", "meetings/2018-10-17-audit/index.html", "meetings/2018-10-17-audit/minutes.xml",
                          "elsewhere/secret.txt"})
    write_under(root, rel);
  stdfs::create_directories(root / "empty/inner");
  stdfs::create_symlink(root / "elsewhere", root / "meetings/link-to-folder");
  stdfs::create_symlink("missing", root / "dangling");
  RealFileSystem fs;
  CHECK(fs.list_entries(root.string()) ==
        std::vector<std::string>{"dangling", "elsewhere/secret.txt", "empty/inner/", "index.html",
                                 "meetings/2018-10-17-audit/index.html", "meetings/2018-10-17-audit/minutes.xml",
                                 "meetings/link-to-folder"});
  CHECK(fs.list_entries((root / "empty").string()) == std::vector<std::string>{"inner/"});
  CHECK(fs.list_entries((root / "nowhere").string()).empty());
}

TEST_CASE("list_entries names a folder it cannot read as an entry, never as an empty folder") {
  TempDir dir;
  const stdfs::path root = dir.path;
  write_under(root, "locked/kept.txt");
  stdfs::permissions(root / "locked", stdfs::perms::none);
  RealFileSystem fs;
  // As root every folder can be read, and its file is named as usual.
  const auto expected = ::geteuid() == 0 ? std::vector<std::string>{"locked/kept.txt"} : std::vector<std::string>{"locked"};
  CHECK(fs.list_entries(root.string()) == expected);
  stdfs::permissions(root / "locked", stdfs::perms::owner_all);  // so the folder can be removed
}


}  // namespace
}  // namespace rs
