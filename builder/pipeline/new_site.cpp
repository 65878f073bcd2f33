#include "reportsite/pipeline/new_site.h"

#include <set>

#include "reportsite/core/strings.h"
#include "reportsite/load/input_schema.h"

namespace rs {

namespace {

/// A YAML double-quoted scalar: JSON's escapes are YAML's too.
std::string yq(const std::string& s) { return json_quote(s); }

/// Text in Markdown as written, never as markup.
std::string md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#!|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string schema_line(const char* kind, const char* up) {
  return input::schema_comment(std::string(up) + input::kSchemaFolder + "/" + kind + ".schema.json");
}

std::string site_yaml(const NewSiteOptions& o) {
  std::string s = schema_line("site", "../");
  s += "# The site's settings: every key is described in docs/input-format.md of reportsite,\n"
       "# and shown by the editor as you type (see README.md).\n";
  s += "title: " + yq(o.title) + "\n";
  s += "organisation: " + yq(o.organisation) + "\n";
  s += "language: en-GB\n";
  s += "municipal_year_starts: 05-01   # the day the municipal year starts, as MM-DD\n";
  if (!o.contact.empty()) s += "contact: " + yq(o.contact) + "\n";
  else s += "# contact: democratic.services@example.gov.uk   # shown at the foot of every page\n";
  s += "# base_url: https://example.gov.uk/committees/   # the site's web address, once it has one\n"
       "# licence: OGL-UK-3.0   # the default: the Open Government Licence v3.0\n";
  return s;
}

std::string committees_yaml(const NewSiteOptions& o) {
  std::string s = schema_line("committees", "../");
  s += "# One entry a committee. A meeting file's name ends with its committee's id.\n";
  for (const auto& c : o.committees) s += "- id: " + c.id + "\n  name: " + yq(c.name) + "\n";
  return s;
}

std::string people_yaml() {
  return schema_line("people", "../") +
         "# Optional: members and officer posts, so that a meeting may name them by id\n"
         "# and each has a page. For example:\n"
         "# - id: head-of-democratic-services\n"
         "#   name: Head of Democratic Services\n"
         "#   role: officer\n"
         "[]\n";
}

// A few entries most councils need, so the glossary checks are on from the first build.
std::string glossary_yaml() {
  return schema_line("glossary", "../") +
         "# Terms, abbreviations and words to avoid: every page is checked against them.\n"
         "- term: Web Content Accessibility Guidelines\n"
         "  abbr: WCAG\n"
         "- term: Special Educational Needs and Disabilities\n"
         "  abbr: SEND\n"
         "  case_sensitive: true\n"
         "- term: Education, Health and Care Plan\n"
         "  abbr: EHCP\n"
         "- term: Local Government and Social Care Ombudsman\n"
         "  abbr: LGSCO\n"
         "- term: disabled people\n"
         "  avoid: [the disabled]\n"
         "  reason: Write \"disabled people\", which puts the people first, rather than \"the disabled\".\n"
         "  examples:\n"
         "    good: [\"services for disabled people\"]\n"
         "    bad: [\"services for the disabled\"]\n"
         "- allow: [AA, RESOLVED, Sub-Committee, UK]\n";
}

std::string accessibility_md(const NewSiteOptions& o) {
  const std::string who = md(o.organisation);
  const std::string reach = o.contact.empty() ? "contact " + who
                            : starts_with(o.contact, "https://") || starts_with(o.contact, "http://")
                                ? "use <" + o.contact + ">"
                                : "write to <" + o.contact + ">";
  return "---\ntitle: Accessibility statement\norder: 90\n---\n\n"
         "This statement covers the website *" + md(o.title) + "*, published by " + who +
         ". We want as many people as possible to be able to use it.\n\n"
         "## Using this website\n\n"
         "You should be able to:\n\n"
         "- change colours, contrast and fonts with your browser or device settings;\n"
         "- zoom in to 400% without text spilling off the screen;\n"
         "- move around using only a keyboard, or speech recognition software;\n"
         "- listen to the pages with a screen reader;\n"
         "- print a page, or save the website and read it with no internet connection.\n\n"
         "## Feedback and contact information\n\n"
         "If you need something on this website in another format, or you find a problem with its accessibility, " +
         reach + ".\n\n"
         "## Enforcement procedure\n\n"
         "The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies (Websites "
         "and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond "
         "to your request or complaint, contact the "
         "[Equality Advisory and Support Service](https://www.equalityadvisoryservice.com/).\n\n"
         "## Technical information about this website's accessibility\n\n"
         "This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every "
         "page is checked each time the website is built, and a page with a problem the checks can find is not "
         "published. " + who + " has not yet had the website assessed by hand, so its compliance status is not "
         "stated here.\n\n"
         "Supporting documents published with the minutes may not all be accessible. If you need one in another "
         "format, " + reach + ".\n\n"
         "## Preparation of this accessibility statement\n\n"
         "This statement was prepared on " + o.prepared.long_form() + ".\n";
}

std::string readme(const NewSiteOptions& o) {
  const std::string& first = o.committees.front().id;
  return "# " + md(o.title) + "\n\n"
         "The committee records of " + md(o.organisation) + ", built into an accessible website by reportsite.\n"
         "This folder was made by `reportsite init`; it builds as it stands. What to do next:\n\n"
         "1. **Check the settings** in `data/site.yaml`: add `contact:` (where readers send questions) and,\n"
         "   once the site has a web address, `base_url:`.\n"
         "2. **Read the accessibility statement** in `content/pages/accessibility.md` and complete it: say\n"
         "   how to reach you, and what you know of your documents' accessibility.\n"
         "3. **Record a meeting**:\n\n"
         "   ```sh\n"
         "   reportsite new meeting --committee " + first + " --date 2025-06-12\n"
         "   ```\n\n"
         "   writes `content/meetings/2025/2025-06-12-" + first + ".yaml` for you to fill in. The committees are\n"
         "   in `data/committees.yaml`; add any others there.\n"
         "4. **Add people** (optional) to `data/people.yaml`, and **terms and abbreviations** your council\n"
         "   uses to `data/glossary.yaml`.\n"
         "5. **Check and build**:\n\n"
         "   ```sh\n"
         "   reportsite check     # every finding, nothing written\n"
         "   reportsite build     # the website, into public/; open public/index.html\n"
         "   ```\n\n"
         "## Help from your editor\n\n"
         "Open this folder in Visual Studio Code with the YAML extension (Red Hat's `redhat.vscode-yaml`,\n"
         "which `.vscode/extensions.json` recommends). `.vscode/settings.json` tells it which schema in\n"
         "`schemas/` each file follows, so it completes keys, explains each one as you hover over it, and\n"
         "underlines a mistyped key or a wrong value as you type, with no network needed. Other editors that use\n"
         "yaml-language-server read the `# yaml-language-server: $schema=...` line at the top of each file.\n"
         "After upgrading reportsite, run `reportsite schema` to bring `schemas/` up to date.\n\n"
         "## Keeping it\n\n"
         "Keep this folder in version control. `public/` (the website) and `.reportsite/` (the build's cache)\n"
         "are made by every build and need not be kept; `.gitignore` leaves them out.\n";
}

std::string vscode_extensions() { return "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n"; }

}  // namespace

