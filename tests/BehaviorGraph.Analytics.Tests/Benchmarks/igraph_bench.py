#!/usr/bin/env python3
"""Times python-igraph on the edge list written by AlgorithmSuiteBenchmark's generator.

Same five algorithms as src/BehaviorGraph.Analytics/Benchmarks/AlgorithmSuiteBenchmark.cs:
weakly connected components, Louvain (community_multilevel), coreness, triangles + local
clustering (transitivity_local_undirected), PageRank (damping 0.85).

Usage: /usr/bin/python3 igraph_bench.py EDGES_FILE NODE_COUNT
(Debian's python3-igraph lives in /usr/bin/python3, not in a pyenv interpreter.)
"""
import sys
import time

import igraph


def timed(name, fn, timings):
    start = time.perf_counter()
    summary = fn()
    ms = (time.perf_counter() - start) * 1000
    timings.append((name, ms))
    print(f"{name:<10} {ms:10.0f} ms  {summary}", flush=True)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: igraph_bench.py EDGES_FILE NODE_COUNT")
    path, nodes = sys.argv[1], int(sys.argv[2])
    start = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(path, directed=False)
    if g.vcount() < nodes:
        g.add_vertices(nodes - g.vcount())
    print(f"igraph {igraph.__version__}: {g.vcount():,} nodes, {g.ecount():,} edges "
          f"(read in {time.perf_counter() - start:.1f} s, not timed)", flush=True)

    timings = []

    def wcc():
        c = g.connected_components(mode="weak")
        return f"components={len(c)} largest={max(c.sizes())}"

    def louvain():
        c = g.community_multilevel()
        return f"communities={len(c)} modularity={c.modularity:.4f}"

    def kcore():
        return f"degeneracy={max(g.coreness())}"

    def triangles():
        lcc = g.transitivity_local_undirected(mode="zero")
        return f"mean_lcc={sum(lcc) / len(lcc):.4f}"

    def pagerank():
        pr = g.pagerank(damping=0.85)
        return f"max={max(pr):.3e}"

    timed("wcc", wcc, timings)
    timed("louvain", louvain, timings)
    timed("kcore", kcore, timings)
    timed("triangles", triangles, timings)
    timed("pagerank", pagerank, timings)
    print(f"total: {sum(ms for _, ms in timings):.0f} ms", flush=True)


if __name__ == "__main__":
    main()
