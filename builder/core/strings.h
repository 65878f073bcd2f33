#pragma once
// Small text helpers shared by every stage.
#include <string>
#include <string_view>
#include <vector>

namespace rs {

/// Escape &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view s);
/// A JSON string literal, quotes included.
std::string json_quote(std::string_view s);
/// Levenshtein distance, capped at `limit` + 1 for speed.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit = 8);
/// The candidate closest to `word`, or "" when none is close enough to suggest.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
/// "did you mean `x`?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// A slug is [a-z0-9]+(-[a-z0-9]+)*, at most 80 characters.
bool is_slug(std::string_view s);
/// Lower-case ASCII letters only.
std::string ascii_lower(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string trim(std::string_view s);
/// Each run of white space (line breaks included) as one space: quoted input on one line.
std::string fold_white_space(std::string_view s);
/// "1,234" style thousands separators.
std::string with_commas(long long n);

// UTF-8 for cutting text. A byte that starts no valid sequence (a stray
// continuation byte, an overlong form, a surrogate) counts as one character
// of its own, so every routine below moves forward on any bytes.

/// Bytes in the valid UTF-8 sequence at s[i] (1-4), or 1 for a byte that starts none.
/// Appends code point `cp` encoded as UTF-8 (no check that it is a valid scalar value).
void append_utf8(std::string& out, uint32_t cp);
size_t utf8_char_size(std::string_view s, size_t i);
/// Characters in `s`, an invalid byte counting as one.
size_t utf8_chars(std::string_view s);
/// The end of the longest run of whole characters in s[from, from + max_bytes). When
/// even the first character is longer than `max_bytes` it is taken whole, so the
/// result is past `from` whenever max_bytes > 0 and from < s.size().
size_t utf8_cut(std::string_view s, size_t from, size_t max_bytes);
/// Byte length of the first `n` characters of `s` (all of it when shorter).
size_t utf8_prefix_bytes(std::string_view s, size_t n);

}  // namespace rs
