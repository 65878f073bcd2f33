// Loaders for the files under data/: site settings, committees, people, glossary.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "reportsite/core/strings.h"
#include "reportsite/load/input_format.h"
#include "reportsite/load/load_site.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

namespace {

/// A `keep:` entry names a file or folder (`.well-known/`) inside the output,
/// written relative to it: the writer must never be told to spare anything else.
bool keep_path_ok(YamlReader& r, const Located<std::string>& v, const std::vector<Located<std::string>>& seen) {
  const std::string& p = v.value;
  auto bad = [&](const std::string& why, std::string suggestion = {}) {
    r.error("load.bad-value", v.span, "keep entry `" + p + "` " + why, std::move(suggestion));
    return false;
  };
  if (p.empty()) {
    r.error("load.bad-value", v.span, "a keep entry is empty", "name a file such as CNAME, or a folder such as .well-known/");
    return false;
  }
  // A folder is kept with its trailing '/'; the rest is the rule every output path follows.
  const OutputPathFault fault =
      output_path_fault(p.back() == '/' ? std::string_view(p).substr(0, p.size() - 1) : std::string_view(p));
  if (fault == OutputPathFault::absolute)
    return bad("is not a path inside the output folder", "write it relative to the output folder, e.g. CNAME");
  if (fault == OutputPathFault::backslash) return bad("has a `\\`", "separate folders with `/`");
  if (p.find_first_of("*?[") != std::string::npos)
    return bad("has a pattern character: patterns are not supported", "list each file or folder by its name");
  switch (fault) {
    case OutputPathFault::none:
    case OutputPathFault::absolute:
    case OutputPathFault::backslash: break;
    case OutputPathFault::empty:
    case OutputPathFault::empty_folder: return bad("has an empty folder name (`//`)");
    case OutputPathFault::control_character: return bad("has a control character");
    case OutputPathFault::dot_dot: return bad("leads out of the output folder (`..`)", "name a file or folder inside it");
    case OutputPathFault::dot: return bad("has a `.` folder", "leave out the `./`");
  }
  for (const auto& s : seen)
    if (s.value == p) {
      r.warning("load.duplicate-key", v.span, "keep entry `" + p + "` is given twice");
      return false;
    }
  return true;
}

/// A plugin's name when `name:` is not given (the format's example gives only
/// `command:`): its script's file name, as an id. "./plugins/decision-check"
/// gives decision-check; "python3 plugins/word_count.py" gives word-count.
std::string name_from_command(std::string_view command) {
  std::string_view script;
  for (size_t i = 0; i < command.size();) {
    while (i < command.size() && command[i] == ' ') ++i;
    size_t end = command.find(' ', i);
    if (end == std::string_view::npos) end = command.size();
    std::string_view word = command.substr(i, end - i);
    if (!word.empty() && (script.empty() || word.find('/') != std::string_view::npos || word.find('.') != std::string_view::npos))
      script = word;
    if (word.find('/') != std::string_view::npos) break;
    i = end;
  }
  if (size_t slash = script.rfind('/'); slash != std::string_view::npos) script.remove_prefix(slash + 1);
  if (size_t dot = script.find('.'); dot != std::string_view::npos && dot > 0) script = script.substr(0, dot);
  std::string id;
  for (char c : script) {
    char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (keep) id += l;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

/// A plugin's `options:` as JSON, written as the YAML gives it: quoted text
/// stays text; a plain `true`, `false`, `null` or number becomes one.
std::string yaml_as_json(const YAML::Node& n) {
  if (!n || n.IsNull()) return "null";
  if (n.IsMap()) {
    std::string out = "{";
    for (auto it = n.begin(); it != n.end(); ++it)
      out += (out.size() > 1 ? "," : "") + json_quote(it->first.Scalar()) + ":" + yaml_as_json(it->second);
    return out + "}";
  }
  if (n.IsSequence()) {
    std::string out = "[";
    for (size_t i = 0; i < n.size(); ++i) out += (i ? "," : "") + yaml_as_json(n[i]);
    return out + "]";
  }
  const std::string& v = n.Scalar();
  if (n.Tag() != "!") {  // plain, not quoted
    if (v == "true" || v == "false") return v;
    if (v == "null" || v == "~") return "null";
    char* end = nullptr;
    if (!v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-')) {
      std::strtod(v.c_str(), &end);
      if (end && *end == '\0' && v.find_first_of("xX") == std::string::npos && v != "-") return v;
    }
  }
  return json_quote(v);
}

/// One `plugins:` entry: {command, and optionally name and timeout}. The name
/// prefixes the plugin's rule ids, so two plugins may not share one.
std::optional<ExternalPlugin> plugin_entry(YamlReader& r, const YAML::Node& node,
                                           const std::vector<ExternalPlugin>& seen) {
  Fields f(r, node, input::plugin_object().keys(), "a plugin");
  if (!f.ok()) return std::nullopt;
  ExternalPlugin p;
  bool ok = true;
  if (auto command = r.string(f.require("command"), "command")) {
    if (trim(command->value).empty()) {
      r.error("load.bad-value", command->span, "a plugin's command is empty", "write the command that runs it, e.g. python3 plugins/check.py");
      ok = false;
    }
    p.command = *command;
  } else {
    ok = false;
  }
  if (f.given("name")) {
    if (auto name = r.id(f.require("name"), "plugin name")) p.name = *name;
    else ok = false;
  } else if (ok) {
    p.name = {name_from_command(p.command.value), p.command.span};
    if (p.name.value.empty()) {
      r.error("load.bad-value", p.command.span, "cannot make a plugin name from this command",
              "add `name:` (an id such as decision-check): it begins the rule id of every finding the plugin reports");
      ok = false;
    }
  }
  if (ok && is_builder_rule_area(p.name.value)) {
    r.error("load.bad-value", p.name.span,
            "a plugin may not be named `" + p.name.value + "`: its rules would pass for the builder's own",
            "give it a `name:` of its own, such as council-" + p.name.value);
    ok = false;
  }
  if (ok)
    for (const auto& other : seen)
      if (other.name.value == p.name.value) {
        r.error("load.bad-value", p.name.span, "two plugins are named `" + p.name.value + "`",
                "give each plugin its own `name:`: it begins the rule id of every finding the plugin reports");
        ok = false;
      }
  if (auto t = r.count(f.get("timeout"), "timeout")) {
    // A limit in seconds: a plugin that hangs must not hold a build for ever.
    if (t->value < 1 || t->value > 600) {
      r.error("load.bad-value", t->span, "timeout must be between 1 and 600 seconds, not " + std::to_string(t->value));
      ok = false;
    } else {
      p.timeout_seconds = {static_cast<int>(t->value), t->span};
    }
  }
  if (auto w = r.choice(f.get("when"), "when", {"both", "build", "check"})) {
    p.when = static_cast<ExternalPlugin::When>(*w);
    p.when_span = r.span(f.get("when"));
  }
  if (YAML::Node o = f.get("options"); o && !o.IsNull()) {
    if (!o.IsMap()) {
      r.error("load.bad-value", r.span(o), "a plugin's options must be a mapping of its own settings",
              "write them as `key: value` lines under `options:`");
      ok = false;
    } else {
      p.options_json = yaml_as_json(o);
    }
  }
  if (!ok) return std::nullopt;
  return p;
}

}  // namespace

/// `licence:` as an identifier ("OGL-UK-3.0") or as {name, url} for one the council names itself.
void load_licence(YamlReader& r, const YAML::Node& node, Licence& licence) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (node.IsMap()) {
    Fields f(r, node, input::licence_object().keys(), "licence");
    if (!f.ok()) return;
    Text name = r.text(f.require("name"), "name");
    auto url = r.string(f.require("url"), "url");
    if (name.value.empty() || !url) return;
    if (!starts_with(url->value, "https://") && !starts_with(url->value, "http://")) {
      r.error("load.bad-value", url->span, "a licence's url must be an absolute http(s) address");
      return;
    }
    licence = {"", name.value, url->value};
    return;
  }
  auto id = r.string(node, "licence");
  if (!id) return;
  if (const Licence* known = find_licence(id->value)) {
    licence = *known;
    return;
  }
  std::string names;
  for (const auto& l : known_licences()) names += (names.empty() ? "`" : ", `") + l.id + "`";
  r.error("load.bad-value", id->span, "`" + id->value + "` is not a licence reportsite knows",
          "write one of " + names + ", or the licence's name and address as `licence: {name: ..., url: ...}`");
}

void load_settings(Model& model, FileId file, Diagnostics& diags) {
  YamlReader r(model.sources, file, diags);
  auto root = r.parse();
  if (!root) return;
  Fields f(r, *root, input::site_object().keys(), "data/site.yaml");
  if (!f.ok()) return;
  SiteSettings& s = model.site;
  s.title = r.text(f.require("title"), "title");
  s.organisation = r.text(f.require("organisation"), "organisation");
  if (auto v = r.string(f.get("language"), "language")) {
    // A BCP 47 tag such as en-GB or cy: it becomes <html lang> on every page.
    bool ok = v->value.size() >= 2 && v->value.size() <= 35;
    for (char c : v->value) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
    if (ok) s.language = *v;
    else r.error("load.bad-value", v->span, "language must be a language tag such as en-GB or cy, not `" + v->value + "`");
  }
  if (auto v = r.string(f.get("municipal_year_starts"), "municipal_year_starts")) {
    int m = 0, d = 0;
    char tail = 0;
    bool ok = v->value.size() == 5 && std::sscanf(v->value.c_str(), "%2d-%2d%c", &m, &d, &tail) == 2 && m >= 1 &&
              m <= 12 && d >= 1 && d <= 31 && parse_date("2001-" + v->value);
    if (ok) {
      s.year_start_month = m;
      s.year_start_day = d;
    } else {
      r.error("load.bad-value", v->span, "municipal_year_starts must be a day of the year as MM-DD, e.g. 05-01");
    }
  }
  if (auto v = r.id(f.get("theme"), "theme")) s.theme = *v;
  if (auto v = r.string(f.get("base_url"), "base_url")) {
    if (!starts_with(v->value, "https://") && !starts_with(v->value, "http://"))
      r.error("load.bad-value", v->span, "base_url must be an absolute http(s) address");
    else
      s.base_url = *v;
    if (!s.base_url.value.empty() && s.base_url.value.back() != '/') s.base_url.value += '/';
  }
  if (auto v = r.date(f.get("as_of"), "as_of")) s.as_of = *v;
  if (auto v = r.id(f.get("council_code"), "council_code")) s.council_code = *v;
  load_licence(r, f.get("licence"), s.licence);
  s.contact = r.text(f.get("contact"), "contact");
  for (const auto& n : r.sequence(f.get("keep"), "keep"))
    if (auto v = r.string(n, "a path to keep"))
      if (keep_path_ok(r, *v, s.keep)) s.keep.push_back(*v);
  for (const auto& n : r.sequence(f.get("plugins"), "plugins"))
    if (auto p = plugin_entry(r, n, s.plugins)) s.plugins.push_back(std::move(*p));
}

void load_committees(Model& model, FileId file, Diagnostics& diags) {
  YamlReader r(model.sources, file, diags);
  auto root = r.parse();
  if (!root) return;
  for (const auto& node : r.sequence(*root, "data/committees.yaml")) {
    Fields f(r, node, input::committee_object().keys(), "a committee");
    if (!f.ok()) continue;
    Committee c;
    auto id = r.id(f.require("id"), "committee id");
    c.name = r.text(f.require("name"), "name");
    c.description = r.text(f.get("description"), "description");
    if (!id) continue;
    c.id = *id;
    model.committees.push_back(std::move(c));
  }
}

void load_people(Model& model, FileId file, Diagnostics& diags) {
  YamlReader r(model.sources, file, diags);
  auto root = r.parse();
  if (!root) return;
  for (const auto& node : r.sequence(*root, "data/people.yaml")) {
    Fields f(r, node, input::person_object().keys(), "a person");
    if (!f.ok()) continue;
    Person p;
    auto id = r.id(f.require("id"), "person id");
    p.name = r.text(f.require("name"), "name");
    if (r.choice(f.get("role"), "role", {"member", "officer"}) == 1u) p.role = PersonRole::officer;
    if (!id) continue;
    p.id = *id;
    model.people.push_back(std::move(p));
  }
}

namespace {
std::vector<Text> text_list(YamlReader& r, const YAML::Node& node, const char* what) {
  std::vector<Text> out;
  if (node && node.IsScalar()) {
    out.push_back(r.text(node, what));
    return out;
  }
  for (const auto& n : r.sequence(node, what)) out.push_back(r.text(n, what));
  return out;
}
}  // namespace

void load_glossary(Model& model, FileId file, Diagnostics& diags) {
  YamlReader r(model.sources, file, diags);
  auto root = r.parse();
  if (!root) return;
  if (root->IsNull() || (root->IsSequence() && root->size() == 0))
    r.warning("load.glossary-empty", Span{file, 0, 0},
              "data/glossary.yaml holds no entries, so every glossary check is off: no word to avoid and no "
              "abbreviation is checked",
              "add entries (see the glossary in docs/writing-content.md), or delete the file if that is intended");
  for (const auto& node : r.sequence(*root, "data/glossary.yaml")) {
    Fields f(r, node, input::glossary_entry_object().keys(), "a glossary entry");
    if (!f.ok()) continue;
    GlossaryEntry e;
    e.span = f.map_span();
    e.term = r.text(f.get("term"), "term");
    if (auto v = r.string(f.get("abbr"), "abbr")) e.abbr = *v;
    e.avoid = text_list(r, f.get("avoid"), "avoid");
    e.reason = r.text(f.get("reason"), "reason");
    if (r.choice(f.get("severity"), "severity", {"error", "warning"}) == 0u) e.severity = Severity::error;
    if (auto v = r.boolean(f.get("case_sensitive"), "case_sensitive")) e.case_sensitive = *v;
    for (const auto& n : r.sequence(f.get("allow"), "allow"))
      if (auto v = r.string(n, "an allowed word")) e.allow.push_back(*v);
    if (f.has("examples")) {
      Fields ex(r, f.get("examples"), input::glossary_examples_object().keys(), "examples");
      if (ex.ok()) {
        e.examples.good = text_list(r, ex.get("good"), "good examples");
        e.examples.bad = text_list(r, ex.get("bad"), "bad examples");
      }
    }
    bool has_allow = f.has("allow");
    if (e.term.empty() && e.abbr.value.empty() && !has_allow) {
      r.error("load.missing-field", e.span, "a glossary entry needs `term`, `abbr` or `allow`");
      continue;
    }
    if (e.term.empty() && !e.abbr.value.empty())
      r.error("load.missing-field", e.abbr.span, "abbreviation `" + e.abbr.value + "` needs its `term` (what it stands for)");
    if (!e.avoid.empty() && e.term.empty())
      r.error("load.missing-field", e.span, "words to avoid need a `term` to use instead");
    model.glossary.push_back(std::move(e));
  }
}

}  // namespace rs
