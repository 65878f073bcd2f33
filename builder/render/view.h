#pragma once
// Model → template data. Templates are named after the page they draw; the
// code that fills them lives here, beside the renderer, not in the model.
#include <string>

#include "links.h"
#include "output.h"
#include "view_data.h"

namespace rs {

/// A page being drawn: its path fixes the links' root prefix, and its
/// AbbrState marks each abbreviation's first use on this page only.
struct PageEnv {
  const RenderContext& ctx;
  std::string path;
  AbbrState abbr;
  Diagnostics& diags;
  uint64_t input_key = 0;  // set by pages that declare their inputs (see page_inputs.h)

  std::string link(const std::string& target) const { return root_prefix(path) + target; }
  std::string prose(const Text& t, int min_heading = 4) { return ctx.markdown.render(t, abbr, &diags, min_heading); }
};

/// {text, href} for a name that may be a people id.
View name_view(PageEnv& env, const NameRef& name);
ViewList names_view(PageEnv& env, const std::vector<NameRef>& names);
/// {label, slug, open} for an undertaking's standing.
View timing_view(Timing t);
/// An undertaking row: id, text, owner, due, state, given (meeting, committee).
View undertaking_view(PageEnv& env, const ResolvedUndertaking& ru);
/// A meeting row: title, href, date, committee.
View meeting_row(PageEnv& env, size_t meeting_index);
std::string meeting_title(const RenderContext& ctx, const Meeting& m);
std::string committee_name(const RenderContext& ctx, const std::string& id);
/// "due 30 November 2019", "due at the next meeting".
std::string due_label(const ResolvedUndertaking& ru);

/// Wrap a page's content in the layout and return the file to write.
OutputFile finish_page(PageEnv& env, const std::string& template_name, const std::string& title, View& data,
                       const std::vector<std::pair<std::string, std::string>>& breadcrumbs);

}  // namespace rs
