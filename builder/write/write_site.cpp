#include "reportsite/write/write_site.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "reportsite/core/hash.h"
#include "reportsite/write/output_folder.h"

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

/// The buffer a file given as pieces is read and written through.
constexpr size_t kWindow = 1 << 20;

/// Gives `take` the bytes `pieces` make, in runs, reading their kept ranges of
/// `previous` through one buffer. False (with `error`) when `previous` cannot
/// be read or is shorter than a range: it is not the file the pieces were cut from.
bool for_each_run(const FileSystem& fs, const std::string& previous, const FilePieces& pieces,
                  const std::function<bool(std::string_view)>& take, std::string* error) {
  std::string window;
  uint64_t window_at = 0;
  for (const auto& piece : pieces.pieces) {
    if (!piece.kept) {
      if (!take(piece.bytes)) return false;
      continue;
    }
    for (uint64_t at = piece.offset, left = piece.length; left > 0;) {
      if (at < window_at || at >= window_at + window.size()) {
        if (!fs.read_range(previous, at, kWindow, window, error)) return false;
        window_at = at;
        if (window.empty()) {
          if (error) *error = previous + " is shorter than the last build left it (changed during the build?)";
          return false;
        }
      }
      const size_t n = static_cast<size_t>(std::min<uint64_t>(left, window_at + window.size() - at));
      if (!take(std::string_view(window).substr(static_cast<size_t>(at - window_at), n))) return false;
      at += n, left -= n;
    }
  }
  return true;
}

/// True when `path` holds exactly the bytes `pieces` make.
bool already_there(const FileSystem& fs, const std::string& path, const FilePieces& pieces) {
  if (fs.size(path) != static_cast<long long>(pieces.size)) return false;
  std::string old;
  uint64_t at = 0;
  auto same = [&](std::string_view run) {
    for (; !run.empty();) {
      if (!fs.read_range(path, at, std::min(run.size(), kWindow), old, nullptr) || old.empty()) return false;
      if (run.substr(0, old.size()) != old) return false;
      run.remove_prefix(old.size()), at += old.size();
    }
    return true;
  };
  return for_each_run(fs, path, pieces, same, nullptr);
}

/// Beyond this many renames the in-place update would leave readers a mixed
/// site for too long; a swap of the whole output is instant for them.
constexpr size_t kMaxInPlaceChanges = 1000;

std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

struct StagedOutput::State {
  FileSystem& fs;
  std::string out, staging;
  std::vector<std::string> keep;
  OutputMarker before;                      // what the last build wrote, from its marker
  std::unordered_map<std::string, uint64_t> hash_before;  // its hashes, by path
  std::mutex mutex;                         // stage() runs on the worker threads
  std::set<std::string> staged, unchanged;  // new bytes in the staging folder; bytes the output holds already
  std::map<std::string, uint64_t> hashes;   // of every file staged or found unchanged, for the marker
  size_t bytes = 0;
  bool published = false, swapped = false;  // swapped: the whole output replaced (every file linked or new)

  bool abandon() {
    fs.remove_all(staging, nullptr);
    return false;
  }

  /// Notes a staged file's size and hash (for the marker), and whether the
  /// output holds those bytes at `path` already. `holds_them` reads the old
  /// file to tell; it is not called when the marker's hash for the old file
  /// differs, as the old file then holds other bytes.
  template <typename HoldsThem>
  bool note_unchanged(const std::string& path, size_t size, uint64_t hash, HoldsThem holds_them) {
    bytes += size;
    hashes[path] = hash;
    auto old = hash_before.find(path);
    const bool differs = old != hash_before.end() && old->second != hash;
    return !differs && holds_them();
  }

  /// The file at `path` is either new bytes in the staging folder or bytes the output holds already.
  void mark(const std::string& path, bool unchanged_there) {
    (unchanged_there ? staged : unchanged).erase(path);
    (unchanged_there ? unchanged : staged).insert(path);
  }

