#include "ical.h"

#include "core/strings.h"

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

}  // namespace rs
