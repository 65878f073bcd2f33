#include "reportsite/load/encoding.h"

#include <cstdio>

#include "reportsite/core/source.h"

namespace rs {

namespace {

const char* kSaveAsUtf8 =
    "save the file as UTF-8: most editors offer it under Save as (in Notepad, the Encoding list)";

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

}  // namespace

std::optional<EncodingProblem> check_encoding(std::string_view bytes) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  auto named = [&](const char* what, uint32_t length) {
    return EncodingProblem{0, length, std::string("this file is saved as ") + what + ", not UTF-8", kSaveAsUtf8};
  };
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) return named("UTF-32 (little-endian)", 4);
  if (starts(std::string_view("\0\0\xFE\xFF", 4))) return named("UTF-32 (big-endian)", 4);
  if (starts("\xFF\xFE")) return named("UTF-16 (little-endian)", 2);
  if (starts("\xFE\xFF")) return named("UTF-16 (big-endian)", 2);

  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    // UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte.
    size_t even = 0, odd = 0, n = std::min<size_t>(bytes.size(), 4096);
    for (size_t i = 0; i < n; ++i)
      if (bytes[i] == '\0') ++(i % 2 ? odd : even);
    if (odd * 3 > n) return named("UTF-16 (little-endian)", 2);
    if (even * 3 > n) return named("UTF-16 (big-endian)", 2);
    return EncodingProblem{static_cast<uint32_t>(nul), 1,
                           "this file holds a NUL byte: it is not a text file, or not saved as UTF-8", kSaveAsUtf8};
  }

  size_t bad = utf8_invalid_at(bytes);
  if (bad == std::string_view::npos) return std::nullopt;
  const unsigned char c = static_cast<unsigned char>(bytes[bad]);
  std::string guess = c >= 0x80 && c <= 0x9F ? "Windows-1252" : "Latin-1 or Windows-1252";
  return EncodingProblem{static_cast<uint32_t>(bad), 1,
                         "this file is not UTF-8: byte " + hex_byte(c) +
                             " here is not a UTF-8 character (the file was probably saved as " + guess + ")",
                         kSaveAsUtf8};
}

bool replace_invalid_utf8(std::string& s) {
  bool changed = false;
  for (size_t i = utf8_invalid_at(s); i < s.size();) {
    size_t n = utf8_sequence(s, i);
    if (n == 0) {
      s[i] = '?';
      changed = true;
      n = 1;
    }
    i += n;
  }
  return changed;
}

}  // namespace rs
