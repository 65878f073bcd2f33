#pragma once
// What a build runs: its checks, its outputs and its page rules. The built-in
// ones are registered exactly as a program that links the library registers
// its own (examples/custom-check-and-output/ does both), so a council that
// wants one more check or output does not fork the builder.
#include <memory>
#include <vector>

#include "reportsite/check/check.h"
#include "reportsite/check/page_check.h"
#include "reportsite/render/output.h"

namespace rs {

struct Registry {
  std::vector<std::unique_ptr<Check>> checks;         // run in order on the model (stage 3)
  std::vector<std::unique_ptr<OutputKind>> outputs;   // files of the site (stage 4)
  std::vector<std::unique_ptr<PageRule>> page_rules;  // over each drawn page (the built-in page.* rules are the first)

  Registry& add(std::unique_ptr<Check> check) {
    checks.push_back(std::move(check));
    return *this;
  }
  Registry& add(std::unique_ptr<OutputKind> output) {
    outputs.push_back(std::move(output));
    return *this;
  }
  Registry& add(std::unique_ptr<PageRule> rule) {
    page_rules.push_back(std::move(rule));
    return *this;
  }
};

/// The built-in checks, outputs and page rules (builtin_checks(), builtin_outputs(), make_page_check()).
Registry builtin_registry();

}  // namespace rs
