// The YAML reader on hostile or careless input: aliases that multiply a file,
// tags, a second document, numbers that are not decimal, dates out of range,
// bytes that are not UTF-8. Each is a positioned error, never silence or a hang.
#include "reportsite/load/yaml_reader.h"

#include "reportsite/core/codec.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

namespace rs {
namespace {

struct Read {
  SourceSet sources;
  Diagnostics diags;
  std::optional<YAML::Node> root;
  FileId file = 0;

  explicit Read(std::string text) {
    file = sources.add("t.yaml", std::move(text));
    YamlReader r(sources, file, diags);
    root = r.parse();
  }
  const Diagnostic* find(const std::string& rule) const {
    for (const auto& d : diags.all())
      if (d.rule == rule) return &d;
    return nullptr;
  }
  std::string at(const Diagnostic& d) const {
    LineCol lc = sources.line_col(d.span.file, d.span.begin);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
  std::string text(const Diagnostic& d) const {
    return sources.content(file).substr(d.span.begin, d.span.end - d.span.begin);
  }
};

/// Nine levels of ten aliases each: 10^9 copies of a short list from a 1 KB file.
std::string billion_laughs() {
  std::string s = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    s += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) s += (k ? ", " : "") + prev;
    s += "]\n";
  }
  return s;
}

TEST_CASE("yaml: an alias bomb is refused at the alias that crosses the budget, at once" * doctest::timeout(5)) {
  auto start = std::chrono::steady_clock::now();
  Read r(billion_laughs());
  CHECK(!r.root);
  const Diagnostic* d = r.find("load.yaml-alias");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::error);
  CHECK(r.text(*d).rfind("*l", 0) == 0);  // points at an alias, not at its anchor
  CHECK(d->message.find("too big") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("yaml: 20,000 aliases of a small anchor are fast, and a few aliases are fine" * doctest::timeout(5)) {
  std::string many = "a: &a x\nlist:\n";
  for (int i = 0; i < 20000; ++i) many += "  - *a\n";
  auto start = std::chrono::steady_clock::now();
  Read r(many);
  CHECK(r.root);
  CHECK(r.diags.all().empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));

  // The same aliases of a mapping with prose multiply the file: refused, quickly.
  std::string big = "a: &a {title: A longer title, minutes: Some minutes of the item that are repeated}\nlist:\n";
  for (int i = 0; i < 20000; ++i) big += "  - *a\n";
  start = std::chrono::steady_clock::now();
  Read b(big);
  CHECK(!b.root);
  const Diagnostic* d = b.find("load.yaml-alias");
  REQUIRE(d != nullptr);
  CHECK(b.text(*d) == "*a");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));

  Read ok("members: &m [A, B]\nofficers: *m\n");
  CHECK(ok.root);
  CHECK(ok.diags.all().empty());
}

TEST_CASE("yaml: a tag is an error at the tag, and a quoted value is not a tag") {
  Read r("venue: !!binary aGVsbG8=\ntime: &t !foo \"19:30\"\ntitle: \"plain! not a tag\"\nnote: *t\n");
  CHECK(r.root);
  std::vector<std::string> found;
  for (const auto& d : r.diags.all()) {
    CHECK(d.rule == "load.yaml-tag");
    found.push_back(r.at(d) + " " + r.text(d));
  }
  // The alias repeats the anchored node: its tag is reported once.
  CHECK(found == std::vector<std::string>{"1:8 !!binary", "2:10 !foo"});
}

TEST_CASE("yaml: a second document is an error at its `---` line; one document is fine") {
  Read two("committee: audit\n---\ncommittee: other\n");
  const Diagnostic* d = two.find("load.yaml-document");
  REQUIRE(d != nullptr);
  CHECK(two.at(*d) == "2:1");
  CHECK(d->severity == Severity::error);

  Read one("---\n# a comment\ncommittee: audit\n...\n");
  CHECK(one.root);
  CHECK(one.diags.all().empty());
}

