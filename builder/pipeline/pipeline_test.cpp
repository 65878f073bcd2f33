// Whole builds, in memory: what gets published (or not), what the pages say,
// and that the result does not depend on the number of threads.
#include "reportsite/pipeline/pipeline.h"
#include "reportsite/pipeline/registry.h"
#include "reportsite/render/view.h"
#include "reportsite/core/hash.h"
#include "reportsite/core/strings.h"
#include "reportsite/write/build_cache.h"
#include "reportsite/write/output_folder.h"
#include "reportsite/write/write_site.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::build_in;
using fixture::build_txtar;
using fixture::diagnostics_text;
using fixture::error_rules;
using fixture::file;
using fixture::file_text;
using fixture::kMinimalSite;
using fixture::ScopedEnv;

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

/// Paths of the files under `dir`/ in the memory file system.
std::vector<std::string> under(const MemoryFileSystem& fs, const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind(dir + "/", 0) == 0) out.push_back(path);
  return out;
}

/// Paths of everything outside the site's input folders (data/, content/).
std::vector<std::string> outside_inputs(const MemoryFileSystem& fs) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind("site/data/", 0) != 0 && path.rfind("site/content/", 0) != 0) out.push_back(path);
  return out;
}

// ---- publishing -------------------------------------------------------------

const std::string kBroken = kMinimalSite + R"(-- content/meetings/2018/2018-11-20-audti.yaml --
committee: audti
date: 2018-11-20
items:
  - number: "1"
    title: Treasury management
)";

TEST_CASE("a build with an error publishes nothing and leaves the old output as it was") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kBroken);
  fs.files["site/public/old.html"] = "<p>the previous build</p>";
  fs.files["site/public/.reportsite-output"] = output_marker({{"old.html", hash_bytes("<p>the previous build</p>")}});
  BuildResult r = build_in(fs);
  INFO(diagnostics_text(r));
  CHECK(r.errors > 0);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.published);
  // The loader's cache is kept, so the build after the fix parses only the file that changed.
  CHECK(outside_inputs(fs) == std::vector<std::string>{state_path(fs, "site", "site/public", "memo"),
                                                       "site/public/.reportsite-output", "site/public/old.html"});
  CHECK(fs.files["site/public/old.html"] == "<p>the previous build</p>");
}

TEST_CASE("a clean build writes the site to site/public, replacing the old output") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kMinimalSite);
  fs.files["site/public/old.html"] = "<p>the previous build</p>";
  fs.files["site/public/.reportsite-output"] = output_marker({{"old.html", hash_bytes("<p>the previous build</p>")}});
  BuildResult r = build_in(fs);
  INFO(diagnostics_text(r));
  CHECK(r.errors == 0);
  CHECK(r.exit_code == 0);
  CHECK(r.published);
  REQUIRE(fs.files.count("site/public/index.html") == 1);
  // Pages went to the staging folder as they were drawn: the result keeps their hash, not their bytes.
  REQUIRE(file(r, "index.html"));
  CHECK(file(r, "index.html")->staged);
  CHECK(file(r, "index.html")->bytes.empty());
  CHECK(file(r, "index.html")->content_hash == hash_bytes(fs.files["site/public/index.html"]));
  CHECK(fs.files["site/public/index.html"].find("<main") != std::string::npos);
  CHECK(fs.files.count("site/public/old.html") == 0);
  // Exactly the rendered files, and nothing left in a staging folder.
  std::vector<std::string> expected = {"site/public/.reportsite-output"};
  for (const auto& f : r.files) expected.push_back("site/public/" + f.path);
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> written = under(fs, "site/public");
  for (const auto& p : outside_inputs(fs)) CHECK(p.find("staging") == std::string::npos);
  std::string missing, extra;
  for (const auto& p : expected)
    if (!std::binary_search(written.begin(), written.end(), p)) missing += p + " ";
  for (const auto& p : written)
    if (!std::binary_search(expected.begin(), expected.end(), p)) extra += p + " ";
  CHECK(missing == "");
  CHECK(extra == "");
}

TEST_CASE("a build with writing off publishes nothing even when clean") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kMinimalSite);
  BuildOptions o;
  o.write = false;
  BuildResult r = build_in(fs, o);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(r.published);
  CHECK(under(fs, "site/public").empty());
  CHECK(file(r, "index.html") != nullptr);
}

// ---- exempt items -----------------------------------------------------------

// Every field of item 12 that may not be published carries the marker
// "Zqxsecret" (asked_by names a person who speaks nowhere else); item 1 carries
// "Zqxpublic", which must be found, so the scan is known to work.
const std::string kExemptSite = kMinimalSite + R"(-- data/people.yaml --
- id: pat-person
  name: Councillor Pat Person
  role: member
