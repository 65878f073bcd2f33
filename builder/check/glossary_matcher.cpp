#include "reportsite/check/glossary_matcher.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "reportsite/model/markers.h"
#include "reportsite/core/strings.h"

namespace rs {
extern const std::string_view kEnglishWords;  // english_words.cpp, from wbritish
namespace glossary_detail {

struct CodePoint {
  char32_t c = 0;
  size_t len = 1;
};

CodePoint decode(std::string_view s, size_t i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return {0xFFFD, 1};
  char32_t c = b & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    unsigned char cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (cb & 0x3F);
  }
  return {c, len};
}

/// Letters and digits of any script; punctuation, symbols, spaces and emoji are not.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;  // Latin-1 punctuation, no-break space, £
  if (c >= 0x2000 && c <= 0x2BFF) return false;           // quotes, dashes, currency, arrows, maths
  if (c >= 0x3000 && c <= 0x303F) return false;
  if ((c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFFD) return false;
  return c < 0x1F000;  // emoji
}

/// Lower case for Latin-1, Greek and Cyrillic capitals; each keeps its UTF-8 length.
char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  return c;
}

bool is_upper(char32_t c) { return lower(c) != c; }

struct Inflection {
  std::string norm, cased;
  std::string suffix;  // as written: "s", "es", "'s", "’s"
};

struct Token {
  size_t begin = 0, end = 0;
  std::string norm;   // lower case, ’ as ', & as "and"
  std::string cased;  // as written, ’ as ', & as "and"
  bool joins_next = false;  // only spaces, one line break, one comma or one hyphen before the next
  std::vector<Inflection> inflections;  // the singular or non-possessive forms it may stand for
};

struct Hit {
  GlossaryMatch match;
  size_t first = 0, last = 0;  // tokens
};

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> endings) {
  for (auto e : endings)
    if (ends_with(s, e)) return true;
  return false;
}

std::vector<Inflection> inflections_of(const std::string& norm, const std::string& cased,
                                       std::string_view raw) {
  std::vector<Inflection> out;
  auto cut = [&](size_t n, size_t raw_n) {
    out.push_back({norm.substr(0, norm.size() - n), cased.substr(0, cased.size() - n),
                   std::string(raw.substr(raw.size() - raw_n))});
  };
  if (norm.size() > 2 && ends_with(norm, "'s")) {
    cut(2, ends_with(raw, "\u2019s") || ends_with(raw, "\u2019S") ? 4 : 2);
  } else if (norm.size() > 2 && norm.back() == 's') {
    cut(1, 1);
    std::string_view stem = std::string_view(norm).substr(0, norm.size() - 2);
    if (norm.size() > 3 && ends_with(norm, "es") && ends_with_any(stem, {"s", "x", "z", "ch", "sh", "o"}))
      cut(2, 2);
  }
  return out;
}

bool is_ascii_word_byte(char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

/// Words of `text`, skipping bytes marked in `skip` (which may be empty).
std::vector<Token> tokenize(std::string_view text, const std::vector<bool>& skip) {
  std::vector<Token> out;
  out.reserve(text.size() / 5);
  const size_t n = text.size();
  auto skipped = [&](size_t k) { return !skip.empty() && skip[k]; };
  size_t i = 0;
  while (i < n) {
    if (skipped(i)) {
      ++i;
      continue;
    }
    if (text[i] == '&') {
      size_t len = text.substr(i, 5) == "&amp;" ? 5 : 1;
      Token t;
      t.begin = i;
      t.end = i + len;
      t.norm = t.cased = "and";
      out.push_back(std::move(t));
      i += len;
      continue;
    }
    CodePoint cp = decode(text, i);
    if (!is_word_char(cp.c)) {
      i += cp.len;
      continue;
    }
    Token t;
    t.begin = i;
    while (i < n && !skipped(i)) {
      // Most of prose is ASCII letters and digits: copy such a run at once.
      size_t run = i;
      while (run < n && is_ascii_word_byte(text[run]) && !skipped(run)) ++run;
      if (run > i) {
        const size_t from = t.cased.size();
        t.cased.append(text.substr(i, run - i));
        t.norm.append(text.substr(i, run - i));
        for (size_t k = from; k < t.norm.size(); ++k)
          if (t.norm[k] >= 'A' && t.norm[k] <= 'Z') t.norm[k] = static_cast<char>(t.norm[k] + 32);
        i = run;
        continue;
      }
      cp = decode(text, i);
      if (is_word_char(cp.c)) {
        append_utf8(t.norm, lower(cp.c));
        t.cased.append(text.substr(i, cp.len));
        i += cp.len;
        continue;
      }
      // An apostrophe between letters belongs to the word (children's, Afghani’s).
      if (cp.c == '\'' || cp.c == 0x2019) {
        size_t k = i + cp.len;
        if (k < n && !skipped(k) && is_word_char(decode(text, k).c)) {
          t.norm += '\'';
          t.cased += '\'';
          i = k;
          continue;
        }
      }
      break;
    }
    t.end = i;
    t.inflections = inflections_of(t.norm, t.cased, text.substr(t.begin, t.end - t.begin));
    out.push_back(std::move(t));
  }
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    int commas = 0, hyphens = 0, newlines = 0;
    bool ok = true;
    for (size_t j = out[k].end; ok && j < out[k + 1].begin;) {
      if (skipped(j)) {
        ok = false;
        break;
      }
      CodePoint c = decode(text, j);
      switch (c.c) {
        case ' ': case '\t': case '\r': case 0xA0: break;
        case '\n': ++newlines; break;
        case ',': ++commas; break;
        case '-': case 0x2010: case 0x2011: ++hyphens; break;
        // "and/or" inside a name: one gap, so "Needs and/or Disabilities (SEND)" is read as a spelling-out.
        case '/': ok = out[k].norm == "and" && out[k + 1].norm == "or"; break;
        default: ok = false;
      }
      j += c.len;
    }
    out[k].joins_next = ok && commas <= 1 && hyphens <= 1 && newlines <= 1 && !(commas && hyphens);
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool one_of(char c, const char* set) { return c != '\0' && std::strchr(set, c) != nullptr; }

/// Bytes no glossary rule reads: code, link targets, autolinks, bare URLs,
/// e-mail addresses and suppression markers.
std::vector<bool> unchecked_bytes(std::string_view s) {
  const size_t n = s.size();
  std::vector<bool> skip(n, false);
  auto mark = [&](size_t b, size_t e) {
    for (size_t k = b; k < std::min(e, n); ++k) skip[k] = true;
  };
  for (const ByteRange& r : code_ranges(s)) mark(r.begin, r.end);
  for (const SuppressMarker& m : parse_markers(s)) mark(m.begin, m.end);

  // Inline link and image targets: ](...), with balanced parentheses.
  for (size_t i = s.find("]("); i != std::string_view::npos; i = s.find("](", i + 1)) {
    if (skip[i]) continue;
    int depth = 0;
    for (size_t j = i + 1; j < n; ++j) {
      if (s[j] == '(') ++depth;
      if (s[j] == ')' && --depth == 0) {
        mark(i + 1, j + 1);
        break;
      }
      if (s[j] == '\n' && j + 1 < n && s[j + 1] == '\n') break;
    }
  }
  // Reference definitions: [label]: target "title"
  for (size_t i = 0; i < n;) {
    size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) eol = n;
    size_t p = i;
    while (p < eol && (s[p] == ' ' || s[p] == '\t')) ++p;
    size_t close = s.substr(0, eol).find("]:", p);
    if (p < eol && s[p] == '[' && close != std::string_view::npos) mark(close + 2, eol);
    i = eol + 1;
  }
  auto url_char = [](char c) { return !is_space(c) && c != '<' && c != '>' && static_cast<unsigned char>(c) < 0x80; };
  // Autolinks: <scheme:...> and <name@domain>
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t j = i + 1;
    while (j < n && url_char(s[j])) ++j;
    if (j < n && s[j] == '>') {
      std::string_view inner = s.substr(i + 1, j - i - 1);
      size_t colon = inner.find(':');
      bool scheme = colon != std::string_view::npos && colon >= 2 && std::isalpha(static_cast<unsigned char>(inner[0]));
      if (scheme || inner.find('@') != std::string_view::npos) mark(i, j + 1);
    }
  }
  // Bare URLs, as GitHub links them: trailing punctuation is not part of the URL.
  for (std::string_view start : {"http://", "https://", "ftp://", "www.", "mailto:"}) {
    for (size_t i = s.find(start); i != std::string_view::npos; i = s.find(start, i + 1)) {
      if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
      size_t j = i;
      while (j < n && url_char(s[j])) ++j;
      while (j > i && one_of(s[j - 1], ".,:;!?*_~'\")")) {
        if (s[j - 1] == ')') {
          std::string_view u = s.substr(i, j - i);
          if (std::count(u.begin(), u.end(), '(') >= std::count(u.begin(), u.end(), ')')) break;
        }
        --j;
      }
      mark(i, j);
    }
  }
  // E-mail addresses.
  auto local_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || one_of(c, "._%+-"); };
  auto domain_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; };
  for (size_t k = s.find('@'); k != std::string_view::npos; k = s.find('@', k + 1)) {
    size_t l = k, r = k + 1;
    while (l > 0 && local_char(s[l - 1])) --l;
    while (r < n && domain_char(s[r])) ++r;
    while (r > k + 1 && (s[r - 1] == '.' || s[r - 1] == '-')) --r;
    if (l < k && s.substr(k + 1, r - k - 1).find('.') != std::string_view::npos) mark(l, r);
  }
  return skip;
}

