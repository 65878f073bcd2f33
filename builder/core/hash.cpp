#include "reportsite/core/hash.h"

#include <algorithm>
#include <cstring>

namespace rs {

namespace {
constexpr uint64_t kMul1 = 0x9fb21c651e98df25ull;
constexpr uint64_t kMul2 = 0xc2b2ae3d27d4eb4full;
uint64_t rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }
}  // namespace

void Hasher::mix(uint64_t word) { state_ = rotl(state_ ^ (word * kMul1), 29) * kMul2; }

Hasher& Hasher::add(uint64_t number) {
  mix(number);
  return *this;
}

Hasher& Hasher::add(std::string_view bytes) {
  mix(bytes.size());
  const char* p = bytes.data();
  size_t n = bytes.size();
  // Eight bytes at a time: page-sized inputs hash at memory speed, not byte by byte.
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    mix(w);
  }
  return *this;
}

uint64_t Hasher::value() const {
  // Final avalanche (MurmurHash3's fmix64) so nearby inputs spread over all bits.
  uint64_t h = state_;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

uint64_t hash_bytes(std::string_view bytes) { return Hasher().add(bytes).value(); }

void RunHasher::add(std::string_view run) {
  if (filled_ > 0) {  // the word the last run began
    const size_t n = std::min(run.size(), 8 - filled_);
    std::memcpy(carry_ + filled_, run.data(), n);
    filled_ += n, run.remove_prefix(n);
    if (filled_ < 8) return;
    mix_carry();
  }
  for (; run.size() >= 8; run.remove_prefix(8)) {
    uint64_t word;
    std::memcpy(&word, run.data(), 8);
    hasher_.add(word);
  }
  std::memcpy(carry_, run.data(), run.size());
  filled_ = run.size();
}

uint64_t RunHasher::value() {
  if (filled_ > 0) mix_carry();
  return hasher_.value();
}

void RunHasher::mix_carry() {
  uint64_t word = 0;
  std::memcpy(&word, carry_, filled_);
  hasher_.add(word);
  filled_ = 0;
}

}  // namespace rs
