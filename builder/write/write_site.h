#pragma once
// Stage 5: write. The whole site goes to a staging folder beside the output
// and is swapped in only when every file was written, so a failed build
// leaves the previous output exactly as it was.
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace rs {

struct FileToWrite {
  std::string path;       // relative to the output folder
  const std::string* bytes = nullptr;
  std::string copy_from;  // or copy this input file
  bool keep_previous = false;  // or keep the previous output's file at `path` (known unchanged)
};

struct WriteStats {
  size_t files = 0;
  size_t bytes = 0;
  size_t unchanged = 0;  // linked from the previous output, modification time kept
};

/// Write `files` into `out_dir` atomically. Returns false (with diagnostics) on failure.
bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files, Diagnostics& diags,
                WriteStats* stats = nullptr);

/// A hidden file or folder beside `out_dir`: ("site/public", "staging") → "site/.public.staging".
/// The staging folder, the old output during the swap and the build cache all live there.
std::string beside_output(const std::string& out_dir, const std::string& kind);

}  // namespace rs
