#include "reportsite/cli/commands.h"

#include <cstdlib>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>

#include "reportsite/core/strings.h"
#include "reportsite/import/moderngov.h"
#include "reportsite/load/input_schema.h"
#include "reportsite/pipeline/new_site.h"
#include "reportsite/pipeline/pipeline.h"
#include "reportsite/render/undertaking_table.h"
#include "reportsite/check/check.h"
#include "reportsite/cli/watch.h"
#include "reportsite/pipeline/edit_preview.h"

#ifndef REPORTSITE_VERSION
#define REPORTSITE_VERSION "dev"
#endif

namespace rs {

namespace {

/// The library reads no environment variables; the command line does, here.
BuildOptions options_from_environment() {
  BuildOptions o;
  o.version = REPORTSITE_VERSION;
  auto set = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (const char* v = set("REPORTSITE_THREADS")) {
    int n = std::atoi(v);
    if (n > 0) o.threads = static_cast<unsigned>(n);
  }
  o.timings = set("REPORTSITE_TIMINGS") != nullptr;
  if (const char* v = set("REPORTSITE_VERIFY_INPUT_KEYS")) o.verify_input_keys = std::string(v) == "1";
  if (const char* v = set("SOURCE_DATE_EPOCH")) {  // reproducible builds: https://reproducible-builds.org/specs/source-date-epoch/
    char* end = nullptr;
    long long seconds = std::strtoll(v, &end, 10);
    if (end && *end == '\0') o.source_date_epoch = seconds;
  }
  return o;
}

const char* kUsage =
    "reportsite " REPORTSITE_VERSION ": council committee records to an accessible static site\n"
    "\n"
    "Usage:\n"
    "  reportsite build [--site DIR] [--out DIR] [--as-of DATE]   check, then build; refuses to publish on errors\n"
    "  reportsite check [--site DIR] [--as-of DATE] [--format text|json|sarif] [--possible-promises]\n"
    "                                                              every check, nothing written\n"
    "  reportsite undertakings [--site DIR] [--overdue] [--owner TEXT] [--committee ID]\n"
    "                          [--as-of DATE] [--format text|csv|json] [--fail-on-overdue]\n"
    "  reportsite new meeting --committee ID --date DATE [--site DIR]\n"
    "  reportsite init DIR --organisation NAME --committee [ID=]NAME ... [--title TEXT] [--contact TEXT]\n"
    "                                                              a new council's site, ready to build\n"
    "  reportsite schema [--site DIR] [--out DIR] [--reference]   the input files' JSON Schemas, for editors\n"
    "  reportsite import moderngov --from DIR [--site DIR] [--organisation NAME] [--as-of DATE]\n"
    "                                                              saved ModernGov responses into the site\n"
    "  reportsite watch [--site DIR] [--out DIR] [--as-of DATE]   rebuild on every change\n"
    "  reportsite --help | --version\n"
    "\n"
    "Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O failure.\n";

struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // --name → value ("" for flags); the last when repeated
  std::map<std::string, std::vector<std::string>> all;  // --name → every value given, in order
};

/// "unknown committee `x` (did you mean `y`?)": a word that matched nothing, with the nearest candidate.
/// Options are shown bare (--sit), as typed.
std::string unknown(const std::string& what, const std::string& word, const std::vector<std::string>& candidates) {
  std::string hint = did_you_mean(word, candidates);
  std::string shown = starts_with(word, "--") ? word : "`" + word + "`";
  return "unknown " + what + " " + shown + (hint.empty() ? "" : " (" + hint + ")");
}

/// The same for a committee id, against the committees of the site.
std::string unknown_committee(const std::string& id, const ResolvedSite& site) {
  std::vector<std::string> ids;
  for (const auto& [known, index] : site.committees) ids.push_back(known);
  return unknown("committee", id, ids);
}

int usage_error(const std::string& message) {
  std::cerr << "reportsite: " << message << "\n\n" << kUsage;
  return 2;
}

/// Parse `args` against the options a command takes; flags take no value.
std::optional<Args> parse(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
                          const std::vector<std::string>& flags, std::string* error) {
  Args a;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (!starts_with(arg, "--")) {
      a.positional.push_back(arg);
      continue;
    }
    std::string value;
    bool inline_value = false;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      inline_value = true;
    }
    std::string name = arg.substr(2);
    bool takes_value = std::find(with_value.begin(), with_value.end(), name) != with_value.end();
    bool is_flag = std::find(flags.begin(), flags.end(), name) != flags.end();
    if (!takes_value && !is_flag) {
      std::vector<std::string> all;
      for (const auto& o : with_value) all.push_back("--" + o);
      for (const auto& o : flags) all.push_back("--" + o);
      *error = unknown("option", arg, all);
      return std::nullopt;
    }
    if (takes_value && !inline_value) {
      if (i + 1 >= args.size()) {
        *error = "option " + arg + " needs a value";
        return std::nullopt;
      }
      value = args[++i];
    }
    a.options[name] = value;
    a.all[name].push_back(value);
  }
  return a;
}


