#pragma once
// The whole pipeline, load → resolve → check → render → page check → write,
// as one call. The command line and the tests both drive it through here.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/pipeline/registry.h"
#include "reportsite/core/fs.h"
#include "reportsite/model/model.h"
#include "reportsite/render/output.h"
#include "reportsite/resolve/resolve.h"
#include "reportsite/core/version.h"

namespace rs {

struct BuildOptions {
  std::string site_dir = ".";
  std::string out_dir;          // default: <site>/public
  std::optional<Date> as_of;    // --as-of
  bool write = true;            // false for `check`: everything but writing
  std::string version = library_version();  // shown on pages; the builder's identity is build_id()
  bool use_cache = true;        // skip the build when no input changed since the last one
  bool verify_input_keys = false;  // prepare every page anyway; fail if one changed while nothing it read did
  /// Checks, outputs and page rules to run; null: builtin_registry().
  const Registry* registry = nullptr;
  /// Settings the library never reads from the environment (the CLI does:
  /// REPORTSITE_THREADS, REPORTSITE_TIMINGS, SOURCE_DATE_EPOCH, REPORTSITE_VERIFY_INPUT_KEYS).
  unsigned threads = 0;         // worker threads; 0: as many as the machine has
  bool timings = false;         // print each stage's time and memory to stderr
  std::optional<long long> source_date_epoch;  // "today" for as_of, when neither --as-of nor the site sets it
  /// Told as each stage starts ("loading", "rendering", ...), for progress on a terminal.
  std::function<void(const std::string& stage)> on_stage;
};

struct BuildResult {
  Model model;
  ResolvedSite site;
  std::vector<OutputFile> files;      // what was (or would be) written
  std::vector<Diagnostic> diagnostics;  // sorted
  bool published = false;
  bool up_to_date = false;    // nothing changed since the last build: no work was done
  std::string cached_report;  // when up to date: what that build reported
  size_t errors = 0;
  size_t files_read = 0, files_from_cache = 0;  // input files, and those not parsed again
  /// 0 clean (warnings allowed), 1 findings at error level, 2 I/O failure.
  int exit_code = 0;
};

BuildResult build_site(FileSystem& fs, const BuildOptions& options);

/// Load and resolve only (for commands that read the register).
BuildResult load_and_resolve(const FileSystem& fs, const BuildOptions& options);

}  // namespace rs
