#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "reportsite/cli/commands.h"

int main(int argc, char** argv) {
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
