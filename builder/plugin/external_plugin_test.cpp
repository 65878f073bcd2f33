// Plugins as real commands: the handshake, the document on standard input,
// and each way a plugin can fail.
#include "plugin/external_plugin.h"

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
