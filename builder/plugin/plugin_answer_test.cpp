// A plugin's answer: its findings at the file, line and column of what they
// name, its files at paths that stay inside the output and replace nothing.
#include "reportsite/plugin/plugin_answer.h"

#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::position;
using fixture::range;
using fixture::resolve_txtar;

const std::string kSite = fixture::kMinimalSite + R"(-- data/site.yaml --
title: T
organisation: O
plugins:
  - name: words
    command: ./words.py
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Accounts
    minutes: The Committee considered the café accounts at length.
    undertakings:
      - id: send-figures
        text: Send the figures.
        due: 2019-01-31
  - number: "9"
    title: Contract dispute
    exempt: 3
    minutes: Never sent.
)";
const std::string kMeeting = "site/content/meetings/2018/2018-10-17-audit.yaml";

struct Answered {
  BuildResult site;
  Diagnostics diags;
  std::optional<PluginAnswer> answer;
  std::string text() const {
    std::string out;
    for (const auto& d : diags.all()) out += format_text(d, site.model.sources);
    return out;
  }
};

/// Reads `json` as the answer of the site's plugin `words`.
std::unique_ptr<Answered> answer(const std::string& json, std::vector<std::string> built = {"index.html"}) {
  auto a = std::make_unique<Answered>();
  a->site = resolve_txtar(kSite);
  REQUIRE(a->site.model.site.plugins.size() == 1);
  PluginPaths paths(built, {"CNAME", ".well-known/"});
  a->answer = read_plugin_answer(json, a->site.model.site.plugins[0], a->site.model, a->site.site, paths, a->diags);
  return a;
}

/// The position of the answer's only diagnostic.
std::string where(const std::string& at) {
  auto a = answer(R"({"diagnostics": [{"severity": "warning", "rule": "r", "message": "m", "at": )" + at + "}]}");
  INFO(a->text());
  REQUIRE(a->answer);
  REQUIRE(a->answer->diagnostics.size() == 1);
  const Diagnostic& d = a->answer->diagnostics[0];
  return range(a->site, d) + (d.message == "m" ? "" : " " + d.message.substr(2));
}

TEST_CASE("plugin answer: diagnostics are placed at the field they name, and at the characters in it") {
  CHECK(where(R"({"meeting": "2018-10-17-audit", "item": "1", "field": "title"})") == kMeeting + ":5:12-5:20");
  // Characters counted as the plugin sees them: "é" is one.
  CHECK(where(R"({"meeting": "2018-10-17-audit", "item": "1", "field": "minutes", "start": 27, "end": 35})") ==
        kMeeting + ":6:41-6:49");
  CHECK(where(R"({"meeting": "2018-10-17-audit", "field": "date"})") == kMeeting + ":2:7-2:17");
  CHECK(where(R"({"undertaking": "send-figures", "field": "due"})") == kMeeting + ":10:14-10:24");
  CHECK(where(R"({"committee": "audit", "field": "name"})") == "site/data/committees.yaml:2:9-2:24");
  CHECK(where(R"({"file": "content/meetings/2018/2018-10-17-audit.yaml", "line": 6, "column": 5})") ==
        kMeeting + ":6:5-6:6");
}

TEST_CASE("plugin answer: what cannot be found still shows, at the nearest thing that can") {
  // An unknown field of a known item: the item, and the message says so.
  CHECK(where(R"({"meeting": "2018-10-17-audit", "item": "1", "field": "colour"})") ==
        kMeeting + ":4:5-4:6 (plugin `words` pointed at no field `colour` in an item)");
  // An exempt item's minutes were never sent, so there is nothing to point at but the item.
  CHECK(where(R"({"meeting": "2018-10-17-audit", "item": "9", "field": "minutes"})").find(
            " (plugin `words` pointed at no field `minutes` in an item)") != std::string::npos);
  CHECK(where(R"({"meeting": "2018-10-17-audit", "item": "7"})") ==
        kMeeting + ":1:1-1:1 (plugin `words` pointed at no item 7 in meeting `2018-10-17-audit`)");
  CHECK(where(R"({"meeting": "no-such"})") ==
        "site/data/site.yaml:5:14-5:24 (plugin `words` pointed at no meeting `no-such`)");
  CHECK(where(R"({"file": "content/meetings/2018/2018-10-17-audit.yaml", "line": 99})") ==
        kMeeting + ":1:1-1:1 (plugin `words` pointed at line 99 is past the end of "
                   "content/meetings/2018/2018-10-17-audit.yaml)");
  CHECK(where("null") == "site/data/site.yaml:5:14-5:24");  // no `at`: the plugin's own line
}

TEST_CASE("plugin answer: a plugin's rules carry its name, so none can pass for the builder's") {
  auto a = answer(R"({"diagnostics": [
      {"severity": "error", "rule": "glossary.avoid", "message": "forged", "future_field": [1, 2]},
      {"severity": "warning", "rule": "words.long-item", "message": "kept", "suggestion": "split it"},
      {"severity": "note", "message": "no rule"}], "new_top_level_field": {}})");
  REQUIRE(a->answer);
  const auto& ds = a->answer->diagnostics;
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].rule == "words.glossary.avoid");
  CHECK(ds[0].severity == Severity::error);
  CHECK(ds[1].rule == "words.long-item");
  CHECK(ds[1].suggestion == "split it");
  CHECK(ds[2].rule == "words.finding");
  CHECK(ds[2].severity == Severity::note);
}

