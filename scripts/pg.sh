#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server on loopback for the tests (and for trying motcua on PostgreSQL by hand).
#   bash scripts/pg.sh start DIR   makes a cluster in DIR, starts it on a free 127.0.0.1 port, prints its URL
#   bash scripts/pg.sh stop DIR    stops it and removes DIR
#   bash scripts/pg.sh start-pair DIR   a primary in DIR/primary and a hot standby in DIR/standby, streaming, with
#                                  synchronous commit to the standby (a commit returns once the standby has it on
#                                  disk); prints the primary's URL, then the standby's
#   bash scripts/pg.sh kill-primary DIR    kill -9 of the primary's server (a machine lost)
#   bash scripts/pg.sh promote DIR         the standby becomes the primary (waits until it takes writes)
#   bash scripts/pg.sh stop-pair DIR       stops both and removes DIR
# initdb refuses to run as root, and CI runs as root: the cluster belongs to the `postgres` user that Debian's
# package creates. It is made as a province would make its own (docs/design/postgresql.md): UTF-8, the C
# collation (byte order, as SQLite sorts), data checksums on. Local connections are trusted: test use only.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
action=${1:-}
dir=${2:-}
usage="usage: pg.sh start|stop|start-pair|kill-primary|promote|stop-pair DIR"
[[ -n $action && -n $dir ]] || { echo "$usage" >&2; exit 2; }

as_postgres() { if [[ $(id -un) == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server DATA_DIR PORT [EXTRA -c SETTINGS]: starts a cluster on loopback and waits until it answers.
start_server() {
  local data=$1 port=$2
  shift 2
  # fsync stays on: the tests check durability claims, and a test cluster that lies about them proves nothing.
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/../$(basename "$data").log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$(dirname "$data")' -c max_connections=200 $*" \
    start >/dev/null || { cat "$data/../$(basename "$data").log" >&2; exit 1; }
}

make_cluster() {  # DATA_DIR
  as_postgres "$bin/initdb" -D "$1" -U motcua --auth=trust --encoding=UTF8 --locale=C --data-checksums \
    >"$1.initdb.log" 2>&1 || { cat "$1.initdb.log" >&2; exit 1; }
}

case $action in
  start)
    [[ -x $bin/initdb ]] || { echo "pg.sh: PostgreSQL 15 is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    make_cluster "$dir/data"
    port=$(free_port)
    start_server "$dir/data" "$port"
    as_postgres "$bin/psql" -q -h 127.0.0.1 -p "$port" -U motcua -d postgres -c "CREATE DATABASE motcua_test" >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://motcua@127.0.0.1:$port/motcua_test"
    ;;
  stop)
    [[ -d $dir/data ]] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  start-pair)
    [[ -x $bin/initdb ]] || { echo "pg.sh: PostgreSQL 15 is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    make_cluster "$dir/primary"
    primary_port=$(free_port)
    # A commit waits until the standby named "standby" has written it to disk (remote_write would only wait for
    # its memory): a primary lost after answering loses nothing the standby does not have.
    start_server "$dir/primary" "$primary_port" "-c synchronous_standby_names=standby -c synchronous_commit=on"
    as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U motcua -D "$dir/standby" -X stream \
      --checkpoint=fast >/dev/null
    standby_port=$(free_port)
    as_postgres touch "$dir/standby/standby.signal"
    as_postgres bash -c "echo \"primary_conninfo = 'host=127.0.0.1 port=$primary_port user=motcua application_name=standby'\" >>'$dir/standby/postgresql.auto.conf'"
    start_server "$dir/standby" "$standby_port" "-c hot_standby=on"
    for _ in $(seq 100); do
      state=$(as_postgres "$bin/psql" -At -h 127.0.0.1 -p "$primary_port" -U motcua -d postgres \
        -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby'")
      [[ $state == sync ]] && break
      sleep 0.1
    done
    [[ $state == sync ]] || { echo "pg.sh: the standby did not become synchronous" >&2; exit 1; }
    as_postgres "$bin/psql" -q -h 127.0.0.1 -p "$primary_port" -U motcua -d postgres -c "CREATE DATABASE motcua_test" >/dev/null
    echo "$primary_port" >"$dir/primary.port"
    echo "$standby_port" >"$dir/standby.port"
    echo "postgresql://motcua@127.0.0.1:$primary_port/motcua_test"
    echo "postgresql://motcua@127.0.0.1:$standby_port/motcua_test"
    ;;
  kill-primary)
    kill -KILL "$(head -1 "$dir/primary/postmaster.pid")"
    ;;
  promote)
    as_postgres "$bin/pg_ctl" -D "$dir/standby" -w -t 60 promote >/dev/null
    ;;
  stop-pair)
    for data in "$dir/primary" "$dir/standby"; do
      [[ -d $data ]] && as_postgres "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
