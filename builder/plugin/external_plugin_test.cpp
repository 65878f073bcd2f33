// Plugins as real commands: the handshake, the document on standard input,
// and each way a plugin can fail.
#include "reportsite/plugin/external_plugin.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "site_fixture.h"

namespace rs {
namespace {

/// A folder of small shell scripts, removed afterwards.
struct Scripts {
  std::string dir;
  Scripts() {
    char tmpl[] = "/tmp/rs-plugin-test-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~Scripts() { std::filesystem::remove_all(dir); }
  /// Writes an executable script `name`; `supports` is its answer to `supports 1`.
  void add(const std::string& name, const std::string& body, const std::string& supports = "exit 0") {
    std::ofstream(dir + "/" + name) << "#!/bin/sh\nif [ \"$1\" = supports ]; then " << supports << "; fi\n" << body;
    ::chmod((dir + "/" + name).c_str(), 0755);
  }
  std::string read(const std::string& name) const {
    std::ifstream in(dir + "/" + name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

struct Run {
  BuildResult site;
  Diagnostics diags;
  std::vector<PluginFile> files;
  std::vector<PluginPage> pages;
  size_t ran = 0;
  std::string text() const {
    std::string out;
    for (const auto& d : diags.all()) out += format_text(d, site.model.sources);
    return out;
  }
};

/// Runs the plugins listed (YAML of `plugins:`) over a small site with an exempt item.
std::unique_ptr<Run> run(const Scripts& s, const std::string& plugins, const std::string& command = "build") {
  auto r = std::make_unique<Run>();
  r->site = fixture::resolve_txtar(fixture::kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\nplugins:\n" +
                                   plugins +
                                   "-- content/meetings/2018/2018-10-17-audit.yaml --\ncommittee: audit\n"
                                   "date: 2018-10-17\nitems:\n  - number: \"1\"\n    title: Accounts\n"
                                   "    minutes: Public words here.\n  - number: \"9\"\n    title: Dispute\n"
                                   "    exempt: 3\n    minutes: SECRET-7f3a words.\n    resolved: SECRET-7f3a.\n");
  INFO(fixture::diagnostics_text(r->site));
  REQUIRE(r->site.errors == 0);
  PluginRunOptions o;
  o.site_dir = s.dir;
  o.builder_version = "9.8.7";
  o.output_paths = {"index.html"};
  o.command = command;
  PluginRun ran = run_external_plugins(r->site.model, r->site.site, o, r->diags);
  r->files = std::move(ran.files);
  r->pages = std::move(ran.pages);
  r->ran = ran.ran;
  return r;
}

const std::string kAnswer =
    R"({"diagnostics": [{"severity": "warning", "rule": "few-words", "message": "only 3 words",)"
    R"( "at": {"meeting": "2018-10-17-audit", "item": "1", "field": "minutes"}}],)"
    R"( "files": [{"path": "stats/words.txt", "content": "3\n"}]})";

TEST_CASE("external plugin: the document goes in on standard input, findings and files come back") {
  Scripts s;
  s.add("good", "cat > received.json\nprintf '%s' '" + kAnswer + "'\n");
  auto r = run(s, "  - name: words\n    command: ./good\n");
  INFO(r->text());
  REQUIRE(r->files.size() == 1);
  CHECK(r->files[0].path == "stats/words.txt");
  CHECK(r->files[0].bytes == "3\n");
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->text().rfind("site/content/meetings/2018/2018-10-17-audit.yaml:6:14: warning: only 3 words "
                        "[words.few-words]\n", 0) == 0);
  std::string received = s.read("received.json");
  CHECK(received.rfind(R"({"reportsite":{"version":"9.8.7","protocol":1,"command":"build"},)", 0) == 0);
  CHECK(received.find("Public words here.") != std::string::npos);
  CHECK(received.find("SECRET") == std::string::npos);  // exempt text is never sent
}

TEST_CASE("external plugin: a plugin for another protocol is refused after the handshake, before any document") {
  Scripts s;
  s.add("old", "cat > received.json\necho '{}'\n", "echo 'this plugin speaks protocol 0' >&2; exit 1");
  auto r = run(s, "  - name: old\n    command: ./old\n");
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->diags.all()[0].rule == "plugin.unsupported-version");
  CHECK(r->text() ==
        "site/data/site.yaml:5:14: error: plugin `old` does not support protocol 1 of reportsite 9.8.7 "
        "(`supports 1` exited with status 1) [plugin.unsupported-version]\n"
        "      command: ./old\n"
        "               ^~~~~\n"
        "  note: its standard error ended: this plugin speaks protocol 0\n");
  CHECK(s.read("received.json").empty());
}

TEST_CASE("external plugin: a crash is plugin.failed with the status and the end of standard error") {
  Scripts s;
  s.add("crash", "cat >/dev/null\necho 'Traceback (most recent call last):' >&2\necho 'KeyError: x' >&2\nexit 3\n");
  s.add("segv", "kill -SEGV $$\n");
  auto r = run(s, "  - name: crash\n    command: ./crash\n  - name: segv\n    command: ./segv\n"
                  "  - name: missing\n    command: ./no-such-plugin\n");
  INFO(r->text());
  CHECK(r->files.empty());
  REQUIRE(r->diags.all().size() == 3);
  CHECK(r->diags.all()[0].message == "plugin `crash` failed: it exited with status 3");
  CHECK(r->diags.all()[0].suggestion == "its standard error ended: Traceback (most recent call last):|KeyError: x");
  CHECK(r->diags.all()[1].message == "plugin `segv` was killed by signal 11 (Segmentation fault)");
  CHECK(r->diags.all()[2].message ==
        "plugin `missing` could not be run (when asked `supports 1`) (exit status 127: command not found)");
  for (const auto& d : r->diags.all()) CHECK(d.rule == "plugin.failed");
}

TEST_CASE("external plugin: one that runs past its time limit is stopped") {
  Scripts s;
  s.add("hang", "sleep 1000\n");
  auto start = std::chrono::steady_clock::now();
  auto r = run(s, "  - name: hang\n    command: ./hang\n    timeout: 1\n");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->diags.all()[0].rule == "plugin.timeout");
  CHECK(r->diags.all()[0].message == "plugin `hang` ran longer than 1 s and was stopped");
}

TEST_CASE("external plugin: invalid JSON is plugin.bad-json; a bad path is plugin.bad-path; neither gives files") {
  Scripts s;
  s.add("chatty", "cat >/dev/null\necho 'Counting words...'\necho '{}'\n");
  s.add("escape", "cat >/dev/null\nprintf '%s' '{\"files\": [{\"path\": \"ok.txt\", \"content\": \"x\"}, "
                  "{\"path\": \"../x\", \"content\": \"x\"}, {\"path\": \"/etc/x\", \"content\": \"x\"}]}'\n");
  s.add("fine", "cat >/dev/null\nprintf '%s' '{\"files\": [{\"path\": \"fine.txt\", \"content\": \"x\"}]}'\n");
  auto r = run(s, "  - name: chatty\n    command: ./chatty\n  - name: escape\n    command: ./escape\n"
                  "  - name: fine\n    command: ./fine\n");
  INFO(r->text());
  REQUIRE(r->diags.all().size() == 3);
  CHECK(r->diags.all()[0].rule == "plugin.bad-json");
  CHECK(r->diags.all()[0].message ==
        "plugin `chatty` answered with invalid JSON at byte 0 (line 1, column 1): expected a JSON value, found `C`");
  CHECK(r->diags.all()[1].message == "plugin `escape` asked to write `../x`, which leads out of the output folder (`..`)");
  CHECK(r->diags.all()[2].rule == "plugin.bad-path");
  // The plugins that failed give nothing; the one that did not still runs and gives its file.
  REQUIRE(r->files.size() == 1);
  CHECK(r->files[0].path == "fine.txt");
}

TEST_CASE("external plugin: a plugin that exits without reading the document is judged by its answer") {
  Scripts s;
  s.add("lazy", "echo '{}'\n");
  auto r = run(s, "  - name: lazy\n    command: ./lazy\n");
  CHECK(r->diags.all().empty());
}

}  // namespace
}  // namespace rs

// ---- issue 21: what a plugin author relies on

namespace rs {
namespace {

/// A site with a discussion, attendance, an update and a report, for `at`s that point into them.
std::unique_ptr<Run> run_rich(const Scripts& s, const std::string& plugins, const std::string& minutes,
                              const std::string& command = "build") {
  auto r = std::make_unique<Run>();
  r->site = fixture::resolve_txtar(
      fixture::kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\nas_of: 2019-12-01\nplugins:\n" + plugins +
      "-- content/meetings/2018/2018-10-17-audit.yaml --\n"
      "committee: audit\n"
      "date: 2018-10-17\n"
      "attendance:\n"
      "  members: [Cllr Able, Cllr Baker]\n"
      "items:\n"
      "  - number: \"1\"\n"
      "    title: Accounts\n"
      "    minutes: " + minutes + "\n"
      "    discussion:\n"
      "      - asked_by: Cllr Able\n"
      "        question: Were the accounts late?\n"
      "        answered_by: The Treasurer\n"
      "        answer: They were filed on time.\n"
      "    undertakings:\n"
      "      - {id: send-figures, text: Send the figures., owner: The Treasurer, due: 2019-01-31}\n"
      "-- content/actions/audit.yaml --\n"
      "- undertaking: send-figures\n"
      "  date: 2018-11-01\n"
      "  status: in-progress\n"
      "  note: Figures being gathered.\n");
  INFO(fixture::diagnostics_text(r->site));
  REQUIRE(r->site.errors == 0);
  PluginRunOptions o;
  o.site_dir = s.dir;
  o.builder_version = "9.8.7";
  o.command = command;
  PluginRun ran = run_external_plugins(r->site.model, r->site.site, o, r->diags);
  r->files = std::move(ran.files);
  r->pages = std::move(ran.pages);
  r->ran = ran.ran;
  return r;
}

/// A script that saves its document and answers `answer`.
std::string answering(const std::string& answer) { return "cat > received.json\nprintf '%s' '" + answer + "'\n"; }

TEST_CASE("external plugin: options: and when: reach the plugin; the document names the command") {
  Scripts s;
  s.add("opt", answering("{}"));
  const std::string config = "  - name: opt\n    command: ./opt\n    when: check\n"
                             "    options:\n      max_words: 400\n      label: \"007\"\n      strict: true\n"
                             "      skip: [audit, scrutiny]\n";
  // `when: check`: a build does not run it at all.
  auto built = run_rich(s, config, "Public words here.", "build");
  CHECK(built->ran == 0);
  CHECK(s.read("received.json").empty());
  auto checked = run_rich(s, config, "Public words here.", "check");
  CHECK(checked->ran == 1);
  std::string received = s.read("received.json");
  CHECK(received.find(R"("reportsite":{"version":"9.8.7","protocol":1,"command":"check"})") != std::string::npos);
  // Plain numbers and booleans as such, quoted text as text, lists as lists.
  CHECK(received.find(R"("plugin":{"name":"opt","options":{"max_words":400,"label":"007","strict":true,)"
                      R"("skip":["audit","scrutiny"]}})") != std::string::npos);
}

TEST_CASE("external plugin: a bad when: or options: is a load error at its line") {
  auto r = fixture::resolve_txtar(fixture::kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\nplugins:\n"
                                  "  - command: ./x\n    when: always\n  - command: ./y\n    options: [1, 2]\n"
                                  "  - command: ./glossary.py\n");
  std::string text = fixture::diagnostics_text(r);
  INFO(text);
  CHECK(text.find("site/data/site.yaml:5:11: error: when must be `both`, `build` or `check`, not `always`") !=
        std::string::npos);
  CHECK(text.find("site/data/site.yaml:7:14: error: a plugin's options must be a mapping of its own settings") !=
        std::string::npos);
  // Named after a rule area of the builder's own, its findings and markers would be taken for the builder's.
  CHECK(text.find("site/data/site.yaml:8:14: error: a plugin may not be named `glossary`: its rules would pass for the "
                  "builder's own") != std::string::npos);
  // Every area the builder reports under, markdown.* and import.* too.
  for (const char* area : {"markdown", "import", "page", "load"}) {
    CAPTURE(area);
    auto named = fixture::resolve_txtar(fixture::kMinimalSite + "-- data/site.yaml --\ntitle: T\norganisation: O\n"
                                        "plugins:\n  - command: ./x\n    name: " + std::string(area) + "\n");
    CHECK(fixture::diagnostics_text(named).find("a plugin may not be named `" + std::string(area) + "`") !=
          std::string::npos);
  }
}

TEST_CASE("external plugin: the glossary and the action points are in the document") {
  Scripts s;
  s.add("doc", answering("{}"));
  auto r = run_rich(s, "  - name: doc\n    command: ./doc\n", "Public words here.");
  std::string received = s.read("received.json");
  CHECK(received.find(R"("actions":[{"index":0,"file":"content/actions/audit.yaml","undertaking":"send-figures",)"
                      R"("date":"2018-11-01","status":"in-progress","note":"Figures being gathered.","meeting":""}])") !=
        std::string::npos);
  CHECK(received.find(R"("updates":[{"date":"2018-11-01","status":"in-progress","note":"Figures being gathered.",)"
                      R"("meeting":"","file":"content/actions/audit.yaml","action":0}])") != std::string::npos);
  CHECK(received.find(R"("glossary":[)") != std::string::npos);
}

TEST_CASE("external plugin: a finding at an answer's words, attendance, an update's note, with a replacement") {
  Scripts s;
  s.add("at", answering(
                  R"({"diagnostics": [)"
                  R"({"severity": "warning", "rule": "tense", "message": "say when", "replacement": "were filed on 3 May",)"
                  R"( "at": {"meeting": "2018-10-17-audit", "item": "1", "discussion": 0, "field": "answer", "start": 5, "end": 24}},)"
                  R"({"severity": "note", "rule": "name", "message": "who", "at": {"meeting": "2018-10-17-audit", "attendance": "members", "index": 1}},)"
                  R"({"severity": "note", "rule": "note", "message": "which figures", "at": {"undertaking": "send-figures", "update": 0, "field": "note", "start": 0, "end": 7}},)"
                  R"({"severity": "note", "rule": "gone", "message": "nothing", "at": {"meeting": "2018-10-17-audit", "item": "1", "discussion": 4, "field": "answer"}})"
                  R"(]})"));
  auto r = run_rich(s, "  - name: at\n    command: ./at\n", "Public words here.");
  INFO(r->text());
  REQUIRE(r->diags.all().size() == 4);
  // "They were filed on time.": characters 5 to 24 are "were filed on time.", at column 22 of line 13.
  CHECK(r->text().find("site/content/meetings/2018/2018-10-17-audit.yaml:13:22: warning: say when [at.tense]\n") !=
        std::string::npos);
  CHECK(r->diags.all()[0].span.end - r->diags.all()[0].span.begin == 19);  // the caret runs under those 19 characters
  CHECK(r->diags.all()[0].replacement == "were filed on 3 May");
  CHECK(r->text().find("2018-10-17-audit.yaml:4:24: note: who [at.name]") != std::string::npos);
  CHECK(r->text().find("site/content/actions/audit.yaml:4:9: note: which figures [at.note]") != std::string::npos);
  CHECK(r->text().find("nothing (plugin `at` pointed at no discussion entry 4 (there are 1)) [at.gone]") !=
        std::string::npos);
}

TEST_CASE("external plugin: allow markers silence plugin findings, are not sent, and an unused one is reported") {
  Scripts s;
  // Finds "short" in the minutes as sent: the marker is stripped, so "short" is at character 10.
  s.add("words", answering(R"({"diagnostics": [{"severity": "warning", "rule": "short", "message": "short minutes",)"
                           R"( "at": {"meeting": "2018-10-17-audit", "item": "1", "field": "minutes", "start": 10, "end": 15}}]})"));
  auto silenced = run_rich(s, "  - name: words\n    command: ./words\n",
                           "\"Very <!-- allow words.short: it is a test --> very short.\"");
  INFO(silenced->text());
  CHECK(silenced->diags.all().empty());
  std::string received = s.read("received.json");
  CHECK(received.find(R"("minutes":"Very very short.")") != std::string::npos);
  CHECK(received.find("allow") == std::string::npos);

  // The same marker for another of the plugin's rules silences nothing: said, and the finding stays.
  auto unused = run_rich(s, "  - name: words\n    command: ./words\n",
                         "\"Very <!-- allow words.long: it is a test --> very short.\"");
  INFO(unused->text());
  REQUIRE(unused->diags.all().size() == 2);
  CHECK(unused->text().find("warning: short minutes [words.short]") != std::string::npos);
  CHECK(unused->text().find("`<!-- allow words.long: ... -->` silences nothing: no `words.long` finding follows it in "
                            "this paragraph, so remove it [suppress.unused]") != std::string::npos);
}

TEST_CASE("external plugin: a page comes back as title and Markdown; an HTML file is refused") {
  Scripts s;
  s.add("pages", answering(R"({"pages": [{"path": "stats/words", "title": "Word counts", "body": "# Counts\n\nSeven."}]})"));
  s.add("html", answering(R"({"files": [{"path": "stats/raw.HTML", "content": "<p>x</p>"}]})"));
  auto r = run(s, "  - name: pages\n    command: ./pages\n  - name: html\n    command: ./html\n");
  INFO(r->text());
  REQUIRE(r->pages.size() == 1);
  CHECK(r->pages[0].path == "stats/words");
  CHECK(r->pages[0].title == "Word counts");
  CHECK(r->files.empty());
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->diags.all()[0].rule == "plugin.bad-path");
  CHECK(r->diags.all()[0].message ==
        "plugin `html` asked to write `stats/raw.HTML`, which is a web page: answer it under `pages` (a title and "
        "Markdown), so it is drawn with the theme and checked like the site's own pages");
}

}  // namespace
}  // namespace rs
