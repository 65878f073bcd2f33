#!/usr/bin/env bash
# Each check's speed against an older commit's, in one run, on one site.
#
#   tests/bench/checks_compare.sh [BASE [SITE [ROUNDS]]]
#
# BASE defaults to 44266db (the checks as issue 12 found them); SITE to a
# generated 1,000-meeting corpus in $TMPDIR. Builds BASE in a worktree with
# *this* checks_perftest.cpp (the check API it uses is the same there), then
# runs the two binaries in turn (checks only, three rounds a run), ROUNDS runs
# each (default 3), and prints each
# check's median time and the ratio HEAD / BASE. Below 1.00 is faster.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
base=${1:-44266db}
tmp=${TMPDIR:-/tmp}
site=${2:-$tmp/reportsite-checks-site}
rounds=${3:-3}
head_build=${HEAD_BUILD:-$repo/build}
base_tree=$tmp/reportsite-checks-base-$base

if [ ! -d "$site/data" ]; then
  python3 "$here/gen_corpus.py" --meetings 1000 --out "$site" --jobs 2 >/dev/null
fi
if [ ! -d "$base_tree" ]; then
  git -C "$repo" worktree add --detach "$base_tree" "$base" >/dev/null
fi
cp "$here/checks_perftest.cpp" "$base_tree/tests/bench/checks_perftest.cpp"
# A base from before headers took the reportsite/ prefix includes them by their bare names.
grep -q REPORTSITE_BUILD_INCLUDE "$base_tree/CMakeLists.txt" ||
  sed -i 's|#include "reportsite/|#include "|' "$base_tree/tests/bench/checks_perftest.cpp"
cmake -S "$base_tree" -B "$base_tree/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$base_tree/build" -j2 --target checks_perftest >/dev/null
cmake --build "$head_build" -j2 --target checks_perftest >/dev/null

out=$tmp/reportsite-checks-compare.$$
trap 'rm -f "$out".*' EXIT
# One thread: per-MB speed of the checks themselves, without two cores' scheduling noise.
export REPORTSITE_THREADS=1
for r in $(seq "$rounds"); do
  "$base_tree/build/checks_perftest" "$site" 3 --checks-only >>"$out.base"
  "$head_build/checks_perftest" "$site" 3 --checks-only >>"$out.head"
done
grep -m1 '^site:' "$out.head"
python3 - "$base" "$out.base" "$out.head" <<'PY'
import re, statistics, sys
base, files = sys.argv[1], sys.argv[2:]
def medians(path):
    times = {}
    for line in open(path):
        m = re.match(r"check (.+?) +([0-9.]+) s", line)
        if m:
            times.setdefault(m.group(1), []).append(float(m.group(2)))
    return {k: statistics.median(v) for k, v in times.items()}
old, new = medians(files[0]), medians(files[1])
print(f"{'check':24} {base + ' s':>10} {'HEAD s':>10} {'ratio':>7}")
for name in sorted(old.keys() & new.keys()):
    ratio = f"{new[name] / old[name]:.2f}" if old[name] > 0.0005 else "-"
    print(f"{name:24} {old[name]:10.3f} {new[name]:10.3f} {ratio:>7}")
PY
