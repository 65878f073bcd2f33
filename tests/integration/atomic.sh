#!/bin/bash
# Usage: atomic.sh REPORTSITE
# A build publishes all of its output or none of it: a build that fails (at
# load, or late, in the page check) leaves the previous output byte-identical
# with no staging folder beside it; a good build replaces the output whole;
# an output folder that cannot be written exits 2 with write.io.
set -u
name=atomic
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
out="$work/out"

snapshot() {  # every path, and every file's checksum, under $out
  (cd "$out" && find . | sort && find . -type f -exec cksum {} + | sort -k3)
}
leftovers() {  # anything beside $out but the site copies and the output's lock (the caches are in each site)
  (cd "$work" && ls -A | grep -v -x -e out -e .out.lock -e good -e broken -e late -e afile -e '.*\.err' -e '.*\.txt')
}

copy_example() {  # copy_example DIR: the example site's data/ and content/
  mkdir -p "$1"
  cp -R "$repo_root/data" "$repo_root/content" "$1/"
}

# 1. A good build.
copy_example "$work/good"
"$reportsite" build --site "$work/good" --out "$out" > /dev/null 2> "$work/good.err"
rc=$?
[ "$rc" -eq 0 ] && pass "the example builds (exit 0)" || { fail "the example build exited $rc"; cat "$work/good.err"; }
snapshot > "$work/before.txt"
pass "snapshot of the output: $(grep -c '^[0-9]' "$work/before.txt") files"

# 2. A YAML error: nothing is written.
copy_example "$work/broken"
meeting="$work/broken/content/meetings/2019/2019-10-16-children-scrutiny.yaml"
sed -i 's/^status: confirmed$/status: [confirmed/' "$meeting"
grep -q '^status: \[confirmed$' "$meeting" || fail "could not break $meeting"
"$reportsite" build --site "$work/broken" --out "$out" > /dev/null 2> "$work/broken.err"
rc=$?
[ "$rc" -eq 1 ] && pass "a build with a YAML error exits 1" || fail "a build with a YAML error exited $rc, expected 1"
grep -q '\[load.yaml-syntax\]$' "$work/broken.err" && pass "it reports load.yaml-syntax" \
  || { fail "it does not report load.yaml-syntax:"; cat "$work/broken.err"; }
snapshot > "$work/after.txt"
if diff -u "$work/before.txt" "$work/after.txt" > "$work/diff.txt"; then pass "the output is byte-identical after the failed build"
else fail "the failed build changed the output:"; head -30 "$work/diff.txt"; fi
[ -z "$(leftovers)" ] && pass "no staging folder is left beside the output" || fail "left beside the output: $(leftovers)"

# 3. A late failure (the page check, after rendering): nothing is written either.
copy_example "$work/late"
mkdir -p "$work/late/themes/default/templates"
sed 's/<html lang="{{[^}]*}}"/<html/' "$repo_root/themes/default/templates/layout.mustache" \
  > "$work/late/themes/default/templates/layout.mustache"
if cmp -s "$repo_root/themes/default/templates/layout.mustache" "$work/late/themes/default/templates/layout.mustache"; then
  fail "could not remove lang from layout.mustache"
fi
"$reportsite" build --site "$work/late" --out "$out" > /dev/null 2> "$work/late.err"
rc=$?
[ "$rc" -eq 1 ] && pass "a build failing in the page check exits 1" || fail "a build failing in the page check exited $rc"
grep -q '\[page.lang\]$' "$work/late.err" && pass "it reports page.lang" || { fail "it does not report page.lang:"; cat "$work/late.err"; }
snapshot > "$work/after.txt"
if diff -u "$work/before.txt" "$work/after.txt" > "$work/diff.txt"; then pass "the output is byte-identical after the late failure"
else fail "the late failure changed the output:"; head -30 "$work/diff.txt"; fi
[ -z "$(leftovers)" ] && pass "no staging folder is left after the late failure" || fail "left beside the output: $(leftovers)"

# 4. A file the builder did not write stops the build (it is someone's); a
# page the last build wrote and this one does not make goes.
# (An input changes, so the build cache cannot skip the work.)
echo stale > "$out/stale.html"
echo "# touched by atomic.sh" >> "$work/good/data/committees.yaml"
"$reportsite" build --site "$work/good" --out "$out" > /dev/null 2> "$work/good.err"
rc=$?
[ "$rc" -eq 2 ] && pass "a rebuild over a file the builder did not write exits 2" || fail "it exited $rc, expected 2"
grep -q 'stale.html.*\[write.output-foreign\]$' "$work/good.err" && pass "it names the file" \
  || { fail "it does not name stale.html:"; cat "$work/good.err"; }
[ -f "$out/stale.html" ] && pass "the file is kept" || fail "stale.html was removed"
rm "$out/stale.html"
# As if an earlier build had written it: a copy of a page the builder wrote, listed with that page's hash.
cp "$out/index.html" "$out/meetings/stale.html"
printf '%s meetings/stale.html\n' "$(grep ' index.html$' "$out/.reportsite-output" | cut -d' ' -f1)" >> "$out/.reportsite-output"
"$reportsite" build --site "$work/good" --out "$out" > /dev/null 2> "$work/good.err"
rc=$?
[ "$rc" -eq 0 ] && pass "rebuilding the example after an input changed exits 0" || fail "rebuilding the example exited $rc"
[ ! -e "$out/meetings/stale.html" ] && pass "a page from the old output is gone" || fail "stale.html survived the rebuild"
snapshot > "$work/after.txt"
diff -q "$work/before.txt" "$work/after.txt" > /dev/null && pass "the rebuilt output equals the first build" \
  || { fail "the rebuilt output differs from the first build:"; diff "$work/before.txt" "$work/after.txt" | head; }
[ -z "$(leftovers)" ] && pass "no staging or old-output folder is left after the rebuild" || fail "left beside the output: $(leftovers)"

# 5. An output folder that cannot be written: exit 2, write.io.
touch "$work/afile"
for target in "$work/afile/sub" /proc/reportsite-forbidden/x; do
  "$reportsite" build --site "$work/good" --out "$target" > /dev/null 2> "$work/io.err"
  rc=$?
  [ "$rc" -eq 2 ] && pass "--out $target exits 2" || fail "--out $target exited $rc, expected 2"
  grep -q '\[write.io\]$' "$work/io.err" && pass "--out $target reports write.io" \
    || { fail "--out $target does not report write.io:"; cat "$work/io.err"; }
done
[ -f "$work/afile" ] && [ ! -s "$work/afile" ] && pass "the file in the way is untouched" || fail "the file in the way changed"

finish
