// A feed entry's `updated` follows the minutes without a clock: confirming
// them moves it on, any change to the public content moves it, nothing else does.
#include "reportsite/render/feeds.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

Meeting meeting(MinutesStatus status) {
  Meeting m;
  m.date.value = Date{2018, 10, 17};
  m.status = status;
  return m;
}

TEST_CASE("atom_updated is an RFC 3339 UTC time that moves on when the minutes are confirmed") {
  std::string draft = atom_updated(meeting(MinutesStatus::draft), "minutes");
  std::string confirmed = atom_updated(meeting(MinutesStatus::confirmed), "minutes");
  CHECK(draft.size() == 20);
  CHECK(draft.rfind("2018-10-17T", 0) == 0);
  CHECK(draft.back() == 'Z');
  CHECK(confirmed.rfind("2018-10-18T", 0) == 0);
  CHECK(confirmed > draft);
}

TEST_CASE("atom_updated changes with the published content and only with it") {
  Meeting m = meeting(MinutesStatus::confirmed);
  CHECK(atom_updated(m, "That the report be noted.") == atom_updated(m, "That the report be noted."));
  CHECK(atom_updated(m, "That the report be noted.") != atom_updated(m, "That the report be agreed."));
}

TEST_CASE("meeting_minutes reads HH:MM and nothing else") {
  CHECK(meeting_minutes("19:30") == 19 * 60 + 30);
  CHECK(meeting_minutes("00:00") == 0);
  CHECK_FALSE(meeting_minutes("7.30 pm"));
  CHECK_FALSE(meeting_minutes(""));
  CHECK_FALSE(meeting_minutes("25:00"));
  CHECK_FALSE(meeting_minutes("19:60"));
}

}  // namespace
}  // namespace rs
