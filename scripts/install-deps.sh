#!/usr/bin/env bash
# Installs the Debian packages councilmap needs, skipping those already present.
set -euo pipefail
packages=(
  cmake g++ pkg-config
  libsdl2-dev libgdal-dev gdal-bin libglm-dev libimgui-dev libepoxy-dev libstb-dev libpng-dev libdeflate-dev
  libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  libgl1-mesa-dri libegl1 libegl-dev fonts-dejavu-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "councilmap: all ${#packages[@]} required packages are installed."
  exit 0
fi
echo "councilmap: installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
