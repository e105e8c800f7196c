#!/usr/bin/env bash
# Install the system libraries the app needs, where this machine lets us (Debian/Ubuntu apt):
# libzbar0 for pyzbar, fonts with every Vietnamese letter (fonts-liberation2: the older
# fonts-liberation lacks ơ, ư and the dot below; fonts-dejavu-extra has the italics), Qt's runtime
# libraries (libpulse0: QtMultimedia, the document camera, links libpulse.so.0), poppler-utils
# (pdftoppm/pdftotext, used by tests to look at PDFs), PostgreSQL server binaries (tests start a
# private server when none answers at 127.0.0.1:5432), espeak-ng (the hall display's offline
# Vietnamese voice, `-v vi`). Elsewhere it says what to install.
set -u
packages=(libzbar0 fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 libegl1 libgl1 libxkbcommon0
          libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0 poppler-utils
          espeak-ng)
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
  || packages+=(postgresql)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian/Ubuntu system; install by hand if missing: ${packages[*]}"
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-system-deps: please install: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null && \
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "install-system-deps: apt-get failed; install by hand: ${missing[*]}" >&2
exit 0