void print_diagnostics(const BuildResult& r, std::ostream& out) {
  for (const auto& d : r.diagnostics) out << format_text(d, r.model.sources);
}

std::optional<Date> as_of_option(const Args& a, std::string* error) {
  auto it = a.options.find("as-of");
  if (it == a.options.end()) return std::nullopt;
  auto d = parse_date(it->second);
  if (!d) *error = "--as-of needs a date as YYYY-MM-DD, not `" + it->second + "`";
  return d;
}

/// The options `build`, `check` and `watch` share: the environment's, then --site, --out and --as-of.
std::optional<BuildOptions> build_options(Args& a, std::string* error) {
  BuildOptions o = options_from_environment();
  if (a.options.count("site")) o.site_dir = a.options["site"];
  if (a.options.count("out")) o.out_dir = a.options["out"];
  o.as_of = as_of_option(a, error);
  if (!error->empty()) return std::nullopt;
  return o;
}

int cmd_build(const std::vector<std::string>& rest, bool write, BuildResult* result = nullptr) {
  std::string error;
  auto a = write ? parse(rest, {"site", "out", "as-of"}, {}, &error)
                 : parse(rest, {"site", "as-of", "format"}, {"possible-promises"}, &error);
  if (!a) return usage_error(error);
  if (!a->positional.empty()) return usage_error("unexpected argument `" + a->positional[0] + "`");
  std::optional<BuildOptions> given = build_options(*a, &error);
  if (!given) return usage_error(error);
  BuildOptions o = std::move(*given);
  o.write = write;
  // A review of the prose: the promise hints of the tier off by default, as notes.
  Registry registry;
  if (a->options.count("possible-promises")) {
    registry = builtin_registry();
    registry.checks.push_back(make_possible_promise_check());
    o.registry = &registry;
  }
  std::string format = a->options.count("format") ? a->options["format"] : "text";
  if (format != "text" && format != "json" && format != "sarif")
    return usage_error("--format must be text, json or sarif");

  // Progress on a terminal only: CI logs and pipes stay quiet.
  if (isatty(2) && !std::getenv("CI") && format == "text")
    o.on_stage = [](const std::string& stage) { std::cerr << "\r\033[K" << stage << "..." << std::flush; };
  RealFileSystem fs;
  auto start = std::chrono::steady_clock::now();
  BuildResult r = build_site(fs, o);
  if (o.on_stage) std::cerr << "\r\033[K" << std::flush;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (format == "json") {
    std::cout << format_json(r.diagnostics, r.model.sources);
  } else if (format == "sarif") {
    std::cout << format_sarif(r.diagnostics, r.model.sources, REPORTSITE_VERSION);
  } else if (r.up_to_date) {
    // The findings of the last build still stand: they come back as the build's own.
    print_diagnostics(r, std::cerr);
    std::string out = o.out_dir.empty() ? join_path(o.site_dir, "public") : o.out_dir;
    std::cerr << "nothing changed since the last build: " << out << "/ is up to date (" << summary_line(r.diagnostics)
              << ")\n";
  } else {
    print_diagnostics(r, std::cerr);
    std::string out = o.out_dir.empty() ? join_path(o.site_dir, "public") : o.out_dir;
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", seconds);
    if (!write)
      std::cerr << summary_line(r.diagnostics) << " in " << r.model.sources.size() << " files\n";
    else if (r.published) {
      size_t pages = 0, reused = 0, others = 0, kept = 0;
      for (const auto& f : r.files) {
        const bool page = !f.template_name.empty();
        pages += page;
        reused += page && f.reused;
        others += !page;
        kept += !page && f.reused;
      }
      // Say how much of a rebuild was new work: files parsed, pages drawn.
      std::string drawn;
      if (r.files_from_cache)
        drawn += "; " + std::to_string(r.files_read - r.files_from_cache) + " of " + std::to_string(r.files_read) +
                 " input files parsed";
      if (reused)
        drawn += "; " + std::to_string(pages - reused) + " of " + std::to_string(pages) + " pages drawn";
      if (kept)
        drawn += (reused ? ", " : "; ") + std::to_string(others - kept) + " of " + std::to_string(others) +
                 " other files made";
      if (!drawn.empty()) drawn += ", the rest unchanged";
      std::cerr << "built " << r.files.size() << " files into " << out << "/ in " << time << drawn << " ("
                << summary_line(r.diagnostics) << ")\n";
    }
    else
      std::cerr << summary_line(r.diagnostics) << ": nothing was published; " << out
                << "/ is unchanged\n";
  }
  if (result) *result = std::move(r);
  return r.exit_code;
}

