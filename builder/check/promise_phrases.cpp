#include "reportsite/check/promise_phrases.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <cstdint>
#include <deque>
#include <iterator>
#include <stdexcept>
#include <unordered_map>

namespace rs {
namespace {

// ---------------------------------------------------------------- vocabulary
//
// Every word a pattern or a word list names gets a small id; any other word
// is kOtherWord. Text is looked up once per word, and matching compares ids.

using WordId = uint16_t;
constexpr WordId kOtherWord = 0;
constexpr size_t kMaxWords = 1024;
constexpr size_t kLongestWord = 31;  // a longer word in the text cannot be one of ours
using WordSet = std::bitset<kMaxWords>;

// An open-addressed table of at most kMaxWords short words: every word of the
// text is looked up once, and most are not ours, so a miss must be cheap (one
// FNV-1a hash, usually one probe of an empty slot), cheaper than
// std::unordered_map's bucket and node chase.
class Vocabulary {
 public:
  /// The id of `word`, adding it when new.
  WordId add(std::string_view word) {
    if (WordId id = find(word)) return id;
    if (count_ + 1 >= kMaxWords) throw std::logic_error("promise_phrases: vocabulary too large");
    if (word.empty() || word.size() > kLongestWord) throw std::logic_error("promise_phrases: bad word");
    auto id = static_cast<WordId>(++count_);
    size_t i = hash(word) & kMask;
    while (slots_[i].id != kOtherWord) i = (i + 1) & kMask;
    slots_[i].id = id;
    slots_[i].size = static_cast<uint8_t>(word.size());
    std::memcpy(slots_[i].text, word.data(), word.size());
    longest_ = std::max(longest_, word.size());
    return id;
  }
  /// The id of `word`, or kOtherWord.
  WordId find(std::string_view word) const { return find_hashed(word, fnv(word)); }
  /// The same for a word whose FNV-1a hash (fnv_step over its bytes) the caller worked out as it read it.
  WordId find_hashed(std::string_view word, uint64_t fnv_hash) const {
    if (word.empty() || word.size() > longest_) return kOtherWord;
    for (size_t i = fold(fnv_hash) & kMask; slots_[i].id != kOtherWord; i = (i + 1) & kMask)
      if (slots_[i].size == word.size() && std::memcmp(slots_[i].text, word.data(), word.size()) == 0)
        return slots_[i].id;
    return kOtherWord;
  }
  /// The set of the words in `list`, separated by spaces or '|'.
  WordSet set_of(std::string_view list) {
    WordSet set;
    size_t start = 0;
    while (start < list.size()) {
      size_t end = list.find_first_of(" |", start);
      if (end == std::string_view::npos) end = list.size();
      if (end > start) set.set(add(list.substr(start, end - start)));
      start = end + 1;
    }
    return set;
  }

 private:
  static constexpr size_t kSlots = 4 * kMaxWords;  // at most a quarter full: probes stay short
  static constexpr size_t kMask = kSlots - 1;
  static_assert((kSlots & kMask) == 0, "a power of two");
  static uint64_t hash(std::string_view s) { return fold(fnv(s)); }
  static uint64_t fold(uint64_t h) { return h ^ (h >> 29); }  // the low bits index the table; fold the well-mixed high ones in

 public:
  static constexpr uint64_t kFnvStart = 14695981039346656037ull;
  static uint64_t fnv_step(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; }
  static uint64_t fnv(std::string_view s) {
    uint64_t h = kFnvStart;
    for (char c : s) h = fnv_step(h, c);
    return h;
  }

 private:
  struct Slot {
    WordId id = kOtherWord;
    uint8_t size = 0;
    char text[kLongestWord];
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  size_t count_ = 0;
  size_t longest_ = 0;
};

// ---------------------------------------------------------------- words

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t sentence = 0;
  uint32_t colon_end = 0;    // just past a ':' that directly follows the word; 0 if none
  WordId id = kOtherWord;    // code spans and URLs are kOtherWord too
  bool capitalised : 1 = false;   // as written: "Head", "OFFICERS"
  bool quoted : 1 = false;        // inside quotation marks
  bool break_before : 1 = false;  // a comma, dash, colon or bracket since the previous word
};

struct Sentence {
  size_t first_token = 0;
  bool question = false;
  bool line_start = false;  // opens a line (or a list item), not mid-line after '.' or ';'
};

struct Words {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

constexpr size_t npos = static_cast<size_t>(-1);

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;  // stray continuation byte
}

// Letters outside ASCII count as word characters; C2 (no-break space, £, «)
// and E2 (quotes, dashes, ellipsis, bullets) sequences are punctuation.
bool is_word_start(std::string_view text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  return c != 0xC2 && c != 0xE2 && c >= 0xC0;
}

bool is_right_single_quote(std::string_view text, size_t i) { return text.substr(i, 3) == "\xE2\x80\x99"; }

bool is_space_at(std::string_view text, size_t i) {
  char c = text[i];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || text.substr(i, 2) == "\xC2\xA0";
}

bool starts_with_nocase(std::string_view text, size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (ascii_lower(text[i + k]) != prefix[k]) return false;
  return true;
}

// Splits Markdown into words grouped into sentences, skipping what is not
// prose. A blank line, a list item, a heading, '.', '?', '!' and ';' end a
// sentence; a single line break does not.
class Scanner {
 public:
  Scanner(std::string_view text, const Vocabulary& vocabulary) : text_(text), vocabulary_(vocabulary) {}

  /// Fills `out` (emptied first; its capacity is reused, so a thread reading
  /// many short texts does not allocate for each).
  void run(Words& out) {
    out.tokens.clear();
    out.sentences.clear();
    out_ = &out;
    while (i_ < text_.size()) {
      if (i_ == 0 || text_[i_ - 1] == '\n') {
        if (line_start()) continue;
      }
      step();
    }
  }

 private:
  void end_sentence(bool question) {
    if (!sentence_open_) return;
    if (question) out_->sentences.back().question = true;
    sentence_open_ = false;
  }

  void emit(size_t begin, size_t end, WordId id) {
    if (!sentence_open_) {
      out_->sentences.push_back({out_->tokens.size(), false, at_line_start_});
      sentence_open_ = true;
      pending_break_ = false;
    }
    at_line_start_ = false;
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.sentence = static_cast<uint32_t>(out_->sentences.size() - 1);
    t.id = id;
    t.capitalised = text_[begin] >= 'A' && text_[begin] <= 'Z';
    t.quoted = quote_open_;
    t.break_before = pending_break_;
    pending_break_ = false;
    out_->tokens.push_back(t);
  }

  size_t line_end(size_t from) const {
    size_t e = text_.find('\n', from);
    return e == std::string_view::npos ? text_.size() : e;
  }

  // Where a construct opened at i_ must close: code spans, tags and link
  // targets do not cross a blank line. Bounds each search, so a stray '`' or
  // '<' costs one paragraph, not the rest of the text.
  size_t paragraph_end() {
    if (paragraph_end_ == npos || paragraph_end_ < i_) {
      size_t e = text_.find("\n\n", i_);
      paragraph_end_ = e == std::string_view::npos ? text_.size() : e;
    }
    return paragraph_end_;
  }

  // Handles what only matters at the start of a line. Returns true when it
  // consumed the whole line (blank line or fenced code block).
  bool line_start() {
    at_line_start_ = true;
    size_t j = i_;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    size_t eol = line_end(j);
    if (is_blank(j, eol)) {
      end_sentence(false);
      quote_open_ = false;  // a quotation does not cross a blank line
      i_ = eol < text_.size() ? eol + 1 : eol;
      return true;
    }
    char c = text_[j];
    if ((c == '`' || c == '~') && text_.substr(j, 3) == std::string(3, c)) {
      skip_fenced_block(j, c);
      return true;
    }
    // Headings, quotes, tables, bullets and a line opening in bold ("**Action:**").
    if (std::string_view("#>|*_-+").find(c) != std::string_view::npos) {
      end_sentence(false);
      return false;
    }
    // A bullet or a dash opening a line: "• Finance to check ...", "– Clerk to ...".
    if (text_.substr(j, 3) == "\xE2\x80\xA2" || text_.substr(j, 3) == "\xE2\x80\x93" ||
        text_.substr(j, 3) == "\xE2\x80\x94" || text_.substr(j, 2) == "\xC2\xB7") {
      end_sentence(false);
      i_ = j + (text_[j] == '\xC2' ? 2 : 3);
      return false;
    }
    if (size_t marker = list_marker_length(j, eol)) {
      end_sentence(false);
      i_ = j + marker;
    }
    return false;
  }

  bool is_blank(size_t from, size_t to) const {
    for (size_t k = from; k < to;) {
      if (text_.substr(k, 2) == "\xC2\xA0") {
        k += 2;
      } else if (text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\r') {
        ++k;
      } else {
        return false;
      }
    }
    return true;
  }

  // "1." "2)" "(a)" "(iv)" "b)" "ii)" followed by a space; 0 when none. The
  // marker is skipped so it is not read as a word.
  size_t list_marker_length(size_t at, size_t eol) const {
    size_t k = at;
    bool paren = text_[k] == '(';
    if (paren) ++k;
    size_t mark = k;
    while (k < eol && k - mark <= 9 && is_ascii_alnum(static_cast<unsigned char>(text_[k]))) ++k;
    std::string_view label = text_.substr(mark, k - mark);
    if (label.empty() || k + 1 >= eol || text_[k + 1] != ' ') return 0;
    bool digits = label.find_first_not_of("0123456789") == std::string_view::npos;
    bool roman = label.size() <= 4 && label.find_first_not_of("ivx") == std::string_view::npos;
    bool letter = label.size() == 1 && label[0] >= 'a' && label[0] <= 'z';
    if (text_[k] == ')' && (digits || roman || letter)) return k + 1 - at;
    if (text_[k] == '.' && digits && !paren) return k + 1 - at;
    return 0;
  }

  void skip_fenced_block(size_t fence_at, char fence_char) {
    size_t n = 0;
    while (fence_at + n < text_.size() && text_[fence_at + n] == fence_char) ++n;
    end_sentence(false);
    size_t line = line_end(fence_at);
    while (line < text_.size()) {
      size_t start = line + 1;
      size_t j = start;
      while (j < text_.size() && text_[j] == ' ') ++j;
      size_t run = 0;
      while (j + run < text_.size() && text_[j + run] == fence_char) ++run;
      line = line_end(start);
      if (run >= n) break;
    }
    i_ = line < text_.size() ? line + 1 : line;
  }

  void step() {
    size_t i = i_;
    char c = text_[i];
    if (c == ' ') {  // the commonest byte between words
      ++i_;
      return;
    }
    char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
    if (is_ascii_alnum(static_cast<unsigned char>(c))) {  // a word: none of the marks below starts one
      bool after_word = i > 0 && is_ascii_alnum(static_cast<unsigned char>(text_[i - 1]));
      if (!after_word && skip_url()) return;
      return word();
    }
    if (c == '\\' && next != '\0' && !is_ascii_alnum(static_cast<unsigned char>(next))) {
      i_ += 2;
      return;
    }
    if (c == '`') return code_span();
    if (c == '<' && (is_ascii_alnum(static_cast<unsigned char>(next)) || next == '/' || next == '!') && html_tag())
      return;
    if (c == '&' && skip_entity()) return;
    if (c == ']' && next == '(' && skip_link_target()) return;
    if (is_word_start(text_, i)) {
      bool after_word = i > 0 && is_ascii_alnum(static_cast<unsigned char>(text_[i - 1]));
      if (!after_word && skip_url()) return;
      return word();
    }
    if (c == '.') {
      size_t k = i + 1;
      while (k < text_.size() && (text_[k] == ')' || text_[k] == '*' || text_[k] == '_' || text_[k] == '"' ||
                                  text_[k] == '\'' || is_right_single_quote(text_, k) ||
                                  text_.substr(k, 3) == "\xE2\x80\x9D"))
        k += utf8_sequence_length(static_cast<unsigned char>(text_[k]));
      if ((k >= text_.size() || is_space_at(text_, k)) && !abbreviation_before(i)) end_sentence(false);
    } else if (c == '?' || c == '!' || c == ';') {
      end_sentence(c == '?');
    } else if (c == ':') {
      mark_colon(i);
      pending_break_ = true;
    } else if (c == ',' || c == '(' || c == ')' || c == '[' || c == ']') {
      pending_break_ = true;
    } else if (c == '"') {
      quote_open_ = !quote_open_;
      pending_break_ = true;
    } else if (c == ' ' || c == '\n') {
      // nothing to mark
    } else if (c == '-' && i > 0 && text_[i - 1] == ' ' && next == ' ') {
      mark_dash(i, 1);  // "Action - Clerk to ...": a spaced hyphen labels like a colon
      pending_break_ = true;
    } else if (static_cast<unsigned char>(c) != 0xE2) {
      // not a dash or a curly quote
    } else if (text_.substr(i, 3) == "\xE2\x80\xA2") {
      end_sentence(false);  // "Actions agreed: • Finance to check ...": a bullet run into one line
      at_line_start_ = true;
    } else if (text_.substr(i, 3) == "\xE2\x80\x93" || text_.substr(i, 3) == "\xE2\x80\x94") {
      if (dash_opens_item(i)) {  // "Actions arising: – Clerk to send ...": a list run into one line
        end_sentence(false);
        at_line_start_ = true;
      } else {
        mark_dash(i, 3);  // en or em dash
      }
      pending_break_ = true;
    } else if (text_.substr(i, 3) == "\xE2\x80\x9C" || text_.substr(i, 3) == "\xE2\x80\x98") {
      quote_open_ = true;  // “ ‘
      pending_break_ = true;
    } else if (is_right_single_quote(text_, i) && !quote_open_ && i > 0 && ascii_lower(text_[i - 1]) == 's') {
      // "the consultants’ fees": a plural's apostrophe, not a closing quote (none is open)
    } else if (text_.substr(i, 3) == "\xE2\x80\x9D" || is_right_single_quote(text_, i)) {
      quote_open_ = false;  // ” ’ (an apostrophe inside a word never gets here)
      pending_break_ = true;
    }
    i_ += utf8_sequence_length(static_cast<unsigned char>(c));
  }

  // "Mr. D. Chant", "(e.g. a cyber-attack)": the full stop of a title, an
  // initial or "e.g." / "i.e." ends no sentence.
  bool abbreviation_before(size_t dot) const {
    size_t b = dot;
    while (b > 0 && is_ascii_alnum(static_cast<unsigned char>(text_[b - 1]))) --b;
    std::string_view w = text_.substr(b, dot - b);
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
    if (w.size() == 1 && b >= 2 && text_[b - 1] == '.' && is_ascii_alnum(static_cast<unsigned char>(text_[b - 2])) &&
        (b < 3 || !is_ascii_alnum(static_cast<unsigned char>(text_[b - 3]))))
      return true;  // "e.g", "i.e"
    if (w.size() < 2 || w.size() > 4) return false;
    char lower[5] = {};
    for (size_t k = 0; k < w.size(); ++k) lower[k] = ascii_lower(w[k]);
    std::string_view l(lower, w.size());
    return l == "mr" || l == "mrs" || l == "ms" || l == "dr" || l == "cllr" || l == "prof";
  }

  void word() {
    size_t begin = i_;
    size_t i = i_;
    size_t size = 0;  // of the word in lower_; counts on past its capacity
    uint64_t h = Vocabulary::kFnvStart;  // hashed as it is read, so the look-up does not read it again
    auto put = [&](char c) {
      if (size < sizeof lower_) lower_[size] = c;
      h = Vocabulary::fnv_step(h, c);
      ++size;
    };
    while (i < text_.size()) {
      auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x80 ? is_ascii_alnum(c) : is_word_start(text_, i)) {
        size_t n = c < 0x80 ? 1 : utf8_sequence_length(c);
        for (size_t k = 0; k < n && i < text_.size(); ++k) put(ascii_lower(text_[i++]));
      } else if (c == '\'' && i + 1 < text_.size() && is_word_start(text_, i + 1)) {
        put('\'');
        ++i;
      } else if (is_right_single_quote(text_, i) && i + 3 < text_.size() && is_word_start(text_, i + 3)) {
        put('\'');
        i += 3;
      } else {
        break;
      }
    }
    emit(begin, i, size < sizeof lower_ ? vocabulary_.find_hashed(std::string_view(lower_, size), h) : kOtherWord);
    i_ = i;
  }

  void code_span() {
    size_t n = 0;
    while (i_ + n < text_.size() && text_[i_ + n] == '`') ++n;
    // The span closes at the next run of exactly n backticks.
    size_t limit = paragraph_end();
    size_t k = i_ + n;
    while (k < limit) {
      size_t close = text_.find('`', k);
      if (close == std::string_view::npos || close >= limit) break;
      size_t m = 0;
      while (close + m < text_.size() && text_[close + m] == '`') ++m;
      if (m == n) {
        emit(i_, close + m, kOtherWord);
        i_ = close + m;
        return;
      }
      k = close + m;
    }
    i_ += n;  // no closing run: the backticks are literal
  }

  bool html_tag() {
    size_t close = text_.find('>', i_);
    if (close == std::string_view::npos || close >= paragraph_end()) return false;
    emit(i_, close + 1, kOtherWord);
    i_ = close + 1;
    return true;
  }

  bool skip_url() {
    static constexpr std::string_view kStarts[] = {"http://", "https://", "www.", "mailto:", "ftp://"};
    const char first = ascii_lower(text_[i_]);
    if (first != 'h' && first != 'w' && first != 'm' && first != 'f') return false;  // most words
    bool url = false;
    for (auto s : kStarts) url = url || starts_with_nocase(text_, i_, s);
    if (!url) return false;
    size_t k = i_;
    while (k < text_.size() && !is_space_at(text_, k) && text_[k] != '<' && text_[k] != '>' &&
           text_[k] != '"' && text_[k] != '`')
      ++k;
    // Sentence punctuation after a URL is prose, not part of the URL.
    while (k > i_ && std::string_view(".,;:!?)*_'").find(text_[k - 1]) != std::string_view::npos) --k;
    emit(i_, k, kOtherWord);
    i_ = k;
    return true;
  }

  bool skip_link_target() {
    int depth = 0;
    size_t limit = paragraph_end();
    for (size_t k = i_ + 1; k < limit; ++k) {
      if (text_[k] == '(') ++depth;
      if (text_[k] == ')' && --depth == 0) {
        i_ = k + 1;
        return true;
      }
    }
    return false;
  }

  bool skip_entity() {
    size_t k = i_ + 1;
    if (k < text_.size() && text_[k] == '#') ++k;
    size_t start = k;
    while (k < text_.size() && k - start < 10 && is_ascii_alnum(static_cast<unsigned char>(text_[k]))) ++k;
    if (k == start || k >= text_.size() || text_[k] != ';') return false;
    i_ = k + 1;
    return true;
  }

  // "Action:" and "**Action:**" both put the colon on the word.
  void mark_colon(size_t at) {
    if (!sentence_open_ || out_->tokens.empty()) return;
    Token& last = out_->tokens.back();
    for (size_t k = last.end; k < at; ++k)
      if (text_[k] != '*' && text_[k] != '_') return;
    last.colon_end = static_cast<uint32_t>(at + 1);
  }

  // A dash straight after a colon ends a list's lead-in, unless the colon
  // labels an action ("ACTION: – Clerk to ...", one promise).
  bool dash_opens_item(size_t at) const {
    size_t k = at;
    while (k > 0 && text_[k - 1] == ' ') --k;
    if (k == 0 || text_[k - 1] != ':' || !sentence_open_ || out_->tokens.empty()) return false;
    const Token& last = out_->tokens.back();
    std::string_view w = text_.substr(last.begin, last.end - last.begin);
    return !(w.size() >= 6 && w.size() <= 7 && starts_with_nocase(w, 0, "action"));
  }

