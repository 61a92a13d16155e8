#!/usr/bin/env bash
# install-tools.sh — installs the Debian packages the image end-to-end tests use.
#
#   debootstrap      a minimal Debian rootfs: the base image, built without any registry
#   buildah, skopeo  build images (RUN with --isolation chroot) and copy them between formats
#   umoci            OCI layout checks
#   runc             OCI runtime buildah falls back to (Debian's crun refuses hybrid cgroups)
#   docker.io        dockerd + containerd + ctr: `docker save` archives and the Engine API source
#   docker-registry  Debian's distribution 2.8, started on 127.0.0.1 by the tests
#   apache2-utils    htpasswd, for the registry's basic-auth test
#   zstd             zstd-compressed layers (and the zstd program the reader can fall back to)
#   openssl          the certificate of the registry token-auth test
#
# Needs root. Idempotent: packages already installed are left as they are.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
for p in debootstrap buildah skopeo umoci runc docker.io docker-registry apache2-utils zstd openssl ca-certificates; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]} == 0)); then
  echo "install-tools: all packages present" >&2
  exit 0
fi
SECONDS=0
apt-get update -q
# buildah is installed with its recommends (conmon, fuse-overlayfs, uidmap ...), as the recipe was tested.
apt-get install -y -q $(printf '%s\n' "${need[@]}" | grep -v '^docker.io$' || true)
if printf '%s\n' "${need[@]}" | grep -qx docker.io; then
  # dockerd, containerd and ctr only; installing does not start dockerd (no systemd here).
  apt-get install -y -q --no-install-recommends docker.io
fi
echo "install-tools: installed ${need[*]} in ${SECONDS}s" >&2
