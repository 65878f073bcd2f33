// glossary.*: terminology, read page by page in the order a reader meets it.
#include "check.h"
#include "core/parallel.h"
#include "glossary_matcher.h"

namespace rs {

namespace {

class GlossaryCheck : public Check {
 public:
  std::string name() const override { return "glossary"; }
  void run(const CheckInput& in, Findings& findings, Diagnostics& diags) const override {
    if (in.model.glossary.empty()) return;
    GlossaryMatcher matcher(in.model.glossary);
    // The glossary's own examples are checked every time it loads, so a rule cannot rot.
    for (const auto& f : failing_examples(in.model.glossary, matcher))
      diags.error("glossary.example", f.span, f.message);
    const std::vector<ProsePage>& pages = in.pages;
    parallel_for(pages.size(), [&](size_t p) {
      std::vector<std::string_view> texts;
      for (const Text* t : pages[p].texts) texts.push_back(t->value);
      for (auto& g : matcher.check_page(texts))
        findings.add({pages[p].texts[g.text_index], g.begin, g.end, g.severity, g.rule, g.message,
                      g.rule == "glossary.abbr-unknown" ? "add it to data/glossary.yaml, or to an `allow:` list" : "",
                      g.replacement});
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_glossary_check() { return std::make_unique<GlossaryCheck>(); }

}  // namespace rs
