#!/bin/bash
# Usage: page_check_themes.sh REPORTSITE
# Each tests/themes-broken/<case>/templates/<file> is a default template with
# one thing broken; expect.txt names the page.* rule that must catch it (line
# 1) and a fragment of its message (line 2). Laid over the example site as
# themes/default/templates/<file>, each must fail the build (exit 1, nothing
# written) with that rule alone, naming the overriding template. The
# unmodified default theme passes.
set -u
name=page-check-themes
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/base"
cp -R "$repo_root/data" "$repo_root/content" "$work/base/"

"$reportsite" build --site "$work/base" --out "$work/base-out" > /dev/null 2> "$work/base.err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q '\[page\.' "$work/base.err"; then
  pass "the default theme builds the example with no page.* finding"
else
  fail "the default theme: exit $rc"
  grep -E ': (error|warning): ' "$work/base.err"
fi

cases=0
for dir in "$repo_root"/tests/themes-broken/*/; do
  case=$(basename "$dir")
  cases=$((cases + 1))
  rule=$(sed -n 1p "$dir/expect.txt")
  fragment=$(sed -n 2p "$dir/expect.txt")
  site="$work/$case"
  cp -R "$work/base" "$site"
  mkdir -p "$site/themes/default"
  cp -R "$dir/templates" "$site/themes/default/"
  templates=$(cd "$dir/templates" && ls)

  "$reportsite" build --site "$site" --out "$work/$case-out" > /dev/null 2> "$work/$case.err"
  rc=$?
  errors=$(grep -E '^[^ ].*: error: .* \[[a-z0-9._-]+\]$' "$work/$case.err")
  if [ "$rc" -ne 1 ]; then
    fail "$case ($templates): exit $rc, expected 1"
    continue
  fi
  if ! grep -qF "[$rule]" <<< "$errors"; then
    fail "$case ($templates): no [$rule] error; got:"
    echo "$errors" | head -5 | sed 's/^/    /'
    continue
  fi
  if ! grep -F "[$rule]" <<< "$errors" | grep -qF -- "$fragment"; then
    fail "$case: [$rule] does not say \"$fragment\":"
    grep -F "[$rule]" <<< "$errors" | head -2 | sed 's/^/    /'
    continue
  fi
  n=$(grep -c . <<< "$errors")
  pass "$case ($templates): exit 1, $n [$rule] error(s) saying \"$fragment\""
  others=$(grep -vF "[$rule]" <<< "$errors" | sed 's/.*\[\([a-z0-9._-]*\)\]$/\1/' | sort -u | tr '\n' ' ')
  [ -z "$others" ] || fail "$case: other rules fired too ($others): the override breaks more than one thing, or is stale against themes/default/templates/"
  [ ! -e "$work/$case-out" ] || fail "$case: the output folder was written"
  # The finding must send the reader to the file they changed.
  misattributed=$(grep -F "[$rule]" <<< "$errors" | grep -vcE "\(from [^()]*themes/default/templates/$templates\) \[")
  if [ "$misattributed" -eq 0 ]; then
    pass "$case: every finding names the site's $templates"
  else
    fail "$case: $misattributed of $n finding(s) do not name the site's $templates, e.g.:"
    grep -F "[$rule]" <<< "$errors" | grep -vE "\(from [^()]*themes/default/templates/$templates\) \[" | head -1 | sed 's/^/    /'
  fi
done
[ "$cases" -ge 14 ] && pass "$cases broken themes checked" || fail "only $cases broken themes found"

finish
