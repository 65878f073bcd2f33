#include "write_site.h"

#include <unistd.h>

namespace rs {

namespace {
std::pair<std::string, std::string> split_parent(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return {"", p};
  return {p.substr(0, slash + 1), p.substr(slash + 1)};
}
}  // namespace

std::string staging_dir_for(const std::string& out_dir) {
  auto [parent, name] = split_parent(out_dir);
  return parent + "." + name + ".staging";
}

bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files, Diagnostics& diags,
                WriteStats* stats) {
  auto fail = [&](const std::string& where, const std::string& message) {
    diags.add({Severity::error, "write.io", message, {}, where, {}, {}});
    return false;
  };
  auto [parent, name] = split_parent(out_dir);
  std::string staging = staging_dir_for(out_dir);
  std::string old = parent + "." + name + ".old";
  std::string error;
  fs.remove_all(staging, nullptr);  // left over from a build that was killed
  WriteStats local;
  for (const auto& f : files) {
    std::string target = join_path(staging, f.path);
    if (!f.copy_from.empty()) {
      auto bytes = fs.read(f.copy_from, &error);
      if (!bytes || !fs.write(target, *bytes, &error)) {
        fs.remove_all(staging, nullptr);
        return fail(f.copy_from, error + "; nothing was published");
      }
      local.bytes += bytes->size();
    } else {
      if (!fs.write(target, *f.bytes, &error)) {
        fs.remove_all(staging, nullptr);
        return fail(target, error + "; nothing was published");
      }
      local.bytes += f.bytes->size();
    }
    ++local.files;
  }
  // Swap: the old output moves aside, the new one takes its name, the old one goes.
  fs.remove_all(old, nullptr);
  bool had_old = fs.exists(out_dir);
  if (had_old && !fs.rename(out_dir, old, &error)) {
    fs.remove_all(staging, nullptr);
    return fail(out_dir, error + "; nothing was published");
  }
  if (!fs.rename(staging, out_dir, &error)) {
    if (had_old) fs.rename(old, out_dir, nullptr);
    fs.remove_all(staging, nullptr);
    return fail(out_dir, error + "; the previous output was kept");
  }
  if (had_old) fs.remove_all(old, nullptr);
  if (stats) *stats = local;
  return true;
}

}  // namespace rs
