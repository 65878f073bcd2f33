#include "write_site.h"

#include <optional>

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
    std::optional<std::string> copied;
    if (!f.copy_from.empty()) {
      copied = fs.read(f.copy_from, &error);
      if (!copied) {
        fs.remove_all(staging, nullptr);
        return fail(f.copy_from, error + "; nothing was published");
      }
    }
    const std::string& bytes = copied ? *copied : *f.bytes;
    // A file whose bytes did not change is linked from the old output, so it
    // keeps its modification time and a deployment by rsync copies only what changed.
    std::string previous = join_path(out_dir, f.path);
    if (fs.size(previous) == static_cast<long long>(bytes.size())) {
      auto old_bytes = fs.read(previous, nullptr);
      if (old_bytes && *old_bytes == bytes && fs.link(previous, target, nullptr)) {
        ++local.unchanged;
        ++local.files;
        local.bytes += bytes.size();
        continue;
      }
    }
    if (!fs.write(target, bytes, &error)) {
      fs.remove_all(staging, nullptr);
      return fail(target, error + "; nothing was published");
    }
    local.bytes += bytes.size();
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
