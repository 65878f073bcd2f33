#pragma once
// The glossary check over the raw Markdown of prose fields: words to avoid and
// abbreviations. One matcher is built per glossary; it holds every phrase
// (terms, abbreviations, words to avoid) in one trie of normalised words, so a
// text is read once whatever the glossary's size.
//
// Matching (docs/writing-content.md, data/glossary.yaml): whole words; any run of spaces and
// line breaks, one comma or one hyphen between words is one gap; case is
// ignored unless the entry is case_sensitive (abbreviations always match
// case); `&` is the word `and`; the last word may carry a plural (s, es) or
// possessive ('s, ’s). The longest phrase wins, correct and wrong forms alike.
// Code spans, fenced code, link targets, autolinks, bare URLs, e-mail
// addresses and suppression markers are not read.
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/model.h"

namespace rs {

constexpr size_t kNoEntry = static_cast<size_t>(-1);

/// One finding in one text of a page; offsets are bytes of that text's value.
struct GlossaryFinding {
  size_t text_index = 0;  // which text of the page
  size_t begin = 0, end = 0;
  Severity severity = Severity::warning;
  std::string rule;         // glossary.avoid | glossary.abbr-undefined | glossary.abbr-mismatch | glossary.abbr-unknown
  std::string message;      // for people
  std::string replacement;  // the text that would fix [begin, end), or ""
  size_t entry = kNoEntry;  // the glossary entry concerned; kNoEntry for abbr-unknown
};

/// Its one description, for the memo's encoding (core/codec.h).
inline auto fields(GlossaryFinding& f) {
  return std::tie(f.text_index, f.begin, f.end, f.severity, f.rule, f.message, f.replacement, f.entry);
}

enum class PhraseKind { term, abbr, avoid };

/// Where a glossary phrase occurs in a text.
struct GlossaryMatch {
  size_t entry = kNoEntry;
  PhraseKind kind = PhraseKind::term;
  size_t begin = 0, end = 0;
  std::string suffix;  // the plural or possessive ending of the last word as written, or ""
};

class GlossaryMatcher {
 public:
  explicit GlossaryMatcher(const std::vector<GlossaryEntry>& glossary);

  /// All findings for one page's texts (in reading order), sorted by text then position.
  std::vector<GlossaryFinding> check_page(const std::vector<std::string_view>& texts) const;
  /// Every phrase of the glossary in a text, left to right, longest first.
  std::vector<GlossaryMatch> find(std::string_view text) const;
  /// The expansion of a known abbreviation ("CiN" → "children in need"), or "".
  std::string expansion_of(std::string_view abbr) const;
  size_t entry_count() const { return entries_.size(); }

 private:
  struct Phrase {
    size_t entry = kNoEntry;
    PhraseKind kind = PhraseKind::term;
    bool case_sensitive = false;
    std::vector<std::string> words;  // as written, for case-sensitive phrases
  };
  struct Entry {
    std::string term, abbr, reason;
    Severity severity = Severity::warning;
  };
  struct Node {
    std::unordered_map<std::string, size_t> next;  // normalised word → node
    std::vector<size_t> phrases;                   // phrases ending here
  };
  struct Scanned;  // a text's words and phrase hits
  void add_phrase(std::string_view text, size_t entry, PhraseKind kind, bool case_sensitive);
  Scanned scan(std::string_view text) const;

  std::vector<Entry> entries_;
  std::vector<Phrase> phrases_;
  std::vector<Node> nodes_;
  std::unordered_set<std::string> allowed_;             // capitalised words needing no entry
  std::unordered_map<std::string, size_t> abbr_entry_;  // abbreviation → entry
  std::vector<std::string> abbrs_;                      // for "did you mean"
  std::vector<std::vector<std::string>> term_words_;    // each entry's term's words, plurals as singulars
};

/// An example sentence of an entry that does not behave as the glossary says.
struct ExampleFailure {
  size_t entry = 0;
  Span span;  // the example in data/glossary.yaml
  std::string message;
};

/// Check every entry's examples: a good one must give no glossary.avoid or
/// glossary.abbr-mismatch finding for its entry, a bad one at least one.
std::vector<ExampleFailure> failing_examples(const std::vector<GlossaryEntry>& glossary,
                                             const GlossaryMatcher& matcher);

}  // namespace rs
