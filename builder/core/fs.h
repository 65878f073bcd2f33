#pragma once
// The file-system seam (after ninja's DiskInterface): stages read and write
// through it, so most tests build whole sites in memory.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rs {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The file's bytes, or nullopt with `error` set.
  virtual std::optional<std::string> read(const std::string& path, std::string* error) const = 0;
  /// Regular files under `dir`, recursively, as paths relative to `dir`, sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  virtual bool is_dir(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  /// Size in bytes, or -1.
  virtual long long size(const std::string& path) const = 0;
  /// Write a file, creating parent folders. Return false with `error` set on failure.
  virtual bool write(const std::string& path, const std::string& bytes, std::string* error) = 0;
  /// Add bytes to the end of an existing file.
  virtual bool append(const std::string& path, const std::string& bytes, std::string* error) = 0;
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
};

class RealFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  long long size(const std::string& path) const override;
  bool write(const std::string& path, const std::string& bytes, std::string* error) override;
  bool append(const std::string& path, const std::string& bytes, std::string* error) override;
  bool remove_all(const std::string& path, std::string* error) override;
  bool rename(const std::string& from, const std::string& to, std::string* error) override;
  bool link(const std::string& from, const std::string& to, std::string* error) override;
  long long mtime_ns(const std::string& path) const override;
  void stat(const std::string& path, long long* size, long long* mtime_ns) const override;
};

/// Files held in a map; folders exist implicitly.
class MemoryFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;
  /// Fill from one text in txtar form: lines "-- path --" start each file.
  void add_txtar(const std::string& text, const std::string& prefix = "");

  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  long long size(const std::string& path) const override;
  bool write(const std::string& path, const std::string& bytes, std::string* error) override;
  bool append(const std::string& path, const std::string& bytes, std::string* error) override;
  bool remove_all(const std::string& path, std::string* error) override;
  bool rename(const std::string& from, const std::string& to, std::string* error) override;
  bool link(const std::string& from, const std::string& to, std::string* error) override;
  long long mtime_ns(const std::string& path) const override;
  std::map<std::string, long long> mtimes;  // set by tests; a write stamps the next tick
  long long clock = 1;
};

/// "a/b" + "c" → "a/b/c"; an empty or "." base gives the name alone.
std::string join_path(const std::string& base, const std::string& name);

}  // namespace rs
