#include "reportsite/render/view.h"

#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/model/markers.h"

namespace rs {

View name_view(PageEnv& env, const NameRef& name) {
  View d;
  if (const Person* p = env.person(name.value)) {
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

std::string meeting_title(const std::string& committee_name, const Meeting& m) {
  return committee_name + ", " + m.date.value.long_form();
}

std::string meeting_title(const RenderContext& ctx, const Meeting& m) {
  return meeting_title(committee_name(ctx, m.committee.value), m);
}

View meeting_row(PageEnv& env, size_t mi) {
  MeetingSummary m = env.meeting_summary(mi);
  View d;
  d.set("title", env.meeting_title(mi));
  d.set("committee", env.committee_name(m.committee));
  d.set("date", m.date.long_form());
  d.set("iso_date", m.date.iso());
  d.set("href", env.link(paths::meeting(m.id)));
  d.set("draft", m.draft);
  return d;
}

View undertaking_view(PageEnv& env, const ResolvedUndertaking& ru) {
  const Undertaking& u = *ru.undertaking;
  env.read("undertaking:" + u.id.value);  // its hash covers the meeting it was given at
  const Meeting& m = env.meeting(ru.given.meeting);
  const Item& item = m.items[ru.given.item];
  View d;
  d.set("id", u.id.value);
  d.set("href", env.link(paths::undertaking(u.id.value)));
  d.set("text", strip_markers(trim(u.text.value)));
  d.set("owner", name_view(env, u.owner));
  // Every owner has a page of their undertakings, which can be bookmarked.
  if (!trim(u.owner.value).empty()) d.set("owner_href", env.link(paths::register_owner(owner_slug(u.owner.value))));
  d.set("due", due_label(ru));
  d.set("iso_due", ru.due ? ru.due->iso() : "");
  d.set("state", timing_view(ru.timing));
  d.set("status", action_status_label(ru.status));
  d.set("committee", env.committee_name(m.committee.value));
  d.set("committee_id", m.committee.value);
  d.set("given_title", env.meeting_title(ru.given.meeting));
  d.set("given_href", env.link(paths::meeting(m.id)) + "#item-" + item.number.value);
  d.set("given_date", m.date.value.long_form());
  d.set("item", item.number.value + " " + item.title.value);
  if (!ru.history.empty()) {
    d.set("latest_date", ru.history.back()->date.value.long_form());
  }
  // Forward links: the meetings where it was reported back, from the one it was given at.
  ViewList reported;
  for (const ActionUpdate* a : ru.history) {
    if (a->meeting.value.empty()) continue;
    auto at = env.find_meeting(a->meeting.value);
    if (!at) continue;
    View r;
    r.set("title", env.meeting_title(*at));
    r.set("href", env.link(paths::meeting(a->meeting.value)));
    r.set("status", action_status_label(a->status.value));
    reported.push_back(std::move(r));
  }
  d.set("has_reported", !reported.empty());
  d.set("reported", std::move(reported));
  return d;
}

namespace {

/// Wraps a page's content in the layout; returns the data the layout is given.
View layout_view(PageEnv& env, const PageContent& content) {
  const SiteSettings& s = env.settings();
  std::string root = root_prefix(env.path);
  View layout;
  layout.set("root", root);
  layout.set("lang", s.language.value);
  layout.set("title", content.title);
  layout.set("site_title", s.title.value);
  layout.set("organisation", s.organisation.value);
  // A printed page shows its links' addresses when the site knows its own (assets/print.js).
  if (!s.base_url.value.empty()) layout.set("page_url", s.base_url.value + env.path);
  layout.set("licence_name", s.licence.name);
  layout.set("licence_url", s.licence.url);
  layout.set("version", env.version());
  layout.set("is_home", env.path == paths::home());
  ViewList crumbs;
  for (const auto& [label, path] : content.breadcrumbs) {
    View c;
    c.set("label", label);
    c.set("href", env.link(path));
    crumbs.push_back(std::move(c));
  }
  layout.set("breadcrumbs", std::move(crumbs));
  layout.set("has_breadcrumbs", !content.breadcrumbs.empty());
  std::string contact = s.contact.value;
  if (!contact.empty()) {
    bool is_url = starts_with(contact, "https://") || starts_with(contact, "http://");
    layout.set("contact_href", is_url ? contact : "mailto:" + contact);
    layout.set("contact_text", contact);
  }
  ViewList pages;
  for (const auto& p : env.page_links()) {
    View d;
    d.set("title", p.title);
    d.set("href", env.link(paths::page(p.stem)));
    pages.push_back(std::move(d));
  }
  layout.set("pages", std::move(pages));
  return layout;
}

/// One declared page: reused as the last build left it, or prepared, and
/// drawn unless its data came out as before.
OutputFile draw_page(const RenderContext& ctx, const ReadHashes& hashes, const PageDeclaration& decl,
                     Diagnostics& diags) {
  const PageReuse* reuse = ctx.reuse;
  if (reuse && !reuse->verify())
    if (const PreviousPage* prev = reuse->reuse_unprepared(decl.path))
      return {decl.path, {}, decl.template_name, {}, prev->fingerprint, {}, true};  // its reads are the last build's

  PageEnv env(ctx, hashes, decl.path, diags);
  PageContent content = decl.prepare(env);
  content.data.set("root", root_prefix(decl.path));
  content.data.set("page_title", content.title);
  View layout = layout_view(env, content);
  env.read("template:" + decl.template_name);

  OutputFile page{decl.path, {}, decl.template_name, {}, 0, {}, false};
  if (reuse)
    for (const auto& key : env.reads()) page.reads.push_back({key, hashes.of(key)});
  // Equal data drawn by equal templates gives an equal page: a rebuild draws only what changed.
  Hasher h;
  h.add(decl.template_name).add(ctx.theme.fingerprint(decl.template_name));
  content.data.hash_into(h);
  layout.hash_into(h);
  page.fingerprint = h.value();
  if (reuse && reuse->same_as_published(decl.path, page.fingerprint)) {
    page.reused = true;
    return page;
  }
  if (reuse && reuse->verify()) {
    // Prepared although its reads held: they should have given the same data.
    const PreviousPage* prev = reuse->reuse_unprepared(decl.path);
    if (prev)
      diags.add({Severity::error, "build.input-key",
                 "internal: nothing this page read changed, but its data did; a rebuild would have kept it stale "
                 "(please report this)",
                 {}, decl.path, {}, {}});
  }
  layout.set("content", ctx.theme.render(decl.template_name, content.data, diags));
  page.bytes = ctx.theme.render("layout.mustache", layout, diags);
  return page;
}

}  // namespace

void draw_pages(const RenderContext& ctx, std::vector<PageDeclaration> pages, std::vector<OutputFile>& out,
                Diagnostics& diags, PageSink* sink) {
  std::optional<ReadHashes> own;  // a build that reuses nothing still answers the pages' queries
  if (!ctx.reuse) own.emplace(ctx.model, ctx.site, ctx.theme);
  const ReadHashes& hashes = ctx.reuse ? ctx.reuse->hashes() : *own;
  std::vector<OutputFile> files(pages.size());
  parallel_for(pages.size(), [&](size_t i) {
    Diagnostics found;
    files[i] = draw_page(ctx, hashes, pages[i], found);
    // A page that reported something (raw HTML in its prose) is prepared
    // again next time, so the finding is reported again.
    if (!found.all().empty()) files[i].reads.clear();
    if (sink) sink->take(i, files[i], found);
    diags.merge(std::move(found));
  });
  for (auto& f : files) out.push_back(std::move(f));
}

}  // namespace rs