-- content/reports/complaints/2017-18.yaml --
series: complaints
title: Complaints Annual Report 2017/18
period: {from: 2017-04-01, to: 2018-03-31}
-- content/documents/2018-10-17/zqxsecret-tender.pdf --
%PDF-1.4 Zqxsecret tender
-- content/documents/2018-10-17/zqxpublic-agenda.pdf --
%PDF-1.4 Zqxpublic agenda
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Minutes of the previous meeting
    minutes: The Zqxpublic minutes were agreed.
    resolved: That the Zqxpublic minutes be signed.
    documents:
      - title: Zqxpublic agenda
        file: documents/2018-10-17/zqxpublic-agenda.pdf
  - number: "12"
    title: Contract award for the leisure centre
    report_of: Zqxsecret Director of Commercial Services
    report: complaints-2017-18
    minutes: |
      The Committee considered the Zqxsecret bid.
    discussion:
      - asked_by: pat-person
        question: What did Zqxsecret Limited offer?
        answered_by: Zqxsecret Officer
        answer: Zqxsecret Limited offered the lowest price.
        undertakings: [zqxsecret-promise]
      - asked_by: Zqxsecret Member
        question: Was the Zqxsecret tender compliant?
    undertakings:
      - id: zqxsecret-promise
        text: Send members the Zqxsecret figures.
        owner: Zqxsecret Owner
        due: 2019-01-31
        requested_by: Zqxsecret Requester
      - id: zqxsecret-later
        text: Report the Zqxsecret outcome.
        owner: Zqxsecret Owner
        due: next-meeting
    resolved: That the Zqxsecret bid be accepted.
    documents:
      - title: Zqxsecret tender evaluation
        file: documents/2018-10-17/zqxsecret-tender.pdf
    exempt: 3
)";

TEST_CASE("nothing of an exempt item reaches any output file") {
  BuildResult r = build_txtar(kExemptSite);
  INFO(diagnostics_text(r));
  REQUIRE(error_rules(r).empty());
  REQUIRE(!r.files.empty());
  size_t public_hits = 0;
  for (const auto& f : r.files) {
    INFO("output file: ", f.path);
    CHECK(lower(f.path).find("zqxsecret") == std::string::npos);
    CHECK(lower(f.bytes).find("zqxsecret") == std::string::npos);
    CHECK(lower(f.copy_from).find("zqxsecret") == std::string::npos);
    public_hits += lower(f.bytes).find("zqxpublic") != std::string::npos;
  }
  // The public item's words are published (meeting page, search, site.json at least).
  CHECK(public_hits >= 3);
  CHECK(file(r, "documents/2018-10-17/zqxpublic-agenda.pdf") != nullptr);
  // The exempt item publishes its number, title and paragraph.
  std::string page = file_text(r, "meetings/2018-10-17-audit/index.html");
  CHECK(page.find("Contract award for the leisure centre") != std::string::npos);
  CHECK(page.find("paragraph 3 of Schedule 12A") != std::string::npos);
  // Speaking in private business does not put the meeting on a person's page.
  std::string person = file_text(r, "people/pat-person/index.html");
  REQUIRE(!person.empty());
  CHECK(person.find("2018-10-17-audit") == std::string::npos);
}

// ---- what pages say ---------------------------------------------------------

const std::string kMeetingsSite = kMinimalSite + R"(-- data/people.yaml --
- id: alex-example
  name: Councillor Alex Example
  role: member
- id: finance-director
  name: Director of Finance
  role: officer
-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
status: confirmed
items:
  - number: "1"
    title: Treasury management
    discussion:
      - asked_by: alex-example
        question: Why did the interest received fall?
        answered_by: An officer from Treasury
        answer: Rates fell during the year.
      - asked_by: Councillor Jo Placeholder
        question: Were any deposits at risk?
        answered_by: finance-director
        answer: No deposit was at risk.
-- content/meetings/2019/2019-05-01-scrutiny.yaml --
committee: scrutiny
date: 2019-05-01
status: draft
items:
  - number: "1"
    title: Election of the Chair
    minutes: Councillor Alex Example was elected Chair.
)";

TEST_CASE("draft minutes carry the not-yet-approved banner; confirmed minutes do not") {
  BuildResult r = build_txtar(kMeetingsSite);
  INFO(diagnostics_text(r));
  REQUIRE(error_rules(r).empty());
  std::string draft = file_text(r, "meetings/2019-05-01-scrutiny/index.html");
  std::string confirmed = file_text(r, "meetings/2018-10-17-audit/index.html");
  REQUIRE(!draft.empty());
  REQUIRE(!confirmed.empty());
  CHECK(draft.find("not yet approved") != std::string::npos);
  CHECK(confirmed.find("not yet approved") == std::string::npos);
}

