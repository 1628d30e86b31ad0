#!/usr/bin/env bash
# The backup drill of issue 15, item 4: `motcua backup` while a running server takes dossiers from several
# counters, then `motcua restore` into a new path and `motcua verify` on it: every dossier acknowledged (HTTP 201)
# before the backup began is in the restored copy, and it holds no dossier that was never acknowledged; the
# uploaded document comes back byte for byte. A tampered backup (one byte changed) is refused naming the file; an
# existing database is replaced only with --force, and set aside. Then `serve --backup-dir` makes backups on its
# own schedule and keeps the newest --backup-keep.
# (The issue: `cp` of the live database under load gave a corrupt copy, and nothing copied the uploaded files.)
# Usage: backup_test.sh PATH_TO_MOTCUA
set -uo pipefail
motcua=${1:?usage: backup_test.sh PATH_TO_MOTCUA}
tmp=$(mktemp -d)
server_pid=""
port=""
cleanup() {
  touch "$tmp/stop"
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
# shellcheck source=server_lib.sh
source "$(dirname "$0")/server_lib.sh"
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "the server exited with status $? after SIGTERM"
  server_pid=""
}
# A counter: posts receptions one after another until $tmp/stop exists. Each 201 appends the dossier's code to
# $tmp/acked-N.txt once the answer is in; each post appends "end_time seconds_taken" to $tmp/latency-N.txt.
counter() {
  local n=$1 i=0 result
  while [[ ! -e $tmp/stop ]]; do
    i=$((i + 1))
    result=$(curl -sS -o "$tmp/answer-$n.json" -w '%{http_code} %{time_total}' -m 30 -X POST \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "$(reception_body "counter $n-$i")" \
      "http://127.0.0.1:$port/api/v1/dossiers" 2>/dev/null)
    echo "$(date +%s.%N) ${result#* }" >>"$tmp/latency-$n.txt"
    if [[ ${result%% *} == 201 ]]; then
      code=$(grep -o '"code":"[^"]*"' "$tmp/answer-$n.json" | head -1 | cut -d'"' -f4)
      echo "$code" >>"$tmp/acked-$n.txt"
    else
      echo "${result%% *}" >>"$tmp/refused-$n.txt"
    fi
  done
}
acked() { cat "$tmp"/acked-*.txt 2>/dev/null | sort -u; }
codes_in() { sqlite3 "$1" "SELECT code FROM dossiers ORDER BY code" | sort -u; }
# The slowest post that ended in [FROM, TO] (epoch seconds), in milliseconds.
slowest_between() {
  cat "$tmp"/latency-*.txt | awk -v from="$1" -v to="$2" \
    '$1 >= from && $1 <= to && $2 > max { max = $2 } END { printf "%d", max * 1000 }'
}

export MOTCUA_LANG=en  # the refusals checked below are read in English
MOTCUA_DEMO_PASSWORD=backup-test-password "$motcua" init --db "$tmp/m.db" --demo >/dev/null || fail "init"
start_server 22000 --db "$tmp/m.db"
token=$(login tiep.nhan backup-test-password)
[[ -n $token ]] || fail "login"
demo_codes=$(codes_in "$tmp/m.db")

