#!/usr/bin/env bash
# optimize-apt-repo.sh — a local Debian package repository for the `optimize --verify` end-to-end tests.
#
# The verify fixtures build FROM the debootstrap base (localhost/debian-minbase:bookworm, made by
# build-fixtures.sh) and install python3, gcc, nodejs, nginx… with apt-get. Builds must reach no address
# but 127.0.0.1, so this script (run once, with network, as part of the e2e set-up) downloads those
# packages and everything they pull into a minimal Debian into a flat repository; the tests serve it on
# http://127.0.0.1:18765/ and point the base image's apt sources at it.
#
# Output: ${DOCKAUDIT_E2E_CACHE:-/var/cache/dockaudit-e2e}/optimize-apt/{*.deb,Packages}
# Needs root, apt-get, dpkg-scanpackages (dpkg-dev) and the minbase dpkg status from build-fixtures.sh.
set -euo pipefail
cache=${DOCKAUDIT_E2E_CACHE:-/var/cache/dockaudit-e2e}
repo=$cache/optimize-apt
status=$cache/debian-minbase.status
packages=(python3 python3-pip python3-venv python3-dev gcc curl nodejs nginx-light)
stamp=$(printf '%s\n' "${packages[@]}" | sha256sum | cut -c1-16)
if [[ -s "$repo/Packages" && "$(cat "$repo/stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "optimize-apt-repo: up to date in $repo" >&2
  exit 0
fi
[[ -s "$status" ]] || { echo "optimize-apt-repo: $status missing (run build-fixtures.sh first)" >&2; exit 2; }
command -v dpkg-scanpackages >/dev/null || apt-get install -y -q --no-install-recommends dpkg-dev
mkdir -p "$repo/partial"
SECONDS=0
# Resolve against the minimal Debian's package state: download what a minbase root lacks.
apt-get install -y -q --download-only --no-install-recommends \
  -o Dir::State::status="$status" -o Dir::Cache::archives="$repo" "${packages[@]}" >/dev/null
rm -rf "$repo/partial" "$repo/lock"
(cd "$repo" && dpkg-scanpackages -m . /dev/null >Packages 2>/dev/null)
echo "$stamp" >"$repo/stamp"
echo "optimize-apt-repo: $(ls "$repo"/*.deb | wc -l) packages, $(du -sh "$repo" | cut -f1) in ${SECONDS}s" >&2
