#pragma once
// A small binary encoding for the caches: little-endian integers and
// length-prefixed strings. Reading is bounds-checked: a damaged file makes
// `ok` false, never a crash.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rs {

struct BinaryWriter {
  std::string out;
  void u64(uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
  void u32(uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
  void str(std::string_view s) {
    u64(s.size());
    out.append(s);
  }
};

struct BinaryReader {
  std::string_view in;
  bool ok = true;

  template <class T>
  T raw() {
    T v{};
    if (in.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  uint64_t u64() { return raw<uint64_t>(); }
  uint32_t u32() { return raw<uint32_t>(); }
  std::string str() {
    uint64_t n = u64();
    if (!ok || n > in.size()) {
      ok = false;
      return {};
    }
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  /// Like str(), without copying: the view points into the input.
  std::string_view view() {
    uint64_t n = u64();
    if (!ok || n > in.size()) {
      ok = false;
      return {};
    }
    std::string_view s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
  /// A count of things still to read; each takes at least one byte, so a damaged count cannot run away.
  uint64_t count() {
    uint64_t n = u64();
    if (n > in.size()) ok = false;
    return ok ? n : 0;
  }
  bool done() const { return ok && in.empty(); }
};

}  // namespace rs