  bool fail(Diagnostics& diags, const std::string& where, const std::string& message,
            const std::string& rule = "write.io") {
    fs.remove_all(staging, nullptr);
    diags.add({Severity::error, rule, message, {}, where, {}, {}});
    return false;
  }

  void warn(Diagnostics& diags, const std::string& rule, const std::string& message) {
    diags.add({Severity::warning, rule, message, {}, join_path(out, kOutputMarker), {}, {}});
  }

  /// Entries of the marker that may not be followed: each is named (the first
  /// few; a hostile marker may hold thousands), none is acted on.
  void report_refused(Diagnostics& diags, const std::vector<std::pair<std::string, std::string>>& refused) {
    constexpr size_t kNamed = 10;
    for (size_t i = 0; i < refused.size() && i < kNamed; ++i)
      warn(diags, "write.marker-bad-entry",
           "the output's marker holds `" + refused[i].first + "`, which cannot be a file the builder wrote: " +
               refused[i].second + "; it was ignored, and nothing was removed for it");
    if (refused.size() > kNamed)
      warn(diags, "write.marker-bad-entry",
           "the output's marker names " + std::to_string(refused.size() - kNamed) +
               " more entries that cannot be files the builder wrote; they were ignored");
  }

  /// True when the folder holding `path` (relative to the output) really lies
  /// inside the output: a folder replaced by a symbolic link leads elsewhere.
  bool confined(const std::string& path, std::map<std::string, bool>& known) {
    const std::string dir = parent_of(path);
    if (dir.empty()) return true;
    auto [at, fresh] = known.try_emplace(dir, false);
    if (fresh) at->second = path_inside(fs.real_path(join_path(out, dir)), fs.real_path(out));
    return at->second;
  }

  /// Why the builder's file at `path` may not be removed: it was changed (or
  /// replaced) since the builder wrote it. nullopt when it is as written.
  std::optional<std::string> changed_since_written(const MarkedFile& file) {
    const std::string full = join_path(out, file.path);
    if (fs.is_symlink(full)) return "it is now a symbolic link";
    if (fs.is_dir(full)) return "it is now a folder";
    if (!file.hash) return std::nullopt;  // a format-1 marker recorded no hash: the file is taken as written
    auto bytes = fs.read(full, nullptr);
    if (!bytes || hash_bytes(*bytes) != *file.hash) return "its bytes changed since reportsite wrote it";
    return std::nullopt;
  }

  /// The builder's files that this build no longer makes and that are still
  /// as it wrote them; the others are named and kept.
  std::vector<std::string> stale_files(const std::unordered_set<std::string>& made, Diagnostics& diags) {
    std::vector<std::string> removed;
    std::vector<std::pair<std::string, std::string>> outside;
    std::map<std::string, bool> known;
    for (const auto& file : before.files) {
      const std::string full = join_path(out, file.path);
      if (made.count(file.path) || (!fs.exists(full) && !fs.is_symlink(full))) continue;
      if (!confined(file.path, known)) {
        outside.emplace_back(printable_path(file.path), "it leads out of the output through a symbolic link");
        continue;
      }
      if (auto why = changed_since_written(file)) {
        warn(diags, "write.marker-changed-file",
             join_path(out, printable_path(file.path)) + " was listed as reportsite's, but " + *why +
                 ": changed by someone else, so it was not removed. The next build will refuse to write while it "
                 "is there: move it out of the output, or list it under `keep:` in data/site.yaml");
        continue;
      }
      removed.push_back(file.path);
    }
    report_refused(diags, outside);
    return removed;
  }

