#pragma once
// JSON from the same field descriptions the memo and the loader read
// (core/codec.h): a described struct is an object of its named fields, in
// description order, so a field added to a description reaches the JSON
// with no edit to the writer. Unnamed fields (positions, spans, file ids) are
// never written.
//
//   strings, Text            "…" (json_quote)
//   integers, bool, double   123, true, 1.5 (a non-finite double: null)
//   Located<T>               as T: the value, never its position
//   Date                     "2018-10-17", or null when not given
//   std::optional<T>         as T, or null: the key is always there, one type
//   std::vector<T>           [ … ]
//   a type of its own        json_value(v), found by argument-dependent
//                            lookup, gives the value it is written as: an
//                            enum's name, a due date as written. An enum
//                            without one does not compile, rather than leak
//                            a number that means nothing to a reader.
//
// A caller that must write some values its own way (exempt business, in
// render/outputs.cpp) passes a hook: hook(out, v) is tried on each value it
// accepts, and returns true when it has written v itself.
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "reportsite/core/codec.h"
#include "reportsite/core/date.h"
#include "reportsite/core/source.h"
#include "reportsite/core/strings.h"

namespace rs {

inline const std::string& json_value(const Text& t) { return t.value; }
template <class T>
const T& json_value(const Located<T>& l) {
  return l.value;
}
inline std::optional<std::string> json_value(const Date& d) {
  if (!d.valid()) return std::nullopt;
  return d.iso();
}

namespace json_fields {

struct NoHook {};

template <class T, class Hook = NoHook>
void write(std::string& out, const T& v, const Hook& hook = {});

/// A described struct's named fields as `"name": value` members, without the
/// braces, for a caller that writes members of its own around them. `first`:
/// no comma is needed before the first one.
template <class T, class Hook = NoHook>
void members(std::string& out, const T& v, const Hook& hook = {}, bool first = true) {
  static_assert(requires(T& t) { fields(t); }, "no JSON form: describe it with fields() or give it json_value()");
  // fields() only reads here; positions and the like are not named, so not data.
  for_each_named_field(const_cast<T&>(v), [&](const char* name, const auto& value) {
    if (!first) out += ", ";
    first = false;
    out += '"';
    out += name;  // a key of the format: nothing to escape
    out += "\": ";
    write(out, value, hook);
  });
}

template <class T, class Hook>
void write(std::string& out, const T& v, const Hook& hook) {
  if constexpr (std::is_invocable_r_v<bool, const Hook&, std::string&, const T&>) {
    if (hook(out, v)) return;
  }
  if constexpr (requires { json_value(v); }) {
    write(out, json_value(v), hook);
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    out += json_quote(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(v)) {
      out += "null";
      return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest form that reads back the same
    out.append(buf, r.ptr);
  } else if constexpr (codec::is_optional<T>::value) {
    if (v) write(out, *v, hook);
    else out += "null";
  } else if constexpr (codec::is_vector<T>::value) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      write(out, v[i], hook);
    }
    out += ']';
  } else {
    static_assert(!std::is_enum_v<T>, "an enum needs json_value(e): the name it is written as");
    out += '{';
    members(out, v, hook);
    out += '}';
  }
}

}  // namespace json_fields

/// v as JSON, on one line.
template <class T>
std::string to_json(const T& v) {
  std::string out;
  json_fields::write(out, v);
  return out;
}

}  // namespace rs
