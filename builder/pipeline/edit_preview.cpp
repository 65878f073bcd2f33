#include "reportsite/pipeline/edit_preview.h"

#include <unistd.h>

#include "reportsite/check/check.h"
#include "reportsite/check/page_check.h"
#include "reportsite/core/strings.h"
#include "reportsite/core/stage_timer.h"
#include "reportsite/load/load_site.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/render/markdown.h"
#include "reportsite/render/theme.h"
#include "reportsite/render/view.h"
#include "reportsite/write/output_folder.h"
#include "reportsite/write/write_site.h"

namespace rs {

namespace {
constexpr const char* kMeetingsFolder = "content/meetings/";

/// Write `bytes` at `path` by a rename, so a reader (the browser) never sees half a page.
bool replace_file(FileSystem& fs, const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".preview-" + std::to_string(::getpid());
  if (!fs.write(temporary, bytes, nullptr)) return false;
  if (fs.rename(temporary, path, nullptr)) return true;
  fs.remove_all(temporary, nullptr);
  return false;
}

/// "the meeting has errors (load.x, ...)": what keeps a page from being shown first.
std::string errors_of(const char* what, const Diagnostics& found) {
  std::set<std::string> rules;
  for (const auto& d : found.all())
    if (d.severity == Severity::error) rules.insert(d.rule);
  std::string out = std::string(what) + " has errors (";
  for (const auto& r : rules) out += (out.back() == '(' ? "" : ", ") + r;
  return out + ")";
}

/// The meeting alone, with the rest of the site but its other meetings and
/// the action updates about them: what its own checks need. Every file keeps
/// its id (the other meetings' are registered empty), so every span still
/// points into the file it came from.
Model meeting_alone(const Model& site, FileId meeting_file, const std::string& bytes) {
  Model alone;
  alone.root = site.root;
  std::vector<char> other_meeting(site.sources.size(), 0);
  for (const auto& m : site.meetings) other_meeting[m.file] = 1;
  for (const auto& a : site.actions) other_meeting[a.file] = 1;
  for (FileId f = 0; f < site.sources.size(); ++f)
    alone.sources.add(site.sources.path(f), f == meeting_file ? bytes : other_meeting[f] ? "" : site.sources.content(f));
  alone.site = site.site;
  alone.committees = site.committees;
  alone.people = site.people;
  alone.glossary = site.glossary;
  alone.reports = site.reports;
  alone.pages = site.pages;
  alone.document_sizes = site.document_sizes;
  alone.refused_documents = site.refused_documents;
  return alone;
}
}  // namespace

EditPreview::EditPreview(BuildOptions options, const Registry& registry)
    : options_(std::move(options)), registry_(registry) {
  out_ = options_.out_dir.empty() ? join_path(options_.site_dir, "public") : options_.out_dir;
}

void EditPreview::keep(BuildResult& r) {
  shown_.reset();  // published: the page stands
  if (r.up_to_date) return;  // what is kept is still what is published
  // A plugin may read any meeting and add pages: its sites always wait for the whole rebuild.
  if (!r.published || !r.model.site.plugins.empty()) {
    if (r.published) kept_.reset();
    return;
  }
  files_.clear();
  for (const auto& f : r.files) files_.insert(f.path);
  kept_ = std::move(r);
}

void EditPreview::load(const FileSystem& fs) {
  BuildResult r = load_and_resolve(fs, options_);
  if (r.errors || !r.model.site.plugins.empty()) return;
  files_.clear();
  for (auto& f : fs.list(output_target(fs, out_))) files_.insert(std::move(f));
  kept_ = std::move(r);
}

std::optional<std::string> EditPreview::show(FileSystem& fs, const std::vector<std::string>& changed,
                                             std::string* why_not) {
  auto no = [&](std::string why) -> std::optional<std::string> {
    if (why_not) *why_not = std::move(why);
    return std::nullopt;
  };
  if (!kept_) return no("no published build is kept yet");
  if (shown_) return no("the last page shown is not yet published with the rest");
  if (changed.size() != 1) return no("more than one file changed");
  const std::string& relative = changed[0];
  if (relative.rfind(kMeetingsFolder, 0) != 0 || !ends_with(relative, ".yaml")) return no("not a meeting file");
  Model& model = kept_->model;
  const std::string path = join_path(options_.site_dir, relative);
  size_t index = model.meetings.size();
  for (size_t i = 0; i < model.meetings.size(); ++i)
    if (model.sources.path(model.meetings[i].file) == path) index = i;
  if (index == model.meetings.size()) return no("a meeting the last build did not have");
  std::optional<std::string> bytes = fs.read(path, nullptr);
  if (!bytes) return no("the file cannot be read");
  const FileId file = model.meetings[index].file;
  if (*bytes == model.sources.content(file)) return no("the file holds what it held");

  StageTimer timer(options_.timings);
  // Its own findings first, on the meeting alone: any error and the rebuild says what it is.
  const std::string under_meetings = relative.substr(std::string(kMeetingsFolder).size());
  Diagnostics found;
  Model alone = meeting_alone(model, file, *bytes);
  timer.lap("preview: copy");
  std::optional<Meeting> edited = load_meeting(alone.sources, file, under_meetings, found);
  if (!edited || found.error_count()) return no(errors_of("the meeting", found));
  if (edited->id != model.meetings[index].id) return no("the meeting's id changed");
  alone.meetings.push_back(*edited);  // a copy: `edited` itself goes into the kept model below
  ResolvedSite alone_site = resolve(alone, {options_.as_of, options_.source_date_epoch}, found);
  run_checks(alone, alone_site, registry_.checks, found, nullptr);
  timer.lap("preview: load, resolve and check alone");
  if (found.error_count()) return no(errors_of("the meeting", found));

  // Into the kept model: meeting_alone kept the file's id, so the meeting loaded
  // above already points into this file and need not be parsed again.
  Shown s;
  s.meeting = index;
  s.old_text = model.sources.content(file);
  model.sources.set_content(file, *bytes);
  // An edit of prose leaves what resolve() read as it was: the site stands,
  // its undertakings pointed at the new meeting (a whole resolve is 0.2 s at 10,000 meetings).
  s.same_to_resolve = resolve_key(*edited) == resolve_key(model.meetings[index]);
  s.old_meeting = std::move(model.meetings[index]);
  model.meetings[index] = std::move(*edited);
  if (s.same_to_resolve) repoint_undertakings(kept_->site, model, index);
  else kept_->site = resolve(model, {options_.as_of, options_.source_date_epoch}, found);
  shown_ = std::move(s);  // restore() undoes all of it on any failure below
  timer.lap("preview: resolve the site");
  if (found.error_count()) {  // with the rest of the site: an undertaking id taken twice, say
    restore(fs);
    return no(errors_of("the site with this meeting", found));
  }
  std::optional<std::string> html = draw_and_check(fs, index, why_not);
  timer.lap("preview: draw and check");
  if (!html) {
    restore(fs);
    return std::nullopt;
  }

  // Written in place, under the output's lock: no build is writing it now.
  const std::string target = output_target(fs, out_);
  std::string holder, error;
  auto lock = fs.lock(beside_output(target, "lock"), "reportsite watch (a page shown before its rebuild)", &holder, &error);
  const std::string page = paths::meeting(model.meetings[index].id);
  const std::string page_file = join_path(target, page);
  shown_->old_bytes = fs.read(page_file, nullptr);
  if (!lock || !replace_file(fs, page_file, *html)) {
    restore(fs);
    return no(lock ? "the page could not be written" : "another build is writing the output");
  }
  shown_->page_file = page_file;
  return page;
}

std::optional<std::string> EditPreview::draw_and_check(const FileSystem& fs, size_t index, std::string* why_not) {
  auto no = [&](std::string why) -> std::optional<std::string> {
    if (why_not) *why_not = std::move(why);
    return std::nullopt;
  };
  const Model& model = kept_->model;
  Diagnostics found;
  StageTimer timer(options_.timings);
  Theme theme = Theme::load(fs, options_.site_dir, model.site.theme.value, found);
  MarkdownRenderer markdown(glossary_abbreviations(model));
  RenderContext ctx{model, kept_->site, theme, markdown, options_.version};
  timer.lap("preview: theme");
  const std::string page = paths::meeting(model.meetings[index].id);
  // The built-in pages output declares it alone (declaring every page is 0.1 s
  // at 10,000 meetings); another output that draws meeting pages is asked for all of its own.
  std::vector<PageDeclaration> declared;
  for (const auto& output : registry_.outputs) {
    if (output->name() == "pages") declared.push_back(meeting_page_declaration(model, index));
    else
      for (auto& d : output->pages(ctx, found))
        if (d.path == page) declared.push_back(std::move(d));
    if (!declared.empty()) break;
  }
  if (declared.size() != 1) return no("no output declares the meeting's page");
  const std::string template_name = declared[0].template_name;
  timer.lap("preview: declare");
  std::vector<OutputFile> drawn;
  draw_pages(ctx, std::move(declared), drawn, found);
  timer.lap("preview: draw");
  // Each page rule sees the page as a build's first pass would; what needs
  // every page (titles unique, links to ids elsewhere) waits for the rebuild.
  // Its links may name the pages of undertakings it adds, which the rebuild
  // makes: they count as made (and the page is put back if the rebuild fails).
  std::vector<std::string> added;  // taken out again after: files_ is what the kept build published
  for (const auto& it : model.meetings[index].items)
    if (!it.exempt())
      for (const auto& u : it.undertakings)
        if (files_.insert(paths::undertaking(u.id.value)).second) added.push_back(paths::undertaking(u.id.value));
  std::vector<RenderedPage> pages{{page, {}, template_name, nullptr}};
  for (const auto& rule : registry_.page_rules) rule->start(pages, files_)->check(0, drawn[0].bytes, found);
  for (const auto& path : added) files_.erase(path);
  timer.lap("preview: page rules");
  if (found.error_count()) return no(errors_of("the page", found));
  return std::move(drawn[0].bytes);
}

void EditPreview::restore(FileSystem& fs) {
  if (!shown_ || !kept_) return;
  Shown s = std::move(*shown_);
  shown_.reset();
  if (!s.page_file.empty()) {
    if (s.old_bytes) replace_file(fs, s.page_file, *s.old_bytes);
    else fs.remove_all(s.page_file, nullptr);
  }
  Model& model = kept_->model;
  model.sources.set_content(model.meetings[s.meeting].file, std::move(s.old_text));
  model.meetings[s.meeting] = std::move(s.old_meeting);
  Diagnostics ignored;
  if (s.same_to_resolve) repoint_undertakings(kept_->site, model, s.meeting);
  else kept_->site = resolve(model, {options_.as_of, options_.source_date_epoch}, ignored);
}

}  // namespace rs
