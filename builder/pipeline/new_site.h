#pragma once
// A new council's site, ready to build: `reportsite init` writes it, and an
// importer (from ModernGov, say) may start from the same files, add its
// meetings to them, and write them with write_new_site().
#include <map>
#include <string>
#include <vector>

#include "reportsite/core/date.h"
#include "reportsite/core/fs.h"

namespace rs {

struct NewCommittee {
  std::string id;    // a slug; from the name when empty
  std::string name;  // "Audit Committee"
};

struct NewSiteOptions {
  std::string title;         // the site's name; "<organisation> committee meetings" when empty
  std::string organisation;  // required
  std::vector<NewCommittee> committees;  // at least one
  std::string contact;       // optional: e-mail or web address for questions
  Date prepared;             // the accessibility statement's date; required
};

/// "Audit Committee" → "audit-committee": lower case, words joined by hyphens.
std::string slug_from_name(const std::string& name);

/// What is wrong with the options (a sentence for the person who typed them), or "" when they are usable.
std::string new_site_problem(const NewSiteOptions& options);

/// The files of a new site, path relative to the site folder → bytes: its
/// settings, committees, a glossary with a few common entries, an
/// accessibility statement, the input schemas (schemas/), the editor's
/// settings (.vscode/) and a README saying what to do next. Every id is
/// filled in (from the names where not given). `options` must have passed
/// new_site_problem().
std::map<std::string, std::string> new_site_files(NewSiteOptions options);

/// The JSON Schema of every kind of input file, as schemas/<kind>.schema.json would hold them: name → bytes.
std::map<std::string, std::string> input_schema_files();

/// Writes `files` into `dir`, which must be absent or an empty folder: an
/// existing site is never written over. False with `error` set otherwise.
bool write_new_site(FileSystem& fs, const std::string& dir, const std::map<std::string, std::string>& files,
                    std::string* error);

}  // namespace rs
