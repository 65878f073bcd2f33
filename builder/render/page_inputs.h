#pragma once
// What the pages there are many of (a meeting's, an undertaking's, a person's,
// a year's) are made from, as one key. A rebuild that finds a page's key unchanged
// reuses the page without preparing its data at all. The keys are coarse
// (a meeting page's covers the meeting's whole file) and must never miss an
// input: `--verify-input-keys` (and the incremental tests) prepare every
// page anyway and fail if a page's data changed while its key did not.
#include <cstdint>
#include <optional>
#include <vector>

#include "view.h"

namespace rs {

/// 0 when the build has no input hashes (then nothing is reused by key).
uint64_t meeting_page_inputs(const RenderContext& ctx, size_t meeting_index);
uint64_t undertaking_page_inputs(const RenderContext& ctx, const ResolvedUndertaking& ru);
/// A person's page: the meetings naming them and the undertakings they own, as listed.
uint64_t person_page_inputs(const RenderContext& ctx, const Person& person,
                            const std::vector<const ResolvedUndertaking*>& owned);
/// A municipal year's page: its meetings and reports, and the undertaking lists it shows.
uint64_t year_page_inputs(const RenderContext& ctx, const MunicipalYear& year,
                          const std::vector<std::vector<const ResolvedUndertaking*>>& lists);

/// Set `env.input_key`; when the last build drew the page from the same inputs,
/// return the page to reuse as it is.
std::optional<OutputFile> reuse_by_inputs(PageEnv& env, const std::string& template_name, uint64_t input_key);

}  // namespace rs
