// undertaking.untracked: a promise recorded in prose with no structured undertaking.
#include <algorithm>

#include "check.h"
#include "promise_phrases.h"

namespace rs {

namespace {

class UntrackedUndertakingCheck : public Check {
 public:
  std::string name() const override { return "undertakings"; }
  void run(const CheckInput& in, Findings& findings, Diagnostics&) const override {
    for (const auto& m : in.model.meetings)
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
        report(it.minutes, item_tracked, findings);
        report(it.resolved, item_tracked, findings);
        for (const auto& ex : it.discussion) {
          report(ex.question, !ex.undertakings.empty(), findings);
          report(ex.answer, !ex.undertakings.empty(), findings);
        }
      }
  }

 private:
  static void report(const Text& text, bool tracked, Findings& findings) {
    if (tracked || text.empty()) return;
    for (const auto& p : find_promises(text.value))
      findings.add({&text, p.begin, p.end, Severity::warning, "undertaking.untracked",
                    "this records a promise (“" + p.phrase + "”) that is not tracked as an undertaking",
                    "add it under the item's `undertakings:` (and list its id in this exchange's `undertakings:`), "
                    "or silence this with <!-- allow undertaking.untracked: reason -->",
                    ""});
  }
};

}  // namespace

std::unique_ptr<Check> make_untracked_undertaking_check() { return std::make_unique<UntrackedUndertakingCheck>(); }

}  // namespace rs
