// glossary.*: terminology, read page by page in the order a reader meets it.
#include "check.h"
#include "core/binary.h"
#include "core/hash.h"
#include "core/memo_store.h"
#include "core/parallel.h"
#include "glossary_matcher.h"

namespace rs {

namespace {

std::string pack(const std::vector<GlossaryFinding>& findings) {
  BinaryWriter w;
  w.u64(findings.size());
  for (const auto& f : findings) {
    w.u64(f.text_index), w.u64(f.begin), w.u64(f.end), w.u32(static_cast<uint32_t>(f.severity));
    w.str(f.rule), w.str(f.message), w.str(f.replacement);
  }
  return std::move(w.out);
}

std::optional<std::vector<GlossaryFinding>> unpack(std::string_view payload, size_t texts) {
  BinaryReader r{payload};
  std::vector<GlossaryFinding> out(r.count());
  for (auto& f : out) {
    f.text_index = r.u64(), f.begin = r.u64(), f.end = r.u64(), f.severity = static_cast<Severity>(r.u32());
    f.rule = r.str(), f.message = r.str(), f.replacement = r.str();
    if (f.text_index >= texts) r.ok = false;
  }
  if (!r.done()) return std::nullopt;
  return out;
}

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
      const std::string memo_name = "glossary:" + pages[p].path;
      std::optional<std::vector<GlossaryFinding>> found;
      if (in.memo)
        if (auto payload = in.memo->find(memo_name, key.value())) found = unpack(*payload, texts.size());
      if (!found) {
        found = matcher.check_page(texts);
        if (in.memo) in.memo->put(memo_name, key.value(), pack(*found));
      }
      for (auto& g : *found)
        findings.add({pages[p].texts[g.text_index], g.begin, g.end, g.severity, g.rule, g.message,
                      g.rule == "glossary.abbr-unknown" ? "add it to data/glossary.yaml, or to an `allow:` list" : "",
                      g.replacement});
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_glossary_check() { return std::make_unique<GlossaryCheck>(); }

}  // namespace rs
