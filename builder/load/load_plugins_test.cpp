// `plugins:` in data/site.yaml: each entry a name, a command and a time limit,
// every fault reported at the key or value that is wrong.
#include <doctest/doctest.h>

#include "reportsite/load/load_site.h"
#include "site_fixture.h"

namespace rs {
namespace {

using fixture::find_rule;
using fixture::position;

BuildResult with_plugins(const std::string& yaml) {
  return fixture::resolve_txtar(fixture::kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\n" + yaml);
}

TEST_CASE("plugins: each entry's name, command and timeout are loaded with their positions") {
  BuildResult r = with_plugins("plugins:\n  - name: word-count\n    command: python3 plugins/word_count.py\n"
                               "  - name: dates\n    command: ./dates\n    timeout: 120\n");
  INFO(fixture::diagnostics_text(r));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.model.site.plugins.size() == 2);
  const ExternalPlugin& a = r.model.site.plugins[0];
  CHECK(a.name.value == "word-count");
  CHECK(a.command.value == "python3 plugins/word_count.py");
  CHECK(a.timeout_seconds.value == 30);  // the default
  CHECK(position(r, Diagnostic{Severity::note, "", "", a.command.span, "", "", ""}) == "site/data/site.yaml:5:14");
  CHECK(r.model.site.plugins[1].timeout_seconds.value == 120);
  CHECK(with_plugins("").model.site.plugins.empty());
}

TEST_CASE("plugins: an unknown key, a missing field, a wrong type and a bad value are each reported where they are") {
  struct Case {
    const char* yaml;
    const char* rule;
    const char* at;
    const char* says;
  };
  for (const Case& c : {
           Case{"plugins:\n  - name: a\n    command: ./a\n    timout: 5\n", "load.unknown-key", ":6:5", "unknown key `timout`"},
           Case{"plugins:\n  - name: a\n", "load.missing-field", ":4:5", "command"},
           Case{"plugins:\n  - command: ./a\n  - command: sh a.sh\n", "load.bad-value", ":5:14", "two plugins are named `a`"},
           Case{"plugins: ./a\n", "load.type", ":3:10", ""},
           Case{"plugins:\n  - ./a\n", "load.type", ":4:5", ""},
           Case{"plugins:\n  - name: a\n    command: [./a]\n", "load.type", ":5:14", ""},
           Case{"plugins:\n  - name: a\n    command: ./a\n    timeout: soon\n", "load.type", ":6:14", "whole number"},
           Case{"plugins:\n  - name: a\n    command: ./a\n    timeout: 0\n", "load.bad-value", ":6:14",
                "between 1 and 600 seconds, not 0"},
           Case{"plugins:\n  - name: a\n    command: ./a\n    timeout: 601\n", "load.bad-value", ":6:14", "not 601"},
           Case{"plugins:\n  - name: a\n    command: \"  \"\n", "load.bad-value", ":5:14", "command is empty"},
           Case{"plugins:\n  - name: Word Count\n    command: ./a\n", "load.bad-id", ":4:11", ""},
           Case{"plugins:\n  - name: a\n    command: ./a\n  - name: a\n    command: ./b\n", "load.bad-value", ":6:11",
                "two plugins are named `a`"},
       }) {
    CAPTURE(c.yaml);
    BuildResult r = with_plugins(c.yaml);
    INFO(fixture::diagnostics_text(r));
    const Diagnostic* d = find_rule(r, c.rule);
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::error);
    CHECK(position(r, *d) == std::string("site/data/site.yaml") + c.at);
    CHECK(d->message.find(c.says) != std::string::npos);
  }
}

TEST_CASE("plugins: without `name:`, the name is the script's file name, as FORMAT.md's example expects") {
  BuildResult r = with_plugins("plugins:\n  - command: ./plugins/decision-check\n"
                               "  - command: python3 plugins/Word_Count.py --strict\n");
  REQUIRE(r.model.site.plugins.size() == 2);
  CHECK(r.model.site.plugins[0].name.value == "decision-check");
  CHECK(r.model.site.plugins[1].name.value == "word-count");
}

}  // namespace
}  // namespace rs
