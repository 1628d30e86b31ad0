#!/usr/bin/env bash
# Builds motcua, checks the C++ style, runs every test (unit, store, app, API, CLI, benchmark smoke, browser)
# through CTest, then each libFuzzer harness over FUZZ_RUNS inputs (20,000 by default, from seed 1: the same inputs
# on every clean clone, so a commit's verdict is reproducible; scripts/fuzz.sh builds them with clang into
# build-fuzz/, and FUZZ_SECONDS=600 scripts/fuzz.sh explores for new findings). With MOTCUA_FULL=1 it also builds and runs the unit tests under AddressSanitizer and
# UndefinedBehaviorSanitizer (scripts/sanitize.sh): one more build of the whole code and about 20 minutes of tests
# on two cores, which CI's 90 minutes do not yet hold. Extra arguments go to ctest (e.g. -R DossierApiTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash scripts/fuzz.sh
if [ "${MOTCUA_FULL:-0}" = 1 ]; then bash scripts/sanitize.sh; fi
