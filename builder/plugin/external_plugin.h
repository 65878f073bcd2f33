#pragma once
// External plugins (`plugins:` in data/site.yaml): commands, in any language,
// that read the site as a versioned JSON document on standard input and
// answer with JSON diagnostics and extra files. The protocol is in
// docs/plugins.md. Exempt business is never sent: an exempt item goes as its
// number, title and exemption paragraph only.
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/model.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

/// The protocol version this builder speaks; fields are only ever added.
constexpr int kPluginProtocol = 1;

/// A file a plugin asked for, at a checked relative path inside the output.
struct PluginFile {
  std::string plugin;  // the plugin's name, for messages
  std::string path;    // relative, '/'-separated, no '..', no leading '/'
  std::string bytes;
};

/// A page a plugin asked for: drawn with the site's theme like the site's own pages.
struct PluginPage {
  std::string plugin;
  std::string path;   // the folder it is published in: `path`/index.html
  std::string title;
  std::string body;   // Markdown
};


struct PluginRunOptions {
  std::string site_dir = ".";       // plugins run from here
  std::string builder_version;      // sent in the handshake and the document
  std::string command = "build";    // the command being run: "build" or "check" (a plugin's `when:` picks)
  std::vector<std::string> output_paths;  // files the build already writes: a plugin may not replace one
};

struct PluginRun {
  std::vector<PluginFile> files;
  std::vector<PluginPage> pages;
  size_t ran = 0;  // plugins run for this command
};

/// Runs every plugin of model.site.plugins in order. A plugin that cannot be
/// started, fails the handshake, exits non-zero, runs past its time limit,
/// answers with invalid JSON or names a bad path gives a `plugin.*` error
/// (and then none of its files are returned); its diagnostics are positioned
/// at the file, line and column of the ids and fields they name.
/// A plugin's findings in prose are silenced by allow markers of their rule
/// as the builder's own are; a marker naming a plugin that ran and silencing
/// nothing is `suppress.unused`.
PluginRun run_external_plugins(const Model& model, const ResolvedSite& site, const PluginRunOptions& options,
                               Diagnostics& diags);

/// True when `rule` is a plugin's (it starts with the name of one of `plugins`, and a dot).
bool is_plugin_rule(const std::vector<ExternalPlugin>& plugins, const std::string& rule);

}  // namespace rs
