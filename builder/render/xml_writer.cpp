#include "reportsite/render/xml_writer.h"

#include <libxml/xmlwriter.h>

namespace rs {

namespace {
const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return x(s.c_str()); }
}  // namespace

struct XmlWriter::State {
  xmlBufferPtr buffer = xmlBufferCreate();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory(buffer, 0);
  ~State() {
    if (writer) xmlFreeTextWriter(writer);
    if (buffer) xmlBufferFree(buffer);
  }
};

XmlWriter::XmlWriter() : state_(std::make_unique<State>()) {
  // No indentation: the writer would put it into mixed content too ("Apologies: <person>"), changing the text.
  xmlTextWriterStartDocument(state_->writer, "1.0", "UTF-8", nullptr);
}

XmlWriter::~XmlWriter() = default;

XmlWriter& XmlWriter::open(const char* name, const char* ns) {
  if (ns) xmlTextWriterStartElementNS(state_->writer, nullptr, x(name), x(ns));
  else xmlTextWriterStartElement(state_->writer, x(name));
  return *this;
}

XmlWriter& XmlWriter::attr(const char* name, const std::string& value) {
  std::string clean;
  for (char c : value)
    if (static_cast<unsigned char>(c) >= 0x20) clean += c;
  xmlTextWriterWriteAttribute(state_->writer, x(name), x(clean));
  return *this;
}

XmlWriter& XmlWriter::text(const std::string& text) {
  // XML 1.0 has no way to write most control characters, even escaped.
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') clean += c;
  xmlTextWriterWriteString(state_->writer, x(clean));
  return *this;
}

XmlWriter& XmlWriter::close() {
  xmlTextWriterEndElement(state_->writer);
  return *this;
}

XmlWriter& XmlWriter::element(const char* name, const std::string& text) { return open(name).text(text).close(); }

std::string XmlWriter::finish() {
  xmlTextWriterEndDocument(state_->writer);  // closes what is open
  xmlFreeTextWriter(state_->writer);         // flushes into the buffer
  state_->writer = nullptr;
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(state_->buffer)),
                     static_cast<size_t>(xmlBufferLength(state_->buffer)));
}

}  // namespace rs
