// undertaking.untracked: a promise recorded in prose with no structured undertaking;
// undertaking.possible (asked for: `check --possible-promises`): the same for the
// constructions that are seldom a promise in real minutes (promise_model.h), as notes.
#include <algorithm>

#include "reportsite/check/check.h"
#include "reportsite/core/hash.h"
#include "reportsite/core/memo_cached.h"
#include "reportsite/core/parallel.h"
#include "reportsite/check/promise_model.h"

namespace rs {

namespace {

class UntrackedUndertakingCheck : public Check {
 public:
  explicit UntrackedUndertakingCheck(PromiseTier tier) : tier_(tier) {}
  std::string name() const override { return tier_ == PromiseTier::reported ? "undertakings" : "possible-undertakings"; }
  std::string version() const override { return {}; }
  void run(const CheckInput& in, Findings& findings, Diagnostics&) const override {
    parallel_for(in.model.meetings.size(), [&](size_t mi) { check_meeting(in, in.model.meetings[mi], findings); });
  }

 private:
  /// A prose field to read, and whether a promise in it is already tracked.
  struct Field {
    const Text* text;
    bool tracked;
  };

  static std::vector<Field> fields_of(const Meeting& m) {
    std::vector<Field> out;
    for (const auto& it : m.items) {
      if (it.exempt()) continue;
      // The item's own prose is covered by an undertaking no exchange claims.
      size_t claimed = 0;
      for (const auto& u : it.undertakings)
        for (const auto& ex : it.discussion)
          if (std::any_of(ex.undertakings.begin(), ex.undertakings.end(),
                          [&](const Located<std::string>& r) { return r.value == u.id.value; })) {
            ++claimed;
            break;
          }
      bool item_tracked = it.undertakings.size() > claimed;
      out.push_back({&it.minutes, item_tracked});
      out.push_back({&it.resolved, item_tracked});
      for (const auto& ex : it.discussion) {
        out.push_back({&ex.question, !ex.undertakings.empty()});
        out.push_back({&ex.answer, !ex.undertakings.empty()});
      }
    }
    return out;
  }

  /// A meeting whose fields are unchanged keeps the promises found last time.
  void check_meeting(const CheckInput& in, const Meeting& m, Findings& findings) const {
    const bool possible = tier_ == PromiseTier::possible;
    std::vector<Field> fields = fields_of(m);
    Hasher key;
    for (const auto& f : fields) key.add(static_cast<uint64_t>(f.tracked)).add(f.text->value);
    using Found = std::vector<std::pair<size_t, PromisePhrase>>;  // field index, phrase
    const Found found = cached<Found>(
        in.memo, (possible ? "possible-promises:" : "promises:") + m.id, key.value(),
        [&] {
          Found out;
          for (size_t i = 0; i < fields.size(); ++i)
            if (!fields[i].tracked && !fields[i].text->empty())
              for (auto& p : possible ? find_possible_promises(fields[i].text->value)
                                      : find_reported_promises(fields[i].text->value))
                out.emplace_back(i, std::move(p));
          return out;
        },
        [&](const Found& kept) {
          return std::all_of(kept.begin(), kept.end(), [&](const auto& f) { return f.first < fields.size(); });
        });
    for (const auto& [i, p] : found)
      findings.add({fields[i].text, p.begin, p.end, possible ? Severity::note : Severity::warning,
                    possible ? "undertaking.possible" : "undertaking.untracked",
                    possible ? "this may record a promise (“" + p.phrase + "”, " + p.construction +
                                   ") that is not tracked as an undertaking"
                             : "this records a promise (“" + p.phrase + "”) that is not tracked as an undertaking",
                    std::string("add it under the item's `undertakings:` (and list its id in this exchange's "
                                "`undertakings:`), or silence this with <!-- allow ") +
                        (possible ? "undertaking.possible" : "undertaking.untracked") + ": reason -->",
                    ""});
  }

  PromiseTier tier_;
};

}  // namespace

std::unique_ptr<Check> make_untracked_undertaking_check() {
  return std::make_unique<UntrackedUndertakingCheck>(PromiseTier::reported);
}
std::unique_ptr<Check> make_possible_promise_check() {
  return std::make_unique<UntrackedUndertakingCheck>(PromiseTier::possible);
}

}  // namespace rs
