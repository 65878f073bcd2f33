#pragma once
// Stage 3: checks. Each check implements Check; the built-in ones are listed
// by builtin_checks(), and a program that links the library adds its own to a
// Registry (pipeline/registry.h) the same way.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/model.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

/// A finding inside a prose field, by value bytes; positions are mapped once, centrally.
struct TextFinding {
  const Text* text = nullptr;
  size_t begin = 0, end = 0;
  Severity severity = Severity::warning;
  std::string rule, message, suggestion, replacement;
};

/// Where checks put what they find. Thread-safe.
class Findings {
 public:
  void add(TextFinding f);
  std::vector<TextFinding> take();

 private:
  std::mutex mutex_;
  std::vector<TextFinding> items_;
};


/// A page of the site and its prose, in reading order ("page" as rules mean it).
struct ProsePage {
  std::string path;  // where it is published
  std::vector<const Text*> texts;
};

class MemoStore;

struct CheckInput {
  const Model& model;
  const ResolvedSite& site;
  const std::vector<ProsePage>& pages;  // every published page's prose, worked out once
  MemoStore* memo = nullptr;            // findings of earlier builds, by input hash (may be null)
};

class Check {
 public:
  virtual ~Check() = default;
  virtual std::string name() const = 0;
  /// Part of the build cache's key, so a program rebuilt with changed code
  /// never reports or publishes what the old code made: change it whenever
  /// what this check gives changes ("2", a date, your program's version).
  /// The built-in ones return "": they change only with the library, whose
  /// build id is in the key already. Changing it redoes this check's work only.
  virtual std::string version() const = 0;
  /// Findings in prose go to `findings` (markers can silence them); others to `diags`.
  virtual void run(const CheckInput& in, Findings& findings, Diagnostics& diags) const = 0;
};

std::vector<std::unique_ptr<Check>> builtin_checks();
std::unique_ptr<Check> make_glossary_check();
std::unique_ptr<Check> make_untracked_undertaking_check();
/// undertaking.possible, as notes: the promise constructions of the tier that is
/// off by default (offers, ...). Not built in: `check --possible-promises` adds it.
std::unique_ptr<Check> make_possible_promise_check();
std::unique_ptr<Check> make_report_check();
std::unique_ptr<Check> make_unfinished_check();
std::unique_ptr<Check> make_statement_check();

/// Run every check; apply inline `<!-- allow rule: reason -->` markers; report the rest.
/// With a memo store, checks may reuse what they found in unchanged prose.
void run_checks(const Model& model, const ResolvedSite& site, Diagnostics& diags, MemoStore* memo = nullptr);
/// The same with the checks a build was given (a Registry's).
void run_checks(const Model& model, const ResolvedSite& site, const std::vector<std::unique_ptr<Check>>& checks,
                Diagnostics& diags, MemoStore* memo = nullptr);
/// Every published page's prose. Exempt items contribute nothing.
std::vector<ProsePage> prose_pages(const Model& model, const ResolvedSite& site);

}  // namespace rs
