#include "write_site.h"

#include <algorithm>
#include <optional>

namespace rs {

std::string beside_output(const std::string& out_dir, const std::string& kind) {
  std::string p = out_dir;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  std::string parent = slash == std::string::npos ? "" : p.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
  return parent + "." + name + "." + kind;
}

bool write_site(FileSystem& fs, const std::string& out_dir, const std::vector<FileToWrite>& files, Diagnostics& diags,
                WriteStats* stats) {
  auto fail = [&](const std::string& where, const std::string& message) {
    diags.add({Severity::error, "write.io", message, {}, where, {}, {}});
    return false;
  };
  std::string staging = beside_output(out_dir, "staging");
  std::string old = beside_output(out_dir, "old");
  std::string error;
  fs.remove_all(staging, nullptr);  // left over from a build that was killed
  WriteStats local;
  for (const auto& f : files) {
    std::string target = join_path(staging, f.path);
    std::string previous = join_path(out_dir, f.path);
    if (f.keep_previous) {
      long long size = fs.size(previous);
      if (!fs.link(previous, target, &error)) {
        fs.remove_all(staging, nullptr);
        return fail(previous, error + "; nothing was published");
      }
      ++local.unchanged;
      ++local.files;
      local.bytes += static_cast<size_t>(std::max(size, 0LL));
      continue;
    }
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
