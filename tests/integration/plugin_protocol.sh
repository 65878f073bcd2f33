#!/bin/bash
# Usage: plugin_protocol.sh REPORTSITE
# What a plugin author relies on (docs/plugins.md), through the real executable:
#   - a page a plugin answers (title and Markdown) is drawn with the theme,
#     listed in the sitemap and the search index, and checked like the site's
#     own: a broken link in it fails the build and nothing is published;
#   - an HTML file answered as a file is refused;
#   - an allow marker silences a plugin's finding, with no suppress.unused;
#   - `options:` and `when:` reach the plugin; the handshake comes after the
#     command's own arguments, and the example finds it there;
#   - the document a real site sends validates against docs/plugin-document.schema.json.
set -u
name=plugin_protocol
source "$(dirname "$0")/lib.sh"
reportsite=$(realpath "$1")
plugins="$repo_root/tests/plugins"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo_root/tests/sites/exempt" "$work/site"
cp "$work/site/data/site.yaml" "$work/site.yaml.base"
cd "$work"

use_plugins() {  # use_plugins YAML: the site's plugins: entries
  cp site.yaml.base site/data/site.yaml
  printf 'plugins:\n%s\n' "$1" >> site/data/site.yaml
}
build() {  # build [COMMAND]: prints the exit code; stderr in build.err
  if [ "${1:-build}" = check ]; then "$reportsite" check --site site > build.out 2> build.err
  else "$reportsite" build --site site --out out > build.out 2> build.err; fi
  echo $?
}
expect_line() {
  if grep -qxF -- "$2" build.err; then pass "$1"
  else fail "$1: no line"; echo "    $2"; echo "  in:"; sed 's/^/    /' build.err; fi
}
# A plugin answering the JSON in $2 (and saving what it was sent to $1.json).
answer() {
  cat > "$1.sh" <<SH
#!/bin/sh
for last; do :; done
[ "\$last" = 1 ] && exit 0
cat > "$work/$1.json"
cat <<'JSON'
$2
JSON
SH
  chmod +x "$1.sh"
}

# 1. The example's page: drawn with the theme, in the sitemap and the search index.
use_plugins "  - name: word-count
    command: python3 $repo_root/examples/python-plugin/word_count.py"
rc=$(build)
[ "$rc" -eq 0 ] && pass "the example (a file and a page) builds" || { fail "the example exited $rc"; cat build.err; }
page=out/stats/words/index.html
if [ -f "$page" ] && grep -q '<html lang="en-GB"' "$page" && grep -q 'Exempt business test site' "$page" \
   && grep -q '<h1[^>]*>Words in the minutes</h1>' "$page" && grep -q 'href="../words.csv"' "$page"; then
  pass "the plugin's page is drawn with the theme: language, site title, its title, its Markdown"
else fail "the plugin's page is missing or not drawn with the theme"; head -c 2000 "$page"; fi
grep -qF '<loc>https://example.gov.uk/reports/stats/words/index.html</loc>' out/sitemap.xml \
  && pass "the plugin's page is in the sitemap" || { fail "the sitemap lacks the plugin's page"; cat out/sitemap.xml; }
grep -qF 'Words in the minutes' out/assets/search/docs-*.js \
  && pass "the plugin's page is in the search index" || fail "the search index lacks the plugin's page"
cp -R out good-out

# 2. A broken link in a plugin's page fails the build, and nothing is published.
answer broken '{"pages": [{"path": "extra/figures", "title": "Extra", "body": "See [the figures](../missing.csv)."}]}'
use_plugins "  - name: broken
    command: ./broken.sh"
cp broken.sh site/
rc=$(build)
[ "$rc" -eq 1 ] && pass "a plugin page with a broken link fails the build (exit 1)" \
  || { fail "a plugin page with a broken link: exit $rc"; cat build.err; }
grep -q '^extra/figures/index.html: error: .*missing.csv.* (from the page plugin `broken` answered) \[page.broken-link\]$' build.err \
  && pass "the broken link is named at the plugin's page, blaming the plugin" || { fail "no page.broken-link at the plugin's page"; cat build.err; }
diff -r good-out out > /dev/null && pass "the output is untouched" || fail "the output changed after a failed build"

# ... and so is a page at a path the build draws itself (the search page).
answer clash '{"pages": [{"path": "search", "title": "Mine", "body": "Mine."}]}'
cp clash.sh site/
use_plugins "  - name: clash
    command: ./clash.sh"
rc=$(build)
[ "$rc" -eq 1 ] && grep -q 'plugin `clash` asked for a page at `search`, where the builder writes its own pages \[plugin.bad-path\]$' build.err \
  && pass "a plugin page at the build's own search page is refused" || { fail "a clashing plugin page: exit $rc"; cat build.err; }

# 3. HTML answered as a file is refused.
answer html '{"files": [{"path": "extra.html", "content": "<p>unchecked</p>"}]}'
cp html.sh site/
use_plugins "  - name: html
    command: ./html.sh"
rc=$(build)
[ "$rc" -eq 1 ] && [ ! -e out/extra.html ] && pass "an HTML file from a plugin is refused (exit 1, not written)" \
  || { fail "an HTML file: exit $rc"; cat build.err; }
