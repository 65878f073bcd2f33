#include "reportsite/check/glossary_matcher.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace rs {
namespace {

Text text(std::string s) {
  Text t;
  t.value = std::move(s);
  return t;
}

/// A glossary entry as data/glossary.yaml would give it.
struct Entry {
  GlossaryEntry e;
  explicit Entry(std::string term) { e.term = text(std::move(term)); }
  Entry& abbr(std::string a) {
    e.abbr.value = std::move(a);
    return *this;
  }
  Entry& avoid(const std::vector<std::string>& words) {
    for (const auto& w : words) e.avoid.push_back(text(w));
    return *this;
  }
  Entry& reason(std::string r) {
    e.reason = text(std::move(r));
    return *this;
  }
  Entry& error() {
    e.severity = Severity::error;
    return *this;
  }
  Entry& case_sensitive() {
    e.case_sensitive = true;
    return *this;
  }
  Entry& allow(const std::vector<std::string>& words) {
    for (const auto& w : words) e.allow.push_back({w, {}});
    return *this;
  }
  operator GlossaryEntry() const { return e; }
};

/// FORMAT.md's example glossary, with the abbreviations the seed minutes use.
std::vector<GlossaryEntry> council_glossary() {
  return {
      Entry("Afghan")
          .avoid({"Afghani"})
          .reason("\"Afghani\" is the currency of Afghanistan; a person from Afghanistan is Afghan.")
          .error(),
      Entry("Education, Health and Care Plan")
          .abbr("EHCP")
          .avoid({"Education, Health & Care Package", "Education, Health and Care Package"}),
      Entry("children in need").abbr("CiN"),
      Entry("Ofsted").avoid({"OFSTED"}).case_sensitive(),
      Entry("Local Government and Social Care Ombudsman").abbr("LGSCO"),
      Entry("").allow({"HR", "IT", "CCTV"}),
      Entry("Black and Minority Ethnic").abbr("BME"),
      Entry("Special Educational Needs").abbr("SEN"),
      Entry("Multi-Agency Safeguarding Hub").abbr("MASH"),
      Entry("service level agreement").abbr("SLA"),
  };
}

const GlossaryMatcher& council() {
  static const GlossaryMatcher m(council_glossary());
  return m;
}

/// What a writer would see for each finding: "rule “the words flagged”".
std::vector<std::string> seen(const std::vector<GlossaryFinding>& fs, const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const auto& f : fs)
    out.push_back(f.rule + " " + texts[f.text_index].substr(f.begin, f.end - f.begin));
  return out;
}

std::vector<std::string> seen_page(const GlossaryMatcher& m, const std::vector<std::string>& texts) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  return seen(m.check_page(views), texts);
}

std::vector<std::string> seen_in(const std::string& s, const GlossaryMatcher& m = council()) {
  return seen_page(m, {s});
}

using Seen = std::vector<std::string>;

