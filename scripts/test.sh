#!/usr/bin/env bash
# Builds motcua, checks the C++ style, runs every test (unit, store, app, API, CLI, benchmark smoke, browser)
# through CTest, then each libFuzzer harness over FUZZ_RUNS inputs (20,000 by default, from seed 1: the same inputs
# on every clean clone, so a commit's verdict is reproducible; scripts/fuzz.sh builds them with clang into
# build-fuzz/, and FUZZ_SECONDS=600 scripts/fuzz.sh explores for new findings), then the unit tests under
# AddressSanitizer and UndefinedBehaviorSanitizer (scripts/sanitize.sh, over the fuzzers' instrumented libraries:
# 5–7 minutes of tests on two free cores; MOTCUA_SANITIZE=0 leaves them out of a quick local run). Extra arguments go to
# the first ctest (e.g. -R DossierApiTest).
# The PostgreSQL cases run on a throwaway server that scripts/pg.sh starts on loopback (and stops at the end);
# MOTCUA_REQUIRE_PG=1 makes them fail rather than skip if it is missing. MOTCUA_TEST_PG=postgresql://… set by the
# caller is used instead of starting one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
if [ -z "${MOTCUA_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  trap 'bash scripts/pg.sh stop "$pg_dir"' EXIT
  MOTCUA_TEST_PG=$(bash scripts/pg.sh start "$pg_dir")
  export MOTCUA_TEST_PG
fi
export MOTCUA_REQUIRE_PG=1
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash scripts/fuzz.sh
if [ "${MOTCUA_SANITIZE:-1}" != 0 ]; then bash scripts/sanitize.sh; fi
