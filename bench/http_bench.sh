#!/usr/bin/env bash
# The HTTP benchmarks of issue 7, in one run against a real `motcua serve` on loopback:
#   1. history: `motcua bench-data` makes a province's history through the lifecycle use cases (or --db reuses one);
#   2. reads: staff inbox, filtered dossier list, dossier page, public tracking, procedure search, and the reports
#      (a commune's quarter, the province's year) — rate and p50/p90/p99 latency under concurrent load;
#   3. intake: durable receptions per second through POST /api/v1/dossiers under concurrency, beside the raw-SQLite
#      limit for the same rows on the same disk (bench/sqlite_intake_raw.cc), and their ratio;
#   4. footprint: cold start (launch to the first /healthz answer), server RSS after the load, database size per
#      million dossiers.
# The load generator (bench/http_load.cc) runs on the same machine: on 2 cores it takes CPU from the server, so
# the figures are a floor. Results are tab-separated tables on standard output.
#
# Usage: bench/http_bench.sh [--dossiers N] [--years Y] [--db PATH] [--seconds S] [--connections C] [--light L]
#                            [--engine sqlite|postgresql] [--servers K] [--intake-only] [--smoke]
#   --engine postgresql   the same history and load on PostgreSQL: a new database on the server MOTCUA_TEST_PG
#               names, or on a throwaway one scripts/pg.sh starts (and stops); --db is then not taken
#   --servers K   the intake through K servers on the one database at once (K load generators, C/K connections
#               each; their rates added up), as a province's several application servers
#   --connections C   the saturating load of the reads (16); --light L the light one (1)
#   --db PATH   reuse (and keep) a history made before by bench-data; without it the history is made in a
#               temporary folder and removed at the end
#   --intake-only   skip the reads (2.)
#   --smoke     a tiny run (300 dossiers, 1 s a measurement), for CTest: it checks that everything works
set -euo pipefail
cd "$(dirname "$0")/.."
export MOTCUA_LANG=en
build=${MOTCUA_BUILD:-build}
motcua=$build/motcua
load=$build/bench/http_load
raw=$build/bench/sqlite_intake_raw

dossiers=100000 years=2 db="" seconds=10 connections=16 light=1 smoke=0 reads=1 engine=sqlite servers=1
while [ $# -gt 0 ]; do
  case $1 in
    --dossiers) dossiers=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --light) light=$2; shift 2 ;;
    --intake-only) reads=0; shift ;;
    --engine) engine=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --smoke) smoke=1; dossiers=300; years=1; seconds=1; connections=4; shift ;;
    *) echo "http_bench: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in "$motcua" "$load" "$raw"; do
  [ -x "$tool" ] || { echo "http_bench: $tool is not built (cmake --build $build)" >&2; exit 2; }
done

[ "$engine" = sqlite ] || [ "$engine" = postgresql ] || { echo "http_bench: --engine sqlite|postgresql" >&2; exit 2; }
work=$(mktemp -d /tmp/motcua-bench.XXXXXX)
server_pid=""
more_servers=""
pg_dir=""
cleanup() {
  for pid in $server_pid $more_servers; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -n "$pg_dir" ] && bash scripts/pg.sh stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
province=04  # Tỉnh Cao Bằng, 56 communes

