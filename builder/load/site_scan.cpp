#include "reportsite/load/site_scan.h"

#include <filesystem>
#include <system_error>

namespace rs {

namespace stdfs = std::filesystem;

namespace {

bool inside(const stdfs::path& p, const std::string& root) {
  const std::string s = p.generic_string();
  return s.size() > root.size() && s.compare(0, root.size(), root) == 0 && s[root.size()] == '/';
}

/// What is wrong with the link at `p`, or nothing.
std::string problem(const stdfs::path& p, const std::string& root, bool& listed) {
  std::error_code ec;
  const std::string target = "`" + stdfs::read_symlink(p, ec).generic_string() + "`";
  const stdfs::file_status st = stdfs::status(p, ec);
  listed = !ec && stdfs::is_regular_file(st);
  if (ec || !stdfs::exists(st)) return "is a symbolic link to " + target + ", which does not exist";
  if (stdfs::is_directory(st))
    return "is a symbolic link to the folder " + target + ": links to folders are not followed, so nothing in it is read";
  const stdfs::path real = stdfs::canonical(p, ec);
  if (ec || !inside(real, root))
    return "is a symbolic link to " + target + ", outside the site: only files inside the site are read or published";
  if (!stdfs::is_regular_file(st)) return "is a symbolic link to " + target + ", which is not a regular file";
  return "";
}

}  // namespace

std::vector<LinkFinding> scan_links(const std::string& root_dir, const std::string& folder) {
  std::vector<LinkFinding> out;
  std::error_code ec;
  const stdfs::path dir = stdfs::path(root_dir) / folder;
  const std::string root = stdfs::canonical(root_dir.empty() ? "." : root_dir, ec).generic_string();
  if (ec || !stdfs::exists(stdfs::symlink_status(dir, ec))) return out;
  // The folder itself (or content/) may be a link: then everything in it is judged as one.
  if (!inside(stdfs::canonical(dir, ec), root) && !ec) {
    out.push_back({"", "leads outside the site (it is, or is inside, a symbolic link): nothing in it is read", true});
    return out;
  }
  // The iterator yields dir + "/" + rest: the relative path is a suffix (stdfs::relative would follow the link).
  std::string prefix = dir.generic_string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  const auto options = stdfs::directory_options::skip_permission_denied;
  for (auto it = stdfs::recursive_directory_iterator(dir, options, ec); !ec && it != stdfs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_symlink(ec)) continue;  // from the directory entry's type: no extra system call
    bool listed = false;
    std::string why = problem(it->path(), root, listed);
    const std::string full = it->path().generic_string();
    if (!why.empty() && full.compare(0, prefix.size(), prefix) == 0)
      out.push_back({full.substr(prefix.size()), std::move(why), listed});
  }
  return out;
}

}  // namespace rs
