// Atom feeds (the site's and one per committee), the sitemap, and a calendar
// of each committee's meetings.
#include "reportsite/render/feeds.h"

#include <cctype>
#include <cstdio>

#include "reportsite/core/hash.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/ical.h"
#include "reportsite/render/links.h"
#include "reportsite/render/view.h"

namespace rs {

std::string atom_updated(const Meeting& m, const std::string& published) {
  Date day = m.date.value;
  if (m.status == MinutesStatus::confirmed) day = Date::from_days(day.days() + 1);
  uint64_t second = hash_bytes(published) % 86400;
  char time[16];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02dZ", static_cast<int>(second / 3600), static_cast<int>(second / 60 % 60),
                static_cast<int>(second % 60));
  return day.iso() + time;
}

std::optional<int> meeting_minutes(const std::string& t) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(t[i])) != 0; };
  if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

namespace {

std::string xml_escape(const std::string& s) { return html_escape(s); }

/// Entries a feed lists: the newest meetings.
constexpr size_t kFeedEntries = 50;
/// A meeting's length in its calendar: the format has no end time, and most
/// committee meetings end within two hours.
constexpr int kMeetingMinutes = 120;

/// One Atom feed (RFC 4287) of `meetings` (indexes, oldest first), published at `feed_path`.
/// With base_url every link and id is absolute, and the feed names itself (rel="self");
/// without it ids are tag: URIs and links are relative to the feed, which readers resolve
/// against where they fetched it.
std::string atom_feed(const RenderContext& ctx, const std::string& feed_path, const std::string& title,
                      const std::string& home_path, const std::vector<size_t>& meetings) {
  const Model& model = ctx.model;
  const std::string& base = model.site.base_url.value;
  auto id_of = [&](const std::string& path) { return base.empty() ? "tag:reportsite.invalid,2000:" + path : base + path; };
  auto href = [&](const std::string& path) { return base.empty() ? root_prefix(feed_path) + path : base + path; };
  std::string entries, latest = "2000-01-01T00:00:00Z";
  for (size_t n = 0; n < meetings.size() && n < kFeedEntries; ++n) {
    const Meeting& m = model.meetings[meetings[meetings.size() - 1 - n]];
    std::string path = paths::meeting(m.id);
    std::string updated = atom_updated(m, meeting_json(m));
    latest = std::max(latest, updated);
    entries += "  <entry>\n    <title>" + xml_escape(meeting_title(ctx, m)) +
               (m.status == MinutesStatus::draft ? " (draft minutes)" : "") + "</title>\n";
    entries += "    <id>" + xml_escape(id_of(path)) + "</id>\n";
    entries += "    <updated>" + updated + "</updated>\n";
    entries += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(href(path)) + "\"/>\n";
    std::string summary;
    for (const auto& it : m.items) summary += (summary.empty() ? "" : "; ") + it.number.value + " " + it.title.value;
    entries += "    <summary>" + xml_escape(summary) + "</summary>\n  </entry>\n";
  }
  std::string atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  atom += "  <title>" + xml_escape(title) + "</title>\n";
  // The site's feed keeps the id it always had, so readers do not see a new feed.
  atom += "  <id>" + xml_escape(id_of(feed_path == "feed.xml" ? "" : feed_path)) + "</id>\n";
  atom += "  <updated>" + latest + "</updated>\n";
  atom += "  <author><name>" + xml_escape(model.site.organisation.value) + "</name></author>\n";
  atom += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(href(home_path)) + "\"/>\n";
  if (!base.empty()) atom += "  <link rel=\"self\" href=\"" + xml_escape(base + feed_path) + "\"/>\n";
  return atom + entries + "</feed>\n";
}

/// A calendar (RFC 5545) of one committee's meetings, in UK local time.
std::string committee_calendar(const RenderContext& ctx, const Committee& c) {
  const Model& model = ctx.model;
  std::string ics;
  ical_begin(ics, "-//reportsite//meetings//EN", c.name.value);
  for (const auto& m : model.meetings) {
    if (m.committee.value != c.id.value) continue;
    const Date& day = m.date.value;
    std::optional<int> start = meeting_minutes(m.time.value);
    ical_line(ics, "BEGIN:VEVENT");
    ical_line(ics, "UID:meeting-" + m.id + "@reportsite");
    ical_line(ics, "DTSTAMP:" + ical_date(day) + "T000000Z");  // the meeting's date keeps the file deterministic
    ical_line(ics, ical_when("DTSTART", day, start));
    if (start) ical_line(ics, ical_when("DTEND", day, *start + kMeetingMinutes));
    else ical_line(ics, "DTEND;VALUE=DATE:" + ical_date(Date::from_days(day.days() + 1)));
    ical_line(ics, "SUMMARY:" + ical_escape(c.name.value));
    std::string description = m.status == MinutesStatus::draft ? "Draft minutes, not yet approved." : "Minutes confirmed.";
    for (const auto& it : m.items) description += "\n" + it.number.value + ". " + it.title.value;
    ical_line(ics, "DESCRIPTION:" + ical_escape(description));
    if (!m.venue.value.empty()) ical_line(ics, "LOCATION:" + ical_escape(m.venue.value));
    if (!model.site.base_url.value.empty()) ical_line(ics, "URL:" + model.site.base_url.value + paths::meeting(m.id));
    ical_line(ics, "END:VEVENT");
  }
  ical_line(ics, "END:VCALENDAR");
  return ics;
}

class FeedOutput : public OutputKind {
 public:
  std::string name() const override { return "feeds"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const Model& model = ctx.model;
    std::vector<size_t> all(model.meetings.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    out.push_back({"feed.xml", atom_feed(ctx, "feed.xml", model.site.title.value, paths::home(), all), "", ""});
    for (const auto& c : model.committees) {
      std::vector<size_t> mine;
      for (size_t i = 0; i < model.meetings.size(); ++i)
        if (model.meetings[i].committee.value == c.id.value) mine.push_back(i);
      std::string path = paths::committee_feed(c.id.value);
      out.push_back({path, atom_feed(ctx, path, c.name.value + ": meetings", paths::committee(c.id.value), mine), "", ""});
      out.push_back({paths::committee_ics(c.id.value), committee_calendar(ctx, c), "", ""});
    }

    if (!model.site.base_url.value.empty()) {
      std::string sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      std::vector<std::string> pages = {paths::home(), paths::register_all(), paths::glossary(), paths::search()};
      for (const auto& y : ctx.site.years) pages.push_back(paths::year(y.slug()));
      for (const auto& c : model.committees) pages.push_back(paths::committee(c.id.value));
      for (const auto& m : model.meetings) pages.push_back(paths::meeting(m.id));
      for (const auto& ru : ctx.site.undertakings) pages.push_back(paths::undertaking(ru.undertaking->id.value));
      for (const auto& r : model.reports) pages.push_back(paths::report(r.series.value, r.year));
      for (const auto& p : model.pages) pages.push_back(paths::page(p.stem));
      for (const auto& p : pages) sitemap += "  <url><loc>" + xml_escape(model.site.base_url.value + p) + "</loc></url>\n";
      sitemap += "</urlset>\n";
      out.push_back({"sitemap.xml", sitemap, "", ""});
    }
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_feed_output() { return std::make_unique<FeedOutput>(); }

}  // namespace rs
