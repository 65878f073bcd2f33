// The corpus scorer (issue 12, part 2): runs the checks on the labelled corpus
// in this folder and prints recall and precision per rule, split and
// construction; exits 1 when a figure falls below its floor in floors.txt.
//
//   corpus_score [--verbose] [--floors FILE | --no-floors] [--print-floors] [CORPUS_DIR]
//
// CORPUS_DIR defaults to tests/corpus of the source tree. VERBOSE=1 in the
// environment is the same as --verbose: every miss and false alarm is listed
// with its row id, text and span. --print-floors prints today's figures,
// rounded down to 2 decimals, in the floors.txt format.
//
// promises.tsv: find_promises (what undertaking.untracked calls) on each
// row's text with the ⟦⟧ marks removed. A hint overlapping a marked span is a
// hit (each span takes one hint; a second hint on it is a false alarm). A
// duplicate-* row holds one promise written twice: the first hint on either
// span is the hit, any other hint a false alarm. A hint in a `none` row, or
// on no span, is a false alarm. A hit is exact when its begin and end are the
// marked span's.
//
// abbreviations.tsv: glossary.yaml read with the project's loader, then
// GlossaryMatcher::check_page (what the glossary check calls) on each row as a
// page of its own. A finding is right when its rule and token match an item of
// `expect` (each item matched once). The token is the finding's span; a span
// that carries a possessive or plural s still counts for the token but is not
// exact (the exact column). glossary.avoid tokens compare without case.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "reportsite/check/glossary_matcher.h"
#include "reportsite/check/promise_model.h"
#include "reportsite/check/promise_phrases.h"
#include "reportsite/core/source.h"
#include "reportsite/load/load_site.h"
#include "reportsite/model/model.h"

using namespace rs;

