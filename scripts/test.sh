#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# Tests render through Mesa's llvmpipe without any display server.
export SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan). Every
# report goes to build-asan/sanitizer-reports, and any report fails the run even if the process that
# made it exited 0 (some tests read only a command's output). COUNCILMAP_SANITIZERS=0 skips this.
if [ "${COUNCILMAP_SANITIZERS:-1}" != 0 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOUNCILMAP_SANITIZE=ON -DCOUNCILMAP_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  reports="$PWD/build-asan/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  # intercept_tls_get_addr=0: LeakSanitizer's tracer sometimes crashed (signal 11, about 1 run in 6 of
  # the window's tests) reading a dynamic-TLS range it had recorded wrongly ("DTLS 22 at 0xe66-...").
  # Without that interception it still reaches those blocks through the heap, as glibc allocates them.
  export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:check_initialization_order=1:strict_init_order=1:intercept_tls_get_addr=0"
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp"
  export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" "$@"
  if [ -n "$(ls -A "$reports")" ]; then
    cat "$reports"/*
    echo "scripts/test.sh: the sanitizers reported the problems above" >&2
    exit 1
  fi
  echo "scripts/test.sh: sanitizer run clean (AddressSanitizer, LeakSanitizer, UndefinedBehaviorSanitizer)"
fi
