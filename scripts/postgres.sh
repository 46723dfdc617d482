#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#   source scripts/postgres.sh start   -> exports TREATYWATCH_TEST_PG_URL
#   scripts/postgres.sh stop
# Needs Debian's postgresql package; as root, the server runs as user postgres.
set -u
PG_PORT=${PG_PORT:-55432}
PG_STATE=${PG_STATE:-/tmp/treatywatch-pg}
pg_bin() {
  local dir
  dir=$(pg_config --bindir 2>/dev/null)
  [ -x "$dir/pg_ctl" ] || dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$dir/pg_ctl" ] && echo "$dir"
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    BIN=$(pg_bin) || { echo "postgres.sh: PostgreSQL not installed; PostgreSQL tests will be skipped" >&2; return 0 2>/dev/null || exit 0; }
    if [ ! -f "$PG_STATE/data/PG_VERSION" ]; then
      rm -rf "$PG_STATE"; mkdir -p "$PG_STATE"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_STATE"
      as_pg "$BIN/initdb" -D "$PG_STATE/data" -U tw --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    as_pg "$BIN/pg_ctl" -D "$PG_STATE/data" -l "$PG_STATE/log" -w status >/dev/null 2>&1 || \
      as_pg "$BIN/pg_ctl" -D "$PG_STATE/data" -l "$PG_STATE/log" -w \
        -o "-p $PG_PORT -k $PG_STATE -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    export TREATYWATCH_TEST_PG_URL="postgresql+psycopg://tw@127.0.0.1:$PG_PORT/postgres"
    echo "postgres.sh: PostgreSQL on 127.0.0.1:$PG_PORT" >&2
    ;;
  stop)
    BIN=$(pg_bin) && [ -d "$PG_STATE/data" ] && as_pg "$BIN/pg_ctl" -D "$PG_STATE/data" -m fast -w stop >/dev/null 2>&1
    true
    ;;
esac
