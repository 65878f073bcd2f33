// The HTML pages: home, municipal years, committees, meetings, people,
// undertakings, glossary, search and free pages. Each is declared as its
// path, its template and how its content is prepared; draw_pages (view.h)
// prepares and draws them on the worker threads, or reuses them unchanged.
#include <algorithm>
#include <functional>
#include <set>

#include "reportsite/core/strings.h"
#include "reportsite/render/pagination.h"
#include "reportsite/render/view.h"

namespace rs {

namespace {

using Crumbs = std::vector<std::pair<std::string, std::string>>;
using Query = UndertakingQuery;

std::string file_type(const std::string& file) {
  auto dot = file.rfind('.');
  std::string ext = dot == std::string::npos ? "" : ascii_lower(file.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return ext.empty() ? "file" : ext;
}

std::string human_size(long long bytes) {
  if (bytes < 0) return "size unknown";
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  char buf[32];
  if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buf;
}

ViewList undertaking_list(PageEnv& env, const std::vector<const ResolvedUndertaking*>& list) {
  ViewList out;
  for (const auto* ru : list) out.push_back(undertaking_view(env, *ru));
  return out;
}

/// Counts of undertakings by standing, for summaries.
View counts_view(const std::vector<const ResolvedUndertaking*>& list) {
  size_t overdue = 0, due = 0, open = 0, closed = 0;
  for (const auto* ru : list) {
    if (ru->timing == Timing::overdue) ++overdue;
    else if (ru->timing == Timing::due_today) ++due;
    else if (timing_is_open(ru->timing)) ++open;
    else ++closed;
  }
  View d;
  d.set("overdue", std::to_string(overdue));
  d.set("due", std::to_string(due));
  d.set("open", std::to_string(open));
  d.set("closed", std::to_string(closed));
  d.set("total", std::to_string(list.size()));
  d.set("any", !list.empty());
  return d;
}

/// How many undertakings a summary on another page lists before it points to
/// the register's pages: enough to act on, few enough that the page stays small.
constexpr size_t kSummaryListSize = 5;

/// The first `most` of `list`, as rows, and how many more there are ({more, has_more}).
void set_capped(PageEnv& env, View& d, const char* key, const std::vector<const ResolvedUndertaking*>& list,
                size_t most = kSummaryListSize) {
  std::vector<const ResolvedUndertaking*> first(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(std::min(most, list.size())));
  d.set(key, undertaking_list(env, first));
  d.set(std::string("has_") + key, !list.empty());
  d.set(std::string(key) + "_more", std::to_string(list.size() - first.size()));
  d.set(std::string(key) + "_has_more", list.size() > first.size());
}

View overdue_view(PageEnv& env, const std::vector<const ResolvedUndertaking*>& list) {
  std::vector<const ResolvedUndertaking*> overdue;
  for (const auto* ru : list)
    if (ru->timing == Timing::overdue || ru->timing == Timing::due_today) overdue.push_back(ru);
  View d = counts_view(list);
  set_capped(env, d, "overdue_list", overdue);
  d.set("has_overdue", !overdue.empty());
  d.set("as_of", env.as_of().long_form());
  d.set("overdue_href", env.link(paths::register_state("overdue")));
  return d;
}

/// {label, href} of every municipal year, newest first.
ViewList year_links(PageEnv& env) {
  ViewList out;
  for (const auto& y : env.years()) {
    View yd;
    yd.set("label", y.label());
    yd.set("href", env.link(paths::year(y.slug())));
    out.push_back(std::move(yd));
  }
  return out;
}

/// {name, href} of every committee.
ViewList committee_links(PageEnv& env) {
  ViewList out;
  for (const auto& c : env.committees()) {
    View cd;
    cd.set("name", c.name.value);
    cd.set("href", env.link(paths::committee(c.id.value)));
    out.push_back(std::move(cd));
  }
  return out;
}

// ---- meeting ------------------------------------------------------------

PageContent meeting_page(PageEnv& env, size_t mi) {
  const Meeting& m = env.meeting(mi);
  View d;
  set_described(d, m);  // every plain field of the meeting, as written, under `fields`
  MunicipalYear year = env.meeting_summary(mi).year;
  std::string committee = env.committee_name(m.committee.value);
  d.set("committee", committee);
  d.set("committee_href", env.link(paths::committee(m.committee.value)));
  d.set("date", m.date.value.long_form());
  d.set("iso_date", m.date.value.iso());
  d.set("time", m.time.value);
  d.set("venue", m.venue.value);
  d.set("draft", m.status == MinutesStatus::draft);
  d.set("akn_href", m.id + ".akn.xml");  // beside the page (akoma_ntoso.h)
  d.set("year_label", year.label());
  d.set("year_href", env.link(paths::year(year.slug())));
  const Attendance& a = m.attendance;
  d.set("members", names_view(env, a.members));
  d.set("officers", names_view(env, a.officers));
  d.set("apologies", names_view(env, a.apologies));
  d.set("has_members", !a.members.empty());
  d.set("has_officers", !a.officers.empty());
  d.set("has_apologies", !a.apologies.empty());
  d.set("has_attendance", !a.members.empty() || !a.officers.empty() || !a.apologies.empty());

  ViewList items;
  for (size_t ii = 0; ii < m.items.size(); ++ii) {
    const Item& it = m.items[ii];
    View x;
    x.set("number", it.number.value);
    x.set("anchor", "item-" + it.number.value);
    x.set("title", it.title.value);
    if (it.exempt()) {
      // Exempt business: number, title and paragraph, and nothing else.
      x.set("exempt", true);
      x.set("paragraph", std::to_string(it.exempt_paragraph));
      items.push_back(std::move(x));
      continue;
    }
    x.set("exempt", false);
    set_described(x, it);  // every plain field of a public item, as written, under `fields`
    if (!it.report_of.empty()) x.set("report_of", name_view(env, it.report_of));
    if (!it.report.value.empty())
      if (const Report* rep = env.report(it.report.value)) {
        View rd;
        rd.set("title", rep->title.value);
        rd.set("href", env.link(paths::report(rep->series.value, rep->year)));
        x.set("report", std::move(rd));
      }
    if (!it.minutes.empty()) x.set("minutes", env.prose(it.minutes));
    ViewList discussion;
    for (const auto& ex : it.discussion) {
      View e;
      if (!ex.asked_by.empty()) e.set("asked_by", name_view(env, ex.asked_by));
      if (!ex.question.empty()) e.set("question", env.prose(ex.question));
      if (!ex.answered_by.empty()) e.set("answered_by", name_view(env, ex.answered_by));
      if (!ex.answer.empty()) e.set("answer", env.prose(ex.answer));
      ViewList given;
      for (const auto& ref : ex.undertakings)
        if (const auto* ru = env.undertaking(ref.value)) given.push_back(undertaking_view(env, *ru));
      const bool has_given = !given.empty();
      e.set("undertakings", std::move(given));
      e.set("has_undertakings", has_given);
      discussion.push_back(std::move(e));
    }
    x.set("discussion", std::move(discussion));
    x.set("has_discussion", !it.discussion.empty());
    ViewList undertakings;
    for (const auto& u : it.undertakings)
      if (const auto* ru = env.undertaking(u.id.value)) undertakings.push_back(undertaking_view(env, *ru));
    x.set("undertakings", std::move(undertakings));
    x.set("has_undertakings", !it.undertakings.empty());
    x.set("resolved", env.prose(it.resolved));
    ViewList docs;
    for (const auto& doc : it.documents) {
      View dd;
      dd.set("title", doc.title.value);
      dd.set("href", env.link(paths::document(doc.file.value)));
      dd.set("type", file_type(doc.file.value));
      dd.set("size", human_size(env.document_size(doc.file.value)));
      docs.push_back(std::move(dd));
    }
    x.set("documents", std::move(docs));
    x.set("has_documents", !it.documents.empty());
    items.push_back(std::move(x));
  }
  d.set("items", std::move(items));

  ViewList back;
  for (const ActionUpdate* a : env.reported_back(mi)) {
    const auto* ru = env.undertaking(a->undertaking.value);
    if (!ru) continue;
    View b = undertaking_view(env, *ru);
    b.set("update_status", action_status_label(a->status.value));
    b.set("update_note", env.prose(a->note));
    back.push_back(std::move(b));
  }
  const bool has_back = !back.empty();
  d.set("reported_back", std::move(back));
  d.set("has_reported_back", has_back);
  return {env.meeting_title(mi), std::move(d),
          {{"Home", paths::home()},
           {year.label(), paths::year(year.slug())},
           {committee, paths::committee(m.committee.value)}}};
}

}  // namespace

PageDeclaration meeting_page_declaration(const Model& model, size_t mi) {
  return {paths::meeting(model.meetings[mi].id), "meeting.mustache", [mi](PageEnv& env) { return meeting_page(env, mi); }};
}

namespace {

// ---- municipal year -----------------------------------------------------

PageContent year_page(PageEnv& env, const MunicipalYear& year) {
  auto given = env.undertakings({Query::By::given_in_year, year.slug()});
  auto due = env.undertakings({Query::By::due_in_year, year.slug()});
  auto closed = env.undertakings({Query::By::closed_in_year, year.slug()});
  View d;
  d.set("label", year.label());
  ViewList committees;
  for (const auto& c : env.committees()) {
    ViewList meetings;
    for (size_t mi : env.meetings_in(year, c.id.value)) meetings.push_back(meeting_row(env, mi));
    if (meetings.empty()) continue;
    View cd;
    cd.set("id", c.id.value);
    cd.set("name", c.name.value);
    cd.set("href", env.link(paths::committee(c.id.value)));
    cd.set("meetings", std::move(meetings));
    committees.push_back(std::move(cd));
  }
  d.set("committees", std::move(committees));
  ViewList reports;
  for (const auto& [ri, refs] : env.report_items())
    for (const auto& ref : refs)
      if (env.meeting_summary(ref.meeting).year == year) {
        const Report& r = env.report(ri);
        View rd;
        rd.set("title", r.title.value);
        rd.set("href", env.link(paths::report(r.series.value, r.year)));
        rd.set("meeting", env.meeting_title(ref.meeting));
        rd.set("meeting_href", env.link(paths::meeting(env.meeting_summary(ref.meeting).id)));
        reports.push_back(std::move(rd));
      }
  const bool has_reports = !reports.empty();
  d.set("reports", std::move(reports));
  d.set("has_reports", has_reports);
  // A year of a busy council holds hundreds: the page shows the first few of each and counts the rest.
  set_capped(env, d, "given", given, 2 * kSummaryListSize);
  set_capped(env, d, "due_list", due, 2 * kSummaryListSize);
  set_capped(env, d, "closed", closed, 2 * kSummaryListSize);
  d.set("summary", overdue_view(env, given));
  d.set("register_href", env.link(paths::register_all()));
  return {"Municipal year " + year.label(), std::move(d), {{"Home", paths::home()}}};
}

// ---- committee ----------------------------------------------------------

PageContent committee_page(PageEnv& env, size_t ci) {
  const Committee& c = env.committees()[ci];
  View d;
  d.set("name", c.name.value);
  d.set("description", env.prose(c.description, 2));
  d.set("ics_href", env.link(paths::committee_ics(c.id.value)));
  d.set("feed_href", env.link(paths::committee_feed(c.id.value)));
  // The meetings of the latest years it met in; every year as a link, so the
  // page stays the same size however long the archive (the year pages list the rest).
  constexpr size_t kRecentYears = 2;
  ViewList recent, all_years;
  for (const auto& y : env.years()) {  // newest first
    const auto& in_year = env.meetings_in(y, c.id.value);
    if (in_year.empty()) continue;
    View link;
    link.set("label", y.label());
    link.set("href", env.link(paths::year(y.slug())) + "#committee-" + c.id.value);
    link.set("count", std::to_string(in_year.size()) + (in_year.size() == 1 ? " meeting" : " meetings"));
    all_years.push_back(link);
    if (recent.size() >= kRecentYears) continue;
    ViewList meetings;
    for (auto it = in_year.rbegin(); it != in_year.rend(); ++it) meetings.push_back(meeting_row(env, *it));
    View yd = link;
    yd.set("meetings", std::move(meetings));
    recent.push_back(std::move(yd));
  }
  const bool has_meetings = !recent.empty();
  d.set("years", std::move(recent));
  d.set("all_years", std::move(all_years));
  d.set("has_meetings", has_meetings);
  auto mine = env.undertakings({Query::By::committee, c.id.value});
  std::vector<const ResolvedUndertaking*> open;
  for (const auto* ru : mine)
    if (timing_is_open(ru->timing)) open.push_back(ru);
  set_capped(env, d, "open", open, 2 * kSummaryListSize);
  d.set("summary", overdue_view(env, mine));
  d.set("register_href", env.link(paths::register_committee(c.id.value)));
  return {c.name.value, std::move(d), {{"Home", paths::home()}}};
}

// ---- home ---------------------------------------------------------------

PageContent home_page(PageEnv& env) {
  const SiteSettings& s = env.settings();
  View d;
  d.set("organisation", s.organisation.value);
  MunicipalYear now = municipal_year_of(env.as_of(), s.year_start_month, s.year_start_day);
  d.set("current_year", now.label());
  const auto& all_years = env.years();
  bool has_current = std::find(all_years.begin(), all_years.end(), now) != all_years.end();
  if (has_current) d.set("current_year_href", env.link(paths::year(now.slug())));
  ViewList latest;
  for (size_t n = 0, mi = env.meeting_count(); mi-- > 0 && n < 10; ++n) latest.push_back(meeting_row(env, mi));
  const bool has_latest = !latest.empty();
  d.set("latest", std::move(latest));
  d.set("has_latest", has_latest);
  d.set("years", year_links(env));
  d.set("committees", committee_links(env));
  d.set("summary", overdue_view(env, env.undertakings({Query::By::all, ""})));
  d.set("register_href", env.link(paths::register_all()));
  d.set("search_href", env.link(paths::search()));
  ViewList series;
  for (const auto& [id, reports] : env.series()) {
    View sd;
    sd.set("title", env.report(reports.back()).title.value);
    sd.set("href", env.link(paths::series(id)));
    series.push_back(std::move(sd));
  }
  const bool has_series = !series.empty();
  d.set("series", std::move(series));
  d.set("has_series", has_series);
  return {s.title.value, std::move(d), {}};
}

// ---- people ---------------------------------------------------------------

/// Meetings per page of a person's list: a councillor of twenty years may be
/// named in a thousand; 100 links keep a page near 20 KB.
constexpr size_t kPersonMeetingsPerPage = 100;

PageContent person_page(PageEnv& env, const std::string& id, size_t number) {
  const Person& p = *env.person(id);
  auto owned = env.undertakings({Query::By::owner, id});
  View d;
  d.set("name", p.name.value);
  d.set("role", p.role == PersonRole::officer ? "Officer" : "Member");
  auto named = env.person_meetings(id);
  const size_t pages = page_count(named.size(), kPersonMeetingsPerPage);
  ViewList meetings;
  // Newest first, a page at a time.
  for (size_t k = (number - 1) * kPersonMeetingsPerPage; k < named.size() && k < number * kPersonMeetingsPerPage; ++k)
    meetings.push_back(meeting_row(env, named[named.size() - 1 - k]));
  const bool has_meetings = !meetings.empty();
  d.set("meetings", std::move(meetings));
  d.set("has_meetings", has_meetings);
  d.set("meeting_count", std::to_string(named.size()));
  d.set("pager", pagination_view(env, paths::person(id), number, pages));
  std::vector<const ResolvedUndertaking*> open;
  for (const auto* ru : owned)
    if (timing_is_open(ru->timing)) open.push_back(ru);
  set_capped(env, d, "undertakings", open, 2 * kSummaryListSize);
  d.set("owned_count", std::to_string(owned.size()));
  d.set("has_owned", !owned.empty());
  d.set("owned_href", env.link(paths::register_owner(owner_slug(id))));
  std::string title = p.name.value;
  if (pages > 1) title += " (page " + std::to_string(number) + " of " + std::to_string(pages) + ")";
  return {title, std::move(d), {{"Home", paths::home()}}};
}

// ---- undertakings -------------------------------------------------------

/// One list of the register: everything, one state, or one owner's.
struct RegisterList {
  Query query;
  const RegisterState* state = nullptr;  // for a state's list
  std::string owner;                     // for an owner's list: their slug
  std::string committee;                 // for a committee's list: its id
  std::string first_page() const {
    if (state) return paths::register_state(state->slug);
    if (!owner.empty()) return paths::register_owner(owner);
    if (!committee.empty()) return paths::register_committee(committee);
    return paths::register_all();
  }
};

/// The name an owner's list is titled by: the person's name for a people id, else as written.
std::string owner_name(PageEnv& env, const std::vector<const ResolvedUndertaking*>& list) {
  if (list.empty()) return "";
  const std::string& written = list.front()->undertaking->owner.value;
  const Person* p = env.person(written);
  return p ? p->name.value : written;
}

PageContent register_page(PageEnv& env, const RegisterList& which, size_t number) {
  auto list = env.undertakings(which.query);
  const size_t pages = page_count(list.size(), kRegisterPageSize);
  const size_t from = std::min(list.size(), (number - 1) * kRegisterPageSize);
  const size_t to = std::min(list.size(), from + kRegisterPageSize);
  std::vector<const ResolvedUndertaking*> shown(list.begin() + static_cast<std::ptrdiff_t>(from),
                                                list.begin() + static_cast<std::ptrdiff_t>(to));
  View d;
  d.set("as_of", env.as_of().long_form());
  d.set("undertakings", undertaking_list(env, shown));
  d.set("has_undertakings", !shown.empty());
  // The caption counts what the page shows, and of how many.
  std::string caption = std::to_string(list.size()) + (list.size() == 1 ? " undertaking" : " undertakings");
  if (which.state) caption += " " + std::string(which.state->label == std::string("Due") ? "due" : "in this state");
  if (pages > 1) caption += ", " + std::to_string(from + 1) + " to " + std::to_string(to) + " shown here";
  d.set("caption", caption + ", as at " + env.as_of().long_form());
  d.set("summary", counts_view(list));
  d.set("pager", pagination_view(env, which.first_page(), number, pages));
  ViewList states;
  {
    View all;
    all.set("label", "All");
    all.set("href", env.link(paths::register_all()));
    all.set("current", which.state == nullptr && which.owner.empty() && which.committee.empty());
    states.push_back(std::move(all));
  }
  for (const auto& s : register_states()) {
    View sd;
    sd.set("label", s.label);
    sd.set("href", env.link(paths::register_state(s.slug)));
    sd.set("current", which.state == &s);
    states.push_back(std::move(sd));
  }
  d.set("states", std::move(states));
  ViewList committees;
  for (const auto& c : env.committees()) {
    View cd;
    cd.set("id", c.id.value);
    cd.set("name", c.name.value);
    committees.push_back(std::move(cd));
  }
  d.set("committees", std::move(committees));
  std::string title = "Undertakings register";
  if (which.state) title = std::string("Undertakings: ") + which.state->label;
  if (!which.owner.empty()) {
    const std::string name = owner_name(env, list);
    title = "Undertakings owned by " + name;
    d.set("owner_name", name);
    if (const Person* p = env.person(list.empty() ? "" : list.front()->undertaking->owner.value))
      d.set("owner_person_href", env.link(paths::person(p->id.value)));
  }
  if (!which.committee.empty()) {
    title = "Undertakings given at " + env.committee_name(which.committee);
    d.set("committee_name", env.committee_name(which.committee));
    d.set("committee_href", env.link(paths::committee(which.committee)));
  }
  if (pages > 1) title += " (page " + std::to_string(number) + " of " + std::to_string(pages) + ")";
  Crumbs crumbs{{"Home", paths::home()}};
  if (which.state || !which.owner.empty() || !which.committee.empty())
    crumbs.push_back({"Undertakings register", paths::register_all()});
  return {title, std::move(d), crumbs};
}

/// The start of a text as a title: its white space folded, cut at a word near
/// `most` characters with an ellipsis, Markdown's emphasis marks dropped.
std::string short_title(const std::string& text, size_t most = 70) {
  std::string out;
  for (char c : text) {
    if (c == '*' || c == '_' || c == '`') continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= most) return out;
  size_t cut = out.rfind(' ', most);
  if (cut == std::string::npos || cut < most / 2) cut = most;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  out.resize(cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ' ')) out.pop_back();
  return out + "…";
}

PageContent undertaking_page(PageEnv& env, const std::string& id) {
  const ResolvedUndertaking& ru = *env.undertaking(id);
  const Undertaking& u = *ru.undertaking;
  View d = undertaking_view(env, ru);
  d.set("text_html", env.prose(u.text, 2));
  if (!u.requested_by.empty()) d.set("requested_by", name_view(env, u.requested_by));
  const Meeting& m = env.meeting(ru.given.meeting);
  ViewList timeline;
  {
    View given;
    given.set("date", m.date.value.long_form());
    given.set("iso_date", m.date.value.iso());
    given.set("status", "Given");
    given.set("meeting", env.meeting_title(ru.given.meeting));
    given.set("meeting_href", env.link(paths::meeting(m.id)) + "#item-" + m.items[ru.given.item].number.value);
    timeline.push_back(std::move(given));
  }
  for (const ActionUpdate* a : ru.history) {
    View e;
    e.set("date", a->date.value.long_form());
    e.set("iso_date", a->date.value.iso());
    e.set("status", action_status_label(a->status.value));
    e.set("note", env.prose(a->note, 3));
    if (auto mi = env.find_meeting(a->meeting.value)) {
      e.set("meeting", env.meeting_title(*mi));
      e.set("meeting_href", env.link(paths::meeting(a->meeting.value)));
    }
    timeline.push_back(std::move(e));
  }
  d.set("timeline", std::move(timeline));
  if (ru.due_meeting >= 0) {
    auto dm = static_cast<size_t>(ru.due_meeting);
    d.set("due_meeting", env.meeting_title(dm));
    d.set("due_meeting_href", env.link(paths::meeting(env.meeting_summary(dm).id)));
  }
  d.set("as_of", env.as_of().long_form());
  // Named by what was undertaken, never by its id; the same words promised at
  // another meeting make another page, so its title says where it was given.
  const std::string heading = "Undertaking: " + short_title(u.text.value);
  d.set("heading", heading);
  // Two promises of the same words in one item are told apart by their order there.
  std::string where = env.meeting_title(ru.given.meeting) + ", item " + m.items[ru.given.item].number.value;
  size_t same = 0, position = 0;
  for (const auto& other : m.items[ru.given.item].undertakings)
    if (short_title(other.text.value) == short_title(u.text.value)) {
      ++same;
      if (other.id.value == u.id.value) position = same;
    }
  if (same > 1) where += ", undertaking " + std::to_string(position) + " of " + std::to_string(same);
  return {heading + " (" + where + ")", std::move(d),
          {{"Home", paths::home()}, {"Undertakings register", paths::register_all()}}};
}

// ---- glossary, search, free pages ----------------------------------------

PageContent glossary_page(PageEnv& env) {
  View d;
  ViewList entries;
  std::vector<const GlossaryEntry*> sorted;
  for (const auto& e : env.glossary())
    if (!e.term.empty() || !e.abbr.value.empty()) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const GlossaryEntry* a, const GlossaryEntry* b) {
    return ascii_lower(a->abbr.value.empty() ? a->term.value : a->abbr.value) <
           ascii_lower(b->abbr.value.empty() ? b->term.value : b->abbr.value);
  });
  for (const auto* e : sorted) {
    View x;
    std::string key = e->abbr.value.empty() ? e->term.value : e->abbr.value;
    x.set("anchor", glossary_anchor(key));
    x.set("term", e->term.value);
    x.set("abbr", e->abbr.value);
    x.set("has_abbr", !e->abbr.value.empty());
    ViewList avoid;
    for (const auto& a : e->avoid) avoid.push_back(View(a.value));
    x.set("avoid", std::move(avoid));
    x.set("has_avoid", !e->avoid.empty());
    x.set("reason", e->reason.value);
    entries.push_back(std::move(x));
  }
  d.set("entries", std::move(entries));
  return {"Glossary", std::move(d), {{"Home", paths::home()}}};
}

