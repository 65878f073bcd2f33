#include "reportsite/load/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <istream>
#include <streambuf>

#include "reportsite/core/strings.h"
#include "reportsite/load/encoding.h"
#include "reportsite/load/scalar_map.h"

namespace rs {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Reads a string_view as a stream, so the parser gets the bytes without two copies.
struct ViewBuf : std::streambuf {
  explicit ViewBuf(std::string_view v) {
    char* p = const_cast<char*>(v.data());
    setg(p, p, p + v.size());
  }
};

// Aliases may repeat what an anchor names, never multiply a file: its nodes and
// scalar bytes, aliases expanded, may weigh at most 4 times the file's bytes
// plus 20,000 (each node weighs 1 plus its scalar's bytes, so a file without
// aliases weighs at most about twice its size).
constexpr uint64_t kExpansionFactor = 4, kExpansionAllowance = 20000;

/// Walks the parsed tree (aliases share nodes, so this is the expanded tree)
/// until the budget runs out; collects explicit tags on the way.
struct TreeWalk {
  uint64_t left;
  std::vector<uint32_t> tags;  // Mark().pos of each node with an explicit tag

  bool visit(const YAML::Node& n) {
    if (left == 0) return false;
    --left;
    const std::string& tag = n.Tag();
    if (!tag.empty() && tag != "?" && tag != "!" && n.Mark().pos >= 0)
      tags.push_back(static_cast<uint32_t>(n.Mark().pos));
    switch (n.Type()) {
      case YAML::NodeType::Scalar: {
        uint64_t size = n.Scalar().size();
        if (size >= left) return left = 0, false;
        left -= size;
        return true;
      }
      case YAML::NodeType::Sequence:
        for (const auto& child : n)
          if (!visit(child)) return false;
        return true;
      case YAML::NodeType::Map:
        for (auto it = n.begin(); it != n.end(); ++it)
          if (!visit(it->first) || !visit(it->second)) return false;
        return true;
      default: return true;
    }
  }
};

/// Why the event pass stopped: the alias that crossed the budget, or a second document.
struct Stop {
  YAML::Mark mark;
  bool second_document = false;
};

/// The same weights as TreeWalk, from the parser's events, which say where each alias is.
class StructureEvents : public YAML::EventHandler {
 public:
  explicit StructureEvents(uint64_t budget) : budget_(budget) {}
  void OnDocumentStart(const YAML::Mark& m) override {
    if (documents_++) throw Stop{m, true};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t a) override { leaf(1, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    total_ += a < weights_.size() ? weights_[a] : 1;
    if (total_ > budget_) throw Stop{m, false};
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t a, const std::string& v) override {
    leaf(1 + v.size(), a);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(a);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(a);
  }
  void OnMapEnd() override { close(); }

 private:
  void leaf(uint64_t w, YAML::anchor_t a) {
    total_ += w;
    name(a, w);
  }
  void open(YAML::anchor_t a) {
    open_.push_back({a, total_});
    total_ += 1;
  }
  void close() {
    if (open_.empty()) return;
    auto [a, start] = open_.back();
    open_.pop_back();
    name(a, total_ - start);
  }
  void name(YAML::anchor_t a, uint64_t w) {
    if (a == 0) return;
    if (weights_.size() <= a) weights_.resize(a + 1, 1);
    weights_[a] = w;
  }

  uint64_t budget_, total_ = 0;
  size_t documents_ = 0;
  std::vector<uint64_t> weights_;  // by anchor id
  std::vector<std::pair<YAML::anchor_t, uint64_t>> open_;
};

std::optional<Stop> find_stop(std::string_view text, uint64_t budget) {
  ViewBuf buf(text);
  std::istream in(&buf);
  try {
    YAML::Parser parser(in);
    StructureEvents events(budget);
    while (parser.HandleNextDocument(events)) {
    }
  } catch (const Stop& stop) {
    return stop;
  } catch (const YAML::Exception&) {
    // Only the first document was checked for syntax; a later fault is not ours to report.
  }
  return std::nullopt;
}

/// Offsets of lines `---` or `...` that may start a second document: all but a
/// `---` before any content. The event pass decides; most files have none.
std::vector<size_t> document_markers(std::string_view text) {
  std::vector<size_t> out;
  bool content = false;
  for (size_t line = 0; line < text.size();) {
    size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view l = text.substr(line, eol - line);
    bool marker = (l.substr(0, 3) == "---" || l.substr(0, 3) == "...") &&
                  (l.size() == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r');
    if (marker && (content || l[0] == '.')) out.push_back(line);
    if (marker) content = true;
    size_t first = l.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && l[first] != '#' && l[first] != '%') content = true;
    line = eol + 1;
  }
  return out;
}

/// 92400 → "92,400".
std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

bool flow_or_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '{' ||
         c == '}';
}

}  // namespace

