#pragma once
// Stage 5: write. Every new file goes to a staging folder beside the output
// first; only when all were written does the output change (by swapping the
// staging folder in, or for a small rebuild by renaming the few changed files
// into place), so a failed build leaves the previous output exactly as it was.
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

/// Make `out_dir` hold exactly `files`. Returns false (with diagnostics) on failure.
///
/// When few files change (a rebuild after an edit), only those are written,
/// staged first and then renamed into place, and files no longer made are
/// removed. Otherwise a staging copy of the whole output is swapped in with
/// one rename. The caller must make sure no cache vouches for the output
/// while it changes.
/// The output must be the builder's (see output_folder.h): absent, empty, or
/// marked by an earlier build, holding nothing else but what `keep` names,
/// which is carried into the new output untouched. A symlinked output is
/// followed. Every write is checked and the staged files are flushed to disk
/// before the output changes.
bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files,
                const std::vector<std::string>& keep, Diagnostics& diags, WriteStats* stats = nullptr);

/// A hidden file or folder beside `out_dir`: ("site/public", "staging") → "site/.public.staging".
/// The staging folder, the old output during the swap and the build cache all live there.
std::string beside_output(const std::string& out_dir, const std::string& kind);

}  // namespace rs
