#!/usr/bin/env bash
# Builds the unit tests (motcua_tests: domain, store, app, api; motcua_sign_tests: signatures) with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs them through CTest. Any sanitizer report fails the test
# that triggered it: undefined behaviour is not recoverable (-fno-sanitize-recover) and the first ASan error aborts.
#
# The build is the fuzzers' (build-fuzz/, clang 19, configured by scripts/fuzz.sh), whose libraries are already
# compiled with both sanitizers for the harnesses: the tests reuse them, so that CI pays for compiling the test
# files only, not for a third build of the whole code. The command-line, benchmark and browser tests are left out:
# they drive binaries this build does not make.
# Usage: scripts/sanitize.sh [extra ctest arguments, e.g. -R DossierStateTest]
set -euo pipefail
cd "$(dirname "$0")/.."

cxx=${FUZZ_CXX:-clang++-19}
command -v "$cxx" >/dev/null || { echo "sanitize: $cxx not found; scripts/install-deps.sh installs it" >&2; exit 1; }
# The API suites are compiled only when they are to run (MOTCUA_SANITIZE_ALL=1, below).
api_tests=$([ "${MOTCUA_SANITIZE_ALL:-0}" = 1 ] && echo ON || echo OFF)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" -DMOTCUA_FUZZ=ON \
  -DMOTCUA_API_TESTS="$api_tests" >/dev/null
cmake --build build-fuzz --target motcua_tests motcua_sign_tests --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"

# detect_stack_use_after_return: catches a reference to a callee's local that outlived it (a string_view into a
# temporary), which plain ASan misses. Leaks are reported at the end of each test's process.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# What system libraries keep for the process's life by design (fontconfig's caches), not motcua's leaks.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
# Left out unless MOTCUA_SANITIZE_ALL=1, to keep CI within its time: the suites of tests/api (not even compiled, see
# above), which start a whole server per test (15–30 s each under the sanitizers on two cores, an hour for all of
# them), the generated-history suites, which replay the same use cases thousands of times (1–1.5 min each), and
# the search-quality evaluation, which runs the same search over hundreds of questions (4 min). The code they drive
# is the domain, store and app code whose own tests run here. The rest: 644 tests at session 10, 5–7 min on two
# free cores (17 min beside other builds).
excluded='^(cli|bench_smoke|e2e)\.'
if [ "${MOTCUA_SANITIZE_ALL:-0}" != 1 ]; then
  generated='DemoDossiersTest|HistoryGeneratorTest|DossierStandingAgreementTest|SearchQualityTest'
  excluded="$excluded|^([A-Za-z0-9_]+/)?($generated)\."
fi
ctest --test-dir build-fuzz --output-on-failure --parallel "$(nproc)" --timeout 600 -E "$excluded" "$@"
