#!/usr/bin/env bash
# Cold start to first frame: runs the real viewer (SDL offscreen, llvmpipe unless a GPU is present)
# N times and prints the median time from launching it to its first frame shown (the viewer says when,
# with -v), beside the floor: GDAL alone reading, in a fresh process, what the viewer reads from the
# compiled dataset before its first frame (bench/gdal_read_floor), from launch to the end of its
# reading. The budget is 1.5 times the floor. Whole-process times (start to exit) are printed too,
# as are `query` and `export` for reference. The viewer runs twice over: as it usually starts, with
# the user's cache holding what it read before (so GDAL is not loaded: store/gdal/gdal_module.h; build-dataset
# fills it too), and with an empty cache folder each run, as after the cache is cleared or the program
# rebuilt (it reads through GDAL and fills the cache). Usage: bench/cold_start.sh [RUNS] [BUILD_DIR]
set -euo pipefail
runs=${1:-9}
build=${2:-build}
bin="$build/councilmap"
floor="$build/bench/gdal_read_floor"
dataset="$build/councilmap-uk.gpkg"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}
config=$(mktemp -d)
fresh=$(mktemp -d)
out=$(mktemp)
phases=$(mktemp)
trap 'rm -rf "$config" "$fresh" "$out" "$phases"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Runs a command once; prints "MS_TO_MARK MS_TO_EXIT", the mark being the "at N ns since 1970"
# the command printed (its exit when it printed none).
time_ms() {
  local start end mark
  [ "$1" = env ] && rm -rf "$fresh" && mkdir -p "$fresh"  # the empty cache, emptied untimed
  start=$(date +%s%N)
  "$@" >"$out" 2>&1 || true
  end=$(date +%s%N)
  mark=$(sed -n 's/.*at \([0-9]*\) ns since 1970.*/\1/p' "$out" | head -1)
  sed -n 's/^councilmap: start-up: \(.*\) ms after launch$/\1/p' "$out" >>"$phases"
  echo $(( (${mark:-$end} - start) / 1000000 )) $(( (end - start) / 1000000 ))
}
summary() {  # label, then "mark exit" lines
  local label=$1 samples=$2 col=$3
  echo "$samples" | awk -v c="$col" '{print $c}' | median
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1 /proc/loadavg)"
echo "renderer: $("$bin" export --out /tmp/councilmap-bench-probe.png --size 64x64 -v 2>&1 | sed -n 's/.*rendering with //p')"
[ -f "$dataset" ] || echo "note: no compiled dataset at $dataset (councilmap build-dataset makes it); the viewer reads the sources and there is no floor"
declare -A first whole
for what in "viewer|$bin --quit-after-frames 1 --config-dir $config -v" \
            "viewer, empty cache|env COUNCILMAP_CACHE_DIR=$fresh $bin --quit-after-frames 1 --config-dir $config -v" \
            "GDAL reading the same|$floor $dataset" \
            "query (one point)|$bin query --at -0.1276,51.5072" \
            "export 1920x1080|$bin export --out /tmp/councilmap-bench.png --size 1920x1080" \
            "export 3840x2160|$bin export --out /tmp/councilmap-bench.png --size 3840x2160"; do
  label=${what%%|*}
  cmd=${what#*|}
  [ "$label" = "GDAL reading the same" ] && { [ -x "$floor" ] && [ -f "$dataset" ] || continue; }
  $cmd >/dev/null 2>&1 || true  # warm the file cache: "cold" means a fresh process, not a cold disk
  : >"$phases"
  samples=$(for _ in $(seq "$runs"); do time_ms $cmd; done)
  first[$label]=$(summary "$label" "$samples" 1)
  whole[$label]=$(summary "$label" "$samples" 2)
  case $label in
    viewer*)
      printf "%-24s median %5d ms to the first frame, %5d ms to exit (%d runs)\n" "$label" "${first[$label]}" "${whole[$label]}" "$runs"
      # Where it went: the viewer's own timeline (-v), each phase's median, in ms after launch.
      awk -F', ' '{ for (i = 1; i <= NF; ++i) { n = split($i, w, " "); name = w[1]; for (j = 2; j < n; ++j) name = name " " w[j];
                     if (!(name in seen)) { seen[name] = 1; order[++k] = name } v[name, ++c[name]] = w[n] } }
                   END { printf "  start-up phases (median ms after launch):"
                         for (i = 1; i <= k; ++i) { m = order[i]; for (a = 1; a <= c[m]; ++a) { x = v[m, a]; for (b = a; b > 1 && s[b - 1] > x; --b) s[b] = s[b - 1]; s[b] = x }
                         printf " %s %d%s", m, s[int((c[m] + 1) / 2)], (i < k ? "," : "\n") } }' "$phases" ;;
    GDAL*) printf "%-24s median %5d ms to the end of reading, %5d ms to exit (%d runs)\n" "$label" "${first[$label]}" "${whole[$label]}" "$runs" ;;
    *) printf "%-24s median %5d ms (%d runs)\n" "$label" "${whole[$label]}" "$runs" ;;
  esac
done
if [ -n "${first[GDAL reading the same]:-}" ]; then
  awk -v v="${first[viewer]}" -v f="${first[GDAL reading the same]}" -v vw="${whole[viewer]}" -v fw="${whole[GDAL reading the same]}" \
    'BEGIN { printf "first frame / GDAL floor: %.2fx (budget 1.5x); whole processes: %.2fx\n", v / f, vw / fw }'
  awk -v v="${first[viewer, empty cache]}" -v f="${first[GDAL reading the same]}" \
    'BEGIN { printf "with an empty cache / GDAL floor: %.2fx\n", v / f }'
fi
rm -f /tmp/councilmap-bench.png /tmp/councilmap-bench-probe.png
