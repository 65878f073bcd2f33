// What a printed page says of its links.
#include "render/print_urls.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

TEST_CASE("print URLs: relative links in main get their absolute address; others are left alone") {
  const std::string page =
      "<nav><a href=\"../../index.html\">Home</a></nav><main id=\"main\">"
      "<a href=\"../../glossary/index.html#term-ehcp\">EHCP</a> <a href=\"#item-1\">Item 1</a> "
      "<a href=\"https://example.org/a\">elsewhere</a> <a href=\"mailto:x@example.org\">mail</a> "
      "<a class=\"x\" href=\"../b/index.html?q=a&amp;b\">B</a></main><footer><a href=\"x.html\">x</a></footer>";
  const std::string out = add_print_urls(page, "meetings/a/index.html", "https://reports.example.gov.uk/committees");
  CHECK(out.find("<nav><a href=\"../../index.html\">Home</a></nav>") == 0);  // outside main: untouched
  CHECK(out.find("<a href=\"../../glossary/index.html#term-ehcp\" data-print-url=\"https://reports.example.gov.uk/"
                 "committees/glossary/index.html#term-ehcp\">EHCP</a>") != std::string::npos);
  CHECK(out.find("<a href=\"#item-1\">Item 1</a>") != std::string::npos);
  CHECK(out.find("<a href=\"https://example.org/a\">elsewhere</a>") != std::string::npos);
  CHECK(out.find("<a href=\"mailto:x@example.org\">mail</a>") != std::string::npos);
  CHECK(out.find("data-print-url=\"https://reports.example.gov.uk/committees/meetings/b/index.html?q=a&amp;b\"") !=
        std::string::npos);
  CHECK(out.find("<footer><a href=\"x.html\">x</a></footer>") != std::string::npos);
  // Without a base_url, nothing to say: the page is as drawn.
  CHECK(add_print_urls(page, "meetings/a/index.html", "") == page);
}

TEST_CASE("print URLs: a link is resolved against the page's folder") {
  CHECK(resolve_relative("index.html", "meetings/a/index.html") == "meetings/a/index.html");
  CHECK(resolve_relative("meetings/a/index.html", "../../index.html") == "index.html");
  CHECK(resolve_relative("a/b/index.html", "./c.pdf#p2") == "a/b/c.pdf#p2");
}

}  // namespace
}  // namespace rs
