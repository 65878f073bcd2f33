// Prose as a reader sees it: raw HTML shown as text (and reported where it was
// written), suppression markers gone, abbreviations spelt out once per page,
// headings kept under the page's own, GitHub tables, strikethrough, autolinks.
#include "reportsite/render/markdown.h"

#include <doctest/doctest.h>

#include "site_fixture.h"

namespace rs {
namespace {

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1)) ++n;
  return n;
}

/// A page file whose body (after the front matter) is the prose, with the body
/// mapped to the file the way the page loader maps it.
struct PageSource {
  SourceSet sources;
  Text body;

  explicit PageSource(const std::string& markdown) {
    const std::string front = "---\ntitle: A page\n---\n";
    FileId id = sources.add("content/pages/a-page.md", front + markdown);
    body.value = markdown;
    body.file = id;
    body.map = {Segment{0, static_cast<uint32_t>(front.size())}};
    body.span = Span{id, static_cast<uint32_t>(front.size()), static_cast<uint32_t>(front.size() + markdown.size())};
  }

  std::string where(const Diagnostic& d) const {
    Where w = locate(d, sources);
    return w.path + ":" + std::to_string(w.start.line) + ":" + std::to_string(w.start.column) + "-" +
           std::to_string(w.end.line) + ":" + std::to_string(w.end.column);
  }
};

const MarkdownRenderer kPlain(std::map<std::string, std::string>{});

TEST_CASE("raw inline HTML is shown as text and reported at its tag") {
  PageSource page("Some <b>bold</b> text.\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(html == "<p>Some &lt;b&gt;bold&lt;/b&gt; text.</p>\n");
  REQUIRE(diags.all().size() == 2);
  diags.sort(page.sources);
  const Diagnostic& open = diags.all()[0];
  CHECK(open.rule == "markdown.raw-html");
  CHECK(open.severity == Severity::warning);
  CHECK(page.where(open) == "content/pages/a-page.md:4:6-4:9");
  CHECK(page.where(diags.all()[1]) == "content/pages/a-page.md:4:13-4:17");
}

TEST_CASE("a raw HTML block is shown as text and reported at its first line") {
  PageSource page("Intro.\n\n<div class=\"box\">\n<script>alert(1)</script>\n</div>\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(html.find("<div") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;div class=&quot;box&quot;&gt;") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.rule == "markdown.raw-html");
  Where w = locate(d, page.sources);
  CHECK(w.start.line == 6);
  CHECK(w.start.column == 1);
}

TEST_CASE("Markdown without HTML raises nothing, and a code span showing a tag is not HTML") {
  PageSource page("Use `<b>` for nothing: *emphasis* is Markdown.\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(diags.all().empty());
  CHECK(html == "<p>Use <code>&lt;b&gt;</code> for nothing: <em>emphasis</em> is Markdown.</p>\n");
}

TEST_CASE("raw HTML in a meeting's minutes is reported at its line and column in the YAML file") {
  const std::string site = fixture::kMinimalSite + R"(-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    minutes: |
      The Committee received the report.
      Members saw <b>two</b> charts.
)";
  BuildResult r = fixture::build_txtar(site);
  INFO(fixture::diagnostics_text(r));
  std::vector<std::string> where;
  for (const auto& d : r.diagnostics)
    if (d.rule == "markdown.raw-html") where.push_back(fixture::range(r, d));
  const std::string file = "site/content/meetings/2018/2018-10-17-audit.yaml";
  CHECK(where == std::vector<std::string>{file + ":8:19-8:22", file + ":8:25-8:29"});
  std::string page = fixture::file_text(r, "meetings/2018-10-17-audit/index.html");
  CHECK(page.find("Members saw &lt;b&gt;two&lt;/b&gt; charts.") != std::string::npos);
  CHECK(page.find("<b>two</b>") == std::string::npos);
}

