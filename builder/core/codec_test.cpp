#include "reportsite/core/codec.h"

#include <doctest/doctest.h>

#include "reportsite/core/memo_cached.h"

namespace rs {
namespace {

enum class Colour { red, green };

struct Sample {
  size_t begin = 0;
  Colour colour = Colour::red;
  std::string text;
  std::vector<std::pair<int, std::string>> pairs;
  std::optional<std::string> note;
};
auto fields(Sample& s) { return std::tie(s.begin, s.colour, s.text, s.pairs, s.note); }

TEST_CASE("a described struct survives encoding, every field of it") {
  Sample s{42, Colour::green, "with\nline break and \0 byte", {{-3, "minus three"}, {7, ""}}, "a note"};
  s.text.push_back('\0');
  auto back = decode<std::vector<Sample>>(encode(std::vector<Sample>{s, Sample{}}));
  REQUIRE(back);
  REQUIRE(back->size() == 2);
  const Sample& b = (*back)[0];
  CHECK(b.begin == 42);
  CHECK(b.colour == Colour::green);
  CHECK(b.text == s.text);
  CHECK(b.pairs == s.pairs);
  CHECK(b.note == s.note);
  CHECK_FALSE((*back)[1].note.has_value());
}

TEST_CASE("damaged or cut bytes decode to nothing, never to a wrong value") {
  std::string bytes = encode(std::vector<Sample>{Sample{1, Colour::red, "x", {}, {}}});
  for (size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(decode<std::vector<Sample>>(bytes.substr(0, n)));
  CHECK_FALSE(decode<std::vector<Sample>>(bytes + "extra"));
  std::string huge_count(8, '\xff');
  CHECK_FALSE(decode<std::vector<Sample>>(huge_count));
}

TEST_CASE("cached computes once per input and reuses the result from the memo") {
  MemoStore memo("test builder");
  int calls = 0;
  auto compute = [&] {
    ++calls;
    return std::vector<std::string>{"a", "b"};
  };
  CHECK(cached<std::vector<std::string>>(&memo, "work", 1, compute) == std::vector<std::string>{"a", "b"});
  CHECK(cached<std::vector<std::string>>(&memo, "work", 1, compute) == std::vector<std::string>{"a", "b"});
  CHECK(calls == 1);
  cached<std::vector<std::string>>(&memo, "work", 2, compute);  // another input
  CHECK(calls == 2);
  // A kept result the caller rejects is computed again.
  cached<std::vector<std::string>>(&memo, "work", 2, compute, [](const auto& v) { return v.size() > 5; });
  CHECK(calls == 3);
  cached<std::vector<std::string>>(nullptr, "work", 2, compute);  // no memo: always computed
  CHECK(calls == 4);
}

}  // namespace
}  // namespace rs
