// The loader's memo as a rebuild meets it: unchanged files come back exactly
// as parsed (values and positions), changed files are parsed again, files with
// errors are never kept.
#include "reportsite/load/load_cache.h"

#include <doctest/doctest.h>

#include "reportsite/load/load_site.h"
#include "site_fixture.h"

namespace rs {
namespace {

const std::string kSite = fixture::kMinimalSite + R"(-- content/meetings/2019/2019-01-09-scrutiny.yaml --
committee: scrutiny
date: 2019-01-09
status: draft
attendance:
  members: [A Member]
items:
  - number: "4"
    title: "Complaints: annual report"
    minutes: |
      The Committee received a report of the
      Director on complaints, with an "escaped \" quote" nearby.
    discussion:
      - asked_by: A Member
        question: Were complaints answered in time?
        answered_by: An officer
        answer: >
          Most were; the officer undertook to
          circulate the figures.
        undertakings: [circulate-figures]
    undertakings:
      - id: circulate-figures
        text: Circulate the figures.
        owner: An officer
        due: 2019-02-01
-- content/actions/scrutiny.yaml --
- undertaking: circulate-figures
  date: 2019-01-20
  status: completed
  note: Circulated by e-mail.
)";

/// Every value and position of the meetings and action points, as one string, to compare two loads.
std::string dump(const Model& m) {
  MemoStore c("dump");
  for (const auto& meeting : m.meetings) cache_meeting(c, meeting.id, 0, meeting, {});
  cache_actions(c, "actions", 0, m.actions, {});
  return c.serialize();
}

TEST_CASE("load cache: unchanged files come back as parsed, without parsing") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSite);
  MemoStore first("builder 1");
  Diagnostics d1;
  Model parsed = load_site(fs, "site", d1, &first);
  CHECK(first.hits() == 0);
  CHECK(first.size() == 3);  // two meetings, one action file

  std::string why = "?";
  MemoStore second = MemoStore::parse(first.serialize(), "builder 1", &why);
  CHECK(why.empty());
  Diagnostics d2;
  Model cached = load_site(fs, "site", d2, &second);
  CHECK(second.hits() == 3);
  REQUIRE(cached.meetings.size() == 2);
  CHECK(dump(cached) == dump(parsed));
  // Positions point into the file as read this time.
  const Text& minutes = cached.meetings[1].items[0].minutes;
  CHECK(cached.sources.path(minutes.file) == "site/content/meetings/2019/2019-01-09-scrutiny.yaml");
  CHECK(cached.meetings[1].file == minutes.file);
  CHECK(cached.actions[0].file == cached.actions[0].span.file);

  // One changed file is parsed again; the other comes from the cache.
  fs.files["site/content/meetings/2019/2019-01-09-scrutiny.yaml"] += "\n";
  Diagnostics d3;
  MemoStore third = MemoStore::parse(second.serialize(), "builder 1", &why);
  Model edited = load_site(fs, "site", d3, &third);
  CHECK(third.hits() == 2);
  CHECK(dump(edited) == dump(parsed));
}

TEST_CASE("load cache: a file with errors is never cached, so its errors are reported every time") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSite + "-- content/meetings/2019/2019-02-01-audit.yaml --\ncommittee: audit\ndate: [\n");
  MemoStore cache("b");
  Diagnostics d1, d2;
  load_site(fs, "site", d1, &cache);
  CHECK(d1.error_count() == 1);
  MemoStore again = MemoStore::parse(cache.serialize(), "b", nullptr);
  load_site(fs, "site", d2, &again);
  CHECK(again.hits() == 3);
  CHECK(d2.error_count() == 1);
}


// Exempt business never reaches the memo file on disk (it sits beside the
// output, possibly in a web root): only what is published is kept of an exempt item.
TEST_CASE("load cache: the memo holds nothing of an exempt item but its number, title and paragraph") {
  const std::string marker = "SECRET-7f3a";
  MemoryFileSystem fs;
  fixture::add_site(fs, fixture::kMinimalSite + R"(-- content/meetings/2019/2019-03-01-audit.yaml --
committee: audit
date: 2019-03-01
items:
  - number: "8"
    title: Property disposal
    exempt: 3
    report_of: SECRET-7f3a report_of
    minutes: SECRET-7f3a minutes
    resolved: SECRET-7f3a resolved
    documents:
      - title: SECRET-7f3a document title
        file: documents/secret-7f3a.pdf
-- content/meetings/2019/2019-04-01-audit.yaml --
committee: audit
date: 2019-04-01
items:
  - number: "9"
    title: Contract dispute
    exempt: 3
    discussion:
      - asked_by: SECRET-7f3a asked_by
        question: SECRET-7f3a question
        answer: SECRET-7f3a answer
        undertakings: [hidden-figure]
    undertakings:
      - id: hidden-figure
        text: SECRET-7f3a undertaking text
        owner: SECRET-7f3a owner
)");
  MemoStore memo("b");
  Diagnostics diags;
  Model m = load_site(fs, "site", diags, &memo);
  CHECK(diags.error_count() == 0);
  REQUIRE(m.meetings.size() == 3);
  const Item& disposal = m.meetings[1].items.at(0);
  CHECK(disposal.exempt_paragraph == 3);
  CHECK(disposal.title.value == "Property disposal");
  CHECK(disposal.minutes.empty());
  CHECK(disposal.report_of.empty());
  CHECK(disposal.resolved.empty());
  CHECK(disposal.documents.empty());
  // The dispute keeps its undertaking's id (an action point on it is refused),
  // so its file is parsed afresh each build instead of being memoised.
  const Item& dispute = m.meetings[2].items.at(0);
  REQUIRE(dispute.undertakings.size() == 1);
  CHECK(dispute.undertakings[0].id.value == "hidden-figure");
  CHECK(dispute.undertakings[0].text.empty());
  CHECK(dispute.undertakings[0].owner.empty());
  REQUIRE(dispute.discussion.size() == 1);
  CHECK(dispute.discussion[0].question.empty());
  CHECK(dispute.discussion[0].asked_by.empty());
  CHECK(dispute.discussion[0].undertakings.at(0).value == "hidden-figure");

  const std::string bytes = memo.serialize();
  CHECK(bytes.find("Property disposal") != std::string::npos);  // the exempt item's meeting is memoised
  CHECK(bytes.find(marker) == std::string::npos);
  CHECK(bytes.find("hidden-figure") == std::string::npos);
  CHECK(bytes.find("secret-7f3a") == std::string::npos);
}

}  // namespace
}  // namespace rs
