# Sourced by the load harnesses (benchmarks/*/run.sh), not run: starts the stack jar on its default ports with the
# gateway's rate buckets raised (the harnesses send everything from one address) plus any arguments given, waits until
# it is ready, and stops it (and a $SAMPLER background job, if one was started) when the harness exits.
# Needs $JAVA_HOME and $OUT; sets $STACK (the stack's pid). Output goes to $OUT/stack.log.
start_stack() {
  for port in 4000 4001 4002 4003 4004; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "Port $port is in use: stop that stack first." >&2; exit 1; fi
  done
  "$JAVA_HOME/bin/java" -jar stack/target/ventusvault-stack-exec.jar --logging.level.io.zonky=INFO \
    --gateway.limits.rate.per-ip.capacity=1000000000 --gateway.limits.rate.per-ip.period=1s \
    --gateway.limits.rate.per-user.capacity=1000000000 --gateway.limits.rate.per-user.period=1s \
    "$@" >"$OUT/stack.log" 2>&1 &
  STACK=$!
  SAMPLER=
  trap stop_stack EXIT
  for _ in $(seq 1 240); do
    grep -q "VentusVault is ready" "$OUT/stack.log" && return 0
    kill -0 "$STACK" 2>/dev/null || { echo "The stack did not start: see $OUT/stack.log" >&2; exit 1; }
    sleep 1
  done
  echo "The stack was not ready after 240 s" >&2
  exit 1
}

stop_stack() {
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  kill "$STACK" 2>/dev/null || true
  wait "$STACK" 2>/dev/null || true
}
