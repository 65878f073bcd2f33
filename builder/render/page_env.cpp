// PageEnv's reads: each accessor records its key, then hands out the model.
#include "reportsite/render/view.h"

#include "reportsite/model/statement.h"

namespace rs {

void PageEnv::read(const std::string& key) {
  if (seen_.insert(key).second) reads_.push_back(key);
}

void PageEnv::read_fixed(Fixed which, const char* key) {
  if (fixed_seen_ & (1u << which)) return;
  fixed_seen_ |= 1u << which;
  read(key);
}

std::string PageEnv::prose(const Text& t, int min_heading) {
  read_fixed(kGlossary, "glossary");
  return ctx_.markdown.render(t, abbr, &diags, min_heading);
}

const SiteSettings& PageEnv::settings() {
  read_fixed(kSettings, "settings");
  return ctx_.model.site;
}

const std::vector<Committee>& PageEnv::committees() {
  read_fixed(kCommittees, "committees");
  return ctx_.model.committees;
}

std::string PageEnv::committee_name(const std::string& id) {
  read_fixed(kCommittees, "committees");
  return rs::committee_name(ctx_, id);
}

const Person* PageEnv::person(const std::string& id) {
  read_fixed(kPeople, "people");
  return ctx_.site.person(id, ctx_.model);
}

const std::vector<GlossaryEntry>& PageEnv::glossary() {
  read_fixed(kGlossary, "glossary");
  return ctx_.model.glossary;
}

std::vector<PageEnv::PageLink> PageEnv::page_links() {
  read_fixed(kPages, "pages");
  std::vector<PageLink> out;
  for (const auto& p : ctx_.model.pages) out.push_back({p.stem, p.title.value});
  // The default statement (accessibility_page.cpp) is linked where the council's own would be.
  if (!own_accessibility_statement(ctx_.model.pages)) out.push_back({kStatementStem, "Accessibility statement"});
  return out;
}

const Page& PageEnv::page(size_t index) {
  const Page& p = ctx_.model.pages[index];
  read("page:" + p.stem);
  return p;
}

size_t PageEnv::meeting_count() {
  read_fixed(kMeetings, "meetings");
  return ctx_.model.meetings.size();
}

MeetingSummary PageEnv::meeting_summary(size_t mi) {
  const Meeting& m = ctx_.model.meetings[mi];
  read("meeting-summary:" + m.id);
  return {m.id, m.committee.value, m.date.value, m.status == MinutesStatus::draft, ctx_.site.meeting_year[mi]};
}

std::string PageEnv::meeting_title(size_t mi) {
  const Meeting& m = ctx_.model.meetings[mi];
  read("meeting-summary:" + m.id);
  return rs::meeting_title(committee_name(m.committee.value), m);
}

const std::vector<size_t>& PageEnv::meetings_in(const MunicipalYear& year, const std::string& committee) {
  read("meetings-in:" + year.slug() + ":" + committee);
  return hashes_.meetings_in(year.slug(), committee);
}

std::optional<size_t> PageEnv::find_meeting(const std::string& id) {
  read("meeting-summary:" + id);
  auto it = ctx_.site.meetings.find(id);
  return it == ctx_.site.meetings.end() ? std::nullopt : std::optional<size_t>(it->second);
}

const Meeting& PageEnv::meeting(size_t mi) {
  const Meeting& m = ctx_.model.meetings[mi];
  read("meeting:" + m.id);
  return m;
}

const std::vector<MunicipalYear>& PageEnv::years() {
  read_fixed(kYears, "years");
  return ctx_.site.years;
}

Date PageEnv::as_of() {
  read_fixed(kAsOf, "as-of");
  return ctx_.site.as_of;
}

const ResolvedUndertaking* PageEnv::undertaking(const std::string& id) {
  read("undertaking:" + id);
  auto it = ctx_.site.undertaking_index.find(id);
  return it == ctx_.site.undertaking_index.end() ? nullptr : &ctx_.site.undertakings[it->second];
}

std::vector<const ResolvedUndertaking*> PageEnv::undertakings(const UndertakingQuery& q) {
  read(q.key());
  return hashes_.undertakings(q);
}

std::vector<const ActionUpdate*> PageEnv::reported_back(size_t mi) {
  read("reported-back:" + ctx_.model.meetings[mi].id);
  auto it = ctx_.site.reported_back.find(mi);
  return it == ctx_.site.reported_back.end() ? std::vector<const ActionUpdate*>{} : it->second;
}

std::vector<size_t> PageEnv::person_meetings(const std::string& id) {
  read("person-meetings:" + id);
  auto it = ctx_.site.person_meetings.find(id);
  return it == ctx_.site.person_meetings.end() ? std::vector<size_t>{} : it->second;
}

const std::map<std::string, std::vector<size_t>>& PageEnv::series() {
  read_fixed(kSeries, "series");
  return ctx_.site.series;
}

const Report& PageEnv::report(size_t ri) {
  const Report& r = ctx_.model.reports[ri];
  read("report:" + r.id);
  return r;
}

const Report* PageEnv::report(const std::string& id) {
  read("report:" + id);
  auto it = ctx_.site.reports.find(id);
  return it == ctx_.site.reports.end() ? nullptr : &ctx_.model.reports[it->second];
}

const std::map<size_t, std::vector<ItemRef>>& PageEnv::report_items() {
  read_fixed(kReportItems, "report-items");
  return ctx_.site.report_items;
}

long long PageEnv::document_size(const std::string& file) {
  read("document:" + file);
  auto it = ctx_.model.document_sizes.find(file);
  return it == ctx_.model.document_sizes.end() ? -1 : it->second;
}

}  // namespace rs
