#include "ical.h"

namespace rs {

std::string ical_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
    else if (c == '<') out += "&lt;";  // some calendar apps render descriptions as HTML
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

void ical_line(std::string& out, const std::string& line) {
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(pos, cut - pos) + "\r\n ";
    pos = cut;
    limit = 74;  // the leading space of a continuation counts
  }
  out += line.substr(pos) + "\r\n";
}

std::string ical_date(const Date& d) {
  std::string s = d.iso();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

}  // namespace rs
