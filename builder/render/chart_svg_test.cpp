#include "reportsite/render/chart_svg.h"

#include "reportsite/core/strings.h"

#include <doctest/doctest.h>

#include <cmath>
#include <regex>
#include <set>
#include <string>
#include <vector>

using rs::Chart;
using rs::ChartPoint;
using rs::ChartSeries;

namespace {

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

/// The figure groups: each `<g><title>` up to its closing `</g>`.
std::vector<std::string> figure_groups(const std::string& svg) {
  std::vector<std::string> groups;
  for (size_t at = svg.find("<g><title>"); at != std::string::npos; at = svg.find("<g><title>", at + 1))
    groups.push_back(svg.substr(at, svg.find("</g>", at) - at));
  return groups;
}

// WCAG 2.2 relative luminance and contrast ratio.
double channel(int v) {
  double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const std::string& hex) {
  int r = std::stoi(hex.substr(1, 2), nullptr, 16), g = std::stoi(hex.substr(3, 2), nullptr, 16),
      b = std::stoi(hex.substr(5, 2), nullptr, 16);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
double contrast_with_white(const std::string& hex) { return 1.05 / (luminance(hex) + 0.05); }

Chart reasons_chart() {
  Chart c;
  c.id = "chart-reasons";
  c.title = "Stage 1 complaints by reason, 2017/18";
  c.summary = "Most complaints disagreed with a social care opinion.";
  c.unit = "%";
  c.series = {{"", {{"Disagree with social care opinion", 27, "27%"},
                    {"Quality of service", 18, "18%"},
                    {"Communication", 9, "9%"}}}};
  return c;
}

Chart trend_chart(size_t series_count = 2) {
  Chart c;
  c.id = "chart-stage-trend";
  c.title = "Complaints received, 2016/17 to 2018/19";
  c.summary = "Stage 1 rose from 120 in 2016/17 to 150 in 2018/19.";
  c.unit = "complaints";
  const char* names[] = {"Stage 1", "Stage 2", "Stage 3", "Ombudsman", "Representations"};
  for (size_t s = 0; s < series_count; ++s)
    c.series.push_back({names[s], {{"2016/17", 120.0 - 40 * s, ""}, {"2017/18", 142.0 - 40 * s, ""},
                                   {"2018/19", 150.0 - 40 * s, ""}}});
  return c;
}

}  // namespace

TEST_CASE("a bar chart is one image named by its title and summary") {
  std::string svg = rs::render_bar_chart(reasons_chart());
  CHECK(svg.rfind("<svg ", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"chart-reasons-title chart-reasons-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"chart-reasons-title\">Stage 1 complaints by reason, 2017/18</title>") !=
        std::string::npos);
  CHECK(svg.find("<desc id=\"chart-reasons-desc\">Most complaints disagreed with a social care opinion.</desc>") !=
        std::string::npos);
  // Every id aria-labelledby names exists in the SVG.
  for (const auto& id : {"chart-reasons-title", "chart-reasons-desc"})
    CHECK(count(svg, std::string("id=\"") + id + "\"") == 1);
}

TEST_CASE("a bar chart has one labelled mark per figure, value printed beside it") {
  std::string svg = rs::render_bar_chart(reasons_chart());
  auto groups = figure_groups(svg);
  REQUIRE(groups.size() == 3);
  const char* titles[] = {"Disagree with social care opinion: 27%", "Quality of service: 18%", "Communication: 9%"};
  const char* values[] = {">27%</text>", ">18%</text>", ">9%</text>"};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(groups[i].find(std::string("<title>") + titles[i] + "</title>") != std::string::npos);
    CHECK(count(groups[i], "<rect") == 1);
    CHECK(groups[i].find(values[i]) != std::string::npos);
  }
  // Removing a figure removes exactly one mark.
  Chart fewer = reasons_chart();
  fewer.series[0].points.pop_back();
  CHECK(figure_groups(rs::render_bar_chart(fewer)).size() == 2);
}

