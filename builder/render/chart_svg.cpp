#include "reportsite/render/chart_svg.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

// 400 units across: in a 320-px-wide container a 14-unit font is 11.2 px. Long
// labels wrap rather than widen the chart, so text never shrinks below that.
constexpr double kMinWidth = 400;
constexpr double kFont = 14;
constexpr double kLine = 18;
constexpr double kCharWidth = 0.6 * kFont;  // a generous average, so estimates err wide
constexpr double kLeft = 1;                 // keeps the 1-unit outline inside the view
constexpr double kBarHeight = 20;
constexpr double kPlotHeight = 160;
constexpr double kBandGap = 12;
constexpr double kSwatch = 14;
constexpr const char* kTextColour = "#0b0c0c";
constexpr const char* kBackground = "#ffffff";

struct SeriesStyle {
  const char* colour;
  const char* pattern;  // "" for a solid fill
};
// Each colour is at least 3:1 against white; chart_svg_test computes it. Series
// beyond the fifth reuse the styles, so legend order is what tells them apart.
constexpr SeriesStyle kStyles[] = {
    {"#1d70b8", ""},         // blue, solid
    {"#d4351c", "hatch"},    // red, diagonal hatch
    {"#0b0c0c", "dots"},     // near-black, dots
    {"#00703c", "stripes"},  // green, horizontal stripes
    {"#4c2c92", "cross"},    // purple, cross-hatch
};
const SeriesStyle& style_of(size_t series) { return kStyles[series % std::size(kStyles)]; }

/// Fixed one-decimal coordinates, "12" rather than "12.0", never "-0".
std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (ends_with(s, ".0")) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

bool usable(double v) { return std::isfinite(v) && v > 0; }

std::string shown_value(const ChartPoint& p, std::string_view unit) {
  if (!p.value_text.empty()) return p.value_text;
  std::string s;
  if (std::isfinite(p.value) && p.value == std::floor(p.value) && std::fabs(p.value) < 1e15)
    s = with_commas(static_cast<long long>(p.value));
  else
    s = num(p.value);
  return unit == "%" ? s + "%" : s;
}

// Characters as core/strings counts them: an invalid byte is one, so a label of
// stray continuation bytes has a width and wraps like any other.
size_t code_points(std::string_view s) { return utf8_chars(s); }
size_t prefix_bytes(std::string_view s, size_t n) { return utf8_prefix_bytes(s, n); }

double text_width(std::string_view s) { return static_cast<double>(code_points(s)) * kCharWidth; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

double widest_word(std::string_view text) {
  double widest = 0;
  for (auto w : words_of(text)) widest = std::max(widest, text_width(w));
  return widest;
}

/// Lines of at most `max_width` (estimated); a word longer than a line is split.
std::vector<std::string> wrap(std::string_view text, double max_width) {
  size_t max_chars = std::max<size_t>(1, static_cast<size_t>(max_width / kCharWidth));
  std::vector<std::string> lines;
  std::string line;
  size_t line_chars = 0;
  auto flush = [&] {
    if (!line.empty()) lines.push_back(line);
    line.clear();
    line_chars = 0;
  };
  for (auto word : words_of(text)) {
    size_t w = code_points(word);
    if (line_chars && line_chars + 1 + w > max_chars) flush();
    while (w > max_chars) {
      flush();
      size_t cut = prefix_bytes(word, max_chars);
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
      w -= max_chars;
    }
    if (w == 0) continue;
    if (line_chars) {
      line += ' ';
      ++line_chars;
    }
    line += word;
    line_chars += w;
  }
  flush();
  if (lines.empty()) lines.emplace_back();
  return lines;
}

/// One <text>, a <tspan> per line when there is more than one.
std::string text_element(const std::vector<std::string>& lines, double x, double baseline,
                         std::string_view extra_attributes = "") {
  std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(baseline) + "\" fill=\"" + kTextColour + "\"";
  if (!extra_attributes.empty()) out += " " + std::string(extra_attributes);
  out += ">";
  if (lines.size() == 1) {
    out += html_escape(lines[0]);
  } else {
    for (size_t i = 0; i < lines.size(); ++i)
      out += "<tspan x=\"" + num(x) + "\" y=\"" + num(baseline + kLine * static_cast<double>(i)) + "\">" +
             html_escape(lines[i]) + "</tspan>";
  }
  return out + "</text>\n";
}

std::string base_id(const Chart& chart) { return html_escape(chart.id.empty() ? "chart" : chart.id); }

std::string fill_of(const Chart& chart, size_t series) {
  const auto& style = style_of(series);
  if (!*style.pattern) return style.colour;
  return "url(#" + base_id(chart) + "-" + style.pattern + ")";
}

std::string mark(const Chart& chart, size_t series, double x, double y, double width, double height) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, width)) +
         "\" height=\"" + num(std::max(0.0, height)) + "\" fill=\"" + fill_of(chart, series) + "\" stroke=\"" +
         style_of(series).colour + "\" stroke-width=\"1\"/>\n";
}

