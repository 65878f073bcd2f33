#pragma once
// Promises written in prose ("The officers undertook to provide ...", "a
// breakdown would be included in future reports"), so `undertaking.untracked`
// can ask for each one to be recorded as an undertaking.
#include <cstddef>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

namespace rs {

/// One promise found in a prose field: value bytes [begin, end) of the text.
struct PromisePhrase {
  size_t begin = 0;
  size_t end = 0;
  std::string phrase;  // the matched words as written (line breaks kept)
  /// The construction the rules saw, a short tag such as "would-task",
  /// "would-be-passive", "agreed-to", "action-line" (docs/checks.md lists them).
  std::string construction;
};
/// Its one description, for the memo's encoding (core/codec.h).
inline auto fields(PromisePhrase& p) { return std::tie(p.begin, p.end, p.phrase, p.construction); }

/// Phrases in `text` (raw Markdown of one prose field) that record a commitment
/// to do something later, in text order, never overlapping, one per promise.
/// Case, line breaks and runs of spaces do not matter; code spans, code blocks,
/// URLs, link targets and HTML tags are not read. A fixed phrase table comes
/// first; clause rules then find would/will/shall + action verb (active or
/// passive), offered/intended/planned/aimed to, "agreed that ... would",
/// ACTION lines, owner bullets, "X to be confirmed" and RESOLVED lines that
/// name an officer, each with an actor test. Named exclusions: questions,
/// conditionals, negation, past perfect (delivered promises), habitual or
/// policy description, quotations of earlier text, opinions and forecasts,
/// RESOLVED decisions with no officer, acts within the meeting. A second verb
/// group of the same clause, or an ACTION line restating the sentence before
/// it, gives no second hint. Linear in the length of `text`.
std::vector<PromisePhrase> find_promises(std::string_view text);

}  // namespace rs
