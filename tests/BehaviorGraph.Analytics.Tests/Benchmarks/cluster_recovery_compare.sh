#!/bin/sh
# Planted-cluster recovery, bgraph detectors vs igraph Louvain, on the same generated data in one run.
# Usage: cluster_recovery_compare.sh BGRAPH_DLL WORKDIR ACCOUNTS SEED [SEED...]
# Prints one line per seed: mean F1 of `bgraph evaluate-clusters` and of igraph_louvain_recovery.py.
set -eu
bgraph="$1"; work="$2"; accounts="$3"; shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
for seed in "$@"; do
  dir="$work/seed-$seed"
  rm -rf "$dir"; mkdir -p "$dir"
  dotnet "$bgraph" generate --out "$dir" --accounts "$accounts" --seed "$seed" --json > /dev/null
  dotnet "$bgraph" ingest "$dir/events.csv" --store "sqlite:$dir/store.db" --json > /dev/null
  dotnet "$bgraph" analyze --store "sqlite:$dir/store.db" --json > "$dir/analyze.json"
  dotnet "$bgraph" evaluate-clusters --truth "$dir/truth.json" --store "sqlite:$dir/store.db" --json > "$dir/ours.json"
  /usr/bin/python3 "$here/igraph_louvain_recovery.py" "$dir/events.csv" "$dir/truth.json" > "$dir/igraph.json"
  /usr/bin/python3 - "$dir" "$seed" <<'PY'
import json, sys
d, seed = sys.argv[1], sys.argv[2]
ours = json.load(open(d + "/ours.json"))
ig = json.load(open(d + "/igraph.json"))
def by_kind(clusters):
    out = {}
    for c in clusters:
        out.setdefault(c["kind"], []).append(c["f1"])
    return {k: round(sum(v) / len(v), 4) for k, v in out.items()}
print(f"seed {seed}: bgraph meanF1 {ours['meanF1']:.4f} {by_kind(ours['clusters'])} | igraph Louvain meanF1 {ig['meanF1']:.4f} {ig['meanF1ByKind']}")
PY
done
