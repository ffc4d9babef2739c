#!/usr/bin/env bash
# Installs everything the tests need (pnpm, dependencies, PostgreSQL, tmux), builds, and runs the
# whole suite against the embedded store and a real PostgreSQL server. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

if ! command -v tmux >/dev/null 2>&1; then
  echo "Installing tmux" >&2
  (apt-get update -qq && apt-get install -y -qq tmux) >&2
fi

# A reachable PostgreSQL server for the suite: the one already running, or one installed and
# started here (the admin URL is printed on stdout).
RIMURU_TEST_PG_URL=$(node packages/test-utils/bin/ensure-postgres.mjs)
export RIMURU_TEST_PG_URL

mkdir -p .tmp
status=0
TZ=UTC pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-results.json || status=$?

node -e '
  const r = JSON.parse(require("node:fs").readFileSync(".tmp/vitest-results.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || status=1
exit "$status"