std::string slug_from_name(const std::string& name) {
  std::string id;
  for (char c : ascii_lower(name)) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 80) id.resize(80);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

std::string new_site_problem(const NewSiteOptions& o) {
  auto one_line = [](const std::string& s) {
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7f) return false;
    return true;
  };
  if (trim(o.organisation).empty()) return "the organisation's name is needed (--organisation \"London Borough of Harrow\")";
  if (o.committees.empty()) return "at least one committee is needed (--committee \"Audit Committee\")";
  if (!o.prepared.valid()) return "the accessibility statement needs the date it was prepared";
  if (!one_line(o.title) || !one_line(o.organisation) || !one_line(o.contact))
    return "the title, organisation and contact must each be one line of text";
  std::set<std::string> ids;
  for (const auto& c : o.committees) {
    if (trim(c.name).empty()) return "a committee needs a name";
    if (!one_line(c.name)) return "committee `" + c.name + "`: a name must be one line of text";
    const std::string id = c.id.empty() ? slug_from_name(c.name) : c.id;
    if (!is_slug(id))
      return "committee id `" + id + "` is not an id: use lower-case letters, digits and single hyphens";
    if (!ids.insert(id).second) return "two committees have the id `" + id + "`: give one another (ID=NAME)";
  }
  return "";
}

std::map<std::string, std::string> input_schema_files() {
  std::map<std::string, std::string> out;
  for (const auto& k : input::file_kinds()) out[input::schema_file_name(k)] = input::json_schema(k);
  return out;
}

std::map<std::string, std::string> new_site_files(NewSiteOptions o) {
  for (auto& c : o.committees) {
    c.name = trim(c.name);
    if (c.id.empty()) c.id = slug_from_name(c.name);
  }
  o.organisation = trim(o.organisation);
  o.title = trim(o.title);
  if (o.title.empty()) o.title = o.organisation + " committee meetings";
  std::map<std::string, std::string> files;
  files["data/site.yaml"] = site_yaml(o);
  files["data/committees.yaml"] = committees_yaml(o);
  files["data/people.yaml"] = people_yaml();
  files["data/glossary.yaml"] = glossary_yaml();
  files["content/pages/accessibility.md"] = accessibility_md(o);
  for (auto& [name, bytes] : input_schema_files()) files[std::string(input::kSchemaFolder) + "/" + name] = bytes;
  files[".vscode/settings.json"] = input::vscode_settings();
  files[".vscode/extensions.json"] = vscode_extensions();
  files["README.md"] = readme(o);
  files[".gitignore"] = "/public/\n/.reportsite/\n";
  return files;
}

bool write_new_site(FileSystem& fs, const std::string& dir, const std::map<std::string, std::string>& files,
                    std::string* error) {
  if (fs.exists(dir)) {
    if (!fs.is_dir(dir)) {
      *error = dir + " exists and is not a folder; nothing was written";
      return false;
    }
    if (!fs.list_entries(dir).empty()) {
      *error = dir + " is not empty: a new site is written only into an empty or new folder; nothing was written";
      return false;
    }
  }
  for (const auto& [path, bytes] : files)
    if (!fs.write(join_path(dir, path), bytes, error)) return false;
  return true;
}

}  // namespace rs
