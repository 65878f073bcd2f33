// The open-data export: exempt business reduced to its number and title, the
// described fields of an item all there, complaint figures as CSV a row a year.
#include <doctest/doctest.h>

#include "reportsite/core/codec.h"
#include "reportsite/model/model.h"
#include "site_fixture.h"

namespace rs {
namespace {

const OutputFile* find_file(const BuildResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

const std::string kSite = fixture::kMinimalSite + R"(-- data/people.yaml --
- id: jo-bloggs
  name: Councillor Jo Bloggs
  role: member
-- content/meetings/2019/2019-03-05-audit.yaml --
committee: audit
date: 2019-03-05
time: "18:30"
venue: Room 1
status: draft
attendance:
  members: [jo-bloggs, Councillor Ann Other]
items:
  - number: "4"
    title: Complaints report
    report: audit-complaints-2018-19
    discussion:
      - asked_by: jo-bloggs
        question: Why had complaints risen?
        answered_by: The Director
        answer: More were recorded.
    resolved: That the report be noted.
  - number: "5"
    title: Contract dispute
    exempt: 3
    minutes: SECRET-SETTLEMENT-FIGURE
-- content/reports/audit-complaints/2017-18.yaml --
series: audit-complaints
title: Complaints Report 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
stages:
  - {name: Stage 1, received: 10, upheld: 2}
representations: 40
-- content/reports/audit-complaints/2018-19.yaml --
series: audit-complaints
title: Complaints Report 2018/19
period: {from: 2018-04-01, to: 2019-03-31}
stages:
  - {name: Stage 1, received: 12, upheld: 3, in_time_percent: 80.5}
representations: 40
by_reason:
  - {label: Delay, percent: 60}
  - {label: Other, percent: 40}
)";

TEST_CASE("open data: the whole model as JSON, exempt business as its number and title only") {
  BuildResult r = fixture::build_txtar(kSite);
  INFO(fixture::diagnostics_text(r));
  const OutputFile* f = find_file(r, "data/open-data.json");
  REQUIRE(f);
  const std::string& j = f->bytes;
  CHECK(j.find("SECRET") == std::string::npos);
  CHECK(j.find(R"({"order": 2, "description": "Contract dispute", "classification": ["exempt"], "number": "5", )"
               R"("title": "Contract dispute", "exempt_paragraph": 3, "exempt": 3})") != std::string::npos);
  // A public item carries every field its description names, as site.json does.
  for (const char* key : key_names<Item>()) CHECK(j.find(std::string("\"") + key + "\": ") != std::string::npos);
  CHECK(j.find(R"("start_date": "2019-03-05T18:30")") != std::string::npos);
  CHECK(j.find(R"("name": "Councillor Jo Bloggs", "entity_type": "person", "entity_id": "jo-bloggs", "note": "member")") !=
        std::string::npos);
  CHECK(j.find(R"("name": "Councillor Ann Other", "entity_type": "person", "entity_id": null, "note": "member")") !=
        std::string::npos);
  CHECK(j.find(R"("type": "question", "event_id": "2019-03-05-audit", "agenda_item": "4", "position": 1, )"
               R"("creator_id": "jo-bloggs", "attribution_text": "Councillor Jo Bloggs")") != std::string::npos);
  CHECK(j.find(R"({"id": "jo-bloggs@audit", "person_id": "jo-bloggs", "organization_id": "audit", "role": "member"})") !=
        std::string::npos);
  // The change on the year before is the report page's.
  CHECK(j.find(R"({"label": "Stage 1: received", "value": 12, "previous": 10, "change": 2, "percent": 20, )"
               R"("text": "up 2 (20%) on 2017/18"})") != std::string::npos);
  CHECK(j.find(R"({"label": "Representations", "value": 40, "previous": 40, "change": 0, "percent": 0, )"
               R"("text": "no change on 2017/18"})") != std::string::npos);
  CHECK(j.find(R"("licence": {"id": "OGL-UK-3.0")") != std::string::npos);
  const OutputFile* s = find_file(r, "data/open-data.schema.json");
  REQUIRE(s);
  CHECK(s->bytes.find("Open Government Licence v3.0") != std::string::npos);
}

TEST_CASE("open data: a series' figures as CSV, a row a year, a column a figure, with its licence beside it") {
  BuildResult r = fixture::build_txtar(kSite);
  const OutputFile* f = find_file(r, "data/complaints/audit-complaints.csv");
  REQUIRE(f);
  CHECK(f->bytes ==
        "year,period_from,period_to,Stage 1: received,Stage 1: upheld,Representations,Stage 1: in time (%),"
        "By reason: Delay (%),By reason: Other (%)\r\n"
        "2017-18,2017-04-01,2018-03-31,10,2,40,,,\r\n"
        "2018-19,2018-04-01,2019-03-31,12,3,40,80.5,60,40\r\n");
  const OutputFile* m = find_file(r, "data/complaints/audit-complaints.csv-metadata.json");
  REQUIRE(m);
  CHECK(m->bytes.find(R"("dc:license": {"@id": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"})") !=
        std::string::npos);
  CHECK(m->bytes.find(R"x({"titles": "Stage 1: in time (%)", "datatype": "decimal"})x") != std::string::npos);
  // The series page links it.
  const OutputFile* page = find_file(r, "reports/audit-complaints/index.html");
  REQUIRE(page);
  CHECK(page->bytes.find("href=\"../../data/complaints/audit-complaints.csv\"") != std::string::npos);
}

}  // namespace
}  // namespace rs