TEST_CASE("a meeting page shows who asked and who answered, linking people ids to their pages") {
  BuildResult r = build_txtar(kMeetingsSite);
  INFO(diagnostics_text(r));
  std::string page = file_text(r, "meetings/2018-10-17-audit/index.html");
  CHECK(page.find("<a href=\"../../people/alex-example/index.html\">Councillor Alex Example</a> asked:") !=
        std::string::npos);
  CHECK(page.find("An officer from Treasury answered:") != std::string::npos);
  CHECK(page.find("Councillor Jo Placeholder asked:") != std::string::npos);
  CHECK(page.find("<a href=\"../../people/finance-director/index.html\">Director of Finance</a> answered:") !=
        std::string::npos);
  CHECK(page.find("Why did the interest received fall?") != std::string::npos);
  CHECK(page.find("No deposit was at risk.") != std::string::npos);
  // A people id is never shown as the id itself.
  CHECK(page.find(">alex-example<") == std::string::npos);
  CHECK(file(r, "people/alex-example/index.html") != nullptr);
}

TEST_CASE("each municipal year's page lists that year's meetings and no others") {
  BuildResult r = build_txtar(kMeetingsSite);
  INFO(diagnostics_text(r));
  std::string y2018 = file_text(r, "years/2018-19/index.html");
  std::string y2019 = file_text(r, "years/2019-20/index.html");
  REQUIRE(!y2018.empty());
  REQUIRE(!y2019.empty());
  CHECK(y2018.find("../../meetings/2018-10-17-audit/index.html") != std::string::npos);
  CHECK(y2018.find("2019-05-01-scrutiny") == std::string::npos);
  CHECK(y2018.find("Audit Committee") != std::string::npos);
  CHECK(y2019.find("../../meetings/2019-05-01-scrutiny/index.html") != std::string::npos);
  CHECK(y2019.find("2018-10-17-audit") == std::string::npos);
  CHECK(y2019.find("Draft minutes") != std::string::npos);
  CHECK(file(r, "years/2017-18/index.html") == nullptr);
}

// ---- committee calendars ---------------------------------------------------

/// The decoded TEXT of the first SUMMARY in `ics` (RFC 5545: unfolded, escapes
/// undone), or "<bad escape>" when a backslash is followed by anything else.
std::string ics_summary(const std::string& ics) {
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  size_t at = unfolded.find("\r\nSUMMARY:");
  if (at == std::string::npos) return "<no summary>";
  at += 10;
  std::string raw = unfolded.substr(at, unfolded.find("\r\n", at) - at), out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    if (i + 1 >= raw.size() || std::string("\\;,nN").find(raw[i + 1]) == std::string::npos) return "<bad escape>";
    out += raw[i + 1] == 'n' || raw[i + 1] == 'N' ? '\n' : raw[i + 1];
    ++i;
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

/// The committee calendar of the minimal site with the audit committee renamed.
std::string audit_calendar(const std::string& name) {
  BuildResult r = build_txtar(kMinimalSite + "-- data/committees.yaml --\n- id: audit\n  name: \"" + name + "\"\n");
  INFO(diagnostics_text(r));
  std::string ics = file_text(r, "committees/audit/meetings.ics");
  REQUIRE(!ics.empty());
  return ics;
}

TEST_CASE("a committee calendar's event is named after the committee") {
  CHECK(ics_summary(audit_calendar("Audit Committee")) == "Audit Committee");
}

TEST_CASE("a comma in a committee's name is escaped once in its calendar") {
  std::string ics = audit_calendar("Audit, Risk and Standards Committee");
  CHECK(ics.find("\r\nSUMMARY:Audit\\, Risk and Standards Committee\r\n") != std::string::npos);
  CHECK(ics_summary(ics) == "Audit, Risk and Standards Committee");
}

TEST_CASE("a long committee name never leaves a broken character or escape in its calendar") {
  // In both names the 60th byte falls inside something that cannot be split:
  // a three-byte apostrophe, and a comma's escape.
  for (const std::string name : {"Overview & Scrutiny Committee for Children and Young People’s Services",
                                 "Corporate Parenting Panels for Children in Care and Leavers, Harrow"}) {
    INFO("committee: ", name);
    std::string ics = audit_calendar(name);
    CHECK(valid_utf8(ics));
    std::string summary = ics_summary(ics);
    CHECK(summary != "<bad escape>");
    CHECK(summary.size() >= 40);
    CHECK(name.compare(0, summary.size(), summary) == 0);  // the name, or the start of it
  }
}

// ---- threads ----------------------------------------------------------------

std::string fingerprint(const BuildResult& r) {
  std::string out;
  for (const auto& f : r.files) out += f.path + "\n" + f.copy_from + "\n" + f.bytes + "\n\x1e";
  out += diagnostics_text(r);
  return out;
}

TEST_CASE("one thread and four threads build identical files") {
  const std::string site = kMeetingsSite + kExemptSite.substr(kMinimalSite.size());
  std::string one, four;
  BuildOptions one_thread, four_threads;
  one_thread.threads = 1;
  four_threads.threads = 4;
  one = fingerprint(build_txtar(site, one_thread));
  four = fingerprint(build_txtar(site, four_threads));
  CHECK(one.size() > 1000);
  CHECK(one == four);
}

TEST_CASE("one thread and four threads build the example site identically") {
  RealFileSystem fs;
  BuildOptions o;
  o.site_dir = REPORTSITE_SOURCE_DIR;
  o.write = false;
  std::string one, four;
  o.threads = 1;
  one = fingerprint(build_site(fs, o));
  o.threads = 4;
  four = fingerprint(build_site(fs, o));
  CHECK(one.size() > 10000);
  CHECK(one == four);
}

}  // namespace
}  // namespace rs

