#!/usr/bin/env bash
# Quick start, command 1 of 2: install everything on a fresh machine and run the main job on the shipped
# example grants. Needs only Node.js >= 20.11 with npm; installs the pinned pnpm itself.
#
#   bash scripts/bootstrap.sh
#
# Steps: pnpm (pinned in package.json) → pnpm install --frozen-lockfile → Chromium (Debian package, for the
# browser tests) → pnpm build → main job:
#   1. kinesis-access check examples/grants
#   2. `pnpm synth` when the root package.json has that script (the Terraform for the examples); until then,
#      kinesis-access render of every example (JSON + review summary) into tmp/rendered/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

# shellcheck source=scripts/lib/ensure-pnpm.sh
source scripts/lib/ensure-pnpm.sh

start=$(date +%s)
ensure_pnpm
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

if node -e 'process.exit(require("./package.json").scripts?.synth ? 0 : 1)'; then
  echo "==> pnpm synth"
  pnpm synth
else
  out=tmp/rendered
  echo "==> kinesis-access render examples/grants/* → $out/"
  rm -rf "$out"
  mkdir -p "$out"
  for grant in examples/grants/*.yaml examples/grants/*.yml; do
    [ -e "$grant" ] || continue
    base="$(basename "${grant%.*}")"
    # Same as `pnpm -s kinesis-access render …`, without pnpm's start-up per call.
    node packages/cli/bin/kinesis-access.js render "$grant" --format json >"$out/$base.json"
    node packages/cli/bin/kinesis-access.js render "$grant" --format markdown >"$out/$base.md" 2>/dev/null # warnings: shown above
    echo "    $grant → $out/$base.json, $out/$base.md"
  done
fi

echo "==> done in $(($(date +%s) - start)) s. Next: pnpm test"
