#include "reportsite/plugin/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "reportsite/core/source.h"
#include "reportsite/core/strings.h"

namespace rs {

Json& Json::push(Json v) {
  items_.push_back(std::move(v));
  return *this;
}

Json& Json::set(std::string key, Json v) {
  members_.emplace_back(std::move(key), std::move(v));
  return *this;
}

const Json* Json::find(std::string_view key) const {
  for (const auto& m : members_)
    if (m.first == key) return &m.second;
  return nullptr;
}

const char* json_type_name(Json::Type t) {
  switch (t) {
    case Json::Type::null: return "null";
    case Json::Type::boolean: return "true or false";
    case Json::Type::number: return "a number";
    case Json::Type::string: return "a string";
    case Json::Type::array: return "a list";
    case Json::Type::object: return "an object";
  }
  return "?";
}

class JsonParser {
 public:
  JsonParser(std::string_view text, JsonError& error, const JsonLimits& limits)
      : s_(text), error_(error), limits_(limits) {}

  std::optional<Json> parse() {
    if (s_.size() > limits_.max_bytes)
      return fail(limits_.max_bytes, "the text is longer than " + std::to_string(limits_.max_bytes) + " bytes");
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") return fail(0, "a byte-order mark: JSON must start with its value");
    Json v;
    skip_space();
    if (!value(v, 0)) return std::nullopt;
    skip_space();
    if (i_ != s_.size()) return fail(i_, "expected the end of the text after the value, found " + found());
    return v;
  }

