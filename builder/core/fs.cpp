#include "reportsite/core/fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <filesystem>
#include <chrono>
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
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct ::stat st {};
  std::string why;
  if (fd < 0) why = errno == ENOENT ? "no such file" : std::strerror(errno);
  else if (::fstat(fd, &st) != 0) why = std::strerror(errno);
  else if (S_ISDIR(st.st_mode)) why = "it is a folder, not a file";
  std::string bytes;
  if (why.empty()) {
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) why = std::strerror(errno);
      if (n <= 0) break;
      bytes.append(buf, static_cast<size_t>(n));
    }
  }
  if (fd >= 0) ::close(fd);
  if (!why.empty()) {
    if (error) *error = "cannot read " + path + ": " + why;
    return std::nullopt;
  }
  return bytes;
}

bool RealFileSystem::read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                                std::string* error) const {
  into.resize(length);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  size_t got = 0;
  std::string why = fd < 0 ? (errno == ENOENT ? "no such file" : std::strerror(errno)) : "";
  while (fd >= 0 && got < length) {
    ssize_t n = ::pread(fd, into.data() + got, length - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) why = std::strerror(errno);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (fd >= 0) ::close(fd);
  into.resize(got);
  if (!why.empty()) {
    if (error) *error = "cannot read " + path + ": " + why;
    return false;
  }
  return true;
}

namespace {
/// Every entry under `dir` for which `name_of` gives a name (the suffix to
/// append to its relative path), sorted; `name_of` returns nullopt to skip one.
template <typename NameOf>
std::vector<std::string> walk_tree(const std::string& dir, NameOf name_of) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!stdfs::is_directory(dir, ec)) return out;
  // The iterator yields dir + "/" + rest, so the relative path is a suffix;
  // std::filesystem::relative would stat every component of every file.
  std::string prefix = stdfs::path(dir).generic_string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (auto it = stdfs::recursive_directory_iterator(dir, ec); !ec && it != stdfs::recursive_directory_iterator();
       it.increment(ec)) {
    std::optional<std::string_view> suffix = name_of(*it);
    if (!suffix) continue;
    std::string full = it->path().generic_string();
    out.push_back((full.compare(0, prefix.size(), prefix) == 0 ? full.substr(prefix.size())
                                                               : stdfs::relative(it->path(), dir, ec).generic_string()) +
                  std::string(*suffix));
  }
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::vector<std::string> RealFileSystem::list(const std::string& dir) const {
  return walk_tree(dir, [](const stdfs::directory_entry& e) -> std::optional<std::string_view> {
    std::error_code ec;
    if (!e.is_regular_file(ec)) return std::nullopt;
    return "";
  });
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

namespace {
std::string errno_text() { return std::strerror(errno); }

/// Write all of `bytes` to `fd`, through short writes and interruptions.
bool write_all(int fd, const std::string& bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n, left -= static_cast<size_t>(n);
  }
  return true;
}

/// Open, write everything, close: each step checked, since a full disk may
/// show only at close.
bool write_file(const std::string& path, int flags, mode_t mode, const std::string& bytes, std::string* error) {
  int fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) {
    if (error) *error = "cannot write " + path + ": " + errno_text();
    return false;
  }
  bool ok = write_all(fd, bytes);
  std::string why = ok ? "" : errno_text();
  if (::close(fd) != 0 && ok) ok = false, why = errno_text();
  if (!ok && error) *error = "cannot write " + path + ": " + why;
  return ok;
}
}  // namespace

bool FileSystem::read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                            std::string* error) const {
  auto bytes = read(path, error);
  if (!bytes) return false;
  into.assign(offset < bytes->size() ? std::string_view(*bytes).substr(offset, length) : std::string_view());
  return true;
}

std::string FileSystem::real_path(const std::string& path) const {
  return stdfs::path("/" + path).lexically_normal().generic_string();
}

bool RealFileSystem::append(const std::string& path, const std::string& bytes, std::string* error) {
  return write_file(path, O_APPEND, 0, bytes, error);
}

