#!/usr/bin/env bash
# Frame times of the real viewer at 1280x800 (SDL offscreen; llvmpipe without a GPU), coloured by
# control: 200 idle frames, then 200 frames of playback. Every frame is waited on (--frame-stats),
# so the numbers are rendering time, not queueing. Frames that change the date (a style-table
# upload and a map redraw) are the 95th percentile of the playback run.
# Usage: bench/playback.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'wait 3\nwait 200\n' > "$tmp/idle"
printf 'wait 3\nkey space\nwait 200\n' > "$tmp/play"
for kind in idle play; do
  printf '%-5s ' "$kind"
  "$build/councilmap" --width 1280 --height 800 --date 2016-06-01 --colour-by control --frame-stats --config-dir "$tmp/config" --script "$tmp/$kind" 2>&1 |
    sed -n -e 's/^councilmap: \([0-9]* frames, .*\)/\1/p' -e 's/^councilmap:   /      /p'
done