 private:
  std::nullopt_t fail(size_t at, std::string message) {
    error_.offset = at;
    error_.message = std::move(message);
    return std::nullopt;
  }
  bool failed(size_t at, std::string message) {
    fail(at, std::move(message));
    return false;
  }
  /// What stands at the current byte, for messages.
  std::string found() const {
    if (i_ >= s_.size()) return "the end of the text";
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (c < 0x20 || c >= 0x7f) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "byte 0x%02x", c);
      return buf;
    }
    return std::string("`") + s_[i_] + "`";
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return failed(i_, "expected a JSON value, found " + found());
    i_ += word.size();
    return true;
  }

  bool value(Json& out, size_t depth) {
    if (i_ >= s_.size()) return failed(i_, "expected a JSON value, found the end of the text");
    switch (s_[i_]) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': out.type_ = Json::Type::string; return string(out.string_);
      case 't': out = Json(true); return literal("true");
      case 'f': out = Json(false); return literal("false");
      case 'n': out = Json(); return literal("null");
      default:
        if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) return number(out);
        return failed(i_, "expected a JSON value, found " + found());
    }
  }

  bool object(Json& out, size_t depth) {
    if (depth > limits_.max_depth)
      return failed(i_, "lists and objects are nested more than " + std::to_string(limits_.max_depth) + " deep");
    out = Json::object();
    ++i_;
    skip_space();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    std::set<std::string> keys;
    for (;;) {
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '"') return failed(i_, "expected a key in double quotes, found " + found());
      size_t key_at = i_;
      std::string key;
      if (!string(key)) return false;
      if (!keys.insert(key).second) return failed(key_at, "the key \"" + key + "\" is given twice in one object");
      skip_space();
      if (i_ >= s_.size() || s_[i_] != ':') return failed(i_, "expected `:` after the key, found " + found());
      ++i_;
      skip_space();
      Json v;
      if (!value(v, depth)) return false;
      out.members_.emplace_back(std::move(key), std::move(v));
      skip_space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      return failed(i_, "expected `,` or `}` in an object, found " + found());
    }
  }

  bool array(Json& out, size_t depth) {
    if (depth > limits_.max_depth)
      return failed(i_, "lists and objects are nested more than " + std::to_string(limits_.max_depth) + " deep");
    out = Json::array();
    ++i_;
    skip_space();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    for (;;) {
      skip_space();
      Json v;
      if (!value(v, depth)) return false;
      out.items_.push_back(std::move(v));
      skip_space();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      return failed(i_, "expected `,` or `]` in a list, found " + found());
    }
  }

  bool number(Json& out) {
    size_t start = i_;
    auto digits = [&] {
      size_t b = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > b;
    };
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
      if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') return failed(i_, "a number may not have a leading zero");
    } else if (!digits()) {
      return failed(i_, "expected a digit, found " + found());
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return failed(i_, "expected a digit after `.`, found " + found());
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return failed(i_, "expected a digit in the exponent, found " + found());
    }
    double d = 0;
    auto [end, ec] = std::from_chars(s_.data() + start, s_.data() + i_, d);
    if (ec != std::errc() || end != s_.data() + i_ || !std::isfinite(d))
      return failed(start, "the number is too large");
    out = Json(d);
    return true;
  }

  bool hex4(unsigned& cp) {
    if (i_ + 4 > s_.size()) return failed(i_, "expected four hex digits after \\u");
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_ + k];
      unsigned v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
      if (v == 16) return failed(i_ + k, "expected four hex digits after \\u");
      cp = cp * 16 + v;
    }
    i_ += 4;
    return true;
  }

    bool string(std::string& out) {
    ++i_;  // the opening quote
    for (;;) {
      if (i_ >= s_.size()) return failed(i_, "the string is not closed (expected `\"`)");
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return failed(i_, "a control character in a string: write it as an escape such as \\n");
      if (c >= 0x80) {
        size_t n = utf8_sequence(s_, i_);
        if (n == 0) return failed(i_, "a byte that is not UTF-8 in a string");
        out.append(s_.substr(i_, n));
        i_ += n;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++i_;
        continue;
      }
      size_t esc = i_++;
      if (i_ >= s_.size()) return failed(i_, "the string is not closed (expected `\"`)");
      switch (s_[i_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return failed(esc, "a lone low surrogate \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (s_.substr(i_, 2) != "\\u") return failed(esc, "a high surrogate \\u escape without its low half");
            i_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return failed(esc, "a high surrogate \\u escape without its low half");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: return failed(esc, "an unknown escape `\\" + std::string(1, s_[i_ - 1]) + "`");
      }
    }
  }

  std::string_view s_;
  JsonError& error_;
  const JsonLimits& limits_;
  size_t i_ = 0;
};

std::optional<Json> parse_json(std::string_view text, JsonError& error, const JsonLimits& limits) {
  return JsonParser(text, error, limits).parse();
}

void write_json_string(std::string_view s, std::string& out) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_sequence(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD: the document must be UTF-8 whatever the model holds
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

namespace {
void write_number(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += "null";  // JSON has no infinity
    return;
  }
  char buf[32];
  // Whole numbers as integers (counts, lines); others as the shortest text that reads back the same.
  auto r = std::abs(d) < 9007199254740992.0 && d == std::floor(d)
               ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(d))
               : std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, r.ptr);
}
}  // namespace

void write_json(const Json& v, std::string& out) {
  switch (v.type()) {
    case Json::Type::null: out += "null"; break;
    case Json::Type::boolean: out += v.as_bool() ? "true" : "false"; break;
    case Json::Type::number: write_number(v.as_number(), out); break;
    case Json::Type::string: write_json_string(v.as_string(), out); break;
    case Json::Type::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.items()) {
        if (!first) out += ',';
        first = false;
        write_json(e, out);
      }
      out += ']';
      break;
    }
    case Json::Type::object: {
      out += '{';
      bool first = true;
      for (const auto& [k, e] : v.members()) {
        if (!first) out += ',';
        first = false;
        write_json_string(k, out);
        out += ':';
        write_json(e, out);
      }
      out += '}';
      break;
    }
  }
}

std::string write_json(const Json& value) {
  std::string out;
  write_json(value, out);
  return out;
}

}  // namespace rs
