#include "reportsite/load/input_schema.h"

#include "reportsite/core/strings.h"
#include "reportsite/model/licence.h"

namespace rs::input {

namespace {

std::string q(std::string_view s) { return json_quote(s); }

// yaml-language-server reads a file as YAML 1.2, where any single value is a
// string, number, boolean or null; the loader takes each of these as text.
const char* kScalar = "\"type\": [\"string\", \"number\", \"boolean\", \"null\"]";
const char* kSlug = "^[a-z0-9]+(-[a-z0-9]+)*$";
const char* kDate = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

std::string object_schema(const Object& o);

/// The keywords for a value of `v`'s kind, without braces.
std::string keywords(const Value& v) {
  switch (v.kind) {
    case Kind::text:
    case Kind::markdown:
    case Kind::value: return kScalar;
    case Kind::id:
      return std::string("\"type\": [\"string\", \"integer\"], \"pattern\": ") + q(kSlug) + ", \"maxLength\": 80";
    case Kind::date: return std::string("\"type\": \"string\", \"pattern\": ") + q(kDate);
    case Kind::count: return "\"type\": [\"integer\", \"string\"], \"minimum\": 0, \"pattern\": \"^[0-9]{1,15}$\"";
    case Kind::percent:
      return "\"type\": [\"number\", \"string\"], \"minimum\": 0, \"maximum\": 100, "
             "\"pattern\": \"^[0-9]*\\\\.?[0-9]+%?$\"";
    case Kind::boolean: return "\"type\": \"boolean\"";
    case Kind::choice: {
      std::string s = "\"enum\": [";
      for (size_t i = 0; i < v.words.size(); ++i) s += (i ? ", " : "") + q(v.words[i]);
      return s + "]";
    }
    case Kind::object: return object_schema(*v.object);
    case Kind::list: {
      std::string item = v.object ? "{" + object_schema(*v.object) + "}" : "{" + keywords(Value{v.item, nullptr, Kind::text, false, {}}) + "}";
      std::string list = "\"type\": [\"array\", \"null\"], \"items\": " + item;
      if (!v.one_or_list) return list;
      return "\"anyOf\": [{" + list + "}, " + item + "]";
    }
    case Kind::named: {
      Value b{Kind::breakdown, v.object, Kind::text, false, {}};
      return "\"type\": \"object\", \"additionalProperties\": {" + keywords(b) + "}";
    }
    case Kind::breakdown:
      return "\"anyOf\": [{" + keywords(Value{Kind::list, &breakdown_entry_object(), Kind::text, false, {}}) + "}, {" +
             object_schema(*v.object) + "}]";
    case Kind::exempt:
      return "\"anyOf\": [{\"const\": false}, {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 7}, "
             "{\"enum\": [\"false\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\"]}]";
    case Kind::due:
      return std::string("\"anyOf\": [{\"type\": \"string\", \"pattern\": ") + q(kDate) +
             "}, {\"enum\": [\"next-report\", \"next-meeting\"]}]";
    case Kind::licence: {
      std::string ids;
      for (const auto& l : known_licences()) ids += (ids.empty() ? "" : ", ") + q(l.id);
      return "\"anyOf\": [{\"enum\": [" + ids + "]}, {" + object_schema(licence_object()) + "}]";
    }
    case Kind::month_day: return "\"type\": \"string\", \"pattern\": \"^[0-9]{2}-[0-9]{2}$\"";
    case Kind::url: return "\"type\": \"string\", \"pattern\": \"^https?://\"";
    case Kind::language: return "\"type\": \"string\", \"pattern\": \"^[A-Za-z0-9-]{2,35}$\"";
    case Kind::options: return "\"type\": \"object\"";
  }
  return kScalar;
}

std::string field_schema(const Field& f) {
  std::string s = "{\"description\": " + q(f.description) + ", \"markdownDescription\": " + q(f.description);
  if (*f.example) s += std::string(", \"examples\": [") + f.example + "]";
  return s + ", " + keywords(f.value) + "}";
}

std::string object_schema(const Object& o) {
  std::string s = "\"type\": \"object\", \"additionalProperties\": false, \"properties\": {";
  std::string required;
  for (size_t i = 0; i < o.fields.size(); ++i) {
    const Field& f = o.fields[i];
    s += (i ? ", " : "") + q(f.key) + ": " + field_schema(f);
    if (f.required) required += (required.empty() ? "" : ", ") + q(f.key);
  }
  s += "}";
  if (!required.empty()) s += ", \"required\": [" + required + "]";
  return s;
}

/// Compact JSON laid out one member a line, two spaces a level; a list of
/// plain values stays on one line. The input is ours, so it is well formed.
std::string pretty(std::string_view in) {
  std::string out;
  int depth = 0;
  int flat = 0;  // > 0 inside a list printed on one line
  bool in_string = false;
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<size_t>(depth) * 2, ' ');
  };
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (in_string) {
      out += c;
      if (c == '\\') out += in[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; out += c; break;
      case ' ': if (flat) out += c; break;
      case '[': {
        // Flat when no object or list opens before this list closes.
        bool plain = true, str = false;
        int level = 0;
        for (size_t j = i + 1; j < in.size(); ++j) {
          char d = in[j];
          if (str) { if (d == '\\') ++j; else if (d == '"') str = false; continue; }
          if (d == '"') str = true;
          else if (d == '{' || d == '[') { plain = false; break; }
          else if (d == ']') { if (level == 0) break; --level; }
        }
        if (flat || plain) { ++flat; out += c; break; }
        out += c; ++depth; newline(); break;
      }
      case '{':
        out += c;
        if (i + 1 < in.size() && in[i + 1] == '}') { out += '}'; ++i; break; }
        ++depth; newline(); break;
      case ']':
        if (flat) { --flat; out += c; break; }
        --depth; newline(); out += c; break;
      case '}': --depth; newline(); out += c; break;
      case ',': out += c; if (!flat) newline(); break;
      case ':': out += ": "; break;
      default: out += c;
    }
  }
  return out + "\n";
}

