#include "reportsite/render/page_reads.h"

#include "reportsite/model/site_paths.h"

#include <mutex>

#include "reportsite/core/hash.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/theme.h"

namespace rs {

namespace {
// What a key that names nothing hashes to (a real input hashes to this only by a 1 in 2^64 chance).
constexpr uint64_t kGone = 0x676f6e65ull;
// What a key no accessor makes hashes to: unchanged() never accepts it.
constexpr uint64_t kUnknownKey = 0;

const char* by_name(UndertakingQuery::By by) {
  switch (by) {
    case UndertakingQuery::By::all: return "all";
    case UndertakingQuery::By::state: return "state";
    case UndertakingQuery::By::owner: return "owner";
    case UndertakingQuery::By::committee: return "committee";
    case UndertakingQuery::By::given_in_year: return "given-in";
    case UndertakingQuery::By::due_in_year: return "due-in";
    case UndertakingQuery::By::closed_in_year: return "closed-in";
  }
  return "?";
}

/// The text after "<prefix>:" when `key` starts so.
bool arg_of(const std::string& key, std::string_view prefix, std::string& arg) {
  if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0 || key[prefix.size()] != ':')
    return false;
  arg = key.substr(prefix.size() + 1);
  return true;
}
}  // namespace

const std::vector<RegisterState>& register_states() {
  static const std::vector<RegisterState> states = {
      {"overdue", "Overdue", [](Timing t) { return t == Timing::overdue; }},
      {"due", "Due", [](Timing t) { return t == Timing::due_today; }},
      {"open", "Open, not yet due", [](Timing t) { return t == Timing::not_yet_due || t == Timing::due_next_meeting; }},
      {"closed", "Completed or withdrawn", [](Timing t) { return !timing_is_open(t); }},
  };
  return states;
}

std::string UndertakingQuery::key() const { return std::string("undertakings:") + by_name(by) + ":" + arg; }

bool parse_undertaking_query(const std::string& key, UndertakingQuery& q) {
  std::string rest;
  if (!arg_of(key, "undertakings", rest)) return false;
  size_t colon = rest.find(':');
  if (colon == std::string::npos) return false;
  std::string by = rest.substr(0, colon);
  for (auto b : {UndertakingQuery::By::all, UndertakingQuery::By::state, UndertakingQuery::By::owner,
                 UndertakingQuery::By::committee, UndertakingQuery::By::given_in_year,
                 UndertakingQuery::By::due_in_year, UndertakingQuery::By::closed_in_year})
    if (by == by_name(b)) {
      q.by = b;
      q.arg = rest.substr(colon + 1);
      return true;
    }
  return false;
}

ReadHashes::ReadHashes(const Model& model, const ResolvedSite& site, const Theme& theme)
    : model_(model), site_(site), theme_(theme), register_(register_order(site)) {
  std::string root = model.root.empty() || model.root.back() == '/' ? model.root : model.root + "/";
  for (FileId i = 0; i < model.sources.size(); ++i) {
    const std::string& p = model.sources.path(i);
    file_hashes_[starts_with(p, root) ? p.substr(root.size()) : p] = model.sources.content_hash(i);
  }
  for (size_t mi = 0; mi < model.meetings.size(); ++mi)
    meetings_by_year_[{site.meeting_year[mi].slug(), model.meetings[mi].committee.value}].push_back(mi);
}

const std::vector<size_t>& ReadHashes::meetings_in(const std::string& year_slug, const std::string& committee) const {
  static const std::vector<size_t> none;
  auto it = meetings_by_year_.find({year_slug, committee});
  return it == meetings_by_year_.end() ? none : it->second;
}

ReadHashes::~ReadHashes() = default;

uint64_t ReadHashes::of(const std::string& key) const {
  {
    std::shared_lock lock(mutex_);
    auto it = known_.find(key);
    if (it != known_.end()) return it->second;
  }
  uint64_t h = compute(key);  // outside the lock: two threads may both work one out, to the same value
  std::unique_lock lock(mutex_);
  known_.emplace(key, h);
  return h;
}

