#pragma once
// A complaint report's main figures and their year-on-year changes, worked
// out once for the report pages and the open-data exports, so a page and a
// download can never disagree.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/model/model.h"
#include "reportsite/resolve/year_on_year.h"

namespace rs {

/// 2017-18 → 2017/18.
std::string year_label(const std::string& slug);
/// 2017-18 → 2016-17: the year whose report a change is taken against.
std::string previous_year(const std::string& slug);

/// Where a series' figures are published as CSV, a row a year (open_data.cpp).
inline std::string complaints_csv_path(const std::string& series) { return "data/complaints/" + series + ".csv"; }

/// A figure compared year on year (one row of the main figures table).
struct MainFigure {
  std::string label;  // "Stage 1 (local resolution): received"
  std::function<std::optional<long long>(const Report&)> get;
};
/// The series' main figures, from its reports (oldest first): a row for each
/// stage the report with most stages names, then the Ombudsman's, the
/// representations and the compliments.
std::vector<MainFigure> main_figures(const std::vector<const Report*>& series);

/// One figure of a report with its change on the year before.
struct FigureChange {
  std::string label;
  long long value = 0;
  std::optional<long long> previous;  // the figure the year before, if given
  Change change;
  std::string text;  // describe_change(); "" when there is nothing to compare
};
struct ReportChanges {
  std::vector<FigureChange> context;  // every context figure
  std::vector<FigureChange> figures;  // the main figures this report gives
};
/// `previous`: the same series' report for the year before, or nullptr.
ReportChanges report_changes(const Report& r, const Report* previous, const std::vector<MainFigure>& figures);

}  // namespace rs
