#include <cstring>
#include <optional>

#include "reportsite/core/hash.h"
#include "reportsite/core/memo_store.h"
#include "reportsite/render/output.h"

#include <algorithm>

#include "reportsite/core/stage_timer.h"
#include "reportsite/render/view.h"

namespace rs {

std::vector<std::unique_ptr<OutputKind>> builtin_outputs() {
  // Files are sorted by path afterwards, so the order only decides memory:
  // outputs whose working data is large but short-lived (the search index,
  // site.json) run before the pages, which are held until they are written.
  std::vector<std::unique_ptr<OutputKind>> out;
  out.push_back(make_search_output());
  out.push_back(make_data_export());
  out.push_back(make_open_data_export());
  out.push_back(make_undertaking_exports());
  out.push_back(make_feed_output());
  out.push_back(make_asset_output());
  out.push_back(make_page_output());
  out.push_back(make_accessibility_statement_output());
  out.push_back(make_akoma_ntoso_output());
  return out;
}

void make_or_keep(const RenderContext& ctx, const std::string& name, uint64_t key, OutputFile& file,
                  const std::function<std::string()>& make) {
  // The memo says which bytes the key gave (their hash); the cache says the
  // output still holds bytes of that hash. Neither alone is enough: the memo
  // outlives a build that failed before publishing.
  auto as_text = [](uint64_t h) { return std::string(reinterpret_cast<const char*>(&h), sizeof h); };
  if (ctx.memo && ctx.reuse)
    if (auto payload = ctx.memo->find(name, key); payload && payload->size() == sizeof(uint64_t)) {
      uint64_t made = 0;
      std::memcpy(&made, payload->data(), sizeof made);
      if (auto published = ctx.reuse->published_hash(file.path); published && *published == made) {
        file.reused = true;
        file.bytes.clear();
        return;
      }
    }
  file.bytes = make();
  if (ctx.memo) ctx.memo->put(name, key, as_text(hash_bytes(file.bytes)));
}

SplicedFile::SplicedFile(const RenderContext& ctx, std::string path) : ctx_(ctx), path_(std::move(path)) {
  if (!ctx.memo || !ctx.reuse) return;
  auto published = ctx.reuse->published_hash(path_);
  if (!published) return;
  auto layout = ctx.memo->find("layout:" + path_, *published);
  if (!layout || layout->size() % (3 * sizeof(uint64_t))) return;
  auto bytes = ctx.reuse->published_bytes(path_);
  if (!bytes) return;
  old_ = std::move(*bytes);
  bytes_.reserve(old_.size() + old_.size() / 8);  // grown once, not doubled with both copies held
  const size_t n = layout->size() / sizeof(uint64_t);
  std::vector<uint64_t> words(n);
  std::memcpy(words.data(), layout->data(), layout->size());
  for (size_t i = 0; i + 2 < n; i += 3)
    if (words[i + 1] <= old_.size() && words[i + 2] <= old_.size() - words[i + 1])
      old_parts_.emplace(words[i], std::make_pair(static_cast<size_t>(words[i + 1]), static_cast<size_t>(words[i + 2])));
}

std::optional<std::string_view> SplicedFile::previous(uint64_t key) const {
  auto it = old_parts_.find(key);
  if (it == old_parts_.end()) return std::nullopt;
  return std::string_view(old_).substr(it->second.first, it->second.second);
}

void SplicedFile::part(uint64_t key, std::string_view bytes) {
  layout_.insert(layout_.end(), {key, bytes_.size(), bytes.size()});
  bytes_ += bytes;
}

OutputFile SplicedFile::finish() {
  std::string().swap(old_);
  old_parts_.clear();
  OutputFile f{path_, std::move(bytes_), "", ""};
  if (ctx_.memo)
    ctx_.memo->put("layout:" + path_, hash_bytes(f.bytes),
                   std::string(reinterpret_cast<const char*>(layout_.data()), layout_.size() * sizeof(uint64_t)));
  return f;
}

std::vector<OutputFile> render_site(const RenderContext& ctx, Diagnostics& diags) {
  return render_site(ctx, builtin_outputs(), diags);
}

std::vector<OutputFile> render_site(const RenderContext& ctx, const std::vector<std::unique_ptr<OutputKind>>& outputs,
                                    Diagnostics& diags, PageSink* sink) {
  std::vector<OutputFile> files;
  // A theme that cannot be drawn said why when it loaded; empty pages would only add a finding each.
  if (!ctx.theme.usable()) return files;
  StageTimer timer(ctx.timings);
  std::vector<PageDeclaration> pages;
  for (const auto& kind : outputs) {
    {
      // Its memo is its own, by name and version, as a check's is: a new version redoes its work only.
      std::optional<MemoStore> mine;
      if (ctx.memo) mine.emplace(MemoStore::scoped(*ctx.memo, "output:" + kind->name() + "@" + kind->version() + ":"));
      RenderContext own = ctx;
      own.memo = mine ? &*mine : nullptr;
      const size_t first = files.size();
      kind->render(own, files, diags);
      if (sink)
        for (size_t i = first; i < files.size(); ++i)
          if (files[i].template_name.empty() && files[i].copy_from.empty() && !files[i].reused)
            sink->take_file(files[i], diags);
    }
    // A page of an output that gives a version reads it, so a new version redraws that output's pages only.
    const std::string version = kind->version();
    for (auto& page : kind->pages(ctx, diags)) {
      if (!version.empty())
        page.prepare = [key = "output-version:" + kind->name(), inner = std::move(page.prepare)](PageEnv& env) {
          env.read(key);
          return inner(env);
        };
      pages.push_back(std::move(page));
    }
    timer.lap("  render " + kind->name());
  }
  // Every path is known before the first page is drawn: a clash stops the build before any work on pages.
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  for (const auto& p : pages) paths.push_back(p.path);
  std::sort(paths.begin(), paths.end());
  for (size_t i = 1; i < paths.size(); ++i)
    if (paths[i] == paths[i - 1] && (i < 2 || paths[i] != paths[i - 2]))
      diags.add({Severity::error, "render.path-clash", "two outputs write the same file " + paths[i], {}, paths[i],
                 "rename the page or id that clashes with a built-in page", {}});
  if (sink) sink->start(files, pages);
  draw_pages(ctx, std::move(pages), files, diags, sink);
  timer.lap("  draw pages");
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

std::map<std::string, std::string> glossary_abbreviations(const Model& model) {
  std::map<std::string, std::string> out;
  for (const auto& e : model.glossary)
    if (!e.abbr.value.empty() && !e.term.value.empty()) out[e.abbr.value] = e.term.value;
  return out;
}

}  // namespace rs
