#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang (coverage, AddressSanitizer, UndefinedBehaviorSanitizer) into
# build-fuzz/ and runs each one for FUZZ_SECONDS seconds (30 by default) from its seed corpus, fuzz/corpus/NAME/.
# Fails when a harness finds a crash, a sanitizer report, a broken check or a slow input, and says where the input
# was saved and how to replay it.
#
# Usage: scripts/fuzz.sh [NAME...]    NAME: json_body query_params request_path event_line reference_csv pdf_signatures (default:
#        all). FUZZ_SECONDS=600 scripts/fuzz.sh event_line fuzzes longer. The inputs a run finds are kept in
#        build-fuzz/corpus/NAME/ (the next run starts from them too); fuzz/corpus/ holds only the committed seeds.
#        FUZZ_RUNS=N runs each harness over N inputs from FUZZ_SEED (1 by default) instead of for a time: from a
#        clean clone, the same inputs every time, which is what CI runs (scripts/test.sh), so that its verdict on a
#        commit does not depend on luck; finding new inputs is the timed runs' job.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-30}
runs=${FUZZ_RUNS:-}
seed=${FUZZ_SEED:-1}
cxx=${FUZZ_CXX:-clang++-19}  # clang 14, Debian 12's default, lacks the C++23 std::expected the code is built on
all=(json_body query_params request_path event_line reference_csv pdf_signatures)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${all[@]}")

# The longest input tried per harness: enough for the largest seed and for what the code reads (a request target
# fits Beast's 8 KiB header; bodies and files are cut short, since their limits are about size, not structure).
declare -A max_len=([json_body]=4096 [query_params]=2048 [request_path]=2048 [event_line]=8192 [reference_csv]=4096
  [pdf_signatures]=65536)  # the signed one-page seed is 4.4 KB

command -v "$cxx" >/dev/null || { echo "fuzz: $cxx not found; scripts/install-deps.sh installs it" >&2; exit 1; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" -DMOTCUA_FUZZ=ON \
  >/dev/null
cmake --build build-fuzz --target motcua_fuzzers --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Runs harness $1; prints its final statistics, or what it found and how to replay it.
run() {
  local name=$1 limit=${max_len[$1]:-}
  [ -n "$limit" ] || { echo "fuzz: no harness '$name' (known: ${all[*]})" >&2; return 1; }
  local work=build-fuzz/corpus/$name crashes=build-fuzz/crashes/$name log=build-fuzz/logs/$name.log
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  local budget=(-max_total_time="$seconds")
  [ -z "$runs" ] || budget=(-runs="$runs" -seed="$seed")
  echo "fuzz: $name, ${budget[*]} (max_len $limit)"
  # The first folder receives new inputs; the committed seeds are only read.
  if build-fuzz/fuzz/fuzz_"$name" "$work" "fuzz/corpus/$name" "${budget[@]}" -max_len="$limit" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | sed "s/^/fuzz: $name /"
    grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/fuzz: $name /"
    return 0
  fi
  echo "fuzz: $name FAILED; the end of $log:" >&2
  tail -40 "$log" >&2
  local found
  found=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
  if [ -n "$found" ]; then
    echo "fuzz: $name saved the input in $found; replay it with: build-fuzz/fuzz/fuzz_$name $found" >&2
  fi
  return 1
}

failed=()
for name in "${names[@]}"; do run "$name" || failed+=("$name"); done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
budget_text="${seconds}s"
[ -z "$runs" ] || budget_text="$runs inputs"
echo "fuzz: ${#names[@]} harnesses ran $budget_text each without a finding"
