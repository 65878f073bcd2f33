# Shared by the integration scripts: source it after setting `name`.
# Each check prints one line; the script exits 1 if any failed.
failures=0
pass() { echo "ok   [$name]: $*"; }
fail() {
  echo "FAIL [$name]: $*"
  failures=$((failures + 1))
}
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$name: $failures check(s) failed"
    exit 1
  fi
  echo "$name: all checks passed"
  exit 0
}
# The repository root: the example site.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
