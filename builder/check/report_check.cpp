// report.*: the figures of an annual complaints summary must add up.
#include <cmath>
#include <cstdio>

#include "reportsite/check/check.h"

namespace rs {

namespace {

class ReportCheck : public Check {
 public:
  std::string name() const override { return "reports"; }
  std::string version() const override { return {}; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    for (const auto& r : in.model.reports) {
      for (const auto& s : r.stages) {
        long long outcomes = 0;
        for (const auto* v : {&s.upheld, &s.partly_upheld, &s.not_upheld, &s.withdrawn})
          if (*v) outcomes += (*v)->value;
        if (s.received && outcomes > s.received->value)
          diags.error("report.outcomes-exceed-received", s.received->span,
                      s.name.value + ": the outcomes add up to " + std::to_string(outcomes) + ", more than the " +
                          std::to_string(s.received->value) + " received");
      }
      if (r.ombudsman_referred && r.ombudsman_upheld && r.ombudsman_upheld->value > r.ombudsman_referred->value)
        diags.error("report.ombudsman-upheld", r.ombudsman_upheld->span,
                    "more complaints upheld by the Ombudsman than were referred");
      check_breakdown(r.by_service, "by_service", diags);
      check_breakdown(r.by_reason, "by_reason", diags);
      for (const auto& [name, b] : r.equalities) check_breakdown(b, name.value.c_str(), diags);
    }
  }

 private:
  static void check_breakdown(const Breakdown& b, const std::string& what, Diagnostics& diags) {
    if (!b.complete) return;
    double total = 0;
    bool percents = false;
    for (const auto& e : b.entries)
      if (e.percent) {
        total += e.percent->value;
        percents = true;
      }
    if (percents && std::fabs(total - 100.0) > 1.0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", total);
      diags.error("report.breakdown-total", b.span,
                  what + " is marked complete but its percentages add up to " + buf + ", not 100 (±1)");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_report_check() { return std::make_unique<ReportCheck>(); }

}  // namespace rs
