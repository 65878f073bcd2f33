#pragma once
// A fast 64-bit hash for change detection (inputs, pages, template data).
// Not cryptographic: it tells a rebuild what changed, it does not defend
// against anyone crafting collisions.
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

}  // namespace rs
