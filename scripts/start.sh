#!/usr/bin/env bash
# README command 1: install what is missing, build, and open the viewer on the UK councils.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# The compiled dataset (every boundary year and tier, wards, control, events) is rebuilt when missing
# or older than the program (libcouncilmap.so and its GDAL part, libcouncilmap_gdal.so, which writes
# it: see app/launch/launcher.cpp, store/gdal/gdal_module.h) or the project's tables. Building it also fills the
# user's cache, so the window then starts without loading GDAL.
dataset=build/councilmap-uk.gpkg
if [ ! -f "$dataset" ] || [ build/libcouncilmap.so -nt "$dataset" ] || [ build/libcouncilmap_gdal.so -nt "$dataset" ] || [ -n "$(find data/tables -newer "$dataset" 2>/dev/null)" ]; then
  build/councilmap build-dataset --out "$dataset"
fi
exec build/councilmap "$@"
