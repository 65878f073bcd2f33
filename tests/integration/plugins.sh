#!/bin/bash
# Usage: plugins.sh REPORTSITE
# External plugins (docs/plugins.md), through the real executable:
#   - the worked example examples/python-plugin/word_count.py adds stats/words.csv and a
#     warning at the meeting line it names, on the example site and on a
#     rebuild where nothing changed;
#   - a plugin that crashes, hangs, writes invalid JSON, speaks another protocol
#     or names a path outside the output exits 1 with its error at the plugin's
#     line in data/site.yaml, and the previous output stays exactly as it was;
#   - exempt text never reaches a plugin (a probe writes down all it was sent);
#   - the builder runs with malloc's huge pages (it starts itself again with
#     GLIBC_TUNABLES set, builder/cli/main.cpp), yet a plugin gets the caller's
#     environment as it was, GLIBC_TUNABLES included or absent.
set -u
name=plugins
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")
plugins="$repo_root/tests/plugins"
version=$("$reportsite" --version | head -1 | awk '{print $2}')

work=$(mktemp -d)
trap 'rm -rf "$work" /tmp/reportsite-escaped.txt' EXIT
cp -R "$repo_root/tests/sites/exempt" "$work/site"
cp "$work/site/data/site.yaml" "$work/site.yaml.base"
cd "$work"

snapshot() { (cd out && find . | sort && find . -type f -exec cksum {} + | sort -k3); }
use_plugin() {  # use_plugin NAME COMMAND [TIMEOUT]: the only plugin, its command at data/site.yaml:7:14
  cp site.yaml.base site/data/site.yaml
  printf 'plugins:\n  - name: %s\n    command: %s\n' "$1" "$2" >> site/data/site.yaml
  [ $# -ge 3 ] && printf '    timeout: %s\n' "$3" >> site/data/site.yaml
  return 0
}
build() {  # prints the exit code; stderr in build.err
  "$reportsite" build --site site --out out > build.out 2> build.err
  echo $?
}
expect_line() {  # expect_line WHAT LINE: build.err holds LINE exactly
  if grep -qxF -- "$2" build.err; then pass "$1"
  else fail "$1: no line"; echo "    $2"; echo "  in:"; sed 's/^/    /' build.err; fi
}

# 1. The worked example. First by hand, as docs/plugins.md shows it: the
# handshake, then a document written on the command line.
example_plugin="$repo_root/examples/python-plugin/word_count.py"
python3 "$example_plugin" supports 1 && pass "the example answers the handshake with exit 0" \
  || fail "the example refused 'supports 1'"
echo '{"meetings": [], "plugin": {"name": "word-count", "options": {"short": 5}}}' | python3 "$example_plugin" > by-hand.json
if [ $? -eq 0 ] && python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if a["files"][0]["path"] == "stats/words.csv" and a["pages"] else 1)' by-hand.json
then pass "fed a document by hand, the example answers with its file and page"
else fail "the example's answer to a hand-written document:"; cat by-hand.json; fi
use_plugin word-count "python3 $repo_root/examples/python-plugin/word_count.py"
rc=$(build)
[ "$rc" -eq 0 ] && pass "the example plugin's build exits 0" || { fail "the example plugin's build exited $rc"; cat build.err; }
expect_line "its warning is at the minutes it names" \
  "site/content/meetings/2018/2018-10-17-audit.yaml:7:14: warning: the minutes of item 1 are only 7 words long: do they record what was discussed? [word-count.short-minutes]"
if [ "$(cat out/stats/words.csv 2>/dev/null)" = "$(printf 'meeting,item,title,words\n2018-10-17-audit,1,Statement of accounts,7')" ]; then
  pass "its file stats/words.csv is published"
else fail "stats/words.csv is missing or wrong:"; cat out/stats/words.csv; fi
grep -qE '^[0-9a-f]{16} stats/words.csv$' out/.reportsite-output && pass "the output's record lists stats/words.csv" \
  || fail "stats/words.csv is not in .reportsite-output"
rc=$(build)
[ "$rc" -eq 0 ] && [ -f out/stats/words.csv ] && grep -q 'word-count.short-minutes' build.err \
  && pass "a rebuild with nothing changed keeps the file and repeats the warning" \
  || { fail "the rebuild (exit $rc) lost the plugin's file or warning"; cat build.err; }
snapshot > good.snapshot

# 2. Plugins that fail: exit 1, the error at the plugin's line, the output untouched.
unchanged() {
  snapshot > now.snapshot
  cmp -s good.snapshot now.snapshot && pass "$1: the previous output is untouched" \
    || { fail "$1: the output changed:"; diff good.snapshot now.snapshot | head; }
}
failing() {  # failing WHAT RULE: exit 1 and nothing published
  local rc=$3
  [ "$rc" -eq 1 ] && pass "$1 exits 1" || { fail "$1 exited $rc, expected 1"; cat build.err; }
  grep -q "\[$2\]\$" build.err || fail "$1 does not report $2"
  unchanged "$1"
}

use_plugin crash "sh $plugins/crash.sh"
failing "a crash" plugin.failed "$(build)"
expect_line "a crash names the exit status" \
  'site/data/site.yaml:7:14: error: plugin `crash` failed: it exited with status 3 [plugin.failed]'
expect_line "a crash shows the end of standard error" '  note: its standard error ended: crash.sh: cannot read the minutes'

use_plugin hang "sh $plugins/hang.sh" 2
start=$(date +%s)
failing "a hang" plugin.timeout "$(build)"
took=$(( $(date +%s) - start ))
expect_line "a hang is stopped at its time limit" \
  'site/data/site.yaml:7:14: error: plugin `hang` ran longer than 2 s and was stopped [plugin.timeout]'
