#pragma once
// Symbolic links in a site on disk. The file-system seam lists regular files
// only, so a dangling link or a link to a folder would vanish without a word,
// and a link to a file outside the site (/proc/self/environ, ~/.ssh/...) would
// be read, or copied into the output, as if it were the site's own.
#include <string>
#include <vector>

namespace rs {

struct LinkFinding {
  std::string relative;  // under the folder scanned; empty for the folder itself
  std::string why;       // "is a symbolic link to /etc/passwd, outside the site"
  bool listed = false;   // the seam's list() includes it (a link to a file): drop it
};

/// Links under `root`/`folder` that the builder does not follow: dangling links,
/// links to folders, and links that resolve outside `root` or to anything but a
/// regular file. Links to regular files inside the site are fine and not reported.
std::vector<LinkFinding> scan_links(const std::string& root, const std::string& folder);

}  // namespace rs
