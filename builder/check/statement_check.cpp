// site.no-accessibility-statement: UK public bodies must publish an
// accessibility statement for each website. A site without its own gets the
// builder's default (render/accessibility_page.cpp), which cannot give the
// council's contact details or what it knows of its documents: so a warning,
// on every build, until the council writes its own.
#include "reportsite/check/check.h"
#include "reportsite/model/statement.h"

namespace rs {

namespace {

class StatementCheck : public Check {
 public:
  std::string name() const override { return "accessibility-statement"; }
  std::string version() const override { return {}; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    // A folder with no files read is not a site: the load error says so, alone.
    if (in.model.sources.size() == 0 || own_accessibility_statement(in.model.pages)) return;
    diags.add({Severity::warning, "site.no-accessibility-statement",
               "the site has no accessibility statement of its own, which UK public bodies must publish for each "
               "website, so the builder's default is published in its place at accessibility/index.html",
               {}, "content/pages/accessibility.md",
               "write content/pages/accessibility.md (with `title: Accessibility statement`): the default page shows "
               "the sections it needs; add your contact details and what you know of your documents",
               {}});
  }
};

}  // namespace

std::unique_ptr<Check> make_statement_check() { return std::make_unique<StatementCheck>(); }

}  // namespace rs
