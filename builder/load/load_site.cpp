#include "reportsite/load/load_site.h"

#include <algorithm>
#include <set>

#include "reportsite/load/encoding.h"
#include "reportsite/load/load_cache.h"
#include "reportsite/load/site_scan.h"

#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"

namespace rs {

namespace {

enum class Kind { meeting, report, actions, page };
struct Input {
  Kind kind;
  std::string relative;  // under its content folder
  FileId file;
};

/// What the loader makes of a file found in a content folder.
enum class Listed { read, wrong_case, ignored, hidden };

/// `ext`: the extensions read (lower case). Files and folders whose names start
/// with a dot (.DS_Store, .git) are an editor's or system's, and skipped quietly.
Listed classify(const std::string& rel, std::initializer_list<const char*> exts, bool top_level_only) {
  if (rel[0] == '.' || rel.find("/.") != std::string::npos) return Listed::hidden;
  const bool nested = rel.find('/') != std::string::npos;
  for (const char* e : exts) {
    if (ends_with(rel, e)) return top_level_only && nested ? Listed::ignored : Listed::read;
    if (ends_with(ascii_lower(rel), e)) return Listed::wrong_case;
  }
  return Listed::ignored;
}

/// A meeting file with exempt items that name undertakings keeps those ids (to
/// refuse action points on them); such a file is parsed afresh each build rather
/// than kept in the memo on disk, which then holds nothing of exempt business.
bool holds_exempt_ids(const Meeting& m) {
  for (const auto& it : m.items)
    if (it.exempt() && (!it.undertakings.empty() || !it.discussion.empty())) return true;
  return false;
}

}  // namespace

Model load_site(const FileSystem& fs, const std::string& root, Diagnostics& diags, MemoStore* memo) {
  Model model;
  model.root = root;
  auto path_of = [&](const std::string& rel) { return join_path(root, rel); };

  // Register every file first (ids in a fixed order), then read and parse in parallel.
  auto register_file = [&](const std::string& rel) { return model.sources.add(path_of(rel), {}); };
  // Links the seam's listing would silently skip, or follow out of the site (a
  // real file system only: the seam has no links).
  std::map<std::string, std::set<std::string>> refused;  // folder → files list() gives that must not be read
  std::set<std::string> refused_folders;
  auto scan = [&](const std::string& folder, bool documents) {
    if (!dynamic_cast<const RealFileSystem*>(&fs)) return;
    for (auto& f : scan_links(root, folder)) {
      const std::string path = f.relative.empty() ? folder : folder + "/" + f.relative;
      if (f.relative.empty()) refused_folders.insert(folder);
      else if (f.listed) refused[folder].insert(f.relative);
      if (documents && !f.relative.empty()) model.refused_documents["documents/" + f.relative] = f.why;
      // A document is an error where a meeting names it; any other file is content lost.
      diags.add({documents ? Severity::warning : Severity::error, "load.symlink",
                 path + " " + f.why + (documents ? "; it is not published" : ""),
                 {}, path_of(path), "copy the file (or folder) into the site instead of linking to it", {}});
    }
  };
  for (const char* folder : {"data", "content/meetings", "content/reports", "content/actions", "content/pages"})
    scan(folder, false);
  scan("content/documents", true);

  std::vector<std::string> data_files = {"data/site.yaml", "data/committees.yaml", "data/people.yaml",
                                         "data/glossary.yaml"};
  std::vector<FileId> data_ids;
  std::vector<char> data_is_folder, data_linked_out;
  for (const auto& rel : data_files) {
    const bool folder = fs.is_dir(path_of(rel));
    data_is_folder.push_back(folder);
    const bool linked_out = refused_folders.count("data") || refused["data"].count(rel.substr(5));
    data_linked_out.push_back(linked_out);  // reported by the scan
    data_ids.push_back(fs.exists(path_of(rel)) && !folder && !linked_out ? register_file(rel) : kNoFile);
    if (folder)
      diags.add({Severity::error, "load.io", rel + " is a folder, not a file: the builder cannot read it", {},
                 path_of(rel), "remove the folder and put the file " + rel.substr(5) + " in its place", {}});
  }

  auto listing = [&](const std::string& folder) {
    std::vector<std::string> out;
    if (refused_folders.count(folder)) return out;
    for (auto& rel : fs.list(path_of(folder)))
      if (!refused[folder].count(rel)) out.push_back(std::move(rel));
    return out;
  };

  std::vector<Input> inputs;
  auto add_inputs = [&](Kind kind, const std::string& folder, std::initializer_list<const char*> exts,
                        bool top_level_only, const char* what) {
    for (const auto& rel : listing(folder)) {
      const std::string path = folder + "/" + rel;
      switch (classify(rel, exts, top_level_only)) {
        case Listed::read: inputs.push_back({kind, rel, register_file(path)}); break;
        case Listed::hidden: break;
        case Listed::wrong_case: {
          const std::string name = rel.substr(rel.find_last_of('/') + 1);  // npos + 1 is 0
          const std::string ext = name.substr(name.rfind('.'));
          diags.add({Severity::error, "load.file-name",
                     path + " is not read: " + what + " file's name must end in `" + ascii_lower(ext) +
                         "`, in lower case, not `" + ext + "`",
                     {}, path_of(path), "rename it to " + name.substr(0, name.size() - ext.size()) + ascii_lower(ext),
                     {}});
          break;
        }
        case Listed::ignored: {
          const bool nested_page = top_level_only && rel.find('/') != std::string::npos;
          diags.add({Severity::warning, "load.ignored-file",
                     path + " is ignored: " +
                         (nested_page ? std::string("pages are read from content/pages/ itself, not from folders in it")
                                      : "only " + std::string(*exts.begin()) + " files in " + folder + "/ are read"),
                     {}, path_of(path), nested_page ? "move it up into content/pages/" : "move it out of " + folder + "/", {}});
          break;
        }
      }
    }
  };
  add_inputs(Kind::meeting, "content/meetings", {".yaml", ".yml"}, false, "a meeting");
  add_inputs(Kind::report, "content/reports", {".yaml", ".yml"}, false, "a report");
  add_inputs(Kind::actions, "content/actions", {".yaml", ".yml"}, false, "an action points");
  add_inputs(Kind::page, "content/pages", {".md"}, true, "a page");
  for (const auto& rel : listing("content/documents"))
    model.document_sizes["documents/" + rel] = fs.size(path_of("content/documents/" + rel));

  // char, not bool: threads set neighbouring slots, and vector<bool> packs them into shared words.
  std::vector<char> readable(model.sources.size(), 0);
  parallel_for(model.sources.size(), [&](size_t i) {
    std::string error;
    auto bytes = fs.read(model.sources.path(static_cast<FileId>(i)), &error);
    if (!bytes) {
      Diagnostic d{Severity::error, "load.io", error, {}, model.sources.path(static_cast<FileId>(i)), {}, {}};
      diags.add(std::move(d));
      return;
    }
    auto problem = check_encoding(*bytes);
    model.sources.set_content(static_cast<FileId>(i), std::move(*bytes));
    if (problem) {
      const FileId id = static_cast<FileId>(i);
      diags.error("load.encoding", Span{id, problem->offset, problem->offset + problem->length},
                  std::move(problem->message), std::move(problem->suggestion));
      return;
    }
    readable[i] = 1;
  });

  if (data_ids[0] == kNoFile && (data_is_folder[0] || data_linked_out[0])) return model;
  if (data_ids[0] == kNoFile) {
    diags.add({Severity::error, "load.missing-file",
               "this folder is not a site: data/site.yaml is missing (use --site DIR to name the site folder)",
               {}, path_of("data/site.yaml"), {}, {}});
    return model;
  }
  if (readable[data_ids[0]]) load_settings(model, data_ids[0], diags);
  if (data_ids[1] == kNoFile && !data_is_folder[1] && !data_linked_out[1])
    diags.add({Severity::error, "load.missing-file", "data/committees.yaml is missing: list the committees",
               {}, path_of("data/committees.yaml"), {}, {}});
  else if (data_ids[1] != kNoFile && readable[data_ids[1]])
    load_committees(model, data_ids[1], diags);
  if (data_ids[2] != kNoFile && readable[data_ids[2]]) load_people(model, data_ids[2], diags);
  if (data_ids[3] != kNoFile && readable[data_ids[3]]) load_glossary(model, data_ids[3], diags);

  // Each content file parses on its own; slots keep the result order fixed.
  std::vector<std::optional<Meeting>> meetings(inputs.size());
  std::vector<std::optional<Report>> reports(inputs.size());
  std::vector<std::vector<ActionUpdate>> actions(inputs.size());
  std::vector<std::optional<Page>> pages(inputs.size());
  // A cached file is one whose bytes the cache knows: its loaded value and findings are reused.
  std::vector<char> fresh(inputs.size(), 0);  // parsed this time, without errors: goes into the cache
  std::vector<std::vector<Diagnostic>> file_diags(inputs.size());
  parallel_for(inputs.size(), [&](size_t i) {
    const Input& in = inputs[i];
    if (!readable[in.file]) return;
    bool cacheable = memo && (in.kind == Kind::meeting || in.kind == Kind::actions);
    if (cacheable) {
      const std::string& key = model.sources.path(in.file);
      const uint64_t hash = model.sources.content_hash(in.file);
      bool hit = false;
      if (in.kind == Kind::meeting) {
        meetings[i] = cached_meeting(*memo, key, hash, in.file, file_diags[i]);
        hit = meetings[i].has_value();
      } else if (auto a = cached_actions(*memo, key, hash, in.file, file_diags[i])) {
        actions[i] = std::move(*a);
        hit = true;
      }
      if (hit) return;
    }
    Diagnostics local;
    switch (in.kind) {
      case Kind::meeting: meetings[i] = load_meeting(model.sources, in.file, in.relative, local); break;
      case Kind::report: reports[i] = load_report(model.sources, in.file, in.relative, local); break;
      case Kind::actions: actions[i] = load_actions(model.sources, in.file, local); break;
      case Kind::page:
        pages[i] = load_page(model.sources, in.file, in.relative.substr(0, in.relative.size() - 3), local);
        break;
    }
    fresh[i] = cacheable && local.error_count() == 0 &&
               (in.kind != Kind::meeting || (meetings[i] && !holds_exempt_ids(*meetings[i])));
    file_diags[i] = local.take();
  });
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (fresh[i]) {
      const std::string& key = model.sources.path(inputs[i].file);
      const uint64_t hash = model.sources.content_hash(inputs[i].file);
      if (inputs[i].kind == Kind::meeting) cache_meeting(*memo, key, hash, *meetings[i], file_diags[i]);
      else cache_actions(*memo, key, hash, actions[i], file_diags[i]);
    }
    for (auto& d : file_diags[i]) diags.add(std::move(d));
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (meetings[i]) model.meetings.push_back(std::move(*meetings[i]));
    if (reports[i]) model.reports.push_back(std::move(*reports[i]));
    for (auto& a : actions[i]) model.actions.push_back(std::move(a));
    if (pages[i]) model.pages.push_back(std::move(*pages[i]));
  }
  std::stable_sort(model.meetings.begin(), model.meetings.end(), [](const Meeting& a, const Meeting& b) {
    return std::tie(a.date.value, a.id) < std::tie(b.date.value, b.id);
  });
  std::stable_sort(model.reports.begin(), model.reports.end(), [](const Report& a, const Report& b) {
    return std::tie(a.series.value, a.year) < std::tie(b.series.value, b.year);
  });
  std::stable_sort(model.pages.begin(), model.pages.end(), [](const Page& a, const Page& b) {
    return std::tie(a.order, a.stem) < std::tie(b.order, b.stem);
  });
  return model;
}

}  // namespace rs
