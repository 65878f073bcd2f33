// Publishing as a user meets it: the output ends up holding exactly what the
// build made, a small rebuild touches only what changed, and a failure leaves
// the old output as it was.
#include "reportsite/write/write_site.h"

#include <doctest/doctest.h>

#include "reportsite/core/hash.h"
#include "reportsite/write/output_folder.h"

namespace rs {
namespace {

std::vector<FileToWrite> to_write(const std::map<std::string, std::string>& files) {
  std::vector<FileToWrite> out;
  for (const auto& [path, bytes] : files) out.push_back({path, &bytes, {}, false});
  return out;
}

/// The output's files, relative to "out/", but for the builder's marker.
std::map<std::string, std::string> output(const MemoryFileSystem& fs) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind("out/", 0) == 0 && path != std::string("out/") + kOutputMarker) out[path.substr(4)] = bytes;
  return out;
}

const std::vector<std::string> kNoKeep;

std::vector<std::string> marked_paths(const OutputMarker& m) {
  std::vector<std::string> out;
  for (const auto& f : m.files) out.push_back(f.path);
  return out;
}


/// Writes fail once `budget` of them have succeeded: a disk that fills up part way.
class FillingFileSystem : public MemoryFileSystem {
 public:
  int budget = 1 << 30;
  bool write(const std::string& path, const std::string& bytes, std::string* error, Access access) override {
    if (budget-- <= 0) {
      if (error) *error = "cannot write " + path + ": No space left on device";
      return false;
    }
    return MemoryFileSystem::write(path, bytes, error, access);
  }
};

TEST_CASE("write: a small rebuild rewrites only what changed and removes what is no longer made") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"index.html", "home"},
                                              {"meetings/a/index.html", "meeting a"},
                                              {"meetings/b/index.html", "meeting b"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  CHECK(output(fs) == first);
  CHECK(marked_paths(read_output_marker(fs, "out")) ==
        std::vector<std::string>{"index.html", "meetings/a/index.html", "meetings/b/index.html"});
  long long home_time = fs.mtime_ns("out/index.html");

  std::map<std::string, std::string> second = {{"index.html", "home"}, {"meetings/a/index.html", "meeting a, edited"}};
  WriteStats stats;
  REQUIRE(write_site(fs, "out", to_write(second), kNoKeep, d, &stats));
  CHECK(output(fs) == second);  // b's page is gone
  CHECK_FALSE(fs.is_dir("out/meetings/b"));
  CHECK(fs.mtime_ns("out/index.html") == home_time);
  CHECK(stats.files == 3);      // the two pages and the marker
  CHECK(stats.unchanged == 1);
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
  CHECK(d.error_count() == 0);
}

TEST_CASE("write: a rebuild that changes many files swaps in a whole new output, with the kept files") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first, second;
  for (int i = 0; i < 1500; ++i) {
    first["meetings/" + std::to_string(i) + "/index.html"] = "old " + std::to_string(i);
    second["meetings/" + std::to_string(i) + "/index.html"] = "new " + std::to_string(i);
  }
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  fs.files["out/CNAME"] = "reports.example.gov.uk";
  fs.files["out/.well-known/security.txt"] = "Contact: mailto:security@example.gov.uk";
  const std::vector<std::string> keep = {"CNAME", ".well-known/"};
  REQUIRE(write_site(fs, "out", to_write(second), keep, d));
  auto expected = second;
  expected["CNAME"] = "reports.example.gov.uk";
  expected[".well-known/security.txt"] = "Contact: mailto:security@example.gov.uk";
  CHECK(output(fs) == expected);
  CHECK_FALSE(fs.exists(beside_output("out", "old")));
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
}

TEST_CASE("write: a file known unchanged is kept as it is") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"a.html", "page a"}, {"b.html", "page b"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  long long a_time = fs.mtime_ns("out/a.html");
  std::string b2 = "page b, edited";
  std::vector<FileToWrite> files = {{"a.html", nullptr, {}, true}, {"b.html", &b2, {}, false}};
  REQUIRE(write_site(fs, "out", files, kNoKeep, d));
  CHECK(output(fs) == std::map<std::string, std::string>{{"a.html", "page a"}, {"b.html", "page b, edited"}});
  CHECK(fs.mtime_ns("out/a.html") == a_time);
}

