#include "memo_store.h"

#include <algorithm>
#include <vector>

#include "binary.h"
#include "hash.h"

namespace rs {

namespace {
constexpr std::string_view kMagic = "reportsite-memo 1\n";
}

// Moving a std::string may move its bytes (short strings live inside it), so
// the file's bytes are moved only as part of a whole store and views are not
// taken into short buffers: a store read from a file is never short.
MemoStore::MemoStore(MemoStore&& o) noexcept
    : builder_(std::move(o.builder_)),
      file_(std::move(o.file_)),
      entries_(std::move(o.entries_)),
      used_(std::move(o.used_)),
      hits_(o.hits_) {}

MemoStore& MemoStore::operator=(MemoStore&& o) noexcept {
  builder_ = std::move(o.builder_);
  file_ = std::move(o.file_);
  entries_ = std::move(o.entries_);
  used_ = std::move(o.used_);
  hits_ = o.hits_;
  return *this;
}

std::optional<std::string_view> MemoStore::find(const std::string& name, uint64_t hash) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second.hash != hash) return std::nullopt;
  used_.insert(name);
  ++hits_;
  // Entries are never erased or replaced while a build reads them, so the view stays valid.
  return it->second.payload;
}

void MemoStore::put(const std::string& name, uint64_t hash, std::string payload) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& e = entries_[name];
  e.hash = hash;
  e.owned = std::make_unique<std::string>(std::move(payload));
  e.payload = *e.owned;
  used_.insert(name);
}

size_t MemoStore::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

std::string MemoStore::serialize() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<const std::string*> names;
  for (const auto& name : used_) names.push_back(&name);
  std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  BinaryWriter body;
  body.str(builder_);
  body.u64(names.size());
  for (const std::string* name : names) {
    const Entry& e = entries_.at(*name);
    body.str(*name);
    body.u64(e.hash);
    body.str(e.payload);
  }
  BinaryWriter all;
  all.out = std::string(kMagic);
  all.u64(hash_bytes(body.out));
  all.out += body.out;
  return std::move(all.out);
}

MemoStore MemoStore::parse(std::string bytes, const std::string& builder, std::string* why) {
  auto damaged = [&](const char* what) {
    if (why) *why = what;
    return MemoStore(builder);
  };
  if (why) why->clear();
  if (std::string_view(bytes).substr(0, kMagic.size()) != kMagic) return damaged("of another format");
  MemoStore store(builder);
  store.file_ = std::move(bytes);
  BinaryReader r{std::string_view(store.file_).substr(kMagic.size())};
  uint64_t checksum = r.u64();
  if (!r.ok) return damaged("truncated");
  if (hash_bytes(r.in) != checksum) return damaged("damaged (checksum mismatch)");
  if (r.str() != builder) return MemoStore(builder);  // another builder's: quietly start afresh
  uint64_t n = r.count();
  store.entries_.reserve(n);
  for (uint64_t i = 0; i < n && r.ok; ++i) {
    std::string name = r.str();
    Entry e;
    e.hash = r.u64();
    e.payload = r.view();
    store.entries_.emplace(std::move(name), std::move(e));
  }
  if (!r.done()) return damaged("damaged");
  return store;
}

}  // namespace rs
