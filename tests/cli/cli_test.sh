#!/usr/bin/env bash
# Drives the real `motcua` binary ($1) through the foundation's commands, on a fresh database, and
# checks outputs and exit codes. Prints one line per check and a closing "N passed, N failed".
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

# init: creates and loads; twice changes nothing.
run init --db "$db"
check "init succeeds" test "$code" -eq 0
check "init reports 3321 communes" contains "$out" "3321"
check "init reports 2642 procedures" contains "$out" "2642"
check "init reports warnings by file and line" contains "$out" "procedures/procedure_channels.csv:"
run init --db "$db"
check "second init succeeds" test "$code" -eq 0
check "second init writes nothing" contains "$out" "dòng ghi mới hoặc thay đổi: 0"

# A catalogue folder with a bad row: every bad row is named, nothing is written.
cp -r "$(dirname "$0")/../../data/reference" "$work/ref"
echo "9,Tỉnh Lạ,tỉnh,la,1" >> "$work/ref/units/provinces.csv"
echo "2026-02-30,Mon,2026,public_holiday,Lạ,1,official,," >> "$work/ref/calendar/days_off_2024_2026.csv"
run init --db "$work/bad.db" --reference "$work/ref"
check "bad catalogue fails with exit 2" test "$code" -eq 2
check "bad province row named by file and line" contains "$err" "units/provinces.csv:36:code"
check "bad date row named by file and line" contains "$err" "calendar/days_off_2024_2026.csv:65:date"
count="$(sqlite3 "$work/bad.db" 'SELECT count(*) FROM provinces' 2>/dev/null || echo 0)"
check "bad catalogue wrote nothing" test "$count" = 0

# units --legacy: the README's seed example, a partial merge, bad input.
run units --db "$db" --legacy 05194
check "legacy 05194 succeeds" test "$code" -eq 0
check "legacy 05194 names Xã Vân Sơn 05152, Phú Thọ" contains "$out" "05152 Xã Vân Sơn, Tỉnh Phú Thọ"
run units --db "$db" --legacy 00019
check "partial merge needs a decision" contains "$out" "Cần người quyết định"
for candidate in "00004 Phường Ba Đình" "00070 Phường Hoàn Kiếm" "00190 Phường Ô Chợ Dừa" "00226 Phường Văn Miếu - Quốc Tử Giám"; do
  check "partial merge lists $candidate" contains "$out" "$candidate"
done
run units --db "$db" --legacy 5194
check "short legacy code exits 2" test "$code" -eq 2
check "short legacy code names the option" contains "$err" "legacy"
run units --db "$db" --legacy 99998
check "unknown legacy code exits 3" test "$code" -eq 3
run units --db "$db" --province 04
check "province 04 lists Cao Bằng communes" contains "$out" "04 Tỉnh Cao Bằng"
run units --db "$db"
check "units without an option exits 2" test "$code" -eq 2

# procedures search: diacritic-insensitive ranking.
run procedures search "dang ky khai sinh" --db "$db" --limit 3
check "search succeeds" test "$code" -eq 0
check "dang ky khai sinh puts 1.001193 first" test "${out%%  *}" = "1.001193"
check "limit 3 gives 3 lines" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
run procedures search "zzzz qqqq" --db "$db"
check "no hit exits 3" test "$code" -eq 3
run procedures search "khai sinh" --db "$db" --level village
check "bad level exits 2" test "$code" -eq 2

# calendar due: the make-up Saturday 10 Jan 2026 and Tết 2026 from the loaded calendar.
run calendar due --db "$db" --from 2026-01-09T16:59:00+07:00 --amount 1 --unit working_day
check "due over the make-up Saturday" test "$out" = "2026-01-10T16:59:00+07:00"
run calendar due --db "$db" --from 2026-02-13T10:00:00+07:00 --amount 1 --unit working_day
check "due across Tết 2026" test "$out" = "2026-02-23T10:00:00+07:00"
run calendar due --db "$db" --from 2026-03-01T22:00:00+07:00 --amount 4 --unit working_hour
check "Sunday night online counts from Monday 07:30" test "$out" = "2026-03-02T11:30:00+07:00"
run calendar due --db "$db" --from 2026-13-01T10:00 --amount 1 --unit working_day
check "bad --from exits 2" test "$code" -eq 2
check "bad --from is named" contains "$err" "from"
run calendar due --db "$db" --from 2026-01-09T10:00 --amount 1 --unit week
check "bad --unit exits 2" test "$code" -eq 2
run --lang en calendar due --db "$db" --from 2026-01-09T10:00 --amount -1 --unit day
check "negative amount exits 2 in English" test "$code" -eq 2
check "English error" contains "$err" "error"

# The province's settings: a default until set, then the value with who set it; bad names and values refused.
run settings list --db "$db"
check "settings list succeeds" test "$code" -eq 0
check "working days are counted in working hours by default" contains "$out" "working_days	working_hours"
run settings set --db "$db" working_days civil_code
check "settings set succeeds" test "$code" -eq 0
run --lang en settings list --db "$db"
check "the new value is listed with who set it" contains "$out" "working_days	civil_code	(set by cli"
run calendar due --db "$db" --from 2026-03-06T17:30:00+07:00 --amount 1 --unit working_day
check "after hours on Friday + 1 working day is Tuesday 17:00 by the Civil Code" test "$out" = "2026-03-10T17:00:00+07:00"
run settings set --db "$db" working_days bo_luat
check "a bad value exits 2" test "$code" -eq 2
check "a bad value names the choices" contains "$err" "civil_code"
run settings set --db "$db" nothing 1
check "an unknown setting exits 2" test "$code" -eq 2

# --help for every command.
for cmd in "init" "serve" "units" "procedures" "procedures search" "calendar" "calendar due"; do
  # shellcheck disable=SC2086
  run $cmd --help
  check "$cmd --help" test "$code" -eq 0
done
# --db may name a PostgreSQL server; one that cannot be reached is said so on "db", without the password.
run units --db "postgresql://motcua:s3cret@127.0.0.1:1/motcua" --legacy 05194
check "an unreachable PostgreSQL exits 1" test "$code" -eq 1
check "the refusal names db" contains "$err" "db"
check "no password in the refusal" test "${err/s3cret/}" == "$err"
run units --db "" --legacy 05194
check "an empty --db exits 2" test "$code" -eq 2
# An empty --files is the default (beside the database), not an empty path.
run files prune --db "$db" --files "" --older-than 0
check "an empty --files means beside the database" test "$code" -eq 0

run frobnicate
check "unknown command exits 2" test "$code" -eq 2

finish
