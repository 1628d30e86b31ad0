#!/usr/bin/env bash
# Drives `motcua` ($1) through a dossier backfill: import, show, export, verify, and a hand edit of the
# SQLite file that verify must name. Prints one line per check and a closing "N passed, N failed".
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

"$motcua" init --db "$db" >/dev/null || { echo "init failed"; exit 1; }

applicant='{"name":"Đinh Văn Em","citizen_id":"017080000123","phone":"","email":"","address":"","organisation":""}'
actor='{"user":"can.bo","role":"receptionist","unit":"05152"}'
event() {  # event CODE SEQ TYPE OCCURRED PAYLOAD
  printf '{"dossier_code":"%s","seq":%s,"type":"%s","actor":%s,"occurred_at":"%s","recorded_at":"%s","imported":false,"payload":%s}\n' \
    "$1" "$2" "$3" "$actor" "$4" "$4" "$5"
}
received() {  # received CODE UNIT DAY DUE_DAY
  event "$1" 1 received "$3T09:00:00+07:00" "{\"procedure_code\":\"1.004194\",\"channel\":\"direct\",\"applicant\":$applicant,\"components\":[],\"receiving_unit\":\"$2\",\"receiving_point\":\"UBND xã\",\"competent_agency\":\"Công an xã\",\"competent_unit\":\"$2\",\"processing_amount\":3,\"processing_unit\":\"working_day\",\"clock_started_at\":\"$3T09:00:00+07:00\",\"due_at\":\"$4T09:00:00+07:00\"}"
}
{
  received "H52-250804-0001" 05152 2025-08-04 2025-08-07
  event "H52-250804-0001" 2 supplement_requested "2025-08-05T10:00:00+07:00" '{"reason":"Thiếu hợp đồng thuê nhà","missing":["Hợp đồng thuê nhà"]}'
  received "H52-250303-0001" 05194 2025-03-03 2025-03-06
  event "H52-250303-0001" 2 result_approved "2025-03-05T15:00:00+07:00" '{"result":"Đã đăng ký tạm trú","signer":"lanh.dao"}'
  received "H52-250303-0002" 00019 2025-03-03 2025-03-06
} > "$work/backfill.jsonl"

run import events "$work/backfill.jsonl" --db "$db" --importer nguyen.admin
check "import with a held dossier exits 2" test "$code" -eq 2
check "import counts two dossiers" contains "$out" "Đã nhập: 2 hồ sơ (4 sự kiện)"
check "the split old commune 00019 is held" contains "$out" "GIỮ LẠI hồ sơ H52-250303-0002"
check "held lines are written for a person" test -s "$work/backfill.jsonl.held.jsonl"
run import events "$work/backfill.jsonl" --db "$db"
check "re-import adds nothing" contains "$out" "Đã nhập: 0 hồ sơ (0 sự kiện); đã có, giống hệt (bỏ qua): 2 hồ sơ (4 sự kiện)"

run dossier show H52-250303-0001 --db "$db"
check "show succeeds" test "$code" -eq 0
check "old commune 05194 was mapped to 05152" contains "$out" "Nơi tiếp nhận: 05152"
check "show says the result is ready" contains "$out" "Có kết quả, chờ trả"
check "show classifies early" contains "$out" "trước hạn"
check "history in Vietnamese, marked imported" contains "$out" "Phê duyệt kết quả  — can.bo (receptionist) [nhập từ hệ thống khác]"
run --lang en dossier show H52-250804-0001 --db "$db"
check "show in English" contains "$out" "waiting_supplement"
run dossier show NOPE-1 --db "$db"
check "unknown dossier exits 3" test "$code" -eq 3

run export events --db "$db" --unit 05152
check "export writes 4 lines" test "$(printf '%s\n' "$out" | wc -l)" -eq 4
printf '%s\n' "$out" > "$work/exported.jsonl"
"$motcua" init --db "$work/copy.db" >/dev/null
run import events "$work/exported.jsonl" --db "$work/copy.db"
check "export imports into an empty store" test "$code" -eq 0
a="$("$motcua" --lang en dossier show H52-250804-0001 --db "$db" | sed -n 2,7p)"
b="$("$motcua" --lang en dossier show H52-250804-0001 --db "$work/copy.db" | sed -n 2,7p)"
check "the copy shows the same state" test "$a" = "$b"
run export events --db "$db" --from 2025-13-01
check "bad --from exits 2" test "$code" -eq 2

