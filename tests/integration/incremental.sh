#!/bin/bash
# Rebuilds into an existing output equal a clean build byte for byte after each
# kind of edit; files whose bytes did not change keep their modification time;
# a rebuild with nothing changed does no work; a damaged cache is ignored.
#   incremental.sh REPORTSITE
set -u
name=incremental
source "$(dirname "$0")/lib.sh"
bin=$1
# Every page is prepared even when nothing it read last time changed, and a page whose data changed
# all the same fails the build: each edit below checks that the recorded reads miss nothing.
export REPORTSITE_VERIFY_INPUT_KEYS=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site=$work/site
cp -r "$repo_root/data" "$repo_root/content" "$site" 2>/dev/null || { mkdir -p "$site"; cp -r "$repo_root/data" "$repo_root/content" "$site/"; }

build() { "$bin" build --site "$site" --out "$work/out" 2>"$work/last.log"; }
# A rebuild that must succeed: its errors (build.input-key among them) are shown.
build_ok() { build || fail "rebuild failed: $(grep -m3 'error' "$work/last.log")"; }
clean_equal() {  # $1: what was edited
  rm -rf "$work/clean" "$site"/.reportsite/clean-*
  "$bin" build --site "$site" --out "$work/clean" 2>/dev/null
  if diff -r "$work/out" "$work/clean" >"$work/diff.txt"; then pass "after $1: rebuild equals a clean build"
  else fail "after $1: rebuild differs from a clean build: $(head -3 "$work/diff.txt")"; fi
}

build || fail "first build failed: $(tail -1 "$work/last.log")"
other_akn=$work/out/meetings/2020-02-05-children-scrutiny/2020-02-05-children-scrutiny.akn.xml
touch -d '2001-01-01' "$work/out/feed.xml" "$work/out/glossary/index.html" "$work/out/assets/style.css" "$other_akn"
build
grep -q "nothing changed since the last build" "$work/last.log" && pass "no-change rebuild does no work" \
  || fail "no-change rebuild did work: $(tail -1 "$work/last.log")"

# Edit a meeting: its page changes; untouched files keep their time.
sed -i 's/The Committee receive a report/The Committee received a report/' "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
build || fail "rebuild after editing a meeting failed"
grep -q "received a report" "$work/out/meetings/2018-10-17-children-scrutiny/index.html" && pass "edited meeting page rewritten" \
  || fail "edited meeting page not rewritten"
[ "$(stat -c %Y "$work/out/assets/style.css")" = "$(date -d 2001-01-01 +%s)" ] && pass "unchanged style.css kept its modification time" \
  || fail "unchanged style.css was rewritten"
[ "$(stat -c %Y "$work/out/glossary/index.html")" = "$(date -d 2001-01-01 +%s)" ] && pass "unchanged glossary page kept its modification time" \
  || fail "unchanged glossary page was rewritten"
[ "$(stat -c %Y "$other_akn")" = "$(date -d 2001-01-01 +%s)" ] && pass "another meeting's Akoma Ntoso file kept its modification time" \
  || fail "another meeting's Akoma Ntoso file was rewritten"
# Files other than pages made from unchanged input (each other meeting's Akoma Ntoso) are kept, not made again.
made=$(sed -n 's/.* \([0-9]*\) of \([0-9]*\) other files made.*/\1 \2/p' "$work/last.log")
if [ -n "$made" ] && [ "${made% *}" -lt "${made#* }" ]; then pass "editing a meeting made ${made% *} of ${made#* } other files"
else fail "editing a meeting should keep other meetings' files: $(tail -1 "$work/last.log")"; fi
grep -q "received a report" "$work/out/meetings/2018-10-17-children-scrutiny/2018-10-17-children-scrutiny.akn.xml" \
  && pass "edited meeting's Akoma Ntoso file rewritten" || fail "edited meeting's Akoma Ntoso file not rewritten"
