#include "reportsite/core/source.h"

#include <algorithm>

#include "reportsite/core/hash.h"

namespace rs {

uint32_t Text::offset_of(size_t i) const {
  if (map.empty()) return span.begin;
  auto it = std::upper_bound(map.begin(), map.end(), i,
                             [](size_t v, const Segment& s) { return v < s.value_begin; });
  if (it == map.begin()) return map.front().file_offset;
  --it;
  return it->file_offset + static_cast<uint32_t>(i - it->value_begin);
}

Span Text::span_of(size_t begin, size_t end) const {
  if (map.empty()) return span;
  Span s{file, offset_of(begin), 0};
  // The end is one past the last byte's position, so a range that crosses a
  // line break ends where its last byte is, not at a folded newline.
  s.end = end > begin ? offset_of(end - 1) + 1 : s.begin;
  return s;
}

FileId SourceSet::add(std::string path, std::string content) {
  paths_.push_back(std::move(path));
  contents_.emplace_back();
  line_starts_.emplace_back();
  hashes_.emplace_back();
  FileId id = static_cast<FileId>(paths_.size() - 1);
  set_content(id, std::move(content));
  return id;
}

void SourceSet::set_content(FileId id, std::string content) {
  std::vector<uint32_t> starts{0};
  for (size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n') starts.push_back(static_cast<uint32_t>(i + 1));
  hashes_[id] = hash_bytes(content);
  contents_[id] = std::move(content);
  line_starts_[id] = std::move(starts);
}

LineCol SourceSet::line_col(FileId id, uint32_t offset) const {
  if (id >= paths_.size()) return {};
  const auto& starts = line_starts_[id];
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts.begin());
  uint32_t start = starts[line - 1];
  const std::string& c = contents_[id];
  uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(c.size()));
  return {line, static_cast<uint32_t>(utf8_length(std::string_view(c).substr(start, end - start))) + 1};
}

std::string_view SourceSet::line_text(FileId id, uint32_t line) const {
  if (id >= paths_.size() || line == 0) return {};
  const auto& starts = line_starts_[id];
  if (line > starts.size()) return {};
  const std::string& c = contents_[id];
  size_t b = starts[line - 1];
  size_t e = line < starts.size() ? starts[line] - 1 : c.size();
  if (e > b && c[e - 1] == '\r') --e;
  return std::string_view(c).substr(b, e - b);
}

size_t utf8_sequence(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = at(0);
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return (at(k) & 0xC0) == 0x80; };
  // RFC 3629's table: the second byte's range rules out overlongs, surrogates and > U+10FFFF.
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= lo && at(1) <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    i += std::max<size_t>(1, utf8_sequence(s, i));  // a bad byte is one column
  }
  return n;
}

size_t utf8_invalid_at(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace rs
