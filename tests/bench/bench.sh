#!/usr/bin/env bash
# Time `reportsite build` against Hugo on generated corpora; see README.md.
#
#   tests/bench/bench.sh [SIZES...]          default: 1000 10000 50000 meetings
#
# Environment: REPORTSITE (default build/reportsite, relative paths from the
# repository root), SEED (default 1), BENCH_DIR (default $TMPDIR/reportsite-bench,
# where corpora are kept between runs), HUGO (default hugo).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
seed=${SEED:-1}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/reportsite-bench}
reportsite=${REPORTSITE:-build/reportsite}
hugo=${HUGO:-hugo}
timer=/usr/bin/time

case $reportsite in
  /*) ;;
  */*) [ -e "$reportsite" ] || reportsite=$repo/$reportsite ;;
  *) reportsite=$(command -v "$reportsite" || echo "$reportsite") ;;
esac

for n in "${sizes[@]}"; do
  case $n in ''|*[!0-9]*) echo "bench.sh: size '$n' is not a number of meetings" >&2; exit 2 ;; esac
done
if [ ! -x "$timer" ]; then
  echo "bench.sh: $timer is missing; install it with: apt-get install -y time" >&2
  exit 2
fi

have_reportsite=1
if [ ! -x "$reportsite" ]; then
  have_reportsite=0
  echo "bench.sh: reportsite not found at $reportsite (set REPORTSITE, or build it first);" \
       "timing Hugo only" >&2
fi
have_hugo=1
if ! command -v "$hugo" >/dev/null 2>&1; then
  have_hugo=0
  echo "bench.sh: hugo not found; install it with: apt-get install -y hugo" \
       "(ratios to Hugo are left out)" >&2
fi

mkdir -p "$work"
results=$work/results.$$.tsv     # size step wall cpu mib exit
corpora=$work/corpora.$$.tsv     # size files MB bytes-per-meeting generation
: >"$results"
: >"$corpora"
trap 'rm -f "$results" "$corpora"' EXIT

gen_hash=$( (sha256sum "$here/gen_corpus.py" || cksum "$here/gen_corpus.py") 2>/dev/null | cut -d' ' -f1)

# Run a command under /usr/bin/time -v; append its figures to the results.
# usage: timed SIZE STEP DIR COMMAND...
timed() {
  local size=$1 step=$2 dir=$3
  shift 3
  local tf=$dir/time.$step ef=$dir/stderr.$step
  "$timer" -v -o "$tf" "$@" >"$dir/stdout.$step" 2>"$ef"
  local rc=$?
  awk -F': ' -v size="$size" -v step="$step" -v rc="$rc" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0
                               for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time \(seconds\)/   { cpu += $NF }
    /System time \(seconds\)/ { cpu += $NF }
    /Maximum resident set size/ { mib = $NF / 1024 }
    END { printf "%s\t%s\t%.2f\t%.2f\t%.1f\t%s\n", size, step, wall, cpu, mib, rc }
  ' "$tf" >>"$results"
  if [ "$rc" -ne 0 ]; then
    echo "bench.sh: $step at $size meetings failed (exit $rc); last lines of its stderr:" >&2
    tail -n 20 "$ef" | sed 's/^/    /' >&2
  fi
  return "$rc"
}