/// Bytes no two windows share, so a range copied from the wrong place shows.
std::string numbered_bytes(size_t n) {
  std::string out;
  for (size_t i = 0; out.size() < n; ++i) out += std::to_string(i) + ",";
  out.resize(n);
  return out;
}

TEST_CASE("write: a file given as pieces is staged as the bytes they make, ranges copied from the output's file") {
  MemoryFileSystem fs;
  const std::string old = numbered_bytes(2'500'000);  // more than two of the windows it is read through
  const std::map<std::string, std::string> first = {{"site.json", old}, {"index.html", "home"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));

  FilePieces pieces;
  pieces.keep(0, 1'500'000);  // across a window's end
  pieces.add("[new!]");       // leaves the hash's eight-byte words unaligned
  pieces.keep(1'048'570, 5);  // back into a window read before
  pieces.keep(1'048'575, 3);  // continues the range before: one read
  pieces.add("x");
  pieces.keep(2'400'001, 99'999);  // to the file's last byte
  const std::string expected = old.substr(0, 1'500'000) + "[new!]" + old.substr(1'048'570, 8) + "x" + old.substr(2'400'001);
  REQUIRE(pieces.size == expected.size());

  auto staged = StagedOutput::open(fs, "out", kNoKeep, d);
  REQUIRE(staged);
  uint64_t hash = 0;
  REQUIRE(staged->stage("site.json", pieces, d, &hash));
  CHECK(hash == hash_bytes(expected));
  const std::string home = "home";
  std::vector<FileToWrite> files = {{"index.html", &home, {}, false}, {"site.json", nullptr, {}, false, true}};
  REQUIRE(staged->publish(files, d));
  CHECK(d.error_count() == 0);
  CHECK(fs.files.at("out/site.json") == expected);
  for (const auto& f : read_output_marker(fs, "out").files)
    if (f.path == "site.json") CHECK(f.hash == hash_bytes(expected));
}

TEST_CASE("write: pieces that make the bytes the output holds keep its file as it is") {
  MemoryFileSystem fs;
  const std::string old = numbered_bytes(1'200'000);
  const std::map<std::string, std::string> first = {{"site.json", old}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  const long long written = fs.mtime_ns("out/site.json");
  FilePieces pieces;
  pieces.keep(0, 700'000);
  pieces.add(old.substr(700'000, 13));
  pieces.keep(700'013, old.size() - 700'013);
  auto staged = StagedOutput::open(fs, "out", kNoKeep, d);
  REQUIRE(staged);
  REQUIRE(staged->stage("site.json", pieces, d));
  REQUIRE(staged->publish({{"site.json", nullptr, {}, false, true}}, d));
  CHECK(fs.files.at("out/site.json") == old);
  CHECK(fs.mtime_ns("out/site.json") == written);
}

TEST_CASE("write: pieces that keep more than the output's file holds are an error, and nothing is published") {
  MemoryFileSystem fs;
  const std::map<std::string, std::string> first = {{"site.json", "short"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  const auto before = fs.files;
  FilePieces pieces;
  pieces.add("{");
  pieces.keep(2, 10);
  {
    auto staged = StagedOutput::open(fs, "out", kNoKeep, d);
    REQUIRE(staged);
    CHECK_FALSE(staged->stage("site.json", pieces, d));
  }
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].rule == "write.io");
  CHECK(d.all()[0].message.find("shorter") != std::string::npos);
  CHECK(fs.files == before);
}

TEST_CASE("write: a failed write leaves the old output as it was") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> first = {{"a.html", "page a"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
  std::vector<FileToWrite> files = {{"a.html", nullptr, "site/content/documents/missing.pdf", false}};
  CHECK_FALSE(write_site(fs, "out", files, kNoKeep, d));
  CHECK(d.error_count() == 1);
  CHECK(output(fs) == first);
  CHECK_FALSE(fs.exists(beside_output("out", "staging")));
}

TEST_CASE("write: a disk that fills up part way leaves the old output as it was, in both paths") {
  for (int files : {3, 1500}) {  // a small rebuild updates in place; a large one swaps
    CAPTURE(files);
    FillingFileSystem fs;
    std::map<std::string, std::string> first, second;
    for (int i = 0; i < files; ++i) {
      first["p" + std::to_string(i) + ".html"] = "old " + std::to_string(i);
      second["p" + std::to_string(i) + ".html"] = "new " + std::to_string(i);
    }
    Diagnostics d;
    REQUIRE(write_site(fs, "out", to_write(first), kNoKeep, d));
    auto before = fs.files;
    fs.budget = 2;
    CHECK_FALSE(write_site(fs, "out", to_write(second), kNoKeep, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].rule == "write.io");
    CHECK(d.all()[0].message.find("No space left on device") != std::string::npos);
    CHECK(fs.files == before);  // byte for byte, marker included; no staging left
  }
}

TEST_CASE("write: someone else's files in the output are never removed") {
  MemoryFileSystem fs;
  std::map<std::string, std::string> site = {{"index.html", "home"}};
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write(site), kNoKeep, d));
  fs.files["out/photos/mayor.jpg"] = "jpeg";
  fs.files["out/.git/HEAD"] = "ref: refs/heads/main";
  auto before = fs.files;
  CHECK_FALSE(write_site(fs, "out", to_write(site), kNoKeep, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].rule == "write.output-foreign");
  CHECK(d.all()[0].message.find(".git/HEAD, photos/mayor.jpg") != std::string::npos);
  CHECK(d.all()[0].message.find("keep:") != std::string::npos);
  CHECK(fs.files == before);

  // Listed under keep:, they stay where they are.
  Diagnostics d2;
  REQUIRE(write_site(fs, "out", to_write(site), {".git/", "photos"}, d2));
  CHECK(fs.files.at("out/photos/mayor.jpg") == "jpeg");
  CHECK(fs.files.at("out/.git/HEAD") == "ref: refs/heads/main");
}

TEST_CASE("write: a folder that is not empty and was never an output is refused") {
  MemoryFileSystem fs;
  fs.files["out/minutes-2017.docx"] = "the council's own file";
  auto before = fs.files;
  Diagnostics d;
  CHECK_FALSE(write_site(fs, "out", to_write({{"index.html", "home"}}), kNoKeep, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].rule == "write.output-not-ours");
  CHECK(fs.files == before);
}

TEST_CASE("write: a kept path the build itself writes is a conflict, not a silent choice") {
  MemoryFileSystem fs;
  Diagnostics d;
  CHECK_FALSE(write_site(fs, "out", to_write({{"index.html", "home"}}), {"index.html"}, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].rule == "write.keep-conflict");
}

TEST_CASE("output folder: the marker lists every file with its hash, whatever its name holds") {
  MemoryFileSystem fs;
  std::vector<MarkedFile> files = {{"a b/c.html", hash_bytes("c")}, {"odd name – café.pdf", hash_bytes("odd")}};
  fs.files["out/.reportsite-output"] = output_marker(files);
  OutputMarker m = read_output_marker(fs, "out");
  CHECK(m.state == OutputMarker::State::ours);
  CHECK(m.files == files);
  CHECK(m.refused.empty());
  CHECK(kept_by(".well-known/security.txt", {".well-known/"}));
  CHECK(kept_by(".git/objects/ab/cd", {".git"}));
  CHECK_FALSE(kept_by(".gitignore", {".git"}));
  CHECK_FALSE(kept_by("CNAME.bak", {"CNAME"}));
}

TEST_CASE("output folder: entries that would lead out of the output are set aside, each with why") {
  MemoryFileSystem fs;
  fs.files["out/.reportsite-output"] = output_marker({{"index.html", 1},
                                                      {"../victim.txt", 2},
                                                      {"/etc/passwd", 3},
                                                      {"a/../../up.txt", 4},
                                                      {"bell\a.html", 5},
                                                      {"tab\tx", 6},
                                                      {"./index.html", 7},
                                                      {"back\\slash", 9},
                                                      {"a//b", 8}}) +
                                        "user-note.txt\n";
  OutputMarker m = read_output_marker(fs, "out");
  REQUIRE(m.state == OutputMarker::State::ours);
  CHECK(marked_paths(m) == std::vector<std::string>{"index.html"});
  REQUIRE(m.refused.size() == 9);
  CHECK(m.refused[0] == std::pair<std::string, std::string>{"../victim.txt", "it steps out of the folder with .."});
  CHECK(m.refused[1].second == "it is an absolute path");
  CHECK(m.refused[3].first == "bell\\x07.html");  // shown, never printed raw to a terminal
  CHECK(m.refused[3].second == "it holds a control character");
  CHECK(m.refused[8] == std::pair<std::string, std::string>{"user-note.txt", "line 11 is not a hash and a path"});
}

TEST_CASE("output folder: a marker that is not one of ours, or from a newer builder, makes the folder foreign") {
  MemoryFileSystem fs;
  fs.files["out/index.html"] = "page";
  for (std::string bytes : {"something else\n", "reportsite output x\nindex.html\n", "reportsite output 0\n"}) {
    fs.files["out/.reportsite-output"] = bytes;
    CHECK(read_output_marker(fs, "out").state == OutputMarker::State::damaged);
    auto why = refuse_output(fs, "out", "site");
    REQUIRE(why);
    CHECK(why->find("cannot trust") != std::string::npos);
    CHECK(why->find("delete the folder (or empty it) and build again") != std::string::npos);
  }
  fs.files["out/.reportsite-output"] = "reportsite output 9\n";
  OutputMarker newer = read_output_marker(fs, "out");
  CHECK(newer.state == OutputMarker::State::newer);
  CHECK(newer.problem.find("newer reportsite") != std::string::npos);
  // And a build into it removes nothing and publishes nothing.
  Diagnostics d;
  CHECK_FALSE(write_site(fs, "out", to_write({{"other.html", "new"}}), kNoKeep, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].rule == "write.output-not-ours");
  CHECK(fs.files.at("out/index.html") == "page");
  CHECK_FALSE(fs.exists("out/other.html"));
}

TEST_CASE("write: entries added to the marker by hand delete nothing outside and nothing unlisted") {
  MemoryFileSystem fs;
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write({{"index.html", "home"}, {"old.html", "old"}}), kNoKeep, d));
  fs.files["victim.txt"] = "outside the output";
  fs.files["out/.reportsite-output"] += output_marker({{"../victim.txt", hash_bytes("outside the output")}})
                                            .substr(std::string("reportsite output 2\n").size()) +
                                        "../victim.txt\n";
  Diagnostics again;
  REQUIRE(write_site(fs, "out", to_write({{"index.html", "home, edited"}}), kNoKeep, again));
  CHECK(fs.files.at("victim.txt") == "outside the output");
  CHECK_FALSE(fs.exists("out/old.html"));  // the builder's own stale file still goes
  CHECK(again.error_count() == 0);
  REQUIRE(again.count(Severity::warning) == 2);
  for (const auto& w : again.all()) CHECK(w.rule == "write.marker-bad-entry");
  CHECK(again.all()[0].message.find("`../victim.txt`") != std::string::npos);
  // The new marker lists only what this build wrote.
  CHECK(marked_paths(read_output_marker(fs, "out")) == std::vector<std::string>{"index.html"});
}

TEST_CASE("write: a listed file changed by hand is kept and named, not removed") {
  MemoryFileSystem fs;
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write({{"index.html", "home"}, {"notes.html", "builder's"}}), kNoKeep, d));
  fs.files["out/notes.html"] = "a person's notes now";
  Diagnostics again;
  REQUIRE(write_site(fs, "out", to_write({{"index.html", "home"}}), kNoKeep, again));
  CHECK(fs.files.at("out/notes.html") == "a person's notes now");
  REQUIRE(again.count(Severity::warning) == 1);
  CHECK(again.all()[0].rule == "write.marker-changed-file");
  CHECK(again.all()[0].message.find("out/notes.html was listed as reportsite's, but its bytes changed") !=
        std::string::npos);
  // Not the builder's any more: the next build stops rather than remove it.
  Diagnostics third;
  CHECK_FALSE(write_site(fs, "out", to_write({{"index.html", "home"}}), kNoKeep, third));
  CHECK(third.all()[0].rule == "write.output-foreign");
  CHECK(fs.files.at("out/notes.html") == "a person's notes now");
}

