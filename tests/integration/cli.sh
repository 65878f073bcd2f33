#!/bin/bash
# Usage: cli.sh REPORTSITE
# The command line: help, version, usage errors (exit 2, with a suggestion
# for a typo), and `check` on the example site (exit 0, its known warnings).
set -u
name=cli
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run ARGS...: sets rc, out, err
  "$reportsite" "$@" > "$work/out" 2> "$work/err"
  rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
expect() {  # expect WHAT EXIT_CODE STREAM_TEXT PATTERN
  local what=$1 code=$2 text=$3 pattern=$4
  if [ "$rc" -ne "$code" ]; then fail "$what: exit $rc, expected $code"; return; fi
  if ! grep -qF -- "$pattern" <<< "$text"; then
    fail "$what: exit $code but the output lacks \"$pattern\":"
    echo "$text" | head -5 | sed 's/^/    /'
    return
  fi
  pass "$what: exit $code, says \"$pattern\""
}

run --help;            expect "--help" 0 "$out" "Usage:"
run build --help;      expect "build --help" 0 "$out" "reportsite build"
run --version;         expect "--version" 0 "$out" "reportsite "
grep -qE '^reportsite [0-9A-Za-z.+-]+$' <<< "$out" && pass "--version prints one line: $out" \
  || fail "--version prints \"$out\""
run;                   expect "no command" 2 "$err" "no command given"
run buld;              expect "unknown command buld" 2 "$err" "did you mean \`build\`?"
run biuld;             expect "unknown command biuld (two letters swapped)" 2 "$err" "did you mean \`build\`?"
run chek;              expect "unknown command chek" 2 "$err" "did you mean \`check\`?"
run frobnicate;        expect "unknown command frobnicate" 2 "$err" "unknown command \`frobnicate\`"
run build --sit x;     expect "build --sit" 2 "$err" "did you mean \`--site\`?"
run build --frobnicate; expect "build --frobnicate" 2 "$err" "unknown option --frobnicate"
run build --out;       expect "build --out without a value" 2 "$err" "needs a value"
run build --as-of notadate; expect "build --as-of notadate" 2 "$err" "--as-of needs a date"
run build --as-of 2019-02-30; expect "build --as-of 2019-02-30" 2 "$err" "--as-of needs a date"
run check --format xml; expect "check --format xml" 2 "$err" "--format must be"
run build stray;       expect "build stray" 2 "$err" "unexpected argument"

# A folder that is not a site is a usage error, reported once.
run build --site "$work/no-such-site" --out "$work/out-dir"
expect "build --site on a missing folder" 2 "$err" "[load.missing-file]"
n=$(grep -cE ': (error|warning): ' <<< "$err")
[ "$n" -eq 1 ] && pass "a missing site gives exactly one diagnostic" \
  || { fail "a missing site gives $n diagnostics, expected 1:"; grep -E ': (error|warning): ' <<< "$err" | head -5; }
[ ! -e "$work/out-dir" ] && pass "nothing is written for a missing site" || fail "$work/out-dir was written"

# check on the example site: exit 0 and exactly its known warnings.
(cd "$repo_root" && "$reportsite" check) > "$work/out" 2> "$work/err"
rc=$?
[ "$rc" -eq 0 ] && pass "check on the example site exits 0" || fail "check on the example site exited $rc"
cat > "$work/expected" <<'EXPECTED'
content/meetings/2018/2018-10-17-children-scrutiny.yaml:75:343: warning: “EHCP” is spelt out here as “Education, Health & Care Package”, but the glossary spells it “Education, Health and Care Plan”. [glossary.abbr-mismatch]
content/meetings/2018/2018-10-17-children-scrutiny.yaml:87:349: warning: “SLA” is used before it is spelt out on this page: at its first use write “Service Level Agreement (SLA)”. [glossary.abbr-undefined]
EXPECTED
grep -E '^[^ ].*: (error|warning|note): .* \[[a-z0-9._-]+\]$' "$work/err" > "$work/actual"
if diff -u --label expected --label actual "$work/expected" "$work/actual"; then
  pass "check prints the example's two known warnings"
else
  fail "check prints other diagnostics than expected (diff above)"
fi
grep -q '^0 errors, 2 warnings in [0-9]* files$' "$work/err" && pass "check ends with \"0 errors, 2 warnings in N files\"" \
  || fail "check's summary line is: $(tail -1 "$work/err")"
[ -z "$(cat "$work/out")" ] && pass "check --format text writes nothing to stdout" || fail "check wrote to stdout"

finish
