#!/bin/bash
# Usage: output_folder.sh REPORTSITE
# The output folder is the builder's alone, and publishing is all or nothing:
#   - an --out that is the site, its content/, or a folder of a council's own
#     files exits 2 and leaves every file as it was;
#   - files the builder did not write (CNAME, .git) stop the build unless
#     `keep:` names them, and then survive every rebuild;
#   - a symlinked output stays a link, its target gets the new site;
#   - two builds at once: one waits for nothing and exits 2 naming the other;
#   - a full disk (write errors injected with strace) or a failed flush exits 2
#     with the previous output byte-identical, and the next build repairs it;
#   - the swap of a large rebuild is one atomic exchange of two folders;
#   - a cache restored over an older output, or an edit whose time was put
#     back, is never taken for "nothing changed".
set -u
name=output_folder
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

snapshot() {  # every path under $1 (links as links) and every file's checksum
  (cd "$1" && find . | sort && find . -type f -exec cksum {} + | sort -k3)
}
copy_example() {
  mkdir -p "$1"
  cp -R "$repo_root/data" "$repo_root/content" "$1/"
}
build() {  # build SITE OUT [extra args]: prints the exit code; stderr in $work/last.err
  local site=$1 out=$2
  shift 2
  "$reportsite" build --site "$site" --out "$out" "$@" > /dev/null 2> "$work/last.err"
  echo $?
}

site="$work/site"
copy_example "$site"

# 1. Outputs that would hold the user's files: refused before any work, nothing touched.
snapshot "$site" > "$work/site.before"
for out in "$site" "$site/content" "$site/data" "$site/content/meetings/2018"; do
  rc=$(build "$site" "$out")
  [ "$rc" -eq 2 ] && pass "--out ${out#$work/} exits 2" || fail "--out ${out#$work/} exited $rc, expected 2"
  grep -q '\[write.unsafe-output\]$' "$work/last.err" && pass "--out ${out#$work/} says why" \
    || { fail "--out ${out#$work/} does not report write.unsafe-output:"; cat "$work/last.err"; }
done
snapshot "$site" > "$work/site.after"
diff -q "$work/site.before" "$work/site.after" > /dev/null && pass "the site folder is untouched" \
  || { fail "the site folder changed:"; diff "$work/site.before" "$work/site.after" | head; }

# A council's own folder of files.
own="$work/council-share"
mkdir -p "$own/photos" "$own/.git"
echo "jpeg" > "$own/photos/mayor.jpg"
echo "ref: refs/heads/main" > "$own/.git/HEAD"
echo "notes" > "$own/minutes-2017.docx"
ln -s photos/mayor.jpg "$own/latest.jpg"
snapshot "$own" > "$work/own.before"
rc=$(build "$site" "$own")
[ "$rc" -eq 2 ] && pass "a folder of the council's own files as --out exits 2" || fail "it exited $rc, expected 2"
grep -q 'not empty and was not written by reportsite' "$work/last.err" && pass "it says the folder is not the builder's" \
  || { fail "the message does not say why:"; cat "$work/last.err"; }
snapshot "$own" > "$work/own.after"
diff -q "$work/own.before" "$work/own.after" > /dev/null && pass "every one of its files is untouched" \
  || { fail "the council's folder changed:"; diff "$work/own.before" "$work/own.after" | head; }

# 2. A previous output with files the builder did not write.
out="$work/out"
rc=$(build "$site" "$out")
[ "$rc" -eq 0 ] && pass "a first build into a new folder exits 0" || { fail "the first build exited $rc"; cat "$work/last.err"; }
[ -f "$out/.reportsite-output" ] && pass "the output carries the builder's marker" || fail "no marker in the output"
echo "reports.example.gov.uk" > "$out/CNAME"
mkdir -p "$out/.git" && echo "ref: refs/heads/gh-pages" > "$out/.git/HEAD"
echo "# edited" >> "$site/data/committees.yaml"
snapshot "$out" > "$work/out.before"
rc=$(build "$site" "$out")
[ "$rc" -eq 2 ] && pass "a rebuild over files it did not write exits 2" || fail "it exited $rc, expected 2"
grep -q 'holds 2 files that reportsite did not write (.git/HEAD, CNAME).*keep:' "$work/last.err" \
  && pass "it names them and suggests keep:" || { fail "the message does not name them:"; cat "$work/last.err"; }
snapshot "$out" > "$work/out.after"
diff -q "$work/out.before" "$work/out.after" > /dev/null && pass "the output is untouched" || fail "the output changed"

