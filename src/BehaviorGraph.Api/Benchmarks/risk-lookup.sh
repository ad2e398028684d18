#!/usr/bin/env bash
# Benchmark (a report, not a test): wrk against GET /v1/accounts/{id}/risk over every scored account of STORE,
# then redis-benchmark -t get on the same machine in the same run. Needs a Release build of bgraph, wrk and
# redis-server (apt-get install wrk redis-server) and a store with a published scoring run (bgraph demo). Besides
# requests per second it prints the CPU time the service and redis-server spent per request (from /proc), which
# other work on the machine moves far less. BG=path/to/bgraph compares another build; WARMUP=45s is the default.
#   src/BehaviorGraph.Api/Benchmarks/risk-lookup.sh sqlite:/tmp/bgbench/behaviorgraph.db
set -euo pipefail
STORE=${1:?usage: risk-lookup.sh STORE [DURATION] [CONNECTIONS]}
DURATION=${2:-15s}
CONNECTIONS=${3:-16}
WARMUP=${WARMUP:-45s}
HERE=$(cd "$(dirname "$0")" && pwd)
BG=${BG:-$HERE/../../BehaviorGraph.Cli/bin/Release/net10.0/bgraph}
WORK=$(mktemp -d)
SERVICE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# CPU seconds a process has used (user + system), from /proc: the load-independent half of the figures, since other
# work on the machine changes requests per second far more than it changes the CPU time one request costs.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
cpu_per_request() { python3 -c "import sys; b, a, n = map(float, sys.argv[1:]); print(f'{(a - b) / n * 1e6:.1f}' if n else 'n/a')" "$@"; }
cleanup() { [[ -n "${SERVICE_PID:-}" ]] && kill "$SERVICE_PID" 2>/dev/null; [[ -n "${REDIS_PID:-}" ]] && kill "$REDIS_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BG" scores --store "$STORE" --out "$WORK/scores.csv" >/dev/null
tail -n +2 "$WORK/scores.csv" | cut -d, -f1 > "$WORK/ids"
export IDS_FILE=$WORK/ids
export API_KEY=$("$BG" keys create --role enforcement --name bench --store "$STORE" 2>/dev/null)
echo '{ "schedules": [] }' > "$WORK/schedules.json"
# The per-key limit is lifted for the benchmark: it measures lookups, not the limiter's refusals.
"$BG" serve --store "$STORE" --urls "http://127.0.0.1:$SERVICE_PORT" \
  --schedules "$WORK/schedules.json" --no-jobs --rate-limit 1000000 > "$WORK/serve.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$SERVICE_PORT/health" | grep -q '"scoringRun":[0-9]' && break; sleep 0.2; done
echo "ids: $(wc -l < "$IDS_FILE"), service on :$SERVICE_PORT, cpus: $(nproc)"
# A long warm-up: the service runs with tiered compilation and dynamic PGO, and under this load the JIT still took 15 %
# of its CPU 7 s after start (perf) and under 1 % after 45 s; measured after 5 s the service looked 40 % slower.
echo "== warm-up ($WARMUP)"; wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/risk-lookup.lua" "http://127.0.0.1:$SERVICE_PORT" > /dev/null
echo "== wrk -t2 -c$CONNECTIONS -d$DURATION (as fast as it goes)"
BEFORE=$(cpu_seconds "$SERVICE_PID")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/risk-lookup.lua" "http://127.0.0.1:$SERVICE_PORT" | tee "$WORK/fast.txt"
AFTER=$(cpu_seconds "$SERVICE_PID")
REQUESTS=$(awk '/^requests /{ sub(",", "", $2); print $2 }' "$WORK/fast.txt")
echo "service CPU per request: $(cpu_per_request "$BEFORE" "$AFTER" "$REQUESTS") µs ($REQUESTS requests)"
echo "== wrk -t1 -c2 -d$DURATION (light load)"
wrk -t1 -c2 -d"$DURATION" --latency -s "$HERE/risk-lookup.lua" "http://127.0.0.1:$SERVICE_PORT" | tail -8
echo "== wrk -t2 -c16 paced 7 ms per connection (≈ 2k rps offered)"
PACE_MS=7 wrk -t2 -c16 -d"$DURATION" -s "$HERE/risk-lookup.lua" "http://127.0.0.1:$SERVICE_PORT" | grep -E "Requests/sec|requests|^p"
if wrk --help 2>&1 | grep -q -- '-R'; then
  echo "== wrk2 -R2000 (fixed 2k rps)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -R2000 --latency -s "$HERE/risk-lookup.lua" "http://127.0.0.1:$SERVICE_PORT"
fi
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=

redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!
sleep 0.5
echo "== redis-benchmark -t get -c $CONNECTIONS (same machine, same run)"
echo '"test","rps","avg_ms","min_ms","p50_ms","p95_ms","p99_ms","max_ms"'
BEFORE=$(cpu_seconds "$REDIS_PID")
redis-benchmark -p "$REDIS_PORT" -t get -n 200000 -c "$CONNECTIONS" -r "$(wc -l < "$IDS_FILE")" --csv | tail -1
AFTER=$(cpu_seconds "$REDIS_PID")
echo "redis-server CPU per GET: $(cpu_per_request "$BEFORE" "$AFTER" 200000) µs"