namespace rs {
namespace {

/// The repository's example site, copied into memory under site/.
MemoryFileSystem example_in_memory() {
  RealFileSystem real;
  MemoryFileSystem fs;
  for (const char* dir : {"data", "content"})
    for (const auto& rel : real.list(join_path(REPORTSITE_SOURCE_DIR, dir)))
      fs.files["site/" + std::string(dir) + "/" + rel] =
          real.read(join_path(REPORTSITE_SOURCE_DIR, std::string(dir) + "/" + rel), nullptr).value_or("");
  return fs;
}

TEST_CASE("a rebuild reports the same findings, at the same places, from the memo of the last build") {
  MemoryFileSystem fs = example_in_memory();
  fs.files["site/content/meetings/2020/2020-03-11-children-scrutiny.yaml"] = R"(committee: children-scrutiny
date: 2020-03-11
status: draft
items:
  - number: "1"
    title: Complaints update
    discussion:
      - asked_by: A Member
        question: When would the figures be ready?
        answered_by: An officer
        answer: The officer undertook to circulate the figures.
)";
  BuildResult first = build_in(fs);
  REQUIRE(first.published);
  CHECK(first.files_from_cache == 0);
  const std::string first_text = diagnostics_text(first);
  CHECK(first_text.find("[glossary.abbr-mismatch]") != std::string::npos);
  CHECK(first_text.find("2020-03-11-children-scrutiny.yaml:11:29: warning: this records a promise") != std::string::npos);
  CHECK(fs.files[state_path(fs, "site", "site/public", "memo")].find("glossary:meetings/") != std::string::npos);

  fs.files["site/data/people.yaml"] += "\n";  // any change, so the rebuild does work
  BuildResult second = build_in(fs);
  REQUIRE(second.published);
  CHECK(second.files_from_cache > 0);
  CHECK(diagnostics_text(second) == first_text);

  // A new glossary rule applies to unchanged prose: the glossary is part of every page's key.
  fs.files["site/data/glossary.yaml"] += "\n- term: feedback\n  avoid: [representations]\n";
  BuildResult third = build_in(fs);
  CHECK(diagnostics_text(third).find("“representations” is a word to avoid") != std::string::npos);
}

TEST_CASE("one build at a time writes an output folder: the second exits 2 saying who holds it") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kMinimalSite);
  std::string holder, error;
  auto held = fs.lock(beside_output("site/public", "lock"), "process 4242, started 2026-12-01 10:00:00 UTC", &holder,
                      &error);
  REQUIRE(held);
  BuildResult r = build_in(fs);
  CHECK(r.exit_code == 2);
  CHECK_FALSE(r.published);
  CHECK(diagnostics_text(r).find("another build is writing site/public (process 4242") != std::string::npos);
  CHECK_FALSE(fs.exists("site/public"));
  held.reset();
  CHECK(build_in(fs).published);
}

TEST_CASE("the memo and cache live in the site's .reportsite folder, owner-only, never beside the output") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kMinimalSite);
  BuildOptions o;
  o.site_dir = "site";
  o.out_dir = "www/reports";
  BuildResult r = build_site(fs, o);
  REQUIRE(r.published);
  for (const char* kind : {"memo", "cache"}) {
    std::string path = state_path(fs, "site", "www/reports", kind);
    CAPTURE(path);
    CHECK(path.rfind("site/.reportsite/reports-", 0) == 0);
    CHECK(fs.files.count(path));
    CHECK(fs.owner_only.count(path));
  }
  for (const auto& [path, bytes] : fs.files) CHECK(path.rfind("www/.", 0) != 0);
}

