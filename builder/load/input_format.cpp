// The input format's table (input_format.h). The descriptions are the text of
// the format's reference, docs/input-format.md, which is written from them.
#include "reportsite/load/input_format.h"

#include <cstring>

#include "reportsite/model/licence.h"

namespace rs::input {

namespace {

Value v(Kind k) { return Value{k, nullptr, Kind::text, false, {}}; }
Value obj(const Object& o) { return Value{Kind::object, &o, Kind::text, false, {}}; }
Value list_of(const Object& o) { return Value{Kind::list, &o, Kind::text, false, {}}; }
Value list_of(Kind k, bool one_or_list = false) { return Value{Kind::list, nullptr, k, one_or_list, {}}; }
Value choice(std::vector<std::string> words) { return Value{Kind::choice, nullptr, Kind::text, false, std::move(words)}; }
Value breakdown() { return Value{Kind::breakdown, &breakdown_object(), Kind::text, false, {}}; }

}  // namespace

std::vector<const char*> Object::keys() const {
  std::vector<const char*> out;
  for (const auto& f : fields) out.push_back(f.key);
  return out;
}

const Field* Object::find(const char* key) const {
  for (const auto& f : fields)
    if (std::strcmp(f.key, key) == 0) return &f;
  return nullptr;
}

const Object& plugin_object() {
  static const Object o{
      "a plugin",
      {{"command", v(Kind::value), true, "The command that runs the plugin, from the site folder.",
        "\"python3 plugins/word_count.py\""},
       {"name", v(Kind::id), false,
        "A slug that begins the rule id of every finding the plugin reports; the script's name if left out.",
        "\"word-count\""},
       {"timeout", v(Kind::count), false, "Seconds the plugin may run, 1 to 600; 30 if left out.", "60"},
       {"when", choice({"build", "check", "both"}), false,
        "The commands it runs on: `build`, `check`, or `both` (the default).", "\"build\""},
       {"options", v(Kind::options), false,
        "The plugin's own settings, any mapping: sent to it as `plugin.options` in the document.",
        "{\"max_words\": 400}"}}};
  return o;
}

const Object& licence_object() {
  static const Object o{"licence",
                        {{"name", v(Kind::text), true, "The licence's name.", "\"Harrow Open Data Licence\""},
                         {"url", v(Kind::url), true, "Where the licence is published: an absolute http(s) address.",
                          "\"https://example.gov.uk/licence\""}}};
  return o;
}

const Object& site_object() {
  static const Object o{
      "data/site.yaml",
      {{"title", v(Kind::text), true, "The name of the site, on every page.", "\"Harrow Council committee reports\""},
       {"organisation", v(Kind::text), true, "The council.", "\"London Borough of Harrow\""},
       {"language", v(Kind::language), false, "The language of the pages; `en-GB` if left out.", "\"en-GB\""},
       {"municipal_year_starts", v(Kind::month_day), false,
        "The day the municipal year starts, as month-day; `05-01` (1 May) if left out. Meetings are grouped by "
        "municipal year.",
        "\"05-01\""},
       {"theme", v(Kind::id), false, "Leave as `default`, or leave out.", "\"default\""},
       {"base_url", v(Kind::url), false,
        "The web address the site will have; the feeds, calendars and sitemap use it, printed pages show links' "
        "full addresses with it.",
        "\"https://example.gov.uk/reports/\""},
       {"as_of", v(Kind::date), false,
        "The date undertakings are judged on (due, overdue). Leave it out to use today's date.", "\"2019-12-01\""},
       {"contact", v(Kind::text), false,
        "An e-mail address or web address, shown at the foot of every page for questions.",
        "\"democratic.services@example.gov.uk\""},
       {"keep", list_of(Kind::value), false,
        "Files and folders in the output folder that reportsite did not write and must leave in place; a folder "
        "ends in `/`.",
        "[\"CNAME\", \".well-known/\"]"},
       {"plugins", list_of(plugin_object()), false,
        "Programs of the council's own, run on every build to check the site or add files to it (docs/plugins.md).",
        "[{\"command\": \"python3 plugins/word_count.py\"}]"},
       {"council_code", v(Kind::id), false,
        "The council's short code in the Akoma Ntoso documents' addresses (`/akn/gb-<code>/…`), lower case; from "
        "the organisation's name when left out.",
        "\"hrw\""},
       {"licence", v(Kind::licence), false,
        "The terms others may reuse the site's data on: `OGL-UK-3.0` (the Open Government Licence v3.0, used when "
        "left out), `CC-BY-4.0` or `CC0-1.0`, or a licence of your own as `{name: ..., url: ...}`.",
        "\"OGL-UK-3.0\""}}};
  return o;
}

const Object& committee_object() {
  static const Object o{
      "a committee",
      {{"id", v(Kind::id), true,
        "The committee's id: lower-case letters, digits and hyphens. Meeting files end with it.",
        "\"children-scrutiny\""},
       {"name", v(Kind::text), true, "The committee's name.", "\"Children and Young People Scrutiny Sub-Committee\""},
       {"description", v(Kind::markdown), false, "What the committee does, in Markdown.",
        "\"Reviews the council's services for children, young people and families.\""}}};
  return o;
}

const Object& person_object() {
  static const Object o{
      "a person",
      {{"id", v(Kind::id), true, "The person's id, which a meeting may write wherever it names someone.",
        "\"interim-corporate-director-people\""},
       {"name", v(Kind::text), true, "The name shown; officers are usually named by post.",
        "\"Interim Corporate Director, People\""},
       {"role", choice({"member", "officer"}), false, "`member` (the default) or `officer`.", "\"officer\""}}};
  return o;
}

const Object& glossary_examples_object() {
  static const Object o{"examples",
                        {{"good", list_of(Kind::text, true), false, "Sentences the entry must not flag.",
                          "[\"the Afghan community\"]"},
                         {"bad", list_of(Kind::text, true), false, "Sentences the entry must flag.",
                          "[\"Afghani families\"]"}}};
  return o;
}

const Object& glossary_entry_object() {
  static const Object o{
      "a glossary entry",
      {{"term", v(Kind::text), false, "The words to use.", "\"children in need\""},
       {"abbr", v(Kind::value), false, "Its abbreviation, if it has one.", "\"CiN\""},
       {"avoid", list_of(Kind::text, true), false, "Words or phrases not to use instead.", "[\"Afghani\"]"},
       {"reason", v(Kind::text), false, "Why: shown when a word to avoid is found, and on the glossary page.",
        "\"A person from Afghanistan is Afghan.\""},
       {"severity", choice({"error", "warning"}), false, "`warning` (the default) or `error`. An error stops publication.",
        "\"error\""},
       {"case_sensitive", v(Kind::boolean), false, "`true` when capitals matter (`Ofsted`, not `OFSTED`).", "true"},
       {"allow", list_of(Kind::value), false, "Capitalised words that are not abbreviations, or need no entry.",
        "[\"RESOLVED\", \"Sub-Committee\"]"},
       {"examples", obj(glossary_examples_object()), false,
        "Sentences that prove the entry works: `good` must not be flagged, `bad` must be.",
        "{\"good\": [\"the Afghan community\"], \"bad\": [\"Afghani families\"]}"}}};
  return o;
}

// The five below are described in model/model.h as well; a unit test holds the keys equal.
const Object& exchange_object() {
  static const Object o{
      "a discussion exchange",
      {{"asked_by", v(Kind::text), false, "Who asked: free text or a people id.",
        "\"A Member\""},
       {"question", v(Kind::markdown), false, "The question, in Markdown.",
        "\"Why was there no data on the ethnic breakdown of complainants?\""},
       {"answered_by", v(Kind::text), false, "Who answered: free text or a people id.", "\"An officer\""},
       {"answer", v(Kind::markdown), false, "The answer, in Markdown.", "\"The data was held by a different team.\""},
       {"undertakings", list_of(Kind::id, true), false,
        "The ids of the undertakings given in this exchange, so the page shows them beside the answer.",
        "[\"ethnicity-breakdown\"]"}}};
  return o;
}

const Object& undertaking_object() {
  static const Object o{
      "an undertaking",
      {{"id", v(Kind::id), true, "A new id, not used anywhere else on the site.", "\"ethnicity-breakdown\""},
       {"text", v(Kind::text), true, "What will be done, as a short sentence starting with a verb.",
        "\"Provide the ethnic breakdown of complainants in future complaints reports.\""},
       {"owner", v(Kind::text), true, "Who is responsible: free text or a people id.",
        "\"interim-corporate-director-people\""},
       {"due", v(Kind::due), false, "When it is due: a date, `next-report` or `next-meeting`. Always give one.",
        "\"next-report\""},
       {"requested_by", v(Kind::text), false, "Who asked for it: free text or a people id.", "\"A Member\""}}};
  return o;
}

const Object& document_object() {
  static const Object o{
      "a document",
      {{"title", v(Kind::text), true, "The document's title, as the link's text.", "\"Complaints annual report 2017/18\""},
       {"file", v(Kind::value), true, "The file, relative to content/.", "\"documents/2018/complaints-2017-18.pdf\""}}};
  return o;
}

const Object& item_object() {
  static const Object o{
      "an agenda item",
      {{"number", v(Kind::value), true, "The item's number, in quotes: `\"7\"`, `\"7a\"`. Each number once per meeting.",
        "\"7\""},
       {"title", v(Kind::text), true, "The item's title as on the agenda.",
        "\"Children and Families Services Complaints Annual Report 2017/18\""},
       {"report_of", v(Kind::text), false, "Whose report it was: free text or a people id.",
        "\"Interim Corporate Director, People\""},
       {"report", v(Kind::id), false, "The id of the annual complaint summary this item considered.",
        "\"children-complaints-2017-18\""},
       {"minutes", v(Kind::markdown), false, "The narrative, in Markdown (use `|`).",
        "\"The Committee received a report of the Interim Corporate Director, People.\""},
       {"discussion", list_of(exchange_object()), false, "The questions and answers, in the order spoken.",
        "[{\"asked_by\": \"A Member\", \"question\": \"Why?\", \"answered_by\": \"An officer\", \"answer\": \"Because.\"}]"},
       {"undertakings", list_of(undertaking_object()), false, "What officers promised to do.",
        "[{\"id\": \"ethnicity-breakdown\", \"text\": \"Provide the ethnic breakdown.\", \"owner\": \"An officer\", "
        "\"due\": \"next-report\"}]"},
       {"resolved", v(Kind::markdown), false, "The decision, in Markdown.", "\"That the report be noted.\""},
       {"documents", list_of(document_object()), false, "Supporting documents, under content/documents/.",
        "[{\"title\": \"The report\", \"file\": \"documents/2018/report.pdf\"}]"},
       {"exempt", v(Kind::exempt), false,
        "`false` (the default), or the paragraph number 1 to 7 of Schedule 12A to the Local Government Act 1972 "
        "under which the item is exempt: only its number, title and paragraph are ever published.",
        "1"}}};
  return o;
}

const Object& attendance_object() {
  static const Object o{"attendance",
                        {{"members", list_of(Kind::text), false, "The members present: names or people ids.",
                          "[\"Councillor Alex Example\"]"},
                         {"officers", list_of(Kind::text), false, "The officers present: names or people ids.",
                          "[\"interim-corporate-director-people\"]"},
                         {"apologies", list_of(Kind::text), false, "Apologies for absence: names or people ids.",
                          "[\"Councillor Jo Placeholder\"]"}}};
  return o;
}

const Object& meeting_object() {
  static const Object o{
      "a meeting",
      {{"committee", v(Kind::id), true,
        "The committee's id from data/committees.yaml. It must be the same as the end of the file name.",
        "\"children-scrutiny\""},
       {"date", v(Kind::date), true,
        "The date of the meeting. It must be the same as the start of the file name, and the file must be in that "
        "year's folder.",
        "\"2018-10-17\""},
       {"time", v(Kind::text), false, "When it began, in quotes.", "\"19:30\""},
       {"venue", v(Kind::text), false, "Where it was held.", "\"Committee Room 1, Harrow Civic Centre\""},
       {"status", choice({"draft", "confirmed"}), false,
        "`draft` (the default) until the committee approves the minutes, then `confirmed`. Draft minutes carry a "
        "banner on their page.",
        "\"confirmed\""},
       {"attendance", obj(attendance_object()), false,
        "`members`, `officers` and `apologies`, each a list of names or people ids.",
        "{\"members\": [\"Councillor Alex Example\"], \"officers\": [], \"apologies\": []}"},
       {"items", list_of(item_object()), true, "The agenda items, in agenda order, at least one.",
        "[{\"number\": \"1\", \"title\": \"Apologies for absence\"}]"}}};
  return o;
}

const Object& action_object() {
  static const Object o{
      "an action point",
      {{"undertaking", v(Kind::id), true, "The undertaking's id.", "\"ethnicity-breakdown\""},
       {"date", v(Kind::date), true, "The date of the update; not before the undertaking was given.", "\"2019-10-16\""},
       {"status", choice({"open", "in-progress", "on-hold", "completed", "withdrawn"}), true,
        "The undertaking's state from this date.", "\"completed\""},
       {"note", v(Kind::markdown), false, "What happened, in Markdown.",
        "\"The 2018/19 report includes the ethnic breakdown of complainants.\""},
       {"meeting", v(Kind::id), false, "The id of the meeting where the progress was reported.",
        "\"2019-10-16-children-scrutiny\""}}};
  return o;
}

const Object& period_object() {
  static const Object o{"period",
                        {{"from", v(Kind::date), true, "The first day the report covers.", "\"2017-04-01\""},
                         {"to", v(Kind::date), true, "The last day the report covers.", "\"2018-03-31\""}}};
  return o;
}

const Object& context_figure_object() {
  static const Object o{"a context figure",
                        {{"label", v(Kind::text), true, "What is counted.", "\"Children in need\""},
                         {"value", v(Kind::count), true, "The figure, a whole number.", "3990"}}};
  return o;
}

const Object& stage_object() {
  static const Object o{
      "a stage",
      {{"name", v(Kind::text), true, "The stage's name, free text.", "\"Stage 1 (local resolution)\""},
       {"received", v(Kind::count), false, "Complaints received at this stage.", "142"},
       {"upheld", v(Kind::count), false, "Complaints upheld.", "20"},
       {"partly_upheld", v(Kind::count), false, "Complaints partly upheld.", "31"},
       {"not_upheld", v(Kind::count), false, "Complaints not upheld.", "80"},
       {"withdrawn", v(Kind::count), false, "Complaints withdrawn.", "11"},
       {"in_time_percent", v(Kind::percent), false, "The percentage answered in time, 0 to 100.", "78"}}};
  return o;
}

const Object& ombudsman_object() {
  static const Object o{"ombudsman",
                        {{"referred", v(Kind::count), false, "Complaints referred to the Ombudsman.", "1"},
                         {"upheld", v(Kind::count), false, "Complaints the Ombudsman upheld.", "0"}}};
  return o;
}

const Object& breakdown_entry_object() {
  static const Object o{"a breakdown entry",
                        {{"label", v(Kind::text), true, "What the entry counts.", "\"Targeted Services\""},
                         {"count", v(Kind::count), false, "A count; give a count or a percent.", "38"},
                         {"percent", v(Kind::percent), false, "A percentage, 0 to 100.", "81"}}};
  return o;
}

const Object& breakdown_object() {
  static const Object o{
      "a breakdown",
      {{"complete", v(Kind::boolean), false,
        "`true` when the entries cover everything, so the check makes sure the percentages add up to 100.", "true"},
       {"entries", list_of(breakdown_entry_object()), true, "The entries, each a `label` with a `count` or a `percent`.",
        "[{\"label\": \"Targeted Services\", \"percent\": 77}]"}}};
  return o;
}

const Object& report_object() {
  static const Object o{
      "a report",
      {{"series", v(Kind::id), true, "The same as the folder name.", "\"children-complaints\""},
       {"title", v(Kind::text), true, "The report's title.",
        "\"Children and Families Services Complaints Annual Report 2017/18\""},
       {"period", obj(period_object()), true, "`{from: DATE, to: DATE}`; it must start in the file's first year.",
        "{\"from\": \"2017-04-01\", \"to\": \"2018-03-31\"}"},
       {"context", list_of(context_figure_object()), false,
        "Figures that set the scene: a list of `{label: ..., value: NUMBER}`.",
        "[{\"label\": \"Children in need\", \"value\": 3990}]"},
       {"stages", list_of(stage_object()), false, "The complaint stages, in order.",
        "[{\"name\": \"Stage 1 (local resolution)\", \"received\": 142}]"},
       {"ombudsman", obj(ombudsman_object()), false, "`{referred: NUMBER, upheld: NUMBER}`.",
        "{\"referred\": 1, \"upheld\": 0}"},
       {"representations", v(Kind::count), false, "Representations received, a count.", "310"},
       {"compliments", v(Kind::count), false, "Compliments received, a count.", "64"},
       {"by_service", breakdown(), false, "A breakdown by service.", "[{\"label\": \"Targeted Services\", \"percent\": 81}]"},
       {"by_reason", breakdown(), false, "A breakdown by reason.",
        "[{\"label\": \"Communication\", \"percent\": 20}]"},
       {"equalities", Value{Kind::named, &breakdown_object(), Kind::text, false, {}}, false,
        "Named breakdowns, e.g. `ethnicity:` followed by a breakdown.",
        "{\"ethnicity\": [{\"label\": \"White British\", \"count\": 31}]}"},
       {"notes", v(Kind::markdown), false, "Where the figures come from, anything a reader should know, in Markdown.",
        "\"Figures are illustrative.\""}}};
  return o;
}

const Object& page_object() {
  static const Object o{"a page's front matter",
                        {{"title", v(Kind::text), true, "The page's title.", "\"About these pages\""},
                         {"order", v(Kind::count), false, "Where the page comes among the free pages, lowest first.",
                          "1"}}};
  return o;
}

const std::vector<FileKind>& file_kinds() {
  static const std::vector<FileKind> kinds = {
      {"site", "Site settings", "data/site.yaml", "The site's settings.", obj(site_object())},
      {"committees", "Committees", "data/committees.yaml", "The committees, a list.", list_of(committee_object())},
      {"people", "People", "data/people.yaml", "Members and officer posts, a list (optional).",
       list_of(person_object())},
      {"glossary", "Glossary", "data/glossary.yaml", "Terms, abbreviations and words to avoid, a list.",
       list_of(glossary_entry_object())},
      {"meeting", "A meeting", "content/meetings/**/*.yaml",
       "One meeting: content/meetings/<YYYY>/<YYYY-MM-DD>-<committee>.yaml.", obj(meeting_object())},
      {"report", "An annual complaints summary", "content/reports/**/*.yaml",
       "One year of a report series: content/reports/<series>/<YYYY-YY>.yaml.", obj(report_object())},
      {"actions", "Action points", "content/actions/*.yaml", "Progress on undertakings, a list of updates.",
       list_of(action_object())},
      {"page", "A free page's front matter", "content/pages/*.md",
       "The YAML between the two `---` lines at the top of a page in content/pages/.", obj(page_object())},
  };
  return kinds;
}

std::vector<const Object*> all_objects() {
  std::vector<const Object*> out;
  auto add = [&](auto& self, const Object* o) -> void {
    for (const Object* seen : out)
      if (seen == o) return;
    out.push_back(o);
    for (const auto& f : o->fields) {
      if (f.value.object) self(self, f.value.object);
      if (f.value.kind == Kind::licence) self(self, &licence_object());
    }
  };
  for (const auto& k : file_kinds())
    if (k.root.object) add(add, k.root.object);
  return out;
}

}  // namespace rs::input
