#!/bin/bash
# Usage: installed_package.sh BUILD_DIR
# The library as another program meets it: `cmake --install` into a scratch
# prefix, then examples/custom-check-and-output configured with only
# find_package(reportsite) against that prefix, built, and run on a copy of
# the example site. Its own check and output must show up next to the
# built-in ones, and the installed `reportsite` must build the same site.
set -u
name=installed-package
source "$(dirname "$0")/lib.sh"
build_dir=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

if cmake --install "$build_dir" --prefix "$prefix" > "$work/install.log" 2>&1; then pass "cmake --install succeeds"
else fail "cmake --install failed:"; cat "$work/install.log"; finish; fi
for f in lib/cmake/reportsite/reportsiteConfig.cmake include/reportsite/pipeline/pipeline.h \
         include/reportsite/pipeline/registry.h bin/reportsite; do
  if [ -e "$prefix/$f" ]; then pass "installed $f"; else fail "$f is not installed"; fi
done
if [ -e "$prefix/include/reportsite/cli" ]; then fail "the CLI's headers were installed"
else pass "the CLI's headers are not installed"; fi
# Only the extension API (docs/api.md): internal headers stay in the source tree.
internal=$(cd "$prefix/include/reportsite" && ls core/memo_store.h core/parallel.h pipeline/page_stream.h \
           pipeline/rebuild.h plugin load 2>/dev/null)
if [ -z "$internal" ]; then pass "internal headers (memo store, parallel, page stream, plugin, load) are not installed"
else fail "internal headers were installed: $internal"; fi
# Every header names the others with the prefix, so none is found by a generic name.
bare=$(grep -rn '#include "' "$prefix/include/reportsite" | grep -v '#include "reportsite/')
if [ -z "$bare" ]; then pass "installed headers include each other as \"reportsite/...\" only"
else fail "installed headers include by a bare name:"; echo "$bare" | head; fi
# Each header compiles on its own with only the prefix on the include path, so
# the installed set holds everything the API's headers include.
alone_failed=0
for header in $(cd "$prefix/include" && find reportsite -name '*.h' | sort); do
  printf '#include <%s>\n' "$header" > "$work/alone.cpp"
  if ! c++ -std=c++20 -fsyntax-only -I "$prefix/include" "$work/alone.cpp" 2> "$work/alone.log"; then
    fail "$header does not compile on its own:"; head -5 "$work/alone.log"; alone_failed=1
  fi
done
[ "$alone_failed" -eq 0 ] && pass "each of the $(cd "$prefix/include" && find reportsite -name '*.h' | wc -l) installed headers compiles on its own"

# Relocatable: the package records no path of this machine's (a library's
# location, the install prefix), so a prefix copied elsewhere still works.
if grep -rqE "/usr/lib/[^ ]*cmark-gfm|$prefix" "$prefix/lib/cmake/reportsite"; then
  fail "the installed CMake files record a fixed path:"; grep -rnE "/usr/lib/[^ ]*cmark-gfm|$prefix" "$prefix/lib/cmake/reportsite"
else pass "the installed CMake files record no fixed path"; fi
mv "$prefix" "$work/moved-prefix"
prefix="$work/moved-prefix"

# Configured from a copy, so nothing of the source tree is on its include path.
cp -R "$repo_root/examples/custom-check-and-output" "$work/example"
if cmake -S "$work/example" -B "$work/example-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
     > "$work/configure.log" 2>&1; then pass "the example configures with find_package(reportsite)"
else fail "the example does not configure:"; cat "$work/configure.log"; finish; fi
if grep -rq "$repo_root/builder" "$work/example-build/CMakeFiles" 2>/dev/null; then
  fail "the example build refers to the source tree's builder/"
else pass "the example build uses only the installed headers"; fi
if cmake --build "$work/example-build" -j2 > "$work/compile.log" 2>&1; then pass "the example compiles and links"
else fail "the example does not build:"; tail -30 "$work/compile.log"; finish; fi

# A copy of the example site with one meeting's venue removed, for the example's check.
mkdir "$work/site"
cp -R "$repo_root/content" "$repo_root/data" "$work/site/"
[ -d "$repo_root/themes" ] && cp -R "$repo_root/themes" "$work/site/"
meeting=$(grep -l '^venue:' "$work/site"/content/meetings/*/*.yaml | head -1)
sed -i '/^venue:/d' "$meeting"
stem=$(basename "$meeting" .yaml)
"$work/example-build/council-build" "$work/site" "$work/out" > "$work/run.out" 2> "$work/run.err"
rc=$?
if [ "$rc" -eq 0 ]; then pass "council-build exits 0"; else fail "council-build exited $rc:"; cat "$work/run.err"; fi
if grep -Eq "^$work/site/content/meetings/[0-9]+/$stem\.yaml:[0-9]+:[0-9]+: warning: meeting $stem does not say where it was held \[council.no-venue\]" "$work/run.err"
then pass "the example's own check reports at file:line:col"
else fail "no council.no-venue warning for $stem:"; cat "$work/run.err"; fi
if [ -s "$work/out/meetings-per-committee.txt" ] && grep -Pq '^[a-z0-9-]+\t[0-9]+$' "$work/out/meetings-per-committee.txt"
then pass "the example's own output is published: $(tr '\n' ' ' < "$work/out/meetings-per-committee.txt")"
else fail "meetings-per-committee.txt is missing or malformed"; fi
if [ -f "$work/out/index.html" ] && [ -f "$work/out/undertakings.csv" ]; then pass "the built-in outputs are published beside it"
else fail "built-in outputs are missing"; fi

# Run again with nothing changed: the build is skipped, and the program, which
# prints result.diagnostics and nothing else, prints the same findings.
"$work/example-build/council-build" "$work/site" "$work/out" > "$work/run2.out" 2> "$work/run2.err"
rc=$?
if [ "$rc" -eq 0 ] && cmp -s "$work/run.err" "$work/run2.err" && grep -q 'council.no-venue' "$work/run2.err"; then
  pass "an unchanged rebuild prints the same findings ($(grep -c 'warning:' "$work/run2.err") warnings), no special case in the program"
else fail "the unchanged rebuild (exit $rc) printed other findings:"; diff "$work/run.err" "$work/run2.err" | head; fi

# The installed command builds the same site; its pages match the example's.
"$prefix/bin/reportsite" build --site "$work/site" --out "$work/out2" > /dev/null 2>&1
if diff -rq -x meetings-per-committee.txt -x .reportsite-output "$work/out" "$work/out2" > "$work/diff.txt"; then
  pass "the installed reportsite publishes the same files (but the example's own)"
else fail "outputs differ:"; head "$work/diff.txt"; fi
finish
