#pragma once
// Silencing one finding in place, with a reason. Shared by every check.
//
// Marker syntax, written in a prose field just before the text it excuses:
//
//   <!-- allow RULE: REASON -->
//
// for example
//
//   The letter called them <!-- allow glossary.avoid: quoting the complainant's
//   letter --> "Afghanis".
//
// RULE is one rule id (`area.rule`: letters, digits, '.', '-'); REASON is free
// text and is required. A marker silences the first finding of RULE that starts
// after it in the same paragraph of the same field (where two markers would
// silence the same finding, the nearer one does). A marker that gives no rule
// or no reason, or silences nothing, is itself reported as `suppress.unused`,
// so markers do not outlive the text they excused. Inside code spans and
// fenced code blocks the syntax is literal text, not a marker. The renderer
// removes markers from the output (model/markers.h, strip_markers).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/markers.h"

namespace rs {
/// A finding of some check in the same text, as far as markers care.
struct FindingAt {
  std::string_view rule;
  size_t begin = 0;
};

/// A marker that should be fixed or removed.
struct MarkerProblem {
  size_t begin = 0, end = 0;  // the marker
  Severity severity = Severity::warning;
  std::string rule = "suppress.unused";
  std::string message;
};

struct Suppression {
  std::vector<bool> silenced;           // one per finding, in the order given
  std::vector<MarkerProblem> problems;  // in marker order
};

/// Which of a text's findings its markers silence, and which markers are unused.
Suppression apply_markers(std::string_view text, const std::vector<SuppressMarker>& markers,
                          const std::vector<FindingAt>& findings);

}  // namespace rs
