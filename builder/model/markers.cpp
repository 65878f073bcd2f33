#include "reportsite/model/markers.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

size_t line_end(std::string_view s, size_t i) {
  size_t e = s.find('\n', i);
  return e == std::string_view::npos ? s.size() : e;
}

/// Fenced code blocks: ``` or ~~~ (three or more) to a closing fence of the same
/// kind, or to the end. Any indentation is accepted, since prose in YAML
/// lists is often indented.
std::vector<ByteRange> fenced_blocks(std::string_view s) {
  std::vector<ByteRange> out;
  bool open = false;
  char fence = 0;
  size_t fence_len = 0, start = 0;
  for (size_t i = 0; i < s.size();) {
    size_t eol = line_end(s, i);
    size_t p = i;
    while (p < eol && is_blank(s[p])) ++p;
    size_t run = 0;
    if (p < eol && (s[p] == '`' || s[p] == '~'))
      while (p + run < eol && s[p + run] == s[p]) ++run;
    if (!open && run >= 3) {
      open = true;
      fence = s[p];
      fence_len = run;
      start = i;
    } else if (open && run >= fence_len && s[p] == fence &&
               trim(s.substr(p + run, eol - p - run)).empty()) {
      open = false;
      out.push_back({start, eol});
    }
    i = eol + 1;
  }
  if (open) out.push_back({start, s.size()});
  return out;
}

}  // namespace

std::vector<ByteRange> code_ranges(std::string_view s) {
  std::vector<ByteRange> fences = fenced_blocks(s);
  std::vector<ByteRange> out;
  size_t next_fence = 0;
  auto fence_start = [&](size_t from) {
    while (next_fence < fences.size() && fences[next_fence].end <= from) ++next_fence;
    return next_fence < fences.size() ? fences[next_fence].begin : s.size();
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t limit = fence_start(i);
    if (i >= limit) {
      out.push_back(fences[next_fence]);
      i = fences[next_fence].end;
      continue;
    }
    // Jump to the next backtick (most texts have none); one after an odd run
    // of backslashes is escaped and opens nothing.
    const void* hit = std::memchr(s.data() + i, '`', limit - i);
    if (!hit) {
      i = limit;
      continue;
    }
    size_t at = static_cast<const char*>(hit) - s.data();
    size_t slashes = 0;
    while (at - slashes > i && s[at - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 1) {
      i = at + 1;
      continue;
    }
    i = at;
    size_t run = 0;
    while (i + run < s.size() && s[i + run] == '`') ++run;
    // The span closes at the next run of exactly the same length, in the same paragraph.
    size_t close = std::string_view::npos;
    for (size_t j = i + run; j < limit;) {
      if (s[j] == '\n') {
        size_t k = j + 1;
        while (k < limit && is_blank(s[k])) ++k;
        if (k < limit && s[k] == '\n') break;
      }
      if (s[j] != '`') {
        ++j;
        continue;
      }
      size_t r = 0;
      while (j + r < s.size() && s[j + r] == '`') ++r;
      if (r == run) {
        close = j;
        break;
      }
      j += r;
    }
    if (close == std::string_view::npos) {
      i += run;  // no closing run: the backticks are literal
    } else {
      out.push_back({i, close + run});
      i = close + run;
    }
  }
  return out;
}

std::vector<SuppressMarker> parse_markers(std::string_view s) {
  std::vector<SuppressMarker> out;
  std::vector<ByteRange> code = code_ranges(s);
  size_t c = 0;
  for (size_t i = s.find("<!--"); i != std::string_view::npos; i = s.find("<!--", i + 1)) {
    while (c < code.size() && code[c].end <= i) ++c;
    if (c < code.size() && code[c].begin <= i) continue;
    size_t close = s.find("-->", i + 4);
    if (close == std::string_view::npos) break;
    std::string body = trim(s.substr(i + 4, close - i - 4));
    if (!starts_with(body, "allow") ||
        (body.size() > 5 && body[5] != ' ' && body[5] != '\t' && body[5] != '\n' && body[5] != ':'))
      continue;  // an ordinary comment, not ours
    SuppressMarker m;
    m.begin = i;
    m.end = close + 3;
    std::string_view rest = std::string_view(body).substr(5);
    size_t p = 0;
    while (p < rest.size() && (rest[p] == ' ' || rest[p] == '\t' || rest[p] == '\n')) ++p;
    size_t r = p;
    while (r < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[r])) || rest[r] == '.' ||
                               rest[r] == '-' || rest[r] == '_'))
      ++r;
    m.rule = std::string(rest.substr(p, r - p));
    size_t colon = rest.find(':', r);
    if (colon != std::string_view::npos) m.reason = trim(rest.substr(colon + 1));
    out.push_back(std::move(m));
    i = close;
  }
  return out;
}

std::string strip_markers(std::string_view s) { return strip_markers(s, nullptr); }

std::string strip_markers(std::string_view s, std::vector<ByteRange>* kept) {
  std::string out;
  auto copy = [&](size_t begin, size_t end) {
    if (end <= begin) return;
    out.append(s.substr(begin, end - begin));
    if (kept) kept->push_back({begin, end});
  };
  size_t pos = 0;
  for (const SuppressMarker& m : parse_markers(s)) {
    if (m.begin < pos) continue;
    size_t line_begin = s.rfind('\n', m.begin == 0 ? 0 : m.begin - 1);
    line_begin = (line_begin == std::string_view::npos || m.begin == 0) ? 0 : line_begin + 1;
    if (line_begin < pos) line_begin = pos;
    size_t eol = line_end(s, m.end);
    bool alone = trim(s.substr(line_begin, m.begin - line_begin)).empty() &&
                 trim(s.substr(m.end, eol - m.end)).empty();
    if (alone) {
      copy(pos, line_begin);
      pos = eol < s.size() ? eol + 1 : eol;
    } else {
      copy(pos, m.begin);
      pos = m.end;
      // "word <!-- ... --> word" keeps one space, not two; a marker that
      // starts a line takes the space after it, so the line starts at its word.
      bool starts_line = trim(s.substr(line_begin, m.begin - line_begin)).empty();
      if ((starts_line || (!out.empty() && out.back() == ' ')) && pos < s.size() && s[pos] == ' ') ++pos;
    }
  }
  copy(std::min(pos, s.size()), s.size());
  return out;
}

size_t unstripped_offset(const std::vector<ByteRange>& kept, size_t offset) {
  size_t seen = 0;
  for (const auto& r : kept) {
    if (offset < seen + (r.end - r.begin)) return r.begin + (offset - seen);
    seen += r.end - r.begin;
  }
  return kept.empty() ? offset : kept.back().end;
}

}  // namespace rs
