#!/usr/bin/env bash
# All browser tests of a built site, in order: axe + offline + JS errors on every page, keyboard,
# search (when a query is given), Nu Html Checker. Runs each even when an earlier one failed.
# Environment: BROWSER_TEST_ARGS extra options for browser-test.js (e.g. "--max-per-kind 20");
# KEYBOARD_PAGES pages for keyboard-test.js (default: index.html and search/index.html, or the
# first other page when there is no search page).
# Exit: 0 when every suite passed, 1 otherwise, 2 usage error.
set -u
usage="usage: run.sh SITE_DIR [SEARCH_QUERY EXPECTED_TEXT]"
site=${1:-}
if [ -z "$site" ] || [ ! -d "$site" ] || [ $# -eq 2 ] || [ $# -gt 3 ]; then echo "$usage" >&2; exit 2; fi
here=$(cd "$(dirname "$0")" && pwd)
start=$(date +%s.%N)

if [ -n "${KEYBOARD_PAGES:-}" ]; then
  keyboard_pages=$KEYBOARD_PAGES
elif [ -f "$site/search/index.html" ]; then
  keyboard_pages="index.html search/index.html"
else
  other=$(cd "$site" && find . -mindepth 2 -type f -name '*.html' | sed 's|^\./||' | LC_ALL=C sort | head -n 1)
  keyboard_pages="index.html $other"
fi

passed=0; failed=0; summary=""
suite() { # NAME COMMAND...
  local name=$1; shift
  echo "== $name: $(printf "%q " "$@")"
  "$@"
  local rc=$?
  if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); summary="$summary  ok   $name"$'\n'
  else failed=$((failed + 1)); summary="$summary  FAIL $name (exit $rc)"$'\n'; fi
  echo
}

# shellcheck disable=SC2086 # the option and page lists are meant to split into words
suite pages node "$here/browser-test.js" "$site" ${BROWSER_TEST_ARGS:-}
# shellcheck disable=SC2086
suite keyboard node "$here/keyboard-test.js" "$site" $keyboard_pages
if [ $# -eq 3 ]; then
  suite search node "$here/search-test.js" "$site" "$2" "$3"
else
  summary="$summary  skip search (no SEARCH_QUERY EXPECTED_TEXT given)"$'\n'
fi
suite html bash "$here/vnu-test.sh" "$site"

end=$(date +%s.%N)
printf '== summary\n%s' "$summary"
awk -v s="$start" -v e="$end" 'BEGIN { printf "time taken: %.1f s\n", e - s }'
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
