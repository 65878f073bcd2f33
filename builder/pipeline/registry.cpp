#include "reportsite/pipeline/registry.h"

namespace rs {

Registry builtin_registry() {
  Registry r;
  r.checks = builtin_checks();
  r.outputs = builtin_outputs();
  r.page_rules.push_back(make_page_check());
  return r;
}

}  // namespace rs
