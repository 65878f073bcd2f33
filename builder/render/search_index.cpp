#include "reportsite/render/search_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "reportsite/core/codec.h"
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
  bool operator==(const SearchDoc&) const = default;
};
auto fields(SearchDoc& d) {
  return std::tie(d.kind, d.title, d.url, d.date, d.committee, d.snippet, d.committee_id, d.year);
}

/// What the filters narrow a document by, known from the model before any document is made.
struct Facet {
  std::string kind, committee_id, year;
};

/// A document as the memo keeps it: the result, and its distinct stems,
/// sorted, each ending in a line break (one string keeps the memo small).
struct KeptDoc {
  SearchDoc doc;
  std::string stems;
  bool operator==(const KeptDoc&) const = default;
};
auto fields(KeptDoc& k) { return std::tie(k.doc, k.stems); }

/// Each of `stems` (as KeptDoc keeps them), in order.
template <class Fn>
void each_stem(std::string_view stems, Fn&& fn) {
  for (size_t start = 0; start < stems.size();) {
    size_t end = stems.find('\n', start);
    fn(stems.substr(start, end - start));
    start = end + 1;
  }
}

/// Text a result keeps for its snippet: enough that the words found are
/// usually in it (search.js shows the part around them), bounded so a chunk stays small.
constexpr size_t kSnippetBytes = 1000;

/// `d` with its snippet cut from `text`, and the distinct stems it is found by.
KeptDoc make_doc(SearchDoc d, const std::string& text) {
  std::set<std::string> seen;
  for (const auto& t : search_tokens(d.title + " " + d.committee + " " + text)) seen.insert(search_stem(t));
  KeptDoc k;
  for (const auto& s : seen) (k.stems += s) += '\n';
  d.snippet = search_snippet(text, kSnippetBytes);
  k.doc = std::move(d);
  return k;
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
std::vector<OutputFile> facet_files(const std::vector<Facet>& docs) {
  std::map<std::string, std::map<std::string, std::vector<uint32_t>>> groups;
  for (size_t i = 0; i < docs.size(); ++i) {
    const Facet& d = docs[i];
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
std::string facet_labels(const RenderContext& ctx, const std::vector<Facet>& docs) {
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

std::string chunk_path(size_t chunk) { return "assets/search/docs-" + std::to_string(chunk) + ".js"; }

/// Documents go in chunks of kDocsPerChunk, loaded only for the results shown,
/// so a query on a 10,000-meeting site loads a few hundred kilobytes, not the archive.
std::string chunk_file(size_t chunk, const std::vector<const SearchDoc*>& docs) {
  std::string js = "window.RS_SEARCH_DOCS=window.RS_SEARCH_DOCS||{};\nwindow.RS_SEARCH_DOCS[" +
                   std::to_string(chunk) + "]=[";
  for (size_t i = 0; i < docs.size(); ++i) {
    const SearchDoc& d = *docs[i];
    js += (i ? ",\n[" : "\n[") + json_quote(d.kind) + "," + json_quote(d.title) + "," + json_quote(d.url) + "," +
          json_quote(d.date) + "," + json_quote(d.committee) + "," + json_quote(d.snippet) + "]";
  }
  return js + "];\n";
}

/// Terms are split by first character; anything outside a-z0-9 shares one shard.
std::string shard_key(std::string_view stem) {
  char c = stem.empty() ? '_' : stem[0];
  return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? std::string(1, c) : "_";
}
const std::vector<std::string>& all_shard_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k{"_"};
    for (char c = '0'; c <= '9'; ++c) k.emplace_back(1, c);
    for (char c = 'a'; c <= 'z'; ++c) k.emplace_back(1, c);
    return k;
  }();
  return keys;
}
std::string shard_path(const std::string& key) { return "assets/search/terms-" + key + ".js"; }
std::string shard_head(const std::string& key) {
  return "window.RS_SEARCH_TERMS=window.RS_SEARCH_TERMS||{};\nwindow.RS_SEARCH_TERMS[" + json_quote(key) + "]={";
}
constexpr std::string_view kShardTail = "};\n";

/// A term's entry in its shard: its ascending document numbers, as base-36 deltas.
std::string posting_entry(std::string_view stem, const std::vector<uint32_t>& ids) {
  std::string e = json_quote(stem) + ":\"";
  uint32_t prev = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k) e += ',';
    e += to_base36(ids[k] - prev);
    prev = ids[k];
  }
  return e + "\"";
}

