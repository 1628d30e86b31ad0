#!/usr/bin/env bash
# `motcua serve` end to end: it answers /healthz and the public API, counts requests in /metrics, gives JSON
# 404/405 errors, and exits 0 soon after SIGTERM.
# Usage: serve_test.sh PATH_TO_MOTCUA
set -euo pipefail
motcua=${1:?usage: serve_test.sh PATH_TO_MOTCUA}
tmp=$(mktemp -d)
server_pid=""
port=""

cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  [[ -f $tmp/server.log ]] && sed 's/^/  server: /' "$tmp/server.log" >&2
  exit 1
}

# Polls /healthz for up to 10 s; fails early if the server process is gone (e.g. its port was taken).
wait_until_healthy() {
  for _ in $(seq 100); do
    kill -0 "$server_pid" 2>/dev/null || return 1
    if curl -fsS "http://127.0.0.1:$port/healthz" >"$tmp/health.json" 2>/dev/null; then
      kill -0 "$server_pid" 2>/dev/null && return 0  # still ours, not another server on that port
      return 1
    fi
    sleep 0.1
  done
  fail "server on port $port did not answer /healthz within 10 s"
}

# The script cannot learn a port-0 choice, so it derives ports from its PID and moves on when one is taken.
start_server() {
  for attempt in 0 1 2 3 4; do
    port=$((18000 + ($$ * 7 + attempt * 131) % 2000))
    "$motcua" serve --db "$tmp/m.db" --listen "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
    server_pid=$!
    wait_until_healthy && return 0
    wait "$server_pid" || true
  done
  fail "could not start the server on any of 5 ports"
}

# Prints the status code; the body goes to $tmp/body.json.
http_status() { curl -sS -o "$tmp/body.json" -w '%{http_code}' "$@"; }

MOTCUA_DEMO_PASSWORD=serve-test-password "$motcua" init --db "$tmp/m.db" --demo >/dev/null || fail "motcua init failed"
start_server

grep -q '"status":"ok"' "$tmp/health.json" || fail "/healthz body: $(cat "$tmp/health.json")"
grep -q '"version":"' "$tmp/health.json" || fail "/healthz has no version: $(cat "$tmp/health.json")"

status=$(http_status "http://127.0.0.1:$port/api/v1/nope")
[[ $status == 404 ]] || fail "/api/v1/nope: expected 404, got $status"
grep -q '"error":{' "$tmp/body.json" || fail "/api/v1/nope body is not a JSON error: $(cat "$tmp/body.json")"
grep -q '"code":"not_found"' "$tmp/body.json" || fail "/api/v1/nope error code: $(cat "$tmp/body.json")"

# Any other path is the web application (a client-side route gets index.html).
status=$(http_status "http://127.0.0.1:$port/quay")
[[ $status == 200 ]] || fail "/quay: expected the web application, got $status"
grep -qi '<!doctype html>' "$tmp/body.json" || fail "/quay is not an HTML page: $(head -c 200 "$tmp/body.json")"

status=$(http_status -X POST "http://127.0.0.1:$port/healthz")
[[ $status == 405 ]] || fail "POST /healthz: expected 405, got $status"
grep -q '"code":"method_not_allowed"' "$tmp/body.json" || fail "POST /healthz body: $(cat "$tmp/body.json")"

# The public API is wired in: a procedure by its code, and /metrics counting it by route pattern.
status=$(http_status "http://127.0.0.1:$port/api/v1/procedures/1.001193")
[[ $status == 200 ]] || fail "/api/v1/procedures/1.001193: expected 200, got $status"
grep -q '"code":"1.001193"' "$tmp/body.json" || fail "procedure body: $(cat "$tmp/body.json")"
status=$(http_status "http://127.0.0.1:$port/metrics")
[[ $status == 200 ]] || fail "/metrics: expected 200, got $status"
grep -q 'route="/api/v1/procedures/{code}",status="200"' "$tmp/body.json" || fail "/metrics: $(cat "$tmp/body.json")"

# The demo accounts log in and see their own part of the demo dossiers.
login() {
  status=$(http_status -X POST -d "{\"login\":\"$1\",\"password\":\"serve-test-password\"}" \
    "http://127.0.0.1:$port/api/v1/sessions")
  [[ $status == 201 ]] || fail "login $1: expected 201, got $status: $(cat "$tmp/body.json")"
  sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$tmp/body.json"
}
dossier_count() { grep -o '"code":"000.00.25.H52-' "$tmp/body.json" | wc -l; }
receptionist=$(login tiep.nhan)
status=$(http_status -H "Authorization: Bearer $receptionist" "http://127.0.0.1:$port/api/v1/dossiers?limit=500")
[[ $status == 200 ]] || fail "/api/v1/dossiers as tiep.nhan: $status $(cat "$tmp/body.json")"
[[ $(dossier_count) == 40 ]] || fail "tiep.nhan should see the 40 demo dossiers, sees $(dossier_count)"
citizen=$(login cong.dan)
status=$(http_status -H "Authorization: Bearer $citizen" "http://127.0.0.1:$port/api/v1/dossiers?limit=500")
[[ $status == 200 ]] || fail "/api/v1/dossiers as cong.dan: $status"
[[ $(dossier_count) == 8 ]] || fail "cong.dan should see their 8 demo dossiers, sees $(dossier_count)"
status=$(http_status -H "Authorization: Bearer $citizen" "http://127.0.0.1:$port/api/v1/inbox")
[[ $status == 200 ]] || fail "/api/v1/inbox as cong.dan: $status"

# Public tracking is no directory: sequential codes looked up one after the other from one address are refused
# with 429 and Retry-After once the burst is spent (30), and the code alone never shows the dates.
status=$(http_status -H "Authorization: Bearer $citizen" "http://127.0.0.1:$port/api/v1/dossiers?limit=1")
code=$(grep -o '"code":"000[^"]*"' "$tmp/body.json" | head -1 | cut -d'"' -f4)
[[ -n $code ]] || fail "no dossier code to track"
status=$(http_status "http://127.0.0.1:$port/api/v1/track/$code")
[[ $status == 200 ]] || fail "/api/v1/track/$code: $status"
grep -q '"details":null' "$tmp/body.json" || fail "the code alone shows more than the status: $(cat "$tmp/body.json")"
refused=0
for _ in $(seq 40); do
  status=$(curl -sS -o /dev/null -D "$tmp/headers" -w '%{http_code}' "http://127.0.0.1:$port/api/v1/track/$code")
  if [[ $status == 429 ]]; then refused=1; break; fi
done
[[ $refused == 1 ]] || fail "40 lookups in a row were all answered"
grep -qi '^retry-after: [0-9]' "$tmp/headers" || fail "a 429 without Retry-After: $(cat "$tmp/headers")"

kill -TERM "$server_pid"
for _ in $(seq 50); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$server_pid" 2>/dev/null && fail "server still running 5 s after SIGTERM"
rc=0
wait "$server_pid" || rc=$?
server_pid=""
[[ $rc == 0 ]] || fail "server exited with status $rc after SIGTERM"
echo "PASS serve_test (port $port)"
