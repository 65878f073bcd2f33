#pragma once
// Findings of every stage, reported like a compiler's:
//   path:line:col: error: message [rule]
// with the source line and a caret under the span.
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "reportsite/core/source.h"

namespace rs {

enum class Severity { note, warning, error };
const char* severity_name(Severity s);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;        // "area.rule", e.g. "load.unknown-key"
  std::string message;
  Span span;               // where in a source file; unknown for output pages
  std::string where;       // a path to name when span is unknown (e.g. a written page)
  std::string suggestion;  // "did you mean `report_of`?" (shown as a note)
  std::string replacement; // text that would fix the span, when one is known
  friend auto fields(Diagnostic& d) {
    return std::tie(d.severity, d.rule, d.message, d.span, d.where, d.suggestion, d.replacement);
  }
};

/// Collects diagnostics from any thread; order is made deterministic by sort().
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string rule, Span span, std::string message, std::string suggestion = {});
  void warning(std::string rule, Span span, std::string message, std::string suggestion = {});
  void merge(Diagnostics&& other);
  size_t count(Severity s) const;
  size_t error_count() const { return count(Severity::error); }
  /// Sort by file, position, rule, message; drop exact repeats.
  void sort(const SourceSet& sources);
  const std::vector<Diagnostic>& all() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

/// Where a diagnostic points, as a person reads it.
struct Where {
  std::string path;
  LineCol start, end;  // end is exclusive
};
Where locate(const Diagnostic& d, const SourceSet& sources);

/// `path:line:col: severity: message [rule]`, then the line and a caret.
std::string format_text(const Diagnostic& d, const SourceSet& sources);
std::string format_json(const std::vector<Diagnostic>& ds, const SourceSet& sources);
std::string format_sarif(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::string& tool_version);
/// "1 error, 2 warnings".
std::string summary_line(const std::vector<Diagnostic>& ds);

}  // namespace rs
