#include "source.h"

#include <algorithm>

#include "hash.h"

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

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace rs
