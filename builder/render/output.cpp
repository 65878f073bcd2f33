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

namespace {
std::string layout_name(const std::string& path) { return "layout:" + path; }
}  // namespace

SplicedFile::SplicedFile(const RenderContext& ctx, std::string path) : ctx_(ctx), path_(std::move(path)) {
  if (!ctx.memo || !ctx.reuse) return;
  auto published = ctx.reuse->published_hash(path_);
  if (!published) return;
  auto layout = ctx.memo->find(layout_name(path_), *published);
  if (!layout || layout->size() % (3 * sizeof(uint64_t))) return;
  const size_t n = layout->size() / sizeof(uint64_t);
  std::vector<uint64_t> words(n);
  std::memcpy(words.data(), layout->data(), layout->size());
  // Parts lie in order, one after another: a layout that says otherwise is not used at all.
  for (size_t i = 0, end = 0; i + 2 < n; end = words[i + 1] + words[i + 2], i += 3)
    if (words[i + 1] < end || words[i + 2] > UINT64_MAX - words[i + 1]) return;
  for (size_t i = 0; i + 2 < n; i += 3) old_parts_.emplace(words[i], std::make_pair(words[i + 1], words[i + 2]));
}

std::optional<uint64_t> SplicedFile::previous_size(uint64_t key) const {
  auto it = old_parts_.find(key);
  if (it == old_parts_.end()) return std::nullopt;
  return it->second.second;
}

void SplicedFile::place(uint64_t key, uint64_t length) { layout_.insert(layout_.end(), {key, pieces_.size, length}); }

void SplicedFile::part(uint64_t key, std::string_view bytes) {
  place(key, bytes.size());
  pieces_.add(bytes);
}

void SplicedFile::keep_or_add(uint64_t key, std::string_view made) {
  auto old = old_parts_.find(key);
  if (old == old_parts_.end()) return part(key, made);
  const auto& [offset, length] = old->second;
  place(key, length);
  pieces_.keep(offset, length);
}

OutputFile SplicedFile::finish() {
  OutputFile f{path_, "", "", ""};
  f.splice_layout.assign(reinterpret_cast<const char*>(layout_.data()), layout_.size() * sizeof(uint64_t));
  if (pieces_.keeps_any())
    f.pieces = std::make_shared<const FilePieces>(std::move(pieces_));
  else if (!pieces_.pieces.empty())
    f.bytes = std::move(pieces_.pieces.front().bytes);  // one new piece: all text and parts were made
  return f;
}

void settle_spliced(const RenderContext& ctx, OutputFile& file, Diagnostics& diags) {
  if (file.pieces) {
    std::optional<std::string> published;
    if (ctx.reuse) published = ctx.reuse->published_bytes(file.path);
    if (published && hash_bytes(*published) != ctx.reuse->published_hash(file.path)) published.reset();
    std::string bytes;
    bytes.reserve(file.pieces->size);
    for (const auto& piece : file.pieces->pieces) {
      if (!piece.kept) {
        bytes += piece.bytes;
      } else if (published && piece.offset <= published->size() && piece.length <= published->size() - piece.offset) {
        bytes.append(*published, piece.offset, piece.length);
      } else {
        diags.add({Severity::error, "write.io",
                   "the published " + file.path + " changed during the build; nothing was published: build again",
                   {}, file.path, {}, {}});
        return;
      }
    }
    file.bytes = std::move(bytes);
    file.pieces.reset();
  }
  if (ctx.memo && !file.splice_layout.empty())
    ctx.memo->put(layout_name(file.path), file.staged ? file.content_hash : hash_bytes(file.bytes), file.splice_layout);
  std::string().swap(file.splice_layout);
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
      for (size_t i = first; i < files.size(); ++i) {
        if (sink && files[i].template_name.empty() && files[i].copy_from.empty() && !files[i].reused)
          sink->take_file(files[i], diags);
        settle_spliced(own, files[i], diags);
      }
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
