#include "reportsite/render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include "reportsite/core/strings.h"
#include "reportsite/core/url.h"
#include "reportsite/model/markers.h"
#include "reportsite/model/site_paths.h"

namespace rs {

namespace {

std::once_flag extensions_once;

struct Parsed {
  cmark_parser* parser = nullptr;
  cmark_node* doc = nullptr;
  ~Parsed() {
    if (doc) cmark_node_free(doc);
    if (parser) cmark_parser_free(parser);
  }
};

void parse(Parsed& p, const std::string& markdown) {
  std::call_once(extensions_once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  p.parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "autolink", "strikethrough"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(p.parser, ext);
  cmark_parser_feed(p.parser, markdown.data(), markdown.size());
  p.doc = cmark_parser_finish(p.parser);
}

std::vector<cmark_node*> nodes_of(cmark_node* doc, bool (*want)(cmark_node*)) {
  std::vector<cmark_node*> out;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && want(cmark_iter_get_node(iter))) out.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return out;
}

bool is_html(cmark_node* n) {
  auto t = cmark_node_get_type(n);
  return t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

bool is_text(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TEXT; }

bool inside_link(cmark_node* n) {
  for (cmark_node* up = cmark_node_parent(n); up; up = cmark_node_parent(up))
    if (cmark_node_get_type(up) == CMARK_NODE_LINK) return true;
  return false;
}

/// True when the text around an abbreviation already spells it out, as in
/// "Education, Health and Care Plan (EHCP)": no second expansion is added.
bool spelt_out_nearby(const std::string& text, size_t begin, size_t end, const std::string& expansion) {
  const size_t reach = expansion.size() + 4;
  const size_t from = begin > reach ? begin - reach : 0;
  const std::string around = ascii_lower(text.substr(from, std::min(text.size(), end + reach) - from));
  return around.find(ascii_lower(expansion)) != std::string::npos;
}

/// The first use of an abbreviation on a page. With a glossary to link to, a
/// link to its entry that carries the expansion as text: read out by screen
/// readers, shown on focus and hover (style.css), and a tap away on a phone,
/// where a `title` tooltip reaches no one. Inside a link (links do not nest),
/// or with no glossary, an <abbr> with its title.
std::string first_use_html(const std::string& word, const std::string& expansion, const std::string& glossary_href,
                           bool in_link, bool spelt_out) {
  if (glossary_href.empty() || in_link)
    return "<abbr title=\"" + html_escape(expansion) + "\">" + html_escape(word) + "</abbr>";
  std::string html = "<a class=\"abbr\" href=\"" + html_escape(glossary_href + "#" + glossary_anchor(word)) +
                     "\"><abbr>" + html_escape(word) + "</abbr>";
  if (!spelt_out) html += "<span class=\"abbr-expansion\"> (" + html_escape(expansion) + ")</span>";
  return html + "</a>";
}

bool is_link_or_image(cmark_node* n) {
  auto t = cmark_node_get_type(n);
  return t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

/// "the `javascript:` scheme" for a message, or "an encoded scheme" when it hides behind encoding.
std::string scheme_named(const std::string& url) {
  std::string scheme = url_scheme(url);
  return scheme.empty() ? "an encoded scheme" : "the `" + scheme + ":` scheme";
}

/// `<!-- allow rule: reason -->` silences one finding (see model/markers.h); it is not content.
bool is_suppress_marker(std::string_view html) {
  std::string t = trim(html);
  return starts_with(t, "<!-- allow ") && ends_with(t, "-->") && t.find("-->") == t.size() - 3;
}

/// Byte offset in `text` of 1-based line/column as cmark counts them.
size_t offset_at(const std::string& text, int line, int column) {
  size_t off = 0;
  for (int l = 1; l < line && off < text.size(); ++l) {
    size_t nl = text.find('\n', off);
    if (nl == std::string::npos) return text.size();
    off = nl + 1;
  }
  return std::min(text.size(), off + static_cast<size_t>(std::max(1, column) - 1));
}

/// The bytes [begin, end) of a link or image in `text`. cmark-gfm 0.29 places a
/// `<...>` autolink after a paragraph's first line wrongly, but its text right.
std::pair<size_t, size_t> link_span(const std::string& text, cmark_node* n) {
  size_t b = offset_at(text, cmark_node_get_start_line(n), cmark_node_get_start_column(n));
  size_t e = offset_at(text, cmark_node_get_end_line(n), cmark_node_get_end_column(n)) + 1;
  bool plausible = b < text.size() && (text[b] == '[' || text[b] == '!' || text[b] == '<') && e > b;
  cmark_node* child = cmark_node_first_child(n);
  if (!plausible && child && cmark_node_get_start_line(child) > 0) {
    b = offset_at(text, cmark_node_get_start_line(child), cmark_node_get_start_column(child));
    e = offset_at(text, cmark_node_get_end_line(child), cmark_node_get_end_column(child)) + 1;
    if (b > 0 && text[b - 1] == '<') --b, ++e;
  }
  b = std::min(b, text.size());
  return {b, std::max(b + 1, std::min(e, text.size()))};
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80);
}

/// The text of a node's inline children.
std::string plain_of(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    auto t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) && cmark_node_get_literal(n))
      out += cmark_node_get_literal(n);
    else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK))
      out += ' ';
  }
  cmark_iter_free(iter);
  return out;
}

