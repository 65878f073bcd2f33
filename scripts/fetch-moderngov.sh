#!/bin/bash
# Save one committee's ModernGov records for `reportsite import moderngov`:
#
#   scripts/fetch-moderngov.sh HOST COMMITTEE_ID FROM TO DIR
#
# HOST is the council's ModernGov site (democracy.example.gov.uk, or a full
# https://... address); FROM and TO are dates as YYYY-MM-DD. Into DIR it saves
# GetCommittees.xml, GetCouncillorsByWard.xml, GetMeetings-<id>.xml, one
# GetMeeting-<id>.xml for each meeting in the range that was not cancelled, and
# attachments/<id>.pdf for each public document of a public item. It never asks
# for a restricted document, nor any document of a restricted item.
#
# It is polite: one request a second at most, an honest User-Agent (set
# REPORTSITE_CONTACT to an e-mail address so the council can reach you), long
# time-outs, and it stops at the first 403 (the council has said no).
# Needs curl, awk and sed only.
set -u
if [ $# -ne 5 ]; then
  echo "usage: $0 HOST COMMITTEE_ID FROM TO DIR   (dates as YYYY-MM-DD)" >&2
  exit 2
fi
host=$1 committee=$2 from=$3 to=$4 dir=$5
case "$committee" in '' | *[!0-9]*) echo "$0: COMMITTEE_ID must be a number, not '$committee'" >&2; exit 2 ;; esac
iso='^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
if ! [[ $from =~ $iso && $to =~ $iso ]]; then
  echo "$0: FROM and TO must be dates as YYYY-MM-DD" >&2
  exit 2
fi
case "$host" in
  http://* | https://*) base=${host%/} ;;
  *) base=https://$host ;;
esac
# A second between requests; a shorter pause only for a server on this machine (the tests').
delay=1
case "$base" in
  http://127.0.0.1:* | http://127.0.0.1 | http://localhost:* | http://localhost) delay=${MODERNGOV_DELAY:-1} ;;
esac
agent="reportsite-fetch-moderngov/1 (saving committee records to republish them with reportsite; contact: ${REPORTSITE_CONTACT:-not given})"
uk() { echo "${1:8:2}/${1:5:2}/${1:0:4}"; }  # YYYY-MM-DD → dd/mm/yyyy, the service's form
mkdir -p "$dir/attachments" || exit 2
requests=0 saved=0

# fetch URL FILE MAX_BYTES: saved whole or not at all. Returns 0 saved, 1 failed; exits at a 403.
fetch() {
  local url=$1 file=$2 max=$3 code
  [ "$requests" -gt 0 ] && sleep "$delay"
  requests=$((requests + 1))
  code=$(curl --silent --show-error --location --proto '=https,http' --user-agent "$agent" \
    --connect-timeout 60 --max-time 900 --retry 2 --retry-delay 30 --max-filesize "$max" \
    --output "$file.part" --write-out '%{http_code}' "$url")
  local rc=$?
  if [ "$code" = 403 ]; then
    rm -f "$file.part"
    echo "$0: $url: 403 Forbidden: the council's server refused; stopping (ask the council before trying again)" >&2
    exit 3
  fi
  if [ "$rc" -ne 0 ] || [ "$code" != 200 ]; then
    rm -f "$file.part"
    echo "$0: $url: failed (HTTP $code, curl $rc)" >&2
    return 1
  fi
  mv "$file.part" "$file" && saved=$((saved + 1))
}

service="$base/mgWebService.asmx"
xml_max=$((32 * 1024 * 1024))   # what the importer accepts
pdf_max=$((200 * 1024 * 1024))
fetch "$service/GetCommittees" "$dir/GetCommittees.xml" $xml_max || exit 1
fetch "$service/GetCouncillorsByWard" "$dir/GetCouncillorsByWard.xml" $xml_max || exit 1
fetch "$service/GetMeetings?lCommitteeId=$committee&sFromDate=$(uk "$from")&sToDate=$(uk "$to")" \
  "$dir/GetMeetings-$committee.xml" $xml_max || exit 1

# Meetings in the range, by the dates returned (some installs ignore the request's), not cancelled.
meetings=$(awk -v from="${from//-/}" -v to="${to//-/}" '
  function value(line) { sub(/^[^>]*>/, "", line); sub(/<.*$/, "", line); gsub(/^[ \t]+|[ \t]+$/, "", line); return line }
  /<meeting>/ { id = ""; date = ""; status = "" }
  /<meetingid>/ { id = value($0) }
  /<meetingdate>/ { split(value($0), d, "/"); date = sprintf("%04d%02d%02d", d[3], d[2], d[1]) }
  /<meetingstatus>/ { status = tolower(value($0)) }
  /<\/meeting>/ { if (id ~ /^[0-9]+$/ && date >= from && date <= to && status !~ /cancel/) print id }
' "$dir/GetMeetings-$committee.xml")

failed=0
for id in $meetings; do
  fetch "$service/GetMeeting?lMeetingId=$id" "$dir/GetMeeting-$id.xml" $xml_max || { failed=$((failed + 1)); continue; }
  # Public documents of public items only, asked for by id on this host (never the url the response names).
  docs=$(awk '
    function value(line) { sub(/^[^>]*>/, "", line); sub(/<.*$/, "", line); gsub(/^[ \t]+|[ \t]+$/, "", line); return line }
    /<agendaitem>/ { n = 0; restricted_item = "" }
    /<linkeddoc>/ { in_doc = 1; aid = ""; isurl = ""; restr = "" }
    /<attachmentid>/ && in_doc { aid = value($0) }
    /<isurl>/ && in_doc { isurl = tolower(value($0)) }
    /<isrestricted>/ { if (in_doc) restr = tolower(value($0)); else restricted_item = tolower(value($0)) }
    /<\/linkeddoc>/ { in_doc = 0; if (aid ~ /^[0-9]+$/ && isurl == "false" && restr == "false") ids[++n] = aid }
    /<\/agendaitem>/ { if (restricted_item == "false") for (i = 1; i <= n; i++) print ids[i] }
  ' "$dir/GetMeeting-$id.xml")
  for doc in $docs; do
    [ -s "$dir/attachments/$doc.pdf" ] && continue
    fetch "$base/mgConvert2PDF.aspx?ID=$doc" "$dir/attachments/$doc.pdf" $pdf_max || failed=$((failed + 1))
  done
done
echo "saved $saved of $requests requests into $dir ($(echo $meetings | wc -w) meetings)${failed:+; $failed failed}" | sed 's/; 0 failed$//'
[ "$failed" -eq 0 ]