std::string kind_words(const Value& v) {
  switch (v.kind) {
    case Kind::text: return "text";
    case Kind::markdown: return "Markdown";
    case Kind::value: return "a single value";
    case Kind::id: return "an id";
    case Kind::date: return "a date, YYYY-MM-DD";
    case Kind::count: return "a whole number, 0 or more";
    case Kind::percent: return "a percentage, 0 to 100";
    case Kind::boolean: return "`true` or `false`";
    case Kind::choice: {
      std::string s;
      for (size_t i = 0; i < v.words.size(); ++i)
        s += (i == 0 ? "" : i + 1 == v.words.size() ? " or " : ", ") + ("`" + v.words[i] + "`");
      return s;
    }
    case Kind::object: return std::string("a mapping: ") + v.object->name;
    case Kind::list:
      return (v.object ? std::string("a list of ") + v.object->name
                       : "a list of " + kind_words(Value{v.item, nullptr, Kind::text, false, {}})) +
             (v.one_or_list ? ", or one alone" : "");
    case Kind::named: return "names, each with a breakdown";
    case Kind::breakdown: return "a breakdown: a list of breakdown entries, or `{complete, entries}`";
    case Kind::exempt: return "`false` or 1 to 7";
    case Kind::due: return "a date, `next-report` or `next-meeting`";
    case Kind::licence: return "a licence's identifier, or `{name, url}`";
    case Kind::month_day: return "MM-DD";
    case Kind::url: return "an http(s) address";
    case Kind::language: return "a language tag";
    case Kind::options: return "a mapping of the plugin's own settings";
  }
  return "";
}

/// The objects one kind of file reaches, its own first.
std::vector<const Object*> reached(const FileKind& k) {
  std::vector<const Object*> out;
  auto add = [&](auto& self, const Object* o) -> void {
    for (const Object* seen : out)
      if (seen == o) return;
    out.push_back(o);
    for (const auto& f : o->fields) {
      if (f.value.kind == Kind::breakdown || f.value.kind == Kind::named) {
        self(self, f.value.object);
        self(self, &breakdown_entry_object());
      } else if (f.value.object) {
        self(self, f.value.object);
      }
      if (f.value.kind == Kind::licence) self(self, &licence_object());
    }
  };
  if (k.root.object) add(add, k.root.object);
  return out;
}

std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string schema_file_name(const FileKind& kind) { return std::string(kind.name) + ".schema.json"; }

std::string json_schema(const FileKind& kind) {
  std::string s = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"title\": " +
                  q(std::string("reportsite: ") + kind.title + " (" + kind.files + ")") +
                  ", \"description\": " + q(std::string(kind.description) + " Written by `reportsite schema` from "
                                                                            "the format the builder checks.") +
                  ", " + keywords(kind.root) + "}";
  return pretty(s);
}

std::string reference_markdown() {
  std::string md =
      "# The input format, key by key\n\n"
      "<!-- Written by `reportsite schema --reference`, from the table the loader checks every file against\n"
      "     (builder/load/input_format.cpp). Do not edit by hand: a unit test compares the two. -->\n\n"
      "Every key each kind of file may hold. The same text is the hover help of the JSON Schemas that\n"
      "`reportsite schema` writes for editors (see the README). Examples are in YAML's flow form, which may be\n"
      "written as it stands. How to write each file, with whole examples, is in [writing-content.md](writing-content.md).\n";
  for (const auto& k : file_kinds()) {
    md += std::string("\n## ") + k.title + ": `" + k.files + "`\n\n" + k.description + " Schema: `" + kSchemaFolder +
          "/" + schema_file_name(k) + "`.\n";
    for (const Object* o : reached(k)) {
      md += std::string("\n### ") + o->name + "\n\n| key | takes | what it means | example |\n|---|---|---|---|\n";
      for (const auto& f : o->fields)
        md += "| `" + std::string(f.key) + "` | " + cell(kind_words(f.value)) + " | " +
              (f.required ? "required. " : "") + cell(f.description) + " | " +
              (*f.example ? "`" + cell(f.example) + "`" : std::string()) + " |\n";
    }
  }
  return md;
}

std::string schema_comment(const std::string& schema) { return "# yaml-language-server: $schema=" + schema + "\n"; }

std::string vscode_settings(const std::string& schema_folder) {
  std::string s = "{\"yaml.schemas\": {";
  bool first = true;
  for (const auto& k : file_kinds()) {
    if (std::string_view(k.files).ends_with(".md")) continue;  // front matter: not a YAML file to the editor
    // yaml-language-server matches a glob against the end of the file's address: the leading `/` makes
    // data/site.yaml match only that file of the site, not mydata/site.yaml.
    s += (first ? "" : ", ") + q("./" + schema_folder + "/" + schema_file_name(k)) + ": [" + q("/" + std::string(k.files)) + "]";
    first = false;
  }
  return pretty(s + "}}");
}

}  // namespace rs::input
