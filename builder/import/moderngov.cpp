#include "reportsite/import/moderngov.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <regex>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/hash.h"
#include "reportsite/core/strings.h"
#include "reportsite/import/minutes_text.h"
#include "reportsite/import/xml_input.h"
#include "reportsite/load/input_schema.h"
#include "reportsite/pipeline/new_site.h"
#include "reportsite/pipeline/pipeline.h"

namespace rs::moderngov {

namespace {

constexpr long long kMaxAttachmentBytes = 200ll << 20;

// ---- What the service said, as read ----

struct Document {
  std::string id, title, url;
  bool is_url = false, restricted = false;
};

struct Item {
  std::string source_id, number, title, presenter;
  std::string agenda_html, minutes_html;
  bool restricted = false;
  std::vector<Document> documents;
};

struct Attendee {
  std::string member_id, name, role, attendance;
};

struct Meeting {
  std::string id, committee_source;
  Date date;
  std::string time, location, room;
  bool display_allowed = true;
  std::vector<Item> items;
  std::vector<Attendee> attendees;
};

struct Committee {
  std::string source_id, title, id;
  bool deleted = false;
  std::vector<std::string> meeting_ids;  // from GetMeetings, held and past
};

struct Councillor {
  std::string source_id, name, id, ward;
};

// ---- The report ----

struct Report {
  std::vector<std::string> skipped, uncertain, not_imported, undertakings, findings;
};

bool digits(const std::string& s) {
  return !s.empty() && s.size() <= 12 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string yq(const std::string& s) { return json_quote(s); }

/// A list of names or ids in flow style: ids bare, names quoted.
std::string flow_list(const std::vector<std::string>& xs) {
  std::string s = "[";
  for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + (is_slug(xs[i]) ? xs[i] : yq(xs[i]));
  return s + "]";
}

/// A block literal, indented: the text has no tabs, no trailing spaces and no leading spaces.
std::string block(const std::string& key, const std::string& text, const std::string& indent) {
  std::string s = indent + key + ": |\n";
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    s += line.empty() ? "\n" : indent + "  " + line + "\n";
    start = end + 1;
  }
  return s;
}

const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};

/// Whether `text` (lower case) names the day: "10 june 2025", "10th june 2025", "10/06/2025".
bool names_date(const std::string& text, const Date& d) {
  char uk[16];
  std::snprintf(uk, sizeof uk, "%02d/%02d/%04d", d.day, d.month, d.year);
  if (text.find(uk) != std::string::npos) return true;
  const std::regex re("\\b" + std::to_string(d.day) + "(st|nd|rd|th)?\\s+" + kMonths[d.month - 1] + ",?\\s+" +
                      std::to_string(d.year) + "\\b");
  return std::regex_search(text, re);
}

std::string strip_title(const std::string& name) {
  for (const char* p : {"Councillor ", "Cllr. ", "Cllr "})
    if (starts_with(name, p)) return name.substr(std::string(p).size());
  return name;
}

/// ids and names already in a site's data/<file>.yaml.
std::map<std::string, std::string> existing_entries(const std::string& text) {
  std::map<std::string, std::string> out;
  try {
    YAML::Node n = YAML::Load(text);
    if (n.IsSequence())
      for (const auto& e : n)
        if (e.IsMap() && e["id"] && e["id"].IsScalar())
          out[e["id"].as<std::string>()] = e["name"] && e["name"].IsScalar() ? e["name"].as<std::string>() : "";
  } catch (const YAML::Exception&) {
  }
  return out;
}

/// `entries` added to a YAML list file's text: appended, or in place of an empty list's `[]`.
std::optional<std::string> append_entries(const std::string& text, const std::string& entries) {
  std::string out;
  bool replaced = false, block_list = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (!replaced && trim(line) == "[]") {
      out += entries;
      replaced = true;
    } else {
      out += line + "\n";
      if (starts_with(line, "- ")) block_list = true;
    }
    start = end + 1;
  }
  if (replaced) return out;
  if (!block_list && !trim(text).empty()) {
    bool only_comments = true;
    for (size_t s = 0; s < text.size();) {
      size_t e = text.find('\n', s);
      if (e == std::string::npos) e = text.size();
      std::string l = trim(text.substr(s, e - s));
      if (!l.empty() && l[0] != '#') only_comments = false;
      s = e + 1;
    }
    if (!only_comments) return std::nullopt;  // a flow list or something else: not ours to rewrite
  }
  return out + entries;
}

// ---- Reading ----

struct Reader {
  const FileSystem& fs;
  std::string dir;
  std::vector<std::string> refusals;

  XmlDoc read(const std::string& name) { return read_response(fs, join_path(dir, name), &refusals); }
};

std::vector<Committee> read_committees(xmlDoc* doc, Reader& r) {
  std::vector<Committee> out;
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* c : children(root, "committee")) {
    Committee k;
    k.source_id = child_text(c, "committeeid");
    k.title = unescape_title(child_text(c, "committeetitle"));
    k.deleted = is_true(child_text(c, "committeedeleted"));
    if (!digits(k.source_id)) {
      r.refusals.push_back(join_path(r.dir, "GetCommittees.xml") + ":" + std::to_string(xmlGetLineNo(c)) +
                           ":1: error: a committee id that is not a number (`" + k.source_id + "`) [import.bad-id]");
      continue;
    }
    out.push_back(std::move(k));
  }
  return out;
}

