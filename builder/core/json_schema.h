#pragma once
// A JSON Schema (draft 2020-12) of what core/json_fields.h writes for a
// described type, from the same description: the writer and its published
// schema are made from one list of fields, so they cannot drift. Each rule
// mirrors one of json_fields::write's:
//
//   strings, Text, an enum's json_value   {"type": "string"}
//   integers / double / bool              integer / number (or null) / boolean
//   Date, a json_value of optional<T>     T or null
//   std::optional<T>                      T or null
//   std::vector<T>                        an array of T
//   a described struct                    an object of exactly its named
//                                         fields, every one required
//
// A caller that writes some type its own way gives a hook: hook(Tag<T>{})
// returns that type's schema, or "" to take the rule above.
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "reportsite/core/json_fields.h"

namespace rs::json_fields {

template <class T>
struct Tag {
  using type = T;
};

template <class T, class Hook = NoHook>
std::string schema(const Hook& hook = {});

/// The object schema of a described struct, ignoring any hook for T itself
/// (for a hook that wraps the plain form, as exempt business does).
template <class T, class Hook = NoHook>
std::string object_schema(const Hook& hook = {}, const std::string& extra_properties = "",
                          const std::string& extra_required = "") {
  std::string props = extra_properties, required = extra_required;
  T sample{};
  for_each_named_field(sample, [&](const char* name, const auto& value) {
    using F = std::remove_cvref_t<decltype(value)>;
    if (!props.empty()) props += ", ";
    if (!required.empty()) required += ", ";
    props += std::string("\"") + name + "\": " + schema<F>(hook);
    required += std::string("\"") + name + "\"";
  });
  return "{\"type\": \"object\", \"properties\": {" + props + "}, \"required\": [" + required +
         "], \"additionalProperties\": false}";
}

inline std::string nullable(const std::string& s) {
  return "{\"anyOf\": [" + s + ", {\"type\": \"null\"}]}";
}

template <class T, class Hook>
std::string schema(const Hook& hook) {
  if constexpr (std::is_invocable_r_v<std::string, const Hook&, Tag<T>>) {
    std::string s = hook(Tag<T>{});
    if (!s.empty()) return s;
  }
  if constexpr (std::is_same_v<T, Date>) {
    return "{\"type\": [\"string\", \"null\"], \"format\": \"date\", \"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}";
  } else if constexpr (requires(const T& v) { json_value(v); }) {
    using V = std::remove_cvref_t<decltype(json_value(std::declval<const T&>()))>;
    return schema<V>(hook);
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return "{\"type\": \"string\"}";
  } else if constexpr (std::is_same_v<T, bool>) {
    return "{\"type\": \"boolean\"}";
  } else if constexpr (std::is_integral_v<T>) {
    return "{\"type\": \"integer\"}";
  } else if constexpr (std::is_floating_point_v<T>) {
    return "{\"type\": [\"number\", \"null\"]}";  // a non-finite value is written as null
  } else if constexpr (codec::is_optional<T>::value) {
    return nullable(schema<typename T::value_type>(hook));
  } else if constexpr (codec::is_vector<T>::value) {
    return "{\"type\": \"array\", \"items\": " + schema<typename T::value_type>(hook) + "}";
  } else {
    static_assert(!std::is_enum_v<T>, "an enum needs json_value(e): the name it is written as");
    return object_schema<T>(hook);
  }
}

}  // namespace rs::json_fields
