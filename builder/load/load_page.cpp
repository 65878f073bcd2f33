// A free page: content/pages/<stem>.md with YAML front matter.
#include <cstdlib>

#include "reportsite/core/strings.h"
#include "reportsite/load/input_format.h"
#include "reportsite/load/load_site.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

std::optional<Page> load_page(const SourceSet& sources, FileId file, const std::string& stem, Diagnostics& diags) {
  const std::string& text = sources.content(file);
  Span start{file, 0, 1};
  if (!is_slug(stem)) {
    diags.error("load.bad-id", start, "page file name `" + stem + ".md` is not a valid id (lower-case letters, digits, hyphens)");
    return std::nullopt;
  }
  // A UTF-8 byte-order mark is not content.
  const size_t bom = starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view after_bom = std::string_view(text).substr(bom);
  if (!starts_with(after_bom, "---\n") && !starts_with(after_bom, "---\r\n")) {
    diags.error("load.front-matter", start, "a page starts with front matter: a line `---`, `title: ...`, and `---`");
    return std::nullopt;
  }
  size_t fm_begin = text.find('\n') + 1;
  size_t close = fm_begin;
  for (;;) {
    size_t eol = text.find('\n', close);
    std::string line = trim(std::string_view(text).substr(close, eol == std::string::npos ? std::string::npos : eol - close));
    if (line == "---") break;
    if (eol == std::string::npos) {
      diags.error("load.front-matter", start, "the front matter is not closed by a line `---`");
      return std::nullopt;
    }
    close = eol + 1;
  }
  size_t body_begin = text.find('\n', close);
  body_begin = body_begin == std::string::npos ? text.size() : body_begin + 1;

  YamlReader r(sources, file, diags);
  auto fm = r.parse_part(std::string_view(text).substr(fm_begin, close - fm_begin), static_cast<uint32_t>(fm_begin));
  if (!fm) return std::nullopt;
  Page p;
  p.stem = stem;
  p.file = file;
  Fields f(r, *fm, input::page_object().keys(), "a page's front matter");
  if (!f.ok()) return std::nullopt;
  p.title = r.text(f.require("title"), "title");
  if (auto o = r.count(f.get("order"), "order")) p.order = static_cast<int>(o->value);
  p.body.value = text.substr(body_begin);
  p.body.file = file;
  p.body.map = {Segment{0, static_cast<uint32_t>(body_begin)}};
  p.body.span = Span{file, static_cast<uint32_t>(body_begin), static_cast<uint32_t>(text.size())};
  if (p.title.empty()) return std::nullopt;
  return p;
}

}  // namespace rs
