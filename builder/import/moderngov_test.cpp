#include "reportsite/import/moderngov.h"

#include <doctest/doctest.h>

#include "reportsite/import/minutes_text.h"
#include "reportsite/import/xml_input.h"

using namespace rs;
using namespace rs::moderngov;

TEST_CASE("moderngov: dates and times as the service writes them") {
  CHECK(parse_uk_date("10/06/2025")->iso() == "2025-06-10");
  CHECK(parse_uk_date(" 1/2/2025 ")->iso() == "2025-02-01");
  CHECK_FALSE(parse_uk_date("2025-06-10"));
  CHECK_FALSE(parse_uk_date("31/02/2025"));
  CHECK(time_24h("10.00 am") == "10:00");
  CHECK(time_24h("6.30 pm") == "18:30");
  CHECK(time_24h("12.15 pm") == "12:15");
  CHECK(time_24h("12.15 am") == "00:15");
  CHECK(time_24h("7 pm") == "19:00");
  CHECK(time_24h("19:30") == "19:30");
  CHECK_FALSE(time_24h("13.00 pm"));
  CHECK_FALSE(time_24h("after the previous meeting"));
}

TEST_CASE("moderngov: titles unescaped as often as they were escaped") {
  CHECK(unescape_title("Audit &amp;amp; Governance") == "Audit & Governance");
  CHECK(unescape_title("Fraud &amp; Error") == "Fraud & Error");
  CHECK(unescape_title("Plain") == "Plain");
  CHECK(unescape_title("  Two\n lines ") == "Two lines");
}

TEST_CASE("moderngov: Word's HTML as paragraphs of Markdown") {
  const std::string html =
      "<div class=\"WordSection1\"><p class=\"MsoNormal\"><b>3.1</b> The Committee considered the\nreport.<o:p></o:p></p>"
      "<p class=\"MsoListParagraphCxSpFirst\"><![if !supportLists]><span style=\"font-family:Symbol\">\xC2\xB7"
      "<span>&nbsp;&nbsp; </span></span><![endif]>first point;</p>"
      "<p class=\"MsoListParagraphCxSpLast\"><![if !supportLists]>\xC2\xB7&nbsp;<![endif]>second point.</p>"
      "<p class=\"MsoNormal\">&nbsp;</p><p>1. A typed number</p><p>- a dash, # a hash, a &lt;b&gt;tag&lt;/b&gt; and &amp;copy;</p>"
      "<script>alert(1)</script></div>";
  auto ps = html_to_paragraphs(html);
  REQUIRE(ps.size() == 5);
  CHECK(ps[0] == "3.1 The Committee considered the report.");
  CHECK(ps[1] == "- first point;");
  CHECK(ps[2] == "- second point.");
  CHECK(ps[3] == "1\\. A typed number");
  CHECK(ps[4] == "\\- a dash, # a hash, a \\<b\\>tag\\</b\\> and \\&copy;");
  // A run of bullets is one list; other paragraphs are apart.
  CHECK(html_to_paragraphs("<p>one\xE2\x80\xA8two\xC2\x85three</p>") == std::vector<std::string>{"one two three"});
  CHECK(paragraphs_markdown(html_paragraphs(html)).find("- first point;\n- second point.\n\n1\\.") != std::string::npos);
}

TEST_CASE("moderngov: a decision paragraph, with or without its typed label") {
  std::string rest;
  CHECK(resolved_paragraph("RESOLVED: That the report be noted.", &rest));
  CHECK(rest == "That the report be noted.");
  CHECK(resolved_paragraph("8.4 RESOLVED - That the plan be approved.", &rest));
  CHECK(rest == "That the plan be approved.");
  CHECK(resolved_paragraph("Resolved: that it be noted.", &rest));
  CHECK_FALSE(resolved_paragraph("Resolved to look again at the figures.", &rest));
  CHECK_FALSE(resolved_paragraph("It was RESOLVED that the item be deferred.", &rest));
  CHECK(label_paragraph("(a) the plan would be kept under review"));
  CHECK_FALSE(label_paragraph("The plan (a) was kept"));
}

TEST_CASE("moderngov: Schedule 12A paragraphs named in prose") {
  CHECK(exempt_paragraphs("exempt information as defined in paragraph 3 of Part 1 of Schedule 12A") == std::set<int>{3});
  CHECK(exempt_paragraphs("by virtue of paragraphs 1 and 3 of Part 1 of Schedule 12A") == std::set<int>{1, 3});
  CHECK(exempt_paragraphs("Paragraphs 1, 2 & 4 of Schedule 12A") == std::set<int>{1, 2, 4});
  CHECK(exempt_paragraphs("see paragraph 3 of the report").empty());  // no Schedule 12A: not an exemption
}