TEST_CASE("a marker that starts a line before its words is removed, and the words are a paragraph") {
  // cmark would read `<!--` at a line's start as an HTML block holding the whole line.
  PageSource page("<!-- allow glossary.avoid: quoting a letter --> Support for *Afghani* families.\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(diags.all().empty());
  CHECK(html == "<p>Support for <em>Afghani</em> families.</p>\n");
  CHECK(kPlain.plain_text(page.body.value) == "Support for Afghani families.");

  // A finding after a marker is placed in the text as written, not as parsed.
  PageSource raw("<!-- allow a.b: c --> Text <b>x</b>\n");
  Diagnostics raw_diags;
  AbbrState abbr2;
  kPlain.render(raw.body, abbr2, &raw_diags);
  REQUIRE(raw_diags.all().size() >= 1);
  CHECK(raw_diags.all()[0].rule == "markdown.raw-html");
  CHECK(raw_diags.all()[0].span.begin == raw.body.span_of(raw.body.value.find("<b>"), 0).begin);
}

TEST_CASE("a table's plain text: its caption's words without the label, its cells a word apart") {
  std::vector<std::string> paragraphs =
      kPlain.plain_paragraphs("Table: Questions per meeting\n\n| Meeting | Questions |\n|---|---|\n| 2018-10-17 | 4 |\n");
  CHECK(paragraphs == std::vector<std::string>{"Questions per meeting", "Meeting Questions", "2018-10-17 4"});
}

TEST_CASE("suppression markers are removed without a warning; other comments are raw HTML") {
  PageSource page(
      "Quoted from the minutes. <!-- allow glossary.avoid: a quotation -->\n\n"
      "<!-- allow undertaking.untracked: recorded elsewhere -->\n\n"
      "Closing words.\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(diags.all().empty());
  CHECK(html.find("allow") == std::string::npos);
  CHECK(html.find("&lt;!--") == std::string::npos);
  CHECK(html.find("Quoted from the minutes.") != std::string::npos);
  CHECK(html.find("Closing words.") != std::string::npos);
  CHECK(kPlain.plain_text(page.body.value).find("allow") == std::string::npos);

  PageSource comment("Before. <!-- a note to the clerk -->\n");
  Diagnostics comment_diags;
  AbbrState abbr2;
  std::string shown = kPlain.render(comment.body, abbr2, &comment_diags);
  CHECK(shown.find("&lt;!-- a note to the clerk --&gt;") != std::string::npos);
  REQUIRE(comment_diags.all().size() == 1);
  CHECK(comment_diags.all()[0].rule == "markdown.raw-html");
}

TEST_CASE("an abbreviation is spelt out at its first use on a page only") {
  MarkdownRenderer md({{"EHCP", "Education, Health and Care Plan"}, {"CiN", "children in need"}});
  const std::string abbr_html = "<abbr title=\"Education, Health and Care Plan\">EHCP</abbr>";
  AbbrState page;
  std::string first = md.render(std::string("An EHCP was agreed. The EHCP was reviewed."), page);
  CHECK(count_of(first, abbr_html) == 1);
  CHECK(first == "<p>An " + abbr_html + " was agreed. The EHCP was reviewed.</p>\n");

  // A later field on the same page: already marked.
  std::string second = md.render(std::string("Each EHCP is reviewed yearly."), page);
  CHECK(second == "<p>Each EHCP is reviewed yearly.</p>\n");

  // Another page starts afresh.
  AbbrState other_page;
  std::string third = md.render(std::string("Each EHCP is reviewed yearly."), other_page);
  CHECK(third == "<p>Each " + abbr_html + " is reviewed yearly.</p>\n");
}

TEST_CASE("on a page with a glossary, the first use links to its entry and carries the expansion as text") {
  MarkdownRenderer md({{"EHCP", "Education, Health and Care Plan"}, {"SLA", "Service Level Agreement"}});
  AbbrState page;
  page.glossary_href = "../../glossary/index.html";
  std::string html = md.render(std::string("An EHCP was agreed. The EHCP was reviewed."), page);
  CHECK(html == "<p>An <a class=\"abbr\" href=\"../../glossary/index.html#term-ehcp\"><abbr>EHCP</abbr>"
                "<span class=\"abbr-expansion\"> (Education, Health and Care Plan)</span></a> was agreed. "
                "The EHCP was reviewed.</p>\n");
  // Spelt out by the author already: linked, not expanded twice.
  AbbrState spelt;
  spelt.glossary_href = "../glossary/index.html";
  std::string written = md.render(std::string("A Service Level Agreement (SLA) was signed."), spelt);
  CHECK(written.find("<a class=\"abbr\" href=\"../glossary/index.html#term-sla\"><abbr>SLA</abbr></a>") !=
        std::string::npos);
  CHECK(written.find("abbr-expansion") == std::string::npos);
  // Inside a link, where links cannot nest: the title alone.
  AbbrState linked;
  linked.glossary_href = "../glossary/index.html";
  std::string in_link = md.render(std::string("See [the EHCP guide](https://example.org/)."), linked);
  CHECK(in_link.find("<a href=\"https://example.org/\">the <abbr title=\"Education, Health and Care Plan\">EHCP</abbr> guide</a>") !=
        std::string::npos);
}

TEST_CASE("an abbreviation is matched as a whole word, case and all") {
  MarkdownRenderer md(std::map<std::string, std::string>{{"CiN", "children in need"}});
  AbbrState page;
  std::string html = md.render(std::string("CIN and CiNs and xCiN are not it; CiN is."), page);
  CHECK(count_of(html, "<abbr") == 1);
  CHECK(html.find("CiN is.") == std::string::npos);
  CHECK(html.find("<abbr title=\"children in need\">CiN</abbr> is.") != std::string::npos);
}

TEST_CASE("an expansion with quotes is escaped inside the title attribute") {
  MarkdownRenderer md(std::map<std::string, std::string>{{"CSC", "Children's \"Social\" Care"}});
  AbbrState page;
  std::string html = md.render(std::string("The CSC team."), page);
  CHECK(html == "<p>The <abbr title=\"Children&#39;s &quot;Social&quot; Care\">CSC</abbr> team.</p>\n");
}

TEST_CASE("headings are raised to at least min_heading; deeper ones are kept") {
  AbbrState page;
  std::string html = kPlain.render(std::string("# Top\n\n## Second\n\n##### Fifth\n"), page, 4);
  CHECK(html == "<h4>Top</h4>\n<h4>Second</h4>\n<h5>Fifth</h5>\n");
  std::string h2 = kPlain.render(std::string("# Top\n\n### Third\n"), page, 2);
  CHECK(h2 == "<h2>Top</h2>\n<h3>Third</h3>\n");
}

TEST_CASE("GitHub tables, strikethrough and autolinks render") {
  AbbrState page;
  std::string table = kPlain.render(std::string("| Stage | Received |\n|---|---:|\n| 1 | 142 |\n"), page);
  CHECK(table.find("<table>") != std::string::npos);
  CHECK(table.find("<th scope=\"col\">Stage</th>") != std::string::npos);
  CHECK(table.find("<td class=\"num\">142</td>") != std::string::npos);

  std::string del = kPlain.render(std::string("The ~~old~~ new figure."), page);
  CHECK(del == "<p>The <del>old</del> new figure.</p>\n");

  std::string link = kPlain.render(std::string("See https://www.lgo.org.uk/decisions for more."), page);
  CHECK(link ==
        "<p>See <a href=\"https://www.lgo.org.uk/decisions\">https://www.lgo.org.uk/decisions</a> for more.</p>\n");

  // Without the syntax, none of them appears.
  std::string plain = kPlain.render(std::string("Plain words only."), page);
  CHECK(plain == "<p>Plain words only.</p>\n");
}

TEST_CASE("a javascript: link is dropped, its text kept, and reported where it was written") {
  PageSource page("Intro.\n\nPlease [click me](javascript:alert(1)) now.\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(html == "<p>Intro.</p>\n<p>Please click me now.</p>\n");
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.rule == "markdown.unsafe-link");
  CHECK(d.severity == Severity::error);
  CHECK(d.message.find("`javascript:`") != std::string::npos);
  CHECK(page.where(d) == "content/pages/a-page.md:6:8-6:39");
}

TEST_CASE("unsafe URLs are dropped from links, images, autolinks and references, however disguised") {
  const std::vector<std::string> sources = {
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x]( javascript:alert(1))",
      "[x](<\tjavascript:alert(1)>)",
      "[x](java&#09;script:alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](javascript&colon;alert(1))",
      "[x](javascript%3Aalert(1))",
      "[x](vbscript:msgbox(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[x](file:///etc/passwd)",
      "![x](javascript:alert(1))",
      "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
      "<javascript:alert(1)>",
      "<vbscript:msgbox(1)>",
      "[x][ref]\n\n[ref]: javascript:alert(1)",
  };
  for (const auto& src : sources) {
    INFO(src);
    PageSource page(src + "\n");
    Diagnostics diags;
    AbbrState abbr;
    std::string html = kPlain.render(page.body, abbr, &diags);
    CHECK(html.find("<a") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("href") == std::string::npos);
    CHECK(html.find("src") == std::string::npos);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].rule == "markdown.unsafe-link");
    Where w = locate(diags.all()[0], page.sources);
    CHECK(w.start.line == 4);
  }
  // An image's text is its description.
  AbbrState abbr;
  CHECK(kPlain.render(std::string("![The chart](javascript:alert(1))"), abbr) == "<p>The chart</p>\n");
}

