#!/bin/bash
# Usage: output_marker.sh REPORTSITE
# The marker (.reportsite-output) lies in a folder others may write, so a
# rebuild after it was edited by hand deletes nothing outside the output and
# nothing the builder did not write, on a real disk with real symlinks:
#   - entries with .., absolute paths, control characters, no hash, or a path
#     through a symlink that leads out: ignored, named in a warning, build goes on;
#   - a listed file changed by hand is kept and named;
#   - a marker whose first line is not ours: exit 2, nothing removed or published;
#   - a lock file replaced by a link is never written through.
set -u
name=output_marker
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

site="$work/site"
out="$work/site/public"
mkdir -p "$site"
cp -R "$repo_root/data" "$repo_root/content" "$site/"
meeting=$(ls "$site"/content/meetings/*/*.yaml | head -1)

build() {  # prints the exit code; stderr in $work/last.err
  "$reportsite" build --site "$site" --out "$out" > /dev/null 2> "$work/last.err"
  echo $?
}
hash_of() {  # the hash the builder records for a file (as a good build wrote it)
  grep " $1\$" "$out/.reportsite-output" | cut -d' ' -f1
}
edit_meeting() { echo "# edited $1" >> "$meeting"; }

rc=$(build)
[ "$rc" -eq 0 ] && pass "a first build exits 0" || { fail "the first build exited $rc"; cat "$work/last.err"; }
head -1 "$out/.reportsite-output" | grep -qx 'reportsite output 2' && pass "the marker records format 2" \
  || fail "the marker's first line is $(head -1 "$out/.reportsite-output")"
grep -qE '^[0-9a-f]{16} index.html$' "$out/.reportsite-output" && pass "each entry carries its file's hash" \
  || fail "index.html has no hashed entry in the marker"

# Files an attacker would have the build remove: one beside the output, one
# outside through a link, one a person keeps in the output (listed by hand).
echo "outside the output" > "$work/victim.txt"
mkdir -p "$work/elsewhere" && echo "reached through a link" > "$work/elsewhere/target.txt"
h=$(hash_of index.html)
ln -s "$work/elsewhere" "$out/link"
{
  echo "$h ../victim.txt"
  echo "$h $work/victim.txt"
  echo "$h link/target.txt"
  echo "$h link"
  printf '%s bell\a.html\n' "$h"
  echo "../victim.txt"
} >> "$out/.reportsite-output"
edit_meeting 1
rc=$(build)
[ "$rc" -eq 0 ] && pass "a rebuild over a marker with hostile entries goes on (exit 0)" \
  || { fail "it exited $rc"; cat "$work/last.err"; }
[ -f "$work/victim.txt" ] && pass "../victim.txt and its absolute path delete nothing outside" \
  || fail "the file beside the output was deleted"
[ -f "$work/elsewhere/target.txt" ] && pass "an entry through a symlinked folder deletes nothing it leads to" \
  || fail "the file behind the link was deleted"
for entry in '../victim.txt' "$work/victim.txt" 'bell\x07.html'; do
  grep -qF "holds \`$entry\`" "$work/last.err" && pass "the warning names $entry" \
    || { fail "no warning names $entry:"; cat "$work/last.err"; }
done
[ "$(grep -c '\[write.marker-bad-entry\]$' "$work/last.err")" -ge 5 ] && pass "each is a write.marker-bad-entry warning" \
  || { fail "expected 5 write.marker-bad-entry warnings:"; cat "$work/last.err"; }
grep -q 'link/target.txt.*symbolic link' "$work/last.err" && pass "the symlinked-out entry is named as such" \
  || { fail "link/target.txt is not reported:"; cat "$work/last.err"; }
[ -L "$out/link" ] && pass "the listed link is kept (reportsite never writes links)" || fail "the link was removed"
grep -q 'link was listed as reportsite.s, but it is now a symbolic link' "$work/last.err" \
  && pass "and named as changed by someone else" || { fail "the link is not reported:"; cat "$work/last.err"; }
rm "$out/link"

# A listed file, changed by hand, that the build no longer makes: kept and named.
printf '%s notes/old.html\n' "$(printf '%016x' 1)" >> "$out/.reportsite-output"
mkdir -p "$out/notes" && echo "a person's notes" > "$out/notes/old.html"
edit_meeting 2
rc=$(build)
[ "$rc" -eq 0 ] && pass "a rebuild with a changed listed file exits 0" || { fail "it exited $rc"; cat "$work/last.err"; }
[ -f "$out/notes/old.html" ] && pass "the listed file whose bytes changed is kept" || fail "it was removed"
grep -q 'notes/old.html was listed as reportsite.s, but its bytes changed.*\[write.marker-changed-file\]$' "$work/last.err" \
  && pass "a write.marker-changed-file warning names it" || { fail "no warning names it:"; cat "$work/last.err"; }
edit_meeting 3
rc=$(build)
[ "$rc" -eq 2 ] && grep -q 'did not write (notes/old.html)' "$work/last.err" \
  && pass "the next build stops rather than remove it (exit 2, named)" || { fail "it exited $rc"; cat "$work/last.err"; }
[ -f "$out/notes/old.html" ] && pass "and it is still there" || fail "it was removed"
rm -r "$out/notes"

# The builder's own stale file still goes when the marker is intact.
rc=$(build)
[ "$rc" -eq 0 ] || { fail "the repaired build exited $rc"; cat "$work/last.err"; }
mkdir -p "$site/content/pages"
printf -- '---\ntitle: Temporary\n---\nA page soon removed.\n' > "$site/content/pages/temporary.md"
build > /dev/null
temp=$(cd "$out" && ls -d temporary* 2>/dev/null | head -1)
rm "$site/content/pages/temporary.md"
rc=$(build)
if [ -n "$temp" ]; then
  [ "$rc" -eq 0 ] && [ ! -e "$out/$temp" ] && pass "a page no longer made is still removed ($temp)" \
    || { fail "the page no longer made was kept (exit $rc)"; cat "$work/last.err"; }
else
  fail "the temporary page was not published (content/pages/temporary.md)"
fi

# 3. A marker that is not ours: nothing removed, nothing published, exit 2, with a way on.
(cd "$out" && find . -type f | sort | xargs cksum) > "$work/before"
for first in 'reportsite output 7' 'garbage'; do
  sed -i "1s/.*/$first/" "$out/.reportsite-output"
  edit_meeting "damaged $first"
  rc=$(build)
  [ "$rc" -eq 2 ] && pass "a marker starting \"$first\" stops the build (exit 2)" || { fail "it exited $rc"; cat "$work/last.err"; }
  grep -q 'cannot trust.*delete the folder (or empty it) and build again' "$work/last.err" \
    && pass "and says how to proceed" || { fail "the message does not say how to go on:"; cat "$work/last.err"; }
  (cd "$out" && find . -type f | sort | xargs cksum) | grep -v ' ./.reportsite-output$' > "$work/after"
  grep -v ' ./.reportsite-output$' "$work/before" | diff -q - "$work/after" > /dev/null \
    && pass "every file of the output is as it was" || fail "the output changed"
done
[ -f "$work/victim.txt" ] && pass "the file beside the output survived it all" || fail "victim.txt is gone"

# 4. The lock beside the output, replaced by a link: never followed (it is truncated and written).
rm -rf "$out"
ln -sf "$work/victim.txt" "$site/.public.lock"
rc=$(build)
[ "$rc" -eq 2 ] && grep -q 'is a symbolic link, which reportsite never makes; remove it' "$work/last.err" \
  && pass "a symlinked lock stops the build with a way on (exit 2)" || { fail "it exited $rc"; cat "$work/last.err"; }
[ "$(cat "$work/victim.txt")" = "outside the output" ] && pass "and the file it names is untouched" \
  || fail "victim.txt was overwritten: $(cat "$work/victim.txt")"

finish
