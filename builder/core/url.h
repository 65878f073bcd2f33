#pragma once
// Which URLs may be published as a link or a source. One rule, used by the
// Markdown renderer (links and images in prose) and by the page check (every
// URL attribute a template writes), so the two can never disagree.
#include <string>
#include <string_view>

namespace rs {

/// The scheme a browser reads from `url`, lower-cased ("javascript"), or "" when it
/// has none (a relative path, a fragment, a query, `//host`). As the WHATWG URL
/// parser does, spaces and control characters are ignored first, so
/// " JaVa\tScRiPt:" has the scheme "javascript".
std::string url_scheme(std::string_view url);

/// True for http:, https:, mailto:, tel: and URLs with no scheme. `url` is the value
/// as a browser gets it (character references already decoded); it is judged
/// again after decoding percent-escapes and character references once more, so
/// no decoding a reader might do can turn it into another scheme.
bool is_safe_url(std::string_view url);

/// What `is_safe_url` allows, for messages.
inline constexpr const char* kSafeUrlSchemes = "http:, https:, mailto:, tel: or a relative link";

}  // namespace rs
