#!/bin/bash
# `reportsite import moderngov` on the invented Fernbrook fixtures (tests/fixtures/moderngov/responses):
# the files written byte for byte against tests/fixtures/moderngov/expected; the site builds and checks;
# nothing restricted, no address, phone, e-mail or photo reaches any file the import or a build wrote;
# a second import changes nothing; a hand-edited or confirmed meeting is left alone; hostile XML is
# refused with the place and reason, and nothing is written.
# Usage: import_moderngov.sh REPORTSITE
set -u
name=import_moderngov
source "$(dirname "$0")/lib.sh"
bin=$(realpath "$1")
fixtures=$repo_root/tests/fixtures/moderngov
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/fernbrook site"  # a space, as a shared drive may have
as_of=2026-01-15
import() { "$bin" import moderngov --as-of "$as_of" "$@"; }
# Every file under a folder with its hash and modification time, to tell whether anything changed.
snapshot() { (cd "$1" && find . -type f -printf '%p %T@\n' | sort && find . -type f -exec sha256sum {} + | sort -k2); }

# 1. A new site from the responses.
import --from "$fixtures/responses" --site "$site" --organisation "Fernbrook District Council" >"$work/out1" 2>"$work/err1"
rc=$?
[ "$rc" -eq 1 ] && pass "import exits 1: one held meeting (7001) could not be imported" || fail "import exited $rc: $(cat "$work/err1")"
[ -f "$site/data/site.yaml" ] && grep -qx 'organisation: "Fernbrook District Council"' "$site/data/site.yaml" \
  && pass "a new site made with init's defaults" || fail "no data/site.yaml: $(ls -la "$site")"
same=0
for f in $(cd "$fixtures/expected" && find . -type f ! -name import-report.md | sort); do
  if cmp -s "$fixtures/expected/$f" "$site/$f"; then same=$((same + 1)); else fail "$f differs from the expected file: $(diff "$fixtures/expected/$f" "$site/$f" | head -20)"; fi
done
[ "$same" -eq 5 ] && pass "committees, people and the 3 meeting files are byte for byte as expected"
# The report, byte for byte up to its last section, whose wording is the promise check's.
cut_report() { sed '/^## Undertakings to record/,$d' "$1"; }
if cmp -s <(cut_report "$fixtures/expected/import-report.md") <(cut_report "$site/import-report.md"); then pass "the import report is as expected"
else fail "the import report differs: $(diff <(cut_report "$fixtures/expected/import-report.md") <(cut_report "$site/import-report.md"))"; fi
grep -q '2025-06-10-audit-governance-committee.yaml:37:111: .*would circulate.*\[undertaking.untracked\]' "$site/import-report.md" \
  && pass "the report lists the untracked promise of meeting 5001 item 3 for the officer" || fail "no undertaking to-do in the report"
grep -q '^# ModernGov import report' "$work/out1" && grep -q 'meeting 5002 .*"Cancelled"' "$work/out1" \
  && pass "the report is printed too" || fail "printed: $(head -5 "$work/out1")"
for want in 'committee 102 ("Taxi Licensing Panel"): deleted' 'meeting 5002 (audit-governance-committee, 2025-07-15): "Cancelled"' \
            'meeting 5004 (audit-governance-committee, 2031-03-18): in the future' 'meeting 5005 .*no saved response' \
            'unknown attendance value "Arrived late"' 'meeting 5003 .*attendance was never recorded' \
            'document 4102 is restricted: not copied' 'document 4104 .*external link' 'document 4301 .*missing' \
            'item 3: RESOLVED is not the item.s last part' 'meeting 7001 .*restricted and more than one Schedule 12A paragraph' \
            'more than one is named "Councillor Sam Okafor"'; do
  grep -q -- "$want" "$site/import-report.md" || fail "the report does not say: $want"
done
pass "the report names each case skipped or uncertain with its ModernGov id"
[ ! -e "$site/content/meetings/2025/2025-08-05-planning-committee.yaml" ] && [ ! -e "$site/content/meetings/2025/2025-07-15-audit-governance-committee.yaml" ] \
  && [ ! -e "$site/content/meetings/2031" ] && pass "no file for the unsure exempt meeting, the cancelled or the future one" || fail "a skipped meeting was written"
ls "$site/content/documents/2025-06-10-audit-governance-committee/" > "$work/docs"
[ "$(cat "$work/docs")" = "$(printf '4101-internal-audit-plan-2025-26.pdf\n4103-fraud-error-update-report.pdf')" ] \
  && pass "only the public, non-URL documents were copied" || fail "documents copied: $(cat "$work/docs")"
[ -z "$(ls -a "$work" | grep import-)" ] && pass "no staging folder left beside the site" || fail "left behind: $(ls -a "$work")"

