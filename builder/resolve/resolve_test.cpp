// Resolution as a user sees it: due dates from a date, the next report or the
// next meeting; an undertaking's standing as at a date; action points that
// point at nothing; municipal years; ids shared across kinds; the as_of date.
#include "reportsite/resolve/resolve.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::diagnostics_text;
using fixture::error_rules;
using fixture::find_rule;
using fixture::kMinimalSite;
using fixture::ScopedEnv;
using fixture::position;
using fixture::resolve_txtar;

// ---- the pieces of a site with a report series -----------------------------

const std::string kReports = R"(-- content/reports/complaints/2017-18.yaml --
series: complaints
title: Complaints Annual Report 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
-- content/reports/complaints/2018-19.yaml --
series: complaints
title: Complaints Annual Report 2018/19
period: {from: 2018-04-01, to: 2019-03-31}
-- content/reports/enquiries/2017-18.yaml --
series: enquiries
title: Members' Enquiries Report 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
)";

// Three undertakings, one per kind of due date, given on 17 October 2018.
const std::string kGiven = R"(-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Complaints Annual Report 2017/18
    report: complaints-2017-18
    minutes: The Committee received the report.
    undertakings:
      - id: treasury-report
        text: Circulate the treasury report.
        owner: Director of Finance
        due: 2019-01-31
      - id: ethnicity-breakdown
        text: Include the ethnic breakdown of complainants in the next report.
        owner: Complaints Manager
        due: next-report
      - id: training-update
        text: Report back on complaints training.
        owner: Complaints Manager
        due: next-meeting
)";

// Another committee meets first, on another series: neither is "next" for audit's undertakings.
const std::string kOtherCommittee = R"(-- content/meetings/2018/2018-11-20-scrutiny.yaml --
committee: scrutiny
date: 2018-11-20
items:
  - number: "1"
    title: Members' Enquiries Report 2017/18
    report: enquiries-2017-18
)";

// Audit meets again and looks at the same report again: the next meeting, not the next report.
const std::string kAuditAgain = R"(-- content/meetings/2019/2019-03-12-audit.yaml --
committee: audit
date: 2019-03-12
items:
  - number: "1"
    title: Complaints follow-up
    report: complaints-2017-18
)";

// The next report of the series.
const std::string kNextReport = R"(-- content/meetings/2019/2019-10-16-audit.yaml --
committee: audit
date: 2019-10-16
items:
  - number: "1"
    title: Complaints Annual Report 2018/19
    report: complaints-2018-19
)";

const std::string kFullSite = kMinimalSite + kReports + kGiven + kOtherCommittee + kAuditAgain + kNextReport;

const ResolvedUndertaking& undertaking(const BuildResult& r, const std::string& id) {
  auto it = r.site.undertaking_index.find(id);
  REQUIRE_MESSAGE(it != r.site.undertaking_index.end(), "no undertaking " << id);
  return r.site.undertakings[it->second];
}

std::string due_of(const BuildResult& r, const std::string& id) {
  const ResolvedUndertaking& ru = undertaking(r, id);
  return ru.due ? ru.due->iso() : "none";
}

std::string due_meeting_of(const BuildResult& r, const std::string& id) {
  const ResolvedUndertaking& ru = undertaking(r, id);
  return ru.due_meeting < 0 ? "none" : r.model.meetings.at(static_cast<size_t>(ru.due_meeting)).id;
}

BuildResult as_at(const std::string& site, const char* date) {
  BuildOptions o;
  o.as_of = parse_date(date);
  REQUIRE(o.as_of);
  return resolve_txtar(site, o);
}

Timing timing_at(const std::string& site, const char* date, const std::string& id) {
  BuildResult r = as_at(site, date);
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  return undertaking(r, id).timing;
}

// ---- due dates --------------------------------------------------------------

TEST_CASE("the full resolve fixture has no errors") {
  BuildResult r = resolve_txtar(kFullSite);
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  CHECK(r.site.undertakings.size() == 3);
}

TEST_CASE("a due date written as a date is that date") {
  BuildResult r = resolve_txtar(kFullSite);
  CHECK(due_of(r, "treasury-report") == "2019-01-31");
  CHECK(due_meeting_of(r, "treasury-report") == "none");
}