for n in "${sizes[@]}"; do
  dir=$work/n$n-s$seed
  site=$dir/site
  hsite=$dir/hugo
  stamp="gen_corpus $gen_hash meetings $n seed $seed"
  # An edit step cut short leaves its backup: put the meeting back first.
  if [ -f "$dir/edit.backup" ] && [ -f "$dir/edit.target" ]; then
    cp -p "$dir/edit.backup" "$(cat "$dir/edit.target")" && rm -f "$dir/edit.backup"
  fi
  if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ]; then
    echo "bench.sh: reusing the $n-meeting corpus in $dir" >&2
    gen="reused"
  else
    echo "bench.sh: generating $n meetings into $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    start=$(date +%s.%N)
    if ! python3 "$here/gen_corpus.py" --meetings "$n" --seed "$seed" \
         --out "$site" --hugo "$hsite" 2>"$dir/gen.log"; then
      cat "$dir/gen.log" >&2
      echo "bench.sh: generating $n meetings failed; skipping this size" >&2
      continue
    fi
    end=$(date +%s.%N)
    gen=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f s", b - a }')
    echo "$stamp" >"$dir/stamp"
  fi
  files=$(find "$site" -type f | wc -l)
  bytes=$(du -sb "$site/data" "$site/content" | awk '{ s += $1 } END { print s }')
  mbytes=$(find "$site/content/meetings" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  awk -v n="$n" -v f="$files" -v b="$bytes" -v m="$mbytes" -v g="$gen" \
    'BEGIN { printf "%s\t%s\t%.1f\t%.0f\t%s\n", n, f, b / 1e6, m / n, g }' >>"$corpora"

  if [ "$have_reportsite" = 1 ]; then
    out=$dir/out
    # Cold: no output, no build state (the site's .reportsite/), nothing beside the output.
    rm -rf "$out" "$dir"/.out.* "$site/.reportsite"
    echo "bench.sh: $n meetings: reportsite cold build" >&2
    timed "$n" cold "$dir" "$reportsite" build --site "$site" --out "$out"
    echo "bench.sh: $n meetings: reportsite rebuild, nothing changed" >&2
    timed "$n" no-change "$dir" "$reportsite" build --site "$site" --out "$out"

    target=$(find "$site/content/meetings" -name '*.yaml' | sort |
             awk -v n="$n" '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }')
    echo "$target" >"$dir/edit.target"
    cp -p "$target" "$dir/edit.backup"
    # Append a sentence to the first paragraph of the meeting's first minutes.
    awk 'prev ~ /minutes: \|$/ && !done { $0 = $0 " An officer added that the figures would be circulated to Members."; done = 1 }
         { print; prev = $0 }' "$dir/edit.backup" >"$target"
    echo "bench.sh: $n meetings: reportsite rebuild after editing $(basename "$target")" >&2
    timed "$n" one-edit "$dir" "$reportsite" build --site "$site" --out "$out"
    cp -p "$dir/edit.backup" "$target" && rm -f "$dir/edit.backup"
  fi

  if [ "$have_hugo" = 1 ]; then
    hout=$dir/hugo-out
    rm -rf "$hout" "$hsite/resources"
    echo "bench.sh: $n meetings: hugo cold build" >&2
    timed "$n" hugo "$dir" "$hugo" --quiet -s "$hsite" -d "$hout"
  fi
done

echo
echo "### Corpora"
echo
echo "| meetings | files | MB | bytes per meeting | generation |"
echo "|---:|---:|---:|---:|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$corpora"

echo
echo "### Builds"
echo
echo "| size | step | wall s | cpu s | peak MiB | wall / Hugo | mem / Hugo | target (at 10,000) |"
echo "|---:|---|---:|---:|---:|---:|---:|---|"
awk -F'\t' '
  { size[NR] = $1; step[NR] = $2; wall[NR] = $3; cpu[NR] = $4; mib[NR] = $5; rc[NR] = $6
    if ($2 == "hugo" && $6 == 0) { hwall[$1] = $3; hmib[$1] = $5 } }
  function ratio(a, b) { return (b > 0) ? sprintf("%.3f", a / b) : "–" }
  function mark(ok) { return ok ? "met" : "missed" }
  END {
    limit["cold"] = 0.5; limit["no-change"] = 0.01; limit["one-edit"] = 0.02
    for (i = 1; i <= NR; i++) {
      s = size[i]; label = step[i]; rw = "–"; rm = "–"; t = ""
      if (rc[i] != 0) label = label " (failed, exit " rc[i] ")"
      else if (step[i] == "hugo") { rw = "1"; rm = "1" }
      else if (s in hwall) {
        rw = ratio(wall[i], hwall[s]); rm = ratio(mib[i], hmib[s])
        t = sprintf("wall ≤ %s× %s", limit[step[i]], mark(wall[i] <= limit[step[i]] * hwall[s]))
        if (step[i] == "cold")
          t = t sprintf("; mem ≤ 0.2× %s", mark(mib[i] <= 0.2 * hmib[s]))
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", s, label, wall[i], cpu[i], mib[i], rw, rm, t
    }
  }' "$results"

echo
echo "### Growth between sizes (linear: time and memory grow no faster than size)"
echo
echo "| step | from | to | size × | wall × | cpu × | mem × |"
echo "|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '
  $6 == 0 { key = $2; if (key in last) {
              printf "| %s | %s | %s | %.1f | %s | %s | %s |\n", key, last[key], $1, $1 / last[key],
                     r($3, wall[key]), r($4, cpu[key]), r($5, mib[key]) }
            last[key] = $1; wall[key] = $3; cpu[key] = $4; mib[key] = $5 }
  function r(a, b) { rows++; return (b > 0) ? sprintf("%.1f", a / b) : "–" }
  END { if (!rows) print "| (needs two sizes that built) | | | | | | |" }' "$results"

if [ "$have_hugo" = 0 ]; then
  echo
  echo "Hugo was not found, so there are no ratios: apt-get install -y hugo"
fi
if [ "$have_reportsite" = 0 ]; then
  echo
  echo "reportsite was not found at $reportsite: only Hugo was timed."
fi
