#include "write_site.h"

#include <algorithm>
#include <optional>
#include <set>

namespace rs {

std::string beside_output(const std::string& out_dir, const std::string& kind) {
  std::string p = out_dir;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  std::string parent = slash == std::string::npos ? "" : p.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
  return parent + "." + name + "." + kind;
}

namespace {

/// The bytes a file should have: its own, or those of the input it copies.
std::optional<std::string> bytes_of(const FileSystem& fs, const FileToWrite& f, std::string* error) {
  if (f.copy_from.empty()) return *f.bytes;
  return fs.read(f.copy_from, error);
}

/// True when the output already holds exactly these bytes at `path`.
bool already_there(const FileSystem& fs, const std::string& path, const std::string& bytes) {
  if (fs.size(path) != static_cast<long long>(bytes.size())) return false;
  auto old = fs.read(path, nullptr);
  return old && *old == bytes;
}

class Writer {
 public:
  Writer(FileSystem& fs, const std::string& out_dir, Diagnostics& diags)
      : fs_(fs), out_(out_dir), staging_(beside_output(out_dir, "staging")), diags_(diags) {}

  /// Every file goes into a staging copy of the whole output, which then takes
  /// the output's place with one rename: readers see the old site or the new.
  bool swap_in(const std::vector<FileToWrite>& files, WriteStats& stats) {
    std::string error;
    fs_.remove_all(staging_, nullptr);  // left over from a build that was killed
    for (const auto& f : files) {
      std::string target = join_path(staging_, f.path);
      std::string previous = join_path(out_, f.path);
      // A file whose bytes did not change is linked from the old output, so it
      // keeps its modification time and a deployment by rsync copies only what changed.
      if (f.keep_previous) {
        long long size = fs_.size(previous);
        if (!fs_.link(previous, target, &error)) return fail(previous, error + "; nothing was published");
        stats.unchanged++, stats.files++, stats.bytes += static_cast<size_t>(std::max(size, 0LL));
        continue;
      }
      auto bytes = bytes_of(fs_, f, &error);
      if (!bytes) return fail(f.copy_from, error + "; nothing was published");
      if (already_there(fs_, previous, *bytes) && fs_.link(previous, target, nullptr)) {
        stats.unchanged++, stats.files++, stats.bytes += bytes->size();
        continue;
      }
      if (!fs_.write(target, *bytes, &error)) return fail(target, error + "; nothing was published");
      stats.files++, stats.bytes += bytes->size();
    }
    // Swap: the old output moves aside, the new one takes its name, the old one goes.
    std::string old = beside_output(out_, "old");
    fs_.remove_all(old, nullptr);
    bool had_old = fs_.exists(out_);
    if (had_old && !fs_.rename(out_, old, &error)) return fail(out_, error + "; nothing was published");
    if (!fs_.rename(staging_, out_, &error)) {
      if (had_old) fs_.rename(old, out_, nullptr);
      return fail(out_, error + "; the previous output was kept");
    }
    if (had_old) fs_.remove_all(old, nullptr);
    return true;
  }

  /// Only what changed is written: first every new file into the staging
  /// folder (where a full disk or a bad path fails with the output untouched),
  /// then each is renamed over its old version and files no longer made are
  /// removed, as `rsync --delay-updates` does. Returns nullopt, having touched
  /// nothing, when more than `max_changes` files would change.
  std::optional<bool> update_in_place(const std::vector<FileToWrite>& files, size_t max_changes, WriteStats& stats) {
    std::string error;
    std::vector<std::pair<std::string, std::string>> changed;  // path, bytes
    std::set<std::string> made;
    WriteStats counted;
    for (const auto& f : files) {
      made.insert(f.path);
      std::string target = join_path(out_, f.path);
      if (f.keep_previous) {
        long long size = fs_.size(target);
        if (size < 0) return fail(target, "cannot read " + target + "; nothing was published");
        counted.unchanged++, counted.files++, counted.bytes += static_cast<size_t>(size);
        continue;
      }
      auto bytes = bytes_of(fs_, f, &error);
      if (!bytes) return fail(f.copy_from, error + "; nothing was published");
      counted.files++, counted.bytes += bytes->size();
      if (already_there(fs_, target, *bytes)) {
        counted.unchanged++;
        continue;
      }
      if (changed.size() >= max_changes) return std::nullopt;
      changed.emplace_back(f.path, std::move(*bytes));
    }
    std::vector<std::string> removed;
    for (const auto& path : fs_.list(out_))
      if (!made.count(path)) removed.push_back(path);
    if (changed.size() + removed.size() > max_changes) return std::nullopt;

    fs_.remove_all(staging_, nullptr);  // left over from a build that was killed
    for (const auto& [path, bytes] : changed)
      if (!fs_.write(join_path(staging_, path), bytes, &error))
        return fail(join_path(staging_, path), error + "; nothing was published");
    for (const auto& [path, bytes] : changed)
      if (!fs_.rename(join_path(staging_, path), join_path(out_, path), &error))
        return fail(join_path(out_, path), error + "; the output is partly updated: build again");
    for (const auto& path : removed) {
      fs_.remove_all(join_path(out_, path), nullptr);
      // Folders left empty go too, as a clean build would not make them.
      for (std::string dir = parent_of(path); !dir.empty(); dir = parent_of(dir)) {
        std::string full = join_path(out_, dir);
        if (!fs_.is_dir(full) || !fs_.list(full).empty()) break;
        fs_.remove_all(full, nullptr);
      }
    }
    fs_.remove_all(staging_, nullptr);
    stats = counted;
    return true;
  }

 private:
  static std::string parent_of(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash);
  }
  bool fail(const std::string& where, const std::string& message) {
    fs_.remove_all(staging_, nullptr);
    diags_.add({Severity::error, "write.io", message, {}, where, {}, {}});
    return false;
  }

  FileSystem& fs_;
  std::string out_, staging_;
  Diagnostics& diags_;
};

/// Beyond this many renames the in-place update would leave readers a mixed
/// site for too long; a swap of the whole output is instant for them.
constexpr size_t kMaxInPlaceChanges = 1000;

}  // namespace

bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files, Diagnostics& diags,
                WriteStats* stats) {
  WriteStats local;
  Writer writer(fs, out_dir, diags);
  std::optional<bool> ok;
  if (fs.is_dir(out_dir)) ok = writer.update_in_place(files, kMaxInPlaceChanges, local);
  if (!ok) ok = writer.swap_in(files, local);
  if (*ok && stats) *stats = local;
  return *ok;
}

}  // namespace rs