bool RealFileSystem::write(const std::string& path, const std::string& bytes, std::string* error, Access access) {
  std::error_code ec;
  auto parent = stdfs::path(path).parent_path();
  if (!parent.empty() && !stdfs::is_directory(parent, ec)) stdfs::create_directories(parent, ec);
  if (access == Access::owner_only) {
    // Made as the owner's alone from the start: never readable by others, even for a moment.
    ::unlink(path.c_str());
    return write_file(path, O_CREAT | O_EXCL, 0600, bytes, error);
  }
  return write_file(path, O_CREAT | O_TRUNC, 0666, bytes, error);
}

bool RealFileSystem::make_private_dir(const std::string& path, std::string* error) {
  std::error_code ec;
  stdfs::create_directories(path, ec);
  if (ec || ::chmod(path.c_str(), 0700) != 0) {
    if (error) *error = "cannot make the folder " + path + ": " + (ec ? ec.message() : errno_text());
    return false;
  }
  return true;
}

bool RealFileSystem::exchange(const std::string& a, const std::string& b, std::string* error) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (error) *error = "cannot swap " + a + " and " + b + ": " + errno_text();
  return false;
}

bool RealFileSystem::sync(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  bool ok = fd >= 0 && ::syncfs(fd) == 0;
  std::string why = ok ? "" : errno_text();
  if (fd >= 0) ::close(fd);
  if (!ok && error) *error = "cannot flush " + path + " to disk: " + why;
  return ok;
}

namespace {
class FlockLock : public FileLock {
 public:
  explicit FlockLock(int fd) : fd_(fd) {}
  ~FlockLock() override { ::close(fd_); }  // closing releases the lock
 private:
  int fd_;
};
}  // namespace

std::unique_ptr<FileLock> RealFileSystem::lock(const std::string& path, const std::string& who, std::string* holder,
                                               std::string* error) {
  // Never through a link: the lock is truncated and written, so a link planted
  // beside a shared output would have the build overwrite whatever it named.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    if (error)
      *error = errno == ELOOP ? "the lock " + path + " is a symbolic link, which reportsite never makes; remove it"
                              : "cannot make the lock " + path + ": " + errno_text();
    return nullptr;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      char buf[512];
      ssize_t n = ::pread(fd, buf, sizeof buf, 0);
      std::string text = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "another build";
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      // Read back from a file others may write: shown, never obeyed by the terminal.
      for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
      if (holder) *holder = text;
    } else if (error) {
      *error = "cannot lock " + path + ": " + errno_text();
    }
    ::close(fd);
    return nullptr;
  }
  // Who holds it, for the message a second build prints; a failure here loses only that.
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, who.data(), who.size(), 0);
  return std::make_unique<FlockLock>(fd);
}

namespace {
/// list_entries' walk below the open folder `dir_fd`, whose entries are named
/// `prefix` + name. One open, a read or two and one close per folder: an
/// output of 10,000 meetings has 25,000 folders, on which std::filesystem's
/// iterator spent 16 system calls each (1.4 s a build on a virtual machine).
void walk_entries(int dir_fd, const std::string& prefix, std::vector<std::string>& out) {
  alignas(struct dirent64) char buf[1 << 15];
  bool any = false;
  std::vector<std::string> folders;
  for (;;) {
    ssize_t n = ::getdents64(dir_fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* entry = reinterpret_cast<const struct dirent64*>(buf + at);
      at += entry->d_reclen;
      const std::string_view name(entry->d_name);
      if (name == "." || name == "..") continue;
      any = true;
      bool folder = entry->d_type == DT_DIR;
      if (entry->d_type == DT_UNKNOWN) {  // file systems that do not say: ask, without following a link
        struct ::stat st {};
        folder = ::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
      }
      if (folder) folders.emplace_back(name);
      else out.push_back(prefix + std::string(name));
    }
  }
  for (const auto& name : folders) {
    int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    // A folder that cannot be read is named as a file: it may hold anything, so it is no one's to take as empty.
    if (fd < 0) {
      out.push_back(prefix + name);
      continue;
    }
    walk_entries(fd, prefix + name + "/", out);
    ::close(fd);
  }
  if (!any && !prefix.empty()) out.push_back(prefix);  // an empty folder, named with its "/"
}
}  // namespace

