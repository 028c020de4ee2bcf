#!/usr/bin/env bash
# Run the test suite against the QGIS of another Debian release, in a chroot built once with
# debootstrap from Debian's archive and kept outside the repository:
#   scripts/test_in_chroot.sh trixie   # QGIS 3.40 LTR
#   scripts/test_in_chroot.sh sid      # QGIS 3.44 LTR
# The project is bind-mounted at /work/main, ../shared read-only at /work/shared when present.
# Needs root (debootstrap, chroot, mount). CHROOT_CACHE chooses where chroots are kept.
set -euo pipefail

DEBIAN="${1:?usage: test_in_chroot.sh trixie|sid [pytest arguments]}"
shift
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${CHROOT_CACHE:-/var/cache/anct-qgis-chroots}"
TARGET="$CACHE/$DEBIAN"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-requests python3-numpy python3-scipy
  python3-matplotlib python3-pypdf python3-venv python3-pip poppler-utils imagemagick zip unzip make git xvfb xauth
  qttools5-dev-tools fonts-dejavu-core fonts-liberation"
# fonts-liberation: a face metric-compatible with Arial, the atlas template's font, as a desktop has
# one (the host's Debian QGIS pulls Nimbus Sans); with DejaVu Sans alone, wider, long texts overflow.
# The chroot is rebuilt when what it must hold changes.
STAMP="$(printf '%s\n' "$PACKAGES" "$(cat "$ROOT/requirements-dev.txt")" | sha1sum | cut -c1-12)"

in_chroot() {  # in_chroot DIR COMMAND: a clean environment, but the host's proxy settings
  chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} \
    ${no_proxy:+no_proxy=$no_proxy} /bin/sh -c "$2"
}

build() {
  echo "Building the $DEBIAN chroot in $TARGET (once)"
  rm -rf "$TARGET.part"
  mkdir -p "$CACHE"
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  debootstrap --variant=minbase --include=ca-certificates "$DEBIAN" "$TARGET.part" "$MIRROR" >/dev/null
  # sid's index on the archive mirror may be past its Valid-Until date: accept it.
  echo 'Acquire::Check-Valid-Until "false";' > "$TARGET.part/etc/apt/apt.conf.d/99anct-valid-until"
  in_chroot "$TARGET.part" "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends $(echo $PACKAGES) >/dev/null"
  # The chroot trusts the certificate authorities the host added (a corporate proxy's, say).
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$TARGET.part/usr/local/share/ca-certificates/"
    in_chroot "$TARGET.part" "update-ca-certificates >/dev/null"
  fi
  cp "$ROOT/requirements-dev.txt" "$TARGET.part/tmp/requirements-dev.txt"
  in_chroot "$TARGET.part" "python3 -m venv --system-site-packages /opt/anct-venv && \
    /opt/anct-venv/bin/pip install -q -r /tmp/requirements-dev.txt"
  echo "$STAMP" > "$TARGET.part/.anct-stamp"
  rm -rf "$TARGET"
  mv "$TARGET.part" "$TARGET"
}

[ "$(cat "$TARGET/.anct-stamp" 2>/dev/null)" = "$STAMP" ] || build

mounted=()
mount_into() {  # mount_into SOURCE TARGET [options]
  mkdir -p "$TARGET$2"
  mount --bind "$1" "$TARGET$2"
  mounted=("$TARGET$2" "${mounted[@]}")
  if [ -n "${3:-}" ]; then mount -o "remount,bind,$3" "$TARGET$2"; fi
}
cleanup() { for point in "${mounted[@]}"; do umount "$point" || true; done; }
trap cleanup EXIT

mount_into /proc /proc
mount_into /dev /dev
mount_into "$ROOT" /work/main
if [ -d "$ROOT/../shared" ]; then mount_into "$(cd "$ROOT/../shared" && pwd)" /work/shared ro; fi

chroot "$TARGET" /usr/bin/env -i HOME=/root PATH=/opt/anct-venv/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  QT_QPA_PLATFORM=offscreen /bin/sh -c "cd /work/main && lrelease -silent i18n/*.ts && \
  python -c 'import qgis.core as c; print(\"QGIS\", c.Qgis.QGIS_VERSION)' && \
  python -m pytest -p no:cacheprovider $*"
