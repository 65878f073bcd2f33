#!/bin/sh
# One command from a fresh Debian 12 machine (as root) to a built site or a
# tested tree:
#   sh scripts/quickstart.sh build   install what is missing, compile, build the example into public/
#   sh scripts/quickstart.sh test    the same, then run every test (unit, integration, browser)
set -eu
mode=${1:-build}
case "$mode" in build|test) ;; *) echo "usage: sh scripts/quickstart.sh build|test" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."

# Debian packages: the compiler, CMake and the five libraries; for tests, a
# browser, Java for the Nu Html Checker, Node.js for Playwright, Python for
# the export checks and (with python3-jsonschema and python3-yaml) the open-data
# schema and the input schemas, strace for fault injection. A tool already on the PATH is
# not installed again.
packages="g++ cmake make pkg-config wbritish libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libkainjow-mustache-dev doctest-dev libxml2-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ "$mode" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  command -v python3 >/dev/null 2>&1 || missing="$missing python3"
  command -v strace >/dev/null 2>&1 || missing="$missing strace"
  # The schema validators (tests/integration/open_data.py, input_schemas.py).
  for p in python3-jsonschema python3-yaml; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  echo "== installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q -o DPkg::Lock::Timeout=600 $missing
fi

echo "== compiling"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

echo "== building the example site"
./build/reportsite build

if [ "$mode" = test ]; then
  echo "== installing the browser test tools (npm, no install scripts)"
  npm ci --ignore-scripts --no-audit --no-fund --prefix tests/browser >/dev/null
  echo "== running every test"
  ctest --test-dir build --output-on-failure -j2
fi
