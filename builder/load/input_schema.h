#pragma once
// What the input format's table (input_format.h) gives editors and readers:
// a JSON Schema for each kind of file, the reference docs/input-format.md, and
// the editor settings that map a site's folders to its schemas.
#include <string>
#include <vector>

#include "reportsite/load/input_format.h"

namespace rs::input {

/// The JSON Schema (draft-07, which yaml-language-server reads) of one kind of file, ending in a newline.
std::string json_schema(const FileKind& kind);
/// "meeting.schema.json"
std::string schema_file_name(const FileKind& kind);
/// The folder of a site that holds its schemas, relative to the site.
inline const char* kSchemaFolder = "schemas";

/// The format's reference, in Markdown, with every key of every kind of file.
std::string reference_markdown();

/// The line that tells yaml-language-server which schema a file follows;
/// `schema` is relative to the file ("../../../schemas/meeting.schema.json").
std::string schema_comment(const std::string& schema);

/// .vscode/settings.json for a site whose schemas are in `schema_folder`
/// (relative to the site): yaml-language-server's `yaml.schemas`, each
/// schema against the files of its kind. Front matter is not YAML to the
/// editor, so the page schema is written but not mapped.
std::string vscode_settings(const std::string& schema_folder = kSchemaFolder);

}  // namespace rs::input
