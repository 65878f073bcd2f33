#!/bin/bash
# `reportsite import moderngov` on a small generated response set (tests/bench/gen_moderngov.py, 30
# meetings of 10 committees): every meeting imported, each but a committee's last confirmed by the
# next one's minutes, the exempt items published as their paragraph, and the site builds with no
# finding. The 1,000-meeting timing is tests/bench/import_moderngov.sh.
# Usage: import_moderngov_generated.sh REPORTSITE
set -u
name=import_moderngov_generated
source "$(dirname "$0")/lib.sh"
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$repo_root/tests/bench/gen_moderngov.py" --meetings 30 --out "$work/responses" || { fail "generator"; finish; }
"$bin" import moderngov --from "$work/responses" --site "$work/site" --organisation "Generated Council" --as-of 2026-01-15 >"$work/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q '30 meeting files written' "$work/out" && pass "30 meetings imported, exit 0" || fail "import exited $rc: $(tail -3 "$work/out")"
confirmed=$(grep -l '^status: confirmed   # approved as a correct record at the meeting of' -r "$work/site/content/meetings" | wc -l)
drafts=$(grep -l '^status: draft' -r "$work/site/content/meetings" | wc -l)
[ "$confirmed" -eq 20 ] && [ "$drafts" -eq 10 ] && pass "20 confirmed by the next meeting's minutes, each committee's last (10) a draft" \
  || fail "$confirmed confirmed, $drafts drafts"
exempt=$(grep -rh '^    exempt: 3$' "$work/site/content/meetings" | wc -l)
[ "$exempt" -eq 0 ] && fail "no exempt item" || pass "$exempt exempt items, each as paragraph 3 from its exclusion resolution"
(cd "$work/site" && "$bin" build --as-of 2026-01-15) >/dev/null 2>"$work/build.err"
rc=$?
[ "$rc" -eq 0 ] && grep -q '(0 errors, 0 warnings)' "$work/build.err" && pass "the site builds with 0 errors, 0 warnings" || fail "build exited $rc: $(tail -3 "$work/build.err")"
finish