bool ReadHashes::unchanged(const PageReads& reads) const {
  if (reads.empty()) return false;  // a page that recorded nothing was not recorded at all
  for (const auto& r : reads)
    if (r.hash == kUnknownKey || of(r.key) != r.hash) return false;
  return true;
}

uint64_t ReadHashes::file_hash(const std::string& relative_path) const {
  auto it = file_hashes_.find(relative_path);
  return it == file_hashes_.end() ? kGone : it->second;
}

/// What a meeting's row in a list shows.
uint64_t ReadHashes::summary_hash(size_t mi) const {
  const Meeting& m = model_.meetings[mi];
  return Hasher().add(m.id).add(m.date.value.iso()).add(m.committee.value).add(static_cast<uint64_t>(m.status))
      .add(site_.meeting_year[mi].label()).value();
}

uint64_t ReadHashes::meeting_hash(size_t mi) const {
  const Meeting& m = model_.meetings[mi];
  return Hasher().add(m.id).add(model_.sources.content_hash(m.file)).value();
}

/// Everything an undertaking's row, page or calendar entry shows: where it
/// was given (its meeting's file), its due date and the meeting it is due
/// at, its standing on the as-of date, and every update with its meeting.
uint64_t ReadHashes::undertaking_hash(const ResolvedUndertaking& ru) const {
  Hasher h;
  h.add(meeting_hash(ru.given.meeting)).add(ru.given.item).add(static_cast<uint64_t>(ru.exchange));
  h.add(ru.due ? ru.due->iso() : "-");
  if (ru.due_meeting >= 0) h.add(meeting_hash(static_cast<size_t>(ru.due_meeting)));
  h.add(static_cast<uint64_t>(ru.status)).add(static_cast<uint64_t>(ru.timing));
  h.add(ru.history.size());
  for (const ActionUpdate* a : ru.history) {
    h.add(a->undertaking.value).add(a->date.value.iso()).add(static_cast<uint64_t>(a->status.value));
    h.add(a->note.value).add(a->meeting.value);
    auto mt = site_.meetings.find(a->meeting.value);
    h.add(mt != site_.meetings.end() ? meeting_hash(mt->second) : kGone);
  }
  return h.value();
}

std::vector<const ResolvedUndertaking*> ReadHashes::undertakings(const UndertakingQuery& q) const {
  using By = UndertakingQuery::By;
  std::call_once(lists_once_, [&] {
    auto year_of = [&](const Date& date) {
      return municipal_year_of(date, model_.site.year_start_month, model_.site.year_start_day).slug();
    };
    auto add = [&](By by, const std::string& arg, const ResolvedUndertaking* ru) {
      lists_[UndertakingQuery{by, arg}.key()].push_back(ru);
    };
    for (const ResolvedUndertaking* ru : register_) {
      add(By::all, "", ru);
      for (const auto& s : register_states())
        if (s.keep(ru->timing)) add(By::state, s.slug, ru);
      add(By::owner, owner_slug(ru->undertaking->owner.value), ru);
      add(By::committee, model_.meetings[ru->given.meeting].committee.value, ru);
      add(By::given_in_year, site_.meeting_year[ru->given.meeting].slug(), ru);
      if (ru->due) add(By::due_in_year, year_of(*ru->due), ru);
      if (!timing_is_open(ru->timing) && !ru->history.empty())
        add(By::closed_in_year, year_of(ru->history.back()->date.value), ru);
    }
  });
  auto it = lists_.find(UndertakingQuery{q.by, q.by == By::all ? "" : q.arg}.key());
  return it == lists_.end() ? std::vector<const ResolvedUndertaking*>{} : it->second;
}

