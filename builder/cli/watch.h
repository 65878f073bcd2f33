#pragma once
// `reportsite watch`: rebuild whenever an input changes (Linux inotify), with
// the same checks and atomic swap as `build`. Open public/index.html and reload.
#include <functional>
#include <string>
#include <vector>

namespace rs {

/// Call `rebuild` now and after every change under the site's data/, content/
/// and themes/, with the files the change touched, relative to the site
/// ("content/meetings/2018/x.yaml"; none on the first call); returns 2 if the
/// folders cannot be watched. Runs until killed, or until `rebuild` has run
/// `max_builds` times (0: no limit; tests use 2).
int watch_site(const std::string& site_dir, const std::function<void(const std::vector<std::string>&)>& rebuild,
               int max_builds = 0);

}  // namespace rs
