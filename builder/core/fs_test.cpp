#include "reportsite/core/fs.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace rs {
namespace {
namespace stdfs = std::filesystem;

struct TempFolder {
  stdfs::path root = stdfs::temp_directory_path() / ("rs-fs-test-" + std::to_string(::getpid()));
  TempFolder() { stdfs::create_directories(root); }
  ~TempFolder() {
    std::error_code ec;
    stdfs::permissions(root / "locked", stdfs::perms::owner_all, ec);
    stdfs::remove_all(root, ec);
  }
  void write(const std::string& rel) {
    stdfs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << rel;
  }
};

TEST_CASE("list_entries names every file, link and empty folder below a folder, sorted, and follows no link") {
  TempFolder t;
  t.write("index.html");
  t.write("meetings/2018-10-17-audit/index.html");
  t.write("meetings/2018-10-17-audit/minutes.xml");
  t.write("elsewhere/secret.txt");
  stdfs::create_directories(t.root / "empty/inner");
  stdfs::create_symlink(t.root / "elsewhere", t.root / "meetings/link-to-folder");
  stdfs::create_symlink("missing", t.root / "dangling");
  RealFileSystem fs;
  CHECK(fs.list_entries(t.root.string()) ==
        std::vector<std::string>{"dangling", "elsewhere/secret.txt", "empty/inner/", "index.html",
                                 "meetings/2018-10-17-audit/index.html", "meetings/2018-10-17-audit/minutes.xml",
                                 "meetings/link-to-folder"});
  CHECK(fs.list_entries((t.root / "empty").string()) == std::vector<std::string>{"inner/"});
  CHECK(fs.list_entries((t.root / "nowhere").string()).empty());
}

TEST_CASE("list_entries names a folder it cannot read as an entry, never as an empty folder") {
  TempFolder t;
  t.write("locked/kept.txt");
  stdfs::permissions(t.root / "locked", stdfs::perms::none);
  RealFileSystem fs;
  // As root every folder can be read, and its file is named as usual.
  const auto expected = ::geteuid() == 0 ? std::vector<std::string>{"locked/kept.txt"} : std::vector<std::string>{"locked"};
  CHECK(fs.list_entries(t.root.string()) == expected);
}

}  // namespace
}  // namespace rs