TEST_CASE("a cache that vouches for output files which no longer hold what was written is not trusted") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kMinimalSite);
  REQUIRE(build_in(fs).published);
  const std::string page = fs.files.at("site/public/index.html");
  CHECK(build_in(fs).up_to_date);
  // As a CI cache restored over an older output: same size, other bytes, another inode.
  std::string stale = page;
  stale[stale.size() / 2] = stale[stale.size() / 2] == 'x' ? 'y' : 'x';
  fs.files["site/public/index.html"] = stale;
  fs.identities["site/public/index.html"] = 99;
  BuildResult r = build_in(fs);
  CHECK_FALSE(r.up_to_date);
  CHECK(fs.files.at("site/public/index.html") == page);
}

// ---- the registry (issue 13, item 4)

class EveryMeetingCheck : public Check {
 public:
  std::string name() const override { return "test.every-meeting"; }
  std::string version() const override { return "1"; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    for (const auto& m : in.model.meetings) diags.warning("test.every-meeting", m.date.span, "saw " + m.id);
  }
};

class CountOutput : public OutputKind {
 public:
  std::string name() const override { return "test.count"; }
  std::string version() const override { return "1"; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    OutputFile f;
    f.path = "count.txt";
    f.bytes = std::to_string(ctx.model.meetings.size()) + "\n";
    out.push_back(std::move(f));
  }
};

class NoMainPageRule : public PageRule {
 public:
  std::string name() const override { return "test.no-main"; }
  std::string version() const override { return "1"; }
  void check(const RenderedPage& page, Diagnostics& out) const override {
    if (page.html.find("<main") == std::string::npos) out.add({Severity::error, "test.no-main", "no main", {}, page.path, {}, {}});
  }
};

TEST_CASE("a registry's own check, output and page rule run beside the built-in ones") {
  Registry registry = builtin_registry();
  registry.add(std::make_unique<EveryMeetingCheck>()).add(std::make_unique<CountOutput>());
  registry.add(std::make_unique<NoMainPageRule>());
  BuildOptions o;
  o.registry = &registry;
  BuildResult r = build_txtar(kMeetingsSite, o);
  size_t seen = 0;
  for (const auto& d : r.diagnostics) seen += d.rule == "test.every-meeting";
  CHECK(seen == r.model.meetings.size());
  CHECK(seen > 0);
  auto count = std::find_if(r.files.begin(), r.files.end(), [](const OutputFile& f) { return f.path == "count.txt"; });
  REQUIRE(count != r.files.end());
  CHECK(count->bytes == std::to_string(r.model.meetings.size()) + "\n");
  CHECK(std::any_of(r.files.begin(), r.files.end(), [](const OutputFile& f) { return f.path == "index.html"; }));
  // Every built-in page has a <main>, so the page rule finds nothing.
  CHECK(std::none_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.rule == "test.no-main"; }));

  // A registry without the built-in outputs publishes only its own.
  Registry only_mine;
  only_mine.add(std::make_unique<CountOutput>());
  o.registry = &only_mine;
  BuildResult mine = build_txtar(kMeetingsSite, o);
  REQUIRE(mine.files.size() == 1);
  CHECK(mine.files[0].path == "count.txt");
}

}  // namespace
}  // namespace rs

// ---- pages' inputs, recorded as they read (issue 13, item 1)