// The seed minutes' item 7, paragraph by paragraph in reading order (minutes, then each
// question and answer), exactly as published, no-break spaces included.
const std::vector<std::string> kSeedItem = {
    R"(The Committee receive a report of the Interim Corporate Director, People which set out the statutory Children and Families Services Complaints Annual Report for 2017/18.)",
    R"(Following a brief overview of the report, the presenting officers responded to Members questions as follows.)",
    R"(There were 3,990 children who were considered to be children in need (CiN) throughout 2017/18 and their ethnic breakdown was predominantly BME (Black and Minority Ethnic) with just over a quarter being of white ethnicity.  Why was there no data in the report regarding the ethnic breakdown of complainants?  Why did 27% of complainants ‘disagree with social care opinion’?)",
    R"(An officer advised that this data was captured by a different team.  The data in the report related to the number and nature of complaints received and outcomes.  The officers undertook to provide information regarding the ethnic breakdown of complainants in future reports.  He added that the equalities data included in the report demonstrated that the complainants were of various ethnicities.)",
    R"(The Member pointed out that the term ‘Afghani’ referred to the currency of Afghanistan and that the correct term for someone from Afghanistan was Afghan.  This was noted by the officers.)",
    R"(An officer added that Managers, social care staff and the complaints teams continued to work towards a more balanced, open and less defensive approach to complaints, where concerns were recognised and complainants received appropriate, timely responses. Officers were encouraged to reflect on practices and on the outcomes of each complaint and endeavoured to successfully resolve some complaints before they reached stage 1.)",
    R"(Were complaints made about individual social workers tracked to see if there were any patterns emerging?  How was the complaints process signposted to clients? Were written complaints taken more seriously than verbal ones?)",
    R"(An officer advised that complaints against social workers were monitored and confirmed that no single social worker had received multiple complaints.  If any issues relating to practice or performance were highlighted then these would be dealt with through additional training.  Every looked after child was given a complaints leaflet and their carers and advocates could represent them.  Individuals could complain by phone or in writing and no complaints were turned away, even those that may appear trivial in the first instance.)",
    R"(Why had there been an increase Stage 1 complaints?)",
    R"(During 2017/18 there was a slight increase in the number of Stage1 complaints received.  As with previous years, the majority of received transactions (both representations and formal complaints) were via Targeted Services (81%).  There had been no stage 3 complaints and one case had been referred to the Ombudsman under the EHCP (Education, Health & Care Package) process.)",
    R"(How were anonymous complaints dealt with?  At what stage would the team involve other partner agencies such as the police in a case? How were stage 2 complaints dealt with?)",
    R"(An officer advised that some anonymous complaints had been received over the years and these would be investigated and the appropriate safeguarding procedures would be followed.  There was a detailed policy regarding this and the appropriate child protection procedures would be followed and an information sharing meeting with the police would take place quite early on in the process. In accordance with legal requirements, stage 2 complaints were dealt with by an external independent investigator.)",
    R"(A Member stated that she was pleased to see the compliments received by the section.  She asked how SEN (Special Educational Needs) children were assisted to make complaints.)",
    R"(An officer added that the MASH (Multi Agency Safeguarding Hub), which had recently undergone a peer review and an Ofsted review, now had a teacher representative on its board who assisted with communicating information to schools.  Members of the advocacy service had specialist skills in supporting these children and the Council had an SLA with all Harrow schools to provide training to enable them to better manage their complaints process.  The complaints team regularly met with advocacy groups.)",
    R"(A Member asked whether for those complaints that were upheld or partially upheld, had the children in question been exposed to any serious risks?  What did the corporate complaints relate to?  Did other corporate bodies make complaints?)",
    R"(An officer advised that none of the children had been exposed to significant harm.  He added that the corporate complaints process captured any complaints that fell outside the statutory process or where there may be a cross-over of service areas, for example, when someone, who was not the parent or guardian of a child made a complaint on behalf of the child.  In the past, complaints had been received from health partners and there was a separate protocol to deal with these.  He added that a breakdown of the representations would be included in future reports.)",
    R"(That the report be noted.)",
};

TEST_CASE("glossary.avoid names the term to use and the reason") {
  std::string s = "He said he was Afghani.";
  auto fs = council().check_page({s});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "glossary.avoid");
  CHECK(s.substr(fs[0].begin, fs[0].end - fs[0].begin) == "Afghani");
  CHECK(fs[0].severity == Severity::error);
  CHECK(fs[0].replacement == "Afghan");
  CHECK(fs[0].message ==
        "\u201CAfghani\u201D is a word to avoid: use \u201CAfghan\u201D. \"Afghani\" is the currency of "
        "Afghanistan; a person from Afghanistan is Afghan.");
  CHECK(seen_in("He said he was Afghan.").empty());
  CHECK(seen_in("He had lived in Afghanistan.").empty());  // whole words only
}

TEST_CASE("glossary.avoid: a phrase to avoid that runs into a longer glossary name is part of the name") {
  GlossaryMatcher m({Entry("disabled people").avoid({"the disabled"}),
                     Entry("Disabled Facilities Grant").abbr("DFG")});
  auto rules = [&](std::string s) {
    std::vector<std::string> out;
    for (const auto& f : m.check_page({s})) out.push_back(f.rule + " " + s.substr(f.begin, f.end - f.begin));
    return out;
  };
  CHECK(rules("Take-up of the Disabled Facilities Grant (DFG) was high.").empty());
  CHECK(rules("The scheme helps the disabled to stay at home.") ==
        std::vector<std::string>{"glossary.avoid the disabled"});
  CHECK(rules("Grants for the disabled rose; the Disabled Facilities Grant (DFG) fell.") ==
        std::vector<std::string>{"glossary.avoid the disabled"});
}

TEST_CASE("glossary.avoid is a warning unless the entry says otherwise") {
  auto fs = council().check_page({"an Education, Health and Care Package"});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].severity == Severity::warning);
  CHECK(fs[0].message.find("is a phrase to avoid: use \u201CEducation, Health and Care Plan\u201D.") !=
        std::string::npos);
}

TEST_CASE("a phrase matches across a line break and repeated spaces") {
  CHECK(seen_in("an Education, Health and\n    Care   Package was agreed") ==
        Seen{"glossary.avoid Education, Health and\n    Care   Package"});
  CHECK(seen_in("Health and Care Package") == Seen{});
  // A full stop or a paragraph break between the words ends the phrase.
  CHECK(seen_in("Education, Health and. Care Package") == Seen{});
  CHECK(seen_in("Education, Health and\n\nCare Package") == Seen{});
}

