#include "reportsite/load/scalar_map.h"

// What yaml-cpp 0.7's Node::Mark() gives, found with small probe programs:
// - pos, line and column are 0-based and count bytes (a ‘ is 3), CRLF as 2.
// - A UTF-8 BOM is dropped before counting: pos 0 is the byte after the BOM.
// - Quoted and block scalars: pos is the quote or the `|`/`>` indicator.
//   Plain scalars: their first character. Keys and values alike.
// - With a tag or anchor (`&a !!str 'x'`), pos is the first property, which
//   may be on the line before the scalar (`k: !!str⏎  "q"`).
// - An alias node reports its anchor's mark, so it maps to the anchored scalar.
// - In flow collections `[a, "b"]`, `{label: x, value: 3}`, each scalar's
//   pos is its own first character, as in block context; `? c` gives `c`.
// - yaml-cpp folds block scalars its own way (e.g. `>+` drops one trailing
//   blank line) and 0.7 decodes `\N`/`\_` to the lone bytes 0x85/0xA0, so the
//   walk below copies yaml-cpp's rules, not the spec's, and any mismatch with
//   the parsed value falls back instead of guessing.

#include <algorithm>
#include <string>

namespace rs {
namespace {

constexpr int kEof = -1;
constexpr size_t kNone = std::string::npos;

/// The file as yaml-cpp's scanner sees it: bounds-checked bytes, its breaks.
struct Source {
  std::string_view text;
  size_t content_begin = 0;  // after a UTF-8 BOM

  int at(size_t p) const { return p < text.size() ? static_cast<unsigned char>(text[p]) : kEof; }
  bool blank(size_t p) const { return at(p) == ' ' || at(p) == '\t'; }
  /// Length of the line break at p (LF, CRLF or CR), 0 if none.
  size_t break_len(size_t p) const {
    if (at(p) == '\n') return 1;
    if (at(p) == '\r') return at(p + 1) == '\n' ? 2 : 1;
    return 0;
  }
  /// Where yaml-cpp's column 0 is for the line holding p: it counts from '\n' only.
  size_t line_start(size_t p) const {
    while (p > content_begin && text[p - 1] != '\n') --p;
    return p;
  }
};

/// The value being rebuilt, with where its bytes came from as runs (a byte per
/// offset would take four times the value's size).
struct Walked {
  std::string text;
  std::vector<Segment> runs;  // as in ScalarSource::map

