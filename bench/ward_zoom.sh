#!/usr/bin/env bash
# The longest frame of the real viewer (1280x800, SDL offscreen; llvmpipe without a GPU) while it
# zooms from the whole UK into London on 1 June 2018, where the 2013 GB and 2012 NI wards (1.8M
# vertices at full detail) appear: the frames drawn while they are read, and the first that shows
# them. Every frame is waited on (--frame-stats). Runs RUNS times (default 5) and prints each run's
# longest frame, then their median.
# Usage: bench/ward_zoom.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build}
runs=${2:-5}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'wait 3\nwheel 560 470 4\nwait 1\nwheel 560 470 4\nwait 1\nwheel 560 470 4\nsettle\nwait 3\n' > "$tmp/zoom"
longest=()
for ((i = 0; i < runs; ++i)); do
  ms=$("$build/councilmap" --width 1280 --height 800 --date 2018-06-01 --colour-by control --frame-stats --config-dir "$tmp/config" \
         --script "$tmp/zoom" 2>&1 | sed -n 's/^councilmap: [0-9]* frames, .*longest \([0-9.]*\) ms$/\1/p')
  echo "run $((i + 1)): longest frame $ms ms"
  longest+=("$ms")
done
printf '%s\n' "${longest[@]}" | sort -n | awk '{a[NR] = $1} END {print "median of the longest frames: " a[int((NR + 1) / 2)] " ms"}'