/// The document numbers of an entry's deltas; false when they are not ours.
bool read_posting(std::string_view deltas, std::vector<uint32_t>& ids) {
  uint64_t prev = 0, n = 0;
  bool digit = false;
  for (size_t i = 0; i <= deltas.size(); ++i) {
    char c = i < deltas.size() ? deltas[i] : ',';
    if (c == ',') {
      if (!digit || n + prev > UINT32_MAX) return false;
      prev += n;
      ids.push_back(static_cast<uint32_t>(prev));
      n = 0, digit = false;
    } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      n = n * 36 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      if (n > UINT32_MAX) return false;
      digit = true;
    } else {
      return false;
    }
  }
  return true;
}

/// Documents given to (true) or taken from (false) a term, in document order.
using TermEdits = std::vector<std::pair<uint32_t, bool>>;

/// A shard's entries (the text between its head and tail) with each edited
/// term's documents given or taken away, in the same form as a shard made
/// whole. nullopt when the shard does not read as this code writes it, or an
/// edit does not fit it (a document taken from a term that lacks it): the
/// index is then made whole.
std::optional<std::string> patch_shard(std::string_view body,
                                       const std::vector<std::pair<std::string_view, const TermEdits*>>& edits) {
  std::string out;
  out.reserve(body.size() + 64 * edits.size());
  auto add_entry = [&](std::string_view entry) {
    out += out.empty() ? "\n" : ",\n";
    out += entry;
  };
  size_t pos = 0, e = 0;
  while (pos < body.size() || e < edits.size()) {
    std::string_view stem, deltas, entry;
    size_t next = pos;
    const bool have_old = pos < body.size();
    if (have_old) {
      const std::string_view separator = pos ? ",\n" : "\n";
      if (body.substr(pos, separator.size()) != separator) return std::nullopt;
      const size_t start = pos + separator.size();
      if (start >= body.size() || body[start] != '"') return std::nullopt;
      const size_t close = body.find('"', start + 1);
      if (close == std::string_view::npos || body.substr(close, 3) != "\":\"") return std::nullopt;
      const size_t end = body.find('"', close + 3);
      if (end == std::string_view::npos) return std::nullopt;
      stem = body.substr(start + 1, close - start - 1);
      deltas = body.substr(close + 3, end - close - 3);
      entry = body.substr(start, end + 1 - start);
      next = end + 1;
    }
    if (e < edits.size() && (!have_old || edits[e].first <= stem)) {
      std::vector<uint32_t> ids;
      if (have_old && edits[e].first == stem) {
        if (!read_posting(deltas, ids)) return std::nullopt;
        pos = next;
      }
      for (const auto& [id, given] : *edits[e].second) {
        auto at = std::lower_bound(ids.begin(), ids.end(), id);
        const bool present = at != ids.end() && *at == id;
        if (given == present) return std::nullopt;
        if (given) ids.insert(at, id);
        else ids.erase(at);
      }
      if (!ids.empty()) add_entry(posting_entry(edits[e].first, ids));
      ++e;
    } else {
      add_entry(entry);
      pos = next;
    }
  }
  return out;
}

/// A search result that is not a meeting's (an undertaking, report or page), with the text it is found by.
struct OtherDoc {
  SearchDoc doc;
  std::string text, when;
};

