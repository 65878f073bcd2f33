// The whole public model as one download (data/open-data.json): meetings as
// Open Civic Data Events, people, organisations and memberships, and the
// Q&A as speeches, after Popolo; then ours under named keys (undertakings,
// action points, complaint reports with their year-on-year changes, the
// glossary). Beside it its JSON Schema, and each complaint series as CSV, a
// row a year, with CSV on the Web metadata that names the licence. Each
// writer below sits beside the schema of what it writes; the described parts
// (agenda items, action points) take both from model.h's descriptions.
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "reportsite/render/akoma_ntoso.h"
#include "reportsite/core/hash.h"
#include "reportsite/core/json_fields.h"
#include "reportsite/core/json_schema.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/feeds.h"
#include "reportsite/render/report_figures.h"
#include "reportsite/render/undertaking_table.h"
#include "reportsite/render/view.h"

namespace rs {

namespace {

using Props = std::vector<std::pair<std::string, std::string>>;

std::string q(std::string_view s) { return json_quote(s); }
template <class T>
std::string js(const T& v) {  // one value as json_fields writes it
  std::string out;
  json_fields::write(out, v);
  return out;
}

// ---- schema pieces
const std::string kStr = R"({"type": "string"})";
const std::string kInt = R"({"type": "integer"})";
const std::string kCount = R"({"type": ["integer", "null"], "minimum": 0})";
const std::string kNumber = R"({"type": ["number", "null"]})";
const std::string kBool = R"({"type": "boolean"})";
const std::string kDate = R"({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})";
std::string nullable(const std::string& s) { return json_fields::nullable(s); }
std::string array_of(const std::string& items) { return R"({"type": "array", "items": )" + items + "}"; }
std::string constant(const std::string& v) { return "{\"const\": " + q(v) + "}"; }
std::string one_of_strings(std::initializer_list<const char*> values) {
  std::string s = "{\"enum\": [";
  for (const char* v : values) s += (s.back() == '[' ? "" : ", ") + q(v);
  return s + "]}";
}
/// An object of exactly these keys, every one required; a description when given.
std::string closed(const Props& props, const std::string& description = "") {
  std::string p, r;
  for (const auto& [k, v] : props) {
    p += (p.empty() ? "" : ", ") + q(k) + ": " + v;
    r += (r.empty() ? "" : ", ") + q(k);
  }
  return "{" + (description.empty() ? "" : "\"description\": " + q(description) + ", ") +
         "\"type\": \"object\", \"properties\": {" + p + "}, \"required\": [" + r + "], \"additionalProperties\": false}";
}
std::string described(const std::string& description, const std::string& schema) {
  return "{\"description\": " + q(description) + ", \"allOf\": [" + schema + "]}";
}

std::string licence_schema() {
  return closed({{"id", nullable(kStr)}, {"name", kStr}, {"url", kStr}},
                "The terms the data may be reused on (data/site.yaml `licence`).");
}

/// A name as written, and the people id it is when it is one.
std::optional<std::string> person_id(const RenderContext& ctx, const NameRef& name) {
  if (ctx.site.people.count(name.value)) return name.value;
  return std::nullopt;
}
std::string person_name(const RenderContext& ctx, const NameRef& name) {
  const Person* p = ctx.site.person(name.value, ctx.model);
  return p ? p->name.value : name.value;
}
std::string id_or_null(const std::optional<std::string>& id) { return id ? q(*id) : "null"; }

std::string council_id(const Model& m) {
  return m.site.council_code.value.empty() ? owner_slug(m.site.organisation.value) : m.site.council_code.value;
}

// ---- Popolo: organisations, people, memberships

std::string organizations(const RenderContext& ctx) {
  const Model& m = ctx.model;
  std::string j = "[\n    {\"id\": " + q(council_id(m)) + ", \"name\": " + q(m.site.organisation.value) +
                  ", \"classification\": \"council\", \"parent_id\": null, \"description\": \"\"}";
  for (const auto& c : m.committees)
    j += ",\n    {\"id\": " + q(c.id.value) + ", \"name\": " + q(c.name.value) +
         ", \"classification\": \"committee\", \"parent_id\": " + q(council_id(m)) +
         ", \"description\": " + q(c.description.value) + "}";
  return j + "\n  ]";
}
std::string organizations_schema() {
  return array_of(closed({{"id", kStr},
                          {"name", kStr},
                          {"classification", one_of_strings({"council", "committee"})},
                          {"parent_id", nullable(kStr)},
                          {"description", kStr}},
                         "A Popolo Organization: the council, and each committee (data/committees.yaml); "
                         "a committee's description is Markdown."));
}

std::string people(const RenderContext& ctx) {
  std::string j = "[";
  for (size_t i = 0; i < ctx.model.people.size(); ++i) {
    const Person& p = ctx.model.people[i];
    j += std::string(i ? "," : "") + "\n    {\"id\": " + q(p.id.value) + ", \"name\": " + q(p.name.value) +
         ", \"role\": " + q(p.role == PersonRole::officer ? "officer" : "member") + "}";
  }
  return j + (ctx.model.people.empty() ? "]" : "\n  ]");
}
std::string people_schema() {
  return array_of(closed({{"id", kStr}, {"name", kStr}, {"role", one_of_strings({"member", "officer"})}},
                         "A Popolo Person: everyone in data/people.yaml."));
}

/// Popolo memberships as the minutes record them: a person named by id among
/// a committee meeting's members (present or apologies) is a member of that
/// committee; one named among its officers serves the council as an officer.
std::string memberships(const RenderContext& ctx) {
  std::set<std::pair<std::string, std::string>> seen;  // person, organisation
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  auto add = [&](const NameRef& name, const std::string& org, const char* role) {
    auto id = person_id(ctx, name);
    if (id && seen.insert({*id, org}).second) out.emplace_back(*id, org, role);
  };
  for (const auto& m : ctx.model.meetings) {
    for (const auto& n : m.attendance.members) add(n, m.committee.value, "member");
    for (const auto& n : m.attendance.apologies) add(n, m.committee.value, "member");
    for (const auto& n : m.attendance.officers) add(n, council_id(ctx.model), "officer");
  }
  std::string j = "[";
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& [person, org, role] = out[i];
    j += std::string(i ? "," : "") + "\n    {\"id\": " + q(person + "@" + org) + ", \"person_id\": " + q(person) +
         ", \"organization_id\": " + q(org) + ", \"role\": " + q(role) + "}";
  }
  return j + (out.empty() ? "]" : "\n  ]");
}
std::string memberships_schema() {
  return array_of(closed({{"id", kStr}, {"person_id", kStr}, {"organization_id", kStr},
                          {"role", one_of_strings({"member", "officer"})}},
                         "A Popolo Membership, as the attendance lists record it: a person named by id among a "
                         "committee's members or apologies is its member; among the officers, an officer of the council."));
}

// ---- Open Civic Data: events (meetings) and their agenda

std::string media_type(const std::string& file) {
  auto dot = file.rfind('.');
  std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "pdf") return "application/pdf";
  if (ext == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == "odt") return "application/vnd.oasis.opendocument.text";
  if (ext == "csv") return "text/csv";
  if (ext == "html" || ext == "htm") return "text/html";
  return "application/octet-stream";
}

