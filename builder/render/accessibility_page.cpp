// The default accessibility statement, published at accessibility/ when the
// site has none of its own (model/statement.h). Its technical section is what
// the build really checks on every page, so it stays true as the checks
// change; the council's own statement replaces it by existing.
#include "reportsite/check/page_check.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/model/statement.h"
#include "reportsite/render/output.h"
#include "reportsite/render/view.h"

namespace rs {

namespace {

/// A Markdown link to the council's contact: an e-mail address or a web address.
std::string contact_link(const std::string& contact) {
  const bool is_url = starts_with(contact, "https://") || starts_with(contact, "http://");
  return "[" + contact + "](" + (is_url ? contact : "mailto:" + contact) + ")";
}

std::string statement_markdown(PageEnv& env) {
  const SiteSettings& s = env.settings();
  const std::string who = s.organisation.value.empty() ? "the council" : s.organisation.value;
  const std::string reach = s.contact.value.empty() ? "contact " + who : "write to " + contact_link(s.contact.value);
  std::string md;
  md += "This statement covers the website *" + s.title.value + "*, published by " + who + ". " + who +
        " has not yet published a statement of its own, so this one was written by reportsite, the program that "
        "builds the website, from what it checks each time it builds it.\n\n";
  md += "## Using this website\n\n"
        "Every page is written so that you should be able to:\n\n"
        "- change colours, contrast and fonts with your browser or device settings;\n"
        "- zoom in to 400% without text spilling off the screen, on a phone as on a desktop;\n"
        "- move around using only a keyboard, or speech recognition software;\n"
        "- listen to the pages with a screen reader;\n"
        "- print a page, or save the website and read it with no internet connection.\n\n";
  md += "## Feedback and contact information\n\n"
        "If you need something on this website in another format, or you find a problem with its accessibility, " +
        reach + ".\n\n";
  md += "## Enforcement procedure\n\n"
        "The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies (Websites "
        "and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your "
        "request or complaint is handled, contact the "
        "[Equality Advisory and Support Service](https://www.equalityadvisoryservice.com/).\n\n";
  md += "## Technical information about this website's accessibility\n\n"
        "This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. " +
        who + " has not yet had it assessed by hand, so its compliance status is not stated here.\n\n"
        "### What is checked on every build\n\n"
        "Each time the website is built, every page is checked, not a sample, and a page is not published while "
        "any of these is true of it:\n\n";
  for (const auto& rule : page_check_summaries()) md += std::string("- ") + rule.finds + ";\n";
  md += "\nNothing on any page is loaded from another website, so the pages work offline and do not track you. "
        "Automated checks cannot find every problem: if you find one, please tell us.\n\n";
  md += "## Preparation of this accessibility statement\n\n"
        "This statement was written by reportsite " + env.version() + " for the build as at " +
        env.as_of().long_form() + ".\n";
  return md;
}

class AccessibilityStatementOutput : public OutputKind {
 public:
  std::string name() const override { return "accessibility-statement"; }
  std::string version() const override { return {}; }
  void render(const RenderContext&, std::vector<OutputFile>&, Diagnostics&) const override {}
  std::vector<PageDeclaration> pages(const RenderContext& ctx, Diagnostics&) const override {
    if (own_accessibility_statement(ctx.model.pages)) return {};
    return {{paths::page(kStatementStem), "page.mustache", [](PageEnv& env) {
               env.page_links();  // whether the council has written its own decides that this page exists
               Text body;
               body.value = statement_markdown(env);
               View d;
               d.set("body", env.prose(body, 2));
               return PageContent{"Accessibility statement", std::move(d), {{"Home", paths::home()}}};
             }}};
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_accessibility_statement_output() {
  return std::make_unique<AccessibilityStatementOutput>();
}

}  // namespace rs
