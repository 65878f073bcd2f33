#include "plugin/plugin_answer.h"
#include "model/site_paths.h"

#include <cmath>

#include "core/strings.h"
#include "plugin/plugin_document.h"

namespace rs {

// ---- Paths ----------------------------------------------------------------

PluginPaths::PluginPaths(const std::vector<std::string>& built, const std::vector<std::string>& keep) : keep_(keep) {
  for (const auto& p : built) claim(p, "the build");
}

void PluginPaths::claim(const std::string& path, const std::string& who) {
  files_.emplace(path, who);
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
    folders_.emplace(path.substr(0, slash), who);
}

std::string PluginPaths::problem(const std::string& p) const {
  switch (output_path_fault(p)) {
    case OutputPathFault::none: break;
    case OutputPathFault::empty: return "is empty";
    case OutputPathFault::absolute:
      return "is not a path inside the output folder: write it relative to the output folder, e.g. stats/words.csv";
    case OutputPathFault::backslash: return "has a `\\`: separate folders with `/`";
    case OutputPathFault::control_character: return "has a control character";
    case OutputPathFault::empty_folder: return "has an empty folder name (`//`, or a `/` at the end)";
    case OutputPathFault::dot_dot: return "leads out of the output folder (`..`)";
    case OutputPathFault::dot: return "has a `.` folder";
  }
  if (p == ".reportsite-output") return "is the builder's own record of the files it wrote";
  if (auto it = files_.find(p); it != files_.end()) return "is already written by " + it->second;
  if (auto it = folders_.find(p); it != folders_.end()) return "is a folder " + it->second + " writes files into";
  for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1))
    if (auto it = files_.find(p.substr(0, slash)); it != files_.end())
      return "would be inside `" + it->first + "`, a file written by " + it->second;
  for (const auto& k : keep_) {
    bool folder = !k.empty() && k.back() == '/';
    if (p == k || (folder && starts_with(p, k)) || (!folder && starts_with(p, k + "/")))
      return "is kept in the output folder (`keep:` in data/site.yaml)";
  }
  return "";
}

// ---- Positions ------------------------------------------------------------

namespace {

std::optional<long long> whole(const Json* v) {
  if (!v || !v->is_number()) return std::nullopt;
  double d = v->as_number();
  if (d != std::floor(d) || d < 0 || d > 1e12) return std::nullopt;
  return static_cast<long long>(d);
}

/// The span of value characters [start, end) of `t`, as the plugin counted them
/// (Unicode code points of the value it was sent); the whole value without them.
Span text_span(const Text& t, const Json& at) {
  auto start = whole(at.find("start"));
  if (!start) return t.span;
  auto end = whole(at.find("end"));
  size_t b = utf8_prefix_bytes(t.value, static_cast<size_t>(*start));
  size_t e = end && *end > *start ? utf8_prefix_bytes(t.value, static_cast<size_t>(*end))
                                  : utf8_prefix_bytes(t.value, static_cast<size_t>(*start) + 1);
  if (b >= t.value.size()) return t.span;
  return t.span_of(b, std::max(e, b + 1));
}

/// A field's span, if `field` names one of `fields` and it was written.
struct Field {
  const char* name;
  const Text* text;
  Span span;
};
void pick(PluginTarget& t, const Json& at, const std::vector<Field>& fields, const char* what) {
  const Json* f = at.find("field");
  if (!f) return;
  std::string name = f->is_string() ? f->as_string() : write_json(*f);
  for (const auto& field : fields) {
    if (name != field.name) continue;
    Span s = field.text ? text_span(*field.text, at) : field.span;
    if (s.known()) t.span = s;
    return;
  }
  t.unresolved = std::string("no field `") + name + "` in " + what;
}

const std::string* string_of(const Json& at, const char* key) {
  const Json* v = at.find(key);
  return v && v->is_string() ? &v->as_string() : nullptr;
}

void at_file(PluginTarget& t, const std::string& file, const Json& at, const Model& m) {
  FileId id = kNoFile;
  for (FileId f = 0; f < m.sources.size() && id == kNoFile; ++f)
    if (site_relative_path(m, f) == file) id = f;
  if (id == kNoFile) {
    t.span = {};
    t.where = file;
    return;
  }
  t.span = {id, 0, 0};
  auto line = whole(at.find("line"));
  if (!line || *line < 1) return;
  std::string_view text = m.sources.line_text(id, static_cast<uint32_t>(std::min<long long>(*line, UINT32_MAX)));
  if (!text.data()) {
    t.unresolved = "line " + std::to_string(*line) + " is past the end of " + file;
    return;
  }
  size_t begin = static_cast<size_t>(text.data() - m.sources.content(id).data());
  auto column = whole(at.find("column"));
  size_t col = column && *column > 1 ? static_cast<size_t>(*column - 1) : 0;
  size_t b = utf8_prefix_bytes(text, col);
  size_t n = b < text.size() ? std::max<size_t>(utf8_sequence(text, b), 1) : 0;
  t.span = {id, static_cast<uint32_t>(begin + b), static_cast<uint32_t>(begin + b + n)};
}

}  // namespace

