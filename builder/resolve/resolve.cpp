#include "reportsite/resolve/resolve.h"

#include <algorithm>
#include <cstdlib>

#include "reportsite/core/strings.h"

namespace rs {

const char* timing_slug(Timing t) {
  switch (t) {
    case Timing::not_yet_due: return "not-yet-due";
    case Timing::due_today: return "due";
    case Timing::overdue: return "overdue";
    case Timing::due_next_meeting: return "due-next-meeting";
    case Timing::completed: return "completed";
    case Timing::withdrawn: return "withdrawn";
  }
  return "not-yet-due";
}

const char* timing_label(Timing t) {
  switch (t) {
    case Timing::not_yet_due: return "Not yet due";
    case Timing::due_today: return "Due";
    case Timing::overdue: return "Overdue";
    case Timing::due_next_meeting: return "Due at the next meeting";
    case Timing::completed: return "Completed";
    case Timing::withdrawn: return "Withdrawn";
  }
  return "Not yet due";
}

bool timing_is_open(Timing t) { return t != Timing::completed && t != Timing::withdrawn; }

int timing_rank(Timing t) {
  switch (t) {
    case Timing::overdue: return 0;
    case Timing::due_today: return 1;
    case Timing::due_next_meeting: return 2;
    case Timing::not_yet_due: return 3;
    case Timing::completed: return 4;
    case Timing::withdrawn: return 5;
  }
  return 6;
}

std::vector<const ResolvedUndertaking*> register_order(const ResolvedSite& site) {
  std::vector<const ResolvedUndertaking*> out;
  for (const auto& ru : site.undertakings) out.push_back(&ru);
  std::stable_sort(out.begin(), out.end(), [](const ResolvedUndertaking* a, const ResolvedUndertaking* b) {
    int ra = timing_rank(a->timing), rb = timing_rank(b->timing);
    if (ra != rb) return ra < rb;
    Date da = a->due.value_or(Date{9999, 12, 31}), db = b->due.value_or(Date{9999, 12, 31});
    return da < db;
  });
  return out;
}

const Committee* ResolvedSite::committee(const std::string& id, const Model& m) const {
  auto it = committees.find(id);
  return it == committees.end() ? nullptr : &m.committees[it->second];
}

const Person* ResolvedSite::person(const std::string& id, const Model& m) const {
  auto it = people.find(id);
  return it == people.end() ? nullptr : &m.people[it->second];
}

Date choose_as_of(const Model& model, const ResolveOptions& options) {
  if (options.as_of) return *options.as_of;
  if (model.site.as_of) return model.site.as_of->value;
  if (options.source_date_epoch) return date_from_epoch(*options.source_date_epoch);
  return today_utc();
}

namespace {

/// Ids share one namespace across the site, so a link can never be ambiguous.
class IdRegistry {
 public:
  explicit IdRegistry(Diagnostics& diags) : diags_(diags) {}
  bool add(const std::string& kind, const std::string& id, Span span, const SourceSet& sources) {
    auto [it, fresh] = seen_.emplace(id, std::make_pair(kind, span));
    if (fresh) return true;
    const auto& [other_kind, other] = it->second;
    std::string where = other.known() ? sources.path(other.file) + ":" +
                                            std::to_string(sources.line_col(other.file, other.begin).line)
                                      : "elsewhere";
    diags_.error("resolve.duplicate-id", span,
                 "duplicate id `" + id + "`: " + kind + " here has the id of " + other_kind + " already defined at " + where);
    return false;
  }

