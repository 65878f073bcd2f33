#pragma once
// The output folder is the builder's alone. It writes only into a folder that
// is absent, empty, or carries the marker of an earlier build, and never
// removes a file it did not write: a mistyped --out must not cost a council
// its files. The marker (".reportsite-output" at the output's root) lists
// every file the build wrote and a hash of its bytes, so the next build knows
// which are its own; it removes a file no longer made only when the file is
// still as it wrote it, and never follows an entry out of the folder.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <string>
#include <vector>

#include "reportsite/core/fs.h"

namespace rs {

inline constexpr const char* kOutputMarker = ".reportsite-output";

/// Why `out` may never be an output folder (it is the root, the home folder,
/// holds the site, or lies in its data/, content/, themes/ or state folder),
/// or why it is not ours to write (not a folder; not empty and not marked).
/// nullopt when the build may go on. Checked before any work is done.
std::optional<std::string> refuse_output(const FileSystem& fs, const std::string& out, const std::string& site_dir);

/// One file a build wrote, as its marker records it. The hash of its bytes
/// lets the next build tell the builder's file from one changed by hand.
struct MarkedFile {
  std::string path;              // relative to the output
  std::optional<uint64_t> hash;  // absent in markers of format 1, which listed paths only
  bool operator==(const MarkedFile&) const = default;
};

/// What the marker of an output folder says. The marker lies in a folder
/// others may write (a web root, a file share), so nothing in it is trusted:
/// an entry that is not a plain path inside the output, or a line that is not
/// a hash and a path, is set aside; a marker whose first line is not one of
/// ours makes the folder foreign, as if it had none.
struct OutputMarker {
  enum class State { absent, ours, damaged, newer };
  State state = State::absent;
  std::vector<MarkedFile> files;                              // entries that are plain paths inside the output
  std::vector<std::pair<std::string, std::string>> refused;  // other entries (printable), and why each was refused
  std::string problem;                                        // for damaged or newer: what is wrong, for people
};

/// The marker of `out`, read and checked.
OutputMarker read_output_marker(const FileSystem& fs, const std::string& out);
/// Why a folder whose marker is damaged or newer is not the builder's to write, and how to go on.
std::string foreign_marker_message(const std::string& out, const OutputMarker& marker);
/// The marker's bytes for a build that writes `files`.
std::string output_marker(const std::vector<MarkedFile>& files);

/// Why `path`, read back from state a person or another program may have
/// edited (the marker, the cache), cannot name a file inside a folder, by the
/// rule for every output path (output_path_fault); nullopt for a plain relative path.
std::optional<std::string> unsafe_relative_path(std::string_view path);
/// `path` with control characters shown as \xNN, so a message cannot rewrite the terminal.
std::string printable_path(std::string_view path);
/// True when `dir` (absolute, resolved) holds `path` (absolute, resolved), or is it.
bool path_inside(const std::string& path, const std::string& dir);

/// True when `path` (relative to the output) is named by a `keep:` entry:
/// "CNAME" names that file, ".well-known/" or ".git" that folder and all in it.
bool kept_by(const std::string& path, const std::vector<std::string>& keep);

/// Entries of `out` that neither the last build wrote nor `keep` names:
/// someone else's files, which a build must not remove.
std::vector<std::string> foreign_entries(const FileSystem& fs, const std::string& out,
                                         const std::vector<std::string>& written, const std::vector<std::string>& keep);

/// The folder a build really writes: a symlinked output is followed, so the
/// link stays a link and its target gets the new site.
std::string output_target(const FileSystem& fs, const std::string& out);

}  // namespace rs
