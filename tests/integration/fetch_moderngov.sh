#!/bin/bash
# scripts/fetch-moderngov.sh against python3's http.server on 127.0.0.1, serving the invented
# fixtures as ModernGov would (mgWebService.asmx/<Operation>?..., mgConvert2PDF.aspx?ID=...):
# it saves what the importer reads, by the returned dates, skips cancelled meetings, never asks
# for a restricted document or any document of a restricted item, sends an honest User-Agent,
# waits between requests, and stops at a 403. The saved folder imports as the fixtures do.
# Usage: fetch_moderngov.sh REPORTSITE
set -u
name=fetch_moderngov
source "$(dirname "$0")/lib.sh"
bin=$(realpath "$1")
fixtures=$repo_root/tests/fixtures/moderngov/responses
work=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

cat >"$work/server.py" <<'PY'
import http.server, sys, time, urllib.parse, os
root, log, forbid = sys.argv[1], sys.argv[2], sys.argv[3]
class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        with open(log, "a") as f:
            f.write(f"{time.monotonic():.3f}\t{self.path}\t{self.headers.get('User-Agent')}\n")
        if forbid and forbid in self.path:
            return self.send_error(403)
        op = u.path.rsplit("/", 1)[-1]
        name = {"GetCommittees": "GetCommittees.xml", "GetCouncillorsByWard": "GetCouncillorsByWard.xml",
                "GetMeetings": "GetMeetings-%s.xml" % q.get("lCommitteeId", [""])[0],
                "GetMeeting": "GetMeeting-%s.xml" % q.get("lMeetingId", [""])[0],
                "mgConvert2PDF.aspx": "attachments/%s.pdf" % q.get("ID", [""])[0]}.get(op)
        path = os.path.join(root, name) if name else ""
        if not name or not os.path.isfile(path):
            return self.send_error(404)
        data = open(path, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf" if name.endswith(".pdf") else "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer.allow_reuse_address = True
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
start_server() {  # FORBID: a part of a path answered with 403
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  : >"$work/log"
  python3 "$work/server.py" "$fixtures" "$work/log" "$1" >"$work/port" &
  server_pid=$!
  for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
  port=$(cat "$work/port")
}

start_server ""
out="$work/saved"
MODERNGOV_DELAY=0.2 REPORTSITE_CONTACT=records@fernbrook.example \
  bash "$repo_root/scripts/fetch-moderngov.sh" "http://127.0.0.1:$port" 101 2025-06-01 2025-12-31 "$out" >"$work/out" 2>"$work/err"
rc=$?
# Two things the server does not have (meeting 5005's response, attachment 4301): exit 1, the rest saved.
[ "$rc" -eq 1 ] && grep -q 'saved 7 of 9 requests into .* (3 meetings); 2 failed' "$work/out" \
  && pass "fetch exits 1 naming the 2 requests that failed: $(cat "$work/out" | sed "s|$work/||")" || fail "fetch exited $rc: $(cat "$work/out" "$work/err")"
for f in GetCommittees.xml GetCouncillorsByWard.xml GetMeetings-101.xml GetMeeting-5001.xml GetMeeting-5003.xml; do
  cmp -s "$fixtures/$f" "$out/$f" || fail "$f not saved as served"
done
pass "committees, councillors, the meetings list and each meeting's response saved as served"
[ ! -e "$out/GetMeeting-5002.xml" ] && ! grep -q 'lMeetingId=5002' "$work/log" && pass "the cancelled meeting is not asked for" || fail "asked for the cancelled meeting"
[ ! -e "$out/GetMeeting-5004.xml" ] && pass "a meeting outside the dates (2031) is not asked for, though the list has it" || fail "fetched 5004"
grep -q 'lMeetingId=5005' "$work/log" && grep -q 'GetMeeting?lMeetingId=5005: failed (HTTP 404' "$work/err" \
  && pass "a meeting the server has no response for is reported and the rest go on" || fail "5005: $(cat "$work/err")"
grep -q 'sFromDate=01/06/2025&sToDate=31/12/2025' "$work/log" && pass "dates sent as dd/mm/yyyy" || fail "dates: $(grep GetMeetings "$work/log")"
ls "$out/attachments" | sort >"$work/atts"
[ "$(cat "$work/atts")" = "$(printf '4101.pdf\n4103.pdf')" ] && pass "only the public documents of public items are saved" || fail "attachments: $(cat "$work/atts")"
if grep -q 'ID=4102\|ID=4105\|ID=4104' "$work/log"; then fail "asked for a restricted or external document: $(grep ID= "$work/log")"
else pass "never asked for the restricted appendix (4102), the restricted item's document (4105) or the external link (4104)"; fi
cut -f3 "$work/log" | sort -u >"$work/agents"
[ "$(wc -l <"$work/agents")" -eq 1 ] && grep -q '^reportsite-fetch-moderngov/1 (.*contact: records@fernbrook.example)$' "$work/agents" \
  && pass "an honest User-Agent with the contact given" || fail "agents: $(cat "$work/agents")"
# Half the pause: the server stamps each request as its thread runs, which a busy machine delays.
gaps=$(awk -F'\t' 'NR > 1 && $1 - prev < 0.1 { n++ } { prev = $1 } END { print n + 0 }' "$work/log")
[ "$gaps" -eq 0 ] && pass "it waits between requests ($(wc -l <"$work/log") requests)" || fail "$gaps requests came too soon"
grep -q '^delay=1$' "$repo_root/scripts/fetch-moderngov.sh" && pass "(a second between requests to any host not on this machine)" || fail "the default pause is not a second"

# What it saved imports as the fixtures do.
"$bin" import moderngov --from "$out" --site "$work/site" --organisation "Fernbrook District Council" --as-of 2026-01-15 >/dev/null 2>&1
cmp -s "$work/site/content/meetings/2025/2025-06-10-audit-governance-committee.yaml" \
  "$repo_root/tests/fixtures/moderngov/expected/content/meetings/2025/2025-06-10-audit-governance-committee.yaml" \
  && pass "the saved folder imports to the expected meeting file" || fail "the import of the saved folder differs"

# A 403 stops it at once: nothing more is asked for.
start_server "lMeetingId=5001"
MODERNGOV_DELAY=0 bash "$repo_root/scripts/fetch-moderngov.sh" "http://127.0.0.1:$port" 101 2025-06-01 2025-12-31 "$work/saved403" >/dev/null 2>"$work/err403"
rc=$?
last=$(tail -1 "$work/log" | cut -f2)
[ "$rc" -eq 3 ] && grep -q '403 Forbidden.*stopping' "$work/err403" && [[ $last == *lMeetingId=5001* ]] \
  && [ ! -e "$work/saved403/GetMeeting-5001.xml" ] && [ -z "$(ls "$work/saved403" | grep part)" ] \
  && pass "a 403 stops it (exit 3), nothing asked for after it, no partial file" || fail "403: exit $rc, last request $last, $(cat "$work/err403")"

# Usage.
bash "$repo_root/scripts/fetch-moderngov.sh" example.org 101 2025-06-01 2025-12-31 >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && pass "too few arguments: exit 2" || fail "usage: exit $rc"
bash "$repo_root/scripts/fetch-moderngov.sh" example.org 101 01/06/2025 2025-12-31 "$work/x" >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$work/x" ] && pass "a date not as YYYY-MM-DD: exit 2, no request" || fail "bad date: exit $rc"
finish
