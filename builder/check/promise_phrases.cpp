#include "check/promise_phrases.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
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
constexpr size_t kMaxWords = 512;
constexpr size_t kLongestWord = 31;  // a longer word in the text cannot be one of ours
using WordSet = std::bitset<kMaxWords>;

// Lets the table be searched with a string_view without building a string.
// FNV-1a: words are short, and this is cheaper than the library's hash.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

class Vocabulary {
 public:
  /// The id of `word`, adding it when new.
  WordId add(std::string_view word) {
    if (WordId id = find(word)) return id;
    if (ids_.size() + 1 >= kMaxWords) throw std::logic_error("promise_phrases: vocabulary too large");
    if (word.size() > kLongestWord) throw std::logic_error("promise_phrases: word too long");
    auto id = static_cast<WordId>(ids_.size() + 1);
    ids_.emplace(std::string(word), id);
    longest_ = std::max(longest_, word.size());
    return id;
  }
  /// The id of `word`, or kOtherWord.
  WordId find(std::string_view word) const {
    if (word.size() > longest_) return kOtherWord;
    auto it = ids_.find(word);
    return it == ids_.end() ? kOtherWord : it->second;
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
  std::unordered_map<std::string, WordId, WordHash, std::equal_to<>> ids_;
  size_t longest_ = 0;
};

// ---------------------------------------------------------------- words

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t sentence = 0;
  uint32_t colon_end = 0;    // just past a ':' that directly follows the word; 0 if none
  WordId id = kOtherWord;    // code spans and URLs are kOtherWord too
  bool capitalised = false;  // as written: "Head", "OFFICERS"
};

struct Sentence {
  size_t first_token = 0;
  bool question = false;
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

  Words run() {
    out_.tokens.reserve(text_.size() / 6);
    while (i_ < text_.size()) {
      if (i_ == 0 || text_[i_ - 1] == '\n') {
        if (line_start()) continue;
      }
      step();
    }
    return std::move(out_);
  }

 private:
  void end_sentence(bool question) {
    if (!sentence_open_) return;
    if (question) out_.sentences.back().question = true;
    sentence_open_ = false;
  }

  void emit(size_t begin, size_t end, WordId id) {
    if (!sentence_open_) {
      out_.sentences.push_back({out_.tokens.size(), false});
      sentence_open_ = true;
    }
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.sentence = static_cast<uint32_t>(out_.sentences.size() - 1);
    t.id = id;
    t.capitalised = text_[begin] >= 'A' && text_[begin] <= 'Z';
    out_.tokens.push_back(t);
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
    size_t j = i_;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    size_t eol = line_end(j);
    if (is_blank(j, eol)) {
      end_sentence(false);
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
    char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
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
      if (k >= text_.size() || is_space_at(text_, k)) end_sentence(false);
    } else if (c == '?' || c == '!' || c == ';') {
      end_sentence(c == '?');
    } else if (c == ':') {
      mark_colon(i);
    }
    i_ += utf8_sequence_length(static_cast<unsigned char>(c));
  }

