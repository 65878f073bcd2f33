#include "reportsite/load/load_cache.h"

#include <type_traits>

#include "reportsite/core/codec.h"

namespace rs {

namespace {

// Spans and texts name no file: an entry only ever points into its own file,
// whose id is given back when it is read. Everything else is encoded from the
// model's own field descriptions (model/model.h, core/codec.h), so a new
// field is kept on warm rebuilds without an edit here.
struct Writer : BinaryWriter {};
struct Reader : BinaryReader {
  FileId file;
};

void encode_value(Writer& w, const Span& s) {
  w.u32(s.known() ? 1 : 0);
  w.u32(s.begin);
  w.u32(s.end);
}
void decode_value(Reader& r, Span& s) {
  s.file = r.u32() ? r.file : kNoFile;
  s.begin = r.u32();
  s.end = r.u32();
}
void encode_value(Writer& w, const Text& t) {
  w.str(t.value);
  w.u32(t.file != kNoFile ? 1 : 0);
  codec::write(w, t.map);
  encode_value(w, t.span);
}
void decode_value(Reader& r, Text& t) {
  t.value = r.str();
  t.file = r.u32() ? r.file : kNoFile;
  codec::read(r, t.map);
  decode_value(r, t.span);
}

// The file a value was read from is not encoded (see fields() in model.h).
void set_file(Meeting& m, FileId file) { m.file = file; }
void set_file(std::vector<ActionUpdate>& actions, FileId file) {
  for (auto& a : actions) a.file = file;
}

template <class T>
std::string pack(const T& value, const std::vector<Diagnostic>& diags) {
  Writer w{};
  codec::write(w, diags);
  codec::write(w, value);
  return std::move(w.out);
}
template <class T>
std::optional<T> unpack(std::string_view payload, FileId file, std::vector<Diagnostic>& diags) {
  Reader r{{payload}, file};
  std::vector<Diagnostic> found;
  codec::read(r, found);
  T value;
  codec::read(r, value);
  if (!r.done()) return std::nullopt;
  set_file(value, file);
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
