#pragma once
// Under what terms others may reuse the site's data: `licence:` in
// data/site.yaml, stated in the footer and in every data download. Most UK
// public bodies publish under the Open Government Licence, so it is the default.
#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct Licence {
  std::string id;    // "OGL-UK-3.0" (SPDX's identifier), or empty for one the council names itself
  std::string name;  // "Open Government Licence v3.0"
  std::string url;
  bool operator==(const Licence&) const = default;
};

/// The licences `licence:` may name by identifier, the default first.
inline const std::vector<Licence>& known_licences() {
  static const std::vector<Licence> kKnown = {
      {"OGL-UK-3.0", "Open Government Licence v3.0",
       "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"},
      {"CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"},
      {"CC0-1.0", "Creative Commons CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"},
  };
  return kKnown;
}

/// The known licence with this identifier (case as written by SPDX), or nullptr.
inline const Licence* find_licence(std::string_view id) {
  for (const auto& l : known_licences())
    if (l.id == id) return &l;
  return nullptr;
}

}  // namespace rs
