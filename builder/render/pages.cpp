// The HTML pages: home, municipal years, committees, meetings, people,
// undertakings, glossary, search and free pages. Each page is one job; jobs
// run in parallel and land in fixed slots, so output never depends on threads.
#include <algorithm>
#include <functional>

#include "core/parallel.h"
#include "core/strings.h"
#include "page_inputs.h"
#include "view.h"

namespace rs {

namespace {

using Crumbs = std::vector<std::pair<std::string, std::string>>;
using Job = std::function<OutputFile(Diagnostics&)>;

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

/// The municipal year "now": the one holding as_of, else the latest with meetings.
MunicipalYear current_year(const RenderContext& ctx) {
  return municipal_year_of(ctx.site.as_of, ctx.model.site.year_start_month, ctx.model.site.year_start_day);
}

ViewList undertaking_list(PageEnv& env, const std::vector<const ResolvedUndertaking*>& list) {
  ViewList out;
  for (const auto* ru : list) out.push_back(undertaking_view(env, *ru));
  return out;
}

std::vector<const ResolvedUndertaking*> sorted_for_register(const RenderContext& ctx,
                                                            const std::function<bool(const ResolvedUndertaking&)>& keep) {
  std::vector<const ResolvedUndertaking*> out;
  for (const ResolvedUndertaking* ru : register_order(ctx.site))
    if (keep(*ru)) out.push_back(ru);
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

View overdue_view(PageEnv& env, const std::vector<const ResolvedUndertaking*>& list) {
  std::vector<const ResolvedUndertaking*> overdue;
  for (const auto* ru : list)
    if (ru->timing == Timing::overdue || ru->timing == Timing::due_today) overdue.push_back(ru);
  View d = counts_view(list);
  d.set("overdue_list", undertaking_list(env, overdue));
  d.set("has_overdue", !overdue.empty());
  d.set("as_of", env.ctx.site.as_of.long_form());
  return d;
}

/// {label, href} of every municipal year, newest first.
ViewList year_links(PageEnv& env) {
  ViewList out;
  for (const auto& y : env.ctx.site.years) {
    View yd;
    yd.set("label", y.label());
    yd.set("href", env.link(paths::year(y.slug())));
    out.push_back(yd);
  }
  return out;
}

/// {name, href} of every committee.
ViewList committee_links(PageEnv& env) {
  ViewList out;
  for (const auto& c : env.ctx.model.committees) {
    View cd;
    cd.set("name", c.name.value);
    cd.set("href", env.link(paths::committee(c.id.value)));
    out.push_back(cd);
  }
  return out;
}

// ---- meeting ------------------------------------------------------------

OutputFile meeting_page(const RenderContext& ctx, size_t mi, Diagnostics& diags) {
  const Meeting& m = ctx.model.meetings[mi];
  PageEnv env{ctx, paths::meeting(m.id), {}, diags};
  if (auto unchanged = reuse_by_inputs(env, "meeting.mustache", meeting_page_inputs(ctx, mi))) return *unchanged;
  View d;
  MunicipalYear year = ctx.site.meeting_year[mi];
  d.set("committee", committee_name(ctx, m.committee.value));
  d.set("committee_href", env.link(paths::committee(m.committee.value)));
  d.set("date", m.date.value.long_form());
  d.set("iso_date", m.date.value.iso());
  d.set("time", m.time.value);
  d.set("venue", m.venue.value);
  d.set("draft", m.status == MinutesStatus::draft);
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
      items.push_back(x);
      continue;
    }
    x.set("exempt", false);
    if (!it.report_of.empty()) x.set("report_of", name_view(env, it.report_of));
    if (!it.report.value.empty()) {
      auto r = ctx.site.reports.find(it.report.value);
      if (r != ctx.site.reports.end()) {
        const Report& rep = ctx.model.reports[r->second];
        View rd;
        rd.set("title", rep.title.value);
        rd.set("href", env.link(paths::report(rep.series.value, rep.year)));
        x.set("report", rd);
      }
    }
    x.set("minutes", env.prose(it.minutes));
    ViewList discussion;
    for (const auto& ex : it.discussion) {
      View e;
      if (!ex.asked_by.empty()) e.set("asked_by", name_view(env, ex.asked_by));
      if (!ex.question.empty()) e.set("question", env.prose(ex.question));
      if (!ex.answered_by.empty()) e.set("answered_by", name_view(env, ex.answered_by));
      if (!ex.answer.empty()) e.set("answer", env.prose(ex.answer));
      ViewList given;
      for (const auto& ref : ex.undertakings) {
        auto u = ctx.site.undertaking_index.find(ref.value);
        if (u != ctx.site.undertaking_index.end()) given.push_back(undertaking_view(env, ctx.site.undertakings[u->second]));
      }
      e.set("undertakings", given);
      e.set("has_undertakings", !given.empty());
      discussion.push_back(e);
    }
    x.set("discussion", discussion);
    x.set("has_discussion", !it.discussion.empty());
    ViewList undertakings;
    for (const auto& u : it.undertakings) {
      auto ui = ctx.site.undertaking_index.find(u.id.value);
      if (ui != ctx.site.undertaking_index.end()) undertakings.push_back(undertaking_view(env, ctx.site.undertakings[ui->second]));
    }
    x.set("undertakings", undertakings);
    x.set("has_undertakings", !it.undertakings.empty());
    x.set("resolved", env.prose(it.resolved));
    ViewList docs;
    for (const auto& doc : it.documents) {
      View dd;
      dd.set("title", doc.title.value);
      dd.set("href", env.link(paths::document(doc.file.value)));
      auto size = ctx.model.document_sizes.find(doc.file.value);
      dd.set("type", file_type(doc.file.value));
      dd.set("size", human_size(size == ctx.model.document_sizes.end() ? -1 : size->second));
      docs.push_back(dd);
    }
    x.set("documents", docs);
    x.set("has_documents", !it.documents.empty());
    items.push_back(x);
  }
  d.set("items", items);

