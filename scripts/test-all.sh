#!/usr/bin/env bash
# The whole test suite, as the README's test command runs it: static checks, unit tests, the production build,
# then the browser tests against that build in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-python.sh
if [ ! -d node_modules ]; then
  npm ci
fi
npm run lint
npm run typecheck
npm run format:check
npm run test:unit
npm run build
npm run test:browser
