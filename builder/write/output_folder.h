#pragma once
// The output folder is the builder's alone. It writes only into a folder that
// is absent, empty, or carries the marker of an earlier build, and never
// removes a file it did not write: a mistyped --out must not cost a council
// its files. The marker (".reportsite-output" at the output's root) lists
// every file the build wrote, so the next build knows which are its own.
#include <optional>
#include <string>
#include <vector>

#include "core/fs.h"

namespace rs {

inline constexpr const char* kOutputMarker = ".reportsite-output";

/// Why `out` may never be an output folder (it is the root, the home folder,
/// holds the site, or lies in its data/, content/, themes/ or state folder),
/// or why it is not ours to write (not a folder; not empty and not marked).
/// nullopt when the build may go on. Checked before any work is done.
std::optional<std::string> refuse_output(const FileSystem& fs, const std::string& out, const std::string& site_dir);

/// The files the last build wrote into `out`, from its marker; nullopt when
/// there is no marker (or it is not one of ours).
std::optional<std::vector<std::string>> read_output_marker(const FileSystem& fs, const std::string& out);
/// The marker's bytes for a build that writes `paths`.
std::string output_marker(const std::vector<std::string>& paths);

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
