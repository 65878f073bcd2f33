#include "view.h"

#include "model/markers.h"
#include "core/strings.h"

namespace rs {

View name_view(PageEnv& env, const NameRef& name) {
  View d;
  if (const Person* p = env.ctx.site.person(name.value, env.ctx.model)) {
    d.set("text", p->name.value);
    d.set("href", env.link(paths::person(p->id.value)));
  } else {
    d.set("text", name.value);
  }
  return d;
}

ViewList names_view(PageEnv& env, const std::vector<NameRef>& names) {
  ViewList out;
  for (const auto& n : names) out.push_back(name_view(env, n));
  return out;
}

View timing_view(Timing t) {
  View d;
  d.set("label", timing_label(t));
  d.set("slug", timing_slug(t));
  d.set("open", timing_is_open(t));
  return d;
}

std::string due_label(const ResolvedUndertaking& ru) {
  if (ru.due) return ru.due->long_form();
  return "at the next meeting";
}

std::string committee_name(const RenderContext& ctx, const std::string& id) {
  const Committee* c = ctx.site.committee(id, ctx.model);
  return c ? c->name.value : id;
}

std::string meeting_title(const RenderContext& ctx, const Meeting& m) {
  return committee_name(ctx, m.committee.value) + ", " + m.date.value.long_form();
}

View meeting_row(PageEnv& env, size_t mi) {
  const Meeting& m = env.ctx.model.meetings[mi];
  View d;
  d.set("title", meeting_title(env.ctx, m));
  d.set("committee", committee_name(env.ctx, m.committee.value));
  d.set("date", m.date.value.long_form());
  d.set("iso_date", m.date.value.iso());
  d.set("href", env.link(paths::meeting(m.id)));
  d.set("draft", m.status == MinutesStatus::draft);
  return d;
}

View undertaking_view(PageEnv& env, const ResolvedUndertaking& ru) {
  const Undertaking& u = *ru.undertaking;
  const Meeting& m = env.ctx.model.meetings[ru.given.meeting];
  const Item& item = m.items[ru.given.item];
  View d;
  d.set("id", u.id.value);
  d.set("href", env.link(paths::undertaking(u.id.value)));
  d.set("text", strip_markers(trim(u.text.value)));
  d.set("owner", name_view(env, u.owner));
  d.set("due", due_label(ru));
  d.set("iso_due", ru.due ? ru.due->iso() : "");
  d.set("state", timing_view(ru.timing));
  d.set("status", action_status_label(ru.status));
  d.set("committee", committee_name(env.ctx, m.committee.value));
  d.set("committee_id", m.committee.value);
  d.set("given_title", meeting_title(env.ctx, m));
  d.set("given_href", env.link(paths::meeting(m.id)) + "#item-" + item.number.value);
  d.set("given_date", m.date.value.long_form());
  d.set("item", item.number.value + " " + item.title.value);
  if (!ru.history.empty()) {
    d.set("latest_date", ru.history.back()->date.value.long_form());
  }
  return d;
}

OutputFile finish_page(PageEnv& env, const std::string& template_name, const std::string& title, View& data,
                       const std::vector<std::pair<std::string, std::string>>& breadcrumbs) {
  const RenderContext& ctx = env.ctx;
  const SiteSettings& s = ctx.model.site;
  std::string root = root_prefix(env.path);
  data.set("root", root);
  data.set("page_title", title);
  View layout;
  layout.set("root", root);
  layout.set("lang", s.language.value);
  layout.set("title", title);
  layout.set("site_title", s.title.value);
  layout.set("organisation", s.organisation.value);
  layout.set("version", ctx.version);
  layout.set("is_home", env.path == paths::home());
  ViewList crumbs;
  for (size_t i = 0; i < breadcrumbs.size(); ++i) {
    View c;
    c.set("label", breadcrumbs[i].first);
    c.set("href", env.link(breadcrumbs[i].second));
    crumbs.push_back(c);
  }
  layout.set("breadcrumbs", crumbs);
  layout.set("has_breadcrumbs", !breadcrumbs.empty());
  std::string contact = s.contact.value;
  if (!contact.empty()) {
    bool is_url = starts_with(contact, "https://") || starts_with(contact, "http://");
    layout.set("contact_href", is_url ? contact : "mailto:" + contact);
    layout.set("contact_text", contact);
  }
  ViewList pages;
  for (const auto& p : ctx.model.pages) {
    View d;
    d.set("title", p.title.value);
    d.set("href", env.link(paths::page(p.stem)));
    pages.push_back(d);
  }
  layout.set("pages", pages);

  // Equal data drawn by equal templates gives an equal page: a rebuild draws only what changed.
  Hasher h;
  h.add(template_name).add(ctx.theme.fingerprint(template_name));
  data.hash_into(h);
  layout.hash_into(h);
  OutputFile page{env.path, {}, template_name, {}, h.value(), env.input_key, false};
  if (ctx.previous) {
    auto it = ctx.previous->find(env.path);
    if (it != ctx.previous->end() && it->second.fingerprint == page.fingerprint) {
      page.reused = true;
      return page;
    }
    if (ctx.verify_input_keys && it != ctx.previous->end() && env.input_key && it->second.input_key == env.input_key)
      env.diags.add({Severity::error, "build.input-key",
                     "internal: this page's declared inputs did not change but its data did; a rebuild would have "
                     "kept it stale (please report this)",
                     {}, env.path, {}, {}});
  }
  layout.set("content", ctx.theme.render(template_name, data, env.diags));
  page.bytes = ctx.theme.render("layout.mustache", layout, env.diags);
  return page;
}

}  // namespace rs