TEST_CASE("a bar chart puts each label on its own line above its bar") {
  std::string svg = rs::render_bar_chart(reasons_chart());
  std::smatch m;
  std::regex label_then_bar(
      "<text x=\"1\" y=\"([0-9.]+)\"[^>]*>Quality of service</text>\\s*<g><title>[^<]*</title>\\s*<rect x=\"1\" "
      "y=\"([0-9.]+)\"");
  REQUIRE(std::regex_search(svg, m, label_then_bar));
  CHECK(std::stod(m[1]) < std::stod(m[2]));  // the label's baseline is above the bar's top
  // The longest bar is the largest figure; the others are in proportion.
  auto widths = matches(svg, "<rect x=\"1\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  REQUIRE(widths.size() == 3);
  CHECK(std::stod(widths[0]) > std::stod(widths[1]));
  CHECK(std::stod(widths[1]) == doctest::Approx(std::stod(widths[0]) * 18 / 27).epsilon(0.01));
}

TEST_CASE("a column chart of two series tells them apart by pattern, legend and labels") {
  std::string svg = rs::render_column_chart(trend_chart(2));
  CHECK(svg.find("<pattern id=\"chart-stage-trend-hatch\"") != std::string::npos);
  CHECK(count(svg, "fill=\"url(#chart-stage-trend-hatch)\"") == 4);  // three columns and the legend swatch
  CHECK(count(svg, "fill=\"#1d70b8\"") == 4);                         // solid series: same
  CHECK(svg.find("<g class=\"chart-legend\">") != std::string::npos);
  CHECK(svg.find(">Stage 1</text>") != std::string::npos);
  CHECK(svg.find(">Stage 2</text>") != std::string::npos);
  auto groups = figure_groups(svg);
  REQUIRE(groups.size() == 6);
  CHECK(groups[0].find("<title>Stage 1 2016/17: 120</title>") != std::string::npos);
  CHECK(groups[3].find("<title>Stage 2 2017/18: 102</title>") != std::string::npos);
  for (const auto& g : groups) CHECK(count(g, "<rect") == 1);
  CHECK(groups[2].find(">142</text>") != std::string::npos);
  CHECK(svg.find(">2018/19</text>") != std::string::npos);
}

TEST_CASE("a column chart of one series needs no legend or patterns") {
  std::string svg = rs::render_column_chart(trend_chart(1));
  CHECK(svg.find("<pattern") == std::string::npos);
  CHECK(svg.find("chart-legend") == std::string::npos);
  CHECK(figure_groups(svg).size() == 3);
}

TEST_CASE("a year missing from one series is shown as no figure, not as zero") {
  Chart c = trend_chart(2);
  c.series[1].points.erase(c.series[1].points.begin());
  std::string svg = rs::render_column_chart(c);
  CHECK(svg.find("<title>Stage 2 2016/17: no figure</title>") != std::string::npos);
  std::string drawn = svg.substr(svg.find("</defs>"));
  CHECK(count(drawn, "<rect") == 1 + 2 + 5);  // background, two swatches, five columns
  std::string table = rs::render_chart_table(c);
  CHECK(table.find("<tr><th scope=\"row\">2016/17</th><td>120</td><td>no figure</td></tr>") != std::string::npos);
}

TEST_CASE("the table holds the same figures with caption and header scopes") {
  std::string table = rs::render_chart_table(trend_chart(2));
  CHECK(table.find("<caption>Complaints received, 2016/17 to 2018/19</caption>") != std::string::npos);
  CHECK(table.find("<th scope=\"col\">Stage 1</th><th scope=\"col\">Stage 2</th>") != std::string::npos);
  CHECK(count(table, "<th scope=\"row\">") == 3);
  CHECK(table.find("<tr><th scope=\"row\">2017/18</th><td>142</td><td>102</td></tr>") != std::string::npos);

  std::string breakdown = rs::render_chart_table(reasons_chart());
  CHECK(breakdown.find("<th scope=\"col\">Per cent</th>") != std::string::npos);
  CHECK(breakdown.find("<tr><th scope=\"row\">Communication</th><td>9%</td></tr>") != std::string::npos);
}

TEST_CASE("text is escaped everywhere it appears") {
  Chart c = reasons_chart();
  c.title = "Reasons <script>alert(1)</script>";
  c.summary = "";
  c.series[0].name = "A & B";
  c.series[0].points[0].label = "<script>alert(\"x\")</script>";
  for (const auto& out : {rs::render_bar_chart(c), rs::render_column_chart(c), rs::render_chart_table(c)}) {
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(out.find("A &amp; B") != std::string::npos);
  }
  CHECK(rs::render_bar_chart(c).find("<title id=\"chart-reasons-title\">Reasons &lt;script&gt;") != std::string::npos);
}

TEST_CASE("contrast is computed as WCAG defines it") {
  CHECK(contrast_with_white("#767676") >= 4.5);  // the lightest grey that passes for text
  CHECK(contrast_with_white("#777777") < 4.5);
  CHECK(contrast_with_white("#ffdd00") < 3);  // yellow would fail as a mark
}

TEST_CASE("every colour used is at least 3:1 against white, and text 4.5:1") {
  std::string bar = rs::render_bar_chart(reasons_chart());
  std::string columns = rs::render_column_chart(trend_chart(5));
  for (const auto& svg : {bar, columns}) {
    std::set<std::string> colours;
    for (const auto& attr : {"fill", "stroke"})
      for (const auto& c : matches(svg, std::string(" ") + attr + "=\"(#[0-9a-fA-F]{6})\"")) colours.insert(c);
    colours.erase("#ffffff");  // the background itself
    CHECK(colours.size() >= 1);
    for (const auto& c : colours) {
      INFO("colour " << c);
      CHECK(contrast_with_white(c) >= 3.0);
    }
    auto text_colours = matches(svg, "<text [^>]*fill=\"(#[0-9a-fA-F]{6})\"");
    CHECK(!text_colours.empty());
    for (const auto& c : text_colours) CHECK(contrast_with_white(c) >= 4.5);
    // Nothing may fill with a colour given another way (names, rgb()), which the checks above would miss.
    CHECK(matches(svg, " (?:fill|stroke)=\"((?!#|url\\(#|none)[^\"]*)\"").empty());
  }
  // The five series use five different patterns.
  CHECK(count(columns, "<pattern ") == 4);
}

TEST_CASE("no style, script or external reference, as the Content-Security-Policy demands") {
  Chart c = trend_chart(3);
  for (const auto& out : {rs::render_bar_chart(c), rs::render_column_chart(c), rs::render_chart_table(c),
                          rs::render_bar_chart(Chart{})}) {
    CHECK(out.find("style=") == std::string::npos);
    CHECK(out.find("<style") == std::string::npos);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("href") == std::string::npos);
    CHECK(matches(out, " (on[a-z]+)=").empty());  // no event handler attributes
    CHECK(count(out, "http") == count(out, "xmlns=\"http://www.w3.org/2000/svg\""));
  }
}

