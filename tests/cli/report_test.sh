#!/usr/bin/env bash
# Drives `motcua report` ($1) over a March 2025 imported for Xã Vân Sơn (05152, Phú Thọ 25), with the figures
# worked out by hand from form II.06a (docs/law/reports.md §1), and `motcua rebuild --check` against a hand edit
# of a counter row. Prints one line per check and a closing "N passed, N failed".
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

"$motcua" init --db "$db" >/dev/null || { echo "init failed"; exit 1; }

applicant='{"name":"Đinh Văn Em","citizen_id":"017080000123","phone":"","email":"","address":"","organisation":""}'
receptionist='{"user":"tiep.nhan","role":"receptionist","unit":"05152"}'
leader='{"user":"lanh.dao","role":"leader","unit":"05152"}'
citizen='{"user":"017080000123","role":"citizen","unit":""}'
event() {  # event CODE SEQ TYPE ACTOR OCCURRED PAYLOAD
  printf '{"dossier_code":"%s","seq":%s,"type":"%s","actor":%s,"occurred_at":"%s","recorded_at":"%s","imported":false,"payload":%s}\n' \
    "$1" "$2" "$3" "$4" "$5" "$5" "$6"
}
# Received at 09:00 of a working day, the clock starts at once; AMOUNT working days (3 unless given) of 8 working
# hours end at 09:00 of DUE_DAY, worked out by hand on the 2025 calendar (the import checks it as the counter counts).
received() {  # received CODE SEQ PROCEDURE CHANNEL DAY DUE_DAY [AMOUNT]
  event "$1" "$2" received "$receptionist" "$5T09:00:00+07:00" "{\"procedure_code\":\"$3\",\"channel\":\"$4\",\"applicant\":$applicant,\"components\":[],\"receiving_unit\":\"05152\",\"receiving_point\":\"UBND xã Vân Sơn\",\"competent_agency\":\"UBND xã Vân Sơn\",\"competent_unit\":\"05152\",\"processing_amount\":${7:-3},\"processing_unit\":\"working_day\",\"clock_started_at\":\"$5T09:00:00+07:00\",\"due_at\":\"$6T09:00:00+07:00\"}"
}
approved() {  # approved CODE SEQ MOMENT
  event "$1" "$2" result_approved "$leader" "$3" '{"result":"Đã đăng ký","signer":"lanh.dao"}'
}
# March 2025, as the form counts it:
#   D1 received 3/3, approved 5/3 (appointment 6/3): early.
#   D2 submitted online 2/3, received 3/3, approved on its appointment day 6/3: on time.
#   D3 received 10/3, waited for a supplement, refused 20/3 because it was not supplemented: on time (9), returned.
#   D4 received 10/3, appointment 13/3, still open on 31/3: in progress, overdue (13).
#   D5 received 24/2 (carried over, (6)), appointment 27/2, approved 4/3: late.
#   D6 birth registration received 12/3 (20 working days), appointment 10/4, open on 31/3: in progress within
#      deadline (12).
# (3) = 5 received + 1 carried over = 6 = (7) 4 + (11) 2.
{
  received D1 1 1.004194 direct 2025-03-03 2025-03-06
  approved D1 2 "2025-03-05T10:00:00+07:00"
  event D2 1 submitted "$citizen" "2025-03-02T20:00:00+07:00" "{\"procedure_code\":\"1.004194\",\"channel\":\"online\",\"applicant\":$applicant,\"components\":[],\"receiving_unit\":\"05152\",\"competent_agency\":\"UBND xã Vân Sơn\",\"competent_unit\":\"05152\"}"
  received D2 2 1.004194 online 2025-03-03 2025-03-06
  approved D2 3 "2025-03-06T15:00:00+07:00"
  received D3 1 1.004194 direct 2025-03-10 2025-03-13
  event D3 2 supplement_requested "$leader" "2025-03-11T10:00:00+07:00" '{"reason":"Thiếu hợp đồng thuê nhà","missing":["Hợp đồng thuê nhà"]}'
  event D3 3 refused "$leader" "2025-03-20T10:00:00+07:00" '{"reason":"Không bổ sung hồ sơ trong thời hạn","kind":"not_supplemented"}'
  received D4 1 1.004194 direct 2025-03-10 2025-03-13
  received D5 1 1.004194 direct 2025-02-24 2025-02-27
  approved D5 2 "2025-03-04T10:00:00+07:00"
  # The catalogue gives 1.001193 no time: the counter stated 20 working days (7/4, Hùng Kings day, is off).
  received D6 1 1.001193 direct 2025-03-12 2025-04-10 20
} > "$work/march.jsonl"
run import events "$work/march.jsonl" --db "$db" --importer quan.tri
check "the month imports" test "$code" -eq 0

period=(--unit 05152 --from 2025-03-01 --to 2025-03-31 --db "$db")
# Values of the JSON answer in $out: json EXPR, a Python expression over the parsed document d (a tuple prints
# space-separated): json 'd["total"]["carried_over"]'.
json() {
  printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); v=($1); print(*v) if isinstance(v,tuple) else print(v)"
}

run report "${period[@]}" --format json
check "json report succeeds" test "$code" -eq 0
check "(3) received total 6" test "$(json 'd["total"]["received_total"]')" = 6
check "(4) online 1, (5) direct or postal 4, (6) carried over 1" \
  test "$(json 'd["total"]["received_online"],d["total"]["received_direct_or_postal"],d["total"]["carried_over"]')" = "1 4 1"