TEST_CASE("write: an output from a build before markers had hashes is still the builder's") {
  MemoryFileSystem fs;
  fs.files["out/.reportsite-output"] = "reportsite output 1\nindex.html\nold.html\n";
  fs.files["out/index.html"] = "home";
  fs.files["out/old.html"] = "old";
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write({{"index.html", "home"}}), kNoKeep, d));
  CHECK(d.count(Severity::warning) == 0);
  CHECK_FALSE(fs.exists("out/old.html"));
  CHECK(fs.files.at("out/.reportsite-output") == output_marker({{"index.html", hash_bytes("home")}}));
}

TEST_CASE("output folder: the root, the site and its sources are never an output") {
  MemoryFileSystem fs;
  fs.files["site/data/site.yaml"] = "title: T\n";
  fs.files["site/content/pages/about.md"] = "# About\n";
  CHECK(refuse_output(fs, "site", "site"));
  CHECK(refuse_output(fs, ".", "site"));  // holds the site
  CHECK(refuse_output(fs, "site/content", "site"));
  CHECK(refuse_output(fs, "site/data/out", "site"));
  CHECK(refuse_output(fs, "site/.reportsite", "site"));
  CHECK_FALSE(refuse_output(fs, "site/public", "site"));
  CHECK_FALSE(refuse_output(fs, "elsewhere", "site"));
  fs.files["elsewhere/notes.txt"] = "mine";
  auto why = refuse_output(fs, "elsewhere", "site");
  REQUIRE(why);
  CHECK(why->find("not empty and was not written by reportsite") != std::string::npos);
}