std::vector<std::string> RealFileSystem::list_entries(const std::string& dir) const {
  // Folders that hold something are counted through what they hold; an empty one is named with a "/".
  std::vector<std::string> out;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return out;
  walk_entries(fd, "", out);
  ::close(fd);
  std::sort(out.begin(), out.end());
  return out;
}

bool RealFileSystem::is_symlink(const std::string& path) const {
  std::error_code ec;
  return stdfs::is_symlink(path, ec);
}

std::string RealFileSystem::real_path(const std::string& path) const {
  std::error_code ec;
  auto p = stdfs::weakly_canonical(stdfs::absolute(path, ec), ec);
  return ec ? stdfs::absolute(path).lexically_normal().generic_string() : p.generic_string();
}

void RealFileSystem::stat_identity(const std::string& path, long long* size, long long* mtime_ns,
                                   long long* identity) const {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *size = *mtime_ns = *identity = -1;
    return;
  }
  *size = static_cast<long long>(st.st_size);
  *mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  // ctime cannot be set back by a user, and the inode and device change when a file is replaced or copied.
  uint64_t h = static_cast<uint64_t>(st.st_ctim.tv_sec) * 1000000000ULL + static_cast<uint64_t>(st.st_ctim.tv_nsec);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(st.st_ino);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(st.st_dev);
  *identity = static_cast<long long>(h & 0x7fffffffffffffffULL);
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

bool MemoryFileSystem::read_range(const std::string& path, uint64_t offset, size_t length, std::string& into,
                                  std::string* error) const {
  auto it = files.find(path);
  if (it == files.end()) {
    if (error) *error = "cannot read " + path + ": no such file";
    return false;
  }
  const std::string_view bytes = it->second;
  into.assign(offset < bytes.size() ? bytes.substr(offset, length) : std::string_view());
  return true;
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

bool MemoryFileSystem::write(const std::string& path, const std::string& bytes, std::string*, Access access) {
  files[path] = bytes;
  mtimes[path] = ++clock;
  if (access == Access::owner_only) owner_only.insert(path);
  else owner_only.erase(path);
  return true;
}

void MemoryFileSystem::stat_identity(const std::string& path, long long* size, long long* mtime_ns,
                                     long long* identity) const {
  stat(path, size, mtime_ns);
  auto it = identities.find(path);
  *identity = it == identities.end() ? 0 : it->second;
}

bool MemoryFileSystem::make_private_dir(const std::string&, std::string*) { return true; }

bool MemoryFileSystem::exchange(const std::string& a, const std::string& b, std::string* error) {
  if (!exists(a) || !exists(b)) {
    if (error) *error = "cannot swap " + a + " and " + b + ": no such file";
    return false;
  }
  std::string aside = a + ".swap-aside";
  return rename(a, aside, error) && rename(b, a, error) && rename(aside, b, error);
}

bool MemoryFileSystem::sync(const std::string&, std::string*) { return true; }

namespace {
class MemoryLock : public FileLock {
 public:
  MemoryLock(std::map<std::string, std::string>& locks, std::string path) : locks_(locks), path_(std::move(path)) {}
  ~MemoryLock() override { locks_.erase(path_); }

 private:
  std::map<std::string, std::string>& locks_;
  std::string path_;
};
}  // namespace

std::unique_ptr<FileLock> MemoryFileSystem::lock(const std::string& path, const std::string& who, std::string* holder,
                                                 std::string*) {
  auto [it, taken] = locks.emplace(path, who);
  if (!taken) {
    if (holder) *holder = it->second;
    return nullptr;
  }
  return std::make_unique<MemoryLock>(locks, path);
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
  std::set<std::string> private_files;
  for (const auto& [k, v] : moved) {
    std::string was = k == to ? from : from + k.substr(to.size());
    if (owner_only.erase(was)) private_files.insert(k);
  }
  remove_all(from, nullptr);
  remove_all(to, nullptr);
  owner_only.insert(private_files.begin(), private_files.end());
  for (auto& [k, v] : moved) files[k] = std::move(v);
  for (auto& [k, t] : moved_times) mtimes[k] = t;
  return true;
}

}  // namespace rs
