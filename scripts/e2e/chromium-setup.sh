#!/usr/bin/env bash
# Installs Debian's Chromium (package `chromium`) for the end-to-end test of the HTML audit report
# (test/e2e/audit-html.test.ts drives it with playwright-core; no browser is ever downloaded).
# Idempotent: does nothing when /usr/bin/chromium (or $DOCKAUDIT_CHROMIUM) is already there.
# Usage: bash scripts/e2e/chromium-setup.sh
set -euo pipefail

CHROMIUM="${DOCKAUDIT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium-setup: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium-setup: no apt-get here; install Chromium with your package manager (or set DOCKAUDIT_CHROMIUM)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "chromium-setup: need root (or sudo) to install the chromium package" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet.
if ! apt-cache show chromium >/dev/null 2>&1; then $SUDO apt-get update -qq; fi
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium-setup: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
