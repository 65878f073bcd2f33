#include "reportsite/render/view_data.h"

namespace rs {

void View::hash_into(Hasher& h) const {
  h.add(static_cast<uint64_t>(kind_));
  switch (kind_) {
    case Kind::text: h.add(text_); break;
    case Kind::flag: h.add(static_cast<uint64_t>(flag_)); break;
    case Kind::list:
      h.add(items_.size());
      for (const auto& item : items_) item.hash_into(h);
      break;
    case Kind::object:
      h.add(members_.size());
      for (const auto& [key, value] : members_) {
        h.add(key);
        value.hash_into(h);
      }
      break;
  }
}

}  // namespace rs