/// Give the k-th table its caption, and every header cell a scope.
std::string add_table_captions(const std::string& html, const std::vector<std::string>& captions) {
  std::string out;
  size_t pos = 0, k = 0;
  for (;;) {
    size_t t = html.find("<table>", pos);
    if (t == std::string::npos) break;
    out += html.substr(pos, t - pos) + "<table>\n<caption>" + html_escape(k < captions.size() ? captions[k] : "Table") +
           "</caption>";
    pos = t + 7;
    ++k;
  }
  out += html.substr(pos);
  std::string scoped;
  pos = 0;
  for (;;) {
    size_t t = out.find("<th", pos);
    if (t == std::string::npos) break;
    scoped += out.substr(pos, t - pos);
    char next = t + 3 < out.size() ? out[t + 3] : 0;
    scoped += (next == '>' || next == ' ') ? "<th scope=\"col\"" : "<th";
    pos = t + 3;
  }
  scoped += out.substr(pos);
  // `align` is obsolete HTML: alignment becomes a class the stylesheet knows.
  for (const auto& [from, to] : {std::pair<std::string, std::string>{" align=\"right\"", " class=\"num\""},
                                 {" align=\"center\"", " class=\"center\""},
                                 {" align=\"left\"", ""}}) {
    for (size_t at; (at = scoped.find(from)) != std::string::npos;) scoped.replace(at, from.size(), to);
  }
  return scoped;
}

}  // namespace

MarkdownRenderer::MarkdownRenderer(std::map<std::string, std::string> abbreviations)
    : abbreviations_(std::move(abbreviations)) {}

std::string MarkdownRenderer::render(const Text& text, AbbrState& page, Diagnostics* diags, int min_heading) const {
  return render_impl(text.value, &text, page, diags, min_heading);
}

std::string MarkdownRenderer::render(const std::string& markdown, AbbrState& page, int min_heading) const {
  return render_impl(markdown, nullptr, page, nullptr, min_heading);
}

