#!/usr/bin/env bash
# End to end with a real PostgreSQL server on loopback and bpc's local backend
# (Samples/postgresql-local.bp): backup, drop a table, restore, check the rows;
# a failing run whose compensations must run in reverse order, finally last;
# a run killed with SIGKILL mid-phase, then resumed. Needs BPC=path/to/bpc.
set -euo pipefail
BPC="${BPC:?set BPC to the bpc executable}"
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="$root/Samples/postgresql-local.bp"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pgbin/initdb" ] || { echo "postgres-e2e: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }

work="$(mktemp -d /tmp/bpc-pg-XXXXXX)"
chmod 755 "$work"
port=$((20000 + RANDOM % 20000))
password="pg-secret-$RANDOM$RANDOM"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/data" "$work/sock"
echo "$password" > "$work/pw"
[ "$(id -u)" = 0 ] && chown postgres "$work/data" "$work/sock" "$work/pw"
stop() {
  as_postgres "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
as_postgres "$pgbin/initdb" -D "$work/data" -U postgres --auth=scram-sha-256 --pwfile="$work/pw" >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/data" -l "$work/sock/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work/sock" start >/dev/null
sql() { PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres PGPASSWORD="$password" psql -X -v ON_ERROR_STOP=1 -qtA "$@"; }
sql -d postgres -c "CREATE DATABASE app"
sql -d app -c "CREATE TABLE items(id int PRIMARY KEY, name text);
  INSERT INTO items SELECT g, 'item-' || g FROM generate_series(1, 1000) g;
  CREATE TABLE bpc_audit(id serial PRIMARY KEY, event text)"

fail() { echo "postgres-e2e: FAILED: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; cat "$f" >&2; done; exit 1; }
cd "$work"
common=(--object statefulset/shop/pg --option "port=$port" --option database=app
  --secret "pg-credentials/password=$password" --profile "$work/store" --runs-directory "$work/runs" --events lines)
latest_run() { ls -t "$work/runs" | head -1 | sed 's/\.jsonl$//'; }
journal() { cat "$work/runs/$1.jsonl"; }
events_of() { journal "$1" | python3 -c 'import json,sys; [print(e["event"], e.get("phase","")) for e in map(json.loads, sys.stdin)]'; }

echo "1. backup, drop the table, restore, check the rows"
env -u PGPASSWORD "$BPC" run "$sample" --action backup "${common[@]}" 2> backup.log || fail "backup exited $?"
backup=$(latest_run)
[ -n "$(find "$work/store" -name dump.sql -size +10k)" ] || fail "no dump in the profile store"
sql -d app -c "DROP TABLE items"
env -u PGPASSWORD "$BPC" run "$sample" --action restore --artifacts-from "$backup" "${common[@]}" 2> restore.log || fail "restore exited $?"
[ "$(sql -d app -c 'SELECT count(*), sum(id) FROM items')" = "1000|500500" ] || fail "rows after restore: $(sql -d app -c 'SELECT count(*) FROM items')"
if grep -rqF "$password" "$work/runs" backup.log restore.log; then fail "the password reached a journal or a log"; fi

echo "2. a failing check: compensations in reverse order of completion, then finally"
sql -d app -c "TRUNCATE bpc_audit"
status=0
env -u PGPASSWORD "$BPC" run "$sample" --action maintenance --option "checkSql=SELECT 1/0" "${common[@]}" 2> failing.log || status=$?
[ "$status" = 3 ] || fail "a failed, fully undone run exits 3, not $status"
audit=$(sql -d app -c "SELECT string_agg(event, ',' ORDER BY id) FROM bpc_audit")
[ "$audit" = "announced,paused,resumed,announce undone,closed" ] || fail "side effects in order: $audit"
failing=$(latest_run)
order=$(events_of "$failing" | grep -E '^(phase-failed|compensated|finally-completed|run-finished)' | tr '\n' ',')
[ "$order" = "phase-failed check,compensated resume,compensated announceUndo,finally-completed close,run-finished ," ] || fail "journal order: $order"

echo "3. kill -9 in the middle of a phase, then resume"
sql -d app -c "TRUNCATE bpc_audit"
env -u PGPASSWORD "$BPC" run "$sample" --action maintenance --option "checkSql=SELECT pg_sleep(4)" "${common[@]}" 2> killed.log &
pid=$!
for _ in $(seq 100); do
  run=$(latest_run 2>/dev/null || true)
  if [ -n "$run" ] && [ "$run" != "$failing" ] && grep -q '"event":"phase-started","phase":"check"' "$work/runs/$run.jsonl" 2>/dev/null; then break; fi
  sleep 0.1
done
sleep 0.5
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
# The killed run's psql is still sleeping; resume must stop it before going on.
killed=$(latest_run)
before=$(events_of "$killed")
grep -q '^phase-completed pause' <<< "$before" || fail "the run was killed before pause completed"
grep -q '^run-finished' <<< "$before" && fail "the killed run finished"
env -u PGPASSWORD "$BPC" run --resume "$killed" --secret "pg-credentials/password=$password" --runs-directory "$work/runs" --events lines 2> resumed.log \
  || fail "resume exited $?"
audit=$(sql -d app -c "SELECT string_agg(event, ',' ORDER BY id) FROM bpc_audit")
[ "$audit" = "announced,paused,closed" ] || fail "after resume, side effects: $audit (completed phases must not run again)"
after=$(events_of "$killed")
[ "$(grep -c '^phase-completed announce' <<< "$after")" = 1 ] || fail "announce completed twice"
[ "$(grep -c '^phase-started check' <<< "$after")" = 2 ] || fail "check did not run again after the crash"
tail -1 <<< "$after" | grep -q '^run-finished' || fail "the resumed run did not finish"

echo "4. delete the backup"
env -u PGPASSWORD "$BPC" run "$sample" --action delete --artifacts-from "$backup" "${common[@]}" 2> delete.log || fail "delete exited $?"
[ -z "$(find "$work/store" -name dump.sql)" ] || fail "the dump is still in the store"
echo "postgres-e2e: OK"