/// True when [b, e) is exactly the contents of a pair of quotation marks: ‘x’ “x” 'x' "x".
bool quoted_alone(std::string_view s, size_t b, size_t e) {
  auto curly = [&](size_t i, std::string_view single, std::string_view dbl) {
    std::string_view q = s.substr(i, 3);
    return q == single ? 1 : q == dbl ? 2 : 0;
  };
  int open = 0;  // 1 single, 2 double
  if (b >= 1 && s[b - 1] == '\'') open = 1;
  else if (b >= 1 && s[b - 1] == '"') open = 2;
  else if (b >= 3) open = curly(b - 3, "\u2018", "\u201C");
  if (open == 0) return false;
  if (e < s.size() && one_of(s[e], ".,;:!?")) ++e;
  int close = 0;
  if (e < s.size() && s[e] == '\'') close = 1;
  else if (e < s.size() && s[e] == '"') close = 2;
  else if (e < s.size()) close = curly(e, "\u2019", "\u201D");
  return close == open;
}

bool is_small_word(std::string_view w) {
  for (std::string_view small : {"and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "at", "by", "or"})
    if (w == small) return true;
  return false;
}

/// An abbreviation's letters in lower case, as initials are compared: "CiN" → "cin".
std::string initial_letters(std::string_view abbr) {
  std::string letters;
  for (size_t i = 0; i < abbr.size();) {
    CodePoint c = decode(abbr, i);
    if (is_word_char(c.c)) append_utf8(letters, lower(c.c));
    i += c.len;
  }
  return letters;
}

/// A word's first letter, as UTF-8 (words are in lower case already).
std::string first_letter(const std::string& word) {
  std::string first;
  append_utf8(first, decode(word, 0).c);
  return first;
}

/// Whether tokens [from, to] begin with the abbreviation's letters, counting
/// small words (children in need → CiN) or not (Black and Minority Ethnic → BME).
bool initials_spell(const std::vector<Token>& toks, size_t from, size_t to, std::string_view abbr) {
  const std::string letters = initial_letters(abbr);
  if (is_small_word(toks[from].norm)) return false;  // "the Local Government ..." starts at Local
  std::string all, content;
  for (size_t k = from; k <= to; ++k) {
    const std::string first = first_letter(toks[k].norm);
    all += first;
    if (!is_small_word(toks[k].norm)) content += first;
  }
  return letters == all || letters == content;
}

/// "Afghan" + "s" → "Afghans"; "Plan" + "’s" → "Plan’s".
std::string inflect(const std::string& term, const std::string& suffix) {
  if (suffix.empty() || term.empty()) return term;
  if (suffix.find('\'') != std::string::npos || suffix.find("\u2019") != std::string::npos) return term + suffix;
  return term + (ends_with_any(term, {"s", "x", "z", "ch", "sh"}) ? "es" : "s");
}

/// The words as a person reads them: each run of spaces and line breaks as one space.
std::string as_read(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string quoted(std::string_view s) { return "\u201C" + std::string(s) + "\u201D"; }

bool is_roman_numeral(std::string_view w) {
  static const std::pair<int, const char*> numerals[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  auto value = [](char c) {
    switch (c) {
      case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50;
      case 'C': return 100; case 'D': return 500; case 'M': return 1000;
    }
    return 0;
  };
  int total = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    int v = value(w[i]);
    if (v == 0) return false;
    total += (i + 1 < w.size() && value(w[i + 1]) > v) ? -v : v;
  }
  if (total <= 0 || total >= 4000) return false;
  std::string canonical;  // only the canonical spelling is a numeral (LCD is not)
  for (auto [v, s] : numerals)
    while (total >= v) {
      canonical += s;
      total -= v;
    }
  return canonical == w;
}

/// A UK postcode's outward code: A9, A99, AA9, AA99, A9A, AA9A.
bool is_outward_code(std::string_view w) {
  if (w.size() < 2 || w.size() > 4) return false;
  size_t letters = 0;
  while (letters < w.size() && std::isupper(static_cast<unsigned char>(w[letters]))) ++letters;
  if (letters < 1 || letters > 2 || letters >= w.size() || !std::isdigit(static_cast<unsigned char>(w[letters])))
    return false;
  if (w.size() - letters > 2) return false;
  return w.size() == letters + 1 || std::isupper(static_cast<unsigned char>(w.back())) ||
         std::isdigit(static_cast<unsigned char>(w.back()));
}

/// A UK postcode's inward code: 9AA.
bool is_inward_code(std::string_view w) {
  return w.size() == 3 && std::isdigit(static_cast<unsigned char>(w[0])) &&
         std::isupper(static_cast<unsigned char>(w[1])) && std::isupper(static_cast<unsigned char>(w[2]));
}

bool only_spaces(std::string_view s, size_t b, size_t e) {
  if (b >= e) return false;
  for (size_t i = b; i < e; ++i)
    if (s[i] != ' ') return false;
  return true;
}

bool in_postcode(std::string_view text, const std::vector<Token>& toks, size_t k) {
  const std::string& w = toks[k].cased;
  if (w.size() >= 5 && is_inward_code(std::string_view(w).substr(w.size() - 3)) &&
      is_outward_code(std::string_view(w).substr(0, w.size() - 3)))
    return true;
  if (is_outward_code(w) && k + 1 < toks.size() && is_inward_code(toks[k + 1].cased) &&
      only_spaces(text, toks[k].end, toks[k + 1].begin))
    return true;
  return is_inward_code(w) && k > 0 && is_outward_code(toks[k - 1].cased) &&
         only_spaces(text, toks[k - 1].end, toks[k].begin);
}

/// The word without a possessive or a plural s after a capital (MPs → MP).
std::string abbreviation_form(const std::string& cased) {
  std::string w = cased;
  if (w.size() > 2 && (ends_with(w, "'s") || ends_with(w, "'S"))) w.resize(w.size() - 2);  // ICB's, CHAIR'S
  if (w.size() > 2 && w.back() == 's' && std::isupper(static_cast<unsigned char>(w[w.size() - 2]))) w.pop_back();
  return w;
}

/// Two or more capitals, at least half the letters: NHS, CiN, DfE; not McDonald or PowerPoint.
bool looks_like_abbreviation(std::string_view w) {
  size_t letters = 0, capitals = 0;
  for (size_t i = 0; i < w.size();) {
    CodePoint c = decode(w, i);
    i += c.len;
    if (!is_word_char(c.c) || (c.c >= '0' && c.c <= '9')) continue;
    ++letters;
    if (is_upper(c.c)) ++capitals;
  }
  return capitals >= 2 && capitals * 2 >= letters;
}

/// A quick test before looks_like_abbreviation: two bytes that are ASCII
/// capitals or start a non-ASCII letter (which may be a capital).
bool may_have_two_capitals(std::string_view w) {
  int n = 0;
  for (char ch : w) {
    auto b = static_cast<unsigned char>(ch);
    if ((b >= 'A' && b <= 'Z') || b >= 0xC0) ++n;
    if (n == 2) return true;
  }
  return false;
}

bool has_digit(std::string_view w) {
  for (char c : w)
    if (c >= '0' && c <= '9') return true;
  return false;
}

bool only_digits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

/// A code, not an abbreviation: a token with a digit (A14, KS2, LA123), or the
/// letters of a reference joined by "/" to digits (KLW/24/00871, CAB/2025/017).
bool is_code(std::string_view text, const std::vector<Token>& toks, size_t k) {
  if (has_digit(toks[k].cased)) return true;
  if (k + 1 < toks.size() && toks[k].end < text.size() && text[toks[k].end] == '/' &&
      toks[k + 1].begin == toks[k].end + 1 && has_digit(toks[k + 1].cased))
    return true;
  return k > 0 && toks[k].begin > 0 && text[toks[k].begin - 1] == '/' && toks[k - 1].end + 1 == toks[k].begin &&
         has_digit(toks[k - 1].cased);
}

/// Abbreviations an adult reader in the UK knows without expansion (GOV.UK style).
bool is_everyday(std::string_view w) {
  static const std::unordered_set<std::string_view> everyday = {
      "UK", "US", "EU", "UN", "NHS", "BBC", "MP", "GP", "VAT", "CEO", "ID", "TV", "FAQ", "PIN", "OBE", "MBE", "CBE", "KC"};
  return everyday.count(w) != 0;
}

/// An ordinary English word written in capitals, as a name or for emphasis
/// (MIND, UNISON, HOPE, (LAB), NOTED, NOT): not an abbreviation. A glossary
/// abbreviation (MASH, SEND) comes before this. The list is short and fixed:
/// decision and emphasis words of minutes, party tags, and words that charities
/// and groups take as names; initials that happen to be one of them need an entry.
constexpr size_t kMinListedWord = 5;
bool is_english_word(std::string_view lower);
bool is_english_word_or_plural(std::string_view lower);
bool is_ordinary_word(std::string_view w) {
  static const std::unordered_set<std::string_view> ordinary = {
      "ABSTAINED", "ACCEPTED", "ACORN", "ACTION", "ADOPTED", "AGAINST", "AGREED", "ALL", "ALWAYS", "AMENDED",
      "ANCHOR", "AND", "ANNEX", "ANY", "APPENDIX", "APPROVAL", "APPROVED", "ART", "ARTS", "BANK", "BEACON",
      "BETTER", "BRIDGE", "BRIDGES", "BRIGHT", "BRIGHTER", "BUT", "CARE", "CARES", "CARRIED", "CHANGE", "CHILDREN",
      "CHOICE", "CHOICES", "CITY", "CLEAN", "CLEANER", "CLOSED", "COMMUNITY", "COMPASS", "CON", "CONFIDENTIAL",
      "CONFIRMED", "CRISIS", "DECISION", "DECISIONS", "DECLINED", "DEFERRAL", "DEFERRED", "DELEGATED", "DEM",
      "DRAFT", "EACH", "ENDORSED", "EVERY", "EXEMPT", "FAILED", "FAMILIES", "FAMILY", "FINAL", "FOOD", "FOR",
      "FREE", "FRIEND", "FRIENDS", "FUTURE", "FUTURES", "GET", "GIVE", "GRANTED", "GREEN", "GRN", "GROW", "GUARD",
      "HAND", "HANDS", "HARBOUR", "HARVEST", "HAVEN", "HEART", "HELP", "HERE", "HOME", "HOMES", "HOPE",
      "IMPORTANT", "IND", "ITEM", "ITEMS", "JOBS", "KEEP", "LAB", "LESS", "LET", "LIB", "LIFE", "LIGHT", "LINK",
      "LINKS", "LIVE", "LIVING", "LOST", "MAKE", "MEET", "MEETING", "MIND", "MORE", "MOST", "MUSIC", "MUST",
      "NEST", "NEVER", "NEW", "NONE", "NOR", "NOT", "NOTE", "NOTED", "NOTES", "NOTICE", "NOW", "OBJECTED", "OLD",
      "ONE", "ONLY", "OPEN", "OPPORTUNITY", "OUR", "PARK", "PARKS", "PART", "PASSED", "PATH", "PEACE", "PEOPLE",
      "PERMISSION", "PERMITTED", "PLACE", "PLEASE", "PRIDE", "PRIVATE", "PUBLIC", "RECEIVED", "RECOMMENDATION",
      "RECOMMENDATIONS", "RECOMMENDED", "REFUSAL", "REFUSED", "REJECTED", "RELATE", "REPORT", "RESTRICTED", "RISE",
      "ROAD", "ROOTS", "SAFE", "SAFER", "SAVE", "SAY", "SCOPE", "SEED", "SEEDS", "SHELTER", "SMILE", "SPACE",
      "SPACES", "SPIRIT", "SPRING", "STAR", "START", "STEP", "STEPS", "STOP", "STREET", "SUN", "SUPPORTED", "TAKE",
      "THE", "TOGETHER", "TOWN", "TRUST", "TWO", "UNANIMOUS", "UNANIMOUSLY", "UNISON", "UNITE", "UNITY", "UPDATE",
      "URGENT", "VERY", "VILLAGE", "VOICE", "VOICES", "WATCH", "WAY", "WITHDRAWN", "WORK", "WORKS", "YES", "YOU",
      "YOUNG", "YOUTH"};
  if (w.size() >= 3 && ordinary.count(w) != 0) return true;
  // Function words shouted for emphasis ("only IF the bid succeeds"): closed-class words that are no
  // one's initials. IT, US and AS stay out: they are as often Information Technology, the United States...
  static const std::unordered_set<std::string_view> function_words = {
      "IF", "OR", "OF", "TO", "IN", "ON", "AT", "BY", "IS", "BE", "SO", "WE", "HE", "DO", "AND", "BUT", "FOR",
      "ARE", "WAS", "HAS", "HAD", "ITS", "ALL", "ANY", "CAN", "MAY", "WHO", "WHY", "HOW", "THIS", "THAT",
      "WHEN", "THEN", "WITH", "FROM", "ALSO", "WERE", "BEEN", "WILL", "SHALL", "UNLESS"};
  if (function_words.count(w) != 0) return true;
  // Longer words by the word list; short ones (CAB, ACE, PACT) are as often initials.
  if (w.size() < kMinListedWord) return false;
  return is_english_word_or_plural(ascii_lower(w));
}

/// `lower` is in the word list, or is the plural of a word in it (EQUALITIES, ALLOTMENTS):
/// the list holds few plurals, and headings are full of them.
bool is_english_word_or_plural(std::string_view lower) {
  if (is_english_word(lower)) return true;
  if (lower.size() > 4 && ends_with(lower, "ies") && is_english_word(std::string(lower.substr(0, lower.size() - 3)) + "y"))
    return true;
  if (lower.size() > 3 && ends_with(lower, "es") && is_english_word(lower.substr(0, lower.size() - 2))) return true;
  return lower.size() > 3 && lower.back() == 's' && is_english_word(lower.substr(0, lower.size() - 1));
}

/// Token k stands on a line with no lower-case letter: a heading in capitals
/// ("VILLAGE HALL", "BUS SHELTER"), whose words are words, not initials.
bool on_capitals_line(std::string_view text, const Token& t) {
  size_t begin = text.rfind('\n', t.begin);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  size_t end = text.find('\n', t.end);
  if (end == std::string_view::npos) end = text.size();
  for (size_t i = begin; i < end; ++i)
    if (text[i] >= 'a' && text[i] <= 'z') return false;
  return true;
}

/// `lower` is a lower-case word of the English word list.
bool is_english_word(std::string_view lower) {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < kEnglishWords.size()) {
      size_t nl = kEnglishWords.find('\n', i);
      if (nl == std::string_view::npos) nl = kEnglishWords.size();
      if (nl > i) out.push_back(kEnglishWords.substr(i, nl - i));
      i = nl + 1;
    }
    return out;  // sorted by cmake/embed_words.cmake
  }();
  return std::binary_search(words.begin(), words.end(), lower);
}

/// Letters of a word, and whether every one is a capital.
struct Caps {
  size_t letters = 0, capitals = 0;
};
Caps caps_of(std::string_view w) {
  Caps c;
  for (size_t i = 0; i < w.size();) {
    CodePoint cp = decode(w, i);
    i += cp.len;
    if (!is_word_char(cp.c) || (cp.c >= '0' && cp.c <= '9')) continue;
    ++c.letters;
    if (is_upper(cp.c)) ++c.capitals;
  }
  return c;
}

/// Tokens inside an all-capitals run of three or more words (a shouted title:
/// "MINUTES OF THE PREVIOUS MEETING"). Digits, "&", an en dash, a colon or a
/// slash inside the run do not break it; a line break or other punctuation does.
std::vector<bool> shouted_tokens(std::string_view text, const std::vector<Token>& toks) {
  std::vector<bool> out(toks.size(), false);
  auto neutral = [&](size_t k) { return only_digits(toks[k].cased) || text[toks[k].begin] == '&'; };
  auto caps = [&](size_t k) {
    const char first = toks[k].cased[0];
    if (first >= 'a' && first <= 'z') return false;  // the usual word: a lower-case letter is no capital
    Caps c = caps_of(toks[k].cased);
    return c.letters > 0 && c.capitals == c.letters;
  };
  auto gap_ok = [&](size_t k) {  // between token k and k + 1
    for (size_t j = toks[k].end; j < toks[k + 1].begin;) {
      CodePoint c = decode(text, j);
      j += c.len;
      switch (c.c) {
        case ' ': case '\t': case 0xA0: case '-': case 0x2013: case 0x2014: case ':': case '/': break;
        case '.': if (only_digits(toks[k].cased)) break; return false;
        default: return false;
      }
    }
    return true;
  };
  for (size_t k = 0; k < toks.size();) {
    if (!caps(k) && !neutral(k)) {
      ++k;
      continue;
    }
    size_t end = k, words = 0;
    while (true) {
      if (caps(end) && caps_of(toks[end].cased).letters >= 2) ++words;
      if (end + 1 < toks.size() && gap_ok(end) && (caps(end + 1) || neutral(end + 1))) ++end;
      else break;
    }
    if (words >= 3)
      for (size_t j = k; j <= end; ++j) out[j] = true;
    k = end + 1;
  }
  return out;
}

/// Whether a Roman numeral at token k numbers something: "Part II", "Grade II*",
/// "Appendix III", or a list marker at the start of a line: "(iv)", "ii)".
bool numbers_something(std::string_view text, const std::vector<Token>& toks, size_t k) {
  static const std::unordered_set<std::string_view> numbered = {
      "part", "parts", "schedule", "schedules", "appendix", "appendices", "phase", "volume", "grade", "section",
      "chapter", "annex", "annexe", "stage", "article", "tier", "class", "category", "table", "figure", "item",
      "paragraph", "book", "title"};
  if (k > 0 && only_spaces(text, toks[k - 1].end, toks[k].begin) && numbered.count(toks[k - 1].norm)) return true;
  // The second of a pair or range: "Parts I and II", "Stages II to IV".
  if (k >= 2 && only_spaces(text, toks[k - 1].end, toks[k].begin) &&
      (toks[k - 1].norm == "and" || toks[k - 1].norm == "or" || toks[k - 1].norm == "to") &&
      is_roman_numeral(toks[k - 2].cased) && numbers_something(text, toks, k - 2))
    return true;
  // List markers count in ones, fives and tens: (iv), ii), (XII); not (MDC).
  if (toks[k].cased.find_first_not_of("IVXivx") != std::string::npos) return false;
  size_t b = toks[k].begin, e = toks[k].end;
  if (b > 0 && text[b - 1] == '(') --b;
  else if (e >= text.size() || (text[e] != ')' && text[e] != '.')) return false;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
  return b == 0 || text[b - 1] == '\n';
}

/// A word without its plural or possessive ending, for comparing an expansion with a term.
std::string singular(std::string w) {
  if (w.size() > 2 && ends_with(w, "'s")) w.resize(w.size() - 2);
  if (w.size() > 4 && ends_with(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

/// Whether the words [from, to] give the abbreviation's letters: each word gives
/// its first letter and perhaps later letters of its own, in order, except that
/// small words (of, and, for, the, &) may give none and numbers (years) give
/// none; the first word is not small.
/// "Cross-Party Climate Group" gives CPCG, "Regulation of Investigatory Powers Act 2000" RIPA.
bool initials_match(const std::vector<Token>& toks, size_t from, size_t to, std::string_view abbr) {
  const std::string letters = initial_letters(abbr);
  if (letters.empty() || is_small_word(toks[from].norm) || only_digits(toks[from].norm)) return false;
  // Which letters the abbreviation writes in lower case (ASCII only: one byte per letter).
  std::vector<char> inner_ok;
  for (char c : abbr)
    if (std::isalnum(static_cast<unsigned char>(c))) inner_ok.push_back(c >= 'a' && c <= 'z');
  if (inner_ok.size() != letters.size()) inner_ok.clear();
  // reach[j]: the first j letters are accounted for by the words so far.
  std::vector<char> reach(letters.size() + 1, 0), next(letters.size() + 1, 0);
  reach[0] = 1;
  for (size_t k = from; k <= to; ++k) {
    const std::string& w = toks[k].norm;
    if (only_digits(w)) continue;
    bool small = is_small_word(w);
    const std::string first = first_letter(w);
    std::fill(next.begin(), next.end(), 0);
    for (size_t j = 0; j <= letters.size(); ++j) {
      if (!reach[j]) continue;
      if (small) next[j] = 1;
      if (j + first.size() > letters.size() || letters.compare(j, first.size(), first) != 0) continue;
      next[j + first.size()] = 1;
      // Later letters of the same word, in order, where the abbreviation marks them so: a letter in
      // lower case ("Children in Need" CiN), or its last letter from its last word ("Closed Circuit
      // TeleVision" CCTV). "Climate Forum (CAF)" still misses a word.
      size_t pos = first.size();
      for (size_t m = j + first.size(); m < letters.size(); ++m) {
        bool marked = (m < inner_ok.size() && inner_ok[m]) || (m + 1 == letters.size() && k == to);
        if (!marked) break;
        pos = w.find(letters[m], pos);
        if (pos == std::string::npos) break;
        next[m + 1] = 1;
        ++pos;
      }
    }
    reach.swap(next);
  }
  return reach[letters.size()] != 0;
}

/// Where a token ends without its possessive or plural s (ICB’s, KPIs → ICB, KPI), as abbreviation_form cuts it.
size_t bare_end_of(std::string_view text, const Token& t) {
  std::string_view raw = text.substr(t.begin, t.end - t.begin);
  size_t end = t.end;
  const std::string& w = t.cased;
  size_t cased_len = w.size();
  if (w.size() > 2 && (ends_with(w, "'s") || ends_with(w, "'S"))) {
    end -= ends_with(raw, "\u2019s") || ends_with(raw, "\u2019S") ? 4 : 2;
    cased_len -= 2;
  }
  if (cased_len > 2 && w[cased_len - 1] == 's' && std::isupper(static_cast<unsigned char>(w[cased_len - 2]))) --end;
  return end;
}

/// "Councillor RF", "Mr JB", "Mr JONES", "Cllr A. SMITH": a person's initials, or a surname in
/// capitals as planning and standards minutes write them, after a title.
bool name_after_a_title(std::string_view text, const std::vector<Token>& toks, size_t k) {
  auto joined = [&](size_t a) {  // token a and a + 1 one space (or ". ") apart
    std::string_view gap = text.substr(toks[a].end, toks[a + 1].begin - toks[a].end);
    return gap == " " || gap == ". " || gap == "\xC2\xA0";
  };
  // Back over up to three single initials ("Mr J SMITH", "Dr A. B. JONES") to the title.
  size_t j = k;
  while (j > 0 && k - j < 3 && toks[j - 1].cased.size() == 1 && std::isupper(static_cast<unsigned char>(toks[j - 1].cased[0])) &&
         joined(j - 1))
    --j;
  if (j == 0 || !joined(j - 1)) return false;
  for (std::string_view title : {"councillor", "cllr", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "professor",
                                 "prof", "alderman"})
    if (toks[j - 1].norm == title) return true;
  return false;
}

/// "Moira LANG", "Fiona McKAY (Vice Chairperson)", "Graeme MUNRO, Chair": a line that opens with a given
/// name and a surname in capitals, as Scottish minutes list members. The surname ends the line or is
/// followed by a bracket or a comma; it has four letters or more and the name before it is no English word,
/// so "Draft HRA (…)" and "The DPIA, …" stay abbreviations.
bool surname_in_capitals_after_given_name(std::string_view text, const std::vector<Token>& toks, size_t k) {
  if (k == 0 || toks[k].cased.size() < 4) return false;
  const Token& given = toks[k - 1];
  if (text.substr(given.end, toks[k].begin - given.end) != " ") return false;
  size_t line_start = given.begin;
  while (line_start > 0 && (text[line_start - 1] == ' ' || text[line_start - 1] == '\t')) --line_start;
  if (line_start > 0 && text[line_start - 1] != '\n') return false;
  Caps g = caps_of(given.cased);
  if (g.letters < 2 || g.capitals != 1 || !std::isupper(static_cast<unsigned char>(given.cased[0]))) return false;
  if (is_english_word(given.norm)) return false;  // "The DPIA, …", "Draft HRA (…)": a word, not a given name
  size_t after = toks[k].end;
  while (after < text.size() && text[after] == ' ') ++after;
  return after == text.size() || text[after] == '\n' || text[after] == '(' || text[after] == ',';
}

/// Words of minutes that look like initials and are not: a party's tag in
/// brackets ("Councillor Ames (LD)"), "nem con" (no one against), "MS Teams".
bool minutes_idiom(std::string_view text, const std::vector<Token>& toks, size_t k) {
  const std::string& w = toks[k].cased;
  auto bracketed = [&] {
    return toks[k].begin > 0 && text[toks[k].begin - 1] == '(' && toks[k].end < text.size() && text[toks[k].end] == ')';
  };
  static const std::unordered_set<std::string_view> party_tags = {"LD", "LDEM", "LIBDEM", "SNP", "PC", "UKIP",
                                                                  "IND", "GRN", "RA", "SDP", "REF", "TUSC"};
  if (party_tags.count(w) && bracketed()) return true;
  auto next_is = [&](std::initializer_list<std::string_view> words) {
    if (k + 1 >= toks.size() || toks[k + 1].begin != toks[k].end + 1 || text[toks[k].end] != ' ') return false;
    for (std::string_view x : words)
      if (toks[k + 1].norm == x) return true;
    return false;
  };
  if (w == "NEM") return next_is({"con"});
  if (w == "MS") return next_is({"teams", "word", "excel", "office", "forms", "outlook"});
  return w == "OK";
}

/// "10.30 AM", "9 PM": the time of day, not an abbreviation to spell out.
bool time_of_day(std::string_view text, const std::vector<Token>& toks, size_t k) {
  if (toks[k].cased != "AM" && toks[k].cased != "PM") return false;
  if (k == 0 || !has_digit(toks[k - 1].cased)) return false;
  std::string_view gap = text.substr(toks[k - 1].end, toks[k].begin - toks[k - 1].end);
  return gap.empty() || gap == " " || gap == "\xC2\xA0";
}

/// Whether the abbreviation at token k is defined where it stands: "Full Name (ABBR)",
/// the initials of the words just before the bracket, or "ABBR (Full Name)", the
/// initials of the bracket's words.
/// Whether the words just before the bracket at `open` (token k is the bracket's first) have `abbr`'s initials.
bool named_before(std::string_view text, const std::vector<Token>& toks, size_t open, size_t k,
                  std::string_view abbr) {
  if (k == 0) return false;
  size_t before = open;
  while (before > 0 && is_space(text[before - 1])) --before;
  size_t last = k - 1, first = last;
  if (toks[last].end != before) return false;
  while (first > 0 && toks[first - 1].joins_next && last - first < 12) --first;
  for (size_t f = first; f <= last; ++f)
    if (initials_match(toks, f, last, abbr)) return true;
  return false;
}

/// "West London Integrated Care System (WL ICS)": a bracket of two or three abbreviations, one space
/// apart, defines each of them when their letters together are the initials of the words before it.
bool defines_in_group(std::string_view text, const std::vector<Token>& toks, size_t k) {
  auto abbr_at = [&](size_t i) { return looks_like_abbreviation(abbreviation_form(toks[i].cased)); };
  auto one_space = [&](size_t i) { return toks[i + 1].begin == toks[i].end + 1 && text[toks[i].end] == ' '; };
  size_t a = k, b = k;
  while (a > 0 && k - a < 2 && one_space(a - 1) && abbr_at(a - 1)) --a;
  while (b + 1 < toks.size() && b - a < 2 && one_space(b) && abbr_at(b + 1)) ++b;
  if (a == b) return false;
  size_t open = toks[a].begin, close = toks[b].end;
  if (open == 0 || text[open - 1] != '(' || close >= text.size() || text[close] != ')') return false;
  std::string letters;
  for (size_t i = a; i <= b; ++i) letters += abbreviation_form(toks[i].cased);
  return named_before(text, toks, open - 1, a, letters);
}

bool defines(std::string_view text, const std::vector<Token>& toks, size_t k, std::string_view abbr) {
  const size_t n = text.size();
  size_t p = toks[k].begin, q = toks[k].end;
  while (p > 0 && is_space(text[p - 1])) --p;
  while (q < n && is_space(text[q])) ++q;
  if (p > 0 && text[p - 1] == '(' && q < n && text[q] == ')') return named_before(text, toks, p - 1, k, abbr);
  if (defines_in_group(text, toks, k)) return true;
  if (q < n && text[q] == '(') {
    size_t close = text.substr(q, 200).find(')');  // bounded, so a text of brackets stays linear
    if (close == std::string_view::npos) return false;
    close += q;
    size_t first = k + 1, last = first;
    while (last < toks.size() && toks[last].end <= close) ++last;
    return last >= first + 2 && initials_match(toks, first, last - 1, abbr);
  }
  return false;
}

/// How an abbreviation's use is spelt out, if it is.
struct SpellingOut {
  enum { none, right, wrong } kind = none;
  size_t begin = 0, end = 0;  // the wrong expansion
  size_t hit = kNoEntry;      // the avoid hit that is the wrong expansion, if any
  bool at_abbr = false;       // the expansion's extent is a judgement: report at the abbreviation
};

/// Whether tokens [from, to] are the term's words in another order, or with one
/// word changed (small words aside, plurals as singulars); `same` when they are
/// the term's words, small words included, in its order, with a number changed
/// only at the end of a noun group ("Traffic Regulation Orders (TROs)"). A number
/// changed inside one ("Local Authorities Designated Officer") counts as a changed word.
enum class Likeness { other, same, reordered, one_changed };
Likeness likeness(const std::vector<Token>& toks, size_t from, size_t to, const std::vector<std::string>& term) {
  std::vector<std::string> raw, all, words, content, term_singular;
  for (size_t k = from; k <= to; ++k)
    if (!only_digits(toks[k].norm)) raw.push_back(toks[k].norm);
  for (const std::string& w : raw) all.push_back(singular(w));
  for (const std::string& w : term) term_singular.push_back(singular(w));
  if (all == term_singular) {
    // Number may change at the end of a noun group ("House in Multiple Occupation", "Orders"), not inside one.
    for (size_t i = 0; i + 1 < raw.size(); ++i)
      if (raw[i] != term[i] && !is_small_word(raw[i + 1])) return Likeness::one_changed;
    return Likeness::same;
  }
  for (const std::string& w : all)
    if (!is_small_word(w)) words.push_back(w);
  for (const std::string& w : term_singular)
    if (!is_small_word(w)) content.push_back(w);
  if (words.size() != content.size() || content.empty()) return Likeness::other;
  std::vector<std::string> a = words, b = content;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  if (common.size() == b.size()) return Likeness::reordered;
  if (b.size() >= 3 && common.size() + 1 == b.size()) return Likeness::one_changed;
  return Likeness::other;
}

/// A glossary term's words for comparison, in lower case as written (likeness() makes them singular).
std::vector<std::string> term_words(std::string_view term) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(term, {}))
    if (!only_digits(t.norm)) out.push_back(t.norm);
  return out;
}

bool capitalised(const Token& t) {
  CodePoint c = decode(t.cased, 0);
  return is_upper(c.c);
}

/// How tokens [first, last] (the words before "(ABBR)", or inside "ABBR (…)")
/// spell out an abbreviation whose term has the words `term`, judged by the words
/// alone; `tail` means the spelling-out may be any run of words ending at `last`.
SpellingOut judge_words(const std::vector<Token>& toks, size_t first, size_t last, bool tail,
                        const std::vector<std::string>& term, std::string_view abbr) {
  SpellingOut wrong{SpellingOut::wrong, 0, 0, kNoEntry, true};
  size_t from_end = first, to_end = tail ? last : first;
  // The term's words as written (plurals and small words aside) are the term.
  for (size_t f = from_end; f <= to_end; ++f)
    if (!is_small_word(toks[f].norm) && likeness(toks, f, last, term) == Likeness::same)
      return {SpellingOut::right, toks[f].begin, toks[last].end, kNoEntry, false};
  for (Likeness want : {Likeness::reordered, Likeness::one_changed})
    for (size_t f = from_end; f <= to_end; ++f)
      if (!is_small_word(toks[f].norm) && likeness(toks, f, last, term) == want) {
        wrong.begin = toks[f].begin, wrong.end = toks[last].end;
        return wrong;
      }
  // Another expansion: initials that spell the abbreviation, or a capitalised
  // name of two or more words sharing a word with the term.
  for (size_t f = from_end; f <= to_end; ++f)
    if (f < last && initials_spell(toks, f, last, abbr)) {
      wrong.begin = toks[f].begin, wrong.end = toks[last].end;
      return wrong;
    }
  size_t f = last + 1, named = 0;
  while (f > first && (capitalised(toks[f - 1]) || is_small_word(toks[f - 1].norm))) {
    --f;
    if (capitalised(toks[f]) && !is_small_word(toks[f].norm)) ++named;
  }
  while (f <= last && is_small_word(toks[f].norm)) ++f;
  if (f < last && named >= 2 && (tail || f == first)) {
    for (size_t k = f; k <= last; ++k)
      if (std::any_of(term.begin(), term.end(), [&](const std::string& w) { return singular(w) == singular(toks[k].norm); })) {
        wrong.begin = toks[f].begin, wrong.end = toks[last].end;
        return wrong;
      }
  }
  return {};
}

SpellingOut spelling_out(std::string_view text, const std::vector<Token>& toks,
                         const std::vector<Hit>& hits, size_t h, const std::vector<std::string>& term) {
  const size_t n = text.size();
  const GlossaryMatch& a = hits[h].match;
  std::string_view abbr = text.substr(a.begin, a.end - a.begin - a.suffix.size());
  auto known_expansion = [&](const Hit& other, size_t b, size_t e) -> SpellingOut {
    if (other.match.entry != a.entry || other.match.begin != b || other.match.end != e) return {};
    if (other.match.kind == PhraseKind::term) return {SpellingOut::right, b, e, kNoEntry};
    if (other.match.kind == PhraseKind::avoid) return {SpellingOut::wrong, b, e, size_t(&other - hits.data())};
    return {};
  };
  size_t p = a.begin, q = a.end;
  while (p > 0 && is_space(text[p - 1])) --p;
  while (q < n && is_space(text[q])) ++q;

  // Expansion (ABBR)
  if (p > 0 && text[p - 1] == '(' && q < n && text[q] == ')') {
    size_t before = p - 1;
    while (before > 0 && is_space(text[before - 1])) --before;
    for (size_t k = h; k-- > 0 && hits[k].match.end >= before;) {
      SpellingOut s = known_expansion(hits[k], hits[k].match.begin, before);
      if (s.kind != SpellingOut::none) return s;
    }
    // Otherwise judge the run of words before "(".
    if (hits[h].first == 0) return {};
    size_t last = hits[h].first - 1, first = last;
    if (toks[last].end > before) return {};
    while (first > 0 && toks[first - 1].joins_next && last - first < 12) --first;
    return judge_words(toks, first, last, true, term, abbr);
  }
  // ABBR (expansion)
  if (q < n && text[q] == '(') {
    int depth = 0;
    size_t close = n;
    for (size_t j = q; j < n; ++j) {
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth == 0) {
        close = j;
        break;
      }
      if (text[j] == '\n' && j + 1 < n && text[j + 1] == '\n') break;
    }
    if (close == n) return {};
    size_t b = q + 1, e = close;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    for (size_t k = h + 1; k < hits.size() && hits[k].match.begin <= b; ++k) {
      SpellingOut s = known_expansion(hits[k], b, e);
      if (s.kind != SpellingOut::none) return s;
    }
    size_t first = hits[h].last + 1, last = first;
    while (last < toks.size() && toks[last].end <= e) ++last;
    if (last >= first + 2 && toks[first].begin >= b) {
      SpellingOut s = judge_words(toks, first, last - 1, false, term, abbr);
      if (s.kind == SpellingOut::wrong) s.begin = b, s.end = e;
      return s;
    }
  }
  return {};
}

}  // namespace glossary_detail