Meeting read_meeting(xmlDoc* doc, const std::string& committee) {
  Meeting m;
  xmlNode* root = xmlDocGetRootElement(doc);
  m.id = child_text(root, "meetingid");
  m.committee_source = committee;
  m.date = parse_uk_date(child_text(root, "meetingdate")).value_or(Date{});
  m.time = child_text(root, "meetingtime");
  m.location = unescape_title(child_text(root, "meetinglocation"));
  m.room = unescape_title(child_text(root, "meetingroom"));
  if (child(root, "isdisplayallowed")) m.display_allowed = is_true(child_text(root, "isdisplayallowed"));
  for (xmlNode* a : children(child(root, "agendaitems"), "agendaitem")) {
    Item it;
    it.source_id = child_text(a, "agendaitemid");
    it.number = child_text(a, "fulldisplaynumberformat");
    while (!it.number.empty() && (it.number.back() == '.' || it.number.back() == ' ')) it.number.pop_back();
    if (it.number.empty()) it.number = child_text(a, "agendaitemnumber") + child_text(a, "agendaitemsubnumber");
    it.title = unescape_title(child_text(a, "agendaitemtitle"));
    it.restricted = is_true(child_text(a, "isrestricted")) ||
                    (child(a, "isdisplayallowed") && !is_true(child_text(a, "isdisplayallowed")));
    it.agenda_html = child_text(a, "agendatext");
    // Minutes the council has not published are not read at all.
    const bool minutes_published = !(child(root, "minutepublished") && !is_true(child_text(root, "minutepublished"))) &&
                                   !(child(a, "isminutepublished") && !is_true(child_text(a, "isminutepublished")));
    if (minutes_published) it.minutes_html = child_text(a, "minutesnonemptyhtmlbody");
    for (int k = 1; k <= 9; ++k) {
      const std::string n = std::to_string(k);
      if (ascii_lower(child_text(a, ("commentlabel" + n).c_str())) == "presented by")
        it.presenter = unescape_title(child_text(a, ("commenttext" + n).c_str()));
    }
    for (xmlNode* d : children(child(a, "linkeddocuments"), "linkeddoc")) {
      Document doc;
      doc.id = child_text(d, "attachmentid");
      doc.title = unescape_title(child_text(d, "title"));
      doc.url = child_text(d, "url");
      doc.is_url = is_true(child_text(d, "isurl"));
      // Unknown is restricted: only a document the service calls public is ever copied.
      doc.restricted = !child(d, "isrestricted") || !(ascii_lower(child_text(d, "isrestricted")) == "false");
      it.documents.push_back(std::move(doc));
    }
    m.items.push_back(std::move(it));
  }
  for (xmlNode* a : children(child(root, "attendees"), "attendee"))
    m.attendees.push_back({attribute(a, "memberid"), unescape_title(attribute(a, "name")), attribute(a, "roledescription"),
                           attribute(a, "attendance")});
  return m;
}

// ---- Deciding ----

struct Approval {
  const Meeting* by = nullptr;
  std::string item;
};

/// A later meeting's minute that approves `m`'s minutes as a correct record.
Approval find_approval(const Meeting& m, const std::vector<const Meeting*>& committee_meetings) {
  const Meeting* previous_of_later = nullptr;  // the meeting held just before each later one
  for (size_t i = 0; i < committee_meetings.size(); ++i) {
    const Meeting* later = committee_meetings[i];
    previous_of_later = i > 0 ? committee_meetings[i - 1] : nullptr;
    if (!(m.date < later->date)) continue;
    for (const auto& it : later->items) {
      if (it.restricted) continue;
      for (const auto& p : html_paragraphs(it.minutes_html)) {
        const std::string t = ascii_lower(p.text);
        if (t.find("correct record") == std::string::npos) continue;
        if (t.find(" not ") != std::string::npos || t.find("deferred") != std::string::npos) continue;
        const bool by_date = names_date(t, m.date);
        const bool by_previous = previous_of_later == &m &&
                                 (t.find("previous meeting") != std::string::npos || t.find("last meeting") != std::string::npos);
        if (by_date || by_previous) return {later, it.number};
      }
    }
  }
  return {};
}

struct Attendance {
  std::vector<std::string> members, officers, apologies;
  bool recorded = true;
};

