#include "reportsite/load/scalar_map.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <functional>
#include <random>
#include <string>

namespace rs {
namespace {

Text text_of(std::string_view file, const YAML::Node& node) {
  ScalarSource src = map_scalar(file, static_cast<uint32_t>(node.Mark().pos), node.Scalar());
  Text t;
  t.value = node.Scalar();
  t.file = 0;
  t.map = src.map;
  t.span = {0, src.begin, src.end};
  return t;
}

/// Empty when every value byte maps where it should: to the same byte in the
/// file, to a line break for a folded space or newline, or to the backslash of
/// an escape in a double-quoted scalar; offsets never go backwards.
std::string check_scalar(std::string_view file, const YAML::Node& node) {
  const std::string& v = node.Scalar();
  ScalarSource src = map_scalar(file, static_cast<uint32_t>(node.Mark().pos), v);
  if (!v.empty() && src.end <= src.begin) return "fell back for [" + v + "]";
  if (src.end > file.size()) return "end past the file";
  const bool double_quoted = file[src.begin] == '"';
  Text t = text_of(file, node);
  uint32_t previous = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const uint32_t at = t.offset_of(i);
    const std::string where = " at value byte " + std::to_string(i) + " of [" + v + "]";
    if (at < src.begin || at >= file.size()) return "out of range" + where;
    if (i > 0 && at < previous) return "goes backwards" + where;
    previous = at;
    const char f = file[at], c = v[i];
    const bool literal = f == c && f != '\n' && f != '\r';
    const bool fold = (c == ' ' || c == '\n') && (f == '\n' || f == '\r');
    const bool escape = double_quoted && f == '\\';
    if (!literal && !fold && !escape) return "wrong byte" + where;
    if (literal && at >= src.end) return "past the scalar's end" + where;
  }
  return "";
}

void for_each_scalar(const YAML::Node& node, const std::function<void(const YAML::Node&)>& f) {
  if (node.IsScalar()) f(node);
  if (node.IsSequence())
    for (const auto& item : node) for_each_scalar(item, f);
  if (node.IsMap())
    for (const auto& kv : node) {
      for_each_scalar(kv.first, f);
      for_each_scalar(kv.second, f);
    }
}

/// Checks every scalar in a document; returns how many were checked.
int check_document(const std::string& file) {
  int checked = 0;
  for_each_scalar(YAML::Load(file), [&](const YAML::Node& n) {
    INFO("file: ", file);
    CHECK(check_scalar(file, n) == "");
    ++checked;
  });
  return checked;
}

/// Line and column (1-based, code points) of the `nth` occurrence of `word` in
/// the node's value, found through the map.
LineCol where(const std::string& file, const YAML::Node& node, std::string_view word,
              int nth = 0) {
  Text t = text_of(file, node);
  size_t i = t.value.find(word);
  for (int k = 0; k < nth && i != std::string::npos; ++k) i = t.value.find(word, i + 1);
  REQUIRE(i != std::string::npos);
  SourceSet sources;
  FileId id = sources.add("t.yaml", file);
  return sources.line_col(id, t.offset_of(i));
}

void check_at(LineCol got, uint32_t line, uint32_t column) {
  CHECK(got.line == line);
  CHECK(got.column == column);
}

TEST_CASE("a word after an escaped quote in a double-quoted scalar keeps its column") {
  std::string file = "title: Minutes\nquote: \"He said \\\"stop\\\" then left\"\n";
  YAML::Node q = YAML::Load(file)["quote"];
  REQUIRE(q.Scalar() == "He said \"stop\" then left");
  check_at(where(file, q, "stop"), 2, 19);
  check_at(where(file, q, "left"), 2, 31);
  check_at(where(file, q, "\""), 2, 17);  // the escape maps to its backslash
  Text t = text_of(file, q);
  SourceSet sources;
  FileId id = sources.add("t.yaml", file);
  Span stop = t.span_of(9, 13);
  check_at(sources.line_col(id, stop.begin), 2, 19);
  check_at(sources.line_col(id, stop.end), 2, 23);
  CHECK(check_document(file) == 4);
}

TEST_CASE("unicode escapes map every byte they produce to the backslash") {
  std::string file = "q: \"the \\u2019quoted\\u2019 and \\U0001F600 \\x41 word\"\n";
  YAML::Node q = YAML::Load(file)["q"];
  REQUIRE(q.Scalar() == "the \xE2\x80\x99quoted\xE2\x80\x99 and \xF0\x9F\x98\x80 A word");
  Text t = text_of(file, q);
  CHECK(t.offset_of(4) == 8);
  CHECK(t.offset_of(5) == 8);
  CHECK(t.offset_of(6) == 8);
  check_at(where(file, q, "quoted"), 1, 15);
  check_at(where(file, q, "word"), 1, 48);
  CHECK(check_document(file) == 2);
}

TEST_CASE("a word on the third line of a literal block") {
  std::string file =
      "minutes: |\n"
      "  First line here.\n"
      "  Second line here.\n"
      "  Third line has the word quorum in it.\n"
      "next: 1\n";
  YAML::Node m = YAML::Load(file)["minutes"];
  REQUIRE(m.Scalar() == "First line here.\nSecond line here.\nThird line has the word quorum in it.\n");
  check_at(where(file, m, "quorum"), 4, 27);
  check_at(where(file, m, "Second"), 3, 3);
  check_at(where(file, m, "line"), 2, 9);
  CHECK(check_document(file) == 4);
}

TEST_CASE("a word on a folded line of a > block") {
  std::string file =
      "summary: >\n"
      "  The committee noted\n"
      "  the annual report\n"
      "  and agreed it.\n";
  YAML::Node s = YAML::Load(file)["summary"];
  REQUIRE(s.Scalar() == "The committee noted the annual report and agreed it.\n");
  check_at(where(file, s, "annual"), 3, 7);
  check_at(where(file, s, "agreed"), 4, 7);
  check_at(where(file, s, " the"), 2, 22);  // the folded space is the end of line 2
  CHECK(check_document(file) == 2);
}

TEST_CASE("folded blocks keep more-indented lines and blank lines in place") {
  std::string file =
      "body: >\n"
      "  Intro text\n"
      "\n"
      "    indented code\n"
      "  back to\n"
      "  normal\n"
      "\n"
      "\n"
      "  last words\n";
  YAML::Node b = YAML::Load(file)["body"];
  REQUIRE(b.Scalar() == "Intro text\n\n  indented code\nback to normal\n\nlast words\n");
  check_at(where(file, b, "code"), 4, 14);
  check_at(where(file, b, "normal"), 6, 3);
  check_at(where(file, b, "last"), 9, 3);
  // Two empty lines give two newlines, at the breaks ending lines 7 and 8;
  // the break ending "normal" is the one folded away.
  size_t run = b.Scalar().find("\n\nlast");
  Text t = text_of(file, b);
  SourceSet sources;
  FileId id = sources.add("t.yaml", file);
  check_at(sources.line_col(id, t.offset_of(run)), 7, 1);
  check_at(sources.line_col(id, t.offset_of(run + 1)), 8, 1);
  CHECK(check_document(file) == 2);
}

TEST_CASE("a word on the second line of a multi-line plain scalar") {
  std::string file =
      "item: Members asked about\n"
      "  response times for\n"
      "\n"
      "  complaints.\n";
  YAML::Node i = YAML::Load(file)["item"];
  REQUIRE(i.Scalar() == "Members asked about response times for\ncomplaints.");
  check_at(where(file, i, "response"), 2, 3);
  check_at(where(file, i, "complaints"), 4, 3);
  check_at(where(file, i, " response"), 1, 26);  // the fold is the end of line 1
  check_at(where(file, i, "\n"), 3, 1);  // the empty line's own break
  CHECK(check_document(file) == 2);
}

TEST_CASE("scalars inside a flow sequence and a flow map") {
  std::string file =
      "tags: [alpha, \"beta gamma\", 'delta']\n"
      "vote: {label: Carried, value: 3}\n";
  YAML::Node root = YAML::Load(file);
  check_at(where(file, root["tags"][0], "alpha"), 1, 8);
  check_at(where(file, root["tags"][1], "gamma"), 1, 21);
  check_at(where(file, root["tags"][2], "delta"), 1, 30);
  check_at(where(file, root["vote"]["label"], "Carried"), 2, 15);
  check_at(where(file, root["vote"]["value"], "3"), 2, 31);
  ScalarSource plain = map_scalar(file, static_cast<uint32_t>(root["tags"][0].Mark().pos), "alpha");
  CHECK(plain.begin == 7);
  CHECK(plain.end == 12);  // stops before the comma
  ScalarSource quoted = map_scalar(file, static_cast<uint32_t>(root["tags"][1].Mark().pos), "beta gamma");
  CHECK(quoted.begin == 14);
  CHECK(quoted.end == 26);  // includes both quotes
  CHECK(check_document(file) == 9);
}

TEST_CASE("CRLF line endings") {
  std::string file =
      "title: Minutes\r\n"
      "note: Members asked\r\n"
      "  about delays\r\n"
      "lit: |\r\n"
      "  one\r\n"
      "  two words\r\n"
      "dq: \"tab\\there\r\n"
      "  again\"\r\n"
      "fold: >\r\n"
      "  folded\r\n"
      "  text\r\n";
  YAML::Node root = YAML::Load(file);
  REQUIRE(root["lit"].Scalar() == "one\ntwo words\n");
  check_at(where(file, root["note"], "delays"), 3, 9);
  check_at(where(file, root["lit"], "words"), 6, 7);
  check_at(where(file, root["lit"], "\n"), 5, 6);  // the '\r' ending "  one"
  check_at(where(file, root["dq"], "again"), 8, 3);
  check_at(where(file, root["dq"], "here"), 7, 11);
  check_at(where(file, root["fold"], "text"), 11, 3);
  CHECK(check_document(file) == 10);
}

TEST_CASE("single-quoted scalars: '' and folding") {
  std::string file = "s: 'it''s a\n   long one'\n";
  YAML::Node s = YAML::Load(file)["s"];
  REQUIRE(s.Scalar() == "it's a long one");
  check_at(where(file, s, "'"), 1, 7);
  check_at(where(file, s, "s a"), 1, 9);
  check_at(where(file, s, "long"), 2, 4);
  CHECK(check_document(file) == 2);
}

TEST_CASE("double-quoted escaped line breaks and trailing spaces") {
  std::string file = "d: \"first  \\\n   second   \n\n   third\"\n";
  YAML::Node d = YAML::Load(file)["d"];
  REQUIRE(d.Scalar() == "first  second\nthird");
  check_at(where(file, d, "second"), 2, 4);
  check_at(where(file, d, "third"), 4, 4);
  check_at(where(file, d, "\n"), 3, 1);
  CHECK(check_document(file) == 2);
}

TEST_CASE("columns count code points after multi-byte characters") {
  std::string file = "p: \xE2\x80\x98quoted\xE2\x80\x99 text\n";
  YAML::Node p = YAML::Load(file)["p"];
  check_at(where(file, p, "text"), 1, 13);
  check_at(where(file, p, "quoted"), 1, 5);
  CHECK(check_document(file) == 2);
}

TEST_CASE("tags and anchors before a scalar are skipped") {
  std::string file =
      "a: &first !!str \"quoted text\"\n"
      "b: !!str\n"
      "  plain on the next line\n"
      "c: &blk |\n"
      "  block text\n"
      "&k key: v\n"
      "d: *first\n";
  YAML::Node root = YAML::Load(file);
  check_at(where(file, root["a"], "text"), 1, 25);
  check_at(where(file, root["b"], "next"), 3, 16);
  check_at(where(file, root["c"], "text"), 5, 9);
  check_at(where(file, root["d"], "text"), 1, 25);  // an alias maps to its anchor
  ScalarSource a = map_scalar(file, static_cast<uint32_t>(root["a"].Mark().pos), "quoted text");
  CHECK(a.begin == 16);  // the quote, not the anchor
  CHECK(check_document(file) == 10);
}

TEST_CASE("explicit indentation indicators, relative to the parent") {
  std::string file =
      "k: |2\n"
      "    code line\n"
      "  text here\n"
      "items:\n"
      "  - k: |1\n"
      "      x y\n"
      "  - >2-\n"
      "     z\n";
  YAML::Node root = YAML::Load(file);
  REQUIRE(root["k"].Scalar() == "  code line\ntext here\n");
  REQUIRE(root["items"][0]["k"].Scalar() == " x y\n");
  REQUIRE(root["items"][1].Scalar() == " z");
  check_at(where(file, root["k"], "code"), 2, 5);
  check_at(where(file, root["k"], "text"), 3, 3);
  check_at(where(file, root["items"][0]["k"], "y"), 6, 9);
  check_at(where(file, root["items"][1], "z"), 8, 6);
  CHECK(check_document(file) == 6);
}

TEST_CASE("chomping indicators keep, clip or strip trailing newlines") {
  std::string file =
      "keep: |+\n  a\n\n\n"
      "clip: |\n  b\n\n"
      "strip: >-\n  c\n  d\n\n"
      "fkeep: >+\n  e\n\n"
      "end: 1\n";
  YAML::Node root = YAML::Load(file);
  CHECK(root["keep"].Scalar() == "a\n\n\n");
  CHECK(root["clip"].Scalar() == "b\n");
  CHECK(root["strip"].Scalar() == "c d");
  check_at(where(file, root["keep"], "\n", 2), 4, 1);  // the last kept newline
  check_at(where(file, root["strip"], "d"), 10, 3);
  CHECK(check_document(file) == 10);
}

TEST_CASE("a UTF-8 byte order mark: positions are still file offsets") {
  std::string file = "\xEF\xBB\xBFtitle: Minutes\nnote: \"a \\\"b\\\" c\"\n";
  YAML::Node root = YAML::Load(file);
  check_at(where(file, root["title"], "Minutes"), 1, 9);  // the BOM is a code point
  check_at(where(file, root["note"], "c"), 2, 16);
  CHECK(check_document(file) == 4);
}

TEST_CASE("a value that does not match the source falls back to one segment at start") {
  std::string file = "a: hello world\n";
  ScalarSource wrong = map_scalar(file, 3, "goodbye");
  REQUIRE(wrong.map.size() == 1);
  CHECK(wrong.map[0].value_begin == 0);
  CHECK(wrong.map[0].file_offset == 3);
  CHECK(wrong.begin == wrong.end);

  ScalarSource right = map_scalar(file, 3, "hello world");
  REQUIRE(right.map.size() == 1);
  CHECK(right.begin == 3);
  CHECK(right.end == 14);

  ScalarSource past = map_scalar(file, 999, "x");
  CHECK(past.map.size() == 1);
  CHECK(past.map[0].file_offset == file.size());
  ScalarSource unterminated = map_scalar("a: \"open", 3, "open");
  CHECK(unterminated.begin == unterminated.end);
  CHECK(map_scalar("", 0, "").map.size() == 1);
}

TEST_CASE("empty scalars map nothing") {
  std::string file = "a: \"\"\nb: ''\nc: !!str\nd: x\n";
  YAML::Node root = YAML::Load(file);
  ScalarSource a = map_scalar(file, static_cast<uint32_t>(root["a"].Mark().pos), "");
  CHECK(a.map.empty());
  CHECK(a.begin == 3);
  CHECK(a.end == 5);
  ScalarSource c = map_scalar(file, static_cast<uint32_t>(root["c"].Mark().pos), "");
  CHECK(c.map.empty());
  CHECK(c.begin == 20);  // just after the tag, not the next line's key
  CHECK(check_document(file) == 8);
}

// ---- generated scalars ----------------------------------------------------

const char* const kWords[] = {"alpha", "Beta", "it's", "\xE2\x80\x98quoted\xE2\x80\x99", "caf\xC3\xA9",
                              "a:b", "x#y", "-dash", "50%", "\xE2\x82\xAC" "5", "q?", "(note)"};

std::string random_text(std::mt19937& rng, bool with_breaks) {
  const char* const extras[] = {" ", "  ", "\"", "\\", "'", ": ", " #", "\t", "\n", "\n\n", ", ", "[x]"};
  std::string s;
  int n = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < n; ++i) {
    if (i > 0 && rng() % 3 == 0) {
      std::string extra = extras[rng() % std::size(extras)];
      if (!with_breaks && extra.find('\n') != std::string::npos) extra = " ";
      s += extra;
    } else if (i > 0) {
      s += ' ';
    }
    s += kWords[rng() % std::size(kWords)];
  }
  return s;
}

