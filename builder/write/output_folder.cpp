#include "reportsite/write/output_folder.h"

#include "reportsite/model/site_paths.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace rs {

namespace {
constexpr std::string_view kMarkerPrefix = "reportsite output ";
constexpr int kMarkerFormat = 2;  // 1 listed paths only; 2 adds each file's hash

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

std::string foreign_marker_message(const std::string& out, const OutputMarker& marker) {
  return "the output folder " + out + " has a " + std::string(kOutputMarker) + " file that reportsite cannot trust (" +
         marker.problem + "), so it cannot tell its own files from anyone else's and removes none of them; if " + out +
         " holds only an earlier reportsite output, delete the folder (or empty it) and build again; otherwise "
         "choose another folder for the output";
}

std::string output_target(const FileSystem& fs, const std::string& out) {
  return fs.is_symlink(out) ? fs.real_path(out) : out;
}

std::optional<std::string> refuse_output(const FileSystem& fs, const std::string& out, const std::string& site_dir) {
  const std::string real = fs.real_path(out), site = fs.real_path(site_dir);
  const std::string never = "; choose a folder of its own for the output (the default is public/ inside the site)";
  if (real == "/") return "the output folder " + out + " is the root of the file system" + never;
  if (std::string home = home_folder(); !home.empty() && real == fs.real_path(home))
    return "the output folder " + out + " is your home folder" + never;
  if (path_inside(site, real))
    return "the output folder " + out + (real == site ? " is the site folder itself" : " holds the site folder") + never;
  for (const char* part : {"data", "content", "themes", ".reportsite"})
    if (path_inside(real, site + "/" + part))
      return "the output folder " + out + " is inside the site's " + part + "/ folder" + never;
  if (!fs.exists(out)) return std::nullopt;
  if (!fs.is_dir(out)) return "the output " + out + " is not a folder" + never;
  // The marker first: listing a large earlier output would cost a no-change build more than all else.
  const OutputMarker marker = read_output_marker(fs, out);
  if (marker.state == OutputMarker::State::ours) return std::nullopt;
  if (marker.state != OutputMarker::State::absent) return foreign_marker_message(out, marker);
  if (fs.list_entries(out).empty()) return std::nullopt;
  return "the output folder " + out + " is not empty and was not written by reportsite (it has no " +
         std::string(kOutputMarker) + " file), so its files are not the builder's to replace; choose an empty or "
         "new folder, or empty this one yourself";
}

OutputMarker read_output_marker(const FileSystem& fs, const std::string& out) {
  OutputMarker m;
  const std::string path = join_path(out, kOutputMarker);
  if (!fs.exists(path) && !fs.is_symlink(path)) return m;
  auto damaged = [&](std::string why) {
    m.state = OutputMarker::State::damaged;
    m.files.clear();
    m.refused.clear();
    m.problem = std::move(why);
    return m;
  };
  if (fs.is_symlink(path)) return damaged("it is a symbolic link, which reportsite never writes");
  if (fs.is_dir(path)) return damaged("it is a folder, not a file");
  std::string error;
  auto bytes = fs.read(path, &error);
  if (!bytes) return damaged("it cannot be read (" + error + ")");
  std::string_view rest(*bytes);
  size_t end = rest.find('\n');
  std::string_view first = rest.substr(0, end);
  if (first.substr(0, kMarkerPrefix.size()) != kMarkerPrefix) return damaged("its first line is not `reportsite output N`");
  std::string_view version = first.substr(kMarkerPrefix.size());
  if (version.empty() || version.size() > 6 || version.find_first_not_of("0123456789") != std::string_view::npos)
    return damaged("its first line is not `reportsite output N`");
  const int format = std::stoi(std::string(version));
  if (format > kMarkerFormat) {
    m.state = OutputMarker::State::newer;
    m.problem = "it is in format " + std::string(version) + ", from a newer reportsite than this one, which reads up to format " +
                std::to_string(kMarkerFormat);
    return m;
  }
  if (format < 1) return damaged("its format " + std::string(version) + " is not one reportsite ever wrote");
  m.state = OutputMarker::State::ours;
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  for (int line = 2; !rest.empty(); ++line) {
    end = rest.find('\n');
    std::string_view text = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (text.empty()) continue;
    MarkedFile file;
    if (format >= 2) {
      // "<16 hex digits> <path>"
      // A line without its hash was not written by a build: set aside, never acted on.
      if (text.size() < 18 || text[16] != ' ' || text.substr(0, 16).find_first_not_of("0123456789abcdef") != std::string_view::npos) {
        m.refused.emplace_back(printable_path(text), "line " + std::to_string(line) + " is not a hash and a path");
        continue;
      }
      file.hash = std::stoull(std::string(text.substr(0, 16)), nullptr, 16);
      text.remove_prefix(17);
    }
    file.path = unescape_line(text);
    if (auto why = unsafe_relative_path(file.path)) m.refused.emplace_back(printable_path(file.path), *why);
    else m.files.push_back(std::move(file));
  }
  return m;
}

std::string output_marker(const std::vector<MarkedFile>& files) {
  std::string out = std::string(kMarkerPrefix) + std::to_string(kMarkerFormat) + "\n";
  char hash[17];
  for (const auto& f : files) {
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(f.hash.value_or(0)));
    out += std::string(hash) + " " + escape_line(f.path) + "\n";
  }
  return out;
}

std::optional<std::string> unsafe_relative_path(std::string_view path) {
  // The rule every output path follows (model/site_paths.h), worded for a path found in state.
  switch (output_path_fault(path)) {
    case OutputPathFault::none: return std::nullopt;
    case OutputPathFault::empty: return "it is empty";
    case OutputPathFault::absolute: return "it is an absolute path";
    case OutputPathFault::backslash: return "it holds a `\\`";
    case OutputPathFault::control_character: return "it holds a control character";
    case OutputPathFault::empty_folder: return "it has an empty folder name (`//`)";
    case OutputPathFault::dot_dot: return "it steps out of the folder with ..";
    case OutputPathFault::dot: return "it has a `.` folder";
  }
  return "it is not a plain path";
}

std::string printable_path(std::string_view path) {
  std::string out;
  char hex[5];
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool path_inside(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
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
