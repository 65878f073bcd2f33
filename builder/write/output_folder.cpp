#include "output_folder.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <unordered_set>

namespace rs {

namespace {
constexpr std::string_view kMarkerMagic = "reportsite output 1\n";

/// "a/b" is `dir` or lies inside it (both absolute and normal).
bool inside(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::string home_folder() {
  // From the password database, not $HOME: the library reads no environment.
  const passwd* pw = ::getpwuid(::getuid());
  return pw && pw->pw_dir ? pw->pw_dir : "";
}

/// Paths are written one a line; a backslash or a line break in one is escaped.
std::string escape_line(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : std::string(1, c);
  return out;
}
std::string unescape_line(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) out += s[++i] == 'n' ? '\n' : s[i];
    else out += s[i];
  }
  return out;
}
}  // namespace

std::string output_target(const FileSystem& fs, const std::string& out) {
  return fs.is_symlink(out) ? fs.real_path(out) : out;
}

std::optional<std::string> refuse_output(const FileSystem& fs, const std::string& out, const std::string& site_dir) {
  const std::string real = fs.real_path(out), site = fs.real_path(site_dir);
  const std::string never = "; choose a folder of its own for the output (the default is public/ inside the site)";
  if (real == "/") return "the output folder " + out + " is the root of the file system" + never;
  if (std::string home = home_folder(); !home.empty() && real == fs.real_path(home))
    return "the output folder " + out + " is your home folder" + never;
  if (inside(site, real))
    return "the output folder " + out + (real == site ? " is the site folder itself" : " holds the site folder") + never;
  for (const char* part : {"data", "content", "themes", ".reportsite"})
    if (inside(real, site + "/" + part))
      return "the output folder " + out + " is inside the site's " + part + "/ folder" + never;
  if (!fs.exists(out)) return std::nullopt;
  if (!fs.is_dir(out)) return "the output " + out + " is not a folder" + never;
  // The marker first: listing a large earlier output would cost a no-change build more than all else.
  if (read_output_marker(fs, out) || fs.list_entries(out).empty()) return std::nullopt;
  return "the output folder " + out + " is not empty and was not written by reportsite (it has no " +
         std::string(kOutputMarker) + " file), so its files are not the builder's to replace; choose an empty or "
         "new folder, or empty this one yourself";
}

std::optional<std::vector<std::string>> read_output_marker(const FileSystem& fs, const std::string& out) {
  std::string marker = join_path(out, kOutputMarker);
  if (fs.is_dir(marker) || !fs.exists(marker)) return std::nullopt;
  auto bytes = fs.read(marker, nullptr);
  if (!bytes || bytes->compare(0, kMarkerMagic.size(), kMarkerMagic) != 0) return std::nullopt;
  std::vector<std::string> paths;
  std::string_view rest = std::string_view(*bytes).substr(kMarkerMagic.size());
  while (!rest.empty()) {
    size_t end = std::min(rest.find('\n'), rest.size());
    if (end > 0) paths.push_back(unescape_line(rest.substr(0, end)));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return paths;
}

std::string output_marker(const std::vector<std::string>& paths) {
  std::string out(kMarkerMagic);
  for (const auto& p : paths) out += escape_line(p) + "\n";
  return out;
}

bool kept_by(const std::string& path, const std::vector<std::string>& keep) {
  for (std::string k : keep) {
    while (!k.empty() && k.back() == '/') k.pop_back();
    if (k.empty()) continue;
    if (path == k || (path.size() > k.size() && path.compare(0, k.size(), k) == 0 && path[k.size()] == '/')) return true;
  }
  return false;
}

std::vector<std::string> foreign_entries(const FileSystem& fs, const std::string& out,
                                         const std::vector<std::string>& written, const std::vector<std::string>& keep) {
  std::unordered_set<std::string> ours(written.begin(), written.end());
  ours.insert(kOutputMarker);
  std::vector<std::string> foreign;
  for (const auto& entry : fs.list_entries(out)) {
    if (ours.count(entry) || kept_by(entry, keep)) continue;
    // A folder emptied by hand of the builder's files is no one's.
    if (!entry.empty() && entry.back() == '/') continue;
    foreign.push_back(entry);
  }
  return foreign;
}

}  // namespace rs