/// Exempt business: its number, title and paragraph, and nothing else of it,
/// as in site.json (outputs.cpp), whatever fields Item gains.
std::string exempt_agenda_item(const Item& it, size_t order) {
  std::string paragraph = std::to_string(it.exempt_paragraph);
  return "{\"order\": " + std::to_string(order) + ", \"description\": " + q(it.title.value) +
         ", \"classification\": [\"exempt\"], \"number\": " + q(it.number.value) + ", \"title\": " +
         q(it.title.value) + ", \"exempt_paragraph\": " + paragraph + ", \"exempt\": " + paragraph + "}";
}

std::string agenda_item(const RenderContext& ctx, const Item& it, size_t order) {
  if (it.exempt()) return exempt_agenda_item(it, order);
  std::string j = "{\"order\": " + std::to_string(order) + ", \"description\": " + q(it.title.value) +
                  ", \"classification\": [], \"notes\": [";
  if (!it.resolved.value.empty()) j += q(it.resolved.value);
  j += "], \"related_entities\": [";
  if (!it.report.value.empty()) {
    auto r = ctx.site.reports.find(it.report.value);
    std::string name = r != ctx.site.reports.end() ? ctx.model.reports[r->second].title.value : it.report.value;
    j += "{\"entity_type\": \"complaint_report\", \"entity_id\": " + q(it.report.value) + ", \"name\": " + q(name) + "}";
  }
  j += "]";
  // Then every named field of the item's description, as in site.json.
  json_fields::members(j, it, json_fields::NoHook{}, false);
  return j + "}";
}
std::string agenda_item_schema() {
  Props ocd = {{"order", kInt},
               {"description", kStr},
               {"classification", R"({"type": "array", "maxItems": 0})"},
               {"notes", array_of(kStr)},
               {"related_entities", array_of(closed({{"entity_type", constant("complaint_report")},
                                                     {"entity_id", kStr},
                                                     {"name", kStr}}))}};
  std::string extra, required;
  for (const auto& [k, v] : ocd) {
    extra += (extra.empty() ? "" : ", ") + q(k) + ": " + v;
    required += (required.empty() ? "" : ", ") + q(k);
  }
  std::string open = json_fields::object_schema<Item>(json_fields::NoHook{}, extra, required);
  std::string exempt = closed({{"order", kInt},
                               {"description", kStr},
                               {"classification", R"({"type": "array", "items": {"const": "exempt"}, "minItems": 1, "maxItems": 1})"},
                               {"number", kStr},
                               {"title", kStr},
                               {"exempt_paragraph", kInt},
                               {"exempt", kInt}},
                              "Exempt business (Schedule 12A): its number, title and paragraph only.");
  return described("An Open Civic Data agenda item (order from 1, description, notes: the decision), then "
                   "every field of the item as written (docs/writing-content.md).",
                   "{\"oneOf\": [" + open + ", " + exempt + "]}");
}

