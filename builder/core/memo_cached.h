#pragma once
// The one way work is reused from earlier builds: look the result up by the
// name of the piece of work and the hash of its input, else compute it and
// keep it. Results are encoded by core/codec.h, so a type needs only its
// fields() description.
//
//   auto found = cached<std::vector<GlossaryFinding>>(memo, "glossary:" + page, key,
//                                                     [&] { return matcher.check_page(texts); });
#include <string>

#include "reportsite/core/codec.h"
#include "reportsite/core/memo_store.h"

namespace rs {

/// `compute()` unless `memo` holds a result for (name, key) that decodes and
/// that `valid` accepts; a computed result is put into `memo`. A null memo
/// (a build that keeps no state) always computes. Thread-safe as MemoStore is.
template <class T, class Compute, class Valid>
T cached(MemoStore* memo, const std::string& name, uint64_t key, Compute&& compute, Valid&& valid) {
  if (memo)
    if (auto payload = memo->find(name, key))
      if (std::optional<T> kept = decode<T>(*payload); kept && valid(*kept)) return std::move(*kept);
  T value = compute();
  if (memo) memo->put(name, key, encode(value));
  return value;
}

template <class T, class Compute>
T cached(MemoStore* memo, const std::string& name, uint64_t key, Compute&& compute) {
  return cached<T>(memo, name, key, std::forward<Compute>(compute), [](const T&) { return true; });
}

}  // namespace rs
