#include "reportsite/core/url.h"

#include <cstdint>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// Numeric character references (`&#9;`, `&#x3A;`, the `;` optional as browsers allow)
/// and the named ones that spell a scheme's punctuation or white space.
std::string references_decoded(std::string_view s) {
  static const std::pair<std::string_view, char> named[] = {
      {"&colon;", ':'}, {"&tab;", '\t'}, {"&newline;", '\n'}, {"&sol;", '/'}, {"&num;", '#'}, {"&quest;", '?'}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    if (i + 2 < s.size() && s[i + 1] == '#') {
      bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
      size_t j = i + (hex ? 3 : 2);
      uint32_t cp = 0;
      size_t digits = 0;
      for (; j < s.size(); ++j, ++digits) {
        int v = hex ? hex_value(s[j]) : (is_digit(s[j]) ? s[j] - '0' : -1);
        if (v < 0) break;
        cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (digits > 0) {
        append_utf8(out, cp > 0x10FFFF || cp == 0 ? 0xFFFD : cp);
        i = j < s.size() && s[j] == ';' ? j + 1 : j;
        continue;
      }
    }
    bool matched = false;
    for (const auto& [name, c] : named) {
      if (s.size() - i < name.size()) continue;
      bool same = true;
      for (size_t k = 0; k < name.size() && same; ++k) {
        char a = s[i + k];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        same = a == name[k];
      }
      if (same) {
        out += c;
        i += name.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

bool allowed(std::string_view url) {
  std::string scheme = url_scheme(url);
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

}  // namespace

std::string url_scheme(std::string_view url) {
  // Browsers strip leading C0 controls and spaces and drop tabs and newlines
  // anywhere; dropping every control and space is stricter and never looser.
  std::string scheme;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) continue;
    if (c == ':') return scheme;
    bool ok = scheme.empty() ? is_alpha(c) : (is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.');
    if (!ok) return {};
    scheme += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {};  // no colon: relative
}

bool is_safe_url(std::string_view url) {
  // Without '%' or '&' nothing decodes, so the one check stands for all five:
  // nearly every link of a page, checked on every page drawn.
  if (url.find_first_of("%&") == std::string_view::npos) return allowed(url);
  std::string percent = percent_decoded(url);
  return allowed(url) && allowed(percent) && allowed(references_decoded(url)) &&
         allowed(references_decoded(percent)) && allowed(percent_decoded(references_decoded(url)));
}

}  // namespace rs
