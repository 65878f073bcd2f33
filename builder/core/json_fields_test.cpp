#include "reportsite/core/json_fields.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

enum class Colour { red, green };
const char* json_value(Colour c) { return c == Colour::green ? "green" : "red"; }

struct Part {
  Located<std::string> id;
  Span span;
};
auto fields(Part& p) {
  using codec::field;
  return std::make_tuple(field("id", p.id), field("", p.span));
}

struct Sample {
  std::string key;  // unnamed: given by whoever reads it
  Text title;
  Located<Date> date;
  Date missing;
  Colour colour = Colour::red;
  int count = 0;
  bool flag = false;
  double share = 0;
  std::optional<Located<long long>> given, absent;
  std::vector<Part> parts;
  Span span;
};
auto fields(Sample& s) {
  using codec::field;
  return std::make_tuple(field("", s.key), field("title", s.title), field("date", s.date),
                         field("missing", s.missing), field("colour", s.colour), field("count", s.count),
                         field("flag", s.flag), field("share", s.share), field("given", s.given),
                         field("absent", s.absent), field("parts", s.parts), field("", s.span));
}

Sample sample() {
  Sample s;
  s.key = "not-written";
  s.title.value = "Say \"hi\"\n<b>";
  s.title.file = 77;
  s.title.span = {77, 1234, 1240};
  s.date = {Date{2018, 10, 17}, {77, 5, 15}};
  s.colour = Colour::green;
  s.count = -3;
  s.flag = true;
  s.share = 12.5;
  s.given = Located<long long>{42, {77, 9, 11}};
  s.parts = {{{"a", {77, 1, 2}}, {}}, {{"b", {}}, {77, 3, 4}}};
  s.span = {77, 9999, 99999};
  return s;
}

TEST_CASE("a described struct is written as its named fields, in description order, values only") {
  CHECK(to_json(sample()) ==
        "{\"title\": \"Say \\\"hi\\\"\\n\\u003cb>\", \"date\": \"2018-10-17\", \"missing\": null, "
        "\"colour\": \"green\", \"count\": -3, \"flag\": true, \"share\": 12.5, \"given\": 42, \"absent\": null, "
        "\"parts\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");
}

TEST_CASE("positions, file ids and unnamed fields never reach the JSON") {
  std::string j = to_json(sample());
  CHECK(j.find("77") == std::string::npos);
  CHECK(j.find("1234") == std::string::npos);
  CHECK(j.find("9999") == std::string::npos);
  CHECK(j.find("not-written") == std::string::npos);
  CHECK(to_json(Part{}) == "{\"id\": \"\"}");
  CHECK(to_json(std::vector<Part>{}) == "[]");
}

TEST_CASE("members() lets a caller add members of its own, and a hook writes chosen values its own way") {
  Sample s = sample();
  std::string j = "{\"key\": " + json_quote(s.key);
  auto only_a = [](std::string& out, const Part& p) -> bool {
    if (p.id.value == "a") return false;  // written as described
    out += "\"hidden\"";
    return true;
  };
  json_fields::members(j, s, only_a, false);
  j += "}";
  CHECK(j.find("{\"key\": \"not-written\", \"title\": ") == 0);
  CHECK(j.find("\"parts\": [{\"id\": \"a\"}, \"hidden\"]}") != std::string::npos);
}

}  // namespace
}  // namespace rs
