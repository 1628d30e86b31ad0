#!/usr/bin/env bash
# The end-to-end browser test: a demo database in a temporary folder, `motcua serve` on a free loopback port,
# then tests/e2e/lifecycle.test.mjs (playwright-core driving Debian's /usr/bin/chromium, headless) against it.
# Prints PASS or FAIL and exits 0 or 1; exits 77 (skipped) when /usr/bin/chromium is not installed.
# The test's npm packages are installed by scripts/build.sh, never here: the test uses only the loopback.
# Usage: run.sh PATH_TO_MOTCUA      (MOTCUA_SCREENSHOTS=1 also rewrites docs/screens/*.png)
# With MOTCUA_TEST_ENGINE=postgresql the server keeps its data in a new schema on the PostgreSQL server that
# MOTCUA_TEST_PG names (scripts/test.sh runs the test once on each engine), its files in the temporary folder.
set -euo pipefail
motcua=${1:?usage: run.sh PATH_TO_MOTCUA}
here=$(cd "$(dirname "$0")" && pwd)
chromium=${MOTCUA_CHROMIUM:-/usr/bin/chromium}

if [[ ! -x $chromium ]]; then
  echo "SKIP e2e.browser: $chromium is not installed (apt-get install chromium; scripts/install-deps.sh lists it)"
  exit 77
fi
command -v node >/dev/null || { echo "FAIL e2e.browser: node is not installed (scripts/install-deps.sh)" >&2; exit 1; }
if [[ ! -f $here/node_modules/playwright-core/package.json ]]; then
  echo "FAIL e2e.browser: $here/node_modules has no playwright-core; run scripts/build.sh, which installs it" >&2
  exit 1
fi
[[ -x $motcua ]] || { echo "FAIL e2e.browser: $motcua is not an executable" >&2; exit 1; }

tmp=$(mktemp -d)
server_pid=""
port=""

cleanup() {
  [[ -f $tmp/server.pid ]] && server_pid=$(cat "$tmp/server.pid")  # the test may have restarted it
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL e2e.browser: $*" >&2
  [[ -f $tmp/server.log ]] && sed 's/^/  server: /' "$tmp/server.log" | tail -n 40 >&2
  exit 1
}

# Polls /healthz for up to 10 s; fails early if the server process is gone (e.g. its port was taken).
wait_until_healthy() {
  for _ in $(seq 100); do
    kill -0 "$server_pid" 2>/dev/null || return 1
    if curl -fsS --noproxy '*' "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      kill -0 "$server_pid" 2>/dev/null && return 0  # still ours, not another server on that port
      return 1
    fi
    sleep 0.1
  done
  fail "server on port $port did not answer /healthz within 10 s"
}

# The script cannot learn a port-0 choice, so it derives ports from its PID and moves on when one is taken
# (a range no other test uses: the server is killed and restarted on the same port, which another script must not
# take in between — serve 18000, tls 20000, backup 22000, files 24000, crash 26000, this 28000, http_bench 30000).
start_server() {
  for attempt in 0 1 2 3 4; do
    port=$((28000 + ($$ * 7 + attempt * 131) % 2000))
    "$motcua" serve --db "$db" --files "$files" --listen "127.0.0.1:$port" "${signing[@]}" >"$tmp/server.log" 2>&1 &
    server_pid=$!
    echo "$server_pid" >"$tmp/server.pid"
    wait_until_healthy && return 0
    wait "$server_pid" || true
  done
  fail "could not start the server on any of 5 ports"
}

# The test kills the server once and starts another (step 7b); that one is no child of this script, so its exit
# status cannot be read: it must only stop.
stop_server() {
  local started=$server_pid
  server_pid=$(cat "$tmp/server.pid")
  kill -TERM "$server_pid"
  for _ in $(seq 50); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$server_pid" 2>/dev/null && fail "server still running 5 s after SIGTERM"
  local rc=0
  if [[ $server_pid == "$started" ]]; then wait "$server_pid" || rc=$?; else wait "$started" 2>/dev/null || true; fi
  server_pid=""
  [[ $rc == 0 ]] || fail "server exited with status $rc after SIGTERM"
}

db=$tmp/m.db
files=$tmp/m.db.files
if [[ ${MOTCUA_TEST_ENGINE:-sqlite} == postgresql ]]; then
  [[ -n ${MOTCUA_TEST_PG:-} ]] || fail "MOTCUA_TEST_ENGINE=postgresql needs MOTCUA_TEST_PG=postgresql://…"
  schema="e2e_$$_$RANDOM"
  psql -q -v ON_ERROR_STOP=1 "$MOTCUA_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null || fail "cannot create a schema"
  db="$MOTCUA_TEST_PG?options=-csearch_path%3D$schema"
  [[ $MOTCUA_TEST_PG == *\?* ]] && db="$MOTCUA_TEST_PG&options=-csearch_path%3D$schema"
fi

# The leader signs the result with a demonstration seal (scripts/demo-seal.sh), its root trusted.
export MOTCUA_SEAL_PASSWORD=e2e-seal-password
bash "$here/../../scripts/demo-seal.sh" "$tmp/signing" >/dev/null || fail "cannot make the demonstration seal"
signing=(--seal-file "$tmp/signing/seal.p12" --trust-roots "$tmp/signing/trust")

password=e2e-demo-password
MOTCUA_DEMO_PASSWORD=$password "$motcua" init --db "$db" --files "$files" --demo >"$tmp/init.log" 2>&1 ||
  fail "motcua init --demo failed: $(cat "$tmp/init.log")"
start_server

started=$SECONDS
rc=0
MOTCUA_URL="http://127.0.0.1:$port" MOTCUA_PASSWORD=$password MOTCUA_CHROMIUM=$chromium \
  MOTCUA_BIN=$motcua MOTCUA_DB=$db MOTCUA_FILES=$files MOTCUA_SERVE_ARGS="${signing[*]}" MOTCUA_PID_FILE=$tmp/server.pid MOTCUA_SERVER_LOG=$tmp/server.log \
  node "$here/lifecycle.test.mjs" || rc=$?
[[ $rc == 0 ]] || fail "lifecycle.test.mjs failed (exit $rc) after $((SECONDS - started)) s"
stop_server
echo "PASS e2e.browser on ${MOTCUA_TEST_ENGINE:-sqlite} ($((SECONDS - started)) s, port $port)"
