#!/usr/bin/env bash
# Cold start to first frame: runs the real viewer (SDL offscreen, llvmpipe unless a GPU is present)
# until it has drawn one frame, N times, and prints the median wall time. Also times `query` and
# an `export` for reference. Usage: bench/cold_start.sh [RUNS] [BUILD_DIR]
set -euo pipefail
runs=${1:-9}
build=${2:-build}
bin="$build/councilmap"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "renderer: $("$bin" export --out /tmp/councilmap-bench-probe.png --size 64x64 -v 2>&1 | sed -n 's/.*rendering with //p')"
for what in "viewer to first frame|$bin --quit-after-frames 1" \
            "query (one point)|$bin query --at -0.1276,51.5072" \
            "export 1920x1080|$bin export --out /tmp/councilmap-bench.png --size 1920x1080" \
            "export 3840x2160|$bin export --out /tmp/councilmap-bench.png --size 3840x2160"; do
  label=${what%%|*}
  cmd=${what#*|}
  $cmd >/dev/null 2>&1 || true  # warm the file cache: "cold" means a fresh process, not a cold disk
  samples=$(for _ in $(seq "$runs"); do time_ms $cmd; done)
  printf "%-24s median %5d ms  (min %d, max %d, %d runs)\n" "$label" "$(echo "$samples" | median)" \
    "$(echo "$samples" | sort -n | head -1)" "$(echo "$samples" | sort -n | tail -1)" "$runs"
done
rm -f /tmp/councilmap-bench.png /tmp/councilmap-bench-probe.png
