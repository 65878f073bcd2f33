#include "reportsite/core/hash.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <set>
#include <string>

using namespace rs;

TEST_CASE("hash: equal input, equal hash; any change, another") {
  CHECK(hash_bytes("minutes of the meeting") == hash_bytes("minutes of the meeting"));
  std::set<uint64_t> seen;
  std::string base = "The Committee received a report of the Director.";
  seen.insert(hash_bytes(base));
  // Every one-byte change, at every position (so the 8-byte blocks and the tail are both covered).
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] ^= 1;
    seen.insert(hash_bytes(changed));
  }
  seen.insert(hash_bytes(base + " "));
  seen.insert(hash_bytes(base.substr(1)));
  CHECK(seen.size() == base.size() + 3);
}

TEST_CASE("hash: strings are length-prefixed, so where one ends matters") {
  CHECK(Hasher().add("ab").add("c").value() != Hasher().add("a").add("bc").value());
  CHECK(Hasher().add("").add("x").value() != Hasher().add("x").value());
  CHECK(Hasher().add("abc").value() == hash_bytes("abc"));
}

TEST_CASE("hash: bytes given in runs of any length hash as the same bytes given at once") {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += static_cast<char>('a' + i % 26);
  for (size_t cut : {0, 1, 3, 7, 8, 9, 16, 17, 99, 100}) {
    for (size_t second : {0, 1, 5, 8, 13}) {
      const size_t b = std::min(bytes.size(), cut + second);
      RunHasher h(bytes.size());
      h.add(std::string_view(bytes).substr(0, cut));
      h.add(std::string_view(bytes).substr(cut, b - cut));
      h.add(std::string_view(bytes).substr(b));
      CHECK_MESSAGE(h.value() == hash_bytes(bytes), "runs cut at " << cut << " and " << b);
    }
  }
}
