#!/usr/bin/env bash
# Builds motcua, checks the C++ style, runs every test (unit, store, app, CLI, benchmark smoke, browser) through
# CTest, then the unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer (scripts/sanitize.sh) and
# each libFuzzer harness for a short while (scripts/fuzz.sh; FUZZ_SECONDS, 20 by default here).
# MOTCUA_QUICK=1 skips the sanitizer build and the fuzzers (a developer's quick run); CI runs everything.
# Extra arguments go to the first ctest (e.g. -R DossierApiTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
if [ "${MOTCUA_QUICK:-0}" != 1 ]; then
  bash scripts/sanitize.sh
  FUZZ_SECONDS=${FUZZ_SECONDS:-20} bash scripts/fuzz.sh
fi