namespace rs {
namespace {

TEST_CASE("write: an old output left aside by a killed build is the output again before anything else") {
  MemoryFileSystem fs;
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write({{"a.html", "page a"}, {"b.html", "page b"}}), kNoKeep, d));
  // Killed between the fallback's two renames: the old output aside, no output.
  REQUIRE(fs.rename("out", beside_output("out", "old"), nullptr));
  REQUIRE(write_site(fs, "out", to_write({{"a.html", "page a, edited"}, {"b.html", "page b"}}), kNoKeep, d));
  CHECK(output(fs) == std::map<std::string, std::string>{{"a.html", "page a, edited"}, {"b.html", "page b"}});
  CHECK_FALSE(fs.exists(beside_output("out", "old")));
}

}  // namespace
}  // namespace rs

TEST_CASE("write: after a small rebuild, only the files renamed into place are not the ones found before") {
  MemoryFileSystem fs;
  Diagnostics d;
  REQUIRE(write_site(fs, "out", to_write({{"a.html", "a"}, {"b.html", "b"}}), kNoKeep, d));
  auto staged = StagedOutput::open(fs, "out", kNoKeep, d);
  REQUIRE(staged);
  REQUIRE(staged->publish(to_write({{"a.html", "a"}, {"b.html", "b, edited"}, {"c.html", "new"}}), d));
  CHECK(staged->left_in_place("a.html"));
  CHECK_FALSE(staged->left_in_place("b.html"));
  CHECK_FALSE(staged->left_in_place("c.html"));
  CHECK_FALSE(staged->left_in_place(".reportsite-output"));  // the marker is written by every build
}

TEST_CASE("write: when the whole output is swapped in, no file is the one found before") {
  MemoryFileSystem fs;
  Diagnostics d;
  std::map<std::string, std::string> many;
  for (int i = 0; i < 1200; ++i) many["p" + std::to_string(i) + ".html"] = "old " + std::to_string(i);
  REQUIRE(write_site(fs, "out", to_write(many), kNoKeep, d));
  for (auto& [path, bytes] : many)
    if (path != "p7.html") bytes = "new";  // more changes than are renamed one by one
  auto staged = StagedOutput::open(fs, "out", kNoKeep, d);
  REQUIRE(staged);
  REQUIRE(staged->publish(to_write(many), d));
  CHECK(fs.files.at("out/p8.html") == "new");
  CHECK_FALSE(staged->left_in_place("p7.html"));  // unchanged, but linked into a new folder
}

}  // namespace
}  // namespace rs