std::string participants(const RenderContext& ctx, const Meeting& m) {
  std::string j = "[{\"name\": " + q(committee_name(ctx, m.committee.value)) +
                  ", \"entity_type\": \"organization\", \"entity_id\": " + q(m.committee.value) + ", \"note\": \"host\"}";
  auto add = [&](const std::vector<NameRef>& names, const char* note) {
    for (const auto& n : names)
      j += ", {\"name\": " + q(person_name(ctx, n)) + ", \"entity_type\": \"person\", \"entity_id\": " +
           id_or_null(person_id(ctx, n)) + ", \"note\": " + q(note) + "}";
  };
  add(m.attendance.members, "member");
  add(m.attendance.officers, "officer");
  add(m.attendance.apologies, "apologies");
  return j + "]";
}

std::string event(const RenderContext& ctx, const Meeting& m) {
  std::optional<int> minutes = meeting_minutes(m.time.value);
  std::string start = m.date.value.iso();
  if (minutes) {
    char hm[16];
    std::snprintf(hm, sizeof hm, "T%02d:%02d", (*minutes / 60) % 24, *minutes % 60);
    start += hm;
  }
  const bool passed = m.status == MinutesStatus::confirmed || m.date.value < ctx.site.as_of;
  std::string j = "{\"id\": " + q(m.id) + ", \"name\": " + q(meeting_title(ctx, m)) +
                  ", \"classification\": \"committee-meeting\", \"start_date\": " + q(start) +
                  ", \"timezone\": \"Europe/London\"" +
                  ", \"status\": " + q(passed ? "passed" : "confirmed") + ", \"location\": " +
                  (m.venue.value.empty() ? std::string("null") : "{\"name\": " + q(m.venue.value) + "}") +
                  ", \"participants\": " + participants(ctx, m) + ", \"agenda\": [";
  for (size_t i = 0; i < m.items.size(); ++i) j += (i ? ", " : "") + agenda_item(ctx, m.items[i], i + 1);
  j += "], \"documents\": [";
  bool first = true;
  for (const auto& it : m.items) {
    if (it.exempt()) continue;
    for (const auto& d : it.documents) {
      j += std::string(first ? "" : ", ") + "{\"note\": " + q(d.title.value) + ", \"url\": " +
           q(paths::document(d.file.value)) + ", \"media_type\": " + q(media_type(d.file.value)) +
           ", \"agenda_item\": " + q(it.number.value) + "}";
      first = false;
    }
  }
  j += "], \"links\": [{\"note\": \"meeting page\", \"url\": " + q(paths::meeting(m.id)) +
       "}, {\"note\": \"Akoma Ntoso\", \"url\": " + q(akn_path(m)) + "}]";
  j += ", \"committee\": " + q(m.committee.value) + ", \"time\": " + q(m.time.value) +
       ", \"minutes_status\": " + js(m.status) + "}";
  return j;
}
std::string event_schema() {
  return closed(
      {{"id", kStr},
       {"name", kStr},
       {"classification", constant("committee-meeting")},
       {"start_date", R"({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$"})"},
       {"timezone", kStr},
       {"status", one_of_strings({"passed", "confirmed"})},
       {"location", nullable(closed({{"name", kStr}}))},
       {"participants", array_of(closed({{"name", kStr},
                                         {"entity_type", one_of_strings({"organization", "person"})},
                                         {"entity_id", nullable(kStr)},
                                         {"note", one_of_strings({"host", "member", "officer", "apologies"})}}))},
       {"agenda", array_of(agenda_item_schema())},
       {"documents", array_of(closed({{"note", kStr}, {"url", kStr}, {"media_type", kStr}, {"agenda_item", kStr}}))},
       {"links", array_of(closed({{"note", kStr}, {"url", kStr}}))},
       {"committee", kStr},
       {"time", kStr},
       {"minutes_status", one_of_strings({"draft", "confirmed"})}},
      "An Open Civic Data Event: one meeting. start_date is local time (timezone) when the time is given as HH:MM; "
      "status is passed once the minutes are confirmed or the day is before as_of. URLs are relative to the "
      "site's root folder.");
}