check "(7) resolved 4 = (8) 1 + (9) 2 + (10) 1" \
  test "$(json 'd["total"]["resolved_total"],d["total"]["resolved_early"],d["total"]["resolved_on_time"],d["total"]["resolved_late"]')" = "4 1 2 1"
check "(11) in progress 2 = (12) 1 + (13) 1" \
  test "$(json 'd["total"]["in_progress_total"],d["total"]["in_progress_within_deadline"],d["total"]["in_progress_overdue"]')" = "2 1 1"
check "returned to the applicant 1, of which not supplemented 1" \
  test "$(json 'd["total"]["returned_to_applicant"],d["total"]["not_supplemented"]')" = "1 1"
check "the 766 index has five groups" test "$(json 'len(d["index_766"]["groups"])')" = 5
check "766 progress 2.1: (1 + 2 + 1) / 6 of 20 points" \
  test "$(json 'round(d["index_766"]["groups"][1]["indicators"][0]["points"], 2)')" = "13.33"

run report "${period[@]}"
check "table report succeeds" test "$code" -eq 0
check "table names the unit and the period" contains "$out" "Xã Vân Sơn (05152) — kỳ báo cáo 2025-03-01 → 2025-03-31"
check "table has the form's heading for (12)" contains "$out" "Đang giải quyết: Trong hạn (bao gồm cả hồ sơ chờ bổ sung)"
check "table prints the 766 index" contains "$out" "Chỉ số 766"
run --lang en report "${period[@]}"
check "table in English" contains "$out" "Received: carried over from the previous period"

run report "${period[@]}" --format csv
check "csv starts with a byte-order mark" test "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf
check "csv names the reporting unit" contains "$out" "Đơn vị báo cáo: Xã Vân Sơn (05152)"
check "csv states the period" contains "$out" "Kỳ báo cáo: từ ngày 01/03/2025 đến ngày 31/03/2025"
check "csv states the unit of count" contains "$out" "Đơn vị tính: Số hồ sơ TTHC"
check "csv has the total line" contains "$out" ",Tổng cộng: Xã Vân Sơn (05152),6,1,4,1,4,1,2,1,2,1,1,"
check "csv rates use a decimal comma in Vietnamese" contains "$out" '"75,00"'
check "csv carries the 766 block" contains "$out" "Chỉ số theo Quyết định 766/QĐ-TTg"
run --lang en report "${period[@]}" --format csv
check "csv rates use a decimal point in English" contains "$out" ",75.00,"

run report "${period[@]}" --by field --format json
check "by field: two fields" test "$(json 'len(d["rows"])')" = 2
check "by field: residence first, 5 received" \
  test "$(json 'd["rows"][0]["label"],d["rows"][0]["figures"]["received_total"]')" = "Đăng ký, quản lý cư trú 5"
run report "${period[@]}" --by procedure --format json
check "by procedure: birth registration has 1" \
  test "$(json '[r["figures"]["received_total"] for r in d["rows"] if r["key"]=="1.001193"]')" = "[1]"
run report "${period[@]}" --by official
check "by official succeeds" test "$code" -eq 0
check "by official lists the two officials" contains "$out" "1. tiep.nhan"
run report "${period[@]}" --by official --format json
check "by official: no row without an official" test "$(json '[r["key"] for r in d["rows"]]')" = "['tiep.nhan', 'lanh.dao']"
check "by official: the receptionist received 5" test "$(json 'd["rows"][0]["figures"]["received_online"]+d["rows"][0]["figures"]["received_direct_or_postal"]')" = 5
check "by official: the leader resolved 4" test "$(json 'd["rows"][1]["figures"]["resolved_total"]')" = 4
run report "${period[@]}" --by official --format csv
check "by official csv: '—' where balances are not kept per official" contains "$out" '1,tiep.nhan,—,1,4,—,'
run report "${period[@]}" --by nope
check "unknown --by exits 2" test "$code" -eq 2

run report --ranking --province 25 --from 2025-03-01 --to 2025-03-31 --db "$db"
check "ranking succeeds" test "$code" -eq 0
check "Vân Sơn ranks first" contains "$(printf '%s\n' "$out" | head -1)" "1 05152"
check "communes without dossiers are unranked" contains "$(printf '%s\n' "$out" | sed -n 2p)" "—"
run report --ranking --province 25 --from 2025-03-01 --to 2025-03-31 --db "$db" --format json
check "ranking json: rank 1 is 05152" test "$(json 'd["items"][0]["rank"],d["items"][0]["unit"]')" = "1 05152"
run report --ranking --province 25 --from 2025-03-01 --to 2025-03-31 --db "$db" --format csv
check "ranking csv: the first line after the heading is Vân Sơn" contains "$(printf '%s\n' "$out" | sed -n 2p)" "1,05152,"

run rebuild --check --db "$db"
check "rebuild --check passes after the import" test "$code" -eq 0
# The report (receiving side, not split) reads the per-unit totals (migration 0009).
sqlite3 "$db" "UPDATE report_totals SET value = value + 1 WHERE measure = 'resolved_early' AND bucket = 'm' AND side = 'receiving';"
run rebuild --check --db "$db"
check "rebuild --check finds the hand-edited total (exit 4)" test "$code" -eq 4
check "rebuild --check names the measure" contains "$err" "resolved_early"
run report "${period[@]}" --format json
check "the edited total shows in the report" test "$(json 'd["total"]["resolved_early"]')" = 2
run rebuild --db "$db"
check "rebuild repairs the counters" test "$code" -eq 0
run rebuild --check --db "$db"
check "rebuild --check passes after rebuild" test "$code" -eq 0
run report "${period[@]}" --format json
check "the report is right again" test "$(json 'd["total"]["resolved_early"]')" = 1

finish
