#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, then runs every test.
# Used by the README and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
# The console's browser tests drive Debian's chromium; DejaVu carries the Arabic glyphs for its screenshots.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The evaluation's PDF is read back with poppler's pdftotext (its Arabic in order) and pictured with pdftoppm.
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
# The proxy tests run deploy/nginx.conf itself in Debian's nginx.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# The TRX files (artifacts/test-results) keep each test's start and end, to see where a run's time goes.
dotnet test Coordination.sln -c Release --logger "console;verbosity=normal" \
  --logger "trx;LogFilePrefix=tests" --results-directory artifacts/test-results 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# A short run of the benchmarks (tiny sizes, seconds) so the bench tool cannot rot.
set +e
dotnet run --project Bench -c Release -- --quick --out artifacts/bench
bench=$?
set -e
if [ "$bench" -ne 0 ]; then
  echo "The quick benchmark run failed (exit $bench)."
  [ "$status" -ne 0 ] || status=$bench
fi

# One plain closing line: "Tests: N passed, N failed, N skipped", summed over the test projects (each prints its own).
count() { grep -E "^ +$1: +[0-9]+\$" "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }' || true; }
# The failed tests' names just above it, so a run whose output is cut to its tail still says which failed.
# (A failed test's line is "  Failed Name(arguments) [duration]", the duration "[< 1 ms]" or absent for some; lines
# of the tests' own output that say "Failed" are indented further.)
failed='^  Failed [A-Za-z_][A-Za-z0-9_.]*(\(.*\))?( \[[^]]*\])?$'
if grep -qE "$failed" "$log"; then
  echo "Failed tests:"
  grep -E "$failed" "$log" | sed -E 's/^  Failed /  /' | sort -u
  # And why: each failure's message (up to 12 lines, before its stack trace), so the tail alone says what went wrong.
  failed="$failed" awk '
    $0 ~ ENVIRON["failed"] { name = $0; sub(/^  Failed /, "", name); printing = 1; lines = 0; print "  " name ":"; next }
    printing && /^ *(Stack Trace:|Passed |Failed |Skipped )/ { printing = 0 }
    printing && !/^ *Error Message:/ && lines < 12 { print "    " $0; lines++ }
  ' "$log"
fi
if grep -qE '^Total tests: [0-9]+' "$log"; then
  echo "Tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
fi
exit "$status"
