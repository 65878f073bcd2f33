#include "reportsite/core/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "reportsite/core/strings.h"

namespace rs {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void Diagnostics::add(Diagnostic d) {
  // Messages quote input, which may span lines; folded, each finding stays one
  // line in a terminal, a log or a CI annotation.
  d.message = fold_white_space(d.message);
  d.suggestion = fold_white_space(d.suggestion);
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string rule, Span span, std::string message, std::string suggestion) {
  add({Severity::error, std::move(rule), std::move(message), span, {}, std::move(suggestion), {}});
}

void Diagnostics::warning(std::string rule, Span span, std::string message, std::string suggestion) {
  add({Severity::warning, std::move(rule), std::move(message), span, {}, std::move(suggestion), {}});
}

void Diagnostics::merge(Diagnostics&& other) {
  auto moved = other.take();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& d : moved) items_.push_back(std::move(d));
}

size_t Diagnostics::count(Severity s) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::sort(const SourceSet& sources) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = [&](const Diagnostic& d) {
    const std::string& p = d.span.known() && d.span.file < sources.size() ? sources.path(d.span.file) : d.where;
    return std::tie(p, d.span.begin, d.span.end, d.rule, d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b) && a.severity == b.severity;
                           }),
               items_.end());
}

Where locate(const Diagnostic& d, const SourceSet& sources) {
  Where w;
  if (d.span.known() && d.span.file < sources.size()) {
    w.path = sources.path(d.span.file);
    w.start = sources.line_col(d.span.file, d.span.begin);
    w.end = sources.line_col(d.span.file, std::max(d.span.end, d.span.begin));
  } else {
    w.path = d.where;
  }
  return w;
}

namespace {
/// Text for a terminal: bytes that are not UTF-8 and control characters (a
/// value quoted in a message may hold them) become U+FFFD.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char ch = static_cast<unsigned char>(s[i]);
    size_t n = utf8_sequence(s, i);
    if (n == 0 || (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7F) out += "\xEF\xBF\xBD";
    else out.append(s.substr(i, n));
    i += std::max<size_t>(n, 1);
  }
  return out;
}
}  // namespace

std::string format_text(const Diagnostic& d, const SourceSet& sources) {
  Where w = locate(d, sources);
  std::string out = printable(w.path);
  if (w.start.line) out += ":" + std::to_string(w.start.line) + ":" + std::to_string(w.start.column);
  out += std::string(": ") + severity_name(d.severity) + ": " + printable(d.message) + " [" + d.rule + "]\n";
  if (w.start.line) {
    std::string_view line = sources.line_text(d.span.file, w.start.line);
    size_t width = 1;
    if (w.end.line == w.start.line && w.end.column > w.start.column) width = w.end.column - w.start.column;
    else if (w.end.line > w.start.line) {
      // To the end of the line; a span may start past its last character (at the \r of CRLF).
      size_t chars = utf8_length(line) + 1;
      width = chars > w.start.column ? chars - w.start.column : 1;
    }
    // Long lines (a paragraph on one line) are cut to a window around the span,
    // so the caret stays on screen.
    constexpr size_t kWindow = 100;
    size_t first_col = 1, length = utf8_length(line);
    std::string prefix, suffix;
    if (length > kWindow + 20) {
      size_t want = std::min(width, kWindow - 20);
      first_col = w.start.column > 30 ? w.start.column - 30 : 1;
      if (first_col + kWindow > length + 1) first_col = length + 1 > kWindow ? length + 1 - kWindow : 1;
      width = want;
      if (first_col > 1) prefix = "…";
      if (first_col + kWindow <= length) suffix = "…";
    }
    // One cell per column (see utf8_length): a code point, or a byte that is not
    // UTF-8. Cells are shown sanitised so no NUL, control or bad byte reaches a terminal.
    std::string shown;
    std::string pad;
    size_t col = 1;
    for (size_t i = 0; i < line.size() && col < first_col + kWindow; ++col) {
      size_t n = utf8_sequence(line, i);
      const unsigned char ch = static_cast<unsigned char>(line[i]);
      std::string_view cell = n ? line.substr(i, n) : std::string_view();
      const char* replacement = n == 0                          ? "\xEF\xBF\xBD"  // U+FFFD
                                : ch == 0                       ? "\xE2\x90\x80"  // U+2400 (NUL)
                                : (ch < 0x20 && ch != '\t') || ch == 0x7F ? "\xEF\xBF\xBD"
                                                                : nullptr;
      i += std::max<size_t>(n, 1);
      if (col < first_col) continue;
      if (replacement) shown += replacement;
      else shown += cell;
      if (col < w.start.column) pad += ch == '\t' ? '\t' : ' ';  // tabs kept so the caret lines up
    }
    out += "  " + prefix + shown + suffix + "\n  " + (prefix.empty() ? "" : " ") + pad;
    out += '^';
    out += std::string(width - 1, '~');
    out += '\n';
  }
  if (!d.suggestion.empty()) out += "  note: " + printable(d.suggestion) + "\n";
  return out;
}

