#!/bin/bash
# Time `reportsite import moderngov` on a generated response set, with peak memory, then the build
# of the imported site. Not run in CI (the CI test, integration.import_moderngov_generated, uses 30).
#   tests/bench/import_moderngov.sh [REPORTSITE] [MEETINGS]    defaults: build/reportsite 1000
set -u
bin=$(realpath "${1:-build/reportsite}")
n=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_moderngov.py" --meetings "$n" --out "$work/responses" || exit 1
echo "responses: $(ls "$work/responses" | wc -l) files, $(du -sh "$work/responses" | cut -f1)"
measure() {  # LABEL COMMAND...: wall time and peak resident memory
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err"
  local rc=$?
  read -r secs kb <"$work/time"
  echo "$label: exit $rc, $secs s, peak RSS $((kb / 1024)) MB"
}
measure import "$bin" import moderngov --from "$work/responses" --site "$work/site" --organisation "Generated Council" --as-of 2026-01-15
tail -1 "$work/import.out"
measure reimport "$bin" import moderngov --from "$work/responses" --site "$work/site" --as-of 2026-01-15
tail -1 "$work/reimport.out"
measure build "$bin" build --site "$work/site" --as-of 2026-01-15
tail -1 "$work/build.err"
