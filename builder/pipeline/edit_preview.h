#pragma once
// `watch`'s first answer to a save: the page of the one meeting a save
// changed, drawn from the model the last published build loaded (kept in
// memory, with only that file loaded again), checked as every page is, and
// written over the published page before the whole rebuild runs. A full
// incremental build takes seconds on a large archive, because site.json, open
// data and the search index are remade whole; this takes milliseconds.
//
// The output is never left between two builds: when the rebuild that follows
// does not publish (the edit has an error the meeting alone could not show),
// restore() puts the page back as it was.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reportsite/core/fs.h"
#include "reportsite/pipeline/pipeline.h"
#include "reportsite/pipeline/registry.h"

namespace rs {

class EditPreview {
 public:
  EditPreview(BuildOptions options, const Registry& registry);

  /// After a build that published: keep its model, site and file list (moved out of `r`).
  void keep(BuildResult& r);
  /// Load the site afresh when nothing is kept (the first build found it up to date).
  void load(const FileSystem& fs);
  bool ready() const { return kept_.has_value(); }
  /// A page is shown and its rebuild has not yet published.
  bool shown() const { return shown_.has_value(); }

  /// When `changed` (paths the save touched) is one meeting file the kept
  /// model has, with the same id, which loads, resolves and checks without an
  /// error, and whose page passes the page rules: that page is written in place.
  /// Returns its path in the output, or nullopt with why not in `why_not`.
  std::optional<std::string> show(FileSystem& fs, const std::vector<std::string>& changed, std::string* why_not);
  /// The rebuild after show() did not publish: the page holds what it held
  /// again, and the kept model the meeting as published.
  void restore(FileSystem& fs);

 private:
  struct Shown {
    std::string page_file;                 // full path of the page written
    std::optional<std::string> old_bytes;  // what it held (nullopt: it did not exist)
    size_t meeting = 0;
    bool same_to_resolve = false;  // the edit left what resolve() reads as it was
    Meeting old_meeting;
    std::string old_text;
  };
  /// The meeting's page drawn from the kept model, checked by every page rule; nullopt on any error.
  std::optional<std::string> draw_and_check(const FileSystem& fs, size_t index, std::string* why_not);

  BuildOptions options_;
  const Registry& registry_;
  std::string out_;
  std::optional<BuildResult> kept_;
  std::set<std::string> files_;  // every path the kept build published
  std::optional<Shown> shown_;
};

}  // namespace rs