# 2. The imported site builds and checks.
(cd "$site" && "$bin" build --as-of "$as_of") >"$work/build.out" 2>"$work/build.err"
rc=$?
[ "$rc" -eq 0 ] && grep -q '(0 errors,' "$work/build.err" && pass "the imported site builds with exit 0" || fail "build exited $rc: $(cat "$work/build.err")"
(cd "$site" && "$bin" check --as-of "$as_of") >"$work/check.out" 2>"$work/check.err"
rc=$?
[ "$rc" -eq 0 ] && pass "reportsite check passes on it" || fail "check exited $rc: $(tail -3 "$work/check.err")"
grep -q 'exempt' "$site/public/meetings/2025-06-10-audit-governance-committee/index.html" \
  && grep -q 'Leisure Centre Management Contract' "$site/public/meetings/2025-06-10-audit-governance-committee/index.html" \
  && pass "the exempt item is published as its title and paragraph" || fail "the exempt item is not on the meeting page"

# 3. Leaks: every restricted field, address, phone, e-mail and photo of the fixtures carries a QZLEAK
# token, and the skipped meetings a NOTIMPORTED one. The fixtures have them; nothing written does.
planted=$(grep -rhoi 'qzleak-[a-z0-9-]*' "$fixtures/responses" | sort -u | wc -l)
[ "$planted" -ge 40 ] && pass "$planted distinct secrets are planted in the fixtures" || fail "only $planted tokens planted"
missing=$(python3 - "$fixtures/responses" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
fields = "agendatext minutesnonemptyhtmlbody commenttext1 title url line1 line2 postcode phone mobile email photosmallurl photobigurl".split()
seen = set()
for f in glob.glob(sys.argv[1] + "/*.xml"):
    for e in ET.parse(f).iter():
        if e.tag in fields and "qzleak" in (e.text or "").lower():
            seen.add(e.tag)
print(" ".join(x for x in fields if x not in seen))
PY
)
[ -z "$missing" ] && pass "a secret is planted in every restricted or private field (minute, agenda text, presenter, document title and address, home and work address, phone, mobile, e-mail, photo)" \
  || fail "no secret planted in: $missing"
found=$( (grep -rlia 'qzleak\|notimported' "$site" "$work/out1" "$work/err1" "$work/build.err" "$work/check.err"; \
          find "$work" -iname '*qzleak*') | sort -u)
[ -z "$found" ] && pass "no secret in any file the import, the build (public/, .reportsite/) or the check wrote or printed" \
  || fail "secrets leaked into: $found"
[ -d "$site/.reportsite" ] && [ -d "$site/public" ] && pass "(the build's output and caches were among the files searched)" || fail "no cache or output to search"

# 4. A second import of the same responses changes nothing, not even a modification time.
snapshot "$site" >"$work/before"
import --from "$fixtures/responses" --site "$site" >"$work/out2" 2>&1
snapshot "$site" >"$work/after"
cmp -s "$work/before" "$work/after" && pass "re-import: no file changed, not even its time" || fail "re-import changed: $(diff "$work/before" "$work/after" | head)"
grep -q '0 meeting files written, 3 unchanged, 0 left alone' "$work/out2" && pass "re-import says 3 unchanged" || fail "re-import said: $(tail -1 "$work/out2")"

# 5. Changed responses: an unedited draft is brought up to date; a hand-edited draft and a confirmed
# meeting are left alone, and the report says so.
cp -r "$fixtures/responses" "$work/changed"
sed -i 's/There were no apologies for absence\./There were no apologies for absence at all./' "$work/changed/GetMeeting-5003.xml" "$work/changed/GetMeeting-7002.xml"
sed -i 's/There were no declarations of interest\./No member declared an interest./' "$work/changed/GetMeeting-5001.xml"
planning="$site/content/meetings/2025/2025-09-02-planning-committee.yaml"
sed -i 's/twelve homes on land at Mill Lane\./twelve homes on land at Mill Lane (corrected by hand)./' "$planning"
cp "$planning" "$work/planning.edited"
import --from "$work/changed" --site "$site" >"$work/out3" 2>&1
cmp -s "$planning" "$work/planning.edited" && pass "a hand-edited meeting is left alone" || fail "the hand-edited meeting was overwritten"
grep -q '2025-09-02-planning-committee.yaml (meeting 7002) was left alone: it was edited since it was imported' "$work/out3" \
  && pass "the report says the edited meeting was left alone" || fail "report: $(grep -i 'left alone' "$work/out3")"
grep -q 'There were no declarations of interest\.' "$site/content/meetings/2025/2025-06-10-audit-governance-committee.yaml" \
  && grep -q '(meeting 5001) was left alone: it is confirmed' "$work/out3" \
  && pass "a confirmed meeting is left alone" || fail "the confirmed meeting was changed"
grep -q 'no apologies for absence at all' "$site/content/meetings/2025/2025-09-16-audit-governance-committee.yaml" \
  && pass "an unedited draft is brought up to date" || fail "the unedited draft was not updated"

