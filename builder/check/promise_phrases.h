#pragma once
// Promises written in prose ("The officers undertook to provide ...", "a
// breakdown would be included in future reports"), so `undertaking.untracked`
// can ask for each one to be recorded as an undertaking.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

/// One promise found in a prose field: value bytes [begin, end) of the text.
struct PromisePhrase {
  size_t begin = 0;
  size_t end = 0;
  std::string phrase;  // the matched words as written (line breaks kept)
};

/// Phrases in `text` (raw Markdown of one prose field) that record a commitment
/// to do something later, in text order, never overlapping. Case, line breaks
/// and runs of spaces do not matter; code spans, code blocks, URLs, link
/// targets and HTML tags are not read. Past reporting ("was circulated"),
/// negations ("would not be able to provide"), questions, and conditionals
/// describing procedure ("if ... the manager would write to") are not promises.
std::vector<PromisePhrase> find_promises(std::string_view text);

}  // namespace rs
