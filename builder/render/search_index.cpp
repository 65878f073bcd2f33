#include "reportsite/render/search_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "reportsite/core/hash.h"
#include "reportsite/core/memo_cached.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/view.h"

namespace rs {

std::string search_stem(const std::string& w) {
  std::string s = w;
  if (ends_with(s, "'s")) s.resize(s.size() - 2);
  if (s.size() > 4 && ends_with(s, "ies")) return s.substr(0, s.size() - 3) + "y";
  if (s.size() > 4 && (ends_with(s, "ches") || ends_with(s, "shes") || ends_with(s, "sses") || ends_with(s, "xes")))
    return s.substr(0, s.size() - 2);
  if (s.size() > 3 && ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
    return s.substr(0, s.size() - 1);
  return s;
}

std::vector<std::string> search_tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) cur += static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') cur += static_cast<char>(c - 'A' + 'a');
    else if ((c == '\'' ) && !cur.empty() && i + 1 < text.size() && text[i + 1] == 's') cur += '\'';
    else if (c >= 0x80) cur += static_cast<char>(c);  // keep letters like é inside words
    else flush();
  }
  flush();
  return out;
}

std::string search_snippet(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = utf8_cut(text, 0, limit);  // whole characters; any bytes move it forward
  size_t space = text.rfind(' ', cut);
  return text.substr(0, space == std::string::npos || space < limit / 2 ? cut : space) + "…";
}

