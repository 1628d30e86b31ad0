#!/usr/bin/env bash
# motcua migrate: a commune's SQLite history moved into PostgreSQL (a schema of its own on the server that
# MOTCUA_TEST_PG names) gives the same reports, the same export, the same event-log checkpoint; a second move into
# the same database and a move of a history tampered with are refused. Then backup and restore on PostgreSQL: the
# backup (a SQLite file of every row) restored into another new database is the same database again. Skipped (77) without a PostgreSQL server,
# failed instead when MOTCUA_REQUIRE_PG=1.
set -u
motcua="$1"
if [[ -z ${MOTCUA_TEST_PG:-} ]]; then
  echo "PostgreSQL: skipped — set MOTCUA_TEST_PG=postgresql://… (bash scripts/pg.sh start DIR prints one)"
  [[ ${MOTCUA_REQUIRE_PG:-0} == 1 ]] && exit 1
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/m.db"
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

schema="cli_migrate_$$"
psql -q -v ON_ERROR_STOP=1 "$MOTCUA_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null
sep='?'
[[ $MOTCUA_TEST_PG == *\?* ]] && sep='&'
pg="$MOTCUA_TEST_PG${sep}options=-csearch_path%3D$schema"

run init --db "$db"
check "init succeeds" test "$code" -eq 0
run bench-data --db "$db" --province 04 --dossiers 60
check "a history of 60 dossiers is made" test "$code" -eq 0
run verify --db "$db"
checkpoint="${out##*: }"

run migrate --from "$db" --to "$pg"
check "migrate succeeds" test "$code" -eq 0
check "migrate names the tables copied" contains "$out" "dossier_events"
check "migrate says the copy was checked" contains "$out" "đã được kiểm tra"
check "migrate prints the source's checkpoint" contains "$out" "$checkpoint"
check "migrate names the files folder to serve with" contains "$out" "--files $db.files"

run verify --db "$pg" --checkpoint "$checkpoint"
check "the source's checkpoint verifies the copy" test "$code" -eq 0
run rebuild --db "$pg" --check
check "the copy's counters match a rebuild" test "$code" -eq 0
for by in "" "--by procedure" "--by official" "--by unit"; do
  # shellcheck disable=SC2086
  run report --db "$db" --province 04 --from 2025-12-01 --to 2026-11-30 --format json $by
  before="$out"
  # shellcheck disable=SC2086
  run report --db "$pg" --province 04 --from 2025-12-01 --to 2026-11-30 --format json $by
  check "the province report ${by:-in total} is the same after" test "$out" == "$before"
  [[ -z $by ]] && before_total="$before"
done
run export events --db "$db"
before="$out"
run export events --db "$pg"
check "the exported events are the same, byte for byte" test "$out" == "$before"

run migrate --from "$db" --to "$pg"
check "a second move into the same database exits 1" test "$code" -eq 1
check "it names the target" contains "$err" "to"

# Backup and restore on PostgreSQL, the restore into a new schema.
mkdir -p "$work/backups"
run backup --db "$pg" --files "$work/pgfiles" --to "$work/backups"
check "backup of a PostgreSQL database succeeds" test "$code" -eq 0
backup=$(ls -d "$work"/backups/motcua-*)
check "its database is a SQLite file any machine can read" \
  test "$(sqlite3 "$backup/motcua.db" 'SELECT count(*) FROM dossiers')" = 60
psql -q "$MOTCUA_TEST_PG" -c "CREATE SCHEMA ${schema}_r" >/dev/null
restored="$MOTCUA_TEST_PG${sep}options=-csearch_path%3D${schema}_r"
mkdir -p "$work/occupied" && echo x >"$work/occupied/kept"
run restore --db "$restored" --files "$work/occupied" --from "$backup"
check "a restore into a files folder that holds files exits 1" test "$code" -eq 1
check "it names the folder" contains "$err" "$work/occupied"
check "the folder is left as it was" test "$(ls "$work/occupied")" = kept
run restore --db "$restored" --files "$work/restored-files" --from "$backup"
check "restore into a new PostgreSQL database succeeds" test "$code" -eq 0
run verify --db "$restored" --checkpoint "$checkpoint"
check "the restored database verifies against the first checkpoint" test "$code" -eq 0
run report --db "$restored" --province 04 --from 2025-12-01 --to 2026-11-30 --format json
check "the restored database gives the same report" test "$out" == "$before_total"
run restore --db "$restored" --files "$work/other-files" --from "$backup"
check "a restore into a database that holds data exits 1" test "$code" -eq 1
check "it names db" contains "$err" "db"

# A history edited behind the store's back is not moved.
sqlite3 "$db" "DROP TRIGGER dossier_events_no_update; UPDATE dossier_events SET occurred_at = '2026-01-01T00:00:00Z'
  WHERE seq = 1 AND dossier_code = (SELECT min(dossier_code) FROM dossier_events)"
psql -q "$MOTCUA_TEST_PG" -c "CREATE SCHEMA ${schema}_b" >/dev/null
run migrate --from "$db" --to "$MOTCUA_TEST_PG${sep}options=-csearch_path%3D${schema}_b"
check "a tampered history exits 4" test "$code" -eq 4
check "it says the source is broken" contains "$err" "source: dossier"

psql -q "$MOTCUA_TEST_PG" -c "DROP SCHEMA $schema CASCADE; DROP SCHEMA ${schema}_b CASCADE; DROP SCHEMA ${schema}_r CASCADE" \
  >/dev/null 2>&1
finish