say() { echo "# $*"; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

# sql QUERY: runs a query on the history's database, whichever engine, one value a line.
sql() { if [ "$engine" = postgresql ]; then psql -At -q "$db" -c "$1"; else sqlite3 "$db" "$1"; fi; }
files=()
if [ "$engine" = postgresql ]; then
  [ -z "$db" ] || { echo "http_bench: --db is a SQLite file; on PostgreSQL the history is made anew" >&2; exit 2; }
  server_url=${MOTCUA_TEST_PG:-}
  if [ -z "$server_url" ]; then
    pg_dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
    server_url=$(bash scripts/pg.sh start "$pg_dir")
  fi
  database="bench_$$"
  psql -q "$server_url" -c "CREATE DATABASE $database TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
  db=${server_url%/*}/$database
  files=(--files "$work/files")
fi

# --- 1. History --------------------------------------------------------------------------------------------
if [ -z "$db" ] || [ "$engine" = postgresql ]; then
  [ "$engine" = postgresql ] || db=$work/history.db
  say "history: $dossiers dossiers over $years years in province $province"
  start=$(date +%s.%N)
  "$motcua" bench-data --db "$db" "${files[@]}" --province $province --dossiers "$dossiers" --years "$years" --seed 1 \
    2>/dev/null | sed 's/^/# /'
  say "history made in $(calc "$(date +%s.%N) - $start" 0) s"
else
  [ -f "$db" ] || { echo "http_bench: no database $db" >&2; exit 2; }
  dossiers=$(sql "SELECT count(*) FROM dossiers")
  say "history: $db ($dossiers dossiers)"
fi
say "engine: $engine"
# The busiest commune of the history: its staff's inbox and its quarter's report.
commune=$(sql "SELECT receiving_unit FROM dossiers WHERE length(receiving_unit) = 5
                         GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
agency="000.00.$commune.H$province"
point="$commune-ttpvhcc"
# The generated history's last day (an earlier run's intake on a reused --db does not count: its applicant is ours).
last_day=$(sql "SELECT substr(max(received_at), 1, 10) FROM dossiers WHERE applicant_citizen_id <> '004090001234'")

add_user() {  # LOGIN ROLE UNIT; an account left by an earlier run on a reused --db gets this run's password
  printf '%s\n' "$password" | "$motcua" user add "$1" --role "$2" --unit "$3" --db "$db" >/dev/null 2>&1 ||
    printf '%s\n' "$password" | "$motcua" user passwd "$1" --db "$db" >/dev/null
}
add_user bench.tn receptionist "$commune"
specialist="cv.$commune.1"  # the generator's login for the commune's first specialist: their inbox is real
add_user "$specialist" specialist "$commune"
add_user bench.gs supervisor "$province"

# --- Server -------------------------------------------------------------------------------------------------
port=$((30000 + $$ % 2000))
start=$(date +%s.%N)
# Tracking is limited per address (20 a minute), and so are connections (64): lifted here, where one address is
# the whole load.
"$motcua" serve --db "$db" "${files[@]}" --listen "127.0.0.1:$port" --tracking-per-minute 0 --max-connections-per-address 512 >"$work/server.log" 2>&1 &
server_pid=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.01
done
cold_start=$(calc "$(date +%s.%N) - $start" 3)

token() {
  curl -fsS "http://127.0.0.1:$port/api/v1/sessions" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
tn=$(token bench.tn) cv=$(token "$specialist") gs=$(token bench.gs)

run() {  # LABEL TOKEN SCRIPT [CONNECTIONS]
  local auth=()
  [ -n "$2" ] && auth=(--header "Authorization: Bearer $2")
  "$load" --port "$port" --connections "${4:-$connections}" --seconds "$seconds" --warmup 1 --label "$1" \
    --script "$3" "${auth[@]}" --no-header 2>>"$work/statuses.txt" ||
    { echo "http_bench: errors in $1:" >&2; tail -2 "$work/statuses.txt" >&2; exit 1; }
}

# --- 2. Reads -----------------------------------------------------------------------------------------------
sql "SELECT 'GET /api/v1/dossiers/' || code FROM dossiers ORDER BY random() LIMIT 2000" >"$work/page.txt"
sql "SELECT 'GET /api/v1/track/' || code FROM dossiers ORDER BY random() LIMIT 2000" >"$work/track.txt"
sql "SELECT DISTINCT 'GET /api/v1/dossiers?unit=' || receiving_unit || '&status=processing&limit=50'
               FROM dossiers WHERE length(receiving_unit) = 5" >"$work/list.txt"
sql "SELECT DISTINCT 'GET /api/v1/dossiers?procedure=' || procedure_code || '&order=due&limit=50'
               FROM dossiers" >>"$work/list.txt"
echo "GET /api/v1/inbox" >"$work/inbox.txt"
for q in dang+ky+khai+sinh cap+giay+phep+xay+dung chung+thuc+ban+sao dang+ky+ket+hon ho+kinh+doanh \
  trich+luc+ho+tich dat+dai thu+tuc+cu+tru xac+nhan+tinh+trang+hon+nhan khai+tu; do
  echo "GET /api/v1/procedures?q=$q&limit=10"
done >"$work/search.txt"
# The last whole quarter and the last whole year of the history.
year=$((10#${last_day:0:4})) month=$((10#${last_day:5:2}))
quarter_start=$(((month - 1) / 3 * 3 + 1))  # of the quarter holding the last day; the one before is whole
if [ $quarter_start -eq 1 ]; then q_from="$((year - 1))-10-01" q_to="$year-01-01"
else q_from=$(printf '%d-%02d-01' $year $((quarter_start - 3))) q_to=$(printf '%d-%02d-01' $year $quarter_start); fi
echo "GET /api/v1/reports?unit=$commune&from=$q_from&to=$q_to" >"$work/report_commune.txt"
echo "GET /api/v1/reports?province=$province&from=$((year - 1))-01-01&to=$year-01-01" >"$work/report_province.txt"
say "busiest commune $commune; quarter $q_from..$q_to; year $((year - 1))"

echo -e "label\tconnections\trequests\terrors\trate/s\tp50_ms\tp90_ms\tp99_ms\tmax_ms"
# Each read twice: saturated ($connections closed-loop connections: the rate is the capacity, and the latency
# mostly the queue, connections / rate), then at the load of a busy center's staff ($light connections, fewer
# than the cores), where the latency is the request's own.
for c in "$connections" "$light"; do
  [ $reads -eq 1 ] || break
  run inbox "$cv" "$work/inbox.txt" "$c"
  run dossier_list "$gs" "$work/list.txt" "$c"
  run dossier_page "$gs" "$work/page.txt" "$c"
  run tracking "" "$work/track.txt" "$c"
  run procedure_search "" "$work/search.txt" "$c"
  run report_commune_quarter "$gs" "$work/report_commune.txt" "$c"
  run report_province_year "$gs" "$work/report_province.txt" "$c"
done

# --- 3. Intake ----------------------------------------------------------------------------------------------
# Receptions of the commune's 20 most frequent procedures at its counter, in turn: a group commit adds up the
# counter rows its receptions share, and one procedure alone would share them all.
: >"$work/intake.txt"
i=0
for procedure in $(sql "SELECT procedure_code FROM dossiers WHERE competent_unit = '$commune'
                                  AND channel = 'direct' GROUP BY 1 ORDER BY count(*) DESC LIMIT 20"); do
  i=$((i + 1))
  cat >"$work/reception$i.json" <<JSON
{"procedure_code":"$procedure","applicant":{"name":"Nguyễn Văn An","citizen_id":"004090001234","phone":"0912345678"},
 "components":[{"seq":1,"name":"Tờ khai","originals":1,"copies":0}],"receiving_point":"$point","competent_agency":"$agency"}
JSON
  echo "POST /api/v1/dossiers @$work/reception$i.json" >>"$work/intake.txt"
done
before=$(sql "SELECT count(*) FROM dossiers")
if [ "$servers" -le 1 ]; then
  intake_line=$(run intake "$tn" "$work/intake.txt" $((connections * 2)))
  echo "$intake_line"
  intake_rate=$(echo "$intake_line" | cut -f5)
else
  # K servers on the one database, each with its own load generator: the rates add up.
  ports=("$port")
  for k in $(seq 2 "$servers"); do
    extra_port=$((port + k * 10))
    "$motcua" serve --db "$db" "${files[@]}" --listen "127.0.0.1:$extra_port" --tracking-per-minute 0 \
      --max-connections-per-address 512 >>"$work/server.log" 2>&1 &
    more_servers="$more_servers $!"
    until curl -fs "http://127.0.0.1:$extra_port/healthz" >/dev/null 2>&1; do sleep 0.01; done
    ports+=("$extra_port")
  done
  loads=()
  for p in "${ports[@]}"; do
    "$load" --port "$p" --connections $((connections * 2 / servers)) --seconds "$seconds" --warmup 1 \
      --label "intake_server_$p" --script "$work/intake.txt" --header "Authorization: Bearer $tn" --no-header \
      >"$work/intake-$p.txt" 2>>"$work/statuses.txt" &
    loads+=("$!")
  done
  for pid in "${loads[@]}"; do wait "$pid" || { echo "http_bench: errors in the intake" >&2; exit 1; }; done
  cat "$work"/intake-*.txt
  intake_rate=$(cat "$work"/intake-*.txt | awk -F'\t' '{ sum += $5 } END { printf "%.1f", sum }')
  echo -e "intake_${servers}_servers\t$((connections * 2))\t\t\t$intake_rate"
  for pid in $more_servers; do kill "$pid" && wait "$pid" 2>/dev/null; done
  more_servers=""
fi
rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
after=$(sql "SELECT count(*) FROM dossiers")

if [ "$engine" = sqlite ]; then
  # The raw-SQLite limit: a template holding the catalogue and one reception made through the API.
  template=$work/template.db
  "$motcua" init --db "$template" >/dev/null
  printf '%s\n' "$password" | "$motcua" user add bench.admin --role administrator --db "$template" >/dev/null
  printf '%s\n' "$password" | "$motcua" user add bench.tn --role receptionist --unit "$commune" --db "$template" \
    >/dev/null
  "$motcua" serve --db "$template" --listen "127.0.0.1:$port" >"$work/template.log" 2>&1 &
  server_pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.01; done
  admin=$(token bench.admin)
  post() { curl -fsS "http://127.0.0.1:$port$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
  post /api/v1/agencies "$admin" "{\"id\":\"$agency\",\"name\":\"UBND\",\"unit\":\"$commune\"}" >/dev/null
  post /api/v1/receiving-points "$admin" \
    "{\"id\":\"$point\",\"name\":\"TTPVHCC\",\"unit\":\"$commune\",\"agency_id\":\"$agency\"}" >/dev/null
  post /api/v1/dossiers "$(token bench.tn)" "@$work/reception1.json" >/dev/null
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  raw1=$("$raw" "$template" "$work/raw.db" "$seconds" 1)
  raw64=$("$raw" "$template" "$work/raw.db" "$seconds" 64)

  echo
  echo -e "intake\treceptions/s\tratio_to_raw_1_per_commit\tratio_to_raw_64_per_commit\tdossiers_written"
  echo -e "api\t$intake_rate\t$(calc "$intake_rate / $(echo "$raw1" | cut -f3)")\t$(calc "$intake_rate / $(echo "$raw64" | cut -f3)")\t$((after - before))"
  echo -e "raw_sqlite_1\t$(echo "$raw1" | cut -f3)"
  echo -e "raw_sqlite_64\t$(echo "$raw64" | cut -f3)\t\t\t$(echo "$raw64" | cut -f4-)"
else
  echo
  echo -e "intake\treceptions/s\tdossiers_written"
  echo -e "api_postgresql_${servers}_servers\t$intake_rate\t$((after - before))"
fi

# --- 4. Footprint -------------------------------------------------------------------------------------------
if [ "$engine" = postgresql ]; then
  db_bytes=$(sql "SELECT pg_database_size(current_database())")
else
  db_bytes=$(( $(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
fi
echo
echo -e "footprint\tvalue"
echo -e "dossiers\t$after"
echo -e "cold_start_s\t$cold_start"
echo -e "server_rss_mb\t$((rss_kb / 1024))"
echo -e "db_mb\t$((db_bytes / 1048576))"
echo -e "db_mb_per_million_dossiers\t$(calc "$db_bytes / 1048576 * 1000000 / $after" 0)"