/// Popolo speeches: each question and answer of public business, in order.
/// One meeting's speeches, each after the first preceded by a comma: the
/// file's speeches are every meeting's, with a comma between those that have any.
std::string meeting_speeches(const RenderContext& ctx, const Meeting& m) {
  std::string j;
  for (const auto& it : m.items) {
    if (it.exempt()) continue;
    for (size_t x = 0; x < it.discussion.size(); ++x) {
      const Exchange& e = it.discussion[x];
      std::string base = m.id + "/" + it.number.value + "/" + std::to_string(x + 1);
      auto speech = [&](const char* type, const NameRef& by, const Text& text, const std::string& replying_to) {
        if (text.value.empty()) return;
        j += std::string(j.empty() ? "" : ",") + "\n    {\"id\": " + q(base + "/" + type) + ", \"type\": " + q(type) +
             ", \"event_id\": " + q(m.id) + ", \"agenda_item\": " + q(it.number.value) + ", \"position\": " +
             std::to_string(x + 1) + ", \"creator_id\": " + id_or_null(person_id(ctx, by)) +
             ", \"attribution_text\": " + q(person_name(ctx, by)) + ", \"text\": " + q(text.value) +
             ", \"date\": " + q(m.date.value.iso()) + ", \"in_reply_to\": " +
             (replying_to.empty() ? std::string("null") : q(replying_to)) + "}";
      };
      speech("question", e.asked_by, e.question, "");
      speech("answer", e.answered_by, e.answer, e.question.value.empty() ? "" : base + "/question");
    }
  }
  return j;
}
std::string speeches_schema() {
  return array_of(closed({{"id", kStr},
                          {"type", one_of_strings({"question", "answer"})},
                          {"event_id", kStr},
                          {"agenda_item", kStr},
                          {"position", kInt},
                          {"creator_id", nullable(kStr)},
                          {"attribution_text", kStr},
                          {"text", kStr},
                          {"date", kDate},
                          {"in_reply_to", nullable(kStr)}},
                         "A Popolo Speech: a question or answer of an exchange in an item's discussion (Markdown). "
                         "position: the exchange's place in the item, from 1."));
}

// ---- ours: undertakings, action points, complaint reports, glossary

std::string undertakings(const RenderContext& ctx) {
  std::string j = "[";
  const auto& cols = undertaking_columns();
  bool first = true;
  for (const ResolvedUndertaking* ru : register_order(ctx.site)) {
    auto cs = cells(undertaking_row(ctx.model, ctx.site, *ru));
    j += std::string(first ? "" : ",") + "\n    {";
    for (size_t c = 0; c < cols.size(); ++c) j += (c ? ", " : "") + q(cols[c]) + ": " + q(cs[c]);
    j += "}";
    first = false;
  }
  return j + (first ? "]" : "\n  ]");
}
std::string undertakings_schema() {
  Props p;
  for (const auto& c : undertaking_columns()) p.push_back({c, kStr});
  return array_of(closed(p, "The undertakings register as at as_of, in its order: the rows of undertakings.csv."));
}

/// Action points on public undertakings only: one on an exempt item's is not published.
std::string action_points(const RenderContext& ctx) {
  std::string j = "[";
  bool first = true;
  for (const auto& a : ctx.model.actions) {
    if (!ctx.site.undertaking_index.count(a.undertaking.value)) continue;
    j += std::string(first ? "" : ",") + "\n    " + js(a);
    first = false;
  }
  return j + (first ? "]" : "\n  ]");
}
std::string action_points_schema() {
  return described("content/actions: each update on a public undertaking, every field as written.",
                   json_fields::schema<std::vector<ActionUpdate>>());
}

std::string figure_change(const FigureChange& c) {
  return "{\"label\": " + q(c.label) + ", \"value\": " + std::to_string(c.value) + ", \"previous\": " +
         js(c.previous) + ", \"change\": " + (c.change.comparable ? std::to_string(c.change.delta) : "null") +
         ", \"percent\": " + (c.change.comparable ? js(c.change.percent) : "null") + ", \"text\": " + q(c.text) + "}";
}
std::string figure_change_schema() {
  return closed({{"label", kStr},
                 {"value", kInt},
                 {"previous", nullable(kInt)},
                 {"change", nullable(kInt)},
                 {"percent", kNumber},
                 {"text", kStr}},
                "A figure with its change on the year before, as the report page shows it: change and percent are "
                "null when there is nothing to compare (percent also when the figure the year before was 0).");
}

