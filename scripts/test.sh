#!/usr/bin/env bash
# Builds motcua and runs every test (unit, store, app, CLI) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
