#pragma once
// `reportsite watch`: rebuild whenever an input changes (Linux inotify), with
// the same checks and atomic swap as `build`. Open public/index.html and reload.
#include <functional>
#include <string>

namespace rs {

/// Call `rebuild` now and after every change under the site's data/, content/
/// and themes/; returns 2 if the folders cannot be watched. Runs until killed,
/// or until `rebuild` has run `max_builds` times (0: no limit; tests use 2).
int watch_site(const std::string& site_dir, const std::function<void()>& rebuild, int max_builds = 0);

}  // namespace rs
