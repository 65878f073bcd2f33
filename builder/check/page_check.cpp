#include "reportsite/check/page_check.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/core/url.h"

// Threads: libxml2 (built with thread support, as Debian's is) keeps the
// structured error handler per thread, and documents and XPath contexts here
// are per page, so pages may be checked on several threads at once. Only
// xmlInitParser() is process-wide, and it runs once under std::call_once.

namespace rs {
namespace {

/// Parse errors other than "unknown tag", which libxml2 2.9 says of every HTML5 element,
/// and "ID already defined", which page.duplicate-id reports with a count.
struct ParseErrors {
  std::vector<std::string> messages;
  static void collect(void* self, xmlErrorPtr e) {
    if (!e || e->code == XML_HTML_UNKNOWN_TAG || e->code == XML_DTD_ID_REDEFINED) return;
    std::string message = e->message ? trim(e->message) : "unknown error";
    static_cast<ParseErrors*>(self)->messages.push_back("line " + std::to_string(e->line) + ": " + message);
  }
};

/// A page as libxml2's HTML parser reads it. The parser is libxml2's, so its
/// errors and repairs (implied and auto-closed elements) are its own; its SAX
/// events are linked here as libxml2's tree builder (SAX2.c, 2.9) links them,
/// into a table instead of a node allocated per element, text and attribute
/// (building, walking with XPath and freeing that tree cost about as much as
/// the parse itself).
class Html {
 public:
  struct Attribute {
    const char* name;
    bool has_value;  // false for `<x hidden>`; its value reads as ""
    std::string_view value;
    size_t begin, size;  // in text_, while parsing
  };
  struct Node {
    enum class Kind : uint8_t { document, element, text };
    explicit Node(Kind k) : kind(k) {}
    Kind kind;
    const char* name = nullptr;  // an element's, lower case
    Node* parent = nullptr;      // null for the document and what lies directly in it
    Node* first_child = nullptr;
    Node* last_child = nullptr;
    Node* next = nullptr;
    const Attribute* attributes = nullptr;  // an element's
    size_t attribute_count = 0, attributes_begin = 0;
    std::string_view text;  // a text's (character data, or a script's or style's contents)
    size_t text_begin = 0, text_size = 0;
  };

  /// Parses the page; libxml2's errors go to `errors`. ok() is false when it made no document.
  Html(const RenderedPage& page, ParseErrors& errors) {
    nodes_.push_back(Node(Node::Kind::document));
    // Swap in our handler for this thread only, and put the previous one back.
    xmlStructuredErrorFunc previous = xmlStructuredError;
    void* previous_context = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&errors, &ParseErrors::collect);
    parse(page);
    xmlSetStructuredErrorFunc(previous_context, previous);
    for (Node& n : nodes_) {
      n.text = std::string_view(text_).substr(n.text_begin, n.text_size);
      if (n.attribute_count) n.attributes = &attributes_[n.attributes_begin];
    }
    for (Attribute& a : attributes_) a.value = std::string_view(text_).substr(a.begin, a.size);
  }
  ~Html() {
    if (ctxt_) xmlFreeParserCtxt(ctxt_);  // last: element names live in its dictionary
  }
  Html(const Html&) = delete;
  Html& operator=(const Html&) = delete;

  bool ok() const { return ok_; }
  const Node& document() const { return nodes_.front(); }
  /// Every element, in document order (the order they were made in).
  const std::vector<const Node*>& elements() const { return elements_; }

