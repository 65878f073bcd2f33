#pragma once
// Reading a saved web-service response safely: size-limited, UTF-8 checked,
// no DOCTYPE (so no entity declarations, internal or external), no network,
// no entity substitution. A refused file names the place and the reason.
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "reportsite/core/fs.h"

namespace rs::moderngov {

inline constexpr long long kMaxResponseBytes = 32ll << 20;  // one meeting's response is rarely over 5 MB
inline constexpr size_t kMaxFieldBytes = 4u << 20;          // one value (a minute's HTML, a title)

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parse `bytes` (read from `path`) or explain, as `path:line:col: error: message [rule]` lines in `refusals`.
XmlDoc parse_response(const std::string& path, const std::string& bytes, std::vector<std::string>* refusals);

/// Read and parse `path`; a missing file gives null and no refusal.
XmlDoc read_response(const FileSystem& fs, const std::string& path, std::vector<std::string>* refusals);

/// The byte offset of the first byte that is not well-formed UTF-8, or npos.
size_t invalid_utf8_at(const std::string& bytes);

// Tree helpers: child elements by name, their trimmed text, attributes.
xmlNode* child(xmlNode* n, const char* name);
std::vector<xmlNode*> children(xmlNode* n, const char* name);
std::string text_of(xmlNode* n);
std::string child_text(xmlNode* n, const char* name);
std::string attribute(xmlNode* n, const char* name);
bool is_true(const std::string& value);

}  // namespace rs::moderngov