namespace rs {
namespace {

std::atomic<int> terms_prepared{0};

/// A third party's page, declared as any built-in one: it reads the glossary,
/// and nothing anywhere says so except the read itself.
class TermsPage : public OutputKind {
 public:
  std::string name() const override { return "test.terms"; }
  std::string version() const override { return "1"; }
  void render(const RenderContext&, std::vector<OutputFile>&, Diagnostics&) const override {}
  std::vector<PageDeclaration> pages(const RenderContext&, Diagnostics&) const override {
    return {{"terms/index.html", "page.mustache", [](PageEnv& env) {
               ++terms_prepared;
               std::string body = "<p>Terms:";
               for (const auto& e : env.glossary()) body += " " + html_escape(e.term.value) + ";";
               View d;
               d.set("body", body + "</p>");
               return PageContent{"Terms", std::move(d), {{"Home", paths::home()}}};
             }}};
  }
};

const OutputFile* file_at(const BuildResult& r, const std::string& path) {
  auto it = std::find_if(r.files.begin(), r.files.end(), [&](const OutputFile& f) { return f.path == path; });
  return it == r.files.end() ? nullptr : &*it;
}

TEST_CASE("a page is redrawn when what it read changes, with no declaration of its inputs anywhere") {
  MemoryFileSystem fs = example_in_memory();
  Registry registry = builtin_registry();
  registry.add(std::make_unique<TermsPage>());
  BuildOptions o;
  o.site_dir = "site";
  o.registry = &registry;
  terms_prepared = 0;
  BuildResult first = build_site(fs, o);
  REQUIRE(first.published);
  REQUIRE(file_at(first, "terms/index.html"));
  CHECK(terms_prepared == 1);
  std::string reads;
  for (const auto& read : file_at(first, "terms/index.html")->reads) reads += read.key + " ";
  CHECK(reads.find("glossary ") != std::string::npos);  // recorded as it read
  CHECK(fs.files.at("site/public/terms/index.html").find("Terms:") != std::string::npos);

  // An edit to what it did not read: reused without even being prepared.
  fs.files["site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"] += "\n";
  BuildResult second = build_site(fs, o);
  REQUIRE(second.published);
  CHECK(terms_prepared == 1);
  CHECK(file_at(second, "terms/index.html")->reused);

  // An edit to what it read: prepared and drawn again.
  fs.files["site/data/glossary.yaml"] += "\n- term: a term nobody used before\n";
  BuildResult third = build_site(fs, o);
  REQUIRE(third.published);
  CHECK(terms_prepared == 2);
  CHECK_FALSE(file_at(third, "terms/index.html")->reused);
  CHECK(fs.files.at("site/public/terms/index.html").find("a term nobody used before") != std::string::npos);
}

TEST_CASE("built-in pages record what they read; one that read nothing edited is reused") {
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  REQUIRE(build_site(fs, o).published);
  // The glossary page reads the glossary, the settings and the list of free pages, not meetings.
  fs.files["site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"] += "\n";
  BuildResult r = build_site(fs, o);
  REQUIRE(r.published);
  const OutputFile* glossary = file_at(r, paths::glossary());
  REQUIRE(glossary);
  CHECK(glossary->reused);
  CHECK(glossary->bytes.empty());
  const OutputFile* meeting = file_at(r, paths::meeting("2018-10-17-children-scrutiny"));
  REQUIRE(meeting);
  CHECK_FALSE(meeting->reads.empty());
}

}  // namespace
}  // namespace rs

// ---- pages streamed to the staging folder (issue 13, item 2)

namespace rs {
namespace {

/// Fails one page, late: by then other pages have gone to the staging folder.
class FailsTheGlossaryPage : public PageRule {
 public:
  std::string name() const override { return "test.fails-glossary"; }
  std::string version() const override { return "1"; }
  void check(const RenderedPage& page, Diagnostics& out) const override {
    if (page.path == paths::glossary()) out.add({Severity::error, "test.fails-glossary", "no", {}, page.path, {}, {}});
  }
};

TEST_CASE("pages streamed to the staging folder are thrown away when any page fails: the old output stays") {
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  REQUIRE(build_site(fs, o).published);
  const std::map<std::string, std::string> before = fs.files;
  fs.files["site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"] += "\n";  // something to draw
  Registry registry = builtin_registry();
  registry.add(std::make_unique<FailsTheGlossaryPage>());
  o.registry = &registry;
  BuildResult r = build_site(fs, o);
  CHECK_FALSE(r.published);
  CHECK(r.exit_code == 1);
  for (const auto& [path, bytes] : before)
    if (path.rfind("site/public/", 0) == 0) CHECK(fs.files.at(path) == bytes);
  for (const auto& [path, bytes] : fs.files) CHECK(path.find("staging") == std::string::npos);
}

TEST_CASE("a build that writes keeps no page's bytes once staged; one that does not write keeps them all") {
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  BuildResult written = build_site(fs, o);
  REQUIRE(written.published);
  size_t pages = 0;
  for (const auto& f : written.files) {
    if (f.template_name.empty()) continue;
    ++pages;
    CHECK(f.bytes.empty());
    CHECK(f.staged);
    CHECK(hash_bytes(fs.files.at("site/public/" + f.path)) == f.content_hash);
  }
  CHECK(pages > 10);
  o.write = false;
  BuildResult kept = build_site(fs, o);
  for (const auto& f : kept.files)
    if (!f.template_name.empty()) CHECK(f.bytes == fs.files.at("site/public/" + f.path));
}

}  // namespace
}  // namespace rs

// ---- page rules, the built-in one among them (issue 13, item 4)

