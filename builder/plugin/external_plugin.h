#pragma once
// External plugins (`plugins:` in data/site.yaml): commands, in any language,
// that read the site as a versioned JSON document on standard input and
// answer with JSON diagnostics and extra files. The protocol is in
// docs/plugins.md. Exempt business is never sent: an exempt item goes as its
// number, title and exemption paragraph only.
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"
#include "resolve/resolve.h"

namespace rs {

/// The protocol version this builder speaks; fields are only ever added.
constexpr int kPluginProtocol = 1;

/// A file a plugin asked for, at a checked relative path inside the output.
struct PluginFile {
  std::string plugin;  // the plugin's name, for messages
  std::string path;    // relative, '/'-separated, no '..', no leading '/'
  std::string bytes;
};

struct PluginRunOptions {
  std::string site_dir = ".";       // plugins run from here
  std::string builder_version;      // sent in the handshake and the document
  std::vector<std::string> output_paths;  // files the build already writes: a plugin may not replace one
};

/// Runs every plugin of model.site.plugins in order. A plugin that cannot be
/// started, fails the handshake, exits non-zero, runs past its time limit,
/// answers with invalid JSON or names a bad path gives a `plugin.*` error
/// (and then none of its files are returned); its diagnostics are positioned
/// at the file, line and column of the ids and fields they name.
std::vector<PluginFile> run_external_plugins(const Model& model, const ResolvedSite& site,
                                             const PluginRunOptions& options, Diagnostics& diags);

}  // namespace rs
