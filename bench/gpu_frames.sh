#!/usr/bin/env bash
# GPU frame times of the every-ward-border scene at full detail (issue 6: "the whole UK at full
# ward detail should draw in under 1 ms"), on a GPU machine that has none of the build's packages.
#
#   bench/gpu_frames.sh prepare [BUILD]   here: builds gpu_scene_dump and gpu_frames in BUILD
#       (default build), and fills .gpu/ (ignored by git) with gpu_frames, libepoxy, the scene
#       (gzip) and glvnd's EGL/GL loaders as Debian packages: about 25 MB in all.
#   bench/gpu_frames.sh run [ARGS]        there, in the repository root with .gpu/ beside it:
#       unpacks the loaders, finds NVIDIA's EGL vendor file and runs gpu_frames (ARGS go to it).
#
# Locally, `bench/gpu_frames.sh prepare && bench/gpu_frames.sh run` measures llvmpipe the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
shift || true

case "$mode" in
prepare)
  build=${1:-build}
  [ -f "$build/councilmap-uk.gpkg" ] || "$build/councilmap" build-dataset --out "$build/councilmap-uk.gpkg"
  cmake --build "$build" --target gpu_scene_dump gpu_frames -j"$(nproc)"
  rm -rf .gpu && mkdir -p .gpu/lib .gpu/debs
  "$build/bench/gpu_scene_dump" .gpu/wards2016.scene
  gzip -1 .gpu/wards2016.scene
  cp "$build/bench/gpu_frames" .gpu/
  cp -L "$(ldd "$build/bench/gpu_frames" | awk '/libepoxy/ {print $3}')" .gpu/lib/
  (cd .gpu/debs && apt-get download libegl1 libglvnd0 libopengl0 libgl1 libglx0 >/dev/null)
  du -sh .gpu
  ;;
run)
  if [ -d /usr/local/nvidia ]; then  # a bare GPU machine: glvnd's loaders and the vendor file
    for f in .gpu/debs/*.deb; do dpkg -x "$f" /; done
    ldconfig
    vendor=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
    [ -f "$vendor" ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$vendor
    nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader || true
  fi
  scene=/tmp/councilmap-wards2016.scene
  gzip -dc .gpu/wards2016.scene.gz >"$scene"
  LD_LIBRARY_PATH=$PWD/.gpu/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} .gpu/gpu_frames "$scene" "$@"
  ;;
*)
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
  ;;
esac