std::string breakdown(const Breakdown& b) {
  std::string j = "{\"complete\": " + std::string(b.complete ? "true" : "false") + ", \"entries\": [";
  for (size_t i = 0; i < b.entries.size(); ++i)
    j += std::string(i ? ", " : "") + "{\"label\": " + q(b.entries[i].label.value) + ", \"count\": " +
         js(b.entries[i].count) + ", \"percent\": " + js(b.entries[i].percent) + "}";
  return j + "]}";
}
Props breakdown_props() {
  return {{"complete", kBool},
          {"entries", array_of(closed({{"label", kStr}, {"count", kCount}, {"percent", kNumber}}))}};
}

/// The series' reports, oldest first, and its main figures.
struct SeriesView {
  std::vector<const Report*> reports;
  std::vector<MainFigure> figures;
};
SeriesView series_view(const RenderContext& ctx, const std::string& series) {
  SeriesView s;
  for (size_t ri : ctx.site.series.at(series)) s.reports.push_back(&ctx.model.reports[ri]);
  s.figures = main_figures(s.reports);
  return s;
}
const Report* previous_report(const RenderContext& ctx, const Report& r) {
  auto it = ctx.site.reports.find(r.series.value + "-" + previous_year(r.year));
  return it == ctx.site.reports.end() ? nullptr : &ctx.model.reports[it->second];
}

std::string complaint_report(const RenderContext& ctx, const Report& r, const SeriesView& sv) {
  std::string j = "{\"id\": " + q(r.id) + ", \"series\": " + q(r.series.value) + ", \"year\": " + q(r.year) +
                  ", \"title\": " + q(r.title.value) + ", \"period\": {\"from\": " + js(r.period_from) +
                  ", \"to\": " + js(r.period_to) + "}, \"context\": [";
  for (size_t i = 0; i < r.context.size(); ++i)
    j += std::string(i ? ", " : "") + "{\"label\": " + q(r.context[i].label.value) +
         ", \"value\": " + std::to_string(r.context[i].value.value) + "}";
  j += "], \"stages\": [";
  for (size_t i = 0; i < r.stages.size(); ++i) {
    const Stage& s = r.stages[i];
    j += std::string(i ? ", " : "") + "{\"name\": " + q(s.name.value) + ", \"received\": " + js(s.received) +
         ", \"upheld\": " + js(s.upheld) + ", \"partly_upheld\": " + js(s.partly_upheld) + ", \"not_upheld\": " +
         js(s.not_upheld) + ", \"withdrawn\": " + js(s.withdrawn) + ", \"in_time_percent\": " +
         js(s.in_time_percent) + "}";
  }
  j += "], \"ombudsman\": {\"referred\": " + js(r.ombudsman_referred) + ", \"upheld\": " + js(r.ombudsman_upheld) +
       "}, \"representations\": " + js(r.representations) + ", \"compliments\": " + js(r.compliments) +
       ", \"by_service\": " + breakdown(r.by_service) + ", \"by_reason\": " + breakdown(r.by_reason) +
       ", \"equalities\": [";
  for (size_t i = 0; i < r.equalities.size(); ++i) {
    std::string b = breakdown(r.equalities[i].second);
    j += std::string(i ? ", " : "") + "{\"name\": " + q(r.equalities[i].first.value) + ", " + b.substr(1);
  }
  const Report* prev = previous_report(ctx, r);
  const ReportChanges changes = report_changes(r, prev, sv.figures);
  j += "], \"notes\": " + q(r.notes.value) + ", \"year_on_year\": {\"previous_year\": " +
       (prev ? q(prev->year) : std::string("null")) + ", \"context\": [";
  for (size_t i = 0; i < changes.context.size(); ++i) j += (i ? ", " : "") + figure_change(changes.context[i]);
  j += "], \"figures\": [";
  for (size_t i = 0; i < changes.figures.size(); ++i) j += (i ? ", " : "") + figure_change(changes.figures[i]);
  j += "]}, \"page\": " + q(paths::report(r.series.value, r.year)) + ", \"csv\": " + q(complaints_csv_path(r.series.value)) + "}";
  return j;
}
std::string complaint_report_schema() {
  const std::string b = closed(breakdown_props());
  Props named{{"name", kStr}};
  for (const auto& p : breakdown_props()) named.push_back(p);
  const std::string equality = closed(named);
  return closed(
      {{"id", kStr},
       {"series", kStr},
       {"year", R"({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"})"},
       {"title", kStr},
       {"period", closed({{"from", nullable(kDate)}, {"to", nullable(kDate)}})},
       {"context", array_of(closed({{"label", kStr}, {"value", kInt}}))},
       {"stages", array_of(closed({{"name", kStr},
                                   {"received", kCount},
                                   {"upheld", kCount},
                                   {"partly_upheld", kCount},
                                   {"not_upheld", kCount},
                                   {"withdrawn", kCount},
                                   {"in_time_percent", kNumber}}))},
       {"ombudsman", closed({{"referred", kCount}, {"upheld", kCount}})},
       {"representations", kCount},
       {"compliments", kCount},
       {"by_service", b},
       {"by_reason", b},
       {"equalities", array_of(equality)},
       {"notes", kStr},
       {"year_on_year", closed({{"previous_year", nullable(kStr)},
                                {"context", array_of(figure_change_schema())},
                                {"figures", array_of(figure_change_schema())}},
                               "Computed, never typed: each figure against the same series' report for the year "
                               "before (previous_year), as the report page shows it.")},
       {"page", kStr},
       {"csv", kStr}},
      "An annual complaints report (content/reports/<series>/<year>.yaml), every figure as written; a figure not "
      "given is null.");
}