using namespace glossary_detail;

struct GlossaryMatcher::Scanned {
  std::vector<Token> tokens;
  std::vector<Hit> hits;
};

GlossaryMatcher::GlossaryMatcher(const std::vector<GlossaryEntry>& glossary) {
  nodes_.emplace_back();  // the root
  for (size_t e = 0; e < glossary.size(); ++e) {
    const GlossaryEntry& g = glossary[e];
    entries_.push_back({trim(g.term.value), trim(g.abbr.value), trim(g.reason.value), g.severity});
    const Entry& en = entries_.back();
    if (!en.term.empty()) add_phrase(en.term, e, PhraseKind::term, g.case_sensitive);
    if (!en.abbr.empty()) {
      add_phrase(en.abbr, e, PhraseKind::abbr, true);  // an abbreviation is its capitals
      abbr_entry_.emplace(en.abbr, e);
      abbrs_.push_back(en.abbr);
    }
    for (const Text& a : g.avoid) add_phrase(a.value, e, PhraseKind::avoid, g.case_sensitive);
    term_words_.push_back(term_words(en.term));
    for (const auto& a : g.allow) {
      allowed_.insert(trim(a.value));
      // The parts of a hyphenated entry are allowed too: COVID-19 allows COVID (and post-COVID).
      for (const Token& part : tokenize(trim(a.value), {}))
        if (looks_like_abbreviation(part.cased)) allowed_.insert(part.cased);
    }
  }
}

