# Shared by the CLI tests that drive a running `motcua serve` (backup, crash_idempotency, failover). The caller sets
# $motcua and $tmp and declares server_pid="" and port=""; the server's output goes to $tmp/server.log.
#   fail MESSAGE               prints it and the tail of the server's log, exits 1
#   wait_until_healthy         polls /healthz for up to 10 s; fails early when the server process is gone
#   start_server BASE ARGS...  `motcua serve ARGS… --listen 127.0.0.1:PORT`, PORT in BASE…BASE+1999 derived from the
#                              script's PID (each script its own range: the server is killed and restarted on the
#                              same port, which another script must not take in between); another port when taken
#   login LOGIN PASSWORD       prints the session's token
#   reception_body ADDRESS     a reception at Xã Vân Sơn's counter (init --demo), ADDRESS naming it in the history

fail() {
  echo "FAIL: $*" >&2
  [[ -f $tmp/server.log ]] && tail -20 "$tmp/server.log" | sed 's/^/  server: /' >&2
  exit 1
}

wait_until_healthy() {
  for _ in $(seq 100); do
    kill -0 "$server_pid" 2>/dev/null || return 1
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

start_server() {
  local base=$1
  shift
  for attempt in 0 1 2 3 4; do
    port=$((base + ($$ * 7 + attempt * 131) % 2000))
    "$motcua" serve "$@" --listen "127.0.0.1:$port" >>"$tmp/server.log" 2>&1 &
    server_pid=$!
    wait_until_healthy && return 0
    kill -KILL "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  done
  fail "could not start the server"
}

login() {
  curl -sS -X POST -d "{\"login\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$port/api/v1/sessions" |
    sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p'
}

reception_body() {
  printf '{"procedure_code":"1.000314","applicant":{"name":"Nguyễn Văn Thử","citizen_id":"025090001234",'
  printf '"phone":"0912345678","address":"%s"},"components":[{"seq":1,"name":"Tờ khai","originals":1,' "$1"
  printf '"copies":0}],"receiving_point":"05152-ttpvhcc","competent_agency":"000.00.25.H52"}'
}
