#include "reportsite/render/ical.h"

#include <cstdio>

#include "reportsite/core/strings.h"

namespace rs {

std::string ical_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += i + 1 < s.size() && s[i + 1] == '\n' ? "" : "\\n";  // CRLF or a lone CR: one break
    else if ((c < 0x20 && c != '\t') || c == 0x7F) continue;  // RFC 5545 TEXT allows no other control character
    else out += static_cast<char>(c);
  }
  return out;
}

void ical_line(std::string& out, const std::string& line) {
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    // utf8_cut moves forward on any bytes (an invalid one counts as a character),
    // so 75 stray continuation bytes can no longer stall the fold at `pos`.
    size_t cut = utf8_cut(line, pos, limit);
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space of a continuation counts
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
}

std::string ical_date(const Date& d) {
  std::string s = d.iso();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

void ical_begin(std::string& out, const std::string& prodid, const std::string& calendar_name) {
  ical_line(out, "BEGIN:VCALENDAR");
  ical_line(out, "VERSION:2.0");
  ical_line(out, "PRODID:" + prodid);
  ical_line(out, "CALSCALE:GREGORIAN");
  ical_line(out, "X-WR-CALNAME:" + ical_escape(calendar_name));
  ical_line(out, "X-WR-TIMEZONE:" + std::string(kIcalZone));
  // RFC 5545 3.6.5: a TZID needs its VTIMEZONE in the same file. UK clocks go
  // forward at 01:00 GMT on the last Sunday of March, back at 02:00 BST on the last of October.
  for (const char* line : {"BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000",
                           "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
                           "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
                           "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
                           "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"})
    ical_line(out, line);
}

std::string ical_when(const std::string& name, const Date& day, std::optional<int> minutes) {
  if (!minutes) return name + ";VALUE=DATE:" + ical_date(day);
  int m = *minutes % (24 * 60);
  char time[8];
  std::snprintf(time, sizeof time, "T%02d%02d00", m / 60, m % 60);
  return name + ";TZID=" + kIcalZone + ":" + ical_date(Date::from_days(day.days() + *minutes / (24 * 60))) + time;
}

}  // namespace rs
