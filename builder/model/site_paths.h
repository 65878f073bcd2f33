#pragma once
// Where each page of the site is published. Every link names its file
// (…/index.html) so the site works from file:// as from a server. The checks
// name pages by these paths too, so a finding and the page agree.
#include <string>

namespace rs {

namespace paths {
inline std::string home() { return "index.html"; }
inline std::string year(const std::string& slug) { return "years/" + slug + "/index.html"; }
inline std::string committee(const std::string& id) { return "committees/" + id + "/index.html"; }
inline std::string committee_ics(const std::string& id) { return "committees/" + id + "/meetings.ics"; }
inline std::string meeting(const std::string& id) { return "meetings/" + id + "/index.html"; }
inline std::string person(const std::string& id) { return "people/" + id + "/index.html"; }
inline std::string series(const std::string& id) { return "reports/" + id + "/index.html"; }
inline std::string report(const std::string& series, const std::string& year) {
  return "reports/" + series + "/" + year + "/index.html";
}
inline std::string register_all() { return "undertakings/index.html"; }
inline std::string register_state(const std::string& state) { return "undertakings/state/" + state + "/index.html"; }
inline std::string undertaking(const std::string& id) { return "undertakings/" + id + "/index.html"; }
inline std::string glossary() { return "glossary/index.html"; }
inline std::string search() { return "search/index.html"; }
inline std::string page(const std::string& stem) { return stem + "/index.html"; }
inline std::string document(const std::string& file) { return file; }  // "documents/…", copied as is
}  // namespace paths

}  // namespace rs
