#pragma once
// Relative links between pages (where each lives: model/site_paths.h).
#include <string>

#include "reportsite/model/site_paths.h"

namespace rs {

/// The prefix that leads from `page` (a path under the root) back to the root: "../../".
std::string root_prefix(const std::string& page);

/// Top-level names pages may not take, since the builder writes there.
bool is_reserved_name(const std::string& stem);

}  // namespace rs
