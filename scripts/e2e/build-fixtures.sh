#!/usr/bin/env bash
# build-fixtures.sh — builds the real image fixtures of the image end-to-end tests, without any registry,
# and exports each one in every source format dockaudit reads. Needs root and install-tools.sh.
#
# Output: $DOCKAUDIT_FIXTURES (default <repo>/.cache/e2e/fixtures), laid out as documented in
# docs/image.md ("End-to-end fixtures"):
#   debian-minbase.docker.tar        debootstrap --variant=minbase bookworm, committed by buildah
#   debian-minbase.dpkg-query.tsv    dpkg-query listing of that rootfs (Package Version Arch Source SourceVersion)
#   debian-minbase.status            its /var/lib/dpkg/status
#   <name>/Dockerfile (+ context)    for multistage, waste, insecure, multiarch
#   <name>/docker-archive.tar        skopeo/buildah docker-archive (manifest.json + <digest>.tar layers)
#   <name>/docker-save.tar           `docker save` of dockerd 20.10 (legacy layout: <id>/layer.tar)
#   <name>/docker-oci.tar            containerd export: OCI layout + manifest.json in one tar
#   <name>/oci-archive.tar           OCI layout in a tar (gzip layers)
#   <name>/oci/                      OCI layout folder (gzip layers)
#   <name>/oci-zstd/                 OCI layout folder with zstd layers (waste only)
#   insecure/build-args.env          the secret build argument given to the insecure build
#   stamp                            hash of the inputs; a matching stamp skips the whole build
#
# Environment: DOCKAUDIT_E2E_CACHE (default /var/cache/dockaudit-e2e) keeps the base image and the
# debootstrap packages between clones on one machine; DEBIAN_MIRROR overrides the mirror in /etc/apt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${DOCKAUDIT_FIXTURES:-$root/.cache/e2e/fixtures}
cache=${DOCKAUDIT_E2E_CACHE:-/var/cache/dockaudit-e2e}
suite=bookworm
base_ref=localhost/debian-minbase:$suite
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
mkdir -p "$out" "$cache"

stamp=$(cat "$here/build-fixtures.sh" "$here/dockerd.sh" $(find "$here/fixtures" -type f | sort) | sha256sum | cut -c1-16)
if [[ -s "$out/stamp" && "$(cat "$out/stamp")" == "$stamp" ]]; then
  echo "build-fixtures: up to date in $out" >&2
  exit 0
fi

t() { local s=$SECONDS label=$1; shift; "$@"; echo "  [$((SECONDS - s))s] $label" >&2; }
work=$cache/work
rm -rf "$work/storage" "$work/runroot" "$work/ctx"
mkdir -p "$work"
drv=${STORAGE_DRIVER:-vfs}
B=(buildah --root "$work/storage" --runroot "$work/runroot" --storage-driver "$drv")
store="containers-storage:[$drv@$work/storage+$work/runroot]"

# 1. The base image: debootstrap, cached by content in $cache.
base_tar=$cache/debian-minbase.docker.tar
if [[ ! -s "$base_tar" || ! -s "$cache/debian-minbase.dpkg-query.tsv" ]]; then
  mirror=${DEBIAN_MIRROR:-}
  if [[ -z "$mirror" ]]; then
    mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
    [[ -z "$mirror" ]] && mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  fi
  [[ -n "$mirror" ]] || { echo "build-fixtures: no Debian mirror in /etc/apt; set DEBIAN_MIRROR" >&2; exit 2; }
  rootfs=$work/rootfs
  rm -rf "$rootfs"
  mkdir -p "$cache/debs"
  t debootstrap debootstrap --variant=minbase --cache-dir="$cache/debs" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log"
  dpkg-query --admindir="$rootfs/var/lib/dpkg" -W \
    -f '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n' | sort >"$cache/debian-minbase.dpkg-query.tsv"
  cp "$rootfs/var/lib/dpkg/status" "$cache/debian-minbase.status"
  # Trimmed like the official slim images: no apt lists or downloaded packages.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  : >"$rootfs/etc/machine-id"
  ctr=$("${B[@]}" from scratch)
  t "copy rootfs" "${B[@]}" copy "$ctr" "$rootfs/" / >/dev/null
  "${B[@]}" config --cmd '["/bin/bash"]' --env LANG=C.UTF-8 --label org.opencontainers.image.title=debian-minbase "$ctr"
  t "commit base" "${B[@]}" commit -q --format docker --timestamp "$SOURCE_DATE_EPOCH" --rm "$ctr" "$base_ref" >/dev/null
  rm -f "$base_tar.tmp"
  t "base -> docker-archive" "${B[@]}" push -q "$base_ref" "docker-archive:$base_tar.tmp:$base_ref"
  mv "$base_tar.tmp" "$base_tar"
  rm -rf "$rootfs"
else
  t "import cached base" skopeo copy -q "docker-archive:$base_tar" "$store$base_ref"
