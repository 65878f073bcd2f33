#pragma once
// iCalendar (RFC 5545) text: one place for its escaping and line folding.
#include <optional>
#include <string>

#include "reportsite/core/date.h"

namespace rs {

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters but tab are dropped. Nothing else changes: `<` stays `<`.
std::string ical_escape(const std::string& s);
/// Append "NAME:value" folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
void ical_line(std::string& out, const std::string& line);
/// 20181017
std::string ical_date(const Date& d);
/// The zone every local time is written in (a TZID parameter).
inline constexpr const char* kIcalZone = "Europe/London";
/// BEGIN:VCALENDAR and its properties, then the VTIMEZONE of kIcalZone (GMT and
/// BST by the rules in force since 1996), so any calendar may use local times.
void ical_begin(std::string& out, const std::string& prodid, const std::string& calendar_name);
/// "DTSTART;TZID=Europe/London:20181017T193000", or ";VALUE=DATE:20181017" when `minutes` is empty.
/// `minutes` past midnight may run past 24 hours, into the next days.
std::string ical_when(const std::string& name, const Date& day, std::optional<int> minutes);

}  // namespace rs
