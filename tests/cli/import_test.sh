#!/usr/bin/env bash
# Drives `motcua import events` ($1) through what the counter would refuse (issue 15, item 10): rejections named by
# line, dossier and field, a truncated line, a conflict with a stored dossier, a held split commune resolved with a
# unit map, progress, and the exit codes. Prints one line per check and a closing "N passed, N failed".
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

"$motcua" init --db "$db" >/dev/null || { echo "init failed"; exit 1; }

applicant='{"name":"Đinh Văn Em","citizen_id":"017080000123","phone":"","email":"","address":"","organisation":""}'
event() {  # event CODE SEQ TYPE ROLE OCCURRED PAYLOAD
  printf '{"dossier_code":"%s","seq":%s,"type":"%s","actor":{"user":"can.bo","role":"%s","unit":"05152"},"occurred_at":"%s","recorded_at":"%s","imported":false,"payload":%s}\n' \
    "$1" "$2" "$3" "$4" "$5" "$5" "$6"
}
# Temporary residence (1.004194, 3 working days) received on Monday 4 August 2025 at 09:00 in UNIT: due Thursday
# 7 August at 09:00 (24 working hours), worked by hand.
received() {  # received CODE UNIT [PROCEDURE]
  event "$1" 1 received receptionist "2025-08-04T09:00:00+07:00" "{\"procedure_code\":\"${3:-1.004194}\",\"channel\":\"direct\",\"applicant\":$applicant,\"components\":[],\"receiving_unit\":\"$2\",\"receiving_point\":\"UBND xã\",\"competent_agency\":\"Công an xã\",\"competent_unit\":\"$2\",\"processing_amount\":3,\"processing_unit\":\"working_day\",\"clock_started_at\":\"2025-08-04T09:00:00+07:00\",\"due_at\":\"2025-08-07T09:00:00+07:00\"}"
}
approved() {  # approved CODE RESULT
  event "$1" 2 result_approved leader "2025-08-05T10:00:00+07:00" "{\"result\":\"$2\",\"signer\":\"lanh.dao\"}"
}

good="$(received A-1 05152; approved A-1 "Đã đăng ký")"
truncated="$(received C-1 05152)"
cut_line="$(approved C-1 "Đã đăng ký")"
{
  printf '%s\n' "$good"                               # lines 1-2: goes in
  received B-1 05152 9.999999                         # line 3: unknown procedure
  printf '%s\n%s\n' "$truncated" "${cut_line:0:60}"   # lines 4-5: the second is cut half way
  event D-1 1 received thu_ky "2025-08-04T09:00:00+07:00" '{}'  # line 6: does not decode (payload)
} > "$work/mixed.jsonl"
run import events "$work/mixed.jsonl" --db "$db"
check "rejections exit 2" test "$code" -eq 2
check "the good dossier is imported" contains "$out" "Đã nhập: 1 hồ sơ (2 sự kiện)"
check "three dossiers rejected" contains "$out" "bị từ chối: 3"
check "the unknown procedure is named by line, dossier and field" \
  contains "$err" "lỗi dòng 3 hồ sơ (B-1): payload.procedure_code: không có thủ tục mã '9.999999'"
check "the truncated line rejects its dossier" contains "$err" "lỗi dòng 5 hồ sơ (C-1): json"
run dossier show C-1 --db "$db"
check "nothing of the truncated dossier is written" test "$code" -eq 3
run dossier show A-1 --db "$db"
check "the good dossier is there" test "$code" -eq 0

run --lang en import events "$work/mixed.jsonl" --db "$db" --quiet
check "messages in English" contains "$err" "error line 3 dossier (B-1): payload.procedure_code: no procedure has code '9.999999'"
check "the good dossier is skipped as identical" contains "$out" "already present, identical (skipped): 1 dossiers (2 events)"

# The same dossier with another result: a conflict listing the difference, nothing written.
{ received A-1 05152; approved A-1 "Không đăng ký"; } > "$work/changed.jsonl"
run import events "$work/changed.jsonl" --db "$db"
check "a conflict exits 2" test "$code" -eq 2
check "the conflict is counted" contains "$out" "xung đột: 1"
check "the conflict names the dossier" contains "$err" "XUNG ĐỘT hồ sơ A-1 (dòng 2)"
check "the conflict lists seq, field, stored → file" contains "$err" 'sự kiện 2 payload.result: "Đã đăng ký" → "Không đăng ký"'
run dossier show A-1 --db "$db"
check "the stored result is kept" contains "$out" "Có kết quả, chờ trả"
printf '%s\n' "$good" > "$work/same.jsonl"
run import events "$work/same.jsonl" --db "$db"
check "an identical re-import exits 0" test "$code" -eq 0

# A split commune (Phường Điện Biên, 00019, Hà Nội): held, then imported with a person's choice.
received H-1 00019 > "$work/split.jsonl"
run import events "$work/split.jsonl" --db "$db"
check "a held dossier exits 2" test "$code" -eq 2
check "the map template is written" test -s "$work/split.jsonl.held.csv"
choice="$(sed -n 2p "$work/split.jsonl.held.csv" | sed 's/.*,"\([0-9]\{5\}\) .*/\1/')"
check "the template lists the candidates" test "${#choice}" -eq 5
sed "2s/^00019,,/00019,$choice,/" "$work/split.jsonl.held.csv" > "$work/map.csv"
run import events "$work/split.jsonl.held.jsonl" --db "$db" --unit-map "$work/map.csv"
check "with the map the held dossier goes in (exit 0)" test "$code" -eq 0
run dossier show H-1 --db "$db"
check "it is placed in the chosen commune" contains "$out" "Nơi tiếp nhận: $choice"
printf 'old_code,new_code\n00019,05152\n' > "$work/wrong.csv"
received H-2 00019 > "$work/split2.jsonl"
run import events "$work/split2.jsonl" --db "$db" --unit-map "$work/wrong.csv"
check "a choice that is not a candidate is rejected" contains "$err" "lỗi dòng 1 hồ sơ (H-2): payload.receiving_unit"

# Progress on a long import: a line every 1,000 dossiers on standard error, none with --quiet.
for i in $(seq -w 1 1000); do received "P-$i" 05152; done > "$work/long.jsonl"
run import events "$work/long.jsonl" --db "$db"
check "a long import succeeds" test "$code" -eq 0
check "progress is shown" contains "$err" "1000/1000 hồ sơ"
run import events "$work/long.jsonl" --db "$db" --quiet
check "--quiet shows no progress" test -z "$err"

run import events "$work/none.jsonl" --db "$db"
check "a missing file exits 3" test "$code" -eq 3

finish