TEST_CASE("next-report resolves to the next meeting that considers a later report of the same series") {
  BuildResult r = resolve_txtar(kFullSite);
  INFO(diagnostics_text(r));
  // Not 2018-11-20 (another series) and not 2019-03-12 (the same report again).
  CHECK(due_of(r, "ethnicity-breakdown") == "2019-10-16");
  CHECK(due_meeting_of(r, "ethnicity-breakdown") == "2019-10-16-audit");
}

TEST_CASE("next-report with no later report of the series published is due at the next meeting, with no date") {
  BuildResult r = resolve_txtar(kMinimalSite + kReports + kGiven + kOtherCommittee + kAuditAgain, {});
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  const ResolvedUndertaking& ru = undertaking(r, "ethnicity-breakdown");
  CHECK_FALSE(ru.due.has_value());
  CHECK(ru.due_meeting == -1);
  CHECK(ru.timing == Timing::due_next_meeting);
}

TEST_CASE("next-meeting resolves to the same committee's next meeting, not another committee's") {
  BuildResult r = resolve_txtar(kFullSite);
  CHECK(due_of(r, "training-update") == "2019-03-12");
  CHECK(due_meeting_of(r, "training-update") == "2019-03-12-audit");
}

TEST_CASE("next-meeting with no later meeting of the committee is due at the next meeting, with no date") {
  // Only another committee meets later.
  BuildResult r = resolve_txtar(kMinimalSite + kReports + kGiven + kOtherCommittee);
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  const ResolvedUndertaking& ru = undertaking(r, "training-update");
  CHECK_FALSE(ru.due.has_value());
  CHECK(ru.timing == Timing::due_next_meeting);
  CHECK(std::string(timing_label(ru.timing)) == "Due at the next meeting");
}

TEST_CASE("next-report on an item that names no report is an error at the due value") {
  const std::string site = kMinimalSite + R"(-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Complaints training
    undertakings:
      - id: training-update
        text: Report back on complaints training.
        owner: Complaints Manager
        due: next-report
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  const Diagnostic* d = find_rule(r, "resolve.next-report");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::error);
  CHECK(fixture::range(r, *d) == "site/content/meetings/2018/2018-10-17-audit.yaml:10:14-10:25");
  CHECK(d->message.find("`report:`") != std::string::npos);

  BuildResult ok = resolve_txtar(kFullSite);
  CHECK(find_rule(ok, "resolve.next-report") == nullptr);
}

// ---- standing as at a date --------------------------------------------------

TEST_CASE("an open undertaking is not yet due before its due date, due on it, overdue after it") {
  CHECK(timing_at(kFullSite, "2019-01-30", "treasury-report") == Timing::not_yet_due);
  CHECK(timing_at(kFullSite, "2019-01-31", "treasury-report") == Timing::due_today);
  CHECK(timing_at(kFullSite, "2019-02-01", "treasury-report") == Timing::overdue);
}

TEST_CASE("a resolved next-meeting due date is judged like a written date") {
  CHECK(timing_at(kFullSite, "2019-03-11", "training-update") == Timing::not_yet_due);
  CHECK(timing_at(kFullSite, "2019-03-12", "training-update") == Timing::due_today);
  CHECK(timing_at(kFullSite, "2019-03-13", "training-update") == Timing::overdue);
}

const std::string kActions = R"(-- content/actions/audit.yaml --
- undertaking: treasury-report
  date: 2019-02-10
  status: completed
  note: Circulated by e-mail.
- undertaking: treasury-report
  date: 2019-01-15
  status: in-progress
  note: Drafted.
- undertaking: training-update
  date: 2019-03-12
  status: withdrawn
  meeting: 2019-03-12-audit
)";

