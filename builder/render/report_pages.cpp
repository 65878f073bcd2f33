// Annual complaint summaries: a page per series (every year side by side) and
// a page per report (its figures with the change on the year before).
#include <algorithm>
#include <cstdio>
#include <functional>

#include "reportsite/render/chart_svg.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/report_figures.h"
#include "reportsite/render/view.h"

namespace rs {

namespace {

std::string format_percent(double v) {
  char buf[32];
  if (v == static_cast<long long>(v)) std::snprintf(buf, sizeof buf, "%lld%%", static_cast<long long>(v));
  else std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

/// The same series' report for the year before, if there is one.
const Report* previous_report(PageEnv& env, const Report& r) {
  return env.report(r.series.value + "-" + previous_year(r.year));
}

/// The series' main figures (report_figures.h), read through env so the page records its reads.
std::vector<MainFigure> main_figures(PageEnv& env, const std::string& series) {
  std::vector<const Report*> reports;
  for (size_t ri : env.series().at(series)) reports.push_back(&env.report(ri));
  return main_figures(reports);
}

Chart breakdown_chart(const std::string& id, const std::string& title, const Breakdown& b) {
  Chart c;
  c.id = id;
  c.title = title;
  c.unit = "%";
  ChartSeries s;
  s.name = "Share";
  for (const auto& f : b.entries) {
    ChartPoint p;
    p.label = f.label.value;
    if (f.percent) {
      p.value = f.percent->value;
      p.value_text = format_percent(f.percent->value);
    } else if (f.count) {
      p.value = static_cast<double>(f.count->value);
      p.value_text = with_commas(f.count->value);
    }
    s.points.push_back(p);
  }
  if (!b.entries.empty() && !b.entries.front().percent) c.unit = "";
  c.series.push_back(std::move(s));
  return c;
}

View chart_view(const Chart& c, bool bars) {
  View d;
  d.set("title", c.title);
  d.set("svg", bars ? render_bar_chart(c) : render_column_chart(c));
  d.set("table", render_chart_table(c));
  return d;
}

PageContent report_page(PageEnv& env, size_t ri) {
  const Report& r = env.report(ri);
  const Report* prev = previous_report(env, r);
  View d;
  d.set("title", r.title.value);
  d.set("year", year_label(r.year));
  d.set("period", r.period_from.value.long_form() + " to " + r.period_to.value.long_form());
  d.set("series_href", env.link(paths::series(r.series.value)));
  d.set("csv_href", env.link(complaints_csv_path(r.series.value)));
  // The series' years either side, whatever gap lies between: readers step through a series.
  const std::vector<size_t>& years = env.series().at(r.series.value);
  auto here = std::find(years.begin(), years.end(), ri);
  auto year_link = [&](const char* key, size_t other) {
    const Report& o = env.report(other);
    View link;
    link.set("label", year_label(o.year));
    link.set("href", env.link(paths::report(o.series.value, o.year)));
    d.set(key, link);
  };
  const bool has_earlier = here != years.end() && here != years.begin();
  const bool has_later = here != years.end() && here + 1 != years.end();
  if (has_earlier) year_link("earlier", *(here - 1));
  if (has_later) year_link("later", *(here + 1));
  d.set("has_year_links", has_earlier || has_later);
  // The changes are worked out once (report_figures.h), for this page and the open-data exports.
  const ReportChanges changes = report_changes(r, prev, main_figures(env, r.series.value));
  ViewList context;
  for (const auto& c : changes.context) {
    View x;
    x.set("label", c.label);
    x.set("value", with_commas(c.value));
    x.set("change", c.text);
    context.push_back(std::move(x));
  }
  d.set("context", std::move(context));
  d.set("has_context", !r.context.empty());
  ViewList figures;
  for (const auto& c : changes.figures) {
    View x;
    x.set("label", c.label);
    x.set("value", with_commas(c.value));
    x.set("change", c.text.empty() ? std::string("no comparable figure") : c.text);
    figures.push_back(std::move(x));
  }
  d.set("figures", std::move(figures));
  ViewList stages;
  for (const auto& s : r.stages) {
    View x;
    auto cell = [](const std::optional<Located<long long>>& v) { return v ? with_commas(v->value) : std::string("–"); };
    x.set("name", s.name.value);
    x.set("received", cell(s.received));
    x.set("upheld", cell(s.upheld));
    x.set("partly_upheld", cell(s.partly_upheld));
    x.set("not_upheld", cell(s.not_upheld));
    x.set("withdrawn", cell(s.withdrawn));
    x.set("in_time", s.in_time_percent ? format_percent(s.in_time_percent->value) : "–");
    stages.push_back(std::move(x));
  }
  d.set("stages", std::move(stages));
  d.set("has_stages", !r.stages.empty());
  ViewList charts;
  if (!r.by_service.entries.empty())
    charts.push_back(chart_view(breakdown_chart("chart-by-service", "Complaints and representations by service, " + year_label(r.year), r.by_service), true));
  if (!r.by_reason.entries.empty())
    charts.push_back(chart_view(breakdown_chart("chart-by-reason", "Complaints by reason, " + year_label(r.year), r.by_reason), true));
  for (size_t i = 0; i < r.equalities.size(); ++i)
    charts.push_back(chart_view(breakdown_chart("chart-equalities-" + std::to_string(i + 1),
                                                "Complainants by " + r.equalities[i].first.value + ", " + year_label(r.year),
                                                r.equalities[i].second),
                                true));
  d.set("charts", std::move(charts));
  ViewList considered;
  const auto& report_items = env.report_items();
  auto items = report_items.find(ri);
  if (items != report_items.end())
    for (const auto& ref : items->second) {
      const Meeting& m = env.meeting(ref.meeting);  // for the item's number
      View x;
      x.set("title", env.meeting_title(ref.meeting));
      x.set("href", env.link(paths::meeting(m.id)) + "#item-" + m.items[ref.item].number.value);
      considered.push_back(std::move(x));
    }
  const bool has_considered = !considered.empty();
  d.set("considered", std::move(considered));
  d.set("has_considered", has_considered);
  d.set("notes", env.prose(r.notes, 3));
  return {r.title.value, std::move(d), {{"Home", paths::home()}, {"Reports", paths::series(r.series.value)}}};
}

PageContent series_page(PageEnv& env, const std::string& series) {
  const std::vector<size_t>& reports = env.series().at(series);
  const Report& latest = env.report(reports.back());
  std::string title = latest.title.value;
  // "... Annual Report 2017/18" names a year; the series page covers them all.
  if (auto pos = title.rfind(' '); pos != std::string::npos && title.find('/', pos) != std::string::npos)
    title = title.substr(0, pos);
  View d;
  d.set("title", title);
  ViewList years;
  for (size_t ri : reports) {
    View y;
    y.set("label", year_label(env.report(ri).year));
    y.set("href", env.link(paths::report(series, env.report(ri).year)));
    years.push_back(std::move(y));
  }
  d.set("years", std::move(years));
  d.set("csv_href", env.link(complaints_csv_path(series)));
  // One table of the main figures: a row per figure, a column per year.
  ViewList rows;
  auto figures = main_figures(env, series);
  ViewList charts;
  for (size_t fi = 0; fi < figures.size(); ++fi) {
    const auto& mf = figures[fi];
    View row;
    row.set("label", mf.label);
    ViewList cells;
    Chart chart;
    chart.id = "chart-trend-" + std::to_string(fi + 1);
    chart.title = mf.label + " by year";
    chart.unit = "";
    ChartSeries s;
    s.name = mf.label;
    bool any = false;
    for (size_t ri : reports) {
      const Report& r = env.report(ri);
      auto v = mf.get(r);
      cells.push_back(View(v ? with_commas(*v) : std::string("–")));
      if (v) {
        any = true;
        s.points.push_back({year_label(r.year), static_cast<double>(*v), with_commas(*v)});
      }
    }
    if (!any) continue;
    row.set("cells", std::move(cells));
    rows.push_back(std::move(row));
    chart.series.push_back(std::move(s));
    if (fi == 0 || mf.label == "Representations") charts.push_back(chart_view(chart, false));
  }
  d.set("rows", std::move(rows));
  d.set("charts", std::move(charts));
  return {title, std::move(d), {{"Home", paths::home()}}};
}

}  // namespace

std::vector<PageDeclaration> report_pages(const RenderContext& ctx) {
  std::vector<PageDeclaration> pages;
  for (const auto& [series, reports] : ctx.site.series) {
    pages.push_back({paths::series(series), "series.mustache",
                     [series = series](PageEnv& env) { return series_page(env, series); }});
    for (size_t ri : reports) {
      const Report& r = ctx.model.reports[ri];
      pages.push_back({paths::report(r.series.value, r.year), "report.mustache",
                       [ri](PageEnv& env) { return report_page(env, ri); }});
    }
  }
  return pages;
}

}  // namespace rs
