#include "reportsite/render/report_figures.h"

#include <cstdio>
#include <cstdlib>

namespace rs {

std::string year_label(const std::string& slug) {
  std::string s = slug;
  if (s.size() == 7) s[4] = '/';
  return s;
}

std::string previous_year(const std::string& slug) {
  int y = std::atoi(slug.substr(0, 4).c_str()) - 1;
  char prev[16];
  std::snprintf(prev, sizeof prev, "%04d-%02d", y, (y + 1) % 100);
  return prev;
}

namespace {
std::optional<long long> value(const std::optional<Located<long long>>& v) {
  return v ? std::optional<long long>(v->value) : std::nullopt;
}
}  // namespace

std::vector<MainFigure> main_figures(const std::vector<const Report*>& series) {
  std::vector<MainFigure> out;
  // Stage names come from the reports; take them from the latest that has most stages.
  std::vector<std::string> stage_names;
  for (const Report* r : series)
    if (r->stages.size() > stage_names.size()) {
      stage_names.clear();
      for (const auto& s : r->stages) stage_names.push_back(s.name.value);
    }
  for (size_t i = 0; i < stage_names.size(); ++i)
    out.push_back({stage_names[i] + ": received", [i](const Report& r) {
                     return i < r.stages.size() ? value(r.stages[i].received) : std::nullopt;
                   }});
  out.push_back({"Referred to the Ombudsman", [](const Report& r) { return value(r.ombudsman_referred); }});
  out.push_back({"Upheld by the Ombudsman", [](const Report& r) { return value(r.ombudsman_upheld); }});
  out.push_back({"Representations", [](const Report& r) { return value(r.representations); }});
  out.push_back({"Compliments", [](const Report& r) { return value(r.compliments); }});
  return out;
}

ReportChanges report_changes(const Report& r, const Report* prev, const std::vector<MainFigure>& figures) {
  ReportChanges out;
  const std::string prev_label = prev ? year_label(prev->year) : "";
  auto compare = [&](FigureChange& fc) {
    fc.change = compare_counts(fc.previous, fc.value);
    fc.text = prev ? describe_change(fc.change, prev_label) : "";
  };
  for (const auto& f : r.context) {
    FigureChange fc{f.label.value, f.value.value, std::nullopt, {}, ""};
    if (prev)
      for (const auto& pf : prev->context)
        if (pf.label.value == f.label.value) fc.previous = pf.value.value;
    compare(fc);
    out.context.push_back(std::move(fc));
  }
  for (const auto& mf : figures) {
    auto now = mf.get(r);
    if (!now) continue;
    FigureChange fc{mf.label, *now, prev ? mf.get(*prev) : std::nullopt, {}, ""};
    compare(fc);
    out.figures.push_back(std::move(fc));
  }
  return out;
}

}  // namespace rs
