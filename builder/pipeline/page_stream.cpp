#include "reportsite/pipeline/page_stream.h"

#include <unordered_map>

#include "reportsite/core/hash.h"
#include "reportsite/core/parallel.h"
#include "reportsite/render/theme.h"

namespace rs {

namespace {
/// A page is the layout around its own template. The built-in theme passes the
/// page check, so a fault is named after the site's own template where there is one.
std::string blame_template(const Theme& theme, const std::string& page_template) {
  std::string page = theme.origin("templates/" + page_template), layout = theme.origin("templates/layout.mustache");
  auto built_in = [](const std::string& origin) { return origin.find("(built in)") != std::string::npos; };
  if (built_in(page) && !built_in(layout)) return layout;
  if (!built_in(page) && !built_in(layout)) return page + " or " + layout;
  return page;
}
}  // namespace

PageStream::PageStream(const Theme& theme, const Registry& registry, const Rebuild& rebuild, StagedOutput* staged)
    : theme_(theme), registry_(registry), rebuild_(rebuild), staged_(staged) {}

PageStream::~PageStream() = default;

void PageStream::start(const std::vector<OutputFile>& files, const std::vector<PageDeclaration>& pages) {
  for (const auto& f : files) {
    paths_.insert(f.path);
    if (!f.template_name.empty()) pages_.push_back({f.path, {}, blame_template(theme_, f.template_name), nullptr});
  }
  drawn_by_outputs_ = pages_.size();
  for (const auto& p : pages) {
    paths_.insert(p.path);
    auto plugin = plugin_pages_.find(p.path);
    pages_.push_back({p.path, {}, plugin != plugin_pages_.end() ? plugin->second : blame_template(theme_, p.template_name),
                      nullptr});
  }
  for (const auto& rule : registry_.page_rules) runs_.push_back(rule->start(pages_, paths_));
  started_ = true;
}

void PageStream::check_drawn(size_t k, const std::string& html, Diagnostics& found) const {
  for (const auto& run : runs_) run->check(k, html, found);
}

void PageStream::known(size_t k, const std::string& path) const {
  // Checked when it was drawn: other pages' checks use what was read of it then.
  if (const PageSummary* summary = rebuild_.find_summary(path))
    for (const auto& run : runs_) run->known(k, *summary);
}

void PageStream::take(size_t i, OutputFile& page, Diagnostics& diags) {
  size_t k = drawn_by_outputs_ + i;
  if (page.reused) return known(k, page.path);
  Diagnostics found;
  check_drawn(k, page.bytes, found);
  // A page with a finding stops the build, so it is not staged; the rest go
  // to the staging folder now, and their bytes are let go.
  uint64_t hash = 0;
  if (staged_ && found.error_count() == 0 && staged_->stage(page.path, page.bytes, diags, &hash)) {
    page.content_hash = hash;
    page.staged = true;
    std::string().swap(page.bytes);
  }
  findings_.merge(std::move(found));
}

void PageStream::take_file(OutputFile& file, Diagnostics& diags) {
  // Not a page: nothing to check, so it goes to the staging folder now.
  uint64_t hash = 0;
  if (!staged_) return;
  const bool ok = file.pieces ? staged_->stage(file.path, *file.pieces, diags, &hash)
                              : staged_->stage(file.path, file.bytes, diags, &hash);
  if (ok) {
    file.content_hash = hash;
    file.staged = true;
    std::string().swap(file.bytes);
    file.pieces.reset();
  }
}

PageStream::Result PageStream::finish(const FileSystem& fs, const std::string& out, std::vector<OutputFile>& files) {
  Result result;
  if (!started_) return result;  // nothing was rendered
  std::unordered_map<std::string_view, size_t> at;
  for (size_t i = 0; i < files.size(); ++i) at.emplace(files[i].path, i);
  result.page_file.resize(pages_.size());
  for (size_t k = 0; k < pages_.size(); ++k) result.page_file[k] = at.at(pages_[k].path);
  // Pages an output drew itself are in memory: checked now, staged when published.
  parallel_for(drawn_by_outputs_, [&](size_t k) {
    const OutputFile& f = files[result.page_file[k]];
    if (f.reused) return known(k, f.path);
    Diagnostics found;
    check_drawn(k, f.bytes, found);
    findings_.merge(std::move(found));
  });
  Diagnostics across;
  auto finish_runs = [&] {
    std::vector<PageSummary> summaries(pages_.size());
    for (const auto& run : runs_) {
      run->finish(across);
      if (auto s = run->summaries(); s.size() == pages_.size()) summaries = std::move(s);
    }
    return summaries;
  };
  result.summaries = finish_runs();
  std::vector<const OutputFile*> pages;
  for (size_t k = 0; k < pages_.size(); ++k) pages.push_back(&files[result.page_file[k]]);
  if (rebuild_.reused_links_may_break(paths_, pages, result.summaries)) {
    // Check every page in full: the reused ones as they are on disk.
    parallel_for(pages_.size(), [&](size_t k) {
      if (!pages[k]->reused) return;
      Diagnostics found;
      check_drawn(k, fs.read(join_path(out, pages_[k].path), nullptr).value_or(""), found);
      findings_.merge(std::move(found));
    });
    across.take();
    result.summaries = finish_runs();
  }
  findings_.merge(std::move(across));
  result.findings = findings_.take();
  return result;
}

}  // namespace rs