  // "ACTION – Clerk", "RESOLVED – That": a dash after the word, spaces between.
  void mark_dash(size_t at, size_t length) {
    if (!sentence_open_ || out_->tokens.empty()) return;
    Token& last = out_->tokens.back();
    if (last.colon_end != 0) return;
    for (size_t k = last.end; k < at; ++k)
      if (text_[k] != ' ' && text_[k] != '*' && text_[k] != '_') return;
    last.colon_end = static_cast<uint32_t>(at + length);
  }

  std::string_view text_;
  const Vocabulary& vocabulary_;
  size_t i_ = 0;
  size_t paragraph_end_ = npos;  // not yet known
  bool sentence_open_ = false;
  bool at_line_start_ = true;
  bool pending_break_ = false;
  bool quote_open_ = false;
  char lower_[kLongestWord + 1];  // the current word in lower case, ’ as '
  Words* out_ = nullptr;
};

// ---------------------------------------------------------------- patterns
//
// A pattern is written as words separated by spaces:
//   a|b|c     one of these words          a|b?   optionally one of these
//   @set      one word of a named set     @set?  optionally
//   ~         up to two adverbs ("also", "then", "personally")
//   *N        up to N other words, none of them a verb like "was" or "not"
//   #N        up to N words of a title ("of Democratic Services")
//   :         the previous word is followed by a colon
//   ^         (first) the match starts a sentence

enum class Kind { Word, Adverbs, Filler, Title, Colon };

struct Element {
  Kind kind = Kind::Word;
  const WordSet* words = nullptr;  // Word, Adverbs: in PatternTable::element_sets (keeps Element small)
  bool optional = false;
  size_t max = 1;  // Adverbs, Filler, Title
};

enum class Guard {
  None,
  Modal,       // "would"/"will": not in a conditional or a reported question
  Commitment,  // "committed to": not "is committed to" (a statement of values)
  Verb,        // "agree to", "promise to": a verb, not "a promise to" (a noun) or "asked to agree to" (a request)
  Label,       // "Action:": capitalised, first in its sentence or after a bracket, not "minutes and actions:"
};

struct Pattern {
  bool anchored = false;
  std::vector<Element> elements;
  Guard guard = Guard::None;
  const char* construction = "";  // the tag its findings carry
};

std::string_view named_set(std::string_view name) {
  // Verbs of a task someone takes away from a meeting.
  if (name == "act")
    return "provide circulate report investigate write share send arrange review include check update "
           "confirm bring liaise contact clarify forward supply produce prepare explore find seek raise "
           "pursue chase speak look follow feed add ensure meet email";
  // Narrower after "would"/"will", which also describe how things are done.
  if (name == "would_act")
    return "provide circulate send share arrange confirm check clarify forward supply liaise investigate "
           "contact raise pursue chase email";
  if (name == "subject")
    return "officer officers clerk director directors manager managers head chair chairman chairperson "
           "vice leader team lead council service portfolio cabinet member members democratic monitoring";
  if (name == "audience")
    return "members member councillors councillor committee panel board cabinet everyone colleagues "
           "him her them all";
  if (name == "doc") return "report reports update updates briefing briefings programme minutes";
  if (name == "adv")
    return "also then further now shortly subsequently personally separately directly gladly happily duly "
           "soon promptly therefore additionally urgently formally jointly previously already originally earlier still";
  throw std::logic_error("promise_phrases: no word set @" + std::string(name));
}

struct PatternTable {
  Vocabulary vocabulary;
  std::deque<WordSet> element_sets;  // the sets patterns' elements point to (a deque never moves them)
  std::vector<Pattern> patterns;
  std::vector<std::vector<size_t>> by_first_word;  // by WordId: patterns that may start with it

  // Filler words never cross one of these: they start another clause or say
  // the thing has happened, may happen, or will not.
  WordSet stop = vocabulary.set_of(
      "was were is are am be been being had has have would will could should may might must not never no "
      "that which who whether if");
  WordSet negation = vocabulary.set_of(
      "not never no cannot can't couldn't didn't doesn't don't won't wouldn't isn't wasn't weren't unable "
      "nor neither");
  // Before "would": the sentence is a condition or a reported question.
  WordSet conditional = vocabulary.set_of("if whether unless whenever asked queried enquired inquired wondered questioned");
  // A sentence opening with one of these describes a procedure ("Where a complaint ...").
  WordSet procedure_opener = vocabulary.set_of("where should");
  // "is committed to", "remains fully committed to": values, not a promise.
  WordSet state = vocabulary.set_of("is are was were be been being am remain remains remained remaining fully very strongly");
  // Title words: capitalised words and these ("Head of Democratic Services"), never a verb.
  WordSet title_joiner = vocabulary.set_of("of for and the");
  WordSet title_verb = vocabulary.set_of("undertook undertake undertakes agree agrees promise promises said");

  // ---- clause rules (the sets below serve find_clause_promise and the exclusions)
  WordSet modal = vocabulary.set_of("would will shall i'll we'll");
  // A modal that carries its own subject: "I'll make sure ...".
  WordSet contracted_modal = vocabulary.set_of("i'll we'll");
  // After "would ... and": a follow-up that makes the whole a promise ("would take the views away and report back").
  WordSet follow_up = vocabulary.set_of(
      "report write respond reply circulate confirm provide send feed come update share forward return");
  // How often a procedure runs: with a passive, a standing arrangement ("would be reviewed annually").
  WordSet period = vocabulary.set_of("day week month quarter year term season time cycle round meeting "
                                     "spring summer autumn winter");
  // "every two years", "every other month": how many periods a cycle takes.
  WordSet periods = vocabulary.set_of("days weeks months quarters years");
  WordSet cycle_count = vocabulary.set_of("two three four five six other");
  // "as part of their normal duties": the word after the possessive.
  WordSet routine_adjective = vocabulary.set_of("normal usual routine regular ordinary everyday day-to-day core daily");
  // "as part of the restructure": a programme the step belongs to.
  WordSet programme_noun = vocabulary.set_of(
      "restructure restructuring review programme project scheme plan process transformation strategy "
      "budget savings reorganisation modernisation");
  WordSet frequency = vocabulary.set_of("annually quarterly monthly weekly yearly periodically routinely regularly");
  // Incoming cases a procedure handles: "Applications for the fund would be assessed ..." describes practice.
  WordSet case_noun_singular = vocabulary.set_of(
      "application complaint claim referral appeal enquiry inquiry request case bid objection representation");
  WordSet case_noun = vocabulary.set_of(
      "applications complaints claims referrals appeals enquiries inquiries requests cases bids objections "
      "representations");
  // "had said that ...", "had written, ...": an earlier statement reported, not a promise made now.
  WordSet earlier_statement = vocabulary.set_of(
      "said written stated promised agreed undertaken indicated confirmed told advised pledged announced committed "
      "assured offered informed");
  WordSet no_subject = vocabulary.set_of("no none neither");
  WordSet under = vocabulary.set_of("under");
  WordSet reporting_participle = vocabulary.set_of("reported presented brought submitted circulated provided");
  WordSet and_word = vocabulary.set_of("and");
  WordSet asked_requested = vocabulary.set_of("asked requested instructed invited directed");
  // A time after the meeting: "would now complete it in May".
  WordSet later_time = vocabulary.set_of(
      "next by before within following soon shortly january february march april may june july august september "
      "october november december spring summer autumn winter week weeks month months year");
  WordSet be = vocabulary.set_of("be");
  WordSet to = vocabulary.set_of("to");
  WordSet that = vocabulary.set_of("that");
  WordSet but = vocabulary.set_of("but however");
  WordSet adverb = vocabulary.set_of(named_set("adv"));
  // After a modal these describe a state, a forecast, an event or an act within the meeting.
  WordSet non_action = vocabulary.set_of(
      "be have like love prefer need want wish mean cost benefit result lead allow enable help depend require "
      "remain continue seem appear close open begin end start finish reopen happen occur apply expire lapse "
      "increase decrease rise fall vote abstain withdraw leave come go note notes noted welcome welcomes "
      "accept accepts approve approves endorse endorses agree agrees support supports "
      "expect hope feel think believe know understand say suggest suggests recommend recommends request "
      "requests like take deliver delivers pay fund finance appoint allocate adopt grant defer delegate read "
      "award donate "
      "struggle fail appreciate suffer lose value miss");
  // After "be": a state, an event, or a decision of the committee, not a follow-up task.
  WordSet non_action_participle = vocabulary.set_of(
      "funded allocated approved adopted granted refused deferred delegated appointed held closed opened "
      "required needed expected based affected involved located entitled obliged allowed permitted charged used "
      "dealt followed treated handled processed able pleased happy glad willing delighted minded delayed "
      "completed finished increased reduced determined decided subject available necessary possible "
      "difficult likely unlikely interested grateful carried recorded adjourned paid awarded donated noted "
      "accepted endorsed welcomed supported ratified "
      // work under way or a plan carried out, described: "the strategy would be developed", "implemented after call-in"
      "implemented developed finalised finalized built embedded rolled piloted trialled introduced phased "
      // running or publicising a service, consulting on a plan, how a meeting is conducted: the service's
      // business, not a follow-up task
      "publicised publicized promoted marketed consulted managed monitored maintained operated "
      "administered conducted minuted applied");
  WordSet irregular_participle = vocabulary.set_of(
      "brought taken sent given made put set shown done written drawn sought found kept told met spoken "
      "undertaken paid built chosen known seen begun run laid read lent fed");
  WordSet particle = vocabulary.set_of("up on out back into off sure forward down");
  // Verbs that "on" follows as a particle: "pass on", "follow on", "take on".
  WordSet takes_on = vocabulary.set_of(
      "pass passed carry carried take taken follow followed hand handed move moved put sign signed feed fed keep kept");
  // Heads that make a subject an actor: officers, posts, services, teams, the council, people.
  WordSet actor = vocabulary.set_of(
      "officer officers clerk director directors manager managers head heads chair chairman chairperson "
      "chairwoman leader leaders team teams service services council councils councillor councillors member "
      "members cabinet committee panel board engineer engineers adviser advisers advisor advisors lead leads "
      "registrar archivist assessor surveyor accountant solicitor lawyer coordinator planner inspector staff "
      "secretary treasurer mayor executive administrator analyst specialist worker workers partner partners "
      "i we he she they you portfolio holder chief i'll we'll caseworker caseworkers practitioner practitioners "
      "warden wardens nurse nurses highways representative representatives crew crews ranger rangers firefighters");
  // People and posts (not bodies): heading a subject, they make it an actor.
  WordSet post = vocabulary.set_of(
      "officer officers clerk director directors manager managers head heads lead leads engineer engineers "
      "adviser advisers advisor advisors coordinator planner inspector secretary treasurer executive "
      "administrator analyst specialist worker workers chief caseworker practitioner warden nurse "
      "representative representatives surveyor accountant solicitor");
  // The meeting's own body heading a subject: "the sub-committee would ...", "Members agreed to ...".
  WordSet own_body = vocabulary.set_of("committee committees panel board forum members party cabinet");
  WordSet preposition = vocabulary.set_of("on of for from to at with in");
  WordSet agenda_verb = vocabulary.set_of("receive consider review look hear scrutinise revisit");
  // A decision body as a passive's agent: "would be considered by Cabinet" is a schedule, not a task owed.
  WordSet deciding_participle = vocabulary.set_of("considered determined decided debated discussed approved");
  WordSet deciding_body = vocabulary.set_of("cabinet council executive committee sub-committee board panel");
  // An organisation heading the subject of "intended / planned to": its plan, not a person's undertaking.
  WordSet institution = vocabulary.set_of(
      "council authority service services team teams department departments directorate government trust "
      "partnership organisation programme scheme project");
  WordSet aim_word = vocabulary.set_of("aimed aim aims");
  // Verbs of telling someone something: with "the public" as hearer, a meeting's standing procedure.
  WordSet telling_verb = vocabulary.set_of("tell remind inform advise explain make");
  WordSet recording_noun = vocabulary.set_of("recording recordings webcast webcasts livestream broadcast video audio");
  WordSet have = vocabulary.set_of("has have having");
  // "Need to look at ...", "Want to see ...": a note's verb of need or wish opens the line, not an owner.
  // "Reason – to meet the requirements ...": a label's word opens the line, not an owner.
  WordSet need_word = vocabulary.set_of(
      "need needs have has ought want wants wish wishes hope hopes try tries reason reasons purpose objective "
      // "Continue to work with the roads department ... E. Durie.": work that goes on, not a new task.
      "continue continues");
  // "A decision would be taken at the November meeting": when a decision falls, a schedule.
  WordSet decision_noun = vocabulary.set_of("decision decisions determination");
  WordSet decide_verb = vocabulary.set_of("approve agree consider note endorse adopt ratify determine decide sign");
  // "It was agreed to invite the manager", "to add this", "to refer it to Cabinet": what a
  // committee decides for itself. ("It was agreed to circulate the note" leaves someone a task.)
  WordSet committee_act_verb = vocabulary.set_of(
      "invite add donate recommend accept delegate defer support appoint nominate grant award refer hold "
      "approve endorse adopt note ratify decline reject co-opt");
  // "Each member of the public shall be limited to four minutes": a rule for everyone, a standing order.
  WordSet every_word = vocabulary.set_of("each every");
  WordSet minutes_word = vocabulary.set_of("minutes minute");
  // "It was important that ...", "to be assured that ...": what members want to be true, not a task owed.
  WordSet evaluative = vocabulary.set_of("important essential vital crucial imperative necessary assured reassured");
  // A named later meeting or time; "year" alone ("this year") is a work plan's span.
  WordSet meeting_time = vocabulary.set_of(
      "meeting next january february march april may june july august september october november december "
      "spring summer autumn winter months weeks");
  // A committee acting for itself in a decision is not an officer named to act.
  WordSet committee = vocabulary.set_of("committee panel board cabinet council members sub forum group meeting");
  // Generic people a procedure is done to: "Complainants would be informed ..." describes practice.
  WordSet generic_people = vocabulary.set_of(
      "complainants applicants residents tenants customers clients people families parents carers users "
      "claimants patients pupils students individuals households businesses these those they");
  WordSet first_person = vocabulary.set_of("i we us our my i'll we'll");
  WordSet habitual = vocabulary.set_of(
      "normally usually generally typically routinely always ordinarily automatically regularly often "
      "practice policy procedure protocol whenever");
  WordSet when_where = vocabulary.set_of("when where once after whenever");
  WordSet indefinite = vocabulary.set_of("a an any");
  // Words that make a noun phrase particular; a bare plural without one is generic ("complaints would be ...").
  WordSet determiner = vocabulary.set_of("the this that these those its their his her our your my a an each every some");
  WordSet open_condition = vocabulary.set_of("if unless");
  WordSet past_perfect = vocabulary.set_of("had");
  // "felt that ... would", "It was anticipated that ... would": a view or forecast, not a promise.
  WordSet opinion = vocabulary.set_of(
      "felt thought believed hoped considered anticipated expected predicted suggested recommended wished "
      "feared worried assumed estimated projected forecast concerned hopeful confident view opinion envisaged envisioned expectation");
  // Starts a clause: the subject of a modal is looked for after the nearest of these.
  WordSet clause_word = vocabulary.set_of(
      "that which who and but or once when after before until so because while although though whereas "
      "if unless whether said confirmed advised stated replied indicated explained added reported agreed "
      "responded noted");
  WordSet agreed = vocabulary.set_of("agreed agree agrees");
  WordSet was_it = vocabulary.set_of("was were it also further");
  WordSet commitment = vocabulary.set_of("offered offer offers intended intend intends planned plan plans aimed aim aims");
  WordSet resolved = vocabulary.set_of("resolved agreed");
  WordSet asks = vocabulary.set_of("asks requests instructs invites directs authorises authorizes");
  WordSet the = vocabulary.set_of("the a an");
  WordSet action_label = vocabulary.set_of("action actions");
  WordSet function_word = vocabulary.set_of(
      "the a an it this there these those that its in at on for of to with by from as following following "
      "according some all each every any no further details options figures copies");
  // Outside bodies: their plans are information, not the council's undertakings.
  WordSet outside_body = vocabulary.set_of(
      "company companies commissioner government grid trust operator operators police nhs county agency "
      "provider providers contractor developer developers landlord landlords utility network rail commission");
  // Parties to an application who speak at a planning or licensing hearing:
  // what they say of the scheme describes it; the council promises nothing.
  WordSet applicant_party = vocabulary.set_of(
      "applicant applicant's applicants agent agent's developer developer's architect objector objectors "
      "supporter supporters petitioner petitioners");
  // Bare plurals that are one errand, not a class of cases: "Quotes would be obtained".
  WordSet fetched_plural = vocabulary.set_of("quotes quotations estimates prices costings copies details figures");
  // Who acts, after "by", when the act is an outside body's: "signed off by the external auditor".
  WordSet outside_agent = vocabulary.set_of(
      "auditor auditors ombudsman inspector inspectors inspectorate regulator regulators government ofsted cqc "
      "insurer insurers court courts tribunal secretary minister volunteers");
  // NHS bodies that commission or plan care: outside the council's undertakings.
  WordSet correspondence = vocabulary.set_of("letter email e-mail reply response answer note copy");
  WordSet ask_if = vocabulary.set_of("ask asking check checking enquire enquiring establish see out");
  // What "would be forthcoming": a paper or an answer someone owes.
  WordSet owed_paper = vocabulary.set_of(
      "report reports update updates response responses reply replies answer answers information details briefing note");
  WordSet governing_body = vocabulary.set_of("group groups partnership partnerships network networks board boards forum");
  WordSet governing_verb = vocabulary.set_of("oversee discuss monitor steer coordinate govern scrutinise drive");
  WordSet health_body = vocabulary.set_of("ccg ccgs icb icbs commissioning");
  WordSet other_tier = vocabulary.set_of("district District county County borough Borough unitary Unitary");
  WordSet embedded_question = vocabulary.set_of("how what why whether if asked asking queried enquired inquired wondered questioned");
  WordSet now = vocabulary.set_of("now");
  WordSet defer_word = vocabulary.set_of("defer defers deferred deferring postpone postponed hold held");
  // Posts that own an owner line's task besides the post set's: "Chair to write", "Clerk to action".
  WordSet owner_post = vocabulary.set_of("clerk chair chairman chairperson treasurer secretary mayor");
  // "how to fill the places": a question word before "to" keeps the question ("asked to" is a request).
  WordSet wh_word = vocabulary.set_of("how what why whether which where when who");
  // "It was decided we would ...", "Members resolved that ...": the meeting's own decision.
  WordSet decision_word = vocabulary.set_of("decided resolved determined");
  // An action log's status after a dash: "... to be stored as evidence.- Completed".
  WordSet done_status = vocabulary.set_of("completed complete done closed actioned delivered resolved");
  // "so that they would only collect", "in order that": a purpose, not a task.
  WordSet purpose_opener = vocabulary.set_of("so order");
  // A past main verb of the committee's decision: with it an infinitive describes a noun of the decision.
  WordSet decision_main = vocabulary.set_of("agreed decided resolved approved noted");
  WordSet clause_head = vocabulary.set_of(
      "would will shall offered offer offers intended intend intends planned plan plans aimed aim aims agreed "
      "agree agrees undertook undertake undertakes promise promises said to that asks requests instructs "
      "invites directs authorises authorizes i'll we'll");
  WordSet arrange_ask = vocabulary.set_of("arrange arranges ask asks call calls wait waiting push pressing");
  WordSet is_was = vocabulary.set_of("is was are were");
  // Words that carry a clause's tense: with one of them the sentence has a main verb of its own.
  WordSet finite = vocabulary.set_of("is was are were would will could should might may can must had has have am");
  WordSet effort = vocabulary.set_of("endeavour endeavor try seek attempt strive");
  // "Under the scheme", "Under the terms of the lease": a standing arrangement.
  WordSet standing_terms = vocabulary.set_of(
      "scheme rules arrangements terms lease contract agreement constitution regulations legislation law");
  // Between a passive and the class of cases it is done to: "taken against any trader who ...".
  WordSet case_preposition = vocabulary.set_of("against to for on with from");
  // Who hears a follow-up: "sent out to Members".
  WordSet audience = vocabulary.set_of(named_set("audience"));
  // Whoever it may be: a rule for every case, not one task.
  WordSet anyone = vocabulary.set_of("anyone anybody whoever");
  // Nouns of a commitment withheld: "No commitment could be given that ...".
  WordSet commitment_noun = vocabulary.set_of("commitment guarantee guarantees assurance assurances promise promises");
  // A seat or post that "would be filled": an appointment, a decision.
  WordSet post_noun = vocabulary.set_of("seat seats vacancy vacancies post posts position positions place places role roles");
  // What a quotation read out comes from: then even "We will ..." is not a promise made here.
  WordSet quoted_source = vocabulary.set_of(
      "manifesto pledge pledges letter email statement minutes report read quoted cited recited");
  // Verbs that after "would" can be a state or an act within the meeting, but
  // are a task once someone offers or is given them: "offered to lead a walk",
  // "Treasurer to pay the invoice".
  // After "which would/will (be)": a thing on its way to Members ("a plan, which will be sent to Members").
  WordSet relative_task = vocabulary.set_of(
      "send sent circulate circulated forward forwarded share shared provide provided distribute distributed "
      "email emailed");
  WordSet task_when_given = vocabulary.set_of("lead help attend support take host chair join pay have apply");
  // An imperative under an "Action" heading: the verbs of a task taken away.
  WordSet task_verb = vocabulary.set_of(named_set("act"));
  // A sum of money: what "would be given" to a cause is a decision, not a task.
  WordSet money = vocabulary.set_of(
      "surplus funding money grant grants budget donation donations sum sums contribution reserves underspend "
      "proceeds income");
  WordSet money_participle = vocabulary.set_of("given transferred spent allocated returned donated received");
  // A thing heading a subject: with an active verb it describes what the thing does, no one acts.
  WordSet thing_noun = vocabulary.set_of(
      "version versions statement statements strategy strategies plan plans policy policies framework frameworks "
      "document documents fund funds funding meetings programme programmes scheme schemes project projects "
      "system systems process processes proposal proposals changes arrangements model");
  // Ends a subject's head noun: "meetings between ...", "version of ...".
  WordSet head_ender = vocabulary.set_of("of for from to at with in on between within across about under over by which who that");
  // What a body does with its own publication: "the Commission's proposals would be published".
  WordSet publication_participle = vocabulary.set_of("published issued released announced launched");
  // "content for the hedges to be laid": a wish or consent, not a task.
  WordSet willing = vocabulary.set_of("content happy willing keen eager pleased glad ready anxious satisfied time");
  // An answer reported after a question: "Asked about X, the Manager said that he would ...".
  WordSet reply = vocabulary.set_of("said confirmed advised stated replied indicated explained responded undertook agreed offered");
  WordSet inverted_condition = vocabulary.set_of("should were had");
  // A document's words reported: "The previous minutes stated that ...".
  WordSet document = vocabulary.set_of(
      "minutes minute report log tracker plan strategy appendix document paper case motion amendment petition");
  WordSet document_verb = vocabulary.set_of("stated recorded read said noted showed proposed assumed explained set included");
  WordSet for_word = vocabulary.set_of("for");
  WordSet before_to_be = vocabulary.set_of(
      "need needs needed expected due likely unlikely seemed appeared going ought used asked requested wanted "
      "wished continue continued continues appear appears seem seems have has had is are was were am be "
      "remain remains remained");

