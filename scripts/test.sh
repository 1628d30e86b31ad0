#!/usr/bin/env bash
# Builds motcua, checks the C++ style, and runs every test (unit, store, app, CLI, benchmark smoke) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
