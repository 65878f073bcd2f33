#pragma once
// The document a plugin reads on standard input: the site as loaded and
// resolved, each object with its id and the file it came from. An exempt item
// goes as its number, title and paragraph only (docs/plugins.md).
#include <string>

#include "reportsite/model/model.h"
#include "reportsite/plugin/json.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

/// `command` is the command being run: "build" or "check".
Json plugin_document(const Model& model, const ResolvedSite& site, const std::string& builder_version,
                     const std::string& command = "build");
/// The document as one plugin is sent it: with its `plugin` section (its name and `options:`).
Json plugin_document_for(const Json& document, const ExternalPlugin& plugin);

/// A source file's path relative to the site folder, '/'-separated: "content/meetings/2018/x.yaml".
std::string site_relative_path(const Model& model, FileId file);

}  // namespace rs
