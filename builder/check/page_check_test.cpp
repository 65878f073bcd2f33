#include "reportsite/check/page_check.h"

#include <doctest/doctest.h>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

const std::string kMeeting = "meetings/2018-10-17-children-scrutiny/index.html";
const std::string kMeetings = "meetings/index.html";
const std::string kHome = "index.html";

// A page that keeps every rule; each case below breaks it in one way.
std::string good_meeting() {
  return R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Children's Scrutiny Committee, 17 October 2018</title>
<link rel="stylesheet" href="../../assets/site.css">
<link rel="canonical" href="https://democracy.example.gov.uk/meetings/2018-10-17/">
</head>
<body>
<a class="skip" href="#content">Skip to main content</a>
<header><nav aria-label="Site"><a href="../../index.html">Home</a> <a href="../index.html#latest">Meetings</a></nav></header>
<main id="content">
<h1>Children's Scrutiny Committee</h1>
<h2 id="attendance">Attendance</h2>
<table>
<caption>Members present</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th></tr></thead>
<tbody><tr><th scope="row">Cllr A Smith</th><td>Chair</td></tr></tbody>
</table>
<h2 id="items">Items</h2>
<h3>Minutes of the last meeting</h3>
<h4>Matters arising</h4>
<h2>Documents</h2>
<p>See the <a href="#items">items</a>, the <a href="../../documents/annual-report.pdf#page=2">annual report (PDF)</a>,
the <a href="https://www.legislation.gov.uk/ukpga/2014/6">Children and Families Act 2014</a>,
<a href="mailto:democracy@example.gov.uk">email us</a> or <a href="tel:+441234567890">phone us</a>.</p>
<p><a href="../index.html" aria-label="More meetings">More</a> <a href="../../index.html"><img src="../../assets/logo.png" alt="Council home"></a>
<a href="../../search/index.html?q=scrutiny">Search</a> <a href="#">Back to top</a></p>
<img src="../../assets/rule.png" alt="">
<button type="button">Print</button> <button type="button" aria-label="Close"><span aria-hidden="true">×</span></button>
</main>
<footer><p>Footer</p></footer>
<script src="../../assets/search.js"></script>
</body>
</html>
)";
}

std::string simple_page(const std::string& title, const std::string& to_root, const std::string& extra = "") {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head>\n<body><a href=\"#main\">Skip to main content</a>\n<main id=\"main\"><h1>" + title +
         "</h1>\n<h2 id=\"latest\">Latest</h2>" + extra + "<p><a href=\"" + to_root + "index.html\">Home</a></p>" +
         "</main></body></html>\n";
}

std::set<std::string> site_files() {
  return {kHome,
          kMeetings,
          kMeeting,
          "search/index.html",
          "assets/site.css",
          "assets/search.js",
          "assets/logo.png",
          "assets/rule.png",
          "documents/annual-report.pdf"};
}

std::vector<RenderedPage> site_with(std::string meeting_html) {
  return {{kHome, simple_page("Home", ""), "home.mustache"},
          {kMeetings, simple_page("Meetings", "../"), "meetings.mustache"},
          {"search/index.html", simple_page("Search", "../"), "search.mustache"},
          {kMeeting, std::move(meeting_html), "meeting.mustache"}};
}

/// The good meeting page with `from` replaced by `to` (which must be there).
std::string meeting_with(const std::string& from, const std::string& to) {
  std::string html = good_meeting();
  size_t at = html.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return html.replace(at, from.size(), to);
}

std::vector<Diagnostic> check(const std::vector<RenderedPage>& pages) {
  Diagnostics out;
  check_pages(pages, site_files(), out);
  return out.take();
}

std::vector<Diagnostic> check_meeting(const std::string& html) { return check(site_with(html)); }

std::string listing(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += d.where + ": " + d.message + " [" + d.rule + "]\n";
  return s;
}

