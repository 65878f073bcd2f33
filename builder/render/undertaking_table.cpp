#include "reportsite/render/undertaking_table.h"

#include "reportsite/model/markers.h"
#include "reportsite/core/strings.h"
#include "reportsite/render/ical.h"
#include "reportsite/render/view.h"

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

std::string csv_table(const std::vector<std::vector<std::string>>& lines) {
  auto field = [](std::string s) {
    // A cell carries the plain text (CSV is not HTML). It may be opened by a
    // spreadsheet, so a cell that would start a formula (= + - @, or a tab or
    // CR before one, as OWASP lists) is kept as text by a leading '.
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
      s.insert(0, "'");
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out;
  for (const auto& cs : lines) {
    for (size_t i = 0; i < cs.size(); ++i) out += (i ? "," : "") + field(cs[i]);
    out += "\r\n";
  }
  return out;
}

std::string to_csv(const std::vector<UndertakingRow>& rows) {
  std::vector<std::vector<std::string>> lines{undertaking_columns()};
  for (const auto& r : rows) lines.push_back(cells(r));
  return csv_table(lines);
}

std::string licence_json(const Licence& licence) {
  return "{\"id\": " + (licence.id.empty() ? std::string("null") : json_quote(licence.id)) +
         ", \"name\": " + json_quote(licence.name) + ", \"url\": " + json_quote(licence.url) + "}";
}

std::string to_json(const std::vector<UndertakingRow>& rows, const Date& as_of, const Licence& licence) {
  std::string out = "{\n  \"as_of\": \"" + as_of.iso() + "\",\n  \"licence\": " + licence_json(licence) +
                    ",\n  \"undertakings\": [";
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


std::string to_ics(const Model& model, const ResolvedSite& site, const std::string& calendar_name) {
  std::string out;
  ical_begin(out, "-//reportsite//undertakings//EN", calendar_name);
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
    ical_line(out, "BEGIN:VEVENT");
    ical_line(out, "UID:undertaking-" + u.id.value + "@" + host);
    // DTSTAMP must be present; the given date keeps the file deterministic.
    ical_line(out, "DTSTAMP:" + ical_date(model.meetings[ru.given.meeting].date.value) + "T000000Z");
    ical_line(out, "DTSTART;VALUE=DATE:" + ical_date(*ru.due));
    ical_line(out, "DTEND;VALUE=DATE:" + ical_date(Date::from_days(ru.due->days() + 1)));
    ical_line(out, "SUMMARY:" + ical_escape(std::string(timing_is_open(ru.timing) ? "Due: " : "Closed: ") + row.text));
    const Meeting& given = model.meetings[ru.given.meeting];
    const Committee* committee = site.committee(given.committee.value, model);
    std::string at = meeting_title(committee ? committee->name.value : given.committee.value, given);
    ical_line(out, "DESCRIPTION:" + ical_escape("Owner: " + row.owner + "\nGiven at " + at + ", item " + row.item +
                                            "\nState as at " + site.as_of.iso() + ": " + timing_label(ru.timing)));
    if (!model.site.base_url.value.empty()) ical_line(out, "URL:" + model.site.base_url.value + paths::undertaking(u.id.value));
    ical_line(out, "END:VEVENT");
  }
  ical_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace rs
