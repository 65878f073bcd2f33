#pragma once
// Strict, positioned reading of one YAML file into model values. yaml-cpp's
// exceptions stop here: every problem becomes a diagnostic at a position.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <tuple>
#include <type_traits>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/date.h"
#include "reportsite/core/codec.h"
#include "reportsite/core/diagnostics.h"
#include "reportsite/core/source.h"

namespace rs {

/// Dates must fall in these years: one outside is a typo (9999-06-01 once
/// became the municipal year "9999-00").
constexpr int kFirstYear = 1900, kLastYear = 2199;

class YamlReader {
 public:
  YamlReader(const SourceSet& sources, FileId file, Diagnostics& diags)
      : sources_(sources), file_(file), diags_(diags) {}

  /// Parse the whole file; on a syntax error report it and return nullopt.
  std::optional<YAML::Node> parse();
  /// Parse `text`, which sits at `offset` in the file (front matter).
  std::optional<YAML::Node> parse_part(std::string_view text, uint32_t offset);

  Span span(const YAML::Node& node) const;
  /// A scalar as Text with its byte map; reports a type error for non-scalars.
  Text text(const YAML::Node& node, const char* what);
  std::optional<Located<std::string>> string(const YAML::Node& node, const char* what);
  /// A slug id (see is_slug); reports load.bad-id.
  std::optional<Located<std::string>> id(const YAML::Node& node, const char* what);
  std::optional<Located<Date>> date(const YAML::Node& node, const char* what);
  std::optional<Located<long long>> count(const YAML::Node& node, const char* what);
  std::optional<Located<double>> percent(const YAML::Node& node, const char* what);
  std::optional<bool> boolean(const YAML::Node& node, const char* what);
  /// One of a few words (`draft` or `confirmed`): its index in `words`, or nullopt
  /// when absent; any other word is load.bad-value with "did you mean".
  std::optional<size_t> choice(const YAML::Node& node, const char* what, const std::vector<std::string>& words);
  /// A sequence's elements; a lone scalar is reported as a type error.
  std::vector<YAML::Node> sequence(const YAML::Node& node, const char* what);
  /// Check the node is a mapping; report load.type if not.
  bool expect_map(const YAML::Node& node, const char* what);

  /// Whether a date falls in kFirstYear..kLastYear; reports load.bad-date if not.
  bool date_in_range(const Located<Date>& d, const char* what);

  void error(const char* rule, Span span, std::string message, std::string suggestion = {});
  void warning(const char* rule, Span span, std::string message, std::string suggestion = {});
  FileId file() const { return file_; }
  const std::string& path() const { return sources_.path(file_); }

 private:
  /// Aliases within budget, no tags, one document; false when the file must not be read.
  bool check_structure(std::string_view text, const YAML::Node& root);
  /// Replaces bytes that are not UTF-8 (from escapes) and reports them.
  void check_utf8(std::string& value, Span at);

  const SourceSet& sources_;
  FileId file_;
  Diagnostics& diags_;
  uint32_t offset_ = 0;  // where the parsed text starts in the file
};

/// For tests: when set, called with the keys each Fields allows (from any
/// thread), so a test can compare the loader's lists with the schemas'.
inline void (*fields_observer)(const std::vector<std::string>& known) = nullptr;

/// The fields of one YAML mapping, checked against the keys a format allows.
class Fields {
 public:
  /// Reports every key not in `known` (load.unknown-key, with "did you mean")
  /// and every key given twice (load.duplicate-key).
  Fields(YamlReader& reader, const YAML::Node& map, std::initializer_list<const char*> known, const char* what);
  /// The same with the keys a model struct's description names (key_names<T>(), core/codec.h).
  Fields(YamlReader& reader, const YAML::Node& map, const std::vector<const char*>& known, const char* what);
  bool has(const char* key) const;
  /// The value, or an undefined node when absent.
  YAML::Node get(const char* key) const;
  /// Whether the key is written at all, even with an empty or null value.
  bool given(const char* key) const;
  /// The value; reports load.missing-field at the mapping when absent or null.
  YAML::Node require(const char* key);
  Span key_span(const char* key) const;
  Span map_span() const { return map_span_; }
  bool ok() const { return ok_; }
  /// Whether get() or require() has been asked for `key` (read_text_fields below reads the rest).
  bool taken(const char* key) const;

 private:
  YamlReader& reader_;
  mutable std::vector<std::string> taken_;
  std::vector<std::pair<std::string, std::pair<YAML::Node, Span>>> fields_;
  Span map_span_;
  std::string what_;
  bool ok_ = true;
};

/// Reads every named Text field of `v`'s description (core/codec.h) that the
/// caller did not read itself, as optional free text: so a free-text field
/// added to a model struct's description is read with no line of loader code.
template <class T>
void read_text_fields(YamlReader& r, Fields& f, T& v) {
  for_each_named_field(v, [&](const char* name, auto& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Text>)
      if (!f.taken(name)) value = r.text(f.get(name), name);
  });
}

/// A type name for messages: "a list", "a mapping", "text".
const char* yaml_kind(const YAML::Node& node);

}  // namespace rs