uint64_t ReadHashes::compute(const std::string& key) const {
  Hasher h;
  h.add(key);
  std::string arg;
  UndertakingQuery query;
  if (arg_of(key, "output-version", arg)) {
    auto it = output_versions_.find(arg);
    return it == output_versions_.end() ? kGone : h.add(it->second).value();
  }
  if (key == "settings") return h.add(file_hash("data/site.yaml")).value();
  if (key == "committees") return h.add(file_hash("data/committees.yaml")).value();
  if (key == "people") return h.add(file_hash("data/people.yaml")).value();
  if (key == "glossary") return h.add(file_hash("data/glossary.yaml")).value();
  if (key == "as-of") return h.add(site_.as_of.iso()).value();
  if (key == "meetings") {  // which meetings there are, in order
    h.add(model_.meetings.size());
    for (const auto& m : model_.meetings) h.add(m.id);
    return h.value();
  }
  if (arg_of(key, "meeting-summary", arg)) {
    auto it = site_.meetings.find(arg);
    return h.add(it == site_.meetings.end() ? kGone : summary_hash(it->second)).value();
  }
  if (arg_of(key, "meetings-in", arg)) {  // "<year slug>:<committee id>"
    size_t colon = arg.find(':');
    if (colon == std::string::npos) return kUnknownKey;
    const auto& list = meetings_in(arg.substr(0, colon), arg.substr(colon + 1));
    h.add(list.size());
    for (size_t mi : list) h.add(summary_hash(mi));
    return h.value();
  }
  if (key == "years") {
    for (const auto& y : site_.years) h.add(y.label());
    return h.value();
  }
  if (key == "series") {
    for (const auto& [id, reports] : site_.series) {
      h.add(id).add(reports.size());
      for (size_t ri : reports) h.add(model_.reports[ri].id);
    }
    return h.value();
  }
  if (key == "report-items") {
    for (const auto& [ri, refs] : site_.report_items) {
      h.add(model_.reports[ri].id).add(refs.size());
      for (const auto& ref : refs) h.add(model_.meetings[ref.meeting].id).add(ref.item);
    }
    return h.value();
  }
  if (key == "pages") {  // the free pages the layout lists
    for (const auto& p : model_.pages) h.add(p.stem).add(p.title.value);
    return h.value();
  }
  if (arg_of(key, "meeting", arg)) {
    auto it = site_.meetings.find(arg);
    return h.add(it == site_.meetings.end() ? kGone : meeting_hash(it->second)).value();
  }
  if (arg_of(key, "undertaking", arg)) {
    auto it = site_.undertaking_index.find(arg);
    return h.add(it == site_.undertaking_index.end() ? kGone : undertaking_hash(site_.undertakings[it->second]))
        .value();
  }
  if (parse_undertaking_query(key, query)) {
    auto list = undertakings(query);
    h.add(list.size());
    for (const auto* ru : list) h.add(ru->undertaking->id.value).add(of("undertaking:" + ru->undertaking->id.value));
    return h.value();
  }
  if (arg_of(key, "reported-back", arg)) {
    auto mt = site_.meetings.find(arg);
    if (mt == site_.meetings.end()) return h.add(kGone).value();
    auto rb = site_.reported_back.find(mt->second);
    if (rb == site_.reported_back.end()) return h.value();
    for (const ActionUpdate* a : rb->second) {
      h.add(a->undertaking.value).add(static_cast<uint64_t>(a->status.value)).add(a->note.value);
      h.add(of("undertaking:" + a->undertaking.value));
    }
    return h.value();
  }
  if (arg_of(key, "person-meetings", arg)) {
    auto it = site_.person_meetings.find(arg);
    if (it != site_.person_meetings.end())
      for (size_t mi : it->second) h.add(model_.meetings[mi].id);
    return h.value();
  }
  if (arg_of(key, "report", arg)) {
    auto it = site_.reports.find(arg);
    if (it == site_.reports.end()) return h.add(kGone).value();
    return h.add(model_.sources.content_hash(model_.reports[it->second].file)).value();
  }
  if (arg_of(key, "page", arg)) {
    auto it = site_.pages.find(arg);
    if (it == site_.pages.end()) return h.add(kGone).value();
    return h.add(model_.sources.content_hash(model_.pages[it->second].file)).value();
  }
  if (arg_of(key, "document", arg)) {
    auto it = model_.document_sizes.find(arg);
    return h.add(it == model_.document_sizes.end() ? kGone : static_cast<uint64_t>(it->second)).value();
  }
  if (arg_of(key, "template", arg))
    return h.add(theme_.fingerprint(arg)).add(theme_.fingerprint("layout.mustache")).value();
  return kUnknownKey;  // a key no accessor records: never taken for unchanged
}

}  // namespace rs
