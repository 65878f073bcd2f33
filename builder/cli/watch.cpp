#include "reportsite/cli/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <vector>

namespace rs {

namespace {
/// Watch every folder under the inputs; new folders are picked up on the next round.
void add_watches(int fd, const std::string& site_dir) {
  namespace fs = std::filesystem;
  const uint32_t mask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;
  for (const char* top : {"data", "content", "themes"}) {
    std::error_code ec;
    fs::path root = fs::path(site_dir) / top;
    if (!fs::is_directory(root, ec)) continue;
    inotify_add_watch(fd, root.c_str(), mask);
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_directory(ec)) inotify_add_watch(fd, it->path().c_str(), mask);
  }
}
}  // namespace

int watch_site(const std::string& site_dir, const std::function<void()>& rebuild, int max_builds) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    std::cerr << "reportsite: cannot watch for changes (inotify unavailable)\n";
    return 2;
  }
  int builds = 0;
  for (;;) {
    add_watches(fd, site_dir);
    rebuild();
    if (max_builds && ++builds >= max_builds) break;
    std::cerr << "watching " << site_dir << " for changes (Ctrl-C to stop)\n";
    // Wait for a change, then for a quiet 25 ms, so one save is one rebuild:
    // an editor's save (write or rename) comes as one burst of events, and
    // this wait is part of every edit's latency (it was 200 ms).
    pollfd p{fd, POLLIN, 0};
    poll(&p, 1, -1);
    std::vector<char> buf(64 * 1024);
    do {
      while (read(fd, buf.data(), buf.size()) > 0) {
      }
    } while (poll(&p, 1, 25) > 0);
  }
  close(fd);
  return 0;
}

}  // namespace rs
