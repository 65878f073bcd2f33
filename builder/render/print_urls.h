#pragma once
// On paper a relative link says nothing, so printed pages show where a link
// goes only when the site knows its address (`base_url`): each link inside
// <main> to another page of the site gets a data-print-url with its absolute
// address, which the print style sheet shows after the link text.
#include <string>
#include <string_view>

namespace rs {

/// `html` of the page at `page_path` (relative to the output root) with a
/// data-print-url on each relative link inside <main>; `html` unchanged when
/// `base_url` is empty.
std::string add_print_urls(std::string_view html, const std::string& page_path, const std::string& base_url);

/// `href` (relative, as written in the page at `page_path`) from the output
/// root: ("meetings/a/index.html", "../../glossary/index.html#x") → "glossary/index.html#x".
std::string resolve_relative(const std::string& page_path, std::string_view href);

}  // namespace rs