  void put(char c, size_t offset) {
    const uint32_t i = static_cast<uint32_t>(text.size());
    const uint32_t o = static_cast<uint32_t>(offset);
    if (runs.empty() || runs.back().file_offset + (i - runs.back().value_begin) != o) runs.push_back({i, o});
    text.push_back(c);
  }
  size_t size() const { return text.size(); }
  void truncate(size_t n) {
    if (n >= text.size()) return;
    text.resize(n);
    while (!runs.empty() && runs.back().value_begin >= n) runs.pop_back();
  }
  /// The file offset of the last byte.
  uint32_t last_offset() const {
    if (runs.empty() || text.empty()) return 0;
    return runs.back().file_offset + static_cast<uint32_t>(text.size() - 1 - runs.back().value_begin);
  }
};

enum class Chomp { strip, clip, keep };

/// yaml-cpp's chomping, including how it protects escaped trailing newlines.
void chomp(Walked& out, Chomp mode, size_t last_escaped) {
  if (mode == Chomp::keep) return;
  size_t pos = out.text.find_last_not_of('\n');
  if (last_escaped != kNone && (pos == kNone || pos < last_escaped)) pos = last_escaped;
  if (pos == kNone)
    out.truncate(0);
  else if (mode == Chomp::clip)
    out.truncate(pos + 2);
  else
    out.truncate(pos + 1);
}

bool is_flow_indicator(int c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// Skips tags, anchors and the space or comments between them and the scalar.
/// Returns the scalar's first character; `props_end` is just after the last property.
size_t skip_properties(const Source& s, size_t p, size_t& props_end) {
  props_end = p;
  while (s.at(p) == '!' || s.at(p) == '&') {
    if (s.at(p) == '!' && s.at(p + 1) == '<') {
      while (s.at(p) != kEof && s.at(p) != '>') ++p;
      if (s.at(p) == '>') ++p;
    } else {
      ++p;
      while (s.at(p) != kEof && !s.blank(p) && !s.break_len(p) && !is_flow_indicator(s.at(p))) ++p;
    }
    props_end = p;
    for (;;) {
      if (s.blank(p)) {
        ++p;
      } else if (size_t br = s.break_len(p)) {
        p += br;
      } else if (s.at(p) == '#') {
        while (s.at(p) != kEof && !s.break_len(p)) ++p;
      } else {
        break;
      }
    }
  }
  return p;
}

/// At a line break inside a plain or quoted scalar: eats the break, empty lines
/// and leading blanks. One break folds to a space (none after an escaped break);
/// each empty line gives a newline at the break that ends it.
size_t fold_flow(const Source& s, size_t p, Walked& out, bool escaped_break) {
  std::vector<size_t> breaks;
  while (size_t br = s.break_len(p)) {
    breaks.push_back(p);
    p += br;
    while (s.blank(p)) ++p;
  }
  if (breaks.size() == 1) {
    if (!escaped_break) out.put(' ', breaks[0]);
  } else {
    for (size_t i = 1; i < breaks.size(); ++i) out.put('\n', breaks[i]);
  }
  return p;
}

/// A plain scalar's end depends on context (flow or block, indentation) that the
/// file position alone does not give, so walk until the value is rebuilt.
bool walk_plain(const Source& s, size_t p, std::string_view value, Walked& out) {
  size_t checked = 0;  // bytes already compared: the walk only appends, so each is compared once
  while (out.size() < value.size()) {
    if (s.at(p) == kEof) return false;
    if (s.break_len(p)) {
      p = fold_flow(s, p, out, false);
    } else if (s.blank(p)) {
      size_t q = p;
      while (s.blank(q)) ++q;
      bool trailing = s.at(q) == kEof || s.break_len(q);  // trimmed by yaml-cpp
      for (; p < q; ++p)
        if (!trailing) out.put(s.text[p], p);
    } else {
      out.put(s.text[p], p);
      ++p;
    }
    size_t n = std::min(out.size(), value.size());
    if (out.text.compare(checked, n - checked, value, checked, n - checked) != 0) return false;
    checked = n;
  }
  return true;
}

int hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void put_utf8(Walked& out, uint32_t cp, size_t at) {
  if (cp <= 0x7F) {
    out.put(static_cast<char>(cp), at);
  } else if (cp <= 0x7FF) {
    out.put(static_cast<char>(0xC0 | (cp >> 6)), at);
    out.put(static_cast<char>(0x80 | (cp & 0x3F)), at);
  } else if (cp <= 0xFFFF) {
    out.put(static_cast<char>(0xE0 | (cp >> 12)), at);
    out.put(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), at);
    out.put(static_cast<char>(0x80 | (cp & 0x3F)), at);
  } else {
    out.put(static_cast<char>(0xF0 | (cp >> 18)), at);
    out.put(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), at);
    out.put(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), at);
    out.put(static_cast<char>(0x80 | (cp & 0x3F)), at);
  }
}