  PatternTable() {
    // Someone takes a task away: "agreed to provide", "Officers to circulate".
    static constexpr std::string_view kTaskHeads[] = {
        "agreed|agree|agrees ~ to ~",
        "^ the? @subject #3 to ~",
        "action|actions : the? @subject #3 to ~",
    };
    // Something will happen later: "would circulate", "will be included in the next report".
    static constexpr std::string_view kModalHeads[] = {
        "would|will ~",
        "would|will ~ be happy|pleased|glad|willing to ~",
    };
    static constexpr std::string_view kModalTails[] = {
        "@would_act",
        "report|feed|come back",
        "write to",
        "look into|at",
        "follow up",
        "find out",
        "update|brief|inform|advise the? @audience",
        "bring *4 back",
        "be ~ circulated",
        "be ~ shared with",
        "be ~ sent|forwarded|emailed|provided|presented|reported|brought|fed to|back",
        "be ~ made available",
        "be ~ included|reflected|covered|addressed in *4 @doc",
        "be ~ added to *3 programme|plan|agenda|@doc",
    };
    static constexpr const char* kTaskConstructions[] = {"agreed-to", "owner-to", "action-line"};
    for (size_t i = 0; i < std::size(kTaskHeads); ++i)
      add(std::string(kTaskHeads[i]) + " @act", i == 0 ? Guard::Verb : Guard::None, kTaskConstructions[i]);
    for (auto head : kModalHeads)
      for (auto tail : kModalTails) {
        bool happy = head.find("happy") != std::string_view::npos;
        bool passive = tail.substr(0, 3) == "be ";
        add(std::string(head) + " " + std::string(tail), Guard::Modal,
            happy ? "happy-to" : passive ? "would-be-passive" : "would-task");
      }
    add("the? @audience would|will ~ be ~ kept? updated|informed|briefed|notified|advised|sent", Guard::Modal,
        "would-be-passive");
    // "an update would follow", "a written response will follow": the answer is owed.
    add("update|updates|response|reply|answer|answers|briefing|details would|will follow", Guard::Modal, "would-follow");
    add("undertook|undertake|undertakes|undertaken|undertaking to", Guard::None, "undertook-to");
    add("promised|promise|promises to", Guard::Verb, "promised-to");
    add("committed to", Guard::Commitment, "committed-to");
    add("to be ~ circulated", Guard::None, "to-be-passive");
    add("to report|feed back", Guard::None, "to-report-back");
    // A deferral to a later meeting: someone must bring the item back.
    add("defer|defers|deferred|deferring|postpone|postponed *3 until|to the|a? next|following|future|later meeting",
        Guard::None, "deferral");
    add("hold|held *3 over until|to the|a? next|following|future|later meeting", Guard::None, "deferral");
    add("^ for the? agenda|discussion|consideration at|for|of the? next|following meeting", Guard::None, "next-agenda");
    add("action|actions :", Guard::Label, "action-line");
    add("action point|points :", Guard::Label, "action-line");
  }

  void add(std::string_view spec, Guard guard, const char* construction) {
    Pattern p = compile(spec, guard);
    p.construction = construction;
    // Index by every word that can come first (optional words let later ones lead).
    by_first_word.resize(kMaxWords);
    for (const Element& e : p.elements) {
      for (size_t id = 0; id < kMaxWords; ++id)
        if (e.words && e.words->test(id) && (by_first_word[id].empty() || by_first_word[id].back() != patterns.size()))
          by_first_word[id].push_back(patterns.size());
      if (!e.optional) break;
    }
    patterns.push_back(std::move(p));
  }

  Pattern compile(std::string_view spec, Guard guard) {
    Pattern p;
    p.guard = guard;
    size_t start = 0;
    while (start < spec.size()) {
      size_t end = spec.find(' ', start);
      if (end == std::string_view::npos) end = spec.size();
      std::string_view s = spec.substr(start, end - start);
      start = end + 1;
      if (s.empty()) continue;
      if (s == "^") {
        p.anchored = true;
        continue;
      }
      Element e;
      if (s == ":") {
        e.kind = Kind::Colon;
      } else if (s == "~") {
        e.kind = Kind::Adverbs;
        e.words = &element_sets.emplace_back(vocabulary.set_of(named_set("adv")));
        e.max = 2;
      } else if (s[0] == '*' || s[0] == '#') {
        e.kind = s[0] == '*' ? Kind::Filler : Kind::Title;
        e.max = static_cast<size_t>(std::stoi(std::string(s.substr(1))));
      } else {
        if (s.back() == '?') {
          e.optional = true;
          s.remove_suffix(1);
        }
        // "a|b|@set": words and named sets may be mixed.
        WordSet words;
        size_t from = 0;
        while (from < s.size()) {
          size_t to = s.find('|', from);
          if (to == std::string_view::npos) to = s.size();
          std::string_view alt = s.substr(from, to - from);
          words |= vocabulary.set_of(alt[0] == '@' ? named_set(alt.substr(1)) : alt);
          from = to + 1;
        }
        e.words = &element_sets.emplace_back(words);
      }
      p.elements.push_back(std::move(e));
    }
    return p;
  }
};

// ---------------------------------------------------------------- matching

/// Whether the word `back` tokens before the head t negates it. "not" and a
/// participle just before the head ("the questions not reached would be
/// answered") close a reduced relative clause of the subject, and negate
/// nothing of the head. Shared by the patterns and the clause rules.
bool negates(std::string_view text, const Words& w, const WordSet& negation, size_t t, size_t back) {
  if (!negation.test(w.tokens[t - back].id)) return false;
  if (back != 2 || w.tokens[t - 1].capitalised) return true;
  auto word = [&](size_t k) { return text.substr(w.tokens[k].begin, w.tokens[k].end - w.tokens[k].begin); };
  std::string_view participle = word(t - 1);
  auto ends = [&](std::string_view tail) {
    return participle.size() > tail.size() + 1 && participle.substr(participle.size() - tail.size()) == tail;
  };
  return !(word(t - 2) == "not" && (ends("ed") || ends("en") || ends("wn")));
}

class Matcher {
 public:
  Matcher(std::string_view text, const Words& words, const PatternTable& table)
      : text_(text), w_(words), table_(table), conditional_seen_(scratch()) {
    conditional_seen_.assign(words.tokens.size(), 0);
    // Precomputed so a long sentence with many "would"s stays linear.
    for (size_t k = 0; k < w_.tokens.size(); ++k) {
      bool starts = w_.sentences[w_.tokens[k].sentence].first_token == k;
      conditional_seen_[k] = is(table_.conditional, k) || (!starts && conditional_seen_[k - 1]);
    }
  }

  /// Token index just past the match of `p` starting at token t, or npos.
  size_t match(const Pattern& p, size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (p.anchored && w_.sentences[s].first_token != t) return npos;
    return match_from(p, 0, t, s);
  }

  /// False when the context shows the words are not a promise.
  bool guards_pass(const Pattern& p, size_t t) const {
    const Sentence& sentence = w_.sentences[w_.tokens[t].sentence];
    if (sentence.question) return false;
    for (size_t back = 1; back <= 2 && t >= sentence.first_token + back; ++back)
      if (negates(text_, w_, table_.negation, t, back)) return false;
    if (p.guard == Guard::Modal) {
      if (is(table_.procedure_opener, sentence.first_token)) return false;
      if (t > sentence.first_token && conditional_seen_[t - 1]) return false;
    }
    if (p.guard == Guard::Commitment) {
      for (size_t back = 1; back <= 2 && t >= sentence.first_token + back; ++back)
        if (is(table_.state, t - back)) return false;
    }
    if (p.guard == Guard::Label && t > sentence.first_token && !w_.tokens[t].capitalised && !w_.tokens[t].break_before)
      return false;
    if (p.guard == Guard::Verb && t > sentence.first_token && (is(table_.determiner, t - 1) || is(table_.to, t - 1)))
      return false;
    return true;
  }

 private:
  bool is(const WordSet& set, size_t t) const { return set.test(w_.tokens[t].id); }

  bool in_sentence(size_t t, uint32_t s) const { return t < w_.tokens.size() && w_.tokens[t].sentence == s; }

  size_t match_from(const Pattern& p, size_t e, size_t t, uint32_t s) const {
    if (e == p.elements.size()) return t;
    const Element& el = p.elements[e];
    switch (el.kind) {
      case Kind::Colon:
        if (t > 0 && w_.tokens[t - 1].colon_end != 0) return match_from(p, e + 1, t, s);
        return npos;
      case Kind::Word: {
        if (in_sentence(t, s) && is(*el.words, t)) {
          size_t r = match_from(p, e + 1, t + 1, s);
          if (r != npos) return r;
        }
        return el.optional ? match_from(p, e + 1, t, s) : npos;
      }
      case Kind::Adverbs:
      case Kind::Filler:
      case Kind::Title:
        for (size_t k = 0;; ++k) {  // fewest words first
          size_t r = match_from(p, e + 1, t + k, s);
          if (r != npos) return r;
          if (k == el.max || !in_sentence(t + k, s) || !fits(el, t + k)) return npos;
        }
    }
    return npos;
  }

  bool fits(const Element& el, size_t t) const {
    if (el.kind == Kind::Adverbs) return is(*el.words, t);
    if (el.kind == Kind::Filler) return !is(table_.stop, t);
    // Title: "Head of Democratic Services", "Director, People" -- not "The officers undertook".
    if (is(table_.title_joiner, t)) return true;
    const Token& token = w_.tokens[t];
    if (!token.capitalised || is(table_.stop, t) || is(table_.title_verb, t)) return false;
    bool past_tense = token.end - token.begin > 2 && ascii_lower(text_[token.end - 2]) == 'e' &&
                      ascii_lower(text_[token.end - 1]) == 'd';
    return !past_tense;
  }

  std::string_view text_;
  const Words& w_;
  const PatternTable& table_;
  // Reused by each text a thread reads (one Matcher per thread at a time).
  static std::vector<char>& scratch() {
    thread_local std::vector<char> v;
    return v;
  }
  std::vector<char>& conditional_seen_;  // a conditional word at or before token k in its sentence
};

// ---------------------------------------------------------------- clause rules
//
// The phrase patterns above find the fixed phrasings. The rules below read a
// clause: a future commitment (a modal with an action verb, active or passive;
// offered / intended / planned / aimed to; an ACTION line; an owner bullet; a
// RESOLVED line naming an officer), an actor for it, and the named exclusions.
// Every back or forward look is bounded, so the whole pass stays linear.

/// Why a commitment-looking clause is not a promise (each a named rule).
enum class Exclusion {
  None,
  Question,     // a question, or a reported question ("asked whether ... would")
  Conditional,  // an open condition: if, unless (could, might, may never commit)
  Negation,     // "would not", "did not agree to"
  PastPerfect,  // "had undertaken to": an earlier promise, now delivered
  Habitual,     // how a service normally works, or a standing policy
  Quotation,    // a quotation of earlier text (first-person direct speech excepted)
  Opinion,      // "felt that ... would", "It was anticipated that ...": a view or a forecast
  Resolved,     // the committee's own RESOLVED decision, no officer named to act
  WithinMeeting,  // "the Chair would now ...": an act within the meeting
  ThirdParty,     // "According to the rail operator, ...": an outside body's plans, reported
  Relative,       // "the project, which would see ...": what a thing will do or have done to it
  OwnBusiness,    // "the sub-committee would look at ...", "Members agreed to ...": the committee's own work
};

constexpr size_t kLookBack = 24;  // tokens; bounds every backward look

class ClauseRules {
 public:
  ClauseRules(std::string_view text, const Words& words, const PatternTable& table)
      : text_(text), w_(words), table_(table) {
    const size_t n = w_.tokens.size();
    sentence_end_.resize(w_.sentences.size());
    for (size_t s = 0; s < w_.sentences.size(); ++s)
      sentence_end_[s] = s + 1 < w_.sentences.size() ? w_.sentences[s + 1].first_token : n;
    resolved_.assign(w_.sentences.size(), false);
    habitual_.assign(w_.sentences.size(), kUnknown);
    for (size_t s = 0; s < w_.sentences.size(); ++s) {
      size_t f = w_.sentences[s].first_token;
      bool opens = false;
      if (f < sentence_end_[s] && is(table_.resolved, f)) {
        const Token& t = w_.tokens[f];
        bool upper = t.end - t.begin > 1 && text_[t.begin + 1] >= 'A' && text_[t.begin + 1] <= 'Z';
        bool resolved_word = ascii_lower(text_[t.begin]) == 'r';
        bool then_that = f + 1 < sentence_end_[s] && is(table_.that, f + 1);
        opens = t.capitalised && (t.colon_end != 0 || upper || (resolved_word && then_that));
      }
      resolved_[s] = opens || (s > 0 && !w_.sentences[s].line_start && resolved_[s - 1]);
    }
  }

  struct Found {
    size_t head = 0;       // first token of the span
    size_t last = 0;       // last token of the span
    size_t begin = 0, end = 0;  // bytes
    bool action_line = false;
    const char* construction = "";  // the tag of the rule that found it
  };

  bool resolved(uint32_t s) const { return resolved_[s]; }
  /// The modal at t has a subject of its own, and no word of it is an actor,
  /// a name or an outside body: a thing ("The plan would provide ...").
  bool subject_is_a_thing(size_t t) const {
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    if (agreed_that || is(table_.contracted_modal, t)) return false;
    bool any = false;
    for (size_t k = from; k < t; ++k) {
      if (adverb(k)) continue;
      any = true;
      if (is(table_.actor, k) || is(table_.outside_body, k) || (w_.tokens[k].capitalised && !is(table_.function_word, k)))
        return false;
    }
    return any;
  }
  /// The modal at t has a subject of its own whose head noun (the word before its first
  /// preposition) is a document, plan, fund or event: "The final version of the Statement
  /// would include ...", "Regular meetings between the Leader and ... will ensure ...".
  bool subject_head_is_a_thing(size_t t) const {
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    if (agreed_that || is(table_.contracted_modal, t) || from >= t) return false;
    // "meetings between the Leader and the Chief Constable will ...": an "and" inside the subject,
    // with no verb before it, joins two nouns, not two clauses.
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    while (from > first + 1 && is(table_.and_word, from - 1) && !w_.tokens[from - 1].break_before) {
      size_t k = from - 1;
      while (k > first && t - k < kLookBack && !is(table_.clause_word, k - 1) && !is(table_.finite, k - 1) &&
             !w_.tokens[k - 1].break_before)
        --k;
      if (k > first && (is(table_.finite, k - 1) || (is(table_.clause_word, k - 1) && !is(table_.and_word, k - 1) &&
                                                     !is(table_.that, k - 1))))
        break;
      from = k;
    }
    size_t head = npos;
    for (size_t k = from; k < t; ++k) {
      if (k > from && (is(table_.head_ender, k) || w_.tokens[k].break_before)) break;
      if (!adverb(k)) head = k;
    }
    return head != npos && is(table_.thing_noun, head);
  }
  /// "offered", "agreed", "undertook": a verb that makes a commitment of its own.
  bool commitment_word(size_t t) const { return is(table_.commitment, t) || is(table_.agreed, t) || is(table_.title_verb, t); }
  WordId head_word(size_t t) const { return w_.tokens[t].id; }
  size_t sentence_end(uint32_t s) const { return sentence_end_[s]; }

