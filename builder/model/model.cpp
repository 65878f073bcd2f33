#include "reportsite/model/model.h"

namespace rs {

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