TEST_CASE("a completed or withdrawn undertaking is closed from the date of its update") {
  const std::string site = kFullSite + kActions;
  BuildResult r = as_at(site, "2019-06-01");
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  const ResolvedUndertaking& done = undertaking(r, "treasury-report");
  CHECK(done.timing == Timing::completed);
  CHECK(done.status == ActionStatus::completed);
  REQUIRE(done.history.size() == 2);
  // Entries are read in date order, whatever their order in the file.
  CHECK(done.history[0]->date.value.iso() == "2019-01-15");
  CHECK(done.history[1]->date.value.iso() == "2019-02-10");
  CHECK(undertaking(r, "training-update").timing == Timing::withdrawn);
  CHECK(undertaking(r, "ethnicity-breakdown").timing == Timing::not_yet_due);
}

TEST_CASE("an action point dated after as_of is ignored as at an earlier date") {
  const std::string site = kFullSite + kActions;
  // The completion on 2019-02-10 has not happened yet on 2019-02-05: the
  // in-progress update of 2019-01-15 stands, and the due date has passed.
  BuildResult before = as_at(site, "2019-02-05");
  const ResolvedUndertaking& ru = undertaking(before, "treasury-report");
  CHECK(ru.status == ActionStatus::in_progress);
  CHECK(ru.timing == Timing::overdue);
  CHECK(ru.history.size() == 1);
  // Before any update it is open.
  BuildResult earliest = as_at(site, "2019-01-01");
  CHECK(undertaking(earliest, "treasury-report").status == ActionStatus::open);
  CHECK(undertaking(earliest, "treasury-report").timing == Timing::not_yet_due);
  // On the day of the update it counts.
  BuildResult on_day = as_at(site, "2019-02-10");
  CHECK(undertaking(on_day, "treasury-report").timing == Timing::completed);
  // Withdrawn on the meeting day, open (and due) the day before.
  CHECK(timing_at(site, "2019-03-11", "training-update") == Timing::not_yet_due);
  CHECK(timing_at(site, "2019-03-12", "training-update") == Timing::withdrawn);
}

// ---- action point errors ----------------------------------------------------

TEST_CASE("action points that point at nothing are reported at the faulty value") {
  const std::string site = kFullSite + R"(-- content/actions/audit.yaml --
- undertaking: treasury-reprot
  date: 2019-02-01
  status: open
- undertaking: treasury-report
  date: 2018-10-01
  status: open
- undertaking: treasury-report
  date: 2019-02-01
  status: open
  meeting: 2019-02-01-audit
- undertaking: treasury-report
  date: 2019-02-01
  status: complete
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  const std::string path = "site/content/actions/audit.yaml";

  const Diagnostic* unknown = find_rule(r, "resolve.unknown-undertaking");
  REQUIRE(unknown != nullptr);
  CHECK(fixture::range(r, *unknown) == path + ":1:16-1:31");
  CHECK(unknown->message == "unknown undertaking `treasury-reprot`");
  CHECK(unknown->suggestion == "did you mean `treasury-report`?");

  const Diagnostic* before = find_rule(r, "resolve.action-before-undertaking");
  REQUIRE(before != nullptr);
  CHECK(position(r, *before) == path + ":5:9");
  CHECK(before->message.find("2018-10-17") != std::string::npos);

  const Diagnostic* meeting = find_rule(r, "resolve.unknown-meeting");
  REQUIRE(meeting != nullptr);
  CHECK(position(r, *meeting) == path + ":10:12");
  CHECK(meeting->message == "unknown meeting `2019-02-01-audit`");

  const Diagnostic* status = find_rule(r, "load.bad-value");
  REQUIRE(status != nullptr);
  CHECK(position(r, *status) == path + ":13:11");
  CHECK(status->suggestion == "did you mean `completed`?");

  CHECK(error_rules(r).size() == 4);
  // None of the faulty points reached the undertaking's history.
  CHECK(undertaking(r, "treasury-report").history.empty());
}

TEST_CASE("well-formed action points raise no errors and reach the history") {
  BuildResult r = resolve_txtar(kFullSite + kActions);
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  CHECK(undertaking(r, "treasury-report").history.size() == 2);
  // Reported back at the meeting named.
  size_t mi = r.site.meetings.at("2019-03-12-audit");
  REQUIRE(r.site.reported_back.count(mi) == 1);
  CHECK(r.site.reported_back.at(mi).size() == 1);
}

// ---- municipal years --------------------------------------------------------

