#pragma once
// XML written by libxml2's xmlTextWriter, never by joining strings: every
// name and value is escaped by the writer, so no input can break a document.
#include <memory>
#include <string>

namespace rs {

/// One XML document, built element by element in memory.
class XmlWriter {
 public:
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  /// Opens an element; `ns` sets its default namespace (the root's).
  XmlWriter& open(const char* name, const char* ns = nullptr);
  XmlWriter& attr(const char* name, const std::string& value);
  XmlWriter& text(const std::string& text);
  XmlWriter& close();
  /// An element holding only text.
  XmlWriter& element(const char* name, const std::string& text);
  /// The document, every open element closed; the writer is spent after it.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace rs