TEST_CASE("plugin answer: invalid JSON, or JSON of the wrong shape, is plugin.bad-json at the plugin's command") {
  struct Case {
    const char* json;
    const char* says;
  };
  for (const Case& c : {
           Case{"{\"files\": [}", "answered with invalid JSON at byte 11 (line 1, column 12): expected a JSON value, found `}`"},
           Case{"Counting words...\n{}", "invalid JSON at byte 0 (line 1, column 1): expected a JSON value, found `C`"},
           Case{"", "invalid JSON at byte 0 (line 1, column 1): expected a JSON value, found the end of the text"},
           Case{"[]", "answered with JSON that is a list: the answer must be an object"},
           Case{R"({"diagnostics": {}})", "answered with `diagnostics` as an object: it must be a list"},
           Case{R"({"diagnostics": [{"severity": "fatal", "message": "m"}]})",
                "answered with diagnostics[0].severity \"fatal\": it must be \"error\", \"warning\" or \"note\""},
           Case{R"({"diagnostics": [{"severity": "error"}]})", "diagnostics[0].message missing: it must be text"},
           Case{R"({"diagnostics": [{"severity": "error", "message": "m", "rule": "Bad Rule"}]})",
                "diagnostics[0].rule \"Bad Rule\": a rule is lower-case words"},
           Case{R"({"files": [{"path": "a.txt", "content": 3}]})", "files[0].content as a number: it must be text"},
       }) {
    CAPTURE(c.json);
    auto a = answer(c.json);
    INFO(a->text());
    CHECK(!a->answer);
    REQUIRE(a->diags.all().size() == 1);
    const Diagnostic& d = a->diags.all()[0];
    CHECK(d.rule == "plugin.bad-json");
    CHECK(d.message.find(c.says) != std::string::npos);
    CHECK(position(a->site, d) == "site/data/site.yaml:5:14");
    // The note fits the fault: stray output for JSON that does not parse, the answer's fields otherwise.
    bool parses = c.json[0] == '[' || (c.json[0] == '{' && std::string(c.json).find("[}") == std::string::npos);
    CHECK(d.suggestion.find(parses ? "none of this answer is used" : "standard output must hold the JSON answer") == 0);
  }
  CHECK(answer("{}")->answer);  // nothing to say is a fine answer
}

TEST_CASE("plugin answer: files are returned at their paths") {
  auto a = answer(R"({"files": [{"path": "stats/words.csv", "content": "a,b\n"}, {"path": "x.txt", "content": ""}]})");
  REQUIRE(a->answer);
  REQUIRE(a->answer->files.size() == 2);
  CHECK(a->answer->files[0].path == "stats/words.csv");
  CHECK(a->answer->files[0].bytes == "a,b\n");
  CHECK(a->answer->files[0].plugin == "words");
}

TEST_CASE("plugin answer: a path outside the output, or one the build writes, is plugin.bad-path and no file is kept") {
  for (const char* path : {"../x", "/etc/x", "a/../../x", "a\\b", "a//b", "a/", "", "./a", "C:/x", "~/x",
                           "index.html", "meetings", "index.html/x", "CNAME", ".well-known/security.txt",
                           ".reportsite-output"}) {
    CAPTURE(path);
    auto a = answer(std::string(R"({"files": [{"path": "ok.txt", "content": "x"}, {"path": )") + write_json(Json(path)) +
                        R"(, "content": "x"}]})",
                    {"index.html", "meetings/m/index.html"});
    INFO(a->text());
    REQUIRE(a->answer);
    CHECK(a->answer->files.empty());
    REQUIRE(a->diags.all().size() == 1);
    CHECK(a->diags.all()[0].rule == "plugin.bad-path");
    CHECK(a->diags.all()[0].message.find("plugin `words` asked to write `" + std::string(path) + "`, which ") == 0);
  }
}

TEST_CASE("plugin paths: each reason is named, and a path one plugin wrote is another's no more") {
  PluginPaths p({"index.html", "meetings/m/index.html"}, {"CNAME", ".git/"});
  CHECK(p.problem("../x") == "leads out of the output folder (`..`)");
  CHECK(p.problem("/etc/x").rfind("is not a path inside the output folder", 0) == 0);
  CHECK(p.problem("a\\b") == "has a `\\`: separate folders with `/`");
  CHECK(p.problem("a//b") == "has an empty folder name (`//`, or a `/` at the end)");
  CHECK(p.problem("index.html") == "is already written by the build");
  CHECK(p.problem("meetings/m") == "is a folder the build writes files into");
  CHECK(p.problem("index.html/x") == "would be inside `index.html`, a file written by the build");
  CHECK(p.problem(".git/config") == "is kept in the output folder (`keep:` in data/site.yaml)");
  CHECK(p.problem("meetings/m/words.txt") == "");
  CHECK(p.problem("stats/words.csv") == "");
  p.claim("stats/words.csv", "plugin `a`");
  CHECK(p.problem("stats/words.csv") == "is already written by plugin `a`");
  auto a = answer(R"({"files": [{"path": "a.txt", "content": "1"}, {"path": "a.txt", "content": "2"}]})");
  REQUIRE(a->answer);
  CHECK(a->answer->files.empty());
  CHECK(a->diags.all().at(0).message == "plugin `words` asked to write `a.txt`, which it gives twice");
}

}  // namespace
}  // namespace rs