PluginTarget plugin_target(const Json* at_json, const Model& m, const ResolvedSite& site, Span fallback) {
  PluginTarget t;
  t.span = fallback;
  if (!at_json || !at_json->is_object()) return t;
  const Json& at = *at_json;
  auto lookup = [&](const std::map<std::string, size_t>& index, const char* key, const char* what) -> const size_t* {
    const std::string* id = string_of(at, key);
    if (!id) return nullptr;
    auto it = index.find(*id);
    if (it == index.end()) {
      t.unresolved = std::string("no ") + what + " `" + *id + "`";
      return nullptr;
    }
    return &it->second;
  };

  if (const std::string* file = string_of(at, "file")) {
    at_file(t, *file, at, m);
  } else if (at.find("meeting")) {
    const size_t* mi = lookup(site.meetings, "meeting", "meeting");
    if (!mi || *mi >= m.meetings.size()) return t;
    const Meeting& mt = m.meetings[*mi];
    t.span = {mt.file, 0, 0};
    if (const Json* number = at.find("item")) {
      std::string n = number->is_string() ? number->as_string() : write_json(*number);
      const Item* item = nullptr;
      for (const auto& it : mt.items)
        if (it.number.value == n) item = &it;
      if (!item) {
        t.unresolved = "no item " + n + " in meeting `" + mt.id + "`";
        return t;
      }
      t.span = item->span.known() ? item->span : item->number.span;
      // An exempt item's prose is not in the model, nor was it sent: only its number and title.
      std::vector<Field> fields = {{"number", nullptr, item->number.span}, {"title", &item->title, {}},
                                   {"exempt", nullptr, item->exempt_span}};
      if (!item->exempt()) {
        fields.push_back({"report_of", &item->report_of, {}});
        fields.push_back({"report", nullptr, item->report.span});
        fields.push_back({"minutes", &item->minutes, {}});
        fields.push_back({"resolved", &item->resolved, {}});
      }
      pick(t, at, fields, "an item");
    } else {
      pick(t, at, {{"committee", nullptr, mt.committee.span}, {"date", nullptr, mt.date.span},
                   {"time", &mt.time, {}}, {"venue", &mt.venue, {}}},
           "a meeting");
    }
  } else if (at.find("undertaking")) {
    const size_t* ui = lookup(site.undertaking_index, "undertaking", "undertaking");
    if (!ui || *ui >= site.undertakings.size() || !site.undertakings[*ui].undertaking) return t;
    const Undertaking& u = *site.undertakings[*ui].undertaking;
    t.span = u.span.known() ? u.span : u.id.span;
    pick(t, at, {{"id", nullptr, u.id.span}, {"text", &u.text, {}}, {"owner", &u.owner, {}},
                 {"due", nullptr, u.due.span}, {"requested_by", &u.requested_by, {}}},
         "an undertaking");
  } else if (at.find("committee")) {
    const size_t* ci = lookup(site.committees, "committee", "committee");
    if (!ci || *ci >= m.committees.size()) return t;
    const Committee& c = m.committees[*ci];
    t.span = c.id.span;
    pick(t, at, {{"id", nullptr, c.id.span}, {"name", &c.name, {}}, {"description", &c.description, {}}},
         "a committee");
  } else if (at.find("report")) {
    const size_t* ri = lookup(site.reports, "report", "report");
    if (!ri || *ri >= m.reports.size()) return t;
    const Report& r = m.reports[*ri];
    t.span = {r.file, 0, 0};
    pick(t, at, {{"series", nullptr, r.series.span}, {"title", &r.title, {}}, {"period_from", nullptr, r.period_from.span},
                 {"period_to", nullptr, r.period_to.span}, {"notes", &r.notes, {}}},
         "a report");
  } else if (at.find("page")) {
    const size_t* pi = lookup(site.pages, "page", "page");
    if (!pi || *pi >= m.pages.size()) return t;
    const Page& p = m.pages[*pi];
    t.span = {p.file, 0, 0};
    pick(t, at, {{"title", &p.title, {}}, {"body", &p.body, {}}}, "a page");
  } else if (at.find("person")) {
    const size_t* pi = lookup(site.people, "person", "person");
    if (!pi || *pi >= m.people.size()) return t;
    const Person& p = m.people[*pi];
    t.span = p.id.span;
    pick(t, at, {{"id", nullptr, p.id.span}, {"name", &p.name, {}}}, "a person");
  }
  return t;
}

// ---- The answer -----------------------------------------------------------

namespace {

/// "line 3, column 7" of byte `offset` of `text`.
std::string line_and_column(const std::string& text, size_t offset) {
  size_t line = 1, start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line, start = i + 1;
  size_t column = utf8_length(std::string_view(text).substr(start, std::min(offset, text.size()) - start)) + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// `a.b-c`: the shape of a rule id.
bool rule_shaped(const std::string& r) {
  if (r.empty() || r.size() > 100) return false;
  char prev = '.';
  for (char c : r) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && !((c == '.' || c == '-') && prev != '.' && prev != '-')) return false;
    prev = c;
  }
  return prev != '.' && prev != '-';
}

}  // namespace