const char* yaml_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Null: return "nothing";
    default: return "nothing";
  }
}

std::optional<YAML::Node> YamlReader::parse() {
  std::string_view text = sources_.content(file_);
  // A UTF-8 byte-order mark is not content: parse after it, so marks are file offsets less 3.
  if (text.substr(0, 3) == kBom) return parse_part(text.substr(3), 3);
  return parse_part(text, 0);
}

std::optional<YAML::Node> YamlReader::parse_part(std::string_view text, uint32_t offset) {
  offset_ = offset;
  YAML::Node root;
  try {
    ViewBuf buf(text);
    std::istream in(&buf);
    root = YAML::Load(in);
  } catch (const YAML::Exception& e) {
    Span at{file_, offset_, offset_ + 1};
    if (!e.mark.is_null() && e.mark.pos >= 0) {
      at.begin = offset_ + static_cast<uint32_t>(e.mark.pos);
      at.end = at.begin + 1;
    }
    error("load.yaml-syntax", at, "this is not valid YAML: " + e.msg,
          "check the indentation and that text containing `: ` or starting with a quote is quoted");
    return std::nullopt;
  }
  if (!check_structure(text, root)) return std::nullopt;
  return root;
}

bool YamlReader::check_structure(std::string_view text, const YAML::Node& root) {
  const uint64_t budget = kExpansionFactor * text.size() + kExpansionAllowance;
  const std::string& content = sources_.content(file_);
  bool within = true;
  // Only a `*` can start an alias and only a `!` a tag: most files need no walk.
  if (text.find('*') != std::string_view::npos || text.find('!') != std::string_view::npos) {
    TreeWalk walk{budget, {}};
    within = walk.visit(root);
    std::sort(walk.tags.begin(), walk.tags.end());
    walk.tags.erase(std::unique(walk.tags.begin(), walk.tags.end()), walk.tags.end());
    for (uint32_t pos : walk.tags) {
      // The mark is the node's first property: skip an anchor to reach the tag.
      size_t p = offset_ + pos;
      if (p < content.size() && content[p] == '&') {
        while (p < content.size() && !flow_or_blank(content[p])) ++p;
        while (p < content.size() && flow_or_blank(content[p]) && content[p] != ',') ++p;
      }
      size_t e = p;
      while (e < content.size() && !flow_or_blank(content[e])) ++e;
      std::string tag = content.substr(p, std::min<size_t>(e - p, 60));
      if (p >= content.size() || content[p] != '!') p = offset_ + pos, e = p + 1, tag = "!";
      error("load.yaml-tag", Span{file_, static_cast<uint32_t>(p), static_cast<uint32_t>(std::max(e, p + 1))},
            "YAML tag `" + tag + "` is not part of this format: the value is read as if it were not there",
            "remove the tag; to keep a value as text, put it in quotes");
    }
  }
  std::vector<size_t> markers = document_markers(text);
  if (within && markers.empty()) return true;
  std::optional<Stop> stop = find_stop(text, budget);
  if (!stop || stop->mark.pos < 0) {
    if (within) return true;
    // The walk and the events weigh alike, so this is not expected: refuse the file all the same.
    error("load.yaml-alias", Span{file_, offset_, offset_ + 1},
          "YAML aliases in this file expand it beyond " + grouped(budget) + " values and characters");
    return false;
  }
  const size_t at = static_cast<size_t>(stop->mark.pos);
  if (stop->second_document) {
    size_t line = at;  // point at the marker line that starts the document
    for (size_t m : markers)
      if (m <= at) line = m;
    error("load.yaml-document", Span{file_, offset_ + static_cast<uint32_t>(line), offset_ + static_cast<uint32_t>(line) + 3},
          "a second YAML document starts here: a file holds one document, and everything from here on would be ignored",
          "remove this line, or move what follows it into a file of its own");
    return within;
  }
  size_t e = offset_ + at + 1;
  while (e < content.size() && !flow_or_blank(content[e])) ++e;
  const uint32_t b = offset_ + static_cast<uint32_t>(at);
  error("load.yaml-alias", Span{file_, b, static_cast<uint32_t>(e)},
        "alias `" + content.substr(b, std::min<size_t>(e - b, 60)) +
            "` makes the file too big: with its aliases repeated in full it would hold over " +
            grouped(budget) + " values and characters (4 times the file's size, plus 20,000)",
        "write the repeated entries out in full: aliases may repeat a value, not multiply a file");
  return false;
}