TEST_CASE("fuzz: scalars written by yaml-cpp's emitter in every style") {
  std::mt19937 rng(20180417);
  int documents = 0, scalars = 0;
  for (int round = 0; round < 300; ++round) {
    YAML::Emitter out;
    const bool flow = round % 4 == 3;
    if (flow) out << YAML::Flow;
    out << YAML::BeginMap;
    for (int k = 0; k < 3; ++k) {
      std::string value = random_text(rng, !flow);
      out << YAML::Key << ("key" + std::to_string(k)) << YAML::Value;
      switch (rng() % 4) {
        case 0: out << YAML::DoubleQuoted << value; break;
        case 1: out << YAML::SingleQuoted << value; break;
        case 2: out << (flow ? YAML::DoubleQuoted : YAML::Literal) << value; break;
        default: out << value; break;
      }
    }
    out << YAML::Key << "list" << YAML::Value << YAML::BeginSeq;
    out << random_text(rng, false) << YAML::DoubleQuoted << random_text(rng, !flow) << YAML::EndSeq;
    out << YAML::EndMap;
    REQUIRE(out.good());
    std::string file = out.c_str();
    file += '\n';
    INFO(file);
    scalars += check_document(file);
    ++documents;
  }
  CHECK(documents == 300);
  CHECK(scalars == 300 * 9);
}