  /// What the last build wrote, once the output is known to be the
  /// builder's to change; nullopt (with an error) when it is not.
  std::optional<OutputMarker> claim(Diagnostics& diags) {
    if (!fs.exists(out)) return OutputMarker{};
    if (!fs.is_dir(out)) {
      fail(diags, out, "the output " + out + " is not a folder; nothing was published", "write.output-not-ours");
      return std::nullopt;
    }
    OutputMarker marker = read_output_marker(fs, out);
    if (marker.state == OutputMarker::State::damaged || marker.state == OutputMarker::State::newer) {
      fail(diags, out, foreign_marker_message(out, marker) + "; nothing was published", "write.output-not-ours");
      return std::nullopt;
    }
    if (marker.state == OutputMarker::State::absent) {
      if (fs.list_entries(out).empty()) return OutputMarker{};
      fail(diags, out,
           "the output folder " + out + " is not empty and was not written by reportsite; nothing was published",
           "write.output-not-ours");
      return std::nullopt;
    }
    report_refused(diags, marker.refused);
    std::vector<std::string> written;
    for (const auto& file : marker.files) written.push_back(file.path);
    auto foreign = foreign_entries(fs, out, written, keep);
    if (!foreign.empty()) {
      std::string names;
      for (size_t i = 0; i < foreign.size() && i < 5; ++i) names += (i ? ", " : "") + foreign[i];
      if (foreign.size() > 5) names += " and " + std::to_string(foreign.size() - 5) + " more";
      fail(diags, out,
           "the output folder " + out + " holds " + std::to_string(foreign.size()) + " file" +
               (foreign.size() == 1 ? "" : "s") + " that reportsite did not write (" + names +
               "); nothing was published, so they are safe. To keep them in the output, list them under `keep:` "
               "in data/site.yaml (e.g. `keep: [CNAME, .well-known/]`); otherwise move them elsewhere",
           "write.output-foreign");
      return std::nullopt;
    }
    return marker;
  }

  /// Only what changed goes in: each staged file is renamed over its old
  /// version and files no longer made are removed, as `rsync --delay-updates` does.
  bool update_in_place(const std::vector<std::string>& removed, Diagnostics& diags) {
    std::string error;
    // A folder of the output replaced by a link would take the new files elsewhere.
    std::map<std::string, bool> known;
    for (const auto& path : staged)
      if (!confined(path, known))
        return fail(diags, join_path(out, parent_of(path)),
                    "the folder " + join_path(out, parent_of(path)) +
                        " is a symbolic link that leads out of the output; nothing was published. Remove the link, "
                        "or delete the output folder, and build again",
                    "write.output-not-ours");
    if (!staged.empty() && !fs.sync(staging, &error)) return fail(diags, staging, error + "; nothing was published");
    for (const auto& path : staged)
      if (!fs.rename(join_path(staging, path), join_path(out, path), &error))
        return fail(diags, join_path(out, path), error + "; the output is partly updated: build again");
    for (const auto& path : removed) {
      fs.remove_all(join_path(out, path), nullptr);
      // Folders left empty go too, as a clean build would not make them.
      for (std::string dir = parent_of(path); !dir.empty(); dir = parent_of(dir)) {
        std::string full = join_path(out, dir);
        if (!fs.is_dir(full) || !fs.list(full).empty()) break;
        fs.remove_all(full, nullptr);
      }
    }
    fs.remove_all(staging, nullptr);
    return true;
  }

