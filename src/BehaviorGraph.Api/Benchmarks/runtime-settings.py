#!/usr/bin/env python3
"""Benchmark (a report, not a test): bgraph under several JIT settings, interleaved so that machine load hits every
candidate alike, with CPU time beside wall time (on a shared machine CPU time per unit of work moves far less than wall
time does).

  src/BehaviorGraph.Api/Benchmarks/runtime-settings.py --events events.csv --store sqlite:./data/demo/behaviorgraph.db \
      tc0 tc1 qjfl0 [build@/path/to/other/bgraph ...]

A candidate is NAME or NAME@BGRAPH (another build). NAME picks DOTNET_* variables, which override the
runtimeconfig.json of the build: tc0 (no tiered JIT), tc1 (tiered + dynamic PGO, .NET's default), qjfl0 (tiered, methods
with loops jitted optimised at once), delay0 (tiered, no 100 ms call-counting delay), build (the build's own settings).
Phase 1, per round and candidate: `bgraph bench ingest --file EVENTS` (with its same-run sqlite3 .import), and the
start-up of `bgraph --help` and `bgraph stats`. Phase 2: one `bgraph serve` per candidate, all started at once, then
short wrk slices against each in turn, and redis-benchmark slices between them (needs wrk and redis-server).
"""
import argparse, json, os, socket, statistics, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BG = os.path.join(HERE, "..", "..", "BehaviorGraph.Cli", "bin", "Release", "net10.0", "bgraph")
SETTINGS = {
    "tc0": {"DOTNET_TieredCompilation": "0"},
    "tc1": {"DOTNET_TieredCompilation": "1"},
    "qjfl0": {"DOTNET_TieredCompilation": "1", "DOTNET_TC_QuickJitForLoops": "0"},
    "delay0": {"DOTNET_TieredCompilation": "1", "DOTNET_TC_CallCountingDelayMs": "0"},
    "build": {},
}
HZ = os.sysconf("SC_CLK_TCK")


def parse_candidate(text):
    name, _, bg = text.partition("@")
    base = name.split("-")[0]
    if base not in SETTINGS:
        sys.exit(f"unknown candidate {text}; known: {', '.join(SETTINGS)}")
    return {"label": text if not bg else name, "env": SETTINGS[base], "bg": os.path.abspath(bg) if bg else DEFAULT_BG}


def env_of(c):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOTNET_Tiered") and not k.startswith("DOTNET_TC_")}
    env.update(c["env"])
    return env


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def load():
    return open("/proc/loadavg").read().split()[0]


def ingest_phase(cands, events, rounds, store):
    results = {c["label"]: [] for c in cands}
    for r in range(rounds):
        for c in cands:
            out = subprocess.run([c["bg"], "bench", "ingest", "--file", events, "--json"], env=env_of(c), check=True, capture_output=True, text=True).stdout
            d = json.loads(out)
            starts = {}
            for name, args in (("help", ["--help"]), ("stats", ["stats", "--store", store, "--json"])):
                t = time.perf_counter()
                for _ in range(5):
                    subprocess.run([c["bg"], *args], env=env_of(c), check=True, capture_output=True)
                starts[name] = (time.perf_counter() - t) / 5
            row = {"wall": d["seconds"], "cpu": d["cpuSeconds"], "import_wall": d["sqlite3"]["seconds"], "import_cpu": d["sqlite3"]["cpuSeconds"],
                   "ratio": d["ratioToSqlite3"], **starts}
            results[c["label"]].append(row)
            print(f"round {r + 1} {c['label']:>8} (load {load()}): ingest {row['wall']:.2f} s wall {row['cpu']:.2f} s CPU, "
                  f".import {row['import_wall']:.2f} s wall {row['import_cpu']:.2f} s CPU, wall ratio {row['ratio']:.2f}; "
                  f"start-up --help {row['help']:.3f} s, stats {row['stats']:.3f} s", flush=True)
    print("\ningest summary (medians over rounds)")
    for label, rows in results.items():
        m = lambda k: statistics.median(x[k] for x in rows)
        print(f"  {label:>8}: wall ratio to .import {m('ratio'):.2f}; CPU {m('cpu'):.2f} s vs .import {m('import_cpu'):.2f} s; "
              f"start-up --help {m('help'):.3f} s, stats {m('stats'):.3f} s")


def wrk(port, seconds, ids, key):
    env = dict(os.environ, IDS_FILE=ids, API_KEY=key)
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", os.path.join(HERE, "risk-lookup.lua"), f"http://127.0.0.1:{port}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    requests = next(int(l.split()[1].rstrip(",")) for l in out.splitlines() if l.startswith("requests "))
    return requests