TEST_CASE("& and `and` are the same word") {
  CHECK(seen_in("an Education, Health and Care Package") ==
        Seen{"glossary.avoid Education, Health and Care Package"});
  CHECK(seen_in("an Education, Health & Care Package") ==
        Seen{"glossary.avoid Education, Health & Care Package"});
  CHECK(seen_in("an Education, Health &amp; Care Package") ==
        Seen{"glossary.avoid Education, Health &amp; Care Package"});
  CHECK(seen_in("an Education, Health & Care Plan").empty());
}

TEST_CASE("a comma inside a phrase is optional") {
  CHECK(seen_in("an Education Health and Care Package") ==
        Seen{"glossary.avoid Education Health and Care Package"});
  CHECK(seen_in("an Education; Health and Care Package").empty());
}

TEST_CASE("the plural of a word to avoid is flagged, and the fix is plural too") {
  std::string s = "two Afghanis arrived";
  auto fs = council().check_page({s});
  REQUIRE(fs.size() == 1);
  CHECK(s.substr(fs[0].begin, fs[0].end - fs[0].begin) == "Afghanis");
  CHECK(fs[0].replacement == "Afghans");
  CHECK(seen_in("two Afghans arrived").empty());
  CHECK(seen_in("an Afghanistani arrived").empty());
}

TEST_CASE("the possessive of a word to avoid is flagged, with either apostrophe") {
  auto fs = council().check_page({"the Afghani's family"});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].replacement == "Afghan's");
  fs = council().check_page({"the Afghani\u2019s family"});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].replacement == "Afghan\u2019s");
  CHECK(seen_in("the Afghan's family").empty());
  CHECK(seen_in("the Afghan\u2019s family").empty());
}

TEST_CASE("the longest phrase wins, so a correct term containing a wrong word is not flagged") {
  GlossaryMatcher m({Entry("SEN Support"),
                     Entry("special educational needs and disabilities").avoid({"special needs"})});
  CHECK(seen_in("pupils on SEN Support", m).empty());
  CHECK(seen_in("pupils with special needs", m) == Seen{"glossary.avoid special needs"});
  GlossaryMatcher n({Entry("Afghan").avoid({"Afghani"}), Entry("Afghani banknotes")});
  CHECK(seen_in("Afghani banknotes", n).empty());
  CHECK(seen_in("Afghani people", n) == Seen{"glossary.avoid Afghani"});
}

TEST_CASE("case_sensitive entries match only the case written") {
  auto fs = council().check_page({"an OFSTED inspection"});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "glossary.avoid");
  CHECK(fs[0].replacement == "Ofsted");
  CHECK(seen_in("an Ofsted inspection").empty());
  CHECK(seen_in("an ofsted inspection").empty());
  // Other entries ignore case.
  CHECK(seen_in("AFGHANI") == Seen{"glossary.avoid AFGHANI"});
  CHECK(seen_in("afghani") == Seen{"glossary.avoid afghani"});
}

TEST_CASE("code spans and fenced code are not checked") {
  CHECK(seen_in("the word `Afghani` is in the data").empty());
  CHECK(seen_in("``say `Afghani` here``").empty());
  CHECK(seen_in("```\nAfghani\n```\n").empty());
  CHECK(seen_in("`code` then Afghani") == Seen{"glossary.avoid Afghani"});
  CHECK(seen_in("a lone ` backtick then Afghani") == Seen{"glossary.avoid Afghani"});
}

TEST_CASE("URLs, autolinks and e-mail addresses are not checked") {
  CHECK(seen_in("see https://example.org/Afghani-report.") .empty());
  CHECK(seen_in("see <https://example.org/Afghani>").empty());
  CHECK(seen_in("see www.afghani.example").empty());
  CHECK(seen_in("write to afghani@example.org today").empty());
  CHECK(seen_in("<afghani@example.org>").empty());
  CHECK(seen_in("Afghani, see https://example.org/") == Seen{"glossary.avoid Afghani"});
  CHECK(seen_in("EHCP at https://example.org/EHCP") == Seen{"glossary.abbr-undefined EHCP"});
}

TEST_CASE("link targets are not checked, link text is") {
  CHECK(seen_in("[the report](documents/Afghani%20report.pdf)").empty());
  CHECK(seen_in("[the report](https://example.org/(Afghani))").empty());
  CHECK(seen_in("[report]: documents/Afghani.pdf").empty());
  CHECK(seen_in("[Afghani report](documents/report.pdf)") == Seen{"glossary.avoid Afghani"});
}

TEST_CASE("a word to avoid alone in quotation marks is a mention, a longer quotation is checked") {
  CHECK(seen_in("the term \u2018Afghani\u2019 refers to the currency").empty());
  CHECK(seen_in("the term \u201CAfghani\u201D refers to the currency").empty());
  CHECK(seen_in("the term \"Afghani\" refers to the currency").empty());
  CHECK(seen_in("the term 'Afghani' refers to the currency").empty());
  CHECK(seen_in("the term \u2018Afghani,\u2019 as written").empty());
  CHECK(seen_in("she said \u2018the Afghani family\u2019") == Seen{"glossary.avoid Afghani"});
  CHECK(seen_in("she said \"Afghani people\"") == Seen{"glossary.avoid Afghani"});
  CHECK(seen_in("\u2018Afghani people") == Seen{"glossary.avoid Afghani"});
}

