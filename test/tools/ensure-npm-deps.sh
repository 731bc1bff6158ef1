#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or older than package-lock.json
# (used by `npm start` and `npm test`). Its output goes to test-results/logs/npm-ci.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p test-results/logs
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.edgo-lock-hash ] || [ "$(cat node_modules/.edgo-lock-hash)" != "$lock_hash" ]; then
  echo "Installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund > test-results/logs/npm-ci.log 2>&1 || { tail -30 test-results/logs/npm-ci.log; exit 1; }
  echo "$lock_hash" > node_modules/.edgo-lock-hash
fi