fi
cp "$base_tar" "$cache/debian-minbase.dpkg-query.tsv" "$cache/debian-minbase.status" "$out/"

export_formats() {  # export_formats NAME REF : buildah image -> docker-archive, oci-archive, OCI layout
  local name=$1 ref=$2 dir=$out/$1
  rm -rf "$dir/docker-archive.tar" "$dir/oci-archive.tar" "$dir/oci"
  t "$name -> docker-archive" "${B[@]}" push -q "$ref" "docker-archive:$dir/docker-archive.tar:$ref"
  t "$name -> oci-archive" "${B[@]}" push -q "$ref" "oci-archive:$dir/oci-archive.tar:1"
  t "$name -> oci layout" "${B[@]}" push -q "$ref" "oci:$dir/oci:1"
}
context() {  # context NAME : fresh copy of the fixture's build context
  rm -rf "${out:?}/$1" && mkdir -p "$out/$1" && cp -r "$here/fixtures/$1/." "$out/$1/"
}

# 2. buildah builds (one layer per instruction, Docker image format so HEALTHCHECK is kept).
bud() {
  local name=$1; shift
  context "$name"
  t "build $name" "${B[@]}" bud -q --isolation chroot --format docker --layers --pull=never \
    --timestamp "$SOURCE_DATE_EPOCH" "$@" -t "localhost/demo-$name:1" "$out/$name" >/dev/null
  export_formats "$name" "localhost/demo-$name:1"
}
bud multistage
bud waste
t "waste -> oci layout (zstd)" skopeo copy -q --dest-compress-format zstd \
  "oci:$out/waste/oci:1" "oci:$out/waste/oci-zstd:1"

# 3. Two platforms in one index (no RUN, so no emulation is needed).
context multiarch
"${B[@]}" manifest rm localhost/demo-multiarch:1 >/dev/null 2>&1 || true
"${B[@]}" manifest create localhost/demo-multiarch:1 >/dev/null
for p in linux/amd64 linux/arm64; do
  t "build multiarch $p" "${B[@]}" bud -q --isolation chroot --format oci --pull=never --timestamp "$SOURCE_DATE_EPOCH" \
    --platform "$p" --manifest localhost/demo-multiarch:1 "$out/multiarch" >/dev/null
done
t "multiarch -> oci layout" "${B[@]}" manifest push -q --all localhost/demo-multiarch:1 "oci:$out/multiarch/oci:1"
t "multiarch -> oci-archive" "${B[@]}" manifest push -q --all localhost/demo-multiarch:1 "oci-archive:$out/multiarch/oci-archive.tar:1"

# 4. dockerd: a BuildKit build (the insecure image, with a secret build argument) and real `docker save`
#    archives; containerd exports the OCI + manifest.json layout.
state=$work/dockerd
"$here/dockerd.sh" stop "$state" || true
rm -rf "$state"
trap '"$here/dockerd.sh" stop "$state" || true' EXIT
export $("$here/dockerd.sh" start "$state")
D=/usr/bin/docker
CTR=(ctr -a "$state/exec/containerd/containerd.sock" -n fixtures)
t "docker load base" $D load -q -i "$base_tar" >/dev/null
context insecure
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/insecure/id_rsa" 2>/dev/null
token="ghp_$(head -c 300 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 36)"
printf 'DEPLOY_TOKEN=%s\n' "$token" >"$out/insecure/build-args.env"
t "docker build insecure" env DOCKER_BUILDKIT=1 $D build -q --network host --build-arg "DEPLOY_TOKEN=$token" \
  -t localhost/demo-insecure:1 "$out/insecure" >/dev/null
for name in insecure multistage waste; do
  dir=$out/$name
  [[ $name == insecure ]] || t "docker load $name" $D load -q -i "$dir/docker-archive.tar" >/dev/null
  t "$name -> docker save" $D save -o "$dir/docker-save.tar" "localhost/demo-$name:1"
  t "$name -> containerd" "${CTR[@]}" images import "$dir/docker-save.tar" >/dev/null
  ref=$("${CTR[@]}" images ls -q | grep "demo-$name:1" | head -n1)
  t "$name -> docker-oci" "${CTR[@]}" images export "$dir/docker-oci.tar" "$ref"
done
t "insecure -> oci formats" skopeo copy -q "docker-archive:$out/insecure/docker-save.tar" "oci:$out/insecure/oci:1"
skopeo copy -q "docker-archive:$out/insecure/docker-save.tar" "oci-archive:$out/insecure/oci-archive.tar:1"
skopeo copy -q "docker-archive:$out/insecure/docker-save.tar" "docker-archive:$out/insecure/docker-archive.tar:localhost/demo-insecure:1"
"$here/dockerd.sh" stop "$state"
trap - EXIT
rm -rf "$state" "$work/storage" "$work/runroot"

echo "$stamp" >"$out/stamp"
du -sh "$out" >&2