/// The documents one memo entry keeps: a meeting's (itself, then its items) or one other.
struct Unit {
  std::string name;   // in the memo
  uint64_t key = 0;   // of everything its documents are made from
  std::string when;   // every one of its documents' ISO date, "" for none
  std::vector<Facet> facets;  // one a document, in order
  const Meeting* meeting = nullptr;
  const OtherDoc* other = nullptr;
  std::string committee;  // a meeting's committee's name
};

std::vector<KeptDoc> meeting_docs(const RenderContext& ctx, const Unit& u) {
  const Meeting& m = *u.meeting;
  const std::string& year = u.facets.front().year;
  std::vector<KeptDoc> docs;
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
  docs.push_back(make_doc({"Meeting", meeting_title(u.committee, m), paths::meeting(m.id), m.date.value.long_form(),
                           u.committee, "", m.committee.value, year},
                          trim(who)));
  for (const auto& it : m.items) {
    std::string text;
    if (!it.exempt()) {  // exempt business is never indexed beyond its title
      text = ctx.markdown.plain_text(it.minutes.value);
      auto add = [&](const Text& t) {
        text += ' ';
        text += ctx.markdown.plain_text(t.value);
      };
      for (const auto& ex : it.discussion) add(ex.question), add(ex.answer);
      add(it.resolved);
      text = trim(text);
    }
    docs.push_back(make_doc({"Item", it.number.value + ". " + it.title.value,
                             paths::meeting(m.id) + "#item-" + it.number.value, m.date.value.long_form(), u.committee,
                             "", m.committee.value, year},
                            text));
  }
  return docs;
}

/// Stems end in a line break each, and there is a document for each facet, or the bytes are not ours.
bool fits(const Unit& u, const std::vector<KeptDoc>& k) {
  return k.size() == u.facets.size() &&
         std::all_of(k.begin(), k.end(), [](const KeptDoc& d) { return d.stems.empty() || d.stems.back() == '\n'; });
}

/// A unit's documents: from the memo when its key is unchanged, else made (and kept).
std::vector<KeptDoc> unit_docs(const RenderContext& ctx, const Unit& u) {
  return cached<std::vector<KeptDoc>>(
      ctx.memo, u.name, u.key,
      [&] { return u.meeting ? meeting_docs(ctx, u) : std::vector<KeptDoc>{make_doc(u.other->doc, u.other->text)}; },
      [&](const std::vector<KeptDoc>& k) { return fits(u, k); });
}

/// The others: few or short, so their text is drawn afresh each time.
std::vector<OtherDoc> other_docs(const RenderContext& ctx) {
  const MarkdownRenderer& md = ctx.markdown;
  std::vector<OtherDoc> rest;
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
  return rest;
}

std::vector<Unit> index_units(const RenderContext& ctx, const std::vector<OtherDoc>& others) {
  std::vector<Unit> units(ctx.model.meetings.size() + others.size());
  parallel_for(ctx.model.meetings.size(), [&](size_t mi) {
    const Meeting& m = ctx.model.meetings[mi];
    Unit& u = units[mi];
    u.meeting = &m;
    u.committee = committee_name(ctx, m.committee.value);
    const std::string year = ctx.site.meeting_year[mi].slug();
    // Keyed by the meeting's whole file (everything of a meeting comes from
    // it), so a field the index starts to use can never be left out of the key.
    u.name = "search:" + m.id;
    u.key = Hasher().add("v2").add(m.id).add(ctx.model.sources.content_hash(m.file)).add(u.committee).add(year).value();
    u.when = m.date.value.iso();
    u.facets.push_back({"Meeting", m.committee.value, year});
    u.facets.resize(1 + m.items.size(), {"Item", m.committee.value, year});
  });
  for (size_t i = 0; i < others.size(); ++i) {
    const OtherDoc& o = others[i];
    const SearchDoc& d = o.doc;
    Unit& u = units[ctx.model.meetings.size() + i];
    u.other = &o;
    u.name = "search-doc:" + d.url;
    u.key = Hasher().add(d.kind).add(d.title).add(d.url).add(d.date).add(d.committee).add(d.committee_id).add(d.year)
                .add(o.text).value();
    u.when = o.when;
    u.facets.push_back({d.kind, d.committee_id, d.year});
  }
  return units;
}

