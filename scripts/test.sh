#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# Tests render through Mesa's llvmpipe without any display server.
export SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