  ViewList back;
  auto rb = ctx.site.reported_back.find(mi);
  if (rb != ctx.site.reported_back.end())
    for (const ActionUpdate* a : rb->second) {
      auto u = ctx.site.undertaking_index.find(a->undertaking.value);
      if (u == ctx.site.undertaking_index.end()) continue;
      View b = undertaking_view(env, ctx.site.undertakings[u->second]);
      b.set("update_status", action_status_label(a->status.value));
      b.set("update_note", env.prose(a->note));
      back.push_back(b);
    }
  d.set("reported_back", back);
  d.set("has_reported_back", !back.empty());
  std::string title = meeting_title(ctx, m);
  return finish_page(env, "meeting.mustache", title, d,
                     {{"Home", paths::home()},
                      {year.label(), paths::year(year.slug())},
                      {committee_name(ctx, m.committee.value), paths::committee(m.committee.value)}});
}

// ---- municipal year -----------------------------------------------------

OutputFile year_page(const RenderContext& ctx, const MunicipalYear& year, Diagnostics& diags) {
  PageEnv env{ctx, paths::year(year.slug()), {}, diags};
  auto in_year = [&](const Date& date) {
    return municipal_year_of(date, ctx.model.site.year_start_month, ctx.model.site.year_start_day) == year;
  };
  auto given = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) { return ctx.site.meeting_year[ru.given.meeting] == year; });
  auto due = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) { return ru.due && in_year(*ru.due); });
  auto closed = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) {
    return !timing_is_open(ru.timing) && !ru.history.empty() && in_year(ru.history.back()->date.value);
  });
  if (auto unchanged = reuse_by_inputs(env, "year.mustache", year_page_inputs(ctx, year, {given, due, closed})))
    return *unchanged;
  View d;
  d.set("label", year.label());
  ViewList committees;
  for (const auto& c : ctx.model.committees) {
    ViewList meetings;
    for (size_t mi = 0; mi < ctx.model.meetings.size(); ++mi)
      if (ctx.site.meeting_year[mi] == year && ctx.model.meetings[mi].committee.value == c.id.value)
        meetings.push_back(meeting_row(env, mi));
    if (meetings.empty()) continue;
    View cd;
    cd.set("name", c.name.value);
    cd.set("href", env.link(paths::committee(c.id.value)));
    cd.set("meetings", meetings);
    committees.push_back(cd);
  }
  d.set("committees", committees);
  ViewList reports;
  for (const auto& [ri, refs] : ctx.site.report_items)
    for (const auto& ref : refs)
      if (ctx.site.meeting_year[ref.meeting] == year) {
        const Report& r = ctx.model.reports[ri];
        View rd;
        rd.set("title", r.title.value);
        rd.set("href", env.link(paths::report(r.series.value, r.year)));
        rd.set("meeting", meeting_title(ctx, ctx.model.meetings[ref.meeting]));
        rd.set("meeting_href", env.link(paths::meeting(ctx.model.meetings[ref.meeting].id)));
        reports.push_back(rd);
      }
  d.set("reports", reports);
  d.set("has_reports", !reports.empty());
  d.set("given", undertaking_list(env, given));
  d.set("has_given", !given.empty());
  d.set("due_list", undertaking_list(env, due));
  d.set("has_due", !due.empty());
  d.set("closed", undertaking_list(env, closed));
  d.set("has_closed", !closed.empty());
  d.set("summary", overdue_view(env, given));
  d.set("register_href", env.link(paths::register_all()));
  return finish_page(env, "year.mustache", "Municipal year " + year.label(), d, {{"Home", paths::home()}});
}

