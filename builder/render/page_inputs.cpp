#include "page_inputs.h"

#include "core/hash.h"

namespace rs {

namespace {

/// Everything of a meeting another page may show: it comes from the meeting's file.
void add_meeting(Hasher& h, const RenderContext& ctx, size_t mi) {
  const Meeting& m = ctx.model.meetings[mi];
  h.add(m.id).add(ctx.model.sources.content_hash(m.file));
}

/// Everything an undertaking's row, page or calendar entry shows.
void add_undertaking(Hasher& h, const RenderContext& ctx, const ResolvedUndertaking& ru) {
  add_meeting(h, ctx, ru.given.meeting);  // its text, owner, item and where it was given
  h.add(ru.given.item).add(static_cast<uint64_t>(ru.exchange));
  h.add(ru.due ? ru.due->iso() : "-");
  if (ru.due_meeting >= 0) add_meeting(h, ctx, static_cast<size_t>(ru.due_meeting));
  h.add(static_cast<uint64_t>(ru.status)).add(static_cast<uint64_t>(ru.timing));
  h.add(ru.history.size());
  for (const ActionUpdate* a : ru.history) {
    h.add(a->undertaking.value).add(a->date.value.iso()).add(static_cast<uint64_t>(a->status.value));
    h.add(a->note.value).add(a->meeting.value);
    auto mt = ctx.site.meetings.find(a->meeting.value);
    if (mt != ctx.site.meetings.end()) add_meeting(h, ctx, mt->second);
    else h.add("no such meeting");
  }
}

const ResolvedUndertaking* find_undertaking(const RenderContext& ctx, const std::string& id) {
  auto it = ctx.site.undertaking_index.find(id);
  return it == ctx.site.undertaking_index.end() ? nullptr : &ctx.site.undertakings[it->second];
}

Hasher page_hasher(const RenderContext& ctx, const std::string& template_name) {
  Hasher h;
  h.add(ctx.inputs->everything_else).add(ctx.version).add(template_name).add(ctx.theme.fingerprint(template_name));
  return h;
}

}  // namespace

uint64_t meeting_page_inputs(const RenderContext& ctx, size_t mi) {
  if (!ctx.inputs) return 0;
  Hasher h = page_hasher(ctx, "meeting.mustache");
  add_meeting(h, ctx, mi);
  const Meeting& m = ctx.model.meetings[mi];
  for (const auto& it : m.items) {
    for (const auto& ex : it.discussion)
      for (const auto& ref : ex.undertakings)
        if (const auto* ru = find_undertaking(ctx, ref.value)) add_undertaking(h, ctx, *ru);
    for (const auto& u : it.undertakings)
      if (const auto* ru = find_undertaking(ctx, u.id.value)) add_undertaking(h, ctx, *ru);
  }
  auto rb = ctx.site.reported_back.find(mi);
  if (rb != ctx.site.reported_back.end())
    for (const ActionUpdate* a : rb->second) {
      h.add(a->undertaking.value).add(static_cast<uint64_t>(a->status.value)).add(a->note.value);
      if (const auto* ru = find_undertaking(ctx, a->undertaking.value)) add_undertaking(h, ctx, *ru);
    }
  return h.value();
}

uint64_t undertaking_page_inputs(const RenderContext& ctx, const ResolvedUndertaking& ru) {
  if (!ctx.inputs) return 0;
  Hasher h = page_hasher(ctx, "undertaking.mustache");
  add_undertaking(h, ctx, ru);
  h.add(ctx.site.as_of.iso());
  return h.value();
}

uint64_t person_page_inputs(const RenderContext& ctx, const Person& person,
                            const std::vector<const ResolvedUndertaking*>& owned) {
  if (!ctx.inputs) return 0;
  Hasher h = page_hasher(ctx, "person.mustache");
  h.add(person.id.value);  // name and role: people.yaml, part of everything_else
  auto named = ctx.site.person_meetings.find(person.id.value);
  if (named != ctx.site.person_meetings.end()) {
    h.add(named->second.size());
    for (size_t mi : named->second) add_meeting(h, ctx, mi);
  }
  h.add(owned.size());
  for (const auto* ru : owned) add_undertaking(h, ctx, *ru);
  return h.value();
}

uint64_t year_page_inputs(const RenderContext& ctx, const MunicipalYear& year,
                          const std::vector<std::vector<const ResolvedUndertaking*>>& lists) {
  if (!ctx.inputs) return 0;
  Hasher h = page_hasher(ctx, "year.mustache");
  h.add(year.label()).add(ctx.site.as_of.iso());
  for (size_t mi = 0; mi < ctx.model.meetings.size(); ++mi)
    if (ctx.site.meeting_year[mi] == year) add_meeting(h, ctx, mi);
  for (const auto& [ri, refs] : ctx.site.report_items)
    for (const auto& ref : refs)
      if (ctx.site.meeting_year[ref.meeting] == year) {
        h.add(ri);  // the report itself: its file is part of everything_else
        add_meeting(h, ctx, ref.meeting);
      }
  for (const auto& list : lists) {
    h.add(list.size());
    for (const auto* ru : list) add_undertaking(h, ctx, *ru);
  }
  return h.value();
}

std::optional<OutputFile> reuse_by_inputs(PageEnv& env, const std::string& template_name, uint64_t input_key) {
  env.input_key = input_key;
  const RenderContext& ctx = env.ctx;
  if (!input_key || !ctx.previous || ctx.verify_input_keys) return std::nullopt;
  auto it = ctx.previous->find(env.path);
  if (it == ctx.previous->end() || it->second.input_key != input_key) return std::nullopt;
  return OutputFile{env.path, {}, template_name, {}, it->second.fingerprint, input_key, true};
}

}  // namespace rs
