#include "reportsite/render/links.h"

#include <algorithm>

namespace rs {

std::string root_prefix(const std::string& page) {
  std::string out;
  for (char c : page)
    if (c == '/') out += "../";
  return out;
}

bool is_reserved_name(const std::string& stem) {
  static const char* const kReserved[] = {"years", "committees", "meetings", "people", "reports", "undertakings",
                                          "glossary", "search", "assets", "documents", "index"};
  return std::any_of(std::begin(kReserved), std::end(kReserved), [&](const char* r) { return stem == r; });
}

}  // namespace rs
