#!/usr/bin/env python3
"""The worked example of a reportsite plugin (docs/plugins.md).

It counts the words of every public item's minutes, writes the counts to
stats/words.csv in the output, and warns about minutes so short they may not
record the discussion. Standard library only: copy it and change it.
"""
import csv
import io
import json
import sys

PROTOCOL = 1        # the version of the plugin protocol this script was written for
SHORT = 20          # minutes with fewer words than this get a warning


def main():
    # The handshake: `word_count.py supports 1` must exit 0 for a protocol it reads.
    if len(sys.argv) >= 2 and sys.argv[1] == "supports":
        if sys.argv[2:] == [str(PROTOCOL)]:
            return 0
        print(f"word_count.py speaks protocol {PROTOCOL}, not {' '.join(sys.argv[2:])}", file=sys.stderr)
        return 1

    site = json.load(sys.stdin)
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
            if 0 < words < SHORT:
                diagnostics.append({
                    "severity": "warning",
                    "rule": "short-minutes",
                    "message": f"the minutes of item {item['number']} are only {words} words long:"
                               " do they record what was discussed?",
                    "at": {"meeting": meeting["id"], "item": item["number"], "field": "minutes"},
                })

    # Only the answer goes to standard output; anything for people goes to standard error.
    json.dump({"diagnostics": diagnostics,
               "files": [{"path": "stats/words.csv", "content": table.getvalue()}]},
              sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