std::string random_indent(std::mt19937& rng, int at_least) {
  return std::string(static_cast<size_t>(at_least + static_cast<int>(rng() % 3)), ' ');
}

std::string word(std::mt19937& rng) { return kWords[rng() % std::size(kWords)]; }

/// A plain scalar over several lines, with trailing spaces and empty lines.
std::string plain_block(std::mt19937& rng) {
  std::string s = "v: " + word(rng);
  int lines = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < lines; ++i) {
    if (rng() % 3 == 0) s += "   ";
    if (rng() % 4 == 0) s += "\n";
    s += "\n" + random_indent(rng, 1) + word(rng) + " " + word(rng);
  }
  return s + "\n";
}

/// A word as it must be written inside single quotes.
std::string single_quoted(std::string w) {
  for (size_t i = w.find('\''); i != std::string::npos; i = w.find('\'', i + 2)) w.insert(i, 1, '\'');
  return w;
}

std::string quoted(std::mt19937& rng, bool single) {
  const char* const escapes[] = {"\\\"", "\\\\", "\\n", "\\t", "\\x41", "\\u2019", "\\U0001F600",
                                 "\\/", "\\_", "\\N", "\\0", "\\ ", "\\\n   "};
  std::string s = single ? "v: '" : "v: \"";
  int n = 2 + static_cast<int>(rng() % 8);
  for (int i = 0; i < n; ++i) {
    switch (rng() % 5) {
      case 0: s += single ? "''" : escapes[rng() % std::size(escapes)]; break;
      case 1: s += std::string(rng() % 2 ? "  " : "") + "\n" + random_indent(rng, 1); break;
      case 2: s += "\n\n "; break;
      default: s += (single ? single_quoted(word(rng)) : word(rng)) + " "; break;
    }
  }
  s += single ? single_quoted(word(rng)) : word(rng);
  return s + (single ? "'\n" : "\"\n");
}

