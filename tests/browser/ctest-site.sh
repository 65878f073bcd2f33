#!/bin/bash
# Build a site into a temporary folder and test it in the browser, as CTest runs it.
#   ctest-site.sh REPORTSITE example    every page of the example site: axe, Nu checker, keyboard, search
#   ctest-site.sh REPORTSITE register   the register on a generated 90-meeting site (more than one page of
#                                       undertakings): its filter, its pages, an owner's list, with and without JavaScript
#   ctest-site.sh REPORTSITE large      a generated 40-meeting site: axe on up to 3 pages of each kind, Nu checker on all,
#                                       search by a word's start, its second page and its committee filter
#   ctest-site.sh REPORTSITE init       a site from `reportsite init` with one meeting from `new meeting`: axe and the
#                                       Nu checker on every page
#   ctest-site.sh REPORTSITE import     a site from `reportsite import moderngov` of the invented fixtures
#                                       (tests/fixtures/moderngov): axe and the Nu checker on every page
set -u
bin=$1 mode=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "FAIL: browser test tools are not installed: run npm ci --ignore-scripts --prefix tests/browser"
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
site=$root
if [ "$mode" = register ]; then
  python3 "$root/tests/bench/gen_corpus.py" --meetings 90 --out "$out/corpus" --jobs 1 >/dev/null || { echo "FAIL: corpus"; exit 1; }
  site=$out/corpus
fi
if [ "$mode" = large ]; then
  python3 "$root/tests/bench/gen_corpus.py" --meetings 40 --out "$out/corpus" --jobs 1 >/dev/null || { echo "FAIL: corpus"; exit 1; }
  site=$out/corpus
fi
if [ "$mode" = init ]; then
  site=$out/new
  "$bin" init "$site" --organisation "Test Borough Council" --committee "Audit Committee" >/dev/null || { echo "FAIL: init"; exit 1; }
  (cd "$site" && "$bin" new meeting --committee audit-committee --date 2025-06-12 >/dev/null) || { echo "FAIL: new meeting"; exit 1; }
  # Fill in the skeleton as an officer would: the empty minutes and decision.
  sed -i -e 's/^time: ""/time: "19:30"/' -e 's/^venue: ""/venue: Civic Centre/' \
    -e '/minutes: |/{n;s/^      $/      Apologies were received from Councillor Example./}' \
    -e '/resolved: |/{n;s/^      $/      That the apologies be noted./}' "$site/content/meetings/2025/2025-06-12-audit-committee.yaml"
fi
if [ "$mode" = import ]; then
  site=$out/imported
  "$bin" import moderngov --from "$root/tests/fixtures/moderngov/responses" --site "$site" \
    --organisation "Fernbrook District Council" --as-of 2026-01-15 >/dev/null  # exit 1: one meeting left for the officer
  [ -f "$site/data/site.yaml" ] || { echo "FAIL: import"; exit 1; }
fi
"$bin" build --site "$site" --out "$out/site" 2>"$out/build.log" || { cat "$out/build.log"; echo "FAIL: the site did not build"; exit 1; }
case "$mode" in
  example)
    KEYBOARD_PAGES="index.html meetings/2018-10-17-children-scrutiny/index.html undertakings/index.html search/index.html reports/children-complaints/index.html" \
      bash "$here/run.sh" "$out/site" "children in need" "Complaints Annual Report" ;;
  register)
    node "$here/register-test.js" "$out/site" overdue overdue ;;
  large)
    status=0
    node "$here/browser-test.js" "$out/site" --max-per-kind 3 || status=1
    node "$here/search-test.js" "$out/site" "budg" "Budget" "report" || status=1
    bash "$here/vnu-test.sh" "$out/site" || status=1
    exit $status ;;
  import)
    status=0
    node "$here/browser-test.js" "$out/site" || status=1
    bash "$here/vnu-test.sh" "$out/site" || status=1
    exit $status ;;
  init)
    status=0
    grep -q '(0 errors, 0 warnings)' "$out/build.log" || { cat "$out/build.log"; echo "FAIL: the new site built with findings"; status=1; }
    node "$here/browser-test.js" "$out/site" || status=1
    bash "$here/vnu-test.sh" "$out/site" || status=1
    exit $status ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
