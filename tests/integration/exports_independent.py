#!/usr/bin/env python3
"""Read the example site's exports with readers that share no code with the builder.

Usage: exports_independent.py REPORTSITE_BINARY REPO_ROOT

Builds the example site (the repository root) into a temporary folder, then:
  * undertakings.csv: parsed with the csv module; must have the documented
    columns and round-trip byte for byte through csv.writer(lineterminator='\\r\\n');
  * undertakings.ics and every committees/*/meetings.ics: read with a small
    RFC 5545 reader written here (CRLF line ends, lines of at most 75 octets,
    folding, BEGIN/END nesting, VERSION and PRODID, UID, DTSTAMP, DTSTART and
    DTEND in every VEVENT, unique UIDs, TEXT escaping; every local time with a
    TZID, every TZID with its VTIMEZONE, a Europe/London VTIMEZONE in each;
    SUMMARY and DESCRIPTION name meetings, never by their ids);
  * feed.xml and every committees/*/feed.xml: parsed with ElementTree, RFC 4287's
    required elements (feed and entry id, title, updated as RFC 3339; an author;
    an alternate link), unique entry ids;
  * all of the calendars and feeds again from a copy of the site without
    base_url: still valid, with no self link and no URL property;
  * undertakings.json and site.json: parsed with the json module, and the
    undertakings compared with the CSV rows and the calendar; site.json's
    meetings hold the documented keys (docs/writing-content.md), an exempt
    item nothing but its number, title and paragraph, and no source positions.
Python standard library only. Exit status 0 when every check passes.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import shutil
import tempfile
import xml.etree.ElementTree as ET

# The columns of undertakings.csv (and the keys of undertakings.json), in order.
COLUMNS = ["id", "text", "owner", "committee", "meeting", "given", "item",
           "due", "state", "status", "latest_update", "latest_note"]
STATES = {"not-yet-due", "due", "overdue", "due-next-meeting", "completed", "withdrawn"}
STATUSES = {"open", "in-progress", "on-hold", "completed", "withdrawn"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The keys site.json documents for each kind of object (docs/writing-content.md).
# Keys are only ever added, so each must be there; more may follow.
MEETING_KEYS = ["id", "committee", "date", "time", "venue", "status", "attendance", "items"]
ATTENDANCE_KEYS = ["members", "officers", "apologies"]
ITEM_KEYS = ["number", "title", "report_of", "report", "minutes", "discussion",
             "undertakings", "resolved", "documents", "exempt"]
EXCHANGE_KEYS = ["asked_by", "question", "answered_by", "answer", "undertakings"]
UNDERTAKING_KEYS = ["id", "text", "owner", "due", "requested_by"]
DOCUMENT_KEYS = ["title", "file"]
EXEMPT_ITEM_KEYS = {"number", "title", "exempt_paragraph", "exempt"}
# What the builder keeps of where a value was read; never published.
POSITION_KEYS = {"span", "spans", "begin", "end", "map", "file_id", "line", "column"}

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


# ---- CSV --------------------------------------------------------------------

def check_csv(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    if out.getvalue().encode("utf-8") != raw:
        fail(path, "does not round-trip through csv.writer(lineterminator='\\r\\n')")
    if not rows or rows[0] != COLUMNS:
        fail(path, f"header is {rows[0] if rows else None}, expected {COLUMNS}")
        return []
    records = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS):
            fail(path, f"record {n} has {len(row)} fields, expected {len(COLUMNS)}")
            continue
        rec = dict(zip(COLUMNS, row))
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", rec["id"]):
            fail(path, f"record {n}: id {rec['id']!r} is not a slug")
        if not ISO_DATE.match(rec["given"]):
            fail(path, f"record {n}: given {rec['given']!r} is not a date")
        if rec["due"] != "next meeting" and not ISO_DATE.match(rec["due"]):
            fail(path, f"record {n}: due {rec['due']!r} is neither a date nor 'next meeting'")
        if rec["state"] not in STATES:
            fail(path, f"record {n}: unknown state {rec['state']!r}")
        if rec["status"] not in STATUSES:
            fail(path, f"record {n}: unknown status {rec['status']!r}")
        if rec["latest_update"] and not ISO_DATE.match(rec["latest_update"]):
            fail(path, f"record {n}: latest_update {rec['latest_update']!r} is not a date")
        records.append(rec)
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        fail(path, "undertaking ids are not unique")
    if not records:
        fail(path, "no undertakings: the example site gives several")
    return records


# ---- iCalendar (RFC 5545) ---------------------------------------------------

def parse_content_line(line):
    """name, {param: [values]}, value of one unfolded content line (RFC 5545 3.1)."""
    m = re.match(r"^([A-Za-z0-9-]+)", line)
    if not m:
        raise ValueError(f"no property name in {line!r}")
    name, i, params = m.group(1).upper(), m.end(), {}
    while i < len(line) and line[i] == ";":
        pm = re.match(r"([A-Za-z0-9-]+)=", line[i + 1:])
        if not pm:
            raise ValueError(f"bad parameter in {line!r}")
        pname = pm.group(1).upper()
        i += 1 + pm.end()
        values = []
        while True:
            if i < len(line) and line[i] == '"':
                end = line.find('"', i + 1)
                if end < 0:
                    raise ValueError(f"unclosed quoted parameter in {line!r}")
                values.append(line[i + 1:end])
                i = end + 1
            else:
                vm = re.match(r'[^";:,]*', line[i:])
                values.append(vm.group(0))
                i += vm.end()
            if i < len(line) and line[i] == ",":
                i += 1
                continue
            break
        params[pname] = values
    if i >= len(line) or line[i] != ":":
        raise ValueError(f"no ':' after the name and parameters in {line!r}")
    return name, params, line[i + 1:]


def unescape_text(value, where):
    """Decode a TEXT value (RFC 5545 3.3.11); report bare ',', ';' and bad escapes."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                fail(where, f"bad escape in TEXT value {value!r}")
                return value
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
            continue
        if c in ",;":
            fail(where, f"unescaped {c!r} in TEXT value {value!r}")
        out.append(c)
        i += 1
    return "".join(out)


