#include "yaml_reader.h"

#include <cmath>
#include <cstdlib>

#include "core/strings.h"
#include "scalar_map.h"

namespace rs {

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
  return parse_part(sources_.content(file_), 0);
}

std::optional<YAML::Node> YamlReader::parse_part(std::string_view text, uint32_t offset) {
  offset_ = offset;
  try {
    return YAML::Load(std::string(text));
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
  uint32_t begin = offset_ + static_cast<uint32_t>(std::max(0, node.Mark().pos));
  ScalarSource src = map_scalar(sources_.content(file_), begin, node.Scalar());
  t.value = node.Scalar();
  t.map = std::move(src.map);
  t.span = Span{file_, src.begin, std::max(src.end, src.begin + 1)};
  return t;
}

std::optional<Located<std::string>> YamlReader::string(const YAML::Node& node, const char* what) {
  if (!node || node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    error("load.type", span(node), std::string(what) + " must be a single value, not " + yaml_kind(node));
    return std::nullopt;
  }
  return Located<std::string>{node.Scalar(), span(node)};
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
  return Located<Date>{*d, s->span};
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
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d) || d < 0 || d > 100) {
    error("load.type", s->span, std::string(what) + " must be a percentage from 0 to 100, not `" + s->value + "`");
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
    : reader_(reader), map_span_(reader.span(map)), what_(what) {
  std::vector<std::string> allowed(known.begin(), known.end());
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

YAML::Node Fields::get(const char* key) const {
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