# A scan uploaded before the backup: the backup must carry it.
printf '%%PDF-1.7\n1 0 obj << >> endobj\n%% the backup drill\n%%%%EOF\n' >"$tmp/scan.pdf"
status=$(curl -sS -o "$tmp/upload.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/pdf' --data-binary "@$tmp/scan.pdf" "http://127.0.0.1:$port/api/v1/files?name=scan.pdf")
[[ $status == 201 || $status == 200 ]] || fail "upload: $status $(cat "$tmp/upload.json")"
file_id=$(grep -o '"id":"[0-9a-f]*"' "$tmp/upload.json" | cut -d'"' -f4)
[[ ${#file_id} == 64 ]] || fail "upload answered no id: $(cat "$tmp/upload.json")"

counters=4
for n in $(seq "$counters"); do counter "$n" & done
for _ in $(seq 300); do
  [[ $(acked | wc -l) -ge 100 ]] && break
  sleep 0.1
done
[[ $(acked | wc -l) -ge 100 ]] || fail "the counters got fewer than 100 dossiers acknowledged: $(cat "$tmp"/refused-*.txt)"

# Acknowledged before the backup began: these must be in it.
acked >"$tmp/before.txt"
backup_started=$(date +%s.%N)
"$motcua" backup --db "$tmp/m.db" --to "$tmp/backups" >"$tmp/backup.out" 2>&1 ||
  fail "backup: $(cat "$tmp/backup.out")"
backup_ended=$(date +%s.%N)
sleep 1  # intake goes on after the backup too
touch "$tmp/stop"
wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null
acked >"$tmp/all.txt"
[[ ! -s $(ls "$tmp"/refused-*.txt 2>/dev/null | head -1) ]] || fail "posts refused: $(sort "$tmp"/refused-*.txt | uniq -c)"
during=$(($(acked | wc -l) - $(wc -l <"$tmp/before.txt")))

backup=$(ls -d "$tmp"/backups/motcua-* | head -1)
[[ -d $backup && -f $backup/manifest.json ]] || fail "no backup folder with a manifest: $(ls -a "$tmp/backups")"
[[ -z $(ls -A "$tmp/backups" | grep -v '^motcua-') ]] || fail "the backup left something else: $(ls -A "$tmp/backups")"
grep -q "\"path\":\"files/${file_id:0:2}/${file_id:2}\"" "$backup/manifest.json" ||
  fail "the manifest does not list the uploaded file"

# Restore into a new path; verify; compare with what the counters were told.
"$motcua" restore --from "$backup" --db "$tmp/restored.db" >"$tmp/restore.out" 2>&1 ||
  fail "restore: $(cat "$tmp/restore.out")"
"$motcua" verify --db "$tmp/restored.db" >/dev/null || fail "verify of the restored database"
codes_in "$tmp/restored.db" >"$tmp/restored.txt"
missing=$(comm -23 "$tmp/before.txt" "$tmp/restored.txt")
[[ -z $missing ]] || fail "acknowledged before the backup but not restored: $(echo "$missing" | head -5)"
never_acked=$(comm -23 "$tmp/restored.txt" <(sort -u <(echo "$demo_codes") "$tmp/all.txt"))
[[ -z $never_acked ]] || fail "restored but never acknowledged: $(echo "$never_acked" | head -5)"
manifest_dossiers=$(sed -n 's/.*"dossiers": \([0-9]*\).*/\1/p' "$backup/manifest.json")
[[ $(wc -l <"$tmp/restored.txt") == "$manifest_dossiers" ]] || fail "the manifest says $manifest_dossiers dossiers"
cmp -s "$tmp/scan.pdf" "$tmp/restored.db.files/${file_id:0:2}/${file_id:2}" || fail "the uploaded file was not restored"

# A tampered backup: one byte of the uploaded file changed (in a copy: the backup's files may be hard links).
cp -r "$backup" "$tmp/tampered"
tampered_file="$tmp/tampered/files/${file_id:0:2}/${file_id:2}"
printf 'X' | dd of="$tampered_file" bs=1 seek=20 conv=notrunc status=none
"$motcua" restore --from "$tmp/tampered" --db "$tmp/from-tampered.db" >/dev/null 2>"$tmp/tampered.err" &&
  fail "a tampered backup was restored"
grep -q "files/${file_id:0:2}/${file_id:2}" "$tmp/tampered.err" || fail "the refusal names no file: $(cat "$tmp/tampered.err")"
[[ ! -e $tmp/from-tampered.db && ! -e $tmp/from-tampered.db.files ]] || fail "a refused restore left files behind"
# ... and one byte of the database.
cp -r "$backup" "$tmp/tampered-db"
printf 'X' | dd of="$tmp/tampered-db/motcua.db" bs=1 seek=5000 conv=notrunc status=none
"$motcua" restore --from "$tmp/tampered-db" --db "$tmp/from-tampered.db" >/dev/null 2>"$tmp/tampered.err" &&
  fail "a backup with a tampered database was restored"
grep -q "motcua.db" "$tmp/tampered.err" || fail "the refusal names no file: $(cat "$tmp/tampered.err")"

# An existing database is replaced only with --force, and then kept aside.
"$motcua" restore --from "$backup" --db "$tmp/restored.db" >/dev/null 2>&1 && fail "restore overwrote a database"
"$motcua" restore --from "$backup" --db "$tmp/restored.db" --force >"$tmp/force.out" 2>&1 ||
  fail "restore --force: $(cat "$tmp/force.out")"
aside=$(ls -d "$tmp"/restored.db.before-restore-* 2>/dev/null | grep -v files | head -1)
[[ -n $aside ]] || fail "restore --force kept nothing aside: $(cat "$tmp/force.out")"
"$motcua" verify --db "$aside" >/dev/null || fail "the database set aside does not verify"

# Scheduled backups: every second, keeping 2.
stop_server
start_server 22000 --db "$tmp/m.db" --backup-dir "$tmp/scheduled" --backup-every 1s --backup-keep 2
for _ in $(seq 150); do
  [[ $(grep -c 'old backup removed' "$tmp/server.log") -ge 2 ]] && break
  sleep 0.1
done
[[ $(grep -c 'old backup removed' "$tmp/server.log") -ge 2 ]] || fail "no scheduled backups removed"
stop_server
kept=$(ls "$tmp/scheduled" | grep -c '^motcua-')
[[ $kept == 2 ]] || fail "expected the 2 newest scheduled backups kept, found $kept: $(ls -a "$tmp/scheduled")"
newest=$(ls -d "$tmp"/scheduled/motcua-* | tail -1)
"$motcua" restore --from "$newest" --db "$tmp/scheduled.db" >/dev/null 2>&1 || fail "restore of a scheduled backup"

echo "PASS backup_test: $(wc -l <"$tmp/before.txt") dossiers acknowledged before the backup all restored," \
  "$during more acknowledged during and after it; slowest reception during the backup" \
  "$(slowest_between "$backup_started" "$backup_ended") ms, before it" \
  "$(slowest_between 0 "$backup_started") ms; backup: $(grep -o 'total: .*' "$tmp/backup.out") (port $port)"