// ---- committee ----------------------------------------------------------

OutputFile committee_page(const RenderContext& ctx, const Committee& c, Diagnostics& diags) {
  PageEnv env{ctx, paths::committee(c.id.value), {}, diags};
  View d;
  d.set("name", c.name.value);
  d.set("description", env.prose(c.description, 2));
  d.set("ics_href", env.link(paths::committee_ics(c.id.value)));
  ViewList years;
  for (const auto& y : ctx.site.years) {
    ViewList meetings;
    for (size_t mi = ctx.model.meetings.size(); mi-- > 0;)
      if (ctx.site.meeting_year[mi] == y && ctx.model.meetings[mi].committee.value == c.id.value)
        meetings.push_back(meeting_row(env, mi));
    if (meetings.empty()) continue;
    View yd;
    yd.set("label", y.label());
    yd.set("href", env.link(paths::year(y.slug())));
    yd.set("meetings", meetings);
    years.push_back(yd);
  }
  d.set("years", years);
  d.set("has_meetings", !years.empty());
  auto mine = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) {
    return ctx.model.meetings[ru.given.meeting].committee.value == c.id.value;
  });
  std::vector<const ResolvedUndertaking*> open;
  for (const auto* ru : mine)
    if (timing_is_open(ru->timing)) open.push_back(ru);
  d.set("open", undertaking_list(env, open));
  d.set("has_open", !open.empty());
  d.set("summary", overdue_view(env, mine));
  d.set("register_href", env.link(paths::register_all()));
  return finish_page(env, "committee.mustache", c.name.value, d, {{"Home", paths::home()}});
}

// ---- home ---------------------------------------------------------------