 private:
  // The steps of htmlReadMemory (and its htmlDoRead), with our SAX handlers.
  void parse(const RenderedPage& page) {
    ctxt_ = xmlCreateMemoryParserCtxt(page.html.data(), static_cast<int>(page.html.size()));
    if (!ctxt_) return;
    htmlDefaultSAXHandlerInit();
    if (ctxt_->sax) {
      memcpy(ctxt_->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
      // startDocument and internalSubset stay libxml2's: the parser reads the document's DTD.
      ctxt_->sax->internalSubset = &Html::on_internal_subset;
      ctxt_->sax->startElement = &Html::on_start;
      ctxt_->sax->endElement = &Html::on_end;
      ctxt_->sax->characters = &Html::on_text;
      ctxt_->sax->cdataBlock = &Html::on_text;
      ctxt_->sax->comment = &Html::on_comment;
      ctxt_->sax->processingInstruction = &Html::on_processing_instruction;
    }
    ctxt_->_private = this;  // userData stays the parser context, as libxml2's handlers expect
    htmlCtxtUseOptions(ctxt_, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ctxt_->html = 1;
    if (xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8")) {
      xmlSwitchToEncoding(ctxt_, utf8);
      if (ctxt_->input->encoding) xmlFree(const_cast<xmlChar*>(ctxt_->input->encoding));
      ctxt_->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    if (ctxt_->input && !ctxt_->input->filename)
      ctxt_->input->filename = reinterpret_cast<char*>(xmlStrdup(BAD_CAST page.path.c_str()));
    htmlParseDocument(ctxt_);
    ok_ = ctxt_->myDoc != nullptr;
    if (ctxt_->myDoc) xmlFreeDoc(ctxt_->myDoc);
    ctxt_->myDoc = nullptr;
  }

  static Html& of(void* ctx) { return *static_cast<Html*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

  Node& add(Node node, Node* parent) {
    nodes_.push_back(node);
    Node& n = nodes_.back();
    Node& into = parent ? *parent : nodes_.front();
    n.parent = parent;
    if (into.last_child) into.last_child->next = &n;
    else into.first_child = &n;
    into.last_child = &n;
    return n;
  }

  static void on_internal_subset(void* ctx, const xmlChar* name, const xmlChar* external_id, const xmlChar* system_id) {
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
    // libxml2 puts an HTML document's DTD first among its children.
    if (xmlGetIntSubset(static_cast<xmlParserCtxtPtr>(ctx)->myDoc)) {
      Html& self = of(ctx);
      self.top_level_seen_ = true;
      self.first_is_element_ = false;
    }
  }

  static void on_start(void* ctx, const xmlChar* full_name, const xmlChar** atts) {
    Html& self = of(ctx);
    const char* name = reinterpret_cast<const char*>(full_name);
    if (std::strchr(name, ':')) {
      // libxml2 names the element by what follows a prefix, and may warn of it.
      xmlChar* prefix = nullptr;
      xmlChar* local = xmlSplitQName(static_cast<xmlParserCtxtPtr>(ctx), full_name, &prefix);
      self.names_.emplace_back(local ? reinterpret_cast<const char*>(local) : name);
      xmlFree(local);
      xmlFree(prefix);
      name = self.names_.back().c_str();
    }
    // Where xmlSAX2StartElement links it: into the open element; else the
    // document's first element, when the document's first child is one; else the document.
    Node* parent = self.open_.empty() ? nullptr : self.open_.back();
    if (!parent && self.top_level_seen_ && self.first_is_element_) parent = self.first_element_;
    Node node(Node::Kind::element);
    node.name = name;
    node.attributes_begin = self.attributes_.size();
    for (size_t i = 0; atts && atts[i]; i += 2) {
      const xmlChar* value = atts[i + 1];
      if (!value && htmlIsBooleanAttr(atts[i])) value = atts[i];  // as xmlSAX2AttributeInternal does
      Attribute a{reinterpret_cast<const char*>(atts[i]), value != nullptr, {}, self.text_.size(), 0};
      if (value) {
        self.text_ += reinterpret_cast<const char*>(value);
        a.size = self.text_.size() - a.begin;
      }
      self.attributes_.push_back(a);
    }
    node.attribute_count = self.attributes_.size() - node.attributes_begin;
    bool first_top_level = self.open_.empty() && !self.top_level_seen_;
    Node& n = self.add(node, parent);
    if (first_top_level) {
      self.top_level_seen_ = true;
      self.first_is_element_ = true;
      self.first_element_ = &n;
    }
    self.open_.push_back(&n);
    self.elements_.push_back(&n);
  }

  static void on_end(void* ctx, const xmlChar*) {
    Html& self = of(ctx);
    if (!self.open_.empty()) self.open_.pop_back();
  }

  static void on_text(void* ctx, const xmlChar* text, int size) {
    Html& self = of(ctx);
    if (self.open_.empty()) return;  // text outside every element is dropped
    Node* parent = self.open_.back();
    self.text_.append(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
    if (Node* last = parent->last_child; last && last->kind == Node::Kind::text &&
                                         last->text_begin + last->text_size == self.text_.size() - size) {
      last->text_size += static_cast<size_t>(size);  // adjacent text is one node, as libxml2 joins it
      return;
    }
    Node node(Node::Kind::text);
    node.text_begin = self.text_.size() - static_cast<size_t>(size);
    node.text_size = static_cast<size_t>(size);
    self.add(node, parent);
  }

  static void on_comment(void* ctx, const xmlChar*) {
    Html& self = of(ctx);
    // Directly in the document, a comment first keeps later top-level elements
    // out of the first one; inside an element it changes nothing the rules read.
    if (self.open_.empty()) self.top_level_seen_ = true;
  }
  static void on_processing_instruction(void* ctx, const xmlChar*, const xmlChar*) { on_comment(ctx, nullptr); }

  xmlParserCtxtPtr ctxt_ = nullptr;
  bool ok_ = false;
  std::deque<Node> nodes_;  // the document first; a deque, so links stay put as it grows
  std::vector<Attribute> attributes_;
  std::string text_;              // every text and attribute value, end to end
  std::deque<std::string> names_;  // element names libxml2 split at a prefix
  std::vector<Node*> open_;
  std::vector<const Node*> elements_;
  bool top_level_seen_ = false;  // the document has a child (element, DTD, comment)
  bool first_is_element_ = false;
  Node* first_element_ = nullptr;
};

using Node = Html::Node;

void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::string_view name_of(const Node* n) { return n->name; }

bool is_element(const Node* n, std::string_view name) {
  return n && n->kind == Node::Kind::element && name_of(n) == name;
}

const Html::Attribute* find_attr(const Node* n, std::string_view name) {
  for (size_t i = 0; i < n->attribute_count; ++i)
    if (n->attributes[i].name == name) return &n->attributes[i];
  return nullptr;
}

/// An attribute's value, or nullopt when the element has no such attribute.
std::optional<std::string> attr(const Node* n, std::string_view name) {
  if (const Html::Attribute* a = find_attr(n, name)) return std::string(a->value);
  return std::nullopt;
}

std::string attr_or_empty(const Node* n, std::string_view name) {
  const Html::Attribute* a = find_attr(n, name);
  return a ? std::string(a->value) : std::string();
}

bool has_attr(const Node* n, std::string_view name) { return find_attr(n, name) != nullptr; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Trim and collapse runs of whitespace to one space, as a screen reader hears it.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

/// Every text inside `n`, in order, as xmlNodeGetContent gives it.
void append_text(const Node* n, std::string& out) {
  for (const Node* c = n->first_child; c; c = c->next) {
    if (c->kind == Node::Kind::text) out += c->text;
    else append_text(c, out);
  }
}

std::string text_content(const Node* n) {
  std::string s;
  append_text(n, s);
  return collapse_spaces(s);
}

/// Short enough to read in a one-line message.
std::string clip(std::string s, size_t limit = 60) {
  if (s.size() <= limit) return s;
  return s.substr(0, utf8_cut(s, 0, limit)) + "…";  // whole characters, on any bytes
}

/// `<a href="x">` — the element as the author wrote it, with the attribute that identifies it.
std::string describe(const Node* el) {
  std::string out = "`<" + std::string(name_of(el));
  for (const char* key : {"href", "src", "data", "id"}) {
    if (auto v = attr(el, key)) {
      out += std::string(" ") + key + "=\"" + clip(*v) + "\"";
      break;
    }
  }
  return out + ">`";
}

/// The text a screen reader announces for an element's contents: text, the alt of
/// images, aria-label of inner elements; hidden subtrees are skipped.
void accessible_text(const Node* n, std::string& out) {
  for (const Node* c = n->first_child; c; c = c->next) {
    if (c->kind == Node::Kind::text) {
      out += c->text;
      continue;
    }
    if (attr_or_empty(c, "aria-hidden") == "true" || attr(c, "hidden")) continue;
    std::string label = collapse_spaces(attr_or_empty(c, "aria-label"));
    if (!label.empty()) {
      out += " " + label + " ";
    } else if (is_element(c, "img") || is_element(c, "area") || is_element(c, "input")) {
      out += " " + attr_or_empty(c, "alt") + " ";
    } else {
      accessible_text(c, out);
      out += ' ';  // block boundaries separate words
    }
  }
}

bool has_descendant(const Node* n, std::string_view name) {
  for (const Node* c = n->first_child; c; c = c->next)
    if (c->kind == Node::Kind::element && (name_of(c) == name || has_descendant(c, name))) return true;
  return false;
}

/// Any "scheme:" prefix (mailto:, tel:, https:, data:...) before the first '/', '?' or '#'.
bool has_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (char c : url) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

bool refers_to_other_host(std::string_view url) {
  std::string lower = ascii_lower(url.substr(0, 8));
  return starts_with(lower, "http:") || starts_with(lower, "https:") || starts_with(lower, "//") ||
         starts_with(lower, "ftp:");
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// `<link>` is an asset unless every rel keyword names a page rather than loading one.
bool link_loads_something(const Node* link) {
  static const std::set<std::string, std::less<>> only_names = {
      "alternate", "author", "bookmark", "canonical", "help", "license", "me", "next", "prev", "search"};
  std::string rel = ascii_lower(attr_or_empty(link, "rel"));
  bool any = false;
  size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && is_space(rel[i])) ++i;
    size_t j = i;
    while (j < rel.size() && !is_space(rel[j])) ++j;
    if (j > i) {
      any = true;
      if (!only_names.count(std::string_view(rel).substr(i, j - i))) return true;
    }
    i = j;
  }
  return !any;
}

/// URLs named by a srcset: the first word of each comma-separated candidate.
std::vector<std::string> srcset_urls(std::string_view srcset) {
  std::vector<std::string> urls;
  size_t i = 0;
  while (i < srcset.size()) {
    size_t comma = srcset.find(',', i);
    if (comma == std::string_view::npos) comma = srcset.size();
    std::string candidate = trim(srcset.substr(i, comma - i));
    size_t space = 0;
    while (space < candidate.size() && !is_space(candidate[space])) ++space;
    if (space > 0) urls.push_back(candidate.substr(0, space));
    i = comma + 1;
  }
  return urls;
}

/// Attributes whose value a browser follows or loads as a URL (HTML, SVG, and
/// obsolete ones browsers still honour). srcset-like lists and ping are split.
bool is_url_attribute(std::string_view name) {
  static const std::set<std::string, std::less<>> names = {
      "action", "archive", "background", "cite", "classid", "codebase", "data", "dynsrc", "formaction", "href",
      "icon", "imagesrcset", "longdesc", "lowsrc", "manifest", "ping", "poster", "src", "srcset", "usemap",
      "xlink:href"};
  return names.count(ascii_lower(name)) > 0;
}

/// The URLs an attribute value names: one, or each of a srcset or a ping list.
std::vector<std::string> urls_in(std::string_view attribute, const std::string& value) {
  std::string name = ascii_lower(attribute);
  if (name == "srcset" || name == "imagesrcset") return srcset_urls(value);
  if (name == "ping" || name == "archive") {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && is_space(value[i])) ++i;
      size_t j = i;
      while (j < value.size() && !is_space(value[j])) ++j;
      if (j > i) out.push_back(value.substr(i, j - i));
      i = j;
    }
    return out;
  }
  return {value};
}

/// The URL of `<meta http-equiv="refresh" content="5; url=...">`, or nullopt.
std::optional<std::string> refresh_url(const Node* meta) {
  if (ascii_lower(trim(attr_or_empty(meta, "http-equiv"))) != "refresh") return std::nullopt;
  std::string content = attr_or_empty(meta, "content");
  size_t at = ascii_lower(content).find("url");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + 3;
  while (i < content.size() && is_space(content[i])) ++i;
  if (i >= content.size() || content[i] != '=') return std::nullopt;
  std::string url = trim(std::string_view(content).substr(i + 1));
  if (url.size() >= 2 && (url[0] == '\'' || url[0] == '"') && url.back() == url[0]) url = url.substr(1, url.size() - 2);
  return url;
}

/// A link to another checked page whose fragment can only be checked once every page's ids are known.
struct PendingFragment {
  std::string url;
  size_t target;
  std::string fragment;
};

struct PageFacts {
  bool parsed = false;
  std::string title;  // collapsed; empty when missing
  std::unordered_set<std::string> ids;
  std::vector<PendingFragment> pending;
};

/// What links may point at: every file written, and which of them are checked pages.
struct Site {
  const std::vector<RenderedPage>& pages;
  const std::set<std::string>& files;
  std::unordered_map<std::string_view, size_t> page_index;
  // `files` hashed, for a run over many pages; a run over a few (watch's
  // preview of one page) searches the tree instead of hashing every path.
  std::unordered_set<std::string_view> file_index;
  bool indexed = false;

  bool exists(const std::string& path) const {
    if (page_index.count(path)) return true;
    return indexed ? file_index.count(path) != 0 : files.count(path) != 0;
  }
  std::optional<size_t> page_at(const std::string& path) const {
    auto it = page_index.find(path);
    if (it == page_index.end()) return std::nullopt;
    return it->second;
  }
  /// Files in the same folder as `path`, to suggest from when a link misses.
  std::vector<std::string> neighbours(const std::string& path) const {
    std::string folder = path.substr(0, path.rfind('/') + 1);
    std::vector<std::string> out;
    for (auto it = files.lower_bound(folder); it != files.end() && starts_with(*it, folder); ++it)
      if (it->find('/', folder.size()) == std::string::npos) out.push_back(*it);
    return out;
  }
};

/// Reached with Tab, in document order (positive tabindex is not honoured here).
bool is_focusable(const Node* el) {
  if (auto tabindex = attr(el, "tabindex")) return trim(*tabindex) != "-1";
  std::string_view name = name_of(el);
  if (name == "a" || name == "area") return has_attr(el, "href");
  if (name == "input") return ascii_lower(attr_or_empty(el, "type")) != "hidden";
  return name == "button" || name == "select" || name == "textarea" || name == "summary";
}

bool inside(const Node* el, std::string_view ancestor) {
  for (const Node* p = el->parent; p; p = p->parent)
    if (is_element(p, ancestor)) return true;
  return false;
}

/// The elements the rules read, gathered from one `//*` walk in document order.
/// (One XPath query per rule measured 3-4 times the cost of parsing; one `//*` costs a few per cent.)
struct Elements {
  std::vector<const Node*> mains, h1s, headings, images, tables, header_cells, links_and_buttons, with_id,
      with_url, with_any_url;  // with_any_url: any URL attribute, or a refresh
  const Node* first_focusable = nullptr;  // in <body>

  explicit Elements(const Html& html) {
    for (const Node* el : html.elements()) {
      std::string_view name = name_of(el);
      if (name == "main") mains.push_back(el);
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        headings.push_back(el);
        if (name[1] == '1') h1s.push_back(el);
      }
      if (name == "img") images.push_back(el);
      if (name == "table") tables.push_back(el);
      if (name == "th") header_cells.push_back(el);
      if ((name == "a" && has_attr(el, "href")) || name == "button") links_and_buttons.push_back(el);
      if (has_attr(el, "id")) with_id.push_back(el);
      if (has_attr(el, "href") || has_attr(el, "src") || has_attr(el, "srcset") || has_attr(el, "poster") ||
          (name == "object" && has_attr(el, "data")))
        with_url.push_back(el);
      bool any_url = name == "meta";
      for (size_t a = 0; a < el->attribute_count && !any_url; ++a) any_url = is_url_attribute(el->attributes[a].name);
      if (any_url) with_any_url.push_back(el);
      if (!first_focusable && is_focusable(el) && inside(el, "body")) first_focusable = el;
    }
  }
};

class PageChecker {
 public:
  PageChecker(const RenderedPage& page, const Site& site, Diagnostics& out)
      : page_(page), site_(site), out_(out), folder_(page.path.substr(0, page.path.rfind('/') + 1)) {}

  PageFacts run() {
    ParseErrors errors;
    std::optional<Html> html;
    if (!page_.html.empty()) html.emplace(page_, errors);
    for (const auto& m : errors.messages) report("page.parse", "HTML parse error on " + m);
    if (!html || !html->ok()) {
      report("page.parse", "page cannot be parsed as HTML");
      return std::move(facts_);
    }
    facts_.parsed = true;
    Elements elements(*html);
    check_ids(elements);  // first: fragment checks below need this page's ids
    check_lang(*html);
    check_title(*html);
    check_landmarks(elements);
    check_heading_order(elements);
    check_images(elements);
    check_tables(elements);
    check_link_text(elements);
    check_unsafe_urls(elements);
    check_urls(elements);
    check_skip_link(elements);
    return std::move(facts_);
  }

 private:
  void report(const char* rule, std::string message, std::string suggestion = {}) {
    if (!page_.template_name.empty()) message += " (from " + page_.template_name + ")";
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = rule;
    d.message = std::move(message);
    d.where = page_.path;
    d.suggestion = std::move(suggestion);
    out_.add(std::move(d));
  }

  std::vector<std::string> sorted_ids() const {
    std::vector<std::string> ids(facts_.ids.begin(), facts_.ids.end());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  void check_ids(const Elements& elements) {
    std::map<std::string, int> seen;  // ordered, so messages come out in a stable order
    for (const Node* el : elements.with_id) {
      std::string id = attr_or_empty(el, "id");
      ++seen[id];
      facts_.ids.insert(id);
    }
    for (const auto& [id, n] : seen)
      if (n > 1)
        report("page.duplicate-id", "id `" + id + "` is used " + std::to_string(n) +
                                        " times on this page; links and labels reach only the first");
  }

  /// The elements directly in `parent` called `name`, in order (XPath's `name` step).
  static std::vector<const Node*> children_named(const Node& parent, std::string_view name) {
    std::vector<const Node*> out;
    for (const Node* c = parent.first_child; c; c = c->next)
      if (is_element(c, name)) out.push_back(c);
    return out;
  }

  void check_lang(const Html& page) {
    auto html = children_named(page.document(), "html");  // `/html`
    std::optional<std::string> lang = html.empty() ? std::nullopt : attr(html[0], "lang");
    if (!lang)
      report("page.lang", "`<html>` has no `lang` attribute, so screen readers cannot pick the language",
             "add lang=\"en-GB\"");
    else if (trim(*lang).empty())
      report("page.lang", "`<html lang>` is empty, so screen readers cannot pick the language",
             "add lang=\"en-GB\"");
  }

  void check_title(const Html& page) {
    std::vector<const Node*> titles;  // `/html/head/title`
    for (const Node* html : children_named(page.document(), "html"))
      for (const Node* head : children_named(*html, "head"))
        for (const Node* title : children_named(*head, "title")) titles.push_back(title);
    if (titles.empty()) {
      report("page.title", "page has no `<title>`; it names the tab and is the first thing a screen reader says");
      return;
    }
    facts_.title = text_content(titles[0]);
    if (facts_.title.empty()) report("page.title", "`<title>` is empty; it names the tab and is the first thing a screen reader says");
  }

  void check_landmarks(const Elements& elements) {
    size_t mains = elements.mains.size();
    if (mains != 1)
      report("page.main", "page has " + std::to_string(mains) + " `<main>` elements; it needs exactly one");
    size_t h1s = elements.h1s.size();
    if (h1s != 1) report("page.h1", "page has " + std::to_string(h1s) + " `<h1>` headings; it needs exactly one");
  }

  void check_heading_order(const Elements& elements) {
    int previous = 0;
    for (const Node* h : elements.headings) {
      int level = name_of(h)[1] - '0';
      auto heading = [&] { return "`<h" + std::to_string(level) + ">` \"" + clip(text_content(h)) + "\""; };
      if (previous == 0 && level != 1)
        report("page.heading-order", "the first heading is " + heading() + "; a page starts with its `<h1>`");
      else if (previous != 0 && level > previous + 1)
        report("page.heading-order", heading() + " follows `<h" + std::to_string(previous) +
                                         ">`, skipping a level; use `<h" + std::to_string(previous + 1) + ">`");
      previous = level;
    }
  }

  void check_images(const Elements& elements) {
    for (const Node* img : elements.images)
      if (!has_attr(img, "alt"))
        report("page.img-alt", describe(img) + " has no `alt`; describe it, or use alt=\"\" if it is decoration");
  }

  void check_tables(const Elements& elements) {
    const auto& tables = elements.tables;
    for (size_t i = 0; i < tables.size(); ++i) {
      const Node* caption = nullptr;
      for (const Node* c = tables[i]->first_child; c && !caption; c = c->next)
        if (is_element(c, "caption")) caption = c;
      auto name = [&] {
        return caption ? "table \"" + clip(text_content(caption)) + "\""
                       : "table " + std::to_string(i + 1) + " of " + std::to_string(tables.size());
      };
      if (!caption) report("page.table", name() + " has no `<caption>`; screen readers use it to name the table");
      if (!has_descendant(tables[i], "th"))
        report("page.table", name() + " has no `<th>` header cells, so its cells cannot be read with their headers");
    }
    for (const Node* th : elements.header_cells) {
      auto header = [&] { return "`<th>` \"" + clip(text_content(th)) + "\""; };
      auto scope = attr(th, "scope");
      if (!scope) {
        report("page.table", header() + " has no `scope`; say whether it heads a row or a column",
               "add scope=\"col\" or scope=\"row\"");
      } else if (std::string s = ascii_lower(trim(*scope)); s != "row" && s != "col" && s != "rowgroup" &&
                                                             s != "colgroup") {
        report("page.table", header() + " has scope=\"" + *scope + "\"; use row, col, rowgroup or colgroup");
      }
    }
  }

  void check_link_text(const Elements& elements) {
    static const std::set<std::string, std::less<>> vague = {"click here", "here", "read more", "more", "link"};
    for (const Node* el : elements.links_and_buttons) {
      std::string label = collapse_spaces(attr_or_empty(el, "aria-label"));
      bool labelled_elsewhere = !trim(attr_or_empty(el, "aria-labelledby")).empty();
      std::string text;
      accessible_text(el, text);
      text = collapse_spaces(text);
      if (label.empty() && !labelled_elsewhere && text.empty()) {
        report("page.link-text", describe(el) +
                                     " has no text a screen reader can announce; add text, an aria-label, "
                                     "or alt text on its image");
        continue;
      }
      if (!is_element(el, "a") || !label.empty() || labelled_elsewhere) continue;
      std::string plain = ascii_lower(text);
      while (!plain.empty() && (plain.back() == '.' || plain.back() == ':' || plain.back() == '!')) plain.pop_back();
      if (vague.count(plain))
        report("page.link-text", "link text \"" + text + "\" of " + describe(el) +
                                     " means nothing out of context; say where it goes, or add an aria-label");
    }
  }

  /// The scheme rule of core/url.h, the one Markdown links follow too.
  void check_unsafe_urls(const Elements& elements) {
    auto check = [&](const Node* el, const std::string& attribute, const std::string& url) {
      if (is_safe_url(url)) return;
      std::string scheme = url_scheme(url);
      report("page.unsafe-link",
             "`<" + std::string(name_of(el)) + " " + attribute + "=\"" + clip(trim(url)) + "\">` uses " +
                 (scheme.empty() ? std::string("an encoded scheme") : "the `" + scheme + ":` scheme") +
                 ", which can run code in a reader's browser; links and sources may use " + kSafeUrlSchemes);
    };
    for (const Node* el : elements.with_any_url) {
      for (size_t a = 0; a < el->attribute_count; ++a) {
        std::string name = el->attributes[a].name;
        if (!is_url_attribute(name)) continue;
        // <object data> is a URL; data-* attributes are other names.
        if (ascii_lower(name) == "data" && !is_element(el, "object")) continue;
        for (const auto& url : urls_in(name, attr_or_empty(el, name))) check(el, name, url);
      }
      if (is_element(el, "meta"))
        if (auto url = refresh_url(el)) check(el, "content", *url);
    }
  }

  void check_urls(const Elements& elements) {
    for (const Node* el : elements.with_url) {
      std::string_view tag = name_of(el);
      if (auto href = attr(el, "href")) check_url(el, "href", *href, tag == "link" && link_loads_something(el));
      if (auto src = attr(el, "src")) check_url(el, "src", *src, true);
      if (auto poster = attr(el, "poster")) check_url(el, "poster", *poster, true);
      if (tag == "object")
        if (auto data = attr(el, "data")) check_url(el, "data", *data, true);
      if (auto srcset = attr(el, "srcset"))
        for (const auto& url : srcset_urls(*srcset)) check_url(el, "srcset", url, true);
    }
  }

  void check_url(const Node* el, const char* attribute, std::string_view raw, bool is_asset) {
    std::string url = trim(raw);
    if (!is_safe_url(url)) return;  // page.unsafe-link says so
    // Named only when reported: most links are fine.
    auto where = [&] { return "`<" + std::string(name_of(el)) + " " + attribute + "=\"" + clip(url) + "\">`"; };
    if (is_asset && refers_to_other_host(url)) {
      report("page.external", where() + " loads from another host; pages must work offline and load nothing "
                                      "from elsewhere, so copy it into the site's assets");
      return;
    }
    if (has_scheme(url) || starts_with(url, "//")) return;  // mailto:, tel:, data:, links out
    if (url.empty()) {
      report("page.broken-link", where() + " is empty (a missing template value?)");
      return;
    }
    size_t hash = url.find('#');
    std::string path = url.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : percent_decode(url.substr(hash + 1));
    path = percent_decode(path.substr(0, path.find('?')));  // a query does not change the file
    if (path.empty()) {
      if (!fragment.empty() && !facts_.ids.count(fragment))
        report("page.broken-link", where() + " points to id `" + fragment + "`, which is not on this page",
               did_you_mean(fragment, sorted_ids()));
      return;
    }
    if (path[0] == '/') {
      report("page.broken-link", where() + " starts at the server root, which breaks when opened from file://; "
                                         "use a path relative to this page");
      return;
    }
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < folder_.size()) {  // the page's folder, "a/b/" -> {a, b}
      size_t slash = folder_.find('/', start);
      parts.push_back(folder_.substr(start, slash - start));
      start = slash + 1;
    }
    bool ends_in_folder = false;
    start = 0;
    for (;;) {
      size_t slash = path.find('/', start);
      std::string segment = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      bool last = slash == std::string::npos;
      if (segment == "..") {
        if (parts.empty()) {
          report("page.broken-link", where() + " climbs above the top of the site");
          return;
        }
        parts.pop_back();
      } else if (!segment.empty() && segment != ".") {
        parts.push_back(segment);
      }
      if (last) {
        ends_in_folder = segment.empty() || segment == "." || segment == "..";
        break;
      }
      start = slash + 1;
    }
    std::string resolved;
    for (const auto& p : parts) resolved += (resolved.empty() ? "" : "/") + p;
    std::string index = resolved.empty() ? "index.html" : resolved + "/index.html";
    if (ends_in_folder || (!site_.exists(resolved) && site_.exists(index))) {
      std::string fixed = url.substr(0, std::min(url.size(), url.find_first_of("?#")));
      fixed += ends_with(fixed, "/") ? "index.html" : "/index.html";
      report("page.broken-link", where() + " points to a folder, which opens a file listing (or nothing) from "
                                         "file://; link to the page itself",
             "link to `" + fixed + "`");
      return;
    }
    if (!site_.exists(resolved)) {
      report("page.broken-link", where() + " points to `" + resolved + "`, which the site does not contain",
             did_you_mean(resolved, site_.neighbours(resolved)));
      return;
    }
    if (fragment.empty()) return;
    auto target = site_.page_at(resolved);
    if (!target) return;  // an asset: a PDF's #page=2 is not an id
    if (resolved == page_.path) {
      if (!facts_.ids.count(fragment))
        report("page.broken-link", where() + " points to id `" + fragment + "`, which is not on this page");
      return;
    }
    facts_.pending.push_back({where(), *target, fragment});
  }

  void check_skip_link(const Elements& elements) {
    const auto& mains = elements.mains;
    if (mains.empty()) return;  // page.main says so already
    std::string main_id = attr_or_empty(mains[0], "id");
    if (main_id.empty()) {
      report("page.skip-link", "`<main>` has no id, so no skip link can jump to it");
      return;
    }
    const Node* first = elements.first_focusable;
    std::string wanted = "#" + main_id;
    if (!first) {
      report("page.skip-link", "page has no skip link; make the first link in `<body>` `<a href=\"" + wanted +
                                   "\">Skip to main content</a>`");
    } else if (!is_element(first, "a") || trim(attr_or_empty(first, "href")) != wanted) {
      report("page.skip-link", "the first thing keyboard users reach is " + describe(first) +
                                   ", not a skip link to `" + wanted + "`");
    }
  }

  const RenderedPage& page_;
  const Site& site_;
  Diagnostics& out_;
  std::string folder_;  // "meetings/x/" for "meetings/x/index.html"
  PageFacts facts_;
};

void report_site(Diagnostics& out, const RenderedPage& page, const char* rule, std::string message) {
  if (!page.template_name.empty()) message += " (from " + page.template_name + ")";
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = rule;
  d.message = std::move(message);
  d.where = page.path;
  out.add(std::move(d));
}

void check_unique_titles(const std::vector<RenderedPage>& pages, const std::vector<PageFacts>& facts,
                         Diagnostics& out) {
  std::unordered_map<std::string_view, std::vector<size_t>> by_title;
  for (size_t i = 0; i < pages.size(); ++i)
    if (!facts[i].title.empty()) by_title[facts[i].title].push_back(i);
  for (size_t i = 0; i < pages.size(); ++i) {
    if (facts[i].title.empty()) continue;
    const auto& same = by_title[facts[i].title];
    if (same.size() < 2) continue;
    size_t other = same[0] == i ? same[1] : same[0];
    std::string more = same.size() > 2 ? " and " + std::to_string(same.size() - 2) + " more" : "";
    report_site(out, pages[i], "page.title",
                "title \"" + clip(facts[i].title) + "\" is also the title of `" + pages[other].path + "`" + more +
                    "; each page needs its own so tabs, history and search results can be told apart");
  }
}

void check_pending_fragments(const std::vector<RenderedPage>& pages, const std::vector<PageFacts>& facts,
                             Diagnostics& out) {
  for (size_t i = 0; i < pages.size(); ++i)
    for (const auto& link : facts[i].pending) {
      const PageFacts& target = facts[link.target];
      if (!target.parsed || target.ids.count(link.fragment)) continue;
      report_site(out, pages[i], "page.broken-link",
                  link.url + " points to id `" + link.fragment + "`, which `" + pages[link.target].path +
                      "` does not have");
    }
}

}  // namespace

struct PageCheck::Facts {
  Site site;
  std::vector<PageFacts> pages;
};

PageCheck::PageCheck(std::vector<RenderedPage> pages, const std::set<std::string>& files)
    : pages_(std::move(pages)), files_(files) {
  init_libxml_once();
  facts_.reset(new Facts{Site{pages_, files_, {}}, std::vector<PageFacts>(pages_.size())});
  for (size_t i = 0; i < pages_.size(); ++i) facts_->site.page_index.emplace(pages_[i].path, i);
  // A page has tens of links: below this many pages, hashing every path costs more than it saves.
  constexpr size_t kIndexFromPages = 64;
  if (pages_.size() >= kIndexFromPages) {
    facts_->site.file_index.reserve(files_.size());
    for (const auto& f : files_) facts_->site.file_index.insert(f);
    facts_->site.indexed = true;
  }
}

PageCheck::~PageCheck() = default;

void PageCheck::check(size_t i, const std::string& html, Diagnostics& out) {
  RenderedPage page{pages_[i].path, html, pages_[i].template_name, nullptr};
  facts_->pages[i] = PageChecker(page, facts_->site, out).run();
}

void PageCheck::known(size_t i, const PageSummary& summary) {
  PageFacts& f = facts_->pages[i];
  f = PageFacts{};
  f.parsed = true;
  f.title = summary.title;
  f.ids.insert(summary.ids.begin(), summary.ids.end());
}

std::vector<PageSummary> PageCheck::finish(Diagnostics& out) const {
  const std::vector<PageFacts>& facts = facts_->pages;
  check_unique_titles(pages_, facts, out);
  check_pending_fragments(pages_, facts, out);
  std::vector<PageSummary> summaries(pages_.size());
  for (size_t i = 0; i < pages_.size(); ++i) {
    summaries[i].title = facts[i].title;
    for (const auto& id : facts[i].ids)
      if (!id.empty()) summaries[i].ids.push_back(id);
    std::sort(summaries[i].ids.begin(), summaries[i].ids.end());
  }
  return summaries;
}

std::vector<PageSummary> check_pages(const std::vector<RenderedPage>& pages, const std::set<std::string>& files,
                                     Diagnostics& out) {
  std::vector<RenderedPage> named;  // paths and templates; the html stays with the caller
  for (const auto& p : pages) named.push_back({p.path, {}, p.template_name, nullptr});
  PageCheck check(std::move(named), files);
  // Pages parse independently (the error handler is per thread), so pass 1
  // runs on all cores; facts land in fixed slots so results never depend on it.
  parallel_for(pages.size(), [&](size_t i) {
    if (const PageSummary* known = pages[i].unchanged) check.known(i, *known);
    else check.check(i, pages[i].html, out);
  });
  return check.finish(out);
}

namespace {

/// A rule about one page at a time.
class EachPageRun : public PageRuleRun {
 public:
  EachPageRun(const PageRule& rule, const std::vector<RenderedPage>& pages) : rule_(rule), pages_(pages) {}
  void check(size_t i, const std::string& html, Diagnostics& out) override {
    rule_.check(RenderedPage{pages_[i].path, html, pages_[i].template_name, nullptr}, out);
  }

