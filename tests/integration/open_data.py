#!/usr/bin/python3
"""The open-data download against its own schema and against the report pages.

Usage: open_data.py REPORTSITE_BINARY REPO_ROOT

Builds the example site (a copy of the repository's data/ and content/) and
tests/sites/exempt, then:
  * data/open-data.schema.json is a valid JSON Schema (draft 2020-12) and
    data/open-data.json validates against it (python3-jsonschema, with format
    checks); copies of the JSON broken in ways a reader would care about (text
    added to exempt business, a figure made a string, a key dropped, a key
    added) do not validate, so the schema is not a rubber stamp;
  * every complaint figure in the JSON and in each data/complaints/*.csv is the
    number the built report page shows: the page's tables are read with
    html.parser, sharing no code with the builder; the year-on-year change
    (value, previous, change, and the words) is the page's, and the previous
    figure is the one the previous year's page shows;
  * the licence in the JSON, the schema's comment and the CSV's CSV on the Web
    metadata is the one the pages' footer links with rel=license;
  * the exempt test site's agenda item 9 is its number, title and paragraph only.
Prints one line per check; exit status 0 when every check passes.
"""
import csv
import copy
import datetime
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("FAIL: python3-jsonschema is not installed (apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(1)

failures = []
passes = 0


def check(ok, message):
    global passes
    if ok:
        passes += 1
        print(f"PASS open_data: {message}")
    else:
        failures.append(message)
        print(f"FAIL open_data: {message}")
    return ok


# ---- the pages, read as a reader's browser would -----------------------------

class Tables(html.parser.HTMLParser):
    """Every <table>: its caption and rows, a row being its cells' text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.lead, self.licence = [], None, None
        self._table = self._row = self._cell = None
        self._in_caption = self._in_lead = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = {"caption": "", "rows": []}
        elif tag == "caption" and self._table is not None:
            self._in_caption = True
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        elif tag == "p" and a.get("class") == "lead":
            self._in_lead, self.lead = True, ""
        elif tag == "a" and "license" in (a.get("rel") or "").split():
            self.licence = a.get("href")

    def handle_endtag(self, tag):
        if tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None
        elif tag == "caption":
            self._in_caption = False
        elif tag == "tr" and self._row is not None:
            self._table["rows"].append(self._row)
            self._row = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "p":
            self._in_lead = False

    def handle_data(self, data):
        if self._in_caption:
            self._table["caption"] += data
        if self._cell is not None:
            self._cell += data
        if self._in_lead:
            self.lead += data


def read_page(path):
    p = Tables()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def table(page, caption_start):
    found = [t for t in page.tables if t["caption"].startswith(caption_start)]
    return found[0] if found else None


def number(text):
    """The page's way of writing a figure, as a number: "3,990" → 3990, "78%" → 78, "–" → None."""
    if text in ("–", "no figure"):
        return None
    t = text.replace(",", "").rstrip("%")
    return float(t) if "." in t else int(t)


def change_of(text):
    """"up 5 (4%) on 2016/17" → 5; "down 1 ..." → -1; "no change ..." → 0; "" or "no comparable figure" → None."""
    m = re.match(r"^(up|down) ([0-9,]+)", text)
    if m:
        n = int(m.group(2).replace(",", ""))
        return n if m.group(1) == "up" else -n
    return 0 if text.startswith("no change") else None


def long_date(text):
    return datetime.datetime.strptime(text.strip(), "%d %B %Y").date().isoformat()


# ---- the checks --------------------------------------------------------------

def build(binary, site, out):
    run = subprocess.run([binary, "build", "--site", site, "--out", out],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(run.returncode == 0, f"{os.path.basename(site)} builds (exit {run.returncode}) {run.stderr[-300:] if run.returncode else ''}")


def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def check_schema(data, schema, where):
    v = validator(schema)
    errors = sorted(v.iter_errors(data), key=lambda e: list(e.absolute_path))
    for e in errors[:5]:
        print(f"    at {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    check(not errors, f"{where}: open-data.json validates against open-data.schema.json ({len(errors)} errors)")
    return v


def broken_copies(data):
    """Copies a schema must refuse, each with what was done to it."""
    out = []
    events = [e for e in data["events"] if e["agenda"]]
    d = copy.deepcopy(data)
    del d["licence"]
    out.append(("the licence dropped", d))
    d = copy.deepcopy(data)
    d["events"][0]["surprise"] = 1
    out.append(("a key added to an event", d))
    if data["complaint_reports"]:
        d = copy.deepcopy(data)
        d["complaint_reports"][0]["stages"][0]["received"] = "142"
        out.append(("a stage's figure made a string", d))
        d = copy.deepcopy(data)
        del d["complaint_reports"][0]["year_on_year"]
        out.append(("a report's year-on-year changes dropped", d))
    for ev in events:
        for i, item in enumerate(ev["agenda"]):
            if "exempt" in item.get("classification", []):
                d = copy.deepcopy(data)
                target = [e for e in d["events"] if e["id"] == ev["id"]][0]["agenda"][i]
                target["minutes"] = "Text of exempt business"
                out.append((f"minutes added to exempt item {item['number']} of {ev['id']}", d))
                return out
    return out


def check_reports(out, data):
    reports = {(r["series"], r["year"]): r for r in data["complaint_reports"]}
    series_dir = os.path.join(out, "reports")
    pages = {}
    for series in sorted(os.listdir(series_dir)):
        for year in sorted(os.listdir(os.path.join(series_dir, series))):
            page = os.path.join(series_dir, series, year, "index.html")
            if os.path.isfile(page):
                pages[(series, year)] = read_page(page)
    check(pages and set(pages) == set(reports),
          f"a JSON report for every report page and no other ({len(pages)} pages, {len(reports)} in the JSON)")
    csvs = {}
    compared = {"json": 0, "csv": 0, "change": 0}
    for (series, year), page in sorted(pages.items()):
        r = reports.get((series, year))
        if r is None:
            continue
        where = f"{series}/{year}"
        if series not in csvs:
            path = os.path.join(out, "data", "complaints", series + ".csv")
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            csvs[series] = {row["year"]: row for row in rows}
            check(len(rows) == len([k for k in pages if k[0] == series]),
                  f"{series}.csv has a row a year ({len(rows)})")
        row = csvs[series].get(year)
        if not check(row is not None, f"{where}: a CSV row"):
            continue
        used = {"year"}
        page_figures = {}  # CSV column → the number the page shows

        def same(what, json_value, page_value, column=None):
            ok = json_value == page_value
            compared["json"] += 1
            if not ok:
                check(False, f"{where}: {what}: JSON {json_value!r}, page {page_value!r}")
            if column is not None:
                page_figures[column] = page_value

        # The period, as the page's lead paragraph words it.
        lead = page.lead.split(".")[0]
        start, end = lead.split(" to ")
        same("period from", r["period"]["from"], long_date(start), "period_from")
        same("period to", r["period"]["to"], long_date(end), "period_to")

        ctx = table(page, "Context figures")
        page_context = [(c[0], number(c[1]), c[2]) for c in (ctx["rows"][1:] if ctx else [])]
        same("context figures", [(f["label"], f["value"]) for f in r["context"]],
             [(l, v) for l, v, _ in page_context])
        for label, value, _ in page_context:
            page_figures[label] = value
        same("context changes", [(f["label"], f["value"], f["text"]) for f in r["year_on_year"]["context"]],
             page_context)

        main = table(page, "Main figures")
        page_main = [(c[0], number(c[1]), c[2]) for c in main["rows"][1:]]
        yoy = r["year_on_year"]["figures"]
        same("main figures and changes",
             [(f["label"], f["value"], f["text"] or "no comparable figure") for f in yoy], page_main)
        earlier = pages.get((series, r["year_on_year"]["previous_year"])) if r["year_on_year"]["previous_year"] else None
        earlier_main = {c[0]: number(c[1]) for c in table(earlier, "Main figures")["rows"][1:]} if earlier else {}
        for f, (label, value, text) in zip(yoy, page_main):
            compared["change"] += 1
            if change_of(text) != f["change"]:
                check(False, f"{where}: {label}: JSON change {f['change']}, page says {text!r}")
            if earlier is not None and f["previous"] != earlier_main.get(label):
                check(False, f"{where}: {label}: JSON previous {f['previous']}, the previous year's page "
                             f"{earlier_main.get(label)}")
            if f["change"] is not None and f["change"] != f["value"] - f["previous"]:
                check(False, f"{where}: {label}: change {f['change']} is not {f['value']} - {f['previous']}")

        stages = table(page, "Complaints by stage and outcome")
        page_stages = []
        keys = ["received", "upheld", "partly_upheld", "not_upheld", "withdrawn", "in_time_percent"]
        words = ["received", "upheld", "partly upheld", "not upheld", "withdrawn", "in time (%)"]
        for cells in (stages["rows"][1:] if stages else []):
            values = [number(c) for c in cells[1:]]
            page_stages.append([cells[0]] + values)
            for w, v in zip(words, values):
                if v is not None:
                    page_figures[f"{cells[0]}: {w}"] = v
        same("stages", [[s["name"]] + [s[k] for k in keys] for s in r["stages"]], page_stages)

        # The Ombudsman's, representations and compliments are main figures on the page.
        for label, key in [("Referred to the Ombudsman", ("ombudsman", "referred")),
                           ("Upheld by the Ombudsman", ("ombudsman", "upheld")),
                           ("Representations", ("representations",)), ("Compliments", ("compliments",))]:
            v = r
            for k in key:
                v = v[k]
            shown = {l: n for l, n, _ in page_main}.get(label)
            same(label, v, shown, label if shown is not None else None)

        charts = [("by service", "Complaints and representations by service", r["by_service"], "By service: ")]
        charts += [(e["name"], f"Complainants by {e['name']}", e, f"Complainants by {e['name']}: ")
                   for e in r["equalities"]]
        charts.insert(1, ("by reason", "Complaints by reason", r["by_reason"], "By reason: "))
        for name, caption, b, prefix in charts:
            t = table(page, caption + ",")
            page_entries = [(c[0], c[1]) for c in (t["rows"][1:] if t else [])]
            json_entries = [(e["label"], f"{e['percent']:g}%" if e["percent"] is not None else f"{e['count']:,}")
                            for e in b["entries"]]
            same(f"breakdown {name}", json_entries, page_entries)
            for label, shown in page_entries:
                page_figures[prefix + label + (" (%)" if shown.endswith("%") else "")] = number(shown)

        # The CSV row: every cell is a figure the page shows, and every figure the page shows is a cell.
        for column, cell in row.items():
            if column == "year" or cell == "":
                continue
            used.add(column)
            compared["csv"] += 1
            shown = page_figures.get(column)
            value = cell if column.startswith("period") else (float(cell) if "." in cell else int(cell))
            if value != shown:
                check(False, f"{where}.csv: {column!r} is {cell!r}, the page shows {shown!r}")
        missing = [c for c, v in page_figures.items() if v is not None and row.get(c, "") == ""]
        if missing:
            check(False, f"{where}: figures on the page missing from the CSV: {missing}")
    check(compared["json"] > 20 and compared["csv"] > 50 and compared["change"] > 10,
          f"the JSON's and the CSV's figures are the report pages' ({compared['json']} JSON comparisons, "
          f"{compared['csv']} CSV cells, {compared['change']} changes read back from their words)")
    return csvs


def check_licence(out, data, schema):
    footer = read_page(os.path.join(out, "index.html")).licence
    check(footer and data["licence"]["url"] == footer,
          f"the JSON's licence is the footer's ({data['licence']['name']}: {footer})")
    check(footer in schema.get("$comment", ""), "the schema states the licence")
    metas = [f for f in os.listdir(os.path.join(out, "data", "complaints")) if f.endswith(".csv-metadata.json")]
    csvs = [f for f in os.listdir(os.path.join(out, "data", "complaints")) if f.endswith(".csv")]
    check(csvs and len(metas) == len(csvs), f"each CSV has its CSV on the Web metadata ({len(csvs)} CSV)")
    for m in metas:
        with open(os.path.join(out, "data", "complaints", m), encoding="utf-8") as f:
            meta = json.load(f)
        check(meta.get("dc:license", {}).get("@id") == footer and meta["url"] + "-metadata.json" == m,
              f"{m} names the CSV and its licence")
        with open(os.path.join(out, "data", "complaints", meta["url"]), encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        check([c["titles"] for c in meta["tableSchema"]["columns"]] == header, f"{m} lists the CSV's columns")


def check_exempt(binary, root, tmp):
    site = os.path.join(tmp, "exempt")
    shutil.copytree(os.path.join(root, "tests", "sites", "exempt"), site)
    out = os.path.join(tmp, "exempt-out")
    build(binary, site, out)
    with open(os.path.join(out, "data", "open-data.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(out, "data", "open-data.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    v = check_schema(data, schema, "exempt site")
    items = [i for e in data["events"] for i in e["agenda"] if i["number"] == "9"]
    check(len(items) == 1 and set(items[0]) == {"order", "description", "classification", "number", "title",
                                                  "exempt_paragraph", "exempt"}
          and items[0]["title"] == "Contract dispute" and items[0]["exempt"] == 3,
          f"exempt item 9 is its number, title and paragraph only: {sorted(items[0]) if items else None}")
    for what, broken in broken_copies(data):
        check(not v.is_valid(broken), f"exempt site: a copy with {what} does not validate")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "example")
        os.mkdir(site)
        for part in ("data", "content", "themes"):
            if os.path.isdir(os.path.join(root, part)):
                shutil.copytree(os.path.join(root, part), os.path.join(site, part))
        out = os.path.join(tmp, "out")
        build(binary, site, out)
        with open(os.path.join(out, "data", "open-data.json"), encoding="utf-8") as f:
            data = json.load(f)
        with open(os.path.join(out, "data", "open-data.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        v = check_schema(data, schema, "example")
        meetings = [d for d in os.listdir(os.path.join(out, "meetings"))
                    if os.path.isfile(os.path.join(out, "meetings", d, "index.html"))]
        check(sorted(e["id"] for e in data["events"]) == sorted(meetings),
              f"an event for every meeting page ({len(meetings)})")
        check(len(data["speeches"]) > 0 and all(s["event_id"] in meetings for s in data["speeches"]),
              f"speeches of the Q&A, each naming its meeting ({len(data['speeches'])})")
        for what, broken in broken_copies(data):
            check(not v.is_valid(broken), f"example: a copy with {what} does not validate")
        check_reports(out, data)
        check_licence(out, data, schema)
        check_exempt(binary, root, tmp)
    print(f"{passes} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