OutputFile home_page(const RenderContext& ctx, Diagnostics& diags) {
  PageEnv env{ctx, paths::home(), {}, diags};
  View d;
  d.set("organisation", ctx.model.site.organisation.value);
  MunicipalYear now = current_year(ctx);
  d.set("current_year", now.label());
  bool has_current = std::find(ctx.site.years.begin(), ctx.site.years.end(), now) != ctx.site.years.end();
  if (has_current) d.set("current_year_href", env.link(paths::year(now.slug())));
  ViewList latest;
  for (size_t n = 0, mi = ctx.model.meetings.size(); mi-- > 0 && n < 10; ++n) latest.push_back(meeting_row(env, mi));
  d.set("latest", latest);
  d.set("has_latest", !latest.empty());
  d.set("years", year_links(env));
  d.set("committees", committee_links(env));
  auto all = sorted_for_register(ctx, [](const ResolvedUndertaking&) { return true; });
  d.set("summary", overdue_view(env, all));
  d.set("register_href", env.link(paths::register_all()));
  d.set("search_href", env.link(paths::search()));
  ViewList series;
  for (const auto& [id, reports] : ctx.site.series) {
    View sd;
    sd.set("title", ctx.model.reports[reports.back()].title.value);
    sd.set("href", env.link(paths::series(id)));
    series.push_back(sd);
  }
  d.set("series", series);
  d.set("has_series", !series.empty());
  return finish_page(env, "home.mustache", ctx.model.site.title.value, d, {});
}

// ---- people ---------------------------------------------------------------

OutputFile person_page(const RenderContext& ctx, const Person& p, Diagnostics& diags) {
  PageEnv env{ctx, paths::person(p.id.value), {}, diags};
  auto owned = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) { return ru.undertaking->owner.value == p.id.value; });
  if (auto unchanged = reuse_by_inputs(env, "person.mustache", person_page_inputs(ctx, p, owned))) return *unchanged;
  View d;
  d.set("name", p.name.value);
  d.set("role", p.role == PersonRole::officer ? "Officer" : "Member");
  ViewList meetings;
  auto named = ctx.site.person_meetings.find(p.id.value);
  if (named != ctx.site.person_meetings.end())
    for (auto it = named->second.rbegin(); it != named->second.rend(); ++it) meetings.push_back(meeting_row(env, *it));
  d.set("meetings", meetings);
  d.set("has_meetings", !meetings.empty());
  d.set("undertakings", undertaking_list(env, owned));
  d.set("has_undertakings", !owned.empty());
  return finish_page(env, "person.mustache", p.name.value, d, {{"Home", paths::home()}});
}

// ---- undertakings -------------------------------------------------------

struct StateFilter {
  const char* slug;
  const char* label;
  bool (*keep)(Timing);
};
const StateFilter kStates[] = {
    {"overdue", "Overdue", [](Timing t) { return t == Timing::overdue; }},
    {"due", "Due", [](Timing t) { return t == Timing::due_today; }},
    {"open", "Open, not yet due", [](Timing t) { return t == Timing::not_yet_due || t == Timing::due_next_meeting; }},
    {"closed", "Completed or withdrawn", [](Timing t) { return !timing_is_open(t); }},
};

OutputFile register_page(const RenderContext& ctx, const StateFilter* filter, Diagnostics& diags) {
  std::string path = filter ? paths::register_state(filter->slug) : paths::register_all();
  PageEnv env{ctx, path, {}, diags};
  auto list = sorted_for_register(ctx, [&](const ResolvedUndertaking& ru) { return !filter || filter->keep(ru.timing); });
  View d;
  d.set("as_of", ctx.site.as_of.long_form());
  d.set("undertakings", undertaking_list(env, list));
  d.set("has_undertakings", !list.empty());
  d.set("count", std::to_string(list.size()));
  d.set("summary", counts_view(list));
  ViewList states;
  {
    View all;
    all.set("label", "All");
    all.set("href", env.link(paths::register_all()));
    all.set("current", filter == nullptr);
    all.set("slug", "all");
    states.push_back(all);
  }
  for (const auto& s : kStates) {
    View sd;
    sd.set("label", s.label);
    sd.set("slug", s.slug);
    sd.set("href", env.link(paths::register_state(s.slug)));
    sd.set("current", filter == &s);
    states.push_back(sd);
  }
  d.set("states", states);
  ViewList committees;
  for (const auto& c : ctx.model.committees) {
    View cd;
    cd.set("id", c.id.value);
    cd.set("name", c.name.value);
    committees.push_back(cd);
  }
  d.set("committees", committees);
  d.set("filtered", filter != nullptr);
  std::string title = filter ? std::string("Undertakings: ") + filter->label : "Undertakings register";
  Crumbs crumbs{{"Home", paths::home()}};
  if (filter) crumbs.push_back({"Undertakings register", paths::register_all()});
  return finish_page(env, "register.mustache", title, d, crumbs);
}