# 6. Hostile responses: refused with the file, line and reason; nothing written, nothing changed.
hostile() {  # NAME CONTENT-MAKER: a copy of the fixtures with GetMeeting-5003.xml replaced
  rm -rf "$work/h" && cp -r "$fixtures/responses" "$work/h" && "$2" >"$work/h/GetMeeting-5003.xml"
  snapshot "$site" >"$work/h.before"
  import --from "$work/h" --site "$work/hostile-new" --organisation "Fernbrook District Council" >"$work/h.out" 2>"$work/h.err"
  local rc1=$?
  import --from "$work/h" --site "$site" >"$work/h2.out" 2>"$work/h2.err"
  local rc2=$?
  snapshot "$site" >"$work/h.after"
  if [ "$rc1" -eq 2 ] && [ "$rc2" -eq 2 ] && [ ! -e "$work/hostile-new" ] && cmp -s "$work/h.before" "$work/h.after" \
     && grep -q "GetMeeting-5003.xml:[0-9]*:[0-9]*: error: .*\[import\.$3\]" "$work/h.err" && grep -q 'nothing was written' "$work/h.err" \
     && [ -z "$(ls -a "$work" | grep import-)" ]; then
    pass "$1 refused (exit 2): $(head -1 "$work/h.err" | sed "s|$work/h/||" | cut -c1-150)"
  else
    fail "$1: exits $rc1/$rc2, stderr $(head -c 300 "$work/h.err")"
  fi
}
laughs() {
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE meeting [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
  echo '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
  echo '<meeting><meetingid>5003</meetingid><meetingdate>16/09/2025</meetingdate><agendaitems><agendaitem><agendaitemtitle>&f;</agendaitemtitle></agendaitem></agendaitems></meeting>'
}
external() {
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE meeting [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>'
  echo '<meeting><meetingid>5003</meetingid><meetingdate>16/09/2025</meetingdate><agendaitems><agendaitem><agendaitemtitle>&secret;&remote;</agendaitemtitle></agendaitem></agendaitems></meeting>'
}
undeclared() {  # an entity used with no DOCTYPE at all
  echo '<?xml version="1.0"?>'
  echo '<meeting><meetingid>5003</meetingid><agendaitems><agendaitem><agendaitemtitle>&secret;</agendaitemtitle></agendaitem></agendaitems></meeting>'
}
huge() {  # a 50 MB field
  printf '<?xml version="1.0"?>\n<meeting><meetingid>5003</meetingid><agendaitems><agendaitem><agendaitemtitle>'
  head -c 52428800 /dev/zero | tr '\0' 'x'
  printf '</agendaitemtitle></agendaitem></agendaitems></meeting>\n'
}
big_field() {  # 5 MB in one value: under the file limit, over the field limit
  printf '<?xml version="1.0"?>\n<meeting><meetingid>5003</meetingid><agendaitems><agendaitem>\n<minutesnonemptyhtmlbody>'
  head -c 5242880 /dev/zero | tr '\0' 'x'
  printf '</minutesnonemptyhtmlbody></agendaitem></agendaitems></meeting>\n'
}
bad_utf8() {
  printf '<?xml version="1.0" encoding="utf-8"?>\n<meeting>\n  <meetingid>5003</meetingid>\n  <meetinglocation>Fernbrook \xff\xfe House</meetinglocation>\n</meeting>\n'
}
hostile "a billion laughs" laughs xml-doctype
hostile "an external entity (a file and a loopback address)" external xml-doctype
hostile "an undeclared entity" undeclared xml
hostile "a 50 MB field" huge too-large
hostile "a 5 MB value" big_field too-large
hostile "invalid UTF-8" bad_utf8 encoding
grep -q 'GetMeeting-5003.xml:4:30: error: the file is not valid UTF-8' "$work/h.err" && pass "invalid UTF-8 is placed at its line and column" \
  || fail "utf-8 message: $(cat "$work/h.err")"

# 7. Into a site made by init that already has one of the committees: its id is kept, the other added.
"$bin" init "$work/existing" --organisation "Fernbrook District Council" --committee "planning=Planning Committee" >/dev/null
import --from "$fixtures/responses" --site "$work/existing" >"$work/out7" 2>&1
grep -qx -- '- id: planning' "$work/existing/data/committees.yaml" && grep -qx -- '- id: audit-governance-committee' "$work/existing/data/committees.yaml" \
  && [ -f "$work/existing/content/meetings/2025/2025-09-02-planning.yaml" ] \
  && pass "an existing site keeps its committee ids and gains the others" || fail "committees: $(cat "$work/existing/data/committees.yaml")"
grep -qx -- '- id: priya-ashdown' "$work/existing/data/people.yaml" && ! grep -qx '\[\]' "$work/existing/data/people.yaml" \
  && pass "init's empty people list is filled in" || fail "people: $(cat "$work/existing/data/people.yaml")"
(cd "$work/existing" && "$bin" build --as-of "$as_of") >/dev/null 2>"$work/build7.err" && pass "and it builds" || fail "build: $(cat "$work/build7.err")"

# 8. Usage.
"$bin" import moderngov --site "$work/x" >/dev/null 2>"$work/u1"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'needs --from DIR' "$work/u1" && pass "no --from: exit 2" || fail "no --from: $rc $(cat "$work/u1")"
"$bin" import moderngov --from "$fixtures/responses" --site "$work/x" >/dev/null 2>"$work/u2"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'give --organisation NAME' "$work/u2" && [ ! -e "$work/x" ] \
  && pass "a new site without --organisation: exit 2, nothing written" || fail "no organisation: $rc $(cat "$work/u2")"
finish