std::optional<PluginAnswer> read_plugin_answer(const std::string& output, const ExternalPlugin& plugin,
                                               const Model& model, const ResolvedSite& site, PluginPaths& paths,
                                               Diagnostics& diags) {
  const std::string& name = plugin.name.value;
  const Span at_command = plugin.command.span;
  const std::string hint = "standard output must hold the JSON answer and nothing else: write messages for people to "
                           "standard error (docs/plugins.md)";
  JsonError error;
  auto doc = parse_json(output, error);
  if (!doc) {
    diags.error("plugin.bad-json", at_command,
                "plugin `" + name + "` answered with invalid JSON at byte " + std::to_string(error.offset) + " (" +
                    line_and_column(output, error.offset) + "): " + error.message,
                hint);
    return std::nullopt;
  }
  auto shape = [&](const std::string& where, const std::string& must) {
    diags.error("plugin.bad-json", at_command, "plugin `" + name + "` answered with " + where + " " + must, hint);
    return std::nullopt;
  };
  if (!doc->is_object()) return shape("JSON that is " + std::string(json_type_name(doc->type())) + ":", "the answer must be an object");

  PluginAnswer answer;
  const Json* ds = doc->find("diagnostics");
  if (ds && !ds->is_null() && !ds->is_array()) return shape("`diagnostics` as " + std::string(json_type_name(ds->type())) + ":", "it must be a list");
  if (ds && ds->is_array()) {
    for (size_t i = 0; i < ds->items().size(); ++i) {
      const Json& d = ds->items()[i];
      const std::string at = "diagnostics[" + std::to_string(i) + "]";
      if (!d.is_object()) return shape(at + " as " + json_type_name(d.type()) + ":", "each diagnostic must be an object");
      Diagnostic out;
      const Json* severity = d.find("severity");
      std::string sev = severity && severity->is_string() ? severity->as_string() : "";
      if (sev == "error") out.severity = Severity::error;
      else if (sev == "warning") out.severity = Severity::warning;
      else if (sev == "note") out.severity = Severity::note;
      else return shape(at + ".severity " + (severity ? write_json(*severity) : "missing") + ":", "it must be \"error\", \"warning\" or \"note\"");
      const Json* message = d.find("message");
      if (!message || !message->is_string() || trim(message->as_string()).empty())
        return shape(at + ".message " + (message ? write_json(*message) : "missing") + ":", "it must be text that is not empty");
      out.message = message->as_string();
      const Json* rule = d.find("rule");
      std::string r = rule && rule->is_string() ? rule->as_string() : "finding";
      if ((rule && !rule->is_string()) || !rule_shaped(r))
        return shape(at + ".rule " + write_json(*rule) + ":", "a rule is lower-case words joined by `.` or `-`, e.g. \"long-item\"");
      // A plugin's findings carry its name, so none can pass for the builder's own.
      out.rule = starts_with(r, name + ".") ? r : name + "." + r;
      if (const Json* s = d.find("suggestion"); s && s->is_string()) out.suggestion = s->as_string();
      PluginTarget target = plugin_target(d.find("at"), model, site, at_command);
      out.span = target.span;
      out.where = target.where;
      if (!target.unresolved.empty()) out.message += " (plugin `" + name + "` pointed at " + target.unresolved + ")";
      answer.diagnostics.push_back(std::move(out));
    }
  }

  const Json* fs = doc->find("files");
  if (fs && !fs->is_null() && !fs->is_array()) return shape("`files` as " + std::string(json_type_name(fs->type())) + ":", "it must be a list");
  bool bad_path = false;
  if (fs && fs->is_array()) {
    for (size_t i = 0; i < fs->items().size(); ++i) {
      const Json& f = fs->items()[i];
      const std::string at = "files[" + std::to_string(i) + "]";
      if (!f.is_object()) return shape(at + " as " + json_type_name(f.type()) + ":", "each file must be an object");
      const Json* path = f.find("path");
      const Json* content = f.find("content");
      if (!path || !path->is_string()) return shape(at + ".path " + (path ? write_json(*path) : "missing") + ":", "it must be text");
      if (!content || !content->is_string()) return shape(at + ".content " + (content ? "as " + std::string(json_type_name(content->type())) : "missing") + ":", "it must be text");
      std::string why = paths.problem(path->as_string());
      for (const auto& earlier : answer.files)
        if (why.empty() && earlier.path == path->as_string()) why = "it gives twice";
      if (!why.empty()) {
        diags.error("plugin.bad-path", at_command,
                    "plugin `" + name + "` asked to write `" + path->as_string() + "`, which " + why);
        bad_path = true;
        continue;
      }
      answer.files.push_back({name, path->as_string(), content->as_string()});
    }
  }
  if (bad_path) answer.files.clear();
  for (const auto& f : answer.files) paths.claim(f.path, "plugin `" + name + "`");
  return answer;
}

}  // namespace rs
