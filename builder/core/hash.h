#pragma once
// A fast 64-bit hash for change detection (inputs, pages, template data).
// Not cryptographic: it tells a rebuild what changed, it does not defend
// against anyone crafting collisions.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rs {

/// Feed values in order; equal sequences give equal hashes. Each string is
/// length-prefixed, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  Hasher& add(std::string_view bytes);
  Hasher& add(uint64_t number);
  uint64_t value() const;

 private:
  void mix(uint64_t word);
  uint64_t state_ = 0x9e3779b97f4a7c15ull;
};

/// The hash of one run of bytes (the same as Hasher().add(bytes).value()).
uint64_t hash_bytes(std::string_view bytes);

/// hash_bytes of bytes that come in runs, their total length known first (a
/// large file streamed to the output): beside Hasher, whose way of taking a
/// string (its length, then eight bytes a word, the last padded with zeros) it follows.
class RunHasher {
 public:
  explicit RunHasher(uint64_t size) { hasher_.add(size); }
  void add(std::string_view run);
  uint64_t value();

 private:
  void mix_carry();
  Hasher hasher_;
  char carry_[8] = {};
  size_t filled_ = 0;
};

}  // namespace rs
