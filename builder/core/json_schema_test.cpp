#include "reportsite/core/json_schema.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

enum class Mood { calm, cross };
const char* json_value(Mood m) { return m == Mood::cross ? "cross" : "calm"; }

struct Leaf {
  Located<std::string> id;
  Span span;
};
auto fields(Leaf& l) {
  using codec::field;
  return std::make_tuple(field("id", l.id), field("", l.span));
}

struct Tree {
  std::string key;  // unnamed: not in the JSON, so not in the schema
  Text title;
  Located<Date> date;
  Mood mood = Mood::calm;
  int count = 0;
  bool flag = false;
  std::optional<Located<long long>> maybe;
  std::vector<Leaf> leaves;
};
auto fields(Tree& t) {
  using codec::field;
  return std::make_tuple(field("", t.key), field("title", t.title), field("date", t.date), field("mood", t.mood),
                         field("count", t.count), field("flag", t.flag), field("maybe", t.maybe),
                         field("leaves", t.leaves));
}

TEST_CASE("json schema: a described struct's schema is an object of exactly its named fields, all required") {
  const std::string date =
      R"({"type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})";
  CHECK(json_fields::schema<Tree>() ==
        R"({"type": "object", "properties": {"title": {"type": "string"}, "date": )" + date +
            R"(, "mood": {"type": "string"}, "count": {"type": "integer"}, "flag": {"type": "boolean"}, )"
            R"("maybe": {"anyOf": [{"type": "integer"}, {"type": "null"}]}, "leaves": {"type": "array", "items": )"
            R"({"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"], )"
            R"("additionalProperties": false}}}, "required": ["title", "date", "mood", "count", "flag", "maybe", )"
            R"("leaves"], "additionalProperties": false})");
}

TEST_CASE("json schema: a hook gives one type's schema; the rest follow the description") {
  auto hook = [](auto tag) -> std::string {
    if constexpr (std::is_same_v<typename decltype(tag)::type, Leaf>) return R"({"const": "leaf"})";
    return "";
  };
  std::string s = json_fields::schema<Tree>(hook);
  CHECK(s.find(R"("leaves": {"type": "array", "items": {"const": "leaf"}})") != std::string::npos);
  CHECK(s.find(R"("title": {"type": "string"})") != std::string::npos);
  // Extra members go first, and are required too.
  std::string o = json_fields::object_schema<Leaf>(json_fields::NoHook{}, R"("order": {"type": "integer"})", R"("order")");
  CHECK(o == R"({"type": "object", "properties": {"order": {"type": "integer"}, "id": {"type": "string"}}, )"
             R"("required": ["order", "id"], "additionalProperties": false})");
}

}  // namespace
}  // namespace rs