PageContent search_page(PageEnv& env) {
  View d;
  // Without JavaScript the page offers the year and committee pages: a list of
  // every meeting would make this page megabytes long on a large archive.
  d.set("years", year_links(env));
  d.set("committees", committee_links(env));
  d.set("index_src", env.link("assets/search/meta.js"));
  d.set("script_src", env.link("assets/search.js"));
  return {"Search", std::move(d), {{"Home", paths::home()}}};
}

PageContent free_page(PageEnv& env, size_t index) {
  const Page& p = env.page(index);
  View d;
  d.set("body", env.prose(p.body, 2));
  return {p.title.value, std::move(d), {{"Home", paths::home()}}};
}

class PageOutput : public OutputKind {
 public:
  std::string name() const override { return "pages"; }
  std::string version() const override { return {}; }
  void render(const RenderContext&, std::vector<OutputFile>&, Diagnostics&) const override {}
  std::vector<PageDeclaration> pages(const RenderContext& ctx, Diagnostics& diags) const override {
    // Which pages there are follows from the model; what each shows, its declaration prepares.
    std::vector<PageDeclaration> pages;
    auto declare = [&](std::string path, const char* template_name, std::function<PageContent(PageEnv&)> prepare) {
      pages.push_back({std::move(path), template_name, std::move(prepare)});
    };
    declare(paths::home(), "home.mustache", [](PageEnv& env) { return home_page(env); });
    for (const auto& y : ctx.site.years)
      declare(paths::year(y.slug()), "year.mustache", [y](PageEnv& env) { return year_page(env, y); });
    for (size_t ci = 0; ci < ctx.model.committees.size(); ++ci)
      declare(paths::committee(ctx.model.committees[ci].id.value), "committee.mustache",
              [ci](PageEnv& env) { return committee_page(env, ci); });
    for (size_t mi = 0; mi < ctx.model.meetings.size(); ++mi) pages.push_back(meeting_page_declaration(ctx.model, mi));
    for (const auto& p : ctx.model.people)
      for (size_t n = 1, pages = page_count(ctx.site.person_meetings.count(p.id.value)
                                                      ? ctx.site.person_meetings.at(p.id.value).size() : 0,
                                                  kPersonMeetingsPerPage);
           n <= pages; ++n)
        declare(page_path(paths::person(p.id.value), n), "person.mustache",
                [id = p.id.value, n](PageEnv& env) { return person_page(env, id, n); });
    // The register in pages of kRegisterPageSize: everything, each state, each owner's.
    std::vector<RegisterList> lists{{{Query::By::all, ""}, nullptr, "", ""}};
    for (const auto& s : register_states()) lists.push_back({{Query::By::state, s.slug}, &s, "", ""});
    for (const auto& c : ctx.model.committees) lists.push_back({{Query::By::committee, c.id.value}, nullptr, "", c.id.value});
    std::set<std::string> owners;
    for (const auto& ru : ctx.site.undertakings)
      if (!trim(ru.undertaking->owner.value).empty()) owners.insert(owner_slug(ru.undertaking->owner.value));
    for (const auto& o : owners) lists.push_back({{Query::By::owner, o}, nullptr, o, ""});
    for (const auto& list : lists) {
      size_t count = 0;
      for (const auto& ru : ctx.site.undertakings)
        count += list.state                ? list.state->keep(ru.timing)
                 : !list.owner.empty()     ? owner_slug(ru.undertaking->owner.value) == list.owner
                 : !list.committee.empty() ? ctx.model.meetings[ru.given.meeting].committee.value == list.committee
                                           : true;
      for (size_t n = 1, pages = page_count(count, kRegisterPageSize); n <= pages; ++n)
        declare(page_path(list.first_page(), n), "register.mustache",
                [list, n](PageEnv& env) { return register_page(env, list, n); });
    }
    for (const auto& ru : ctx.site.undertakings)
      declare(paths::undertaking(ru.undertaking->id.value), "undertaking.mustache",
              [id = ru.undertaking->id.value](PageEnv& env) { return undertaking_page(env, id); });
    declare(paths::glossary(), "glossary.mustache", [](PageEnv& env) { return glossary_page(env); });
    declare(paths::search(), "search.mustache", [](PageEnv& env) { return search_page(env); });
    for (size_t i = 0; i < ctx.model.pages.size(); ++i) {
      const Page& p = ctx.model.pages[i];
      if (is_reserved_name(p.stem)) {
        diags.error("render.reserved-name", p.title.span,
                    "a page cannot be called `" + p.stem + "`: the builder writes its own pages there",
                    "rename content/pages/" + p.stem + ".md");
        continue;
      }
      declare(paths::page(p.stem), "page.mustache", [i](PageEnv& env) { return free_page(env, i); });
    }
    for (auto& decl : report_pages(ctx)) pages.push_back(std::move(decl));
    return pages;
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_page_output() { return std::make_unique<PageOutput>(); }

}  // namespace rs
