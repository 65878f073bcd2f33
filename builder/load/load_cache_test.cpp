// The load cache as a rebuild meets it: unchanged files come back exactly as
// parsed (values and positions), changed files are parsed again, and a damaged
// or foreign cache is never trusted.
#include "load/load_cache.h"

#include <doctest/doctest.h>

#include "load/load_site.h"
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

/// Every value and position of a meeting, as one string, to compare two loads.
std::string dump(const Model& m) {
  LoadCache c("dump");
  for (const auto& meeting : m.meetings) c.put_meeting(meeting.id, 0, meeting, {});
  std::vector<ActionUpdate> actions = m.actions;
  c.put_actions("actions", 0, actions, {});
  return c.serialize();
}

TEST_CASE("load cache: unchanged files come back as parsed, without parsing") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSite);
  LoadCache first("builder 1");
  Diagnostics d1;
  Model parsed = load_site(fs, "site", d1, &first);
  CHECK(first.hits() == 0);
  CHECK(first.size() == 3);  // two meetings, one action file

  std::string why = "?";
  LoadCache second = LoadCache::parse(first.serialize(), "builder 1", &why);
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
  Model edited = load_site(fs, "site", d3, &second);
  CHECK(second.hits() == 2);
  CHECK(dump(edited) == dump(parsed));
}

TEST_CASE("load cache: a file with errors is never cached, so its errors are reported every time") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSite + "-- content/meetings/2019/2019-02-01-audit.yaml --\ncommittee: audit\ndate: [\n");
  LoadCache cache("b");
  Diagnostics d1, d2;
  load_site(fs, "site", d1, &cache);
  CHECK(d1.error_count() == 1);
  load_site(fs, "site", d2, &cache);
  CHECK(cache.hits() == 3);
  CHECK(d2.error_count() == 1);
}

TEST_CASE("load cache: damaged, truncated or foreign caches are ignored") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSite);
  LoadCache cache("builder 1");
  Diagnostics d;
  load_site(fs, "site", d, &cache);
  std::string bytes = cache.serialize();
  std::string why;

  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  CHECK(LoadCache::parse(flipped, "builder 1", &why).size() == 0);
  CHECK(why == "damaged (checksum mismatch)");

  CHECK(LoadCache::parse(bytes.substr(0, bytes.size() - 7), "builder 1", &why).size() == 0);
  CHECK(why == "damaged (checksum mismatch)");
  CHECK(LoadCache::parse(bytes.substr(0, 30), "builder 1", &why).size() == 0);
  CHECK(why == "truncated");
  CHECK(LoadCache::parse("reportsite-cache 2\n...", "builder 1", &why).size() == 0);
  CHECK(why == "of another format");

  // Another builder's cache is quietly set aside: its model may differ.
  CHECK(LoadCache::parse(bytes, "builder 2", &why).size() == 0);
  CHECK(why.empty());
}

}  // namespace
}  // namespace rs
