#include "output.h"

#include <algorithm>

#include "core/stage_timer.h"

namespace rs {

std::vector<std::unique_ptr<OutputKind>> builtin_outputs() {
  // Files are sorted by path afterwards, so the order only decides memory:
  // outputs whose working data is large but short-lived (the search index,
  // site.json) run before the pages, which are held until they are written.
  std::vector<std::unique_ptr<OutputKind>> out;
  out.push_back(make_search_output());
  out.push_back(make_data_export());
  out.push_back(make_undertaking_exports());
  out.push_back(make_feed_output());
  out.push_back(make_asset_output());
  out.push_back(make_page_output());
  return out;
}

std::vector<OutputFile> render_site(const RenderContext& ctx, Diagnostics& diags) {
  return render_site(ctx, builtin_outputs(), diags);
}

std::vector<OutputFile> render_site(const RenderContext& ctx, const std::vector<std::unique_ptr<OutputKind>>& outputs,
                                    Diagnostics& diags) {
  std::vector<OutputFile> files;
  // A theme that cannot be drawn said why when it loaded; empty pages would only add a finding each.
  if (!ctx.theme.usable()) return files;
  StageTimer timer(ctx.timings);
  for (const auto& kind : outputs) {
    kind->render(ctx, files, diags);
    timer.lap("  render " + kind->name());
  }
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  for (size_t i = 1; i < files.size(); ++i)
    if (files[i].path == files[i - 1].path)
      diags.add({Severity::error, "render.path-clash", "two outputs write the same file " + files[i].path, {},
                 files[i].path, "rename the page or id that clashes with a built-in page", {}});
  return files;
}

std::map<std::string, std::string> glossary_abbreviations(const Model& model) {
  std::map<std::string, std::string> out;
  for (const auto& e : model.glossary)
    if (!e.abbr.value.empty() && !e.term.value.empty()) out[e.abbr.value] = e.term.value;
  return out;
}

}  // namespace rs
