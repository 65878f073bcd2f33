#include "reportsite/core/memo_store.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "reportsite/core/binary.h"
#include "reportsite/core/hash.h"

namespace rs {

namespace {
constexpr std::string_view kMagic = "reportsite-memo 2\n";
}  // namespace

MemoStore MemoStore::scoped(MemoStore& store, std::string scope) {
  MemoStore view(store.builder_);
  view.parent_ = store.parent_ ? store.parent_ : &store;
  view.scope_ = store.scope_ + std::move(scope);
  return view;
}

std::optional<std::string_view> MemoStore::find(const std::string& name, uint64_t hash) const {
  if (parent_) return parent_->find(scope_ + name, hash);
  std::lock_guard<std::mutex> lock(*mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second.hash != hash) return std::nullopt;
  used_.insert(name);
  ++hits_;
  // Entries are never erased or replaced while a build reads them, so the view stays valid.
  return it->second.payload;
}

void MemoStore::put(const std::string& name, uint64_t hash, std::string payload) {
  if (parent_) return parent_->put(scope_ + name, hash, std::move(payload));
  std::lock_guard<std::mutex> lock(*mutex_);
  Entry& e = entries_[name];
  e.hash = hash;
  e.owned = std::make_unique<std::string>(std::move(payload));
  e.payload = *e.owned;
  used_.insert(name);
}

size_t MemoStore::hits() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return hits_;
}

std::string MemoStore::segment(const std::vector<const std::string*>& names) const {
  // One buffer, its 16-byte head (length, checksum) filled in last: a store of
  // hundreds of megabytes is not copied again to prepend it.
  BinaryWriter w;
  w.u64(0), w.u64(0), w.u64(names.size());
  for (const std::string* name : names) {
    const Entry& e = entries_.at(*name);
    w.str(*name);
    w.u64(e.hash);
    w.str(e.payload);
  }
  std::string_view body = std::string_view(w.out).substr(16);
  uint64_t head[2] = {body.size(), hash_bytes(body)};
  std::memcpy(w.out.data(), head, sizeof head);
  return std::move(w.out);
}

namespace {
std::string header(const std::string& builder) {
  BinaryWriter head;
  head.out = std::string(kMagic);
  head.str(builder);
  return std::move(head.out);
}
std::vector<const std::string*> sorted(std::vector<const std::string*> names) {
  std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  return names;
}
}  // namespace

std::string MemoStore::serialize() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  std::vector<const std::string*> names;
  for (const auto& name : used_) names.push_back(&name);
  return header(builder_) + segment(sorted(names));
}

bool MemoStore::save(FileSystem& fs, const std::string& path, bool last) {
  std::lock_guard<std::mutex> lock(*mutex_);
  bool ok = true;
  if (!decided_) {
    decided_ = true;
    size_t live = 0;
    for (const auto& name : used_) {
      const Entry& e = entries_.at(name);
      if (!e.owned) live += name.size() + e.payload.size() + 24;
    }
    // Appending is right while most of the file is still in use.
    appending_ = !rewrite_ && !file_.empty() && live * 2 >= file_.size() && fs.exists(path);
    target_ = appending_ ? path : path + ".tmp";
    if (!appending_) ok = fs.write(target_, header(builder_), nullptr, Access::owner_only);
  }
  std::vector<const std::string*> names;
  for (const auto& name : used_) {
    const Entry& e = entries_.at(name);
    // Appending, only what this build computed is new to the file; rewriting, every live entry is.
    if (!e.written && (e.owned || !appending_)) names.push_back(&name);
  }
  if (ok && !names.empty()) ok = fs.append(target_, segment(sorted(names)), nullptr);
  for (const std::string* name : names) {
    Entry& e = entries_.at(*name);
    e.written = true;
    if (e.owned) {  // written: this build has no more use for it
      e.owned.reset();
      e.payload = {};
    }
  }
  if (ok && last && !appending_) ok = fs.rename(target_, path, nullptr);
  return ok;
}

MemoStore MemoStore::parse(std::string bytes, const std::string& builder, std::string* why) {
  if (why) why->clear();
  MemoStore store(builder);
  if (std::string_view(bytes).substr(0, kMagic.size()) != kMagic) {
    if (why) *why = "of another format";
    return store;
  }
  store.file_ = std::move(bytes);
  BinaryReader r{std::string_view(store.file_).substr(kMagic.size())};
  std::string written_by = r.str();
  if (!r.ok) {
    if (why) *why = "truncated";
    return MemoStore(builder);
  }
  if (written_by != builder) return MemoStore(builder);  // another builder's: quietly start afresh
  // Segments in order; a later entry for a name replaces an earlier one.
  // After a damaged segment nothing can be appended: the next save rewrites.
  auto damaged = [&](const char* what) {
    if (why) *why = what;
    store.rewrite_ = true;
  };
  while (!r.in.empty()) {
    uint64_t length = r.u64(), checksum = r.u64();
    if (!r.ok || length > r.in.size()) {
      damaged("truncated (its last part was ignored)");
      break;
    }
    std::string_view body = r.in.substr(0, length);
    r.in.remove_prefix(length);
    if (hash_bytes(body) != checksum) {
      damaged("damaged (checksum mismatch; that part was ignored)");
      break;
    }
    BinaryReader b{body};
    uint64_t n = b.count();
    for (uint64_t i = 0; i < n && b.ok; ++i) {
      std::string name = b.str();
      Entry e;
      e.hash = b.u64();
      e.payload = b.view();
      if (b.ok) store.entries_.insert_or_assign(std::move(name), std::move(e));
    }
    if (!b.done()) {
      damaged("damaged");
      break;
    }
  }
  return store;
}

}  // namespace rs
