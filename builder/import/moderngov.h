#pragma once
// `reportsite import moderngov`: a council's saved ModernGov web-service
// responses (mgWebService.asmx) into a site's committees, people and meeting
// files. Offline: it reads only the folder it is given. Everything is read,
// checked and turned into files in memory first; nothing is written when the
// input is refused.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reportsite/core/date.h"
#include "reportsite/core/fs.h"

namespace rs::moderngov {

struct ImportOptions {
  std::string from_dir;      // the saved responses
  std::string site_dir = ".";
  std::string organisation;  // needed only when the site is made new
  Date as_of;                // meetings after it are in the future and skipped
};

struct ImportResult {
  int exit_code = 0;  // 0 done; 1 done, but a held meeting was not imported or the site has errors; 2 refused, nothing written
  std::string error;       // when refused: every reason, one line each
  std::string report;      // the import report (Markdown), also written to the site
  size_t written = 0, unchanged = 0, left_alone = 0, skipped = 0;
  std::vector<std::string> files_written;  // relative to the site
};

ImportResult import_moderngov(FileSystem& fs, const ImportOptions& options);

/// Where the report is written, relative to the site.
inline constexpr const char* kReportFile = "import-report.md";

// The pieces, for the unit tests.

/// ModernGov's "10/06/2025" as a date.
std::optional<Date> parse_uk_date(const std::string& s);
/// "6.30 pm" → "18:30"; nullopt when it is not a time.
std::optional<std::string> time_24h(const std::string& s);
/// Entity references undone as often as the title was escaped ("&amp;amp;" → "&").
std::string unescape_title(std::string s);
/// Word's HTML as CommonMark: paragraphs, "- " bullets, typed labels kept as
/// text, Markdown-significant characters escaped, no HTML left. Paragraphs
/// are returned one an entry.
std::vector<std::string> html_to_paragraphs(const std::string& html);
/// The Schedule 12A paragraph numbers that `text` names ("paragraphs 1 and 3 of Part 1 of Schedule 12A").
std::set<int> exempt_paragraphs(const std::string& text);
/// Whether the paragraph is a decision ("RESOLVED: ...", "3.4 RESOLVED - ..."); `rest` gets the decision's words.
bool resolved_paragraph(const std::string& paragraph, std::string* rest);

}  // namespace rs::moderngov
