#!/bin/bash
# Usage: deterministic.sh REPORTSITE
# The same input gives the same bytes: the example site built twice, and with
# REPORTSITE_THREADS=1 and =4, must give identical output trees.
set -u
name=deterministic
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # build LABEL [ENV=VALUE...]
  local label=$1
  shift
  if env "$@" "$reportsite" build --site "$repo_root" --out "$work/$label" > /dev/null 2> "$work/$label.err"; then
    return 0
  fi
  fail "build $label ($*) failed:"
  cat "$work/$label.err"
  return 1
}

build first && build second && build threads-1 REPORTSITE_THREADS=1 && build threads-4 REPORTSITE_THREADS=4
count=$(find "$work/first" -type f | wc -l)
[ "$count" -gt 20 ] && pass "the example site builds ($count files)" || fail "the example site built only $count files"

for other in second threads-1 threads-4; do
  if diff -r "$work/first" "$work/$other" > "$work/diff.txt"; then
    pass "build '$other' is identical to build 'first'"
  else
    fail "build '$other' differs from build 'first':"
    head -40 "$work/diff.txt"
  fi
done
if diff "$work/first.err" "$work/threads-4.err" | grep -v 'built [0-9]* files' | grep -q '^[<>]'; then
  fail "the diagnostics differ between one thread and four"
else
  pass "the diagnostics are the same with one thread and four"
fi

finish
