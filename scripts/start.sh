#!/usr/bin/env bash
# README command 1: install what is missing, build, and open the viewer on the UK councils.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/councilmap "$@"
