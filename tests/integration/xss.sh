#!/bin/bash
# Usage: xss.sh REPORTSITE
# tests/sites/xss puts <script>alert(1)</script> into every prose, title and
# name field (and `" onmouseover="alert(2)` into some that end up in
# attributes). The build succeeds, raw HTML being a warning, and no output
# file read as HTML or script (HTML, search index .js, JSON, XML) may carry
# the payload unescaped. CSV and iCalendar files are not HTML: they carry the
# plain text with their own format's escaping, never `&lt;`.
# Then two copies of the site: one with javascript:, vbscript: and data: links
# in its prose (each an error at its line and column, nothing published), and
# one whose own template links to javascript: (a page.unsafe-link error).
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

count=$(find "$out" -type f ! -name '*.csv' ! -name '*.ics' | wc -l)
leaks=$(grep -rlaF --exclude='*.csv' --exclude='*.ics' "$payload" "$out")
if [ -z "$leaks" ]; then pass "no HTML, script, JSON or XML output file (of $count) contains $payload"
else
  for f in $leaks; do
    fail "${f#$out/} contains $payload: $(grep -ao ".\{0,40\}<script>alert(1).\{0,10\}" "$f" | head -1)"
  done
fi

# CSV and iCalendar: the plain characters, RFC 4180 / RFC 5545 escaped.
entities=$(grep -rlaF --include='*.csv' --include='*.ics' '&lt;' "$out")
[ -z "$entities" ] && pass "no CSV or iCalendar file holds an HTML entity (&lt;)" \
                   || fail "HTML escaping in a non-HTML file: $entities"
grep -qaF 'Circulate the final accounts. <script>alert(1)</script>,' "$out/undertakings.csv" \
  && pass "undertakings.csv carries the undertaking's text as written" \
  || fail "undertakings.csv does not carry the plain text: $(grep -a 'accounts-follow-up' "$out/undertakings.csv")"
ics="$out/committees/audit/meetings.ics"
grep -qaF 'LOCATION:Room 1 <script>alert(1)</script>'$'\r' "$ics" \
  && pass "the committee calendar carries the venue as written" \
  || fail "meetings.ics LOCATION is not the plain text: $(grep -a LOCATION "$ics" | head -1)"
grep -qaF 'SUMMARY:Audit Committee <script>alert(1)</script> " onmouseover="alert(2)'$'\r' "$ics" \
  && pass "the committee calendar carries the committee's name as written" \
  || fail "meetings.ics SUMMARY is not the plain text: $(grep -a SUMMARY "$ics" | head -1)"

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

# --- links that run code: dropped from prose, each an error where written ---
links="$work/links"
cp -R "$repo_root/tests/sites/xss" "$links"
printf '%s\n' '' 'Print it: [print](javascript:alert(3)), ![a chart](data:text/html,x) or <vbscript:msgbox(3)>.' \
  >> "$links/content/pages/about.md"
printf '%s\n' '    See [the accounts](JaVaScRiPt:alert(3)).' >> "$links/data/committees.yaml"
sed -i 's|^      Minutes agreed. <script>alert(1)</script>$|&\n      See [the minutes](java\&#09;script:alert(3)).|' \
  "$links/content/meetings/2019/2019-02-01-audit.yaml"
"$reportsite" build --site "$links" --out "$work/links-out" > /dev/null 2> "$work/links.err"
rc=$?
[ "$rc" -eq 1 ] && pass "a site with javascript:, vbscript: or data: links in its prose fails (exit 1)" \
                || fail "the site with unsafe links: exit $rc, expected 1"
got=$(grep -E ': error: .*\[markdown\.unsafe-link\]$' "$work/links.err" | sed "s|^$links/||; s|: error: .*||")
want="content/meetings/2019/2019-02-01-audit.yaml:8:11
content/pages/about.md:9:11
content/pages/about.md:9:41
content/pages/about.md:9:73
data/committees.yaml:5:9"
if [ "$got" = "$want" ]; then pass "each unsafe link is an error at its path:line:col (5 markdown.unsafe-link)"
else
  fail "markdown.unsafe-link errors: got"
  echo "$got" | sed 's/^/    /'
  echo "  want"
  echo "$want" | sed 's/^/    /'
  grep -E ': (error|warning): ' "$work/links.err" | grep -v raw-html | head -10
fi
grep -q "the \`javascript:\` scheme" "$work/links.err" \
  && pass "the message names the scheme" || fail "no message names the javascript: scheme"
[ ! -e "$work/links-out" ] && pass "nothing was published" || fail "the output folder was written"

# --- a council's own template with a javascript: link fails the page check ---
themed="$work/themed"
cp -R "$repo_root/tests/sites/xss" "$themed"
mkdir -p "$themed/themes/default/templates"
sed 's|</h1>|&\n<p><a href="java\&#x09;script:alert(4)">Print this page</a></p>|' \
  "$repo_root/themes/default/templates/page.mustache" > "$themed/themes/default/templates/page.mustache"
"$reportsite" build --site "$themed" --out "$work/themed-out" > /dev/null 2> "$work/themed.err"
rc=$?
[ "$rc" -eq 1 ] && pass "a template linking to javascript: fails the build (exit 1)" \
                || fail "the theme with a javascript: link: exit $rc, expected 1"
grep -E '^about/index\.html: error: .*uses the `javascript:` scheme.*themes/default/templates/page\.mustache\) \[page\.unsafe-link\]$' \
  "$work/themed.err" > /dev/null \
  && pass "page.unsafe-link names the page and the council's template" \
  || { fail "no page.unsafe-link error for about/index.html naming the template:"; grep -E ': error: ' "$work/themed.err" | head -5; }
[ ! -e "$work/themed-out" ] && pass "nothing was published" || fail "the output folder was written"

finish
