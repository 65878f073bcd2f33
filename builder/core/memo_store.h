#pragma once
// Results of earlier builds, kept in one file beside the output so a rebuild
// redoes only the work whose input changed. Each entry has a name (which
// piece of work: "load:content/meetings/…", "glossary:meetings/…/index.html")
// and the hash of the input it was computed from; a lookup with another hash
// misses.
//
// The file is a log: a rebuild appends one segment with what it computed
// afresh (a few entries after an edit) instead of rewriting hundreds of
// megabytes, and the file is rewritten with only the live entries when most
// of it has gone stale. Each segment has its own checksum; a damaged or cut
// segment is ignored with everything after it, and a file written by another
// builder is ignored whole: the store is a hint, never trusted blindly.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reportsite/core/fs.h"

namespace rs {

class MemoStore {
 public:
  /// `builder` names the builder's code: results of other code may differ.
  explicit MemoStore(std::string builder) : builder_(std::move(builder)) {}
  // Moving keeps loaded entries valid: their views point into file_'s heap
  // buffer, which a move hands over (a store file is never short enough for
  // std::string to keep it inline).
  MemoStore(MemoStore&&) noexcept = default;
  MemoStore& operator=(MemoStore&&) noexcept = default;

  /// Read a store file's bytes; the store keeps them and points into them.
  /// When part of the file is damaged `why` says how (what came before it is
  /// kept); when it is another builder's, the store starts empty and `why`
  /// stays empty.
  static MemoStore parse(std::string bytes, const std::string& builder, std::string* why);
  /// The whole store as a fresh file: only the entries looked up or put since
  /// loading (the rest belong to inputs that are gone).
  std::string serialize() const;
  /// Write to `path` what is not yet there. The first call decides: append to
  /// the file the store was read from when most of it is live, else start a
  /// new file with live entries only (swapped in by the `last` call). Results
  /// this build computed are freed once written, so a build that saves after
  /// each stage does not hold them all; call with `last` once, at the end.
  bool save(FileSystem& fs, const std::string& path, bool last);

  /// The payload stored under `name` for input `hash`, if any. Thread-safe.
  std::optional<std::string_view> find(const std::string& name, uint64_t hash) const;
  /// Store a payload. Thread-safe.
  void put(const std::string& name, uint64_t hash, std::string payload);

  /// A view of `store` for one extension's work: its names are kept apart by
  /// `scope` ("check:name@version:"), so an extension's new version finds
  /// none of its old results, and no other's are touched. Only find and put
  /// may be called on a view; `store` must outlive it.
  static MemoStore scoped(MemoStore& store, std::string scope);

  size_t hits() const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t hash = 0;
    std::string_view payload;            // into file_ or into owned
    std::unique_ptr<std::string> owned;  // for results put by this build
    bool written = false;                // in the file being written
  };
  /// A segment holding `names` (length and checksum first).
  std::string segment(const std::vector<const std::string*>& names) const;

  std::string builder_;
  MemoStore* parent_ = nullptr;  // a view (scoped) forwards to this, with scope_ before each name
  std::string scope_;
  std::string file_;  // the bytes read, which loaded entries point into
  std::unordered_map<std::string, Entry> entries_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // a pointer, so the store can move
  mutable std::unordered_set<std::string> used_;
  mutable size_t hits_ = 0;
  bool rewrite_ = false;  // part of the file was damaged: the next save rewrites it
  // Set by the first save():
  bool decided_ = false, appending_ = false;
  std::string target_;
};

}  // namespace rs