/// Which units made the last index: by the hash of their layout (names, sizes
/// and dates, which number the documents), each unit's key. Kept in the memo
/// under the hashes of the files it describes, so it is used only while the
/// output holds exactly those.
struct IndexState {
  uint64_t layout = 0;
  std::vector<uint64_t> keys;
};
auto fields(IndexState& s) { return std::tie(s.layout, s.keys); }

template <class HashOf>
uint64_t index_files_key(HashOf&& hash_of, size_t chunks) {
  Hasher h;
  for (const auto& key : all_shard_keys()) h.add(hash_of(shard_path(key)).value_or(0));
  h.add(chunks);
  for (size_t c = 0; c < chunks; ++c) h.add(hash_of(chunk_path(c)).value_or(0));
  return h.value();
}

/// The documents numbered: the units by date, oldest first (undated pages
/// before all), so the highest numbers search.js lists first are the newest;
/// a unit's own stay together.
struct Numbering {
  std::vector<uint32_t> first;     // each unit's first document
  std::vector<uint32_t> unit_of;   // each document's unit
  size_t size() const { return unit_of.size(); }
};
Numbering number(const std::vector<Unit>& units) {
  std::vector<size_t> order(units.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return units[a].when < units[b].when; });
  Numbering n;
  n.first.resize(units.size());
  for (size_t u : order) {
    n.first[u] = static_cast<uint32_t>(n.unit_of.size());
    n.unit_of.insert(n.unit_of.end(), units[u].facets.size(), static_cast<uint32_t>(u));
  }
  return n;
}

/// The terms' shards and the documents' chunks, made from every unit's documents.
std::vector<OutputFile> whole_index(const RenderContext& ctx, const std::vector<Unit>& units, const Numbering& n) {
  std::vector<std::vector<KeptDoc>> kept(units.size());
  parallel_for(units.size(), [&](size_t u) { kept[u] = unit_docs(ctx, units[u]); });
  std::vector<const KeptDoc*> docs(n.size());
  for (size_t u = 0; u < units.size(); ++u)
    for (size_t j = 0; j < kept[u].size(); ++j) docs[n.first[u] + j] = &kept[u][j];

  std::vector<OutputFile> files;
  // Postings: stem → ascending doc numbers, written as deltas.
  {
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_stem;
    for (size_t i = 0; i < docs.size(); ++i)
      each_stem(docs[i]->stems, [&](std::string_view s) { by_stem[s].push_back(static_cast<uint32_t>(i)); });
    std::vector<std::pair<std::string_view, std::vector<uint32_t>>> postings(std::make_move_iterator(by_stem.begin()),
                                                                              std::make_move_iterator(by_stem.end()));
    by_stem.clear();
    std::sort(postings.begin(), postings.end());
    std::map<std::string, std::string> shards;  // shard key → body
    for (const auto& [stem, ids] : postings) {
      std::string& body = shards[shard_key(stem)];
      body += body.empty() ? "\n" : ",\n";
      body += posting_entry(stem, ids);
    }
    for (auto& [key, body] : shards) {
      files.push_back({shard_path(key), shard_head(key), "", ""});
      files.back().bytes += body;
      files.back().bytes += kShardTail;
      std::string().swap(body);
    }
  }
  for (size_t start = 0; start < docs.size(); start += kDocsPerChunk) {
    std::vector<const SearchDoc*> chunk;
    for (size_t i = start; i < std::min(docs.size(), start + kDocsPerChunk); ++i) chunk.push_back(&docs[i]->doc);
    files.push_back({chunk_path(start / kDocsPerChunk), chunk_file(start / kDocsPerChunk, chunk), "", ""});
  }
  return files;
}

