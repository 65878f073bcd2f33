#pragma once
// Every text input is UTF-8. Anything else (Latin-1 from an old editor, UTF-16
// from Notepad) is found here, before parsing, at its first bad byte, so later
// stages only ever see valid UTF-8.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

struct EncodingProblem {
  uint32_t offset = 0, length = 1;  // the bytes to point at
  std::string message, suggestion;
};

/// Nothing when `bytes` is UTF-8 (a UTF-8 byte-order mark is allowed).
std::optional<EncodingProblem> check_encoding(std::string_view bytes);

/// `s` with each byte that is not UTF-8 replaced by `?` (same length, so byte
/// maps stay right): yaml-cpp 0.7 decodes the escapes `\N` and `\_` to lone bytes.
bool replace_invalid_utf8(std::string& s);

}  // namespace rs
