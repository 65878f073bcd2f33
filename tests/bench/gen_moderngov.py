#!/usr/bin/env python3
"""A generated set of ModernGov web-service responses, for timing `reportsite import moderngov`.

    gen_moderngov.py --meetings 1000 --out DIR

Invented throughout: ten committees of an invented council, 60 councillors, and
meetings a month apart. Each has eight items of Word-style HTML minutes (bullets,
labels, a final RESOLVED), attendance, public documents with their attachments,
and, every fifth meeting, an exempt item with its exclusion resolution. Each
meeting approves the previous one's minutes, so status is worked out across
the set. Deterministic: the same arguments give the same bytes.
"""
import argparse
import os
import random
from xml.sax.saxutils import escape

WORDS = ("budget review audit plan housing repairs waste contract service report members officers "
         "performance quarter figures council district scheme leisure transport survey risk").split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def word_html(paras):
    return '<div class="WordSection1">\n' + "\n".join(paras) + "\n</div>\n"


def p(text, cls="MsoNormal"):
    return f'<p class="{cls}">{text}<o:p></o:p></p>'


def bullet(text):
    return ('<p class="MsoListParagraphCxSpMiddle" style="mso-list:l0 level1 lfo1"><![if !supportLists]>'
            '<span style="font-family:Symbol">\u00b7<span>&nbsp;&nbsp; </span></span><![endif]>' + text + "<o:p></o:p></p>")


def item(i, title, minutes, restricted=False, docs=(), presenter=""):
    d = "".join(f"""        <linkeddoc>
          <attachmentid>{a}</attachmentid>
          <title>{escape(t)}</title>
          <isurl>False</isurl>
          <url>https://democracy.example.invalid/mgConvert2PDF.aspx?ID={a}</url>
          <isrestricted>False</isrestricted>
        </linkeddoc>
""" for a, t in docs)
    return f"""    <agendaitem>
      <agendaitemid>{i}</agendaitemid>
      <agendaitemtitle>{escape(escape(title))}</agendaitemtitle>
      <agendatext>
      </agendatext>
      <fulldisplaynumberformat>{i % 100}.</fulldisplaynumberformat>
      <commentlabel1>Presented By</commentlabel1>
      <commenttext1>{escape(presenter)}
      </commenttext1>
      <minutesnonemptyhtmlbody>{escape(minutes)}</minutesnonemptyhtmlbody>
      <isminutepublished>True</isminutepublished>
      <isrestricted>{"True" if restricted else "False"}</isrestricted>
      <linkeddocuments>
{d}      </linkeddocuments>
    </agendaitem>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=1000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(7)
    os.makedirs(os.path.join(a.out, "attachments"), exist_ok=True)
    committees = [(200 + c, f"Generated Committee {c + 1}") for c in range(10)]
    with open(os.path.join(a.out, "GetCommittees.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<committees>\n')
        for cid, title in committees:
            f.write(f"  <committee>\n    <committeeid>{cid}</committeeid>\n    <committeetitle>{title}</committeetitle>\n"
                    "    <committeedeleted>False</committeedeleted>\n  </committee>\n")
        f.write("</committees>\n")
    people = [(1000 + k, f"Councillor {rng.choice(['Alex', 'Sam', 'Jo', 'Robin', 'Kit'])} Generated{k}") for k in range(60)]
    with open(os.path.join(a.out, "GetCouncillorsByWard.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<councillorsbyward>\n  <wards>\n    <ward>\n'
                "      <wardtitle>Generated Ward</wardtitle>\n      <councillors>\n")
        for cid, name in people:
            f.write(f"        <councillor>\n          <councillorid>{cid}</councillorid>\n          <fullusername>{name}</fullusername>\n"
                    "          <homeaddress><line1>1 Invented Road</line1><phone>00000 000000</phone></homeaddress>\n"
                    "        </councillor>\n")
        f.write("      </councillors>\n    </ward>\n  </wards>\n</councillorsbyward>\n")

    per = -(-a.meetings // len(committees))
    mid, aid = 10000, 50000
    for ci, (cid, title) in enumerate(committees):
        n = min(per, a.meetings - ci * per)
        if n <= 0:
            break
        listing = []
        previous = None
        for k in range(n):
            # A meeting a month from 2010 (day 1 to 28), so no two of a committee share a day.
            month = k % 12
            year = 2010 + k // 12
            day = 1 + (ci * 2 + k) % 28
            date = f"{day:02d}/{month + 1:02d}/{year}"
            mid += 1
            listing.append((mid, date))
            items = []
            approve = (f"RESOLVED: That the minutes of the meeting held on {previous[0]} {MONTHS[previous[1]]} {previous[2]} "
                       "be approved as a correct record.") if previous else "There were no previous minutes."
            items.append(item(1, "Minutes", word_html([p(approve)])))
            exempt = (ci + k) % 5 == 4
            for j in range(2, 9):
                docs = []
                if j % 3 == 0:
                    aid += 1
                    docs.append((aid, f"Report on {rng.choice(WORDS)} {j}"))
                    with open(os.path.join(a.out, "attachments", f"{aid}.pdf"), "w") as pdf:
                        pdf.write("%PDF-1.4\n% generated\n%%EOF\n")
                if exempt and j == 7:
                    items.append(item(j, "Exclusion of the Press and Public", word_html([p(
                        "RESOLVED: That the press and public be excluded for item 8 under paragraph 3 of Part 1 of "
                        "Schedule 12A to the Local Government Act 1972.")])))
                    continue
                if exempt and j == 8:
                    items.append(item(j, "Generated exempt contract", word_html([p(sentence(rng))]), restricted=True))
                    continue
                paras = [p(f"{j}.1 " + sentence(rng, 30)), p(f"{j}.2 Members were told that:")]
                paras += [bullet(sentence(rng, 8)) for _ in range(3)]
                paras += [p(f"{j}.3 " + sentence(rng, 20)), p(f"<b>{j}.4 RESOLVED:</b> That the report be noted.")]
                items.append(item(j, f"{rng.choice(WORDS).capitalize()} & {rng.choice(WORDS)} report {j}",
                                  word_html(paras), docs=docs, presenter="Head of Service"))
            att = "".join(f'    <attendee memberid="{pid}" name="{name}" roledescription="Committee Member" '
                          f'attendance="{"Apologies" if (pid + k) % 7 == 0 else "Present"}">\n    </attendee>\n'
                          for pid, name in people[ci * 6:ci * 6 + 6])
            with open(os.path.join(a.out, f"GetMeeting-{mid}.xml"), "w") as f:
                f.write(f"""<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>{mid}</meetingid>
  <meetingdate>{date}</meetingdate>
  <meetingstatus>Confirmed</meetingstatus>
  <meetingtime>7.00 pm</meetingtime>
  <meetinglocation>Generated Civic Centre</meetinglocation>
  <meetingroom>Room {ci + 1}
  </meetingroom>
  <agendaitems>
{''.join(items)}  </agendaitems>
  <attendees>
{att}  </attendees>
</meeting>
""")
            previous = (day, month, year)
        with open(os.path.join(a.out, f"GetMeetings-{cid}.xml"), "w") as f:
            f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings>\n  <committee>\n    <committeeid>{cid}</committeeid>\n'
                    "    <committeemeetings>\n")
            for m, d in listing:
                f.write(f"      <meeting>\n        <meetingid>{m}</meetingid>\n        <meetingdate>{d}</meetingdate>\n"
                        "        <meetingstatus>Confirmed</meetingstatus>\n      </meeting>\n")
            f.write("    </committeemeetings>\n  </committee>\n</getmeetings>\n")


if __name__ == "__main__":
    main()
