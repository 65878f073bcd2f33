#pragma once
// The site as plain data, exactly as written by hand (format version 1: docs/writing-content.md, and docs/input-format.md for every field).
// Every value keeps its source position. Derived facts (due dates, states,
// links between meetings, reports and action points) live in resolve/.
#include "reportsite/model/licence.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/date.h"
#include "reportsite/core/diagnostics.h"
#include "reportsite/core/codec.h"
#include "reportsite/core/source.h"

namespace rs {

/// One entry of `plugins:` in data/site.yaml: a command the builder runs with
/// the site as JSON on its standard input (docs/plugins.md).
struct ExternalPlugin {
  Located<std::string> name;     // for messages, and its files' folder
  Located<std::string> command;  // run with /bin/sh -c, from the site folder
  Located<int> timeout_seconds{30, {}};
  /// `options:` as JSON text ("{}" when not given): passed to the plugin as written.
  std::string options_json = "{}";
  /// `when:`: the commands it runs on (`reportsite build`, `reportsite check`, or both).
  enum class When { both, build, check } when = When::both;
  Span when_span;

  /// `rule` is one of this plugin's ("word-count.short-minutes"): its name, a dot, more.
  bool owns_rule(std::string_view rule) const;
};

/// An area of the builder's own rule ids (`glossary`, `page`, `load`, ...): no
/// plugin may take it as its name, or its findings and markers would pass for the builder's.
bool is_builder_rule_area(std::string_view area);

struct SiteSettings {
  Text title;
  Text organisation;
  Located<std::string> language{"en-GB", {}};
  int year_start_month = 5, year_start_day = 1;  // municipal_year_starts: MM-DD
  Located<std::string> theme{"default", {}};
  Located<std::string> base_url;
  // The council's short code in Akoma Ntoso URIs ("/akn/gb-<code>/…"); from the organisation's name when absent.
  Located<std::string> council_code;
  // `licence:`: an identifier from known_licences(), or {name, url}; the Open Government Licence when absent.
  Licence licence = known_licences().front();
  std::optional<Located<Date>> as_of;
  Text contact;  // optional: where to send feedback (e-mail or URL), shown on every page
  /// Paths in the output folder the builder did not write and must leave in
  /// place, relative, `/`-separated; a folder ends in `/` (`.well-known/`).
  std::vector<Located<std::string>> keep;
  // `plugins:` in data/site.yaml: commands run after the checks, before the pages are drawn (docs/plugins.md).
  std::vector<ExternalPlugin> plugins;
};

struct Committee {
  Located<std::string> id;
  Text name;
  Text description;  // Markdown
};

enum class PersonRole { member, officer };
struct Person {
  Located<std::string> id;
  Text name;
  PersonRole role = PersonRole::member;
};

/// Sentences a glossary entry must pass (good) and must flag (bad).
struct GlossaryExamples {
  std::vector<Text> good, bad;
};

struct GlossaryEntry {
  Text term;                    // the preferred words; may be empty for an allow-list entry
  Located<std::string> abbr;    // "EHCP"
  std::vector<Text> avoid;      // words and phrases not to use
  Text reason;
  Severity severity = Severity::warning;
  bool case_sensitive = false;
  std::vector<Located<std::string>> allow;  // capitalised words that need no entry
  GlossaryExamples examples;
  Span span;  // the whole entry
};

/// A name where a person may be free text or an id from people.yaml.
using NameRef = Text;

struct Exchange {
  NameRef asked_by;
  Text question;  // Markdown
  NameRef answered_by;
  Text answer;    // Markdown
  std::vector<Located<std::string>> undertakings;  // ids given in this exchange
  Span span;
};
// Each struct's fields described once, under their names in docs/input-format.md where
// they have one: the loader's list of keys, the memo's encoding (core/codec.h)
// and site.json (core/json_fields.h) read these, so a field added here is a
// known key, kept on warm rebuilds and exported with no other edit.
inline auto fields(Exchange& e) {
  using codec::field;
  return std::make_tuple(field("asked_by", e.asked_by), field("question", e.question),
                         field("answered_by", e.answered_by), field("answer", e.answer),
                         field("undertakings", e.undertakings), field("", e.span));
}

enum class DueKind { none, date, next_report, next_meeting };
struct DueSpec {
  DueKind kind = DueKind::none;
  Date date;
  Span span;
};
inline auto fields(DueSpec& d) { return std::tie(d.kind, d.date, d.span); }
/// In JSON (core/json_fields.h) as written: a date, "next-report", "next-meeting", or null.
inline std::optional<std::string> json_value(const DueSpec& d) {
  switch (d.kind) {
    case DueKind::date: return d.date.iso();
    case DueKind::next_report: return "next-report";
    case DueKind::next_meeting: return "next-meeting";
    case DueKind::none: break;
  }
  return std::nullopt;
}

struct Undertaking {
  Located<std::string> id;
  Text text;
  NameRef owner;
  DueSpec due;
  NameRef requested_by;
  Span span;
};
inline auto fields(Undertaking& u) {
  using codec::field;
  return std::make_tuple(field("id", u.id), field("text", u.text), field("owner", u.owner), field("due", u.due),
                         field("requested_by", u.requested_by), field("", u.span));
}

struct Document {
  Text title;
  Located<std::string> file;  // relative to content/
};
inline auto fields(Document& d) {
  using codec::field;
  return std::make_tuple(field("title", d.title), field("file", d.file));
}

struct Item {
  Located<std::string> number;
  Text title;
  NameRef report_of;
  Located<std::string> report;  // id of an annual report, optional
  Text minutes;                 // Markdown
  std::vector<Exchange> discussion;
  std::vector<Undertaking> undertakings;
  Text resolved;                // Markdown
  std::vector<Document> documents;
  // 0: public; 1-7: Schedule 12A paragraph; -1: `exempt:` had a bad value (an
  // error was reported) and the item is held exempt. An exempt item keeps only
  // its number, title, report id, and its undertakings' and exchanges' ids and spans.
  int exempt_paragraph = 0;
  Span exempt_span;
  Span span;
  bool exempt() const { return exempt_paragraph != 0; }
};
inline auto fields(Item& i) {
  using codec::field;
  return std::make_tuple(field("number", i.number), field("title", i.title), field("report_of", i.report_of),
                         field("report", i.report), field("minutes", i.minutes), field("discussion", i.discussion),
                         field("undertakings", i.undertakings), field("resolved", i.resolved),
                         field("documents", i.documents), field("exempt", i.exempt_paragraph),
                         field("", i.exempt_span), field("", i.span));
}

enum class MinutesStatus { draft, confirmed };
/// Its name in JSON (core/json_fields.h), as written in the file.
inline const char* json_value(MinutesStatus s) { return s == MinutesStatus::confirmed ? "confirmed" : "draft"; }

struct Attendance {
  std::vector<NameRef> members, officers, apologies;
};
inline auto fields(Attendance& a) {
  using codec::field;
  return std::make_tuple(field("members", a.members), field("officers", a.officers), field("apologies", a.apologies));
}

struct Meeting {
  std::string id;    // file stem
  FileId file = kNoFile;
  Located<std::string> committee;
  Located<Date> date;
  Text time;
  Text venue;
  MinutesStatus status = MinutesStatus::draft;
  Attendance attendance;
  std::vector<Item> items;
};
/// `file` is not described: it is where the meeting was read from, given back by whoever reads it.
inline auto fields(Meeting& m) {
  using codec::field;
  return std::make_tuple(field("", m.id), field("committee", m.committee), field("date", m.date),
                         field("time", m.time), field("venue", m.venue), field("status", m.status),
                         field("attendance", m.attendance), field("items", m.items));
}

/// A labelled figure: a count or a percentage.
struct Figure {
  Text label;
  std::optional<Located<long long>> count;
  std::optional<Located<double>> percent;
  Located<long long> value;  // for context figures ({label, value})
};

struct Breakdown {
  std::vector<Figure> entries;
  bool complete = false;
  Span span;
};

struct Stage {
  Text name;
  std::optional<Located<long long>> received, upheld, partly_upheld, not_upheld, withdrawn;
  std::optional<Located<double>> in_time_percent;
  Span span;
};

struct Report {
  std::string id;      // <series>-<YYYY-YY>
  std::string year;    // YYYY-YY from the file name
  FileId file = kNoFile;
  Located<std::string> series;
  Text title;
  Located<Date> period_from, period_to;
  std::vector<Figure> context;
  std::vector<Stage> stages;
  std::optional<Located<long long>> ombudsman_referred, ombudsman_upheld;
  std::optional<Located<long long>> representations, compliments;
  Breakdown by_service, by_reason;
  std::vector<std::pair<Text, Breakdown>> equalities;  // name → breakdown, in file order
  Text notes;  // Markdown
};

enum class ActionStatus { open, in_progress, on_hold, completed, withdrawn };
const char* action_status_slug(ActionStatus s);   // "in-progress"
const char* action_status_label(ActionStatus s);  // "In progress"
/// Its name in JSON (core/json_fields.h), as written in the file.
inline const char* json_value(ActionStatus s) { return action_status_slug(s); }

struct ActionUpdate {
  Located<std::string> undertaking;
  Located<Date> date;
  Located<ActionStatus> status;
  Text note;  // Markdown
  Located<std::string> meeting;
  FileId file = kNoFile;
  Span span;
};
inline auto fields(ActionUpdate& a) {  // `file`: as for Meeting
  using codec::field;
  return std::make_tuple(field("undertaking", a.undertaking), field("date", a.date), field("status", a.status),
                         field("note", a.note), field("meeting", a.meeting), field("", a.span));
}

struct Page {
  std::string stem;  // published at /<stem>/
  FileId file = kNoFile;
  Text title;
  int order = 0;
  Text body;  // Markdown, mapped to the file after the front matter
};

/// Everything one site holds, as loaded.
struct Model {
  std::string root;    // the site folder
  SourceSet sources;   // every file read, for positions in messages
  SiteSettings site;
  std::vector<Committee> committees;
  std::vector<Person> people;
  std::vector<GlossaryEntry> glossary;
  std::vector<Meeting> meetings;  // sorted by date, then id
  std::vector<Report> reports;    // sorted by series, then year
  std::vector<ActionUpdate> actions;
  std::vector<Page> pages;        // sorted by order, then stem
  /// Supporting documents that exist under content/, with their sizes.
  std::map<std::string, long long> document_sizes;
  /// Files under content/documents that are not published, with why: symbolic
  /// links leading outside the site, nowhere, or to a folder ("documents/x.pdf" → why).
  std::map<std::string, std::string> refused_documents;
};

}  // namespace rs
