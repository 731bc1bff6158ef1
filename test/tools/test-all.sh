#!/usr/bin/env bash
# `npm test`: everything a fresh machine needs, then every test stage, then one
# closing line "N passed, N failed, N skipped". Safe to run again: each set-up step
# is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p test-results/logs

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# Machine packages: Chromium for the UI and webview tests, nats-server for the
# broker test, PostgreSQL for the capstone's database tests (test/go/postgres.ts
# makes a throwaway cluster with its initdb), Kerberos headers for one of
# code-server's native modules.
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing machine packages: ${missing[*]}"
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    > test-results/logs/apt.log 2>&1 || { tail -20 test-results/logs/apt.log; echo "Could not install ${missing[*]}: install them with apt-get and run again." >&2; exit 1; }
fi
command -v go >/dev/null || { echo "Go is needed for the Go tests: install Go 1.26+ (https://go.dev/doc/install)." >&2; exit 1; }

# The extension's own dependencies, when absent or older than the lock file.
bash test/tools/ensure-npm-deps.sh

# A real VS Code for the integration and UI tests.
bash test/tools/ensure-code-server.sh > test-results/logs/code-server-install.log 2>&1 \
  || { tail -40 test-results/logs/code-server-install.log; exit 1; }

# helm for the chart checks: the Helm 4 the course teaches ($EDGO_HELM) and the Helm 3
# the charts stay valid under ($EDGO_HELM3), versions from module 1's tool table; each
# is the one on PATH when its version matches, else built once from its Go module
# (minutes the first time, seconds later from the Go build cache).
for which in current previous; do
  flag=$([ "$which" = previous ] && echo --previous || true)
  if helm_path=$(node --import tsx test/tools/ensureHelm.ts $flag 2>> test-results/logs/helm-build.log); then
    if [ "$which" = current ]; then
      export EDGO_HELM="$helm_path"
      # The chart checks themselves run `helm` from PATH.
      PATH="$(dirname "$helm_path"):$PATH"
      export PATH
    else
      export EDGO_HELM3="$helm_path"
    fi
  else
    tail -20 test-results/logs/helm-build.log
    echo "helm ($which) could not be built: the chart checks will fail." >&2
  fi
done

exec node test/tools/test-all.mjs "$@"