 private:
  Diagnostics& diags_;
  std::map<std::string, std::pair<std::string, Span>> seen_;
};

std::vector<std::string> keys(const std::map<std::string, size_t>& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

}  // namespace

ResolvedSite resolve(const Model& model, const ResolveOptions& options, Diagnostics& diags) {
  ResolvedSite site;
  site.as_of = choose_as_of(model, options);
  const SourceSet& src = model.sources;
  IdRegistry ids(diags);

  for (size_t i = 0; i < model.committees.size(); ++i)
    if (ids.add("a committee", model.committees[i].id.value, model.committees[i].id.span, src))
      site.committees[model.committees[i].id.value] = i;
  for (size_t i = 0; i < model.people.size(); ++i)
    if (ids.add("a person", model.people[i].id.value, model.people[i].id.span, src))
      site.people[model.people[i].id.value] = i;
  for (size_t i = 0; i < model.meetings.size(); ++i)
    if (ids.add("a meeting", model.meetings[i].id, Span{model.meetings[i].file, 0, 0}, src))
      site.meetings[model.meetings[i].id] = i;
  for (size_t i = 0; i < model.reports.size(); ++i)
    if (ids.add("a report", model.reports[i].id, model.reports[i].series.span, src))
      site.reports[model.reports[i].id] = i;
  for (size_t i = 0; i < model.pages.size(); ++i)
    if (ids.add("a page", model.pages[i].stem, model.pages[i].title.span, src)) site.pages[model.pages[i].stem] = i;

  // Municipal years.
  for (const auto& m : model.meetings)
    site.meeting_year.push_back(municipal_year_of(m.date.value, model.site.year_start_month, model.site.year_start_day));
  for (const auto& y : site.meeting_year)
    if (std::find(site.years.begin(), site.years.end(), y) == site.years.end()) site.years.push_back(y);
  std::sort(site.years.rbegin(), site.years.rend());

  for (size_t i = 0; i < model.reports.size(); ++i) site.series[model.reports[i].series.value].push_back(i);

  // Meetings: committees, reports, undertakings given.
  std::vector<std::string> committee_ids = keys(site.committees), report_ids = keys(site.reports);
  std::vector<std::string> document_paths;
  for (const auto& [path, size] : model.document_sizes) document_paths.push_back(path);
  for (size_t mi = 0; mi < model.meetings.size(); ++mi) {
    const Meeting& m = model.meetings[mi];
    if (!site.committees.count(m.committee.value))
      diags.error("resolve.unknown-committee", m.committee.span,
                  "unknown committee `" + m.committee.value + "`: it is not in data/committees.yaml",
                  did_you_mean(m.committee.value, committee_ids));
    std::vector<std::string> numbers;
    for (size_t ii = 0; ii < m.items.size(); ++ii) {
      const Item& it = m.items[ii];
      if (std::find(numbers.begin(), numbers.end(), it.number.value) != numbers.end())
        diags.error("resolve.duplicate-item", it.number.span, "item number `" + it.number.value + "` is used twice in this meeting");
      numbers.push_back(it.number.value);
      if (!it.report.value.empty()) {
        auto r = site.reports.find(it.report.value);
        if (r == site.reports.end())
          diags.error("resolve.unknown-report", it.report.span, "unknown report `" + it.report.value + "`",
                      did_you_mean(it.report.value, report_ids));
        else if (!it.exempt())
          site.report_items[r->second].push_back({mi, ii});
      }
      for (const auto& doc : it.documents) {
        if (doc.file.value.empty() || it.exempt() || model.document_sizes.count(doc.file.value)) continue;
        auto refused = model.refused_documents.find(doc.file.value);
        if (refused != model.refused_documents.end())
          diags.error("resolve.missing-document", doc.file.span,
                      "document `" + doc.file.value + "` cannot be published: content/" + doc.file.value + " " +
                          refused->second,
                      "copy the file itself into content/documents/");
        else
          diags.error("resolve.missing-document", doc.file.span,
                      "document `" + doc.file.value + "` is not under content/",
                      did_you_mean(doc.file.value, document_paths));
      }
      std::vector<std::string> item_undertakings;
      for (const auto& u : it.undertakings) item_undertakings.push_back(u.id.value);
      for (size_t xi = 0; xi < it.discussion.size(); ++xi)
        for (const auto& ref : it.discussion[xi].undertakings)
          if (std::find(item_undertakings.begin(), item_undertakings.end(), ref.value) == item_undertakings.end())
            diags.error("resolve.unknown-undertaking", ref.span,
                        "undertaking `" + ref.value + "` is not among this item's undertakings",
                        did_you_mean(ref.value, item_undertakings));
      for (const auto& u : it.undertakings) {
        if (u.id.value.empty() || !ids.add("an undertaking", u.id.value, u.id.span, src)) continue;
        if (it.exempt()) continue;  // nothing of an exempt item is published, its undertakings included
        ResolvedUndertaking ru;
        ru.undertaking = &u;
        ru.given = {mi, ii};
        for (size_t xi = 0; xi < it.discussion.size(); ++xi)
          for (const auto& ref : it.discussion[xi].undertakings)
            if (ref.value == u.id.value) ru.exchange = static_cast<int>(xi);
        site.undertaking_index[u.id.value] = site.undertakings.size();
        site.undertakings.push_back(std::move(ru));
      }
    }
  }

  // Where each person is named (public business only), for their page.
  for (size_t mi = 0; mi < model.meetings.size(); ++mi) {
    const Meeting& m = model.meetings[mi];
    std::vector<const NameRef*> names;
    for (const auto* list : {&m.attendance.members, &m.attendance.officers, &m.attendance.apologies})
      for (const auto& n : *list) names.push_back(&n);
    for (const auto& it : m.items) {
      if (it.exempt()) continue;
      names.push_back(&it.report_of);
      for (const auto& ex : it.discussion) names.push_back(&ex.asked_by), names.push_back(&ex.answered_by);
      for (const auto& u : it.undertakings) names.push_back(&u.owner), names.push_back(&u.requested_by);
    }
    for (const NameRef* n : names) {
      if (!site.people.count(n->value)) continue;
      auto& list = site.person_meetings[n->value];
      if (list.empty() || list.back() != mi) list.push_back(mi);
    }
  }

  // Exempt undertakings are known, so an action point naming one is told why it cannot be published.
  std::map<std::string, Span> exempt_undertakings;
  for (const auto& m : model.meetings)
    for (const auto& it : m.items)
      if (it.exempt())
        for (const auto& u : it.undertakings) exempt_undertakings[u.id.value] = u.id.span;

  // Action points.
  std::vector<std::string> undertaking_ids = keys(site.undertaking_index), meeting_ids = keys(site.meetings);
  std::vector<const ActionUpdate*> updates;
  for (const auto& a : model.actions) updates.push_back(&a);
  std::stable_sort(updates.begin(), updates.end(),
                   [](const ActionUpdate* a, const ActionUpdate* b) { return a->date.value < b->date.value; });
  for (const ActionUpdate* a : updates) {
    auto u = site.undertaking_index.find(a->undertaking.value);
    if (u == site.undertaking_index.end()) {
      if (exempt_undertakings.count(a->undertaking.value))
        diags.error("privacy.exempt-undertaking", a->undertaking.span,
                    "undertaking `" + a->undertaking.value +
                        "` was given in an exempt item: an action point on it would publish exempt business");
      else
        diags.error("resolve.unknown-undertaking", a->undertaking.span,
                    "unknown undertaking `" + a->undertaking.value + "`", did_you_mean(a->undertaking.value, undertaking_ids));
      continue;
    }
    ResolvedUndertaking& ru = site.undertakings[u->second];
    const Date given = model.meetings[ru.given.meeting].date.value;
    if (a->date.value < given) {
      diags.error("resolve.action-before-undertaking", a->date.span,
                  "this action point is dated " + a->date.value.iso() + ", before the undertaking was given on " +
                      given.iso());
      continue;
    }
    if (!a->meeting.value.empty()) {
      auto mt = site.meetings.find(a->meeting.value);
      if (mt == site.meetings.end()) {
        diags.error("resolve.unknown-meeting", a->meeting.span, "unknown meeting `" + a->meeting.value + "`",
                    did_you_mean(a->meeting.value, meeting_ids));
        continue;
      }
      if (model.meetings[mt->second].date.value != a->date.value)
        diags.warning("resolve.action-date", a->date.span,
                      "the action point is dated " + a->date.value.iso() + " but meeting `" + a->meeting.value +
                          "` was on " + model.meetings[mt->second].date.value.iso());
      site.reported_back[mt->second].push_back(a);
    }
    if (a->date.value <= site.as_of) ru.history.push_back(a);
  }

  // Due dates and states.
  for (auto& ru : site.undertakings) {
    const Undertaking& u = *ru.undertaking;
    const Meeting& given = model.meetings[ru.given.meeting];
    const Item& item = given.items[ru.given.item];
    switch (u.due.kind) {
      case DueKind::date: ru.due = u.due.date; break;
      case DueKind::next_meeting:
        for (size_t mi = ru.given.meeting + 1; mi < model.meetings.size(); ++mi)
          if (model.meetings[mi].committee.value == given.committee.value &&
              model.meetings[mi].date.value > given.date.value) {
            ru.due = model.meetings[mi].date.value;
            ru.due_meeting = static_cast<int>(mi);
            break;
          }
        break;
      case DueKind::next_report: {
        auto r = site.reports.find(item.report.value);
        if (item.report.value.empty() || r == site.reports.end()) {
          if (item.report.value.empty())
            diags.error("resolve.next-report", u.due.span,
                        "due: next-report needs the item to name the report it considered (`report:`)");
          break;
        }
        const std::string& series = model.reports[r->second].series.value;
        for (size_t mi = ru.given.meeting + 1; mi < model.meetings.size() && !ru.due; ++mi) {
          const Meeting& later = model.meetings[mi];
          if (later.date.value <= given.date.value) continue;
          for (const auto& li : later.items) {
            auto lr = site.reports.find(li.report.value);
            if (!li.exempt() && lr != site.reports.end() && model.reports[lr->second].series.value == series &&
                lr->second != r->second) {
              ru.due = later.date.value;
              ru.due_meeting = static_cast<int>(mi);
              break;
            }
          }
        }
        break;
      }
      case DueKind::none: break;
    }
    if (!ru.history.empty()) ru.status = ru.history.back()->status.value;
    if (ru.status == ActionStatus::completed) ru.timing = Timing::completed;
    else if (ru.status == ActionStatus::withdrawn) ru.timing = Timing::withdrawn;
    else if (!ru.due) ru.timing = Timing::due_next_meeting;
    else if (*ru.due > site.as_of) ru.timing = Timing::not_yet_due;
    else if (*ru.due == site.as_of) ru.timing = Timing::due_today;
    else ru.timing = Timing::overdue;
  }
  return site;
}

std::string resolve_key(const Meeting& m) {
  std::string key;
  auto add = [&](const std::string& s) {
    key += s;
    key += '\x1f';  // a unit separator: no field holds it, so "ab","c" differs from "a","bc"
  };
  add(m.id);
  add(m.committee.value);
  add(m.date.value.iso());
  for (const auto* list : {&m.attendance.members, &m.attendance.officers, &m.attendance.apologies}) {
    for (const auto& n : *list) add(n.value);
    add("|");
  }
  for (const auto& it : m.items) {
    add("item");
    add(it.number.value);
    add(it.report.value);
    add(it.report_of.value);
    add(std::to_string(it.exempt_paragraph));
    for (const auto& d : it.documents) add(d.file.value);
    for (const auto& ex : it.discussion) {
      add("exchange");
      add(ex.asked_by.value);
      add(ex.answered_by.value);
      for (const auto& ref : ex.undertakings) add(ref.value);
    }
    for (const auto& u : it.undertakings) {
      add("undertaking");
      add(u.id.value);
      add(u.owner.value);
      add(u.requested_by.value);
      add(std::to_string(static_cast<int>(u.due.kind)));
      add(u.due.date.iso());
    }
  }
  return key;
}

void repoint_undertakings(ResolvedSite& site, const Model& model, size_t index) {
  // By id, never through the old pointers: the meeting they pointed into may be gone.
  const Meeting& m = model.meetings[index];
  for (size_t ii = 0; ii < m.items.size(); ++ii)
    for (const auto& u : m.items[ii].undertakings) {
      auto at = site.undertaking_index.find(u.id.value);
      if (at == site.undertaking_index.end()) continue;
      ResolvedUndertaking& ru = site.undertakings[at->second];
      if (ru.given.meeting == index && ru.given.item == ii) ru.undertaking = &u;
    }
}

}  // namespace rs
