#!/bin/bash
# Usage: xss.sh REPORTSITE
# tests/sites/xss puts <script>alert(1)</script> into every prose, title and
# name field (and `" onmouseover="alert(2)` into some that end up in
# attributes). The build succeeds, raw HTML being a warning, and no output
# file of any kind (HTML, search index .js, JSON, CSV, ICS, XML) may carry
# the payload unescaped.
set -u
name=xss
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")
payload='<script>alert(1)'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo_root/tests/sites/xss" "$work/site"
out="$work/out"

sources=$(grep -rl --include='*.yaml' --include='*.md' -F "$payload" "$work/site/data" "$work/site/content" | wc -l)
fields=$(cat "$work/site"/data/*.yaml "$work/site"/content/*/*.md "$work/site"/content/*/*.yaml \
           "$work/site"/content/*/*/*.yaml | grep -c -F "$payload")
pass "the fixture holds the payload on $fields lines of $sources files"

"$reportsite" build --site "$work/site" --out "$out" > "$work/build.out" 2> "$work/build.err"
rc=$?
if [ "$rc" -eq 0 ]; then pass "build exits 0"
else fail "build exited $rc, expected 0:"; grep -v '^  ' "$work/build.err"; fi
raw=$(grep -c '\[markdown.raw-html\]$' "$work/build.err")
[ "$raw" -gt 0 ] && pass "raw HTML in prose is reported ($raw markdown.raw-html warnings)" \
                 || fail "no markdown.raw-html warning was printed"

# Positive controls: the payload reached the output, escaped.
grep -qF '&lt;script&gt;alert(1)' "$out/index.html" \
  && pass "index.html shows the payload as text (&lt;script&gt;)" || fail "index.html does not show the escaped payload"
grep -rqF '\u003cscript>alert(1)' "$out/assets/search" \
  && pass "the search index holds the payload escaped as \\u003c" || fail "the search index does not hold the escaped payload"

count=$(find "$out" -type f | wc -l)
leaks=$(grep -rlaF "$payload" "$out")
if [ -z "$leaks" ]; then pass "no output file (of $count) contains $payload"
else
  for f in $leaks; do
    fail "${f#$out/} contains $payload: $(grep -ao ".\{0,40\}<script>alert(1).\{0,10\}" "$f" | head -1)"
  done
fi

attr=$(grep -rlaF --include='*.html' 'onmouseover="alert(2)' "$out")
[ -z "$attr" ] && pass "no HTML page has an onmouseover attribute from the payload" \
               || fail "an attribute was injected in: $attr"

# Every <script> element in a page loads one of the site's own assets.
bad_scripts=0
while IFS=: read -r file tag; do
  src=$(sed -n 's/.* src="\([^"]*\)".*/\1/p' <<< "$tag")
  if [ -z "$src" ] || [ ! -f "$(dirname "$file")/$src" ]; then
    fail "${file#$out/} has $tag"
    bad_scripts=$((bad_scripts + 1))
  fi
done < <(grep -raoH --include='*.html' '<script[^>]*>' "$out")
[ "$bad_scripts" -eq 0 ] && pass "every <script> in the HTML pages loads a file of the site"

finish
