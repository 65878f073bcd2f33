#include "build_cache.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/strings.h"
#include "write_site.h"

namespace rs {

namespace {
constexpr const char* kMagic = "reportsite-cache 4";

std::string hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

/// Lengths are written before strings, so any byte may appear in a path or report.
void put(std::string& out, const std::string& s) { out += std::to_string(s.size()) + ":" + s + "\n"; }
bool get(std::string_view& in, std::string& s) {
  size_t colon = in.find(':');
  if (colon == std::string_view::npos || colon > 12) return false;
  size_t n = 0;
  for (char c : in.substr(0, colon)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (in.size() < colon + 1 + n + 1 || in[colon + 1 + n] != '\n') return false;
  s = std::string(in.substr(colon + 1, n));
  in.remove_prefix(colon + 1 + n + 1);
  return true;
}
bool get_number(std::string_view& in, long long& v) {
  std::string s;
  if (!get(in, s) || s.empty()) return false;
  char* end = nullptr;
  v = std::strtoll(s.c_str(), &end, 10);
  return *end == '\0';
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

std::unordered_set<std::string> intact_outputs(const FileSystem& fs, const std::string& out_dir,
                                               const std::vector<FileStamp>& outputs) {
  std::vector<char> intact(outputs.size(), 0);
  parallel_for(outputs.size(), [&](size_t i) {
    FileStamp now{join_path(out_dir, outputs[i].path)};
    fs.stat_identity(now.path, &now.size, &now.mtime_ns, &now.identity);
    intact[i] = now.size == outputs[i].size && hash_unless_vouched(fs, now, &outputs[i]) == outputs[i].hash;
  });
  std::unordered_set<std::string> out;
  for (size_t i = 0; i < outputs.size(); ++i)
    if (intact[i]) out.insert(outputs[i].path);
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
  BuildCache c;
  long long inputs = 0, outputs = 0;
  if (!get(body, c.builder) || !get(body, c.key) || !get(body, c.report) || !get_number(body, inputs) || inputs < 0) return ignored("damaged");
  auto get_stamp = [&](FileStamp& s) {
    std::string hash;
    if (!get(body, s.path) || !get_number(body, s.size) || !get_number(body, s.mtime_ns) ||
        !get_number(body, s.identity) || !get(body, hash))
      return false;
    s.hash = std::strtoull(hash.c_str(), nullptr, 16);
    return true;
  };
  for (long long i = 0; i < inputs; ++i) {
    if (!get_stamp(c.inputs.emplace_back())) return ignored("damaged");
  }
  if (!get_number(body, outputs) || outputs < 0) return ignored("damaged");
  for (long long i = 0; i < outputs; ++i) {
    if (!get_stamp(c.outputs.emplace_back())) return ignored("damaged");
  }
  c.page_records = std::string(body);
  return c;
}

std::vector<PageRecord> read_page_records(const BuildCache& cache) {
  std::string_view body(cache.page_records);
  std::vector<PageRecord> out;
  long long pages = 0;
  if (!get_number(body, pages) || pages < 0) return {};
  for (long long i = 0; i < pages; ++i) {
    PageRecord p;
    std::string fingerprint, input_key, ids;
    if (!get(body, p.path) || !get(body, fingerprint) || !get(body, input_key) || !get(body, p.title) ||
        !get(body, ids))
      return {};
    p.fingerprint = std::strtoull(fingerprint.c_str(), nullptr, 16);
    p.input_key = std::strtoull(input_key.c_str(), nullptr, 16);
    // Ids never hold spaces (HTML forbids it), so one line holds them all.
    for (size_t start = 0; start < ids.size();) {
      size_t space = std::min(ids.find(' ', start), ids.size());
      p.ids.push_back(ids.substr(start, space - start));
      start = space + 1;
    }
    out.push_back(std::move(p));
  }
  return out;
}

bool write_cache(FileSystem& fs, const std::string& path, const BuildCache& cache) {
  std::string body;
  put(body, cache.builder);
  put(body, cache.key);
  put(body, cache.report);
  auto put_stamp = [&](const FileStamp& s) {
    put(body, s.path);
    put(body, std::to_string(s.size));
    put(body, std::to_string(s.mtime_ns));
    put(body, std::to_string(s.identity));
    put(body, hex(s.hash));
  };
  put(body, std::to_string(cache.inputs.size()));
  for (const auto& s : cache.inputs) put_stamp(s);
  put(body, std::to_string(cache.outputs.size()));
  for (const auto& o : cache.outputs) put_stamp(o);
  put(body, std::to_string(cache.pages.size()));
  for (const auto& p : cache.pages) {
    std::string ids;
    for (const auto& id : p.ids) ids += (ids.empty() ? "" : " ") + id;
    put(body, p.path);
    put(body, hex(p.fingerprint));
    put(body, hex(p.input_key));
    put(body, p.title);
    put(body, ids);
  }
  std::string tmp = path + ".tmp";
  if (!fs.write(tmp, std::string(kMagic) + "\n" + hex(hash_bytes(body)) + "\n" + body, nullptr, Access::owner_only))
    return false;
  return fs.rename(tmp, path, nullptr);
}

}  // namespace rs
