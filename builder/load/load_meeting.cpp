// A meeting file: content/meetings/<YYYY>/<YYYY-MM-DD>-<committee>.yaml
#include <cstdlib>

#include "reportsite/core/strings.h"
#include "reportsite/load/load_site.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

namespace {

std::vector<NameRef> names(YamlReader& r, const YAML::Node& node, const char* what) {
  std::vector<NameRef> out;
  for (const auto& n : r.sequence(node, what)) out.push_back(r.text(n, what));
  return out;
}

std::vector<Located<std::string>> ids(YamlReader& r, const YAML::Node& node, const char* what) {
  std::vector<Located<std::string>> out;
  if (node && node.IsScalar()) {
    if (auto v = r.id(node, what)) out.push_back(*v);
    return out;
  }
  for (const auto& n : r.sequence(node, what))
    if (auto v = r.id(n, what)) out.push_back(*v);
  return out;
}

DueSpec due(YamlReader& r, const YAML::Node& node) {
  DueSpec d;
  auto s = r.string(node, "due");
  if (!s) return d;
  d.span = s->span;
  if (s->value == "next-report") d.kind = DueKind::next_report;
  else if (s->value == "next-meeting") d.kind = DueKind::next_meeting;
  else if (auto date = parse_date(s->value)) {
    if (r.date_in_range({*date, s->span}, "due")) {
      d.kind = DueKind::date;
      d.date = *date;
    }
  } else {
    r.error("load.bad-value", s->span,
            "due must be a date (YYYY-MM-DD), `next-report` or `next-meeting`, not `" + s->value + "`",
            did_you_mean(s->value, {"next-report", "next-meeting"}));
  }
  return d;
}

Undertaking undertaking(YamlReader& r, const YAML::Node& node) {
  Undertaking u;
  Fields f(r, node, key_names<Undertaking>(), "an undertaking");
  if (!f.ok()) return u;
  u.span = f.map_span();
  if (auto v = r.id(f.require("id"), "undertaking id")) u.id = *v;
  u.text = r.text(f.require("text"), "text");
  u.owner = r.text(f.require("owner"), "owner");
  u.due = due(r, f.get("due"));
  read_text_fields(r, f, u);  // requested_by, and any free text the description gains
  return u;
}

Exchange exchange(YamlReader& r, const YAML::Node& node) {
  Exchange x;
  Fields f(r, node, key_names<Exchange>(), "a discussion exchange");
  if (!f.ok()) return x;
  x.span = f.map_span();
  x.undertakings = ids(r, f.get("undertakings"), "undertaking id");
  read_text_fields(r, f, x);  // asked_by, question, answered_by, answer
  if (x.question.empty() && x.answer.empty())
    r.error("load.missing-field", x.span, "a discussion exchange needs a `question`, an `answer` or both");
  return x;
}

const char* kExempt =
    "exempt must be `false` or the paragraph 1-7 of Schedule 12A to the Local Government Act 1972 under which the "
    "item is exempt";

/// `exempt:` is `false` or a paragraph 1-7 and nothing else. Anything else is an
/// error, and the item is held exempt (-1) so nothing of it is kept meanwhile.
int exempt_paragraph(YamlReader& r, const Fields& f, const SourceSet& sources) {
  if (!f.given("exempt")) return 0;
  const YAML::Node v = f.get("exempt");
  if (v.IsScalar()) {
    auto s = r.string(v, "exempt");
    if (!s) return -1;
    if (s->value == "false") return 0;
    if (s->value.size() == 1 && s->value[0] >= '1' && s->value[0] <= '7') return s->value[0] - '0';
    r.error("load.bad-value", s->span, std::string(kExempt) + ", not `" + s->value + "`",
            s->value == "true" || s->value == "yes" ? "give the paragraph number under which the item is exempt" : "");
    return -1;
  }
  if (v.IsNull()) {
    // `~` and `null` sit where the mark is; an empty value's mark is the next token, often on a later line.
    const std::string& text = sources.content(r.file());
    Span at = r.span(v);
    const bool same_line = sources.line_col(r.file(), at.begin).line ==
                           sources.line_col(r.file(), f.key_span("exempt").begin).line;
    std::string written;
    if (same_line && at.begin < text.size() && text[at.begin] == '~') written = "~";
    for (const char* word : {"null", "Null", "NULL"})
      if (same_line && at.begin < text.size() && text.compare(at.begin, 4, word) == 0) written = word;
    if (written.empty()) at = f.key_span("exempt");
    else at.end = at.begin + static_cast<uint32_t>(written.size());
    r.error("load.bad-value", at,
            std::string(kExempt) + (written.empty() ? ", not empty (an empty value is not read as `false`)"
                                                    : ", not `" + written + "` (null is not read as `false`)"),
            "write `exempt: false` for a public item, or the paragraph number for an exempt one");
    return -1;
  }
  r.error("load.bad-value", r.span(v), std::string(kExempt) + ", not " + yaml_kind(v));
  return -1;
}

/// Keeps of an exempt item only what is published (number, title, paragraph)
/// and the ids and positions later checks need, so no exempt text is held in
/// the model or reaches the loader's memo on disk.
void drop_exempt_text(Item& it) {
  // Every free text of the item but its title, whatever fields the description gains.
  for_each_named_field(it, [](const char* name, auto& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Text>)
      if (std::string_view(name) != "title") value = Text{};
  });
  it.documents.clear();
  for (auto& x : it.discussion) x = Exchange{{}, {}, {}, {}, std::move(x.undertakings), x.span};
  for (auto& u : it.undertakings) u = Undertaking{std::move(u.id), {}, {}, {}, {}, u.span};
}

