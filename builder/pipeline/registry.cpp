#include "pipeline/registry.h"

namespace rs {

Registry builtin_registry() {
  Registry r;
  r.checks = builtin_checks();
  r.outputs = builtin_outputs();
  return r;
}

}  // namespace rs
