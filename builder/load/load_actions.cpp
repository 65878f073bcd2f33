// Action points: content/actions/*.yaml, each a list of updates on undertakings.
#include "reportsite/core/strings.h"
#include "reportsite/load/load_site.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

std::vector<ActionUpdate> load_actions(const SourceSet& sources, FileId file, Diagnostics& diags) {
  std::vector<ActionUpdate> out;
  YamlReader r(sources, file, diags);
  auto root = r.parse();
  if (!root || root->IsNull()) return out;
  static const std::vector<std::string> kStatuses = {"open", "in-progress", "on-hold", "completed", "withdrawn"};
  for (const auto& node : r.sequence(*root, "an action points file")) {
    Fields f(r, node, key_names<ActionUpdate>(), "an action point");
    if (!f.ok()) continue;
    ActionUpdate a;
    a.file = file;
    a.span = f.map_span();
    auto id = r.id(f.require("undertaking"), "undertaking");
    auto date = r.date(f.require("date"), "date");
    auto status = r.string(f.require("status"), "status");
    a.note = r.text(f.get("note"), "note");
    if (auto m = r.id(f.get("meeting"), "meeting")) a.meeting = *m;
    bool status_ok = false;
    if (status) {
      for (size_t i = 0; i < kStatuses.size(); ++i)
        if (status->value == kStatuses[i]) {
          a.status = {static_cast<ActionStatus>(i), status->span};
          status_ok = true;
        }
      if (!status_ok)
        r.error("load.bad-value", status->span, "unknown status `" + status->value +
                "`: use open, in-progress, on-hold, completed or withdrawn", did_you_mean(status->value, kStatuses));
    }
    if (!id || !date || !status_ok) continue;
    a.undertaking = *id;
    a.date = *date;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace rs
