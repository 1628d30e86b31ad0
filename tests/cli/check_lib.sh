# Shared by the CLI test scripts: `check NAME COMMAND...` counts and prints one result line; `run ARGS...`
# runs $motcua and sets $out, $err, $code; `contains TEXT PART`; `finish` prints "N passed, N failed".
passed=0
failed=0
check() {
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
run() { out="$("$motcua" "$@" 2>"$work/err")"; code=$?; err="$(cat "$work/err")"; }
contains() { [[ "$1" == *"$2"* ]]; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