/// `watch`: a build now and on every save; a save of one meeting shows its
/// page first (EditPreview), then the whole rebuild publishes the rest.
int cmd_watch(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"site", "out", "as-of"}, {}, &error);
  if (!a) return usage_error(error);
  if (!a->positional.empty()) return usage_error("unexpected argument `" + a->positional[0] + "`");
  std::optional<BuildOptions> given = build_options(*a, &error);
  if (!given) return usage_error(error);
  const BuildOptions o = std::move(*given);
  std::vector<std::string> build_args;
  for (const char* name : {"site", "out", "as-of"})
    if (a->options.count(name)) build_args.insert(build_args.end(), {std::string("--") + name, a->options[name]});
  const std::string out = o.out_dir.empty() ? join_path(o.site_dir, "public") : o.out_dir;
  Registry registry = builtin_registry();
  EditPreview preview(o, registry);
  RealFileSystem fs;
  return watch_site(o.site_dir, [&](const std::vector<std::string>& changed) {
    auto start = std::chrono::steady_clock::now();
    std::string why_not;
    if (auto page = preview.show(fs, changed, &why_not)) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "shown " << join_path(out, *page) << " in " << ms << " ms; rebuilding the rest\n";
    } else if (o.timings && !changed.empty()) {
      std::cerr << "no page shown before the rebuild: " << why_not << "\n";
    }
    BuildResult r;
    cmd_build(build_args, true, &r);
    // The kept model stays through the rebuild (one more model in memory, about
    // 400 MiB at 10,000 meetings): if the rebuild fails it is still what is
    // published, so the save that fixes the error is shown at once too.
    if (r.published) {
      preview.keep(r);
    } else if (preview.shown()) {
      preview.restore(fs);
      std::cerr << "the page shown before the rebuild holds what it held again\n";
    }
    if (!preview.ready()) preview.load(fs);  // the first build found nothing to do, so loaded nothing
  });
}