TEST_CASE("an unsafe autolink on a later line of a paragraph is reported at its own position") {
  PageSource page("One.\nTwo <vbscript:msgbox(1)> three, [four](javascript:x).\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  CHECK(html == "<p>One.\nTwo vbscript:msgbox(1) three, four.</p>\n");
  REQUIRE(diags.all().size() == 2);
  diags.sort(page.sources);
  CHECK(page.where(diags.all()[0]) == "content/pages/a-page.md:5:5-5:25");
  CHECK(page.where(diags.all()[1]) == "content/pages/a-page.md:5:33-5:53");
}

TEST_CASE("safe links are kept: http, https, mailto, tel, relative, fragments, autolinks") {
  PageSource page(
      "[a](https://example.org/a?b=c#d) [b](http://example.org) [c](mailto:clerk@example.gov.uk) "
      "[d](tel:+441234567890) [e](../committees/audit/index.html) [f](#items) ![g](chart.png) "
      "<https://example.org/x> www.example.org clerk@example.gov.uk\n");
  Diagnostics diags;
  AbbrState abbr;
  std::string html = kPlain.render(page.body, abbr, &diags);
  INFO(html);
  CHECK(diags.all().empty());
  for (const char* want :
       {"href=\"https://example.org/a?b=c#d\"", "href=\"http://example.org\"", "href=\"mailto:clerk@example.gov.uk\"",
        "href=\"tel:+441234567890\"", "href=\"../committees/audit/index.html\"", "href=\"#items\"",
        "src=\"chart.png\"", "href=\"https://example.org/x\"", "href=\"http://www.example.org\""})
    CHECK(html.find(want) != std::string::npos);
}

TEST_CASE("a javascript: link in minutes is reported at its line and column in the YAML file") {
  const std::string site = fixture::kMinimalSite + R"(-- content/meetings/2018/2018-10-17-audit.yaml --
committee: audit
date: 2018-10-17
items:
  - number: "1"
    title: Treasury management
    minutes: |
      The Committee received the report.
      See [the report](javascript:alert(1)) for more.
)";
  BuildResult r = fixture::build_txtar(site);
  INFO(fixture::diagnostics_text(r));
  std::vector<std::string> where;
  for (const auto& d : r.diagnostics)
    if (d.rule == "markdown.unsafe-link") where.push_back(fixture::range(r, d));
  const std::string file = "site/content/meetings/2018/2018-10-17-audit.yaml";
  CHECK(where == std::vector<std::string>{file + ":8:11-8:44"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("plain text drops Markdown syntax") {
  CHECK(kPlain.plain_text("# Heading\n\n**Bold** and `code` and [a link](https://example.org).") ==
        "Heading Bold and code and a link.");
  CHECK(kPlain.plain_text("").empty());
}

}  // namespace
}  // namespace rs
