#!/usr/bin/env bash
# Drives `motcua user add|passwd|disable|enable|unlock` on a fresh database: passwords come from standard input, the
# database keeps only Argon2id hashes, and errors map to exit codes (1 failed, 2 invalid input, 3 not found).
set -u
motcua="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
password="Vân Sơn 2026 quản trị"
# `run` with standard input from $1.
run_in() { local input="$1"; shift; out="$(printf '%s\n' "$input" | "$motcua" "$@" 2>"$work/err")"; code=$?; err="$(cat "$work/err")"; }
users() { sqlite3 "$db" "$1"; }

run init --db "$db"
check "init succeeds" test "$code" -eq 0

run_in "$password" user add admin --db "$db" --role administrator --name "Quản trị"
check "add administrator succeeds" test "$code" -eq 0
check "add names the account" contains "$out" "admin"
hash="$(users "SELECT password_hash FROM users WHERE login = 'admin'")"
check "stored hash is Argon2id" contains "$hash" '$argon2id$'
check "password is not in the users table" test "$(users "SELECT count(*) FROM users WHERE instr(password_hash, '$password') > 0")" = 0
check "password is nowhere in the file" test "$(grep -c "$password" "$db" "$db-wal" 2>/dev/null | awk -F: '{s += $2} END {print s + 0}')" -eq 0

run_in "$password" user add admin --db "$db" --role administrator
check "duplicate login fails with exit 1" test "$code" -eq 1
check "duplicate names the login" contains "$err" "login"

run_in "$password" user add clerk --db "$db" --role clerk
check "bad role exits 2" test "$code" -eq 2
check "bad role names the field" contains "$err" "role"

run_in "$password" user add le.thi.binh --db "$db" --role receptionist --unit 05152 --unit 05158
check "receptionist of two communes succeeds" test "$code" -eq 0
check "units are stored" test "$(users "SELECT units FROM users WHERE login = 'le.thi.binh'")" = "05152|05158"
run_in "$password" user add tran.van.cuong --db "$db" --role specialist --unit 99999
check "unknown commune exits 2" test "$code" -eq 2
check "unknown commune names units" contains "$err" "units"
run_in "$password" user add giam.sat --db "$db" --role supervisor --unit 25
check "supervisor of a province succeeds" test "$code" -eq 0
# An account limited to one agency of its commune: the commune police's specialist.
users "INSERT INTO agencies (id, name, unit) VALUES ('000.05.25.H52', 'Công an xã Vân Sơn', '05152'), ('000.00.31.H52', 'UBND phường Hòa Bình', '04795')"
run_in "$password" user add ca.vanson --db "$db" --role specialist --unit 05152 --agency 000.05.25.H52
check "specialist limited to an agency succeeds" test "$code" -eq 0
check "agencies are stored" test "$(users "SELECT agencies FROM users WHERE login = 'ca.vanson'")" = "000.05.25.H52"
check "an account without --agency works for every agency" test "$(users "SELECT agencies FROM users WHERE login = 'le.thi.binh'")" = ""
run_in "$password" user add ca.khac --db "$db" --role specialist --unit 05152 --agency 000.00.31.H52
check "an agency of another unit exits 2" test "$code" -eq 2
check "an agency of another unit names agencies" contains "$err" "agencies"
run_in "short" user add weak.user --db "$db" --role administrator
check "weak password exits 2" test "$code" -eq 2
check "weak password names the field" contains "$err" "password"
run user add no.password --db "$db" --role administrator </dev/null
check "no password on stdin exits 2" test "$code" -eq 2

run_in "một mật khẩu mới hơn" user passwd admin --db "$db"
check "passwd succeeds" test "$code" -eq 0
check "passwd changes the hash" test "$(users "SELECT password_hash FROM users WHERE login = 'admin'")" != "$hash"
check "the new hash is Argon2id" contains "$(users "SELECT password_hash FROM users WHERE login = 'admin'")" '$argon2id$'
run_in "một mật khẩu mới hơn" user passwd nobody --db "$db"
check "passwd of an unknown login exits 3" test "$code" -eq 3

run user disable le.thi.binh --db "$db"
check "disable succeeds" test "$code" -eq 0
check "disabled is stored" test "$(users "SELECT disabled FROM users WHERE login = 'le.thi.binh'")" = 1
run user disable nobody --db "$db"
check "disable of an unknown login exits 3" test "$code" -eq 3
run user enable le.thi.binh --db "$db"
check "enable succeeds" test "$code" -eq 0
check "enabled is stored" test "$(users "SELECT disabled FROM users WHERE login = 'le.thi.binh'")" = 0
users "UPDATE users SET failed_attempts = 5, locked_until = '2099-01-01T00:00:00Z' WHERE login = 'le.thi.binh'"
run user unlock le.thi.binh --db "$db"
check "unlock succeeds" test "$code" -eq 0
check "unlock forgets the failures and the lock" \
  test "$(users "SELECT failed_attempts || ':' || ifnull(locked_until, '') FROM users WHERE login = 'le.thi.binh'")" = "0:"
run user unlock nobody --db "$db"
check "unlock of an unknown login exits 3" test "$code" -eq 3
run user --db "$db"
check "user without a subcommand exits 2" test "$code" -eq 2

finish
