#!/usr/bin/env python3
"""The worked example of a reportsite plugin (docs/plugins.md).

It counts the words of every public item's minutes, writes the counts to
stats/words.csv in the output with a page listing them, and warns about
minutes so short they may not record the discussion. Standard library only:
copy it and change it.

Settings, under the plugin's `options:` in data/site.yaml:
  short: 20     minutes with fewer words than this get a warning
"""
import csv
import io
import json
import sys

PROTOCOL = 1        # the version of the plugin protocol this script was written for
SHORT = 20          # the default of `short:`


def main():
    # The handshake: the builder adds `supports 1` as the LAST two arguments,
    # after any the command gives itself (`word_count.py --verbose supports 1`).
    if len(sys.argv) >= 3 and sys.argv[-2] == "supports":
        if sys.argv[-1] == str(PROTOCOL):
            return 0
        print(f"word_count.py speaks protocol {PROTOCOL}, not {sys.argv[-1]}", file=sys.stderr)
        return 1

    site = json.load(sys.stdin)
    options = site.get("plugin", {}).get("options", {})
    short = options.get("short", SHORT)
    diagnostics = []
    table = io.StringIO()
    out = csv.writer(table, lineterminator="\n")
    out.writerow(["meeting", "item", "title", "words"])
    for meeting in site["meetings"]:
        for item in meeting["items"]:
            if item["exempt"]:
                continue  # only its number and title were sent: there are no minutes to count
            words = len(item.get("minutes", "").split())
            out.writerow([meeting["id"], item["number"], item["title"], words])
            if 0 < words < short:
                diagnostics.append({
                    "severity": "warning",
                    "rule": "short-minutes",
                    "message": f"the minutes of item {item['number']} are only {words} words long:"
                               " do they record what was discussed?",
                    "at": {"meeting": meeting["id"], "item": item["number"], "field": "minutes"},
                })

    # Only the answer goes to standard output; anything for people goes to standard error.
    # A page is answered as a title and Markdown: the builder draws it with the
    # site's theme, checks it like its own pages, and lists it in the sitemap and search.
    page = ("Words in the minutes of each public item, as counted on the last build. "
            "[Download the counts as CSV](../words.csv).\n")
    json.dump({"diagnostics": diagnostics,
               "files": [{"path": "stats/words.csv", "content": table.getvalue()}],
               "pages": [{"path": "stats/words", "title": "Words in the minutes", "body": page}]},
              sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