std::string format_json(const std::vector<Diagnostic>& ds, const SourceSet& sources) {
  std::string out = "[";
  bool first = true;
  for (const auto& d : ds) {
    Where w = locate(d, sources);
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += "{\"path\": " + json_quote(printable(w.path));
    if (w.start.line) {
      out += ", \"line\": " + std::to_string(w.start.line) + ", \"column\": " + std::to_string(w.start.column);
      out += ", \"end_line\": " + std::to_string(w.end.line) + ", \"end_column\": " + std::to_string(w.end.column);
    }
    out += std::string(", \"severity\": \"") + severity_name(d.severity) + "\"";
    out += ", \"rule\": " + json_quote(d.rule) + ", \"message\": " + json_quote(printable(d.message));
    if (!d.suggestion.empty()) out += ", \"suggestion\": " + json_quote(printable(d.suggestion));
    if (!d.replacement.empty()) out += ", \"replacement\": " + json_quote(d.replacement);
    out += "}";
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

std::string format_sarif(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::string& tool_version) {
  std::vector<std::string> rules;
  for (const auto& d : ds)
    if (std::find(rules.begin(), rules.end(), d.rule) == rules.end()) rules.push_back(d.rule);
  std::sort(rules.begin(), rules.end());
  std::string out =
      "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
      "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"reportsite\", \"version\": " +
      json_quote(tool_version) + ", \"rules\": [";
  for (size_t i = 0; i < rules.size(); ++i)
    out += (i ? ", " : "") + std::string("{\"id\": ") + json_quote(rules[i]) + "}";
  out += "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [";
  bool first = true;
  for (const auto& d : ds) {
    Where w = locate(d, sources);
    size_t rule_index = static_cast<size_t>(std::find(rules.begin(), rules.end(), d.rule) - rules.begin());
    out += first ? "\n      " : ",\n      ";
    first = false;
    const char* level = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note";
    out += "{\"ruleId\": " + json_quote(d.rule) + ", \"ruleIndex\": " + std::to_string(rule_index) +
           ", \"level\": \"" + level + "\", \"message\": {\"text\": " +
           json_quote(printable(d.message + (d.suggestion.empty() ? "" : " (" + d.suggestion + ")"))) + "}";
    out += ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " +
           json_quote(printable(w.path)) + "}";
    if (w.start.line)
      out += ", \"region\": {\"startLine\": " + std::to_string(w.start.line) + ", \"startColumn\": " +
             std::to_string(w.start.column) + ", \"endLine\": " + std::to_string(w.end.line) +
             ", \"endColumn\": " + std::to_string(w.end.column) + "}";
    out += "}}]";
    if (!d.replacement.empty() && w.start.line)
      out += ", \"fixes\": [{\"description\": {\"text\": " + json_quote("Replace with " + d.replacement) +
             "}, \"artifactChanges\": [{\"artifactLocation\": {\"uri\": " + json_quote(w.path) +
             "}, \"replacements\": [{\"deletedRegion\": {\"startLine\": " + std::to_string(w.start.line) +
             ", \"startColumn\": " + std::to_string(w.start.column) + ", \"endLine\": " +
             std::to_string(w.end.line) + ", \"endColumn\": " + std::to_string(w.end.column) +
             "}, \"insertedContent\": {\"text\": " + json_quote(d.replacement) + "}}]}]}]";
    out += "}";
  }
  out += first ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n";
  return out;
}

std::string summary_line(const std::vector<Diagnostic>& ds) {
  size_t e = 0, w = 0;
  for (const auto& d : ds) {
    if (d.severity == Severity::error) ++e;
    if (d.severity == Severity::warning) ++w;
  }
  auto plural = [](size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return plural(e, "error") + ", " + plural(w, "warning");
}

}  // namespace rs
