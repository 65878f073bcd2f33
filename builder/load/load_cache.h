#pragma once
// What the loader made of each meeting and action file, kept in the build's
// memo store under the file's path and a hash of its bytes. A rebuild parses
// only the files whose bytes changed: parsing YAML is most of a cold build's
// cost, and none of a warm one's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/memo_store.h"
#include "reportsite/model/model.h"

namespace rs {

/// The meeting loaded from `path` when its bytes hashed to `hash`, with the
/// findings loading it gave (added to `diags`); positions point into `file`.
std::optional<Meeting> cached_meeting(const MemoStore& memo, const std::string& path, uint64_t hash, FileId file,
                                      std::vector<Diagnostic>& diags);
std::optional<std::vector<ActionUpdate>> cached_actions(const MemoStore& memo, const std::string& path, uint64_t hash,
                                                        FileId file, std::vector<Diagnostic>& diags);
void cache_meeting(MemoStore& memo, const std::string& path, uint64_t hash, const Meeting& m,
                   const std::vector<Diagnostic>& diags);
void cache_actions(MemoStore& memo, const std::string& path, uint64_t hash, const std::vector<ActionUpdate>& a,
                   const std::vector<Diagnostic>& diags);

}  // namespace rs
