#!/usr/bin/env bash
# Installs ShellCheck (Debian package `shellcheck`) for `dockaudit lint --shellcheck` and its end-to-end
# tests. Idempotent: does nothing when a shellcheck program is already on PATH.
# Usage: bash scripts/e2e/shellcheck-setup.sh
set -euo pipefail

if command -v shellcheck >/dev/null 2>&1; then
  echo "shellcheck-setup: $(shellcheck --version | sed -n 's/^version: /shellcheck /p') already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "shellcheck-setup: no apt-get here; install ShellCheck with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "shellcheck-setup: need root (or sudo) to install the shellcheck package" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet.
if ! apt-cache show shellcheck >/dev/null 2>&1; then $SUDO apt-get update -qq; fi
$SUDO apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
echo "shellcheck-setup: installed $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"