TEST_CASE("moderngov: hostile responses are refused with the place and the reason") {
  std::vector<std::string> why;
  CHECK_FALSE(parse_response("a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", &why));
  REQUIRE(why.size() == 1);
  CHECK(why[0].rfind("a.xml:2:1: error: the file has a DOCTYPE", 0) == 0);
  why.clear();
  CHECK_FALSE(parse_response("b.xml", "<x>\n<y>\xC3\x28</y></x>", &why));
  REQUIRE(why.size() == 1);
  CHECK(why[0] == "b.xml:2:4: error: the file is not valid UTF-8 (byte 7) [import.encoding]");
  why.clear();
  CHECK_FALSE(parse_response("c.xml", "<x><y></x>", &why));
  REQUIRE(why.size() == 1);
  CHECK(why[0].find("[import.xml]") != std::string::npos);
  why.clear();
  CHECK(parse_response("d.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><x><y>ok &amp;amp; fine</y></x>", &why));
  CHECK(why.empty());
  CHECK(invalid_utf8_at("\xED\xA0\x80") == 0);   // a surrogate
  CHECK(invalid_utf8_at("\xC0\xAF") == 0);       // overlong
  CHECK(invalid_utf8_at("caf\xC3\xA9") == std::string::npos);
}

namespace {

// One committee, two meetings: the later approves the earlier's minutes.
void add_responses(MemoryFileSystem& fs) {
  fs.files["in/GetCommittees.xml"] =
      "<committees><committee><committeeid>1</committeeid><committeetitle>Cabinet</committeetitle>"
      "<committeedeleted>False</committeedeleted></committee></committees>";
  fs.files["in/GetMeetings-1.xml"] =
      "<getmeetings><committee><committeeid>1</committeeid><committeemeetings>"
      "<meeting><meetingid>10</meetingid><meetingdate>05/03/2025</meetingdate><meetingstatus>Confirmed</meetingstatus></meeting>"
      "<meeting><meetingid>11</meetingid><meetingdate>02/04/2025</meetingdate><meetingstatus>Confirmed</meetingstatus></meeting>"
      "</committeemeetings></committee></getmeetings>";
  fs.files["in/GetMeeting-10.xml"] =
      "<meeting><meetingid>10</meetingid><meetingtime>7.00 pm</meetingtime><agendaitems><agendaitem>"
      "<agendaitemtitle>Budget</agendaitemtitle><fulldisplaynumberformat>1.</fulldisplaynumberformat>"
      "<minutesnonemptyhtmlbody>&lt;p&gt;RESOLVED: That the budget be agreed.&lt;/p&gt;</minutesnonemptyhtmlbody>"
      "<isrestricted>False</isrestricted></agendaitem></agendaitems></meeting>";
  fs.files["in/GetMeeting-11.xml"] =
      "<meeting><meetingid>11</meetingid><agendaitems><agendaitem>"
      "<agendaitemtitle>Minutes</agendaitemtitle><fulldisplaynumberformat>1.</fulldisplaynumberformat>"
      "<minutesnonemptyhtmlbody>&lt;p&gt;The minutes of the previous meeting were agreed as a correct record.&lt;/p&gt;"
      "</minutesnonemptyhtmlbody><isrestricted>False</isrestricted></agendaitem></agendaitems></meeting>";
}

}  // namespace

TEST_CASE("moderngov: a new site in memory; the previous meeting's minutes approved make it confirmed") {
  MemoryFileSystem fs;
  add_responses(fs);
  ImportOptions o;
  o.from_dir = "in";
  o.site_dir = "site";
  o.organisation = "Testshire Council";
  o.as_of = *parse_date("2025-06-01");
  ImportResult r = import_moderngov(fs, o);
  REQUIRE(r.exit_code == 0);
  CHECK(r.written == 2);
  const std::string& first = fs.files["site/content/meetings/2025/2025-03-05-cabinet.yaml"];
  CHECK(first.find("status: confirmed   # approved as a correct record at the meeting of 2025-04-02 (ModernGov meeting 11, item 1)") !=
        std::string::npos);
  CHECK(first.find("time: \"19:00\"") != std::string::npos);
  CHECK(first.find("    resolved: |\n      That the budget be agreed.\n") != std::string::npos);
  CHECK(fs.files["site/content/meetings/2025/2025-04-02-cabinet.yaml"].find("status: draft") != std::string::npos);
  CHECK(fs.files.count("site/data/site.yaml"));
  CHECK(fs.files.count("site/import-report.md"));

  // Imported again with a day before the second meeting as "today": it is in the future, and the first stays as it was.
  o.as_of = *parse_date("2025-03-20");
  ImportResult again = import_moderngov(fs, o);
  CHECK(again.skipped == 1);
  CHECK(again.report.find("meeting 11 (cabinet, 2025-04-02): in the future") != std::string::npos);
  CHECK(again.left_alone == 1);  // confirmed: a re-import never takes that back
}

TEST_CASE("moderngov: a refused response leaves a memory site untouched") {
  MemoryFileSystem fs;
  add_responses(fs);
  fs.files["in/GetMeeting-11.xml"] = "<!DOCTYPE meeting [<!ENTITY x \"y\">]><meeting>&x;</meeting>";
  ImportOptions o;
  o.from_dir = "in";
  o.site_dir = "site";
  o.organisation = "Testshire Council";
  o.as_of = *parse_date("2025-06-01");
  const auto before = fs.files;
  ImportResult r = import_moderngov(fs, o);
  CHECK(r.exit_code == 2);
  CHECK(r.error.find("in/GetMeeting-11.xml:1:1: error: the file has a DOCTYPE") != std::string::npos);
  CHECK(r.error.find("nothing was written") != std::string::npos);
  CHECK(fs.files == before);
}