  /// Whether the ACTION line that is sentence `line` restates sentence `before`:
  /// it names no task of its own ("ACTION: AB"), or shares a word of the task
  /// ("… would circulate the figures. Action: DK to circulate figures").
  /// "Action: Clerk to obtain quotes" after another promise is a second one.
  bool restates(uint32_t before, uint32_t line) const {
    auto content = [&](size_t k) {
      std::string_view w = word(k);
      if (w.size() < 4) return false;
      for (char c : w)
        if (!std::islower(static_cast<unsigned char>(c))) return false;  // names, initials, "Action"
      return w != "would" && w != "will" && w != "with" && w != "that" && w != "this" && w != "from" &&
             w != "their" && w != "there" && w != "been" && w != "have" && w != "into" && w != "about";
    };
    bool any = false;
    for (size_t k = w_.sentences[line].first_token; k < sentence_end_[line]; ++k) {
      if (!content(k)) continue;
      any = true;
      for (size_t j = w_.sentences[before].first_token; j < sentence_end_[before]; ++j)
        if (content(j) && word(j) == word(k)) return true;
    }
    return !any;
  }

  /// A promise found by a clause rule with its head at token t.
  bool find(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    // Only these words, or a sentence's first word, can head a clause rule.
    if (!is(table_.clause_head, t) && w_.sentences[s].first_token != t) return false;
    out.construction = "";
    auto found = [&](bool ok, const char* construction) {
      if (ok && !*out.construction) out.construction = construction;
      return ok;
    };
    if (resolved_[s]) return found(resolved_rule(t, out), "resolved-officer");
    return found(action_line(t, out), "action-line") || found(owner_to(t, out), "owner-to") ||
           found(owner_after_break(t, out), "owner-to") || found(modal(t, out), "would-task") ||
           found(commitment(t, out), "commitment-to") || found(passive_infinitive(t, out), "to-be-passive");
  }

  /// Narrows a hint's bytes to its verb group, however it was found: the
  /// modal or commitment verb through the main verb and a particle that
  /// follows at once ("would be brought", "undertook to investigate", "to
  /// check" of an owner bullet, "I will write"); an ACTION line from its
  /// label through the owner or first verb. Leaves a shape it does not know.
  void verb_group(Found& f) const {
    uint32_t s = w_.tokens[f.head].sentence;
    if (f.action_line) {
      if (f.head == f.last && w_.tokens[f.head].colon_end == f.end) {  // only an owner: take in the owner's words
        size_t k = f.head + 1;
        while (in(k, s) && (k == f.head + 1 || !w_.tokens[k].break_before) &&
               (w_.tokens[k].capitalised || is(table_.title_joiner, k)) && k - f.head <= 8)
          ++k;
        if (k > f.head + 1 && w_.tokens[k - 1].capitalised) f.end = w_.tokens[k - 1].end;
      } else if (!is(table_.particle, f.last) && in(f.last + 1, s) && is(table_.particle, f.last + 1) &&
                 !w_.tokens[f.last + 1].break_before) {
        f.end = w_.tokens[f.last + 1].end;  // "ACTION: A further report to be brought back"
      }
      return;
    }
    // A deferral: the verb and its "over" ("hold this item over"), not the meeting it goes to.
    if (is(table_.defer_word, f.head)) {
      size_t last = f.head;
      for (size_t k = f.head + 1; k <= f.last && k <= f.head + 4; ++k)
        if (word(k) == "over") last = k;
      f.end = w_.tokens[last].end;
      return;
    }
    size_t c = f.head;
    while (c <= f.last && !is(table_.modal, c) && !is(table_.commitment, c) && !is(table_.agreed, c) &&
           !is(table_.title_verb, c) && word(c) != "committed" && word(c) != "promised" && word(c) != "undertaking" && !is(table_.to, c) &&
           !is(table_.be, c))
      ++c;
    if (c > f.last) return;
    size_t begin = c, v = npos;
    auto skip_adverbs = [&](size_t k) {
      while (in(k, s) && k - c <= 5 && adverb(k)) ++k;
      return k;
    };
    if (is(table_.modal, c) || is(table_.be, c)) {  // "would ...", and "be asked to ..." of a decision
      if (is(table_.modal, c) && c > 0 && in(c - 1, s) && is(table_.first_person, c - 1) && w_.tokens[c].quoted)
        begin = c - 1;  // direct speech: "I will write"
      size_t k = is(table_.be, c) ? c : skip_adverbs(c + 1);
      if (is(table_.contracted_modal, c)) k = skip_adverbs(c + 1);
      if (in(k, s) && is(table_.now, k)) ++k;
      if (in(k, s) && is(table_.be, k)) {
        k = skip_adverbs(k + 1);
        // be happy to / be asked to ("be writing to" is a progressive and its preposition)
        if (in(k + 2, s) && is(table_.to, k + 1) && !action_participle(k) && !ends_with(k, "ing")) k = k + 2;
        else if (in(k + 2, s) && is(table_.asked_requested, k) && is(table_.to, k + 1)) k = k + 2;
        else if (in(k + 1, s) && word(k) == "in" && (word(k + 1) == "touch" || word(k + 1) == "contact")) k = k + 1;
      }
      v = k;
    } else if (is(table_.to, c)) {  // an owner bullet, "X to be confirmed"
      if (c > f.head && (word(c - 1) == "is" || word(c - 1) == "are")) begin = c - 1;  // "HR is to organise"
      size_t k = c + 1;
      if (in(k + 1, s) && is(table_.be, k)) ++k;
      v = k;
    } else {  // undertook / agreed / promised / offered / committed to
      if (!in(c + 2, s) || !is(table_.to, c + 1)) return;
      v = skip_adverbs(c + 2);
    }
    if (!in(v, s) || !lowercase(v)) return;
    // "Clerk to action": the verb alone says nothing, so the owner stays in the span.
    if (word(v) == "action" && is(table_.to, c) && f.head < c) begin = f.head;
    // "would endeavour to provide": the effort and the task are one verb group.
    if (in(v + 2, s) && is(table_.effort, v) && is(table_.to, v + 1) && lowercase(v + 2)) v = v + 2;
    // "agreed to start looking": starting and the task are one verb group.
    if (in(v + 1, s) && (word(v) == "start" || word(v) == "begin") && ends_with(v + 1, "ing")) v = v + 1;
    // A particle that follows at once, and "make sure".
    size_t last = in(v + 1, s) && particle_after(v) && !w_.tokens[v + 1].break_before ? v + 1 : v;
    // After a participle, "on" or "into" before a noun is a preposition:
    // "published on the website", "taken into account"; "passed on to" keeps it.
    if (last == v + 1 && action_participle(v) && (word(last) == "on" || word(last) == "into") &&
        in(last + 1, s) && !is(table_.to, last + 1) && !w_.tokens[last + 1].break_before)
      last = v;
    while (last + 1 < w_.tokens.size() && w_.tokens[last + 1].sentence == s &&
           w_.tokens[last + 1].begin == w_.tokens[last].end + 1 && text_[w_.tokens[last].end] == '-')
      ++last;  // "re-examine"
    f.begin = w_.tokens[begin].begin;
    f.end = w_.tokens[last].end;
  }

  /// The named exclusion that applies to a commitment whose head is token t.
  Exclusion exclusion(size_t t, bool check_condition_after = true) const {
    uint32_t s = w_.tokens[t].sentence;
    const Sentence& sentence = w_.sentences[s];
    size_t first = sentence.first_token;
    if (sentence.question) return Exclusion::Question;
    if (size_t q = question_before(t); q != npos)
      return is(table_.open_condition, q) ? Exclusion::Conditional : Exclusion::Question;
    for (size_t back = 1; back <= 2 && t >= first + back; ++back)
      if (negates(text_, w_, table_.negation, t, back)) return Exclusion::Negation;
    for (size_t k = t + 1; k <= t + 3 && k < sentence_end_[s]; ++k)
      if (is(table_.negation, k)) return Exclusion::Negation;
    for (size_t back = 1; back <= 3 && t >= first + back; ++back) {
      if (is(table_.past_perfect, t - back)) return Exclusion::PastPerfect;
      if (!is(table_.adverb, t - back)) break;
    }
    if (earlier_statement_before(t)) return Exclusion::PastPerfect;
    // "the work being undertaken to address complaints": a passive participle, not "X has undertaken to".
    if (word(t) == "undertaken") {
      size_t k = t;
      while (k > first && adverb(k - 1)) --k;
      if (k == first || !is(table_.have, k - 1)) return Exclusion::Relative;
    }
    if (is(table_.modal, t) && evaluated_that(t)) return Exclusion::Opinion;
    if (status_done_after(t) || status_in_next_sentence(t)) return Exclusion::PastPerfect;
    if (earlier_action_label(s)) return Exclusion::Quotation;
    if (decision_before(t)) return Exclusion::Resolved;
    if (doing_clause_habit(t)) return Exclusion::Habitual;
    if (is(table_.modal, t) && purpose_clause(t)) return Exclusion::Relative;
    if (is(table_.modal, t) && relative_that(t)) return Exclusion::Relative;
    // "the project, which would see investment", "issues which would be covered
    // in the review": a relative clause says what a thing does or will undergo.
    // "the programme, or where the town would sit within it": a clause of place, like "which".
    if (is(table_.modal, t) && subject_opens_with_where(t)) return Exclusion::Relative;
    // "The Chairman would move that the minutes be signed": a motion, made at the meeting.
    if (is(table_.modal, t) && t + 2 < sentence_end_[s] && is(table_.that, t + 2) &&
        (word(t + 1) == "move" || word(t + 1) == "propose" || word(t + 1) == "second"))
      return Exclusion::WithinMeeting;
    if (is(table_.modal, t) && t > first && word(t - 1) == "which") {
      size_t v = t + 1;
      while (v < sentence_end_[s] && v <= t + 3 && (is(table_.adverb, v) || is(table_.be, v))) ++v;
      if (v >= sentence_end_[s] || !is(table_.relative_task, v)) return Exclusion::Relative;
    }
    bool agreed_that = false;
    const size_t subject = clause_start(t, agreed_that);
    // "It was agreed that the matter would be deferred to the next meeting": the committee's decision.
    if (agreed_that && is(table_.defer_word, t)) return Exclusion::Resolved;
    for (size_t k = subject; k < t; ++k) {
      if (is(table_.no_subject, k)) return Exclusion::Negation;  // "No further report would be brought"
      if (is(table_.indefinite, k) && word(k).size() == 3) return Exclusion::Habitual;  // "any tree felled ... would be"
      if (is(table_.anyone, k)) return Exclusion::Habitual;  // "anyone wishing to object would be given ..."
      if (is(table_.every_word, k) && word(t) == "shall") return Exclusion::Habitual;
    }
    if (habitual(s) || passive_by_frequency(t) || under_a_policy(s)) return Exclusion::Habitual;
    if (is(table_.modal, t) && in(t + 2, s)) {
      // "would do everything it could", "would do its best": an assurance, no specific task.
      if (word(t + 1) == "do" && (word(t + 2) == "everything" || word(t + 2) == "all" || word(t + 2) == "whatever" ||
                                  word(t + 2) == "its" || word(t + 2) == "their" || word(t + 2) == "what"))
        return Exclusion::Opinion;
      // "the Leader would aim to answer by 10 am", "would hope to": an aim, not a task taken on.
      if (word(t + 1) == "aim" || word(t + 1) == "hope") return Exclusion::Habitual;
      // "officers would work closely with the health service": a way of working, ongoing.
      if (word(t + 1) == "work" && (word(t + 2) == "closely" || word(t + 2) == "together" ||
                                    word(t + 2) == "collaboratively" || word(t + 2) == "jointly"))
        return Exclusion::Habitual;
    }
    if (committee_acts_for_itself(t, subject) || impersonal_decision(t) || body_governs(t, subject))
      return Exclusion::OwnBusiness;
    if (according_to_outside_body(s)) return Exclusion::ThirdParty;
    if (applicant_describes_scheme(t)) return Exclusion::ThirdParty;
    if (passive_by_outside_body(t) || passive_in_parliament(t) || noted_of_outside_body(t)) return Exclusion::ThirdParty;
    if (passive_by_deciding_body(t)) return Exclusion::Habitual;
    if (is(table_.modal, t) && is(table_.be, t + 1) && subject_head_is(t, table_.decision_noun)) return Exclusion::Habitual;
    if (is(table_.modal, t) && committee_asked_to_decide(t)) return Exclusion::OwnBusiness;
    if (is(table_.modal, t) && minutes_for_approval(t)) return Exclusion::WithinMeeting;
    // "You will be told whether ...": a standing notice to the reader.
    if (is(table_.modal, t) && t > first && word(t - 1) == "You") return Exclusion::Habitual;
    // "The Mayor will remind the public ...", "A recording of this meeting will be uploaded": how a
    // public meeting is run, the same every time.
    if (is(table_.modal, t) && (tells_the_public(t) || meeting_recording_subject(t))) return Exclusion::Habitual;
    for (size_t k = (t > first + kLookBack ? t - kLookBack : first); k < t; ++k)
      if (policy_statement(k)) return Exclusion::Habitual;
    if (w_.tokens[t].quoted && (!first_person_in_quote(t) || quoted_from_a_source(t))) return Exclusion::Quotation;
    if (size_t o = opinion_before(t); o != npos)
      return is(table_.document_verb, o) ? Exclusion::Quotation : Exclusion::Opinion;
    if (condition_phrase_before(t)) return Exclusion::Conditional;
    if (commitment_withheld(t)) return Exclusion::Negation;
    if (within_meeting_phrase(s)) return Exclusion::WithinMeeting;
    // "Should the bid be successful, ...": an inverted condition opening the sentence.
    // ("Were deferred until the next meeting": a participle follows, so no subject is inverted.)
    if (is(table_.inverted_condition, first) && w_.tokens[first].capitalised &&
        !(in(first + 1, s) && (participle_at(first + 1) || ends_with(first + 1, "ed"))))
      return Exclusion::Conditional;
    for (size_t k = t + 1; k < sentence_end_[s] && k <= t + 16; ++k) {
      // "agreed to ask if they could ...", "would check whether": the question is the task, no condition.
      bool asks_if = is(table_.open_condition, k) && is(table_.ask_if, k - 1);
      if (check_condition_after && k <= t + 12 && is(table_.open_condition, k) && !asks_if) return Exclusion::Conditional;
      if (check_condition_after && condition_phrase_at(k)) return Exclusion::Conditional;
      // "... later in the meeting", "... in closed session": an act within the meeting.
      if (k + 2 < sentence_end_[s] && word(k) == "later" && word(k + 1) == "in" && is(table_.the, k + 2))
        return Exclusion::WithinMeeting;
      if (k + 1 < sentence_end_[s] && (word(k) == "closed" || word(k) == "private") && word(k + 1) == "session")
        return Exclusion::WithinMeeting;
      // "An update would be given under item 6", "signed at the end of the meeting".
      // "... discussed further under Part II": the private part of this meeting's agenda.
      if (k + 1 < sentence_end_[s] && word(k) == "under" &&
          (word(k + 1) == "item" || word(k + 1) == "agenda" || word(k + 1) == "Part"))
        return Exclusion::WithinMeeting;
      if (k + 3 < sentence_end_[s] && word(k) == "end" && word(k + 1) == "of" && is(table_.the, k + 2) &&
          word(k + 3) == "meeting")
        return Exclusion::WithinMeeting;
      if (on_a_basis(k)) return Exclusion::Habitual;
    }
    return Exclusion::None;
  }

  // "on a first come, first served basis", "on a rolling basis": the way every case is
  // handled. ("on an urgent basis", "on a one-off basis" name how this one is done.)
  bool on_a_basis(size_t k) const {
    uint32_t s = w_.tokens[k].sentence;
    if (word(k) != "on" || !in(k + 2, s) || !is(table_.indefinite, k + 1)) return false;
    for (size_t j = k + 2; in(j, s) && j <= k + 7; ++j) {
      if (word(j) != "basis") continue;
      std::string_view kind = word(j - 1);
      return kind != "urgent" && kind != "priority" && kind != "one-off" && kind != "off";
    }
    return false;
  }

  // The modal's verb tells the public something: "Democratic Services will tell the public
  // that ...", "the Chair will make clear to members of the public ...".
  bool tells_the_public(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t v = verb_after_modal(t);
    if (!in(v, s) || !is(table_.telling_verb, v)) return false;
    for (size_t k = v + 1; in(k, s) && k <= v + 6; ++k) {
      if (word(k) == "public") return true;
      if (is(table_.clause_word, k) || is(table_.modal, k)) return false;
    }
    return false;
  }

  // The subject is a recording or broadcast of the meeting: "A recording of this meeting".
  bool meeting_recording_subject(size_t t) const {
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    bool recording = false;
    for (size_t k = from; k < t; ++k) {
      if (is(table_.recording_noun, k)) recording = true;
      if (recording && (word(k) == "meeting" || word(k) == "meetings")) return true;
    }
    return false;
  }

  // "... for the evidence database.– Completed": an action log whose status says it is done.
  bool status_done_after(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    for (size_t k = t + 1; k < sentence_end_[s]; ++k) {
      if (!w_.tokens[k].capitalised) continue;  // the dash is looked for below: ".- Completed" marks no break
      if (!is(table_.done_status, k) && !ends_with(k, "ed")) continue;
      std::string_view gap = text_.substr(w_.tokens[k - 1].end, w_.tokens[k].begin - w_.tokens[k - 1].end);
      if (gap == "-") continue;  // a hyphen inside a word: "Cabinet-Approved"
      if (gap.find('-') != gap.npos || gap.find("\xE2\x80\x93") != gap.npos || gap.find("\xE2\x80\x94") != gap.npos)
        return true;
    }
    return false;
  }

