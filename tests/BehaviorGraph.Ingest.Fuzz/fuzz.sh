#!/usr/bin/env bash
# Coverage-guided fuzzing of the event readers with AFL++ and SharpFuzz.
#   tests/BehaviorGraph.Ingest.Fuzz/fuzz.sh csv|jsonl [EXECUTIONS] [OUT_DIR]
# Needs afl-fuzz (apt-get install afl++) and the SharpFuzz instrumenter (dotnet tool restore, from .config/).
# Builds a Release copy of the harness, instruments BehaviorGraph.Ingest.dll in that copy, runs afl-fuzz until about
# EXECUTIONS inputs (default 1,000,000) went through the reader, then replays every crash and hang it saved and prints
# the totals. Exit status: 0 when no input broke the row invariant, 1 otherwise.
set -euo pipefail
target="${1:?csv or jsonl}"
executions="${2:-1000000}"
out="${3:-/tmp/bg-fuzz-$target}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="/tmp/bg-fuzz-build"   # instrumented: runs only under afl-fuzz
plain="/tmp/bg-fuzz-plain"   # the same harness uninstrumented, to replay saved inputs

command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz not found; apt-get install afl++" >&2; exit 2; }
(cd "$root" && dotnet tool restore >/dev/null)
rm -rf "$build"
dotnet publish "$here/BehaviorGraph.Ingest.Fuzz.csproj" -c Release -o "$build" -v q >/dev/null
rm -rf "$plain" && cp -r "$build" "$plain"
(cd "$root" && dotnet sharpfuzz "$build/BehaviorGraph.Ingest.dll")

rm -rf "$out"
# The machine is shared and runs no crash reporter for us: no CPU binding, no core-dump checks.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -i "$here/corpus/$target" -o "$out" -t 5000 -m none -E "$executions" -- dotnet "$build/BehaviorGraph.Ingest.Fuzz.dll" "$target" \
  > "$out.log" 2>&1 || { tail -30 "$out.log" >&2; exit 2; }

stats="$out/default/fuzzer_stats"
echo "afl-fuzz $target: $(grep -E '^execs_done' "$stats" | awk '{print $3}') executions, $(grep -E '^corpus_count' "$stats" | awk '{print $3}') inputs in the corpus, $(grep -E '^saved_crashes' "$stats" | awk '{print $3}') crashes, $(grep -E '^saved_hangs' "$stats" | awk '{print $3}') hangs, $(grep -E '^bitmap_cvg' "$stats" | awk '{print $3}') of the map covered"
crashes=$(find "$out/default/crashes" "$out/default/hangs" -type f ! -name README.txt | wc -l)
if [ "$crashes" -gt 0 ]; then
  dotnet "$plain/BehaviorGraph.Ingest.Fuzz.dll" replay "$target" "$out/default/crashes" "$out/default/hangs" || true
  exit 1
fi
dotnet "$plain/BehaviorGraph.Ingest.Fuzz.dll" replay "$target" "$out/default/queue"
