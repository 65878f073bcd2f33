#!/bin/bash
# `reportsite init` as a democratic services officer would run it: a new
# council's site in an empty folder, which then builds and checks with no
# finding at all; its editor settings map each folder to its schema; a
# meeting from `new meeting` names its schema; and init never writes over
# a folder that holds anything.
# Usage: init.sh REPORTSITE
set -u
name=init
source "$(dirname "$0")/lib.sh"
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/new council"  # a space, as a folder on a shared drive may have

"$bin" init "$site" --organisation "Test Borough Council" --title "Test committee records" \
  --committee "Audit Committee" --committee "cabinet=Cabinet" --contact democratic.services@example.gov.uk \
  > "$work/init.out" 2> "$work/init.err"
rc=$?
[ "$rc" -eq 0 ] && pass "init exits 0" || { fail "init exited $rc: $(cat "$work/init.err")"; finish; }
grep -q "README.md says what to do next" "$work/init.out" && pass "init points to the README" || fail "init printed: $(cat "$work/init.out")"
for f in data/site.yaml data/committees.yaml data/glossary.yaml data/people.yaml content/pages/accessibility.md \
         README.md .vscode/settings.json .vscode/extensions.json schemas/meeting.schema.json schemas/page.schema.json; do
  [ -s "$site/$f" ] || fail "init wrote no $f"
done
grep -qx 'organisation: "Test Borough Council"' "$site/data/site.yaml" && grep -qx 'title: "Test committee records"' "$site/data/site.yaml" \
  && pass "the settings hold the organisation and title given" || fail "data/site.yaml: $(cat "$site/data/site.yaml")"
grep -qx -- '- id: audit-committee' "$site/data/committees.yaml" && grep -qx -- '- id: cabinet' "$site/data/committees.yaml" \
  && pass "committees: an id made from a name (audit-committee), and one given (cabinet)" || fail "committees: $(cat "$site/data/committees.yaml")"

# Builds and checks as written: exit 0 and not one warning.
(cd "$site" && "$bin" build) > "$work/build.out" 2> "$work/build.err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q '(0 errors, 0 warnings)' "$work/build.err"; then pass "build exits 0 with 0 errors, 0 warnings"
else fail "build exited $rc: $(cat "$work/build.err")"; fi
(cd "$site" && "$bin" check) > "$work/check.out" 2> "$work/check.err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q '^0 errors, 0 warnings' "$work/check.err"; then pass "check exits 0 with 0 errors, 0 warnings"
else fail "check exited $rc: $(cat "$work/check.err")"; fi
[ -f "$site/public/accessibility/index.html" ] && grep -q 'prepared on' "$site/public/accessibility/index.html" \
  && pass "the site's own accessibility statement is published" || fail "no accessibility statement of the site's own in public/"
grep -q 'Audit Committee' "$site/public/index.html" && pass "the home page lists the committees" || fail "Audit Committee is not on the home page"

# yaml-language-server's associations: each schema against its files' glob, relative to the site.
python3 - "$site" <<'EOF' && pass "settings.json maps the 7 YAML kinds to schemas/ that exist" || fail "settings.json associations are wrong"
import json, os, sys
site = sys.argv[1]
with open(os.path.join(site, ".vscode/settings.json")) as f:
    schemas = json.load(f)["yaml.schemas"]
want = {"./schemas/site.schema.json": ["/data/site.yaml"], "./schemas/committees.schema.json": ["/data/committees.yaml"],
        "./schemas/people.schema.json": ["/data/people.yaml"], "./schemas/glossary.schema.json": ["/data/glossary.yaml"],
        "./schemas/meeting.schema.json": ["/content/meetings/**/*.yaml"],
        "./schemas/report.schema.json": ["/content/reports/**/*.yaml"],
        "./schemas/actions.schema.json": ["/content/actions/*.yaml"]}
if schemas != want:
    print("got", schemas); sys.exit(1)
missing = [s for s in schemas if not os.path.isfile(os.path.join(site, s))]
if missing:
    print("missing", missing); sys.exit(1)
EOF
head -1 "$site/data/site.yaml" | grep -qx '# yaml-language-server: $schema=../schemas/site.schema.json' \
  && pass "data/site.yaml names its schema" || fail "data/site.yaml's first line: $(head -1 "$site/data/site.yaml")"

# A meeting from `new meeting` names its schema, relative to its folder, and the schema is there.
(cd "$site" && "$bin" new meeting --committee cabinet --date 2025-06-12) > "$work/new.out" 2>&1
meeting="$site/content/meetings/2025/2025-06-12-cabinet.yaml"
line=$(head -1 "$meeting" 2>/dev/null)
if [ "$line" = '# yaml-language-server: $schema=../../../schemas/meeting.schema.json' ] && \
   [ -f "$(dirname "$meeting")/../../../schemas/meeting.schema.json" ] && ! grep -q 'is missing' "$work/new.out"; then
  pass "new meeting's first line names ../../../schemas/meeting.schema.json, which exists"
else
  fail "new meeting wrote: $line ($(cat "$work/new.out"))"
fi
# Without schemas/ it says how to get them.
rm -r "$site/schemas"
(cd "$site" && "$bin" new meeting --committee cabinet --date 2025-07-10) > "$work/new2.out" 2>&1
grep -q 'run `reportsite schema`' "$work/new2.out" && pass "new meeting without schemas/ says to run reportsite schema" || fail "new meeting: $(cat "$work/new2.out")"
(cd "$site" && "$bin" schema) > "$work/schema.out" 2>&1
[ "$(ls "$site/schemas" | wc -l)" -eq 8 ] && grep -q 'wrote 8 schemas' "$work/schema.out" \
  && pass "reportsite schema writes the 8 schemas into schemas/" || fail "reportsite schema: $(cat "$work/schema.out")"

# Never over a folder that holds something; nothing written, exit 2.
mkdir "$work/used" && echo keep > "$work/used/notes.txt"
"$bin" init "$work/used" --organisation X --committee Y > /dev/null 2> "$work/used.err"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(ls -A "$work/used")" = notes.txt ] && grep -q 'is not empty' "$work/used.err"; then
  pass "init into a folder that holds a file: exit 2, nothing written"
else
  fail "init into a used folder exited $rc, left $(ls -A "$work/used" | tr '\n' ' '): $(cat "$work/used.err")"
fi
# What it needs, said on the command line.
"$bin" init "$work/none" --committee Y > /dev/null 2> "$work/none.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'organisation' "$work/none.err" && [ ! -e "$work/none" ] \
  && pass "init without --organisation: exit 2, says so, writes nothing" || fail "init without --organisation exited $rc"
"$bin" init "$work/none" --organisation X --committee "Audit" --committee "audit=Audit again" > /dev/null 2> "$work/dup.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'two committees have the id `audit`' "$work/dup.err" \
  && pass "two committees with one id: exit 2" || fail "duplicate committee ids exited $rc: $(cat "$work/dup.err")"
finish