  /// The staging folder becomes a whole copy of the new output, which then
  /// takes the output's place with one rename: readers see the old site or the new.
  bool swap_in(Diagnostics& diags) {
    std::string error;
    if (fs.exists(out)) {
      // Files the council keeps in the output (CNAME, .well-known/) go into the new one as they are.
      for (const auto& entry : fs.list_entries(out)) {
        if (entry.empty() || entry.back() == '/' || !kept_by(entry, keep)) continue;
        if (!fs.link(join_path(out, entry), join_path(staging, entry), &error))
          return fail(diags, join_path(out, entry), error + "; nothing was published");
      }
      // A file whose bytes did not change is linked from the old output, so it
      // keeps its modification time and a deployment by rsync copies only what changed.
      for (const auto& path : unchanged)
        if (!fs.link(join_path(out, path), join_path(staging, path), &error))
          return fail(diags, join_path(out, path), error + "; nothing was published");
    }
    // On disk before the output changes, so a power cut cannot leave a swapped-in site of empty files.
    if (!fs.sync(staging, &error)) return fail(diags, staging, error + "; nothing was published");
    if (!fs.exists(out)) {
      if (!fs.rename(staging, out, &error)) return fail(diags, out, error + "; nothing was published");
      return true;
    }
    // One atomic exchange of the two folders: at every moment, even after a
    // crash, the output path holds the old site or the new one. The old site
    // is then at the staging path and goes.
    if (fs.exchange(staging, out, nullptr)) {
      fs.remove_all(staging, nullptr);
      return true;
    }
    // File systems without the exchange: two renames, the old output aside first.
    std::string old = beside_output(out, "old");
    fs.remove_all(old, nullptr);
    if (!fs.rename(out, old, &error)) return fail(diags, out, error + "; nothing was published");
    if (!fs.rename(staging, out, &error)) {
      fs.rename(old, out, nullptr);
      return fail(diags, out, error + "; the previous output was kept");
    }
    fs.remove_all(old, nullptr);
    return true;
  }
};

StagedOutput::StagedOutput(std::unique_ptr<State> state) : state_(std::move(state)) {}

StagedOutput::~StagedOutput() {
  if (!state_->published) state_->fs.remove_all(state_->staging, nullptr);
}

std::unique_ptr<StagedOutput> StagedOutput::open(FileSystem& fs, const std::string& out_dir,
                                                 const std::vector<std::string>& keep, Diagnostics& diags) {
  const std::string target = output_target(fs, out_dir);
  // A build killed between the fallback's two renames left the old site aside: it is the output again.
  if (std::string old = beside_output(target, "old"); !fs.exists(target) && fs.is_dir(old)) fs.rename(old, target, nullptr);
  auto state = std::unique_ptr<State>(new State{fs, target, beside_output(target, "staging"), keep, {}, {}, {}, {}, {}, {}, 0, false});
  auto before = state->claim(diags);
  if (!before) return nullptr;
  state->before = std::move(*before);
  for (const auto& file : state->before.files)
    if (file.hash) state->hash_before[file.path] = *file.hash;
  fs.remove_all(state->staging, nullptr);  // left over from a build that was killed
  return std::unique_ptr<StagedOutput>(new StagedOutput(std::move(state)));
}

bool StagedOutput::stage(const std::string& path, const std::string& bytes, Diagnostics& diags, uint64_t* hash_out) {
  State& s = *state_;
  const uint64_t hash = hash_bytes(bytes);
  if (hash_out) *hash_out = hash;
  std::lock_guard lock(s.mutex);  // one file system call at a time: drawing, not writing, is the work
  if (s.note_unchanged(path, bytes.size(), hash, [&] { return already_there(s.fs, join_path(s.out, path), bytes); })) {
    s.mark(path, true);
    return true;
  }
  std::string error;
  std::string target = join_path(s.staging, path);
  if (!s.fs.write(target, bytes, &error)) {
    diags.add({Severity::error, "write.io", error + "; nothing was published", {}, target, {}, {}});
    return false;
  }
  s.mark(path, false);
  return true;
}

bool StagedOutput::stage(const std::string& path, const FilePieces& pieces, Diagnostics& diags, uint64_t* hash_out) {
  State& s = *state_;
  const std::string previous = join_path(s.out, path), target = join_path(s.staging, path);
  std::lock_guard lock(s.mutex);
  // Written as it is read: the hash is known only at the end, so bytes the
  // output holds already are found then, and the staged copy goes.
  RunHasher hasher(pieces.size);
  std::string buffer, error;
  buffer.reserve(kWindow);
  auto flush = [&] {
    bool ok = s.fs.append(target, buffer, &error);
    buffer.clear();
    return ok;
  };
  auto take = [&](std::string_view run) {
    hasher.add(run);
    for (; !run.empty();) {
      const size_t n = std::min(run.size(), kWindow - buffer.size());
      buffer.append(run.substr(0, n));
      run.remove_prefix(n);
      if (buffer.size() == kWindow && !flush()) return false;
    }
    return true;
  };
  if (!s.fs.write(target, "", &error) || !for_each_run(s.fs, previous, pieces, take, &error) || !flush()) {
    s.fs.remove_all(target, nullptr);
    diags.add({Severity::error, "write.io", error + "; nothing was published", {}, target, {}, {}});
    return false;
  }
  const uint64_t hash = hasher.value();
  if (hash_out) *hash_out = hash;
  const bool unchanged = s.note_unchanged(path, pieces.size, hash, [&] { return already_there(s.fs, previous, pieces); });
  if (unchanged) s.fs.remove_all(target, nullptr);
  s.mark(path, unchanged);
  return true;
}

