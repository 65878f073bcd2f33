#!/usr/bin/env bash
# Every finding's message and suggestion is one line (issue 19, item 5), for
# every rule the fixture sites raise, and for a site whose quoted input (a
# promise, an avoided word, an abbreviation) is broken across lines.
#   one_line_messages.sh BUILD/reportsite SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A site whose quoted phrases run over line breaks and runs of spaces.
cp -r "$src/tests/sites/exempt" "$tmp/broken-lines"
cat > "$tmp/broken-lines/content/meetings/2018/2018-11-21-audit.yaml" <<'YAML'
committee: audit
date: 2018-11-21
status: confirmed
items:
  - number: "1"
    title: Internal audit
    minutes: |
      The Head of Audit would
         circulate the revised plan to Members. An XQZV
      review was mentioned, and the Afghani
      families were thanked.
    resolved: That the report be noted.
YAML

sites=("$tmp/broken-lines" "$src" "$src/tests/sites/exempt" "$src/tests/sites/xss" "$src/tests/check-golden/seed-untracked")
for d in "$src"/tests/invalid/*/; do sites+=("$d"); done
i=0
for s in "${sites[@]}"; do
  "$bin" check --site "$s" --format json > "$tmp/out-$i.json" 2>/dev/null
  i=$((i + 1))
done

python3 - "$tmp" <<'PY'
import glob, json, sys
rules, bad, broken_quoted = set(), [], 0
for path in sorted(glob.glob(sys.argv[1] + "/out-*.json")):
    text = open(path, encoding="utf-8").read().strip()
    if not text:
        continue
    for d in json.loads(text):
        rules.add(d["rule"])
        for key in ("message", "suggestion"):
            v = d.get(key) or ""
            if "\n" in v or "\r" in v or "  " in v:
                bad.append((d["rule"], key, v))
        if path.endswith("out-0.json") and d["rule"] in ("undertaking.untracked",):
            broken_quoted += "would circulate" in d["message"]
if bad:
    for rule, key, v in bad:
        print(f"FAIL: {rule} {key} is not one line: {v!r}")
    sys.exit(1)
if not broken_quoted:
    print("FAIL: the promise quoted across a line break was not reported as “would circulate”")
    sys.exit(1)
print(f"ok: {len(rules)} rules, every message and suggestion on one line: " + " ".join(sorted(rules)))
PY
