#include "reportsite/resolve/year_on_year.h"

#include <cmath>
#include <cstdio>

#include "reportsite/core/strings.h"

namespace rs {

Change compare_counts(std::optional<long long> previous, std::optional<long long> current) {
  Change c;
  if (!previous || !current) return c;
  c.comparable = true;
  c.delta = *current - *previous;
  // Both operands are exact in a double and IEEE division rounds correctly, so an
  // exact half (1 in 200 = 0.5%) stays exactly half for the rounding below.
  if (*previous != 0) c.percent = static_cast<double>(c.delta) * 100.0 / static_cast<double>(*previous);
  return c;
}

std::string describe_change(const Change& c, std::string_view previous_label) {
  if (!c.comparable) return "";
  std::string on = " on " + std::string(previous_label);
  if (c.delta == 0) return "no change" + on;
  std::string direction = c.delta > 0 ? "up " : "down ";
  std::string amount = with_commas(c.delta > 0 ? c.delta : -c.delta);
  if (!c.percent) return direction + amount + on + " (none the year before)";
  double whole = std::round(std::fabs(*c.percent));  // std::round takes halves away from zero
  std::string share = whole == 0 ? "less than 1%" : with_commas(static_cast<long long>(whole)) + "%";
  return direction + amount + " (" + share + ")" + on;
}

std::string describe_point_change(std::optional<double> previous, std::optional<double> current,
                                  std::string_view previous_label) {
  if (!previous || !current || !std::isfinite(*previous) || !std::isfinite(*current)) return "";
  std::string on = " on " + std::string(previous_label);
  double difference = *current - *previous;
  if (difference == 0) return "no change" + on;
  std::string direction = difference > 0 ? "up " : "down ";
  // Tenths, so that 27.3 - 27.1 reads 0.2 and not 0.19999999999999929.
  double tenths = std::round(std::fabs(difference) * 10);
  if (tenths == 0) return direction + "less than 0.1 percentage points" + on;
  char amount[64];
  if (std::fmod(tenths, 10) == 0)
    std::snprintf(amount, sizeof amount, "%.0f", tenths / 10);
  else
    std::snprintf(amount, sizeof amount, "%.1f", tenths / 10);
  std::string unit = tenths == 10 ? " percentage point" : " percentage points";
  return direction + amount + unit + on;
}

}  // namespace rs
