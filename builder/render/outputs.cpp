// The outputs that are not HTML pages: theme assets and documents, and the
// open-data exports (feeds and calendars: feeds.cpp).
#include <optional>
#include <set>

#include "reportsite/core/json_fields.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/ical.h"
#include "reportsite/render/undertaking_table.h"
#include "reportsite/render/view.h"

namespace rs {

namespace {

class AssetOutput : public OutputKind {
 public:
  std::string name() const override { return "assets"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    for (const auto& a : ctx.theme.assets()) out.push_back({"assets/" + a, *ctx.theme.file("assets/" + a), "", ""});
    // Only documents of public items are published; an exempt item's are not.
    std::set<std::string> files;
    for (const auto& m : ctx.model.meetings)
      for (const auto& it : m.items)
        if (!it.exempt())
          for (const auto& d : it.documents)
            if (ctx.model.document_sizes.count(d.file.value)) files.insert(d.file.value);
    for (const auto& f : files) out.push_back({f, "", "", join_path(ctx.model.root, "content/" + f)});
  }
};

class UndertakingExports : public OutputKind {
 public:
  std::string name() const override { return "undertakings"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    std::vector<UndertakingRow> rows;
    for (const ResolvedUndertaking* ru : register_order(ctx.site)) rows.push_back(undertaking_row(ctx.model, ctx.site, *ru));
    out.push_back({"undertakings.csv", to_csv(rows), "", ""});
    out.push_back({"undertakings.json", to_json(rows, ctx.site.as_of, ctx.model.site.licence), "", ""});
    out.push_back({"undertakings.ics", to_ics(ctx.model, ctx.site, ctx.model.site.title.value + ": undertakings due"), "", ""});
  }
};

}  // namespace

/// One meeting in site.json: its id (from the file name), then every named
/// field of its description (core/json_fields.h), so a field added to Meeting,
/// Item, Exchange and the rest is exported with no edit here.
std::string meeting_json(const Meeting& mt) {
  // Exempt business: its number, title and paragraph, and nothing else of it,
  // whatever fields Item gains. "exempt_paragraph" is the older key, kept.
  auto exempt_item = [](std::string& out, const Item& it) -> bool {
    if (!it.exempt()) return false;
    std::string paragraph = std::to_string(it.exempt_paragraph);
    out += "{\"number\": " + json_quote(it.number.value) + ", \"title\": " + json_quote(it.title.value) +
           ", \"exempt_paragraph\": " + paragraph + ", \"exempt\": " + paragraph + "}";
    return true;
  };
  std::string j = "{\"id\": " + json_quote(mt.id);
  json_fields::members(j, mt, exempt_item, false);
  return j + "}";
}

namespace {

/// The published model as JSON: meetings (public items only) and committees.
class DataExport : public OutputKind {
 public:
  std::string name() const override { return "data"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const Model& m = ctx.model;
    std::string j = "{\n  \"title\": " + json_quote(m.site.title.value) + ",\n  \"licence\": " +
                    licence_json(m.site.licence) + ",\n  \"committees\": [";
    for (size_t i = 0; i < m.committees.size(); ++i)
      j += std::string(i ? ", " : "") + "{\"id\": " + json_quote(m.committees[i].id.value) + ", \"name\": " +
           json_quote(m.committees[i].name.value) + "}";
    j += "],\n  \"meetings\": [";
    // Each meeting's entry is made from its file alone, so all are made in
    // parallel, and an unchanged meeting's is copied from the published file.
    SplicedFile file(ctx, "site.json");
    std::optional<ReadHashes> own;
    if (!ctx.reuse) own.emplace(ctx.model, ctx.site, ctx.theme);
    const ReadHashes& hashes = ctx.reuse ? ctx.reuse->hashes() : *own;
    std::vector<uint64_t> keys(m.meetings.size());
    std::vector<std::string> entries(m.meetings.size());
    parallel_for(m.meetings.size(), [&](size_t mi) {
      keys[mi] = hashes.of("meeting:" + m.meetings[mi].id);
      if (!file.previous_size(keys[mi])) entries[mi] = meeting_json(m.meetings[mi]);
    });
    file.text(j);
    for (size_t mi = 0; mi < entries.size(); ++mi) {
      file.text(mi ? ",\n    " : "\n    ");
      file.keep_or_add(keys[mi], entries[mi]);
      std::string().swap(entries[mi]);
    }
    file.text("\n  ]\n}\n");
    out.push_back(file.finish());
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_asset_output() { return std::make_unique<AssetOutput>(); }
std::unique_ptr<OutputKind> make_undertaking_exports() { return std::make_unique<UndertakingExports>(); }
std::unique_ptr<OutputKind> make_data_export() { return std::make_unique<DataExport>(); }

}  // namespace rs
