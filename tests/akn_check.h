#pragma once
// What every Akoma Ntoso document the builder writes must pass: the OASIS
// schema (tests/schemas/akomantoso), and what the schema cannot check, that
// every `by`, `as` and `refersTo` points at an eId the document's references
// declare. Shared by the unit test and tools/akn_validate.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <set>
#include <string>
#include <vector>

namespace rs::akn {

/// A compiled schema, for validating many documents.
class Schema {
 public:
  explicit Schema(const std::string& xsd_path) {
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd_path.c_str());
    schema_ = parser ? xmlSchemaParse(parser) : nullptr;
    if (parser) xmlSchemaFreeParserCtxt(parser);
  }
  ~Schema() {
    if (schema_) xmlSchemaFree(schema_);
  }
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;
  bool ok() const { return schema_ != nullptr; }

  /// Every problem with `xml`, one a line; empty when it passes.
  std::vector<std::string> problems(const std::string& xml) const {
    std::vector<std::string> out;
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "doc.akn.xml", "UTF-8", XML_PARSE_NONET);
    if (!doc) return {"not well-formed XML"};
    xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema_);
    xmlSchemaSetValidStructuredErrors(
        valid,
        [](void* sink, xmlErrorPtr e) {
          auto* list = static_cast<std::vector<std::string>*>(sink);
          list->push_back("line " + std::to_string(e->line) + ": " + (e->message ? e->message : "?"));
        },
        &out);
    if (xmlSchemaValidateDoc(valid, doc) != 0 && out.empty()) out.push_back("fails the schema");
    xmlSchemaFreeValidCtxt(valid);
    // References the schema leaves unchecked.
    std::set<std::string> ids, pointers;
    walk(xmlDocGetRootElement(doc), ids, pointers);
    for (const auto& p : pointers)
      if (!ids.count(p)) out.push_back("#" + p + " points at no eId");
    xmlFreeDoc(doc);
    return out;
  }

 private:
  static void walk(xmlNodePtr n, std::set<std::string>& ids, std::set<std::string>& pointers) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      for (const char* name : {"eId", "by", "as", "refersTo"}) {
        xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
        if (!v) continue;
        std::string value = reinterpret_cast<const char*>(v);
        xmlFree(v);
        if (std::string(name) == "eId") ids.insert(value);
        else if (!value.empty() && value[0] == '#') pointers.insert(value.substr(1));
      }
      walk(n->children, ids, pointers);
    }
  }
  xmlSchemaPtr schema_ = nullptr;
};

}  // namespace rs::akn
