#pragma once
// The file-system seam (after ninja's DiskInterface): stages read and write
// through it, so most tests build whole sites in memory.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

/// Who may read a file written: everyone (published files), or its owner alone
/// (the build's cache and memo, which hold what was read, not only what was published).
enum class Access { everyone, owner_only };

/// Held while a build writes an output folder; released when destroyed.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

/// A file's bytes as pieces in order: new bytes, or ranges of the version of
/// the same file that the output holds now, so a large file changed in a few
/// places is never held whole (StagedOutput::stage copies the ranges over).
struct FilePieces {
  struct Piece {
    std::string bytes;                // new bytes, when not kept
    uint64_t offset = 0, length = 0;  // the range of the file kept, when kept
    bool kept = false;
  };
  std::vector<Piece> pieces;
  uint64_t size = 0;  // of the whole file

  void add(std::string_view bytes) {
    if (bytes.empty()) return;
    if (pieces.empty() || pieces.back().kept) pieces.emplace_back();
    pieces.back().bytes += bytes;
    size += bytes.size();
  }
  void keep(uint64_t offset, uint64_t length) {
    if (length == 0) return;
    // A range that continues the last one is the same read.
    if (!pieces.empty() && pieces.back().kept && pieces.back().offset + pieces.back().length == offset)
      pieces.back().length += length;
    else
      pieces.push_back({{}, offset, length, true});
    size += length;
  }
  bool keeps_any() const {
    for (const auto& p : pieces)
      if (p.kept) return true;
    return false;
  }
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The file's bytes, or nullopt with `error` set.
  virtual std::optional<std::string> read(const std::string& path, std::string* error) const = 0;
  /// Up to `length` of the file's bytes from `offset` into `into` (fewer at
  /// its end, none past it); false with `error` set when it cannot be read.
  /// `into` keeps its capacity, so one buffer serves a whole file.
  virtual bool read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                          std::string* error) const;
  /// Regular files under `dir`, recursively, as paths relative to `dir`, sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  virtual bool is_dir(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  /// Size in bytes, or -1.
  virtual long long size(const std::string& path) const = 0;
  /// Every entry under `dir` that is not a folder (files, symlinks of any kind,
  /// sockets), and folders that are empty, relative to `dir`, sorted; symlinks
  /// are not followed. What a folder holds, as its owner would count it.
  virtual std::vector<std::string> list_entries(const std::string& dir) const { return list(dir); }
  /// True when `path` itself is a symbolic link.
  virtual bool is_symlink(const std::string&) const { return false; }
  /// The absolute path with every symlink resolved (as far as it exists), for
  /// comparing where two paths really are.
  virtual std::string real_path(const std::string& path) const;
  /// Write a file, creating parent folders; every write and the close are
  /// checked, so a full disk is an error and never an empty file. Return false
  /// with `error` set on failure.
  virtual bool write(const std::string& path, const std::string& bytes, std::string* error,
                     Access access = Access::everyone) = 0;
  /// Add bytes to the end of an existing file.
  virtual bool append(const std::string& path, const std::string& bytes, std::string* error) = 0;
  /// Make a folder (and its parents) that only its owner can enter.
  virtual bool make_private_dir(const std::string& path, std::string* error) = 0;
  /// Swap two existing paths in one atomic step, so a reader (or a crash)
  /// sees one or the other at each name, never neither. False with `error`
  /// when the file system cannot (the caller then falls back to renames).
  virtual bool exchange(const std::string& a, const std::string& b, std::string* error) = 0;
  /// Flush to disk everything written on the file system that holds `path`.
  virtual bool sync(const std::string& path, std::string* error) = 0;
  /// Take the exclusive lock named by `path` (made if missing), writing `who`
  /// into it. nullptr when another holds it (`holder` then says what that one
  /// wrote) or when it cannot be taken (`error` says why).
  virtual std::unique_ptr<FileLock> lock(const std::string& path, const std::string& who, std::string* holder,
                                         std::string* error) = 0;
  virtual bool remove_all(const std::string& path, std::string* error) = 0;
  /// Move a file or folder; the folder `to` goes into is made if missing.
  virtual bool rename(const std::string& from, const std::string& to, std::string* error) = 0;
  /// Make `to` the same file as `from` (a hard link where possible, else a copy),
  /// so an unchanged output keeps its modification time.
  virtual bool link(const std::string& from, const std::string& to, std::string* error) = 0;
  /// Modification time in nanoseconds, or -1.
  virtual long long mtime_ns(const std::string& path) const = 0;
  /// Size and modification time together (one system call where the seam allows).
  virtual void stat(const std::string& path, long long* size, long long* mtime_ns) const {
    *size = this->size(path);
    *mtime_ns = this->mtime_ns(path);
  }
  /// As stat, plus a number that changes whenever the file is replaced or its
  /// metadata touched (where the seam can tell; 0 otherwise).
  virtual void stat_identity(const std::string& path, long long* size, long long* mtime_ns, long long* identity) const {
    stat(path, size, mtime_ns);
    *identity = 0;
  }
};

class RealFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  bool read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                  std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  long long size(const std::string& path) const override;
  std::vector<std::string> list_entries(const std::string& dir) const override;
  bool is_symlink(const std::string& path) const override;
  std::string real_path(const std::string& path) const override;
  bool write(const std::string& path, const std::string& bytes, std::string* error, Access access = Access::everyone) override;
  bool append(const std::string& path, const std::string& bytes, std::string* error) override;
  bool make_private_dir(const std::string& path, std::string* error) override;
  bool exchange(const std::string& a, const std::string& b, std::string* error) override;
  bool sync(const std::string& path, std::string* error) override;
  std::unique_ptr<FileLock> lock(const std::string& path, const std::string& who, std::string* holder,
                                 std::string* error) override;
  bool remove_all(const std::string& path, std::string* error) override;
  bool rename(const std::string& from, const std::string& to, std::string* error) override;
  bool link(const std::string& from, const std::string& to, std::string* error) override;
  long long mtime_ns(const std::string& path) const override;
  void stat(const std::string& path, long long* size, long long* mtime_ns) const override;
  /// Size, times and inode, so a same-size edit whose modification time was
  /// put back (ctime cannot be) or a file copied from elsewhere (another inode) shows.
  void stat_identity(const std::string& path, long long* size, long long* mtime_ns, long long* identity) const override;
};

/// Files held in a map; folders exist implicitly.
class MemoryFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;
  /// Fill from one text in txtar form: lines "-- path --" start each file.
  void add_txtar(const std::string& text, const std::string& prefix = "");

  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  bool read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                  std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  long long size(const std::string& path) const override;
  bool write(const std::string& path, const std::string& bytes, std::string* error, Access access = Access::everyone) override;
  bool append(const std::string& path, const std::string& bytes, std::string* error) override;
  bool make_private_dir(const std::string& path, std::string* error) override;
  bool exchange(const std::string& a, const std::string& b, std::string* error) override;
  bool sync(const std::string& path, std::string* error) override;
  std::unique_ptr<FileLock> lock(const std::string& path, const std::string& who, std::string* holder,
                                 std::string* error) override;
  bool remove_all(const std::string& path, std::string* error) override;
  bool rename(const std::string& from, const std::string& to, std::string* error) override;
  bool link(const std::string& from, const std::string& to, std::string* error) override;
  long long mtime_ns(const std::string& path) const override;
  std::map<std::string, long long> mtimes;  // set by tests; a write stamps the next tick
  long long clock = 1;
  void stat_identity(const std::string& path, long long* size, long long* mtime_ns, long long* identity) const override;
  std::map<std::string, long long> identities;  // set by tests: what ctime and inode stand for on a real disk
  std::set<std::string> owner_only;         // files written Access::owner_only
  std::map<std::string, std::string> locks; // held locks and what their holders wrote
};

/// "a/b" + "c" → "a/b/c"; an empty or "." base gives the name alone.
std::string join_path(const std::string& base, const std::string& name);

}  // namespace rs
