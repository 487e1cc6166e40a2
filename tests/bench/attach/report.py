#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Attach benchmark report: the median run and the spread over runs.

    report.py IN.json                     print the table
    report.py IN.json --out OUT.json --qemu N --load "L1 L5 L15"
                                          also write OUT.json: the median
                                          run's fields at the top level, every
                                          run under "runs", the host machine

Nothing is judged: the numbers are printed, never compared with a limit.
"""
import argparse
import importlib.util
import json
import os
import statistics
import sys

FIELDS = ("ues", "enbs", "attach_per_s", "detach_per_s", "p50_ms", "p99_ms",
          "agwd_bytes_per_ue")


def cpu_model():
    """the datapath report's reader of /proc/cpuinfo"""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "datapath", "report.py")
    spec = importlib.util.spec_from_file_location("dp_report", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.cpu_model()


def median_run(rows):
    """the run whose attach rate is the median (its fields stay together)"""
    s = sorted(rows, key=lambda r: r.get("attach_per_s", 0))
    return s[(len(s) - 1) // 2]


def spread(rows, key):
    v = [r[key] for r in rows if r.get(key) is not None]
    if len(v) < 2 or not statistics.mean(v):
        return "-"
    return "%.0f%%" % (100 * (max(v) - min(v)) / statistics.mean(v))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json")
    ap.add_argument("--out")
    ap.add_argument("--qemu", type=int)
    ap.add_argument("--load")
    a = ap.parse_args()
    with open(a.json) as f:
        doc = json.load(f)
    rows = doc["rows"]
    if not rows:
        sys.exit("report.py: no run finished")
    m = median_run(rows)
    res = {k: m.get(k) for k in FIELDS}
    res["failures"] = m.get("failures")
    res["machine"] = {"host_cpu": cpu_model(), "host_cpus": os.cpu_count(),
                      "host_loadavg_before": a.load, "other_qemu_before": a.qemu,
                      "guest": doc.get("guest")}
    res["runs"] = rows
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)
            f.write("\n")
    g = doc.get("guest", {})
    out = sys.stdout
    out.write("attach benchmark: guest %s, %s vCPUs, %s MB (TCG: not hardware speed), %d run(s)\n"
              % (g.get("kernel"), g.get("vcpus"), g.get("mem_mb"), len(rows)))
    out.write("%6s %4s %12s %12s %7s %7s %12s %10s %9s\n" % ("ues", "enbs", "attach/s",
              "detach/s", "p50 ms", "p99 ms", "agwd B/UE", "agwd cpu s", "failures"))
    for r in rows + [dict(m, run="median")]:
        out.write("%6s %4s %12.1f %12.1f %7d %7d %12.0f %10.2f %9d   run %s\n" %
                  (r["ues"], r.get("enbs", 1), r["attach_per_s"], r["detach_per_s"],
                   r["p50_ms"], r["p99_ms"], r.get("agwd_bytes_per_ue", 0),
                   r.get("agwd_cpu_s", 0), r["failures"], r["run"]))
    out.write("spread (max-min)/mean: attach %s, detach %s, p50 %s, p99 %s, bytes/UE %s\n" %
              (spread(rows, "attach_per_s"), spread(rows, "detach_per_s"),
               spread(rows, "p50_ms"), spread(rows, "p99_ms"),
               spread(rows, "agwd_bytes_per_ue")))


if __name__ == "__main__":
    main()
