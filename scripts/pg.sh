#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server on loopback for the tests (and for trying motcua on PostgreSQL by hand).
#   bash scripts/pg.sh start DIR   makes a cluster in DIR, starts it on a free 127.0.0.1 port, prints its URL
#   bash scripts/pg.sh stop DIR    stops it and removes DIR
# initdb refuses to run as root, and CI runs as root: the cluster belongs to the `postgres` user that Debian's
# package creates. It is made as a province would make its own (docs/design/postgresql.md): UTF-8, the C
# collation (byte order, as SQLite sorts), data checksums on. Local connections are trusted: test use only.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
action=${1:-}
dir=${2:-}
[[ -n $action && -n $dir ]] || { echo "usage: pg.sh start|stop DIR" >&2; exit 2; }

as_postgres() { if [[ $(id -un) == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi; }

case $action in
  start)
    [[ -x $bin/initdb ]] || { echo "pg.sh: PostgreSQL 15 is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U motcua --auth=trust --encoding=UTF8 --locale=C --data-checksums \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # fsync stays on: the tests check durability claims, and a test cluster that lies about them proves nothing.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_postgres "$bin/psql" -q -h 127.0.0.1 -p "$port" -U motcua -d postgres -c "CREATE DATABASE motcua_test" >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://motcua@127.0.0.1:$port/motcua_test"
    ;;
  stop)
    [[ -d $dir/data ]] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg.sh start|stop DIR" >&2
    exit 2
    ;;
esac
