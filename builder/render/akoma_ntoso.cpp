// Each meeting's minutes as an Akoma Ntoso 3.0 `debate` (OASIS LegalDocML),
// beside its page: meetings/<id>/<id>.akn.xml. Others can reuse the record as
// data that a schema checks, with every person named once in the references
// and pointed at from what they said. Exempt items are their number, title
// and paragraph only, as on the page.
#include "reportsite/render/akoma_ntoso.h"

#include <map>
#include <optional>
#include <set>

#include "reportsite/core/hash.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/strings.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/render/view.h"
#include "reportsite/render/xml_writer.h"

namespace rs {

namespace {

constexpr const char* kAkomaNtoso = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// An eId: letters, digits, '_' and '-' only, so it is a valid name anywhere.
std::string eid_part(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += keep ? c : '-';
  }
  return out.empty() ? "x" : out;
}

/// Everyone a meeting's record names, each with one eId, in the order first named.
class People {
 public:
  People(const RenderContext& ctx) : ctx_(ctx) {}

  /// The eId for a name as written (a people id or free text); "" for no name.
  std::string ref(const NameRef& name) {
    const std::string& key = name.value;
    if (trim(key).empty()) return "";
    if (auto at = by_key_.find(key); at != by_key_.end()) return at->second;
    const Person* p = ctx_.site.person(key, ctx_.model);
    std::string base = "person_" + eid_part(p ? p->id.value : ascii_lower(key));
    std::string eid = base;
    for (int n = 2; taken_.count(eid); ++n) eid = base + "-" + std::to_string(n);
    taken_.insert(eid);
    by_key_[key] = eid;
    order_.push_back({eid, p ? p->name.value : key, p ? (p->role == PersonRole::officer ? "officer" : "member") : ""});
    return eid;
  }
  /// The name to show for a name as written.
  std::string shown(const NameRef& name) const {
    const Person* p = ctx_.site.person(name.value, ctx_.model);
    return p ? p->name.value : name.value;
  }
  struct Named {
    std::string eid, name, role;
  };
  const std::vector<Named>& all() const { return order_; }

 private:
  const RenderContext& ctx_;
  std::map<std::string, std::string> by_key_;
  std::set<std::string> taken_;
  std::vector<Named> order_;
};

/// The council's part of every FRBR URI: "gb-" and its code.
std::string council_part(const SiteSettings& s) {
  std::string code = s.council_code.value;
  if (code.empty()) {  // a stable default from the organisation's name
    for (char c : ascii_lower(s.organisation.value)) {
      const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word) code += c;
      else if (!code.empty() && code.back() != '-') code += '-';
    }
    while (!code.empty() && code.back() == '-') code.pop_back();
  }
  return "gb-" + (code.empty() ? std::string("council") : code);
}

void paragraphs(XmlWriter& w, const RenderContext& ctx, const std::string& markdown) {
  for (const auto& p : ctx.markdown.plain_paragraphs(markdown)) w.element("p", p);
}

/// A <p> naming people inline: "Members present: " and each as <person>.
void people_line(XmlWriter& w, People& people, const std::string& label, const std::vector<NameRef>& names) {
  if (names.empty()) return;
  w.open("p").text(label + ": ");
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) w.text(", ");
    const std::string eid = people.ref(names[i]);
    w.open("person").attr("refersTo", "#" + eid).attr("as", "#role_attendee").text(people.shown(names[i])).close();
  }
  w.close();
}

/// One spoken part of an exchange: a question or an answer, by whoever spoke.
void speech(XmlWriter& w, const RenderContext& ctx, People& people, const char* kind, const std::string& eid,
            const NameRef& by, const Text& said) {
  std::string who = people.ref(by);
  w.open(kind).attr("eId", eid).attr("by", "#" + (who.empty() ? std::string("role_unnamed") : who));
  w.element("from", who.empty() ? std::string("Unnamed") : people.shown(by));
  paragraphs(w, ctx, said.value);
  if (said.value.empty()) w.element("p", "");
  w.close();
}