[ "$took" -lt 10 ] && pass "a hang costs the build ${took} s, not more" || fail "a hang held the build ${took} s"
pgrep -f "$plugins/hang.sh" > /dev/null && fail "the hung plugin is still running" || pass "the hung plugin was killed"

use_plugin bad-json "sh $plugins/bad_json.sh"
failing "invalid JSON" plugin.bad-json "$(build)"
expect_line "invalid JSON names the byte and what was expected" \
  'site/data/site.yaml:7:14: error: plugin `bad-json` answered with invalid JSON at byte 0 (line 1, column 1): expected a JSON value, found `C` [plugin.bad-json]'

use_plugin old-protocol "sh $plugins/old_protocol.sh"
failing "another protocol" plugin.unsupported-version "$(build)"
expect_line "another protocol is named with both versions" \
  "site/data/site.yaml:7:14: error: plugin \`old-protocol\` does not support protocol 1 of reportsite $version (\`supports 1\` exited with status 1) [plugin.unsupported-version]"
grep -q 'sent a document after refusing' build.err && fail "the document was sent after a refused handshake" \
  || pass "no document is sent after a refused handshake"

use_plugin path-escape "sh $plugins/path_escape.sh"
failing "a path escape" plugin.bad-path "$(build)"
expect_line "../ is refused" \
  'site/data/site.yaml:7:14: error: plugin `path-escape` asked to write `../escaped.txt`, which leads out of the output folder (`..`) [plugin.bad-path]'
expect_line "an absolute path is refused" \
  'site/data/site.yaml:7:14: error: plugin `path-escape` asked to write `/tmp/reportsite-escaped.txt`, which is not a path inside the output folder: write it relative to the output folder, e.g. stats/words.csv [plugin.bad-path]'
[ ! -e escaped.txt ] && [ ! -e /tmp/reportsite-escaped.txt ] && [ ! -e out/fine.txt ] \
  && pass "no file of the plugin was written, inside the output or out of it" || fail "a file of the escaping plugin was written"

# 3. Exempt text never reaches a plugin.
use_plugin exempt-probe "python3 $plugins/exempt_probe.py"
rc=$(REPORTSITE_PROBE_OUT="$work/probe.txt" build)
[ "$rc" -eq 0 ] && pass "the probe's build exits 0" || { fail "the probe's build exited $rc"; cat build.err; }
if [ -s probe.txt ] && grep -qx 'Statement of accounts' probe.txt && grep -qx 'Contract dispute' probe.txt; then
  pass "the probe was sent the site ($(wc -l < probe.txt) strings, the exempt item's title among them)"
else fail "the probe received nothing useful; the exempt check proves nothing"; fi
grep -qi 'exempt-marker-7f3a' probe.txt && fail "exempt text reached the plugin: $(grep -i -m3 'exempt-marker-7f3a' probe.txt)" \
  || pass "no exempt text reached the plugin"

# 5. The builder's restart with huge pages is its own business: a plugin sees the caller's environment.
use_plugin env-probe "sh $plugins/env_probe.sh"
for caller in "" "glibc.malloc.check=0"; do
  if [ -z "$caller" ]; then rc=$(unset GLIBC_TUNABLES; REPORTSITE_PROBE_OUT="$work/envp" build)
  else rc=$(GLIBC_TUNABLES="$caller" REPORTSITE_PROBE_OUT="$work/envp" build); fi
  [ "$rc" -eq 0 ] || { fail "the env probe's build exited $rc (GLIBC_TUNABLES='$caller')"; cat build.err; continue; }
  seen=$(grep '^GLIBC_TUNABLES=' envp.env)
  [ "$seen" = "${caller:+GLIBC_TUNABLES=$caller}" ] && ! grep -q '^REPORTSITE_CALLER_TUNABLES=' envp.env \
    && pass "a plugin sees the caller's GLIBC_TUNABLES ('$caller') and nothing of the builder's" \
    || fail "a plugin saw '$seen' (and $(grep -c REPORTSITE_CALLER envp.env) restart markers) for GLIBC_TUNABLES='$caller'"
  # ld.so parses the variable in place, so its ':' reads as a line break here.
  grep -qE "^(GLIBC_TUNABLES=)?glibc.malloc.hugetlb=1$" envp.builder \
    && pass "the builder itself was started with glibc.malloc.hugetlb=1 (GLIBC_TUNABLES='$caller')" \
    || fail "the builder was started without huge pages: $(grep GLIBC_TUNABLES envp.builder)"
done
rc=$(GLIBC_TUNABLES=glibc.malloc.hugetlb=0 REPORTSITE_PROBE_OUT="$work/envp" build)
[ "$rc" -eq 0 ] && grep -qx 'GLIBC_TUNABLES=glibc.malloc.hugetlb=0' envp.builder && grep -qx 'GLIBC_TUNABLES=glibc.malloc.hugetlb=0' envp.env \
  && pass "a caller's own hugetlb setting is left alone" || fail "GLIBC_TUNABLES=glibc.malloc.hugetlb=0 was not kept"

# 4. The example on the repository's own example site, as CI runs it.
mkdir example
cp -R "$repo_root/data" "$repo_root/content" example/
printf 'plugins:\n  - name: word-count\n    command: python3 %s/examples/python-plugin/word_count.py\n' "$repo_root" >> example/data/site.yaml
"$reportsite" build --site example --out example-out > /dev/null 2> build.err
rc=$?
[ "$rc" -eq 0 ] && [ "$(grep -c '' example-out/stats/words.csv 2>/dev/null)" -gt 2 ] \
  && pass "the example site builds with the example plugin ($(($(grep -c '' example-out/stats/words.csv) - 1)) items counted)" \
  || { fail "the example site with the example plugin exited $rc"; cat build.err; }

finish