std::string glossary(const RenderContext& ctx) {
  std::string j = "[";
  auto texts = [](const std::vector<Text>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + q(v[i].value);
    return s + "]";
  };
  for (size_t i = 0; i < ctx.model.glossary.size(); ++i) {
    const GlossaryEntry& g = ctx.model.glossary[i];
    std::string allow = "[";
    for (size_t a = 0; a < g.allow.size(); ++a) allow += (a ? ", " : "") + q(g.allow[a].value);
    j += std::string(i ? "," : "") + "\n    {\"term\": " + q(g.term.value) + ", \"abbr\": " + q(g.abbr.value) +
         ", \"avoid\": " + texts(g.avoid) + ", \"reason\": " + q(g.reason.value) + ", \"severity\": " +
         q(severity_name(g.severity)) + ", \"case_sensitive\": " + (g.case_sensitive ? "true" : "false") +
         ", \"allow\": " + allow + "], \"examples\": {\"good\": " + texts(g.examples.good) +
         ", \"bad\": " + texts(g.examples.bad) + "}}";
  }
  return j + (ctx.model.glossary.empty() ? "]" : "\n  ]");
}
std::string glossary_schema() {
  return array_of(closed({{"term", kStr},
                          {"abbr", kStr},
                          {"avoid", array_of(kStr)},
                          {"reason", kStr},
                          {"severity", kStr},
                          {"case_sensitive", kBool},
                          {"allow", array_of(kStr)},
                          {"examples", closed({{"good", array_of(kStr)}, {"bad", array_of(kStr)}})}},
                         "data/glossary.yaml: an entry as written; an empty string where a key is not given."));
}

// ---- CSV: a row a year, a column a figure

/// Every figure of a report under its column name, in the report's order.
std::vector<std::pair<std::string, std::string>> report_cells(const Report& r) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& column, const std::string& value) {
    if (value != "null") out.emplace_back(column, value);
  };
  for (const auto& f : r.context) add(f.label.value, std::to_string(f.value.value));
  for (const auto& s : r.stages) {
    add(s.name.value + ": received", js(s.received));
    add(s.name.value + ": upheld", js(s.upheld));
    add(s.name.value + ": partly upheld", js(s.partly_upheld));
    add(s.name.value + ": not upheld", js(s.not_upheld));
    add(s.name.value + ": withdrawn", js(s.withdrawn));
    add(s.name.value + ": in time (%)", js(s.in_time_percent));
  }
  add("Referred to the Ombudsman", js(r.ombudsman_referred));
  add("Upheld by the Ombudsman", js(r.ombudsman_upheld));
  add("Representations", js(r.representations));
  add("Compliments", js(r.compliments));
  auto entries = [&](const std::string& prefix, const Breakdown& b) {
    for (const auto& e : b.entries) {
      if (e.count) add(prefix + e.label.value, js(e.count));
      if (e.percent) add(prefix + e.label.value + " (%)", js(e.percent));
    }
  };
  entries("By service: ", r.by_service);
  entries("By reason: ", r.by_reason);
  for (const auto& [name, b] : r.equalities) entries("Complainants by " + name.value + ": ", b);
  return out;
}

