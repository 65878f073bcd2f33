#!/bin/bash
# Usage: exempt.sh REPORTSITE
# An exempt item publishes its number, title and paragraph, and nothing else:
# tests/sites/exempt has an item whose every field holds EXEMPT-MARKER-7f3a,
# and no output file (pages, search index, feeds, exports) may contain it.
set -u
name=exempt
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")
marker='exempt-marker-7f3a'   # matched ignoring case: ids and file names hold it in lower case

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo_root/tests/sites/exempt" "$work/site"
out="$work/out"

# The marker really is in every field, or the test proves nothing.
fields=$(grep -ci "$marker" "$work/site/content/meetings/2018/2018-10-17-audit.yaml")
if [ "$fields" -ge 14 ]; then pass "the fixture holds the marker in $fields source lines"
else fail "the fixture holds the marker in only $fields source lines"; fi

"$reportsite" build --site "$work/site" --out "$out" > "$work/build.out" 2> "$work/build.err"
rc=$?
if [ "$rc" -eq 0 ]; then pass "build exits 0"
else fail "build exited $rc, expected 0:"; cat "$work/build.err"; fi

page="$out/meetings/2018-10-17-audit/index.html"
if [ -f "$page" ]; then
  grep -q '<span class="item-number">9\.</span> Contract dispute' "$page" \
    && pass "the meeting page shows item 9's number and title" \
    || fail "the meeting page does not show item 9's number and title"
  grep -q 'paragraph 3' "$page" \
    && pass "the meeting page names paragraph 3" \
    || fail "the meeting page does not name paragraph 3"
else
  fail "$page was not written"
fi

count=$(find "$out" -type f | wc -l)
leaks=$(grep -rail "$marker" "$out")
if [ -z "$leaks" ]; then pass "the marker is in none of the $count output files"
else
  fail "the marker leaked into:"
  for f in $leaks; do echo "    ${f#$out/}: $(grep -aio ".\{0,40\}$marker.\{0,40\}" "$f" | head -1)"; done
fi
# The open-data downloads by name (the grep above covers them too, but a
# download that was never written would pass it): each is there, and none
# holds the marker; the whole-model JSON gives item 9 as its number, title
# and paragraph.
for f in data/open-data.json data/open-data.schema.json $(cd "$out" && ls data/complaints/* 2>/dev/null); do
  if [ ! -f "$out/$f" ]; then fail "$f was not written"
  elif grep -qai "$marker" "$out/$f"; then fail "$f holds the marker"
  else pass "$f is written and does not hold the marker"; fi
done
grep -q '"number": "9", "title": "Contract dispute", "exempt_paragraph": 3, "exempt": 3}' "$out/data/open-data.json" \
  && pass "data/open-data.json gives item 9 as its number, title and paragraph, and closes it there" \
  || fail "data/open-data.json does not give item 9 as its number, title and paragraph only"
named=$(find "$out" -iname "*$marker*")
[ -z "$named" ] && pass "no output file is named with the marker" || fail "output files named with the marker: $named"

[ -f "$out/documents/2018-10-17/statement-of-accounts.pdf" ] \
  && pass "the public item's document was copied" \
  || fail "the public item's document was not copied"
[ ! -e "$out/documents/2018-10-17/exempt-marker-7f3a-settlement.pdf" ] \
  && pass "the exempt item's document was not copied" \
  || fail "the exempt item's document was copied"

# The register export is published too (council intranets, spreadsheets).
for format in text csv json; do
  "$reportsite" undertakings --site "$work/site" --format "$format" > "$work/register.$format" 2> /dev/null
  if grep -qai "$marker" "$work/register.$format"; then fail "undertakings --format $format shows the marker"
  else pass "undertakings --format $format does not show the marker"; fi
done

# The build's own state (the memo of parsed files and findings, the build
# cache) never holds exempt text either, and only its owner can read it.
state="$work/site/.reportsite"
if [ -d "$state" ] && [ -n "$(ls -A "$state")" ]; then
  leaks=$(grep -rail "$marker" "$state")
  [ -z "$leaks" ] && pass "the marker is in none of the build's state files ($(ls "$state" | tr '\n' ' '))" \
    || fail "the marker is in the build's state: $leaks"
  [ "$(stat -c %a "$state")" = 700 ] && pass "the state folder is the owner's alone (700)" \
    || fail "the state folder is $(stat -c %a "$state"), expected 700"
  for f in "$state"/*; do
    [ "$(stat -c %a "$f")" = 600 ] && pass "$(basename "$f") is the owner's alone (600)" \
      || fail "$(basename "$f") is $(stat -c %a "$f"), expected 600"
  done
else
  fail "no build state in $state: the memo and cache checks prove nothing"
fi
# Nor does anything beside the output (which may sit in a web root).
beside=$(cd "$work" && ls -A | grep -v -x -e site -e out -e .out.lock -e 'register\..*' -e 'build\..*')
[ -z "$beside" ] && pass "nothing but the lock is beside the output" || fail "beside the output: $beside"
# A rebuild with nothing changed, and one after an edit, keep it so.
"$reportsite" build --site "$work/site" --out "$out" > /dev/null 2>&1
echo "# edited" >> "$work/site/data/committees.yaml"
"$reportsite" build --site "$work/site" --out "$out" > /dev/null 2>&1
leaks=$(grep -rail "$marker" "$state" "$out")
[ -z "$leaks" ] && pass "after two rebuilds the marker is still in no output or state file" \
  || fail "after rebuilds the marker is in: $leaks"

finish