namespace {

#ifndef REPORTSITE_SOURCE_DIR
#define REPORTSITE_SOURCE_DIR "."
#endif

const char* const kOpen = "\xE2\x9F\xA6";   // ⟦
const char* const kClose = "\xE2\x9F\xA7";  // ⟧

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

/// Rows of a TSV file (header checked), each a vector of its columns.
bool read_tsv(const std::string& path, const std::vector<std::string>& header,
              std::vector<std::vector<std::string>>& rows) {
  std::string content;
  if (!read_file(path, content)) {
    std::fprintf(stderr, "corpus_score: cannot read %s\n", path.c_str());
    return false;
  }
  auto lines = split(content, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty() || split(lines[0], '\t') != header) {
    std::fprintf(stderr, "corpus_score: %s: unexpected header\n", path.c_str());
    return false;
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto cols = split(line, '\t');
    if (cols.size() != header.size()) {
      std::fprintf(stderr, "corpus_score: %s:%zu: %zu columns, expected %zu\n", path.c_str(), i + 1, cols.size(),
                   header.size());
      return false;
    }
    rows.push_back(std::move(cols));
  }
  return true;
}

/// Code points before byte `at` (columns as people count them).
size_t chars(std::string_view s, size_t at) { return utf8_length(s.substr(0, std::min(at, s.size()))); }

struct Range {
  size_t begin = 0, end = 0;
};
bool overlaps(Range a, Range b) { return a.begin < b.end && b.begin < a.end; }

/// Strip ⟦⟧ from `marked`; the marked spans, as byte offsets of the stripped text.
std::string strip_marks(std::string_view marked, std::vector<Range>& spans) {
  std::string out;
  size_t open_at = std::string::npos;
  for (size_t i = 0; i < marked.size();) {
    if (marked.compare(i, 3, kOpen) == 0) {
      open_at = out.size();
      i += 3;
    } else if (marked.compare(i, 3, kClose) == 0) {
      if (open_at != std::string::npos) spans.push_back({open_at, out.size()});
      open_at = std::string::npos;
      i += 3;
    } else {
      out += marked[i++];
    }
  }
  return out;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0, exact = 0;
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double exactness() const { return tp ? double(exact) / double(tp) : 1.0; }
  void add(const Counts& o) { tp += o.tp, fp += o.fp, fn += o.fn, exact += o.exact; }
};

struct ConstructionCounts {
  size_t rows = 0, hits = 0, misses = 0, false_alarms = 0, exact = 0;
};

const char* const kRules[] = {"undertaking.untracked", "glossary.abbr-unknown", "glossary.abbr-undefined",
                              "glossary.abbr-mismatch", "glossary.avoid"};
// "fresh" rows (promises_fresh.tsv, abbreviations_fresh.tsv) were written after
// the detectors were tuned, by someone who had not seen them (FRESH.md); they
// have been tuning data since. The fresh2 rows (FRESH2.md) were scored once,
// whole and blind, then read in two halves (fresh2a, fresh2b): tuning data
// too. "fresh3" rows (FRESH3.md) are a held-out split. The realmix rows
// (promises_realmix.tsv, REALMIX.md) rewrite randomly chosen agenda items of
// real minutes sentence by sentence, so about 1 sentence in 15 is a promise:
// "realmix" is two thirds of the councils, "realmix-heldout" the other third
// (score it, never read its misses). realmix2 (promises_realmix2.tsv,
// REALMIX2.md) is a second such set from other councils, split the same way.
const char* const kSplits[] = {"tune",    "heldout", "fresh",           "fresh2a",  "fresh2b",
                               "fresh3",  "realmix", "realmix-heldout", "realmix2", "realmix2-heldout",
                               "realmix3", "realmix3-heldout", "realmix4", "realmix4-heldout",
                               "realmix5", "realmix5-heldout"};
constexpr int kSplitCount = 16;
static_assert(std::size(kSplits) == kSplitCount);

// Held out: --verbose counts their misses and false alarms but never prints them.
bool held_out(const std::string& split) {
  return split == "heldout" || split == "fresh3" || split == "realmix-heldout" || split == "realmix2-heldout" ||
         split == "realmix3-heldout" || split == "realmix4-heldout" || split == "realmix5-heldout" || split == "realmix-g-heldout" ||
         split == "realmix-g2-heldout";
}

bool known_split(const std::string& name) {
  return std::find(std::begin(kSplits), std::end(kSplits), name) != std::end(kSplits);
}

/// Sentences labelled `none` and the false alarms in them, per split (undertaking.untracked).
struct NoneRows {
  size_t rows = 0, false_alarms = 0;
  double per_thousand() const { return rows ? 1000.0 * double(false_alarms) / double(rows) : 0.0; }
};

// undertaking.untracked scored with the off-by-default possible tier reported
// too: a name for its figures in by_rule and floors.txt, not a rule of the builder.
const char* const kWithPossible = "undertaking.untracked+possible";

// The training splits whose rows are real minutes rewritten (the real mix).
bool real_mix_training(const std::string& split) {
  return split == "realmix" || split == "realmix2" || split == "realmix3" || split == "realmix4" ||
         split == "realmix5";
}

/// Hits and false alarms of the findings that carry one construction tag.
struct FoundCounts {
  size_t tp = 0, fp = 0;
};

struct Scores {
  std::map<std::pair<std::string, std::string>, Counts> by_rule;                      // (rule, split)
  // By the construction each finding names, training splits only: all of them pooled, and the real-mix ones.
  std::map<std::string, FoundCounts> found_training, found_real_mix;
  // Each split scored with the possible tier reported too (what turning the tier on gives) is
  // by_rule's kWithPossible; its sentences labelled none and their false alarms:
  std::map<std::string, NoneRows> none_rows_with_possible;
  std::map<std::string, NoneRows> none_rows;                                           // split

