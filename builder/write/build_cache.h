#pragma once
// The build cache: what every input looked like when the output was last
// published, and what every output file held. A rebuild whose inputs,
// settings and builder all match, over an output that still holds what was
// written, does no work. The cache is a hint, never trusted blindly: a
// truncated, corrupt or old-format file is ignored, and a cache restored or
// copied from elsewhere is caught by the files' identities and hashes.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"

namespace rs {

/// A file as last seen: its hash is trusted again only while size, time and
/// identity (ctime, inode, device) are all unchanged.
struct FileStamp {
  std::string path;  // an output's path; for an input, input_digest() of it
  long long size = 0;
  long long mtime_ns = 0;
  long long identity = 0;
  uint64_t hash = 0;  // of the bytes
  bool operator==(const FileStamp&) const = default;
};
inline auto fields(FileStamp& s) { return std::tie(s.path, s.size, s.mtime_ns, s.identity, s.hash); }
using InputStamp = FileStamp;

/// A page as last published: what drew it and what other pages' checks need of it.
struct PageRecord {
  std::string path;
  uint64_t fingerprint = 0;
  std::vector<std::pair<uint32_t, uint64_t>> reads;  // what it read (render/page_reads.h): a key's
                                                     // place in the cache's read_keys, and its hash
  std::string title;             // as the page check read it
  std::vector<std::string> ids;  // sorted
};
inline auto fields(PageRecord& p) { return std::tie(p.path, p.fingerprint, p.reads, p.title, p.ids); }

/// The pages of a cache, with every key they read written once: most keys
/// ("settings", a meeting) are read by many pages.
struct PageRecords {
  std::vector<std::string> read_keys;
  std::vector<PageRecord> pages;
};
inline auto fields(PageRecords& p) { return std::tie(p.read_keys, p.pages); }

struct BuildCache {
  std::string builder;              // the builder and output folder: pages drawn by another builder are not reused
  std::string key;                  // builder, settings and as_of that the output depends on
  std::vector<InputStamp> inputs;   // in the order of site_inputs()
  std::vector<FileStamp> outputs;   // every file written, relative to the output, as written
  std::vector<Diagnostic> findings;        // what the build found about the site (its spans' files index finding_files)
  std::vector<std::string> finding_files;  // the sources those findings point into
  std::vector<PageRecord> pages;    // pages that passed the page check with no finding (read by read_page_records)
  std::vector<std::string> read_keys;  // the keys those pages' reads name by place
  std::string page_records;         // as read: parsed only when a rebuild needs them, not for a no-change check
};

/// Where the build keeps its state (kind "cache", "memo") for the output
/// `out_dir`: in the site's own .reportsite/ folder, owner-only, and never in or
/// beside the output, which may be a web root (the memo holds what was read).
/// One output folder, one name: its base name and a hash of its real path.
std::string state_path(const FileSystem& fs, const std::string& site_dir, const std::string& out_dir,
                       const std::string& kind);
/// The site's folder of build state (made owner-only by the build).
std::string state_dir(const std::string& site_dir);
/// Every input of a site: data/, content/ and themes/, sorted.
std::vector<std::string> site_inputs(const FileSystem& fs, const std::string& site_dir);
/// What the cache records of an input's path: a digest, since a file's name
/// alone (an exempt item's document) may say what must not be published.
std::string input_digest(const std::string& path);
/// Stamps of `paths`, named by input_digest(), in the same order; hashes only
/// where `previous` does not vouch for size, time and identity.
std::vector<InputStamp> stamp_inputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                     const std::vector<InputStamp>* previous);
/// The outputs that still hold what was written (same size, and the same
/// identity or else the same hash), checked on all cores: only those may be
/// reused, and a build is up to date only when all are. Each is given by its
/// path with its stamp as found now, which stays true of a file the build
/// then leaves alone.
std::unordered_map<std::string, FileStamp> intact_outputs(const FileSystem& fs, const std::string& out_dir,
                                                          const std::vector<FileStamp>& outputs);
/// The cache, or nullopt when absent; a damaged one gives a cache.ignored warning.
std::optional<BuildCache> read_cache(const FileSystem& fs, const std::string& path, Diagnostics& diags);
bool write_cache(FileSystem& fs, const std::string& path, const BuildCache& cache);
/// The page records of a cache as read; empty when they are damaged (a
/// read naming no key of the table among them).
PageRecords read_page_records(const BuildCache& cache);

}  // namespace rs
