#!/usr/bin/env bash
# Cold start to first frame: runs the real viewer (SDL offscreen, llvmpipe unless a GPU is present)
# until it has drawn one frame, N times, and prints the median wall time, beside the floor: GDAL
# alone reading, in a fresh process, what the viewer reads from the compiled dataset before its
# first frame (bench/gdal_read_floor). The budget is 1.5 times the floor. Also times `query` and an
# `export` for reference. Usage: bench/cold_start.sh [RUNS] [BUILD_DIR]
set -euo pipefail
runs=${1:-9}
build=${2:-build}
bin="$build/councilmap"
floor="$build/bench/gdal_read_floor"
dataset="$build/councilmap-uk.gpkg"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1 /proc/loadavg)"
echo "renderer: $("$bin" export --out /tmp/councilmap-bench-probe.png --size 64x64 -v 2>&1 | sed -n 's/.*rendering with //p')"
[ -f "$dataset" ] || echo "note: no compiled dataset at $dataset (councilmap build-dataset makes it); the viewer reads the sources and there is no floor"
declare -A result
for what in "viewer to first frame|$bin --quit-after-frames 1 --config-dir $config" \
            "GDAL reading the same|$floor $dataset" \
            "query (one point)|$bin query --at -0.1276,51.5072" \
            "export 1920x1080|$bin export --out /tmp/councilmap-bench.png --size 1920x1080" \
            "export 3840x2160|$bin export --out /tmp/councilmap-bench.png --size 3840x2160"; do
  label=${what%%|*}
  cmd=${what#*|}
  [ "$label" = "GDAL reading the same" ] && { [ -x "$floor" ] && [ -f "$dataset" ] || continue; }
  $cmd >/dev/null 2>&1 || true  # warm the file cache: "cold" means a fresh process, not a cold disk
  samples=$(for _ in $(seq "$runs"); do time_ms $cmd; done)
  result[$label]=$(echo "$samples" | median)
  printf "%-24s median %5d ms  (min %d, max %d, %d runs)\n" "$label" "${result[$label]}" \
    "$(echo "$samples" | sort -n | head -1)" "$(echo "$samples" | sort -n | tail -1)" "$runs"
done
if [ -n "${result[GDAL reading the same]:-}" ]; then
  awk -v v="${result[viewer to first frame]}" -v f="${result[GDAL reading the same]}" \
    'BEGIN { printf "first frame / GDAL floor: %.1fx (budget 1.5x)\n", v / f }'
fi
rm -f /tmp/councilmap-bench.png /tmp/councilmap-bench-probe.png
