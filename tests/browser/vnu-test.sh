#!/usr/bin/env bash
# Validates every *.html page of a built site with the Nu Html Checker (vnu-jar), in batches so
# the command line cannot overflow. Prints each error, then "N passed, M failed" (pages).
# Exit: 0 no errors, 1 some page has an error, 2 usage error or the checker could not run.
set -u
usage="usage: vnu-test.sh SITE_DIR"
site=${1:-}
if [ -z "$site" ] || [ ! -d "$site" ]; then echo "$usage" >&2; exit 2; fi
here=$(cd "$(dirname "$0")" && pwd)
jar=$here/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ]; then echo "no $jar: run npm ci --ignore-scripts --prefix tests/browser" >&2; exit 2; fi
java=${JAVA:-java}
# Client compiler only: about half the CPU time of a default start, even for 400 pages; it needs
# a bigger thread stack than the default for vnu's schema. Override with VNU_JAVA_OPTS.
read -r -a java_opts <<< "${VNU_JAVA_OPTS:--Xss4m -XX:TieredStopAtLevel=1}"
site_abs=$(cd "$site" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$site_abs" && find . -type f -name '*.html' -printf '%P\0') | sort -z > "$work/pages"
total=$(tr -cd '\0' < "$work/pages" | wc -c)
if [ "$total" -eq 0 ]; then echo "no *.html under $site"; echo "0 passed, 1 failed"; exit 1; fi

# Batches of at most 400 pages, each one Java start; vnu exits 1 when a batch has an error, and
# xargs then exits 123. Output is GNU style: "file:/abs/site/dir/page.html":L.C-L.C: error: message
(cd "$site_abs" && xargs -0 -n 400 "$java" "${java_opts[@]}" -jar "$jar" --errors-only --skip-non-html --format gnu --stdout) \
  < "$work/pages" > "$work/out" 2> "$work/err"
rc=$?

# Count pages by the quoted file name that starts each error line; print paths relative to SITE_DIR.
grep -o '^"[^"]*"' "$work/out" | sort -u > "$work/failed"
failed=$(wc -l < "$work/failed")
prefix=$(printf '%s' "file:$site_abs/" | sed 's/[][\.*^$|]/\\&/g')
sed -e "s|^\"$prefix\\([^\"]*\\)\"|\\1|" "$work/out" > "$work/errors"
cat "$work/errors"

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # Non-zero with no error reported: the checker itself failed (no Java, a crash).
  cat "$work/err" >&2
  echo "vnu could not run (exit $rc)"
  echo "0 passed, $total failed"
  exit 2
fi
echo "$((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
