#!/usr/bin/env bash
# Time reportsite against Hugo on two generated corpora; see README.md.
#
#   tests/bench/bench.sh [--big] [--smoke] [--corpus gen|prose|both] [SIZES...]
#
# Default sizes 1000 10000; --big adds 50000; --smoke is 50 meetings of both
# corpora and fails (exit 1) unless every step ran. Environment: REPORTSITE
# (default build/reportsite, relative paths from the repository root), SEED
# (default 1), BENCH_DIR (default $TMPDIR/reportsite-bench, where corpora are
# kept between runs), HUGO (default hugo).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes=()
corpora_wanted=(gen prose)
big=0
smoke=0
while [ $# -gt 0 ]; do
  case $1 in
    --big) big=1 ;;
    --smoke) smoke=1 ;;
    --corpus)
      shift
      case ${1:-} in
        gen|prose) corpora_wanted=("$1") ;;
        both) corpora_wanted=(gen prose) ;;
        *) echo "bench.sh: --corpus takes gen, prose or both" >&2; exit 2 ;;
      esac ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench.sh: unknown option '$1'" >&2; exit 2 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
if [ "$smoke" = 1 ]; then
  [ ${#sizes[@]} -gt 0 ] || sizes=(50)
elif [ ${#sizes[@]} -eq 0 ]; then
  sizes=(1000 10000)
  [ "$big" = 1 ] && sizes+=(50000)
elif [ "$big" = 1 ]; then
  sizes+=(50000)
fi
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
results=$work/results.$$.tsv     # corpus size step wall cpu mib exit
corpora=$work/corpora.$$.tsv     # corpus size files MB bytes-per-meeting generation
: >"$results"
: >"$corpora"
watch_pid=
cleanup() {
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
  rm -f "$results" "$corpora"
}
trap cleanup EXIT
failures=0

gen_hash=$(cat "$here/gen_corpus.py" "$here/gen_corpus_prose.py" | sha256sum | cut -d' ' -f1)
marker="An officer added that the figures would be circulated to Members."

# Append one result row. usage: row CORPUS SIZE STEP WALL CPU MIB RC
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# Figures from a /usr/bin/time -v file: "wall cpu mib".
time_figures() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0
                               for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time \(seconds\)/   { cpu += $NF }
    /System time \(seconds\)/ { cpu += $NF }
    /Maximum resident set size/ { mib = $NF / 1024 }
    END { printf "%.2f %.2f %.1f\n", wall, cpu, mib }' "$1"
}

# Run a command under /usr/bin/time -v; append its figures to the results.
# usage: timed CORPUS SIZE STEP DIR COMMAND...
timed() {
  local corpus=$1 size=$2 step=$3 dir=$4
  shift 4
  local tf=$dir/time.$step ef=$dir/stderr.$step
  "$timer" -v -o "$tf" "$@" >"$dir/stdout.$step" 2>"$ef"
  local rc=$?
  # exit 1 is "findings" (warnings the corpus carries on purpose): the build ran.
  [ "$rc" -eq 1 ] && [ "$step" != hugo ] && rc=0
  read -r wall cpu mib < <(time_figures "$tf")
  row "$corpus" "$size" "$step" "$wall" "$cpu" "$mib" "$rc"
  if [ "$rc" -ne 0 ]; then
    failures=$((failures + 1))
    echo "bench.sh: $step ($corpus, $size meetings) failed (exit $rc); last lines of its stderr:" >&2
    tail -n 20 "$ef" | sed 's/^/    /' >&2
  fi
  return "$rc"
}

# `reportsite watch`: wait for its first build, save an edit and time until the
# meeting's page shows it, then put the meeting back and time that too. The
# row's wall is the edit's latency (save -> page published); cpu and memory are
# the whole watch process's, first build included.
watch_step() {
  local corpus=$1 n=$2 dir=$3 site=$4 out=$5 target=$6 edited=$7 backup=$8 page=$9
  local tf=$dir/time.watch ef=$dir/stderr.watch
  : >"$ef"
  "$timer" -v -o "$tf" "$reportsite" watch --site "$site" --out "$out" >"$dir/stdout.watch" 2>"$ef" &
  local tpid=$!
  local waited=0
  until grep -q '^watching ' "$ef"; do
    sleep 0.05
    waited=$((waited + 1))
    if ! kill -0 "$tpid" 2>/dev/null || [ "$waited" -gt 12000 ]; then
      break
    fi
  done
  watch_pid=$(pgrep -P "$tpid" | head -n 1)
  local ms=- back=- rebuilt=- rc=0
  if grep -q '^watching ' "$ef" && [ -n "$watch_pid" ]; then
    sleep 0.5    # inotify watches are in place before "watching" is printed; let the build settle
    local saved_ns
    saved_ns=$(date +%s%N)
    ms=$(python3 "$here/watch_latency.py" "$target" "$edited" "$page" "$marker" present) || rc=1
    if [ "$rc" = 0 ]; then
      # Wait for the rebuild's end (the next "watching") before the second save:
      # the page may be shown first (EditPreview), the rest published after.
      local want=2 k=0
      until [ "$(grep -c '^watching ' "$ef")" -ge "$want" ] || [ "$k" -gt 12000 ]; do sleep 0.01; k=$((k + 1)); done
      rebuilt=$(( ($(date +%s%N) - saved_ns) / 1000000 ))
      back=$(python3 "$here/watch_latency.py" "$target" "$backup" "$page" "$marker" absent) || rc=1
      k=0
      until [ "$(grep -c '^watching ' "$ef")" -ge 3 ] || [ "$k" -gt 12000 ]; do sleep 0.01; k=$((k + 1)); done
    fi
  else
    rc=1
  fi
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
  wait "$tpid" 2>/dev/null
  watch_pid=
  cp -p "$backup" "$target"
  read -r _ cpu mib < <(time_figures "$tf")
  if [ "$rc" = 0 ]; then
    row "$corpus" "$n" watch-edit "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')" "$cpu" "$mib" 0
    echo "bench.sh: watch ($corpus, $n meetings): edit's page published in $ms ms, the whole rebuild in about $rebuilt ms; put back in $back ms" >&2
  else
    row "$corpus" "$n" watch-edit - "$cpu" "$mib" 1
    failures=$((failures + 1))
    echo "bench.sh: watch ($corpus, $n meetings) failed; last lines of its stderr:" >&2
    tail -n 20 "$ef" | sed 's/^/    /' >&2
  fi
}

for corpus in "${corpora_wanted[@]}"; do
  case $corpus in
    gen) generator=$here/gen_corpus.py ;;
    prose) generator=$here/gen_corpus_prose.py ;;
  esac
  for n in "${sizes[@]}"; do
    dir=$work/$corpus-n$n-s$seed
    site=$dir/site
    hsite=$dir/hugo
    stamp="$corpus $gen_hash meetings $n seed $seed"
    # An edit step cut short leaves its backup: put the meeting back first.
    if [ -f "$dir/edit.backup" ] && [ -f "$dir/edit.target" ]; then
      cp -p "$dir/edit.backup" "$(cat "$dir/edit.target")" && rm -f "$dir/edit.backup"
    fi
    if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ]; then
      echo "bench.sh: reusing the $n-meeting $corpus corpus in $dir" >&2
      gen="reused"
    else
      echo "bench.sh: generating $n meetings ($corpus) into $dir" >&2
      rm -rf "$dir"
      mkdir -p "$dir"
      start=$(date +%s.%N)
      if ! python3 "$generator" --meetings "$n" --seed "$seed" \
           --out "$site" --hugo "$hsite" 2>"$dir/gen.log"; then
        cat "$dir/gen.log" >&2
        echo "bench.sh: generating $n meetings failed; skipping this size" >&2
        failures=$((failures + 1))
        continue
      fi
      end=$(date +%s.%N)
      gen=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f s", b - a }')
      echo "$stamp" >"$dir/stamp"
    fi
    files=$(find "$site" -type f | wc -l)
    bytes=$(du -sb "$site/data" "$site/content" | awk '{ s += $1 } END { print s }')
    mbytes=$(find "$site/content/meetings" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    awk -v c="$corpus" -v n="$n" -v f="$files" -v b="$bytes" -v m="$mbytes" -v g="$gen" \
      'BEGIN { printf "%s\t%s\t%s\t%.1f\t%.0f\t%s\n", c, n, f, b / 1e6, m / n, g }' >>"$corpora"

    if [ "$have_hugo" = 1 ]; then
      hout=$dir/hugo-out
      rm -rf "$hout" "$hsite/resources"
      echo "bench.sh: $corpus, $n meetings: hugo cold build" >&2
      timed "$corpus" "$n" hugo "$dir" "$hugo" --quiet -s "$hsite" -d "$hout"
    fi

    if [ "$have_reportsite" = 1 ]; then
      out=$dir/out
      # Cold: no output, no build state (the site's .reportsite/), nothing beside the output.
      rm -rf "$out" "$dir"/.out.* "$site/.reportsite"
      echo "bench.sh: $corpus, $n meetings: reportsite cold build" >&2
      timed "$corpus" "$n" cold "$dir" "$reportsite" build --site "$site" --out "$out"
      echo "bench.sh: $corpus, $n meetings: reportsite rebuild, nothing changed" >&2
      timed "$corpus" "$n" no-change "$dir" "$reportsite" build --site "$site" --out "$out"

      target=$(find "$site/content/meetings" -name '*.yaml' | sort |
               awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }')
      echo "$target" >"$dir/edit.target"
      cp -p "$target" "$dir/edit.backup"
      # Append a sentence to the first paragraph of the meeting's first minutes.
      awk -v s="$marker" 'prev ~ /minutes: \|$/ && !done { $0 = $0 " " s; done = 1 }
           { print; prev = $0 }' "$dir/edit.backup" >"$dir/edit.new"
      cp "$dir/edit.new" "$target"
      echo "bench.sh: $corpus, $n meetings: reportsite rebuild after editing $(basename "$target")" >&2
      timed "$corpus" "$n" one-edit "$dir" "$reportsite" build --site "$site" --out "$out"
      cp -p "$dir/edit.backup" "$target"
      # Bring the output back to the unedited meeting before watching.
      "$reportsite" build --site "$site" --out "$out" >/dev/null 2>&1
      page=$out/meetings/$(basename "$target" .yaml)/index.html
      if [ -f "$page" ] && ! grep -qF "$marker" "$page"; then
        echo "bench.sh: $corpus, $n meetings: reportsite watch, one edit" >&2
        watch_step "$corpus" "$n" "$dir" "$site" "$out" "$target" "$dir/edit.new" "$dir/edit.backup" "$page"
      else
        echo "bench.sh: $page is missing or already edited; no watch step" >&2
        row "$corpus" "$n" watch-edit - - - 1
        failures=$((failures + 1))
      fi
      rm -f "$dir/edit.backup"
    fi
  done
done

echo
echo "### Corpora"
echo
echo "| corpus | meetings | files | MB | bytes per meeting | generation |"
echo "|---|---:|---:|---:|---:|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$corpora"

echo
echo "### Builds"
echo
echo "Ratios are to Hugo's cold build of the same text at the same size; watch-edit's"
echo "wall is the latency from the save to the edited meeting's page being published,"
echo "its cpu and memory those of the whole watch process (first build included)."
echo
echo "| corpus | size | step | wall s | cpu s | peak MiB | wall / Hugo | cpu / Hugo | mem / Hugo | target (at 10,000) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|"
awk -F'\t' '
  { c[NR] = $1; size[NR] = $2; step[NR] = $3; wall[NR] = $4; cpu[NR] = $5; mib[NR] = $6; rc[NR] = $7
    if ($3 == "hugo" && $7 == 0) { k = $1 SUBSEP $2; hwall[k] = $4; hcpu[k] = $5; hmib[k] = $6 } }
  function ratio(a, b) { return (b > 0 && a != "-") ? sprintf("%.3f", a / b) : "–" }
  function mark(ok) { return ok ? "met" : "missed" }
  END {
    limit["cold"] = 0.5; limit["no-change"] = 0.01; limit["one-edit"] = 0.02
    for (i = 1; i <= NR; i++) {
      k = c[i] SUBSEP size[i]; label = step[i]; rw = "–"; rc_ = "–"; rm = "–"; t = ""
      if (rc[i] != 0) label = label " (failed)"
      else if (step[i] == "hugo") { rw = "1"; rc_ = "1"; rm = "1" }
      else {
        if (k in hwall) { rw = ratio(wall[i], hwall[k]); rc_ = ratio(cpu[i], hcpu[k]); rm = ratio(mib[i], hmib[k]) }
        if (step[i] == "watch-edit") t = sprintf("≤ 0.1 s %s", mark(wall[i] <= 0.1))
        else if (k in hwall) {
          t = sprintf("wall ≤ %s× %s", limit[step[i]], mark(wall[i] <= limit[step[i]] * hwall[k]))
          if (step[i] == "cold") t = t sprintf("; mem ≤ 0.2× %s", mark(mib[i] <= 0.2 * hmib[k]))
        }
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c[i], size[i], label, wall[i], cpu[i], mib[i], rw, rc_, rm, t
    }
  }' "$results"

echo
echo "### Growth between sizes (linear: time and memory grow no faster than size)"
echo
echo "| corpus | step | from | to | size × | wall × | cpu × | mem × |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '
  $7 == 0 { key = $1 " " $3; if (key in last) {
              printf "| %s | %s | %s | %s | %.1f | %s | %s | %s |\n", $1, $3, last[key], $2, $2 / last[key],
                     r($4, wall[key]), r($5, cpu[key]), r($6, mib[key]) }
            last[key] = $2; wall[key] = $4; cpu[key] = $5; mib[key] = $6 }
  function r(a, b) { rows++; return (b > 0) ? sprintf("%.1f", a / b) : "–" }
  END { if (!rows) print "| (needs two sizes that built) | | | | | | | |" }' "$results"

if [ "$have_hugo" = 0 ]; then
  echo
  echo "Hugo was not found, so there are no ratios: apt-get install -y hugo"
fi
if [ "$have_reportsite" = 0 ]; then
  echo
  echo "reportsite was not found at $reportsite: only Hugo was timed."
fi
if [ "$smoke" = 1 ] && { [ "$failures" -gt 0 ] || [ "$have_reportsite" = 0 ]; }; then
  echo "bench.sh: smoke run: $failures step(s) failed" >&2
  exit 1
fi
exit 0