TEST_CASE("municipal years start on 1 May by default") {
  CHECK(municipal_year_of(*parse_date("2019-04-30"), 5, 1).label() == "2018/19");
  CHECK(municipal_year_of(*parse_date("2019-05-01"), 5, 1).label() == "2019/20");
  CHECK(municipal_year_of(*parse_date("2019-05-01"), 5, 1).slug() == "2019-20");
  CHECK(municipal_year_of(*parse_date("1999-12-31"), 5, 1).slug() == "1999-00");

  const std::string site = kMinimalSite + R"(-- content/meetings/2019/2019-04-30-audit.yaml --
committee: audit
date: 2019-04-30
items:
  - number: "1"
    title: Last meeting of the year
-- content/meetings/2019/2019-05-01-audit.yaml --
committee: audit
date: 2019-05-01
items:
  - number: "1"
    title: First meeting of the year
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  REQUIRE(r.model.meetings.size() == 3);
  CHECK(r.model.meetings[1].id == "2019-04-30-audit");
  CHECK(r.site.meeting_year.at(1).label() == "2018/19");
  CHECK(r.site.meeting_year.at(2).label() == "2019/20");
  // Newest first.
  REQUIRE(r.site.years.size() == 2);
  CHECK(r.site.years[0].slug() == "2019-20");
  CHECK(r.site.years[1].slug() == "2018-19");
}

TEST_CASE("a site may start its municipal year on another day") {
  const std::string site = kMinimalSite + R"(-- data/site.yaml --
title: Test Council committee reports
organisation: Test Borough Council
municipal_year_starts: 04-01
-- content/meetings/2019/2019-03-31-audit.yaml --
committee: audit
date: 2019-03-31
items:
  - number: "1"
    title: Last meeting of the year
-- content/meetings/2019/2019-04-01-audit.yaml --
committee: audit
date: 2019-04-01
items:
  - number: "1"
    title: First meeting of the year
-- content/meetings/2019/2019-04-30-audit.yaml --
committee: audit
date: 2019-04-30
items:
  - number: "1"
    title: Later in April
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  CHECK(error_rules(r).empty());
  CHECK(r.model.site.year_start_month == 4);
  CHECK(r.model.site.year_start_day == 1);
  REQUIRE(r.model.meetings.size() == 4);
  CHECK(r.site.meeting_year.at(1).label() == "2018/19");  // 2019-03-31
  CHECK(r.site.meeting_year.at(2).label() == "2019/20");  // 2019-04-01
  CHECK(r.site.meeting_year.at(3).label() == "2019/20");  // 2019-04-30: 2018/19 with a May start
}

// ---- ids across kinds -------------------------------------------------------

TEST_CASE("an id used by two kinds of thing is an error at the second, naming the first") {
  const std::string site = kMinimalSite + R"(-- data/people.yaml --
- id: audit
  name: Audit Manager
  role: officer
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Scrutiny arrangements
    undertakings:
      - id: scrutiny
        text: Review the scrutiny arrangements.
        owner: Director of Governance
        due: 2019-01-31
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  const Diagnostic* person = nullptr;
  const Diagnostic* promise = nullptr;
  size_t dups = 0;
  for (const auto& d : r.diagnostics) {
    if (d.rule != "resolve.duplicate-id") continue;
    ++dups;
    if (d.message.find("`audit`") != std::string::npos) person = &d;
    if (d.message.find("`scrutiny`") != std::string::npos) promise = &d;
  }
  CHECK(dups == 2);
  REQUIRE(person != nullptr);
  REQUIRE(promise != nullptr);
  CHECK(position(r, *person) == "site/data/people.yaml:1:7");
  CHECK(person->message.find("a person here has the id of a committee already defined at site/data/committees.yaml:1") !=
        std::string::npos);
  CHECK(position(r, *promise) == "site/content/meetings/2018/2018-10-17-audit.yaml:7:13");
  CHECK(promise->message.find("an undertaking here has the id of a committee already defined at "
                              "site/data/committees.yaml:3") != std::string::npos);
}

