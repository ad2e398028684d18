#!/usr/bin/python3
"""Renders `bgraph bench recovery --json` output as a Markdown table (one row per grid point, then the minimum).

Usage: bgraph bench recovery --accounts 20000 --seeds 42,7,99 --json > grid.json
       /usr/bin/python3 recovery_table.py grid.json
"""
import json
import sys


def cell(value):
    return "-" if value is None else f"{value:.3f}"


def main(path):
    with open(path) as f:
        run = json.load(f)
    print(f"{len(run['points'])} points × seeds {', '.join(map(str, run['seeds']))}, platforms of {run['accounts']:,} accounts; "
          f"precision: reported clusters more than {run['abuserShareThreshold']:.0%} planted abusers")
    print()
    print("| point | F1 ring | F1 bot | F1 farm | F1 block | F1 all | worst run | P ring | P bot | P block | false r/b/k (most in one run) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for p in run["points"]:
        f1 = p["meanF1ByKind"]
        prec = p["precision"]
        false = p["mostFalsePerRun"]
        print(f"| {p['name']} | {cell(f1.get('ring'))} | {cell(f1.get('bot'))} | {cell(f1.get('farm'))} | {cell(f1.get('block'))} | "
              f"{cell(p['meanF1'])} | {cell(p['worstRunF1'])} | {cell(prec.get('ring'))} | {cell(prec.get('bot'))} | {cell(prec.get('block'))} | "
              f"{false['ring']}/{false['bot']}/{false['block']} |")
    m = run["minimum"]
    print()
    print(f"Minimum over points: mean F1 {cell(m['meanF1'])} ({m['meanF1Point']}), precision {cell(m['precision'])} ({m['precisionPoint']}); "
          f"most false ring/bot/block clusters in one run {m['mostFalseClustersInOneRun']} ({m['mostFalsePoint']}); "
          f"benign-only: {m['benignOnlyFalseClusters']}.")


if __name__ == "__main__":
    main(sys.argv[1])