namespace {

/// A search result as the page shows it; the full text is only read for its
/// stems. committee_id and year (a slug) are what the filters narrow by.
struct SearchDoc {
  std::string kind, title, url, date, committee, snippet, committee_id, year;
};

/// The distinct stems a document is found by, sorted.
std::vector<std::string> stems_of(const SearchDoc& d, const std::string& text) {
  std::set<std::string> seen;
  for (const auto& t : search_tokens(d.title + " " + d.committee + " " + text)) seen.insert(search_stem(t));
  return {seen.begin(), seen.end()};
}

/// Text a result keeps for its snippet: enough that the words found are
/// usually in it (search.js shows the part around them), bounded so a chunk stays small.
constexpr size_t kSnippetBytes = 1000;

/// `d` with its snippet cut from `text`, and its stems.
SearchDoc make_doc(SearchDoc d, const std::string& text, std::vector<std::string>& stems) {
  stems = stems_of(d, text);
  d.snippet = search_snippet(text, kSnippetBytes);
  return d;
}

/// A meeting's documents as the memo keeps them: each with its stems as one
/// string, a line break after each (words: this keeps the memo small).
struct KeptDoc {
  SearchDoc doc;
  std::string stems;
};
auto fields(SearchDoc& d) {
  return std::tie(d.kind, d.title, d.url, d.date, d.committee, d.snippet, d.committee_id, d.year);
}
auto fields(KeptDoc& k) { return std::tie(k.doc, k.stems); }

std::vector<KeptDoc> keep(const std::vector<SearchDoc>& docs, const std::vector<std::vector<std::string>>& stems) {
  std::vector<KeptDoc> out(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    out[i].doc = docs[i];
    for (const auto& s : stems[i]) out[i].stems += s + "\n";
  }
  return out;
}

void unkeep(std::vector<KeptDoc>&& kept, std::vector<SearchDoc>& docs, std::vector<std::vector<std::string>>& stems) {
  docs.clear(), stems.clear();
  for (auto& k : kept) {
    docs.push_back(std::move(k.doc));
    auto& mine = stems.emplace_back();
    for (size_t start = 0; start < k.stems.size();) {
      size_t end = k.stems.find('\n', start);
      mine.emplace_back(k.stems.substr(start, end - start));
      start = end + 1;
    }
  }
}

std::string to_base36(size_t n) {
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  do {
    s.insert(s.begin(), digits[n % 36]);
    n /= 36;
  } while (n);
  return s;
}

/// The filters' files, one a filter (facets-<filter>.js, so choosing a committee
/// loads the committees' alone): each value's documents as runs "gap.length"
/// (base 36, the gap from the end of the run before). A meeting's documents are
/// numbered together, so runs keep these small at any size.
std::vector<OutputFile> facet_files(const std::vector<SearchDoc>& docs) {
  std::map<std::string, std::map<std::string, std::vector<uint32_t>>> groups;
  for (size_t i = 0; i < docs.size(); ++i) {
    const SearchDoc& d = docs[i];
    auto id = static_cast<uint32_t>(i);
    groups["kind"][ascii_lower(d.kind)].push_back(id);
    if (!d.committee_id.empty()) groups["committee"][d.committee_id].push_back(id);
    if (!d.year.empty()) groups["year"][d.year].push_back(id);
  }
  std::vector<OutputFile> files;
  for (const auto& [group, values] : groups) {
    std::string js = "window.RS_SEARCH_FACETS=window.RS_SEARCH_FACETS||{};\nwindow.RS_SEARCH_FACETS[" +
                     json_quote(group) + "]={";
    bool first_value = true;
    for (const auto& [value, ids] : values) {
      js += (first_value ? "\n" : ",\n") + json_quote(value) + ":\"";
      first_value = false;
      size_t end = 0;  // one past the last run's end
      for (size_t k = 0; k < ids.size();) {
        size_t run = 1;
        while (k + run < ids.size() && ids[k + run] == ids[k] + run) ++run;
        js += (k ? "," : "") + to_base36(ids[k] - end) + "." + to_base36(run);
        end = ids[k] + run;
        k += run;
      }
      js += "\"";
    }
    files.push_back({"assets/search/facets-" + group + ".js", js + "};\n", "", ""});
  }
  return files;
}

/// What the filters offer, as [value, label] pairs: committees by name, years
/// newest first, kinds in a fixed order; only values some document has.
std::string facet_labels(const RenderContext& ctx, const std::vector<SearchDoc>& docs) {
  std::set<std::string> committees, years, kinds;
  for (const auto& d : docs) {
    if (!d.committee_id.empty()) committees.insert(d.committee_id);
    if (!d.year.empty()) years.insert(d.year);
    kinds.insert(ascii_lower(d.kind));
  }
  auto pair = [](const std::string& value, const std::string& label) {
    return "[" + json_quote(value) + "," + json_quote(label) + "]";
  };
  std::string out = "\"committees\":[";
  std::vector<std::pair<std::string, std::string>> named;
  for (const auto& c : ctx.model.committees)
    if (committees.count(c.id.value)) named.emplace_back(c.name.value, c.id.value);
  std::sort(named.begin(), named.end());
  for (size_t i = 0; i < named.size(); ++i) out += (i ? "," : "") + pair(named[i].second, named[i].first);
  out += "],\"years\":[";
  bool first = true;
  for (auto y = years.rbegin(); y != years.rend(); ++y, first = false) {
    std::string label = *y;
    std::replace(label.begin(), label.end(), '-', '/');  // 2018-19 → 2018/19
    out += (first ? "" : ",") + pair(*y, label);
  }
  out += "],\"kinds\":[";
  first = true;
  for (const auto& [kind, label] : std::vector<std::pair<std::string, std::string>>{
           {"meeting", "Meetings"}, {"item", "Agenda items"}, {"undertaking", "Undertakings"}, {"report", "Reports"},
           {"page", "Pages"}})
    if (kinds.count(kind)) out += (first ? "" : ",") + pair(kind, label), first = false;
  return out + "]";
}

// 100 documents of up to kSnippetBytes each: a chunk stays near 100 KB.
constexpr size_t kDocsPerChunk = 100;

class SearchOutput : public OutputKind {
 public:
  std::string name() const override { return "search"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const MarkdownRenderer& md = ctx.markdown;
    // Each meeting's documents and their stems are built on their own, in
    // parallel, into fixed slots; an unchanged meeting's come from the memo.
    std::vector<std::vector<SearchDoc>> per_meeting(ctx.model.meetings.size());
    std::vector<std::vector<std::vector<std::string>>> per_meeting_stems(ctx.model.meetings.size());
    parallel_for(ctx.model.meetings.size(), [&](size_t mi) {
      const Meeting& m = ctx.model.meetings[mi];
      std::string committee = committee_name(ctx, m.committee.value);
      // Keyed by the meeting's whole file (everything of a meeting comes from
      // it), so a field the index starts to use can never be left out of the key.
      std::string year = ctx.site.meeting_year[mi].slug();
      Hasher key;
      key.add("v2").add(m.id).add(ctx.model.sources.content_hash(m.file)).add(committee).add(year);
      auto kept = cached<std::vector<KeptDoc>>(
          ctx.memo, "search:" + m.id, key.value(),
          [&] {
            std::vector<SearchDoc> docs;
            std::vector<std::vector<std::string>> stems;
            // The meeting itself, found by its committee, date, venue and who attended.
            std::string who = m.venue.value.empty() ? "" : m.venue.value + ".";
            auto names = [&](const char* label, const std::vector<NameRef>& list) {
              for (size_t i = 0; i < list.size(); ++i) {
                const Person* p = ctx.site.person(list[i].value, ctx.model);
                who += (i ? ", " : std::string(" ") + label + ": ") + (p ? p->name.value : list[i].value);
              }
              if (!list.empty()) who += '.';
            };
            names("Members", m.attendance.members);
            names("Officers", m.attendance.officers);
            names("Apologies", m.attendance.apologies);
            stems.emplace_back();
            docs.push_back(make_doc({"Meeting", meeting_title(committee, m), paths::meeting(m.id), m.date.value.long_form(),
                                     committee, "", m.committee.value, year},
                                    trim(who), stems.back()));
            for (const auto& it : m.items) {
              std::string text;
              if (!it.exempt()) {  // exempt business is never indexed beyond its title
                text = md.plain_text(it.minutes.value);
                auto add = [&](const Text& t) {
                  text += ' ';
                  text += md.plain_text(t.value);
                };
                for (const auto& ex : it.discussion) add(ex.question), add(ex.answer);
                add(it.resolved);
                text = trim(text);
              }
              stems.emplace_back();
              docs.push_back(make_doc({"Item", it.number.value + ". " + it.title.value,
                                       paths::meeting(m.id) + "#item-" + it.number.value, m.date.value.long_form(),
                                       committee, "", m.committee.value, year},
                                      text, stems.back()));
            }
            return keep(docs, stems);
          },
          // Stems end in a line break each, or the bytes are not ours.
          [](const std::vector<KeptDoc>& k) {
            return std::all_of(k.begin(), k.end(), [](const KeptDoc& d) { return d.stems.empty() || d.stems.back() == '\n'; });
          });
      unkeep(std::move(kept), per_meeting[mi], per_meeting_stems[mi]);
    });
    std::vector<SearchDoc> docs;
    std::vector<std::vector<std::string>> stems;
    std::vector<std::string> when;  // each document's ISO date, "" for none
    for (size_t mi = 0; mi < per_meeting.size(); ++mi) {
      when.insert(when.end(), per_meeting[mi].size(), ctx.model.meetings[mi].date.value.iso());
      for (auto& d : per_meeting[mi]) docs.push_back(std::move(d));
      for (auto& s : per_meeting_stems[mi]) stems.push_back(std::move(s));
    }
    // The other documents are few or short: drawn afresh each time.
    struct Pending {
      SearchDoc doc;
      std::string text, when;
    };
    std::vector<Pending> rest;
    for (const auto& ru : ctx.site.undertakings) {
      const Meeting& m = ctx.model.meetings[ru.given.meeting];
      const Person* owner = ctx.site.person(ru.undertaking->owner.value, ctx.model);
      rest.push_back({{"Undertaking", ru.undertaking->text.value, paths::undertaking(ru.undertaking->id.value),
                       m.date.value.long_form(), committee_name(ctx, m.committee.value), "", m.committee.value,
                       ctx.site.meeting_year[ru.given.meeting].slug()},
                      std::string(timing_label(ru.timing)) +
                          ". Owner: " + (owner ? owner->name.value : ru.undertaking->owner.value),
                      m.date.value.iso()});
    }
    for (const auto& r : ctx.model.reports)
      rest.push_back({{"Report", r.title.value, paths::report(r.series.value, r.year), r.period_to.value.long_form(), "",
                       "", "", r.year},
                      md.plain_text(r.notes.value), r.period_to.value.iso()});
    for (const auto& p : ctx.model.pages)
      rest.push_back({{"Page", p.title.value, paths::page(p.stem), "", "", "", "", ""}, md.plain_text(p.body.value), ""});
    size_t from_meetings = docs.size();
    docs.resize(from_meetings + rest.size());
    stems.resize(docs.size());
    parallel_for(rest.size(), [&](size_t i) {
      Pending& p = rest[i];
      docs[from_meetings + i] = make_doc(std::move(p.doc), p.text, stems[from_meetings + i]);
    });
    for (const auto& p : rest) when.push_back(p.when);
    // Numbered by date, oldest first (undated pages before all), so the highest
    // numbers search.js lists first are the newest; a meeting's own stay together.
    std::vector<size_t> order(docs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return when[a] < when[b]; });
    {
      std::vector<SearchDoc> sorted_docs(docs.size());
      std::vector<std::vector<std::string>> sorted_stems(docs.size());
      for (size_t i = 0; i < order.size(); ++i) {
        sorted_docs[i] = std::move(docs[order[i]]);
        sorted_stems[i] = std::move(stems[order[i]]);
      }
      docs.swap(sorted_docs), stems.swap(sorted_stems);
    }

