#pragma once
// What a template is given: an object, list, string or flag. The page code
// builds this tree rather than Mustache's own data so that a page can be
// fingerprinted before it is drawn: equal trees draw equal pages, and a
// rebuild draws only the pages whose tree changed.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "reportsite/core/hash.h"

namespace rs {

class View {
 public:
  View() = default;  // an empty object
  View(std::string text) : kind_(Kind::text), text_(std::move(text)) {}
  View(const char* text) : kind_(Kind::text), text_(text) {}
  View(bool flag) : kind_(Kind::flag), flag_(flag) {}
  View(std::vector<View> items) : kind_(Kind::list), items_(std::move(items)) {}

  /// Set a member of an object; a later value for the same key wins, as in Mustache.
  void set(std::string key, View value) { members_.emplace_back(std::move(key), std::move(value)); }

  void hash_into(Hasher& h) const;

  enum class Kind : uint8_t { object, list, text, flag };
  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<View>& items() const { return items_; }
  const std::vector<std::pair<std::string, View>>& members() const { return members_; }

 private:
  Kind kind_ = Kind::object;
  bool flag_ = false;
  std::string text_;
  std::vector<View> items_;
  std::vector<std::pair<std::string, View>> members_;
};

using ViewList = std::vector<View>;

}  // namespace rs