bool StagedOutput::publish(const std::vector<FileToWrite>& files, Diagnostics& diags, WriteStats* stats) {
  State& s = *state_;
  std::string error;
  for (const auto& f : files)
    if (kept_by(f.path, s.keep))
      return s.fail(diags, s.out,
                    "`keep:` in data/site.yaml names " + f.path + ", which the build writes; take it out of `keep:`",
                    "write.keep-conflict");
  std::unordered_set<std::string> made;  // looked up, never walked in order
  for (const auto& f : files) {
    made.insert(f.path);
    if (f.staged) continue;
    if (f.keep_previous) {
      const std::string full = join_path(s.out, f.path);
      long long size = s.fs.size(full);
      if (size < 0) return s.fail(diags, full, "cannot read " + full + "; nothing was published");
      s.bytes += static_cast<size_t>(size);
      s.unchanged.insert(f.path);
      // Known unchanged since it was written, so its recorded hash holds; an old marker has none to give.
      if (auto at = s.hash_before.find(f.path); at != s.hash_before.end()) {
        s.hashes[f.path] = at->second;
      } else {
        auto bytes = s.fs.read(full, &error);
        if (!bytes) return s.fail(diags, full, error + "; nothing was published");
        s.hashes[f.path] = hash_bytes(*bytes);
      }
      continue;
    }
    if (f.copy_from.empty()) {  // not copied into a string of its own: site.json is tens of megabytes
      if (!stage(f.path, *f.bytes, diags)) return s.abandon();
      continue;
    }
    auto bytes = bytes_of(s.fs, f, &error);
    if (!bytes) return s.fail(diags, f.copy_from, error + "; nothing was published");
    if (!stage(f.path, *bytes, diags)) return s.abandon();
  }
  // The marker goes with every build: it lists what this one wrote, each file with its hash.
  std::vector<MarkedFile> marked;
  for (const auto& f : files) {
    auto hash = s.hashes.find(f.path);
    if (hash == s.hashes.end()) return s.fail(diags, f.path, "internal error: " + f.path + " was never staged; nothing was published");
    marked.push_back({f.path, hash->second});
  }
  if (!stage(kOutputMarker, output_marker(marked), diags)) return s.abandon();
  made.insert(kOutputMarker);
  // Only the builder's own files that are no longer made go: never a kept, foreign or changed one.
  std::vector<std::string> removed = s.stale_files(made, diags);
  bool in_place = s.fs.is_dir(s.out) && s.staged.size() + removed.size() <= kMaxInPlaceChanges;
  bool ok = in_place ? s.update_in_place(removed, diags) : s.swap_in(diags);
  s.published = ok;
  s.swapped = !in_place;
  if (ok && stats) *stats = {made.size(), s.bytes, s.unchanged.size()};
  return ok;
}

bool StagedOutput::left_in_place(const std::string& path) const {
  const State& s = *state_;
  return s.published && !s.swapped && path != kOutputMarker && !s.staged.count(path);
}

bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files,
                const std::vector<std::string>& keep, Diagnostics& diags, WriteStats* stats) {
  auto staged = StagedOutput::open(fs, out_dir, keep, diags);
  return staged && staged->publish(files, diags, stats);
}

}  // namespace rs
