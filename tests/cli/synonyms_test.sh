#!/usr/bin/env bash
# Drives `motcua synonyms list|add|retire` and `motcua ask` on a fresh database: an added synonym is searched
# by the next command, a retired one no longer; a bad expansion is refused naming it (exit 2), nothing stored.
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

run init --db "$db"
check "init succeeds" test "$code" -eq 0

run synonyms list --db "$db"
check "an empty list says so" contains "$out" "chưa thêm"

run synonyms add "giấy làm con" "nấu canh chua" --db "$db"
check "an expansion no name holds exits 2" test "$code" -eq 2
check "the refusal names the expansion" contains "$err" "expansion"
check "nothing is stored" test "$(sqlite3 "$db" "SELECT count(*) FROM province_synonyms")" = 0

run procedures search "giấy làm con" --db "$db"
check "before: the phrase finds no birth registration" test "$(grep -c '1.001193' <<<"$out")" -eq 0

run synonyms add "Giấy  làm con" "đăng ký khai sinh" --db "$db"
check "add succeeds" test "$code" -eq 0
check "add prints the phrase as searched" contains "$out" "giấy làm con"

run procedures search "giay lam con" --db "$db"
check "the next command finds birth registration by it" contains "$out" "1.001193"

run synonyms add "giấy làm con" "đăng ký khai sinh" --db "$db"
check "the same synonym again exits 1 (conflict)" test "$code" -ne 0
check "the conflict names the phrase" contains "$err" "phrase"

id="$(sqlite3 "$db" "SELECT id FROM province_synonyms")"
run synonyms retire "$id" --db "$db"
check "retire succeeds" test "$code" -eq 0
run synonyms list --db "$db"
check "the retired synonym stays listed" contains "$out" "giấy làm con"
check "as retired, by the operator" contains "$out" "đã bỏ bởi cli"
run procedures search "giấy làm con" --db "$db"
check "after: the phrase no longer finds it" test "$(grep -c '1.001193' <<<"$out")" -eq 0

run synonyms retire 999 --db "$db"
check "an unknown id exits 3" test "$code" -eq 3

finish