    for (auto& f : facet_files(docs)) out.push_back(std::move(f));

    // Postings: stem → ascending doc numbers, written as deltas.
    std::unordered_map<std::string, std::vector<uint32_t>> by_stem;
    for (size_t i = 0; i < docs.size(); ++i) {
      for (auto& s : stems[i]) by_stem[std::move(s)].push_back(static_cast<uint32_t>(i));
      std::vector<std::string>().swap(stems[i]);  // each document's stems are needed only until here
    }
    std::vector<std::pair<std::string, std::vector<uint32_t>>> postings(std::make_move_iterator(by_stem.begin()),
                                                                         std::make_move_iterator(by_stem.end()));
    by_stem.clear();
    std::sort(postings.begin(), postings.end());
    // Documents go in chunks of kDocsPerChunk, loaded only for the results shown,
    // so a query on a 10,000-meeting site loads a few hundred kilobytes, not the archive.
    for (size_t start = 0; start < docs.size(); start += kDocsPerChunk) {
      size_t chunk = start / kDocsPerChunk;
      std::string js = "window.RS_SEARCH_DOCS=window.RS_SEARCH_DOCS||{};\nwindow.RS_SEARCH_DOCS[" +
                       std::to_string(chunk) + "]=[";
      for (size_t i = start; i < std::min(docs.size(), start + kDocsPerChunk); ++i) {
        const auto& d = docs[i];
        js += (i > start ? ",\n[" : "\n[") + json_quote(d.kind) + "," + json_quote(d.title) + "," + json_quote(d.url) +
              "," + json_quote(d.date) + "," + json_quote(d.committee) + "," + json_quote(d.snippet) + "]";
      }
      js += "];\n";
      out.push_back({"assets/search/docs-" + std::to_string(chunk) + ".js", js, "", ""});
    }
    // What every query needs up front: the chunk size and the glossary's
    // abbreviations, so "children in need" also finds "CiN".
    std::string meta = "window.RS_SEARCH_META={\"docs\":" + std::to_string(docs.size()) +
                       ",\"chunk\":" + std::to_string(kDocsPerChunk) + "," + facet_labels(ctx, docs) +
                       "};\nwindow.RS_SEARCH_ABBR=[";
    bool first = true;
    for (const auto& [abbr, expansion] : glossary_abbreviations(ctx.model)) {
      meta += first ? "[" : ",[";
      meta += json_quote(ascii_lower(abbr));
      meta += ',';
      meta += json_quote(ascii_lower(expansion));
      meta += ']';
      first = false;
    }
    meta += "];\n";
    out.push_back({"assets/search/meta.js", meta, "", ""});

    std::map<std::string, std::string> shards;  // shard key → body
    for (const auto& [stem, ids] : postings) {
      std::string key = shard_key(stem);
      std::string& body = shards[key];
      body += body.empty() ? "\n" : ",\n";
      body += json_quote(stem) + ":\"";
      size_t prev = 0;
      for (size_t k = 0; k < ids.size(); ++k) {
        body += (k ? "," : "") + to_base36(ids[k] - prev);
        prev = ids[k];
      }
      body += "\"";
    }
    for (const auto& [key, body] : shards)
      out.push_back({"assets/search/terms-" + key + ".js",
                     "window.RS_SEARCH_TERMS=window.RS_SEARCH_TERMS||{};\nwindow.RS_SEARCH_TERMS[" + json_quote(key) +
                         "]={" + body + "};\n",
                     "", ""});
  }

 private:
  /// Terms are split by first character; anything outside a-z0-9 shares one shard.
  static std::string shard_key(const std::string& stem) {
    char c = stem.empty() ? '_' : stem[0];
    return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? std::string(1, c) : "_";
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_search_output() { return std::make_unique<SearchOutput>(); }

}  // namespace rs
