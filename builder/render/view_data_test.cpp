#include "view_data.h"

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