/// Every finding is `rule`, on the meeting page, naming its template; returns their messages.
std::vector<std::string> only(const std::vector<Diagnostic>& ds, const std::string& rule, size_t count = 1) {
  INFO(listing(ds));
  CHECK(ds.size() == count);
  std::vector<std::string> messages;
  for (const auto& d : ds) {
    CHECK(d.rule == rule);
    CHECK(d.severity == Severity::error);
    CHECK(d.where == kMeeting);
    CHECK(!d.span.known());
    CHECK(d.message.find("(from meeting.mustache)") != std::string::npos);
    messages.push_back(d.message);
  }
  return messages;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("page check: a good site has no findings") {
  auto ds = check_meeting(good_meeting());
  INFO(listing(ds));
  CHECK(ds.empty());
}

TEST_CASE("page.parse: markup libxml2 cannot read cleanly; HTML5 element names are not errors") {
  auto messages = only(check_meeting(meeting_with("<h4>Matters arising</h4>", "<h4>Matters arising</h4></div>")),
                       "page.parse");
  CHECK(contains(messages[0], "Unexpected end tag : div"));
  CHECK(contains(messages[0], "line 2"));  // the line in the rendered page
  only(check_meeting(""), "page.parse");
}

TEST_CASE("page.lang: missing or empty") {
  auto messages = only(check_meeting(meeting_with("<html lang=\"en-GB\">", "<html>")), "page.lang");
  CHECK(contains(messages[0], "no `lang`"));
  only(check_meeting(meeting_with("<html lang=\"en-GB\">", "<html lang=\" \">")), "page.lang");
}

TEST_CASE("page.title: missing, empty, and shared with another page") {
  only(check_meeting(meeting_with("<title>Children's Scrutiny Committee, 17 October 2018</title>", "")),
       "page.title");
  only(check_meeting(meeting_with("Children's Scrutiny Committee, 17 October 2018</title>", " </title>")),
       "page.title");

  auto ds = check_meeting(meeting_with("Children's Scrutiny Committee, 17 October 2018</title>", "Meetings</title>"));
  INFO(listing(ds));
  REQUIRE(ds.size() == 2);  // both pages are told, each naming the other
  for (const auto& d : ds) CHECK(d.rule == "page.title");
  bool meeting_told = false, meetings_told = false;
  for (const auto& d : ds) {
    if (d.where == kMeeting) {
      meeting_told = true;
      CHECK(contains(d.message, "also the title of `" + kMeetings + "`"));
      CHECK(contains(d.message, "(from meeting.mustache)"));
    }
    if (d.where == kMeetings) {
      meetings_told = true;
      CHECK(contains(d.message, "also the title of `" + kMeeting + "`"));
      CHECK(contains(d.message, "(from meetings.mustache)"));
    }
  }
  CHECK(meeting_told);
  CHECK(meetings_told);
}

TEST_CASE("page.main: none, or more than one") {
  auto html = meeting_with("<footer><p>Footer</p></footer>", "<main><p>Footer</p></main>");
  auto messages = only(check_meeting(html), "page.main");
  CHECK(contains(messages[0], "has 2 `<main>`"));
  html = meeting_with("<main id=\"content\">", "<div id=\"content\">");
  only(check_meeting(html.replace(html.find("</main>"), 7, "</div>")), "page.main");
}

TEST_CASE("page.h1: exactly one") {
  auto messages = only(check_meeting(meeting_with("<h2>Documents</h2>", "<h1>Documents</h1>")), "page.h1");
  CHECK(contains(messages[0], "has 2 `<h1>`"));
}

TEST_CASE("page.heading-order: may not skip a level going down; going up is fine (h4 -> h2 above)") {
  auto messages = only(check_meeting(meeting_with("<h3>Minutes of the last meeting</h3>", "")),
                       "page.heading-order");
  CHECK(contains(messages[0], "`<h4>` \"Matters arising\" follows `<h2>`"));
  messages = only(check_meeting(meeting_with("<header>", "<header><h2>Council</h2>")), "page.heading-order");
  CHECK(contains(messages[0], "first heading is `<h2>` \"Council\""));
}

TEST_CASE("page.img-alt: every img has alt (alt=\"\" is allowed)") {
  auto messages = only(check_meeting(meeting_with("<img src=\"../../assets/rule.png\" alt=\"\">",
                                                  "<img src=\"../../assets/rule.png\">")),
                       "page.img-alt");
  CHECK(contains(messages[0], "`<img src=\"../../assets/rule.png\">`"));
}

TEST_CASE("page.table: caption, th, and a valid scope on every th") {
  auto messages = only(check_meeting(meeting_with("<caption>Members present</caption>", "")), "page.table");
  CHECK(contains(messages[0], "table 1 of 1 has no `<caption>`"));

  std::string no_th = meeting_with(
      "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th></tr></thead>\n"
      "<tbody><tr><th scope=\"row\">Cllr A Smith</th>",
      "<tbody><tr><td>Cllr A Smith</td>");
  messages = only(check_meeting(no_th), "page.table");
  CHECK(contains(messages[0], "table \"Members present\" has no `<th>`"));

  messages = only(check_meeting(meeting_with("<th scope=\"row\">", "<th>")), "page.table");
  CHECK(contains(messages[0], "`<th>` \"Cllr A Smith\" has no `scope`"));
  messages = only(check_meeting(meeting_with("<th scope=\"row\">", "<th scope=\"column\">")), "page.table");
  CHECK(contains(messages[0], "scope=\"column\""));
}

TEST_CASE("page.link-text: empty links and buttons, and vague link text") {
  auto messages = only(check_meeting(meeting_with(">items</a>", "></a>")), "page.link-text");
  CHECK(contains(messages[0], "`<a href=\"#items\">` has no text"));
  only(check_meeting(meeting_with("alt=\"Council home\"", "alt=\"\"")), "page.link-text");
  messages = only(check_meeting(meeting_with(">Print</button>", "><span aria-hidden=\"true\">⎙</span></button>")),
                  "page.link-text");
  CHECK(contains(messages[0], "`<button>` has no text"));

  for (std::string vague : {"Click here", " here ", "Read more.", "MORE", "link"}) {
    messages = only(check_meeting(meeting_with(">annual report (PDF)</a>", ">" + vague + "</a>")), "page.link-text");
    CHECK(contains(messages[0], "means nothing out of context"));
  }
  // With an aria-label (as the good page's "More" link has), vague text is fine.
  auto ds = check_meeting(meeting_with(">annual report (PDF)</a>", " aria-label=\"Annual report (PDF)\">here</a>"));
  CHECK(ds.empty());
}

TEST_CASE("page.duplicate-id: an id used twice on one page") {
  auto messages = only(check_meeting(meeting_with("<h2>Documents</h2>", "<h2 id=\"items\">Documents</h2>")),
                       "page.duplicate-id");
  CHECK(contains(messages[0], "id `items` is used 2 times"));
}

TEST_CASE("page.broken-link: missing files, folders, fragments, root paths") {
  auto messages = only(check_meeting(meeting_with("../../assets/logo.png", "../../assets/logo.svg")),
                       "page.broken-link");
  CHECK(contains(messages[0], "points to `assets/logo.svg`, which the site does not contain"));

  auto ds = check_meeting(meeting_with("href=\"../../index.html\">Home", "href=\"../../\">Home"));
  messages = only(ds, "page.broken-link");
  CHECK(contains(messages[0], "points to a folder"));
  CHECK(ds[0].suggestion == "link to `../../index.html`");
  ds = check_meeting(meeting_with("href=\"../../index.html\">Home", "href=\"../../search\">Home"));
  only(ds, "page.broken-link");
  CHECK(ds[0].suggestion == "link to `../../search/index.html`");

  messages = only(check_meeting(meeting_with("../index.html#latest", "../index.html#earliest")), "page.broken-link");
  CHECK(contains(messages[0], "id `earliest`, which `meetings/index.html` does not have"));
  messages = only(check_meeting(meeting_with("href=\"#items\"", "href=\"#item\"")), "page.broken-link");
  CHECK(contains(messages[0], "id `item`, which is not on this page"));
  messages = only(check_meeting(meeting_with("../../index.html\">Home", "../../../index.html\">Home")),
                  "page.broken-link");
  CHECK(contains(messages[0], "above the top of the site"));
  messages = only(check_meeting(meeting_with("../../assets/site.css", "/assets/site.css")), "page.broken-link");
  CHECK(contains(messages[0], "server root"));
  only(check_meeting(meeting_with("href=\"#items\"", "href=\"\"")), "page.broken-link");

  // A link into another page's anchors resolves from the page's own folder.
  CHECK(check_meeting(meeting_with("../index.html#latest", "../../meetings/./index.html#latest")).empty());
}

TEST_CASE("page.external: assets from another host; links out are fine") {
  auto messages = only(check_meeting(meeting_with("../../assets/search.js", "https://cdn.example.com/search.js")),
                       "page.external");
  CHECK(contains(messages[0], "`<script src=\"https://cdn.example.com/search.js\">` loads from another host"));
  only(check_meeting(meeting_with("../../assets/site.css", "//fonts.example.com/site.css")), "page.external");
  only(check_meeting(meeting_with("src=\"../../assets/rule.png\"", "src=\"HTTP://example.com/rule.png\"")),
       "page.external");
  only(check_meeting(meeting_with("<img src=\"../../assets/rule.png\" alt=\"\">",
                                  "<img src=\"../../assets/rule.png\" srcset=\"http://x.example/r2.png 2x\" alt=\"\">")),
       "page.external");
  // The good page already links out with <a href="https://..."> and has a canonical <link>.
  CHECK(check_meeting(good_meeting()).empty());
}

TEST_CASE("page.unsafe-link: a template's javascript:, vbscript: or data: URL, in any URL attribute") {
  auto messages = only(check_meeting(meeting_with("href=\"#items\"", "href=\"javascript:alert(1)\"")),
                       "page.unsafe-link");
  CHECK(contains(messages[0], "`<a href=\"javascript:alert(1)\">` uses the `javascript:` scheme"));
  CHECK(contains(messages[0], "http:, https:, mailto:, tel: or a relative link"));
  // Disguised as browsers would still read them; every attribute that takes a URL.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"href=\"#items\"", "href=\" JaVaScRiPt:alert(1)\""},
           {"href=\"#items\"", "href=\"java&#09;script:alert(1)\""},
           {"href=\"#items\"", "href=\"&#x6A;avascript&colon;alert(1)\""},
           {"href=\"#items\"", "href=\"vbscript:msgbox(1)\""},
           {"src=\"../../assets/rule.png\"", "src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\""},
           {"<button type=\"button\">Print</button>",
            "<form action=\"javascript:alert(1)\"><button type=\"submit\">Print</button></form>"},
           {"<button type=\"button\">Print</button>",
            "<button type=\"submit\" formaction=\"javascript:alert(1)\">Print</button>"},
           {"<footer>", "<iframe title=\"x\" src=\"javascript:alert(1)\"></iframe><footer>"},
           {"<footer>", "<blockquote cite=\"javascript:alert(1)\">Q</blockquote><footer>"},
           {"<footer>", "<object data=\"data:text/html,x\" title=\"x\"></object><footer>"},
           {"<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">"},
           {"<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><base href=\"javascript:/\">"},
           {"<img src=\"../../assets/rule.png\" alt=\"\">",
            "<img src=\"../../assets/rule.png\" srcset=\"javascript:alert(1) 2x\" alt=\"\">"},
           {"<footer>", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg><footer>"},
       }) {
    INFO(to);
    only(check_meeting(meeting_with(from, to)), "page.unsafe-link");
  }
  // mailto:, tel: and https: links in the good page stay clean.
  CHECK(check_meeting(good_meeting()).empty());
}

TEST_CASE("messages quote long URLs clipped to whole characters") {
  std::string euros;
  for (int i = 0; i < 50; ++i) euros += "\xE2\x82\xAC";
  for (const std::string& href : {euros, "x" + euros, "xx" + euros}) {
    auto ds = check_meeting(meeting_with("href=\"#items\"", "href=\"missing/" + href + "\""));
    REQUIRE(ds.size() == 1);
    const std::string& m = ds[0].message;
    size_t open = m.find("href=\"") + 6, close = m.find("…\"", open);
    REQUIRE(close != std::string::npos);
    std::string shown = m.substr(open, close - open);
    CHECK(shown.size() <= 60);
    CHECK(shown.size() >= 56);
    size_t k = 0;
    while (k < shown.size()) k += utf8_char_size(shown, k);
    CHECK(k == shown.size());
  }
}

TEST_CASE("page.skip-link: the first focusable link jumps to main") {
  auto messages = only(check_meeting(meeting_with("<a class=\"skip\" href=\"#content\">Skip to main content</a>", "")),
                       "page.skip-link");
  CHECK(contains(messages[0], "`<a href=\"../../index.html\">`, not a skip link to `#content`"));
  only(check_meeting(meeting_with("class=\"skip\" href=\"#content\"", "class=\"skip\" href=\"#attendance\"")),
       "page.skip-link");
  only(check_meeting(meeting_with("<body>", "<body><button type=\"button\">Menu</button>")), "page.skip-link");
  // main without an id: the skip link's own target is then missing too.
  auto ds = check_meeting(meeting_with("<main id=\"content\">", "<main>"));
  INFO(listing(ds));
  bool told = false;
  for (const auto& d : ds) told = told || (d.rule == "page.skip-link" && contains(d.message, "`<main>` has no id"));
  CHECK(told);
}

TEST_CASE("page check: many pages, each parsed once, all clean") {
  std::vector<RenderedPage> pages;
  std::set<std::string> files = {kHome};
  pages.push_back({kHome, simple_page("Home", ""), "home.mustache"});
  for (int i = 0; i < 2000; ++i) {
    std::string path = "meetings/m" + std::to_string(i) + "/index.html";
    std::string next = "../m" + std::to_string((i + 1) % 2000) + "/index.html#latest";
    pages.push_back({path, simple_page("Meeting " + std::to_string(i), "../../",
                                       "<p><a href=\"" + next + "\">Next meeting</a></p>"),
                     "meeting.mustache"});
    files.insert(path);
  }
  Diagnostics out;
  check_pages(pages, files, out);
  INFO(listing(out.all()));
  CHECK(out.all().empty());
}

}  // namespace
}  // namespace rs