TEST_CASE("abbr-unknown finds capitalised abbreviations with no entry") {
  CHECK(seen_in("The DfE agreed.") == Seen{"glossary.abbr-unknown DfE"});
  CHECK(seen_in("The QZRT: the report was noted.") == Seen{"glossary.abbr-unknown QZRT"});
  CHECK(seen_in("RESOLVED: That the report be noted.").empty());  // an English word, by the word list
  CHECK(seen_in("Two PCNs and the PCN's practice.") == Seen{"glossary.abbr-unknown PCN"});  // once a page
  CHECK(seen_in("The HR team checked the IT and the CCTV.").empty());           // allowed
  CHECK(seen_in("Councillor McDonald used PowerPoint in Harrow.").empty());      // names, not abbreviations
  CHECK(seen_in("A Member asked. I agreed.").empty());                          // single capitals
  CHECK(seen_in("`NHS` and https://NHS.example").empty());
}

TEST_CASE("abbr-unknown suggests a known abbreviation that is close") {
  auto fs = council().check_page({"the CIN figures"});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "glossary.abbr-unknown");
  CHECK(fs[0].message.find("did you mean \u201CCiN\u201D?") != std::string::npos);
}

TEST_CASE("UK postcodes are not abbreviations") {
  CHECK(seen_in("Civic Centre, Station Road, Harrow HA1 2XY").empty());
  CHECK(seen_in("Write to SW1A 1AA or EC1A 1BB.").empty());
  CHECK(seen_in("XYZ 2AB") == Seen{"glossary.abbr-unknown XYZ"});  // 2AB has a digit: a code
  CHECK(seen_in("the KS2 results").empty());
}

TEST_CASE("Roman numerals are not abbreviations") {
  CHECK(seen_in("Part II of Schedule XII, chapter IV, paragraph MCMXCIX").empty());
  CHECK(seen_in("an LCD screen") == Seen{"glossary.abbr-unknown LCD"});  // not a numeral as written
  CHECK(seen_in("the IIII fund") == Seen{"glossary.abbr-unknown IIII"});
}

TEST_CASE("abbr-undefined: an abbreviation used before it is spelt out on the page") {
  std::vector<std::string> page = {"The SLA was signed.", "The service level agreement (SLA) covers schools."};
  std::vector<std::string_view> views(page.begin(), page.end());
  auto fs = council().check_page(views);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "glossary.abbr-undefined");
  CHECK(fs[0].text_index == 0);
  CHECK(page[0].substr(fs[0].begin, fs[0].end - fs[0].begin) == "SLA");
  CHECK(fs[0].replacement == "service level agreement (SLA)");
  CHECK(fs[0].message ==
        "\u201CSLA\u201D is used before it is spelt out on this page: at its first use write "
        "\u201Cservice level agreement (SLA)\u201D.");
  // Spelt out first, later uses on the page (in any text) are fine.
  CHECK(seen_page(council(), {"The service level agreement (SLA) covers schools.", "The SLA was signed."})
            .empty());
  // Reported once a page, not at every use.
  CHECK(seen_in("The SLA and the SLA again.") == Seen{"glossary.abbr-undefined SLA"});
  // Each page starts afresh.
  CHECK(seen_in("The SLA.") == Seen{"glossary.abbr-undefined SLA"});
}

TEST_CASE("an abbreviation may be spelt out in either order") {
  CHECK(seen_in("children in need (CiN) and later CiN").empty());
  CHECK(seen_in("CiN (children in need) and later CiN").empty());
  CHECK(seen_in("Children in Need (CiN)").empty());
  CHECK(seen_in("the EHCPs (Education, Health and Care Plans) and EHCP's").empty());
  CHECK(seen_in("CiN, children in need") == Seen{"glossary.abbr-undefined CiN"});
}

