#include "load_cache.h"

#include <type_traits>

#include "core/binary.h"

namespace rs {

namespace {

// Spans and texts name no file: an entry only ever points into its own file,
// whose id is given back when it is read.
// Declared here, not aliased, so the put/get overloads below are found for nested types.
struct Writer : BinaryWriter {};
struct Reader : BinaryReader {
  FileId file;
};

void put(Writer& w, const Span& s) {
  w.u32(s.known() ? 1 : 0);
  w.u32(s.begin);
  w.u32(s.end);
}
void get(Reader& r, Span& s) {
  s.file = r.u32() ? r.file : kNoFile;
  s.begin = r.u32();
  s.end = r.u32();
}
void put(Writer& w, const std::string& s) { w.str(s); }
void get(Reader& r, std::string& s) { s = r.str(); }
void put(Writer& w, const Date& d) {
  w.u32(static_cast<uint32_t>(d.year));
  w.u32(static_cast<uint32_t>(d.month));
  w.u32(static_cast<uint32_t>(d.day));
}
void get(Reader& r, Date& d) {
  d.year = static_cast<int>(r.u32());
  d.month = static_cast<int>(r.u32());
  d.day = static_cast<int>(r.u32());
}
template <class E>
  requires std::is_enum_v<E>
void put(Writer& w, const E& e) {
  w.u32(static_cast<uint32_t>(e));
}
template <class E>
  requires std::is_enum_v<E>
void get(Reader& r, E& e) {
  e = static_cast<E>(r.u32());
}
void put(Writer& w, const Text& t) {
  w.str(t.value);
  w.u32(t.file != kNoFile ? 1 : 0);
  w.u64(t.map.size());
  for (const auto& s : t.map) {
    w.u32(s.value_begin);
    w.u32(s.file_offset);
  }
  put(w, t.span);
}
void get(Reader& r, Text& t) {
  t.value = r.str();
  t.file = r.u32() ? r.file : kNoFile;
  t.map.resize(r.count());
  for (auto& s : t.map) {
    s.value_begin = r.u32();
    s.file_offset = r.u32();
  }
  get(r, t.span);
}
template <class T>
void put(Writer& w, const Located<T>& l) {
  put(w, l.value);
  put(w, l.span);
}
template <class T>
void get(Reader& r, Located<T>& l) {
  get(r, l.value);
  get(r, l.span);
}
template <class T>
void put(Writer& w, const std::vector<T>& v) {
  w.u64(v.size());
  for (const auto& x : v) put(w, x);
}
template <class T>
void get(Reader& r, std::vector<T>& v) {
  v.clear();
  uint64_t n = r.count();
  for (uint64_t i = 0; i < n && r.ok; ++i) get(r, v.emplace_back());
}

// ---- the model's pieces: each lists its fields once for writing and once for reading ----

void put(Writer& w, const Exchange& e) {
  put(w, e.asked_by), put(w, e.question), put(w, e.answered_by), put(w, e.answer), put(w, e.undertakings);
  put(w, e.span);
}
void get(Reader& r, Exchange& e) {
  get(r, e.asked_by), get(r, e.question), get(r, e.answered_by), get(r, e.answer), get(r, e.undertakings);
  get(r, e.span);
}
void put(Writer& w, const Undertaking& u) {
  put(w, u.id), put(w, u.text), put(w, u.owner), put(w, u.due.kind), put(w, u.due.date), put(w, u.due.span);
  put(w, u.requested_by), put(w, u.span);
}
void get(Reader& r, Undertaking& u) {
  get(r, u.id), get(r, u.text), get(r, u.owner), get(r, u.due.kind), get(r, u.due.date), get(r, u.due.span);
  get(r, u.requested_by), get(r, u.span);
}
void put(Writer& w, const Document& d) { put(w, d.title), put(w, d.file); }
void get(Reader& r, Document& d) { get(r, d.title), get(r, d.file); }
void put(Writer& w, const Item& i) {
  put(w, i.number), put(w, i.title), put(w, i.report_of), put(w, i.report), put(w, i.minutes);
  put(w, i.discussion), put(w, i.undertakings), put(w, i.resolved), put(w, i.documents);
  w.u32(static_cast<uint32_t>(i.exempt_paragraph)), put(w, i.exempt_span), put(w, i.span);
}
void get(Reader& r, Item& i) {
  get(r, i.number), get(r, i.title), get(r, i.report_of), get(r, i.report), get(r, i.minutes);
  get(r, i.discussion), get(r, i.undertakings), get(r, i.resolved), get(r, i.documents);
  i.exempt_paragraph = static_cast<int>(r.u32()), get(r, i.exempt_span), get(r, i.span);
}
void put(Writer& w, const Meeting& m) {
  put(w, m.id), put(w, m.committee), put(w, m.date), put(w, m.time), put(w, m.venue), put(w, m.status);
  put(w, m.attendance.members), put(w, m.attendance.officers), put(w, m.attendance.apologies), put(w, m.items);
}
void get(Reader& r, Meeting& m) {
  m.file = r.file;
  get(r, m.id), get(r, m.committee), get(r, m.date), get(r, m.time), get(r, m.venue), get(r, m.status);
  get(r, m.attendance.members), get(r, m.attendance.officers), get(r, m.attendance.apologies), get(r, m.items);
}
void put(Writer& w, const ActionUpdate& a) {
  put(w, a.undertaking), put(w, a.date), put(w, a.status), put(w, a.note), put(w, a.meeting), put(w, a.span);
}
void get(Reader& r, ActionUpdate& a) {
  a.file = r.file;
  get(r, a.undertaking), get(r, a.date), get(r, a.status), get(r, a.note), get(r, a.meeting), get(r, a.span);
}
void put(Writer& w, const Diagnostic& d) {
  put(w, d.severity), put(w, d.rule), put(w, d.message), put(w, d.span), put(w, d.where), put(w, d.suggestion);
  put(w, d.replacement);
}
void get(Reader& r, Diagnostic& d) {
  get(r, d.severity), get(r, d.rule), get(r, d.message), get(r, d.span), get(r, d.where), get(r, d.suggestion);
  get(r, d.replacement);
}

template <class T>
std::string pack(const T& value, const std::vector<Diagnostic>& diags) {
  Writer w{};
  put(w, diags);
  put(w, value);
  return std::move(w.out);
}
template <class T>
std::optional<T> unpack(std::string_view payload, FileId file, std::vector<Diagnostic>& diags) {
  Reader r{{payload}, file};
  std::vector<Diagnostic> found;
  get(r, found);
  T value;
  get(r, value);
  if (!r.done()) return std::nullopt;
  for (auto& d : found) diags.push_back(std::move(d));
  return value;
}

std::string memo_name(const std::string& path) { return "load:" + path; }

}  // namespace

std::optional<Meeting> cached_meeting(const MemoStore& memo, const std::string& path, uint64_t hash, FileId file,
                                      std::vector<Diagnostic>& diags) {
  auto payload = memo.find(memo_name(path), hash);
  if (!payload) return std::nullopt;
  return unpack<Meeting>(*payload, file, diags);
}

std::optional<std::vector<ActionUpdate>> cached_actions(const MemoStore& memo, const std::string& path, uint64_t hash,
                                                        FileId file, std::vector<Diagnostic>& diags) {
  auto payload = memo.find(memo_name(path), hash);
  if (!payload) return std::nullopt;
  return unpack<std::vector<ActionUpdate>>(*payload, file, diags);
}

void cache_meeting(MemoStore& memo, const std::string& path, uint64_t hash, const Meeting& m,
                   const std::vector<Diagnostic>& diags) {
  memo.put(memo_name(path), hash, pack(m, diags));
}

void cache_actions(MemoStore& memo, const std::string& path, uint64_t hash, const std::vector<ActionUpdate>& a,
                   const std::vector<Diagnostic>& diags) {
  memo.put(memo_name(path), hash, pack(a, diags));
}

}  // namespace rs
