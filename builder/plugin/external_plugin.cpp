#include "plugin/external_plugin.h"

#include <optional>

#include "plugin/plugin_answer.h"
#include "plugin/plugin_document.h"
#include "plugin/process.h"

namespace rs {

namespace {

constexpr size_t kMaxAnswer = size_t{64} << 20;

/// The last lines of the plugin's standard error, as a note under the error.
std::string stderr_note(const ProcessResult& r) {
  std::string tail = tail_lines(r.errors, 5);
  if (tail.empty()) return "it wrote nothing on standard error";
  for (char& c : tail)
    if (c == '\n') c = '|';
  return "its standard error ended: " + tail;
}

/// Reports how a run went wrong (plugin.failed, plugin.timeout); true when it
/// exited, whatever its status.
bool exited(const ProcessResult& r, const ExternalPlugin& p, const std::string& during, Diagnostics& diags) {
  const std::string who = "plugin `" + p.name.value + "`";
  ProcessEnd end = r.end;
  int status = r.status;
  // The shell reports a command killed by a signal as 128 + its number.
  if (end == ProcessEnd::exited && status > 128 && status <= 128 + 64) end = ProcessEnd::signalled, status -= 128;
  switch (end) {
    case ProcessEnd::exited: return true;
    case ProcessEnd::not_started:
      diags.error("plugin.failed", p.command.span, who + " could not be started" + during + ": " + r.why);
      return false;
    case ProcessEnd::timed_out:
      diags.error("plugin.timeout", p.command.span,
                  who + " ran longer than " + std::to_string(p.timeout_seconds.value) + " s" + during +
                      " and was stopped",
                  "make it faster, or give it more time with `timeout:` (up to 600 seconds)");
      return false;
    case ProcessEnd::signalled:
      diags.error("plugin.failed", p.command.span, who + " was killed by " + signal_description(status) + during,
                  stderr_note(r));
      return false;
    case ProcessEnd::output_too_large:
      diags.error("plugin.failed", p.command.span,
                  who + " wrote more than " + std::to_string(kMaxAnswer >> 20) + " MiB on standard output" + during +
                      " and was stopped");
      return false;
  }
  return false;
}

/// 126 and 127 are the shell's own: the command could not be run at all.
bool shell_failed(const ProcessResult& r, const ExternalPlugin& p, const std::string& during, Diagnostics& diags) {
  if (r.status != 126 && r.status != 127) return false;
  diags.error("plugin.failed", p.command.span,
              "plugin `" + p.name.value + "` could not be run" + during + " (exit status " +
                  std::to_string(r.status) + (r.status == 127 ? ": command not found" : ": not executable") + ")",
              stderr_note(r));
  return true;
}

/// One plugin's files, or nullopt when it failed.
std::optional<std::vector<PluginFile>> run_one(const ExternalPlugin& p, const Model& model, const ResolvedSite& site,
                                               const PluginRunOptions& options, const std::string& document,
                                               PluginPaths& paths, Diagnostics& diags) {
  const std::string protocol = std::to_string(kPluginProtocol);
  ProcessRequest request;
  request.command = p.command.value;
  request.cwd = options.site_dir.empty() ? "." : options.site_dir;
  request.timeout_ms = p.timeout_seconds.value * 1000;
  request.max_output = kMaxAnswer;

  // The handshake first, as mdBook's preprocessors do: a plugin written for
  // another protocol says so before it is sent a document it cannot read.
  request.args = {"supports", protocol};
  const std::string during_handshake = " (when asked `supports " + protocol + "`)";
  ProcessResult hello = run_process(request);
  if (!exited(hello, p, during_handshake, diags) || shell_failed(hello, p, during_handshake, diags)) return std::nullopt;
  if (hello.status != 0) {
    std::string tail = tail_lines(hello.errors, 5);
    diags.error("plugin.unsupported-version", p.command.span,
                "plugin `" + p.name.value + "` does not support protocol " + protocol + " of reportsite " +
                    (options.builder_version.empty() ? "(unknown version)" : options.builder_version) +
                    " (`supports " + protocol + "` exited with status " + std::to_string(hello.status) + ")",
                tail.empty() ? "use a version of the plugin written for protocol " + protocol
                             : stderr_note(hello));
    return std::nullopt;
  }

  request.args.clear();
  request.input = document;
  ProcessResult run = run_process(request);
  if (!exited(run, p, "", diags) || shell_failed(run, p, "", diags)) return std::nullopt;
  if (run.status != 0) {
    diags.error("plugin.failed", p.command.span,
                "plugin `" + p.name.value + "` failed: it exited with status " + std::to_string(run.status),
                stderr_note(run));
    return std::nullopt;
  }
  auto answer = read_plugin_answer(run.output, p, model, site, paths, diags);
  if (!answer) return std::nullopt;
  for (auto& d : answer->diagnostics) diags.add(std::move(d));
  return std::move(answer->files);
}

}  // namespace

std::vector<PluginFile> run_external_plugins(const Model& model, const ResolvedSite& site,
                                             const PluginRunOptions& options, Diagnostics& diags) {
  std::vector<PluginFile> files;
  if (model.site.plugins.empty()) return files;
  // One document for every plugin: each sees the site as built, not another's changes.
  const std::string document = write_json(plugin_document(model, site, options.builder_version)) + "\n";
  std::vector<std::string> keep;
  for (const auto& k : model.site.keep) keep.push_back(k.value);
  PluginPaths paths(options.output_paths, keep);
  for (const auto& p : model.site.plugins) {
    auto mine = run_one(p, model, site, options, document, paths, diags);
    if (!mine) continue;
    for (auto& f : *mine) files.push_back(std::move(f));
  }
  return files;
}

}  // namespace rs