TEST_CASE("the chart scales to its container and text stays legible at 320 px") {
  for (const auto& svg : {rs::render_bar_chart(reasons_chart()), rs::render_column_chart(trend_chart(3))}) {
    std::smatch m;
    std::string open = svg.substr(0, svg.find('>'));
    REQUIRE(std::regex_search(open, m, std::regex("viewBox=\"0 0 ([0-9.]+) [0-9.]+\"")));
    double view_width = std::stod(m[1]);
    REQUIRE(std::regex_search(open, m, std::regex("font-size=\"([0-9.]+)\"")));
    CHECK(std::stod(m[1]) * 320 / view_width >= 10);
    CHECK(open.find("width=\"100%\"") != std::string::npos);
    CHECK(open.find(" height=") == std::string::npos);
    CHECK(svg.find("font-size=", svg.find('>')) == std::string::npos);  // no smaller text anywhere inside
  }
}

TEST_CASE("long labels wrap instead of shrinking or widening the chart") {
  Chart c = reasons_chart();
  c.series[0].points[0].label =
      "Disagree with the social care opinion given by the assessing worker at the initial assessment and at review";
  std::string svg = rs::render_bar_chart(c);
  CHECK(svg.find("viewBox=\"0 0 400 ") != std::string::npos);
  auto lines = matches(svg, "<tspan x=\"1\" y=\"[0-9.]+\">([^<]*)</tspan>");
  REQUIRE(lines.size() >= 2);
  for (const auto& line : lines) CHECK(line.size() <= 47);
  CHECK(lines.back().substr(lines.back().size() - 6) == "review");  // nothing cut off
}