Attendance map_attendance(const Meeting& m, const std::string& committee, const std::map<std::string, std::string>& person_by_source,
                          const std::map<std::string, std::string>& person_by_name, Report& report) {
  Attendance a;
  const std::string where = "meeting " + m.id + " (" + committee + ", " + m.date.iso() + ")";
  bool all_expected = !m.attendees.empty();
  for (const auto& p : m.attendees) all_expected = all_expected && ascii_lower(p.attendance) == "expected";
  if (all_expected) {
    a.recorded = false;
    report.uncertain.push_back(where + ": attendance was never recorded (every attendee \"Expected\"); no attendance written");
    return a;
  }
  for (const auto& p : m.attendees) {
    std::string who = p.name;
    if (auto it = person_by_source.find(p.member_id); !p.member_id.empty() && it != person_by_source.end()) who = it->second;
    else if (auto n = person_by_name.find(p.name); n != person_by_name.end()) who = n->second;
    const std::string v = ascii_lower(p.attendance);
    const bool officer = ascii_lower(p.role).find("officer") != std::string::npos;
    if (v == "present" || v == "present, virtual" || v == "present, remote" || v == "present as substitute" ||
        v == "present, as substitute" || v == "present (virtual)" || v == "virtual")
      (officer ? a.officers : a.members).push_back(who);
    else if (v == "in attendance" || v == "in attendance, virtual")
      (officer || p.member_id.empty() ? a.officers : a.members).push_back(who);
    else if (v == "apologies" || v == "apologies, substitute sent" || v == "apologies received")
      a.apologies.push_back(who);
    else if (v == "absent")
      report.uncertain.push_back(where + ": " + p.name + " was absent; the format lists only those present and apologies");
    else if (v == "expected")
      report.uncertain.push_back(where + ": attendance of " + p.name + " was not recorded (\"Expected\"); not listed");
    else
      report.uncertain.push_back(where + ": unknown attendance value \"" + p.attendance + "\" for " + p.name +
                                 "; not listed");
  }
  return a;
}

/// The one Schedule 12A paragraph for restricted item `it`, or a reason why not.
std::optional<int> exempt_paragraph(const Meeting& m, const Item& it, size_t restricted_count, std::string* why) {
  std::set<int> found = exempt_paragraphs(plain_text(it.agenda_html) + "\n" + it.title);
  std::string source = found.empty() ? "" : "the item's agenda text";
  // The exclusion resolution of a public item: "... excluded ... for item 6 ... paragraph 3 of Part 1 of Schedule 12A".
  const std::regex names_item("\\bitems?\\s+([0-9a-z., and]*\\b)?" + std::regex_replace(ascii_lower(it.number), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + "\\b");
  for (const auto& other : m.items) {
    if (other.restricted) continue;
    for (const auto& p : html_paragraphs(other.minutes_html)) {
      const std::string t = ascii_lower(p.text);
      if (t.find("exclu") == std::string::npos || t.find("12a") == std::string::npos) continue;
      if (restricted_count != 1 && !std::regex_search(t, names_item)) continue;
      for (int n : exempt_paragraphs(t)) found.insert(n);
      if (source.empty()) source = "the exclusion resolution under item " + other.number;
    }
  }
  if (found.size() == 1 && *found.begin() >= 1 && *found.begin() <= 7) {
    *why = source;
    return *found.begin();
  }
  if (found.empty()) *why = "no Schedule 12A paragraph is named for it";
  else {
    std::string list;
    for (int n : found) list += (list.empty() ? "" : ", ") + std::to_string(n);
    *why = "more than one Schedule 12A paragraph, or one outside 1 to 7, is named for it (" + list + ")";
  }
  return std::nullopt;
}

// ---- Writing a meeting ----

struct Copy {
  std::string from, to;  // source path, site-relative destination
};

struct MeetingFile {
  std::string rel, text;
  std::vector<Copy> copies;
};

std::string meeting_header(const std::string& id, const std::string& body) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(hash_bytes(body)));
  return input::schema_comment(std::string("../../../") + input::kSchemaFolder + "/meeting.schema.json") +
         "# Imported from ModernGov (meeting " + id + ") by `reportsite import moderngov`. A later import\n"
         "# replaces this file only while it is a draft and unedited, which the hash below tells.\n"
         "# import-hash: " + hash + "\n";
}

/// The body after the header, and whether it still has the hash the import wrote.
bool imported_and_unedited(const std::string& text, bool* imported) {
  const std::string key = "# import-hash: ";
  size_t p = text.find(key);
  *imported = p != std::string::npos;
  if (!*imported) return false;
  size_t end = text.find('\n', p);
  if (end == std::string::npos) return false;
  const std::string hash = text.substr(p + key.size(), end - p - key.size());
  char now[17];
  std::snprintf(now, sizeof now, "%016llx", static_cast<unsigned long long>(hash_bytes(text.substr(end + 1))));
  return hash == now;
}