Span YamlReader::span(const YAML::Node& node) const {
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.pos < 0) return Span{file_, offset_, offset_};
  uint32_t begin = offset_ + static_cast<uint32_t>(m.pos);
  Span s{file_, begin, begin + 1};
  if (node.IsScalar()) {
    // Ids, dates and numbers are short one-line scalars: their extent is their
    // length (plus quotes). Prose goes through text(), which maps every byte.
    const std::string& content = sources_.content(file_);
    char first = begin < content.size() ? content[begin] : 0;
    bool quoted = first == '"' || first == '\'';
    s.end = begin + static_cast<uint32_t>(std::max<size_t>(1, node.Scalar().size() + (quoted ? 2 : 0)));
    s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(content.size()));
    if (s.end <= s.begin) s.end = s.begin + 1;
  }
  return s;
}

Text YamlReader::text(const YAML::Node& node, const char* what) {
  Text t;
  t.file = file_;
  if (!node || node.IsNull()) return t;
  if (!node.IsScalar()) {
    error("load.type", span(node), std::string(what) + " must be text, not " + yaml_kind(node));
    return t;
  }
  const std::string& content = sources_.content(file_);
  // map_scalar takes yaml-cpp's mark over the whole file, which does not count a BOM.
  const uint32_t bom = content.compare(0, 3, kBom) == 0 ? 3 : 0;
  uint32_t begin = offset_ + static_cast<uint32_t>(std::max(0, node.Mark().pos));
  ScalarSource src = map_scalar(content, begin - std::min(begin, bom), node.Scalar());
  t.value = node.Scalar();
  t.map = std::move(src.map);
  t.span = Span{file_, src.begin, std::max(src.end, src.begin + 1)};
  check_utf8(t.value, t.span);
  return t;
}

void YamlReader::check_utf8(std::string& value, Span at) {
  if (replace_invalid_utf8(value))
    error("load.encoding", at,
          "this value holds a byte that is not UTF-8: yaml-cpp reads the escapes `\\N` and `\\_` as single bytes",
          "write the character itself, or `\\u0085` for `\\N` and `\\u00A0` for `\\_`");
}

std::optional<Located<std::string>> YamlReader::string(const YAML::Node& node, const char* what) {
  if (!node || node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    error("load.type", span(node), std::string(what) + " must be a single value, not " + yaml_kind(node));
    return std::nullopt;
  }
  Located<std::string> out{node.Scalar(), span(node)};
  check_utf8(out.value, out.span);
  return out;
}

std::optional<Located<std::string>> YamlReader::id(const YAML::Node& node, const char* what) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  if (!is_slug(s->value)) {
    std::string fixed;
    for (char c : ascii_lower(s->value)) {
      bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word) fixed += c;
      else if (!fixed.empty() && fixed.back() != '-') fixed += '-';
    }
    while (!fixed.empty() && fixed.back() == '-') fixed.pop_back();
    error("load.bad-id", s->span,
          std::string(what) + " `" + s->value +
              "` is not a valid id: use lower-case letters, digits and single hyphens, at most 80 characters",
          fixed.empty() || fixed.size() > 80 ? "" : "did you mean `" + fixed + "`?");
    return std::nullopt;
  }
  return s;
}

std::optional<Located<Date>> YamlReader::date(const YAML::Node& node, const char* what) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  auto d = parse_date(s->value);
  if (!d) {
    error("load.bad-date", s->span,
          std::string(what) + " `" + s->value + "` is not a date: write it as YYYY-MM-DD, e.g. 2018-10-17");
    return std::nullopt;
  }
  Located<Date> out{*d, s->span};
  if (!date_in_range(out, what)) return std::nullopt;
  return out;
}

bool YamlReader::date_in_range(const Located<Date>& d, const char* what) {
  if (d.value.year >= kFirstYear && d.value.year <= kLastYear) return true;
  error("load.bad-date", d.span,
        std::string(what) + " " + d.value.iso() + " is outside the years " + std::to_string(kFirstYear) + " to " +
            std::to_string(kLastYear) + " that a date may have",
        "check the year for a typo");
  return false;
}

std::optional<Located<long long>> YamlReader::count(const YAML::Node& node, const char* what) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  const std::string& v = s->value;
  bool digits = !v.empty() && v.size() < 16;
  for (char c : v) digits = digits && c >= '0' && c <= '9';
  if (!digits) {
    error("load.type", s->span, std::string(what) + " must be a whole number 0 or more, not `" + v + "`");
    return std::nullopt;
  }
  return Located<long long>{std::atoll(v.c_str()), s->span};
}