  void word() {
    size_t begin = i_;
    size_t i = i_;
    size_t size = 0;  // of the word in lower_; counts on past its capacity
    auto put = [&](char c) {
      if (size < sizeof lower_) lower_[size] = c;
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
    emit(begin, i, size < sizeof lower_ ? vocabulary_.find(std::string_view(lower_, size)) : kOtherWord);
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
    if (!sentence_open_ || out_.tokens.empty()) return;
    Token& last = out_.tokens.back();
    for (size_t k = last.end; k < at; ++k)
      if (text_[k] != '*' && text_[k] != '_') return;
    last.colon_end = static_cast<uint32_t>(at + 1);
  }

  std::string_view text_;
  const Vocabulary& vocabulary_;
  size_t i_ = 0;
  size_t paragraph_end_ = npos;  // not yet known
  bool sentence_open_ = false;
  char lower_[kLongestWord + 1];  // the current word in lower case, ’ as '
  Words out_;
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
  WordSet words;  // Word, Adverbs
  bool optional = false;
  size_t max = 1;  // Adverbs, Filler, Title
};

enum class Guard {
  None,
  Modal,       // "would"/"will": not in a conditional or a reported question
  Commitment,  // "committed to": not "is committed to" (a statement of values)
};

struct Pattern {
  bool anchored = false;
  std::vector<Element> elements;
  Guard guard = Guard::None;
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
           "soon promptly therefore additionally urgently formally jointly";
  throw std::logic_error("promise_phrases: no word set @" + std::string(name));
}

struct PatternTable {
  Vocabulary vocabulary;
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
    for (auto head : kTaskHeads) add(std::string(head) + " @act", Guard::None);
    for (auto head : kModalHeads)
      for (auto tail : kModalTails) add(std::string(head) + " " + std::string(tail), Guard::Modal);
    add("the? @audience would|will ~ be ~ kept? updated|informed|briefed|notified|advised|sent", Guard::Modal);
    add("undertook|undertake|undertakes|undertaken|undertaking to", Guard::None);
    add("promised|promise|promises to", Guard::None);
    add("committed to", Guard::Commitment);
    add("to be ~ circulated", Guard::None);
    add("to report|feed back", Guard::None);
    add("action|actions :", Guard::None);
    add("action point|points :", Guard::None);
  }

  void add(std::string_view spec, Guard guard) {
    Pattern p = compile(spec, guard);
    // Index by every word that can come first (optional words let later ones lead).
    by_first_word.resize(kMaxWords);
    for (const Element& e : p.elements) {
      for (size_t id = 0; id < kMaxWords; ++id)
        if (e.words.test(id) && (by_first_word[id].empty() || by_first_word[id].back() != patterns.size()))
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
        e.words = vocabulary.set_of(named_set("adv"));
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
        size_t from = 0;
        while (from < s.size()) {
          size_t to = s.find('|', from);
          if (to == std::string_view::npos) to = s.size();
          std::string_view alt = s.substr(from, to - from);
          e.words |= vocabulary.set_of(alt[0] == '@' ? named_set(alt.substr(1)) : alt);
          from = to + 1;
        }
      }
      p.elements.push_back(std::move(e));
    }
    return p;
  }
};

// ---------------------------------------------------------------- matching

class Matcher {
 public:
  Matcher(std::string_view text, const Words& words, const PatternTable& table)
      : text_(text), w_(words), table_(table), conditional_seen_(words.tokens.size(), false) {
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
      if (is(table_.negation, t - back)) return false;
    if (p.guard == Guard::Modal) {
      if (is(table_.procedure_opener, sentence.first_token)) return false;
      if (t > sentence.first_token && conditional_seen_[t - 1]) return false;
    }
    if (p.guard == Guard::Commitment) {
      for (size_t back = 1; back <= 2 && t >= sentence.first_token + back; ++back)
        if (is(table_.state, t - back)) return false;
    }
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
        if (in_sentence(t, s) && is(el.words, t)) {
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
    if (el.kind == Kind::Adverbs) return is(el.words, t);
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
  std::vector<bool> conditional_seen_;  // a conditional word at or before token k in its sentence
};

}  // namespace

std::vector<PromisePhrase> find_promises(std::string_view text) {
  static const PatternTable table;  // immutable after construction
  Words words = Scanner(text, table.vocabulary).run();
  Matcher matcher(text, words, table);
  std::vector<PromisePhrase> found;
  size_t t = 0;
  while (t < words.tokens.size()) {
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
    if (!best) {
      ++t;
      continue;
    }
    const Token& last = words.tokens[best_end - 1];
    size_t begin = words.tokens[t].begin;
    size_t end = best->elements.back().kind == Kind::Colon ? last.colon_end : last.end;
    found.push_back({begin, end, std::string(text.substr(begin, end - begin))});
    t = best_end;
  }
  return found;
}

}  // namespace rs