def lookup_phase(cands, store, slices, seconds):
    work = tempfile.mkdtemp()
    bg0 = cands[0]["bg"]
    subprocess.run([bg0, "scores", "--store", store, "--out", f"{work}/scores.csv"], check=True, capture_output=True)
    ids = f"{work}/ids"
    with open(f"{work}/scores.csv") as f, open(ids, "w") as o:
        next(f)
        for line in f:
            o.write(line.split(",", 1)[0] + "\n")
    key = subprocess.run([bg0, "keys", "create", "--role", "enforcement", "--name", "bench-runtime", "--store", store], check=True, capture_output=True, text=True).stdout.strip()
    with open(f"{work}/schedules.json", "w") as f:
        f.write('{ "schedules": [] }')
    servers = []
    try:
        for c in cands:
            port = free_port()
            p = subprocess.Popen([c["bg"], "serve", "--store", store, "--urls", f"http://127.0.0.1:{port}", "--schedules", f"{work}/schedules.json", "--no-jobs", "--rate-limit", "1000000"],
                                 env=env_of(c), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            servers.append((c, port, p))
        for c, port, p in servers:
            for _ in range(200):
                try:
                    if b'"scoringRun":' in urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).read():
                        break
                except OSError:
                    pass
                time.sleep(0.2)
            wrk(port, 10, ids, key)  # warm-up: the tiered candidates reach their optimised code here
        redis_port = free_port()
        redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        n_ids = sum(1 for _ in open(ids))
        rps = {c["label"]: [] for c in cands}
        cpu = {c["label"]: [] for c in cands}
        redis_rps, redis_cpu = [], []
        for s in range(slices):
            for c, port, p in servers:
                before, t = cpu_seconds(p.pid), time.perf_counter()
                n = wrk(port, seconds, ids, key)
                elapsed, used = time.perf_counter() - t, cpu_seconds(p.pid) - before
                rps[c["label"]].append(n / elapsed)
                cpu[c["label"]].append(used / n * 1e6)
            before = cpu_seconds(redis.pid)
            out = subprocess.run(["redis-benchmark", "-p", str(redis_port), "-t", "get", "-n", "100000", "-c", "16", "-r", str(n_ids), "--csv"],
                                 check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            redis_rps.append(float(out.split(",")[1].strip('"')))
            redis_cpu.append((cpu_seconds(redis.pid) - before) / 100000 * 1e6)
            print(f"slice {s + 1} (load {load()}): " + ", ".join(f"{l} {rps[l][-1]:,.0f} rps {cpu[l][-1]:.1f} µs CPU/req" for l in rps)
                  + f"; redis {redis_rps[-1]:,.0f} rps {redis_cpu[-1]:.1f} µs CPU/GET", flush=True)
        redis.terminate()
        print("\nlookup summary (medians over slices; ratios against redis-benchmark -t get -c 16 in the same slices)")
        rr, rc = statistics.median(redis_rps), statistics.median(redis_cpu)
        for l in rps:
            ratios = [a / b for a, b in zip(rps[l], redis_rps)]
            print(f"  {l:>8}: {statistics.median(rps[l]):,.0f} rps (ratio to redis {statistics.median(ratios):.2f}), "
                  f"{statistics.median(cpu[l]):.1f} µs service CPU per request (redis {rc:.1f} µs per GET)")
    finally:
        for _, _, p in servers:
            p.terminate()
        subprocess.run([bg0, "keys", "revoke", "bench-runtime", "--store", store], capture_output=True)


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--events", help="event file for the ingest phase (skipped without it)")
    a.add_argument("--store", required=True, help="store with a published scoring run (bgraph demo)")
    a.add_argument("--rounds", type=int, default=2)
    a.add_argument("--slices", type=int, default=6)
    a.add_argument("--slice-seconds", type=int, default=4)
    a.add_argument("--no-lookup", action="store_true")
    a.add_argument("candidates", nargs="+")
    args = a.parse_args()
    cands = [parse_candidate(c) for c in args.candidates]
    print(f"candidates: " + "; ".join(f"{c['label']} = {c['bg']} {c['env']}" for c in cands) + f"; cpus {os.cpu_count()}, load {load()}")
    if args.events:
        ingest_phase(cands, args.events, args.rounds, args.store)
    if not args.no_lookup:
        lookup_phase(cands, args.store, args.slices, args.slice_seconds)


main()