std::optional<Located<double>> YamlReader::percent(const YAML::Node& node, const char* what) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  char* end = nullptr;
  std::string v = s->value;
  if (!v.empty() && v.back() == '%') v.pop_back();
  // Decimal digits with at most one point: strtod alone would take 0x10, 1e1 and inf.
  size_t digits = 0, points = 0;
  for (char c : v) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '.') ++points;
    else digits = 0, points = 2;
  }
  bool decimal = digits > 0 && points <= 1 && v.size() <= 20;
  double d = decimal ? std::strtod(v.c_str(), &end) : -1;
  if (!decimal || end != v.c_str() + v.size() || !std::isfinite(d) || d < 0 || d > 100) {
    error("load.type", s->span, std::string(what) + " must be a percentage from 0 to 100, not `" + s->value + "`",
          decimal ? "" : "write it as a decimal number, such as 16 or 16.5");
    return std::nullopt;
  }
  return Located<double>{d, s->span};
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const char* what) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  if (s->value == "true") return true;
  if (s->value == "false") return false;
  error("load.type", s->span, std::string(what) + " must be true or false, not `" + s->value + "`");
  return std::nullopt;
}

std::optional<size_t> YamlReader::choice(const YAML::Node& node, const char* what,
                                         const std::vector<std::string>& words) {
  auto s = string(node, what);
  if (!s) return std::nullopt;
  for (size_t i = 0; i < words.size(); ++i)
    if (s->value == words[i]) return i;
  std::string list;
  for (size_t i = 0; i < words.size(); ++i)
    list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + ("`" + words[i] + "`");
  error("load.bad-value", s->span, std::string(what) + " must be " + list + ", not `" + s->value + "`",
        did_you_mean(s->value, words));
  return std::nullopt;
}

std::vector<YAML::Node> YamlReader::sequence(const YAML::Node& node, const char* what) {
  std::vector<YAML::Node> out;
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) {
    error("load.type", span(node), std::string(what) + " must be a list, not " + yaml_kind(node),
          "write each entry on its own line starting with `- `, or as [a, b]");
    return out;
  }
  for (const auto& n : node) out.push_back(n);
  return out;
}

bool YamlReader::expect_map(const YAML::Node& node, const char* what) {
  if (node && node.IsMap()) return true;
  error("load.type", span(node), std::string(what) + " must be a mapping of `key: value` lines, not " + yaml_kind(node));
  return false;
}

void YamlReader::error(const char* rule, Span span, std::string message, std::string suggestion) {
  diags_.error(rule, span, std::move(message), std::move(suggestion));
}

void YamlReader::warning(const char* rule, Span span, std::string message, std::string suggestion) {
  diags_.warning(rule, span, std::move(message), std::move(suggestion));
}

Fields::Fields(YamlReader& reader, const YAML::Node& map, std::initializer_list<const char*> known, const char* what)
    : Fields(reader, map, std::vector<const char*>(known), what) {}

Fields::Fields(YamlReader& reader, const YAML::Node& map, const std::vector<const char*>& known, const char* what)
    : reader_(reader), map_span_(reader.span(map)), what_(what) {
  std::vector<std::string> allowed(known.begin(), known.end());
  if (fields_observer) fields_observer(allowed);
  if (!reader.expect_map(map, what)) {
    ok_ = false;
    return;
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: it-> yields a temporary pair
    Span ks = reader.span(k);
    if (!k.IsScalar()) {
      reader.error("load.type", ks, "a key in " + what_ + " must be a single word");
      continue;
    }
    const std::string key = k.Scalar();
    bool is_known = false;
    for (const auto& a : allowed) is_known = is_known || a == key;
    if (!is_known) {
      std::string list;
      for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + allowed[i];
      reader.error("load.unknown-key", ks, "unknown key `" + key + "` in " + what_,
                   did_you_mean(key, allowed).empty() ? "known keys: " + list : did_you_mean(key, allowed));
      continue;
    }
    bool repeated = false;
    for (const auto& f : fields_) repeated = repeated || f.first == key;
    if (repeated) {
      reader.error("load.duplicate-key", ks, "key `" + key + "` is given twice in " + what_);
      continue;
    }
    fields_.push_back({key, {it->second, ks}});
  }
}

bool Fields::has(const char* key) const {
  for (const auto& f : fields_)
    if (f.first == key) return !f.second.first.IsNull();
  return false;
}

bool Fields::given(const char* key) const {
  for (const auto& f : fields_)
    if (f.first == key) return true;
  return false;
}

bool Fields::taken(const char* key) const {
  return std::find(taken_.begin(), taken_.end(), key) != taken_.end();
}

YAML::Node Fields::get(const char* key) const {
  if (!taken(key)) taken_.push_back(key);
  for (const auto& f : fields_)
    if (f.first == key) return f.second.first;
  return YAML::Node();
}

YAML::Node Fields::require(const char* key) {
  if (ok_ && !has(key))
    reader_.error("load.missing-field", map_span_, what_ + " needs `" + key + "`");
  return get(key);
}

Span Fields::key_span(const char* key) const {
  for (const auto& f : fields_)
    if (f.first == key) return f.second.second;
  return map_span_;
}

}  // namespace rs
