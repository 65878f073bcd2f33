#pragma once
// What the loader made of each meeting and action file last time, keyed by
// the file's path and a hash of its bytes. A rebuild parses only the files
// whose bytes changed: parsing YAML is most of a cold build's cost, and none
// of a warm one's. The cache is a hint: one that is damaged, or was written
// by another builder, is ignored (with a warning) and everything is parsed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"

namespace rs {

class LoadCache {
 public:
  /// An empty cache for `builder` (a string naming the builder's code: entries
  /// written by another builder could hold another model).
  explicit LoadCache(std::string builder) : builder_(std::move(builder)) {}

  /// Read a cache file's bytes. A damaged file, or one from another builder,
  /// gives an empty cache; `why` then says what was wrong ("" when it was
  /// simply written by another builder, which is no news for the user).
  static LoadCache parse(std::string_view bytes, const std::string& builder, std::string* why);
  std::string serialize() const;

  struct Entry {
    uint64_t hash = 0;     // of the file's bytes
    std::string payload;   // the loaded value and the loader's diagnostics, serialized
  };

  /// The meeting loaded from `path` with bytes hashing to `hash`, with the
  /// diagnostics loading it gave, or nullopt if not cached.
  std::optional<Meeting> meeting(const std::string& path, uint64_t hash, FileId file,
                                 std::vector<Diagnostic>& diags) const;
  std::optional<std::vector<ActionUpdate>> actions(const std::string& path, uint64_t hash, FileId file,
                                                   std::vector<Diagnostic>& diags) const;
  void put_meeting(const std::string& path, uint64_t hash, const Meeting& m, const std::vector<Diagnostic>& diags);
  void put_actions(const std::string& path, uint64_t hash, const std::vector<ActionUpdate>& a,
                   const std::vector<Diagnostic>& diags);
  /// Keep only entries for `paths` (files that no longer exist are dropped).
  void keep_only(const std::vector<std::string>& paths);
  size_t size() const { return entries_.size(); }
  /// How many files the last load_site() took from the cache instead of parsing.
  size_t hits() const { return hits_; }
  void set_hits(size_t n) { hits_ = n; }

 private:
  std::string builder_;
  std::map<std::string, Entry> entries_;
  size_t hits_ = 0;
};

}  // namespace rs
