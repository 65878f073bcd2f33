#include "write_site.h"

#include <algorithm>
#include <optional>
#include <set>

#include "output_folder.h"

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
  bool swap_in(const std::vector<FileToWrite>& files, const std::vector<std::string>& keep, WriteStats& stats) {
    std::string error;
    fs_.remove_all(staging_, nullptr);  // left over from a build that was killed
    // Files the council keeps in the output (CNAME, .well-known/) go into the new one as they are.
    for (const auto& entry : fs_.list_entries(out_)) {
      if (entry.empty() || entry.back() == '/' || !kept_by(entry, keep)) continue;
      if (!fs_.link(join_path(out_, entry), join_path(staging_, entry), &error))
        return fail(join_path(out_, entry), error + "; nothing was published");
    }
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
    // On disk before the output changes, so a power cut cannot leave a swapped-in site of empty files.
    if (!fs_.sync(staging_, &error)) return fail(staging_, error + "; nothing was published");
    if (!fs_.exists(out_)) {
      if (!fs_.rename(staging_, out_, &error)) return fail(out_, error + "; nothing was published");
      return true;
    }
    // One atomic exchange of the two folders: at every moment, even after a
    // crash, the output path holds the old site or the new one. The old site
    // is then at the staging path and goes.
    if (fs_.exchange(staging_, out_, nullptr)) {
      fs_.remove_all(staging_, nullptr);
      return true;
    }
    // File systems without the exchange: two renames, the old output aside first.
    std::string old = beside_output(out_, "old");
    fs_.remove_all(old, nullptr);
    if (!fs_.rename(out_, old, &error)) return fail(out_, error + "; nothing was published");
    if (!fs_.rename(staging_, out_, &error)) {
      fs_.rename(old, out_, nullptr);
      return fail(out_, error + "; the previous output was kept");
    }
    fs_.remove_all(old, nullptr);
    return true;
  }

  /// Only what changed is written: first every new file into the staging
  /// folder (where a full disk or a bad path fails with the output untouched),
  /// then each is renamed over its old version and files no longer made are
  /// removed, as `rsync --delay-updates` does. Returns nullopt, having touched
  /// nothing, when more than `max_changes` files would change.
  std::optional<bool> update_in_place(const std::vector<FileToWrite>& files, const std::vector<std::string>& written_before,
                                      size_t max_changes, WriteStats& stats) {
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
    // Only the builder's own files that are no longer made go: never a kept or foreign one.
    std::vector<std::string> removed;
    for (const auto& path : written_before)
      if (!made.count(path) && fs_.exists(join_path(out_, path))) removed.push_back(path);
    if (changed.size() + removed.size() > max_changes) return std::nullopt;

    fs_.remove_all(staging_, nullptr);  // left over from a build that was killed
    for (const auto& [path, bytes] : changed)
      if (!fs_.write(join_path(staging_, path), bytes, &error))
        return fail(join_path(staging_, path), error + "; nothing was published");
    if (!changed.empty() && !fs_.sync(staging_, &error)) return fail(staging_, error + "; nothing was published");
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
  bool fail(const std::string& where, const std::string& message, const std::string& rule = "write.io") {
    fs_.remove_all(staging_, nullptr);
    diags_.add({Severity::error, rule, message, {}, where, {}, {}});
    return false;
  }

 public:
  /// The files the last build wrote, once the output is known to be the
  /// builder's to change; nullopt (with an error) when it is not.
  std::optional<std::vector<std::string>> claim(const std::vector<FileToWrite>& files,
                                                const std::vector<std::string>& keep) {
    for (const auto& f : files)
      if (kept_by(f.path, keep)) {
        fail(out_, "`keep:` in data/site.yaml names " + f.path + ", which the build writes; take it out of `keep:`",
             "write.keep-conflict");
        return std::nullopt;
      }
    if (!fs_.exists(out_)) return std::vector<std::string>{};
    if (!fs_.is_dir(out_)) {
      fail(out_, "the output " + out_ + " is not a folder; nothing was published", "write.output-not-ours");
      return std::nullopt;
    }
    auto written = read_output_marker(fs_, out_);
    if (!written) {
      if (fs_.list_entries(out_).empty()) return std::vector<std::string>{};
      fail(out_, "the output folder " + out_ + " is not empty and was not written by reportsite; nothing was published",
           "write.output-not-ours");
      return std::nullopt;
    }
    auto foreign = foreign_entries(fs_, out_, *written, keep);
    if (!foreign.empty()) {
      std::string names;
      for (size_t i = 0; i < foreign.size() && i < 5; ++i) names += (i ? ", " : "") + foreign[i];
      if (foreign.size() > 5) names += " and " + std::to_string(foreign.size() - 5) + " more";
      fail(out_,
           "the output folder " + out_ + " holds " + std::to_string(foreign.size()) + " file" +
               (foreign.size() == 1 ? "" : "s") + " that reportsite did not write (" + names +
               "); nothing was published, so they are safe. To keep them in the output, list them under `keep:` "
               "in data/site.yaml (e.g. `keep: [CNAME, .well-known/]`); otherwise move them elsewhere",
           "write.output-foreign");
      return std::nullopt;
    }
    return written;
  }

 private:

  FileSystem& fs_;
  std::string out_, staging_;
  Diagnostics& diags_;
};

/// Beyond this many renames the in-place update would leave readers a mixed
/// site for too long; a swap of the whole output is instant for them.
constexpr size_t kMaxInPlaceChanges = 1000;

}  // namespace

bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files,
                const std::vector<std::string>& keep, Diagnostics& diags, WriteStats* stats) {
  WriteStats local;
  const std::string target = output_target(fs, out_dir);
  // A build killed between the fallback's two renames left the old site aside: it is the output again.
  if (std::string old = beside_output(target, "old"); !fs.exists(target) && fs.is_dir(old)) fs.rename(old, target, nullptr);
  Writer writer(fs, target, diags);
  auto written_before = writer.claim(files, keep);
  if (!written_before) return false;
  // The marker goes with every build: it lists what this one wrote.
  std::vector<FileToWrite> with_marker = files;
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  const std::string marker = output_marker(paths);
  with_marker.push_back({kOutputMarker, &marker, {}, false});
  std::optional<bool> ok;
  if (fs.is_dir(target)) ok = writer.update_in_place(with_marker, *written_before, kMaxInPlaceChanges, local);
  if (!ok) ok = writer.swap_in(with_marker, keep, local);
  if (*ok && stats) *stats = local;
  return *ok;
}

}  // namespace rs
