#include "reportsite/plugin/plugin_document.h"

#include <cstdio>
#include <optional>

#include "reportsite/core/fs.h"
#include "reportsite/core/strings.h"
#include "reportsite/model/markers.h"
#include "reportsite/plugin/external_plugin.h"

namespace rs {

namespace {

// Absent text goes as "" and an absent number or date as null, so a field is
// always there with one type.
// Prose goes without its allow markers (the builder applies them to plugins'
// findings too), so a plugin never counts or quotes them.
Json text(const Text& t) {
  if (t.value.find("<!--") == std::string::npos) return Json(t.value);
  return Json(strip_markers(t.value));
}
Json date(const Date& d) { return d.valid() ? Json(d.iso()) : Json(); }
Json count(const std::optional<Located<long long>>& c) { return c ? Json(c->value) : Json(); }
Json percent(const std::optional<Located<double>>& p) { return p ? Json(p->value) : Json(); }
Json ids(const std::vector<Located<std::string>>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push(s.value);
  return a;
}
Json names(const std::vector<NameRef>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push(s.value);
  return a;
}

Json written_due(const DueSpec& d) {
  switch (d.kind) {
    case DueKind::none: return Json();
    case DueKind::date: return date(d.date);
    case DueKind::next_report: return "next-report";
    case DueKind::next_meeting: return "next-meeting";
  }
  return Json();
}

Json settings(const Model& m, const ResolvedSite& site) {
  const SiteSettings& s = m.site;
  char starts[8];
  std::snprintf(starts, sizeof starts, "%02d-%02d", s.year_start_month, s.year_start_day);
  Json o = Json::object();
  o.set("file", "data/site.yaml");
  o.set("title", text(s.title)).set("organisation", text(s.organisation));
  o.set("language", s.language.value).set("municipal_year_starts", starts).set("theme", s.theme.value);
  o.set("base_url", s.base_url.value).set("as_of", date(site.as_of)).set("contact", text(s.contact));
  return o;
}

Json item(const Model& m, const Item& it) {
  Json o = Json::object();
  o.set("number", it.number.value).set("title", text(it.title)).set("exempt", it.exempt_paragraph);
  // Exempt business stops here: nothing else of the item leaves the builder.
  if (it.exempt()) return o;
  o.set("report_of", text(it.report_of)).set("report", it.report.value).set("minutes", text(it.minutes));
  Json discussion = Json::array();
  for (const auto& e : it.discussion) {
    Json x = Json::object();
    x.set("asked_by", text(e.asked_by)).set("question", text(e.question));
    x.set("answered_by", text(e.answered_by)).set("answer", text(e.answer)).set("undertakings", ids(e.undertakings));
    discussion.push(std::move(x));
  }
  o.set("discussion", std::move(discussion));
  Json undertakings = Json::array();
  for (const auto& u : it.undertakings) {
    Json x = Json::object();
    x.set("id", u.id.value).set("text", text(u.text)).set("owner", text(u.owner));
    x.set("due", written_due(u.due)).set("requested_by", text(u.requested_by));
    undertakings.push(std::move(x));
  }
  o.set("undertakings", std::move(undertakings));
  o.set("resolved", text(it.resolved));
  Json documents = Json::array();
  for (const auto& d : it.documents) {
    Json x = Json::object();
    x.set("title", text(d.title)).set("file", d.file.value);
    x.set("size", m.document_sizes.count(d.file.value) ? Json(m.document_sizes.at(d.file.value)) : Json());
    documents.push(std::move(x));
  }
  o.set("documents", std::move(documents));
  return o;
}

Json meeting(const Model& m, const ResolvedSite& site, size_t index) {
  const Meeting& mt = m.meetings[index];
  Json o = Json::object();
  o.set("id", mt.id).set("file", site_relative_path(m, mt.file));
  o.set("committee", mt.committee.value).set("date", date(mt.date.value));
  o.set("municipal_year", index < site.meeting_year.size() ? Json(site.meeting_year[index].slug()) : Json());
  o.set("time", text(mt.time)).set("venue", text(mt.venue));
  o.set("status", mt.status == MinutesStatus::confirmed ? "confirmed" : "draft");
  Json attendance = Json::object();
  attendance.set("members", names(mt.attendance.members)).set("officers", names(mt.attendance.officers));
  attendance.set("apologies", names(mt.attendance.apologies));
  o.set("attendance", std::move(attendance));
  Json items = Json::array();
  for (const auto& it : mt.items) items.push(item(m, it));
  o.set("items", std::move(items));
  return o;
}

Json figures(const std::vector<Figure>& fs) {
  Json a = Json::array();
  for (const auto& f : fs) {
    Json x = Json::object();
    x.set("label", text(f.label)).set("count", count(f.count)).set("percent", percent(f.percent));
    a.push(std::move(x));
  }
  return a;
}

Json breakdown(const Breakdown& b) {
  Json o = Json::object();
  o.set("entries", figures(b.entries)).set("complete", b.complete);
  return o;
}

Json report(const Model& m, const Report& r) {
  Json o = Json::object();
  o.set("id", r.id).set("file", site_relative_path(m, r.file)).set("series", r.series.value).set("year", r.year);
  o.set("title", text(r.title)).set("period_from", date(r.period_from.value)).set("period_to", date(r.period_to.value));
  Json context = Json::array();
  for (const auto& f : r.context) {
    Json x = Json::object();
    x.set("label", text(f.label)).set("value", f.value.value);
    context.push(std::move(x));
  }
  o.set("context", std::move(context));
  Json stages = Json::array();
  for (const auto& s : r.stages) {
    Json x = Json::object();
    x.set("name", text(s.name)).set("received", count(s.received)).set("upheld", count(s.upheld));
    x.set("partly_upheld", count(s.partly_upheld)).set("not_upheld", count(s.not_upheld));
    x.set("withdrawn", count(s.withdrawn)).set("in_time_percent", percent(s.in_time_percent));
    stages.push(std::move(x));
  }
  o.set("stages", std::move(stages));
  Json ombudsman = Json::object();
  ombudsman.set("referred", count(r.ombudsman_referred)).set("upheld", count(r.ombudsman_upheld));
  o.set("ombudsman", std::move(ombudsman));
  o.set("representations", count(r.representations)).set("compliments", count(r.compliments));
  o.set("by_service", breakdown(r.by_service)).set("by_reason", breakdown(r.by_reason));
  Json equalities = Json::array();
  for (const auto& [name, b] : r.equalities) {
    Json x = breakdown(b);
    x.set("name", text(name));
    equalities.push(std::move(x));
  }
  o.set("equalities", std::move(equalities));
  o.set("notes", text(r.notes));
  return o;
}

/// The undertakings as the register shows them: public items only (resolve
/// never lists an exempt item's), with their standing on as_of.
Json undertaking(const Model& m, const ResolvedUndertaking& ru) {
  const Undertaking& u = *ru.undertaking;
  const Meeting& mt = m.meetings[ru.given.meeting];
  Json o = Json::object();
  o.set("id", u.id.value).set("file", site_relative_path(m, mt.file));
  o.set("meeting", mt.id).set("item", mt.items[ru.given.item].number.value);
  o.set("text", text(u.text)).set("owner", text(u.owner)).set("requested_by", text(u.requested_by));
  o.set("due", ru.due ? date(*ru.due) : Json());
  o.set("status", action_status_slug(ru.status)).set("timing", timing_slug(ru.timing));
  Json updates = Json::array();
  for (const ActionUpdate* a : ru.history) {
    Json x = Json::object();
    x.set("date", date(a->date.value)).set("status", action_status_slug(a->status.value)).set("note", text(a->note));
    x.set("meeting", a->meeting.value).set("file", site_relative_path(m, a->file));
    // Its place in the document's `actions`, by which a finding points at its note.
    if (!m.actions.empty() && a >= &m.actions.front() && a <= &m.actions.back())
      x.set("action", static_cast<long long>(a - &m.actions.front()));
    updates.push(std::move(x));
  }
  o.set("updates", std::move(updates));
  return o;
}

}  // namespace

std::string site_relative_path(const Model& model, FileId file) {
  if (file == kNoFile || file >= model.sources.size()) return "";
  const std::string& p = model.sources.path(file);
  const std::string prefix = join_path(model.root, "");
  if (!prefix.empty() && starts_with(p, prefix)) return p.substr(prefix.size());
  return p;
}

namespace {

Json glossary(const Model& m) {
  Json a = Json::array();
  for (const auto& g : m.glossary) {
    Json x = Json::object();
    Json avoid = Json::array(), allow = Json::array();
    for (const auto& t : g.avoid) avoid.push(text(t));
    for (const auto& w : g.allow) allow.push(w.value);
    x.set("file", site_relative_path(m, g.span.file)).set("term", text(g.term)).set("abbr", g.abbr.value);
    x.set("avoid", std::move(avoid)).set("reason", text(g.reason));
    x.set("severity", g.severity == Severity::error ? "error" : "warning").set("case_sensitive", g.case_sensitive);
    x.set("allow", std::move(allow));
    a.push(std::move(x));
  }
  return a;
}

/// The action points file as written: one update per entry, with its index for `at`.
Json actions(const Model& m, const ResolvedSite& site) {
  Json a = Json::array();
  for (size_t i = 0; i < m.actions.size(); ++i) {
    const ActionUpdate& u = m.actions[i];
    // An update to an exempt item's undertaking is not sent, as the undertaking is not.
    // One naming no undertaking of the register is not sent either: it may be an exempt item's.
    auto it = site.undertaking_index.find(u.undertaking.value);
    if (it == site.undertaking_index.end() || it->second >= site.undertakings.size()) continue;
    const ResolvedUndertaking& ru = site.undertakings[it->second];
    if (!ru.undertaking || ru.given.meeting >= m.meetings.size() ||
        m.meetings[ru.given.meeting].items[ru.given.item].exempt())
      continue;
    Json x = Json::object();
    x.set("index", static_cast<long long>(i)).set("file", site_relative_path(m, u.file));
    x.set("undertaking", u.undertaking.value).set("date", date(u.date.value));
    x.set("status", action_status_slug(u.status.value)).set("note", text(u.note)).set("meeting", u.meeting.value);
    a.push(std::move(x));
  }
  return a;
}

}  // namespace

Json plugin_document_for(const Json& document, const ExternalPlugin& plugin) {
  Json doc = document;
  Json me = Json::object();
  JsonError error;
  std::optional<Json> options = parse_json(plugin.options_json, error);
  me.set("name", plugin.name.value).set("options", options ? std::move(*options) : Json::object());
  doc.set("plugin", std::move(me));
  return doc;
}

Json plugin_document(const Model& m, const ResolvedSite& site, const std::string& builder_version,
                     const std::string& command) {
  Json doc = Json::object();
  Json rs = Json::object();
  rs.set("version", builder_version).set("protocol", kPluginProtocol).set("command", command);
  doc.set("reportsite", std::move(rs));
  doc.set("site", settings(m, site));

  Json committees = Json::array();
  for (const auto& c : m.committees) {
    Json x = Json::object();
    x.set("id", c.id.value).set("file", site_relative_path(m, c.id.span.file));
    x.set("name", text(c.name)).set("description", text(c.description));
    committees.push(std::move(x));
  }
  doc.set("committees", std::move(committees));

  Json people = Json::array();
  for (const auto& p : m.people) {
    Json x = Json::object();
    x.set("id", p.id.value).set("file", site_relative_path(m, p.id.span.file)).set("name", text(p.name));
    x.set("role", p.role == PersonRole::officer ? "officer" : "member");
    people.push(std::move(x));
  }
  doc.set("people", std::move(people));

  Json meetings = Json::array();
  for (size_t i = 0; i < m.meetings.size(); ++i) meetings.push(meeting(m, site, i));
  doc.set("meetings", std::move(meetings));

  Json reports = Json::array();
  for (const auto& r : m.reports) reports.push(report(m, r));
  doc.set("reports", std::move(reports));

  Json undertakings = Json::array();
  for (const auto& ru : site.undertakings)
    if (ru.undertaking && ru.given.meeting < m.meetings.size() &&
        !m.meetings[ru.given.meeting].items[ru.given.item].exempt())
      undertakings.push(undertaking(m, ru));
  doc.set("undertakings", std::move(undertakings));

  Json pages = Json::array();
  for (const auto& p : m.pages) {
    Json x = Json::object();
    x.set("id", p.stem).set("file", site_relative_path(m, p.file)).set("title", text(p.title));
    x.set("order", p.order).set("body", text(p.body));
    pages.push(std::move(x));
  }
  doc.set("pages", std::move(pages));
  doc.set("glossary", glossary(m));
  doc.set("actions", actions(m, site));
  return doc;
}

}  // namespace rs
