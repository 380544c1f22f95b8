#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests (Vitest) and browser tests (Playwright, system Chromium).
# Every stage runs even if an earlier one failed; the last line sums Vitest and Playwright.
set -uo pipefail
mkdir -p .tmp
rm -f .tmp/vitest-results.json .tmp/playwright-results.json
status=0
bash tools/ensure-chromium.sh || exit 1
# Not fatal here: the round-trip tests then fail with the same advice, and every other check still runs.
bash tools/ensure-python-torch.sh || status=1
npx tsc -b || { echo "typecheck failed" >&2; status=1; echo typecheck > .tmp/failed-checks; }
npx biome check . || { echo "lint failed" >&2; status=1; echo lint >> .tmp/failed-checks; }
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-results.json || status=1
npx playwright test || status=1
node tools/test-summary.mjs || status=1
exit $status
