#include "print_urls.h"

#include <vector>

#include "core/strings.h"

namespace rs {

std::string resolve_relative(const std::string& page_path, std::string_view href) {
  std::vector<std::string> parts;
  // The page's folder, then each step of the link.
  size_t slash = page_path.rfind('/');
  std::string walk = slash == std::string::npos ? std::string(href) : page_path.substr(0, slash + 1) + std::string(href);
  size_t tail = walk.find_first_of("?#");
  std::string suffix = tail == std::string::npos ? "" : walk.substr(tail);
  if (tail != std::string::npos) walk.resize(tail);
  size_t start = 0;
  while (start <= walk.size()) {
    size_t end = std::min(walk.find('/', start), walk.size());
    std::string step = walk.substr(start, end - start);
    if (step == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!step.empty() && step != ".") {
      parts.push_back(step);
    }
    start = end + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out + suffix;
}

namespace {
bool relative_link(std::string_view href) {
  if (href.empty() || href[0] == '#' || href[0] == '/') return false;
  // A scheme ("https:", "mailto:") before any slash makes it absolute.
  size_t colon = href.find(':'), slash = href.find('/');
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}
}  // namespace

std::string add_print_urls(std::string_view html, const std::string& page_path, const std::string& base_url) {
  if (base_url.empty()) return std::string(html);
  const std::string base = base_url.back() == '/' ? base_url : base_url + "/";
  size_t main_begin = html.find("<main"), main_end = html.rfind("</main>");
  if (main_begin == std::string_view::npos || main_end == std::string_view::npos) return std::string(html);
  std::string out(html.substr(0, main_begin));
  size_t at = main_begin;
  while (true) {
    size_t tag = html.find("<a ", at);
    if (tag == std::string_view::npos || tag >= main_end) break;
    size_t close = html.find('>', tag);
    if (close == std::string_view::npos || close > main_end) break;
    std::string_view attrs = html.substr(tag, close - tag);
    size_t h = attrs.find(" href=\"");
    out.append(html.substr(at, close - at));
    if (h != std::string_view::npos) {
      size_t value = h + 7, end = attrs.find('"', value);
      std::string_view href = end == std::string_view::npos ? std::string_view() : attrs.substr(value, end - value);
      // The href is already escaped for an attribute, and so is the base.
      if (relative_link(href))
        out += " data-print-url=\"" + html_escape(base) + resolve_relative(page_path, href) + "\"";
    }
    at = close;
  }
  out.append(html.substr(at));
  return out;
}

}  // namespace rs
