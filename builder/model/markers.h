#pragma once
// Allow markers in prose, as the input format defines them (docs/writing-content.md, docs/input-format.md):
//
//   <!-- allow RULE: REASON -->
//
// Reading them and removing them from published text live here, below both
// the checks (which apply them: check/suppress.h) and the renderer (which
// strips them), so neither depends on the other. Inside code spans and fenced
// code blocks the syntax is literal text, not a marker.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

/// Bytes [begin, end) of a text.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

/// Code spans and fenced code blocks of Markdown, in order: literal text that
/// neither markers nor checks read.
std::vector<ByteRange> code_ranges(std::string_view markdown);

/// One `<!-- allow RULE: REASON -->` in a text.
struct SuppressMarker {
  std::string rule;    // "" when the marker names none
  std::string reason;  // trimmed; "" when missing
  size_t begin = 0;    // the whole marker, `<!--` to `-->`
  size_t end = 0;
};

/// Every marker of a text, in order, outside code.
std::vector<SuppressMarker> parse_markers(std::string_view text);

/// The text without its markers; a marker alone on its line takes the line with it.
std::string strip_markers(std::string_view text);
/// The same, also giving the byte ranges of `text` the result is made of, in order.
std::string strip_markers(std::string_view text, std::vector<ByteRange>* kept);
/// Where byte `offset` of a stripped text was in the text as written (`kept` from strip_markers).
size_t unstripped_offset(const std::vector<ByteRange>& kept, size_t offset);

}  // namespace rs