std::string block(std::mt19937& rng) {
  const char* const chomps[] = {"", "-", "+"};
  const bool nested = rng() % 2;
  const int parent = nested ? 4 : 0;
  std::string header = std::string(rng() % 2 ? "|" : ">") + chomps[rng() % 3];
  int explicit_indent = rng() % 3 == 0 ? 1 + static_cast<int>(rng() % 3) : 0;
  if (explicit_indent) header += std::to_string(explicit_indent);
  const int indent = parent + (explicit_indent ? explicit_indent : 2);
  std::string s = nested ? "list:\n  - k: " + header + "\n" : "v: " + header + "\n";
  if (rng() % 4 == 0) s += "\n";
  // The first line sets the indentation when there is no indicator.
  s += std::string(static_cast<size_t>(indent + (explicit_indent ? static_cast<int>(rng() % 2) : 0)), ' ') +
       word(rng) + " " + word(rng) + "\n";
  int lines = static_cast<int>(rng() % 6);
  for (int i = 0; i < lines; ++i) {
    switch (rng() % 4) {
      case 0: s += "\n"; break;
      case 1: s += std::string(static_cast<size_t>(indent + 2), ' ') + word(rng) + "\n"; break;
      default: s += std::string(static_cast<size_t>(indent), ' ') + word(rng) + " " + word(rng) + "\n"; break;
    }
  }
  if (rng() % 2) s += "\n\n";
  return s + "after: 1\n";
}

