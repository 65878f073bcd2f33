// The large files made of one part per meeting (site.json, open-data.json):
// after an edit they hold what a clean build gives, the other meetings' parts
// copied from the published file a window at a time, never read whole.
#include "reportsite/render/output.h"

#include <doctest/doctest.h>

#include "reportsite/core/hash.h"
#include "reportsite/write/output_folder.h"
#include "site_fixture.h"

namespace rs {
namespace {

const std::string kSite = fixture::kMinimalSite + R"(-- content/meetings/2019/2019-02-05-audit.yaml --
committee: audit
date: 2019-02-05
status: confirmed
items:
  - number: "1"
    title: Internal audit plan
    resolved: That the internal audit plan be approved.
-- content/meetings/2019/2019-06-05-scrutiny.yaml --
committee: scrutiny
date: 2019-06-05
status: confirmed
items:
  - number: "1"
    title: Road safety
    minutes: Members discussed the crossing outside the school.
    resolved: That a crossing be asked for.
)";
const std::string kEdited = "site/content/meetings/2019/2019-02-05-audit.yaml";
const std::vector<std::string> kSpliced = {"site/public/site.json", "site/public/data/open-data.json"};

/// Remembers which files were read whole, and which in ranges.
class WatchedFileSystem : public MemoryFileSystem {
 public:
  mutable std::set<std::string> read_whole, read_in_ranges;
  std::optional<std::string> read(const std::string& path, std::string* error) const override {
    read_whole.insert(path);
    return MemoryFileSystem::read(path, error);
  }
  bool read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                  std::string* error) const override {
    read_in_ranges.insert(path);
    return MemoryFileSystem::read_range(path, offset, length, into, error);
  }
};

/// The spliced files a clean build of the inputs in `fs` publishes.
std::map<std::string, std::string> clean_build(const MemoryFileSystem& fs) {
  MemoryFileSystem clean;
  REQUIRE(fixture::build_afresh(fs, clean).published);
  std::map<std::string, std::string> out;
  for (const auto& path : kSpliced) out[path] = clean.files.at(path);
  return out;
}

std::map<std::string, std::string> spliced_files(const MemoryFileSystem& fs) {
  std::map<std::string, std::string> out;
  for (const auto& path : kSpliced) out[path] = fs.files.at(path);
  return out;
}

/// The hash the output's marker records for `path` (relative to the output).
std::optional<uint64_t> marked_hash(const MemoryFileSystem& fs, const std::string& path) {
  for (const auto& f : read_output_marker(fs, "site/public").files)
    if (f.path == path) return f.hash;
  return std::nullopt;
}

TEST_CASE("site.json and open-data.json after an edit: a clean build's bytes and hash, the published file read in ranges only") {
  WatchedFileSystem fs;
  fixture::add_site(fs, kSite);
  REQUIRE(fixture::build_in(fs).published);
  const auto first = spliced_files(fs);

  REQUIRE(fixture::replace_in(fs, kEdited, "plan be approved", "plan be approved with one change"));
  fs.read_whole.clear(), fs.read_in_ranges.clear();
  REQUIRE(fixture::build_in(fs).published);
  const auto edited = spliced_files(fs);
  CHECK(edited == clean_build(fs));
  for (const auto& path : kSpliced) {
    CHECK_MESSAGE(edited.at(path) != first.at(path), path);
    CHECK_MESSAGE(edited.at(path).find("plan be approved with one change") != std::string::npos, path);
    // The other meetings' parts came from the published file, a window at a time.
    CHECK_MESSAGE(fs.read_in_ranges.count(path), path);
    CHECK_MESSAGE(fs.read_whole.count(path) == 0, path);
    CHECK(marked_hash(fs, path.substr(std::string("site/public/").size())) == hash_bytes(edited.at(path)));
  }

  // Put back: the first build's bytes again, spliced the same way.
  REQUIRE(fixture::replace_in(fs, kEdited, "plan be approved with one change", "plan be approved"));
  REQUIRE(fixture::build_in(fs).published);
  CHECK(spliced_files(fs) == first);
  for (const auto& path : kSpliced)
    CHECK(marked_hash(fs, path.substr(std::string("site/public/").size())) == hash_bytes(first.at(path)));
}

/// Staging fails for one file: a disk that fills up while it is written.
class FailingFileSystem : public WatchedFileSystem {
 public:
  std::string fails;  // a path ending so
  bool append(const std::string& path, const std::string& bytes, std::string* error) override {
    if (!fails.empty() && path.size() >= fails.size() && path.compare(path.size() - fails.size(), fails.size(), fails) == 0) {
      if (error) *error = "cannot write " + path + ": No space left on device";
      return false;
    }
    return MemoryFileSystem::append(path, bytes, error);
  }
};

TEST_CASE("site.json after an edit that cannot be staged: nothing published, and the next build is a clean build's") {
  FailingFileSystem fs;
  fixture::add_site(fs, kSite);
  REQUIRE(fixture::build_in(fs).published);
  const auto first = spliced_files(fs);
  REQUIRE(fixture::replace_in(fs, kEdited, "plan be approved", "plan be approved in part"));
  fs.fails = "/site.json";
  BuildResult failed = fixture::build_in(fs);
  CHECK_FALSE(failed.published);
  CHECK(fixture::error_rules(failed) == std::vector<std::string>{"write.io"});
  CHECK(spliced_files(fs) == first);

  fs.fails.clear();
  REQUIRE(fixture::build_in(fs).published);
  CHECK(spliced_files(fs) == clean_build(fs));
}

}  // namespace
}  // namespace rs