std::optional<MeetingFile> meeting_file(const Meeting& m, const Committee& c, const Approval& approval,
                                        const Attendance& att, const std::string& from_dir, const FileSystem& fs,
                                        Report& report) {
  const std::string where = "meeting " + m.id + " (" + c.id + ", " + m.date.iso() + ")";
  MeetingFile f;
  f.rel = "content/meetings/" + std::to_string(m.date.year) + "/" + m.date.iso() + "-" + c.id + ".yaml";
  const std::string doc_dir = "documents/" + m.date.iso() + "-" + c.id;

  size_t restricted = 0;
  std::set<std::string> numbers;
  for (const auto& it : m.items) {
    restricted += it.restricted;
    if (!numbers.insert(it.number).second) {
      report.not_imported.push_back(where + ": two items are numbered \"" + it.number +
                                    "\"; the meeting was not written: add it by hand");
      return std::nullopt;
    }
  }
  if (m.items.empty()) {
    report.not_imported.push_back(where + ": the response has no agenda items; the meeting was not written");
    return std::nullopt;
  }

  std::string body = "committee: " + c.id + "\ndate: " + m.date.iso() + "\n";
  if (auto t = time_24h(m.time)) body += "time: \"" + *t + "\"\n";
  else if (!m.time.empty()) report.uncertain.push_back(where + ": the time \"" + m.time + "\" is not a time; left out");
  std::string venue = m.location;
  if (!m.room.empty() && venue.find(m.room) == std::string::npos) venue += (venue.empty() ? "" : ", ") + m.room;
  if (!venue.empty()) body += "venue: " + yq(venue) + "\n";
  if (approval.by)
    body += "status: confirmed   # approved as a correct record at the meeting of " + approval.by->date.iso() +
            " (ModernGov meeting " + approval.by->id + ", item " + approval.item + ")\n";
  else
    body += "status: draft   # no saved later meeting of this committee approves these minutes\n";
  if (att.recorded && (!att.members.empty() || !att.officers.empty() || !att.apologies.empty())) {
    body += "attendance:\n";
    if (!att.members.empty()) body += "  members: " + flow_list(att.members) + "\n";
    if (!att.officers.empty()) body += "  officers: " + flow_list(att.officers) + "\n";
    if (!att.apologies.empty()) body += "  apologies: " + flow_list(att.apologies) + "\n";
  }
  body += "items:\n";
  bool first = true;
  for (const auto& it : m.items) {
    const std::string here = where + " item " + it.number;
    if (!first) body += "\n";
    first = false;
    body += "  - number: " + yq(it.number) + "\n    title: " + yq(it.title.empty() ? "Item " + it.number : it.title) + "\n";
    if (it.restricted) {
      // Number, title and paragraph: nothing else of the item is read into the file.
      std::string why;
      auto paragraph = exempt_paragraph(m, it, restricted, &why);
      if (!paragraph) {
        report.not_imported.push_back(here + " (\"" + it.title + "\") is restricted and " + why +
                                      "; the meeting was not written: add it by hand with `exempt:` set");
        return std::nullopt;
      }
      body += "    exempt: " + std::to_string(*paragraph) + "\n";
      report.uncertain.push_back(here + " is restricted: written as its number, title and `exempt: " +
                                 std::to_string(*paragraph) + "` (paragraph found in " + why + ")");
      continue;
    }
    if (!it.presenter.empty()) body += "    report_of: " + yq(it.presenter) + "\n";
    std::vector<Para> ps = html_paragraphs(it.minutes_html);
    std::vector<Para> resolved;
    std::vector<size_t> decisions;
    for (size_t i = 0; i < ps.size(); ++i)
      if (!ps[i].bullet && resolved_paragraph(ps[i].text, nullptr)) decisions.push_back(i);
    if (decisions.size() == 1) {
      // Split only when nothing but its own parts (bullets, "(a)" labels) follows the decision.
      bool last = true;
      for (size_t i = decisions[0] + 1; i < ps.size(); ++i) last = last && (ps[i].bullet || label_paragraph(ps[i].text));
      if (last) {
        std::string rest;
        resolved_paragraph(ps[decisions[0]].text, &rest);
        if (!rest.empty()) resolved.push_back({rest, false});
        resolved.insert(resolved.end(), ps.begin() + static_cast<long>(decisions[0]) + 1, ps.end());
        ps.erase(ps.begin() + static_cast<long>(decisions[0]), ps.end());
      } else {
        report.uncertain.push_back(here + ": RESOLVED is not the item's last part; not split, left in the minutes");
      }
    } else if (decisions.size() > 1) {
      report.uncertain.push_back(here + ": RESOLVED appears " + std::to_string(decisions.size()) +
                                 " times; not split, left in the minutes");
    }
    if (!ps.empty()) body += block("minutes", paragraphs_markdown(ps), "    ");
    if (!resolved.empty()) body += block("resolved", paragraphs_markdown(resolved), "    ");
    std::string docs;
    for (const auto& d : it.documents) {
      const std::string doc_where = here + ", document " + d.id;
      if (d.restricted) {
        // Its title is not repeated: a restricted document's title may itself be exempt.
        report.uncertain.push_back(doc_where + " is restricted: not copied");
        continue;
      }
      if (d.is_url) {
        report.uncertain.push_back(doc_where + " (\"" + d.title + "\") is an external link, not imported: " + d.url);
        continue;
      }
      if (!digits(d.id)) {
        report.uncertain.push_back(here + ": a document with an id that is not a number; not copied");
        continue;
      }
      const std::string from = join_path(join_path(from_dir, "attachments"), d.id + ".pdf");
      if (!fs.exists(from)) {
        report.uncertain.push_back(doc_where + " (\"" + d.title + "\") is missing: no attachments/" + d.id +
                                   ".pdf; not linked");
        continue;
      }
      if (fs.size(from) > kMaxAttachmentBytes) {
        report.uncertain.push_back(doc_where + ": attachments/" + d.id + ".pdf is over 200 MB; not copied");
        continue;
      }
      std::string slug = slug_from_name(d.title);
      if (slug.size() > 60) slug.resize(60);
      while (!slug.empty() && slug.back() == '-') slug.pop_back();
      const std::string file = doc_dir + "/" + d.id + (slug.empty() ? "" : "-" + slug) + ".pdf";
      f.copies.push_back({from, "content/" + file});
      docs += "      - title: " + yq(d.title.empty() ? "Document " + d.id : d.title) + "\n        file: " + file + "\n";
    }
    if (!docs.empty()) body += "    documents:\n" + docs;
  }
  f.text = meeting_header(m.id, body) + body;
  return f;
}

