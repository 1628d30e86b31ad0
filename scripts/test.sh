#!/usr/bin/env bash
# Builds motcua, checks the C++ style, runs every test (unit, store, app, API, CLI, benchmark smoke, browser)
# through CTest, the API and browser tests a second time on PostgreSQL, then each libFuzzer harness over FUZZ_RUNS inputs (20,000 by default, from seed 1: the same inputs
# on every clean clone, so a commit's verdict is reproducible; scripts/fuzz.sh builds them with clang into
# build-fuzz/, and FUZZ_SECONDS=600 scripts/fuzz.sh explores for new findings), then the unit tests under
# AddressSanitizer and UndefinedBehaviorSanitizer (scripts/sanitize.sh, over the fuzzers' instrumented libraries:
# 5–7 minutes of tests on two free cores; MOTCUA_SANITIZE=0 leaves them out of a quick local run). Extra arguments go to
# the first ctest (e.g. -R DossierApiTest).
# The PostgreSQL cases run on a throwaway server that scripts/pg.sh starts on loopback (and stops at the end);
# they fail rather than skip if it is missing (MOTCUA_REQUIRE_PG=1, the default). MOTCUA_TEST_PG=postgresql://… set
# by the caller is used instead of starting one. On a machine without PostgreSQL, MOTCUA_REQUIRE_PG=0 runs the
# SQLite suite alone, each PostgreSQL case saying it was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/check-format.sh
export MOTCUA_REQUIRE_PG=${MOTCUA_REQUIRE_PG:-1}
if [ -z "${MOTCUA_TEST_PG:-}" ]; then
  if [ "$MOTCUA_REQUIRE_PG" = 0 ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo "test.sh: PostgreSQL 15 is not installed: its cases are skipped, each saying so (scripts/install-deps.sh installs it)" >&2
  else
    pg_dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
    trap 'bash scripts/pg.sh stop "$pg_dir"' EXIT
    MOTCUA_TEST_PG=$(bash scripts/pg.sh start "$pg_dir")
    export MOTCUA_TEST_PG
  fi
fi
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
# The store suites ran on every engine above (tests/support/store_backends.h). The API and browser tests run once
# more with every test server's data in PostgreSQL (tests/support/test_engine.h, tests/e2e/run.sh): the same
# requests, the same answers. Left out when the caller picked tests.
if [ $# -eq 0 ] && [ -n "${MOTCUA_TEST_PG:-}" ]; then
  api_suites=$(grep -ohE '^(TEST|TEST_F|TEST_P)\([A-Za-z0-9_]+' tests/api/*_test.cc | sed 's/.*(//' | sort -u | paste -sd'|')
  MOTCUA_TEST_ENGINE=postgresql ctest --test-dir build --output-on-failure --parallel "$(nproc)" \
    -R "(^|/)($api_suites)\.|^e2e\.browser$"
fi
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash scripts/fuzz.sh
if [ "${MOTCUA_SANITIZE:-1}" != 0 ]; then bash scripts/sanitize.sh; fi
