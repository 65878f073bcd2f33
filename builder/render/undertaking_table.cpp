#include "undertaking_table.h"

#include "check/suppress.h"
#include "core/strings.h"

namespace rs {

const std::vector<std::string>& undertaking_columns() {
  static const std::vector<std::string> columns = {"id", "text", "owner", "committee", "meeting", "given", "item",
                                                   "due", "state", "status", "latest_update", "latest_note"};
  return columns;
}

std::vector<std::string> cells(const UndertakingRow& r) {
  return {r.id, r.text, r.owner, r.committee, r.meeting, r.given, r.item, r.due, r.state, r.status, r.latest_update,
          r.latest_note};
}

UndertakingRow undertaking_row(const Model& model, const ResolvedSite& site, const ResolvedUndertaking& ru) {
  const Undertaking& u = *ru.undertaking;
  const Meeting& m = model.meetings[ru.given.meeting];
  UndertakingRow row;
  row.id = u.id.value;
  row.text = trim(strip_markers(u.text.value));
  const Person* owner = site.person(u.owner.value, model);
  row.owner = owner ? owner->name.value : u.owner.value;
  row.committee = m.committee.value;
  row.meeting = m.id;
  row.given = m.date.value.iso();
  row.item = m.items[ru.given.item].number.value;
  row.due = ru.due ? ru.due->iso() : "next meeting";
  row.state = timing_slug(ru.timing);
  row.status = action_status_slug(ru.status);
  if (!ru.history.empty()) {
    row.latest_update = ru.history.back()->date.value.iso();
    row.latest_note = trim(strip_markers(ru.history.back()->note.value));
  }
  return row;
}

std::string to_csv(const std::vector<UndertakingRow>& rows) {
  auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out;
  auto line = [&](const std::vector<std::string>& cs) {
    for (size_t i = 0; i < cs.size(); ++i) out += (i ? "," : "") + field(cs[i]);
    out += "\r\n";
  };
  line(undertaking_columns());
  for (const auto& r : rows) line(cells(r));
  return out;
}

std::string to_json(const std::vector<UndertakingRow>& rows, const Date& as_of) {
  std::string out = "{\n  \"as_of\": \"" + as_of.iso() + "\",\n  \"undertakings\": [";
  const auto& cols = undertaking_columns();
  for (size_t i = 0; i < rows.size(); ++i) {
    auto cs = cells(rows[i]);
    out += i ? ",\n    {" : "\n    {";
    for (size_t c = 0; c < cols.size(); ++c) out += (c ? ", " : "") + json_quote(cols[c]) + ": " + json_quote(cs[c]);
    out += "}";
  }
  out += rows.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

namespace {
/// Escape TEXT values (RFC 5545 3.3.11) and fold lines at 75 octets without splitting a UTF-8 character.
std::string ics_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}
void ics_line(std::string& out, const std::string& line) {
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(pos, cut - pos) + "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(pos) + "\r\n";
}
std::string compact(const Date& d) {
  std::string s = d.iso();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}
}  // namespace

std::string to_ics(const Model& model, const ResolvedSite& site, const std::string& calendar_name) {
  std::string out;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, "PRODID:-//reportsite//undertakings//EN");
  ics_line(out, "CALSCALE:GREGORIAN");
  ics_line(out, "X-WR-CALNAME:" + ics_text(calendar_name));
  std::string host = "reportsite.invalid";
  if (!model.site.base_url.value.empty()) {
    std::string u = model.site.base_url.value;
    size_t b = u.find("://");
    b = b == std::string::npos ? 0 : b + 3;
    host = u.substr(b, u.find('/', b) - b);
  }
  for (const auto& ru : site.undertakings) {
    if (!ru.due) continue;
    const Undertaking& u = *ru.undertaking;
    UndertakingRow row = undertaking_row(model, site, ru);
    ics_line(out, "BEGIN:VEVENT");
    ics_line(out, "UID:undertaking-" + u.id.value + "@" + host);
    // DTSTAMP must be present; the given date keeps the file deterministic.
    ics_line(out, "DTSTAMP:" + compact(model.meetings[ru.given.meeting].date.value) + "T000000Z");
    ics_line(out, "DTSTART;VALUE=DATE:" + compact(*ru.due));
    ics_line(out, "DTEND;VALUE=DATE:" + compact(Date::from_days(ru.due->days() + 1)));
    ics_line(out, "SUMMARY:" + ics_text("Due: " + row.text));
    ics_line(out, "DESCRIPTION:" + ics_text("Owner: " + row.owner + "\nGiven at " + row.meeting + ", item " + row.item +
                                            "\nState as at " + site.as_of.iso() + ": " + timing_label(ru.timing)));
    ics_line(out, "STATUS:" + std::string(timing_is_open(ru.timing) ? "CONFIRMED" : "CANCELLED"));
    ics_line(out, "END:VEVENT");
  }
  ics_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace rs
