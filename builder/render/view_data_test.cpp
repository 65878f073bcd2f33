#include "reportsite/render/view_data.h"

#include <doctest/doctest.h>

using namespace rs;

namespace {
uint64_t hash_of(const View& v) {
  Hasher h;
  v.hash_into(h);
  return h.value();
}
View sample(const std::string& answer) {
  View exchange;
  exchange.set("question", "Was the plan on track?");
  exchange.set("answer", answer);
  View page;
  page.set("title", "Children's Services Scrutiny");
  page.set("exchanges", ViewList{exchange});
  page.set("has_exchanges", true);
  return page;
}
}  // namespace

TEST_CASE("view: a page's fingerprint changes with any value deep in its data") {
  CHECK(hash_of(sample("Yes.")) == hash_of(sample("Yes.")));
  CHECK(hash_of(sample("Yes.")) != hash_of(sample("No.")));
}

TEST_CASE("view: kinds and keys are part of the fingerprint") {
  View text_true, flag_true, a, b;
  text_true.set("x", "true");
  flag_true.set("x", true);
  CHECK(hash_of(text_true) != hash_of(flag_true));
  a.set("title", "Minutes");
  b.set("heading", "Minutes");
  CHECK(hash_of(a) != hash_of(b));
  // An empty list and an empty object draw differently in Mustache.
  CHECK(hash_of(View(ViewList{})) != hash_of(View()));
}

#include "reportsite/render/view.h"

namespace rs {
namespace {

TEST_CASE("a model struct's plain fields reach the template under `fields`, from its description alone") {
  Meeting m;
  m.id = "2018-10-17-audit";
  m.committee.value = "audit";
  m.date.value = *parse_date("2018-10-17");
  m.venue.value = "Committee Room 2";
  m.time.value = "7.30 pm";
  View d;
  set_described(d, m);
  REQUIRE(d.members().size() == 1);
  CHECK(d.members()[0].first == "fields");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& [key, value] : d.members()[0].second.members()) got.push_back({key, value.text()});
  CHECK(got == std::vector<std::pair<std::string, std::string>>{
                   {"committee", "audit"}, {"date", "2018-10-17"}, {"time", "7.30 pm"}, {"venue", "Committee Room 2"}});
}

}  // namespace
}  // namespace rs
