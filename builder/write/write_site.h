#pragma once
// Stage 5: write. Every new file goes to a staging folder beside the output
// first; only when all were written does the output change (by swapping the
// staging folder in, or for a small rebuild by renaming the few changed files
// into place), so a failed build leaves the previous output exactly as it was.
#include <memory>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"

namespace rs {

struct FileToWrite {
  std::string path;       // relative to the output folder
  const std::string* bytes = nullptr;
  std::string copy_from;  // or copy this input file
  bool keep_previous = false;  // or keep the previous output's file at `path` (known unchanged)
  bool staged = false;         // or its bytes went to StagedOutput::stage already
};

struct WriteStats {
  size_t files = 0;
  size_t bytes = 0;
  size_t unchanged = 0;  // linked from the previous output, modification time kept
};

/// A build's new output, written into a staging folder beside the output
/// while the build goes on (each page as soon as it is drawn and checked, so
/// no stage holds the whole site), then put in place at once by publish().
/// Until then the output is untouched: a build that fails, or an object
/// destroyed unpublished, leaves it exactly as it was.
///
/// publish() makes the output hold exactly the files it is given. When few
/// change (a rebuild after an edit), those are renamed into place from the
/// staging folder and files no longer made are removed; otherwise the staging
/// folder is completed (unchanged files linked from the old output, so they
/// keep their modification time) and swapped in with one rename. The caller
/// must make sure no cache vouches for the output while it changes.
/// The output must be the builder's (see output_folder.h): absent, empty, or
/// marked by an earlier build, holding nothing else but what `keep` names,
/// which is carried into the new output untouched. A symlinked output is
/// followed. Every write is checked and the staged files are flushed to disk
/// before the output changes.
class StagedOutput {
 public:
  /// Claims `out_dir` for a build; nullptr, with an error in `diags`, when it may not.
  static std::unique_ptr<StagedOutput> open(FileSystem& fs, const std::string& out_dir,
                                            const std::vector<std::string>& keep, Diagnostics& diags);
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  /// Stages one file's bytes; safe from any thread. Bytes the output already
  /// holds at `path` are not written again. False (with an error) on failure.
  /// `hash`, when given, is set to hash_bytes(bytes).
  bool stage(const std::string& path, const std::string& bytes, Diagnostics& diags, uint64_t* hash = nullptr);
  /// The same for a file given as pieces, whose kept ranges are of the file
  /// the output holds at `path` now: streamed through a small buffer while
  /// hashed, so neither file is held whole.
  bool stage(const std::string& path, const FilePieces& pieces, Diagnostics& diags, uint64_t* hash = nullptr);
  /// Puts the output in place: `files` are every file the build makes, each
  /// staged already, or with bytes, a file to copy, or keep_previous.
  bool publish(const std::vector<FileToWrite>& files, Diagnostics& diags, WriteStats* stats = nullptr);
  /// After a publish: true when the file at `path` is the very one that was
  /// there before (not renamed, linked or written), so a stat taken before
  /// the build still describes it.
  bool left_in_place(const std::string& path) const;

 private:
  struct State;
  explicit StagedOutput(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// Make `out_dir` hold exactly `files` (StagedOutput, all at once). Returns false (with diagnostics) on failure.
bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files,
                const std::vector<std::string>& keep, Diagnostics& diags, WriteStats* stats = nullptr);

/// A hidden file or folder beside `out_dir`: ("site/public", "staging") → "site/.public.staging".
/// The staging folder, the old output during the swap and the build cache all live there.
std::string beside_output(const std::string& out_dir, const std::string& kind);

}  // namespace rs