TEST_CASE("labels of invalid UTF-8 or long runs of continuation bytes wrap, end, and keep characters whole") {
  const std::string euro = "\xE2\x82\xAC";
  for (const std::string& label : {std::string(500, '\x80'), std::string(300, '\xBF') + " end",
                                   "x" + std::string(200, '\xA0') + euro + std::string(100, '\xE2'),
                                   [&] { std::string s; for (int i = 0; i < 120; ++i) s += euro; return s; }()}) {
    Chart c = reasons_chart();
    c.series[0].points[0].label = label;
    std::string svg = rs::render_bar_chart(c);
    auto lines = matches(svg, "<tspan x=\"1\" y=\"[0-9.]+\">([^<]*)</tspan>");
    REQUIRE(lines.size() >= 2);
    std::string joined;
    for (const auto& line : lines) {
      CHECK(rs::utf8_chars(line) <= 47);
      // Each line is whole characters: no euro sign is cut in two.
      size_t k = 0;
      while (k < line.size()) k += rs::utf8_char_size(line, k);
      CHECK(k == line.size());
      joined += line;
    }
    size_t euros = 0;
    for (size_t at = joined.find(euro); at != std::string::npos; at = joined.find(euro, at + 3)) ++euros;
    size_t want = 0;
    for (size_t at = label.find(euro); at != std::string::npos; at = label.find(euro, at + 3)) ++want;
    CHECK(euros == want);
  }
}

TEST_CASE("numbers are written with fixed precision") {
  Chart c = reasons_chart();
  c.series[0].points[1].value = 0.1 + 0.2;
  c.series[0].points[1].value_text = "";
  c.series[0].points[2].value = 1.0 / 3;
  for (const auto& svg : {rs::render_bar_chart(c), rs::render_column_chart(c)}) {
    CHECK(svg.find("0.30000000000000004") == std::string::npos);
    CHECK(svg.find(">0.3%</text>") != std::string::npos);  // the value printed when no text is given
    std::string inside = svg.substr(svg.find('>'));        // past the root's width="100%"
    for (const auto& v : matches(inside, " (?:x|y|width|height|x1|x2|y1|y2)=\"([^\"]*)\"")) {
      INFO(v);
      CHECK(std::regex_match(v, std::regex("-?[0-9]+(\\.[0-9])?")));
    }
  }
}

TEST_CASE("zero and empty charts render without failing") {
  Chart empty;
  empty.title = "Stage 3 complaints";
  for (const auto& svg : {rs::render_bar_chart(empty), rs::render_column_chart(empty)}) {
    CHECK(svg.find(">No figures</text>") != std::string::npos);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(figure_groups(svg).empty());
  }
  Chart no_points = empty;
  no_points.series = {{"Stage 3", {}}};
  CHECK(rs::render_column_chart(no_points).find(">No figures</text>") != std::string::npos);
  CHECK(rs::render_chart_table(no_points).find("<td>No figures</td>") != std::string::npos);
  CHECK(rs::summarise(no_points) == "No figures.");

  Chart zeros = empty;
  zeros.series = {{"Stage 3", {{"2016/17", 0, ""}, {"2017/18", 0, ""}}}};
  for (const auto& svg : {rs::render_bar_chart(zeros), rs::render_column_chart(zeros)}) {
    CHECK(svg.find(">No figures</text>") == std::string::npos);
    CHECK(figure_groups(svg).size() == 2);
    CHECK(count(svg, ">0</text>") == 2);
    CHECK(svg.find("nan") == std::string::npos);
  }
}

TEST_CASE("values too wide for their columns are turned upright rather than overlapping") {
  Chart c = trend_chart(3);
  for (auto& s : c.series)
    for (auto& p : s.points) p.value_text = "1,234,567";
  CHECK(rs::render_column_chart(c).find("transform=\"rotate(-90") != std::string::npos);
  CHECK(rs::render_column_chart(trend_chart(3)).find("transform=") == std::string::npos);
}

TEST_CASE("summarise lists the figures, or the extremes when there are many") {
  CHECK(rs::summarise(trend_chart(1)) == "Stage 1: 2016/17 (120), 2017/18 (142) and 2018/19 (150).");
  CHECK(rs::summarise(reasons_chart()) ==
        "Disagree with social care opinion (27%), Quality of service (18%) and Communication (9%).");
  Chart many;
  many.series = {{"Stage 1", {}}};
  for (int i = 0; i < 10; ++i)
    many.series[0].points.push_back({"Year " + std::to_string(i), static_cast<double>(i == 4 ? 99 : i + 10), ""});
  CHECK(rs::summarise(many) == "Stage 1: 10 figures, highest Year 4 (99), lowest Year 0 (10).");
  // The description falls back to the summary when the caller gives none.
  Chart c = trend_chart(1);
  c.summary = "";
  CHECK(rs::render_column_chart(c).find("-desc\">Stage 1: 2016/17 (120),") != std::string::npos);
}
