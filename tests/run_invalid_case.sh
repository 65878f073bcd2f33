#!/bin/bash
# Usage: run_invalid_case.sh REPORTSITE CASE_DIR
#
# CASE_DIR is a site broken in one way, with expected.txt holding the
# diagnostic header lines (`path:line:col: severity: message [rule]`) the
# build must print, paths relative to the case folder. `  note:` lines are
# compared too when expected.txt has any. Asserts:
#   - `reportsite build` run inside a copy of the case exits 1;
#   - its header lines equal expected.txt exactly (a unified diff otherwise);
#   - public/ still holds exactly its sentinel file, byte-identical, and no
#     staging or old-output folder is left beside it;
#   - `check --format json` is valid JSON with as many errors as the build;
#   - `check --format sarif` is valid JSON, version 2.1.0, same error count;
#   - neither check touches public/.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 REPORTSITE CASE_DIR" >&2
  exit 2
fi
reportsite=$(realpath "$1")
case_dir=$(realpath "$2")
name=$(basename "$case_dir")
expected="$case_dir/expected.txt"

failures=0
fail() {
  echo "FAIL [$name]: $*"
  failures=$((failures + 1))
}
pass() { echo "ok   [$name]: $*"; }

[ -x "$reportsite" ] || { echo "FAIL [$name]: $reportsite is not executable"; exit 1; }
[ -f "$expected" ] || { echo "FAIL [$name]: $expected is missing"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir "$site"
cp -R "$case_dir/." "$site/"
rm -f "$site/expected.txt"
mkdir "$site/public"
printf 'sentinel: the previous output, which a failed build must leave alone\n' > "$site/public/sentinel.txt"
# Marked as an earlier build's output (a folder the builder did not write is never its to change).
printf 'reportsite output 1\nsentinel.txt\n' > "$site/public/.reportsite-output"
sentinel_sum=$(cat "$site/public/sentinel.txt" "$site/public/.reportsite-output" | cksum)
top_before=$(cd "$site" && ls -A | grep -v -x -e .reportsite -e .public.lock | sort)

# --- build ---------------------------------------------------------------
(cd "$site" && "$reportsite" build) > "$work/build.out" 2> "$work/build.err"
rc=$?
if [ "$rc" -eq 1 ]; then pass "build exits 1"; else fail "build exited $rc, expected 1"; fi

header_re='^[^ ].*: (error|warning|note): .* \[[a-z0-9._-]+\]$'
if grep -q '^  note: ' "$expected"; then
  grep -E "$header_re|^  note: " "$work/build.err" > "$work/actual.txt"
else
  grep -E "$header_re" "$work/build.err" > "$work/actual.txt"
fi
if diff -u --label expected.txt --label actual "$expected" "$work/actual.txt" > "$work/diff.txt"; then
  pass "diagnostics match expected.txt ($(wc -l < "$expected") lines)"
else
  fail "diagnostics differ from expected.txt:"
  cat "$work/diff.txt"
  echo "--- full stderr of the build:"
  cat "$work/build.err"
fi

check_public() {
  local when=$1
  local listing
  listing=$(cd "$site" && find public -mindepth 1 | sort | tr '\n' ' ')
  if [ "$listing" != "public/.reportsite-output public/sentinel.txt " ]; then
    fail "after $when, public/ holds $(grep -c . <<< "$listing") entries: $(head -8 <<< "$listing" | tr '\n' ' ')..."
  elif [ "$(cat "$site/public/sentinel.txt" "$site/public/.reportsite-output" | cksum)" != "$sentinel_sum" ]; then
    fail "after $when, public/sentinel.txt changed"
  else
    pass "after $when, public/ holds exactly the untouched sentinel"
  fi
  local top_after
  # The loader's cache may appear (it lets the build after a fix parse only what changed); nothing else may.
  top_after=$(cd "$site" && ls -A | grep -v -x -e .reportsite -e .public.lock | sort)
  if [ "$top_after" != "$top_before" ]; then
    fail "after $when, the site folder gained or lost entries (a staging folder left behind?):"
    diff <(echo "$top_before") <(echo "$top_after")
  else
    pass "after $when, no staging or old-output folder is left behind"
  fi
}
check_public build

build_errors=$(grep -cE '^[^ ].*: error: .* \[[a-z0-9._-]+\]$' "$work/build.err")

# --- check --format json and --format sarif --------------------------------
(cd "$site" && "$reportsite" check --format json) > "$work/check.json" 2> "$work/check-json.err"
rc=$?
[ "$rc" -eq 1 ] || fail "check --format json exited $rc, expected 1"
(cd "$site" && "$reportsite" check --format sarif) > "$work/check.sarif" 2> "$work/check-sarif.err"
rc=$?
[ "$rc" -eq 1 ] || fail "check --format sarif exited $rc, expected 1"
# One interpreter for both files (as python3 -m json.tool would parse them): it starts slowly.
read -r json_errors sarif_version sarif_errors < <(python3 -S -c '
import json, sys
def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except ValueError as e:
        print("not valid JSON:", path, e, file=sys.stderr)
        return None
j, s = load(sys.argv[1]), load(sys.argv[2])
je = sum(1 for d in j if d["severity"] == "error") if isinstance(j, list) else "invalid"
if isinstance(s, dict) and s.get("runs"):
    print(je, s.get("version"), sum(1 for r in s["runs"][0]["results"] if r["level"] == "error"))
else:
    print(je, "invalid", "invalid")' "$work/check.json" "$work/check.sarif")
if [ "$json_errors" = "$build_errors" ]; then
  pass "check --format json is valid JSON with $json_errors error(s), as the build"
else
  fail "check --format json: $json_errors error(s), the build $build_errors"
  head -c 2000 "$work/check.json"
fi
if [ "$sarif_version" = "2.1.0" ] && [ "$sarif_errors" = "$build_errors" ]; then
  pass "check --format sarif is valid SARIF 2.1.0 JSON with $sarif_errors error(s)"
else
  fail "check --format sarif: version $sarif_version, $sarif_errors error(s) (build: $build_errors)"
  head -c 2000 "$work/check.sarif"
fi
check_public check

if [ "$failures" -ne 0 ]; then
  echo "$name: $failures check(s) failed"
  exit 1
fi
echo "$name: all checks passed"