/// Decodes the escape at p (a backslash); every byte it yields maps to the backslash.
/// yaml-cpp 0.7 gives \N and \_ as the single bytes 0x85 and 0xA0, later versions
/// as UTF-8: the value says which.
bool decode_escape(const Source& s, size_t& p, std::string_view value, Walked& out) {
  const size_t at = p;
  const int c = s.at(p + 1);
  const bool utf8_next = out.size() < value.size() && value[out.size()] == '\xC2';
  const char* simple = nullptr;
  int hex_len = 0;
  switch (c) {
    case '0': out.put('\0', at); p += 2; return true;
    case 'a': simple = "\x07"; break;
    case 'b': simple = "\x08"; break;
    case 't': case '\t': simple = "\t"; break;
    case 'n': simple = "\n"; break;
    case 'v': simple = "\x0B"; break;
    case 'f': simple = "\x0C"; break;
    case 'r': simple = "\r"; break;
    case 'e': simple = "\x1B"; break;
    case ' ': simple = " "; break;
    case '"': simple = "\""; break;
    case '\'': simple = "'"; break;
    case '\\': simple = "\\"; break;
    case '/': simple = "/"; break;
    case 'N': simple = utf8_next ? "\xC2\x85" : "\x85"; break;
    case '_': simple = utf8_next ? "\xC2\xA0" : "\xA0"; break;
    case 'L': simple = "\xE2\x80\xA8"; break;
    case 'P': simple = "\xE2\x80\xA9"; break;
    case 'x': hex_len = 2; break;
    case 'u': hex_len = 4; break;
    case 'U': hex_len = 8; break;
    default: return false;
  }
  if (simple) {
    for (const char* q = simple; *q; ++q) out.put(*q, at);
    p += 2;
    return true;
  }
  uint64_t cp = 0;
  for (int i = 0; i < hex_len; ++i) {
    int d = hex_digit(s.at(p + 2 + i));
    if (d < 0) return false;
    cp = cp * 16 + static_cast<uint64_t>(d);
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
  put_utf8(out, static_cast<uint32_t>(cp), at);
  p += 2 + hex_len;
  return true;
}

/// A quoted scalar from its opening quote at p; `end` is just past the closing quote.
bool walk_quoted(const Source& s, size_t p, std::string_view value, Walked& out, size_t& end) {
  const bool single = s.at(p) == '\'';
  ++p;
  size_t last_escaped = kNone;
  for (;;) {
    size_t keep = out.size();  // blanks before a folded break are dropped
    bool escaped_break = false;
    for (;;) {
      const int c = s.at(p);
      if (c == kEof) return false;
      if (s.break_len(p)) break;
      if (single && c == '\'') {
        if (s.at(p + 1) != '\'') {
          end = p + 1;
          chomp(out, Chomp::clip, last_escaped);
          return true;
        }
        out.put('\'', p);
        p += 2;
        keep = last_escaped = out.size();
      } else if (!single && c == '"') {
        end = p + 1;
        chomp(out, Chomp::clip, last_escaped);
        return true;
      } else if (!single && c == '\\' && s.break_len(p + 1)) {
        ++p;
        keep = last_escaped = out.size();
        escaped_break = true;
        break;
      } else if (!single && c == '\\') {
        if (!decode_escape(s, p, value, out)) return false;
        keep = last_escaped = out.size();
      } else {
        out.put(static_cast<char>(c), p);
        ++p;
        if (c != ' ' && c != '\t') keep = out.size();
      }
    }
    out.truncate(keep);
    p = fold_flow(s, p, out, escaped_break);
    if (s.at(p) == kEof) {  // yaml-cpp ends an unclosed quote at end of file after a break
      end = p;
      chomp(out, Chomp::clip, last_escaped);
      return true;
    }
  }
}

struct BlockHeader {
  bool folded = false;
  Chomp chomp = Chomp::clip;
  int explicit_indent = 0;  // 0: detect from the first non-empty line
  size_t indicators_end = 0;
  size_t body = 0;  // the header's line break (or end of file)
  size_t line_start = 0;  // of the header's line, found once: the line may be long
};

bool read_block_header(const Source& s, size_t p, BlockHeader& h) {
  h.folded = s.at(p) == '>';
  ++p;
  bool seen_chomp = false, seen_digit = false;
  for (;;) {
    const int c = s.at(p);
    if ((c == '+' || c == '-') && !seen_chomp) {
      h.chomp = c == '+' ? Chomp::keep : Chomp::strip;
      seen_chomp = true;
    } else if (c >= '1' && c <= '9' && !seen_digit) {
      h.explicit_indent = c - '0';
      seen_digit = true;
    } else {
      break;
    }
    ++p;
  }
  h.indicators_end = p;
  while (s.blank(p)) ++p;
  if (s.at(p) == '#')
    while (s.at(p) != kEof && !s.break_len(p)) ++p;
  if (s.at(p) != kEof && !s.break_len(p)) return false;
  h.body = p;
  h.line_start = s.line_start(p);
  return true;
}

/// A block scalar's body with a given indentation, following yaml-cpp's
/// line-by-line rules. `end` is just past the last line that held content.
bool walk_block(const Source& s, const BlockHeader& h, int indent, Walked& out, size_t& end) {
  const bool detect = h.explicit_indent == 0;
  size_t p = h.body;
  size_t line_start = h.line_start;
  auto column = [&] { return static_cast<int>(p - line_start); };
  bool found_content = false, past_header = false, empty_line = false, more_indented = false;
  bool run_started_more_indented = false;
  std::vector<size_t> pending;  // `>`: breaks of a run of empty lines, not yet emitted
  end = h.indicators_end;
  while (s.at(p) != kEof) {
    const size_t line_begin = p;
    while (s.at(p) != kEof && !s.break_len(p)) {
      out.put(s.text[p], p);
      ++p;
    }
    if (p > line_begin) {
      found_content = past_header = true;
      end = p;
    }
    if (s.at(p) == kEof) break;

    const size_t brk = p;
    p += s.break_len(p);
    if (s.text[p - 1] == '\n') line_start = p;
    while (s.at(p) == ' ' && (column() < indent || (detect && !found_content))) ++p;
    if (detect && !found_content) indent = std::max(indent, column());
    if (s.at(p) == '\t' && column() < indent) return false;  // yaml-cpp rejects these

    const bool next_empty = s.break_len(p) > 0;
    const bool next_more_indented = s.blank(p);
    if (h.folded && pending.empty() && next_empty) run_started_more_indented = more_indented;
    if (past_header && !h.folded) {
      out.put('\n', brk);
    } else if (past_header && next_empty) {
      pending.push_back(brk);
    } else if (past_header) {
      std::string emit;
      if (!empty_line && !more_indented && !next_more_indented && column() >= indent)
        emit = " ";
      else
        emit = "\n";
      if (!pending.empty()) {
        emit.append(pending.size() - 1, '\n');
        if (run_started_more_indented || next_more_indented || !found_content) emit += '\n';
      }
      // The breaks kept are the last ones of the run: the first one is the fold.
      pending.push_back(brk);
      if (emit.size() > pending.size()) return false;
      size_t first = pending.size() - emit.size();
      for (size_t i = 0; i < emit.size(); ++i) out.put(emit[i], pending[first + i]);
      pending.clear();
    }
    empty_line = next_empty;
    more_indented = next_more_indented;
    past_header = true;
    if (!empty_line && column() < indent) break;
  }
  chomp(out, h.chomp, kNone);
  return true;
}

/// yaml-cpp indents a block scalar relative to its parent collection, which the
/// file position does not give: try each parent column up to the indicator's and
/// keep the first walk that rebuilds the value.
bool walk_block_any(const Source& s, size_t p, std::string_view value, Walked& out, size_t& end) {
  BlockHeader h;
  if (!read_block_header(s, p, h)) return false;
  const int indicator_column = static_cast<int>(p - h.line_start);
  Walked attempt;
  attempt.text.reserve(value.size() + 1);
  for (int parent = 0; parent <= indicator_column; ++parent) {
    attempt.text.clear();
    attempt.runs.clear();
    int indent = (h.explicit_indent ? h.explicit_indent : 1) + parent;
    if (walk_block(s, h, indent, attempt, end) && attempt.text == value) {
      out = std::move(attempt);
      return true;
    }
  }
  return false;
}

}  // namespace

