#pragma once
// The input format as one table: for every mapping a site's files may hold,
// its keys, what each takes, whether it is required, what it means and an
// example. The loaders take their lists of known keys from here (or, for a
// struct model/model.h describes, from that description, which a unit test
// holds equal to this table); the JSON Schemas (input_schema.h) and the
// reference docs/input-format.md are written from it. So a key is added in
// one place and every reader of the format sees it.
#include <string>
#include <vector>

namespace rs::input {

/// What a value may be, as the loader reads it (load/yaml_reader.h).
enum class Kind {
  text,       // any single value, read as text (r.text)
  markdown,   // the same, rendered as Markdown
  value,      // any single value, read as written (r.string)
  id,         // lower-case letters, digits and single hyphens (r.id)
  date,       // YYYY-MM-DD
  count,      // a whole number, 0 or more
  percent,    // 0 to 100, optionally with %
  boolean,    // true or false
  choice,     // one of `words`
  object,     // a mapping of `object`'s keys
  list,       // a list of `item` (or of `object` when set)
  named,      // a mapping of free names to `object` values (equalities)
  breakdown,  // a list of entries, or {complete, entries}
  exempt,     // false, or a paragraph 1 to 7
  due,        // a date, next-report or next-meeting
  licence,    // a known licence's identifier, or {name, url}
  month_day,  // MM-DD
  url,        // an absolute http(s) address
  language,   // a BCP 47 tag
  options,    // a mapping of anything (a plugin's own settings, passed on as JSON)
};

struct Object;

struct Value {
  Kind kind = Kind::text;
  const Object* object = nullptr;  // object, named, breakdown; list: a list of these
  Kind item = Kind::text;          // list: the kind of each entry when object is null
  bool one_or_list = false;        // list: a single value alone is taken as a list of one
  std::vector<std::string> words;  // choice
};

struct Field {
  const char* key;
  Value value;
  bool required = false;
  const char* description = "";
  const char* example = "";  // a JSON value, as the YAML would give it
};

struct Object {
  const char* name;  // how messages and the docs name it: "an agenda item"
  std::vector<Field> fields;
  /// The keys, in the order the format lists them.
  std::vector<const char*> keys() const;
  const Field* find(const char* key) const;
};

/// One kind of file of a site, with the object (or list of objects) it holds.
struct FileKind {
  const char* name;         // "meeting": meeting.schema.json
  const char* title;        // "A meeting"
  const char* files;        // where the files are, as a glob from the site folder
  const char* description;  // what one file is
  Value root;
};

const Object& site_object();
const Object& plugin_object();
const Object& licence_object();
const Object& committee_object();
const Object& person_object();
const Object& glossary_entry_object();
const Object& glossary_examples_object();
const Object& meeting_object();
const Object& attendance_object();
const Object& item_object();
const Object& exchange_object();
const Object& undertaking_object();
const Object& document_object();
const Object& action_object();
const Object& report_object();
const Object& period_object();
const Object& context_figure_object();
const Object& stage_object();
const Object& ombudsman_object();
const Object& breakdown_object();
const Object& breakdown_entry_object();
const Object& page_object();

/// Every kind of file, in the order the docs describe them.
const std::vector<FileKind>& file_kinds();
/// Every object of the format, each once, in the order file_kinds() reaches them.
std::vector<const Object*> all_objects();

}  // namespace rs::input
