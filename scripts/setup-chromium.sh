#!/usr/bin/env bash
# Installs Debian's Chromium for the real-browser tests (playwright-core drives /usr/bin/chromium).
# Idempotent: does nothing when the browser is already there. `npx playwright install` cannot
# download a browser on these machines, so the distribution package is the only source.
#
#   bash scripts/setup-chromium.sh          # install if missing, then print the version
#   CHROMIUM_PATH=/other/chromium bash scripts/setup-chromium.sh   # only check that path
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "setup-chromium: found $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "setup-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-chromium: need root (or sudo) to run apt-get install chromium" >&2
    exit 1
  fi
fi

echo "setup-chromium: installing Debian chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "setup-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "setup-chromium: installed $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
