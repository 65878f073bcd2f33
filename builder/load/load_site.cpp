#include "load_site.h"

#include <algorithm>

#include "load_cache.h"

#include "core/parallel.h"
#include "core/strings.h"

namespace rs {

namespace {

enum class Kind { meeting, report, actions, page };
struct Input {
  Kind kind;
  std::string relative;  // under its content folder
  FileId file;
};

bool is_yaml(const std::string& p) { return ends_with(p, ".yaml") || ends_with(p, ".yml"); }

}  // namespace

Model load_site(const FileSystem& fs, const std::string& root, Diagnostics& diags, MemoStore* memo) {
  Model model;
  model.root = root;
  auto path_of = [&](const std::string& rel) { return join_path(root, rel); };

  // Register every file first (ids in a fixed order), then read and parse in parallel.
  auto register_file = [&](const std::string& rel) { return model.sources.add(path_of(rel), {}); };
  std::vector<std::string> data_files = {"data/site.yaml", "data/committees.yaml", "data/people.yaml",
                                         "data/glossary.yaml"};
  std::vector<FileId> data_ids;
  for (const auto& rel : data_files) data_ids.push_back(fs.exists(path_of(rel)) ? register_file(rel) : kNoFile);

  std::vector<Input> inputs;
  for (const auto& rel : fs.list(path_of("content/meetings")))
    if (is_yaml(rel)) inputs.push_back({Kind::meeting, rel, register_file("content/meetings/" + rel)});
  for (const auto& rel : fs.list(path_of("content/reports")))
    if (is_yaml(rel)) inputs.push_back({Kind::report, rel, register_file("content/reports/" + rel)});
  for (const auto& rel : fs.list(path_of("content/actions")))
    if (is_yaml(rel)) inputs.push_back({Kind::actions, rel, register_file("content/actions/" + rel)});
  for (const auto& rel : fs.list(path_of("content/pages")))
    if (ends_with(rel, ".md") && rel.find('/') == std::string::npos)
      inputs.push_back({Kind::page, rel, register_file("content/pages/" + rel)});
  for (const auto& rel : fs.list(path_of("content/documents")))
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
    model.sources.set_content(static_cast<FileId>(i), std::move(*bytes));
    readable[i] = 1;
  });

  if (data_ids[0] == kNoFile) {
    diags.add({Severity::error, "load.missing-file",
               "this folder is not a site: data/site.yaml is missing (use --site DIR to name the site folder)",
               {}, path_of("data/site.yaml"), {}, {}});
    return model;
  }
  if (readable[data_ids[0]]) load_settings(model, data_ids[0], diags);
  if (data_ids[1] == kNoFile)
    diags.add({Severity::error, "load.missing-file", "data/committees.yaml is missing: list the committees",
               {}, path_of("data/committees.yaml"), {}, {}});
  else if (readable[data_ids[1]])
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
    fresh[i] = cacheable && local.error_count() == 0 && (in.kind != Kind::meeting || meetings[i]);
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