OutputFile undertaking_page(const RenderContext& ctx, const ResolvedUndertaking& ru, Diagnostics& diags) {
  const Undertaking& u = *ru.undertaking;
  PageEnv env{ctx, paths::undertaking(u.id.value), {}, diags};
  if (auto unchanged = reuse_by_inputs(env, "undertaking.mustache", undertaking_page_inputs(ctx, ru))) return *unchanged;
  View d = undertaking_view(env, ru);
  d.set("text_html", env.prose(u.text, 2));
  if (!u.requested_by.empty()) d.set("requested_by", name_view(env, u.requested_by));
  const Meeting& m = ctx.model.meetings[ru.given.meeting];
  ViewList timeline;
  {
    View given;
    given.set("date", m.date.value.long_form());
    given.set("iso_date", m.date.value.iso());
    given.set("status", "Given");
    given.set("meeting", meeting_title(ctx, m));
    given.set("meeting_href", env.link(paths::meeting(m.id)) + "#item-" + m.items[ru.given.item].number.value);
    timeline.push_back(given);
  }
  for (const ActionUpdate* a : ru.history) {
    View e;
    e.set("date", a->date.value.long_form());
    e.set("iso_date", a->date.value.iso());
    e.set("status", action_status_label(a->status.value));
    e.set("note", env.prose(a->note, 3));
    auto mt = ctx.site.meetings.find(a->meeting.value);
    if (mt != ctx.site.meetings.end()) {
      e.set("meeting", meeting_title(ctx, ctx.model.meetings[mt->second]));
      e.set("meeting_href", env.link(paths::meeting(a->meeting.value)));
    }
    timeline.push_back(e);
  }
  d.set("timeline", timeline);
  if (ru.due_meeting >= 0) {
    const Meeting& dm = ctx.model.meetings[static_cast<size_t>(ru.due_meeting)];
    d.set("due_meeting", meeting_title(ctx, dm));
    d.set("due_meeting_href", env.link(paths::meeting(dm.id)));
  }
  d.set("as_of", ctx.site.as_of.long_form());
  return finish_page(env, "undertaking.mustache", "Undertaking: " + u.id.value, d,
                     {{"Home", paths::home()}, {"Undertakings register", paths::register_all()}});
}

// ---- glossary, search, free pages ----------------------------------------

OutputFile glossary_page(const RenderContext& ctx, Diagnostics& diags) {
  PageEnv env{ctx, paths::glossary(), {}, diags};
  View d;
  ViewList entries;
  std::vector<const GlossaryEntry*> sorted;
  for (const auto& e : ctx.model.glossary)
    if (!e.term.empty() || !e.abbr.value.empty()) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const GlossaryEntry* a, const GlossaryEntry* b) {
    return ascii_lower(a->abbr.value.empty() ? a->term.value : a->abbr.value) <
           ascii_lower(b->abbr.value.empty() ? b->term.value : b->abbr.value);
  });
  for (const auto* e : sorted) {
    View x;
    std::string key = e->abbr.value.empty() ? e->term.value : e->abbr.value;
    std::string anchor;
    for (char c : ascii_lower(key)) {
      bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word) anchor += c;
      else if (!anchor.empty() && anchor.back() != '-') anchor += '-';
    }
    x.set("anchor", "term-" + anchor);
    x.set("term", e->term.value);
    x.set("abbr", e->abbr.value);
    x.set("has_abbr", !e->abbr.value.empty());
    ViewList avoid;
    for (const auto& a : e->avoid) avoid.push_back(View(a.value));
    x.set("avoid", avoid);
    x.set("has_avoid", !e->avoid.empty());
    x.set("reason", e->reason.value);
    entries.push_back(x);
  }
  d.set("entries", entries);
  return finish_page(env, "glossary.mustache", "Glossary", d, {{"Home", paths::home()}});
}