void agenda_item(XmlWriter& w, const RenderContext& ctx, People& people, const Item& it, const std::string& to_root) {
  const std::string id = "item_" + eid_part(it.number.value);
  w.open("debateSection").attr("eId", id).attr("name", "agendaItem");
  w.element("num", it.number.value);
  w.element("heading", it.title.value);
  if (it.exempt()) {
    w.element("p", "This item was considered in private. It is exempt from publication under paragraph " +
                       std::to_string(it.exempt_paragraph) + " of Schedule 12A to the Local Government Act 1972.");
    w.close();
    return;
  }
  paragraphs(w, ctx, it.minutes.value);
  if (!it.discussion.empty()) {
    w.open("questions").attr("eId", id + "__qs");
    for (size_t k = 0; k < it.discussion.size(); ++k) {
      const Exchange& ex = it.discussion[k];
      const std::string n = std::to_string(k + 1);
      if (!trim(ex.question.value).empty()) speech(w, ctx, people, "question", id + "__q_" + n, ex.asked_by, ex.question);
      if (!trim(ex.answer.value).empty()) speech(w, ctx, people, "answer", id + "__a_" + n, ex.answered_by, ex.answer);
    }
    w.close();
  }
  if (!it.undertakings.empty()) {
    // Each undertaking links to its entry in the register, where its progress is followed.
    w.open("debateSection").attr("eId", id + "__undertakings").attr("name", "undertakings");
    w.element("heading", "Undertakings");
    for (const auto& u : it.undertakings) {
      w.open("p").attr("eId", id + "__u_" + eid_part(u.id.value));
      w.open("ref").attr("href", to_root + paths::undertaking(u.id.value)).text(u.text.value).close();
      if (std::string owner = people.ref(u.owner); !owner.empty()) {
        w.text(" (owner: ");
        w.open("person").attr("refersTo", "#" + owner).attr("as", "#role_owner").text(people.shown(u.owner)).close();
        w.text(")");
      }
      w.close();
    }
    w.close();
  }
  if (!trim(it.resolved.value).empty()) {
    w.open("resolutions").attr("eId", id + "__resolved");
    w.element("heading", "Resolved");
    paragraphs(w, ctx, it.resolved.value);
    w.close();
  }
  for (const auto& d : it.documents) {
    w.open("p");
    w.open("ref").attr("href", to_root + paths::document(d.file.value)).text(d.title.value).close();
    w.close();
  }
  w.close();
}

}  // namespace

std::string akn_path(const Meeting& m) { return "meetings/" + m.id + "/" + m.id + ".akn.xml"; }

