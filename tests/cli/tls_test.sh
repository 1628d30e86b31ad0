#!/usr/bin/env bash
# `motcua serve --tls-cert --tls-key` end to end, against a CA made here with openssl in a temporary folder (no
# key is kept in the repository): /healthz answers over https to a client trusting the CA, with the HSTS header;
# plain http to the same port, and a client that trusts another CA, get nothing; missing, mismatched or lone TLS
# files stop the start with a message naming the flag and a non-zero exit.
# Usage: tls_test.sh PATH_TO_MOTCUA
set -euo pipefail
motcua=${1:?usage: tls_test.sh PATH_TO_MOTCUA}
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

# A CA (certificate and key) named $1.
make_ca() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$1" \
    -keyout "$tmp/$1.key" -out "$tmp/$1.pem" 2>/dev/null
}

# A server certificate for 127.0.0.1 and localhost, signed by the CA $1, as $tmp/server.pem and server.key.
make_server_certificate() {
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$tmp/server.key" -out "$tmp/server.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
    "keyUsage=digitalSignature" "extendedKeyUsage=serverAuth" >"$tmp/server.ext"
  openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/$1.pem" -CAkey "$tmp/$1.key" -CAcreateserial -days 2 \
    -extfile "$tmp/server.ext" -out "$tmp/server.pem" 2>/dev/null
}

# Polls /healthz over https for up to 10 s; fails early if the server process is gone (e.g. its port was taken).
wait_until_healthy() {
  for _ in $(seq 100); do
    kill -0 "$server_pid" 2>/dev/null || return 1
    if curl -fsS --cacert "$tmp/province-ca.pem" "https://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      kill -0 "$server_pid" 2>/dev/null && return 0
      return 1
    fi
    sleep 0.1
  done
  fail "server on port $port did not answer https /healthz within 10 s"
}

# As serve_test.sh: ports derived from the PID, the next one tried when one is taken.
start_server() {
  for attempt in 0 1 2 3 4; do
    port=$((20000 + ($$ * 7 + attempt * 131) % 2000))
    "$motcua" serve --db "$tmp/m.db" --listen "127.0.0.1:$port" --tls-cert "$tmp/server.pem" \
      --tls-key "$tmp/server.key" >"$tmp/server.log" 2>&1 &
    server_pid=$!
    wait_until_healthy && return 0
    wait "$server_pid" || true
  done
  fail "could not start the server on any of 5 ports"
}

# Runs `motcua serve` with the TLS arguments given, which must stop it: non-zero exit, $1 named on stderr.
expect_refused_start() {
  local flag=$1; shift
  local code=0
  "$motcua" serve --db "$tmp/m.db" --listen 127.0.0.1:0 "$@" >"$tmp/refused.out" 2>"$tmp/refused.err" || code=$?
  [[ $code -ne 0 ]] || fail "serve $* started (exit 0)"
  grep -q -- "--$flag" "$tmp/refused.err" || fail "serve $*: the error does not name --$flag: $(cat "$tmp/refused.err")"
}

make_ca province-ca
make_ca other-ca
make_server_certificate province-ca
"$motcua" init --db "$tmp/m.db" >/dev/null || fail "motcua init failed"
start_server

# https with the province's CA: 200 and HSTS.
status=$(curl -sS --cacert "$tmp/province-ca.pem" -D "$tmp/headers" -o "$tmp/body.json" -w '%{http_code}' \
  "https://127.0.0.1:$port/healthz")
[[ $status == 200 ]] || fail "https /healthz: expected 200, got $status"
grep -q '"status":"ok"' "$tmp/body.json" || fail "https /healthz body: $(cat "$tmp/body.json")"
grep -qi '^strict-transport-security: max-age=31536000' "$tmp/headers" || fail "no HSTS header: $(cat "$tmp/headers")"

# Plain http to the https port gets no answer.
if curl -sS -o /dev/null "http://127.0.0.1:$port/healthz" 2>"$tmp/plain.err"; then
  fail "plain http to the https port was answered"
fi

# A client trusting another CA refuses the certificate.
if curl -sS -o /dev/null --cacert "$tmp/other-ca.pem" "https://127.0.0.1:$port/healthz" 2>"$tmp/untrusted.err"; then
  fail "a client trusting another CA accepted the server's certificate"
fi
grep -qi 'certificate' "$tmp/untrusted.err" || fail "untrusted client: unexpected error $(cat "$tmp/untrusted.err")"

# TLS older than 1.2 is refused.
if curl -sS -o /dev/null --cacert "$tmp/province-ca.pem" --tlsv1.1 --tls-max 1.1 \
  "https://127.0.0.1:$port/healthz" 2>/dev/null; then
  fail "TLS 1.1 was accepted"
fi

# The server is still well after all of that.
curl -fsS --cacert "$tmp/province-ca.pem" "https://127.0.0.1:$port/healthz" >/dev/null || fail "server unwell"
kill -TERM "$server_pid"
wait "$server_pid" || fail "serve exited non-zero after SIGTERM"
server_pid=""

# Bad TLS files stop the start, naming the flag.
expect_refused_start tls-key --tls-cert "$tmp/server.pem" --tls-key "$tmp/missing.key"
expect_refused_start tls-cert --tls-cert "$tmp/missing.pem" --tls-key "$tmp/server.key"
expect_refused_start tls-key --tls-cert "$tmp/server.pem" --tls-key "$tmp/other-ca.key"  # not the cert's key
expect_refused_start tls-cert --tls-cert "$tmp/server.key" --tls-key "$tmp/server.key"   # a key, not a cert
expect_refused_start tls-key --tls-cert "$tmp/server.pem"                                 # the key forgotten
echo "tls_test: ok"
