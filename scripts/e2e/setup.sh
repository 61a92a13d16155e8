#!/usr/bin/env bash
# setup.sh — end-to-end set-up for the image tests (called by .ci/run as root when present):
# installs the Debian tools and Chromium (for the HTML audit report's browser test), then builds the image
# fixtures (cached; see build-fixtures.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SECONDS=0
"$here/install-tools.sh"
"$here/shellcheck-setup.sh"
"$here/chromium-setup.sh"
"$here/vulns-setup.sh"
"$here/build-fixtures.sh"
"$here/optimize-apt-repo.sh"
echo "e2e setup: done in ${SECONDS}s" >&2
