// glossary.*: terminology, read page by page in the order a reader meets it.
#include "reportsite/check/check.h"

#include <algorithm>

#include "reportsite/core/hash.h"
#include "reportsite/core/memo_cached.h"
#include "reportsite/core/parallel.h"
#include "reportsite/check/glossary_matcher.h"

namespace rs {

namespace {

class GlossaryCheck : public Check {
 public:
  std::string name() const override { return "glossary"; }
  std::string version() const override { return {}; }
  void run(const CheckInput& in, Findings& findings, Diagnostics& diags) const override {
    if (in.model.glossary.empty()) return;
    GlossaryMatcher matcher(in.model.glossary);
    // The glossary's own examples are checked every time it loads, so a rule cannot rot.
    for (const auto& f : failing_examples(in.model.glossary, matcher))
      diags.error("glossary.example", f.span, f.message);
    const std::vector<ProsePage>& pages = in.pages;
    // A page's findings depend only on its texts and the glossary, so a page
    // whose texts and glossary are unchanged keeps last build's findings.
    uint64_t glossary_hash = in.model.sources.content_hash(in.model.glossary.front().span.file);
    parallel_for(pages.size(), [&](size_t p) {
      std::vector<std::string_view> texts;
      Hasher key;
      key.add(glossary_hash);
      for (const Text* t : pages[p].texts) {
        texts.push_back(t->value);
        key.add(t->value);
      }
      auto found = cached<std::vector<GlossaryFinding>>(
          in.memo, "glossary:" + pages[p].path, key.value(), [&] { return matcher.check_page(texts); },
          [&](const std::vector<GlossaryFinding>& kept) {
            return std::all_of(kept.begin(), kept.end(), [&](const auto& g) { return g.text_index < texts.size(); });
          });
      for (auto& g : found)
        findings.add({pages[p].texts[g.text_index], g.begin, g.end, g.severity, g.rule, g.message,
                      g.rule == "glossary.abbr-unknown" ? "add it to data/glossary.yaml, or to an `allow:` list" : "",
                      g.replacement});
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_glossary_check() { return std::make_unique<GlossaryCheck>(); }

}  // namespace rs
