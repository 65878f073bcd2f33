#pragma once
// Whole small sites written as one string (txtar: a line "-- path --" starts
// each file), built in memory through the real pipeline. Tests read like the
// site a user would write and assert what the user would see.
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"
#include "reportsite/pipeline/pipeline.h"

namespace rs::fixture {

/// Sets an environment variable for one scope, restoring what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

/// The folder the fixture site sits in, inside the MemoryFileSystem.
inline const std::string kSiteDir = "site";

/// The smallest site that builds clean: one committee, one confirmed meeting.
/// Extend it by appending more "-- path --" files (a repeated path replaces the file).
inline const std::string kMinimalSite = R"(-- data/site.yaml --
title: Test Council committee reports
organisation: Test Borough Council
as_of: 2019-12-01
-- data/committees.yaml --
- id: audit
  name: Audit Committee
- id: scrutiny
  name: Scrutiny Committee
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Minutes of the previous meeting
    minutes: The minutes of the previous meeting were agreed.
    resolved: That the minutes be signed as a correct record.
)";

/// Put `site` under site/ in `fs`.
inline void add_site(MemoryFileSystem& fs, const std::string& site) { fs.add_txtar(site, kSiteDir); }

/// Build the site already in `fs` (under site/). Writes to site/public unless `o.write` is false.
inline BuildResult build_in(MemoryFileSystem& fs, BuildOptions o = {}) {
  o.site_dir = kSiteDir;
  return build_site(fs, o);
}

/// Build afresh, into `clean`, the site's own inputs in `fs` (its content and
/// data, nothing an earlier build left): what a clean build publishes, to hold
/// an incremental build's output against.
inline BuildResult build_afresh(const MemoryFileSystem& fs, MemoryFileSystem& clean) {
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind(kSiteDir + "/content/", 0) == 0 || path.rfind(kSiteDir + "/data/", 0) == 0) clean.files[path] = bytes;
  return build_in(clean);
}

/// Edit a file of `fs` in place: its first `from` becomes `to`. False when it holds no `from`.
inline bool replace_in(MemoryFileSystem& fs, const std::string& path, const std::string& from, const std::string& to) {
  auto file = fs.files.find(path);
  size_t at = file == fs.files.end() ? std::string::npos : file->second.find(from);
  if (at == std::string::npos) return false;
  file->second.replace(at, from.size(), to);
  return true;
}

/// Build `site` in a fresh MemoryFileSystem. Nothing is written (the file system
/// is thrown away): what would be published is in BuildResult::files.
inline BuildResult build_txtar(const std::string& site, BuildOptions o = {}) {
  MemoryFileSystem fs;
  add_site(fs, site);
  o.write = false;
  return build_in(fs, o);
}

/// Load and resolve `site` only (no checks, no rendering).
inline BuildResult resolve_txtar(const std::string& site, BuildOptions o = {}) {
  MemoryFileSystem fs;
  add_site(fs, site);
  o.site_dir = kSiteDir;
  return load_and_resolve(fs, o);
}

/// Every diagnostic as the command line prints it, in order.
inline std::string diagnostics_text(const BuildResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += format_text(d, r.model.sources);
  return out;
}

/// The rule id of each diagnostic, in order.
inline std::vector<std::string> rules(const BuildResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule);
  return out;
}

/// The rule ids of the errors only, in order.
inline std::vector<std::string> error_rules(const BuildResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) out.push_back(d.rule);
  return out;
}

/// The first diagnostic with `rule`, or nullptr.
inline const Diagnostic* find_rule(const BuildResult& r, const std::string& rule) {
  for (const auto& d : r.diagnostics)
    if (d.rule == rule) return &d;
  return nullptr;
}

/// How many diagnostics have `rule`.
inline size_t count_rule(const BuildResult& r, const std::string& rule) {
  size_t n = 0;
  for (const auto& d : r.diagnostics) n += d.rule == rule;
  return n;
}

/// "site/data/site.yaml:3:1" as a user reads it: path, line and column of the start.
inline std::string position(const BuildResult& r, const Diagnostic& d) {
  Where w = locate(d, r.model.sources);
  return w.path + ":" + std::to_string(w.start.line) + ":" + std::to_string(w.start.column);
}

/// "path:line:col-line:col", the whole span, for asserting its end too.
inline std::string range(const BuildResult& r, const Diagnostic& d) {
  Where w = locate(d, r.model.sources);
  return w.path + ":" + std::to_string(w.start.line) + ":" + std::to_string(w.start.column) + "-" +
         std::to_string(w.end.line) + ":" + std::to_string(w.end.column);
}

/// The output file at `path` (relative to the output root), or nullptr.
inline const OutputFile* file(const BuildResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

/// The bytes of the output file at `path`, or "" when there is none.
inline std::string file_text(const BuildResult& r, const std::string& path) {
  const OutputFile* f = file(r, path);
  return f ? f->bytes : std::string();
}

}  // namespace rs::fixture
