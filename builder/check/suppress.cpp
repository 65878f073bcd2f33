#include "reportsite/check/suppress.h"

#include <algorithm>

namespace rs {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// True when [begin, end) of `s` holds an empty line, which ends a paragraph.
bool has_blank_line(std::string_view s, size_t begin, size_t end) {
  end = std::min(end, s.size());
  for (size_t i = begin; i < end; ++i) {
    if (s[i] != '\n') continue;
    size_t j = i + 1;
    while (j < end && is_blank(s[j])) ++j;
    if (j < end && s[j] == '\n') return true;
  }
  return false;
}

}  // namespace

Suppression apply_markers(std::string_view text, const std::vector<SuppressMarker>& markers,
                          const std::vector<FindingAt>& findings) {
  constexpr size_t none = static_cast<size_t>(-1);
  Suppression out;
  out.silenced.assign(findings.size(), false);
  std::vector<size_t> target(markers.size(), none);
  std::vector<size_t> owner(findings.size(), none);
  for (size_t m = 0; m < markers.size(); ++m) {
    const SuppressMarker& mk = markers[m];
    if (mk.rule.empty() || mk.reason.empty()) continue;  // a marker must say why
    for (size_t f = 0; f < findings.size(); ++f) {
      const FindingAt& fd = findings[f];
      if (fd.rule != mk.rule || fd.begin < mk.end || has_blank_line(text, mk.end, fd.begin)) continue;
      if (target[m] == none || fd.begin < findings[target[m]].begin) target[m] = f;
    }
    // The nearest marker before a finding owns it.
    size_t t = target[m];
    if (t != none && (owner[t] == none || markers[owner[t]].begin < mk.begin)) owner[t] = m;
  }
  for (size_t f = 0; f < findings.size(); ++f) out.silenced[f] = owner[f] != none;
  for (size_t m = 0; m < markers.size(); ++m) {
    const SuppressMarker& mk = markers[m];
    std::string message;
    if (mk.rule.empty()) {
      message = "this suppression marker names no rule, so it silences nothing: write "
                "`<!-- allow RULE: reason -->`";
    } else if (mk.reason.empty()) {
      message = "`<!-- allow " + mk.rule + " -->` gives no reason, so it silences nothing: write "
                "`<!-- allow " + mk.rule + ": why this is right here -->`";
    } else if (target[m] == none || owner[target[m]] != m) {
      message = "`<!-- allow " + mk.rule + ": ... -->` silences nothing: no `" + mk.rule +
                "` finding follows it in this paragraph, so remove it";
    } else {
      continue;
    }
    out.problems.push_back({mk.begin, mk.end, Severity::warning, "suppress.unused", message});
  }
  return out;
}

}  // namespace rs