std::string pattern_defs(const Chart& chart) {
  std::string out;
  std::string base = base_id(chart);
  size_t styles = std::min(chart.series.size(), std::size(kStyles));
  for (size_t i = 0; i < styles; ++i) {
    std::string_view pattern = kStyles[i].pattern;
    std::string c = kStyles[i].colour;
    if (pattern.empty()) continue;
    std::string open = "<pattern id=\"" + base + "-" + std::string(pattern) +
                       "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"";
    std::string paper = "<rect width=\"6\" height=\"6\" fill=\"" + std::string(kBackground) + "\"/>";
    if (pattern == "hatch")
      out += open + " patternTransform=\"rotate(45)\">" + paper + "<rect width=\"3\" height=\"6\" fill=\"" + c +
             "\"/></pattern>\n";
    else if (pattern == "dots")
      out += open + ">" + paper + "<circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"" + c + "\"/></pattern>\n";
    else if (pattern == "stripes")
      out += open + ">" + paper + "<rect width=\"6\" height=\"3\" fill=\"" + c + "\"/></pattern>\n";
    else if (pattern == "cross")
      out += open + " patternTransform=\"rotate(45)\">" + paper + "<rect width=\"2\" height=\"6\" fill=\"" + c +
             "\"/><rect width=\"6\" height=\"2\" fill=\"" + c + "\"/></pattern>\n";
  }
  return out.empty() ? "" : "<defs>\n" + out + "</defs>\n";
}

/// Figures laid out by label: cells[label][series], null where a series lacks the label.
struct Grid {
  std::vector<std::string> labels;
  std::vector<std::vector<const ChartPoint*>> cells;
  size_t figures = 0;
};

Grid grid_of(const Chart& chart) {
  Grid g;
  size_t n = chart.series.size();
  for (size_t s = 0; s < n; ++s) {
    for (const auto& p : chart.series[s].points) {
      // A repeated label within one series gets a row of its own rather than vanishing.
      size_t k = 0;
      while (k < g.labels.size() && !(g.labels[k] == p.label && !g.cells[k][s])) ++k;
      if (k == g.labels.size()) {
        g.labels.push_back(p.label);
        g.cells.emplace_back(n, nullptr);
      }
      g.cells[k][s] = &p;
      ++g.figures;
    }
  }
  return g;
}

double largest_value(const Grid& g) {
  double largest = 0;
  for (const auto& row : g.cells)
    for (const auto* p : row)
      if (p && usable(p->value)) largest = std::max(largest, p->value);
  return largest;
}

std::string series_name(const Chart& chart, size_t s) {
  if (!chart.series[s].name.empty()) return chart.series[s].name;
  if (chart.unit == "%") return "Per cent";
  if (!chart.unit.empty()) {
    std::string name = chart.unit;
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
  }
  return "Figure";
}

/// "Stage 1 2017/18: 142": the name of one mark, shown as its tooltip.
std::string figure_title(const Chart& chart, size_t s, const std::string& label, const ChartPoint* p) {
  std::string name = chart.series[s].name;
  return html_escape((name.empty() ? "" : name + " ") + label + ": " +
                     (p ? shown_value(*p, chart.unit) : "no figure"));
}

std::string title_of(const Chart& chart) { return chart.title.empty() ? "Chart" : chart.title; }

