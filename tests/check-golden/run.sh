#!/bin/bash
# `reportsite check` on a site, compared with its golden output (stderr, exit code).
#   run.sh REPORTSITE SITE_DIR GOLDEN_FILE
# UPDATE_GOLDEN=1 rewrites the golden file instead; review the diff before committing it.
set -u
bin=$1 site=$2 golden=$3
actual=$( cd "$site" && "$bin" check 2>&1 >/dev/null; echo "exit $?" )
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then printf '%s\n' "$actual" > "$golden"; echo "updated $golden"; exit 0; fi
if diff -u "$golden" <(printf '%s\n' "$actual"); then
  echo "ok: check output of $site matches $(basename "$golden")"
else
  echo "FAIL: check output of $site differs from $golden (UPDATE_GOLDEN=1 to accept)"; exit 1
fi