TEST_CASE("distinct ids across kinds raise no duplicate-id error") {
  const std::string site = kMinimalSite + R"(-- data/people.yaml --
- id: audit-manager
  name: Audit Manager
  role: officer
)";
  BuildResult r = resolve_txtar(site);
  INFO(diagnostics_text(r));
  CHECK(find_rule(r, "resolve.duplicate-id") == nullptr);
  CHECK(r.site.people.count("audit-manager") == 1);
}

// ---- the as_of date ---------------------------------------------------------

TEST_CASE("as_of comes from the option, else the site, else the source date epoch, else today") {
  Model with_site;
  with_site.site.as_of = Located<Date>{*parse_date("2019-12-01"), {}};
  Model without_site;
  const ResolveOptions option{parse_date("2020-02-05"), 1546300800};
  const ResolveOptions epoch{std::nullopt, 1546300800};  // 2019-01-01T00:00:00Z
  const ResolveOptions none{};

  CHECK(choose_as_of(with_site, option).iso() == "2020-02-05");
  CHECK(choose_as_of(with_site, epoch).iso() == "2019-12-01");
  CHECK(choose_as_of(without_site, epoch).iso() == "2019-01-01");
  CHECK(choose_as_of(without_site, ResolveOptions{std::nullopt, 1546300799}).iso() == "2018-12-31");  // still 2018
  CHECK(choose_as_of(without_site, none) == today_utc());
  // The library itself never reads SOURCE_DATE_EPOCH (the command line does).
  ScopedEnv ignored("SOURCE_DATE_EPOCH", "1546300800");
  CHECK(choose_as_of(without_site, none) == today_utc());
}

TEST_CASE("the as_of date reaches the resolved site through the build") {
  BuildResult from_site = resolve_txtar(kMinimalSite);  // as_of: 2019-12-01 in site.yaml
  CHECK(from_site.site.as_of.iso() == "2019-12-01");
  BuildResult from_option = as_at(kMinimalSite, "2018-11-01");
  CHECK(from_option.site.as_of.iso() == "2018-11-01");
}

// ---- resolve_key: what watch's page preview may skip resolving for ------------

TEST_CASE("an edit of prose keeps a meeting's resolve key; an edit of what resolve reads changes it") {
  Meeting m;
  m.id = "2018-10-17-audit";
  m.committee.value = "audit";
  m.date.value = *parse_date("2018-10-17");
  Item it;
  it.number.value = "1";
  it.minutes.value = "The minutes were agreed.";
  Undertaking u;
  u.id.value = "audit-1";
  u.owner.value = "jane-smith";
  u.text.value = "Circulate the figures.";
  it.undertakings.push_back(u);
  m.items.push_back(it);
  const std::string key = resolve_key(m);

  Meeting prose = m;
  prose.items[0].minutes.value = "The minutes were agreed after a long discussion.";
  prose.items[0].undertakings[0].text.value = "Circulate the revised figures.";
  prose.venue.value = "Committee Room 2";
  CHECK(resolve_key(prose) == key);

  auto changed = [&](auto edit) {
    Meeting other = m;
    edit(other);
    return resolve_key(other) != key;
  };
  CHECK(changed([](Meeting& x) { x.date.value = *parse_date("2018-10-18"); }));
  CHECK(changed([](Meeting& x) { x.committee.value = "scrutiny"; }));
  CHECK(changed([](Meeting& x) { x.attendance.members.push_back(Text{}); }));
  CHECK(changed([](Meeting& x) { x.items[0].number.value = "2"; }));
  CHECK(changed([](Meeting& x) { x.items[0].exempt_paragraph = 3; }));
  CHECK(changed([](Meeting& x) { x.items[0].report.value = "complaints-2017-18"; }));
  CHECK(changed([](Meeting& x) { x.items[0].undertakings[0].owner.value = "john-doe"; }));
  CHECK(changed([](Meeting& x) { x.items[0].undertakings[0].due.kind = DueKind::next_meeting; }));
  CHECK(changed([](Meeting& x) { x.items[0].undertakings[0].id.value = "audit-2"; }));
  CHECK(changed([](Meeting& x) { x.items.push_back(x.items[0]); }));
}

}  // namespace
}  // namespace rs
