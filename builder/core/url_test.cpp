// The one rule for what a published link or source may be.
#include "reportsite/core/url.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

TEST_CASE("url_scheme reads the scheme as a browser does") {
  CHECK(url_scheme("https://example.org/") == "https");
  CHECK(url_scheme("HTTPS://example.org/") == "https");
  CHECK(url_scheme("mailto:a@example.org") == "mailto");
  CHECK(url_scheme(" \x01JaVa\tScRiPt:alert(1)") == "javascript");
  CHECK(url_scheme("java\nscript:alert(1)") == "javascript");
  CHECK(url_scheme("../index.html") == "");
  CHECK(url_scheme("#items") == "");
  CHECK(url_scheme("?q=a:b") == "");
  CHECK(url_scheme("//example.org/x") == "");
  CHECK(url_scheme("docs/a:b.pdf") == "");  // a colon after a slash is in the path
  CHECK(url_scheme("") == "");
}

TEST_CASE("is_safe_url allows http, https, mailto, tel and relative links") {
  for (const char* url : {"http://example.org", "https://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG",
                          "mailto:democracy@example.gov.uk", "tel:+441234567890", "../../index.html", "#items",
                          "index.html?q=scrutiny", "documents/report.pdf#page=2", "//example.org/x", "", "./a:b",
                          "https://example.org/?next=javascript:alert(1)", "caf%C3%A9.html"}) {
    INFO(url);
    CHECK(is_safe_url(url));
  }
}

TEST_CASE("is_safe_url refuses every other scheme, however it is disguised") {
  for (const char* url : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)",
                          "data:text/html,<script>alert(1)</script>", "data:image/png;base64,AAAA",
                          "file:///etc/passwd", "ftp://example.org/", "  javascript:alert(1)",
                          "\x01\x02javascript:alert(1)", "java\tscript:alert(1)", "java\r\nscript:alert(1)",
                          "javascript&#58;alert(1)", "java&#09;script:alert(1)", "java&#x09script:alert(1)",
                          "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "javascript%3Aalert(1)",
                          "%6Aavascript:alert(1)", "java%09script:alert(1)", "jav&#x25;61script:alert(1)",
                          "C:\\Windows\\win.ini", "javascript\x7F:alert(1)"}) {
    INFO(url);
    CHECK_FALSE(is_safe_url(url));
  }
}

}  // namespace
}  // namespace rs
