// A theme whose partials include each other would recurse until the stack
// runs out: the cycle is found when the theme loads, and nothing is drawn.
#include "reportsite/render/theme.h"

#include <doctest/doctest.h>

namespace rs {
namespace {

struct LoadedTheme {
  MemoryFileSystem fs;
  Diagnostics diags;
  Theme theme;

  explicit LoadedTheme(const std::string& txtar) {
    fs.add_txtar(txtar, "site/themes/council");
    theme = Theme::load(fs, "site", "council", diags);
  }
  std::string listing() const {
    std::string s;
    for (const auto& d : diags.all()) s += d.where + ": " + d.message + " [" + d.rule + "]\n";
    return s;
  }
  std::vector<const Diagnostic*> with_rule(const std::string& rule) const {
    std::vector<const Diagnostic*> out;
    for (const auto& d : diags.all())
      if (d.rule == rule) out.push_back(&d);
    return out;
  }
};

View page_view() {
  View v;
  v.set("title", "A page");
  return v;
}

TEST_CASE("a partial that includes itself is an error naming it, and the theme draws nothing") {
  LoadedTheme t("-- partials/header.mustache --\n<header>{{title}}\n{{> header}}</header>\n"
                "-- templates/page.mustache --\n<h1>{{title}}</h1>{{> header}}\n");
  INFO(t.listing());
  auto found = t.with_rule("theme.partial-cycle");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->severity == Severity::error);
  CHECK(found[0]->where == "site/themes/council/partials/header.mustache");
  CHECK(found[0]->message.find("partial `header` includes itself") != std::string::npos);
  CHECK(found[0]->message.find("line 2") != std::string::npos);
  CHECK_FALSE(t.theme.usable());
  Diagnostics render_diags;
  CHECK(t.theme.render("page.mustache", page_view(), render_diags).empty());  // once: SIGSEGV
}

TEST_CASE("two partials that include each other: the error names both, in order") {
  LoadedTheme t("-- partials/a.mustache --\nA{{>b}}\n-- partials/b.mustache --\nB{{> a }}\n"
                "-- templates/page.mustache --\n{{> a}}\n");
  INFO(t.listing());
  auto found = t.with_rule("theme.partial-cycle");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->where == "site/themes/council/partials/a.mustache");
  CHECK(found[0]->message.find("partial `a` includes itself through `b` → `a`") != std::string::npos);
  Diagnostics render_diags;
  CHECK(t.theme.render("page.mustache", page_view(), render_diags).empty());
}

TEST_CASE("a cycle hidden behind changed delimiters is found too; a comment is not an include") {
  LoadedTheme t("-- partials/a.mustache --\n{{=<% %>=}}<%> a %>\n"
                "-- partials/b.mustache --\n{{! {{> b}} is not an include: the comment ends at the first close }}\n");
  INFO(t.listing());
  auto found = t.with_rule("theme.partial-cycle");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->message.find("partial `a` includes itself") != std::string::npos);
}

TEST_CASE("partials nested too deep are an error; a modest nesting draws") {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "-- partials/p" + std::to_string(i) + ".mustache --\n[{{> p" + std::to_string(i + 1) + "}}]\n";
  deep += "-- templates/page.mustache --\n{{> p0}}\n";
  LoadedTheme t(deep);
  INFO(t.listing());
  auto found = t.with_rule("theme.partial-depth");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->message.find("`p0` → `p1` → `p2`") != std::string::npos);
  CHECK(t.with_rule("theme.partial-cycle").empty());
  CHECK_FALSE(t.theme.usable());

  LoadedTheme ok("-- partials/a.mustache --\n<a>{{> b}}{{> b}}</a>\n-- partials/b.mustache --\n<b>{{title}}</b>\n"
                 "-- templates/page.mustache --\n{{> a}}|{{> b}}\n");
  INFO(ok.listing());
  CHECK(ok.diags.all().empty());
  CHECK(ok.theme.usable());
  Diagnostics render_diags;
  CHECK(ok.theme.render("page.mustache", page_view(), render_diags) == "<a><b>A page</b>\n<b>A page</b>\n</a>\n|<b>A page</b>\n\n");
}

TEST_CASE("an include of no partial file is an error: kainjow would draw a page value as a template") {
  // With no partials/title.mustache, `{{> title}}` drew the page's title as
  // Mustache: a title of "{{> title}}" recursed until the stack ran out.
  LoadedTheme t("-- partials/header.mustache --\n<header>{{> heder}}</header>\n"
                "-- templates/page.mustache --\n<h1>{{title}}</h1>\n{{> title}}\n");
  INFO(t.listing());
  auto found = t.with_rule("theme.partial-missing");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->where == "site/themes/council/partials/header.mustache");
  CHECK(found[0]->message == "`{{> heder}}` on line 1 names no partial: there is no partials/heder.mustache");
  CHECK(found[0]->suggestion == "did you mean `header`?");
  CHECK(found[1]->where == "site/themes/council/templates/page.mustache");
  CHECK(found[1]->message.find("`{{> title}}` on line 2") != std::string::npos);
  CHECK_FALSE(t.theme.usable());
  View v;
  v.set("title", "{{> title}}");
  Diagnostics render_diags;
  CHECK(t.theme.render("page.mustache", v, render_diags).empty());
}