struct SeriesTable {
  std::vector<std::string> columns;  // after year, period_from, period_to
  std::vector<std::vector<std::string>> lines;  // the header first
};
SeriesTable series_table(const SeriesView& sv) {
  SeriesTable t;
  std::vector<std::map<std::string, std::string>> rows;
  std::set<std::string> known;
  for (const Report* r : sv.reports) {
    auto& row = rows.emplace_back();
    for (const auto& [column, value] : report_cells(*r)) {
      if (known.insert(column).second) t.columns.push_back(column);
      row.emplace(column, value);
    }
  }
  t.lines.push_back({"year", "period_from", "period_to"});
  for (const auto& c : t.columns) t.lines[0].push_back(c);
  for (size_t i = 0; i < sv.reports.size(); ++i) {
    const Report& r = *sv.reports[i];
    std::vector<std::string> line{r.year, r.period_from.value.valid() ? r.period_from.value.iso() : "",
                                  r.period_to.value.valid() ? r.period_to.value.iso() : ""};
    for (const auto& c : t.columns) {
      auto v = rows[i].find(c);
      line.push_back(v == rows[i].end() ? "" : v->second);
    }
    t.lines.push_back(std::move(line));
  }
  return t;
}

/// CSV on the Web (W3C) metadata beside a CSV: its licence, title and columns.
std::string csvw_metadata(const RenderContext& ctx, const std::string& series, const SeriesTable& t,
                          const std::string& title) {
  const Licence& l = ctx.model.site.licence;
  std::string j = "{\n  \"@context\": \"http://www.w3.org/ns/csvw\",\n  \"url\": " + q(series + ".csv") +
                  ",\n  \"dc:title\": " + q(title) + ",\n  \"dc:publisher\": " + q(ctx.model.site.organisation.value) +
                  ",\n  \"dc:license\": {\"@id\": " + q(l.url) + "},\n  \"rdfs:comment\": " +
                  q("Reuse under the " + l.name + ": " + l.url) +
                  ",\n  \"tableSchema\": {\"primaryKey\": \"year\", \"columns\": [";
  for (size_t i = 0; i < t.lines[0].size(); ++i) {
    const std::string& c = t.lines[0][i];
    const bool percent = c.size() >= 3 && c.compare(c.size() - 3, 3, "(%)") == 0;
    const char* type = i == 0 ? "string" : i < 3 ? "date" : percent ? "decimal" : "integer";
    j += std::string(i ? "," : "") + "\n    {\"titles\": " + q(c) + ", \"datatype\": " + q(type) + "}";
  }
  return j + "\n  ]}\n}\n";
}

std::string series_title(const Report& latest) {
  std::string title = latest.title.value;  // "... Annual Report 2017/18" names a year; the series spans them all
  if (auto pos = title.rfind(' '); pos != std::string::npos && title.find('/', pos) != std::string::npos)
    title = title.substr(0, pos);
  return title;
}

// ---- the whole

std::string top_schema(const Licence& l) {
  return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$comment\": " +
         q("Reuse under the " + l.name + ": " + l.url) + ",\n  \"title\": " +
         q("reportsite open data (data/open-data.json)") + ",\n  \"description\": " +
         q("A council committee site's public record: meetings as Open Civic Data Events; people, organisations, "
           "memberships and speeches after Popolo; then the site's own undertakings, action points, complaint "
           "reports and glossary. Exempt business appears as its number, title and paragraph only.") +
         ",\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"required\": [\"schema\", \"format\", "
         "\"title\", \"publisher\", \"licence\", \"as_of\", \"downloads\", \"organizations\", \"people\", "
         "\"memberships\", \"events\", \"speeches\", \"undertakings\", \"action_points\", \"complaint_reports\", "
         "\"glossary\"],\n  \"properties\": {\n" +
         "    \"schema\": " + constant("open-data.schema.json") + ",\n    \"format\": " + constant("reportsite-open-data/1") +
         ",\n    \"title\": " + kStr + ",\n    \"publisher\": " + kStr + ",\n    \"licence\": " + licence_schema() +
         ",\n    \"as_of\": " + described("The date undertakings' states are judged on.", kDate) +
         ",\n    \"downloads\": " + array_of(closed({{"title", kStr}, {"url", kStr}, {"media_type", kStr}})) +
         ",\n    \"organizations\": " + organizations_schema() + ",\n    \"people\": " + people_schema() +
         ",\n    \"memberships\": " + memberships_schema() + ",\n    \"events\": " + array_of(event_schema()) +
         ",\n    \"speeches\": " + speeches_schema() + ",\n    \"undertakings\": " + undertakings_schema() +
         ",\n    \"action_points\": " + action_points_schema() +
         ",\n    \"complaint_reports\": " + array_of(complaint_report_schema()) + ",\n    \"glossary\": " +
         glossary_schema() + "\n  }\n}\n";
}

