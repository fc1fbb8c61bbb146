#!/usr/bin/env bash
# Quick start, command 1 of 2: install everything on a fresh machine and run the main job on the shipped
# example grants. Needs only Node.js >= 20.11 with npm; installs the pinned pnpm itself.
#
#   bash scripts/bootstrap.sh
#
# Works with an empty HOME (no ~/.npmrc): native modules are pointed at this Node's own headers when they match
# (scripts/lib/node-headers.js), so nothing is downloaded from nodejs.org.
# Steps: pnpm (pinned in package.json) → pnpm install --frozen-lockfile → Chromium (Debian package, for the
# browser tests) → pnpm build → main job:
#   1. kinesis-access check examples/grants
#   2. `pnpm synth`: the Terraform (cdktf output, one stack per grant) for the examples in examples/generated/,
#      plus the review summary of one of them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

# shellcheck source=scripts/lib/ensure-pnpm.sh
source scripts/lib/ensure-pnpm.sh

start=$(date +%s)
ensure_pnpm
ensure_node_headers
echo "==> pnpm $(pnpm --version), node $(node --version)"

echo "==> pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile --config.confirmModulesPurge=false

# The form fields' real-browser tests (pnpm test) drive Debian's Chromium.
if [ -f scripts/setup-chromium.sh ]; then
  echo "==> Chromium for the browser tests"
  bash scripts/setup-chromium.sh
fi

echo "==> pnpm build"
pnpm build

echo "==> kinesis-access check examples/grants"
pnpm -s kinesis-access check examples/grants

echo "==> pnpm synth (Terraform for examples/grants → examples/generated/)"
pnpm synth
node packages/cli/bin/kinesis-access.js render examples/grants/clickpipes-orders.yaml --format markdown >examples/generated/clickpipes-orders.summary.md
echo "    review summary of clickpipes-orders: examples/generated/clickpipes-orders.summary.md"

echo "==> done in $(($(date +%s) - start)) s. Next: pnpm test"
