#!/usr/bin/env bash
# Commit-to-client latency of balanceUpdated with many concurrent subscribers (issue 6, point 5). Not a test.
#
# Builds the stack and benchmarks jars (unless --no-build), starts the stack on its default ports (4000-4004 and the
# provider simulator's must be free), then for each subscriber count runs
# com.ventusvault.benchmarks.subscriptions.SubscriberLoad in its own JVM: USERS funded users, N WebSockets to the
# gateway (graphql-transport-ws) each subscribed to one user's USD wallet, RATE P2P transfers a second for DURATION
# seconds, latency from each sendMoney answer to each subscriber's event. The stack's RSS and thread count are sampled
# while it runs. Everything lands in $OUT.
#
# Environment: SUBSCRIBERS (1000,5000) USERS (100) RATE (10) DURATION (30) SELECTION (owner|plain, default owner)
# OUT (benchmarks/target/subscriptions-<time>)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/select-jdk.sh

SUBSCRIBERS=${SUBSCRIBERS:-1000,5000}
USERS=${USERS:-100}
RATE=${RATE:-10}
DURATION=${DURATION:-30}
SELECTION=${SELECTION:-owner}
OUT=${OUT:-benchmarks/target/subscriptions-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -q -B -ntp -o -pl stack,benchmarks -am package -DskipTests
fi

# One address opens every socket: start-stack.sh raises the rate buckets; the subscription caps per user go too.
. benchmarks/start-stack.sh
start_stack --gateway.limits.subscriptions.max-per-user=100000 --gateway.limits.subscriptions.max-per-connection=100

(while kill -0 "$STACK" 2>/dev/null; do
   printf '%s rss_kb=%s threads=%s\n' "$(date -u +%T)" "$(ps -o rss= -p "$STACK" | tr -d ' ')" \
     "$(ls /proc/"$STACK"/task | wc -l)"
   sleep 2
 done) >"$OUT/stack-rss.log" &
SAMPLER=$!

IFS=, read -ra COUNTS <<<"$SUBSCRIBERS"
for count in "${COUNTS[@]}"; do
  echo "== $count subscribers" | tee -a "$OUT/results.md"
  "$JAVA_HOME/bin/java" -Xmx1g -cp benchmarks/target/benchmarks.jar \
    com.ventusvault.benchmarks.subscriptions.SubscriberLoad --gateway http://127.0.0.1:4000/graphql \
    --subscribers "$count" --users "$USERS" --rate "$RATE" --duration "$DURATION" --selection "$SELECTION" \
    | tee "$OUT/load-$count.log" | grep -E '^\||transfers|sockets|live' | tee -a "$OUT/results.md"
  echo "stack RSS peak so far: $(awk -F'rss_kb=' '{split($2, v, " "); if (v[1] > peak) peak = v[1]} END {print peak}' \
    "$OUT/stack-rss.log") kB" | tee -a "$OUT/results.md"
done
echo "Results in $OUT/results.md"
