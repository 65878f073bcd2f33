// The build cache as a rebuild meets it: recorded hashes spare reading inputs
// that kept their size and time, and a damaged cache is never trusted.
#include "reportsite/write/build_cache.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "reportsite/core/hash.h"

namespace rs {
namespace {

MemoryFileSystem site_with_files() {
  MemoryFileSystem fs;
  fs.files["site/data/site.yaml"] = "title: T\n";
  fs.files["site/content/meetings/2019/a.yaml"] = "committee: c\n";
  fs.files["site/content/meetings/2019/b.yaml"] = "committee: d\n";
  fs.files["site/themes/x/templates/home.mustache"] = "{{title}}";
  return fs;
}

TEST_CASE("build cache: a file with its recorded size and time is not read again") {
  MemoryFileSystem fs = site_with_files();
  std::vector<std::string> inputs = site_inputs(fs, "site");
  // content/ sorts before data/: one order for the whole list, as the cache is searched by it.
  CHECK(std::is_sorted(inputs.begin(), inputs.end()));
  CHECK(inputs.size() == 4);
  std::vector<InputStamp> first = stamp_inputs(fs, inputs, nullptr);

  // Same size, same time, other bytes: the recorded hash is trusted, so the file was not read.
  fs.files["site/content/meetings/2019/a.yaml"] = "committee: x\n";
  std::vector<InputStamp> second = stamp_inputs(fs, inputs, &first);
  CHECK(second == first);

  // A new time: the file is read and its new hash recorded.
  fs.mtimes["site/content/meetings/2019/a.yaml"] += 1;
  std::vector<InputStamp> third = stamp_inputs(fs, inputs, &first);
  CHECK(third[0].hash != first[0].hash);
  CHECK(third[1] == first[1]);
}

TEST_CASE("build cache: a same-size edit whose time was put back is seen by its identity") {
  MemoryFileSystem fs = site_with_files();
  std::vector<std::string> inputs = site_inputs(fs, "site");
  std::vector<InputStamp> first = stamp_inputs(fs, inputs, nullptr);
  // As `touch -r` after an edit: size and modification time as before, but the
  // change time (or, for a cache copied from another checkout, the inode) is new.
  fs.files["site/content/meetings/2019/a.yaml"] = "committee: x\n";
  fs.identities["site/content/meetings/2019/a.yaml"] = 42;
  std::vector<InputStamp> second = stamp_inputs(fs, inputs, &first);
  CHECK(second[0].hash != first[0].hash);
  CHECK(second[0].hash == hash_bytes("committee: x\n"));
}

TEST_CASE("build cache: outputs are intact only while they hold what was written") {
  MemoryFileSystem fs;
  fs.files["out/index.html"] = "<p>new</p>";
  fs.files["out/a.html"] = "<p>a</p>";
  std::vector<FileStamp> written;
  for (const char* p : {"a.html", "index.html"}) {
    FileStamp s{p};
    fs.stat_identity(join_path("out", p), &s.size, &s.mtime_ns, &s.identity);
    s.hash = hash_bytes(fs.files[join_path("out", p)]);
    written.push_back(s);
  }
  using Set = std::set<std::string>;
  auto intact = [&] {
    Set paths;
    for (const auto& [path, stamp] : intact_outputs(fs, "out", written)) paths.insert(path);
    return paths;
  };
  CHECK(intact() == Set{"a.html", "index.html"});
  // Each with its stamp as found: what the next build's cache records for a file left alone.
  auto found = intact_outputs(fs, "out", written);
  CHECK(found.at("a.html") == written[0]);
  CHECK(found.at("index.html") == written[1]);
  // A cache restored over an older output of the same size: the identity differs, so the bytes are compared.
  fs.files["out/index.html"] = "<p>old</p>";
  fs.identities["out/index.html"] = 7;
  CHECK(intact() == Set{"a.html"});
  fs.files["out/index.html"] = "<p>new</p>";
  CHECK(intact() == Set{"a.html", "index.html"});  // same bytes after all
  CHECK(intact_outputs(fs, "out", written).at("index.html").identity == 7);  // as found now, vouched by its bytes
  fs.files.erase("out/a.html");
  CHECK(intact() == Set{"index.html"});
}

TEST_CASE("build cache: written and read back; a cut file is ignored with a warning") {
  MemoryFileSystem fs = site_with_files();
  BuildCache c;
  c.builder = "reportsite test";
  c.key = "key";
  c.inputs = stamp_inputs(fs, site_inputs(fs, "site"), nullptr);
  c.outputs = {{"index.html", 10, 5, 99, 0xabc}, {"meetings/a/index.html", 20, 6, 98, 0xdef}};
  c.read_keys = {"settings", "meetings"};
  c.pages = {{"index.html", 1, {{0, 2}, {1, 5}}, "Home", {"main"}},
             {"meetings/a/index.html", 3, {}, "A meeting", {"item-1", "main"}}};
  REQUIRE(write_cache(fs, "cache", c));
  CHECK(fs.owner_only.count("cache"));  // the cache is the owner's alone
  Diagnostics d;
  auto read = read_cache(fs, "cache", d);
  REQUIRE(read);
  CHECK(read->inputs == c.inputs);
  CHECK(read->outputs == c.outputs);
  PageRecords records = read_page_records(*read);
  const std::vector<PageRecord>& pages = records.pages;
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].ids == std::vector<std::string>{"item-1", "main"});
  CHECK(pages[0].reads == c.pages[0].reads);
  CHECK(records.read_keys == c.read_keys);
  CHECK(pages[0].title == "Home");
  // A read naming a key beyond the table makes the records damaged: none is reused.
  c.pages[0].reads.push_back({7, 1});
  REQUIRE(write_cache(fs, "cache", c));
  read = read_cache(fs, "cache", d);
  REQUIRE(read);
  CHECK(read_page_records(*read).pages.empty());

  fs.files["cache"].resize(fs.files["cache"].size() / 2);
  CHECK_FALSE(read_cache(fs, "cache", d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].rule == "cache.ignored");
}

TEST_CASE("build cache: a cache naming a file outside the output is ignored, never followed") {
  MemoryFileSystem fs = site_with_files();
  BuildCache c;
  c.builder = "reportsite test";
  c.outputs = {{"index.html", 10, 5, 99, 0xabc}, {"../site/data/site.yaml", 20, 6, 98, 0xdef}};
  REQUIRE(write_cache(fs, "cache", c));
  Diagnostics d;
  CHECK_FALSE(read_cache(fs, "cache", d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].rule == "cache.ignored");
  CHECK(d.all()[0].message.find("outside the output") != std::string::npos);
}

}  // namespace
}  // namespace rs
