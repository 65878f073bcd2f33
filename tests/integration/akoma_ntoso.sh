#!/bin/bash
# Usage: akoma_ntoso.sh REPORTSITE AKN_VALIDATE
# Every meeting of a generated archive (tests/bench/gen_corpus.py, 60 meetings
# over 20 years) is written as Akoma Ntoso, valid against the OASIS schema,
# with every speaker reference resolved, and linked from its meeting's page.
set -u
name=akoma_ntoso
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")
validate=$(realpath "$2")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$repo_root/tests/bench/gen_corpus.py" --meetings 60 --out "$work/site" > /dev/null \
  || { fail "gen_corpus.py failed"; finish; }
"$reportsite" build --site "$work/site" --out "$work/out" > /dev/null 2> "$work/build.err" \
  || { fail "the generated site did not build:"; tail -5 "$work/build.err"; finish; }
meetings=$(find "$work/out/meetings" -name index.html | wc -l)
documents=$(find "$work/out/meetings" -name '*.akn.xml' | wc -l)
[ "$meetings" -gt 0 ] && [ "$documents" -eq "$meetings" ] && pass "each of the $meetings meetings has its document" \
  || fail "$documents documents for $meetings meetings"
if find "$work/out/meetings" -name '*.akn.xml' -print0 | xargs -0 "$validate" "$repo_root/tests/schemas/akomantoso/akomantoso30.xsd" > "$work/valid.txt"; then
  pass "every document validates, every reference resolves ($(tail -1 "$work/valid.txt"))"
else
  fail "documents fail:"; head -20 "$work/valid.txt"
fi
linked=0
for page in "$work"/out/meetings/*/index.html; do
  id=$(basename "$(dirname "$page")")
  grep -q "href=\"$id.akn.xml\"" "$page" && linked=$((linked + 1))
done
[ "$linked" -eq "$meetings" ] && pass "every meeting page links to its document" \
  || fail "$linked of $meetings meeting pages link to their document"
finish
