#pragma once
// The last gate before publishing: every rendered page is parsed (libxml2's
// HTML parser) and checked for the accessibility and offline-link promises
// in PRODUCT.md. Rule ids are `page.<rule>`; every finding is an error whose
// `where` is the page path and whose message names the template.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"

namespace rs {

/// What the checks of other pages need of a page: its title and its ids.
struct PageSummary {
  std::string title;             // white space collapsed; empty when missing
  std::vector<std::string> ids;  // sorted
};

struct RenderedPage {
  std::string path;           // relative to the output root, '/'-separated, e.g. "meetings/x/index.html"
  std::string html;
  std::string template_name;  // e.g. "meeting.mustache", for messages
  /// Set for a page published unchanged by the last build, which passed then:
  /// it is not parsed again, and other pages' checks use this summary of it.
  const PageSummary* unchanged = nullptr;
};

/// The page check for pages drawn one at a time: pass 1 (each page alone:
/// parsing, accessibility, links to files) runs as each page is drawn, on any
/// thread; pass 2 (what needs every page: unique titles, links to ids on
/// other pages) runs once all are in. Only what pass 2 needs is kept of a page.
class PageCheck {
 public:
  /// `pages`: every page the build publishes (path and template; no html
  /// needed), numbered by their place; `files`: every path that will be
  /// written, pages included.
  PageCheck(std::vector<RenderedPage> pages, const std::set<std::string>& files);
  ~PageCheck();
  /// Pass 1 for page `i`, drawn as `html`. Findings go to `out`.
  void check(size_t i, const std::string& html, Diagnostics& out);
  /// Page `i` was published unchanged by the last build: its summary stands for it.
  void known(size_t i, const PageSummary& summary);
  /// Pass 2; returns each page's summary, in order. May be called again after
  /// more check() calls (a reused page checked afresh); its findings are only
  /// those of pass 2.
  std::vector<PageSummary> finish(Diagnostics& out) const;

 private:
  struct Facts;
  std::vector<RenderedPage> pages_;
  const std::set<std::string>& files_;
  std::unique_ptr<Facts> facts_;
};

/// Check every page; `files` is the set of every path that will be written (pages and assets),
/// used to resolve internal links. Findings go to `out` with `where` = the page path (span unknown).
/// Returns each page's summary, in the order of `pages`.
/// Safe to call from several threads at once (libxml2 is initialised once, error handlers are per thread).
std::vector<PageSummary> check_pages(const std::vector<RenderedPage>& pages, const std::set<std::string>& files,
                                     Diagnostics& out);

/// One build's run of a page rule: it sees each page as it is drawn, then
/// all of them once (for checks across pages).
class PageRuleRun {
 public:
  virtual ~PageRuleRun() = default;
  /// Page i (numbered as in PageRule::start), as drawn, on the thread that drew it.
  virtual void check(size_t i, const std::string& html, Diagnostics& out) = 0;
  /// Page i was published unchanged by the last build (which passed then), as summarised then.
  virtual void known(size_t, const PageSummary&) {}
  /// Once every page is in.
  virtual void finish(Diagnostics&) {}
  /// What this run read of each page, when it parses them (the built-in page
  /// check does; the rebuild keeps it for the next build's checks across pages).
  virtual std::vector<PageSummary> summaries() const { return {}; }
};

/// A rule over the pages a build draws, added to a Registry
/// (pipeline/registry.h); the built-in page.* rules are one (make_page_check()),
/// registered the same way. Findings go to `out` with `where` = the page path;
/// at error level they stop the build from publishing. A rule about one page
/// at a time overrides check(); one that needs every page overrides start().
class PageRule {
 public:
  virtual ~PageRule() = default;
  virtual std::string name() const = 0;
  /// Part of the build cache's key, so a program rebuilt with changed code
  /// never reports or publishes what the old code made: change it whenever
  /// what this page rule gives changes ("2", a date, your program's version).
  /// The built-in ones return "": they change only with the library, whose
  /// build id is in the key already. Changing it redoes this page rule's work only.
  virtual std::string version() const = 0;
  /// The rule on one page drawn (any thread). Pages reused unchanged are not shown again.
  virtual void check(const RenderedPage&, Diagnostics&) const {}
  /// Before a build's first page: its pages by number (path and template)
  /// and every file it writes; both outlive the run, which may keep
  /// references to them. The default run calls check() on each page drawn.
  virtual std::unique_ptr<PageRuleRun> start(const std::vector<RenderedPage>& pages,
                                             const std::set<std::string>& files) const;
};

/// What each built-in page rule finds, in words for the people who read the
/// site (the default accessibility statement lists them).
struct PageRuleSummary {
  const char* rule;
  const char* finds;
};
const std::vector<PageRuleSummary>& page_check_summaries();

/// The built-in page.* rules (PageCheck above), as a PageRule.
std::unique_ptr<PageRule> make_page_check();

}  // namespace rs
