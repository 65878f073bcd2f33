#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "reportsite/cli/commands.h"

namespace {

// Where the caller's own GLIBC_TUNABLES waits while the program starts itself
// again: "unset", or "set:" and the value.
constexpr const char* kCallerTunables = "REPORTSITE_CALLER_TUNABLES";

/// Transparent huge pages for malloc's memory (glibc.malloc.hugetlb=1): page
/// faults on fresh heap cost a third of a build's CPU. 10,000 meetings, paired
/// runs: cold build 66 -> 47 s CPU, one-meeting edit 10.4 -> 7.0 s, the same
/// peak (docs/speed.md). glibc reads tunables only as a program starts, so the
/// program starts itself again once with the setting added. A hugetlb setting
/// of the caller's own is left alone (`GLIBC_TUNABLES=glibc.malloc.hugetlb=0`
/// turns this off); where /proc is missing the build simply goes on without it.
void restart_with_huge_pages(char** argv) {
  if (std::getenv(kCallerTunables)) return;  // this is the second start
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;
  const std::string caller = tunables ? std::string("set:") + tunables : "unset";
  const std::string with_huge =
      (tunables && *tunables ? std::string(tunables) + ":" : std::string()) + "glibc.malloc.hugetlb=1";
  if (setenv(kCallerTunables, caller.c_str(), 1) != 0) return;
  if (setenv("GLIBC_TUNABLES", with_huge.c_str(), 1) == 0) execv("/proc/self/exe", argv);
  // Not restarted: the environment goes back as it was.
  if (tunables) setenv("GLIBC_TUNABLES", caller.c_str() + 4, 1);
  else unsetenv("GLIBC_TUNABLES");
  unsetenv(kCallerTunables);
}

/// After the restart, plugins and every other child see the caller's environment, not ours.
void give_back_caller_tunables() {
  const char* caller = std::getenv(kCallerTunables);
  if (!caller) return;
  if (std::strncmp(caller, "set:", 4) == 0) setenv("GLIBC_TUNABLES", caller + 4, 1);
  else unsetenv("GLIBC_TUNABLES");
  unsetenv(kCallerTunables);
}

}  // namespace

int main(int argc, char** argv) {
  restart_with_huge_pages(argv);
  give_back_caller_tunables();
  // Blocks of 128 KiB and more (site.json, a search shard, a page's text) are
  // mapped and given back when freed. glibc would raise this bound after the
  // first such free, keeping later ones in the heap, where they stay in the
  // peak: 10,000 meetings, cold build 1084 -> 1029 MiB, one-meeting edit
  // 1268 -> 1214 MiB, the same time. A threshold set in GLIBC_TUNABLES is left alone.
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (!tunables || !std::strstr(tunables, "mmap_threshold")) mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  std::vector<std::string> args(argv + 1, argv + argc);
  return rs::run_command_line(args);
}