OutputFile search_page(const RenderContext& ctx, Diagnostics& diags) {
  PageEnv env{ctx, paths::search(), {}, diags};
  View d;
  // Without JavaScript the page offers the year and committee pages: a list of
  // every meeting would make this page megabytes long on a large archive.
  d.set("years", year_links(env));
  d.set("committees", committee_links(env));
  d.set("index_src", env.link("assets/search/meta.js"));
  d.set("script_src", env.link("assets/search.js"));
  return finish_page(env, "search.mustache", "Search", d, {{"Home", paths::home()}});
}

OutputFile free_page(const RenderContext& ctx, const Page& p, Diagnostics& diags) {
  PageEnv env{ctx, paths::page(p.stem), {}, diags};
  View d;
  d.set("body", env.prose(p.body, 2));
  return finish_page(env, "page.mustache", p.title.value, d, {{"Home", paths::home()}});
}

class PageOutput : public OutputKind {
 public:
  std::string name() const override { return "pages"; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics& diags) const override {
    std::vector<Job> jobs;
    jobs.push_back([&](Diagnostics& d) { return home_page(ctx, d); });
    for (const auto& y : ctx.site.years) jobs.push_back([&ctx, y](Diagnostics& d) { return year_page(ctx, y, d); });
    for (const auto& c : ctx.model.committees) jobs.push_back([&](Diagnostics& d) { return committee_page(ctx, c, d); });
    for (size_t mi = 0; mi < ctx.model.meetings.size(); ++mi)
      jobs.push_back([&ctx, mi](Diagnostics& d) { return meeting_page(ctx, mi, d); });
    for (const auto& p : ctx.model.people) jobs.push_back([&](Diagnostics& d) { return person_page(ctx, p, d); });
    jobs.push_back([&](Diagnostics& d) { return register_page(ctx, nullptr, d); });
    for (const auto& s : kStates) jobs.push_back([&](Diagnostics& d) { return register_page(ctx, &s, d); });
    for (const auto& ru : ctx.site.undertakings) jobs.push_back([&](Diagnostics& d) { return undertaking_page(ctx, ru, d); });
    jobs.push_back([&](Diagnostics& d) { return glossary_page(ctx, d); });
    jobs.push_back([&](Diagnostics& d) { return search_page(ctx, d); });
    for (const auto& p : ctx.model.pages) {
      if (is_reserved_name(p.stem)) {
        diags.error("render.reserved-name", p.title.span,
                    "a page cannot be called `" + p.stem + "`: the builder writes its own pages there",
                    "rename content/pages/" + p.stem + ".md");
        continue;
      }
      jobs.push_back([&](Diagnostics& d) { return free_page(ctx, p, d); });
    }
    for (auto& job : report_page_jobs(ctx)) jobs.push_back(std::move(job));

    std::vector<OutputFile> files(jobs.size());
    parallel_for(jobs.size(), [&](size_t i) {
      Diagnostics found;
      files[i] = jobs[i](found);
      // A page that reported something (raw HTML in its prose) is prepared
      // again next time, so the finding is reported again.
      if (!found.all().empty()) files[i].input_key = 0;
      diags.merge(std::move(found));
    });
    for (auto& f : files) out.push_back(std::move(f));
  }

 private:
  static std::vector<Job> report_page_jobs(const RenderContext& ctx);
};

}  // namespace

std::vector<std::function<OutputFile(Diagnostics&)>> report_pages(const RenderContext& ctx);

std::vector<Job> PageOutput::report_page_jobs(const RenderContext& ctx) { return report_pages(ctx); }

std::unique_ptr<OutputKind> make_page_output() { return std::make_unique<PageOutput>(); }

}  // namespace rs