std::string wrap_svg(const Chart& chart, std::string_view kind, double width, double height,
                     const std::string& body) {
  std::string base = base_id(chart);
  std::string desc = chart.summary.empty() ? summarise(chart) : chart.summary;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-" + std::string(kind) +
         "\" width=\"100%\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" role=\"img\" aria-labelledby=\"" +
         base + "-title " + base + "-desc\" font-size=\"" + num(kFont) + "\">\n<title id=\"" + base + "-title\">" +
         html_escape(title_of(chart)) + "</title>\n<desc id=\"" + base + "-desc\">" + html_escape(desc) +
         "</desc>\n" + pattern_defs(chart) + "<rect width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" fill=\"" + kBackground + "\"/>\n" + body + "</svg>\n";
}

std::string no_figures(const Chart& chart, std::string_view kind) {
  return wrap_svg(chart, kind, kMinWidth, 40, text_element({"No figures"}, kLeft, 24));
}

/// A swatch and name per series, one per line, when there is more than one series.
std::string legend(const Chart& chart, double width, double& y) {
  if (chart.series.size() < 2) return "";
  std::string out = "<g class=\"chart-legend\">\n";
  for (size_t s = 0; s < chart.series.size(); ++s) {
    auto lines = wrap(series_name(chart, s), width - kSwatch - 8);
    out += mark(chart, s, kLeft, y + 2, kSwatch, kSwatch);
    out += text_element(lines, kLeft + kSwatch + 6, y + kFont);
    y += kLine * static_cast<double>(lines.size()) + 4;
  }
  y += 8;
  return out + "</g>\n";
}

}  // namespace

std::string render_bar_chart(const Chart& chart) {
  Grid g = grid_of(chart);
  if (g.figures == 0) return no_figures(chart, "bar");
  const double width = kMinWidth;
  double value_room = 0;
  for (const auto& row : g.cells)
    for (const auto* p : row) value_room = std::max(value_room, text_width(p ? shown_value(*p, chart.unit) : "no figure"));
  // The longest bar leaves room for its value; an absurdly long value text may overrun.
  // Digits and "%" run wider than the average letter: leave a fifth more, and a margin.
  double bar_room = std::max(width / 2, width - kLeft - value_room * 1.2 - 12);
  double largest = largest_value(g);

  double y = 4;
  std::string body = legend(chart, width, y);
  for (size_t k = 0; k < g.labels.size(); ++k) {
    body += "<g>\n";
    auto lines = wrap(g.labels[k], width - kLeft);
    body += text_element(lines, kLeft, y + kFont);
    y += kLine * static_cast<double>(lines.size()) + 2;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const ChartPoint* p = g.cells[k][s];
      body += "<g><title>" + figure_title(chart, s, g.labels[k], p) + "</title>\n";
      if (p) {
        double length = largest > 0 && usable(p->value) ? p->value / largest * bar_room : 0;
        body += mark(chart, s, kLeft, y, length, kBarHeight);
        body += text_element({shown_value(*p, chart.unit)}, kLeft + length + 5, y + 15);
      } else {
        body += text_element({"no figure"}, kLeft, y + 15);
      }
      body += "</g>\n";
      y += kBarHeight + 4;
    }
    body += "</g>\n";
    y += 10;
  }
  return wrap_svg(chart, "bar", width, y, body);
}

