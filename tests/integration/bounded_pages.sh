#!/bin/bash
# Usage: bounded_pages.sh REPORTSITE
# No page grows with the archive: the same generator (tests/bench/gen_corpus.py)
# at 200 and at 800 meetings, and for each kind of page (its top folder) the
# largest one. A list that grows with the archive grows about 4 times; a
# bounded page (lists in pages, summaries capped) grows by well under 2.5
# times. Also the sizes the issue sets at any size: no page over 300 KB, the
# home page under 60 KB.
set -u
name=bounded_pages
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
largest_by_kind() {  # SITE_OUT: "kind bytes" for the largest page of each top folder
  (cd "$1" && find . -name '*.html' -printf '%s %h\n' |
    awk '{ split($2, a, "/"); k = a[2]; if (k == "") k = "home"; if ($1 > m[k]) m[k] = $1 } END { for (k in m) print k, m[k] }' | sort)
}
for n in 200 800; do
  python3 "$repo_root/tests/bench/gen_corpus.py" --meetings "$n" --out "$work/site$n" > /dev/null || { fail "gen_corpus.py $n failed"; finish; }
  "$reportsite" build --site "$work/site$n" --out "$work/out$n" > /dev/null 2> "$work/build$n.err" \
    || { fail "the $n-meeting site did not build:"; tail -5 "$work/build$n.err"; finish; }
  largest_by_kind "$work/out$n" > "$work/sizes$n"
done
while read -r kind small; do
  big=$(awk -v k="$kind" '$1 == k { print $2 }' "$work/sizes800")
  [ -n "$big" ] || { fail "no $kind pages at 800 meetings"; continue; }
  if awk -v s="$small" -v b="$big" 'BEGIN { exit !(b <= 2.5 * s) }'; then
    pass "$kind: the largest page is $small bytes at 200 meetings, $big at 800"
  else
    fail "$kind pages grow with the archive: the largest is $small bytes at 200 meetings, $big at 800"
  fi
  [ "$big" -le 307200 ] || fail "a $kind page is $big bytes, over 300 KB"
done < "$work/sizes200"
home=$(stat -c %s "$work/out800/index.html")
[ "$home" -lt 61440 ] && pass "the home page is $home bytes (under 60 KB)" || fail "the home page is $home bytes, over 60 KB"
finish