namespace rs {
namespace {

/// Counts what a run of a rule across pages is shown.
struct PageCounts {
  std::atomic<int> drawn{0}, known{0}, finished{0};
  size_t pages = 0;
};

class CountingRule : public PageRule {
 public:
  explicit CountingRule(PageCounts& counts) : counts_(counts) {}
  std::string name() const override { return "test.counting"; }
  std::string version() const override { return "1"; }
  std::unique_ptr<PageRuleRun> start(const std::vector<RenderedPage>& pages, const std::set<std::string>&) const override {
    counts_.pages = pages.size();
    return std::make_unique<Run>(counts_);
  }

 private:
  struct Run : PageRuleRun {
    explicit Run(PageCounts& c) : counts(c) {}
    void check(size_t, const std::string& html, Diagnostics&) override { counts.drawn += !html.empty(); }
    void known(size_t, const PageSummary&) override { ++counts.known; }
    void finish(Diagnostics&) override { ++counts.finished; }
    PageCounts& counts;
  };
  PageCounts& counts_;
};

TEST_CASE("the built-in page.* rules are registered as a page rule, and a rule across pages sees every page once") {
  Registry registry = builtin_registry();
  REQUIRE_FALSE(registry.page_rules.empty());
  CHECK(registry.page_rules.front()->name() == "page");
  PageCounts counts;
  registry.add(std::make_unique<CountingRule>(counts));
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  o.registry = &registry;
  REQUIRE(build_site(fs, o).published);
  CHECK(counts.pages > 10);
  CHECK(counts.drawn == static_cast<int>(counts.pages));
  CHECK(counts.finished == 1);
  // A rebuild after a one-meeting edit: the pages not drawn again are shown by their summaries.
  counts.drawn = counts.known = counts.finished = 0;
  fs.files["site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"] += "\n";
  REQUIRE(build_site(fs, o).published);
  CHECK(counts.known > 0);
  CHECK(counts.drawn + counts.known == static_cast<int>(counts.pages));
  CHECK(counts.finished == 1);
}

}  // namespace
}  // namespace rs

// ---- extensions' versions in the cache key (issue 21, item 1)

namespace rs {
namespace {

/// A check whose findings depend on its version, as a rebuilt program's would.
class VersionedCheck : public Check {
 public:
  explicit VersionedCheck(std::string v) : v_(std::move(v)) {}
  std::string name() const override { return "test.versioned"; }
  std::string version() const override { return v_; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    if (!in.model.meetings.empty())
      diags.warning("test.versioned", in.model.meetings[0].date.span, "found by version " + v_);
  }

 private:
  std::string v_;
};

/// A page of an output whose drawing depends on its version.
class VersionedPage : public OutputKind {
 public:
  explicit VersionedPage(std::string v) : v_(std::move(v)) {}
  std::string name() const override { return "test.versioned-page"; }
  std::string version() const override { return v_; }
  void render(const RenderContext&, std::vector<OutputFile>&, Diagnostics&) const override {}
  std::vector<PageDeclaration> pages(const RenderContext&, Diagnostics&) const override {
    std::string v = v_;
    return {{"versioned/index.html", "page.mustache", [v](PageEnv&) {
               View d;
               d.set("body", "<p>drawn by version " + v + "</p>");
               return PageContent{"Versioned", std::move(d), {{"Home", paths::home()}}};
             }}};
  }

 private:
  std::string v_;
};

std::vector<std::string> messages_of(const BuildResult& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.rule == rule) out.push_back(d.message);
  return out;
}

TEST_CASE("a new version of a check or output redoes its work only; an unchanged rebuild carries the same findings") {
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  auto with = [](const std::string& check_v, const std::string& page_v) {
    Registry registry = builtin_registry();
    registry.add(std::make_unique<VersionedCheck>(check_v)).add(std::make_unique<VersionedPage>(page_v));
    return registry;
  };
  Registry v1 = with("1", "1");
  o.registry = &v1;
  BuildResult first = build_site(fs, o);
  REQUIRE(first.published);
  CHECK(messages_of(first, "test.versioned") == std::vector<std::string>{"found by version 1"});

  // Unchanged: skipped whole, and the findings come back as the build's own, at the same place.
  BuildResult again = build_site(fs, o);
  CHECK(again.up_to_date);
  CHECK(messages_of(again, "test.versioned") == std::vector<std::string>{"found by version 1"});
  CHECK(again.diagnostics.size() == first.diagnostics.size());
  for (size_t i = 0; i < std::min(again.diagnostics.size(), first.diagnostics.size()); ++i)
    CHECK(format_text(again.diagnostics[i], again.model.sources) == format_text(first.diagnostics[i], first.model.sources));

  // The check's new version: it runs again, and no page is drawn again for it.
  Registry v2 = with("2", "1");
  o.registry = &v2;
  BuildResult second = build_site(fs, o);
  REQUIRE(second.published);
  CHECK_FALSE(second.up_to_date);
  CHECK(messages_of(second, "test.versioned") == std::vector<std::string>{"found by version 2"});
  for (const auto& f : second.files)
    if (!f.template_name.empty()) CHECK_MESSAGE(f.reused, f.path);

  // The output's new version: its page is drawn again, and only its page.
  Registry v3 = with("2", "2");
  o.registry = &v3;
  BuildResult third = build_site(fs, o);
  REQUIRE(third.published);
  CHECK(fs.files.at("site/public/versioned/index.html").find("drawn by version 2") != std::string::npos);
  for (const auto& f : third.files)
    if (!f.template_name.empty()) CHECK_MESSAGE(f.reused == (f.path != "versioned/index.html"), f.path);
}

}  // namespace
}  // namespace rs

