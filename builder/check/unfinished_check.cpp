// meeting.unfinished: minutes still being written. A skeleton from
// `reportsite new meeting` and a half-typed file load cleanly, so without this
// check an empty "Resolved" or an item with no record at all would be
// published as if it were the record. A warning while the minutes are a
// draft; an error once they are confirmed, so an unfinished record is never
// published as the approved one.
#include <string_view>

#include "reportsite/check/check.h"
#include "reportsite/core/strings.h"

namespace rs {

namespace {

bool blank(const Text& t) { return trim(t.value).empty(); }
/// Written in the file (the key is there) but holding nothing.
bool left_empty(const Text& t) { return t.span.known() && blank(t); }

class UnfinishedCheck : public Check {
 public:
  std::string name() const override { return "unfinished"; }
  std::string version() const override { return {}; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    for (const auto& m : in.model.meetings) {
      const bool confirmed = m.status == MinutesStatus::confirmed;
      auto report = [&](Span span, const std::string& message, const std::string& suggestion) {
        const std::string why = confirmed ? "; the minutes are confirmed, so they are not published until it is done"
                                          : "";
        if (confirmed) diags.error("meeting.unfinished", span, message + why, suggestion);
        else diags.warning("meeting.unfinished", span, message, suggestion);
      };
      if (left_empty(m.time))
        report(m.time.span, "the meeting's `time:` is empty", "write the time it began, e.g. \"19:30\", or remove `time:`");
      if (left_empty(m.venue))
        report(m.venue.span, "the meeting's `venue:` is empty", "write where it was held, or remove `venue:`");
      for (const auto& item : m.items) {
        // An exempt item's text was dropped on loading: its emptiness is by design.
        if (item.exempt()) continue;
        const std::string which = "item " + item.number.value;
        if (left_empty(item.resolved))
          report(item.resolved.span, which + " has an empty “Resolved”",
                 "write what the committee resolved, or remove `resolved:` if it resolved nothing");
        if (left_empty(item.minutes))
          report(item.minutes.span, which + " has empty minutes", "write the minutes, or remove `minutes:`");
        const bool has_record = !blank(item.minutes) || !blank(item.resolved) || !item.discussion.empty() ||
                                !item.undertakings.empty() || !item.documents.empty();
        if (!has_record && !left_empty(item.minutes) && !left_empty(item.resolved))
          report(item.span.known() ? item.span : item.title.span,
                 which + " (" + item.title.value + ") has neither minutes nor a resolution",
                 "write what was said or decided under `minutes:` or `resolved:`");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_unfinished_check() { return std::make_unique<UnfinishedCheck>(); }

}  // namespace rs
