#include "reportsite/load/input_schema.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "reportsite/load/load_site.h"
#include "reportsite/plugin/json.h"
#include "site_fixture.h"
#include "reportsite/load/yaml_reader.h"

namespace rs {

namespace {

std::vector<std::string> strings(const std::vector<const char*>& v) { return {v.begin(), v.end()}; }

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

/// Every "properties" object's keys, in order, anywhere in a schema.
void property_lists(const Json& j, std::set<std::vector<std::string>>& out) {
  if (j.is_object()) {
    if (const Json* p = j.find("properties"); p && p->is_object()) {
      std::vector<std::string> keys;
      for (const auto& [k, v] : p->members()) keys.push_back(k);
      out.insert(keys);
    }
    for (const auto& [k, v] : j.members()) property_lists(v, out);
  } else if (j.is_array()) {
    for (const auto& v : j.items()) property_lists(v, out);
  }
}

Json parsed(const std::string& text) {
  JsonError e;
  auto j = parse_json(text, e);
  INFO("at byte " << e.offset << ": " << e.message);
  REQUIRE(j);
  return *j;
}

std::mutex seen_mutex;
std::set<std::vector<std::string>>* seen_lists = nullptr;

// A site that holds every kind of mapping the format has, once at least.
const char* kEveryMapping = R"(-- data/site.yaml --
title: T
organisation: O
licence: {name: Our licence, url: https://example.gov.uk/licence}
plugins:
  - {command: python3 plugins/p.py, name: p, timeout: 5}
-- data/people.yaml --
- {id: clerk, name: The Clerk, role: officer}
-- data/glossary.yaml --
- term: children in need
  abbr: CiN
  examples: {good: [children in need], bad: []}
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
attendance: {members: [A], officers: [clerk], apologies: []}
items:
  - number: "1"
    title: Report
    discussion:
      - asked_by: A
        question: Why
        answered_by: clerk
        answer: Because
        undertakings: [u1]
    undertakings:
      - {id: u1, text: Write it., owner: clerk, due: next-meeting}
    documents:
      - {title: The report, file: documents/r.pdf}
-- content/actions/audit.yaml --
- {undertaking: u1, date: 2018-11-01, status: open}
-- content/reports/complaints/2017-18.yaml --
series: complaints
title: Complaints 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
context: [{label: Children, value: 3}]
stages: [{name: Stage 1, received: 1}]
ombudsman: {referred: 0}
by_service: {complete: true, entries: [{label: A, percent: 100}]}
equalities: {ethnicity: [{label: B, count: 1}]}
-- content/pages/about.md --
---
title: About
---
Text.
)";

}  // namespace

TEST_CASE("input schema: the model's descriptions and the format's table name the same keys in the same order") {
  // The loader reads these five mappings (and two more) with key_names<T>(): a key added to model.h must be described here.
  CHECK(strings(key_names<Meeting>()) == strings(input::meeting_object().keys()));
  CHECK(strings(key_names<Attendance>()) == strings(input::attendance_object().keys()));
  CHECK(strings(key_names<Item>()) == strings(input::item_object().keys()));
  CHECK(strings(key_names<Exchange>()) == strings(input::exchange_object().keys()));
  CHECK(strings(key_names<Undertaking>()) == strings(input::undertaking_object().keys()));
  CHECK(strings(key_names<Document>()) == strings(input::document_object().keys()));
  CHECK(strings(key_names<ActionUpdate>()) == strings(input::action_object().keys()));
}

TEST_CASE("input schema: every list of keys the loader checks is a schema object's properties, and the other way round") {
  std::set<std::vector<std::string>> loader;
  seen_lists = &loader;
  fields_observer = [](const std::vector<std::string>& known) {
    std::lock_guard lock(seen_mutex);
    seen_lists->insert(known);
  };
  MemoryFileSystem fs;
  fixture::add_site(fs, fixture::kMinimalSite);
  fixture::add_site(fs, kEveryMapping);
  Diagnostics diags;
  Model m = load_site(fs, fixture::kSiteDir, diags);
  fields_observer = nullptr;
  std::string messages;
  for (const auto& d : diags.all()) messages += d.message + "\n";
  INFO(messages);
  CHECK(m.meetings.size() == 1);
  CHECK(m.reports.size() == 1);
  CHECK(m.pages.size() == 1);
  CHECK(diags.error_count() == 0);

  std::set<std::vector<std::string>> schema;
  for (const auto& k : input::file_kinds()) property_lists(parsed(input::json_schema(k)), schema);
  for (const auto& keys : loader) {
    INFO("the loader checks a mapping against: " << join(keys));
    CHECK(schema.count(keys) == 1);
  }
  for (const auto& keys : schema) {
    INFO("a schema object has the properties: " << join(keys));
    CHECK(loader.count(keys) == 1);
  }
  CHECK(schema.size() == input::all_objects().size());
}

TEST_CASE("input schema: each schema says what each key means, with examples that are JSON") {
  const Json meeting = parsed(input::json_schema(input::file_kinds()[4]));
  REQUIRE(input::file_kinds()[4].name == std::string("meeting"));
  CHECK(meeting.find("$schema")->as_string() == "http://json-schema.org/draft-07/schema#");
  const Json* props = meeting.find("properties");
  REQUIRE(props);
  const Json* status = props->find("status");
  REQUIRE(status);
  CHECK(status->find("description")->as_string().find("until the committee approves the minutes") != std::string::npos);
  CHECK(status->find("examples")->items()[0].as_string() == "confirmed");
  CHECK(status->find("enum")->items().size() == 2);
  CHECK(meeting.find("additionalProperties")->is_bool());
  CHECK(meeting.find("required")->items().size() == 3);
  for (const Json& r : meeting.find("required")->items()) CHECK(std::string("committee date items").find(r.as_string()) != std::string::npos);
  // Every example parses: json_schema() would not have parsed otherwise, but say which one.
  for (const input::Object* o : input::all_objects())
    for (const auto& f : o->fields) {
      INFO(o->name << ": " << f.key);
      CHECK(*f.description != '\0');
      JsonError e;
      CHECK(parse_json(f.example, e));
    }
}

TEST_CASE("input schema: the editor settings map each YAML folder to its schema, and a line names a file's schema") {
  const Json settings = parsed(input::vscode_settings());
  const Json* schemas = settings.find("yaml.schemas");
  REQUIRE(schemas);
  std::map<std::string, std::string> lines;
  for (const auto& [schema, globs] : schemas->members()) {
    REQUIRE(globs.items().size() == 1);
    lines[schema] = globs.items()[0].as_string();
  }
  CHECK(lines == std::map<std::string, std::string>{
                     {"./schemas/site.schema.json", "/data/site.yaml"},
                     {"./schemas/committees.schema.json", "/data/committees.yaml"},
                     {"./schemas/people.schema.json", "/data/people.yaml"},
                     {"./schemas/glossary.schema.json", "/data/glossary.yaml"},
                     {"./schemas/meeting.schema.json", "/content/meetings/**/*.yaml"},
                     {"./schemas/report.schema.json", "/content/reports/**/*.yaml"},
                     {"./schemas/actions.schema.json", "/content/actions/*.yaml"},
                 });
  CHECK(input::schema_comment("../../../schemas/meeting.schema.json") ==
        "# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n");
}

TEST_CASE("input schema: docs/input-format.md is the reference written from the table (UPDATE_GOLDEN=1 rewrites it)") {
  const std::string path = std::string(REPORTSITE_SOURCE_DIR) + "/docs/input-format.md";
  const std::string now = input::reference_markdown();
  if (const char* u = std::getenv("UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << now;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  CHECK_MESSAGE(committed.str() == now, "docs/input-format.md is out of date: run UPDATE_GOLDEN=1 build/unit_tests -tc='*input-format*'");
  CHECK(now.find("| `requested_by` | text | Who asked for it") != std::string::npos);
}

}  // namespace rs
