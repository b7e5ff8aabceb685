#!/usr/bin/env bash
# P2P sendMoney load beside pgbench TPC-B-like, on the SAME embedded PostgreSQL (issue 4, point 10). Not a test.
#
# Builds the stack and benchmarks jars (unless --no-build), starts the stack on its default ports (gateway 4000,
# payments 4002; they must be free), runs com.ventusvault.benchmarks.p2p.P2pLoad through the gateway and straight to
# payments at each concurrency, samples what PostgreSQL backends wait on meanwhile, counts the SQL statements of one
# transfer (log_statement=all during a short serial run), then runs pgbench -i -s $SCALE and pgbench -c <same
# concurrency> -j 2 -T $DURATION against the stack's own PostgreSQL, and stops the stack. Everything lands in $OUT.
#
# Environment: CONCURRENCY (8,16,32) DURATION (30) WARMUP (5) USERS (64) SCALE (10) OUT (benchmarks/target/p2p-<time>)
# PGBENCH (pgbench on PATH, else /usr/lib/postgresql/*/bin/pgbench, else Debian's postgresql-client is downloaded
# with apt-get download and unpacked into $OUT, no root needed).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/select-jdk.sh

CONCURRENCY=${CONCURRENCY:-8,16,32}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
USERS=${USERS:-64}
SCALE=${SCALE:-10}
OUT=${OUT:-benchmarks/target/p2p-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -q -B -ntp -o -pl stack,benchmarks -am package -DskipTests
fi

# pgbench: any recent client speaks to the PostgreSQL 17 server.
PGBENCH=${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)}
if [ -z "$PGBENCH" ]; then
  (cd "$OUT" && apt-get download postgresql-client-15 libpq5 >/dev/null && for deb in *.deb; do dpkg-deb -x "$deb" pgclient; done)
  PGBENCH=$(ls "$OUT"/pgclient/usr/lib/postgresql/*/bin/pgbench | tail -1)
  export LD_LIBRARY_PATH="$OUT/pgclient/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
PSQL=$(dirname "$PGBENCH")/psql
[ -x "$PSQL" ] || PSQL=psql

# P2pLoad sends every user's transfers from this one address: start-stack.sh raises the gateway's rate buckets
# (its `benchmark` profile does the same for gateway-only tools; here the arguments reach only the gateway's context).
. benchmarks/start-stack.sh
start_stack
# The stack does not print where its embedded PostgreSQL listens: take the port its JVM holds the most connections to.
PGPORT=$(ss -Htnp state established 2>/dev/null | grep "pid=$STACK," | awk '{print $4}' | sed 's/.*://' \
  | grep -vE '^400[0-4]$' | sort | uniq -c | sort -rn | awk 'NR == 1 {print $2}')
[ -n "$PGPORT" ] || { echo "Could not find the stack's PostgreSQL port" >&2; exit 1; }
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
sql() { "$PSQL" -X -q -At -d "${2:-postgres}" -c "$1"; }

{
  echo "date: $(date -u +%FT%TZ)  commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (+ working tree)')"
  echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "pgbench: $("$PGBENCH" --version)  server: $(sql 'show server_version')  port: $PGPORT"
  echo "server settings (both runs, same server):"
  sql "select name || '=' || setting || coalesce(unit, '') from pg_settings where name in ('fsync', 'synchronous_commit',
       'full_page_writes', 'wal_level', 'shared_buffers', 'max_connections', 'checkpoint_timeout', 'max_wal_size',
       'wal_buffers', 'work_mem', 'default_transaction_isolation') order by name" | sed 's/^/  /'
} | tee "$OUT/environment.txt"

# What active backends wait on, twice a second, during the P2P runs ("CPU" = running, not waiting).
(
  while true; do
    sql "select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') || ':' || state, count(*)
         from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()
         and state in ('active', 'idle in transaction') group by 1" 2>/dev/null || true
    # Which ledger rows sessions queue on: row-lock waiters hold or await a tuple lock on the row version they saw.
    sql "select 'row ' || coalesce(a.kind || ' ' || a.currency || ' shard ' || a.shard, 'gone') || ':' || l.granted, count(*)
         from pg_locks l left join payments.ledger_account a on a.ctid = format('(%s,%s)', l.page, l.tuple)::tid
         where l.locktype = 'tuple' and l.relation = 'payments.ledger_account'::regclass group by 1" 2>/dev/null || true
    sleep 0.5
  done
) >"$OUT/waits.txt" &
SAMPLER=$!

# CPU seconds (user + system) of a process, and of the whole PostgreSQL cluster (postmaster and its children).
TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }
# The postmaster's own line includes the CPU of the backends it has reaped (cutime, cstime): pgbench's connections end.
pg_cpu() {
  awk '{print $1, $14 + $15 + $16 + $17}' "/proc/$POSTMASTER/stat"
  for p in $(pgrep -P "$POSTMASTER"); do awk '{print $1, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
}
pg_cpu_since() { pg_cpu | awk -v t="$TICK" 'NR == FNR {before[$1] = $2; next} {total += $2 - before[$1]} END {printf "%.2f", total / t}' "$1" -; }
POSTMASTER=$(ps -eo pid,args | awk -v port="$PGPORT" '$0 ~ "postgres -D .* -p " port " " {print $1; exit}')
p2p_before=$(sql "select count(*) from payments.transfer where kind = 'P2P'")
stack_before=$(cpu "$STACK"); pg_cpu >"$OUT/pg-cpu-before.txt"
( "$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar com.ventusvault.benchmarks.p2p.P2pLoad \
  --gateway http://127.0.0.1:4000/graphql --payments http://127.0.0.1:4002/graphql \
  --users "$USERS" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION"; times >"$OUT/load-times.txt" ) \
  | tee "$OUT/p2p.txt"
p2p_sent=$(( $(sql "select count(*) from payments.transfer where kind = 'P2P'") - p2p_before ))
stack_cpu=$(awk -v a="$(cpu "$STACK")" -v b="$stack_before" 'BEGIN {printf "%.2f", a - b}')
pg_cpu_p2p=$(pg_cpu_since "$OUT/pg-cpu-before.txt")
load_cpu=$(awk 'NR == 2 {gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4}' "$OUT/load-times.txt")
{
  echo "CPU during the whole P2P phase (warm-ups included): $p2p_sent P2P transfers posted;"
  echo "  stack JVM ${stack_cpu} s = $(awk -v c="$stack_cpu" -v n="$p2p_sent" 'BEGIN {printf "%.2f", 1000 * c / n}') ms/transfer,"
  echo "  PostgreSQL ${pg_cpu_p2p} s = $(awk -v c="$pg_cpu_p2p" -v n="$p2p_sent" 'BEGIN {printf "%.2f", 1000 * c / n}') ms/transfer,"
  echo "  load generator JVM ${load_cpu} s = $(awk -v c="$load_cpu" -v n="$p2p_sent" 'BEGIN {printf "%.2f", 1000 * c / n}') ms/transfer"
} | tee "$OUT/cpu.txt"
kill "$SAMPLER"; SAMPLER=
echo "Sampled during the P2P runs, totals over samples: backend wait_event_type:wait_event:state, and tuple locks on
ledger rows (row <kind currency shard>:<granted>; granted = first in line, waiting on the holder's transaction):" | tee "$OUT/waits-summary.txt"
awk -F'|' '{n[$1] += $2} END {for (k in n) printf "%8d  %s\n", n[k], k}' "$OUT/waits.txt" | sort -rn | tee -a "$OUT/waits-summary.txt"

# SQL statements of one transfer, counted during a short serial run straight to payments: log_statement=all, and
# since nothing reads the embedded server's stderr, strace catches each backend's log writes to fd 2.
sql "alter system set log_statement = 'all'" && sql "select pg_reload_conf()" >/dev/null
sleep 1
strace -qq -f -e trace=write -e signal=none -s 400 -p "$POSTMASTER" $(pgrep -P "$POSTMASTER" | sed 's/^/-p /') -o "$OUT/strace.txt" &
STRACE=$!
sleep 1
"$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar com.ventusvault.benchmarks.p2p.P2pLoad \
  --gateway http://127.0.0.1:4000/graphql --targets payments --users 2 --concurrency 1 --warmup 0 --duration 5 \
  >"$OUT/statements-run.txt"
kill "$STRACE"; wait "$STRACE" 2>/dev/null || true
sql "alter system reset log_statement" && sql "select pg_reload_conf()" >/dev/null
grep -oE 'LOG: +(statement|execute [^:]*): [^"]*' "$OUT/strace.txt" | grep -vE 'alter system|pg_reload_conf' \
  | sed -E 's/^LOG: +(statement|execute [^:]*): //; s/\\n.*//; s/ +/ /g' >"$OUT/statements.log" || true
completed=$(grep '^RESULT' "$OUT/statements-run.txt" | awk -F'|' '{print $4}' | xargs)
{
  echo "Statements during the serial run: $(wc -l <"$OUT/statements.log") for $completed measured transfers (setup: 2 logins, 2 replayed deposits)"
  echo "Statements by text (first 150 characters):"
  cut -c1-150 "$OUT/statements.log" | sort | uniq -c | sort -rn | head -30
} | tee "$OUT/statements-summary.txt"

# pgbench TPC-B-like on the same server, in its own database, at the same concurrencies and duration.
sql "drop database if exists pgbench" && sql "create database pgbench"
"$PGBENCH" -i -s "$SCALE" -q pgbench 2>&1 | tail -2 | tee "$OUT/pgbench-init.txt"
pg_cpu >"$OUT/pg-cpu-before.txt"
( for c in ${CONCURRENCY//,/ }; do
  echo "== pgbench -c $c -j 2 -T $DURATION pgbench"
  "$PGBENCH" -c "$c" -j 2 -T "$DURATION" pgbench 2>&1 | grep -E 'number of (transactions|failed)|latency average|tps|scaling'
done; times >"$OUT/pgbench-times.txt" ) | tee "$OUT/pgbench.txt"
# (pgbench truncates pgbench_history before each run: count from its own reports.)
pgbench_txns=$(awk '/actually processed/ {n += $NF} END {print n}' "$OUT/pgbench.txt")
pg_cpu_bench=$(pg_cpu_since "$OUT/pg-cpu-before.txt")
bench_cpu=$(awk 'NR == 2 {gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4}' "$OUT/pgbench-times.txt")
{
  echo "CPU during pgbench: $pgbench_txns transactions;"
  echo "  PostgreSQL ${pg_cpu_bench} s = $(awk -v c="$pg_cpu_bench" -v n="$pgbench_txns" 'BEGIN {printf "%.3f", 1000 * c / n}') ms/transaction,"
  echo "  pgbench ${bench_cpu} s = $(awk -v c="$bench_cpu" -v n="$pgbench_txns" 'BEGIN {printf "%.3f", 1000 * c / n}') ms/transaction"
} | tee -a "$OUT/cpu.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/environment.txt"
echo "Results in $OUT"
