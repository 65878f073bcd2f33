#include "reportsite/import/xml_input.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>

#include "reportsite/core/strings.h"

namespace rs::moderngov {

namespace {

void line_col(const std::string& bytes, size_t offset, int* line, int* col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++*line;
      *col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++*col;
    }
  }
}

std::string at(const std::string& path, int line, int col, const std::string& message, const char* rule) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message + " [" + rule + "]";
}

/// The first node that the service never sends and that could make the parser reach further than the text:
/// an entity reference, an entity declaration, a DTD. Also any value over the field limit.
bool tree_problem(xmlNode* n, const std::string& path, std::vector<std::string>* refusals) {
  for (; n; n = n->next) {
    if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_DECL || n->type == XML_DTD_NODE) {
      refusals->push_back(at(path, static_cast<int>(xmlGetLineNo(n)), 1,
                             "an entity reference or declaration: the service never sends one, so the file is refused",
                             "import.xml-entity"));
      return true;
    }
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
        std::strlen(reinterpret_cast<const char*>(n->content)) > kMaxFieldBytes) {
      refusals->push_back(at(path, static_cast<int>(xmlGetLineNo(n->parent ? n->parent : n)), 1,
                             "a value of more than " + std::to_string(kMaxFieldBytes >> 20) +
                                 " MB: no field of a committee record is that long, so the file is refused",
                             "import.too-large"));
      return true;
    }
    if (n->children && tree_problem(n->children, path, refusals)) return true;
  }
  return false;
}

}  // namespace

size_t invalid_utf8_at(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string::npos;
}

XmlDoc parse_response(const std::string& path, const std::string& bytes, std::vector<std::string>* refusals) {
  if (static_cast<long long>(bytes.size()) > kMaxResponseBytes) {
    refusals->push_back(at(path, 1, 1,
                           "the file is " + std::to_string(bytes.size() >> 20) + " MB; a response over " +
                               std::to_string(kMaxResponseBytes >> 20) + " MB is refused",
                           "import.too-large"));
    return nullptr;
  }
  if (size_t bad = invalid_utf8_at(bytes); bad != std::string::npos) {
    int line, col;
    line_col(bytes, bad, &line, &col);
    refusals->push_back(at(path, line, col, "the file is not valid UTF-8 (byte " + std::to_string(bad) + ")",
                           "import.encoding"));
    return nullptr;
  }
  // The service sends no DTD. One in a saved file means entities (a billion laughs, or an
  // external file or address to read): refused before libxml2 sees it.
  for (const char* marker : {"<!DOCTYPE", "<!ENTITY"}) {
    if (size_t p = bytes.find(marker); p != std::string::npos) {
      int line, col;
      line_col(bytes, p, &line, &col);
      refusals->push_back(at(path, line, col,
                             std::string("the file has a ") + (marker[2] == 'D' ? "DOCTYPE" : "entity declaration") +
                                 "; the service never sends one, so the file is refused (entities are never read)",
                             "import.xml-doctype"));
      return nullptr;
    }
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    refusals->push_back(at(path, 1, 1, "out of memory", "import.xml"));
    return nullptr;
  }
  // NONET: never the network. No NOENT (entities are not substituted), no DTDLOAD, no HUGE (libxml2's own limits stand).
  XmlDoc doc(xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), path.c_str(), "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    std::string message = e && e->message ? trim(e->message) : "not well-formed XML";
    refusals->push_back(at(path, e ? e->line : 1, e && e->int2 > 0 ? e->int2 : 1, "not well-formed XML: " + message,
                           "import.xml"));
    xmlFreeParserCtxt(ctxt);
    return nullptr;
  }
  xmlFreeParserCtxt(ctxt);
  if (doc->intSubset || doc->extSubset) {
    refusals->push_back(at(path, 1, 1, "the file has a DOCTYPE; it is refused", "import.xml-doctype"));
    return nullptr;
  }
  if (tree_problem(doc->children, path, refusals)) return nullptr;
  return doc;
}

XmlDoc read_response(const FileSystem& fs, const std::string& path, std::vector<std::string>* refusals) {
  if (!fs.exists(path)) return nullptr;
  // Refused on its size before it is read into memory.
  if (long long size = fs.size(path); size > kMaxResponseBytes) {
    refusals->push_back(at(path, 1, 1,
                           "the file is " + std::to_string(size >> 20) + " MB; a response over " +
                               std::to_string(kMaxResponseBytes >> 20) + " MB is refused",
                           "import.too-large"));
    return nullptr;
  }
  std::string error;
  auto bytes = fs.read(path, &error);
  if (!bytes) {
    refusals->push_back(at(path, 1, 1, "cannot read: " + error, "import.io"));
    return nullptr;
  }
  return parse_response(path, *bytes, refusals);
}

xmlNode* child(xmlNode* n, const char* name) {
  if (!n) return nullptr;
  for (xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0) return c;
  return nullptr;
}

std::vector<xmlNode*> children(xmlNode* n, const char* name) {
  std::vector<xmlNode*> out;
  if (!n) return out;
  for (xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0)
      out.push_back(c);
  return out;
}

std::string text_of(xmlNode* n) {
  if (!n) return "";
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return trim(s);
}

std::string child_text(xmlNode* n, const char* name) { return text_of(child(n, name)); }

std::string attribute(xmlNode* n, const char* name) {
  if (!n) return "";
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return trim(s);
}

bool is_true(const std::string& value) { return ascii_lower(trim(value)) == "true"; }

}  // namespace rs::moderngov
