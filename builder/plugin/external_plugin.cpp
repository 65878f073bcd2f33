#include "reportsite/plugin/external_plugin.h"

#include <map>
#include <optional>
#include <set>

#include "reportsite/check/check.h"
#include "reportsite/check/suppress.h"
#include "reportsite/model/markers.h"
#include "reportsite/plugin/plugin_answer.h"
#include "reportsite/plugin/plugin_document.h"
#include "reportsite/plugin/process.h"

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

/// One plugin's answer, or nullopt when it failed.
std::optional<PluginAnswer> run_one(const ExternalPlugin& p, const Model& model, const ResolvedSite& site,
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
  return read_plugin_answer(run.output, p, model, site, paths, diags);
}

bool runs_on(const ExternalPlugin& p, const std::string& command) {
  switch (p.when) {
    case ExternalPlugin::When::both: return true;
    case ExternalPlugin::When::build: return command == "build";
    case ExternalPlugin::When::check: return command == "check";
  }
  return true;
}

/// Lets allow markers of plugins' rules silence their findings (check/suppress.h),
/// and reports those markers that silence nothing.
void apply_plugin_markers(const Model& model, const ResolvedSite& site, const std::vector<ExternalPlugin>& ran,
                          std::vector<Diagnostic>& findings, const std::vector<std::pair<const Text*, size_t>>& in_text,
                          Diagnostics& diags) {
  std::map<const Text*, std::vector<size_t>> by_text;
  for (size_t i = 0; i < findings.size(); ++i)
    if (in_text[i].first) by_text[in_text[i].first].push_back(i);
  std::vector<const Text*> texts;
  std::set<const Text*> seen;
  for (const auto& page : prose_pages(model, site))
    for (const Text* t : page.texts)
      if (seen.insert(t).second) texts.push_back(t);
  for (const auto& [t, _] : by_text)
    if (seen.insert(t).second) texts.push_back(t);
  std::vector<bool> silenced(findings.size(), false);
  for (const Text* text : texts) {
    if (text->value.find("<!--") == std::string::npos) continue;
    std::vector<SuppressMarker> markers;
    for (auto& m : parse_markers(text->value))
      if (is_plugin_rule(ran, m.rule)) markers.push_back(std::move(m));
    if (markers.empty()) continue;
    std::vector<FindingAt> at;
    auto found = by_text.find(text);
    if (found != by_text.end())
      for (size_t i : found->second) at.push_back({findings[i].rule, in_text[i].second});
    Suppression s = apply_markers(text->value, markers, at);
    if (found != by_text.end())
      for (size_t k = 0; k < found->second.size(); ++k) silenced[found->second[k]] = s.silenced[k];
    for (const auto& p : s.problems) diags.add({p.severity, p.rule, p.message, text->span_of(p.begin, p.end), {}, {}, {}});
  }
  std::vector<Diagnostic> kept;
  for (size_t i = 0; i < findings.size(); ++i)
    if (!silenced[i]) kept.push_back(std::move(findings[i]));
  findings = std::move(kept);
}

}  // namespace

bool is_plugin_rule(const std::vector<ExternalPlugin>& plugins, const std::string& rule) {
  for (const auto& p : plugins)
    if (p.owns_rule(rule)) return true;
  return false;
}

PluginRun run_external_plugins(const Model& model, const ResolvedSite& site, const PluginRunOptions& options,
                               Diagnostics& diags) {
  PluginRun out;
  if (model.site.plugins.empty()) return out;
  // One document for every plugin: each sees the site as built, not another's changes.
  const Json document = plugin_document(model, site, options.builder_version, options.command);
  std::vector<std::string> keep;
  for (const auto& k : model.site.keep) keep.push_back(k.value);
  PluginPaths paths(options.output_paths, keep);
  std::vector<ExternalPlugin> ran;
  std::vector<Diagnostic> findings;
  std::vector<std::pair<const Text*, size_t>> in_text;
  for (const auto& p : model.site.plugins) {
    if (!runs_on(p, options.command)) continue;
    ++out.ran;
    const std::string mine = write_json(plugin_document_for(document, p)) + "\n";
    auto answer = run_one(p, model, site, options, mine, paths, diags);
    if (!answer) continue;
    ran.push_back(p);
    for (size_t i = 0; i < answer->diagnostics.size(); ++i) {
      findings.push_back(std::move(answer->diagnostics[i]));
      in_text.push_back(answer->in_text[i]);
    }
    for (auto& f : answer->files) out.files.push_back(std::move(f));
    for (auto& pg : answer->pages) out.pages.push_back(std::move(pg));
  }
  apply_plugin_markers(model, site, ran, findings, in_text, diags);
  for (auto& d : findings) diags.add(std::move(d));
  return out;
}

}  // namespace rs
