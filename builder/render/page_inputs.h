#pragma once
// What the two pages there are thousands of (a meeting's, an undertaking's)
// are made from, as one key. A rebuild that finds a page's key unchanged
// reuses the page without preparing its data at all. The keys are coarse
// (a meeting page's covers the meeting's whole file) and must never miss an
// input: `--verify-input-keys` (and the incremental tests) prepare every
// page anyway and fail if a page's data changed while its key did not.
#include <cstdint>
#include <optional>

#include "view.h"

namespace rs {

/// 0 when the build has no input hashes (then nothing is reused by key).
uint64_t meeting_page_inputs(const RenderContext& ctx, size_t meeting_index);
uint64_t undertaking_page_inputs(const RenderContext& ctx, const ResolvedUndertaking& ru);

/// Set `env.input_key`; when the last build drew the page from the same inputs,
/// return the page to reuse as it is.
std::optional<OutputFile> reuse_by_inputs(PageEnv& env, const std::string& template_name, uint64_t input_key);

}  // namespace rs