TEST_CASE("abbr-mismatch: spelt out differently from the glossary") {
  std::string s = "under the EHCP (Education, Health & Care Package) process; the EHCP";
  auto fs = council().check_page({s});
  REQUIRE(fs.size() == 1);  // not also glossary.avoid, nor abbr-undefined
  CHECK(fs[0].rule == "glossary.abbr-mismatch");
  CHECK(s.substr(fs[0].begin, fs[0].end - fs[0].begin) == "Education, Health & Care Package");
  CHECK(fs[0].replacement == "Education, Health and Care Plan");
  CHECK(fs[0].message ==
        "\u201CEHCP\u201D is spelt out here as \u201CEducation, Health & Care Package\u201D, but the "
        "glossary spells it \u201CEducation, Health and Care Plan\u201D.");
  CHECK(seen_in("Education, Health and Care Package (EHCP)") ==
        Seen{"glossary.abbr-mismatch Education, Health and Care Package"});
  // Words not in the glossary, whose initials spell the abbreviation.
  // These are judged on the words alone, so the finding marks the abbreviation.
  CHECK(seen_in("the LGSCO (Local Government Social Care Ombudsman)") == Seen{"glossary.abbr-mismatch LGSCO"});
  CHECK(seen_in("the Local Government Social Care Ombudsman (LGSCO)") == Seen{"glossary.abbr-mismatch LGSCO"});
  // & is and: the same spelling.
  CHECK(seen_in("EHCP (Education, Health & Care Plan)").empty());
  CHECK(seen_in("Education Health & Care Plan (EHCP)").empty());
  // A parenthesis that is not a spelling-out is just a use.
  CHECK(seen_in("the SLA (see appendix 3)") == Seen{"glossary.abbr-undefined SLA"});
}

TEST_CASE("a hyphen and a space between words are the same gap") {
  CHECK(seen_in("the MASH (Multi Agency Safeguarding Hub)").empty());
  CHECK(seen_in("the MASH (Multi-Agency Safeguarding Hub)").empty());
}

TEST_CASE("suppression markers are not read as prose") {
  CHECK(seen_in("<!-- allow glossary.avoid: quoting Afghani's letter, RESOLVED --> the Afghani") ==
        Seen{"glossary.avoid Afghani"});
}

TEST_CASE("the seed minutes, as one page") {
  std::vector<std::string> page = kSeedItem;
  auto fs = seen_page(council(), page);
  CHECK(fs == Seen{"glossary.abbr-mismatch Education, Health & Care Package",
                   "glossary.abbr-undefined SLA"});
  // The member's point about ‘Afghani’ quotes the word: a mention, not a use.
  std::vector<std::string_view> views(page.begin(), page.end());
  for (const auto& f : council().check_page(views)) CHECK(f.rule != "glossary.avoid");
}

TEST_CASE("expansion_of gives a known abbreviation's term") {
  CHECK(council().expansion_of("CiN") == "children in need");
  CHECK(council().expansion_of("EHCP") == "Education, Health and Care Plan");
  CHECK(council().expansion_of("CIN") == "");
  CHECK(council().expansion_of("XYZ") == "");
}

TEST_CASE("find reports every phrase with its kind") {
  auto ms = council().find("children in need (CiN) are not Afghani");
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].kind == PhraseKind::term);
  CHECK(ms[1].kind == PhraseKind::abbr);
  CHECK(ms[2].kind == PhraseKind::avoid);
  CHECK(ms[2].entry == 0);
}

TEST_CASE("failing_examples: good examples must pass and bad ones must be flagged") {
  auto g = council_glossary();
  g[0].examples.good = {text("He is Afghan."), text("The term \u2018Afghani\u2019 is a currency.")};
  g[0].examples.bad = {text("He is Afghani.")};
  g[1].examples.bad = {text("EHCP (Education, Health & Care Package)")};
  g[1].examples.good = {text("EHCP (Education, Health & Care Plan)")};
  CHECK(failing_examples(g, GlossaryMatcher(g)).empty());

  g[0].examples.good = {text("He is Afghani.")};
  g[0].examples.bad = {text("He is Afghan.")};
  auto failures = failing_examples(g, GlossaryMatcher(g));
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].entry == 0);
  CHECK(failures[0].message.find("the good example \u201CHe is Afghani.\u201D is flagged [glossary.avoid]") == 0);
  CHECK(failures[1].message.find("the bad example \u201CHe is Afghan.\u201D is not flagged") == 0);
}

// ---------------------------------------------------------------- issue 12, item 4

/// A glossary like tests/corpus/glossary.yaml: abbreviations made of Roman-numeral
/// letters, terms of three or more words, and a hyphenated allow entry.
const GlossaryMatcher& corpus_like() {
  static const GlossaryMatcher m({
      Entry("Community Infrastructure Levy").abbr("CIL"),
      Entry("Houses in Multiple Occupation").abbr("HMO"),
      Entry("Integrated Care Board").abbr("ICB"),
      Entry("Medium Term Financial Strategy").abbr("MTFS"),
      Entry("Local Government and Social Care Ombudsman").abbr("LGSCO"),
      Entry("Special Educational Needs and Disabilities").abbr("SEND"),
      Entry("Key Performance Indicator").abbr("KPI"),
      Entry("").allow({"COVID-19", "CCTV"}),
  });
  return m;
}

