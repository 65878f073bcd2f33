#pragma once
// A page's inputs, recorded as it reads the model (after salsa's tracked
// reads): every accessor of PageEnv (view.h) names what it read by a key,
// such as "meeting:2018-10-17-audit", "people" or "undertakings:owner:jsmith",
// and ReadHashes says what that key holds in this build, as a hash. A rebuild
// reuses a page whose every recorded key still hashes the same, without
// preparing its data. Nothing is declared by hand, so a page cannot go stale
// because someone forgot to declare what it shows.
//
// Lists a page filters (an owner's undertakings, a year's meetings) are keys
// of their own, hashed by their result, so an edit that does not change a
// list leaves the pages showing it alone (salsa's "early cutoff").
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "reportsite/model/model.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

class Theme;

/// One key a page read, and the hash of what it held when the page was drawn.
struct PageRead {
  std::string key;
  uint64_t hash = 0;
};
using PageReads = std::vector<PageRead>;

/// Which undertakings a page lists; each is a key of its own (see key()).
struct UndertakingQuery {
  enum class By { all, state, owner, committee, given_in_year, due_in_year, closed_in_year };
  By by = By::all;
  std::string arg;  // state slug, owner_slug() of an owner, committee id or year slug

  std::string key() const;
};

/// The register's states, as the register pages filter them.
struct RegisterState {
  const char* slug;
  const char* label;
  bool (*keep)(Timing);
};
const std::vector<RegisterState>& register_states();

/// What each key holds in one build: worked out once per key, on any thread.
class ReadHashes {
 public:
  ReadHashes(const Model& model, const ResolvedSite& site, const Theme& theme);
  ~ReadHashes();
  /// Each output's version() by name: what the key "output-version:<name>"
  /// holds, recorded by every page of an output that gives one.
  void set_output_versions(std::map<std::string, std::string> versions) { output_versions_ = std::move(versions); }

  /// The hash of what `key` holds now; a key that names nothing (a meeting
  /// since removed) hashes to a value no real input gives.
  uint64_t of(const std::string& key) const;
  /// True when every read holds what it held.
  bool unchanged(const PageReads& reads) const;

  /// The undertakings a query selects, in register order.
  std::vector<const ResolvedUndertaking*> undertakings(const UndertakingQuery& q) const;
  /// A committee's meetings in a municipal year, oldest first.
  const std::vector<size_t>& meetings_in(const std::string& year_slug, const std::string& committee) const;

 private:
  uint64_t compute(const std::string& key) const;
  uint64_t undertaking_hash(const ResolvedUndertaking& ru) const;
  uint64_t meeting_hash(size_t meeting_index) const;
  uint64_t summary_hash(size_t meeting_index) const;
  uint64_t file_hash(const std::string& relative_path) const;

  std::map<std::string, std::string> output_versions_;
  const Model& model_;
  const ResolvedSite& site_;
  const Theme& theme_;
  std::vector<const ResolvedUndertaking*> register_;
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> meetings_by_year_;  // (year slug, committee)
  std::unordered_map<std::string, uint64_t> file_hashes_;  // by path under the site folder
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, uint64_t> known_;
  // Every query's list, by key, made in one walk of the register when first
  // asked (a rebuild asks hundreds, each of which would walk it all).
  mutable std::once_flag lists_once_;
  mutable std::unordered_map<std::string, std::vector<const ResolvedUndertaking*>> lists_;
};

/// Parses a query back from its key (for ReadHashes); false when it is not one.
bool parse_undertaking_query(const std::string& key, UndertakingQuery& q);

}  // namespace rs
