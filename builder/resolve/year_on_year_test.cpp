#include "reportsite/resolve/year_on_year.h"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>

using rs::compare_counts;
using rs::describe_change;
using rs::describe_point_change;

TEST_CASE("first year of a series has nothing to compare with") {
  auto c = compare_counts(std::nullopt, 142);
  CHECK_FALSE(c.comparable);
  CHECK(describe_change(c, "2016/17") == "");
}

TEST_CASE("a missing year or a figure absent in one year is not compared") {
  CHECK(describe_change(compare_counts(120, std::nullopt), "2016/17") == "");
  CHECK(describe_change(compare_counts(std::nullopt, std::nullopt), "2016/17") == "");
  CHECK(compare_counts(120, 130).comparable);
}

TEST_CASE("an increase gives the count and the rounded percentage") {
  auto c = compare_counts(130, 142);
  CHECK(c.comparable);
  CHECK(c.delta == 12);
  REQUIRE(c.percent);
  CHECK(*c.percent == doctest::Approx(9.2307).epsilon(0.001));
  CHECK(describe_change(c, "2016/17") == "up 12 (9%) on 2016/17");
}

TEST_CASE("a decrease says down, with the size of the fall") {
  auto c = compare_counts(150, 147);
  CHECK(c.delta == -3);
  CHECK(describe_change(c, "2016/17") == "down 3 (2%) on 2016/17");
}

TEST_CASE("equal figures are no change") {
  CHECK(describe_change(compare_counts(9, 9), "2016/17") == "no change on 2016/17");
  CHECK(describe_change(compare_counts(0, 0), "2016/17") == "no change on 2016/17");
}

TEST_CASE("a rise from zero has no percentage") {
  auto c = compare_counts(0, 5);
  CHECK(c.comparable);
  CHECK_FALSE(c.percent);
  CHECK(describe_change(c, "2016/17") == "up 5 on 2016/17 (none the year before)");
}

TEST_CASE("large counts carry thousands separators") {
  CHECK(describe_change(compare_counts(10000, 12345), "2016/17") == "up 2,345 (23%) on 2016/17");
  CHECK(describe_change(compare_counts(10, 130), "2016/17") == "up 120 (1,200%) on 2016/17");
}

TEST_CASE("percentages round half away from zero") {
  CHECK(describe_change(compare_counts(8, 9), "A") == "up 1 (13%) on A");         // 12.5%
  CHECK(describe_change(compare_counts(9, 8), "A") == "down 1 (11%) on A");       // 11.1%
  CHECK(describe_change(compare_counts(1000, 1025), "A") == "up 25 (3%) on A");   // 2.5%
  CHECK(describe_change(compare_counts(1000, 975), "A") == "down 25 (3%) on A");  // -2.5%
  CHECK(describe_change(compare_counts(1000, 1024), "A") == "up 24 (2%) on A");   // 2.4%
  CHECK(describe_change(compare_counts(200, 201), "A") == "up 1 (1%) on A");      // exactly 0.5%
}

TEST_CASE("a change that rounds to 0% says less than 1%") {
  CHECK(describe_change(compare_counts(201, 202), "A") == "up 1 (less than 1%) on A");  // 0.497%
  CHECK(describe_change(compare_counts(1000, 999), "A") == "down 1 (less than 1%) on A");
}

TEST_CASE("percentage figures change by percentage points") {
  CHECK(describe_point_change(75, 78, "2016/17") == "up 3 percentage points on 2016/17");
  CHECK(describe_point_change(78, 77, "2016/17") == "down 1 percentage point on 2016/17");
  CHECK(describe_point_change(27, 27, "2016/17") == "no change on 2016/17");
  CHECK(describe_point_change(27.1, 27.3, "2016/17") == "up 0.2 percentage points on 2016/17");
  CHECK(describe_point_change(27.5, 27, "2016/17") == "down 0.5 percentage points on 2016/17");
  CHECK(describe_point_change(27, 27.02, "2016/17") == "up less than 0.1 percentage points on 2016/17");
  CHECK(describe_point_change(0, 100, "2016/17") == "up 100 percentage points on 2016/17");
}

TEST_CASE("percentage figures missing in either year are not compared") {
  CHECK(describe_point_change(std::nullopt, 78, "2016/17") == "");
  CHECK(describe_point_change(78, std::nullopt, "2016/17") == "");
  CHECK(describe_point_change(std::nan(""), 78, "2016/17") == "");
}
