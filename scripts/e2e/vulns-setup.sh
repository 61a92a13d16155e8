#!/usr/bin/env bash
# Installs the real reference tools the package/vulnerability tests compare against (idempotent):
#   python3-rpm  RPM's own version comparison (rpm.labelCompare)
#   rpm          rpmbuild + rpm --dbpath to make a real rpmdb.sqlite
#   sqlite3      real SQLite databases for our read-only page reader
#   golang-go    real Go binaries with embedded build info (`go version -m` is the reference)
# dpkg is on every Debian machine.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import rpm' 2>/dev/null || need+=(python3-rpm)
command -v rpmbuild >/dev/null || need+=(rpm)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v go >/dev/null || need+=(golang-go)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "vulns-setup: python3-rpm, rpm, sqlite3 and go present"
