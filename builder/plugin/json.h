#pragma once
// A small JSON value, a strict RFC 8259 parser and a writer: what the plugin
// protocol needs and no more. Objects keep their members in order, so what the
// builder writes is the same on every run.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rs {

class Json {
 public:
  enum class Type { null, boolean, number, string, array, object };
  using Member = std::pair<std::string, Json>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : type_(Type::boolean), bool_(b) {}
  Json(int n) : type_(Type::number), number_(n) {}
  Json(long long n) : type_(Type::number), number_(static_cast<double>(n)) {}
  Json(double n) : type_(Type::number), number_(n) {}
  Json(const char* s) : type_(Type::string), string_(s) {}
  Json(std::string s) : type_(Type::string), string_(std::move(s)) {}
  static Json array() { Json j; j.type_ = Type::array; return j; }
  static Json object() { Json j; j.type_ = Type::object; return j; }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_bool() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }
  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }
  const std::vector<Json>& items() const { return items_; }
  const std::vector<Member>& members() const { return members_; }

  /// Appends to an array.
  Json& push(Json v);
  /// Appends a member to an object (keys are not checked for repeats: the caller writes each once).
  Json& set(std::string key, Json v);
  /// The member named `key`, or nullptr (also when this is not an object).
  const Json* find(std::string_view key) const;

 private:
  friend class JsonParser;
  Type type_ = Type::null;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<Member> members_;
};

/// "null", "a number", "text", "a list", "an object": for messages.
const char* json_type_name(Json::Type t);

struct JsonLimits {
  size_t max_depth = 64;                    // arrays and objects nested deeper are refused
  size_t max_bytes = size_t{64} << 20;      // longer texts are refused before parsing
};

struct JsonError {
  size_t offset = 0;    // the byte where parsing stopped
  std::string message;  // "expected `,` or `}`"
};

/// Parses one JSON text (RFC 8259), strictly: no comments, no trailing commas,
/// no repeated keys, UTF-8 only, nothing but white space after the value.
std::optional<Json> parse_json(std::string_view text, JsonError& error, const JsonLimits& limits = {});

/// The value as compact JSON. Strings are escaped as RFC 8259 asks (quote,
/// backslash, control characters); bytes that are not UTF-8 become U+FFFD.
std::string write_json(const Json& value);
void write_json(const Json& value, std::string& out);
/// A string as a JSON string literal, quotes included.
void write_json_string(std::string_view s, std::string& out);

}  // namespace rs