def valid_date(s):
    if not re.match(r"^\d{8}$", s):
        return False
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    days = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= m <= 12 and 1 <= d <= days[m - 1]


def read_ics(path, all_day_only):
    """The VEVENTs of a calendar as lists of (name, params, value); failures recorded."""
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        fail(path, "does not end with CRLF")
    physical = raw.split(b"\r\n")
    if physical and physical[-1] == b"":
        physical.pop()
    for n, line in enumerate(physical, start=1):
        if b"\n" in line or b"\r" in line:
            fail(path, f"line {n} has a bare CR or LF (lines must end with CRLF)")
        if len(line) > 75:
            fail(path, f"line {n} is {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(path, f"line {n} is not valid UTF-8 on its own (a fold split a character?)")
    # Unfold: a line starting with a space or tab continues the previous one.
    logical = []
    for line in physical:
        if line[:1] in (b" ", b"\t"):
            if not logical:
                fail(path, "the first line is a continuation")
                continue
            logical[-1] += line[1:]
        else:
            logical.append(line)
    try:
        lines = [l.decode("utf-8") for l in logical]
    except UnicodeDecodeError:
        fail(path, "not UTF-8 after unfolding")
        return []

    stack, events, calendar_props, current, zones = [], [], [], None, set()
    for n, line in enumerate(lines, start=1):
        try:
            name, params, value = parse_content_line(line)
        except ValueError as e:
            fail(path, f"content line {n}: {e}")
            continue
        if name == "BEGIN":
            if not stack and value != "VCALENDAR":
                fail(path, f"the calendar starts with BEGIN:{value}, not BEGIN:VCALENDAR")
            stack.append(value)
            if value == "VEVENT":
                if stack[:-1] != ["VCALENDAR"]:
                    fail(path, f"a VEVENT inside {stack[:-1]}")
                current = []
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                fail(path, f"END:{value} does not close {stack[-1] if stack else 'anything'}")
            else:
                stack.pop()
            if value == "VEVENT" and current is not None:
                events.append(current)
                current = None
            continue
        if not stack:
            fail(path, f"content line {n} is outside VCALENDAR")
        elif stack == ["VCALENDAR"]:
            calendar_props.append((name, params, value))
        elif stack == ["VCALENDAR", "VTIMEZONE"] and name == "TZID":
            zones.add(value)
        elif current is not None:
            current.append((name, params, value))
    if stack:
        fail(path, f"not closed: {stack}")
    if lines and not lines[0] == "BEGIN:VCALENDAR":
        fail(path, "the first line is not BEGIN:VCALENDAR")
    if lines and not lines[-1] == "END:VCALENDAR":
        fail(path, "the last line is not END:VCALENDAR")
    names = [p[0] for p in calendar_props]
    for required in ("VERSION", "PRODID"):
        if names.count(required) != 1:
            fail(path, f"the calendar has {names.count(required)} {required}, expected 1")
    if ("VERSION", {}, "2.0") not in calendar_props:
        fail(path, "VERSION is not 2.0")
    if "Europe/London" not in zones:
        fail(path, "no VTIMEZONE for Europe/London")

    uids = []
    for k, event in enumerate(events, start=1):
        where = f"{path} VEVENT {k}"
        props = {}
        for name, params, value in event:
            props.setdefault(name, []).append((params, value))
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND"):
            if len(props.get(required, [])) != 1:
                fail(where, f"has {len(props.get(required, []))} {required}, expected 1")
        if "UID" in props:
            uids.append(props["UID"][0][1])
        if "DTSTAMP" in props and not re.match(r"^\d{8}T\d{6}Z$", props["DTSTAMP"][0][1]):
            fail(where, f"DTSTAMP {props['DTSTAMP'][0][1]!r} is not a UTC date-time")
        if "DTSTART" in props:
            params, value = props["DTSTART"][0]
            if params.get("VALUE") == ["DATE"]:
                if not valid_date(value):
                    fail(where, f"DTSTART;VALUE=DATE {value!r} is not a date")
            elif all_day_only:
                fail(where, "DTSTART is not DTSTART;VALUE=DATE")
            elif not (re.match(r"^\d{8}T\d{6}Z?$", value) and valid_date(value[:8])):
                fail(where, f"DTSTART {value!r} is neither a DATE nor a DATE-TIME")
            if "DTEND" in props:
                end_params, end = props["DTEND"][0]
                if end_params.get("VALUE") != params.get("VALUE") or end_params.get("TZID") != params.get("TZID") \
                        or end <= value:
                    fail(where, f"DTEND {end!r} does not follow DTSTART {value!r} in the same form")
        # A local time needs its zone (RFC 5545 3.3.5: else it floats), and the zone its VTIMEZONE.
        for name in ("DTSTART", "DTEND"):
            for params, value in props.get(name, []):
                if params.get("VALUE") == ["DATE"] or value.endswith("Z"):
                    continue
                tzid = params.get("TZID")
                if not tzid:
                    fail(where, f"{name} {value!r} is a local time with no TZID")
                elif tzid[0] not in zones:
                    fail(where, f"{name} names TZID {tzid[0]!r}, which has no VTIMEZONE")
        for name in ("SUMMARY", "DESCRIPTION"):
            for _, value in props.get(name, []):
                unescape_text(value, where)
    if len(uids) != len(set(uids)):
        fail(path, "UIDs are not unique")
    return events


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ATOM = "{http://www.w3.org/2005/Atom}"


def check_atom(path, with_base):
    """RFC 4287's required elements of a feed and its entries; the number of entries."""
    try:
        feed = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(path, f"not well-formed XML: {e}")
        return 0
    if feed.tag != ATOM + "feed":
        fail(path, f"the root is {feed.tag}, not an Atom feed")
        return 0

    def required(where, el, name):
        found = el.findall(ATOM + name)
        if len(found) != 1 or not (found[0].text or "").strip():
            fail(where, f"has {len(found)} non-empty atom:{name}, expected 1")
            return ""
        return found[0].text.strip()

    def check_links(where, el):
        links = el.findall(ATOM + "link")
        if not any(l.get("rel", "alternate") == "alternate" and l.get("href") for l in links):
            fail(where, "no alternate link with an href")
        selves = [l for l in links if l.get("rel") == "self"]
        if with_base and len(selves) != 1:
            fail(where, f"{len(selves)} self links with base_url set, expected 1")
        if not with_base and selves:
            fail(where, "a self link without base_url, where no absolute address is known")

    for name in ("id", "title", "updated"):
        value = required(path, feed, name)
        if name == "updated" and value and not RFC3339.match(value):
            fail(path, f"updated {value!r} is not an RFC 3339 date-time")
        if name == "id" and value and not re.match(r"^[a-z][a-z0-9+.-]*:", value):
            fail(path, f"id {value!r} is not an absolute IRI")
    check_links(path, feed)
    feed_author = feed.find(ATOM + "author")
    if feed_author is not None and not (feed_author.findtext(ATOM + "name") or "").strip():
        fail(path, "the feed's author has no name")
    ids = []
    entries = feed.findall(ATOM + "entry")
    for k, entry in enumerate(entries, start=1):
        where = f"{path} entry {k}"
        ids.append(required(where, entry, "id"))
        required(where, entry, "title")
        updated = required(where, entry, "updated")
        if updated and not RFC3339.match(updated):
            fail(where, f"updated {updated!r} is not an RFC 3339 date-time")
        if feed_author is None and entry.find(ATOM + "author") is None:
            fail(where, "no author, and the feed has none")
        if entry.find(ATOM + "content") is None:
            links = entry.findall(ATOM + "link")
            if not any(l.get("rel", "alternate") == "alternate" and l.get("href") for l in links):
                fail(where, "no content and no alternate link")
    if len(ids) != len(set(ids)):
        fail(path, "entry ids are not unique")
    return len(entries)


def check_feeds_and_calendars(out, committees, meeting_ids, with_base):
    """Every feed and calendar of a built site; the number of each checked."""
    feeds = [os.path.join(out, "feed.xml")] + [os.path.join(out, "committees", c, "feed.xml") for c in committees]
    for path in feeds:
        if not os.path.exists(path):
            fail(path, "missing")
        else:
            check_atom(path, with_base)
    calendars = [os.path.join(out, "undertakings.ics")] + [os.path.join(out, "committees", c, "meetings.ics")
                                                           for c in committees]
    for path in calendars:
        if not os.path.exists(path):
            fail(path, "missing")
            continue
        for e in read_ics(path, all_day_only=path.endswith("undertakings.ics")):
            m = event_map(e)
            if with_base != ("URL" in m):
                fail(path, f"URL {'missing with' if with_base else 'present without'} base_url")
            for name in ("SUMMARY", "DESCRIPTION"):
                text = unescape_text(m.get(name, ({}, ""))[1], path)
                for mid in meeting_ids:
                    if mid in text:
                        fail(path, f"{name} shows the meeting id {mid!r} where its name belongs")
    return len(feeds), len(calendars)


def event_map(event):
    out = {}
    for name, params, value in event:
        out.setdefault(name, (params, value))
    return out


# ---- site.json ----------------------------------------------------------------

def has_keys(where, obj, keys):
    if not isinstance(obj, dict):
        fail("site.json", f"{where} is {type(obj).__name__}, not an object")
        return False
    missing = [k for k in keys if k not in obj]
    if missing:
        fail("site.json", f"{where} has no {missing}")
    return not missing


def strings(where, value):
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        fail("site.json", f"{where} is not a list of strings: {value!r}")


def no_positions(where, value):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in POSITION_KEYS:
                fail("site.json", f"{where} publishes {k!r}")
            no_positions(f"{where}.{k}", v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            no_positions(f"{where}[{i}]", v)


def check_site_json(site, out, records):
    no_positions("site", site)
    given = {}  # undertaking id -> (meeting, item, text)
    meetings = site.get("meetings", [])
    if not meetings:
        fail("site.json", "no meetings")
    for m in meetings:
        if not has_keys("a meeting", m, MEETING_KEYS):
            continue
        where = f"meeting {m['id']}"
        if not ISO_DATE.match(m["date"]) or not m["id"].startswith(m["date"] + "-"):
            fail("site.json", f"{where}: date {m['date']!r} is not the id's date")
        if m["committee"] not in {c["id"] for c in site.get("committees", [])}:
            fail("site.json", f"{where}: unknown committee {m['committee']!r}")
        if m["status"] not in ("draft", "confirmed"):
            fail("site.json", f"{where}: status {m['status']!r}")
        for k in ("time", "venue"):
            if not isinstance(m[k], str):
                fail("site.json", f"{where}: {k} is not a string")
        if has_keys(f"{where} attendance", m["attendance"], ATTENDANCE_KEYS):
            for k in ATTENDANCE_KEYS:
                strings(f"{where} attendance {k}", m["attendance"][k])
        for it in m["items"]:
            if "exempt_paragraph" in it:
                # Exempt business: nothing but these, whatever an item gains.
                if set(it) != EXEMPT_ITEM_KEYS:
                    fail("site.json", f"exempt item {m['id']} {it.get('number')} publishes {sorted(it)}")
                elif not it["exempt_paragraph"] or it["exempt"] != it["exempt_paragraph"]:
                    fail("site.json", f"exempt item {m['id']} {it['number']}: paragraph {it['exempt_paragraph']!r}, exempt {it['exempt']!r}")
                continue
            if not has_keys(f"{where} an item", it, ITEM_KEYS):
                continue
            iwhere = f"{where} item {it['number']}"
            if it["exempt"] != 0:
                fail("site.json", f"{iwhere}: a public item with exempt {it['exempt']!r}")
            for x in it["discussion"]:
                if has_keys(f"{iwhere} an exchange", x, EXCHANGE_KEYS):
                    strings(f"{iwhere} exchange undertakings", x["undertakings"])
            for u in it["undertakings"]:
                if not has_keys(f"{iwhere} an undertaking", u, UNDERTAKING_KEYS):
                    continue
                due = u["due"]
                if not (due is None or due in ("next-report", "next-meeting") or ISO_DATE.match(due)):
                    fail("site.json", f"{iwhere} undertaking {u['id']}: due {due!r}")
                given[u["id"]] = (m["id"], it["number"], u["text"])
            for d in it["documents"]:
                if has_keys(f"{iwhere} a document", d, DOCUMENT_KEYS):
                    if not os.path.isfile(os.path.join(out, *d["file"].split("/"))):
                        fail("site.json", f"{iwhere}: document {d['file']!r} is not published there")
    # Every undertaking of the register is in site.json, at the same meeting and item.
    for r in records:
        if given.get(r["id"]) != (r["meeting"], r["item"], r["text"]):
            fail("site.json", f"undertaking {r['id']}: {given.get(r['id'])} in site.json, "
                              f"{(r['meeting'], r['item'], r['text'])} in undertakings.csv")


# ---- main -------------------------------------------------------------------

def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="reportsite-exports-") as tmp:
        out = os.path.join(tmp, "public")
        run = subprocess.run([binary, "build", "--site", root, "--out", out],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            print(f"FAIL: reportsite build exited {run.returncode}", file=sys.stderr)
            return 1

        records = check_csv(os.path.join(out, "undertakings.csv"))

        with open(os.path.join(out, "undertakings.json"), encoding="utf-8") as f:
            data = json.load(f)
        if not ISO_DATE.match(data.get("as_of", "")):
            fail("undertakings.json", "as_of is not a date")
        listed = data.get("undertakings", [])
        for rec in listed:
            if list(rec.keys()) != COLUMNS:
                fail("undertakings.json", f"keys {list(rec.keys())}, expected {COLUMNS}")
        if listed != records:
            fail("undertakings.json", "the undertakings differ from undertakings.csv")

        events = read_ics(os.path.join(out, "undertakings.ics"), all_day_only=True)
        by_uid = {}
        for e in events:
            m = event_map(e)
            if "UID" in m:
                by_uid[m["UID"][1]] = m
        dated = [r for r in records if r["due"] != "next meeting"]
        if len(events) != len(dated):
            fail("undertakings.ics", f"{len(events)} events for {len(dated)} undertakings with a due date")
        for r in dated:
            match = [m for uid, m in by_uid.items() if uid.startswith(f"undertaking-{r['id']}@")]
            if len(match) != 1:
                fail("undertakings.ics", f"no single event for undertaking {r['id']}")
            elif match[0]["DTSTART"][1] != r["due"].replace("-", ""):
                fail("undertakings.ics", f"{r['id']} starts {match[0]['DTSTART'][1]}, due {r['due']}")

        with open(os.path.join(out, "site.json"), encoding="utf-8") as f:
            site = json.load(f)
        for key in ("title", "committees", "meetings"):
            if key not in site:
                fail("site.json", f"no {key!r}")
        committees = {c["id"]: c["name"] for c in site.get("committees", [])}
        if not committees:
            fail("site.json", "no committees")
        check_site_json(site, out, records)

        for cid, name in committees.items():
            path = os.path.join(out, "committees", cid, "meetings.ics")
            if not os.path.exists(path):
                fail(path, "missing")
                continue
            meeting_events = read_ics(path, all_day_only=False)
            meetings = [m for m in site.get("meetings", []) if m["committee"] == cid]
            if len(meeting_events) != len(meetings):
                fail(path, f"{len(meeting_events)} events for {len(meetings)} meetings")
            for e in meeting_events:
                summary = event_map(e).get("SUMMARY", ({}, ""))[1]
                decoded = unescape_text(summary, path)
                if not decoded or not name.startswith(decoded):
                    fail(path, f"SUMMARY {decoded!r} is not the committee's name {name!r}")

        meeting_ids = [m["id"] for m in site.get("meetings", [])]
        counts = check_feeds_and_calendars(out, committees, meeting_ids, with_base=True)

        # The same site without base_url: feeds and calendars must still be valid.
        bare = os.path.join(tmp, "bare")
        for part in ("data", "content", "themes"):
            if os.path.isdir(os.path.join(root, part)):
                shutil.copytree(os.path.join(root, part), os.path.join(bare, part))
        settings = os.path.join(bare, "data", "site.yaml")
        with open(settings, encoding="utf-8") as f:
            kept = [l for l in f if not l.startswith("base_url:")]
        with open(settings, "w", encoding="utf-8") as f:
            f.writelines(kept)
        bare_out = os.path.join(tmp, "bare-public")
        run = subprocess.run([binary, "build", "--site", bare, "--out", bare_out],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            fail(bare, f"the site without base_url did not build ({run.returncode}): {run.stderr[-500:]}")
        else:
            check_feeds_and_calendars(bare_out, committees, meeting_ids, with_base=False)

    if failures:
        for f in failures:
            print("FAIL:", f, file=sys.stderr)
        return 1
    print(f"ok: {len(records)} undertakings, {len(events)} due-date events, {len(committees)} committee calendars, "
          f"{counts[0]} feeds and {counts[1]} calendars checked with and without base_url")
    return 0


if __name__ == "__main__":
    sys.exit(main())
