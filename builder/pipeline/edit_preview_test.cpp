// watch's first answer to a save: the edited meeting's page, written before
// the rebuild, the same bytes the rebuild then publishes, and put back when
// the rebuild does not publish.
#include "reportsite/pipeline/edit_preview.h"

#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {
namespace {

using fixture::build_in;
using fixture::kMinimalSite;

const std::string kMeetingFile = "content/meetings/2018/2018-10-17-audit.yaml";
const std::string kPage = "site/public/meetings/2018-10-17-audit/index.html";

std::string meeting_with(const std::string& minutes, const std::string& extra = "") {
  return "committee: audit\ndate: 2018-10-17\nstatus: confirmed\nitems:\n  - number: \"1\"\n"
         "    title: Minutes of the previous meeting\n    minutes: " +
         minutes + "\n    resolved: That the minutes be signed as a correct record.\n" + extra;
}

struct Watched {
  MemoryFileSystem fs;
  Registry registry = builtin_registry();
  BuildOptions options;
  EditPreview preview{[] {
                        BuildOptions o;
                        o.site_dir = fixture::kSiteDir;
                        return o;
                      }(),
                      registry};
  Watched() {
    fixture::add_site(fs, kMinimalSite);
    BuildResult r = build_in(fs);
    REQUIRE(r.published);
    preview.keep(r);
    REQUIRE(preview.ready());
  }
  void save(const std::string& text) { fs.files["site/" + kMeetingFile] = text; }
  std::optional<std::string> show(std::string* why = nullptr) { return preview.show(fs, {kMeetingFile}, why); }
};

TEST_CASE("a saved meeting's page is shown before the rebuild, as the rebuild then publishes it") {
  Watched w;
  w.save(meeting_with("The minutes were agreed after a short discussion of the heron survey."));
  std::string why;
  auto page = w.show(&why);
  REQUIRE_MESSAGE(page, why);
  CHECK(*page == "meetings/2018-10-17-audit/index.html");
  const std::string shown = w.fs.files.at(kPage);
  CHECK(shown.find("heron survey") != std::string::npos);

  BuildResult r = build_in(w.fs);
  REQUIRE(r.published);
  CHECK(w.fs.files.at(kPage) == shown);  // the rebuild drew the very same page
  w.preview.keep(r);

  // And again from the model the rebuild left: a second edit is shown too.
  w.save(meeting_with("The minutes were agreed after a long discussion of the otter survey."));
  REQUIRE(w.show());
  CHECK(w.fs.files.at(kPage).find("otter survey") != std::string::npos);
}

TEST_CASE("a save that adds an undertaking is shown with it, and the register's own pages follow with the rebuild") {
  Watched w;
  w.save(meeting_with("The minutes were agreed.",
                      "    undertakings:\n      - id: audit-1\n        text: Send the heron survey to members.\n"
                      "        owner: The Clerk\n        due: 2019-01-31\n"));
  std::string why;
  REQUIRE_MESSAGE(w.show(&why), why);
  const std::string shown = w.fs.files.at(kPage);
  CHECK(shown.find("Send the heron survey to members.") != std::string::npos);
  CHECK_FALSE(w.fs.files.count("site/public/undertakings/audit-1/index.html"));  // not until the rebuild
  BuildResult r = build_in(w.fs);
  REQUIRE(r.published);
  CHECK(w.fs.files.at(kPage) == shown);
  CHECK(w.fs.files.count("site/public/undertakings/audit-1/index.html"));
}

TEST_CASE("a save with an error shows nothing and leaves the published page") {
  Watched w;
  const std::string before = w.fs.files.at(kPage);
  std::string why;
  w.save("committee: audit\ndate: 2018-13-45\nitems: []\n");
  CHECK_FALSE(w.show(&why));
  CHECK(why.find("the meeting has errors (load.bad-date") == 0);
  w.save(meeting_with("Fine text.").replace(0, 16, "committee: audti"));  // a committee that does not exist
  CHECK_FALSE(w.show(&why));
  CHECK(why == "the meeting has errors (load.committee-mismatch)");
  CHECK(w.fs.files.at(kPage) == before);
}

TEST_CASE("an exempt item's text is never on the page shown") {
  Watched w;
  w.save(meeting_with("The minutes were agreed.",
                      "  - number: \"2\"\n    title: Staffing matter\n    exempt: 1\n"
                      "    minutes: The officer named in the report was dismissed on the spot.\n"));
  std::string why;
  REQUIRE_MESSAGE(w.show(&why), why);
  const std::string& shown = w.fs.files.at(kPage);
  CHECK(shown.find("Staffing matter") != std::string::npos);
  CHECK(shown.find("dismissed") == std::string::npos);
}

TEST_CASE("when the rebuild does not publish, the page shown is put back and the kept model with it") {
  Watched w;
  const std::string before = w.fs.files.at(kPage);
  w.save(meeting_with("The minutes were agreed after a visit to the new depot."));
  REQUIRE(w.show());
  CHECK(w.fs.files.at(kPage) != before);
  w.preview.restore(w.fs);
  CHECK(w.fs.files.at(kPage) == before);
  CHECK_FALSE(w.preview.shown());

  // What is kept is the published meeting again: saving the original shows nothing new.
  std::string why;
  w.save(kMinimalSite.substr(kMinimalSite.find("committee: audit\ndate")));
  CHECK_FALSE(w.show(&why));
  CHECK(why == "the file holds what it held");
}

TEST_CASE("only a save of one meeting the last build had is shown") {
  Watched w;
  std::string why;
  CHECK_FALSE(w.preview.show(w.fs, {kMeetingFile, "data/people.yaml"}, &why));
  CHECK(why == "more than one file changed");
  CHECK_FALSE(w.preview.show(w.fs, {"data/glossary.yaml"}, &why));
  CHECK(why == "not a meeting file");
  w.fs.files["site/content/meetings/2019/2019-01-10-audit.yaml"] = meeting_with("New.");
  CHECK_FALSE(w.preview.show(w.fs, {"content/meetings/2019/2019-01-10-audit.yaml"}, &why));
  CHECK(why == "a meeting the last build did not have");
}

}  // namespace
}  // namespace rs
