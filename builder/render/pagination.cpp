#include "reportsite/render/pagination.h"

#include "reportsite/render/view.h"

namespace rs {

size_t page_count(size_t count, size_t per_page) { return count == 0 ? 1 : (count + per_page - 1) / per_page; }

std::string page_path(const std::string& first, size_t number) {
  if (number <= 1) return first;
  const size_t slash = first.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : first.substr(0, slash + 1);
  return folder + "page-" + std::to_string(number) + ".html";
}

View pagination_view(PageEnv& env, const std::string& first, size_t number, size_t pages) {
  View d;
  d.set("has_pages", pages > 1);
  d.set("number", std::to_string(number));
  d.set("pages", std::to_string(pages));
  if (pages <= 1) return d;
  if (number > 1) {
    View prev;
    prev.set("href", env.link(page_path(first, number - 1)));
    prev.set("label", std::to_string(number - 1) + " of " + std::to_string(pages));
    d.set("previous", std::move(prev));
  }
  if (number < pages) {
    View next;
    next.set("href", env.link(page_path(first, number + 1)));
    next.set("label", std::to_string(number + 1) + " of " + std::to_string(pages));
    d.set("next", std::move(next));
  }
  // The first, the last, and the current page with its neighbours; gaps shown as an ellipsis.
  ViewList items;
  bool gap = false;
  for (size_t n = 1; n <= pages; ++n) {
    const bool shown = n == 1 || n == pages || (n + 1 >= number && n <= number + 1);
    if (!shown) {
      if (!gap) {
        View e;
        e.set("ellipsis", true);
        items.push_back(std::move(e));
      }
      gap = true;
      continue;
    }
    gap = false;
    View item;
    item.set("number", std::to_string(n));
    item.set("href", env.link(page_path(first, n)));
    item.set("current", n == number);
    items.push_back(std::move(item));
  }
  d.set("items", std::move(items));
  return d;
}

}  // namespace rs
