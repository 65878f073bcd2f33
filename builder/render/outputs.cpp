// The outputs that are not HTML pages: theme assets and documents, feeds,
// calendars, and the open-data exports.
#include <cctype>
#include <set>

#include "core/json_fields.h"
#include "core/parallel.h"
#include "core/strings.h"
#include "ical.h"
#include "undertaking_table.h"
#include "view.h"

namespace rs {

namespace {

class AssetOutput : public OutputKind {
 public:
  std::string name() const override { return "assets"; }
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

std::string xml_escape(const std::string& s) { return html_escape(s); }

std::string absolute(const RenderContext& ctx, const std::string& path) {
  return ctx.model.site.base_url.value + path;
}

class FeedOutput : public OutputKind {
 public:
  std::string name() const override { return "feeds"; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const Model& model = ctx.model;
    bool have_base = !model.site.base_url.value.empty();
    // Atom needs absolute ids; without base_url, tag: URIs keep them stable.
    auto id_of = [&](const std::string& path) {
      return have_base ? absolute(ctx, path) : "tag:reportsite.invalid,2000:" + path;
    };
    std::string latest = model.meetings.empty() ? "2000-01-01" : model.meetings.back().date.value.iso();
    std::string atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    atom += "  <title>" + xml_escape(model.site.title.value) + "</title>\n";
    atom += "  <id>" + xml_escape(id_of("")) + "</id>\n";
    atom += "  <updated>" + latest + "T00:00:00Z</updated>\n";
    atom += "  <author><name>" + xml_escape(model.site.organisation.value) + "</name></author>\n";
    if (have_base) atom += "  <link rel=\"self\" href=\"" + xml_escape(absolute(ctx, "feed.xml")) + "\"/>\n";
    size_t shown = 0;
    for (size_t mi = model.meetings.size(); mi-- > 0 && shown < 50; ++shown) {
      const Meeting& m = model.meetings[mi];
      std::string path = paths::meeting(m.id);
      atom += "  <entry>\n    <title>" + xml_escape(meeting_title(ctx, m)) +
              (m.status == MinutesStatus::draft ? " (draft minutes)" : "") + "</title>\n";
      atom += "    <id>" + xml_escape(id_of(path)) + "</id>\n";
      atom += "    <updated>" + m.date.value.iso() + "T00:00:00Z</updated>\n";
      if (have_base) atom += "    <link href=\"" + xml_escape(absolute(ctx, path)) + "\"/>\n";
      std::string summary;
      for (const auto& it : m.items) summary += (summary.empty() ? "" : "; ") + it.number.value + " " + it.title.value;
      atom += "    <summary>" + xml_escape(summary) + "</summary>\n  </entry>\n";
    }
    atom += "</feed>\n";
    out.push_back({"feed.xml", atom, "", ""});

    if (have_base) {
      std::string sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      std::vector<std::string> pages = {paths::home(), paths::register_all(), paths::glossary(), paths::search()};
      for (const auto& y : ctx.site.years) pages.push_back(paths::year(y.slug()));
      for (const auto& c : model.committees) pages.push_back(paths::committee(c.id.value));
      for (const auto& m : model.meetings) pages.push_back(paths::meeting(m.id));
      for (const auto& ru : ctx.site.undertakings) pages.push_back(paths::undertaking(ru.undertaking->id.value));
      for (const auto& r : model.reports) pages.push_back(paths::report(r.series.value, r.year));
      for (const auto& p : model.pages) pages.push_back(paths::page(p.stem));
      for (const auto& p : pages) sitemap += "  <url><loc>" + xml_escape(absolute(ctx, p)) + "</loc></url>\n";
      sitemap += "</urlset>\n";
      out.push_back({"sitemap.xml", sitemap, "", ""});
    }

    // A calendar of each committee's meetings.
    for (const auto& c : model.committees) {
      std::string ics;
      ical_line(ics, "BEGIN:VCALENDAR");
      ical_line(ics, "VERSION:2.0");
      ical_line(ics, "PRODID:-//reportsite//meetings//EN");
      ical_line(ics, "CALSCALE:GREGORIAN");
      ical_line(ics, "X-WR-CALNAME:" + ical_escape(c.name.value));
      for (const auto& m : model.meetings) {
        if (m.committee.value != c.id.value) continue;
        std::string day = ical_date(m.date.value);
        ical_line(ics, "BEGIN:VEVENT");
        ical_line(ics, "UID:meeting-" + m.id + "@reportsite");
        ical_line(ics, "DTSTAMP:" + day + "T000000Z");
        const std::string& t = m.time.value;
        bool timed = t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
                     std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
                     std::isdigit(static_cast<unsigned char>(t[4]));
        if (timed) ical_line(ics, "DTSTART:" + day + "T" + t.substr(0, 2) + t.substr(3, 2) + "00");
        else ical_line(ics, "DTSTART;VALUE=DATE:" + day);
        ical_line(ics, "SUMMARY:" + ical_escape(c.name.value));
        if (!m.venue.value.empty()) ical_line(ics, "LOCATION:" + ical_escape(m.venue.value));
        ical_line(ics, "END:VEVENT");
      }
      ical_line(ics, "END:VCALENDAR");
      out.push_back({paths::committee_ics(c.id.value), ics, "", ""});
    }
  }
};

class UndertakingExports : public OutputKind {
 public:
  std::string name() const override { return "undertakings"; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    std::vector<UndertakingRow> rows;
    for (const ResolvedUndertaking* ru : register_order(ctx.site)) rows.push_back(undertaking_row(ctx.model, ctx.site, *ru));
    out.push_back({"undertakings.csv", to_csv(rows), "", ""});
    out.push_back({"undertakings.json", to_json(rows, ctx.site.as_of, ctx.model.site.licence), "", ""});
    out.push_back({"undertakings.ics", to_ics(ctx.model, ctx.site, ctx.model.site.title.value + ": undertakings due"), "", ""});
  }
};

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

/// The published model as JSON: meetings (public items only) and committees.
class DataExport : public OutputKind {
 public:
  std::string name() const override { return "data"; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const Model& m = ctx.model;
    std::string j = "{\n  \"title\": " + json_quote(m.site.title.value) + ",\n  \"licence\": " +
                    licence_json(m.site.licence) + ",\n  \"committees\": [";
    for (size_t i = 0; i < m.committees.size(); ++i)
      j += std::string(i ? ", " : "") + "{\"id\": " + json_quote(m.committees[i].id.value) + ", \"name\": " +
           json_quote(m.committees[i].name.value) + "}";
    j += "],\n  \"meetings\": [";
    // Each meeting's entry is made from its file alone, so all are made in parallel.
    std::vector<std::string> entries(m.meetings.size());
    parallel_for(m.meetings.size(), [&](size_t mi) { entries[mi] = meeting_json(m.meetings[mi]); });
    for (size_t mi = 0; mi < entries.size(); ++mi) j += (mi ? ",\n    " : "\n    ") + entries[mi];
    j += "\n  ]\n}\n";
    out.push_back({"site.json", j, "", ""});
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_asset_output() { return std::make_unique<AssetOutput>(); }
std::unique_ptr<OutputKind> make_feed_output() { return std::make_unique<FeedOutput>(); }
std::unique_ptr<OutputKind> make_undertaking_exports() { return std::make_unique<UndertakingExports>(); }
std::unique_ptr<OutputKind> make_data_export() { return std::make_unique<DataExport>(); }

}  // namespace rs