TEST_CASE("yaml: a UTF-8 byte-order mark is skipped and positions stay file offsets") {
  SourceSet sources;
  FileId f = sources.add("t.yaml", "\xEF\xBB\xBFtitle: Minutes\ncount: x\n");
  Diagnostics diags;
  YamlReader r(sources, f, diags);
  auto root = r.parse();
  REQUIRE(root);
  Text title = r.text((*root)["title"], "title");
  CHECK(title.value == "Minutes");
  CHECK(title.offset_of(0) == 10);  // 3 bytes of BOM, then "title: "
  CHECK(r.span((*root)["count"]).begin == 25);
  CHECK(!r.count((*root)["count"], "count"));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].span.begin == 25);
}

TEST_CASE("yaml: a percentage is a decimal number: 0x10, 1e1 and inf are refused at the value") {
  for (const char* bad : {"0x10", "1e1", "inf", "+5", "1.2.3", "."}) {
    Read r(std::string("p: ") + bad + "\n");
    YamlReader reader(r.sources, r.file, r.diags);
    CAPTURE(bad);
    CHECK(!reader.percent((*r.root)["p"], "percent"));
    const Diagnostic* d = r.find("load.type");
    REQUIRE(d != nullptr);
    CHECK(r.at(*d) == "1:4");
  }
  for (const char* good : {"16", "16.5", "16%", "0", "100", ".5"}) {
    Read r(std::string("p: ") + good + "\n");
    YamlReader reader(r.sources, r.file, r.diags);
    CAPTURE(good);
    CHECK(reader.percent((*r.root)["p"], "percent"));
  }
}

TEST_CASE("yaml: a date outside 1900-2199 is a typo, reported at the date") {
  Read r("a: 9999-06-01\nb: 0001-01-01\nc: 2018-10-17\n");
  YamlReader reader(r.sources, r.file, r.diags);
  CHECK(!reader.date((*r.root)["a"], "date"));
  CHECK(!reader.date((*r.root)["b"], "date"));
  CHECK(reader.date((*r.root)["c"], "date"));
  REQUIRE(r.diags.all().size() == 2);
  CHECK(r.diags.all()[0].rule == "load.bad-date");
  CHECK(r.at(r.diags.all()[0]) == "1:4");
  CHECK(r.diags.all()[0].message.find("9999-06-01") != std::string::npos);
}

TEST_CASE("yaml: an escape that yaml-cpp decodes to a byte that is not UTF-8 is an error, and the byte is replaced") {
  Read r("venue: \"Room\\N1\"\n");
  YamlReader reader(r.sources, r.file, r.diags);
  Text t = reader.text((*r.root)["venue"], "venue");
  CHECK(t.value == "Room?1");  // yaml-cpp 0.7 gives \N as the lone byte 0x85
  const Diagnostic* d = r.find("load.encoding");
  REQUIRE(d != nullptr);
  CHECK(r.at(*d) == "1:8");
}

/// A model struct as model.h would describe it, with one field the loader code below never names.
struct Described {
  Text title;
  Text notes;  // as if just added to the description
  Located<std::string> code;
};
auto fields(Described& d) {
  using codec::field;
  return std::make_tuple(field("title", d.title), field("notes", d.notes), field("code", d.code));
}

TEST_CASE("yaml: free text a description names is read with no loader code for it; what the caller read stays") {
  Read in("title: The title\nnotes: Added later\ncode: x1\n");
  REQUIRE(in.root);
  YamlReader r(in.sources, in.file, in.diags);
  Fields f(r, *in.root, key_names<Described>(), "a sample");
  Described d;
  d.title = r.text(f.require("title"), "title");
  d.title.value += " (read by hand)";
  read_text_fields(r, f, d);
  CHECK(d.notes.value == "Added later");
  CHECK(d.title.value == "The title (read by hand)");  // not read again
  CHECK(d.code.value.empty());  // not text: the caller's to read
  CHECK(in.diags.all().empty());
}

}  // namespace
}  // namespace rs
