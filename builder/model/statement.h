#pragma once
// The accessibility statement: UK public bodies must publish one for each
// website (the Public Sector Bodies Accessibility Regulations 2018). A site
// that writes none gets the builder's default at the same place, and a warning.
#include <string>
#include <vector>

#include "reportsite/core/strings.h"
#include "reportsite/model/model.h"

namespace rs {

/// Where the statement is published, the council's own or the default: the page stem.
inline const char* kStatementStem = "accessibility";

/// The site's own statement: the page at content/pages/accessibility.md, or
/// one whose title says it is an accessibility statement. nullptr when none.
inline const Page* own_accessibility_statement(const std::vector<Page>& pages) {
  for (const auto& p : pages)
    if (p.stem == kStatementStem || ascii_lower(p.title.value).find("accessibility statement") != std::string::npos)
      return &p;
  return nullptr;
}

}  // namespace rs
