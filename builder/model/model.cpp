#include "reportsite/model/model.h"

namespace rs {

bool ExternalPlugin::owns_rule(std::string_view rule) const {
  const std::string& n = name.value;
  return !n.empty() && rule.size() > n.size() && rule.compare(0, n.size(), n) == 0 && rule[n.size()] == '.';
}

bool is_builder_rule_area(std::string_view area) {
  static const char* const areas[] = {"cache",  "check",      "glossary", "import", "load",  "markdown",
                                      "meeting", "page",      "plugin",   "render", "report", "reportsite",
                                      "resolve", "site",      "suppress", "theme",  "undertaking", "write"};
  for (const char* a : areas)
    if (area == a) return true;
  return false;
}

const char* action_status_slug(ActionStatus s) {
  switch (s) {
    case ActionStatus::open: return "open";
    case ActionStatus::in_progress: return "in-progress";
    case ActionStatus::on_hold: return "on-hold";
    case ActionStatus::completed: return "completed";
    case ActionStatus::withdrawn: return "withdrawn";
  }
  return "open";
}

const char* action_status_label(ActionStatus s) {
  switch (s) {
    case ActionStatus::open: return "Open";
    case ActionStatus::in_progress: return "In progress";
    case ActionStatus::on_hold: return "On hold";
    case ActionStatus::completed: return "Completed";
    case ActionStatus::withdrawn: return "Withdrawn";
  }
  return "Open";
}

}  // namespace rs