grep -q 'asked to write `extra.html`, which is a web page: answer it under `pages`' build.err \
  && pass "the refusal says to answer it as a page" || { fail "the refusal does not say why"; cat build.err; }

# 4. An allow marker silences the plugin's finding, on build and check, with no suppress.unused.
sed -i 's/^      The Committee considered the statement of accounts\.$/      <!-- allow word-count.short-minutes: the accounts were taken as read -->\n      The Committee considered the statement of accounts./' \
  site/content/meetings/2018/2018-10-17-audit.yaml
grep -q 'allow word-count.short-minutes' site/content/meetings/2018/2018-10-17-audit.yaml || fail "the marker was not added"
use_plugins "  - name: word-count
    command: python3 $repo_root/examples/python-plugin/word_count.py"
for cmd in build check; do
  rc=$(build $cmd)
  if [ "$rc" -eq 0 ] && ! grep -q 'short-minutes\|suppress.unused' build.err; then
    pass "$cmd: the marker silences the plugin's finding, and is not called unused"
  else fail "$cmd (exit $rc) still reports the finding or the marker"; cat build.err; fi
done
# The marker for a rule the plugin never reports is unused.
sed -i 's/allow word-count.short-minutes:/allow word-count.long-minutes:/' site/content/meetings/2018/2018-10-17-audit.yaml
rc=$(build)
grep -q '^site/content/meetings/2018/2018-10-17-audit.yaml:8:7: warning: `<!-- allow word-count.long-minutes: ... -->` silences nothing.*\[suppress.unused\]$' build.err \
  && grep -q 'word-count.short-minutes\]$' build.err \
  && pass "a marker naming the plugin's rule that silences nothing is suppress.unused, once" \
  || { fail "an unused plugin marker is not reported as such"; cat build.err; }
[ "$(grep -c 'suppress.unused' build.err)" -eq 1 ] || fail "the unused marker is reported $(grep -c 'suppress.unused' build.err) times"
cp site.yaml.base site/data/site.yaml
sed -i '/allow word-count/d' site/content/meetings/2018/2018-10-17-audit.yaml

# 5. options: and when:, and the handshake after the command's own arguments.
use_plugins "  - name: word-count
    command: python3 $repo_root/examples/python-plugin/word_count.py --its-own-argument
    options:
      short: 5"
rc=$(build)
[ "$rc" -eq 0 ] && pass "the example finds the handshake after its command's own argument" \
  || { fail "with an argument of its own the example fails: exit $rc"; cat build.err; }
grep -q 'short-minutes' build.err && fail "options: short: 5 did not reach the plugin (7 words still short)" \
  || pass "options: short: 5 reaches the plugin (7 words are no longer short)"
answer probe '{}'
cp probe.sh site/
use_plugins "  - name: probe
    command: ./probe.sh
    when: build
    options:
      threshold: 3"
rm -f probe.json
rc=$(build check)
[ "$rc" -eq 0 ] && [ ! -e probe.json ] && pass "when: build: \`reportsite check\` does not run it" \
  || fail "when: build ran on check (exit $rc)"
rc=$(build build)
python3 - probe.json <<'PY' && pass "when: build: \`reportsite build\` runs it, sent the command and its options" || fail "the probe's document lacks the command or options"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["reportsite"]["command"] == "build", d["reportsite"]
assert d["plugin"] == {"name": "probe", "options": {"threshold": 3}}, d["plugin"]
PY

# 6. The document of the repository's example site (discussion, reports, actions, glossary) against the schema.
mkdir example
cp -R "$repo_root/data" "$repo_root/content" example/
cp probe.sh example/
printf 'plugins:\n  - name: probe\n    command: ./probe.sh\n    options: {a: [1, "two", null]}\n' >> example/data/site.yaml
rm -f probe.json
"$reportsite" build --site example --out example-out > /dev/null 2> build.err || { fail "the example site with the probe failed"; cat build.err; }
python3 - probe.json "$repo_root/docs/plugin-document.schema.json" <<'PY' && pass "the example site's document validates against docs/plugin-document.schema.json" || fail "the document does not validate"
import json, sys, jsonschema
doc, schema = (json.load(open(p)) for p in sys.argv[1:3])
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:10]:
    print("   ", "/".join(map(str, e.path)), e.message[:300])
assert doc["meetings"] and doc["reports"] and doc["actions"] and doc["glossary"], "the example site sent too little to prove anything"
sys.exit(1 if errors else 0)
PY
# ... and a document missing a field does not.
python3 - probe.json "$repo_root/docs/plugin-document.schema.json" <<'PY' && pass "a document without meetings[0].items[0].minutes does not validate" || fail "the schema accepts a document missing a field"
import json, sys, jsonschema
doc, schema = (json.load(open(p)) for p in sys.argv[1:3])
public = next(i for m in doc["meetings"] for i in m["items"] if not i["exempt"])
del public["minutes"]
sys.exit(0 if list(jsonschema.Draft202012Validator(schema).iter_errors(doc)) else 1)
PY

finish
