#include "reportsite/cli/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <vector>

namespace rs {

namespace {
/// Watch every folder under the inputs; new folders are picked up on the next
/// round. `folders` maps each watch to its folder, relative to the site.
void add_watches(int fd, const std::string& site_dir, std::map<int, std::string>& folders) {
  namespace fs = std::filesystem;
  const uint32_t mask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;
  for (const char* top : {"data", "content", "themes"}) {
    std::error_code ec;
    fs::path root = fs::path(site_dir) / top;
    if (!fs::is_directory(root, ec)) continue;
    if (int wd = inotify_add_watch(fd, root.c_str(), mask); wd >= 0) folders[wd] = top;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_directory(ec))
        if (int wd = inotify_add_watch(fd, it->path().c_str(), mask); wd >= 0)
          folders[wd] = fs::relative(it->path(), site_dir, ec).generic_string();
  }
}

/// An editor's own files beside the one it saves (swap files, backups, vim's
/// "4913" probe) are not the user's change.
bool editors_own(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' ||
         std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The files named by a buffer of inotify events, relative to the site;
/// `created` the ones made during the burst.
void note_changes(const char* buf, ssize_t len, const std::map<int, std::string>& folders,
                  std::set<std::string>& changed, std::set<std::string>& created) {
  for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= len;) {
    const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
    at += sizeof(inotify_event) + e->len;
    auto folder = folders.find(e->wd);
    std::string name = e->len ? std::string(e->name) : std::string();
    if (folder == folders.end()) {
      changed.insert("?");  // a folder not yet watched: no single file to name
    } else if (!editors_own(name)) {
      changed.insert(folder->second + "/" + name);
      if (e->mask & IN_CREATE) created.insert(folder->second + "/" + name);
    }
  }
}

/// A file made and moved away within one save (`sed -i`'s and many editors'
/// temporary copy, renamed over the file saved) is not a change of its own.
void drop_passing_files(const std::string& site_dir, std::set<std::string>& changed, const std::set<std::string>& created) {
  std::error_code ec;
  for (const auto& path : created)
    if (!std::filesystem::exists(std::filesystem::path(site_dir) / path, ec)) changed.erase(path);
}
}  // namespace

int watch_site(const std::string& site_dir, const std::function<void(const std::vector<std::string>&)>& rebuild,
               int max_builds) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    std::cerr << "reportsite: cannot watch for changes (inotify unavailable)\n";
    return 2;
  }
  int builds = 0;
  std::map<int, std::string> folders;
  std::set<std::string> changed;
  add_watches(fd, site_dir, folders);
  for (;;) {
    rebuild(std::vector<std::string>(changed.begin(), changed.end()));
    changed.clear();
    // New folders are watched after the rebuild, not before: walking a large
    // archive's folders takes tens of milliseconds of the edit's latency.
    add_watches(fd, site_dir, folders);
    if (max_builds && ++builds >= max_builds) break;
    std::cerr << "watching " << site_dir << " for changes (Ctrl-C to stop)\n";
    // Wait for a change, then for a quiet 25 ms, so one save is one rebuild:
    // an editor's save (write or rename) comes as one burst of events, and
    // this wait is part of every edit's latency (it was 200 ms).
    pollfd p{fd, POLLIN, 0};
    poll(&p, 1, -1);
    alignas(inotify_event) char buf[64 * 1024];
    std::set<std::string> created;
    do {
      for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) note_changes(buf, n, folders, changed, created);
    } while (poll(&p, 1, 25) > 0);
    drop_passing_files(site_dir, changed, created);
  }
  close(fd);
  return 0;
}

}  // namespace rs
