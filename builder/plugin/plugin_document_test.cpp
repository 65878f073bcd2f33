// The document plugins read: every object with its id and file, and an exempt
// item reduced to its number, title and paragraph.
#include "reportsite/plugin/plugin_document.h"

#include <doctest/doctest.h>

#include "reportsite/core/codec.h"
#include "reportsite/core/fs.h"

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::resolve_txtar;

const std::string kMarker = "SECRET-7f3a";

/// A public item and an exempt one with the marker in every field it has.
const std::string kSite = fixture::kMinimalSite + R"(-- data/people.yaml --
- id: jo-bloggs
  name: Jo Bloggs
  role: officer
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
venue: Civic Centre
status: confirmed
attendance:
  members: [Councillor A]
items:
  - number: "1"
    title: Accounts
    minutes: The Committee considered the accounts.
    undertakings:
      - id: send-figures
        text: Send the figures.
        owner: Jo Bloggs
        due: 2019-01-31
    resolved: That the accounts be approved.
  - number: "9"
    title: Contract dispute
    exempt: 3
    report_of: SECRET-7f3a report_of
    minutes: SECRET-7f3a minutes
    discussion:
      - asked_by: SECRET-7f3a asked_by
        question: SECRET-7f3a question
        answered_by: SECRET-7f3a answered_by
        answer: SECRET-7f3a answer
        undertakings: [secret-7f3a-settlement]
    undertakings:
      - id: secret-7f3a-settlement
        text: SECRET-7f3a undertaking
        owner: SECRET-7f3a owner
        due: 2019-03-01
    resolved: SECRET-7f3a resolved
    documents:
      - title: SECRET-7f3a document
        file: documents/secret-7f3a.pdf
)";

TEST_CASE("plugin document: the handshake fields, the site, and every object with its id and file") {
  BuildResult r = resolve_txtar(kSite);
  INFO(fixture::diagnostics_text(r));
  Json doc = plugin_document(r.model, r.site, "1.2.3");
  REQUIRE(doc.find("reportsite"));
  CHECK(write_json(*doc.find("reportsite")) == R"({"version":"1.2.3","protocol":1,"command":"build"})");
  const Json* site = doc.find("site");
  REQUIRE(site);
  CHECK(site->find("title")->as_string() == "Test Council committee reports");
  CHECK(site->find("as_of")->as_string() == "2019-12-01");
  CHECK(site->find("municipal_year_starts")->as_string() == "05-01");
  CHECK(site->find("file")->as_string() == "data/site.yaml");

  const Json& committee = doc.find("committees")->items().at(0);
  CHECK(committee.find("id")->as_string() == "audit");
  CHECK(committee.find("file")->as_string() == "data/committees.yaml");
  CHECK(doc.find("people")->items().at(0).find("role")->as_string() == "officer");

  const Json& meeting = doc.find("meetings")->items().at(0);
  CHECK(meeting.find("id")->as_string() == "2018-10-17-audit");
  CHECK(meeting.find("file")->as_string() == "content/meetings/2018/2018-10-17-audit.yaml");
  CHECK(meeting.find("date")->as_string() == "2018-10-17");
  CHECK(meeting.find("municipal_year")->as_string() == "2018-19");
  CHECK(meeting.find("venue")->as_string() == "Civic Centre");
  CHECK(meeting.find("status")->as_string() == "confirmed");
  CHECK(write_json(*meeting.find("attendance")) == R"({"members":["Councillor A"],"officers":[],"apologies":[]})");
  const Json& item = meeting.find("items")->items().at(0);
  CHECK(item.find("number")->as_string() == "1");
  CHECK(item.find("exempt")->as_number() == 0);
  CHECK(item.find("minutes")->as_string() == "The Committee considered the accounts.");
  CHECK(item.find("undertakings")->items().at(0).find("due")->as_string() == "2019-01-31");

  // The register's view: the resolved due date and standing.
  REQUIRE(doc.find("undertakings")->items().size() == 1);
  const Json& u = doc.find("undertakings")->items()[0];
  CHECK(u.find("id")->as_string() == "send-figures");
  CHECK(u.find("meeting")->as_string() == "2018-10-17-audit");
  CHECK(u.find("item")->as_string() == "1");
  CHECK(u.find("due")->as_string() == "2019-01-31");
  CHECK(u.find("status")->as_string() == "open");
  CHECK(u.find("timing")->as_string() == "overdue");
}

TEST_CASE("plugin document: an exempt item is its number, title and paragraph, and nothing else") {
  BuildResult r = resolve_txtar(kSite);
  Json doc = plugin_document(r.model, r.site, "1.2.3");
  const Json& exempt = doc.find("meetings")->items().at(0).find("items")->items().at(1);
  CHECK(write_json(exempt) == R"({"number":"9","title":"Contract dispute","exempt":3})");
  std::string text = write_json(doc);
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(text.find("secret") == std::string::npos);  // not even its undertakings' ids
}

/// The schema plugin authors read (docs/plugin-document.schema.json) names
/// every field the model's descriptions give, so a field added to the model,
/// which the document then sends, cannot go undocumented.
template <class T>
void schema_names_every_field(const Json& properties, const char* what) {
  for (const char* name : key_names<T>()) {
    INFO(what << "." << name);
    CHECK(properties.find(name) != nullptr);
  }
}

TEST_CASE("plugin document: the schema in docs/ names every field of the model's descriptions") {
  RealFileSystem fs;
  std::optional<std::string> text = fs.read(std::string(REPORTSITE_SOURCE_DIR) + "/docs/plugin-document.schema.json", nullptr);
  REQUIRE(text);
  JsonError error;
  std::optional<Json> schema = parse_json(*text, error);
  REQUIRE(schema);
  auto props = [](const Json* j) {
    REQUIRE(j);
    const Json* p = j->find("properties");
    REQUIRE(p);
    return p;
  };
  auto element = [&](const Json* properties, const char* key) {
    REQUIRE(properties->find(key));
    return props(properties->find(key)->find("items"));
  };
  const Json* top = props(&*schema);
  const Json* meeting = element(top, "meetings");
  const Json* item = props(schema->find("$defs")->find("public_item"));
  schema_names_every_field<Meeting>(*meeting, "meeting");
  schema_names_every_field<Attendance>(*props(meeting->find("attendance")), "attendance");
  schema_names_every_field<Item>(*item, "item");
  schema_names_every_field<Exchange>(*element(item, "discussion"), "discussion");
  schema_names_every_field<Undertaking>(*element(item, "undertakings"), "undertaking");
  schema_names_every_field<Document>(*element(item, "documents"), "document");
  schema_names_every_field<ActionUpdate>(*element(top, "actions"), "action");
}

}  // namespace
}  // namespace rs
