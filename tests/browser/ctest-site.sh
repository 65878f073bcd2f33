#!/bin/bash
# Build a site into a temporary folder and test it in the browser, as CTest runs it.
#   ctest-site.sh REPORTSITE example    every page of the example site: axe, Nu checker, keyboard, search
#   ctest-site.sh REPORTSITE register   the register's state filter, with and without JavaScript
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
"$bin" build --site "$root" --out "$out/site" || { echo "FAIL: the example site did not build"; exit 1; }
case "$mode" in
  example)
    KEYBOARD_PAGES="index.html meetings/2018-10-17-children-scrutiny/index.html undertakings/index.html search/index.html reports/children-complaints/index.html" \
      bash "$here/run.sh" "$out/site" "children in need" "Complaints Annual Report" ;;
  register)
    node "$here/register-test.js" "$out/site" overdue overdue ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
