#pragma once
// iCalendar (RFC 5545) text: one place for its escaping and line folding.
#include <string>

#include "core/date.h"

namespace rs {

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks;
/// other control characters but tab are dropped. Nothing else changes: `<` stays `<`.
std::string ical_escape(const std::string& s);
/// Append "NAME:value" folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
void ical_line(std::string& out, const std::string& line);
/// 20181017
std::string ical_date(const Date& d);

}  // namespace rs
