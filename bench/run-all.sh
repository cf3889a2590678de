#!/usr/bin/env bash
# `npm run bench`: every benchmark (each `bench:*` script in package.json), one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
for name in $(node -e "console.log(Object.keys(require('./package.json').scripts).filter((s) => s.startsWith('bench:')).join(' '))"); do
  echo "== npm run $name"
  npm run --silent "$name"
done
