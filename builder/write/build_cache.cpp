#include "reportsite/write/build_cache.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>

#include "reportsite/core/codec.h"
#include "reportsite/core/hash.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/write/output_folder.h"
#include "reportsite/write/write_site.h"

namespace rs {

namespace {
// 5: one binary encoding (core/codec.h), as the memo's; pages record what they read.
// 6: the findings themselves, not their printed text.
constexpr const char* kMagic = "reportsite-cache 7";

/// The cache as stored: everything but the page records, which stay encoded
/// until a rebuild needs them (a no-change check never does).
struct StoredCache {
  std::string builder, key;
  std::vector<Diagnostic> findings;
  std::vector<std::string> finding_files;
  std::vector<InputStamp> inputs;
  std::vector<FileStamp> outputs;
  std::string page_records;
};
auto fields(StoredCache& c) { return std::tie(c.builder, c.key, c.findings, c.finding_files, c.inputs, c.outputs, c.page_records); }

std::string hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::string state_dir(const std::string& site_dir) { return join_path(site_dir, ".reportsite"); }

std::string state_path(const FileSystem& fs, const std::string& site_dir, const std::string& out_dir,
                       const std::string& kind) {
  std::string real = fs.real_path(out_dir);
  std::string name = real.substr(real.rfind('/') + 1);
  if (name.empty()) name = "root";
  return join_path(state_dir(site_dir), name + "-" + hex(hash_bytes(real)).substr(0, 8) + "." + kind);
}

namespace {
/// The hash a stamp vouches for, or the file's hash read afresh.
uint64_t hash_unless_vouched(const FileSystem& fs, const FileStamp& now, const FileStamp* old) {
  if (old && old->size == now.size && old->mtime_ns == now.mtime_ns && old->identity == now.identity) return old->hash;
  auto bytes = fs.read(now.path, nullptr);
  return bytes ? hash_bytes(*bytes) : 0;
}
}  // namespace

std::unordered_map<std::string, FileStamp> intact_outputs(const FileSystem& fs, const std::string& out_dir,
                                                          const std::vector<FileStamp>& outputs) {
  std::vector<FileStamp> now(outputs.size());
  std::vector<char> intact(outputs.size(), 0);
  parallel_for(outputs.size(), [&](size_t i) {
    FileStamp& s = now[i];
    s.path = join_path(out_dir, outputs[i].path);
    fs.stat_identity(s.path, &s.size, &s.mtime_ns, &s.identity);
    intact[i] = s.size == outputs[i].size && hash_unless_vouched(fs, s, &outputs[i]) == outputs[i].hash;
    s.path = outputs[i].path;
    s.hash = outputs[i].hash;
  });
  std::unordered_map<std::string, FileStamp> out;
  for (size_t i = 0; i < outputs.size(); ++i)
    if (intact[i]) out.emplace(now[i].path, std::move(now[i]));
  return out;
}

std::vector<std::string> site_inputs(const FileSystem& fs, const std::string& site_dir) {
  std::vector<std::string> out;
  for (const char* dir : {"data", "content", "themes"})
    for (const auto& rel : fs.list(join_path(site_dir, dir))) out.push_back(join_path(site_dir, std::string(dir) + "/" + rel));
  // Sorted as a whole (content/ before data/): stamp_inputs walks this beside the cache's list.
  std::sort(out.begin(), out.end());
  return out;
}

std::string input_digest(const std::string& path) { return "#" + hex(hash_bytes(path)); }

std::vector<InputStamp> stamp_inputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                     const std::vector<InputStamp>* previous) {
  std::unordered_map<std::string_view, const InputStamp*> recorded;
  if (previous)
    for (const auto& s : *previous) recorded.emplace(s.path, &s);
  // Files are stamped in parallel: a no-change rebuild of a large site is mostly these stat calls.
  std::vector<InputStamp> out(paths.size());
  parallel_for(paths.size(), [&](size_t i) {
    InputStamp s{paths[i]};
    fs.stat_identity(paths[i], &s.size, &s.mtime_ns, &s.identity);
    std::string digest = input_digest(paths[i]);
    auto it = recorded.find(digest);
    const InputStamp* old = it == recorded.end() ? nullptr : it->second;
    s.hash = hash_unless_vouched(fs, s, old);
    s.path = std::move(digest);
    out[i] = std::move(s);
  });
  return out;
}

std::optional<BuildCache> read_cache(const FileSystem& fs, const std::string& path, Diagnostics& diags) {
  if (!fs.exists(path)) return std::nullopt;
  auto bytes = fs.read(path, nullptr);
  auto ignored = [&](const std::string& why) -> std::optional<BuildCache> {
    diags.add({Severity::warning, "cache.ignored", "the build cache is " + why + ": it was ignored and the site rebuilt in full",
               {}, path, {}, {}});
    return std::nullopt;
  };
  if (!bytes) return ignored("unreadable");
  // Layout: magic line, checksum line, body. The checksum covers the body.
  std::string_view all(*bytes);
  size_t first = all.find('\n');
  if (first == std::string_view::npos || all.substr(0, first) != kMagic) return ignored("of another format");
  size_t second = all.find('\n', first + 1);
  if (second == std::string_view::npos) return ignored("truncated");
  std::string_view body = all.substr(second + 1);
  if (all.substr(first + 1, second - first - 1) != hex(hash_bytes(body))) return ignored("damaged (checksum mismatch)");
  auto stored = rs::decode<StoredCache>(body);
  if (!stored) return ignored("damaged");
  // Its paths are read back beside a folder others may write: each must stay inside the output.
  for (const auto& o : stored->outputs)
    if (unsafe_relative_path(o.path)) return ignored("damaged (it names a file outside the output)");
  BuildCache c;
  c.builder = std::move(stored->builder);
  c.key = std::move(stored->key);
  c.findings = std::move(stored->findings);
  c.finding_files = std::move(stored->finding_files);
  c.inputs = std::move(stored->inputs);
  c.outputs = std::move(stored->outputs);
  c.page_records = std::move(stored->page_records);
  return c;
}

PageRecords read_page_records(const BuildCache& cache) {
  PageRecords records = rs::decode<PageRecords>(cache.page_records).value_or(PageRecords{});
  for (const auto& page : records.pages)
    for (const auto& [key, hash] : page.reads)
      if (key >= records.read_keys.size()) return {};
  return records;
}

bool write_cache(FileSystem& fs, const std::string& path, const BuildCache& cache) {
  StoredCache stored{cache.builder, cache.key, cache.findings, cache.finding_files, cache.inputs, cache.outputs, rs::encode(PageRecords{cache.read_keys, cache.pages})};
  std::string body = rs::encode(stored);
  std::string tmp = path + ".tmp";
  if (!fs.write(tmp, std::string(kMagic) + "\n" + hex(hash_bytes(body)) + "\n" + body, nullptr, Access::owner_only))
    return false;
  return fs.rename(tmp, path, nullptr);
}

}  // namespace rs