OutputFile kept_file(std::string path) {
  OutputFile f{std::move(path), "", "", ""};
  f.reused = true;
  return f;
}

/// The last build's index with the changed units' documents replaced: each
/// term those documents gained or lost is rewritten in its shard, each chunk
/// holding one is drawn again, and the rest of the files are kept as
/// published. nullopt when that build's index cannot be patched (no state
/// for the files the output holds, the documents numbered otherwise, a changed
/// unit's old documents gone from the memo, many units changed): the caller
/// makes it whole.
std::optional<std::vector<OutputFile>> patched_index(const RenderContext& ctx, const std::vector<Unit>& units,
                                                     const Numbering& n, uint64_t layout) {
  const size_t chunks = (n.size() + kDocsPerChunk - 1) / kDocsPerChunk;
  auto published = [&](const std::string& path) { return ctx.reuse->published_hash(path); };
  auto payload = ctx.memo->find("index", index_files_key(published, chunks));
  if (!payload) return std::nullopt;
  auto state = decode<IndexState>(*payload);
  if (!state || state->layout != layout || state->keys.size() != units.size()) return std::nullopt;
  std::vector<size_t> changed;
  for (size_t u = 0; u < units.size(); ++u)
    if (state->keys[u] != units[u].key) changed.push_back(u);
  if (changed.size() > units.size() / 8 + 8) return std::nullopt;  // most files change anyway: made whole
  // The changed units' documents as the last build made them, read before this build's replace them.
  std::vector<std::vector<KeptDoc>> before(changed.size()), now(changed.size());
  for (size_t i = 0; i < changed.size(); ++i) {
    const Unit& u = units[changed[i]];
    auto old = ctx.memo->find(u.name, state->keys[changed[i]]);
    auto docs = old ? decode<std::vector<KeptDoc>>(*old) : std::nullopt;
    if (!docs || !fits(u, *docs)) return std::nullopt;
    before[i] = std::move(*docs);
  }
  parallel_for(changed.size(), [&](size_t i) { now[i] = unit_docs(ctx, units[changed[i]]); });
  // The unchanged units' entries are looked up, or the memo would let them go (it keeps what a build used).
  for (size_t u = 0, c = 0; u < units.size(); ++u) {
    if (c < changed.size() && changed[c] == u) ++c;
    else ctx.memo->find(units[u].name, units[u].key);
  }

  std::map<std::string, TermEdits, std::less<>> edits;  // by stem
  std::set<size_t> redrawn;                              // chunks
  std::map<size_t, const std::vector<KeptDoc>*> made;    // changed units' documents, by unit
  for (size_t i = 0; i < changed.size(); ++i) {
    made[changed[i]] = &now[i];
    for (size_t j = 0; j < now[i].size(); ++j) {
      if (before[i][j] == now[i][j]) continue;
      const uint32_t id = n.first[changed[i]] + static_cast<uint32_t>(j);
      redrawn.insert(id / kDocsPerChunk);
      std::set<std::string_view> was, is;
      each_stem(before[i][j].stems, [&](std::string_view s) { was.insert(s); });
      each_stem(now[i][j].stems, [&](std::string_view s) { is.insert(s); });
      for (auto s : was)
        if (!is.count(s)) edits[std::string(s)].emplace_back(id, false);
      for (auto s : is)
        if (!was.count(s)) edits[std::string(s)].emplace_back(id, true);
    }
  }
  std::vector<OutputFile> files;
  for (const auto& key : all_shard_keys()) {
    std::vector<std::pair<std::string_view, const TermEdits*>> mine;
    for (const auto& [stem, e] : edits)
      if (shard_key(stem) == key) {
        if (json_quote(stem).size() != stem.size() + 2) return std::nullopt;  // entries are read by their quotes
        mine.emplace_back(stem, &e);
      }
    const std::string path = shard_path(key);
    const bool had = published(path).has_value();
    if (mine.empty()) {
      if (had) files.push_back(kept_file(path));
      continue;
    }
    std::string old;
    std::string_view body;
    const std::string head = shard_head(key);
    if (had) {
      auto bytes = ctx.reuse->published_bytes(path);
      if (!bytes) return std::nullopt;
      old = std::move(*bytes);
      std::string_view all(old);
      if (all.substr(0, head.size()) != head || all.size() < head.size() + kShardTail.size() ||
          all.substr(all.size() - kShardTail.size()) != kShardTail)
        return std::nullopt;
      body = all.substr(head.size(), all.size() - head.size() - kShardTail.size());
    }
    auto patched = patch_shard(body, mine);
    if (!patched) return std::nullopt;
    if (!patched->empty()) files.push_back({path, head + *patched + std::string(kShardTail), "", ""});
  }
  for (size_t c = 0; c < chunks; ++c) {
    if (!redrawn.count(c)) {
      files.push_back(kept_file(chunk_path(c)));
      continue;
    }
    std::map<size_t, std::vector<KeptDoc>> read;  // the chunk's unchanged units' documents
    std::vector<const SearchDoc*> chunk;
    for (size_t id = c * kDocsPerChunk; id < std::min(n.size(), (c + 1) * kDocsPerChunk); ++id) {
      const size_t u = n.unit_of[id];
      auto it = made.find(u);
      const std::vector<KeptDoc>* docs = it != made.end() ? it->second : nullptr;
      if (!docs) {
        auto r = read.find(u);
        if (r == read.end()) r = read.emplace(u, unit_docs(ctx, units[u])).first;
        docs = &r->second;
      }
      chunk.push_back(&(*docs)[id - n.first[u]].doc);
    }
    files.push_back({chunk_path(c), chunk_file(c, chunk), "", ""});
  }
  return files;
}