void GlossaryMatcher::add_phrase(std::string_view text, size_t entry, PhraseKind kind, bool case_sensitive) {
  std::vector<Token> words = tokenize(text, {});
  if (words.empty()) return;
  size_t node = 0;
  Phrase phrase{entry, kind, case_sensitive, {}};
  for (const Token& w : words) {
    auto it = nodes_[node].next.find(w.norm);
    size_t next;
    if (it == nodes_[node].next.end()) {
      next = nodes_.size();
      nodes_[node].next.emplace(w.norm, next);
      nodes_.emplace_back();
    } else {
      next = it->second;
    }
    node = next;
    phrase.words.push_back(w.cased);
  }
  nodes_[node].phrases.push_back(phrases_.size());
  phrases_.push_back(std::move(phrase));
}

GlossaryMatcher::Scanned GlossaryMatcher::scan(std::string_view text) const {
  Scanned sc;
  sc.tokens = tokenize(text, unchecked_bytes(text));
  const std::vector<Token>& toks = sc.tokens;
  struct Best {
    bool found = false;
    size_t last = 0, phrase = 0;
    int inflection = -1, rank = 0;
  };
  // The longest phrase starting at token i.
  auto longest_from = [&](size_t i) {
    Best best;
    // A phrase ending at token j; an inflected word may only end a phrase.
    auto consider = [&](size_t node, size_t j, int inflection) {
      for (size_t p : nodes_[node].phrases) {
        const Phrase& ph = phrases_[p];
        if (ph.case_sensitive) {
          bool same = true;
          for (size_t k = 0; same && k < ph.words.size(); ++k) {
            bool inflected = i + k == j && inflection >= 0;
            same = (inflected ? toks[j].inflections[inflection].cased : toks[i + k].cased) == ph.words[k];
          }
          if (!same) continue;
        }
        // Longest first; then a word as written over an inflected one; then right over wrong.
        int rank = (inflection < 0 ? 2 : 0) + (ph.kind == PhraseKind::avoid ? 0 : 1);
        if (!best.found || j > best.last || (j == best.last && rank > best.rank))
          best = {true, j, p, inflection, rank};
      }
    };
    size_t node = 0;
    for (size_t j = i; j < toks.size(); ++j) {
      if (j > i && !toks[j - 1].joins_next) break;
      const Node& here = nodes_[node];
      for (size_t f = 0; f < toks[j].inflections.size(); ++f) {
        auto it = here.next.find(toks[j].inflections[f].norm);
        if (it != here.next.end()) consider(it->second, j, static_cast<int>(f));
      }
      auto it = here.next.find(toks[j].norm);
      if (it == here.next.end()) break;
      node = it->second;
      consider(node, j, -1);
    }
    return best;
  };
  // A phrase to avoid that runs into a longer name is part of that name:
  // "the Disabled Facilities Grant" is not "the disabled".
  auto inside_a_longer_name = [&](size_t i, const Best& avoid) {
    for (size_t k = i + 1; k <= avoid.last; ++k) {
      Best other = longest_from(k);
      if (other.found && other.last > avoid.last && phrases_[other.phrase].kind != PhraseKind::avoid) return true;
    }
    return false;
  };
  for (size_t i = 0; i < toks.size();) {
    Best best = longest_from(i);
    if (!best.found || (phrases_[best.phrase].kind == PhraseKind::avoid && inside_a_longer_name(i, best))) {
      ++i;
      continue;
    }
    const Phrase& ph = phrases_[best.phrase];
    Hit hit;
    hit.match.entry = ph.entry;
    hit.match.kind = ph.kind;
    hit.match.begin = toks[i].begin;
    hit.match.end = toks[best.last].end;
    if (best.inflection >= 0) hit.match.suffix = toks[best.last].inflections[best.inflection].suffix;
    hit.first = i;
    hit.last = best.last;
    sc.hits.push_back(std::move(hit));
    i = best.last + 1;
  }
  return sc;
}