std::string report_markdown(const Report& r) {
  std::string s = "# ModernGov import report\n\n";
  // No counts of this run here: importing the same responses again must leave the file as it was.
  s += "What the import of the saved ModernGov responses left out or was unsure of, each with its ModernGov\n"
       "id. Nothing listed here was published.\n";
  auto section = [&](const char* title, const char* intro, const std::vector<std::string>& xs) {
    if (xs.empty()) return;
    s += std::string("\n## ") + title + "\n\n" + intro + "\n\n";
    for (const auto& x : xs) s += "- " + x + "\n";
  };
  section("Not imported", "Held meetings that could not be imported safely: add them by hand.", r.not_imported);
  section("Skipped", "Not imported, as intended.", r.skipped);
  section("To check", "Imported, but worth a look: what was left out or guessed.", r.uncertain);
  section("Findings", "What `reportsite check` finds at error level in the site as imported: fix these before building.",
          r.findings);
  section("Undertakings to record",
          "Promises in the imported minutes that no undertaking tracks (`undertaking.untracked`): add each as an "
          "undertaking, or leave it if it was done at the meeting.",
          r.undertakings);
  return s;
}

bool write_atomically(FileSystem& fs, const std::string& path, const std::string& bytes, std::string* error) {
  const std::string partial = path + ".import-partial";
  if (!fs.write(partial, bytes, error)) return false;
  if (!fs.rename(partial, path, error)) {
    std::string ignored;
    fs.remove_all(partial, &ignored);
    return false;
  }
  return true;
}

}  // namespace

