#!/usr/bin/env bash
# Builds motcua, checks the C++ style, and runs every test (unit, store, app, API, CLI, benchmark smoke, browser)
# through CTest. With MOTCUA_FULL=1 it then builds and runs the unit tests under AddressSanitizer and
# UndefinedBehaviorSanitizer (scripts/sanitize.sh) and each libFuzzer harness for FUZZ_SECONDS (20 by default
# here; scripts/fuzz.sh): two more builds of the code, about 40 minutes on two cores, not yet in CI's 90.
# Extra arguments go to ctest (e.g. -R DossierApiTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
if [ "${MOTCUA_FULL:-0}" = 1 ]; then
  bash scripts/sanitize.sh
  FUZZ_SECONDS=${FUZZ_SECONDS:-20} bash scripts/fuzz.sh
fi