int cmd_undertakings(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"site", "owner", "committee", "as-of", "format"}, {"overdue", "fail-on-overdue"}, &error);
  if (!a) return usage_error(error);
  BuildOptions o = options_from_environment();
  if (a->options.count("site")) o.site_dir = a->options["site"];
  o.as_of = as_of_option(*a, &error);
  if (!error.empty()) return usage_error(error);
  std::string format = a->options.count("format") ? a->options["format"] : "text";
  if (format != "text" && format != "csv" && format != "json") return usage_error("--format must be text, csv or json");
  RealFileSystem fs;
  BuildResult r = load_and_resolve(fs, o);
  if (r.errors) {
    print_diagnostics(r, std::cerr);
    std::cerr << summary_line(r.diagnostics) << ": fix these before reading the register\n";
    return r.exit_code;
  }
  if (a->options.count("committee") && !r.site.committees.count(a->options["committee"]))
    return usage_error(unknown_committee(a->options["committee"], r.site));
  std::vector<UndertakingRow> rows;
  bool any_overdue = false;
  std::string owner = ascii_lower(a->options.count("owner") ? a->options["owner"] : "");
  for (const ResolvedUndertaking* p : register_order(r.site)) {  // the site's and the exports' order
    const ResolvedUndertaking& ru = *p;
    UndertakingRow row = undertaking_row(r.model, r.site, ru);
    if (a->options.count("overdue") && ru.timing != Timing::overdue) continue;
    if (!owner.empty() && ascii_lower(row.owner).find(owner) == std::string::npos &&
        ascii_lower(ru.undertaking->owner.value) != owner)
      continue;
    if (a->options.count("committee") && row.committee != a->options["committee"]) continue;
    any_overdue = any_overdue || ru.timing == Timing::overdue;
    rows.push_back(row);
  }
  if (format == "csv") {
    std::cout << to_csv(rows);
  } else if (format == "json") {
    std::cout << to_json(rows, r.site.as_of, r.model.site.licence);
  } else {
    std::cout << "Undertakings as at " << r.site.as_of.long_form() << ": " << rows.size() << "\n\n";
    std::vector<std::string> head = {"STATE", "DUE", "ID", "OWNER", "TEXT"};
    std::vector<std::vector<std::string>> table;
    for (const auto& row : rows) {
      std::string text = row.text.size() > 60 ? row.text.substr(0, 57) + "..." : row.text;
      table.push_back({row.state, row.due, row.id, row.owner, text});
    }
    std::vector<size_t> width(head.size());
    for (size_t c = 0; c < head.size(); ++c) {
      width[c] = utf8_length(head[c]);
      for (const auto& t : table) width[c] = std::max(width[c], utf8_length(t[c]));
    }
    auto line = [&](const std::vector<std::string>& cs) {
      std::string s;
      for (size_t c = 0; c < cs.size(); ++c)
        s += cs[c] + (c + 1 < cs.size() ? std::string(width[c] - utf8_length(cs[c]) + 2, ' ') : "");
      std::cout << s << "\n";
    };
    line(head);
    for (const auto& t : table) line(t);
  }
  return a->options.count("fail-on-overdue") && any_overdue ? 1 : 0;
}

int cmd_new(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"site", "committee", "date"}, {}, &error);
  if (!a) return usage_error(error);
  if (a->positional.size() != 1 || a->positional[0] != "meeting") return usage_error("usage: reportsite new meeting --committee ID --date DATE");
  if (!a->options.count("committee") || !a->options.count("date"))
    return usage_error("new meeting needs --committee ID and --date YYYY-MM-DD");
  auto date = parse_date(a->options["date"]);
  if (!date) return usage_error("--date needs a date as YYYY-MM-DD");
  std::string committee = a->options["committee"];
  std::string site = a->options.count("site") ? a->options["site"] : ".";
  RealFileSystem fs;
  BuildOptions options = options_from_environment();
  options.site_dir = site;
  BuildResult r = load_and_resolve(fs, options);
  if (!r.site.committees.count(committee)) return usage_error(unknown_committee(committee, r.site));
  std::string rel = "content/meetings/" + std::to_string(date->year) + "/" + date->iso() + "-" + committee + ".yaml";
  std::string path = join_path(site, rel);
  if (fs.exists(path)) {
    std::cerr << "reportsite: " << path << " already exists; nothing was written\n";
    return 2;
  }
  // The editor's schema, from the meeting's folder (content/meetings/<YYYY>/) to the site's schemas/.
  const std::string schema = std::string(input::kSchemaFolder) + "/meeting.schema.json";
  std::string text = input::schema_comment("../../../" + schema) + "committee: " + committee + "\ndate: " + date->iso() +
                     "\ntime: \"\"               # when it began, e.g. \"19:30\"\nvenue: \"\"              # where it was held\n"
                     "status: draft            # draft until the committee approves the minutes\n"
                     "attendance:\n  members: []\n  officers: []\n  apologies: []\nitems:\n"
                     "  - number: \"1\"\n    title: Apologies for absence\n    minutes: |\n      \n"
                     "    resolved: |\n      \n";
  if (!fs.write(path, text, &error)) {
    std::cerr << "reportsite: " << error << "\n";
    return 2;
  }
  std::cout << "wrote " << path << "\n";
  if (!fs.exists(join_path(site, schema)))
    std::cout << "note: " << join_path(site, schema) << " is missing: run `reportsite schema` so an editor can check the file as you write it\n";
  return 0;
}

