// The plugin protocol's JSON: strict reading of what a plugin answers, and
// writing that any JSON reader accepts.
#include "reportsite/plugin/json.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

std::optional<Json> parse(std::string_view s) {
  JsonError e;
  return parse_json(s, e);
}

/// The error of a text that must not parse: "offset: message".
std::string error_of(std::string_view s, const JsonLimits& limits = {}) {
  JsonError e;
  auto v = parse_json(s, e, limits);
  if (v) return "(parsed)";
  return std::to_string(e.offset) + ": " + e.message;
}

TEST_CASE("json: every kind of value parses") {
  auto v = parse(R"( {"a": [1, -2.5, 3e2, 0, -0.5E-1], "b": true, "c": false, "d": null, "e": "x", "f": {}, "g": []} )");
  REQUIRE(v);
  REQUIRE(v->is_object());
  const Json* a = v->find("a");
  REQUIRE(a);
  REQUIRE(a->items().size() == 5);
  CHECK(a->items()[0].as_number() == 1);
  CHECK(a->items()[1].as_number() == -2.5);
  CHECK(a->items()[2].as_number() == 300);
  CHECK(a->items()[4].as_number() == doctest::Approx(-0.05));
  CHECK(v->find("b")->as_bool());
  CHECK(v->find("c")->is_bool());
  CHECK(!v->find("c")->as_bool());
  CHECK(v->find("d")->is_null());
  CHECK(v->find("e")->as_string() == "x");
  CHECK(v->find("f")->is_object());
  CHECK(v->find("g")->is_array());
  CHECK(v->find("missing") == nullptr);
  CHECK(v->members()[0].first == "a");  // members keep their order
  CHECK(v->members()[6].first == "g");
}

TEST_CASE("json: string escapes, \\u escapes and surrogate pairs become UTF-8") {
  auto v = parse(R"("q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20ac \ud83d\ude00 \u0000")");
  REQUIRE(v);
  CHECK(v->as_string() == std::string("q\" b\\ s/ \b\f\n\r\t A\xC3\xA9\xE2\x82\xAC \xF0\x9F\x98\x80 ") + '\0');
  auto raw = parse("\"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\"");
  REQUIRE(raw);
  CHECK(raw->as_string() == "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80");
}

TEST_CASE("json: bad strings are refused at the byte that is wrong") {
  CHECK(error_of(R"("abc)") == "4: the string is not closed (expected `\"`)");
  CHECK(error_of("\"a\nb\"") == "2: a control character in a string: write it as an escape such as \\n");
  CHECK(error_of(R"("\x")") == "1: an unknown escape `\\x`");
  CHECK(error_of(R"("\u12g4")") == "5: expected four hex digits after \\u");
  CHECK(error_of(R"("ab\ud83d")") == "3: a high surrogate \\u escape without its low half");
  CHECK(error_of(R"("\ud83d\u0041")") == "1: a high surrogate \\u escape without its low half");
  CHECK(error_of(R"("\ude00")") == "1: a lone low surrogate \\u escape");
  CHECK(error_of("\"a\xC3(\"") == "2: a byte that is not UTF-8 in a string");
  CHECK(error_of("\"\xC0\xAF\"") == "1: a byte that is not UTF-8 in a string");  // overlong '/'
  CHECK(error_of("\"\xED\xA0\x80\"") == "1: a byte that is not UTF-8 in a string");  // raw surrogate
}

TEST_CASE("json: what RFC 8259 does not allow is refused, with the offset") {
  CHECK(error_of("") == "0: expected a JSON value, found the end of the text");
  CHECK(error_of("   ") == "3: expected a JSON value, found the end of the text");
  CHECK(error_of("[1, 2,]") == "6: expected a JSON value, found `]`");
  CHECK(error_of("{\"a\": 1,}") == "8: expected a key in double quotes, found `}`");
  CHECK(error_of("{'a': 1}") == "1: expected a key in double quotes, found `'`");
  CHECK(error_of("{\"a\" 1}") == "5: expected `:` after the key, found `1`");
  CHECK(error_of("{\"a\": 1 \"b\": 2}") == "8: expected `,` or `}` in an object, found `\"`");
  CHECK(error_of("[1 2]") == "3: expected `,` or `]` in a list, found `2`");
  CHECK(error_of("{\"a\": 1, \"a\": 2}") == "9: the key \"a\" is given twice in one object");
  CHECK(error_of("01") == "1: a number may not have a leading zero");
  CHECK(error_of("1.") == "2: expected a digit after `.`, found the end of the text");
  CHECK(error_of("1e") == "2: expected a digit in the exponent, found the end of the text");
  CHECK(error_of("-") == "1: expected a digit, found the end of the text");
  CHECK(error_of("+1") == "0: expected a JSON value, found `+`");
  CHECK(error_of("1e999") == "0: the number is too large");
  CHECK(error_of("NaN") == "0: expected a JSON value, found `N`");
  CHECK(error_of("tru") == "0: expected a JSON value, found `t`");
  CHECK(error_of("{} {}") == "3: expected the end of the text after the value, found `{`");
  CHECK(error_of("// c\n{}") == "0: expected a JSON value, found `/`");
  CHECK(error_of("\xEF\xBB\xBF{}") == "0: a byte-order mark: JSON must start with its value");
  CHECK(error_of("Traceback (most recent call last):") == "0: expected a JSON value, found `T`");
}

TEST_CASE("json: nesting and size are bounded") {
  std::string deep(64, '[');
  deep += std::string(64, ']');
  CHECK(parse(deep));
  std::string deeper(65, '[');
  deeper += std::string(65, ']');
  CHECK(error_of(deeper) == "64: lists and objects are nested more than 64 deep");
  CHECK(error_of(std::string(100000, '['), {}) == "64: lists and objects are nested more than 64 deep");
  JsonLimits small;
  small.max_bytes = 10;
  CHECK(error_of("\"0123456789\"", small) == "10: the text is longer than 10 bytes");
}

TEST_CASE("json: the writer escapes quotes, backslashes and control characters, and passes UTF-8 through") {
  std::string s = "a\"b\\c\n\r\t\b\f";
  s += '\x01';
  s += '\0';
  s += "\x7f caf\xC3\xA9 </script> \xF0\x9F\x98\x80";
  CHECK(write_json(Json(s)) == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u0000\\u007f caf\xC3\xA9 </script> \xF0\x9F\x98\x80\"");
  CHECK(write_json(Json("bad \xC3( \xFF")) == "\"bad \xEF\xBF\xBD( \xEF\xBF\xBD\"");
  // What is written reads back as it was.
  JsonError e;
  auto back = parse_json(write_json(Json(s)), e);
  REQUIRE(back);
  CHECK(back->as_string() == s);
}

TEST_CASE("json: the writer keeps member order and writes whole numbers as integers") {
  Json o = Json::object();
  o.set("z", 1).set("a", Json::array().push(2.5).push(-3).push(1e20).push(nullptr).push(true));
  o.set("n", 2019LL).set("s", "x").set("o", Json::object());
  CHECK(write_json(o) == R"({"z":1,"a":[2.5,-3,1e+20,null,true],"n":2019,"s":"x","o":{}})");
  CHECK(write_json(Json(0.1)) == "0.1");
  CHECK(write_json(Json(1e300)) == "1e+300");
}

}  // namespace
}  // namespace rs