 private:
  const PageRule& rule_;
  const std::vector<RenderedPage>& pages_;
};

class PageCheckRun : public PageRuleRun {
 public:
  PageCheckRun(const std::vector<RenderedPage>& pages, const std::set<std::string>& files) : check_(pages, files) {}
  void check(size_t i, const std::string& html, Diagnostics& out) override { check_.check(i, html, out); }
  void known(size_t i, const PageSummary& s) override { check_.known(i, s); }
  void finish(Diagnostics& out) override { summaries_ = check_.finish(out); }
  std::vector<PageSummary> summaries() const override { return summaries_; }

 private:
  PageCheck check_;
  std::vector<PageSummary> summaries_;
};

class BuiltinPageCheck : public PageRule {
 public:
  std::string name() const override { return "page"; }
  std::string version() const override { return {}; }
  std::unique_ptr<PageRuleRun> start(const std::vector<RenderedPage>& pages,
                                     const std::set<std::string>& files) const override {
    return std::make_unique<PageCheckRun>(pages, files);
  }
};

}  // namespace

std::unique_ptr<PageRuleRun> PageRule::start(const std::vector<RenderedPage>& pages,
                                             const std::set<std::string>&) const {
  return std::make_unique<EachPageRun>(*this, pages);
}

std::unique_ptr<PageRule> make_page_check() { return std::make_unique<BuiltinPageCheck>(); }

const std::vector<PageRuleSummary>& page_check_summaries() {
  static const std::vector<PageRuleSummary> kSummaries = {
      {"page.parse", "its markup cannot be read as HTML"},
      {"page.lang", "it does not say which language it is written in"},
      {"page.title", "it has no title"},
      {"page.main", "it does not have exactly one main area with one main heading"},
      {"page.skip-link", "it has no link to skip to the main content"},
      {"page.heading-order", "a heading skips a level"},
      {"page.table", "a table of figures has no header cells"},
      {"page.img-alt", "an image has no text alternative"},
      {"page.link-text", "a link has no text, or text that does not say where it goes"},
      {"page.broken-link", "a link leads to a page or document that does not exist"},
      {"page.duplicate-id", "two parts of it share one id, which confuses assistive technology"},
      {"page.external", "it loads anything (a font, script, style sheet or image) from another website"},
      {"page.unsafe-link", "a link would run a script"},
  };
  return kSummaries;
}

}  // namespace rs