  std::map<std::pair<std::string, std::string>, ConstructionCounts> by_construction;  // (tag, split)
  std::map<std::pair<std::string, std::string>, ConstructionCounts> by_category;      // (category, split)
  std::vector<std::string> promise_tags;  // in file order, first seen
  std::vector<std::string> categories;
  std::vector<std::string> notes;  // misses and false alarms, for --verbose
  std::vector<std::string> realmix_categories;  // of abbreviations_realmix.tsv and abbreviations_realmix2.tsv
  size_t held_out_notes = 0;       // those of held-out splits, counted and not kept
};

std::string quote_span(std::string_view text, Range r) {
  return "[" + std::to_string(chars(text, r.begin)) + "," + std::to_string(chars(text, r.end)) + ") “" +
         std::string(text.substr(r.begin, r.end - r.begin)) + "”";
}

void remember(std::vector<std::string>& tags, const std::string& tag) {
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
}

// ---------------------------------------------------------------- promises

/// The span each hint takes (spans.size() when none: a false alarm): an exact
/// span first, then the first free one it overlaps; a duplicate-* row's
/// promise takes one hint only.
std::vector<size_t> assign_hints(const std::vector<Range>& hints, const std::vector<Range>& spans, bool duplicate) {
  std::vector<size_t> takes;
  std::vector<bool> span_taken(spans.size(), false);
  bool duplicate_hit = false;
  for (Range h : hints) {
    size_t take = spans.size();
    for (size_t k = 0; k < spans.size() && take == spans.size(); ++k)
      if (!span_taken[k] && spans[k].begin == h.begin && spans[k].end == h.end) take = k;
    for (size_t k = 0; k < spans.size() && take == spans.size(); ++k)
      if (!span_taken[k] && overlaps(spans[k], h)) take = k;
    if (duplicate && duplicate_hit) take = spans.size();
    if (take != spans.size()) {
      if (duplicate) duplicate_hit = true, std::fill(span_taken.begin(), span_taken.end(), true);
      else span_taken[take] = true;
    }
    takes.push_back(take);
  }
  return takes;
}

// --dump-candidates FILE: every phrase the clause rules find, before the
// model's filter, with whether it is a promise and its features, for
// train_promise_model.py. One line: split, id, 1 or 0, features.
std::FILE* candidates_out = nullptr;

void write_candidates(std::FILE* out, const std::string& id, const std::string& split_name, const std::string& text,
                      const std::vector<Range>& spans, bool duplicate) {
  std::vector<PromisePhrase> all = find_promises(text);
  std::vector<Range> hints;
  for (const auto& p : all) hints.push_back({p.begin, p.end});
  std::vector<size_t> takes = assign_hints(hints, spans, duplicate);
  for (size_t i = 0; i < all.size(); ++i) {
    std::fprintf(out, "%s\t%s\t%d\t", split_name.c_str(), id.c_str(), takes[i] != spans.size() ? 1 : 0);
    for (const auto& f : promise_features(text, all[i])) std::fprintf(out, "%s ", f.c_str());
    std::fprintf(out, "\n");
  }
}

/// Hits, false alarms and misses of one row, given the span each hint takes
/// (assign_hints); `taken` says which marked spans a hint took.
Counts count_row(const std::vector<size_t>& takes, size_t span_count, bool duplicate, bool promise,
                 std::vector<bool>& taken) {
  Counts c;
  taken.assign(span_count, false);
  bool duplicate_hit = false;
  for (size_t take : takes) {
    if (take == span_count) {
      ++c.fp;
      continue;
    }
    ++c.tp;
    if (duplicate) duplicate_hit = true, std::fill(taken.begin(), taken.end(), true);
    else taken[take] = true;
  }
  if (promise) c.fn += duplicate ? !duplicate_hit : static_cast<size_t>(std::count(taken.begin(), taken.end(), false));
  return c;
}

/// The row scored as it would be with the possible tier turned on (totals only, no notes).
void score_with_possible_tier(const std::string& text, const std::vector<Range>& spans, bool duplicate,
                              const std::string& label, const std::string& split_name, Scores& s) {
  std::vector<PromisePhrase> both = find_reported_promises(text);
  for (auto& p : find_possible_promises(text)) both.push_back(std::move(p));
  std::sort(both.begin(), both.end(), [](const PromisePhrase& a, const PromisePhrase& b) { return a.begin < b.begin; });
  std::vector<Range> hints;
  for (const auto& p : both) hints.push_back({p.begin, p.end});
  std::vector<bool> taken;
  std::vector<size_t> takes = assign_hints(hints, spans, duplicate);
  Counts c = count_row(takes, spans.size(), duplicate, label == "promise", taken);
  // By construction, over both tiers, so a construction's figures do not depend on the tier it is in.
  for (size_t hi = 0; hi < both.size() && !held_out(split_name); ++hi) {
    bool hit = takes[hi] != spans.size();
    FoundCounts& all = s.found_training[both[hi].construction];
    (hit ? all.tp : all.fp)++;
    if (real_mix_training(split_name)) {
      FoundCounts& real = s.found_real_mix[both[hi].construction];
      (hit ? real.tp : real.fp)++;
    }
  }
  s.by_rule[{kWithPossible, split_name}].add(c);
  if (label == "none") {
    auto& nr = s.none_rows_with_possible[split_name];
    nr.rows++, nr.false_alarms += c.fp;
  }
}

bool score_promises(const std::string& dir, Scores& s) {
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> header = {"id", "split", "label", "construction", "text", "why"};
  for (const char* file : {"/promises.tsv", "/promises_fresh.tsv", "/promises_fresh2.tsv", "/promises_fresh3.tsv",
                           "/promises_realmix.tsv", "/promises_realmix2.tsv", "/promises_realmix3.tsv",
                           "/promises_realmix4.tsv", "/promises_realmix5.tsv"})
    if (!read_tsv(dir + file, header, rows)) return false;
  for (const auto& row : rows) {
    const std::string &id = row[0], &split_name = row[1], &label = row[2], &tag = row[3];
    std::vector<Range> spans;
    std::string text = strip_marks(row[4], spans);
    bool duplicate = tag.rfind("duplicate-", 0) == 0;
    std::vector<PromisePhrase> reported = find_reported_promises(text);
    std::vector<Range> hints;
    for (const auto& p : reported) hints.push_back({p.begin, p.end});
    if (candidates_out) write_candidates(candidates_out, id, split_name, text, spans, duplicate);
    score_with_possible_tier(text, spans, duplicate, label, split_name, s);

    std::vector<size_t> takes = assign_hints(hints, spans, duplicate);
    std::vector<bool> span_taken;
    Counts c = count_row(takes, spans.size(), duplicate, label == "promise", span_taken);
    auto note = [&](const char* what, Range r) {
      if (held_out(split_name)) return void(++s.held_out_notes);
      s.notes.push_back(std::string(what) + " " + id + " (" + split_name + ", " + tag + ") " + quote_span(text, r) +
                        "\n      " + text);
    };
    for (size_t hi = 0; hi < hints.size(); ++hi) {
      Range h = hints[hi];
      size_t take = takes[hi];
      if (take == spans.size()) {
        note("FALSE ALARM", h);
        continue;
      }
      if (spans[take].begin == h.begin && spans[take].end == h.end) ++c.exact;
      else if (held_out(split_name)) ++s.held_out_notes;
      else note("INEXACT (hit)", h), s.notes.back() += "\n      marked: " + quote_span(text, spans[take]);
    }
    if (label == "promise") {
      if (duplicate) {
        if (c.fn) note("MISS", spans.empty() ? Range{} : spans.front());
      } else {
        for (size_t k = 0; k < spans.size(); ++k)
          if (!span_taken[k]) note("MISS", spans[k]);
      }
    }
    s.by_rule[{"undertaking.untracked", split_name}].add(c);
    if (label == "none") {
      auto& nr = s.none_rows[split_name];
      nr.rows++, nr.false_alarms += c.fp;
    }
    std::string labelled = (label == "promise" ? "P " : "N ") + tag;
    auto& cc = s.by_construction[{labelled, split_name}];
    cc.rows++, cc.hits += c.tp, cc.misses += c.fn, cc.false_alarms += c.fp, cc.exact += c.exact;
    remember(s.promise_tags, labelled);
  }
  return true;
}

// ---------------------------------------------------------------- glossary

// The real-mix glossary splits (abbreviations_realmix.tsv, REALMIX-GLOSSARY.md, and
// abbreviations_realmix2.tsv, REALMIX-GLOSSARY2.md, from other bodies):
// every sentence of randomly chosen agenda items of real minutes, rewritten.
// The rows of one source page (`page-NNN` in `why`) are checked as one page,
// so a definition or a first use carries to later rows as it does on a site.
// They have a table of their own; realmix-g-heldout and realmix-g2-heldout are held out (held_out()).
const char* const kGlossarySplits[] = {"realmix-g", "realmix-g-heldout", "realmix-g2", "realmix-g2-heldout"};
bool glossary_only_split(const std::string& name) {
  return std::find(std::begin(kGlossarySplits), std::end(kGlossarySplits), name) != std::end(kGlossarySplits);
}

/// The page a row belongs to: "" (a page of its own) unless its split is a glossary-only one.
std::string page_key(const std::vector<std::string>& row) {
  if (!glossary_only_split(row[1])) return "";
  size_t at = row[4].find(" page-");
  return at == std::string::npos ? "" : row[1] + row[4].substr(at, row[4].find(' ', at + 1) - at);
}

/// The token without a possessive or a plural s: "ICB’s" → "ICB", "KPIs" → "KPI".
std::string bare(std::string t) {
  for (const char* end : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"})
    if (t.size() > std::strlen(end) && t.compare(t.size() - std::strlen(end), std::string::npos, end) == 0) {
      t.resize(t.size() - std::strlen(end));
      return t;
    }
  if (t.size() > 2 && t.back() == 's' && std::isupper(static_cast<unsigned char>(t[t.size() - 2]))) t.pop_back();
  return t;
}

std::string lower(std::string t) {
  for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return t;
}

bool load_corpus_glossary(const std::string& dir, Model& model) {
  std::string path = dir + "/glossary.yaml", content;
  if (!read_file(path, content)) {
    std::fprintf(stderr, "corpus_score: cannot read %s\n", path.c_str());
    return false;
  }
  FileId file = model.sources.add(path, std::move(content));
  Diagnostics diags;
  load_glossary(model, file, diags);
  for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", format_text(d, model.sources).c_str());
  if (diags.error_count() || model.glossary.empty()) {
    std::fprintf(stderr, "corpus_score: %s did not load\n", path.c_str());
    return false;
  }
  return true;
}

bool score_glossary(const std::string& dir, Scores& s) {
  Model model;
  if (!load_corpus_glossary(dir, model)) return false;
  GlossaryMatcher matcher(model.glossary);
  for (const auto& f : failing_examples(model.glossary, matcher))
    s.notes.push_back("GLOSSARY EXAMPLE: " + f.message);

  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> header = {"id", "split", "text", "expect", "why"};
  if (!read_tsv(dir + "/abbreviations.tsv", header, rows) || !read_tsv(dir + "/abbreviations_fresh.tsv", header, rows) ||
      !read_tsv(dir + "/abbreviations_fresh2.tsv", header, rows) ||
      !read_tsv(dir + "/abbreviations_fresh3.tsv", header, rows) ||
      !read_tsv(dir + "/abbreviations_realmix.tsv", header, rows) ||
      !read_tsv(dir + "/abbreviations_realmix2.tsv", header, rows))
    return false;
  // Pages: [first, last) rows; one row each, except the realmix-g rows of one source page.
  std::vector<std::pair<size_t, size_t>> pages;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i + 1;
    std::string key = page_key(rows[i]);
    while (!key.empty() && j < rows.size() && page_key(rows[j]) == key) ++j;
    pages.push_back({i, j});
    i = j;
  }
  for (auto [first, last] : pages) {
    std::vector<std::string_view> texts;
    for (size_t i = first; i < last; ++i) texts.push_back(rows[i][2]);
    std::vector<std::vector<GlossaryFinding>> page_findings(last - first);
    for (auto& f : matcher.check_page(texts)) page_findings[f.text_index].push_back(std::move(f));
    for (size_t ri = first; ri < last; ++ri) {
      const auto& row = rows[ri];
      const std::string &id = row[0], &split_name = row[1], &text = row[2], &expect = row[3], &why = row[4];
      std::string category = why.substr(0, why.find(':'));
      struct Item {
        std::string rule, token;
        bool matched = false;
      };
      std::vector<Item> expected;
      if (expect != "-")
        for (const auto& item : split(expect, ';')) {
          size_t colon = item.find(':');
          expected.push_back({item.substr(0, colon), colon == std::string::npos ? "" : item.substr(colon + 1)});
        }
      std::map<std::string, Counts> row_counts;
      auto note = [&](const std::string& what, const std::string& rule, const std::string& detail) {
        if (held_out(split_name)) return void(++s.held_out_notes);
        s.notes.push_back(what + " " + id + " (" + split_name + ", " + category + ") " + rule + " " + detail +
                          "\n      " + text);
      };
      for (const auto& f : page_findings[ri - first]) {
        std::string token = text.substr(f.begin, f.end - f.begin);
        Range r{f.begin, f.end};
        bool avoid = f.rule == "glossary.avoid";
        Item* match = nullptr;
        bool exact = false;
        for (auto& e : expected)  // the exact token first
          if (!e.matched && e.rule == f.rule && (avoid ? lower(e.token) == lower(token) : e.token == token)) {
            match = &e, exact = e.token == token;
            break;
          }
        if (!match)
          for (auto& e : expected)
            if (!e.matched && e.rule == f.rule &&
                (avoid ? lower(e.token) == lower(bare(token)) : e.token == bare(token))) {
              match = &e;
              break;
            }
        Counts& c = row_counts[f.rule];
        if (match) {
          match->matched = true;
          ++c.tp;
          if (exact) ++c.exact;
          else note("INEXACT (hit)", f.rule, quote_span(text, r) + ", expected “" + match->token + "”");
        } else {
          ++c.fp;
          note("FALSE ALARM", f.rule, quote_span(text, r) + ": " + f.message);
        }
      }
      for (const auto& e : expected)
        if (!e.matched) {
          ++row_counts[e.rule].fn;
          note("MISS", e.rule, "“" + e.token + "”");
        }
      auto& cc = s.by_category[{category, split_name}];
      cc.rows++;
      for (const auto& [rule, c] : row_counts) {
        s.by_rule[{rule, split_name}].add(c);
        cc.hits += c.tp, cc.misses += c.fn, cc.false_alarms += c.fp, cc.exact += c.exact;
      }
      remember(glossary_only_split(split_name) ? s.realmix_categories : s.categories, category);
    }
  }
  return true;
}

// ---------------------------------------------------------------- report

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
double round_down(double v) { return std::floor(v * 100.0 + 1e-9) / 100.0; }

double metric(const Counts& c, const std::string& name, bool& known) {
  known = true;
  if (name == "recall") return c.recall();
  if (name == "precision") return c.precision();
  if (name == "exact") return c.exactness();
  known = false;
  return 0;
}

/// Findings by the construction they name, on the training splits only, then
/// every split with the off-by-default possible tier reported as well.
void print_found_constructions(const Scores& s) {
  std::printf(
      "\nundertaking.untracked findings by the construction they name, both tiers, training splits only (tune,\n"
      "fresh, fresh2a, fresh2b, realmix, realmix2, realmix3, realmix4, realmix5 pooled; and the realmix ones, the real mix). No held-out row is\n"
      "counted. tier: where the construction's findings are reported (possible = off by default)\n");
  std::printf("  %-22s %-9s %5s %5s %9s | %9s %5s %9s\n", "construction", "tier", "TP", "FP", "precision", "real TP",
              "FP", "precision");
  for (const auto& [tag, all] : s.found_training) {
    auto it = s.found_real_mix.find(tag);
    FoundCounts real = it == s.found_real_mix.end() ? FoundCounts{} : it->second;
    auto precision = [](FoundCounts c) { return c.tp + c.fp ? fixed2(double(c.tp) / double(c.tp + c.fp)) : "-"; };
    const char* tier = promise_tier_of_construction(tag) == PromiseTier::possible ? "possible" : "default";
    std::printf("  %-22s %-9s %5zu %5zu %9s | %9zu %5zu %9s\n", tag.empty() ? "(none)" : tag.c_str(), tier, all.tp,
                all.fp, precision(all).c_str(), real.tp, real.fp, precision(real).c_str());
  }
  std::printf("\nundertaking.untracked with the possible tier reported too (off by default; totals only)\n");
  std::printf("  %-17s %5s %5s %5s %7s %9s %6s %7s\n", "split", "TP", "FP", "FN", "recall", "precision", "none", "FA/1k");
  for (const char* sp : kSplits) {
    auto it = s.by_rule.find({kWithPossible, sp});
    Counts c = it == s.by_rule.end() ? Counts{} : it->second;
    auto nr = s.none_rows_with_possible.find(sp);
    NoneRows n = nr == s.none_rows_with_possible.end() ? NoneRows{} : nr->second;
    std::printf("  %-17s %5zu %5zu %5zu %7s %9s %6zu %7.1f\n", sp, c.tp, c.fp, c.fn, fixed2(c.recall()).c_str(),
                fixed2(c.precision()).c_str(), n.rows, n.per_thousand());
  }
}

void print_tables(const Scores& s) {
  std::printf(
      "Per rule and split (0/0 counts as 1.00; exact = hits whose span is the marked one; FA/1k = false alarms in\n"
      "sentences labelled none, per 1,000 of them, for undertaking.untracked)\n");
  std::printf("  %-24s %-17s %5s %5s %5s %7s %9s %7s %6s %7s\n", "rule", "split", "TP", "FP", "FN", "recall",
              "precision", "exact", "none", "FA/1k");
  for (const char* rule : kRules)
    for (const char* sp : kSplits) {
      // The realmix splits hold promises only (promises_realmix.tsv): no glossary rows to score.
      if (std::strcmp(rule, "undertaking.untracked") != 0 && std::strncmp(sp, "realmix", 7) == 0) continue;
      auto it = s.by_rule.find({rule, sp});
      Counts c = it == s.by_rule.end() ? Counts{} : it->second;
      std::printf("  %-24s %-17s %5zu %5zu %5zu %7s %9s %7s", rule, sp, c.tp, c.fp, c.fn, fixed2(c.recall()).c_str(),
                  fixed2(c.precision()).c_str(), fixed2(c.exactness()).c_str());
      if (std::strcmp(rule, "undertaking.untracked") == 0) {
        auto nr = s.none_rows.find(sp);
        NoneRows n = nr == s.none_rows.end() ? NoneRows{} : nr->second;
        std::printf(" %6zu %7.1f", n.rows, n.per_thousand());
      }
      std::printf("\n");
    }

  auto table = [](const char* title, const char* key, const std::vector<std::string>& tags,
                  const std::map<std::pair<std::string, std::string>, ConstructionCounts>& m) {
    std::printf("\n%s\n", title);
    // Only the splits this table has rows for (the realmix splits have no abbreviation rows).
    bool shown[kSplitCount];
    for (int k = 0; k < kSplitCount; ++k) {
      shown[k] = false;
      for (const auto& [key_split, c] : m)
        if (key_split.second == kSplits[k] && c.rows) shown[k] = true;
    }
    std::printf("  %-30s", key);
    for (int k = 0; k < kSplitCount; ++k)
      if (shown[k]) std::printf(" | %-28s", (std::string(kSplits[k]) + ": rows hits miss FA exact").c_str());
    std::printf("\n");
    ConstructionCounts total[kSplitCount];
    for (const auto& label : tags) {
      std::printf("  %-30s", label.c_str());
      for (int k = 0; k < kSplitCount; ++k) {
        if (!shown[k]) continue;
        auto it = m.find({label, kSplits[k]});
        ConstructionCounts c = it == m.end() ? ConstructionCounts{} : it->second;
        std::printf(" | %9zu %4zu %4zu %3zu %5zu", c.rows, c.hits, c.misses, c.false_alarms, c.exact);
        total[k].rows += c.rows, total[k].hits += c.hits, total[k].misses += c.misses,
            total[k].false_alarms += c.false_alarms, total[k].exact += c.exact;
      }
      std::printf("\n");
    }
    std::printf("  %-30s", "TOTAL");
    for (int k = 0; k < kSplitCount; ++k)
      if (shown[k])
        std::printf(" | %9zu %4zu %4zu %3zu %5zu", total[k].rows, total[k].hits, total[k].misses, total[k].false_alarms,
                  total[k].exact);
    std::printf("\n");
  };
  print_found_constructions(s);
  table("undertaking.untracked per construction (P = promise rows, N = near-miss rows; FA = false alarms)",
        "construction", s.promise_tags, s.by_construction);
  table("glossary.* per category of abbreviations.tsv (all four rules together)", "category", s.categories,
        s.by_category);
}

/// The glossary-only splits per rule, then every split's glossary rules pooled,
/// then abbreviations_realmix.tsv and abbreviations_realmix2.tsv per category.
void print_glossary_splits(const Scores& s) {
  std::printf(
      "\nglossary.* on the real-mix glossary splits (abbreviations_realmix.tsv and abbreviations_realmix2.tsv; "
      "each source page checked as one page)\n");
  std::printf("  %-24s %-18s %5s %5s %5s %7s %9s %7s\n", "rule", "split", "TP", "FP", "FN", "recall", "precision",
              "exact");
  auto line = [](const char* rule, const char* sp, const Counts& c) {
    std::printf("  %-24s %-18s %5zu %5zu %5zu %7s %9s %7s\n", rule, sp, c.tp, c.fp, c.fn, fixed2(c.recall()).c_str(),
                fixed2(c.precision()).c_str(), fixed2(c.exactness()).c_str());
  };
  for (const char* sp : kGlossarySplits)
    for (const char* rule : kRules)
      if (std::strncmp(rule, "glossary.", 9) == 0) {
        auto it = s.by_rule.find({rule, sp});
        line(rule, sp, it == s.by_rule.end() ? Counts{} : it->second);
      }
  std::printf("\nglossary.* pooled over the four rules, per split\n");
  std::vector<std::string> splits(std::begin(kSplits), std::end(kSplits));
  splits.insert(splits.end(), std::begin(kGlossarySplits), std::end(kGlossarySplits));
  for (const auto& sp : splits) {
    Counts pooled;
    bool any = false;
    for (const auto& [key, c] : s.by_category)
      if (key.second == sp) any = true;
    for (const char* rule : kRules)
      if (std::strncmp(rule, "glossary.", 9) == 0) {
        auto it = s.by_rule.find({rule, sp});
        if (it != s.by_rule.end()) pooled.add(it->second);
      }
    if (any) line("glossary.* (pooled)", sp.c_str(), pooled);
  }
  std::printf("\nglossary.* per category of abbreviations_realmix*.tsv (all four rules together)\n");
  std::printf("  %-30s", "category");
  for (const char* sp : kGlossarySplits)
    std::printf(" | %-30s", (std::string(sp) + ": rows hits miss FA exact").c_str());
  std::printf("\n");
  for (const auto& cat : s.realmix_categories) {
    std::printf("  %-30s", cat.c_str());
    for (const char* sp : kGlossarySplits) {
      auto it = s.by_category.find({cat, sp});
      ConstructionCounts c = it == s.by_category.end() ? ConstructionCounts{} : it->second;
      std::printf(" | %11zu %4zu %4zu %3zu %5zu", c.rows, c.hits, c.misses, c.false_alarms, c.exact);
    }
    std::printf("\n");
  }
}

struct Floor {
  std::string rule, split, metric;
  double minimum = 0;
  int line = 0;
};

bool read_floors(const std::string& path, std::vector<Floor>& floors) {
  std::string content;
  if (!read_file(path, content)) {
    std::fprintf(stderr, "corpus_score: cannot read floors file %s\n", path.c_str());
    return false;
  }
  int n = 0;
  for (const auto& raw : split(content, '\n')) {
    ++n;
    std::string line = raw.substr(0, raw.find('#'));
    std::istringstream in(line);
    Floor f;
    f.line = n;
    if (!(in >> f.rule)) continue;
    std::string extra;
    if (!(in >> f.split >> f.metric >> f.minimum) || (in >> extra)) {
      std::fprintf(stderr, "%s:%d: expected `rule split metric minimum`\n", path.c_str(), n);
      return false;
    }
    floors.push_back(f);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false, print_floors = false, use_floors = true;
  const char* env = std::getenv("VERBOSE");
  if (env && *env && std::strcmp(env, "0") != 0) verbose = true;
  std::string dir = REPORTSITE_SOURCE_DIR "/tests/corpus", floors_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--print-floors") print_floors = true;
    else if (a == "--no-floors") use_floors = false;
    else if (a == "--floors" && i + 1 < argc) floors_path = argv[++i];
    else if (a == "--dump-candidates" && i + 1 < argc) {
      candidates_out = std::fopen(argv[++i], "w");
      if (!candidates_out) return std::perror(argv[i]), 2;
    }
    else if (!a.empty() && a[0] != '-') dir = a;
    else {
      std::fprintf(stderr,
                   "usage: corpus_score [--verbose] [--floors FILE | --no-floors] [--print-floors] [CORPUS_DIR]\n");
      return 2;
    }
  }
  if (floors_path.empty()) floors_path = dir + "/floors.txt";

  Scores s;
  if (!score_promises(dir, s) || !score_glossary(dir, s)) return 2;

  print_tables(s);
  print_glossary_splits(s);

  if (verbose) {
    std::printf("\nMisses, false alarms and inexact spans (spans in characters of the text without marks)\n");
    for (const auto& n : s.notes) std::printf("  %s\n", n.c_str());
    if (s.held_out_notes)
      std::printf("  (%zu more in the held-out splits fresh3, realmix-heldout, realmix2/3/4-heldout and "
                  "realmix-g/g2-heldout, not shown)\n",
                  s.held_out_notes);
  }

  if (print_floors) {
    std::printf("\n# rule split metric minimum (today's figures rounded down to 2 decimals)\n");
    for (const char* rule : kRules)
      for (const char* sp : kSplits) {
        if (std::strcmp(rule, "undertaking.untracked") != 0 && std::strncmp(sp, "realmix", 7) == 0) continue;
        Counts c = s.by_rule[{rule, sp}];
        for (const char* m : {"recall", "precision", "exact"}) {
          bool known;
          std::printf("%s %s %s %s\n", rule, sp, m, fixed2(round_down(metric(c, m, known))).c_str());
        }
      }
    for (const char* sp : kSplits) {
      Counts c = s.by_rule[{kWithPossible, sp}];
      for (const char* m : {"recall", "precision"}) {
        bool known;
        std::printf("%s %s %s %s\n", kWithPossible, sp, m, fixed2(round_down(metric(c, m, known))).c_str());
      }
    }
    for (const char* sp : kGlossarySplits)
      for (const char* rule : kRules) {
        if (std::strncmp(rule, "glossary.", 9) != 0) continue;
        Counts c = s.by_rule[{rule, sp}];
        for (const char* m : {"recall", "precision", "exact"}) {
          bool known;
          std::printf("%s %s %s %s\n", rule, sp, m, fixed2(round_down(metric(c, m, known))).c_str());
        }
      }
  }

  if (!use_floors) return 0;
  std::vector<Floor> floors;
  if (!read_floors(floors_path, floors)) return 2;
  int below = 0;
  for (const auto& f : floors) {
    auto it = s.by_rule.find({f.rule, f.split});
    bool known = false;
    double v = 0;
    if (it != s.by_rule.end() || f.rule == kWithPossible ||
        std::find_if(std::begin(kRules), std::end(kRules), [&](const char* r) { return f.rule == r; }) !=
            std::end(kRules))
      v = metric(it == s.by_rule.end() ? Counts{} : it->second, f.metric, known);
    if (!known || !(known_split(f.split) || glossary_only_split(f.split))) {
      std::fprintf(stderr, "%s:%d: unknown rule, split or metric `%s %s %s`\n", floors_path.c_str(), f.line,
                   f.rule.c_str(), f.split.c_str(), f.metric.c_str());
      return 2;
    }
    if (v + 1e-9 < f.minimum) {
      std::printf("BELOW FLOOR: %s %s %s is %.4f, floor %.2f\n", f.rule.c_str(), f.split.c_str(), f.metric.c_str(), v,
                  f.minimum);
      ++below;
    }
  }
  std::printf("\n%zu floors from %s: %s\n", floors.size(), floors_path.c_str(),
              below ? (std::to_string(below) + " below").c_str() : "all met");
  return below ? 1 : 0;
}
