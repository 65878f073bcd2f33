#!/bin/bash
# `reportsite watch` as a writer uses it: the site is built at once, and an
# edit saved in an editor is published within seconds, incrementally (only the
# changed file parsed, only the changed page drawn), through the same writer.
#   watch.sh REPORTSITE
set -u
name=watch
source "$(dirname "$0")/lib.sh"
bin=$1
work=$(mktemp -d)
site=$work/site
mkdir -p "$site"
cp -r "$repo_root/data" "$repo_root/content" "$site/"
"$bin" watch --site "$site" --out "$work/out" >"$work/watch.log" 2>&1 &
watcher=$!
trap 'kill $watcher 2>/dev/null; wait $watcher 2>/dev/null; rm -rf "$work"' EXIT

# Wait up to `seconds` for a command to succeed.
within() {
  local seconds=$1
  shift
  for _ in $(seq $((seconds * 10))); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}
page=$work/out/meetings/2018-10-17-children-scrutiny/index.html
sleep 0.5
if grep -q "inotify unavailable" "$work/watch.log"; then
  echo "skip [$name]: this machine offers no inotify"
  finish
fi
if within 30 test -f "$page"; then pass "the site is built when watching starts"
else fail "no site after 30 s: $(tail -3 "$work/watch.log")"; fi

sed -i 's/The Committee receive a report/The Committee received a report/' \
  "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
if within 30 grep -q "received a report" "$page"; then pass "an edit is published while watching"
else fail "the edit was not published within 30 s: $(tail -3 "$work/watch.log")"; fi
# The edited meeting's page is shown first, from the model watch keeps, and
# the rebuild after it publishes the same page with the rest.
if grep -q "^shown .*/meetings/2018-10-17-children-scrutiny/index.html in [0-9]* ms; rebuilding the rest" "$work/watch.log"; then
  pass "the edited meeting's page was shown before the rebuild"
else fail "no page was shown before the rebuild: $(tail -3 "$work/watch.log")"; fi
if within 10 grep -q "input files parsed; 1 of [0-9]* pages drawn" "$work/watch.log"; then
  pass "the rebuild reused what it could and drew only the edited meeting's page"
else fail "the rebuild was not incremental: $(grep built "$work/watch.log" | tail -1)"; fi

# A broken edit publishes nothing; fixing it publishes again.
cp "$page" "$work/before.html"
printf 'items: [\n' >> "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
within 30 grep -q "load.yaml" "$work/watch.log" && pass "a broken edit is reported" \
  || fail "a broken edit was not reported: $(tail -3 "$work/watch.log")"
cmp -s "$page" "$work/before.html" && pass "nothing published after the broken edit" \
  || fail "the page changed after a broken edit"
[ "$(grep -c '^shown ' "$work/watch.log")" = 1 ] && pass "a broken edit is not shown before its rebuild" \
  || fail "a broken edit was shown: $(grep '^shown ' "$work/watch.log")"

# Fixed, it is shown at once again.
sed -i '$ d' "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
sed -i 's/The Committee received a report/The Committee considered a report/' \
  "$site/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
if within 30 grep -q "considered a report" "$page"; then pass "the fixed edit is published"
else fail "the fixed edit was not published within 30 s: $(tail -3 "$work/watch.log")"; fi
within 10 test "$(grep -c '^shown ' "$work/watch.log")" = 2 && pass "the fixed edit was shown before its rebuild" \
  || fail "the fixed edit was not shown first: $(tail -5 "$work/watch.log")"
finish
