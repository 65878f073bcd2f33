#pragma once
// Long lists split into pages of a fixed size, so no page grows with the
// archive. Page 1 of a list is its folder's index.html, page N is
// page-N.html beside it: each a file, so every page opens from file:// too.
// The navigation follows the GOV.UK pagination pattern.
#include <cstddef>
#include <string>

#include "reportsite/render/view_data.h"

namespace rs {

class PageEnv;

/// Undertakings per page of the register (a row is about 600 bytes of HTML:
/// 100 rows keep a page near 70 KB, quick on a phone, and a year of a busy
/// council's undertakings on two or three pages).
inline constexpr size_t kRegisterPageSize = 100;

/// How many pages `count` items take (at least one, so an empty list has its page).
size_t page_count(size_t count, size_t per_page);
/// The path of page `number` (from 1) of the list whose first page is `first` (".../index.html").
std::string page_path(const std::string& first, size_t number);
/// The navigation for page `number` of `pages`, links relative to the page being drawn:
/// {has_pages, previous{href, label}, next{...}, items[{number, href, current, ellipsis}]}, drawn by
/// partials/pagination.mustache from a page's `pager` (not `pagination`: a partial's name hides data of that name).
View pagination_view(PageEnv& env, const std::string& first, size_t number, size_t pages);

}  // namespace rs