printf 'keep: [CNAME, .git/]\n' >> "$site/data/site.yaml"
rc=$(build "$site" "$out")
[ "$rc" -eq 0 ] && pass "with keep: [CNAME, .git/] the rebuild exits 0" || { fail "it exited $rc"; cat "$work/last.err"; }
[ "$(cat "$out/CNAME" 2>/dev/null)" = "reports.example.gov.uk" ] && [ -f "$out/.git/HEAD" ] \
  && pass "CNAME and .git survive an in-place rebuild" || fail "kept files were lost in an in-place rebuild"

# 3. A large rebuild (over 1,000 changed files: the whole output is swapped in),
#    through a symlinked output, keeping CNAME and .git.
big="$work/big"
python3 "$repo_root/tests/bench/gen_corpus.py" --meetings 400 --out "$big" > /dev/null
printf 'keep: [CNAME, .git/]\n' >> "$big/data/site.yaml"
mkdir "$work/real-out"
ln -s real-out "$work/link-out"
rc=$(build "$big" "$work/link-out")
[ "$rc" -eq 0 ] && pass "a build into a symlinked output exits 0" || { fail "it exited $rc"; cat "$work/last.err"; }
echo "reports.example.gov.uk" > "$work/real-out/CNAME"
mkdir -p "$work/real-out/.git" && echo "ref: refs/heads/gh-pages" > "$work/real-out/.git/HEAD"
sed -i 's/^title: \(.*\)$/title: \1 (renamed)/' "$big/data/site.yaml"   # every page changes
strace -f -qq -o "$work/renames.txt" -e trace=rename,renameat,renameat2 "$reportsite" build --site "$big" \
  --out "$work/link-out" > /dev/null 2> "$work/last.err"
rc=$?
[ "$rc" -eq 0 ] && pass "a rebuild changing every page exits 0" || { fail "it exited $rc"; cat "$work/last.err"; }
[ -L "$work/link-out" ] && pass "the symlinked output is still a link" || fail "the symlink was replaced by a folder"
grep -q '(renamed)' "$work/real-out/index.html" && pass "the link's target holds the new site" \
  || fail "the link's target kept the old site"
[ "$(cat "$work/real-out/CNAME" 2>/dev/null)" = "reports.example.gov.uk" ] && [ -f "$work/real-out/.git/HEAD" ] \
  && pass "CNAME and .git survive the swap" || fail "kept files were lost in the swap"
swaps=$(grep -c 'RENAME_EXCHANGE' "$work/renames.txt")
moves=$(grep -E 'rename(at2?)?\(' "$work/renames.txt" | grep -v RENAME_EXCHANGE | grep -c 'real-out"')
[ "$swaps" -eq 1 ] && [ "$moves" -eq 0 ] \
  && pass "the new output took the old one's place in one atomic exchange (no moment without an output)" \
  || { fail "the swap was $swaps exchanges and $moves plain renames of the output:"; grep real-out "$work/renames.txt" | head; }
leftover=$(cd "$work" && ls -A | grep -e '\.staging$' -e '\.old$')
[ -z "$leftover" ] && pass "no staging or old folder is left" || fail "left beside the output: $leftover"

# 4. Two builds at once into one folder: the second exits 2 naming the first; the output is one whole site.
sed -i 's/ (renamed)$/ (twice)/' "$big/data/site.yaml"
"$reportsite" build --site "$big" --out "$work/link-out" > /dev/null 2> "$work/first.err" &
first=$!
for _ in $(seq 1 200); do [ -e "$work/.real-out.lock" ] && break; sleep 0.01; done
sleep 0.1
"$reportsite" build --site "$big" --out "$work/link-out" > /dev/null 2> "$work/second.err"
second_rc=$?
wait "$first"
first_rc=$?
[ "$first_rc" -eq 0 ] && pass "the first build exits 0" || { fail "the first build exited $first_rc"; cat "$work/first.err"; }
[ "$second_rc" -eq 2 ] && pass "the build started while it ran exits 2" \
  || { fail "the second build exited $second_rc, expected 2"; cat "$work/second.err"; }
grep -q 'another build is writing .*(process [0-9]*, started .*)' "$work/second.err" \
  && pass "it names the build that holds the folder" || { fail "it does not say who:"; cat "$work/second.err"; }
made=$(find "$work/real-out" -type f -not -name CNAME -not -path '*/.git/*' -not -name .reportsite-output | wc -l)
listed=$(($(wc -l < "$work/real-out/.reportsite-output") - 1))
[ "$made" -eq "$listed" ] && pass "the output holds exactly the one build's $listed files" \
  || fail "the output holds $made files, the marker lists $listed"

