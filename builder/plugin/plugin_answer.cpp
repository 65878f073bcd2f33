#include "reportsite/plugin/plugin_answer.h"
#include "reportsite/model/site_paths.h"

#include <cctype>
#include <cmath>

#include "reportsite/core/strings.h"
#include "reportsite/model/markers.h"
#include "reportsite/plugin/plugin_document.h"

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

bool is_html_path(const std::string& path) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "html" || ext == "htm" || ext == "xhtml";
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
/// (Unicode code points of the value it was sent, allow markers stripped); the
/// whole value without them. `begin` is set to the value byte it starts at.
Span text_span(const Text& t, const Json& at, size_t& begin) {
  begin = 0;
  auto start = whole(at.find("start"));
  if (!start) {
    // The whole field starts after any markers that lead it, so one there silences it.
    if (t.value.find("<!--") != std::string::npos) {
      std::vector<ByteRange> kept;
      strip_markers(t.value, &kept);
      begin = kept.empty() ? t.value.size() : kept.front().begin;
    }
    return t.span;
  }
  auto end = whole(at.find("end"));
  std::vector<ByteRange> kept;
  const std::string sent = strip_markers(t.value, &kept);
  size_t b = utf8_prefix_bytes(sent, static_cast<size_t>(*start));
  size_t e = end && *end > *start ? utf8_prefix_bytes(sent, static_cast<size_t>(*end))
                                  : utf8_prefix_bytes(sent, static_cast<size_t>(*start) + 1);
  if (b >= sent.size()) return t.span;
  e = std::max(e, b + 1);
  size_t ob = unstripped_offset(kept, b), oe = unstripped_offset(kept, e - 1) + 1;
  begin = ob;
  return t.span_of(ob, std::max(oe, ob + 1));
}

/// A field's span, if `field` names one of `fields` and it was written.
struct Field {
  const char* name;
  const Text* text;
  Span span;
};
Span located(const std::optional<Located<long long>>& v) { return v ? v->span : Span{}; }
Span located(const std::optional<Located<double>>& v) { return v ? v->span : Span{}; }

void pick(PluginTarget& t, const Json& at, const std::vector<Field>& fields, const char* what) {
  const Json* f = at.find("field");
  if (!f) return;
  std::string name = f->is_string() ? f->as_string() : write_json(*f);
  for (const auto& field : fields) {
    if (name != field.name) continue;
    size_t begin = 0;
    Span s = field.text ? text_span(*field.text, at, begin) : field.span;
    if (s.known()) t.span = s;
    if (field.text && field.text->span.known()) t.text = field.text, t.begin = begin;
    return;
  }
  t.unresolved = std::string("no field `") + name + "` in " + what;
}

/// `at[key]` as an index into a list of `size` (0-based); says what is missing.
std::optional<size_t> index_of(PluginTarget& t, const Json& at, const char* key, size_t size, const std::string& what) {
  auto n = whole(at.find(key));
  if (!n) {
    t.unresolved = std::string("`") + key + "` that is not a whole number from 0";
    return std::nullopt;
  }
  if (static_cast<size_t>(*n) >= size) {
    t.unresolved = "no " + what + " " + std::to_string(*n) + " (there are " + std::to_string(size) + ")";
    return std::nullopt;
  }
  return static_cast<size_t>(*n);
}

void pick_update(PluginTarget& t, const Json& at, const ActionUpdate& a) {
  t.span = a.span.known() ? a.span : a.date.span;
  pick(t, at, {{"date", nullptr, a.date.span}, {"status", nullptr, a.status.span}, {"note", &a.note, {}},
               {"meeting", nullptr, a.meeting.span}, {"undertaking", nullptr, a.undertaking.span}},
       "an update");
}

void pick_figure(PluginTarget& t, const Json& at, const Figure& f, const char* what) {
  t.span = f.label.span.known() ? f.label.span : t.span;
  pick(t, at, {{"label", &f.label, {}}, {"count", nullptr, located(f.count)}, {"percent", nullptr, located(f.percent)},
               {"value", nullptr, f.value.span}},
       what);
}

