#pragma once
// Model → template data. Templates are named after the page they draw; the
// code that fills them lives here, beside the renderer, not in the model.
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <string>
#include <unordered_set>
#include <vector>

#include "reportsite/render/links.h"
#include "reportsite/render/output.h"
#include "reportsite/render/page_reads.h"
#include "reportsite/render/view_data.h"

namespace rs {

/// What a meeting's row in a list shows (the "meeting-summary:<id>" read covers all of it).
struct MeetingSummary {
  std::string id, committee;
  Date date;
  bool draft = false;
  MunicipalYear year;
};

/// A page being prepared. Its path fixes the links' root prefix, and its
/// AbbrState marks each abbreviation's first use on this page only. Pages
/// read the model only through the accessors below, and each records what it
/// read (page_reads.h), so the rebuild layer knows what every page was made
/// from without anyone declaring it.
class PageEnv {
 public:
  PageEnv(const RenderContext& ctx, const ReadHashes& hashes, std::string path, Diagnostics& diags)
      : path(std::move(path)), diags(diags), ctx_(ctx), hashes_(hashes) {
    // Abbreviations link to their glossary entry, but never from the glossary to itself.
    if (this->path != paths::glossary()) abbr.glossary_href = link(paths::glossary());
  }

  const std::string path;
  Diagnostics& diags;
  AbbrState abbr;

  std::string link(const std::string& target) const { return root_prefix(path) + target; }
  /// Markdown as HTML; abbreviations are marked up from the glossary, so this reads it.
  std::string prose(const Text& t, int min_heading = 4);

  // ---- reads: each records its key (in quotes)
  const SiteSettings& settings();                                 // "settings"
  const std::vector<Committee>& committees();                     // "committees"
  std::string committee_name(const std::string& id);              // "committees"
  const Person* person(const std::string& id);                    // "people"
  const std::vector<GlossaryEntry>& glossary();                   // "glossary"
  struct PageLink {
    std::string stem, title;
  };
  std::vector<PageLink> page_links();                             // "pages"
  const Page& page(size_t index);                                 // "page:<stem>"
  size_t meeting_count();                                         // "meetings"
  MeetingSummary meeting_summary(size_t meeting_index);           // "meeting-summary:<id>"
  std::string meeting_title(size_t meeting_index);                // "meeting-summary:<id>", "committees"
  std::optional<size_t> find_meeting(const std::string& id);      // "meeting-summary:<id>"
  /// A committee's meetings in a municipal year, oldest first.
  const std::vector<size_t>& meetings_in(const MunicipalYear& year, const std::string& committee);  // "meetings-in:<year>:<committee>"
  const Meeting& meeting(size_t meeting_index);                   // "meeting:<id>"
  const std::vector<MunicipalYear>& years();                      // "years"
  Date as_of();                                                   // "as-of"
  const ResolvedUndertaking* undertaking(const std::string& id);  // "undertaking:<id>"
  std::vector<const ResolvedUndertaking*> undertakings(const UndertakingQuery& q);  // its key()
  std::vector<const ActionUpdate*> reported_back(size_t meeting_index);           // "reported-back:<id>"
  std::vector<size_t> person_meetings(const std::string& id);                     // "person-meetings:<id>"
  const std::map<std::string, std::vector<size_t>>& series();                     // "series"
  const Report& report(size_t report_index);                                      // "report:<id>"
  const Report* report(const std::string& id);                                    // "report:<id>"
  const std::map<size_t, std::vector<ItemRef>>& report_items();                   // "report-items"
  long long document_size(const std::string& file);                               // "document:<file>"; -1 if none
  /// The version the pages show (part of the builder's identity, not an input).
  const std::string& version() const { return ctx_.version; }

  /// The keys read so far, in the order first read.
  const std::vector<std::string>& reads() const { return reads_; }
  /// Records a key directly (the page drawing layer records the templates).
  void read(const std::string& key);

 private:
  // The keys without an argument, read over and over (every name reads
  // "people"): a bit each, so a repeated read costs no string.
  enum Fixed : unsigned { kSettings, kCommittees, kPeople, kGlossary, kPages, kMeetings, kYears, kAsOf, kSeries, kReportItems };
  void read_fixed(Fixed which, const char* key);

  const RenderContext& ctx_;
  const ReadHashes& hashes_;
  std::vector<std::string> reads_;
  std::unordered_set<std::string> seen_;
  unsigned fixed_seen_ = 0;
};

/// Every named field of `v`'s description (model.h) that is text, an id or a
/// date, as written, under its name in an object `fields` of `d` (a template
/// writes `{{fields.venue}}`): a field added to the description reaches the
/// template with no line here. Its own object, so it never shadows the
/// page's values of the same name, which are shaped for the page.
template <class T>
void set_described(View& out, const T& v) {
  View d;
  // fields() only reads here.
  for_each_named_field(const_cast<T&>(v), [&](const char* name, const auto& value) {
    using F = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_same_v<F, Text> || std::is_same_v<F, Located<std::string>>)
      d.set(name, value.value);
    else if constexpr (std::is_same_v<F, Located<Date>>)
      d.set(name, value.value.iso());
  });
  out.set("fields", std::move(d));
}

/// {text, href} for a name that may be a people id.
View name_view(PageEnv& env, const NameRef& name);
ViewList names_view(PageEnv& env, const std::vector<NameRef>& names);
/// {label, slug, open} for an undertaking's standing.
View timing_view(Timing t);
/// An undertaking row: id, text, owner, due, state, given (meeting, committee).
View undertaking_view(PageEnv& env, const ResolvedUndertaking& ru);
/// A meeting row: title, href, date, committee.
View meeting_row(PageEnv& env, size_t meeting_index);
/// "Audit Committee, 17 October 2018".
std::string meeting_title(const std::string& committee_name, const Meeting& m);
/// The same for outputs that are not pages (feeds, calendars).
std::string meeting_title(const RenderContext& ctx, const Meeting& m);
std::string committee_name(const RenderContext& ctx, const std::string& id);
/// "due 30 November 2019", "due at the next meeting".
std::string due_label(const ResolvedUndertaking& ru);

/// Prepares and draws the declared pages on the worker threads, appending
/// them to `out` in declaration order: a page whose reads all hold what they
/// held last time is reused unprepared, and one whose data came out the same
/// is reused undrawn (ctx.reuse decides both).
/// With a sink (a build that streams its pages), each page goes to it as
/// soon as it is drawn, on the worker thread that drew it.
void draw_pages(const RenderContext& ctx, std::vector<PageDeclaration> pages, std::vector<OutputFile>& out,
                Diagnostics& diags, PageSink* sink = nullptr);

/// One meeting's page as the built-in pages output declares it (pages.cpp),
/// for a caller that needs that page alone (watch's EditPreview).
PageDeclaration meeting_page_declaration(const Model& model, size_t meeting_index);

/// The annual reports' pages: one per series, one per report (report_pages.cpp).
std::vector<PageDeclaration> report_pages(const RenderContext& ctx);

}  // namespace rs
