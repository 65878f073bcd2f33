#include "plugin/external_plugin.h"

namespace rs {

// Being written (issue 13, item 5): until then a site that names plugins is refused.
std::vector<PluginFile> run_external_plugins(const Model& model, const ResolvedSite&, const PluginRunOptions&,
                                             Diagnostics& diags) {
  for (const auto& p : model.site.plugins)
    diags.error("plugin.unsupported", p.command.span, "external plugins are not supported by this build yet");
  return {};
}

}  // namespace rs
