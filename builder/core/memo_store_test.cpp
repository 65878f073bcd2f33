#include "memo_store.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

TEST_CASE("memo: a result is found again only for the same input") {
  MemoStore store("builder 1");
  store.put("glossary:a", 42, "findings of a");
  std::string why = "?";
  MemoStore read = MemoStore::parse(store.serialize(), "builder 1", &why);
  CHECK(why.empty());
  CHECK(read.find("glossary:a", 42) == std::optional<std::string_view>("findings of a"));
  CHECK_FALSE(read.find("glossary:a", 43));
  CHECK_FALSE(read.find("glossary:b", 42));
  CHECK(read.hits() == 1);
}

TEST_CASE("memo: only results used by this build are kept for the next") {
  MemoStore store("b");
  store.put("load:gone.yaml", 1, "a file since deleted");
  store.put("load:kept.yaml", 2, "a file still there");
  MemoStore next = MemoStore::parse(store.serialize(), "b", nullptr);
  CHECK(next.size() == 2);
  CHECK(next.find("load:kept.yaml", 2));
  MemoStore after = MemoStore::parse(next.serialize(), "b", nullptr);
  CHECK(after.size() == 1);
  CHECK(after.find("load:kept.yaml", 2));
}

TEST_CASE("memo: damaged, truncated or foreign stores are ignored") {
  MemoStore store("builder 1");
  store.put("load:x.yaml", 7, std::string(100, 'x'));
  std::string bytes = store.serialize();
  std::string why;

  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  CHECK(MemoStore::parse(flipped, "builder 1", &why).size() == 0);
  CHECK(why == "damaged (checksum mismatch)");
  CHECK(MemoStore::parse(bytes.substr(0, bytes.size() - 7), "builder 1", &why).size() == 0);
  CHECK(why == "damaged (checksum mismatch)");
  CHECK(MemoStore::parse(bytes.substr(0, 20), "builder 1", &why).size() == 0);
  CHECK(why == "truncated");
  CHECK(MemoStore::parse("reportsite-cache 2\n...", "builder 1", &why).size() == 0);
  CHECK(why == "of another format");
  // Another builder's store is quietly set aside: its results may differ.
  CHECK(MemoStore::parse(bytes, "builder 2", &why).size() == 0);
  CHECK(why.empty());
}

}  // namespace
}  // namespace rs
