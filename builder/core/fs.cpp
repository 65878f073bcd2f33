#include "fs.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <chrono>
#include <fstream>
#include <sstream>
#include <system_error>

namespace rs {

namespace stdfs = std::filesystem;

std::string join_path(const std::string& base, const std::string& name) {
  if (base.empty() || base == ".") return name;
  if (base.back() == '/') return base + name;
  return base + "/" + name;
}

std::optional<std::string> RealFileSystem::read(const std::string& path, std::string* error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot read " + path + ": " + (exists(path) ? "permission denied" : "no such file");
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> RealFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  if (!stdfs::is_directory(dir, ec)) return out;
  // The iterator yields dir + "/" + rest, so the relative path is a suffix;
  // std::filesystem::relative would stat every component of every file.
  std::string prefix = stdfs::path(dir).generic_string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (auto it = stdfs::recursive_directory_iterator(dir, ec); !ec && it != stdfs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string full = it->path().generic_string();
    out.push_back(full.compare(0, prefix.size(), prefix) == 0 ? full.substr(prefix.size())
                                                             : stdfs::relative(it->path(), dir, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RealFileSystem::is_dir(const std::string& path) const {
  std::error_code ec;
  return stdfs::is_directory(path, ec);
}

bool RealFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return stdfs::exists(path, ec);
}

long long RealFileSystem::size(const std::string& path) const {
  std::error_code ec;
  auto n = stdfs::file_size(path, ec);
  return ec ? -1 : static_cast<long long>(n);
}

bool RealFileSystem::append(const std::string& path, const std::string& bytes, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::app | std::ios::ate);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) {
    if (error) *error = "cannot append to " + path;
    return false;
  }
  return true;
}

bool RealFileSystem::write(const std::string& path, const std::string& bytes, std::string* error) {
  std::error_code ec;
  auto parent = stdfs::path(path).parent_path();
  if (!parent.empty()) stdfs::create_directories(parent, ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    if (error) *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool RealFileSystem::remove_all(const std::string& path, std::string* error) {
  std::error_code ec;
  stdfs::remove_all(path, ec);
  if (ec && error) *error = "cannot remove " + path + ": " + ec.message();
  return !ec;
}

bool RealFileSystem::rename(const std::string& from, const std::string& to, std::string* error) {
  std::error_code ec;
  auto parent = stdfs::path(to).parent_path();
  if (!parent.empty() && !stdfs::is_directory(parent, ec)) stdfs::create_directories(parent, ec);
  ec.clear();
  stdfs::rename(from, to, ec);
  if (ec && error) *error = "cannot rename " + from + " to " + to + ": " + ec.message();
  return !ec;
}

bool RealFileSystem::link(const std::string& from, const std::string& to, std::string* error) {
  std::error_code ec;
  auto parent = stdfs::path(to).parent_path();
  if (!parent.empty()) stdfs::create_directories(parent, ec);
  stdfs::create_hard_link(from, to, ec);
  if (!ec) return true;
  ec.clear();
  stdfs::copy_file(from, to, stdfs::copy_options::overwrite_existing, ec);
  if (ec && error) *error = "cannot copy " + from + " to " + to + ": " + ec.message();
  return !ec;
}

long long RealFileSystem::mtime_ns(const std::string& path) const {
  std::error_code ec;
  auto t = stdfs::last_write_time(path, ec);
  if (ec) return -1;
  return static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
}

void RealFileSystem::stat(const std::string& path, long long* size, long long* mtime_ns) const {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *size = *mtime_ns = -1;
    return;
  }
  *size = static_cast<long long>(st.st_size);
  *mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

void MemoryFileSystem::add_txtar(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string line, current, body;
  bool have = false;
  auto flush = [&] {
    if (have) files[join_path(prefix, current)] = body;
  };
  while (std::getline(in, line)) {
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.substr(line.size() - 3) == " --") {
      flush();
      current = line.substr(3, line.size() - 6);
      body.clear();
      have = true;
    } else if (have) {
      body += line + "\n";
    }
  }
  flush();
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path, std::string* error) const {
  auto it = files.find(path);
  if (it == files.end()) {
    if (error) *error = "cannot read " + path + ": no such file";
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() || dir == "." ? "" : (dir.back() == '/' ? dir : dir + "/");
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    out.push_back(it->first.substr(prefix.size()));
  return out;
}

bool MemoryFileSystem::is_dir(const std::string& path) const {
  std::string prefix = path.empty() || path == "." ? "" : path + "/";
  auto it = files.lower_bound(prefix);
  return it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool MemoryFileSystem::exists(const std::string& path) const { return files.count(path) || is_dir(path); }

long long MemoryFileSystem::size(const std::string& path) const {
  auto it = files.find(path);
  return it == files.end() ? -1 : static_cast<long long>(it->second.size());
}

bool MemoryFileSystem::append(const std::string& path, const std::string& bytes, std::string* error) {
  auto it = files.find(path);
  if (it == files.end()) {
    if (error) *error = "cannot append to " + path + ": no such file";
    return false;
  }
  it->second += bytes;
  mtimes[path] = ++clock;
  return true;
}

bool MemoryFileSystem::write(const std::string& path, const std::string& bytes, std::string*) {
  files[path] = bytes;
  mtimes[path] = ++clock;
  return true;
}

bool MemoryFileSystem::link(const std::string& from, const std::string& to, std::string* error) {
  auto it = files.find(from);
  if (it == files.end()) {
    if (error) *error = "cannot link " + from + ": no such file";
    return false;
  }
  files[to] = it->second;
  mtimes[to] = mtime_ns(from);
  return true;
}

long long MemoryFileSystem::mtime_ns(const std::string& path) const {
  auto it = mtimes.find(path);
  return it != mtimes.end() ? it->second : files.count(path) ? 0 : -1;
}

bool MemoryFileSystem::remove_all(const std::string& path, std::string*) {
  files.erase(path);
  std::string prefix = path + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
    it = files.erase(it);
  return true;
}

bool MemoryFileSystem::rename(const std::string& from, const std::string& to, std::string* error) {
  std::map<std::string, std::string> moved;
  std::map<std::string, long long> moved_times;
  if (files.count(from)) moved[to] = files[from], moved_times[to] = mtime_ns(from);
  std::string prefix = from + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    moved[to + "/" + it->first.substr(prefix.size())] = it->second;
    moved_times[to + "/" + it->first.substr(prefix.size())] = mtime_ns(it->first);
  }
  if (moved.empty()) {
    if (error) *error = "cannot rename " + from + ": no such file";
    return false;
  }
  remove_all(from, nullptr);
  remove_all(to, nullptr);
  for (auto& [k, v] : moved) files[k] = std::move(v);
  for (auto& [k, t] : moved_times) mtimes[k] = t;
  return true;
}

}  // namespace rs
