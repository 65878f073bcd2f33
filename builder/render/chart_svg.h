#pragma once
// Charts as inline SVG that a screen reader, a 320-px phone and a printer can all
// read: each figure is a labelled mark with its value printed beside it, series
// differ by fill pattern as well as colour, and the same figures come as a table.
// The output uses presentation attributes only (no style, no script, no external
// references) so it passes the site's Content-Security-Policy.
#include <string>
#include <vector>

namespace rs {

struct ChartPoint {
  std::string label;
  double value = 0;
  std::string value_text;  // "142" or "27%"; when empty, the value is printed
};

struct ChartSeries {
  std::string name;
  std::vector<ChartPoint> points;
};

struct Chart {
  std::string id;       // unique on the page, used for aria ids: "chart-stage1-trend"
  std::string title;    // "Stage 1 complaints received, 2016/17 to 2018/19"
  std::string summary;  // what a screen reader hears; summarise() when empty
  std::string unit;     // "complaints", "%"
  std::vector<ChartSeries> series;  // one for a bar chart; one or more for a trend
};

/// Horizontal bar chart (breakdowns such as complaints by reason): each label on its
/// own line above its bar, the value printed after the bar. Several series give a
/// bar per series under each label, told apart by pattern and a legend.
std::string render_bar_chart(const Chart& chart);

/// Column chart over years (one or more series side by side) for trends, with the
/// value printed above each column and the year below.
std::string render_column_chart(const Chart& chart);

/// The same figures as an HTML table: <caption>, a <th scope="col"> per series and
/// a <th scope="row"> per label; a figure missing from a series reads "no figure".
std::string render_chart_table(const Chart& chart);

/// A sentence listing a chart's figures, for when the caller has no summary:
/// "Stage 1: 2016/17 (120), 2017/18 (135) and 2018/19 (150)."
std::string summarise(const Chart& chart);

}  // namespace rs
