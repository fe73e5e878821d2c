# Shared by build-aux/run and build-aux/test: installs what is missing from Debian 12,
# then configures and builds into _build. Sourced, not executed.
set -euo pipefail

HS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HS_BUILD=${HS_BUILD:-$HS_TOP/_build}

hs_packages=(
  meson ninja-build pkg-config gcc python3 gettext
  libglib2.0-dev libgmp-dev
  libgraphviz-dev libcairo2-dev libpango1.0-dev libgif-dev
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev libseccomp-dev
  desktop-file-utils appstream libglib2.0-bin locales
  xvfb xauth dbus imagemagick poppler-utils at-spi2-core gir1.2-atspi-2.0 python3-gi
  xdotool
)

hs_install_missing() {
  local missing=()
  local p
  for p in "${hs_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

hs_build() {
  if [[ ! -f $HS_BUILD/build.ninja ]]; then
    meson setup "$HS_BUILD" "$HS_TOP" "$@"
  fi
  meson compile -C "$HS_BUILD"
}
