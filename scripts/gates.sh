#!/usr/bin/env bash
# The checks every change passes before its tests run: one format, lint with type information,
# no unused files/exports/dependencies, and packages that install as published. Expects
# dependencies installed and packages built (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

failed=()
for gate in format:check lint knip publint; do
  started=$SECONDS
  if pnpm run --silent "$gate" >&2; then
    echo "gate $gate: passed in $((SECONDS - started)) s" >&2
  else
    echo "gate $gate: FAILED in $((SECONDS - started)) s" >&2
    failed+=("$gate")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "gates failed: ${failed[*]} (run pnpm ${failed[0]} to see why)" >&2
  exit 1
fi