int cmd_schema(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"site", "out"}, {"reference"}, &error);
  if (!a) return usage_error(error);
  if (!a->positional.empty()) return usage_error("unexpected argument `" + a->positional[0] + "`");
  if (a->options.count("reference")) {
    std::cout << input::reference_markdown();
    return 0;
  }
  const std::string site = a->options.count("site") ? a->options["site"] : ".";
  const std::string out = a->options.count("out") ? a->options["out"] : join_path(site, input::kSchemaFolder);
  RealFileSystem fs;
  const auto files = input_schema_files();
  for (const auto& [name, bytes] : files)
    if (!fs.write(join_path(out, name), bytes, &error)) {
      std::cerr << "reportsite: " << error << "\n";
      return 2;
    }
  std::cout << "wrote " << files.size() << " schemas to " << out << "\n";
  return 0;
}

int cmd_init(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"title", "organisation", "committee", "contact"}, {}, &error);
  if (!a) return usage_error(error);
  if (a->positional.size() != 1) return usage_error("init needs the folder to make: reportsite init DIR --organisation NAME --committee NAME");
  NewSiteOptions o;
  o.title = a->options["title"];
  o.organisation = a->options["organisation"];
  o.contact = a->options["contact"];
  for (const auto& c : a->all["committee"]) {
    // ID=NAME gives the id; a name alone gets one made from it.
    const size_t eq = c.find('=');
    if (eq != std::string::npos && is_slug(c.substr(0, eq))) o.committees.push_back({c.substr(0, eq), c.substr(eq + 1)});
    else o.committees.push_back({"", c});
  }
  o.prepared = today_utc();
  if (std::string problem = new_site_problem(o); !problem.empty()) return usage_error("init: " + problem);
  RealFileSystem fs;
  const std::string& dir = a->positional[0];
  const auto files = new_site_files(o);
  if (!write_new_site(fs, dir, files, &error)) {
    std::cerr << "reportsite: " << error << "\n";
    return 2;
  }
  std::cout << "wrote a new site of " << files.size() << " files in " << dir << "; " << join_path(dir, "README.md")
            << " says what to do next\n";
  return 0;
}

int cmd_import(const std::vector<std::string>& rest) {
  std::string error;
  auto a = parse(rest, {"from", "site", "organisation", "as-of"}, {}, &error);
  if (!a) return usage_error(error);
  if (a->positional.size() != 1 || a->positional[0] != "moderngov")
    return usage_error("usage: reportsite import moderngov --from DIR [--site DIR]");
  if (!a->options.count("from")) return usage_error("import moderngov needs --from DIR, the folder of saved responses");
  moderngov::ImportOptions o;
  o.from_dir = a->options["from"];
  if (a->options.count("site")) o.site_dir = a->options["site"];
  o.organisation = a->options["organisation"];
  auto as_of = as_of_option(*a, &error);
  if (!error.empty()) return usage_error(error);
  o.as_of = as_of ? *as_of : today_utc();
  RealFileSystem fs;
  moderngov::ImportResult r = moderngov::import_moderngov(fs, o);
  if (r.exit_code == 2) {
    std::cerr << r.error;
    return 2;
  }
  std::cout << r.report << "\n";
  std::cout << "imported into " << o.site_dir << ": " << r.written << " meeting files written, " << r.unchanged
            << " unchanged, " << r.left_alone << " left alone, " << r.skipped << " meetings skipped; this report is in "
            << join_path(o.site_dir, moderngov::kReportFile) << "\n";
  return r.exit_code;
}

}  // namespace

int run_command_line(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("no command given");
  const std::string& cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "reportsite " << REPORTSITE_VERSION << "\n";
    return 0;
  }
  for (const auto& a : rest)
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    }
  if (cmd == "build") return cmd_build(rest, true);
  if (cmd == "check") return cmd_build(rest, false);
  if (cmd == "undertakings") return cmd_undertakings(rest);
  if (cmd == "new") return cmd_new(rest);
  if (cmd == "schema") return cmd_schema(rest);
  if (cmd == "init") return cmd_init(rest);
  if (cmd == "import") return cmd_import(rest);
  if (cmd == "watch") return cmd_watch(rest);
  return usage_error(unknown("command", cmd, {"build", "check", "undertakings", "new", "watch", "init", "schema", "import"}));
}

}  // namespace rs
