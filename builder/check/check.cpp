#include "reportsite/check/check.h"

#include "reportsite/core/memo_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "reportsite/core/parallel.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/check/suppress.h"

namespace rs {

void Findings::add(TextFinding f) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(f));
}

std::vector<TextFinding> Findings::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::move(items_);
}

std::vector<std::unique_ptr<Check>> builtin_checks() {
  std::vector<std::unique_ptr<Check>> out;
  out.push_back(make_glossary_check());
  out.push_back(make_untracked_undertaking_check());
  out.push_back(make_report_check());
  out.push_back(make_unfinished_check());
  out.push_back(make_statement_check());
  return out;
}

std::vector<ProsePage> prose_pages(const Model& model, const ResolvedSite& site) {
  std::vector<ProsePage> pages;
  for (const auto& m : model.meetings) {
    ProsePage p{paths::meeting(m.id), {}};
    for (const auto& it : m.items) {
      p.texts.push_back(&it.title);
      if (it.exempt()) continue;
      p.texts.push_back(&it.minutes);
      for (const auto& ex : it.discussion) {
        p.texts.push_back(&ex.question);
        p.texts.push_back(&ex.answer);
      }
      for (const auto& u : it.undertakings) p.texts.push_back(&u.text);
      p.texts.push_back(&it.resolved);
      for (const auto& d : it.documents) p.texts.push_back(&d.title);
    }
    pages.push_back(std::move(p));
  }
  for (const auto& ru : site.undertakings) {
    ProsePage p{paths::undertaking(ru.undertaking->id.value), {&ru.undertaking->text}};
    for (const ActionUpdate* a : ru.history) p.texts.push_back(&a->note);
    pages.push_back(std::move(p));
  }
  for (const auto& c : model.committees)
    pages.push_back({paths::committee(c.id.value), {&c.name, &c.description}});
  for (const auto& r : model.reports)
    pages.push_back({paths::report(r.series.value, r.year), {&r.title, &r.notes}});
  for (const auto& pg : model.pages) pages.push_back({paths::page(pg.stem), {&pg.title, &pg.body}});
  return pages;
}

void run_checks(const Model& model, const ResolvedSite& site, Diagnostics& diags, MemoStore* memo) {
  run_checks(model, site, builtin_checks(), diags, memo);
}

void run_checks(const Model& model, const ResolvedSite& site, const std::vector<std::unique_ptr<Check>>& checks,
                Diagnostics& diags, MemoStore* memo) {
  const std::vector<ProsePage> pages = prose_pages(model, site);
  Findings findings;
  for (const auto& c : checks) {
    // Each check's memo is its own, by name and version: a new version redoes its work, and only its.
    std::optional<MemoStore> mine;
    if (memo) mine.emplace(MemoStore::scoped(*memo, "check:" + c->name() + "@" + c->version() + ":"));
    const CheckInput in{model, site, pages, mine ? &*mine : nullptr};
    c->run(in, findings, diags);
  }
  std::vector<TextFinding> all = findings.take();
  // A text shown on two pages (an undertaking on its meeting and its own page)
  // is found twice; keep one, so one marker silences it.
  std::stable_sort(all.begin(), all.end(), [](const TextFinding& a, const TextFinding& b) {
    return std::tie(a.text, a.begin, a.end, a.rule) < std::tie(b.text, b.begin, b.end, b.rule);
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const TextFinding& a, const TextFinding& b) {
                          return a.text == b.text && a.begin == b.begin && a.end == b.end && a.rule == b.rule;
                        }),
            all.end());

  // Group findings by text, then let that text's markers silence them.
  std::map<const Text*, std::vector<size_t>> by_text;
  for (size_t i = 0; i < all.size(); ++i) by_text[all[i].text].push_back(i);
  std::vector<bool> silenced(all.size(), false);
  auto handle_text = [&](const Text* text) {
    if (text->value.find("<!--") == std::string::npos) return;
    auto markers = parse_markers(text->value);
    // A plugin's rule is the plugin's to apply: its findings come after the checks (plugin/external_plugin.h).
    std::erase_if(markers, [&](const SuppressMarker& m) {
      for (const auto& p : model.site.plugins)
        if (p.owns_rule(m.rule)) return true;
      return false;
    });
    if (markers.empty()) return;
    std::vector<FindingAt> at;
    auto found = by_text.find(text);
    if (found != by_text.end())
      for (size_t i : found->second) at.push_back({all[i].rule, all[i].begin});
    Suppression s = apply_markers(text->value, markers, at);
    if (found != by_text.end())
      for (size_t k = 0; k < found->second.size(); ++k) silenced[found->second[k]] = s.silenced[k];
    for (const auto& p : s.problems) {
      std::string message = p.message;
      // A marker left behind by a plugin that was taken out of data/site.yaml.
      auto marker = std::find_if(markers.begin(), markers.end(), [&](const SuppressMarker& m) { return m.begin == p.begin; });
      if (marker != markers.end() && !marker->rule.empty() && !marker->reason.empty()) {
        std::string area = marker->rule.substr(0, marker->rule.find('.'));
        if (!is_builder_rule_area(area) && area != marker->rule)
          message += " (if `" + area + "` is a plugin, no plugin of that name is listed under `plugins:` in data/site.yaml)";
      }
      diags.add({p.severity, p.rule, message, text->span_of(p.begin, p.end), {}, {}, {}});
    }
  };
  // A text shown on two pages (an undertaking) has its markers read once.
  std::set<const Text*> seen;
  for (const auto& page : pages)
    for (const Text* t : page.texts)
      if (seen.insert(t).second) handle_text(t);

  for (size_t i = 0; i < all.size(); ++i) {
    if (silenced[i]) continue;
    const TextFinding& f = all[i];
    diags.add({f.severity, f.rule, f.message, f.text->span_of(f.begin, f.end), {}, f.suggestion, f.replacement});
  }
}

}  // namespace rs
