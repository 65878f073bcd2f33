// Search snippets are cut from any text, valid UTF-8 or not, without looping
// or splitting a character; the index numbers documents by date and gives the
// filters their values by name and their documents as runs.
#include "reportsite/render/search_index.h"

#include <doctest/doctest.h>

#include <map>

#include "reportsite/core/strings.h"
#include "site_fixture.h"

namespace rs {
namespace {

bool whole_characters(const std::string& s) {
  size_t k = 0;
  while (k < s.size()) k += utf8_char_size(s, k);
  return k == s.size();
}

TEST_CASE("a short text is its own snippet; a long one is cut at a space with an ellipsis") {
  CHECK(search_snippet("Short minutes.") == "Short minutes.");
  std::string words;
  while (words.size() < 400) words += "budget ";
  std::string s = search_snippet(words);
  CHECK(s.size() <= 240 + 3);
  CHECK(ends_with(s, "budget…"));
}

TEST_CASE("snippets of multi-byte text, invalid bytes and continuation runs keep characters whole") {
  const std::string euro = "\xE2\x82\xAC";
  std::string euros;
  for (int i = 0; i < 200; ++i) euros += euro;
  for (const std::string& text : {euros, std::string(1000, '\x80'), "a" + std::string(500, '\xBF'),
                                  std::string(239, 'x') + euro + std::string(10, 'y'),
                                  std::string(200, '\xE2') + euros}) {
    std::string s = search_snippet(text);
    REQUIRE(ends_with(s, "…"));
    std::string body = s.substr(0, s.size() - 3);
    CHECK(body.size() <= 240);
    CHECK(body.size() >= 200);  // cut near the limit, not thrown away
    CHECK(whole_characters(body));
    CHECK(text.compare(0, body.size(), body) == 0);
  }
}

TEST_CASE("the filters offer committees by name and list each one's documents; the newest are numbered last") {
  BuildResult r = fixture::build_txtar(fixture::kMinimalSite + R"(-- content/meetings/2019/2019-06-05-scrutiny.yaml --
committee: scrutiny
date: 2019-06-05
items:
  - number: "3"
    title: Library opening hours
    minutes: Members discussed opening hours.
)");
  std::string meta = fixture::file_text(r, "assets/search/meta.js");
  CHECK(meta.find(R"("committees":[["audit","Audit Committee"],["scrutiny","Scrutiny Committee"]])") != std::string::npos);
  CHECK(meta.find(R"("years":[["2019-20","2019/20"],["2018-19","2018/19"]])") != std::string::npos);
  // Documents 0-1 are the audit meeting and its item; 2-3 the later scrutiny meeting and its item.
  std::string committees = fixture::file_text(r, "assets/search/facets-committee.js");
  CHECK(committees.find(R"("audit":"0.2")") != std::string::npos);
  CHECK(committees.find(R"("scrutiny":"2.2")") != std::string::npos);
  std::string kinds = fixture::file_text(r, "assets/search/facets-kind.js");
  CHECK(kinds.find(R"("meeting":"0.1,1.1")") != std::string::npos);
  std::string docs = fixture::file_text(r, "assets/search/docs-0.js");
  size_t audit = docs.find(R"(["Meeting","Audit Committee, 17 October 2018")");
  size_t scrutiny = docs.find(R"(["Meeting","Scrutiny Committee, 5 June 2019")");
  REQUIRE(scrutiny != std::string::npos);
  CHECK(audit < scrutiny);
}


// The search index after an edit: the last index patched (what a user gets
// is the same as from a clean build), the files the edit did not touch kept.
const std::string kSearchSite = fixture::kMinimalSite + R"(-- content/meetings/2019/2019-06-05-scrutiny.yaml --
committee: scrutiny
date: 2019-06-05
status: confirmed
items:
  - number: "1"
    title: Library opening hours
    minutes: Members discussed the zebra crossing outside the library.
    resolved: That the opening hours be kept.
-- content/meetings/2019/2019-07-10-audit.yaml --
committee: audit
date: 2019-07-10
status: confirmed
items:
  - number: "1"
    title: Internal audit plan
    minutes: Members agreed the plan.
)";
const std::string kEditedMeeting = "site/content/meetings/2019/2019-06-05-scrutiny.yaml";

/// The search files of the output in `fs`, by path.
std::map<std::string, std::string> search_files(const MemoryFileSystem& fs) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : fs.files)
    if (path.rfind("site/public/assets/search/", 0) == 0) out[path] = bytes;
  return out;
}

/// The search files a clean build of the site in `fs` (its inputs only) publishes.
std::map<std::string, std::string> clean_search_files(const MemoryFileSystem& fs) {
  MemoryFileSystem clean;
  REQUIRE(fixture::build_afresh(fs, clean).published);
  return search_files(clean);
}

TEST_CASE("search index after an edit: only the edited document's terms and chunk are redrawn, the bytes a clean build gives") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSearchSite);
  REQUIRE(fixture::build_in(fs).published);
  const auto first = search_files(fs);
  REQUIRE(first.count("site/public/assets/search/terms-z.js"));  // "zebra" is the only word in z

  REQUIRE(fixture::replace_in(fs, kEditedMeeting, "zebra crossing", "quokka crossing"));
  BuildResult edited = fixture::build_in(fs);
  REQUIRE(edited.published);
  CHECK(search_files(fs) == clean_search_files(fs));
  CHECK(fs.files.count("site/public/assets/search/terms-z.js") == 0);  // its one word went
  CHECK(fs.files.at("site/public/assets/search/terms-q.js").find("\"quokka\":") != std::string::npos);
  CHECK_FALSE(fixture::file(edited, "assets/search/terms-q.js")->reused);
  CHECK_FALSE(fixture::file(edited, "assets/search/docs-0.js")->reused);  // holds the edited item's snippet
  // Shards with none of the words that changed are kept as published, not made again.
  CHECK(fixture::file(edited, "assets/search/terms-m.js")->reused);
  CHECK(fixture::file(edited, "assets/search/terms-p.js")->reused);

  // Put back: the first build's bytes again.
  REQUIRE(fixture::replace_in(fs, kEditedMeeting, "quokka crossing", "zebra crossing"));
  REQUIRE(fixture::build_in(fs).published);
  CHECK(search_files(fs) == first);
}

TEST_CASE("search index after an edit that changes no document: every shard and chunk kept") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSearchSite);
  REQUIRE(fixture::build_in(fs).published);
  const auto first = search_files(fs);
  fs.files.at(kEditedMeeting) += "# a note for the clerk\n";
  BuildResult r = fixture::build_in(fs);
  REQUIRE(r.published);
  CHECK(search_files(fs) == first);
  for (const auto& f : r.files)
    if (f.path.rfind("assets/search/terms-", 0) == 0 || f.path.rfind("assets/search/docs-", 0) == 0)
      CHECK_MESSAGE(f.reused, f.path);
}

TEST_CASE("search index after an edit that renumbers the documents (an item added) is made whole, as a clean build") {
  MemoryFileSystem fs;
  fixture::add_site(fs, kSearchSite);
  REQUIRE(fixture::build_in(fs).published);
  fs.files.at(kEditedMeeting) += "  - number: \"2\"\n    title: Parks\n    minutes: Members asked about the yak enclosure.\n";
  BuildResult r = fixture::build_in(fs);
  REQUIRE(r.published);
  CHECK(search_files(fs) == clean_search_files(fs));
  CHECK(fs.files.at("site/public/assets/search/terms-y.js").find("\"yak\":") != std::string::npos);
}

}  // namespace
}  // namespace rs
