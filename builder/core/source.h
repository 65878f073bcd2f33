#pragma once
// Source files and positions. Every value the loader reads keeps where it came
// from, so any later stage can point a user at the exact line and column.
#include <cstdint>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

namespace rs {

using FileId = uint32_t;
constexpr FileId kNoFile = UINT32_MAX;

/// A byte range [begin, end) in one source file.
struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool known() const { return file != kNoFile; }
  friend auto fields(Span& s) { return std::tie(s.file, s.begin, s.end); }
};

/// Where a run of a value's bytes starts in the file. Inside one segment,
/// value byte i sits at file_offset + (i - value_begin).
struct Segment {
  uint32_t value_begin = 0;
  uint32_t file_offset = 0;
  friend auto fields(Segment& s) { return std::tie(s.value_begin, s.file_offset); }
};

/// A string value with a map from each of its bytes to the file. Prose fields
/// use it so checks can report exact columns without searching again.
struct Text {
  std::string value;
  FileId file = kNoFile;
  std::vector<Segment> map;  // sorted by value_begin; empty when unknown
  Span span;                 // the whole scalar in the file (quotes included)

  bool empty() const { return value.empty(); }
  /// The file range of value bytes [begin, end); falls back to `span`.
  Span span_of(size_t begin, size_t end) const;
  /// The file offset of value byte i.
  uint32_t offset_of(size_t i) const;
  friend auto fields(Text& t) { return std::tie(t.value, t.file, t.map, t.span); }
};

/// A value with its position.
template <class T>
struct Located {
  T value{};
  Span span;
  friend auto fields(Located& l) { return std::tie(l.value, l.span); }
};

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in Unicode code points
};

/// Every file a run read, by id, with its text for quoting lines in messages.
class SourceSet {
 public:
  /// Register a file; returns its id. Not thread-safe: register before fanning out.
  FileId add(std::string path, std::string content);
  void set_content(FileId id, std::string content);
  const std::string& path(FileId id) const { return paths_[id]; }
  const std::string& content(FileId id) const { return contents_[id]; }
  /// A hash of the content (core/hash.h), worked out once when it is set: what
  /// rebuilds compare to know a file is unchanged.
  uint64_t content_hash(FileId id) const { return hashes_[id]; }
  size_t size() const { return paths_.size(); }
  LineCol line_col(FileId id, uint32_t offset) const;
  /// The text of 1-based line `line`, without its newline.
  std::string_view line_text(FileId id, uint32_t line) const;

 private:
  std::vector<std::string> paths_;
  std::vector<std::string> contents_;
  std::vector<std::vector<uint32_t>> line_starts_;
  std::vector<uint64_t> hashes_;
};

/// Length of the well-formed UTF-8 sequence at s[i] (1-4), or 0 when the byte
/// there starts none (a stray continuation, an overlong form, a surrogate...).
size_t utf8_sequence(std::string_view s, size_t i);
/// Code points in a UTF-8 string; each byte that is not UTF-8 counts as one, so
/// columns and carets agree on any input.
size_t utf8_length(std::string_view s);
/// Offset of the first byte that is not well-formed UTF-8, or npos.
size_t utf8_invalid_at(std::string_view s);

}  // namespace rs