std::string MarkdownRenderer::render_impl(const std::string& written, const Text* source, AbbrState& page,
                                          Diagnostics* diags, int min_heading) const {
  if (written.empty()) return {};
  // Allow markers are taken out before cmark sees the text: a marker that
  // starts a line would otherwise open an HTML block holding the rest of the
  // line, which would then be published as text. Offsets found in what is
  // parsed are mapped back to the text as written for diagnostics.
  std::vector<ByteRange> kept;
  std::string without_markers;
  if (written.find("<!--") != std::string::npos) without_markers = strip_markers(written, &kept);
  const std::string& markdown = kept.empty() ? written : without_markers;
  auto span_of = [&](size_t b, size_t e) {
    if (!kept.empty()) b = unstripped_offset(kept, b), e = unstripped_offset(kept, e);
    return source->span_of(b, e);
  };
  if (markdown.empty()) return {};
  Parsed p;
  parse(p, markdown);

  for (cmark_node* n : nodes_of(p.doc, [](cmark_node* x) { return cmark_node_get_type(x) == CMARK_NODE_HEADING; }))
    if (cmark_node_get_heading_level(n) < min_heading) cmark_node_set_heading_level(n, std::min(6, min_heading));

  // A link or image whose URL could run code or load what the page does not
  // show (javascript:, data:, ...) loses its URL and keeps its text: the
  // HTML renderer's own filter is off, as CMARK_OPT_UNSAFE is needed below.
  for (cmark_node* n : nodes_of(p.doc, is_link_or_image)) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    if (is_safe_url(url)) continue;
    if (diags && source) {
      auto [b, e] = link_span(markdown, n);
      bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
      diags->add({Severity::error, "markdown.unsafe-link",
                  std::string(image ? "this image's source uses " : "this link uses ") + scheme_named(url) +
                      ", which can run code in a reader's browser; it is not published (its text is)",
                  span_of(b, e), {},
                  std::string("link only to ") + kSafeUrlSchemes, {}});
    }
    while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
    cmark_node_free(n);
  }

  // Raw HTML becomes literal text, so it is escaped on output; the only HTML
  // that reaches the page is what the builder itself adds below.
  for (cmark_node* n : nodes_of(p.doc, is_html)) {
    std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    if (is_suppress_marker(literal)) {
      cmark_node_free(n);
      continue;
    }
    if (diags && source) {
      size_t b = offset_at(markdown, cmark_node_get_start_line(n), cmark_node_get_start_column(n));
      size_t e = std::min(markdown.size(), b + trim(literal).size());
      Diagnostic d{Severity::warning, "markdown.raw-html",
                   "raw HTML is not published: it is shown as text. Use Markdown instead", span_of(b, e),
                   {}, {}, {}};
      diags->add(std::move(d));
    }
    bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, block ? trim(literal).c_str() : literal.c_str());
    if (block) {
      cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(para, text);
      cmark_node_replace(n, para);
    } else {
      cmark_node_replace(n, text);
    }
    cmark_node_free(n);
  }

  // The first use of each known abbreviation on the page gets its expansion.
  if (!abbreviations_.empty()) {
    for (cmark_node* n : nodes_of(p.doc, is_text)) {
      std::string s = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
      size_t i = 0;
      cmark_node* current = n;
      size_t consumed = 0;  // bytes of s already moved before `current`
      while (i < s.size()) {
        if (!word_char(s[i]) || (i > 0 && word_char(s[i - 1]))) {
          ++i;
          continue;
        }
        size_t e = i;
        while (e < s.size() && word_char(s[e])) ++e;
        std::string word = s.substr(i, e - i);
        auto it = abbreviations_.find(word);
        if (it != abbreviations_.end() && !page.marked.count(word)) {
          page.marked.insert(word);
          cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
          cmark_node_set_literal(before, s.substr(consumed, i - consumed).c_str());
          cmark_node* abbr = cmark_node_new(CMARK_NODE_HTML_INLINE);
          const std::string html = first_use_html(word, it->second, page.glossary_href, inside_link(n),
                                                  spelt_out_nearby(s, i, e, it->second));
          cmark_node_set_literal(abbr, html.c_str());
          cmark_node_insert_before(current, before);
          cmark_node_insert_before(current, abbr);
          consumed = e;
          cmark_node_set_literal(current, s.substr(consumed).c_str());
        }
        i = e;
      }
    }
  }

  // A table needs a caption (and its headers a scope) to be read out well: a
  // paragraph `Table: what it shows` just before it becomes its caption.
  std::vector<std::string> captions;
  for (cmark_node* t : nodes_of(p.doc, [](cmark_node* x) {
         const char* type = cmark_node_get_type_string(x);
         return type && std::string(type) == "table";
       })) {
    cmark_node* prev = cmark_node_previous(t);
    std::string caption;
    if (prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH) {
      std::string text = plain_of(prev);
      if (starts_with(text, "Table:")) {
        caption = trim(text.substr(6));
        cmark_node_free(prev);
      }
    }
    if (caption.empty()) {
      caption = "Table";
      if (diags && source) {
        size_t b = offset_at(markdown, cmark_node_get_start_line(t), cmark_node_get_start_column(t));
        diags->add({Severity::warning, "markdown.table-caption",
                    "this table has no caption: write a line `Table: what it shows` just before it", span_of(b, b + 1),
                    {}, {}, {}});
      }
    }
    captions.push_back(caption);
  }

  cmark_llist* exts = cmark_parser_get_syntax_extensions(p.parser);
  // CMARK_OPT_UNSAFE only lets through the <abbr> nodes added above: all raw HTML was turned into text.
  char* html = cmark_render_html(p.doc, CMARK_OPT_UNSAFE, exts);
  std::string out = html ? html : "";
  std::free(html);
  if (!captions.empty()) out = add_table_captions(out, captions);
  return out;
}

std::string MarkdownRenderer::plain_text(const std::string& markdown) const {
  std::string out;
  for (const auto& paragraph : plain_paragraphs(markdown)) out += (out.empty() ? "" : " ") + paragraph;
  return out;
}

std::vector<std::string> MarkdownRenderer::plain_paragraphs(const std::string& written) const {
  if (written.empty()) return {};
  Parsed p;
  parse(p, written.find("<!--") == std::string::npos ? written : strip_markers(written));
  auto is_table = [](cmark_node* n) {
    const char* type = n ? cmark_node_get_type_string(n) : nullptr;
    return type && std::string(type) == "table";
  };
  std::vector<std::string> out;
  std::string current;
  cmark_iter* iter = cmark_iter_new(p.doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    auto t = cmark_node_get_type(n);
    const std::string_view type = cmark_node_get_type_string(n) ? cmark_node_get_type_string(n) : "";
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
      if (!is_suppress_marker(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : ""))
        current += cmark_node_get_literal(n);
    } else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
      current += ' ';
    } else if (ev == CMARK_EVENT_EXIT && type == "table_cell") {
      current += ' ';  // cells are words apart, as a reader sees them
    } else if (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM ||
                                          type == "table_row" || type == "table_header")) {
      std::string done = trim(current);
      // `Table: what it shows` above a table is its caption (render_impl): the words, not the label.
      if (t == CMARK_NODE_PARAGRAPH && is_table(cmark_node_next(n)) && starts_with(done, "Table:"))
        done = trim(done.substr(6));
      if (!done.empty()) out.push_back(std::move(done));
      current.clear();
    }
  }
  cmark_iter_free(iter);
  if (std::string rest = trim(current); !rest.empty()) out.push_back(std::move(rest));
  return out;
}

}  // namespace rs