clean_equal "editing a meeting"
# Only pages whose template data changed are drawn again: the meeting's own, and the few that quote it.
drawn=$(sed -n 's/.*; \([0-9]*\) of \([0-9]*\) pages drawn.*/\1 \2/p' "$work/last.log")
if [ -n "$drawn" ] && [ "${drawn% *}" -ge 1 ] && [ "${drawn% *}" -lt $(( ${drawn#* } / 2 )) ]; then
  pass "editing a meeting drew ${drawn% *} of ${drawn#* } pages"
else fail "editing a meeting should draw only a few pages: $(tail -1 "$work/last.log")"; fi

# Add a meeting, then delete it.
cp "$site/content/meetings/2020/2020-02-05-children-scrutiny.yaml" "$site/content/meetings/2020/2020-03-04-children-scrutiny.yaml"
sed -i 's/^date: 2020-02-05/date: 2020-03-04/' "$site/content/meetings/2020/2020-03-04-children-scrutiny.yaml"
sed -i '/^ *- id: /s/: \(.*\)/: \1-march/' "$site/content/meetings/2020/2020-03-04-children-scrutiny.yaml"
build || fail "rebuild after adding a meeting failed: $(grep -m1 error "$work/last.log")"
[ -f "$work/out/meetings/2020-03-04-children-scrutiny/index.html" ] && pass "added meeting published" || fail "added meeting missing"
clean_equal "adding a meeting"
rm "$site/content/meetings/2020/2020-03-04-children-scrutiny.yaml"
build
[ ! -e "$work/out/meetings/2020-03-04-children-scrutiny" ] && pass "deleted meeting's page removed" || fail "deleted meeting's page still published"
clean_equal "deleting a meeting"

# Edit an action point, the glossary, a template, site.yaml.
sed -i 's/status: in-progress/status: on-hold/' "$site/content/actions/children-scrutiny.yaml"
build_ok; clean_equal "editing an action point"
printf -- '- abbr: NHS\n  term: National Health Service\n' >> "$site/data/glossary.yaml"
build_ok; clean_equal "editing the glossary"
mkdir -p "$site/themes/default/templates"
sed 's/Browse/Browse the records/' "$repo_root/themes/default/templates/home.mustache" > "$site/themes/default/templates/home.mustache"
build_ok; grep -q "Browse the records" "$work/out/index.html" && pass "template override applied" || fail "template override not applied"
grep -q "; 1 of [0-9]* pages drawn" "$work/last.log" && pass "a changed home template drew the home page alone" \
  || fail "a changed home template should draw one page: $(tail -1 "$work/last.log")"
clean_equal "editing a template"
sed -i 's/^title: .*/title: Renamed committee reports/' "$site/data/site.yaml"
build_ok; grep -q "Renamed committee reports" "$work/out/index.html" && pass "site.yaml change applied" || fail "site.yaml change not applied"
grep -q "pages drawn" "$work/last.log" && fail "a new site title must redraw every page: $(tail -1 "$work/last.log")" \
  || pass "a new site title redrew every page"
clean_equal "editing site.yaml"

# A redrawn page that loses an id breaks links on pages that were not redrawn:
# those are checked again, and nothing is published.
# The same build edits a meeting: what it made of it is remembered, but never
# taken for what the output holds (the next build must write it).
cp -r "$work/out" "$work/before-broken"
sed 's/<h3 id="{{anchor}}">/<h3>/' "$repo_root/themes/default/templates/meeting.mustache" > "$site/themes/default/templates/meeting.mustache"
sed -i 's/The Committee received a report/The Committee had received a report/' "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
build; status=$?
if [ $status -eq 1 ] && grep -q "undertakings/.*page.broken-link\|page.broken-link.*undertakings/" "$work/last.log"; then
  pass "links from unchanged pages to a lost id are found"
else fail "a lost id was not reported on unchanged pages (exit $status): $(grep -m2 error "$work/last.log")"; fi
diff -r "$work/out" "$work/before-broken" >/dev/null && pass "nothing published after the lost id" || fail "output changed after a failed build"
rm "$site/themes/default/templates/meeting.mustache"
build_ok; clean_equal "restoring the meeting template"
grep -q "had received a report" "$work/out/meetings/2018-10-17-children-scrutiny/2018-10-17-children-scrutiny.akn.xml" \
  && pass "a meeting edited in a failed build is published by the next" || fail "the next build kept the stale Akoma Ntoso file"

# A truncated cache is ignored with a warning, and the build is still right.
cache=$(ls "$site"/.reportsite/out-*.cache)
head -c 100 "$cache" > "$cache.cut" && mv "$cache.cut" "$cache"
build
grep -q "cache.ignored" "$work/last.log" && pass "truncated cache ignored with a warning" || fail "truncated cache not reported: $(tail -2 "$work/last.log")"
clean_equal "a truncated cache"
build
grep -q "nothing changed" "$work/last.log" && ! grep -q "cache.ignored" "$work/last.log" \
  && pass "the next build, with nothing changed, does not repeat the cache warning" \
  || fail "the no-change build after it said: $(tail -3 "$work/last.log")"

# A generated archive (many meetings: site.json, the open data and each
# meeting's Akoma Ntoso are spliced or kept per meeting): after editing one
# meeting the rebuild equals a clean build, and after putting it back, the first build.
gen=$work/gen
if python3 "$repo_root/tests/bench/gen_corpus.py" --meetings 60 --seed 3 --out "$gen" >/dev/null 2>&1; then
  "$bin" build --site "$gen" --out "$work/gen-first" >/dev/null 2>&1
  cp -r "$work/gen-first" "$work/gen-out"
  "$bin" build --site "$gen" --out "$work/gen-out" >/dev/null 2>&1  # its own state, as a rebuild has
  target=$(find "$gen/content/meetings" -name '*.yaml' | sort | sed -n 30p)
  cp "$target" "$work/gen-backup"
  awk 'prev ~ /minutes: \|$/ && !done { $0 = $0 " An officer added a sentence."; done = 1 } { print; prev = $0 }' \
    "$work/gen-backup" >"$target"
  "$bin" build --site "$gen" --out "$work/gen-out" 2>"$work/last.log"
  grep -q "other files made" "$work/last.log" && pass "the generated archive's edit kept files of unchanged meetings" \
    || fail "the generated archive's edit remade every file: $(tail -1 "$work/last.log")"
  "$bin" build --site "$gen" --out "$work/gen-clean" >/dev/null 2>&1
  if diff -r "$work/gen-out" "$work/gen-clean" >"$work/diff.txt"; then pass "generated archive: rebuild after an edit equals a clean build"
  else fail "generated archive: rebuild after an edit differs from a clean build: $(head -3 "$work/diff.txt")"; fi
  grep -q "An officer added a sentence." "$work/gen-out/site.json" "$work/gen-out/data/open-data.json" \
    && pass "the edit is in site.json and the open data" || fail "the edit is missing from site.json or the open data"
  cp "$work/gen-backup" "$target"
  "$bin" build --site "$gen" --out "$work/gen-out" >/dev/null 2>&1
  if diff -r "$work/gen-out" "$work/gen-first" >"$work/diff.txt"; then pass "generated archive: putting the meeting back gives the first build"
  else fail "generated archive: putting the meeting back differs from the first build: $(head -3 "$work/diff.txt")"; fi
else
  fail "tests/bench/gen_corpus.py could not generate an archive"
fi
finish