class OpenDataExport : public OutputKind {
 public:
  std::string name() const override { return "open-data"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const Model& m = ctx.model;
    std::string downloads = "[{\"title\": \"This file's JSON Schema\", \"url\": \"data/open-data.schema.json\", "
                            "\"media_type\": \"application/schema+json\"}";
    std::string reports = "[";
    bool first_report = true;
    for (const auto& [series, indexes] : ctx.site.series) {
      SeriesView sv = series_view(ctx, series);
      for (const Report* r : sv.reports) {
        reports += std::string(first_report ? "" : ",") + "\n    " + complaint_report(ctx, *r, sv);
        first_report = false;
      }
      SeriesTable t = series_table(sv);
      const std::string title = series_title(*sv.reports.back()) + ": figures by year";
      out.push_back({complaints_csv_path(series), csv_table(t.lines), "", ""});
      out.push_back({complaints_csv_path(series) + "-metadata.json", csvw_metadata(ctx, series, t, title), "", ""});
      downloads += ", {\"title\": " + q(title) + ", \"url\": " + q(complaints_csv_path(series)) +
                   ", \"media_type\": \"text/csv\"}";
    }
    reports += first_report ? "]" : "\n  ]";
    // Each meeting's event and speeches are made from it and the site-wide
    // data alone, so all are made in parallel, and an unchanged meeting's are
    // copied from the published file (as for site.json).
    SplicedFile file(ctx, "data/open-data.json");
    std::optional<ReadHashes> own;
    if (!ctx.reuse) own.emplace(ctx.model, ctx.site, ctx.theme);
    const ReadHashes& hashes = ctx.reuse ? ctx.reuse->hashes() : *own;
    Hasher shared;
    for (const char* key : {"settings", "people", "committees", "as-of"}) shared.add(hashes.of(key));
    const uint64_t site_wide = shared.value();
    const size_t n = m.meetings.size();
    std::vector<uint64_t> keys(2 * n);
    std::vector<std::string> parts(2 * n);
    parallel_for(n, [&](size_t i) {
      const Meeting& mt = m.meetings[i];
      Hasher h;
      h.add(site_wide).add(hashes.of("meeting:" + mt.id));
      for (const auto& it : mt.items)
        if (!it.report.value.empty()) h.add(hashes.of("report:" + it.report.value));
      const uint64_t key = h.value();
      keys[i] = Hasher().add("event").add(key).value();
      keys[n + i] = Hasher().add("speeches").add(key).value();
      if (!file.previous_size(keys[i])) parts[i] = event(ctx, mt);
      if (!file.previous_size(keys[n + i])) parts[n + i] = meeting_speeches(ctx, mt);
    });
    auto part = [&](size_t i) {
      file.keep_or_add(keys[i], parts[i]);
      std::string().swap(parts[i]);
    };
    file.text("{\n  \"schema\": \"open-data.schema.json\",\n  \"format\": \"reportsite-open-data/1\",\n"
              "  \"title\": " + q(m.site.title.value) + ",\n  \"publisher\": " + q(m.site.organisation.value) +
              ",\n  \"licence\": " + licence_json(m.site.licence) + ",\n  \"as_of\": " + q(ctx.site.as_of.iso()) +
              ",\n  \"downloads\": " + downloads + "]" + ",\n  \"organizations\": " + organizations(ctx) +
              ",\n  \"people\": " + people(ctx) + ",\n  \"memberships\": " + memberships(ctx) +
              ",\n  \"events\": [");
    for (size_t i = 0; i < n; ++i) {
      file.text(i ? ",\n    " : "\n    ");
      part(i);
    }
    file.text(std::string(n == 0 ? "]" : "\n  ]") + ",\n  \"speeches\": [");
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      const size_t k = n + i;
      auto kept = file.previous_size(keys[k]);
      if (kept ? *kept == 0 : parts[k].empty()) continue;
      if (any) file.text(",");
      any = true;
      part(k);
    }
    file.text(std::string(any ? "\n  ]" : "]") + ",\n  \"undertakings\": " + undertakings(ctx) +
              ",\n  \"action_points\": " + action_points(ctx) + ",\n  \"complaint_reports\": " + reports +
              ",\n  \"glossary\": " + glossary(ctx) + "\n}\n");
    out.push_back(file.finish());
    out.push_back({"data/open-data.schema.json", top_schema(m.site.licence), "", ""});
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_open_data_export() { return std::make_unique<OpenDataExport>(); }

}  // namespace rs
