#pragma once
// The last gate before publishing: every rendered page is parsed (libxml2's
// HTML parser) and checked for the accessibility and offline-link promises
// in PRODUCT.md. Rule ids are `page.<rule>`; every finding is an error whose
// `where` is the page path and whose message names the template.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"

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

/// A rule of one's own over each page drawn by a build, for programs that
/// link the library (added to a Registry, pipeline/registry.h). Its findings
/// go to `out` with `where` = the page path, like the built-in page.* rules;
/// at error level they stop the build from publishing. Pages reused unchanged
/// from the last build (which passed then) are not shown again.
class PageRule {
 public:
  virtual ~PageRule() = default;
  virtual std::string name() const = 0;
  virtual void check(const RenderedPage& page, Diagnostics& out) const = 0;
};

}  // namespace rs
