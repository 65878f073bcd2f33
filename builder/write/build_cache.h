#pragma once
// The build cache beside the output (".public.cache" for "public"): what every
// input looked like when the output was last published. A rebuild whose inputs,
// settings and builder all match does no work. The cache is a hint, never
// trusted blindly: a truncated, corrupt or old-format file is ignored.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace rs {

struct InputStamp {
  std::string path;
  long long size = 0;
  long long mtime_ns = 0;
  uint64_t hash = 0;  // of the bytes
  bool operator==(const InputStamp&) const = default;
};

/// A page as last published: what drew it and what other pages' checks need of it.
struct PageRecord {
  std::string path;
  uint64_t fingerprint = 0;
  uint64_t input_key = 0;        // of the inputs it was made from, when the page declares them
  std::string title;             // as the page check read it
  std::vector<std::string> ids;  // sorted
};

struct BuildCache {
  std::string builder;              // the builder and output folder: pages drawn by another builder are not reused
  std::string key;                  // builder, settings and as_of that the output depends on
  std::vector<InputStamp> inputs;   // sorted by path
  std::vector<std::string> outputs; // every file written, relative to the output
  std::string report;               // what the build printed, to print again
  std::vector<PageRecord> pages;    // pages that passed the page check with no finding (read by read_page_records)
  std::string page_records;         // as read: parsed only when a rebuild needs them, not for a no-change check
};

std::string cache_path_for(const std::string& out_dir);
/// Every input of a site: data/, content/ and themes/, sorted.
std::vector<std::string> site_inputs(const FileSystem& fs, const std::string& site_dir);
/// Stamps of `paths`; hashes only where `previous` does not vouch for size and time.
std::vector<InputStamp> stamp_inputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                     const std::vector<InputStamp>* previous);
/// The cache, or nullopt when absent; a damaged one gives a cache.ignored warning.
std::optional<BuildCache> read_cache(const FileSystem& fs, const std::string& path, Diagnostics& diags);
bool write_cache(FileSystem& fs, const std::string& path, const BuildCache& cache);
/// The page records of a cache as read; empty when they are damaged.
std::vector<PageRecord> read_page_records(const BuildCache& cache);

}  // namespace rs
