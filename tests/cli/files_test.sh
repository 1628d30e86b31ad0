#!/usr/bin/env bash
# Uploads bounded and cleaned up (issue 15, item 2), through a real `motcua serve`: a staff account's bytes of the
# day (--upload-quota-staff) end in 429 with Retry-After; `motcua files prune` removes, while the server runs, the
# scans no dossier took and keeps the one a reception attached (which still downloads); --dry-run removes nothing.
# Usage: files_test.sh PATH_TO_MOTCUA
set -uo pipefail
motcua=${1:?usage: files_test.sh PATH_TO_MOTCUA}
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check_lib.sh"
work=$tmp
fail() {
  echo "FAIL: $*" >&2
  [[ -f $tmp/server.log ]] && tail -20 "$tmp/server.log" | sed 's/^/  server: /' >&2
  exit 1
}

start_server() {  # extra serve options...
  for attempt in 0 1 2 3 4; do
    port=$((24000 + ($$ * 7 + attempt * 131) % 2000))
    "$motcua" serve --db "$tmp/m.db" --listen "127.0.0.1:$port" "$@" >>"$tmp/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  done
  fail "could not start the server"
}
# upload FILE → sets $status and $answer
upload() {
  status=$(curl -sS -o "$tmp/answer.json" -w '%{http_code}' -D "$tmp/headers.txt" -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/pdf' --data-binary "@$1" \
    "http://127.0.0.1:$port/api/v1/files?name=scan.pdf")
  answer=$(cat "$tmp/answer.json")
}
id_of() { grep -o '"id":"[0-9a-f]*"' <<<"$1" | cut -d'"' -f4; }
blob() { echo "$tmp/m.db.files/${1:0:2}/${1:2}"; }
scan() {  # NAME KIB: a PDF of about KIB KiB, different for each NAME
  { printf '%%PDF-1.4\n%% %s\n' "$1"; head -c $(($2 * 1024)) /dev/zero | tr '\0' ' '; printf '\n%%%%EOF\n'; } >"$tmp/$1.pdf"
}

export MOTCUA_LANG=en
MOTCUA_DEMO_PASSWORD=files-test-password "$motcua" init --db "$tmp/m.db" --demo >/dev/null || fail "init"
start_server --upload-quota-staff 1
token=$(curl -sS -X POST -d '{"login":"tiep.nhan","password":"files-test-password"}' \
  "http://127.0.0.1:$port/api/v1/sessions" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[[ -n $token ]] || fail "login"

# Two scans: one attached to a reception, one left behind (a reception abandoned at the counter).
scan kept 300
scan abandoned 300
upload "$tmp/kept.pdf"
check "an upload within the quota is taken" [ "$status" = 201 ]
kept=$(id_of "$answer")
upload "$tmp/abandoned.pdf"
abandoned=$(id_of "$answer")
check "a second one too" [ "$status" = 201 ]
scan third 500
upload "$tmp/third.pdf"
check "beyond 1 MiB in a day: 429" [ "$status" = 429 ]
check "naming the file and the quota" contains "$answer" '"code":"quota_exceeded"'
retry=$(tr -d '\r' <"$tmp/headers.txt" | sed -n 's/^[Rr]etry-[Aa]fter: //p')
check "Retry-After is the time until the day's first upload leaves the window (~24 h)" \
  test "${retry:-0}" -gt 86000 -a "${retry:-0}" -le 86400

reception='{"procedure_code":"1.000314","applicant":{"name":"Nguyễn Văn Tệp","citizen_id":"025090001234",
  "phone":"0912345678","address":"files test"},"components":[{"seq":1,"name":"Tờ khai","originals":1,"copies":0,
  "file":"'$kept'"}],"receiving_point":"05152-ttpvhcc","competent_agency":"000.00.25.H52"}'
status=$(curl -sS -o "$tmp/dossier.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data-binary "$reception" "http://127.0.0.1:$port/api/v1/dossiers")
[[ $status == 201 ]] || fail "reception: $status $(cat "$tmp/dossier.json")"

# Pruned while the server runs. The default grace period (30 days) keeps today's uploads.
run files prune --db "$tmp/m.db"
check "nothing within the 30-day grace period" contains "$out" "Removed 0 files"
run files prune --db "$tmp/m.db" --older-than 0 --dry-run
check "a dry run counts the abandoned scan" contains "$out" "Would remove 1 files"
check "and removes nothing" test -f "$(blob "$abandoned")"
run files prune --db "$tmp/m.db" --older-than 0
check "prune removes the abandoned scan" contains "$out" "Removed 1 files"
check "its bytes are gone" test ! -e "$(blob "$abandoned")"
check "the attached scan stays" test -f "$(blob "$kept")"
status=$(curl -sS -o "$tmp/download.pdf" -w '%{http_code}' -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/files/$kept")
check "and downloads" [ "$status" = 200 ]
check "byte for byte" cmp -s "$tmp/download.pdf" "$tmp/kept.pdf"
check "the removal is recorded" [ "$(sqlite3 "$tmp/m.db" "SELECT count(*) FROM removed_files WHERE id='$abandoned'")" = 1 ]
run files prune --db "$tmp/m.db" --older-than 0
check "a second prune finds nothing" contains "$out" "Removed 0 files"
run files prune --db "$tmp/m.db" --older-than -1
check "a negative period is refused" [ "$code" != 0 ]
check "naming the option" contains "$err" "older-than"

# --files: a server told to keep document files elsewhere (a folder several servers share) writes them there, and
# prune looks there too.
kill -TERM "$server_pid"
wait "$server_pid" 2>/dev/null
mkdir -p "$tmp/shared"
start_server --files "$tmp/shared"
scan elsewhere 10
upload "$tmp/elsewhere.pdf"
check "an upload with --files is taken" [ "$status" = 201 ]
elsewhere=$(id_of "$answer")
check "its bytes are in the named folder" test -f "$tmp/shared/${elsewhere:0:2}/${elsewhere:2}"
check "not beside the database" test ! -e "$(blob "$elsewhere")"
run files prune --db "$tmp/m.db" --files "$tmp/shared" --older-than 0
check "prune with --files removes it there" contains "$out" "Removed 1 files"
check "from the named folder" test ! -e "$tmp/shared/${elsewhere:0:2}/${elsewhere:2}"

finish