TEST_CASE("shouted titles: an all-capitals run of three or more words is not abbreviations") {
  CHECK(seen_in("MINUTES OF THE PREVIOUS MEETING", corpus_like()).empty());
  CHECK(seen_in("12. REVIEW OF PUBLIC TOILETS \u2013 REPORT OF THE HEAD OF STREET SCENE", corpus_like()).empty());
  CHECK(seen_in("HOUSING REVENUE ACCOUNT BUDGET 2025/26", corpus_like()).empty());
  CHECK(seen_in("REPORT OF THE MTFS WORKING GROUP", corpus_like()).empty());  // a glossary abbreviation inside
  // Must flag: abbreviations outside a run, or a run of only two words.
  CHECK(seen_in("The PSPO and the TRO were advertised.", corpus_like()) ==
        Seen{"glossary.abbr-unknown PSPO", "glossary.abbr-unknown TRO"});
  CHECK(seen_in("The DPIA, JSNA and HRA were noted.", corpus_like()) ==
        Seen{"glossary.abbr-unknown DPIA", "glossary.abbr-unknown JSNA", "glossary.abbr-unknown HRA"});
  CHECK(seen_in("Update on the SEND Improvement Plan", corpus_like()) == Seen{"glossary.abbr-undefined SEND"});
}

TEST_CASE("an in-text definition spells an abbreviation out for the rest of the page") {
  CHECK(seen_in("The Housing Strategy Working Group (HSWG) met; the HSWG\u2019s report followed.", corpus_like()).empty());
  CHECK(seen_in("NNDR (National Non-Domestic Rates) income was on target.", corpus_like()).empty());
  CHECK(seen_in("The Regulation of Investigatory Powers Act 2000 (RIPA) policy; no RIPA use.", corpus_like()).empty());
  CHECK(seen_in("The Cross-Party Climate Group (CPCG) will report.", corpus_like()).empty());
  CHECK(seen_in("Traffic Regulation Orders (TROs) were advertised.", corpus_like()).empty());
  CHECK(seen_page(corpus_like(), {"The Dedicated Schools Grant (DSG) deficit.", "The DSG plan."}).empty());
  // Letters taken in order from within the name's words, not only their initials.
  CHECK(seen_in("The Station Camera Television (SCTV) review; the SCTV cameras.", corpus_like()).empty());
  CHECK(seen_in("South London and Maudsley (SLaM) attended; SLaM would report.", corpus_like()).empty());
  // Must flag: initials that do not match the words, or a definition on another page.
  CHECK(seen_in("The Working Group (XWG) met twice.", corpus_like()) == Seen{"glossary.abbr-unknown XWG"});
  CHECK(seen_in("The Town Centre Board (TCP) was consulted.", corpus_like()) == Seen{"glossary.abbr-unknown TCP"});
  CHECK(seen_in("The HSWG would meet again.", corpus_like()) == Seen{"glossary.abbr-unknown HSWG"});
}

TEST_CASE("a bracket of two or three abbreviations after the name defines each of them") {
  CHECK(seen_in("Plans were in place across the West London Integrated Care System (WL ICS).", corpus_like()).empty());
  CHECK(seen_page(corpus_like(), {"The North Vale Housing Partnership (NV HP) met.", "The NV HP and the HP board."})
            .empty());
  // Must flag: letters that do not spell the words before, a gap inside the bracket, or a use elsewhere.
  CHECK(seen_in("The Western Care System (WL ICS) met.", corpus_like()) ==
        Seen{"glossary.abbr-unknown WL", "glossary.abbr-unknown ICS"});
  CHECK(seen_in("The West London Integrated Care System (WL, ICS) met.", corpus_like()) ==
        Seen{"glossary.abbr-unknown WL", "glossary.abbr-unknown ICS"});
  CHECK(seen_in("Plans across the WL ICS were agreed.", corpus_like()) ==
        Seen{"glossary.abbr-unknown WL", "glossary.abbr-unknown ICS"});
}

TEST_CASE("allow-list entries match inside hyphenated forms") {
  CHECK(seen_in("The COVID inquiry\u2019s findings and post-COVID recovery.", corpus_like()).empty());
  CHECK(seen_in("The CCTV-monitored car park.", corpus_like()).empty());
  CHECK(seen_in("Non-NHS providers and local MPs.", corpus_like()).empty());  // everyday abbreviations
  // Must flag: a part of a hyphenated form that is not allowed.
  CHECK(seen_in("The DWP-led pilot.", corpus_like()) == Seen{"glossary.abbr-unknown DWP"});
}

TEST_CASE("tokens with digits are codes, not abbreviations") {
  CHECK(seen_in("The A14, application LA123/2024, KLW/24/00871, S106, KS2, FY24 and Q3.", corpus_like()).empty());
  CHECK(seen_in("Report reference CAB/2025/017 was withdrawn.", corpus_like()).empty());
  // Must flag: the same letters without digits.
  CHECK(seen_in("The CAB advisers attended.", corpus_like()) == Seen{"glossary.abbr-unknown CAB"});
}

