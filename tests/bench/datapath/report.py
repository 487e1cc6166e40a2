#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Datapath benchmark report: tables and ratios from datapath.json.

    report.py IN.json                     print the tables
    report.py IN.json --out OUT.json --qemu N --load "L1 L5 L15"
                                          also write OUT.json with a "host"
                                          section (CPU, load, other VMs)

Nothing is judged: the numbers are printed, never compared with a limit.
"""
import argparse
import json
import os
import sys


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def fmt(x):
    return "-" if x is None else "%d" % round(x)


def ratio(a, b):
    return "-" if not a or not b else "%.2f" % (a / b)


def traffic_table(rows, out):
    pps = {}
    for r in rows:
        if "pps" in r:
            pps[(r["impl"], r["direction"], r["size"], r["bearers"])] = r["pps"]
    none = {(d, s): v for (i, d, s, n), v in pps.items() if i == "none"}
    keys = sorted({(d, s, n) for (i, d, s, n) in pps}, key=lambda k: (k[0] != "ul", k[1], k[2]))
    out.write("Received packets per second (far side, %s)\n" % "inner packet size in bytes")
    out.write("%-4s %5s %8s %10s %10s %10s %9s %10s\n" %
              ("dir", "size", "bearers", "none", "gtp", "gtpu", "gtpu/gtp", "gtpu/none"))
    for d, s, n in keys:
        g, u = pps.get(("gtp", d, s, n)), pps.get(("gtpu", d, s, n))
        out.write("%-4s %5d %8d %10s %10s %10s %9s %10s\n" %
                  (d, s, n, fmt(pps.get(("none", d, s, n))), fmt(g), fmt(u),
                   ratio(u, g), ratio(u, pps.get(("none", d, s, n), none.get((d, s))))))
    return pps


def rel(pps, impl, d, s, n):
    """impl's rate relative to none's in the same case (the same rounds)."""
    v, base = pps.get((impl, d, s, n)), pps.get(("none", d, s, n))
    return v / base if v and base else None


def scale_lines(pps, out):
    """gtpu (and gtp) at the most bearers measured against the fewest: raw,
    and normalized by none measured in the same rounds (the host's load
    moves all three together between bearer counts)."""
    for impl in ("gtpu", "gtp"):
        ns = sorted({n for (i, d, s, n) in pps if i == impl})
        if len(ns) < 2:
            continue
        lo, hi = ns[0], ns[-1]
        raw, norm = [], []
        for (i, d, s, n), v in sorted(pps.items()):
            if i != impl or n != hi or (i, d, s, lo) not in pps:
                continue
            raw.append("%s/%d %s" % (d, s, ratio(v, pps[(i, d, s, lo)])))
            norm.append("%s/%d %s" % (d, s, ratio(rel(pps, i, d, s, hi), rel(pps, i, d, s, lo))))
        out.write("%s at %d vs %d bearer(s): %s\n" % (impl, hi, lo, ", ".join(raw)))
        out.write("  the same, each relative to none: %s\n" % ", ".join(norm))


def ops_table(rows, out):
    ops = [r for r in rows if "op" in r]
    if not ops:
        return
    out.write("\nNetlink bearer operations per second\n")
    out.write("%-5s %-7s %8s %8s %10s\n" % ("impl", "op", "bearers", "timed", "per_s"))
    for r in sorted(ops, key=lambda r: (r["bearers"], r["op"] != "insert", r["impl"])):
        out.write("%-5s %-7s %8d %8d %10s\n" %
                  (r["impl"], r["op"], r["bearers"], r.get("ops", r["bearers"]), fmt(r["per_s"])))


def mem_table(rows, out):
    mem = [r for r in rows if "bytes_per_bearer" in r]
    if not mem:
        return
    out.write("\nKernel memory per bearer (slab + vmalloc + per-CPU delta / bearers)\n")
    out.write("%-5s %8s %16s\n" % ("impl", "bearers", "bytes_per_bearer"))
    for r in sorted(mem, key=lambda r: (r["bearers"], r["impl"])):
        out.write("%-5s %8d %16s\n" % (r["impl"], r["bearers"], fmt(r["bytes_per_bearer"])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json")
    ap.add_argument("--out")
    ap.add_argument("--qemu", type=int)
    ap.add_argument("--load")
    a = ap.parse_args()
    with open(a.json) as f:
        doc = json.load(f)
    if a.out:
        doc["host"] = {"cpu": cpu_model(), "cpus": os.cpu_count(),
                       "loadavg_before": a.load, "other_qemu_before": a.qemu}
        rows = doc.pop("rows")
        with open(a.out, "w") as f:
            f.write(json.dumps(doc)[:-1] + ', "rows": [\n')
            f.write(",\n".join(json.dumps(r) for r in rows) + "\n]}\n")
        doc["rows"] = rows
    out = sys.stdout
    g = doc.get("guest", {})
    out.write("datapath benchmark: guest %s, %s vCPUs, %s MB, %s (emulated: not hardware speed);"
              " warm-up %ss, window %ss, median of %s\n" % (g.get("kernel"), g.get("vcpus"),
                                                g.get("mem_mb"), g.get("accel"),
                                                doc.get("warmup_s"), doc.get("window_s"),
                                                doc.get("repeat", 1)))
    if "host" in doc:
        h = doc["host"]
        out.write("host: %s, %s CPUs, load %s, %s other QEMU guest(s) running at start\n" %
                  (h["cpu"], h["cpus"], h["loadavg_before"], h["other_qemu_before"]))
    out.write("\n")
    pps = traffic_table(doc["rows"], out)
    scale_lines(pps, out)
    ops_table(doc["rows"], out)
    mem_table(doc["rows"], out)
    if not doc.get("complete", True):
        sys.stderr.write("report: the guest stopped early: these are partial results\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
