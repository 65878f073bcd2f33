#pragma once
// Word's HTML minutes as paragraphs of plain text, and those as CommonMark.
#include <string>
#include <vector>

namespace rs::moderngov {

struct Para {
  std::string text;   // plain text, white space collapsed, no markup
  bool bullet = false;
};

std::vector<Para> html_paragraphs(const std::string& html);
/// Plain text as CommonMark that reads as the same text: Markdown's characters escaped.
std::string markdown_text(const std::string& text);
/// Paragraphs joined: blank lines between, a run of bullets as one list.
std::string paragraphs_markdown(const std::vector<Para>& ps);
/// All of the HTML's text, a paragraph a line (for searching, never for output).
std::string plain_text(const std::string& html);
/// "(a) ...", "(ii) ...": a typed sub-paragraph label.
bool label_paragraph(const std::string& paragraph);

}  // namespace rs::moderngov
