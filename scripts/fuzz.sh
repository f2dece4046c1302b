#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer (clang from Debian), one target after another for a fixed time
# each, and prints how long each ran and at how many executions per second.
#   scripts/fuzz.sh                      # 300 s a target
#   FUZZ_SECONDS=3600 scripts/fuzz.sh tables boundaries
# Seeds: fuzz/corpus/<target> and the bad-input corpus; what the fuzzer learns is kept in
# build-fuzz/work/<target>. A crash or hang is written to build-fuzz/crashes/<target>/ and the script
# exits 1: copy the file into fuzz/regressions/<target>/ (replayed by `ctest -L fuzz`) and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-300}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tables boundaries tessellator cli_parsers geometry_cache)
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang)"; exit 2; }

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCOUNCILMAP_FUZZ=ON -DBUILD_TESTING=OFF -DCOUNCILMAP_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

# Leaks, out-of-memory (an allocation over -rss_limit_mb), hangs (-timeout) and undefined behaviour
# all count as crashes.
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

declare -A seeds=([tables]=tests/robustness/corpus/tables [boundaries]=tests/robustness/corpus/boundaries)
status=0
summary=$'target\tseconds\texecutions\texec/s\tcorpus\tresult\n'
for t in "${targets[@]}"; do
  work=build-fuzz/work/$t crashes=build-fuzz/crashes/$t log=build-fuzz/fuzz-$t.log
  mkdir -p "$work" "$crashes"
  start=$(date +%s)
  result=ok
  build-fuzz/fuzz/fuzz_"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$crashes/" "$work" fuzz/corpus/"$t" ${seeds[$t]:-} >"$log" 2>&1 || { result="FAILED (see $log)"; status=1; }
  elapsed=$(( $(date +%s) - start ))
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  summary+="$t"$'\t'"$elapsed"$'\t'"${runs:-?}"$'\t'"${rate:-?}"$'\t'"$(ls "$work" | wc -l)"$'\t'"$result"$'\n'
done
printf '%s' "$summary" | column -t -s $'\t'
exit $status
