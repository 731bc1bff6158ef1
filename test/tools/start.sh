#!/usr/bin/env bash
# `npm start`: builds and packages the extension, installs the fresh VSIX into a
# real VS Code (code-server, from the npm registry) and serves it on 127.0.0.1
# with a sample workspace (the module 1 starter once scaffolded). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p test-results/logs

bash test/tools/ensure-npm-deps.sh
if ! [ -f /usr/include/krb5.h ] && ! [ -f /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev;
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev; fi
fi
bash test/tools/ensure-code-server.sh 2>&1 | tee test-results/logs/code-server-install.log | grep -E '^Installing' || true
[ -f test/vscode/node_modules/.edgo-installed ] || { echo "code-server install failed: see test-results/logs/code-server-install.log" >&2; exit 1; }

echo "Building and packaging the extension"
npm run --silent package > test-results/logs/package.log 2>&1 || { tail -30 test-results/logs/package.log; exit 1; }
exec node --import tsx test/tools/start.ts "$@"