std::optional<Date> parse_uk_date(const std::string& s) {
  static const std::regex re(R"(^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  return parse_date(iso);
}

std::optional<std::string> time_24h(const std::string& s) {
  static const std::regex re(R"(^\s*([0-9]{1,2})(?:[.:]([0-9]{2}))?\s*([ap])\.?\s*m\.?\s*$)", std::regex::icase);
  static const std::regex h24(R"(^\s*([0-9]{1,2})[.:]([0-9]{2})\s*$)");
  std::smatch m;
  int h, min;
  if (std::regex_match(s, m, re)) {
    h = std::stoi(m[1]);
    min = m[2].matched ? std::stoi(m[2]) : 0;
    if (h < 1 || h > 12 || min > 59) return std::nullopt;
    const bool pm = std::tolower(static_cast<unsigned char>(m[3].str()[0])) == 'p';
    if (h == 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  } else if (std::regex_match(s, m, h24)) {
    h = std::stoi(m[1]);
    min = std::stoi(m[2]);
    if (h > 23 || min > 59) return std::nullopt;
  } else {
    return std::nullopt;
  }
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", h, min);
  return std::string(out);
}

std::string unescape_title(std::string s) {
  // Plain text that the service escaped once more than XML needs: undo each layer, at most three.
  static const std::pair<const char*, const char*> entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    std::string out;
    for (size_t i = 0; i < s.size();) {
      bool hit = false;
      if (s[i] == '&')
        for (const auto& [from, to] : entities)
          if (s.compare(i, std::strlen(from), from) == 0) {
            out += to;
            i += std::strlen(from);
            hit = changed = true;
            break;
          }
      if (!hit) out += s[i++];
    }
    s = out;
    if (!changed) break;
  }
  return fold_white_space(trim(s));
}

ImportResult import_moderngov(FileSystem& fs, const ImportOptions& o) {
  ImportResult res;
  Report report;
  Reader r{fs, o.from_dir, {}};
  auto refuse = [&](std::vector<std::string> why) {
    res.exit_code = 2;
    for (const auto& w : why) res.error += w + "\n";
    res.error += "nothing was written\n";
    return res;
  };
  if (!fs.is_dir(o.from_dir)) return refuse({o.from_dir + ": no such folder of saved responses"});

  // The site: an existing one, or a new one made as `init` makes it.
  const bool new_site = !fs.exists(join_path(o.site_dir, "data/site.yaml"));
  if (new_site && fs.exists(o.site_dir) && !(fs.is_dir(o.site_dir) && fs.list_entries(o.site_dir).empty()))
    return refuse({o.site_dir + ": holds files but no data/site.yaml; import into a site, or a new or empty folder"});
  if (new_site && trim(o.organisation).empty())
    return refuse({o.site_dir + " is not a site yet: give --organisation NAME to make one"});

  XmlDoc committees_doc = r.read("GetCommittees.xml");
  if (!committees_doc && r.refusals.empty())
    r.refusals.push_back(join_path(o.from_dir, "GetCommittees.xml") + ":1:1: error: missing: every import starts from the committees [import.missing]");
  if (!r.refusals.empty()) return refuse(r.refusals);
  std::vector<Committee> committees = read_committees(committees_doc.get(), r);

  // Every response is read and checked before anything is decided or written.
  std::map<std::string, std::string> existing_committees, existing_people;
  std::string committees_text, people_text;
  if (!new_site) {
    std::string e;
    committees_text = fs.read(join_path(o.site_dir, "data/committees.yaml"), &e).value_or("");
    people_text = fs.read(join_path(o.site_dir, "data/people.yaml"), &e).value_or("");
    existing_committees = existing_entries(committees_text);
    existing_people = existing_entries(people_text);
  }

  // Committees' ids: the site's own when it has the committee by name, else from the title.
  std::set<std::string> taken;
  for (const auto& [id, name] : existing_committees) taken.insert(id);
  std::vector<NewCommittee> added_committees;
  for (auto& c : committees) {
    if (c.deleted) {
      report.skipped.push_back("committee " + c.source_id + " (\"" + c.title + "\"): deleted in ModernGov; its meetings were not imported");
      continue;
    }
    for (const auto& [id, name] : existing_committees)
      if (ascii_lower(trim(name)) == ascii_lower(c.title)) c.id = id;
    if (!c.id.empty()) continue;
    std::string id = slug_from_name(c.title);
    if (id.empty()) id = "committee-" + c.source_id;
    if (taken.count(id)) {
      report.uncertain.push_back("committee " + c.source_id + " (\"" + c.title + "\"): the id `" + id +
                                 "` is taken; it is `" + id + "-" + c.source_id + "`");
      id += "-" + c.source_id;
    }
    taken.insert(id);
    c.id = id;
    added_committees.push_back({id, c.title});
  }

  // Councillors: names and ids only. Addresses, phones, e-mails and photos are never read out of the response.
  std::vector<Councillor> councillors;
  std::map<std::string, std::string> person_by_source, person_by_name;
  std::vector<Councillor> added_people;
  if (XmlDoc doc = r.read("GetCouncillorsByWard.xml")) {
    std::map<std::string, int> named;  // how many councillors have each name
    xmlNode* root = xmlDocGetRootElement(doc.get());
    for (xmlNode* w : children(child(root, "wards"), "ward"))
      for (xmlNode* c : children(child(w, "councillors"), "councillor")) {
        Councillor k{child_text(c, "councillorid"), unescape_title(child_text(c, "fullusername")), "",
                     unescape_title(child_text(w, "wardtitle"))};
        if (k.name.empty() || std::any_of(councillors.begin(), councillors.end(),
                                          [&](const Councillor& x) { return x.source_id == k.source_id; }))
          continue;
        ++named[k.name];
        councillors.push_back(k);
      }
    std::set<std::string> people_taken;
    for (const auto& [id, name] : existing_people) people_taken.insert(id);
    std::map<std::string, std::string> collisions;  // name → the report's list
    for (auto& k : councillors) {
      // Two people's pages may not share a title: a shared name gets the ward.
      const bool shared = named[k.name] > 1;
      const std::string shown = shared && !k.ward.empty() ? k.name + " (" + k.ward + ")" : k.name;
      for (const auto& [id, name] : existing_people)
        if (name == shown) k.id = id;
      if (k.id.empty()) {
        std::string id = slug_from_name(strip_title(k.name));
        if (id.empty()) id = "councillor-" + k.source_id;
        if (people_taken.count(id) || shared) id += "-" + k.source_id;
        people_taken.insert(id);
        k.id = id;
        added_people.push_back({k.source_id, shown, k.id, k.ward});
      }
      if (shared) collisions[k.name] += (collisions[k.name].empty() ? "" : ", ") + k.source_id + " as `" + k.id + "`";
      person_by_source[k.source_id] = k.id;
      if (!shared) person_by_name[k.name] = k.id;
    }
    for (const auto& [name, list] : collisions)
      report.uncertain.push_back("councillors " + list + ": more than one is named \"" + name +
                                 "\"; each is listed with their ward, and meetings name them by ModernGov's member id");
  }

  // Meetings, committee by committee.
  std::vector<Meeting> meetings;  // every saved held past meeting
  std::map<std::string, const Committee*> committee_of;
  for (const auto& c : committees) {
    if (c.deleted) continue;
    XmlDoc list = r.read("GetMeetings-" + c.source_id + ".xml");
    if (!list) {
      if (r.refusals.empty())
        report.skipped.push_back("committee " + c.source_id + " (\"" + c.title + "\"): no saved GetMeetings-" + c.source_id + ".xml");
      continue;
    }
    xmlNode* root = xmlDocGetRootElement(list.get());
    std::vector<xmlNode*> ms;
    for (xmlNode* k : children(root, "committee"))
      for (xmlNode* m : children(child(k, "committeemeetings"), "meeting")) ms.push_back(m);
    for (xmlNode* m : children(child(root, "committeemeetings"), "meeting")) ms.push_back(m);
    for (xmlNode* m : ms) {
      const std::string id = child_text(m, "meetingid");
      const std::string date_text = child_text(m, "meetingdate");
      const std::string status = child_text(m, "meetingstatus");
      auto date = parse_uk_date(date_text);
      if (!digits(id) || !date) {
        report.skipped.push_back("committee " + c.source_id + ": a meeting with id `" + id + "` and date `" + date_text +
                                 "` that cannot be read");
        ++res.skipped;
        continue;
      }
      const std::string where = "meeting " + id + " (" + c.id + ", " + date->iso() + ")";
      const std::string st = ascii_lower(status);
      if (st.find("cancel") != std::string::npos || st.find("postpone") != std::string::npos ||
          st.find("moved") != std::string::npos || st.find("not held") != std::string::npos) {
        report.skipped.push_back(where + ": " + (status.empty() ? "not held" : "\"" + status + "\""));
        ++res.skipped;
        continue;
      }
      // Some installs ignore the date filter of the request: the returned date is what counts.
      if (o.as_of < *date) {
        report.skipped.push_back(where + ": in the future");
        ++res.skipped;
        continue;
      }
      XmlDoc md = r.read("GetMeeting-" + id + ".xml");
      if (!md) {
        if (r.refusals.empty()) report.skipped.push_back(where + ": no saved response (GetMeeting-" + id + ".xml)");
        ++res.skipped;
        continue;
      }
      Meeting mt = read_meeting(md.get(), c.source_id);
      mt.id = id;
      mt.date = *date;
      if (!st.empty() && st != "confirmed")
        report.uncertain.push_back(where + ": its status is \"" + status + "\"; imported as held");
      if (!mt.display_allowed) {
        report.skipped.push_back(where + ": the service marks it as not for display");
        ++res.skipped;
        continue;
      }
      meetings.push_back(std::move(mt));
      committee_of[id] = &c;
    }
  }
  if (!r.refusals.empty()) return refuse(r.refusals);

  std::sort(meetings.begin(), meetings.end(),
            [](const Meeting& a, const Meeting& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  std::map<std::string, std::vector<const Meeting*>> by_committee;
  for (const auto& m : meetings) by_committee[m.committee_source].push_back(&m);

  // The files, in memory.
  std::map<std::string, std::string> files;  // site-relative → bytes
  std::vector<Copy> copies;
  std::vector<std::string> meeting_files;  // imported, written or not
  std::set<std::string> used_names;
  for (const auto& m : meetings) {
    const Committee& c = *committee_of[m.id];
    Approval approval = find_approval(m, by_committee[m.committee_source]);
    Attendance att = map_attendance(m, c.id, person_by_source, person_by_name, report);
    auto f = meeting_file(m, c, approval, att, o.from_dir, fs, report);
    if (!f) continue;
    if (!used_names.insert(f->rel).second) {
      report.not_imported.push_back("meeting " + m.id + " (" + c.id + ", " + m.date.iso() +
                                    "): another meeting of the committee on the same day was imported as " + f->rel +
                                    "; add this one by hand");
      continue;
    }
    meeting_files.push_back(f->rel);
    const std::string path = join_path(o.site_dir, f->rel);
    std::string e;
    if (auto existing = new_site ? std::nullopt : fs.read(path, &e)) {
      if (*existing == f->text) {
        ++res.unchanged;
        continue;
      }
      bool imported = false;
      const bool unedited = imported_and_unedited(*existing, &imported);
      std::string why = !imported ? "it was not written by the import"
                        : !unedited ? "it was edited since it was imported"
                        : existing->find("\nstatus: confirmed") != std::string::npos ? "it is confirmed"
                                                                                         : "";
      if (!why.empty()) {
        report.uncertain.push_back(f->rel + " (meeting " + m.id + ") was left alone: " + why +
                                   "; the import would change it");
        ++res.left_alone;
        continue;
      }
    }
    files[f->rel] = f->text;
    for (auto& cp : f->copies) copies.push_back(cp);
    ++res.written;
  }

  // committees.yaml and people.yaml: a new site's from init, an existing one's with the new entries added.
  std::string people_entries;
  for (const auto& p : added_people) people_entries += "- id: " + p.id + "\n  name: " + yq(p.name) + "\n  role: member\n";
  if (new_site) {
    NewSiteOptions so;
    so.organisation = o.organisation;
    so.committees = added_committees;
    so.prepared = o.as_of;
    if (so.committees.empty()) return refuse({o.from_dir + ": no committee that is not deleted, so no site to make"});
    if (std::string problem = new_site_problem(so); !problem.empty()) return refuse({problem});
    for (auto& [path, bytes] : new_site_files(so)) files.emplace(path, bytes);
    if (!people_entries.empty())
      files["data/people.yaml"] = input::schema_comment(std::string("../") + input::kSchemaFolder + "/people.schema.json") +
                                  "# Members, from ModernGov's councillors: names only, never addresses or phones.\n" +
                                  people_entries;
  } else {
    std::string committee_entries;
    for (const auto& c : added_committees) committee_entries += "- id: " + c.id + "\n  name: " + yq(c.name) + "\n";
    for (auto [file, text, entries] : {std::tuple{"data/committees.yaml", committees_text, committee_entries},
                                       std::tuple{"data/people.yaml", people_text, people_entries}}) {
      if (entries.empty()) continue;
      auto updated = append_entries(text, entries);
      if (!updated)
        return refuse({join_path(o.site_dir, file) + ": not a block list (`- id: ...` entries), so the import cannot add to it"});
      files[file] = *updated;
    }
  }

  // The officer's to-do list: what `check` would say of the imported text. Run in memory, with the
  // documents as stand-ins, so nothing of the check reaches the disk.
  {
    MemoryFileSystem mem;
    const std::string root = "site";
    if (!new_site)
      for (const char* folder : {"data", "content", "themes"})
        for (const auto& rel : fs.list(join_path(o.site_dir, folder))) {
          const std::string full = std::string(folder) + "/" + rel;
          std::string e;
          if (starts_with(full, "content/documents/")) mem.files[root + "/" + full] = "%PDF-1.4\n";
          else if (auto b = fs.read(join_path(o.site_dir, full), &e)) mem.files[root + "/" + full] = *b;
        }
    for (const auto& [rel, bytes] : files) mem.files[root + "/" + rel] = bytes;
    for (const auto& cp : copies) mem.files[root + "/" + cp.to] = "%PDF-1.4\n";
    BuildOptions bo;
    bo.site_dir = root;
    bo.write = false;
    bo.use_cache = false;
    bo.as_of = o.as_of;
    bo.threads = 1;
    BuildResult br = build_site(mem, bo);
    std::set<std::string> ours;
    for (const auto& rel : meeting_files) ours.insert(root + "/" + rel);
    for (const auto& d : br.diagnostics) {
      Where w = locate(d, br.model.sources);
      const bool in_site = starts_with(w.path, root + "/");
      const std::string path = in_site ? w.path.substr(root.size() + 1) : w.path;
      const std::string line = w.start.line ? path + ":" + std::to_string(w.start.line) + ":" +
                                                  std::to_string(w.start.column) + ": " + d.message + " [" + d.rule + "]"
                                            : path + ": " + d.message + " [" + d.rule + "]";
      if (d.rule == "undertaking.untracked" && ours.count(w.path)) report.undertakings.push_back(line);
      else if (d.severity == Severity::error) report.findings.push_back(line);
    }
  }

  res.report = report_markdown(report);
  files[kReportFile] = res.report;
  res.exit_code = report.not_imported.empty() && report.findings.empty() ? 0 : 1;

  // Attachments, read now that the plan stands; refused sizes were left out above.
  std::map<std::string, std::string> binaries;
  for (const auto& cp : copies) {
    std::string e;
    auto bytes = fs.read(cp.from, &e);
    if (!bytes) return refuse({cp.from + ": cannot read: " + e});
    binaries[cp.to] = std::move(*bytes);
  }
  for (auto& [rel, bytes] : binaries) files[rel] = std::move(bytes);

  // Writing. A new site goes into a staging folder beside it and is renamed into place whole.
  std::string error;
  if (new_site) {
    std::string parent = o.site_dir;
    while (parent.size() > 1 && parent.back() == '/') parent.pop_back();
    const size_t slash = parent.rfind('/');
    const std::string base = slash == std::string::npos ? parent : parent.substr(slash + 1);
    const std::string staging = (slash == std::string::npos ? std::string() : parent.substr(0, slash + 1)) + "." +
                                base + ".import-" + std::to_string(::getpid());
    std::string ignored;
    for (const auto& [rel, bytes] : files)
      if (!fs.write(join_path(staging, rel), bytes, &error)) {
        fs.remove_all(staging, &ignored);
        return refuse({error});
      }
    if (fs.exists(o.site_dir) && !fs.remove_all(o.site_dir, &error)) {  // empty, as checked above
      fs.remove_all(staging, &ignored);
      return refuse({error});
    }
    if (!fs.rename(staging, o.site_dir, &error)) {
      fs.remove_all(staging, &ignored);
      return refuse({error});
    }
    for (const auto& [rel, bytes] : files) res.files_written.push_back(rel);
    return res;
  }
  // An existing site: each changed file written beside itself and renamed over the old one.
  for (const auto& [rel, bytes] : files) {
    const std::string path = join_path(o.site_dir, rel);
    std::string e;
    if (auto old = fs.read(path, &e); old && *old == bytes) continue;  // unchanged files keep their times
    if (!write_atomically(fs, path, bytes, &error)) {
      res.exit_code = 2;
      res.error = error + "\nthe import stopped part way: " + std::to_string(res.files_written.size()) +
                  " files were written before it (listed in the output)\n";
      return res;
    }
    res.files_written.push_back(rel);
  }
  return res;
}

}  // namespace rs::moderngov