TEST_CASE("spans never include a possessive or a plural s") {
  CHECK(seen_in("The BCF\u2019s future was uncertain.", corpus_like()) == Seen{"glossary.abbr-unknown BCF"});
  CHECK(seen_in("The LADO's annual report.", corpus_like()) == Seen{"glossary.abbr-unknown LADO"});
  CHECK(seen_in("The ICB\u2019s plans.", corpus_like()) == Seen{"glossary.abbr-undefined ICB"});
  CHECK(seen_in("Only two KPIs were red.", corpus_like()) == Seen{"glossary.abbr-undefined KPI"});
  auto fs = corpus_like().check_page({"The ICB\u2019s plans."});
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].replacement.empty());  // a replacement of the bare letters would lose the ending
  // Must not flag: a defined abbreviation's later possessive.
  CHECK(seen_in("The Integrated Care Board (ICB) met, and the ICB\u2019s plan was noted.", corpus_like()).empty());
}

TEST_CASE("Roman numerals only where they number something") {
  CHECK(seen_in("The Committee moved into Part II. Appendix III and Phase II; the building is Grade II* listed.",
                corpus_like())
            .empty());
  CHECK(seen_in("(iv) That the fees be reviewed.\nii) Members noted it.\n(XII) That the Chief Executive sign.",
                corpus_like())
            .empty());
  CHECK(seen_in("Schedule 12A applies.", corpus_like()).empty());
  // Must flag: letters drawn from C, D, I, L, M, V, X that number nothing.
  CHECK(seen_in("The DCM team reported a backlog.", corpus_like()) == Seen{"glossary.abbr-unknown DCM"});
  CHECK(seen_in("The MDC board and the LCC team.", corpus_like()) ==
        Seen{"glossary.abbr-unknown MDC", "glossary.abbr-unknown LCC"});
  CHECK(seen_in("The CIL spending protocol.", corpus_like()) == Seen{"glossary.abbr-undefined CIL"});
  CHECK(seen_in("(MDC) board minutes", corpus_like()) == Seen{"glossary.abbr-unknown MDC"});  // not a list marker
}

TEST_CASE("an expansion reordered or with one word changed is abbr-mismatch, not abbr-undefined") {
  CHECK(seen_in("Licensing of Multiple Occupation Houses (HMO) was discussed.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch HMO"});
  CHECK(seen_in("The Financial Medium Term Strategy (MTFS) was approved.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch MTFS"});
  CHECK(seen_in("The Integrated Care Partnership (ICB) had agreed.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch ICB"});
  CHECK(seen_in("The Key Performance Measure (KPI) was missed.", corpus_like()) == Seen{"glossary.abbr-mismatch KPI"});
  CHECK(seen_in("The ICB (Integrated Care Partnership) had agreed.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch ICB"});
  CHECK(seen_in("The Local Government Ombudsman (LGSCO) upheld it.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch LGSCO"});
  // A word's number changed inside the name, or "and/or" for "and": spelt out otherwise.
  CHECK(seen_in("The Key Performances Indicator (KPI) was missed.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch KPI"});
  CHECK(seen_in("The House in Multiple Occupation (HMO) was licensed.", corpus_like()).empty());
  CHECK(seen_in("The Special Educational Needs and/or Disabilities (SEND) team.", corpus_like()) ==
        Seen{"glossary.abbr-mismatch SEND"});
  // Must not flag: the glossary's words, the last word's number, or a bracket that is no spelling-out.
  CHECK(seen_in("Key Performance Indicators (KPIs) were met.", corpus_like()).empty());
  CHECK(seen_in("The Special Educational Needs and Disability (SEND) strategy.", corpus_like()).empty());
  CHECK(seen_in("The Integrated Care Board (ICB) had agreed.", corpus_like()).empty());
  CHECK(seen_in("Dr Jane Smith (ICB) attended.", corpus_like()) == Seen{"glossary.abbr-undefined ICB"});
}

TEST_CASE("ordinary words in capitals and everyday abbreviations are not flagged") {
  CHECK(seen_in("Councillor Price (LAB) asked; the minutes were APPROVED; officers were NOT able.", corpus_like())
            .empty());
  CHECK(seen_in("A speaker from MIND and UNISON representatives; the NHS\u2019s plan; the CEO; VAT.", corpus_like())
            .empty());
  // Two-word headings in capitals, and a short word shouted in running text.
  CHECK(seen_in("UNRESTRICTED MINUTES", corpus_like()).empty());
  CHECK(seen_in("DEVELOPMENT MANAGEMENT", corpus_like()).empty());
  CHECK(seen_in("Only IF the bid succeeded AND the site was free would it go ahead.", corpus_like()).empty());
  // A person's initials after a title, as in standards cases.
  CHECK(seen_in("Councillor RF and Mr JB were present; Cllr. AK was not.", corpus_like()).empty());
  // Must flag: real initials that are not words.
  CHECK(seen_in("The NEET figure was 3.1 per cent.", corpus_like()) == Seen{"glossary.abbr-unknown NEET"});
}