TEST_CASE("fuzz: hand-written templates for every style") {
  std::mt19937 rng(1718);
  int parsed = 0, scalars = 0;
  for (int round = 0; round < 600; ++round) {
    std::string file;
    switch (round % 4) {
      case 0: file = plain_block(rng); break;
      case 1: file = quoted(rng, false); break;
      case 2: file = quoted(rng, true); break;
      default: file = block(rng); break;
    }
    INFO(file);
    YAML::Node root;
    try {
      root = YAML::Load(file);
    } catch (const YAML::Exception&) {
      continue;  // a template yaml-cpp rejects says nothing about the map
    }
    ++parsed;
    for_each_scalar(root, [&](const YAML::Node& n) {
      CHECK(check_scalar(file, n) == "");
      ++scalars;
    });
  }
  CHECK(parsed == 600);
  CHECK(scalars > 1000);
}

TEST_CASE("fuzz: arbitrary starts and values never crash or leave the file") {
  std::mt19937 rng(99);
  const std::string files[] = {"a: \"x\\", "k: |", "k: >2\n", "'", "a: b\n  c", "!", "&a", "\"\\u12",
                               "k: |+\n\n", "- [a, {b: \"c"};
  for (const std::string& file : files) {
    for (int i = 0; i < 50; ++i) {
      uint32_t start = static_cast<uint32_t>(rng() % (file.size() + 2));
      std::string value = random_text(rng, true).substr(0, rng() % 6);
      ScalarSource src = map_scalar(file, start, value);
      CHECK(src.begin <= src.end);
      CHECK(src.end <= file.size());
      for (const Segment& seg : src.map) CHECK(seg.file_offset <= file.size());
    }
  }
}


// Mapping is linear: a one-line paragraph of 1 MB once took seconds (every byte
// compared the whole value rebuilt so far), and a long quoted one 4 bytes of map per byte.
TEST_CASE("a 1 MB one-line scalar, plain or quoted, maps in linear time" * doctest::timeout(3)) {
  std::string words;
  for (int i = 0; i < 200000; ++i) words += "word ";
  words += "end";
  for (const std::string& quote : {std::string(), std::string("\"")}) {
    const std::string file = "minutes: " + quote + words + quote + "\n";
    CAPTURE(quote);
    auto start = std::chrono::steady_clock::now();
    ScalarSource src = map_scalar(file, 9, words);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    REQUIRE(src.map.size() == 1);  // one run: every byte where it is in the file
    CHECK(src.map[0].file_offset == 9 + quote.size());
    CHECK(src.end == file.size() - 1);
  }
}

}  // namespace
}  // namespace rs
