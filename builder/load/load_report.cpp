// An annual complaints summary: content/reports/<series>/<YYYY-YY>.yaml
#include <cstdio>

#include "reportsite/core/strings.h"
#include "reportsite/load/input_format.h"
#include "reportsite/load/load_site.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

namespace {

std::optional<Located<long long>> count_of(YamlReader& r, const Fields& f, const char* key) {
  return f.has(key) ? r.count(f.get(key), key) : std::nullopt;
}

Breakdown breakdown(YamlReader& r, const YAML::Node& node, const char* what) {
  Breakdown b;
  b.span = r.span(node);
  YAML::Node list = node;
  if (node && node.IsMap()) {  // {complete: true, entries: [...]}
    Fields f(r, node, input::breakdown_object().keys(), what);
    if (auto c = r.boolean(f.get("complete"), "complete")) b.complete = *c;
    list = f.require("entries");
  }
  for (const auto& n : r.sequence(list, what)) {
    Fields f(r, n, input::breakdown_entry_object().keys(), "a breakdown entry");
    if (!f.ok()) continue;
    Figure fig;
    fig.label = r.text(f.require("label"), "label");
    fig.count = count_of(r, f, "count");
    if (f.has("percent")) fig.percent = r.percent(f.get("percent"), "percent");
    if (!f.has("count") && !f.has("percent"))
      r.error("load.missing-field", f.map_span(), "a breakdown entry needs a `count` or a `percent`");
    b.entries.push_back(std::move(fig));
  }
  return b;
}

}  // namespace

std::optional<Report> load_report(const SourceSet& sources, FileId file, const std::string& relative,
                                  Diagnostics& diags) {
  YamlReader r(sources, file, diags);
  auto root = r.parse();
  if (!root) return std::nullopt;
  Fields f(r, *root, input::report_object().keys(), "a report");
  if (!f.ok()) return std::nullopt;
  Report rep;
  rep.file = file;
  size_t slash = relative.find('/');
  std::string folder = slash == std::string::npos ? "" : relative.substr(0, slash);
  std::string name = slash == std::string::npos ? relative : relative.substr(slash + 1);
  rep.year = name.substr(0, name.rfind('.'));
  int y1 = 0, y2 = 0;
  char tail = 0;
  bool year_ok = rep.year.size() == 7 && std::sscanf(rep.year.c_str(), "%4d-%2d%c", &y1, &y2, &tail) == 2 &&
                 (y1 + 1) % 100 == y2;
  Span file_span{file, 0, 0};
  if (!year_ok || name.find('/') != std::string::npos) {
    diags.error("load.file-name", file_span,
                "a report file must be content/reports/<series>/<YYYY-YY>.yaml, e.g. children-complaints/2017-18.yaml");
    return std::nullopt;
  }
  if (auto v = r.id(f.require("series"), "series")) {
    rep.series = *v;
    if (v->value != folder)
      r.error("load.series-mismatch", v->span, "series `" + v->value + "` differs from its folder `" + folder + "`");
  }
  rep.id = folder + "-" + rep.year;
  rep.title = r.text(f.require("title"), "title");
  auto period = f.require("period");
  if (period && period.IsMap()) {
    Fields p(r, period, input::period_object().keys(), "period");
    if (auto d = r.date(p.require("from"), "from")) rep.period_from = *d;
    if (auto d = r.date(p.require("to"), "to")) rep.period_to = *d;
    if (rep.period_from.value.valid() && rep.period_to.value.valid()) {
      if (rep.period_to.value < rep.period_from.value)
        r.error("load.bad-value", rep.period_to.span, "the period ends before it starts");
      if (rep.period_from.value.year != y1)
        r.error("load.period-mismatch", rep.period_from.span,
                "the period starts in " + std::to_string(rep.period_from.value.year) + " but the file is for " +
                    rep.year);
    }
  } else if (period) {
    r.expect_map(period, "period");
  }
  for (const auto& n : r.sequence(f.get("context"), "context")) {
    Fields c(r, n, input::context_figure_object().keys(), "a context figure");
    if (!c.ok()) continue;
    Figure fig;
    fig.label = r.text(c.require("label"), "label");
    if (auto v = r.count(c.require("value"), "value")) fig.value = *v;
    rep.context.push_back(std::move(fig));
  }
  for (const auto& n : r.sequence(f.get("stages"), "stages")) {
    Fields s(r, n, input::stage_object().keys(), "a stage");
    if (!s.ok()) continue;
    Stage st;
    st.span = s.map_span();
    st.name = r.text(s.require("name"), "name");
    st.received = count_of(r, s, "received");
    st.upheld = count_of(r, s, "upheld");
    st.partly_upheld = count_of(r, s, "partly_upheld");
    st.not_upheld = count_of(r, s, "not_upheld");
    st.withdrawn = count_of(r, s, "withdrawn");
    if (s.has("in_time_percent")) st.in_time_percent = r.percent(s.get("in_time_percent"), "in_time_percent");
    rep.stages.push_back(std::move(st));
  }
  if (f.has("ombudsman")) {
    Fields o(r, f.get("ombudsman"), input::ombudsman_object().keys(), "ombudsman");
    if (o.ok()) {
      rep.ombudsman_referred = count_of(r, o, "referred");
      rep.ombudsman_upheld = count_of(r, o, "upheld");
    }
  }
  rep.representations = count_of(r, f, "representations");
  rep.compliments = count_of(r, f, "compliments");
  if (f.has("by_service")) rep.by_service = breakdown(r, f.get("by_service"), "by_service");
  if (f.has("by_reason")) rep.by_reason = breakdown(r, f.get("by_reason"), "by_reason");
  if (f.has("equalities")) {
    auto eq = f.get("equalities");
    if (r.expect_map(eq, "equalities"))
      for (auto it = eq.begin(); it != eq.end(); ++it)
        rep.equalities.push_back({r.text(it->first, "equalities name"), breakdown(r, it->second, "an equalities breakdown")});
  }
  rep.notes = r.text(f.get("notes"), "notes");
  if (rep.series.value.empty()) return std::nullopt;
  return rep;
}

}  // namespace rs
