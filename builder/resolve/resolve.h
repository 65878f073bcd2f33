#pragma once
// Stage 2: ids, references, municipal years, due dates and states. Takes the
// loaded model as it is and returns the facts derived from it; the model is
// never changed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/model.h"

namespace rs {

/// An undertaking's standing as at the site's as_of date.
enum class Timing { not_yet_due, due_today, overdue, due_next_meeting, completed, withdrawn };
const char* timing_slug(Timing t);   // "overdue"
const char* timing_label(Timing t);  // "Overdue"
bool timing_is_open(Timing t);
/// Register order: overdue, due, due at the next meeting, not yet due, completed, withdrawn.
int timing_rank(Timing t);


struct ItemRef {
  size_t meeting = 0;  // index into Model::meetings
  size_t item = 0;     // index into Meeting::items
};

struct ResolvedUndertaking {
  const Undertaking* undertaking = nullptr;
  ItemRef given;                    // where it was given
  int exchange = -1;                // the discussion exchange that lists it, or -1
  std::optional<Date> due;          // resolved due date
  int due_meeting = -1;             // the meeting whose date is the due date (next-meeting/next-report)
  std::vector<const ActionUpdate*> history;  // by date, as recorded up to as_of
  ActionStatus status = ActionStatus::open;  // latest update's status on or before as_of
  Timing timing = Timing::not_yet_due;
};

struct ResolvedSite {
  Date as_of;
  std::map<std::string, size_t> committees, people, meetings, reports, pages;  // id → index
  std::vector<MunicipalYear> meeting_year;  // per meeting
  std::vector<MunicipalYear> years;         // every year with a meeting or report, newest first
  std::vector<ResolvedUndertaking> undertakings;  // public items only, in meeting order
  std::map<std::string, size_t> undertaking_index;
  std::map<size_t, std::vector<ItemRef>> report_items;       // report index → items that considered it
  std::map<size_t, std::vector<const ActionUpdate*>> reported_back;  // meeting index → updates given there
  std::map<std::string, std::vector<size_t>> series;         // series id → report indexes, oldest first
  std::map<std::string, std::vector<size_t>> person_meetings;  // people id → meetings naming them, in order

  const Committee* committee(const std::string& id, const Model& m) const;
  const Person* person(const std::string& id, const Model& m) const;
};

struct ResolveOptions {
  std::optional<Date> as_of;  // --as-of; overrides the site setting
  std::optional<long long> source_date_epoch;  // seconds (the CLI reads SOURCE_DATE_EPOCH), before today
};

/// The date "overdue" is judged on: --as-of, the site's as_of, the source date epoch, else today.
Date choose_as_of(const Model& model, const ResolveOptions& options);

ResolvedSite resolve(const Model& model, const ResolveOptions& options, Diagnostics& diags);

/// Everything resolve() reads of a meeting, as one string: two meetings with
/// the same key (an edit of prose only) resolve alike, so a site resolved with
/// one holds for the other once its undertakings point at the other's.
/// Kept beside resolve(), which it must follow: a new read there belongs here.
std::string resolve_key(const Meeting& meeting);
/// The site resolved with `model.meetings[index]` in place of a meeting of the
/// same resolve_key: its undertakings pointed at the new meeting's.
void repoint_undertakings(ResolvedSite& site, const Model& model, size_t index);

/// The register's one order, used by the pages, the CSV and JSON exports and
/// the `undertakings` command: overdue first, then due, open, closed
/// (timing_rank), then by due date (none last), then as resolved.
std::vector<const ResolvedUndertaking*> register_order(const ResolvedSite& site);

}  // namespace rs