TEST_CASE("the built-in theme has no partial cycle") {
  MemoryFileSystem fs;
  Diagnostics diags;
  Theme t = Theme::load(fs, "site", "default", diags);
  CHECK(diags.all().empty());
  CHECK(t.usable());
}

}  // namespace
}  // namespace rs

// ---- the drawer against kainjow's own renderer --------------------------------

#include <kainjow/mustache.hpp>

#include "reportsite/core/strings.h"

namespace rs {
namespace {

kainjow::mustache::data as_kainjow(const View& v) {
  using Data = kainjow::mustache::data;
  switch (v.kind()) {
    case View::Kind::text: return Data(v.text());
    case View::Kind::flag: return Data(v.flag());
    case View::Kind::list: {
      Data list(Data::type::list);
      for (const auto& item : v.items()) list.push_back(as_kainjow(item));
      return list;
    }
    case View::Kind::object: break;
  }
  Data object(Data::type::object);
  for (const auto& [key, value] : v.members()) object.set(key, as_kainjow(value));
  return object;
}

/// What kainjow draws for `tmpl` with these partials, as pages were drawn before the drawer.
std::string kainjow_draws(const std::string& tmpl, const std::map<std::string, std::string>& partials, const View& v) {
  kainjow::mustache::mustache m(tmpl);
  m.set_custom_escape([](const std::string& s) { return html_escape(s); });
  kainjow::mustache::data data = as_kainjow(v);
  for (const auto& [name, text] : partials) data.set(name, kainjow::mustache::partial([text = text] { return text; }));
  return m.render(data);
}

TEST_CASE("the theme draws every template as kainjow draws it, byte for byte") {
  View row1, row2, nested, page;
  row1.set("name", "Ann & Bob");
  row1.set("open", true);
  row2.set("name", "<Cy>");
  row2.set("open", false);
  nested.set("label", "inner");
  nested.set("title", "shadowing title");
  nested.set("row", "{{label}} drawn as a template");  // a text value named like a partial, inside a section
  page.set("title", "Title");
  page.set("title", "Later title wins");
  page.set("rows", ViewList{row1, row2});
  page.set("empty", ViewList{});
  page.set("yes", true);
  page.set("no", false);
  page.set("blank", "");
  page.set("nested", nested);
  page.set("words", ViewList{View("one"), View("two")});
  page.set("box", "{{title}} drawn as a template");  // a text value named like a partial below
  const std::map<std::string, std::string> partials = {
      {"row", "<li>{{name}}{{#open}} (open){{/open}}</li>\n"},
      {"box", "[box {{title}}]"},
      {"pager", "{{#nested}}{{> box}}{{/nested}}\n"}};
  const std::vector<std::string> templates = {
      "<h1>{{title}}</h1>\n{{{title}}} {{&title}}\n",
      "<ul>\n{{#rows}}\n  {{> row}}\n{{/rows}}\n</ul>\n",
      "{{#rows}}{{name}},{{/rows}}|{{^rows}}none{{/rows}}|{{#empty}}x{{/empty}}{{^empty}}no rows{{/empty}}\n",
      "  {{#yes}}  \nyes line\n  {{/yes}}\n{{^no}}not no{{/no}}\n{{#no}}hidden{{/no}}\n\t{{^yes}}\t{{/yes}}\n",
      "{{nested.label}} {{nested.missing}} {{missing.label}} {{#nested}}{{label}} {{title}}{{/nested}}\n",
      "{{#words}}<{{.}}>{{/words}} {{#blank}}[blank is drawn]{{/blank}}{{^blank}}never{{/blank}}\n",
      "{{! a comment }}a{{=<% %>=}}<% title %><%={{ }}=%>b{{title}}\r\nlast line without newline",
      "{{> pager}}{{> box}}{{#nested}}{{> box}}{{/nested}}{{rows}}{{#box}}[{{.}}]{{/box}}\n",
      "{{#nested}}{{> row}}{{/nested}}{{> row}}\n",
      "{{#title}}{{title}}{{/title}}{{#rows}}{{#nested}}{{name}}/{{label}}{{/nested}}{{/rows}}\n\n\n",
  };
  std::string txtar;
  for (const auto& [name, text] : partials) txtar += "-- partials/" + name + ".mustache --\n" + text + "\n";
  for (size_t i = 0; i < templates.size(); ++i) {
    CAPTURE(templates[i]);
    LoadedTheme t(txtar + "-- templates/t.mustache --\n" + templates[i] + "\n");
    REQUIRE(t.theme.usable());
    std::map<std::string, std::string> as_loaded;
    for (const auto& [name, text] : partials) as_loaded[name] = *t.theme.file("partials/" + name + ".mustache");
    std::string expected = kainjow_draws(*t.theme.file("templates/t.mustache"), as_loaded, page);
    Diagnostics diags;
    CHECK(t.theme.render("t.mustache", page, diags) == expected);
    CHECK(diags.all().empty());
  }
}

TEST_CASE("a partial kainjow cannot parse draws nothing and says why, as kainjow did") {
  LoadedTheme t("-- partials/bad.mustache --\n{{#open}}never closed\n"
                "-- templates/page.mustache --\n<h1>{{title}}</h1>{{> bad}}\n");
  Diagnostics diags;
  CHECK(t.theme.render("page.mustache", page_view(), diags).empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].rule == "theme.template");
  CHECK(diags.all()[0].message == "template error: Unclosed section \"open\" at 0");
}

}  // namespace
}  // namespace rs