# 5. A full disk: every write fails. Exit 2, the previous output byte-identical; the next build is right.
if command -v strace > /dev/null; then
  copy_example "$work/disk"
  rc=$(build "$work/disk" "$work/disk-out")
  snapshot "$work/disk-out" > "$work/disk.before"
  sed -i 's/^title: \(.*\)$/title: \1 (edited)/' "$work/disk/data/site.yaml"   # every page changes
  strace -f -qq -o /dev/null -e trace=write -e inject=write:error=ENOSPC "$reportsite" build --site "$work/disk" \
    --out "$work/disk-out" > /dev/null 2>&1
  rc=$?
  [ "$rc" -eq 2 ] && pass "with every write failing (ENOSPC) the build exits 2" || fail "with ENOSPC it exited $rc, expected 2"
  snapshot "$work/disk-out" > "$work/disk.after"
  diff -q "$work/disk.before" "$work/disk.after" > /dev/null && pass "the previous output is byte-identical" \
    || { fail "the output changed:"; diff "$work/disk.before" "$work/disk.after" | head; }
  empties=$(find "$work/disk-out" -type f -empty | wc -l)
  [ "$empties" -eq 0 ] && pass "no file was published empty" || fail "$empties files are empty"

  sed -i 's/ (edited)$/ (edited again)/' "$work/disk/data/site.yaml"
  strace -f -qq -o /dev/null -e trace=syncfs -e inject=syncfs:error=EIO "$reportsite" build --site "$work/disk" \
    --out "$work/disk-out" > /dev/null 2> "$work/last.err"
  rc=$?
  [ "$rc" -eq 2 ] && pass "a failed flush to disk (EIO) exits 2" || fail "with EIO on syncfs it exited $rc, expected 2"
  grep -q 'cannot flush .* Input/output error.*\[write.io\]' "$work/last.err" && pass "it says the flush failed" \
    || { fail "no write.io message:"; cat "$work/last.err"; }
  snapshot "$work/disk-out" > "$work/disk.after"
  diff -q "$work/disk.before" "$work/disk.after" > /dev/null && pass "the previous output is still byte-identical" \
    || fail "the failed flush changed the output"

  rc=$(build "$work/disk" "$work/disk-out")
  grep -q 'nothing changed' "$work/last.err" && fail "after the failures the next build said nothing changed" \
    || pass "after the failures the next build does the work"
  "$reportsite" build --site "$work/disk" --out "$work/disk-fresh" > /dev/null 2>&1
  diff -r "$work/disk-out" "$work/disk-fresh" > /dev/null && pass "and its output equals a fresh build's" \
    || fail "its output differs from a fresh build's"
else
  fail "strace is not installed: the fault-injection checks cannot run"
fi

# 6. A cache that vouches for what is no longer there.
copy_example "$work/ci"
rc=$(build "$work/ci" "$work/ci-out")
cp -a "$work/ci-out" "$work/ci-out.v1"
meeting="$work/ci/content/meetings/2018/2018-10-17-children-scrutiny.yaml"
sed -i 's/Interim Corporate Director/Interim Corporate Directxr/' "$meeting"   # the same size
rc=$(build "$work/ci" "$work/ci-out")
cp -a "$work/ci-out" "$work/ci-out.v2"
rm -rf "$work/ci-out" && cp -a "$work/ci-out.v1" "$work/ci-out"   # as a CI cache restore of an older output
rc=$(build "$work/ci" "$work/ci-out")
grep -q 'nothing changed' "$work/last.err" && fail "a restored older output was taken for up to date" \
  || pass "a restored older output is not taken for up to date"
diff -r "$work/ci-out" "$work/ci-out.v2" > /dev/null && pass "the rebuild gives the new output" \
  || fail "the rebuild's output differs from the new one"

stamp=$(stat -c %y "$meeting")
sed -i 's/Interim Corporate Directxr/Interim Corporate Director/' "$meeting"   # same size again
touch -d "$stamp" "$meeting"                                                  # and the old time put back
rc=$(build "$work/ci" "$work/ci-out")
grep -q 'nothing changed' "$work/last.err" && fail "a same-size edit with its time put back was missed" \
  || pass "a same-size edit with its time put back is seen"
diff -r "$work/ci-out" "$work/ci-out.v1" > /dev/null && pass "and the output is the edited one" \
  || fail "the output is not the edited one"

finish