ScalarSource map_scalar(std::string_view file, uint32_t start, std::string_view value) {
  if (file.size() >= UINT32_MAX) return {{{0, start}}, start, start};
  Source s{file, file.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u};
  const size_t first = std::min<size_t>(static_cast<size_t>(start) + s.content_begin, file.size());

  ScalarSource fallback;
  fallback.begin = fallback.end = static_cast<uint32_t>(first);
  fallback.map = {{0, fallback.begin}};
  if (first >= file.size()) return fallback;

  size_t props_end = first;
  const size_t p = skip_properties(s, first, props_end);
  Walked out;
  out.text.reserve(value.size() + 1);
  size_t end = p;
  bool ok = false;
  const int opener = s.at(p);
  switch (opener) {
    case '"':
    case '\'':
      ok = walk_quoted(s, p, value, out, end);
      break;
    case '|':
    case '>':
      ok = walk_block_any(s, p, value, out, end);
      break;
    default:
      ok = walk_plain(s, p, value, out);
      break;
  }
  if (!ok || out.text != value) return fallback;

  ScalarSource result;
  const uint32_t last = out.last_offset();
  result.map = std::move(out.runs);
  result.begin = static_cast<uint32_t>(p);
  result.end = static_cast<uint32_t>(end);
  if (opener != '"' && opener != '\'' && opener != '|' && opener != '>') {
    // A plain scalar ends at its last byte; an empty one is just its properties.
    if (value.empty())
      result.begin = result.end = static_cast<uint32_t>(props_end);
    else
      result.end = last + 1;
  }
  return result;
}

}  // namespace rs