  // "Policy to be sent with the papers. Policy sent.", "X to be invited. Invited and
  // attending.": an action log's entry, and its status in the next sentence on
  // the same line naming the task's own participle or a word of completion.
  bool status_in_next_sentence(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.to, t)) return false;  // a log's entry: "X to be sent", "X to send"
    if (s + 1 >= w_.sentences.size() || w_.sentences[s + 1].line_start) return false;
    size_t next = w_.sentences[s + 1].first_token;
    for (size_t k = next; k < sentence_end_[s + 1] && k < next + 4; ++k) {
      if (is(table_.done_status, k)) return true;
      if (is(table_.be, k) || is(table_.to, k) || is(table_.function_word, k)) continue;
      for (size_t j = t + 1; j < sentence_end_[s] && j <= t + 4; ++j)  // the task's participle: sent, made, invited
        if (same_word_any_case(word(j), word(k))) return true;
    }
    return false;
  }
  static bool same_word_any_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
  }

  // "It was decided we would try ...", "Members decided that they would ...":
  // the meeting's decision, which the criteria do not count as an undertaking.
  bool decision_before(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first + 1 && t - k < kClauseReach; --k) {
      size_t j = k - 1;
      if (is(table_.but, j)) return false;
      if (!is(table_.decision_word, j) || !lowercase(j)) continue;
      if (is(table_.is_was, j - 1) || word(j - 1) == "been" || is(table_.own_body, j - 1) || is(table_.committee, j - 1) ||
          word(j - 1) == "we")
        return true;
    }
    return false;
  }

  // "as the Inspector will look at the minutes when deciding appeals", "before
  // sitting on a Sub-Committee training would be provided": "when" or
  // "whenever" + -ing anywhere, or "before" + -ing ahead of the modal, says
  // what is done each time, a practice.
  bool doing_clause_habit(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t first = w_.sentences[s].first_token;
    for (size_t k = first; k + 1 < sentence_end_[s]; ++k) {
      if (!lowercase(k + 1) || !ends_with(k + 1, "ing")) continue;
      if (word(k) == "when" || word(k) == "whenever") return true;
      if ((word(k) == "before" || word(k) == "Before") && k < t) return true;
    }
    return false;
  }

  // "so that they would only collect ...", "in order that it would ...": a purpose.
  bool purpose_clause(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first + 1 && t - k <= 6; --k) {
      size_t j = k - 1;
      if (is(table_.that, j)) return is(table_.purpose_opener, j - 1);
      if (is(table_.clause_word, j) || w_.tokens[j].break_before) return false;
    }
    return false;
  }

  // "the action that will be taken", "the feedback that would be received": a
  // relative "that" straight before the modal says what a thing will undergo.
  // After a verb ("confirmed that would be ...") "that" is the subject instead.
  bool relative_that(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    if (t < first + 2 || !is(table_.that, t - 1)) return false;
    size_t n = t - 2;
    if (!lowercase(n) || ends_with(n, "ed") || is(table_.reply, n) || is(table_.earlier_statement, n) ||
        is(table_.opinion, n) || is(table_.clause_word, n) || is(table_.stop, n) || is(table_.function_word, n) ||
        is(table_.document_verb, n) || is(table_.purpose_opener, n) || w_.tokens[t - 1].break_before)
      return false;
    uint32_t s = w_.tokens[t].sentence;
    size_t v = t + 1;
    while (v < sentence_end_[s] && v <= t + 3 && (is(table_.adverb, v) || is(table_.be, v))) ++v;
    return v >= sentence_end_[s] || !is(table_.relative_task, v);
  }

  /// The committee itself acts: its work plan, what it will receive or look
  /// at, what it agreed to do ("the sub-committee would scrutinise one issue",
  /// "Members agreed to carry out some work"). The criteria count these as the committee's decisions,
  /// not an undertaking of an officer, the council or a named person. A
  /// passive keeps the committee as its audience ("Members would be sent the
  /// figures"), so only an active verb or "agreed to" is excluded.
  bool committee_acts_for_itself(size_t t, size_t subject) const {
    uint32_t s = w_.tokens[t].sentence;
    bool agreed_to = is(table_.agreed, t) && in(t + 1, s) && is(table_.to, t + 1);
    size_t v = t + 1;  // the modal's verb
    if (!agreed_to) {
      if (!is(table_.modal, t)) return false;
      v = verb_after_modal(t);
      if (!in(v, s) || is(table_.be, v)) return false;
    }
    const size_t head = last_word_before(subject, t);
    if (head == npos) return false;
    // "The Parish Council agreed to object": a council's minutes record its own decision.
    bool council_decides = agreed_to && (word(head) == "Council" || word(head) == "council");
    if (!is(table_.own_body, head) && !council_decides) return false;
    // "the Cabinet Members" / "Council members": members of another body, posts of their own.
    if (word(head) == "members" && head > subject && w_.tokens[head - 1].capitalised) return false;
    // "Cllr Harwood, as the representative on the harbour board, agreed to": the body is in a modifier.
    // An opener's preposition ("In addition the sub-committee would") is not a modifier.
    for (size_t k = subject + 1; k < head; ++k)
      if (is(table_.preposition, k)) return false;
    // "The Panel would receive an update at its March meeting": an item officers must bring to a
    // named later meeting, not the committee planning its own work.
    // "Members would receive a letter from the Chair": the Chair's task, not the committee's work.
    return agreed_to || (!future_item(v) && !receives_correspondence(v));
  }

  // "The Strategic Group would oversee the delivery of the strategy", "the partnership board
  // would discuss the savings": a group's or board's governing of a programme, its own business.
  bool body_governs(size_t t, size_t subject) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t)) return false;
    size_t v = verb_after_modal(t);
    if (!in(v, s) || !is(table_.governing_verb, v)) return false;
    size_t head = last_word_before(subject, t);
    return head != npos && is(table_.governing_body, head);
  }

  // The modal's verb v is receive, consider, review, look at or hear, and a
  // later meeting or time is named ("at its July meeting", "in the autumn", "in
  // twelve months' time").
  bool future_item(size_t v) const {
    if (!is(table_.agenda_verb, v) || !any_after(v, table_.meeting_time, 16)) return false;
    // "would receive the annual report each year in June": its own yearly schedule.
    uint32_t s = w_.tokens[v].sentence;
    for (size_t k = v + 1; k < sentence_end_[s] && k - v <= 16; ++k)
      if (cycle_at(k) || is(table_.frequency, k)) return false;
    return true;
  }

  // The modal's clause is opened by "where" mid-sentence.
  bool subject_opens_with_where(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first && t - k <= 6; --k) {
      if (word(k - 1) == "where") return k - 1 > first;
      if (is(table_.clause_word, k - 1) || w_.tokens[k - 1].break_before) return false;
    }
    return false;
  }

  /// True when tokens (a, b) hold the subject of a new clause: an actor, or a
  /// noun phrase after "and" ("..., and an update would be given"), between
  /// the end of one promise and the head of the next.
  bool new_subject_between(size_t a_last, size_t b_head) const {
    size_t from = b_head;
    while (from > a_last + 1 && b_head - from < kLookBack) {
      size_t k = from - 1;
      if (is(table_.clause_word, k)) break;
      from = k;
      if (w_.tokens[k].break_before) break;
    }
    if (from < b_head && from > a_last + 1 && is(table_.determiner, from)) return true;
    for (size_t k = from; k < b_head; ++k)
      if (is(table_.actor, k) || (w_.tokens[k].capitalised && !is(table_.function_word, k))) return true;
    return false;
  }

 private:
  bool is(const WordSet& set, size_t t) const { return set.test(w_.tokens[t].id); }

  static constexpr size_t kClauseReach = 64;  // tokens: how far back a question or an opinion governs

  // The latest reported-question or condition word before token t in its
  // sentence ("asked whether", "if"); "but" and a reply ("said") start afresh.
  size_t question_before(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first && t - k < kClauseReach; --k) {
      size_t j = k - 1;
      // "asked whether ..." is a question; "Officers were asked to report back" is a task.
      // "asked for the results to be shared" is a request, too.
      bool asked_to = (is(table_.to, j + 1) && !is(table_.wh_word, j)) ||
                      ((is(table_.for_word, j + 1) || is(table_.that, j + 1)) && ascii_lower(text_[w_.tokens[j].begin]) == 'a') ||
                      asked_someone_for(j, t);
      if ((is(table_.embedded_question, j) || is(table_.conditional, j)) && !asked_to) return j;
      // A reply starts afresh ("Asked about X, the Manager said that ..."), but
      // not a verb of the condition itself ("If the Committee agreed, ...",
      // "If the Agency confirmed the change, ...").
      bool ends_condition = (j + 1 < t && w_.tokens[j + 1].break_before) || inside_condition(j);
      if (is(table_.but, j) || (is(table_.reply, j) && !ends_condition)) return npos;
    }
    return npos;
  }

  // "asked the applicant for a plan", "asked officers to ...": a request
  // with its object, not a reported question ("asked whether ...").
  bool asked_someone_for(size_t j, size_t t) const {
    if (ascii_lower(text_[w_.tokens[j].begin]) != 'a' || word(j).size() < 5 || word(j).substr(1, 4) != "sked") return false;
    uint32_t s = w_.tokens[j].sentence;
    for (size_t k = j + 1; k < t && k <= j + 5 && in(k, s); ++k) {
      if (is(table_.for_word, k) || is(table_.to, k)) return true;
      if (is(table_.embedded_question, k) || is(table_.clause_word, k) || is(table_.modal, k) || word(k) == "about")
        return false;
    }
    return false;
  }

  // Token j is in a clause opened by "if" or "unless", with no break between.
  bool inside_condition(size_t j) const {
    size_t first = w_.sentences[w_.tokens[j].sentence].first_token;
    for (size_t k = j; k > first; --k) {
      if (is(table_.open_condition, k - 1)) return true;
      if (w_.tokens[k - 1].break_before) return is(table_.open_condition, k - 1);
    }
    return false;
  }

  // The latest "felt that", "It was anticipated that" or "the minutes stated"
  // before token t in its sentence; "but" starts afresh.
  size_t opinion_before(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t first = w_.sentences[s].first_token;
    for (size_t k = t; k > first && t - k < kClauseReach; --k) {
      size_t j = k - 1;
      // "felt that", "felt strongly that", "the view of the Committee that".
      for (size_t k2 = j + 1; is(table_.opinion, j) && k2 <= j + 4 && in(k2, s) && k2 < t; ++k2) {
        if (is(table_.that, k2)) return j;
        if (is(table_.modal, k2) || is(table_.clause_word, k2)) break;
      }
      // "Councillor B believed the new lighting would reduce ...": the same with "that" left out.
      if (is(table_.opinion, j) && (ends_with(j, "ed") || word(j) == "felt" || word(j) == "thought") &&
          clause_runs_to(j + 1, t))
        return j;
      if (document_statement(j)) return j;
      // "in his view, the target would be met", "in the officer's opinion": a view, however placed.
      // Whose view stands between ("in view of the delay" is a reason, not a view).
      if ((word(j) == "view" || word(j) == "opinion") && j >= first + 2)
        for (size_t b = j - 2; b + 3 >= j && b >= first; --b) {
          if (word(b) == "in" || word(b) == "In") return j;
          if (b == first) break;
        }
      if (is(table_.but, j)) return npos;
    }
    return npos;
  }

  // No clause word, modal or break between tokens from and t: one clause.
  bool clause_runs_to(size_t from, size_t t) const {
    if (from >= t) return false;
    for (size_t k = from; k < t; ++k)
      if (is(table_.clause_word, k) || is(table_.modal, k) || is(table_.stop, k) || w_.tokens[k].break_before) return false;
    return true;
  }

  // "The previous minutes stated", "The action plan at Appendix 3 set out":
  // a document's words reported; token j is the verb (or "out" of "set out").
  bool document_statement(size_t j) const {
    uint32_t s = w_.tokens[j].sentence;
    size_t first = w_.sentences[s].first_token;
    size_t verb = j;
    if (word(j) == "out" && j > first && word(j - 1) == "set") verb = j - 1;
    else if (word(j) == "set") return false;  // "set" alone is a decision's verb, not a document's
    if (!is(table_.document_verb, verb)) return false;
    for (size_t k = verb; k > first && verb - k < 6; --k) {
      if (is(table_.document, k - 1)) return true;
      if (is(table_.clause_word, k - 1) || is(table_.stop, k - 1)) return false;
    }
    return false;
  }

  // A habitual adverb anywhere in the sentence, or "when / where a ...".
  bool habitual(uint32_t s) const {
    if (habitual_[s] == kUnknown) {
      bool found = false;
      for (size_t k = w_.sentences[s].first_token; k < sentence_end_[s] && !found; ++k) {
        if (is(table_.habitual, k) && !is_policy_noun(k)) found = true;
        if (is(table_.when_where, k) && k + 1 < sentence_end_[s] && is(table_.indefinite, k + 1)) found = true;
        // "as a matter of course", "as a rule", "as standard".
        if (k + 2 < sentence_end_[s] && word(k) == "matter" && word(k + 1) == "of" && word(k + 2) == "course") found = true;
        if (k + 2 < sentence_end_[s] && word(k) == "as" && is(table_.the, k + 1) && word(k + 2) == "rule") found = true;
        if (k + 1 < sentence_end_[s] && word(k) == "as" && word(k + 1) == "standard") found = true;
        // "In most cases", "in all such cases": what is done each time.
        if (k + 1 < sentence_end_[s] && (word(k) == "most" || word(k) == "all" || word(k) == "such") &&
            word(k + 1) == "cases")
          found = true;
        // "as part of their normal duties", "as part of its routine work": what the service does anyway.
        // "as part of the restructure", "as part of a wider review": one step of the service's own programme.
        if (k + 2 < sentence_end_[s] && word(k) == "part" && word(k + 1) == "of" && k > w_.sentences[s].first_token &&
            (word(k - 1) == "as" || word(k - 1) == "As")) {
          size_t n = k + 2;
          if (n < sentence_end_[s] && (is(table_.the, n) || word(n) == "a" || word(n) == "its" || word(n) == "their"))
            ++n;
          if (n < sentence_end_[s] && (word(n) == "wider" || word(n) == "overall" || word(n) == "ongoing")) ++n;
          if (n < sentence_end_[s] && (is(table_.routine_adjective, n) || is(table_.programme_noun, n))) found = true;
        }
        // "in the usual way", "in the normal manner", "in line with normal practice": how it is always done.
        if (k + 1 < sentence_end_[s] && (word(k) == "usual" || word(k) == "normal" || word(k) == "standard") &&
            k > w_.sentences[s].first_token + 1 &&
            (word(k + 1) == "way" || word(k + 1) == "manner" || word(k + 1) == "practice" || word(k + 1) == "procedure") &&
            (is(table_.the, k - 1) || word(k - 1) == "with"))
          found = true;
        // "as she did every year", "as it does each month": the cycle going on.
        if (k + 3 < sentence_end_[s] && (word(k) == "as" || word(k) == "As") &&
            (word(k + 2) == "did" || word(k + 2) == "does" || word(k + 2) == "do") &&
            (word(k + 3) == "every" || word(k + 3) == "each"))
          found = true;
        // "as usual", "as normal", "as in previous years": the cycle going on, not a task taken on.
        const bool as = word(k) == "as" || word(k) == "As";
        // "as the regulations required", "as the law requires": a statutory duty, done every time.
        if (k + 3 < sentence_end_[s] && as && is(table_.the, k + 1) && is(table_.standing_terms, k + 2) &&
            word(k + 3).substr(0, 7) == "require")
          found = true;
        if (k + 1 < sentence_end_[s] && as && (word(k + 1) == "usual" || word(k + 1) == "normal")) found = true;
        if (k + 3 < sentence_end_[s] && as && word(k + 1) == "in" && word(k + 3) == "years" &&
            (word(k + 2) == "previous" || word(k + 2) == "past" || word(k + 2) == "earlier" || word(k + 2) == "other"))
          found = true;
      }
      // "Each quarter the team would ...", "Every year officers would ...": a
      // frequency put first describes a cycle, not one task.
      size_t f = w_.sentences[s].first_token;
      if (f + 1 < sentence_end_[s] && (word(f) == "Each" || word(f) == "Every") && is(table_.period, f + 1)) found = true;
      habitual_[s] = found;
    }
    return habitual_[s] != 0;
  }

  bool in(size_t t, uint32_t s) const { return t < sentence_end_[s] && w_.tokens[t].sentence == s; }

  // "The Head of Housing had said he would check ...", "the officer had
  // written, 'I will call ...'": a statement made before this meeting.
  bool earlier_statement_before(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first + 1 && t - k < kClauseReach; --k) {
      size_t j = k - 1;
      if (is(table_.but, j)) return false;
      if (!is(table_.earlier_statement, j)) continue;
      if (is(table_.past_perfect, j - 1)) return true;  // "had said"
      if (j >= first + 2 && word(j - 1) == "been" && is(table_.past_perfect, j - 2)) return true;  // "had been told"
    }
    return false;
  }

  // "The action plan would be reviewed annually": a passive with a frequency.
  bool passive_by_frequency(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t) || !in(t + 1, s) || !is(table_.be, t + 1)) return false;
    // Reporting to a committee on a cycle is business someone must bring ("would be reported quarterly").
    if (in(t + 2, s) && is(table_.reporting_participle, t + 2)) return false;
    for (size_t k = t + 2; k < sentence_end_[s]; ++k) {
      // "in the next quarterly report": an adjective naming a document, not how often.
      bool names_a_paper = k + 1 < sentence_end_[s] && (is(table_.document, k + 1) || word(k + 1) == "update" ||
                                                         word(k + 1) == "meeting" || word(k + 1) == "meetings");
      if (is(table_.frequency, k) && !names_a_paper) return true;
      if (cycle_at(k)) return true;
    }
    return false;
  }

  // "every two years", "every month", "each year" at token k: a cycle.
  bool cycle_at(size_t k) const {
    uint32_t s = w_.tokens[k].sentence;
    if (word(k) != "every" && word(k) != "each") return false;
    size_t p = k + 1;
    if (p < sentence_end_[s] && (is(table_.cycle_count, p) || std::isdigit(static_cast<unsigned char>(word(p)[0])))) ++p;
    return p < sentence_end_[s] && (is(table_.period, p) || is(table_.periods, p));
  }

  // "would be considered by Cabinet in March": when a decision body takes the item, a schedule.
  bool passive_by_deciding_body(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t) || !in(t + 4, s) || !is(table_.be, t + 1)) return false;
    size_t v = t + 2;
    while (in(v, s) && v <= t + 4 && adverb(v)) ++v;
    if (!in(v + 2, s) || !is(table_.deciding_participle, v) || word(v + 1) != "by") return false;
    size_t a = v + 2;
    if (is(table_.the, a) && in(a + 1, s)) ++a;
    // "by the Planning Committee": a name before the body's word.
    for (size_t k = a; in(k, s) && k <= a + 3; ++k)
      if (is(table_.deciding_body, k)) return true;
    return false;
  }

  // "Subject to consent, ...", "In the event that ...", "provided that ...",
  // "as long as ...": an open condition before token t in its sentence.
  bool condition_phrase_before(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (condition_end_.empty()) condition_end_.assign(w_.sentences.size(), kUnset);  // most texts never ask
    if (condition_end_[s] == kUnset) condition_end_[s] = first_condition_end(s);
    return condition_end_[s] != npos && condition_end_[s] < t;
  }

  // Where the sentence's first condition phrase ends (a commitment after it
  // is governed by it), or npos; worked out once a sentence.
  size_t first_condition_end(uint32_t s) const {
    size_t first = w_.sentences[s].first_token, end = sentence_end_[s];
    auto is_word = [&](size_t k, std::string_view lower) {
      std::string_view w = word(k);
      if (w.size() != lower.size()) return false;
      for (size_t i = 0; i < w.size(); ++i)
        if (ascii_lower(w[i]) != lower[i]) return false;
      return true;
    };
    for (size_t k = first; k + 1 < end; ++k) {
      if (w_.tokens[k].end - w_.tokens[k].begin > 9) continue;  // none of the words below is longer
      if (is_word(k, "subject") && is_word(k + 1, "to")) return k + 1;
      if (is_word(k, "event") && (is_word(k + 1, "that") || is_word(k + 1, "of")) && k > first && is_word(k - 1, "the"))
        return k + 1;
      if ((is_word(k, "provided") || is_word(k, "providing")) && is_word(k + 1, "that")) return k + 1;
      if ((is_word(k, "as") || is_word(k, "so")) && is_word(k + 1, "long") && k + 2 < end && is_word(k + 2, "as"))
        return k + 2;
      if ((is_word(k, "depending") || is_word(k, "dependent")) && (is_word(k + 1, "on") || is_word(k + 1, "upon")))
        return k + 1;
      if (is_word(k, "in") && is_word(k + 1, "case")) return k + 1;
      if (is_word(k, "on") && is_word(k + 1, "condition")) return k + 1;
      if (is_word(k, "assuming")) return is_word(k + 1, "that") ? k + 1 : k + 2;
      // "Where funding allowed, the service would ...": a condition put first.
      if (k == first && word(k) == "Where" && !is(table_.indefinite, k + 1))
        for (size_t j = k + 1; j < end; ++j)
          if (w_.tokens[j].break_before) return j - 1;
    }
    return npos;
  }

  // An open condition that follows the commitment: "where necessary",
  // "as required", "depending on ...", "in case ...", ", should the bid fail",
  // and a hedge straight after the modal ("would possibly").
  bool condition_phrase_at(size_t k) const {
    uint32_t s = w_.tokens[k].sentence;
    std::string_view a = word(k);
    std::string_view b = in(k + 1, s) ? word(k + 1) : std::string_view();
    if ((a == "where" || a == "wherever" || a == "as") &&
        (b == "necessary" || b == "appropriate" || b == "possible" || b == "required" || b == "needed" ||
         b == "practicable"))
      return true;
    if ((a == "depending" || a == "dependent" || a == "contingent" || a == "conditional") && (b == "on" || b == "upon"))
      return true;
    if (a == "in" && b == "case") return true;
    // "connection permitting", "time permitting": an absolute condition.
    if (a == "permitting" && k > 0 && !is(table_.stop, k - 1)) return true;
    // "... provided he was given notice": not "would be provided", which is the task itself.
    if ((a == "provided" || a == "providing") && k > 0 && !is(table_.stop, k - 1) && !is(table_.to, k - 1) &&
        (b == "that" || b == "he" || b == "she" || b == "they" || b == "it" || b == "there" || b == "the" || b == "we"))
      return true;
    if (a == "should" && w_.tokens[k].break_before && in(k + 1, s) && !is(table_.be, k + 1)) return true;
    if ((a == "possibly" || a == "perhaps" || a == "potentially" || a == "maybe") && k > 0 && is(table_.modal, k - 1))
      return true;
    return false;
  }

  // "read out the pledge from the manifesto: 'We will ...'": words quoted
  // from a document, not first-person speech at the meeting.
  bool quoted_from_a_source(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    size_t open = t;
    while (open > first && w_.tokens[open - 1].quoted) --open;
    for (size_t k = first; k < open; ++k)
      if (is(table_.quoted_source, k)) return true;
    return false;
  }

  // "No commitment could be given that ...", "could not guarantee that ...".
  bool commitment_withheld(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = first; k < t; ++k)
      if (is(table_.but, k)) first = k + 1;  // "could not promise that, but would publish ...": what follows stands
    for (size_t k = first; k + 1 < t; ++k) {
      if ((word(k) == "no" || word(k) == "No") && is(table_.commitment_noun, k + 1)) return true;
      if (is(table_.negation, k) && (word(k + 1) == "guarantee" || word(k + 1) == "promise" || word(k + 1) == "commit"))
        return true;
    }
    return false;
  }

  // "Before Members voted, ...", "... the rest of the meeting": an act within the meeting.
  bool within_meeting_phrase(uint32_t s) const {
    if (within_meeting_.empty()) within_meeting_.assign(w_.sentences.size(), kUnknown);  // most texts never ask
    if (within_meeting_[s] == kUnknown) within_meeting_[s] = find_within_meeting_phrase(s);
    return within_meeting_[s] != 0;
  }
  bool find_within_meeting_phrase(uint32_t s) const {
    size_t first = w_.sentences[s].first_token;
    for (size_t k = first; k < sentence_end_[s]; ++k) {
      std::string_view w = word(k);
      // "The Chair agreed to receive an urgent item": this meeting's business.
      if (w == "urgent" && k + 1 < sentence_end_[s] && (word(k + 1) == "item" || word(k + 1) == "business" ||
                                                        word(k + 1) == "items"))
        return true;
      // "would report on the formula under Item 5": later on this meeting's agenda.
      if (w == "under" && k + 2 < sentence_end_[s] && (word(k + 1) == "Item" || word(k + 1) == "item") &&
          std::isdigit(static_cast<unsigned char>(word(k + 2)[0])))
        return true;
      if (w == "later" && k + 3 < sentence_end_[s] && word(k + 1) == "in" && is(table_.the, k + 2) &&
          word(k + 3) == "meeting")
        return true;
      // "the points will be covered during the discussion of the items": later at this meeting.
      if ((w == "during" || w == "During") && k + 2 < sentence_end_[s] && is(table_.the, k + 1) &&
          (word(k + 2) == "discussion" || word(k + 2) == "debate" || word(k + 2) == "consideration" ||
           word(k + 2) == "meeting"))
        return true;
      // "... when the Chair of Scrutiny was able to join the online meeting": later in this meeting.
      if ((w == "join" || w == "joined" || w == "rejoin" || w == "rejoined") && k + 2 < sentence_end_[s] &&
          is(table_.the, k + 1) &&
          (word(k + 2) == "meeting" || (k + 3 < sentence_end_[s] && word(k + 3) == "meeting" &&
                                        (word(k + 2) == "online" || word(k + 2) == "virtual" || word(k + 2) == "remote"))))
        return true;
      // "At the start of Public Questions", "at the beginning of the meeting": a point of this meeting.
      // ("at the start of the next year", "at the start of April" are later times.)
      if ((w == "start" || w == "beginning" || w == "outset") && k > first && is(table_.the, k - 1) &&
          k + 2 < sentence_end_[s] && word(k + 1) == "of") {
        size_t n = is(table_.the, k + 2) && k + 3 < sentence_end_[s] ? k + 3 : k + 2;
        std::string_view what = word(n);
        if (what == "meeting" || what == "item" || what == "session" || what == "debate" ||
            (w_.tokens[n].capitalised && !is(table_.meeting_time, n) && !is(table_.function_word, n)))
          return true;
      }
      // "... would sign the minutes as a correct record": the minutes approved, the meeting's own business.
      if (w == "correct" && k + 1 < sentence_end_[s] && word(k + 1) == "record") return true;
      if (w == "sign" && k + 2 < sentence_end_[s] && is(table_.the, k + 1) && word(k + 2) == "minutes") return true;
      if ((w == "Before" || w == "before") && k + 3 < sentence_end_[s])
        for (size_t j = k + 1; j <= k + 3; ++j)
          if (word(j) == "voted" || word(j) == "vote" || word(j) == "voting") return true;
      if ((w == "rest" || w == "remainder") && k + 3 < sentence_end_[s] && word(k + 1) == "of" &&
          word(k + 3).substr(0, 7) == "meeting")
        return true;
      // "would consider it on its merits and take part in the debate and vote": a declaration of interest.
      if (w == "take" && k + 2 < sentence_end_[s] && word(k + 1) == "part" && word(k + 2) == "in")
        for (size_t j = k + 3; j < sentence_end_[s] && j <= k + 6; ++j)
          if (word(j).substr(0, 6) == "debate" || word(j).substr(0, 4) == "vote" || word(j) == "voting")
            return true;
    }
    return false;
  }

  // "According to the rail operator, ...": what an outside body plans.
  bool according_to_outside_body(uint32_t s) const {
    size_t first = w_.sentences[s].first_token;
    if (!in(first + 1, s) || word(first) != "According" || !is(table_.to, first + 1)) return false;
    for (size_t k = first + 2; in(k, s) && k <= first + 8 && !w_.tokens[k].break_before; ++k)
      if (is(table_.outside_body, k)) return true;
    return false;
  }

  // "The applicant's agent said that the building would be set back from the
  // road": a passive future in what a party to an application says describes
  // the scheme. (What the party agrees or undertakes to do is not passive.)
  bool applicant_describes_scheme(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t) || !in(t + 1, s) || !is(table_.be, t + 1)) return false;
    const size_t first = w_.sentences[s].first_token;
    for (size_t k = first; k + 1 < t && k <= first + 6; ++k) {
      if (!is(table_.applicant_party, k)) continue;
      for (size_t v = k + 1; v < t && v <= k + 3; ++v)
        if (is(table_.reply, v)) return true;
    }
    return false;
  }

  // "The accounts would be signed off by the external auditor": a passive whose
  // agent is an outside body does what that body does; the council promises nothing.
  bool passive_by_outside_body(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t) || !in(t + 2, s) || !is(table_.be, t + 1)) return false;
    for (size_t k = t + 3; k + 1 < sentence_end_[s] && k <= t + 6; ++k) {
      if (word(k) != "by") continue;
      size_t a = k + 1;
      if (is(table_.the, a) && a + 1 < sentence_end_[s]) ++a;
      if ((word(a) == "external" || word(a) == "independent") && a + 1 < sentence_end_[s]) ++a;
      // "by the district council", "by the County Council": another tier of local government.
      if (is(table_.other_tier, a) && a + 1 < sentence_end_[s] && (word(a + 1) == "council" || word(a + 1) == "Council"))
        return true;
      // The council's own contractor does the council's work: "repaired by the contractor next week" stays a promise.
      if (word(a).substr(0, 10) == "contractor") return false;
      return is(table_.outside_body, a) || is(table_.outside_agent, a);
    }
    return false;
  }

  // "The Order will be debated in the House of Commons", "laid in Parliament": what Parliament does.
  bool passive_in_parliament(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.modal, t) || !in(t + 2, s) || !is(table_.be, t + 1)) return false;
    for (size_t k = t + 3; k + 1 < sentence_end_[s] && k <= t + 6; ++k) {
      if (word(k) != "in" && word(k) != "before" && word(k) != "by") continue;
      size_t a = is(table_.the, k + 1) && k + 2 < sentence_end_[s] ? k + 2 : k + 1;
      if (word(a) == "Parliament") return true;
      if (word(a) == "House" && a + 1 < sentence_end_[s] && word(a + 1) == "of") return true;
    }
    return false;
  }

  // "It was noted that representatives of the Clinical Commissioning Group would look into
  // this": an outside body's intention noted, with no one at the meeting accepting it.
  bool noted_of_outside_body(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    if (from < first + 4 || !is(table_.that, from - 1) || word(from - 2) != "noted") return false;
    bool impersonal = is(table_.is_was, from - 3) && (word(from - 4) == "It" || word(from - 4) == "it");
    if (!impersonal) return false;
    for (size_t k = from; k < t; ++k)
      if (is(table_.outside_body, k) || is(table_.health_body, k)) return true;
    return false;
  }

  // "It was important that ... would", "to be assured that ... would": the nearest
  // "that" before the modal follows a word of evaluation or assurance sought.
  bool evaluated_that(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    for (size_t k = t; k > first + 1 && t - k <= 12; --k) {
      // "... important that all members signed up and the Department would work ...": a clause of its own.
      if (!is(table_.that, k - 1)) {
        if (is(table_.clause_word, k - 1) || w_.tokens[k - 1].break_before) return false;
        continue;
      }
      if (!is(table_.evaluative, k - 2)) return false;
      // "The Director assured Members that ...": an assurance given is a commitment; "be assured" is sought.
      if (word(k - 2) == "assured" || word(k - 2) == "reassured")
        return k - 2 > first && (is(table_.be, k - 3) || word(k - 3) == "been" || word(k - 3) == "being");
      return true;
    }
    return false;
  }

  // "Under the policy, ...", "Under the terms of the lease ...": a standing arrangement described.
  bool under_a_policy(uint32_t s) const {
    size_t first = w_.sentences[s].first_token;
    if (!is(table_.under, first)) return false;
    for (size_t k = first + 1; k <= first + 3 && in(k, s); ++k)
      if (is(table_.habitual, k) || is(table_.standing_terms, k)) return true;
    return false;
  }

  std::string_view word(size_t t) const { return text_.substr(w_.tokens[t].begin, w_.tokens[t].end - w_.tokens[t].begin); }
  bool ends_with(size_t t, std::string_view suffix) const {
    std::string_view w = word(t);
    if (w.size() < suffix.size() + 3) return false;  // "bring", "feed" are not -ing, -ed forms
    for (size_t k = 0; k < suffix.size(); ++k)
      if (ascii_lower(w[w.size() - suffix.size() + k]) != suffix[k]) return false;
    return true;
  }
  bool lowercase(size_t t) const { return !w_.tokens[t].capitalised; }
  // "practice", "policy": nouns of the habitual set, which count before the head only.
  bool is_policy_noun(size_t t) const { return ends_with(t, "ce") || ends_with(t, "cy") || ends_with(t, "re") || ends_with(t, "ol"); }
  // "The Council's practice was that ...", "the policy is to ...": a standing policy described.
  bool policy_statement(size_t t) const {
    return is(table_.habitual, t) && is_policy_noun(t) && t + 1 < w_.tokens.size() &&
           w_.tokens[t + 1].sentence == w_.tokens[t].sentence && is(table_.is_was, t + 1);
  }
  // An adverb: one of the named ones, or a lower-case word ending in -ly.
  /// The verb of the modal at t: the next word past up to two adverbs ("would
  /// also soon send"); may lie past the sentence's end, which callers test with in().
  size_t verb_after_modal(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t v = t + 1;
    while (in(v, s) && v <= t + 3 && adverb(v)) ++v;
    return v;
  }
  bool adverb(size_t t) const { return is(table_.adverb, t) || (lowercase(t) && ends_with(t, "ly") && w_.tokens[t].id == kOtherWord) || (is(table_.habitual, t) && !is_policy_noun(t)); }

  bool first_person_in_quote(size_t t) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    if (is(table_.first_person, t)) return true;  // "I'll"
    for (size_t k = t; k > first && t - k < kLookBack && w_.tokens[k - 1].quoted; --k)
      if (is(table_.first_person, k - 1)) return true;
    return false;
  }

  // A verb that can carry a task: lower-case, not a state or an event, not
  // a function word.
 bool action_verb(size_t t) const {
    char c = text_[w_.tokens[t].begin];
    return c >= 'a' && c <= 'z' && !is(table_.non_action, t) && !is(table_.stop, t) && !is(table_.negation, t) &&
           !is(table_.function_word, t) && !is(table_.to, t) && !ends_with(t, "ed") && !ends_with(t, "ing") &&
           !ends_with(t, "ly");
  }
  // "(2)", "(b)", "(iv)": a bracketed limb number.
  bool list_marker(size_t t) const {
    const Token& tok = w_.tokens[t];
    if (tok.begin == 0 || text_[tok.begin - 1] != '(' || tok.end >= text_.size() || text_[tok.end] != ')') return false;
    std::string_view w = word(t);
    bool digits = w.find_first_not_of("0123456789") == std::string_view::npos;
    bool roman = w.size() <= 4 && w.find_first_not_of("ivx") == std::string_view::npos;
    return digits || roman || (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z');
  }

  // A participle, or the last part of a hyphenated one ("e-mailed").
  bool participle_at(size_t t) const {
    if (action_participle(t)) return true;
    return t + 1 < w_.tokens.size() && w_.tokens[t + 1].sentence == w_.tokens[t].sentence &&
           w_.tokens[t + 1].begin == w_.tokens[t].end + 1 && text_[w_.tokens[t].end] == '-' && lowercase(t) &&
           action_participle(t + 1);
  }
  bool action_participle(size_t t) const {
    if (!lowercase(t)) return false;
    // "would be followed up with the team": a task, where "followed" alone is how things are done.
    if (word(t) == "followed" && t + 1 < w_.tokens.size() && w_.tokens[t + 1].sentence == w_.tokens[t].sentence &&
        word(t + 1) == "up")
      return true;
    if (is(table_.non_action_participle, t)) return false;
    return is(table_.irregular_participle, t) || ends_with(t, "ed");
  }

  // The span's last token: the verb, and a particle that follows it at once.
  size_t with_particle(size_t v, uint32_t s) const { return in(v + 1, s) && particle_after(v) ? v + 1 : v; }

  // Token v + 1 is a particle of verb v: "report back", "pass on", "look
  // after"; "consult on the draft" and "published on the website" take a
  // preposition instead.
  bool particle_after(size_t v) const {
    size_t p = v + 1;
    if (word(p) == "after" || word(p) == "at") return word(v) == "look" || word(v) == "looked";
    if (!is(table_.particle, p)) return false;
    if (word(p) != "on") return true;
    return is(table_.takes_on, v);
  }

  bool make(size_t head, size_t last, Found& out, bool action = false) const {
    // A hyphenated verb is one word: "re-examine", "follow-up".
    while (last + 1 < w_.tokens.size() && w_.tokens[last + 1].sentence == w_.tokens[last].sentence &&
           w_.tokens[last + 1].begin == w_.tokens[last].end + 1 && text_[w_.tokens[last].end] == '-')
      ++last;
    out.head = head;
    out.last = last;
    out.begin = w_.tokens[head].begin;
    out.end = w_.tokens[last].end;
    out.action_line = action;
    return true;
  }

  // First token of the clause that ends just before t (its subject), and
  // whether it is introduced by "agreed that".
  size_t clause_start(size_t t, bool& agreed_that) const {
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    size_t k = t;
    agreed_that = false;
    while (k > first && t - k < kLookBack) {
      size_t p = k - 1;
      if (is(table_.clause_word, p)) {
        if (is(table_.that, p)) {
          size_t q = p;
          while (q > first && p - q < 3 && is(table_.was_it, q - 1)) --q;
          if (q > first && is(table_.agreed, q - 1)) agreed_that = true;
        }
        break;
      }
      k = p;
      if (w_.tokens[p].break_before) break;
    }
    return k;
  }

  // Actor test: an officer, post, team, service, council, named person or
  // pronoun is the subject; with no subject ("... and would"), the
  // sentence's earlier actor.
  bool has_actor(size_t t) const {
    if (is(table_.contracted_modal, t)) return true;
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    if (agreed_that) return true;
    size_t first = w_.sentences[w_.tokens[t].sentence].first_token;
    bool any = false, outside = false, actor = false;
    size_t head = npos;  // the subject's last word
    for (size_t k = from; k < t; ++k) {
      if (adverb(k)) continue;
      any = true;
      head = k;
      if (is(table_.outside_body, k)) outside = true;
      if (is(table_.actor, k) || (w_.tokens[k].capitalised && !is(table_.function_word, k))) actor = true;
    }
    // "The Corporate Landlord Lead would ...": a post heads the subject, so
    // the outside body's word only names the post.
    if (outside && head != npos && is(table_.post, head) && !is(table_.outside_body, head)) return true;
    // "Mrs Oduya, from the housing association, offered to ...": the clause
    // found is an aside between commas; the subject stands before it.
    bool aside = from > first && from < t && w_.tokens[from].break_before &&
                 (word(from) == "from" || word(from) == "for" || word(from) == "of" || word(from) == "representing");
    if (aside) {
      for (size_t k = from; k > first && from - k < 8; --k) {
        if (is(table_.clause_word, k - 1)) break;
        if (is(table_.actor, k - 1) || (w_.tokens[k - 1].capitalised && !is(table_.function_word, k - 1))) return true;
      }
    }
    if (outside) return false;
    if (any) return actor;
    // "This would balance the Committee and would fit ...": the earlier modal's subject is this one's
    // too, and the words between are its object.
    for (size_t k = from; k > first && from - k < kLookBack; --k) {
      if (is(table_.modal, k - 1) && !is(table_.contracted_modal, k - 1)) return has_actor(k - 1);
      if ((is(table_.clause_word, k - 1) || is(table_.but, k - 1)) && !is(table_.and_word, k - 1)) break;
    }
    for (size_t k = from; k > first && from - k < kLookBack; --k) {
      if (is(table_.outside_body, k - 1)) return false;
      if (is(table_.actor, k - 1) || (w_.tokens[k - 1].capitalised && !is(table_.function_word, k - 1))) return true;
    }
    return false;
  }

  // The subject of a passive is people a procedure is done to, or a bare
  // "these": how a service works.
  bool generic_subject(size_t t) const {
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    if (from >= t) return false;
    if (is(table_.generic_people, from) || is(table_.generic_people, t - 1)) return true;
    if (is(table_.case_noun, from)) return true;  // "Applications for the fund would be assessed ..."
    // A bare plural ("anonymous complaints would be investigated"): how things are done, not one task.
    for (size_t k = from; k < t; ++k)
      if (is(table_.determiner, k) || (k > from && w_.tokens[k].capitalised)) return false;
    std::string_view head = word(t - 1);
    if (is(table_.actor, t - 1)) return false;  // "Officers would be notified", "Highways will be told"
    // "Quotes would be obtained", "Copies would be sent": what someone fetches or sends, one task.
    if (is(table_.fetched_plural, t - 1)) return false;
    return t - from <= 3 && head.size() > 3 && head.back() == 's' && head[head.size() - 2] != 's';
  }

  // would / will / shall + action verb (active), + be + participle (passive),
  // + be happy / pleased / glad / willing to + verb.
  bool modal(size_t t, Found& out) const {
    if (!is(table_.modal, t)) return false;
    uint32_t s = w_.tokens[t].sentence;
    size_t j = t + 1;
    // "the Chair would now take item 5" is within the meeting; "would now
    // complete it in May" is a task for later.
    if (in(j, s) && is(table_.now, j)) {
      // "would now be considered at the meeting in July": the passive, likewise.
      if (!in(j + 1, s) || !(action_verb(j + 1) || is(table_.be, j + 1)) || !later_time_after(j + 1)) return false;
      ++j;
    }
    while (in(j, s) && j - t <= 3 && adverb(j)) ++j;
    if (!in(j, s)) return false;
    if (is(table_.be, j)) {
      ++j;
      while (in(j, s) && j - t <= 5 && adverb(j)) ++j;
      if (!in(j, s)) return false;
      if (in(j + 2, s) && is(table_.to, j + 1) && (word(j) == "happy" || word(j) == "pleased" || word(j) == "glad" || word(j) == "willing") &&
          (action_verb(j + 2) || word(j + 2) == "help" || word(j + 2) == "assist")) {
        out.construction = "happy-to";
        return make(t, with_particle(j + 2, s), out);
      }
      // "An officer would be in touch with the resident": contact, said another way.
      if (in(j + 1, s) && word(j) == "in" && (word(j + 1) == "touch" || word(j + 1) == "contact") && has_actor(t))
        return make(t, j + 1, out);
      if (business_for_a_meeting(j)) {
        out.construction = "would-come-back";
        return make(t, j, out);
      }
      // "he would be reporting back to the next meeting", "would be writing to the operator": a task in the progressive.
      if (progressive_task(j) && has_actor(t)) {
        out.construction = "would-task";
        return make(t, with_particle(j, s), out);
      }
      // "a report would be forthcoming": the paper is owed, as if "would be brought".
      if (word(j) == "forthcoming" && subject_has(t, table_.owed_paper)) {
        out.construction = "would-be-passive";
        return make(t, j, out);
      }
      if (!participle_at(j) || generic_subject(t)) return false;
      // "the surplus would be given to the hall fund": a decision about money.
      if (is(table_.money_participle, j) && subject_has(t, table_.money)) return false;
      // "the vacant seat would be filled by the reserve candidate": an appointment.
      if (word(j) == "filled" && subject_has(t, table_.post_noun)) return false;
      // "the Boundary Commission's proposals would be published": an outside body's own act.
      if (is(table_.publication_participle, j) && subject_has(t, table_.outside_body)) return false;
      // "a decision would be made by the Cabinet": the decision itself, not a task.
      if (word(j) == "made" && decision_near(t)) return false;
      // "the budget would be set in February": a decision; "would be set out / up" stays a task.
      if (word(j) == "set" && !(in(j + 1, s) && is(table_.particle, j + 1))) return false;
      // "the overspend would be met from reserves": how a cost is paid, a decision.
      if ((word(j) == "met" || word(j) == "covered") && in(j + 1, s) && word(j + 1) == "from") return false;
      if (sent_out_to_the_public(j)) return false;
      // "action would be taken against any trader who ...": a rule for a class of cases, as with an active verb.
      if (in(j + 1, s) && is(table_.case_preposition, j + 1) && done_to_a_class(j + 1)) return false;
      // "Members would be given the opportunity to comment": a possibility, not a task.
      if ((word(j) == "given" || word(j) == "offered") && in(j + 2, s) && is(table_.the, j + 1) &&
          (word(j + 2) == "opportunity" || word(j + 2) == "chance"))
        return false;
      out.construction = "would-be-passive";
      return make(t, with_particle(j, s), out);
    }
    // "A further update would come to the Panel": officers must bring it, as with a passive.
    if (business_for_a_meeting(j)) {
      out.construction = "would-come-back";
      return make(t, with_particle(j, s), out);
    }
    if (!has_actor(t) || subject_head_is_a_thing(t)) return false;
    if (receives_money(j)) return false;  // "The Council would receive £2.4 million": funding, not business
    // "Members would receive a letter from the Chair": the sender's task, said from the reader's side.
    if (receives_correspondence(j)) {
      out.construction = "would-be-passive";
      return make(t, j, out);
    }
    if (word(j) == "make" && decision_near(j)) return false;  // "would make the final decision"
    if (runs_for_a_time(j)) return false;  // "the consultation would run from 1 September"
    if (done_to_a_class(j)) return false;  // "officers will visit any premises that ..."
    // "would recommend whether a limit was justified": advice still to be worked out, a task.
    // "would still try to help them": the effort is judged by the verb it governs.
    if (is(table_.effort, j) && in(j + 2, s) && is(table_.to, j + 1) && !action_verb(j + 2)) return false;
    bool advice_to_come = word(j) == "recommend" && in(j + 1, s) &&
                          (word(j + 1) == "whether" || word(j + 1) == "how" || word(j + 1) == "which" || word(j + 1) == "what");
    if (action_verb(j) || phrasal_take(j) || advice_to_come) return make(t, with_particle(j, s), out);
    // "would take the Panel's views away and report back": one modal, and a follow-up task.
    if (!lowercase(j) || is(table_.be, j)) return false;
    for (size_t k = j + 1; in(k + 1, s) && k <= j + 10; ++k) {
      if (is(table_.modal, k) || is(table_.clause_word, k)) {
        if (!is(table_.and_word, k)) return false;
        return is(table_.follow_up, k + 1) ? make(t, j, out) : false;
      }
    }
    return false;
  }

  // "a news release would be sent out", "letters would be sent out to those who
  // had responded": a mailing to the public, the service's business. Sent out
  // to Members, or with the minutes, stays a task for the meeting's audience.
  bool sent_out_to_the_public(size_t participle) const {
    uint32_t s = w_.tokens[participle].sentence;
    if (word(participle) != "sent" || !in(participle + 1, s) || word(participle + 1) != "out") return false;
    for (size_t k = participle + 2; in(k, s) && k <= participle + 5; ++k)
      if (is(table_.audience, k) || is(table_.post, k) || word(k) == "with") return false;  // "with the minutes"
    return true;
  }

  // Token v is the -ing form of a follow-up verb: "reporting", "writing", "circulating".
  bool progressive_task(size_t v) const {
    if (!lowercase(v) || !ends_with(v, "ing")) return false;
    std::string_view w = word(v);
    if (w.size() - 3 > kLongestWord) return false;
    std::string stem(w.substr(0, w.size() - 3));
    if (table_.follow_up.test(table_.vocabulary.find(stem))) return true;
    return table_.follow_up.test(table_.vocabulary.find(stem + "e"));  // "writing", "sharing"
  }

  // A word of `set` in the subject of the modal at t.
  bool subject_has(size_t t, const WordSet& set) const {
    bool agreed_that = false;
    for (size_t k = clause_start(t, agreed_that); k < t; ++k)
      if (is(set, k) || set.test(possessor(k))) return true;
    return false;
  }

  // The bytes of a possessive ending ("'s", "’s") at the end of w; 0 if none.
  static size_t possessive_ending(std::string_view w) {
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return 2;
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return 4;
    return 0;
  }

  // The word a possessive is made from ("Commission's" → commission), or kOtherWord.
  WordId possessor(size_t k) const {
    std::string_view w = word(k);
    size_t cut = possessive_ending(w);
    if (!cut || w.size() - cut > kLongestWord) return kOtherWord;
    char lower[kLongestWord];
    for (size_t i = 0; i + cut < w.size(); ++i) lower[i] = ascii_lower(w[i]);
    return table_.vocabulary.find(std::string_view(lower, w.size() - cut));
  }

  // "would come to the Panel", "would go before Cabinet", "would come back":
  // business someone must bring, not an event.
  bool business_for_a_meeting(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    // "the contractor would attend the next meeting": someone coming to a later meeting, arranged.
    // ("would attend the meeting to present the report" describes how a hearing runs.)
    if ((word(v) == "attend" || word(v) == "attending") && in(v + 3, s) && is(table_.the, v + 1) &&
        (word(v + 2) == "next" || word(v + 2) == "following" || word(v + 2) == "future") &&
        (word(v + 3) == "meeting" || word(v + 3) == "meetings"))
      return true;
    if (word(v) != "come" && word(v) != "go") return false;
    if (in(v + 1, s) && word(v + 1) == "back") return true;
    if (!in(v + 2, s) || (word(v + 1) != "to" && word(v + 1) != "before")) return false;
    size_t k = v + 2;
    if (is(table_.the, k) && in(k + 1, s)) ++k;
    if (is(table_.committee, k)) return true;
    // "The Panel agreed that each plan would come to it": the pronoun is the committee.
    if (word(k) != "it" && word(k) != "them" && word(k) != "us") return false;
    for (size_t j = w_.sentences[s].first_token; j < v; ++j)
      if (is(table_.committee, j) && w_.tokens[j].capitalised) return true;
    return false;
  }

  // "decision" within a few words of token t, in its sentence: making a decision is the decision.
  bool decision_near(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t first = w_.sentences[s].first_token;
    for (size_t k = (t > first + 4 ? t - 4 : first); k <= t + 4 && in(k, s); ++k)
      if (word(k) == "decision" || word(k) == "decisions") return true;
    return false;
  }

  // "would visit any premises that receives a low rating": a rule for a
  // class of cases, how the service works, not one task.
  bool done_to_a_class(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    size_t k = v + 1;
    if (!in(k, s) || (word(k) != "any" && word(k) != "every" && word(k) != "all" && word(k) != "each")) return false;
    // "would assess each application": every case of a kind the service handles.
    if (in(k + 1, s) && is(table_.case_noun_singular, k + 1)) return true;
    for (size_t j = k + 1; in(j, s) && j <= k + 4; ++j)
      if (word(j) == "that" || word(j) == "which" || word(j) == "who" || word(j) == "where") return true;
    return false;
  }

  // "would run from May to July", "would last for six weeks": how long an event goes on.
  bool runs_for_a_time(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    if (word(v) != "run" && word(v) != "last" && word(v) != "operate") return false;
    if (!in(v + 1, s)) return true;
    std::string_view n = word(v + 1);
    return n == "from" || n == "until" || n == "till" || n == "for" || n == "between" || n == "over" ||
           n == "throughout" || n == "to" || n == "into" || n == "through";
  }

  // "would receive a letter from the Chair", "a written reply from the officer".
  bool receives_correspondence(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    if (word(v) != "receive" || !in(v + 3, s) || !is(table_.indefinite, v + 1)) return false;
    size_t n = v + 2;
    if (word(n) == "written" || word(n) == "full" || word(n) == "further") ++n;
    if (!in(n + 1, s) || !is(table_.correspondence, n) || word(n + 1) != "from") return false;
    for (size_t k = n + 2; in(k, s) && k <= n + 4; ++k)
      if (is(table_.actor, k)) return true;
    return false;
  }

  bool receives_money(size_t v) const {
    if (word(v) != "receive" || v + 1 >= w_.tokens.size()) return false;
    std::string_view gap = text_.substr(w_.tokens[v].end, w_.tokens[v + 1].begin - w_.tokens[v].end);
    char first = text_[w_.tokens[v + 1].begin];
    return gap.find("\xC2\xA3") != std::string_view::npos || (first >= '0' && first <= '9');
  }

  // "would take the matter up with the Trust", "would take it forward".
  bool phrasal_take(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    if (word(v) != "take") return false;
    for (size_t k = v + 1; k <= v + 12 && in(k, s); ++k) {
      if (word(k) == "up" || word(k) == "forward" || word(k) == "back" || word(k) == "away") return true;
      if (is(table_.clause_word, k) || is(table_.modal, k)) return false;
    }
    return false;
  }

  bool later_time_after(size_t v) const { return any_after(v, table_.later_time, npos); }

  // A word of `set` after token v in its sentence, within `reach` tokens.
  bool any_after(size_t v, const WordSet& set, size_t reach) const {
    uint32_t s = w_.tokens[v].sentence;
    for (size_t k = v + 1; k < sentence_end_[s] && k - v <= reach; ++k)
      if (is(set, k)) return true;
    return false;
  }

  // offered / intended / planned / aimed to + verb; agreed / undertook to do so.
  bool commitment(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (agreed_that_next_meeting(t, out) || agreed_that_owner(t, out)) return true;
    bool committed = is(table_.commitment, t);
    // "agreed / undertook / promised to" + a verb the phrase table does not list ("agreed to re-examine").
    bool agreed = !committed && (is(table_.agreed, t) || is(table_.title_verb, t));
    if (!committed && !agreed) return false;
    size_t first = w_.sentences[s].first_token;
    // "the offer to ...", "a promise to ...": a noun; "sought approval to agree to ...": a request.
    if (t > first && (is(table_.determiner, t - 1) || is(table_.to, t - 1))) return false;
    // "alarms had been offered to residents": a passive, what was given, not a commitment.
    if (committed && t > first && (is(table_.be, t - 1) || word(t - 1) == "been" || is(table_.is_was, t - 1))) return false;
    // "the continuing plan to have a landing site": a noun after an adjective.
    if (t > first + 1 && lowercase(t - 1) && ends_with(t - 1, "ing") && is(table_.determiner, t - 2)) return false;
    if (!in(t + 2, s) || !is(table_.to, t + 1)) return false;
    size_t v = t + 2;
    while (in(v, s) && v - t <= 4 && adverb(v)) ++v;
    // After "offered to" the verb is a task even where, after "would", it can be
    // an act within the meeting ("offered to take Members on a visit").
    // "agreed to come back to the Committee": business someone must bring.
    // "aimed to have the system working by April": bringing about a result.
    // "agreed to start looking at some possibilities": starting the task is the task.
    bool starts_work = word(v) == "start" || word(v) == "begin";
    if (!in(v, s) || !(action_verb(v) || (is(table_.task_when_given, v) && committed) || phrasal_take(v) ||
                       business_for_a_meeting(v) || starts_work))
      return false;
    if (committed && !has_actor(t)) return false;
    // "would aim to send the answers by noon": an aim (the modal's exclusions say so), not a plan made.
    if (committed && is(table_.aim_word, t) && t > first && is(table_.modal, t - 1)) return false;
    out.construction = committed ? (word(t)[0] == 'o' || word(t)[0] == 'O' ? "offered-to"
                                    : organisation_plans(t)                  ? "plans-to"
                                                                             : "intended-to")
                                 : is(table_.agreed, t) ? "agreed-to" : "undertook-to";
    return make(t, with_particle(v, s), out);
  }

  // "It was (further) agreed to invite the manager": agreed with no one named,
  // to do what a committee does for itself, so the committee decided.
  bool impersonal_decision(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.agreed, t)) return false;
    size_t first = w_.sentences[s].first_token;
    size_t k = t;
    while (k > first && adverb(k - 1)) --k;
    if (k < first + 2 || !is(table_.is_was, k - 1) || (word(k - 2) != "it" && word(k - 2) != "It")) return false;
    size_t v = t + 1;
    if (!in(v, s) || !is(table_.to, v)) return false;
    ++v;
    while (in(v, s) && v <= t + 4 && adverb(v)) ++v;
    if (in(v + 1, s) && word(v) == "make" && word(v + 1).substr(0, 14) == "representation") return true;
    return in(v, s) && is(table_.committee_act_verb, v);
  }

  // "The Committee would be asked to approve the accounts in September": the
  // committee's own business to come, which officers' papers serve.
  bool committee_asked_to_decide(size_t t) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t v = verb_after_modal(t);
    if (!in(v + 3, s) || !is(table_.be, v) || word(v + 1) != "asked" || !is(table_.to, v + 2)) return false;
    if (!is(table_.decide_verb, v + 3)) return false;
    return subject_head_is(t, table_.own_body);
  }

  // "The minutes would be presented to the next meeting for approval": the
  // minutes' own procedure. (Minutes "circulated" to members are a task.)
  bool minutes_for_approval(size_t t) const {
    if (!subject_head_is(t, table_.minutes_word)) return false;
    uint32_t s = w_.tokens[t].sentence;
    for (size_t k = t + 1; k + 1 < sentence_end_[s] && k <= t + 12; ++k)
      if (word(k) == "for" && (word(k + 1) == "approval" || word(k + 1) == "signature" || word(k + 1) == "confirmation"))
        return true;
    return false;
  }

  // The subject's head: the last token of [from, t) that is no adverb, or npos.
  size_t last_word_before(size_t from, size_t t) const {
    size_t head = npos;
    for (size_t k = from; k < t; ++k)
      if (!adverb(k)) head = k;
    return head;
  }

  // The last word of the subject of the clause whose head is t is in `set`.
  bool subject_head_is(size_t t, const WordSet& set) const {
    bool agreed_that = false;
    size_t from = clause_start(t, agreed_that);
    const size_t head = last_word_before(from, t);
    if (head == npos || !is(set, head)) return false;
    // "A note of the decision", "the Head of the Service": the word is in a modifier, not the head.
    size_t k = head;
    while (k > from && is(table_.the, k - 1)) --k;
    return !(k > from && word(k - 1) == "of");
  }

  // "The Council intended to move to paperless meetings", "the team aimed to
  // clear the backlog": an organisation's plan or a target, not a person's undertaking.
  bool organisation_plans(size_t t) const {
    return is(table_.aim_word, t) || subject_head_is(t, table_.institution);
  }

  // "It was agreed that the future direction be discussed at the next
  // meeting": an item someone must bring to a later meeting. (What the
  // committee agreed "would be made" is its own decision, and stays one.)
  bool agreed_that_next_meeting(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.agreed, t) || !in(t + 1, s) || !is(table_.that, t + 1)) return false;
    for (size_t k = t + 2; in(k + 1, s) && k <= t + 14; ++k) {
      if (is(table_.modal, k) || is(table_.clause_word, k)) return false;
      if (is(table_.be, k) && participle_at(k + 1)) {
        if (!next_meeting_after(k + 1)) return false;
        out.construction = "agreed-next-meeting";
        return make(k, k + 1, out);
      }
    }
    return false;
  }

  // "It was agreed that Imelda Farrant to provide the contact details": an owner line after "agreed that".
  bool agreed_that_owner(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!is(table_.agreed, t) || !in(t + 3, s) || !is(table_.that, t + 1)) return false;
    size_t k = t + 2;
    if (is(table_.the, k)) ++k;
    size_t owner = k;
    while (in(k, s) && k - owner < 5 && (w_.tokens[k].capitalised || (k > owner && is(table_.title_joiner, k)))) ++k;
    if (k == owner || !in(k + 1, s) || !is(table_.to, k) || !action_verb(k + 1)) return false;
    out.construction = "owner-to";
    return make(k, with_particle(k + 1, s), out);
  }

  // "at the next meeting", "to a future meeting", "for the following agenda".
  bool next_meeting_after(size_t v) const {
    uint32_t s = w_.tokens[v].sentence;
    for (size_t k = v + 1; in(k + 1, s) && k <= v + 8; ++k)
      if (word(k) == "next" || word(k) == "future" || word(k) == "following")
        for (size_t j = k + 1; in(j, s) && j <= k + 2; ++j)
          if (word(j) == "meeting" || word(j) == "meetings" || word(j) == "agenda") return true;
    return false;
  }

  // "ACTION: Head of Parks to arrange ...", "Action – Clerk to obtain ...",
  // "ACTION: That an update ... be provided", "ACTION: Chair".
  bool action_line(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (w_.sentences[s].first_token != t || !is(table_.action_label, t)) return false;
    if (w_.tokens[t].colon_end == 0) {
      if (numbered_label(t, out) || initials_after_label(t, out)) return true;
      if (!heading_over_imperative(t, out)) return false;
      out.construction = "action-heading";
      return true;
    }
    // "ACTION: That a note on the changes to charges be circulated": the
    // subjunctive carries it, and a "to" before it is a preposition.
    if (in(t + 1, s) && is(table_.that, t + 1))
      for (size_t k = t + 2; in(k + 1, s) && k - t <= 24; ++k)
        if (is(table_.be, k) && participle_at(k + 1)) return make(t, k + 1, out, true);
    for (size_t k = t + 1; in(k + 1, s) && k - t <= 10; ++k) {
      if (is(table_.to, k) && in(k + 1, s)) {
        size_t v = k + 1;
        if (is(table_.be, v) && in(v + 1, s) && participle_at(v + 1)) return make(t, v + 1, out, true);
        if (action_verb(v)) return make(t, with_particle(v, s), out, true);
        break;
      }
      if (is(table_.be, k) && participle_at(k + 1)) return make(t, k + 1, out, true);
    }
    // A bare "Action:" heads the line below it; with nothing below, it names no task.
    if (!in(t + 1, s) && s + 1 >= w_.sentences.size()) return false;
    // Only an owner: the label and the owner ("ACTION: Chair").
    out.head = out.last = t;
    out.begin = w_.tokens[t].begin;
    out.end = w_.tokens[t].colon_end;
    out.action_line = true;
    return true;
  }

  // "Action" on a line of its own over "Circulate the draft terms to members.":
  // the heading names the line below it a task.
  bool heading_over_imperative(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!w_.sentences[s].line_start) return false;
    size_t v = npos;
    if (in(t + 1, s)) {
      // The next line of the same paragraph.
      if (text_.substr(w_.tokens[t].end, w_.tokens[t + 1].begin - w_.tokens[t].end).find('\n') != std::string_view::npos)
        v = t + 1;
    } else if (s + 1 < w_.sentences.size() && w_.sentences[s + 1].line_start) {
      v = w_.sentences[s + 1].first_token;
    }
    if (v == npos || !w_.tokens[v].capitalised || !is(table_.task_verb, v)) return false;
    return make(t, t, out, true);
  }

  // "Action 3.01: CP": a numbered label, then its owner.
  bool numbered_label(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t label_end = npos;
    for (size_t k = t + 1; in(k, s) && k <= t + 3; ++k) {
      std::string_view w = word(k);
      if (w.find_first_not_of("0123456789") != w.npos) return false;
      if (w_.tokens[k].colon_end != 0) {
        label_end = k;
        break;
      }
    }
    if (label_end == npos) return false;
    size_t k = label_end + 1;
    while (in(k, s) && k - label_end <= 4 && w_.tokens[k].capitalised) ++k;
    // The owner is initials or a post and ends the line: "Action 72: Value for money ..." is a log's heading.
    if (k == label_end + 1 || in(k, s)) return false;
    if (!initials(label_end + 1) && !is(table_.post, label_end + 1) && !is(table_.owner_post, label_end + 1)) return false;
    return make(t, k - 1, out, true);
  }

  // "Action TL", "Action TL/DK" on a line of their own: the label and the
  // owners' initials, with no colon and nothing else.
  bool initials_after_label(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (!w_.sentences[s].line_start) return false;
    size_t k = t + 1;
    for (; in(k, s); ++k) {
      std::string_view w = word(k);
      if (k - t > 3 || w.size() < 2 || w.size() > 4 || w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != w.npos)
        return false;
    }
    if (k == t + 1) return false;
    return make(t, k - 1, out, true);
  }

  // An action-list line "Finance to check ...", "Head of ICT to arrange ...".
  bool owner_to(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    if (w_.sentences[s].first_token != t || !w_.tokens[t].capitalised) return false;
    if (is(table_.function_word, t) && !is(table_.the, t)) return false;
    if (is(table_.need_word, t)) return false;
    // "Allowing the Committee to feed in its views": a verb opens the line, not an owner.
    // ("Planning Policy Manager", "Housing Options": a capital word follows, and names the owner.)
    if ((ends_with(t, "ing") || ends_with(t, "ed")) && in(t + 1, s) && (lowercase(t + 1) || is(table_.the, t + 1)))
      return false;
    for (size_t k = t + 1; in(k + 1, s) && k - t <= 5; ++k) {
      if (is(table_.to, k)) {
        // "REASONS FOR DECISION – To keep Cabinet informed": a capital "To" opens a purpose, not an owner's task.
        if (w_.tokens[k].capitalised) return false;
        if (!action_verb(k + 1) && !is(table_.task_when_given, k + 1)) return false;
        // Mid-line ("... on the green. The Clerk to make enquiries"), a post must own the task.
        bool post_owns = false;
        for (size_t j = t; j < k; ++j) post_owns = post_owns || is(table_.post, j) || is(table_.owner_post, j);
        if (!w_.sentences[s].line_start && !post_owns && !in_action_list(s)) return false;  // checked last: it walks back the line
        // "Panel to consider the strategy at a later meeting": the committee's own business.
        if (k == t + 1 && is(table_.own_body, t)) return false;
        return make(t, with_particle(k + 1, s), out);
      }
      // "HR is to organise a site meeting": the same owner line with "is to".
      // The owner is a post or initials ("HR", "CP", "The Clerk"), not a group's name ("The Land Group is to hold").
      if ((word(k) == "is" || word(k) == "are") && in(k + 2, s) && is(table_.to, k + 1) && w_.sentences[s].line_start &&
          action_verb(k + 2) &&
          ((k == t + 1 && (is(table_.post, t) || is(table_.owner_post, t) || initials(t))) ||
           // "The Clerk is to write", "The Head of Planning is to contact": a post after "the".
           (k > t + 1 && is(table_.the, t) && names_post(t + 1, k))))
        return make(t, with_particle(k + 2, s), out);
      const Token& tok = w_.tokens[k];
      // "The pensions team to give ...": a lower-case word that names the team or post before "to".
      bool names_owner = lowercase(k) && !is(table_.function_word, k) && owner_head_before_to(k);
      if (!(tok.capitalised || is(table_.title_joiner, k) || is(table_.actor, k) || names_owner) || is(table_.stop, k))
        return false;
      if ((tok.capitalised && ends_with(k, "ed")) || is(table_.title_verb, k)) return false;
    }
    return false;
  }

  /// Some word of tokens [from, to) names a post ("Clerk", "Head", "Officer").
  bool names_post(size_t from, size_t to) const {
    for (size_t j = from; j < to; ++j)
      if (is(table_.post, j) || is(table_.owner_post, j)) return true;
    return false;
  }

  // From token k, lower-case words run to an actor ("team", "officer") that stands just before "to".
  bool owner_head_before_to(size_t k) const {
    uint32_t s = w_.tokens[k].sentence;
    for (size_t j = k; in(j + 1, s) && j <= k + 3; ++j) {
      // "asked officers to ...", "invited members to ...": a request, not an owner's name.
      if (is(table_.stop, j) || is(table_.function_word, j) || w_.tokens[j].break_before || ends_with(j, "ed") ||
          is(table_.title_verb, j))
        return false;
      if (is(table_.actor, j) && is(table_.to, j + 1)) return true;
    }
    return false;
  }

  // "HR", "CP": two to four capitals, a person's initials or a team's letters.
  bool initials(size_t t) const {
    std::string_view w = word(t);
    return w.size() >= 2 && w.size() <= 4 && w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == w.npos;
  }

  // "Action from last meeting: Clerk to add ...": an earlier action restated.
  bool earlier_action_label(uint32_t s) const {
    size_t f = w_.sentences[s].first_token;
    if (!is(table_.action_label, f)) return false;
    for (size_t k = f + 1; in(k, s) && k <= f + 5; ++k) {
      if (word(k) == "last" || word(k) == "previous") return true;
      if (w_.tokens[k - 1].colon_end != 0) return false;
    }
    return false;
  }

  // "As the PCSO could not attend, Clerk to circulate the briefing", "...
  // on Chapel Hill – Clerk to action": a post with no article, after a comma
  // or a dash, owns the task of the words that follow.
  bool owner_after_break(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t first = w_.sentences[s].first_token;
    if (!is(table_.to, t) || t <= first || !lowercase(t) || !in(t + 1, s)) return false;
    size_t o = t - 1;
    const Token& owner = w_.tokens[o];
    if (!owner.capitalised || !owner.break_before || !(is(table_.post, o) || is(table_.owner_post, o))) return false;
    if (!action_verb(t + 1) && !is(table_.task_when_given, t + 1)) return false;
    return make(o, with_particle(t + 1, s), out);
  }

  // Sentence s continues a line that opens with an ACTION label: "ACTIONS:
  // Clerk to order the plaque; Cllr Nairn to speak to the family".
  bool in_action_list(uint32_t s) const {
    while (s > 0 && !w_.sentences[s].line_start) --s;
    size_t f = w_.sentences[s].first_token;
    return f < w_.tokens.size() && is(table_.action_label, f) && w_.tokens[f].colon_end != 0;
  }

  // "Date of the workshop to be confirmed by ...": X to be + participle.
  bool passive_infinitive(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    size_t first = w_.sentences[s].first_token;
    if (!is(table_.to, t) || t == first || !in(t + 2, s) || !is(table_.be, t + 1) || !participle_at(t + 2)) return false;
    // "Next meeting – To be confirmed": a capital "To" after a label is a status, not an owner's task.
    if (w_.tokens[t].capitalised) return false;
    size_t before = t - 1;
    // "dates were still to be fixed", "it was yet to be decided": not yet settled, no task.
    if ((word(before) == "still" || word(before) == "yet") && before > first) --before;
    if (is(table_.before_to_be, before) || is(table_.stop, before) || ends_with(before, "ed")) return false;
    // An owner line has no main verb of its own ("Date of the workshop to be
    // confirmed"); with one, the infinitive only describes a noun of the
    // narrative ("the main issues to be included ... are:", "items to be
    // returned to at a future meeting were raised").
    // The clause starts after ", and" ("Cllr Tranter would compile a list, and a copy to be e-mailed").
    size_t clause = first;
    for (size_t k = t; k > first; --k)
      if (word(k - 1) == "and" && w_.tokens[k - 1].break_before) {
        clause = k;
        break;
      }
    size_t last = t + 2;
    for (size_t k = clause; in(k, s); last = k++)
      if ((k < t || k > t + 2) && (is(table_.finite, k) || (is(table_.decision_main, k) && lowercase(k)))) return false;
    if (w_.tokens[last].colon_end != 0) return false;  // a list's lead-in: "The issues to be included are:"
    // "asked for the figures to be ...", "arrange for the gully to be cleared",
    // "were content for the hedges to be laid": a request, a wish, or the
    // means of another promise, not an owner's task. ("Quotes for re-roofing
    // the pavilion to be obtained" keeps its owner's task: a noun before "for".)
    for (size_t k = t; k > first + 1 && t - k < 16; --k) {
      if (!is(table_.for_word, k - 1)) continue;
      size_t f = k - 1;
      if (ends_with(f - 1, "ed") || is(table_.arrange_ask, f - 1) || is(table_.willing, f - 1)) return false;
      for (size_t j = f; j > first && f - j < 6; --j)
        if (is(table_.is_was, j - 1) || is(table_.be, j - 1)) return false;
    }
    return make(t, t + 2, out);
  }

  // In a RESOLVED or AGREED decision: "That the Director of Housing write to
  // ...", "asks the Senior Scrutiny Adviser to examine ...".
  bool resolved_rule(size_t t, Found& out) const {
    uint32_t s = w_.tokens[t].sentence;
    bool asks = is(table_.asks, t);
    // "RESOLVED Councillor Kowalczyk to buy the pads": a parish's resolution naming who acts.
    if (is(table_.resolved, t) && w_.sentences[s].first_token == t && w_.tokens[t].colon_end == 0) {
      size_t k = t + 1;
      while (in(k, s) && k - t <= 6 && w_.tokens[k].capitalised && !is(table_.committee, k) && !is(table_.that, k)) ++k;
      if (k > t + 1 && in(k + 1, s) && is(table_.to, k) && action_verb(k + 1))
        return make(k, with_particle(k + 1, s), out);
    }
    // A limb after the first: "; and (2) the Head of Service bring ...", "; (b) the Officer contact ...".
    bool limb = !asks && !is(table_.that, t) && w_.sentences[s].first_token == t && !is(table_.resolved, t);
    if (!asks && !is(table_.that, t) && !limb) return false;
    size_t k = limb ? t : t + 1;
    if (in(k, s) && (word(k) == "and" || word(k) == "or")) ++k;
    if (in(k, s) && list_marker(k)) ++k;
    if (limb && k == t) return false;  // a sentence that is not a limb
    if (in(k, s) && is(table_.the, k)) ++k;
    size_t owner_from = k;
    bool officer = false, committee = false;
    while (in(k, s) && k - owner_from < 7) {
      const Token& tok = w_.tokens[k];
      bool title = tok.capitalised || is(table_.title_joiner, k);
      if (!title || (tok.capitalised && is(table_.resolved, k))) break;
      if (possessive_ending(word(k)))
        return false;  // "the Committee's comments be ...": a possessive, not an owner
      if (is(table_.committee, k)) committee = true;
      else if (tok.capitalised && !is(table_.title_joiner, k)) officer = true;
      ++k;
    }
    if (k == owner_from || !officer || committee || !in(k, s)) return false;
    if (asks) {
      if (!is(table_.to, k) || !in(k + 1, s) || !action_verb(k + 1)) return false;
      return make(k, with_particle(k + 1, s), out);
    }
    // "That the Chief Executive be asked to convene ...".
    if (is(table_.be, k) && in(k + 3, s) && is(table_.asked_requested, k + 1) && is(table_.to, k + 2) &&
        action_verb(k + 3))
      return make(k, with_particle(k + 3, s), out);
    if (!action_verb(k)) return false;
    // "the Report and comments made be noted": no post or person owns it, and "comments" is a noun.
    bool person = false;
    for (size_t j = owner_from; j < k; ++j) person = person || is(table_.actor, j);
    if (std::string_view w = word(k); !person && w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's') return false;
    return make(k, with_particle(k, s), out);
  }

  std::string_view text_;
  const Words& w_;
  const PatternTable& table_;
  std::vector<uint32_t> sentence_end_;
  std::vector<char> resolved_;
  static constexpr signed char kUnknown = -1;
  mutable std::vector<signed char> habitual_;  // per sentence, worked out when first asked
  mutable std::vector<signed char> within_meeting_;  // likewise
  static constexpr size_t kUnset = npos - 1;
  mutable std::vector<size_t> condition_end_;  // likewise: first_condition_end()
};

}  // namespace