// ---- a new version redoes exactly that extension's work (issue 21, item 1)

#include "reportsite/core/memo_cached.h"

namespace rs {
namespace {

/// A check that keeps its work in the memo, as a costly check would, counting what it computes.
class MemoCheck : public Check {
 public:
  MemoCheck(std::string name, std::string v, std::atomic<int>& computed) : name_(std::move(name)), v_(std::move(v)), computed_(computed) {}
  std::string name() const override { return name_; }
  std::string version() const override { return v_; }
  void run(const CheckInput& in, Findings&, Diagnostics& diags) const override {
    for (const auto& m : in.model.meetings) {
      std::string found = cached<std::string>(in.memo, "meeting:" + m.id, hash_bytes(m.id), [&] {
        ++computed_;
        return "found by " + name_ + " version " + v_;
      });
      if (&m == &in.model.meetings.front()) diags.warning(name_, m.date.span, found);
    }
  }

 private:
  std::string name_, v_;
  std::atomic<int>& computed_;
};

/// A page rule that counts the pages it is shown drawn.
class VersionedRule : public PageRule {
 public:
  VersionedRule(std::string v, std::atomic<int>& drawn) : v_(std::move(v)), drawn_(drawn) {}
  std::string name() const override { return "test.versioned-rule"; }
  std::string version() const override { return v_; }
  void check(const RenderedPage&, Diagnostics&) const override { ++drawn_; }

 private:
  std::string v_;
  std::atomic<int>& drawn_;
};

TEST_CASE("a check's, output's or page rule's new version redoes its own memoised work and no other's") {
  MemoryFileSystem fs = example_in_memory();
  BuildOptions o;
  o.site_dir = "site";
  std::atomic<int> a{0}, b{0}, pages{0};
  auto with = [&](const std::string& a_version, const std::string& rule_version) {
    Registry r = builtin_registry();
    r.add(std::make_unique<MemoCheck>("test.a", a_version, a)).add(std::make_unique<MemoCheck>("test.b", "1", b));
    r.add(std::make_unique<VersionedRule>(rule_version, pages));
    return r;
  };
  Registry first = with("1", "1");
  o.registry = &first;
  BuildResult r1 = build_site(fs, o);
  REQUIRE(r1.published);
  const int meetings = static_cast<int>(r1.model.meetings.size());
  REQUIRE(meetings > 1);
  CHECK(a == meetings);
  CHECK(b == meetings);
  CHECK(pages > 10);

  // An edit that is not to any meeting: both checks run, and both find their work in the memo.
  auto touch = [&] { fs.files["site/data/committees.yaml"] += "\n"; };
  touch();
  REQUIRE(build_site(fs, o).published);
  CHECK(a == meetings);
  CHECK(b == meetings);

  // test.a's new version: all of test.a's work again, none of test.b's, and its finding says so.
  Registry second = with("2", "1");
  o.registry = &second;
  touch();
  BuildResult r3 = build_site(fs, o);
  REQUIRE(r3.published);
  CHECK(a == 2 * meetings);
  CHECK(b == meetings);
  CHECK(messages_of(r3, "test.a") == std::vector<std::string>{"found by test.a version 2"});
  CHECK(messages_of(r3, "test.b") == std::vector<std::string>{"found by test.b version 1"});

  // The page rule's new version: every page is shown to it again, but no check's memo is lost.
  const int shown = pages;
  Registry third = with("2", "2");
  o.registry = &third;
  BuildResult r4 = build_site(fs, o);  // nothing else changed: not skipped, as the key changed
  REQUIRE(r4.published);
  CHECK_FALSE(r4.up_to_date);
  int html_pages = 0;
  for (const auto& f : r4.files) html_pages += !f.template_name.empty();
  CHECK(html_pages > 10);
  CHECK(pages - shown == html_pages);
  CHECK(a == 2 * meetings);
  CHECK(b == meetings);
}

}  // namespace
}  // namespace rs
