#pragma once
// Year-on-year change between two annual figures, and the words that say it.
// Changes are always computed from the figures, never typed by hand.
#include <optional>
#include <string>
#include <string_view>

namespace rs {

struct Change {
  bool comparable = false;
  long long delta = 0;
  std::optional<double> percent;  // none when the previous figure is 0
};

/// Change between two optional counts; not comparable when either is missing.
Change compare_counts(std::optional<long long> previous, std::optional<long long> current);

/// "up 12 (9%) on 2016/17", "down 3 (2%) on 2016/17", "no change on 2016/17",
/// "up 5 on 2016/17 (none the year before)", "up 1 (less than 1%) on 2016/17";
/// "" when not comparable (first year of a series, a missing year, or a figure
/// absent in one year). Percent is rounded to the nearest whole number, halves
/// away from zero.
std::string describe_change(const Change& c, std::string_view previous_label);

/// Same for percentage figures: "up 3 percentage points on 2016/17", "down 1
/// percentage point on 2016/17", "up 0.5 percentage points on 2016/17"; the
/// difference is rounded to one decimal place, halves away from zero; "" when
/// either figure is missing or not a number.
std::string describe_point_change(std::optional<double> previous, std::optional<double> current,
                                  std::string_view previous_label);

}  // namespace rs