run verify --db "$db"
check "verify passes on an intact store" test "$code" -eq 0

# The projection is checked against the fold of the events: an edited due date or name is named by its column.
for edit in "due_at = '2030-01-01T00:00:00Z'" "applicant_name = 'Người Khác'"; do
  column=${edit%% =*}
  saved=$(sqlite3 "$db" "SELECT quote($column) FROM dossiers WHERE code = 'H52-250804-0001'")
  sqlite3 "$db" "UPDATE dossiers SET $edit WHERE code = 'H52-250804-0001'"
  run verify --db "$db"
  check "verify finds an edited $column (exit 4)" test "$code" -eq 4
  check "verify names the dossier and $column" contains "$err" "H52-250804-0001"
  check "verify names $column" contains "$err" "$column"
  sqlite3 "$db" "UPDATE dossiers SET $column = $saved WHERE code = 'H52-250804-0001'"
done
run verify --db "$db"
check "verify passes once the edits are undone" test "$code" -eq 0

# A damaged page of the file (on a copy, checkpointed): verify fails and says the file is corrupt.
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$work/damaged.db"
pages=$(sqlite3 "$work/damaged.db" "PRAGMA page_count")
printf 'motcua-damage%.0s' $(seq 300) | dd of="$work/damaged.db" bs=1 seek=$(( (pages / 2) * 4096 + 100 )) conv=notrunc status=none
run verify --db "$work/damaged.db"
check "verify fails on a damaged page" test "$code" -ne 0

# A dossier removed whole (its events and its row): the event log still names its events.
run verify --db "$db"
checkpoint=$(printf '%s\n' "$out" | grep -Eo '[0-9]+:[0-9a-f]{64}' | tail -1)
check "verify prints the event log's checkpoint" test -n "$checkpoint"
cp "$db" "$work/removed.db"
sqlite3 "$work/removed.db" "DROP TRIGGER dossier_events_no_delete;
  DELETE FROM dossier_events WHERE dossier_code = 'H52-250804-0001'; DELETE FROM dossiers WHERE code = 'H52-250804-0001';"
run verify --db "$work/removed.db"
check "verify finds a dossier removed whole (exit 4)" test "$code" -eq 4
check "verify names the removed dossier" contains "$err" "H52-250804-0001"
# The log's last events lost (as with a lost WAL: events, rows and log together): only a checkpoint kept off the
# machine tells.
cp "$db" "$work/cut.db"
last=$(sqlite3 "$work/cut.db" "SELECT dossier_code FROM event_log ORDER BY position DESC LIMIT 1")
sqlite3 "$work/cut.db" "DROP TRIGGER dossier_events_no_delete; DROP TRIGGER event_log_no_delete;
  DELETE FROM event_log WHERE dossier_code = '$last'; DELETE FROM dossier_events WHERE dossier_code = '$last';
  DELETE FROM dossiers WHERE code = '$last';"
run verify --db "$work/cut.db"
check "without a checkpoint a lost tail passes (why the checkpoint is printed)" test "$code" -eq 0
run verify --db "$work/cut.db" --checkpoint "$checkpoint"
check "with the checkpoint the lost tail is found (exit 4)" test "$code" -eq 4
check "verify says the log ends before the checkpoint" contains "$err" "before the checkpoint"
run verify --db "$db" --checkpoint "$checkpoint"
check "the intact store passes its own checkpoint" test "$code" -eq 0
run verify --db "$db" --checkpoint "12:abc"
check "a malformed checkpoint exits 2" test "$code" -eq 2
sqlite3 "$db" "DROP TRIGGER dossier_events_no_update; UPDATE dossier_events SET payload = replace(payload, 'Thiếu hợp đồng', 'Đủ hợp đồng') WHERE dossier_code = 'H52-250804-0001' AND seq = 2;"
run verify --db "$db"
check "verify finds the hand edit (exit 4)" test "$code" -eq 4
check "verify names the dossier and the event" contains "$err" "H52-250804-0001 — sự kiện 2"

finish
