#pragma once
// Calendar dates (no time zone: minutes are dated, not timed).
#include <optional>
#include <string>
#include <tuple>
#include <string_view>

namespace rs {

struct Date {
  int year = 0, month = 0, day = 0;
  friend auto fields(Date& d) { return std::tie(d.year, d.month, d.day); }
  auto operator<=>(const Date&) const = default;
  bool valid() const { return year != 0; }
  /// 2018-10-17
  std::string iso() const;
  /// 17 October 2018
  std::string long_form() const;
  /// Days since 1970-01-01.
  long days() const;
  static Date from_days(long days);
};

/// Parse YYYY-MM-DD strictly (a real calendar day); nullopt otherwise.
std::optional<Date> parse_date(std::string_view s);
/// The date of a UNIX time (UTC).
Date date_from_epoch(long long seconds);
/// Today in UTC.
Date today_utc();

/// A municipal year starting on month/day: "2018-19".
struct MunicipalYear {
  int start_year = 0;
  auto operator<=>(const MunicipalYear&) const = default;
  std::string slug() const;   // 2018-19
  std::string label() const;  // 2018/19
};
MunicipalYear municipal_year_of(const Date& d, int start_month, int start_day);

}  // namespace rs