std::vector<GlossaryMatch> GlossaryMatcher::find(std::string_view text) const {
  std::vector<GlossaryMatch> out;
  for (Hit& h : scan(text).hits) out.push_back(std::move(h.match));
  return out;
}

std::string GlossaryMatcher::expansion_of(std::string_view abbr) const {
  auto it = abbr_entry_.find(std::string(abbr));
  return it == abbr_entry_.end() ? std::string() : entries_[it->second].term;
}

std::vector<GlossaryFinding> GlossaryMatcher::check_page(const std::vector<std::string_view>& texts) const {
  std::vector<GlossaryFinding> out;
  std::vector<bool> spelt_out(entries_.size(), false), told_undefined(entries_.size(), false);
  std::unordered_set<std::string> told_unknown;  // one finding per unknown word per page
  std::unordered_set<std::string> defined;       // abbreviations defined in the text of the page
  for (size_t ti = 0; ti < texts.size(); ++ti) {
    std::string_view text = texts[ti];
    Scanned sc = scan(text);
    std::vector<GlossaryFinding> found;
    auto add = [&](size_t b, size_t e, Severity sev, const char* rule, std::string message,
                   std::string replacement, size_t entry) {
      found.push_back({ti, b, e, sev, rule, std::move(message), std::move(replacement), entry});
    };
    auto written = [&](size_t b, size_t e) { return as_read(text.substr(b, e - b)); };

    // Words of an all-capitals run of three or more words (a shouted title) are not abbreviations.
    const std::vector<bool> shouted = shouted_tokens(text, sc.tokens);

    // Abbreviations first: a wrong spelling-out is reported as a mismatch, not also as a word to avoid.
    std::vector<bool> wrong_expansion(sc.hits.size(), false);
    for (size_t h = 0; h < sc.hits.size(); ++h) {
      const GlossaryMatch& m = sc.hits[h].match;
      if (m.kind != PhraseKind::abbr || shouted[sc.hits[h].first]) continue;
      const Entry& en = entries_[m.entry];
      const size_t bare_end = m.end - m.suffix.size();  // the span never takes a plural or possessive
      SpellingOut s = spelling_out(text, sc.tokens, sc.hits, h, term_words_[m.entry]);
      if (s.kind == SpellingOut::none) {
        if (spelt_out[m.entry] || told_undefined[m.entry] || en.term.empty()) continue;
        told_undefined[m.entry] = true;
        std::string use = written(m.begin, m.end);
        std::string fix = inflect(en.term, m.suffix) + " (" + use + ")";
        // The replacement is for the bare letters, so only when there is no ending to keep.
        std::string replacement = m.suffix.empty() ? fix : std::string();
        add(m.begin, bare_end, Severity::warning, "glossary.abbr-undefined",
            quoted(use) + " is used before it is spelt out on this page: at its first use write " +
                quoted(fix) + ".",
            replacement, m.entry);
        continue;
      }
      spelt_out[m.entry] = true;
      if (s.kind == SpellingOut::wrong) {
        if (s.hit != kNoEntry) wrong_expansion[s.hit] = true;
        std::string message = quoted(en.abbr) + " is spelt out here as " + quoted(written(s.begin, s.end)) +
                              ", but the glossary spells it " + quoted(en.term) + ".";
        if (s.at_abbr)  // where the expansion starts is a judgement, so the finding marks the abbreviation
          add(m.begin, bare_end, Severity::warning, "glossary.abbr-mismatch", message, "", m.entry);
        else
          add(s.begin, s.end, Severity::warning, "glossary.abbr-mismatch", message, en.term, m.entry);
      }
    }

    for (size_t h = 0; h < sc.hits.size(); ++h) {
      const GlossaryMatch& m = sc.hits[h].match;
      if (m.kind != PhraseKind::avoid || wrong_expansion[h]) continue;
      if (quoted_alone(text, m.begin, m.end)) continue;  // a mention of the word, not a use
      const Entry& en = entries_[m.entry];
      std::string used = written(m.begin, m.end);
      std::string what = sc.hits[h].first == sc.hits[h].last ? "a word" : "a phrase";
      std::string message = quoted(used) + " is " + what + " to avoid";
      message += en.term.empty() ? "." : ": use " + quoted(inflect(en.term, m.suffix)) + ".";
      if (!en.reason.empty()) message += " " + en.reason;
      add(m.begin, m.end, en.severity, "glossary.avoid", message, inflect(en.term, m.suffix), m.entry);
    }

    std::vector<bool> matched(sc.tokens.size(), false);
    for (const Hit& h : sc.hits)
      for (size_t k = h.first; k <= h.last; ++k) matched[k] = true;
    for (size_t k = 0; k < sc.tokens.size(); ++k) {
      const Token& t = sc.tokens[k];
      if (matched[k] || shouted[k] || !may_have_two_capitals(t.cased)) continue;  // most words: no copy
      std::string word = abbreviation_form(t.cased);
      if (!looks_like_abbreviation(word)) continue;
      if (allowed_.count(word) || allowed_.count(t.cased) || is_everyday(word) || is_ordinary_word(word) ||
          is_code(text, sc.tokens, k) || name_after_a_title(text, sc.tokens, k) ||
          surname_in_capitals_after_given_name(text, sc.tokens, k) || time_of_day(text, sc.tokens, k) || minutes_idiom(text, sc.tokens, k) ||
          // In a heading in capitals a word of four letters or more is a word (HALL, PLAN); CAB, MAT stay initials.
          (word.size() >= 4 && on_capitals_line(text, t) && is_english_word_or_plural(ascii_lower(word))) ||
          (is_roman_numeral(word) && numbers_something(text, sc.tokens, k)) || in_postcode(text, sc.tokens, k))
        continue;
      if (defined.count(word)) continue;
      if (defines(text, sc.tokens, k, word)) {  // "Full Name (ABBR)" or "ABBR (Full Name)": spelt out for the page
        defined.insert(word);
        continue;
      }
      if (!told_unknown.insert(word).second) continue;
      std::string message = quoted(word) + " looks like an abbreviation but is not in the glossary";
      std::string near = closest(word, abbrs_);
      if (!near.empty()) message += " (did you mean " + quoted(near) + "?)";
      message += ": spell it out, or add it to data/glossary.yaml (an entry with `abbr:`, or an `allow:` list).";
      add(t.begin, bare_end_of(text, t), Severity::warning, "glossary.abbr-unknown", message, "", kNoEntry);
    }

    std::stable_sort(found.begin(), found.end(),
                     [](const GlossaryFinding& a, const GlossaryFinding& b) { return a.begin < b.begin; });
    for (auto& f : found) out.push_back(std::move(f));
  }
  return out;
}

std::vector<ExampleFailure> failing_examples(const std::vector<GlossaryEntry>& glossary,
                                             const GlossaryMatcher& matcher) {
  std::vector<ExampleFailure> out;
  // The first finding an example gives for its own entry, if any.
  auto own_finding = [&](const Text& example, size_t e) -> std::optional<GlossaryFinding> {
    for (GlossaryFinding& f : matcher.check_page({example.value}))
      if (f.entry == e && (f.rule == "glossary.avoid" || f.rule == "glossary.abbr-mismatch")) return f;
    return std::nullopt;
  };
  for (size_t e = 0; e < glossary.size(); ++e) {
    for (const Text& good : glossary[e].examples.good)
      if (auto f = own_finding(good, e))
        out.push_back({e, good.span,
                       "the good example " + quoted(as_read(good.value)) + " is flagged [" + f->rule +
                           "]: " + f->message});
    for (const Text& bad : glossary[e].examples.bad)
      if (!own_finding(bad, e))
        out.push_back({e, bad.span,
                       "the bad example " + quoted(as_read(bad.value)) +
                           " is not flagged: none of this entry's words to avoid or spellings-out match it"});
  }
  return out;
}

}  // namespace rs