void report_target(PluginTarget& t, const Json& at, const Report& r) {
  if (at.find("stage")) {
    auto i = index_of(t, at, "stage", r.stages.size(), "stage");
    if (!i) return;
    const Stage& st = r.stages[*i];
    t.span = st.span.known() ? st.span : st.name.span;
    pick(t, at, {{"name", &st.name, {}}, {"received", nullptr, located(st.received)},
                 {"upheld", nullptr, located(st.upheld)}, {"partly_upheld", nullptr, located(st.partly_upheld)},
                 {"not_upheld", nullptr, located(st.not_upheld)}, {"withdrawn", nullptr, located(st.withdrawn)},
                 {"in_time_percent", nullptr, located(st.in_time_percent)}},
         "a stage");
    return;
  }
  if (at.find("context")) {
    auto i = index_of(t, at, "context", r.context.size(), "context figure");
    if (i) pick_figure(t, at, r.context[*i], "a context figure");
    return;
  }
  if (const Json* b = at.find("breakdown")) {
    std::string name = b->is_string() ? b->as_string() : write_json(*b);
    const Breakdown* found = name == "by_service" ? &r.by_service : name == "by_reason" ? &r.by_reason : nullptr;
    for (const auto& [label, breakdown] : r.equalities)
      if (!found && label.value == name) found = &breakdown;
    if (!found) {
      t.unresolved = "no breakdown `" + name + "` (by_service, by_reason, or an equalities name)";
      return;
    }
    if (found->span.known()) t.span = found->span;
    if (!at.find("entry")) return;
    auto i = index_of(t, at, "entry", found->entries.size(), "entry");
    if (i) pick_figure(t, at, found->entries[*i], "a breakdown entry");
    return;
  }
  pick(t, at, {{"series", nullptr, r.series.span}, {"title", &r.title, {}}, {"period_from", nullptr, r.period_from.span},
               {"period_to", nullptr, r.period_to.span}, {"notes", &r.notes, {}},
               {"representations", nullptr, located(r.representations)},
               {"compliments", nullptr, located(r.compliments)},
               {"ombudsman.referred", nullptr, located(r.ombudsman_referred)},
               {"ombudsman.upheld", nullptr, located(r.ombudsman_upheld)}},
       "a report");
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
      if (at.find("discussion")) {
        if (item->exempt()) {
          t.unresolved = "the discussion of exempt item " + n + " (it is never sent)";
          return t;
        }
        auto i = index_of(t, at, "discussion", item->discussion.size(), "discussion entry");
        if (!i) return t;
        const Exchange& e = item->discussion[*i];
        t.span = e.span.known() ? e.span : e.question.span;
        pick(t, at, {{"asked_by", &e.asked_by, {}}, {"question", &e.question, {}}, {"answered_by", &e.answered_by, {}},
                     {"answer", &e.answer, {}}},
             "a discussion entry");
        return t;
      }
      pick(t, at, fields, "an item");
    } else if (const Json* list = at.find("attendance")) {
      std::string which = list->is_string() ? list->as_string() : write_json(*list);
      const std::vector<NameRef>* names = which == "members"     ? &mt.attendance.members
                                          : which == "officers"  ? &mt.attendance.officers
                                          : which == "apologies" ? &mt.attendance.apologies
                                                                 : nullptr;
      if (!names) {
        t.unresolved = "no attendance list `" + which + "` (members, officers or apologies)";
        return t;
      }
      if (!names->empty() && names->front().span.known()) t.span = names->front().span;
      if (!at.find("index")) return t;
      auto i = index_of(t, at, "index", names->size(), which + " entry");
      if (!i) return t;
      size_t begin = 0;
      t.span = text_span((*names)[*i], at, begin);
      t.text = &(*names)[*i], t.begin = begin;
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
    if (at.find("update")) {
      const auto& history = site.undertakings[*ui].history;
      auto i = index_of(t, at, "update", history.size(), "update");
      if (i) pick_update(t, at, *history[*i]);
      return t;
    }
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
    report_target(t, at, r);
  } else if (at.find("page")) {
    const size_t* pi = lookup(site.pages, "page", "page");
    if (!pi || *pi >= m.pages.size()) return t;
    const Page& p = m.pages[*pi];
    t.span = {p.file, 0, 0};
    pick(t, at, {{"title", &p.title, {}}, {"body", &p.body, {}}}, "a page");
  } else if (at.find("action")) {
    auto i = index_of(t, at, "action", m.actions.size(), "action point update");
    if (i) pick_update(t, at, m.actions[*i]);
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
  // Valid JSON of the wrong shape: the note is about the answer's fields, not about stray output.
  const std::string shape_hint = "none of this answer is used: its findings, files and pages are described in "
                                 "docs/plugins.md, section 3, \"The answer\"";
  auto shape = [&](const std::string& where, const std::string& must) {
    diags.error("plugin.bad-json", at_command, "plugin `" + name + "` answered with " + where + " " + must, shape_hint);
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
      if (const Json* s = d.find("replacement")) {
        if (!s->is_string()) return shape(at + ".replacement as " + std::string(json_type_name(s->type())) + ":", "it must be text");
        out.replacement = s->as_string();
      }
      PluginTarget target = plugin_target(d.find("at"), model, site, at_command);
      out.span = target.span;
      out.where = target.where;
      if (!target.unresolved.empty()) out.message += " (plugin `" + name + "` pointed at " + target.unresolved + ")";
      // A replacement is for exactly the characters pointed at: without a field it would replace a whole file.
      if (!out.replacement.empty() && (!target.text || !target.unresolved.empty())) out.replacement.clear();
      answer.diagnostics.push_back(std::move(out));
      answer.in_text.emplace_back(target.unresolved.empty() ? target.text : nullptr, target.begin);
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
      if (why.empty() && is_html_path(path->as_string()))
        why = "is a web page: answer it under `pages` (a title and Markdown), so it is drawn with the theme and "
              "checked like the site's own pages";
      if (!why.empty()) {
        diags.error("plugin.bad-path", at_command,
                    "plugin `" + name + "` asked to write `" + path->as_string() + "`, which " + why);
        bad_path = true;
        continue;
      }
      answer.files.push_back({name, path->as_string(), content->as_string()});
    }
  }

  const Json* ps = doc->find("pages");
  if (ps && !ps->is_null() && !ps->is_array()) return shape("`pages` as " + std::string(json_type_name(ps->type())) + ":", "it must be a list");
  if (ps && ps->is_array()) {
    for (size_t i = 0; i < ps->items().size(); ++i) {
      const Json& p = ps->items()[i];
      const std::string at = "pages[" + std::to_string(i) + "]";
      if (!p.is_object()) return shape(at + " as " + json_type_name(p.type()) + ":", "each page must be an object");
      const Json* path = p.find("path");
      const Json* title = p.find("title");
      const Json* body = p.find("body");
      if (!path || !path->is_string()) return shape(at + ".path " + (path ? write_json(*path) : "missing") + ":", "it must be text");
      if (!title || !title->is_string() || trim(title->as_string()).empty())
        return shape(at + ".title " + (title ? write_json(*title) : "missing") + ":", "it must be text that is not empty");
      if (!body || !body->is_string()) return shape(at + ".body " + (body ? "as " + std::string(json_type_name(body->type())) : "missing") + ":", "it must be Markdown text");
      // A page is a folder: `stats/words` is published as stats/words/index.html.
      std::string folder = path->as_string();
      if (!folder.empty() && folder.back() == '/') folder.pop_back();
      std::string why = paths.problem(folder);
      if (why.empty()) why = paths.problem(folder + "/index.html");
      for (const auto& earlier : answer.pages)
        if (why.empty() && earlier.path == folder) why = "it gives twice";
      for (const auto& earlier : answer.files)
        if (why.empty() && (earlier.path == folder || starts_with(earlier.path, folder + "/"))) why = "holds a file it gives too";
      if (why.empty() && is_html_path(folder)) why = "names a file: a page is a folder, e.g. stats/words";
      if (!why.empty()) {
        diags.error("plugin.bad-path", at_command,
                    "plugin `" + name + "` asked for a page at `" + path->as_string() + "`, which " + why);
        bad_path = true;
        continue;
      }
      answer.pages.push_back({name, folder, title->as_string(), body->as_string()});
    }
  }
  if (bad_path) answer.files.clear(), answer.pages.clear();
  for (const auto& f : answer.files) paths.claim(f.path, "plugin `" + name + "`");
  for (const auto& p : answer.pages) paths.claim(p.path + "/index.html", "plugin `" + name + "`");
  return answer;
}

}  // namespace rs
