#include "reportsite/core/hash.h"

#include <doctest/doctest.h>

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
