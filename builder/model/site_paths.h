#pragma once
// Where each page of the site is published. Every link names its file
// (…/index.html) so the site works from file:// as from a server. The checks
// name pages by these paths too, so a finding and the page agree.
#include <string>
#include <string_view>

namespace rs {

namespace paths {
inline std::string home() { return "index.html"; }
inline std::string year(const std::string& slug) { return "years/" + slug + "/index.html"; }
inline std::string committee(const std::string& id) { return "committees/" + id + "/index.html"; }
inline std::string committee_ics(const std::string& id) { return "committees/" + id + "/meetings.ics"; }
inline std::string committee_feed(const std::string& id) { return "committees/" + id + "/feed.xml"; }
inline std::string meeting(const std::string& id) { return "meetings/" + id + "/index.html"; }
inline std::string person(const std::string& id) { return "people/" + id + "/index.html"; }
inline std::string series(const std::string& id) { return "reports/" + id + "/index.html"; }
inline std::string report(const std::string& series, const std::string& year) {
  return "reports/" + series + "/" + year + "/index.html";
}
inline std::string register_all() { return "undertakings/index.html"; }
inline std::string register_state(const std::string& state) { return "undertakings/state/" + state + "/index.html"; }
inline std::string undertaking(const std::string& id) { return "undertakings/" + id + "/index.html"; }
/// One owner's undertakings, by owner_slug() of the owner as written.
inline std::string register_owner(const std::string& slug) { return "undertakings/owner/" + slug + "/index.html"; }
/// The undertakings given at one committee's meetings.
inline std::string register_committee(const std::string& id) { return "undertakings/committee/" + id + "/index.html"; }
inline std::string glossary() { return "glossary/index.html"; }
inline std::string search() { return "search/index.html"; }
inline std::string page(const std::string& stem) { return stem + "/index.html"; }
inline std::string document(const std::string& file) { return file; }  // "documents/…", copied as is
}  // namespace paths

/// An owner as a path segment: a people id as it is, a name as written in
/// lower case with hyphens ("Director of Finance" → "director-of-finance").
/// Two names that differ only in case or punctuation share one page.
inline std::string owner_slug(std::string_view owner) {
  std::string slug;
  for (char c : owner) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) slug += c;
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "unnamed" : slug;
}

/// The id of a glossary entry on the glossary page, from its abbreviation (or
/// its term when it has none): "EHCP" → "term-ehcp", "Looked-after child" →
/// "term-looked-after-child". Pages link to an entry by it.
inline std::string glossary_anchor(std::string_view key) {
  std::string anchor;
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) anchor += c;
    else if (!anchor.empty() && anchor.back() != '-') anchor += '-';
  }
  return "term-" + anchor;
}

/// What keeps a path from naming a place inside the output folder. Paths
/// from users (`keep:` entries) and from plugins are judged by this one rule.
enum class OutputPathFault { none, empty, absolute, backslash, control_character, empty_folder, dot_dot, dot };
/// The first fault of `path` ('/'-separated, no trailing '/'), or none.
inline OutputPathFault output_path_fault(std::string_view path) {
  if (path.empty()) return OutputPathFault::empty;
  if (path[0] == '/' || path[0] == '~' || (path.size() > 1 && path[1] == ':')) return OutputPathFault::absolute;
  if (path.find('\\') != std::string_view::npos) return OutputPathFault::backslash;
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f) return OutputPathFault::control_character;
  for (size_t b = 0; b <= path.size();) {
    size_t e = path.find('/', b);
    if (e == std::string_view::npos) e = path.size();
    std::string_view part = path.substr(b, e - b);
    if (part.empty()) return OutputPathFault::empty_folder;
    if (part == "..") return OutputPathFault::dot_dot;
    if (part == ".") return OutputPathFault::dot;
    b = e + 1;
  }
  return OutputPathFault::none;
}

}  // namespace rs