namespace {
// Every word that can start a pattern or head a clause rule. A text with none
// of them holds no promise, and most prose fields are such texts.
WordSet words_that_can_head(const PatternTable& table) {
  WordSet heads = table.clause_head | table.action_label | table.resolved | table.asks | table.modal | table.to |
                  table.commitment | table.agreed | table.title_verb;
  for (size_t id = 0; id < kMaxWords; ++id)
    if (!table.by_first_word[id].empty()) heads.set(id);
  return heads;
}

bool may_hold_a_promise(const Words& words, const WordSet& heads) {
  for (const Token& t : words.tokens)
    if (heads.test(t.id)) return true;
  return false;
}
}  // namespace

std::vector<PromisePhrase> find_promises(std::string_view text) {
  static const PatternTable table;  // immutable after construction
  static const WordSet heads = words_that_can_head(table);
  thread_local Words words;
  Scanner(text, table.vocabulary).run(words);
  if (!may_hold_a_promise(words, heads)) return {};
  Matcher matcher(text, words, table);
  ClauseRules rules(text, words, table);
  struct Hit {
    ClauseRules::Found f;
    uint32_t sentence;
  };
  std::vector<Hit> hits;
  size_t t = 0;
  while (t < words.tokens.size()) {
    uint32_t s = words.tokens[t].sentence;
    ClauseRules::Found f;
    bool ok = false;
    if (!rules.resolved(s)) {
      size_t best_end = npos;
      const Pattern* best = nullptr;
      for (size_t id : table.by_first_word[words.tokens[t].id]) {
        const Pattern& p = table.patterns[id];
        size_t end = matcher.match(p, t);
        if (end == npos || (best_end != npos && end <= best_end)) continue;  // longest wins
        if (!matcher.guards_pass(p, t)) continue;
        best_end = end;
        best = &p;
      }
      // An ACTION line is one promise, read by its clause rule.
      bool action_label = words.sentences[s].first_token == t && table.action_label.test(words.tokens[t].id);
      if (best && !action_label) {
        const Token& last = words.tokens[best_end - 1];
        f.head = t;
        f.last = best_end - 1;
        f.begin = words.tokens[t].begin;
        f.end = best->elements.back().kind == Kind::Colon ? last.colon_end : last.end;
        f.construction = best->construction;
        // An active "would circulate" whose subject is a thing has no one to do it: "The plan would provide 200 homes".
        bool thing_acts = std::string_view(best->construction) == "would-task" &&
                          (rules.subject_is_a_thing(t) || rules.subject_head_is_a_thing(t));
        ok = !thing_acts && rules.exclusion(t) == Exclusion::None;
      }
    }
    if (!ok && rules.find(t, f)) {
      bool action_or_resolved = f.action_line || rules.resolved(s);
      ok = action_or_resolved ? rules.exclusion(f.head, false) == Exclusion::None ||
                                    rules.exclusion(f.head, false) == Exclusion::Opinion
                              : rules.exclusion(f.head) == Exclusion::None;
    }
    if (!ok) {
      ++t;
      continue;
    }
    hits.push_back({f, s});
    t = f.action_line ? rules.sentence_end(s) : f.last + 1;
  }
  // One hint per promise: a second verb group of the same clause ("agreed to
  // look into it and would respond"), or an ACTION line restating the
  // sentence before it, is the same promise.
  std::vector<PromisePhrase> found;
  const Hit* previous = nullptr;
  for (const Hit& h : hits) {
    if (previous) {
      bool same_sentence = previous->sentence == h.sentence;
      // "agreed to share the results and offered to arrange a visit": a second commitment of its own.
      bool another_commitment = rules.commitment_word(h.f.head) && rules.commitment_word(previous->f.head) &&
                                rules.head_word(h.f.head) != rules.head_word(previous->f.head);
      if (same_sentence && !h.f.action_line && !another_commitment &&
          !rules.new_subject_between(previous->f.last, h.f.head))
        continue;
      bool restates = h.f.action_line && !previous->f.action_line && h.sentence == previous->sentence + 1 &&
                      words.sentences[h.sentence].first_token == h.f.head &&
                      rules.restates(previous->sentence, h.sentence);
      if (restates) {
        previous = &h;
        continue;
      }
    }
    previous = &h;
    ClauseRules::Found span = h.f;
    rules.verb_group(span);
    found.push_back({span.begin, span.end, std::string(text.substr(span.begin, span.end - span.begin)),
                     std::string(span.construction)});
  }
  return found;
}

}  // namespace rs
