#pragma once
// Prose to HTML through cmark-gfm (tables, autolinks, strikethrough). Raw HTML
// written in prose is never passed through: it is shown as text and reported.
// A link or image with a URL core/url.h does not allow (javascript:, data:, ...)
// is published as its text alone and reported as markdown.unsafe-link.
#include <map>
#include <set>
#include <string>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/source.h"

namespace rs {

/// What one page has marked so far: the first use of each abbreviation gets
/// its expansion, and a link to its glossary entry when the page has one.
struct AbbrState {
  std::set<std::string> marked;
  std::string glossary_href;  // the glossary page, relative to this page; empty: no link (the glossary itself)
};

class MarkdownRenderer {
 public:
  /// `abbreviations` maps each glossary abbreviation to its expansion.
  explicit MarkdownRenderer(std::map<std::string, std::string> abbreviations);
  /// Block HTML for a prose field. Raw HTML (markdown.raw-html, a warning) and unsafe
  /// links (markdown.unsafe-link, an error) are reported when `diags` is given.
  /// Headings are raised to at least `min_heading` so they sit under the page's own.
  std::string render(const Text& text, AbbrState& page, Diagnostics* diags, int min_heading = 4) const;
  /// The same for a string with no source (generated text).
  std::string render(const std::string& markdown, AbbrState& page, int min_heading = 4) const;
  /// Plain text of prose with Markdown syntax removed (for search and feeds).
  std::string plain_text(const std::string& markdown) const;
  /// The same, one string a paragraph, heading or list item (for documents made of paragraphs).
  std::vector<std::string> plain_paragraphs(const std::string& markdown) const;

 private:
  std::string render_impl(const std::string& markdown, const Text* source, AbbrState& page, Diagnostics* diags,
                          int min_heading) const;
  std::map<std::string, std::string> abbreviations_;
};

}  // namespace rs