std::optional<Item> item(YamlReader& r, const YAML::Node& node, const SourceSet& sources) {
  Item it;
  if (!node.IsMap()) {
    r.error("load.type", r.span(node), std::string("each agenda item must be a mapping of `key: value` lines, not ") +
                                           yaml_kind(node),
            "start each item with `- number: \"1\"` and put `title:` and the rest on the lines below it, indented");
    return std::nullopt;
  }
  Fields f(r, node, key_names<Item>(), "an agenda item");
  if (!f.ok()) return std::nullopt;
  it.span = f.map_span();
  if (auto v = r.string(f.require("number"), "number")) it.number = *v;
  it.title = r.text(f.require("title"), "title");
  if (auto v = r.id(f.get("report"), "report id")) it.report = *v;
  for (const auto& n : r.sequence(f.get("discussion"), "discussion")) it.discussion.push_back(exchange(r, n));
  for (const auto& n : r.sequence(f.get("undertakings"), "undertakings")) it.undertakings.push_back(undertaking(r, n));
  read_text_fields(r, f, it);  // report_of, minutes, resolved
  for (const auto& n : r.sequence(f.get("documents"), "documents")) {
    Fields d(r, n, key_names<Document>(), "a document");
    if (!d.ok()) continue;
    Document doc;
    doc.title = r.text(d.require("title"), "title");
    if (auto v = r.string(d.require("file"), "file")) doc.file = *v;
    it.documents.push_back(std::move(doc));
  }
  it.exempt_paragraph = exempt_paragraph(r, f, sources);
  if (f.given("exempt")) it.exempt_span = f.get("exempt").IsScalar() ? r.span(f.get("exempt")) : f.key_span("exempt");
  if (it.exempt()) drop_exempt_text(it);
  // Without a number the item cannot be told apart from others (an error is reported).
  if (it.number.value.empty() && !it.number.span.known()) return std::nullopt;
  return it;
}

}  // namespace

std::optional<Meeting> load_meeting(const SourceSet& sources, FileId file, const std::string& relative,
                                    Diagnostics& diags) {
  YamlReader r(sources, file, diags);
  auto root = r.parse();
  if (!root) return std::nullopt;
  Fields f(r, *root, key_names<Meeting>(), "a meeting");
  if (!f.ok()) return std::nullopt;
  Meeting m;
  m.file = file;
  Span file_span{file, 0, 0};
  // The file name carries the id: <YYYY>/<YYYY-MM-DD>-<committee>.yaml
  size_t slash = relative.rfind('/');
  std::string name = relative.substr(slash == std::string::npos ? 0 : slash + 1);
  m.id = name.substr(0, name.rfind('.'));
  std::string folder = slash == std::string::npos ? "" : relative.substr(0, slash);
  auto name_date = parse_date(m.id.substr(0, 10));
  bool well_named = is_slug(m.id) && name_date && m.id.size() > 11 && m.id[10] == '-';
  if (!well_named)
    diags.error("load.file-name", file_span,
                "a meeting file must be named <YYYY-MM-DD>-<committee>.yaml (lower case), not `" + name + "`");

  if (auto v = r.id(f.require("committee"), "committee")) m.committee = *v;
  if (auto v = r.date(f.require("date"), "date")) {
    m.date = *v;
    if (name_date && *name_date != v->value)
      r.error("load.date-mismatch", v->span,
              "date " + v->value.iso() + " differs from the file name's date " + name_date->iso(),
              "rename the file to " + v->value.iso() + m.id.substr(std::min<size_t>(10, m.id.size())) +
                  ".yaml or correct the date");
    else if (folder != std::to_string(v->value.year))
      r.error("load.date-mismatch", v->span,
              "a meeting of " + std::to_string(v->value.year) + " belongs in content/meetings/" +
                  std::to_string(v->value.year) + "/, not content/meetings/" + folder + "/");
  }
  if (well_named && !m.committee.value.empty() && m.id.substr(11) != m.committee.value)
    r.error("load.committee-mismatch", m.committee.span,
            "committee `" + m.committee.value + "` differs from the file name's `" + m.id.substr(11) + "`");
  read_text_fields(r, f, m);  // time, venue
  if (r.choice(f.get("status"), "status", {"draft", "confirmed"}) == 1u) m.status = MinutesStatus::confirmed;
  if (f.has("attendance")) {
    Fields a(r, f.get("attendance"), key_names<Attendance>(), "attendance");
    if (a.ok()) {
      m.attendance.members = names(r, a.get("members"), "members");
      m.attendance.officers = names(r, a.get("officers"), "officers");
      m.attendance.apologies = names(r, a.get("apologies"), "apologies");
    }
  }
  auto items = r.sequence(f.require("items"), "items");
  for (const auto& n : items)
    if (auto it = item(r, n, sources)) m.items.push_back(std::move(*it));
  if (f.has("items") && items.empty() && f.get("items").IsSequence())
    r.error("load.missing-field", f.key_span("items"), "a meeting needs at least one agenda item");
  // Without a date or committee the meeting has no place on the site.
  if (!m.date.value.valid() || m.committee.value.empty() || !well_named) return std::nullopt;
  return m;
}

}  // namespace rs