std::string render_column_chart(const Chart& chart) {
  Grid g = grid_of(chart);
  if (g.figures == 0) return no_figures(chart, "column");
  const double n = static_cast<double>(chart.series.size());
  const double m = static_cast<double>(g.labels.size());
  // Columns stay at least one upright line of text wide; only then does the chart widen,
  // which first happens at 8 years of 3 series (text 10.4 px at 320 px across).
  const double width = std::max(kMinWidth, m * (n * kFont + kBandGap));
  const double band = width / m;
  const double column = (band - kBandGap) / n;

  double value_width = 0;
  for (const auto& row : g.cells)
    for (const auto* p : row)
      if (p) value_width = std::max(value_width, text_width(shown_value(*p, chart.unit)));
  bool rotate_values = value_width > column + 2;

  bool rotate_labels = false;
  size_t label_lines = 1;
  double label_width = 0;
  for (const auto& label : g.labels) {
    if (widest_word(label) > band - 4) rotate_labels = true;
    label_width = std::max(label_width, text_width(label));
  }
  if (!rotate_labels)
    for (const auto& label : g.labels) label_lines = std::max(label_lines, wrap(label, band - 4).size());

  double y = 4;
  std::string body = legend(chart, width, y);
  const double plot_top = y + (rotate_values ? value_width + 6 : kLine);
  const double base = plot_top + kPlotHeight;
  const double largest = largest_value(g);

  for (size_t k = 0; k < g.labels.size(); ++k) {
    double band_left = band * static_cast<double>(k);
    double centre = band_left + band / 2;
    body += "<g>\n";
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const ChartPoint* p = g.cells[k][s];
      double x = band_left + kBandGap / 2 + column * static_cast<double>(s);
      double middle = x + column / 2;
      body += "<g><title>" + figure_title(chart, s, g.labels[k], p) + "</title>\n";
      if (!p) {
        body += text_element({"–"}, middle, base - 4, "text-anchor=\"middle\"");
      } else {
        double height = largest > 0 && usable(p->value) ? p->value / largest * kPlotHeight : 0;
        body += mark(chart, s, x, base - height, column, height);
        std::string value = shown_value(*p, chart.unit);
        if (rotate_values) {
          double tx = middle + kFont * 0.35, ty = base - height - 4;
          body += text_element({value}, tx, ty, "transform=\"rotate(-90 " + num(tx) + " " + num(ty) + ")\"");
        } else {
          body += text_element({value}, middle, base - height - 4, "text-anchor=\"middle\"");
        }
      }
      body += "</g>\n";
    }
    if (rotate_labels) {
      double tx = centre + kFont * 0.35, ty = base + 6;
      body += text_element({g.labels[k]}, tx, ty,
                           "text-anchor=\"end\" transform=\"rotate(-90 " + num(tx) + " " + num(ty) + ")\"");
    } else {
      body += text_element(wrap(g.labels[k], band - 4), centre, base + 4 + kFont, "text-anchor=\"middle\"");
    }
    body += "</g>\n";
  }
  body += "<line x1=\"0\" y1=\"" + num(base) + "\" x2=\"" + num(width) + "\" y2=\"" + num(base) + "\" stroke=\"" +
          kTextColour + "\" stroke-width=\"1\"/>\n";
  double label_room = rotate_labels ? label_width + 8 : kLine * static_cast<double>(label_lines) + 6;
  return wrap_svg(chart, "column", width, base + label_room + 4, body);
}

std::string render_chart_table(const Chart& chart) {
  Grid g = grid_of(chart);
  std::string out = "<table class=\"chart-table\">\n<caption>" + html_escape(title_of(chart)) + "</caption>\n";
  if (g.figures == 0) return out + "<tbody><tr><td>No figures</td></tr></tbody>\n</table>\n";
  out += "<thead><tr><td></td>";
  for (size_t s = 0; s < chart.series.size(); ++s)
    out += "<th scope=\"col\">" + html_escape(series_name(chart, s)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (size_t k = 0; k < g.labels.size(); ++k) {
    out += "<tr><th scope=\"row\">" + html_escape(g.labels[k]) + "</th>";
    for (const auto* p : g.cells[k])
      out += "<td>" + html_escape(p ? shown_value(*p, chart.unit) : "no figure") + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string summarise(const Chart& chart) {
  // Beyond this many figures a list stops being a summary; give the extremes instead.
  constexpr size_t kMaxListed = 8;
  bool any = false;
  for (const auto& s : chart.series) any = any || !s.points.empty();
  if (!any) return "No figures.";
  std::string out;
  for (const auto& series : chart.series) {
    if (!out.empty()) out += " ";
    if (!series.name.empty()) out += series.name + ": ";
    const auto& points = series.points;
    auto item = [&](const ChartPoint& p) { return p.label + " (" + shown_value(p, chart.unit) + ")"; };
    if (points.empty()) {
      out += "no figures.";
    } else if (points.size() <= kMaxListed) {
      for (size_t i = 0; i < points.size(); ++i) {
        if (i) out += i + 1 == points.size() ? " and " : ", ";
        out += item(points[i]);
      }
      out += ".";
    } else {
      auto by_value = [](const ChartPoint& a, const ChartPoint& b) { return a.value < b.value; };
      out += std::to_string(points.size()) + " figures, highest " +
             item(*std::max_element(points.begin(), points.end(), by_value)) + ", lowest " +
             item(*std::min_element(points.begin(), points.end(), by_value)) + ".";
    }
  }
  return out;
}

}  // namespace rs
