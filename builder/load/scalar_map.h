#pragma once
// Exact file positions for the bytes of a YAML scalar's value. yaml-cpp only
// says where a node starts; checks need to point at a word inside a value.
#include <cstdint>
#include <string_view>
#include <vector>

#include "reportsite/core/source.h"

namespace rs {

struct ScalarSource {
  std::vector<Segment> map;     // value byte → file offset, sorted by value_begin
  // The scalar in the file, indicators/quotes included (tags and anchors are
  // not); a block scalar ends after its last line with content.
  uint32_t begin = 0, end = 0;
};

/// Map the bytes of `value` (the scalar as yaml-cpp parsed it) to offsets in `file`,
/// starting from `start`, the node's Mark().pos. Falls back to a single segment at
/// `start` if the source cannot be walked (never throws, never reads out of bounds).
ScalarSource map_scalar(std::string_view file, uint32_t start, std::string_view value);

}  // namespace rs
