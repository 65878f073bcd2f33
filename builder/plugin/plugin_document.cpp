#include "reportsite/plugin/plugin_document.h"

#include <cstdio>
#include <optional>

#include "reportsite/core/fs.h"
#include "reportsite/core/json_fields.h"
#include "reportsite/core/strings.h"
#include "reportsite/model/markers.h"
#include "reportsite/plugin/external_plugin.h"

namespace rs {

namespace {

// Absent text goes as "" and an absent number or date as null, so a field is
// always there with one type.
// Prose goes without its allow markers (the builder applies them to plugins'
// findings too), so a plugin never counts or quotes them.
std::string prose(const Text& t) { return t.value.find("<!--") == std::string::npos ? t.value : strip_markers(t.value); }
Json text(const Text& t) { return Json(prose(t)); }
Json date(const Date& d) { return d.valid() ? Json(d.iso()) : Json(); }
Json count(const std::optional<Located<long long>>& c) { return c ? Json(c->value) : Json(); }
Json percent(const std::optional<Located<double>>& p) { return p ? Json(p->value) : Json(); }
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

// Meetings and action updates are written from the model's field
// descriptions (model/model.h, core/json_fields.h), as site.json is, so a
// field added to Meeting, Item, Exchange, Undertaking, Document, Attendance or
// ActionUpdate reaches plugins with no edit here; plugin_document_test checks
// that the schema in docs/ names every one. The hook writes what plugins see
// differently from the file: prose without markers, exempt business cut
// short, a document's size.
struct DocumentHook {
  const Model& model;
  bool operator()(std::string& out, const Text& t) const {
    out += json_quote(prose(t));
    return true;
  }
  bool operator()(std::string& out, const Item& it) const {
    // Exempt business stops here: nothing else of the item leaves the builder, whatever fields Item gains.
    if (!it.exempt()) return false;
    out += "{\"number\": " + json_quote(it.number.value) + ", \"title\": ";
    (*this)(out, it.title);
    out += ", \"exempt\": " + std::to_string(it.exempt_paragraph) + "}";
    return true;
  }
  bool operator()(std::string& out, const Document& d) const {
    out += '{';
    json_fields::members(out, d, *this);
    auto size = model.document_sizes.find(d.file.value);
    out += ", \"size\": " + (size == model.document_sizes.end() ? std::string("null") : std::to_string(size->second));
    out += '}';
    return true;
  }
};

/// JSON this file wrote itself, as a value of the document.
Json parsed(const std::string& text) {
  JsonError error;
  std::optional<Json> value = parse_json(text, error, JsonLimits{64, text.size() + 1});
  return value ? std::move(*value) : Json();
}

Json meetings(const Model& m, const ResolvedSite& site) {
  DocumentHook hook{m};
  std::string out = "[";
  for (size_t i = 0; i < m.meetings.size(); ++i) {
    const Meeting& mt = m.meetings[i];
    if (i) out += ", ";
    out += "{\"id\": " + json_quote(mt.id) + ", \"file\": " + json_quote(site_relative_path(m, mt.file));
    out += ", \"municipal_year\": " +
           (i < site.meeting_year.size() ? json_quote(site.meeting_year[i].slug()) : std::string("null"));
    json_fields::members(out, mt, hook, false);
    out += '}';
  }
  return parsed(out + "]");
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
  DocumentHook hook{m};
  std::string out;
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
    if (!out.empty()) out += ", ";
    out += "{\"index\": " + std::to_string(i) + ", \"file\": " + json_quote(site_relative_path(m, u.file));
    json_fields::members(out, u, hook, false);
    out += '}';
  }
  return parsed("[" + out + "]");
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

  doc.set("meetings", meetings(m, site));

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
