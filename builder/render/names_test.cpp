// Names, never ids: what people read (pages, feeds, calendars) names a
// meeting, an undertaking or a person as people do, never by the id the YAML
// uses to refer to it. Walks every such output of the example site.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "reportsite/core/fs.h"
#include "reportsite/pipeline/pipeline.h"

namespace rs {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The text a reader sees: markup, attributes, scripts and styles removed;
/// in a feed, its ids too; in a calendar, only the lines shown to people.
std::string readable_text(const std::string& path, const std::string& bytes) {
  if (ends_with(path, ".ics")) {
    std::string out;
    std::regex shown("^(SUMMARY|DESCRIPTION|X-WR-CALNAME|LOCATION)[^:]*:(.*)$");
    // Unfold continuation lines first (RFC 5545: CRLF then a space).
    std::string unfolded = std::regex_replace(bytes, std::regex("\r\n[ \t]"), "");
    std::smatch m;
    size_t start = 0;
    while (start < unfolded.size()) {
      size_t end = unfolded.find('\n', start);
      if (end == std::string::npos) end = unfolded.size();
      std::string line = unfolded.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (std::regex_match(line, m, shown)) out += m[2].str() + "\n";
      start = end + 1;
    }
    return out;
  }
  std::string s = bytes;
  s = std::regex_replace(s, std::regex("<(script|style)[^>]*>[\\s\\S]*?</\\1>"), " ");
  if (ends_with(path, ".xml")) s = std::regex_replace(s, std::regex("<id>[^<]*</id>"), " ");
  return std::regex_replace(s, std::regex("<[^>]*>"), " ");
}

TEST_CASE("names, never ids: no page, feed or calendar shows a meeting, undertaking or person by its id") {
  RealFileSystem fs;
  BuildOptions o;
  o.site_dir = REPORTSITE_SOURCE_DIR;
  o.write = false;
  BuildResult r = build_site(fs, o);
  REQUIRE(r.errors == 0);
  // Ids people never use: a meeting's file name, an undertaking's id, a person's id, a report's id.
  std::set<std::string> ids;
  for (const auto& m : r.model.meetings) ids.insert(m.id);
  for (const auto& u : r.site.undertakings) ids.insert(u.undertaking->id.value);
  for (const auto& p : r.model.people) ids.insert(p.id.value);
  for (const auto& rep : r.model.reports) ids.insert(rep.id);
  REQUIRE(ids.size() > 5);
  size_t read = 0;
  for (const auto& f : r.files) {
    const bool for_people = ends_with(f.path, ".html") || ends_with(f.path, ".ics") || f.path == "feed.xml" ||
                            ends_with(f.path, "/feed.xml");
    if (!for_people || f.bytes.empty()) continue;
    ++read;
    const std::string text = readable_text(f.path, f.bytes);
    for (const auto& id : ids) {
      // As a whole token: "2018-10-17-audit" but not inside "2018-10-17-audit-extra".
      for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
        auto part_of_id = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
        const bool before = at > 0 && part_of_id(text[at - 1]);
        const bool after = at + id.size() < text.size() && part_of_id(text[at + id.size()]);
        if (before || after) continue;
        const size_t from = at > 40 ? at - 40 : 0;
        FAIL_CHECK(f.path << " shows the id `" << id << "`: …" << text.substr(from, 100) << "…");
        break;
      }
    }
  }
  CHECK(read > 20);
}

}  // namespace
}  // namespace rs
