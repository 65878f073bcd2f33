#include "reportsite/core/memo_store.h"

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

TEST_CASE("memo: a small rebuild appends what it added; a mostly stale file is rewritten") {
  MemoStore first("b");
  for (int i = 0; i < 10; ++i) first.put("load:" + std::to_string(i), 1, std::string(1000, 'x'));
  MemoryFileSystem fs;
  REQUIRE(first.save(fs, "memo", true));
  const size_t full = fs.files["memo"].size();

  // Nine of ten unchanged, one new: the file grows by one small segment.
  MemoStore second = MemoStore::parse(fs.files["memo"], "b", nullptr);
  for (int i = 0; i < 9; ++i) CHECK(second.find("load:" + std::to_string(i), 1));
  second.put("load:9", 2, "edited");
  REQUIRE(second.save(fs, "memo", true));
  CHECK(fs.files["memo"].size() > full);
  CHECK(fs.files["memo"].size() < full + 100);
  MemoStore third = MemoStore::parse(fs.files["memo"], "b", nullptr);
  CHECK(third.find("load:9", 2) == std::optional<std::string_view>("edited"));  // the later segment wins
  CHECK_FALSE(third.find("load:9", 1));

  // Only one still in use: the file is rewritten with it alone.
  REQUIRE(third.save(fs, "memo", true));
  CHECK(fs.files["memo"].size() < 200);
  MemoStore fourth = MemoStore::parse(fs.files["memo"], "b", nullptr);
  CHECK(fourth.size() == 1);
}

TEST_CASE("memo: saving stage by stage writes each result once and frees it") {
  MemoryFileSystem fs;
  MemoStore store("b");
  store.put("load:a", 1, "parsed a");
  REQUIRE(store.save(fs, "memo", false));
  CHECK_FALSE(fs.exists("memo"));  // a new file appears whole, at the last save
  store.put("search:a", 1, "indexed a");
  REQUIRE(store.save(fs, "memo", true));
  MemoStore read = MemoStore::parse(fs.files["memo"], "b", nullptr);
  CHECK(read.size() == 2);
  CHECK(read.find("load:a", 1) == std::optional<std::string_view>("parsed a"));
  CHECK(read.find("search:a", 1) == std::optional<std::string_view>("indexed a"));
}

TEST_CASE("memo: damaged, truncated or foreign stores are ignored") {
  MemoStore store("builder 1");
  store.put("load:x.yaml", 7, std::string(100, 'x'));
  std::string bytes = store.serialize();
  std::string why;

  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  CHECK(MemoStore::parse(flipped, "builder 1", &why).size() == 0);
  CHECK(why == "damaged (checksum mismatch; that part was ignored)");
  CHECK(MemoStore::parse(bytes.substr(0, bytes.size() - 7), "builder 1", &why).size() == 0);
  CHECK(why == "truncated (its last part was ignored)");
  CHECK(MemoStore::parse(bytes.substr(0, 20), "builder 1", &why).size() == 0);
  CHECK(why == "truncated");
  CHECK(MemoStore::parse("reportsite-cache 2\n...", "builder 1", &why).size() == 0);
  CHECK(why == "of another format");
  // Another builder's store is quietly set aside: its results may differ.
  CHECK(MemoStore::parse(bytes, "builder 2", &why).size() == 0);
  CHECK(why.empty());
}

TEST_CASE("memo: a cut last segment loses only what it held, and the next save rewrites the file") {
  MemoStore first("b");
  first.put("a", 1, std::string(500, 'a'));
  MemoryFileSystem fs;
  REQUIRE(first.save(fs, "memo", true));
  MemoStore second = MemoStore::parse(fs.files["memo"], "b", nullptr);
  CHECK(second.find("a", 1));
  second.put("b", 1, std::string(100, 'b'));
  REQUIRE(second.save(fs, "memo", true));
  fs.files["memo"].resize(fs.files["memo"].size() - 10);  // a build killed while appending

  std::string why;
  MemoStore third = MemoStore::parse(fs.files["memo"], "b", &why);
  CHECK(why == "truncated (its last part was ignored)");
  CHECK(third.find("a", 1));
  CHECK_FALSE(third.find("b", 1));
  REQUIRE(third.save(fs, "memo", true));
  MemoStore fourth = MemoStore::parse(fs.files["memo"], "b", &why);
  CHECK(why.empty());
  CHECK(fourth.find("a", 1));
}

}  // namespace
}  // namespace rs
