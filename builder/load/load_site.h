#pragma once
// Stage 1: read a site folder into the model. Every file is parsed strictly;
// all problems of a run are reported, not just the first.
#include <string>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"
#include "reportsite/model/model.h"

namespace rs {

class MemoStore;

/// Load every input file of the site at `root`. Never throws; problems go to `diags`.
/// With a memo store, meeting and action files whose bytes it knows are not
/// parsed again, and those parsed are added to it.
Model load_site(const FileSystem& fs, const std::string& root, Diagnostics& diags, MemoStore* memo = nullptr);

// One loader per kind of file; each reads the file registered as `file` in `model.sources`.
void load_settings(Model& model, FileId file, Diagnostics& diags);
void load_committees(Model& model, FileId file, Diagnostics& diags);
void load_people(Model& model, FileId file, Diagnostics& diags);
void load_glossary(Model& model, FileId file, Diagnostics& diags);
/// `relative` is the path under content/meetings/, e.g. "2018/2018-10-17-children-scrutiny.yaml".
std::optional<Meeting> load_meeting(const SourceSet& sources, FileId file, const std::string& relative,
                                    Diagnostics& diags);
/// `relative` is the path under content/reports/, e.g. "children-complaints/2017-18.yaml".
std::optional<Report> load_report(const SourceSet& sources, FileId file, const std::string& relative,
                                  Diagnostics& diags);
std::vector<ActionUpdate> load_actions(const SourceSet& sources, FileId file, Diagnostics& diags);
std::optional<Page> load_page(const SourceSet& sources, FileId file, const std::string& stem, Diagnostics& diags);

}  // namespace rs
