// Word's HTML (as ModernGov stores minutes and agenda text) to plain paragraphs and CommonMark.
#include <libxml/HTMLparser.h>

#include <cstring>
#include <regex>

#include "reportsite/core/strings.h"
#include "reportsite/import/minutes_text.h"
#include "reportsite/import/moderngov.h"

namespace rs::moderngov {

namespace {

bool is_block(const char* name) {
  static const char* const blocks[] = {"p",  "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                       "tr", "table", "blockquote", "dd", "dt", "dl", "section", "body", "td", "th"};
  for (const char* b : blocks)
    if (std::strcmp(name, b) == 0) return true;
  return false;
}

struct Walker {
  std::vector<Para> out;
  std::string current;
  bool in_li = false;

  void flush(bool li) {
    std::string t;
    // Collapse runs of white space, no-break spaces included, to one space: Word breaks lines mid-sentence.
    bool space = false;
    for (size_t i = 0; i < current.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(current[i]);
      bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      // No-break space, and the characters some YAML readers take for line breaks (NEL, U+2028, U+2029).
      if (c == 0xC2 && i + 1 < current.size() &&
          (static_cast<unsigned char>(current[i + 1]) == 0xA0 || static_cast<unsigned char>(current[i + 1]) == 0x85)) {
        ws = true;
        ++i;
      } else if (c == 0xE2 && i + 2 < current.size() && static_cast<unsigned char>(current[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(current[i + 2]) == 0xA8 || static_cast<unsigned char>(current[i + 2]) == 0xA9)) {
        ws = true;
        i += 2;
      }
      if (!ws && c < 0x20) continue;  // other control characters are dropped
      if (ws) {
        space = true;
        continue;
      }
      if (space && !t.empty()) t += ' ';
      space = false;
      t += static_cast<char>(c);
    }
    current.clear();
    if (t.empty()) return;
    Para p{t, li};
    // Word's typed bullets: a Symbol-font dot (it arrives as U+00B7, or U+F0B7 from the private area), "•", or "o".
    for (const char* mark : {"\u00b7 ", "\u2022 ", "\uf0b7 ", "\u00b7", "\u2022", "\uf0b7", "o "}) {
      if (starts_with(p.text, mark) && p.text.size() > std::strlen(mark)) {
        if (std::strcmp(mark, "o ") == 0 && !li) break;  // "o" starts many a sentence; only in a list is it a bullet
        p.text = trim(p.text.substr(std::strlen(mark)));
        p.bullet = true;
        break;
      }
    }
    out.push_back(std::move(p));
  }

  void walk(xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) current += reinterpret_cast<const char*>(n->content);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;  // comments, processing instructions
      const char* name = reinterpret_cast<const char*>(n->name);
      if (!std::strcmp(name, "script") || !std::strcmp(name, "style") || !std::strcmp(name, "head") ||
          !std::strcmp(name, "title") || !std::strcmp(name, "xml"))
        continue;
      if (!std::strcmp(name, "br")) {
        current += ' ';  // a line break in Word's HTML is almost always mid-sentence
        continue;
      }
      const bool block = is_block(name);
      const bool li = !std::strcmp(name, "li");
      if (block) flush(in_li);
      const bool was = in_li;
      if (li) in_li = true;
      walk(n->children);
      if (block) flush(in_li);
      in_li = was;
    }
  }
};

/// Word's conditional comments, which the HTML parser would otherwise keep as text.
std::string without_conditionals(const std::string& html) {
  static const std::regex conditional(R"(<!\[(end)?if[^\]]*\]>)", std::regex::icase);
  return std::regex_replace(html, conditional, "");
}

}  // namespace

std::vector<Para> html_paragraphs(const std::string& html) {
  if (trim(html).empty()) return {};
  const std::string clean = without_conditionals(html);
  htmlDocPtr doc = htmlReadMemory(clean.data(), static_cast<int>(clean.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  Walker w;
  if (doc) {
    w.walk(doc->children);
    w.flush(false);
    xmlFreeDoc(doc);
  }
  return w.out;
}

std::string markdown_text(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::strchr("\\`*_[]<>|~", c)) {
      out += '\\';
      out += c;
    } else if (c == '&') {
      // "&copy;" typed as text would be read as an entity.
      size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '#')) ++j;
      if (j > i + 1 && j < text.size() && text[j] == ';') out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  // Starts that Markdown would read as a heading, quote, list or break: "# ", "> ", "- ", "+ ", "1. ", "2) ".
  if (!out.empty() && std::strchr("#>-+=", out[0])) return "\\" + out;
  size_t d = 0;
  while (d < out.size() && d < 9 && std::isdigit(static_cast<unsigned char>(out[d]))) ++d;
  if (d > 0 && d < out.size() && (out[d] == '.' || out[d] == ')') && (d + 1 == out.size() || out[d + 1] == ' '))
    return out.substr(0, d) + "\\" + out.substr(d);
  return out;
}

std::string paragraphs_markdown(const std::vector<Para>& ps) {
  std::string md;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (i) md += ps[i].bullet && ps[i - 1].bullet ? "\n" : "\n\n";
    md += ps[i].bullet ? "- " + markdown_text(ps[i].text) : markdown_text(ps[i].text);
  }
  return md;
}

std::string plain_text(const std::string& html) {
  std::string s;
  for (const auto& p : html_paragraphs(html)) s += (s.empty() ? "" : "\n") + p.text;
  return s;
}

std::vector<std::string> html_to_paragraphs(const std::string& html) {
  std::vector<std::string> out;
  for (const auto& p : html_paragraphs(html)) out.push_back(p.bullet ? "- " + markdown_text(p.text) : markdown_text(p.text));
  return out;
}

bool resolved_paragraph(const std::string& paragraph, std::string* rest) {
  // An optional typed label ("8.4", "(a)", "3."), then RESOLVED in capitals, or "Resolved" with a colon.
  static const std::regex re(
      R"(^(?:(?:\(?[0-9]+(?:\.[0-9]+)*[.)]?|\([a-z]{1,4}\)|[a-z]\))\s+)?(RESOLVED|Resolved(?=\s*:))\s*(?::|-|\xE2\x80\x93|\xE2\x80\x94)?\s*(.*)$)");
  std::smatch m;
  if (!std::regex_match(paragraph, m, re)) return false;
  if (rest) *rest = trim(m[2].str());
  return true;
}

bool label_paragraph(const std::string& paragraph) {
  static const std::regex re(R"(^(?:\([a-z]{1,4}\)|[a-z]{1,4}\)|\([0-9]{1,2}\))\s)");
  return std::regex_search(paragraph, re);
}

std::set<int> exempt_paragraphs(const std::string& text) {
  std::set<int> found;
  // Only where Schedule 12A is named: "paragraph 3 of Part 1 of Schedule 12A", "paragraphs 1 and 3 ... 12A".
  const std::string lower = ascii_lower(text);
  if (lower.find("12a") == std::string::npos) return found;
  static const std::regex para(R"(paragraphs?\s+([0-9]+(?:\s*(?:,|and|&|or)\s*[0-9]+)*))");
  static const std::regex number(R"([0-9]+)");
  for (auto it = std::sregex_iterator(lower.begin(), lower.end(), para); it != std::sregex_iterator(); ++it) {
    const std::string list = (*it)[1].str();
    for (auto n = std::sregex_iterator(list.begin(), list.end(), number); n != std::sregex_iterator(); ++n)
      found.insert(std::stoi(n->str()));
  }
  return found;
}

}  // namespace rs::moderngov
