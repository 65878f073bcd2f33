#pragma once
// One binary encoding for everything the memo keeps: integers and enums,
// strings, vectors, pairs and optionals of them, and any struct that
// describes its fields once with
//
//   inline auto fields(GlossaryFinding& f) { return std::tie(f.begin, f.end, f.rule); }
//
// or, where the names matter to other readers of the description, with
// field("name", f.member) entries (model/model.h does this). fields() is
// found by argument-dependent lookup. A struct's description is then the only
// place a new field must be added for the memo to keep it. A writer or reader
// type may take over one type's encoding with encode_value(w, v) and
// decode_value(r, v) (the loader's cache does, for file-relative spans).
// Decoding is bounds-checked (BinaryReader): damaged bytes give nullopt,
// never a crash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "reportsite/core/binary.h"

namespace rs {
namespace codec {

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

/// A described field with its name.
template <class T>
struct Named {
  const char* name;
  T& value;
};
template <class T>
Named<T> field(const char* name, T& value) {
  return {name, value};
}
template <class T>
T& unwrap(T& v) {
  return v;
}
template <class T>
T& unwrap(Named<T>& n) {
  return n.value;
}
template <class T>
T& unwrap(const Named<T>& n) {
  return n.value;
}

template <class W, class T>
void write(W& w, const T& v) {
  if constexpr (requires { encode_value(w, v); }) {
    encode_value(w, v);
  } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
    w.u64(static_cast<uint64_t>(v));
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.str(v);
  } else if constexpr (is_vector<T>::value) {
    w.u64(v.size());
    for (const auto& x : v) write(w, x);
  } else if constexpr (is_pair<T>::value) {
    write(w, v.first);
    write(w, v.second);
  } else if constexpr (is_optional<T>::value) {
    w.u64(v.has_value());
    if (v) write(w, *v);
  } else {  // a described struct; fields() only reads here
    std::apply([&](auto&&... f) { (write(w, unwrap(f)), ...); }, fields(const_cast<T&>(v)));
  }
}

template <class R, class T>
void read(R& r, T& v) {
  if constexpr (requires { decode_value(r, v); }) {
    decode_value(r, v);
  } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
    v = static_cast<T>(r.u64());
  } else if constexpr (std::is_same_v<T, std::string>) {
    v = r.str();
  } else if constexpr (is_vector<T>::value) {
    v.clear();
    v.resize(r.count());
    for (auto& x : v) {
      if (!r.ok) break;
      read(r, x);
    }
  } else if constexpr (is_pair<T>::value) {
    read(r, v.first);
    read(r, v.second);
  } else if constexpr (is_optional<T>::value) {
    if (r.u64()) {
      v.emplace();
      read(r, *v);
    } else {
      v.reset();
    }
  } else {
    std::apply([&](auto&&... f) { (read(r, unwrap(f)), ...); }, fields(v));
  }
}

}  // namespace codec

/// Calls fn(name, member) for each field a struct's description names, in
/// order, leaving out the unnamed ones (positions, spans): the one walk every
/// reader of the descriptions (loader, site.json, templates) shares.
template <class T, class Fn>
void for_each_named_field(T& v, Fn&& fn) {
  auto one = [&](auto&& f) {
    if constexpr (requires { f.name; })
      if (f.name[0] != '\0') fn(static_cast<const char*>(f.name), f.value);
  };
  std::apply([&](auto&&... f) { (one(f), ...); }, fields(v));
}

/// The names a struct's description gives its fields, in order, leaving out
/// the unnamed ones (positions): for the loader, the keys its YAML mapping
/// may hold, so the description is also the list of keys.
template <class T>
const std::vector<const char*>& key_names() {
  static const std::vector<const char*> names = [] {
    std::vector<const char*> out;
    T sample{};
    for_each_named_field(sample, [&](const char* name, const auto&) { out.push_back(name); });
    return out;
  }();
  return names;
}

template <class T>
std::string encode(const T& value) {
  BinaryWriter w;
  codec::write(w, value);
  return std::move(w.out);
}

/// The value, or nullopt when the bytes are damaged or not wholly used.
template <class T>
std::optional<T> decode(std::string_view bytes) {
  BinaryReader r{bytes};
  T value{};
  codec::read(r, value);
  if (!r.done()) return std::nullopt;
  return value;
}

}  // namespace rs