class SearchOutput : public OutputKind {
 public:
  std::string name() const override { return "search"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    const std::vector<OtherDoc> others = other_docs(ctx);
    const std::vector<Unit> units = index_units(ctx, others);
    const Numbering n = number(units);
    std::vector<Facet> facets(n.size());
    Hasher layout;
    layout.add(kDocsPerChunk);
    for (size_t u = 0; u < units.size(); ++u) {
      layout.add(units[u].name).add(units[u].facets.size()).add(units[u].when);
      for (size_t j = 0; j < units[u].facets.size(); ++j) facets[n.first[u] + j] = units[u].facets[j];
    }
    for (auto& f : facet_files(facets)) out.push_back(std::move(f));

    // What every query needs up front: the chunk size and the glossary's
    // abbreviations, so "children in need" also finds "CiN".
    std::string meta = "window.RS_SEARCH_META={\"docs\":" + std::to_string(n.size()) +
                       ",\"chunk\":" + std::to_string(kDocsPerChunk) + "," + facet_labels(ctx, facets) +
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

    // After an edit, the last index patched: it costs what changed, not the archive.
    std::optional<std::vector<OutputFile>> index;
    if (ctx.memo && ctx.reuse) index = patched_index(ctx, units, n, layout.value());
    if (!index) index = whole_index(ctx, units, n);
    if (ctx.memo) {
      std::unordered_map<std::string_view, const OutputFile*> by_path;
      for (const auto& f : *index) by_path.emplace(f.path, &f);
      auto hash_of = [&](const std::string& path) -> std::optional<uint64_t> {
        auto it = by_path.find(path);
        if (it == by_path.end()) return std::nullopt;
        return it->second->reused ? ctx.reuse->published_hash(path) : hash_bytes(it->second->bytes);
      };
      IndexState state{layout.value(), {}};
      for (const auto& u : units) state.keys.push_back(u.key);
      ctx.memo->put("index", index_files_key(hash_of, (n.size() + kDocsPerChunk - 1) / kDocsPerChunk), encode(state));
    }
    for (auto& f : *index) out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_search_output() { return std::make_unique<SearchOutput>(); }

}  // namespace rs
