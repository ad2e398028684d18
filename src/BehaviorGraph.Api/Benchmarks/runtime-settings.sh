#!/usr/bin/env bash
# Benchmark (a report, not a test): the same bgraph build under several JIT settings, given as DOTNET_* environment
# variables (they override the runtimeconfig.json the build wrote), interleaved round by round so machine load hits
# every candidate alike. Per candidate: `bench ingest` of FILE (with the same-run sqlite3 .import ratio), the start-up
# of two small commands, and the risk lookup (risk-lookup.sh, which runs redis-benchmark in the same run).
#   src/BehaviorGraph.Api/Benchmarks/runtime-settings.sh events.csv sqlite:./data/demo/behaviorgraph.db [ROUNDS] [CANDIDATES...]
# Candidates: tc0 (no tiered JIT), tc1 (tiered + dynamic PGO, .NET's default), qjfl0 (tiered, but methods with loops
# jitted optimised at once), delay0 (tiered, promotion without the 100 ms call-counting delay), build (as built).
set -euo pipefail
FILE=${1:?usage: runtime-settings.sh EVENTS.csv STORE [ROUNDS] [CANDIDATES...]}
STORE=${2:?usage: runtime-settings.sh EVENTS.csv STORE [ROUNDS] [CANDIDATES...]}
ROUNDS=${3:-2}
shift 3 || shift $#
CANDIDATES=("${@:-tc0 tc1 qjfl0 delay0}")
read -r -a CANDIDATES <<< "${CANDIDATES[*]}"
HERE=$(cd "$(dirname "$0")" && pwd)
BG=${BG:-$HERE/../../BehaviorGraph.Cli/bin/Release/net10.0/bgraph}
export BG
settings() {
  case "$1" in
    tc0) echo "DOTNET_TieredCompilation=0" ;;
    tc1) echo "DOTNET_TieredCompilation=1" ;;
    qjfl0) echo "DOTNET_TieredCompilation=1 DOTNET_TC_QuickJitForLoops=0" ;;
    delay0) echo "DOTNET_TieredCompilation=1 DOTNET_TC_CallCountingDelayMs=0" ;;
    build) echo "" ;;
    *) echo "unknown candidate $1" >&2; exit 2 ;;
  esac
}
startup() { # mean wall seconds of 5 runs of a command
  local start end
  start=$(date +%s.%N)
  for _ in 1 2 3 4 5; do "$@" > /dev/null 2>&1; done
  end=$(date +%s.%N)
  python3 -c "print(f'{($end - $start) / 5:.3f}')"
}
echo "bgraph: $BG; file: $FILE; store: $STORE; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  for c in "${CANDIDATES[@]}"; do
    echo "=== round $round, candidate $c ($(settings "$c")), load $(cut -d' ' -f1-3 /proc/loadavg)"
    (
      for kv in $(settings "$c"); do export "${kv?}"; done
      "$BG" bench ingest --file "$FILE" --json | python3 -c "import json,sys; d=json.load(sys.stdin); i=d['sqlite3']; print(f\"ingest {d['seconds']:.2f} s wall, {d['cpuSeconds']:.2f} s CPU; sqlite3 .import {i['seconds']:.2f} s wall, {i['cpuSeconds']:.2f} s CPU; wall ratio {d['ratioToSqlite3']:.2f}\")"
      echo "startup: bgraph --help $(startup "$BG" --help) s; bgraph stats $(startup "$BG" stats --store "$STORE" --json) s"
      "$HERE/risk-lookup.sh" "$STORE" "${DURATION:-10s}" 16 2>&1 | grep -E "^==|Requests/sec|^p99 |^\"GET|CPU per"
    )
  done
done