std::string meeting_akn(const RenderContext& ctx, const Meeting& m) {
  const SiteSettings& s = ctx.model.site;
  const std::string to_root = s.base_url.value.empty() ? root_prefix(akn_path(m)) : s.base_url.value;
  const std::string work = "/akn/" + council_part(s) + "/debaterecord/" + m.date.value.iso() + "/" + m.committee.value;
  const std::string expression = work + "/eng@";
  const std::string generated = ctx.site.as_of.iso();

  // Everyone named, first: the references come before the body that points at them.
  People people(ctx);
  for (const auto* list : {&m.attendance.members, &m.attendance.officers, &m.attendance.apologies})
    for (const auto& name : *list) people.ref(name);
  for (const auto& it : m.items) {
    if (it.exempt()) continue;
    for (const auto& ex : it.discussion) {
      if (!trim(ex.question.value).empty()) people.ref(ex.asked_by);
      if (!trim(ex.answer.value).empty()) people.ref(ex.answered_by);
    }
    for (const auto& u : it.undertakings) people.ref(u.owner);
  }

  XmlWriter w;
  w.open("akomaNtoso", kAkomaNtoso);
  w.open("debate").attr("name", "minutes");
  w.open("meta");
  w.open("identification").attr("source", "#reportsite");
  auto frbr = [&](const char* level, const std::string& uri, const std::string& this_value, const char* date_name,
                  const std::string& date, const char* author) {
    w.open(level);
    w.open("FRBRthis").attr("value", this_value).close();
    w.open("FRBRuri").attr("value", uri).close();
    w.open("FRBRdate").attr("date", date).attr("name", date_name).close();
    w.open("FRBRauthor").attr("href", author).close();
  };
  frbr("FRBRWork", work, work + "/!main", "meeting", m.date.value.iso(), "#council");
  w.open("FRBRcountry").attr("value", "gb").close();
  w.close();
  frbr("FRBRExpression", expression, expression + "/!main", "meeting", m.date.value.iso(), "#council");
  w.open("FRBRlanguage").attr("language", "eng").close();
  w.close();
  frbr("FRBRManifestation", expression + "/main.xml", expression + "/main.xml", "generation", generated, "#reportsite");
  w.close();
  w.close();  // identification
  // Draft minutes are not yet the record: say which these are.
  w.open("publication")
      .attr("date", generated)
      .attr("name", m.status == MinutesStatus::confirmed ? "confirmed minutes" : "draft minutes")
      .attr("showAs", m.status == MinutesStatus::confirmed ? "Confirmed minutes" : "Draft minutes, not yet approved")
      .close();
  w.open("references").attr("source", "#reportsite");
  w.open("TLCOrganization").attr("eId", "council").attr("href", "/ontology/organization/" + council_part(s))
      .attr("showAs", s.organisation.value).close();
  w.open("TLCOrganization").attr("eId", "reportsite").attr("href", "/ontology/organization/reportsite")
      .attr("showAs", "reportsite").close();
  w.open("TLCOrganization").attr("eId", "committee").attr("href", "/ontology/organization/" + council_part(s) + "/" +
                                                                    m.committee.value)
      .attr("showAs", committee_name(ctx, m.committee.value)).close();
  for (const auto& p : people.all())
    w.open("TLCPerson").attr("eId", p.eid).attr("href", "/ontology/person/" + council_part(s) + "/" + p.eid.substr(7))
        .attr("showAs", p.name).close();
  for (const char* role : {"attendee", "owner", "unnamed"})
    w.open("TLCRole").attr("eId", std::string("role_") + role).attr("href", std::string("/ontology/role/") + role)
        .attr("showAs", role == std::string("unnamed") ? "A speaker the minutes do not name"
                                                       : role == std::string("owner") ? "Owner of an undertaking"
                                                                                      : "Attendee")
        .close();
  w.close();  // references
  // The terms of reuse, in Dublin Core's words, where the schema leaves room for anyone's vocabulary.
  w.open("proprietary").attr("source", "#reportsite");
  w.open("dcterms:license").attr("xmlns:dcterms", "http://purl.org/dc/terms/").text(s.licence.url).close();
  w.open("dcterms:rights").attr("xmlns:dcterms", "http://purl.org/dc/terms/").text(s.licence.name).close();
  w.close();
  w.close();  // meta
  w.open("debateBody");
  if (!m.attendance.members.empty() || !m.attendance.officers.empty() || !m.attendance.apologies.empty()) {
    w.open("debateSection").attr("eId", "attendance").attr("name", "attendance");
    w.element("heading", "Attendance");
    people_line(w, people, "Members present", m.attendance.members);
    people_line(w, people, "Officers present", m.attendance.officers);
    people_line(w, people, "Apologies", m.attendance.apologies);
    w.close();
  }
  for (const auto& it : m.items) agenda_item(w, ctx, people, it, to_root);
  return w.finish();
}

namespace {

class AkomaNtosoOutput : public OutputKind {
 public:
  std::string name() const override { return "akoma-ntoso"; }
  std::string version() const override { return {}; }
  void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics&) const override {
    // A meeting's document reads its file and the site-wide data below, nothing
    // else: when none changed, the published one is kept instead of redrawn.
    std::optional<ReadHashes> own;
    if (!ctx.reuse) own.emplace(ctx.model, ctx.site, ctx.theme);
    const ReadHashes& hashes = ctx.reuse ? ctx.reuse->hashes() : *own;
    Hasher shared;
    for (const char* key : {"settings", "people", "committees", "glossary", "as-of"}) shared.add(hashes.of(key));
    const uint64_t site_wide = shared.value();
    std::vector<OutputFile> files(ctx.model.meetings.size());
    parallel_for(files.size(), [&](size_t i) {
      const Meeting& m = ctx.model.meetings[i];
      files[i].path = akn_path(m);
      const uint64_t key = Hasher().add(site_wide).add(hashes.of("meeting:" + m.id)).value();
      make_or_keep(ctx, "akn:" + m.id, key, files[i], [&] { return meeting_akn(ctx, m); });
    });
    for (auto& f : files) out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<OutputKind> make_akoma_ntoso_output() { return std::make_unique<AkomaNtosoOutput>(); }

}  // namespace rs