TEST_CASE("a party's tag in brackets, nem con, MS Teams and OK are not flagged; the same letters elsewhere are") {
  // Must not flag: idioms of minutes.
  CHECK(seen_in("Councillor Ames (LD) and Councillor Cole (SNP) attended on MS Teams; it was OK.", corpus_like())
            .empty());
  CHECK(seen_in("It was agreed NEM CON to proceed.", corpus_like()).empty());
  // Must flag: the letters out of those places.
  CHECK(seen_in("The LD team met.", corpus_like()) == Seen{"glossary.abbr-unknown LD"});
  CHECK(seen_in("The MS service was praised.", corpus_like()) == Seen{"glossary.abbr-unknown MS"});
}

TEST_CASE("a heading in capitals: its words of four letters or more and plurals of listed words are words") {
  // Must not flag: one- and two-word headings of parish minutes, possessives and plurals in capitals.
  for (const char* heading : {"VILLAGE HALL", "NEIGHBOURHOOD PLAN", "LITTER PICK", "CHAIR'S ANNOUNCEMENTS",
                              "CLERK\u2019S REPORT", "EQUALITIES", "ALLOTMENTS"}) {
    CAPTURE(heading);
    CHECK(seen_in(heading, corpus_like()).empty());
  }
  // Must flag: initials in a heading, a short word that is as often initials, and a word of the heading's
  // kind in running text with lower-case words around it.
  CHECK(seen_in("PCSO REPORT", corpus_like()) == Seen{"glossary.abbr-unknown PCSO"});
  CHECK(seen_in("CAB UPDATE", corpus_like()) == Seen{"glossary.abbr-unknown CAB"});
  CHECK(seen_in("The HALL group met.", corpus_like()) == Seen{"glossary.abbr-unknown HALL"});
}

TEST_CASE("a surname in capitals after a title, with or without initials, and a time's AM or PM are not flagged") {
  // Must not flag: names as planning minutes write them, and times of day.
  CHECK(seen_in("Mr JONES spoke against; Cllr A. B. SMITH and Dr K MORRIS replied.", corpus_like()).empty());
  CHECK(seen_in("The meeting began at 10.30 AM and ended at 9 PM.", corpus_like()).empty());
  // Must flag: the same letters where no title or time comes before them.
  CHECK(seen_in("The JONES review was noted.", corpus_like()) == Seen{"glossary.abbr-unknown JONES"});
  CHECK(seen_in("The PM group met.", corpus_like()) == Seen{"glossary.abbr-unknown PM"});
  CHECK(seen_in("Councillor Price said the RTPI view was noted.", corpus_like()) == Seen{"glossary.abbr-unknown RTPI"});
}

TEST_CASE("a line that opens with a given name and a surname in capitals lists a person") {
  // Must not flag: members listed as Scottish minutes list them, alone, before a bracket or a comma.
  CHECK(seen_in("Moira LANG\nFiona McKAY (Vice Chairperson)\nGraeme MUNRO, Chair", corpus_like()).empty());
  // Must flag: the same shape inside a sentence, a short token, or more words after it.
  CHECK(seen_in("The board thanked Moira LANG for her work.", corpus_like()) == Seen{"glossary.abbr-unknown LANG"});
  CHECK(seen_in("Draft HRA (for comment)", corpus_like()) == Seen{"glossary.abbr-unknown HRA"});
  CHECK(seen_in("Housing PSHR review", corpus_like()) == Seen{"glossary.abbr-unknown PSHR"});
  CHECK(seen_in("The DPIA (attached) was noted.", corpus_like()) == Seen{"glossary.abbr-unknown DPIA"});
}

TEST_CASE("the second Roman numeral of a pair or range after a numbered word numbers it too") {
  // Must not flag: "Parts I and II", "Annex II or III".
  CHECK(seen_in("Agreement of Agenda between Parts I and II", corpus_like()).empty());
  CHECK(seen_in("The plans are in Annex II or III.", corpus_like()).empty());
  // Must flag: the same letters joined to no numbered word.
  CHECK(seen_in("The LD and DCM reports were noted.", corpus_like()) ==
        Seen{"glossary.abbr-unknown LD", "glossary.abbr-unknown DCM"});
}

TEST_CASE("a longer word in capitals is known by the compiled-in English word list, a short one is not") {
  // Must not flag: names of programmes that are English words, in no hand list.
  CHECK(seen_in("The THRIVE programme and the FLOURISH partnership were praised.", corpus_like()).empty());
  // Must flag: letters that are no word, and a short word that is as often initials.
  CHECK(seen_in("The QZXRT scheme was noted.", corpus_like()) == Seen{"glossary.abbr-unknown QZXRT"});
  CHECK(seen_in("The PACT meeting was noted.", corpus_like()) == Seen{"glossary.abbr-unknown PACT"});
}

}  // namespace
}  // namespace rs
