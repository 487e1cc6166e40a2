#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Attach benchmark, guest side: run by tests/bench/bench-attach inside the
# scripts/vm guest.  Writes $VM_OUT/attach.json (tagged with $1).
#
# The e2e topology (tests/e2e/lib.sh): agwd in ns gw with the e2e
# configuration but logging at "warn" and no S1AP capture, AT_UES
# subscribers imported through agwctl (streamed: any size), then `enbsim
# --bench` in ns enb attaches and detaches them all (AT_ENBS simulated eNBs,
# one SCTP association each, UE i on eNB i % AT_ENBS; no user plane).  Above
# 60000 UEs the APN's pool is a /12 instead of the e2e /16.  agwd's CPU time
# (utime + stime from /proc/PID/stat) and its Prometheus histograms are
# taken before and after, so the report can say where the time went.
#
# Environment: AT_UES (1000), AT_RATE (0: as fast as possible), AT_INFLIGHT
# (200), AT_ENBS (1), AT_REPEAT (3 runs, each with a fresh agwd), AT_PERF (1:
# a perf profile of agwd during the first run, when perf works in the guest).
set -u
TAG=${1:-untagged}
TOP=${TOP:-$(cd "$(dirname "$0")/../../.." && pwd)}
# shellcheck source=/dev/null  # tests/e2e/lib.sh
. "$TOP/tests/e2e/lib.sh"

UES=${AT_UES:-1000}
RATE=${AT_RATE:-0}
INFLIGHT=${AT_INFLIGHT:-200}
REPEAT=${AT_REPEAT:-3}
PERF=${AT_PERF:-1}
ENBS=${AT_ENBS:-1}
OUT=${VM_OUT:-$LOGDIR}
ROWS=$LOGDIR/rows.jsonl
: > "$ROWS"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
metrics() { ip netns exec gw curl -s --max-time 5 http://127.0.0.1:9090/metrics; }

# one run: fresh topology and agwd, import, bench, one JSON row
one_run() {
	local run=$1 pid t0 t1 perf_pid=
	agwd_config "$LOGDIR/agwd.json"
	sed -i 's/"level": "info"/"level": "warn"/' "$LOGDIR/agwd.json"
	[ "$UES" -le 60000 ] || sed -i 's#10.45.0.0/16#10.64.0.0/12#' "$LOGDIR/agwd.json"
	topo_up
	gtpu_dev_up || return 1
	mkdir -p "$LOGDIR/state"
	rm -rf "$LOGDIR/state"/*
	rm -f "$LOGDIR/agwd.sock"
	ip netns exec gw agwd -c "$LOGDIR/agwd.json" >> "$LOGDIR/agwd.log" 2>&1 &
	pid=$!
	echo $pid > "$LOGDIR/agwd.pid"
	wait_for 100 test -S "$LOGDIR/agwd.sock" || { cat "$LOGDIR/agwd.log"; return 1; }
	local ti=$SECONDS
	subscribers "$UES" > /dev/null || return 1
	echo "   $UES subscribers imported in $((SECONDS - ti)) s"
	metrics > "$LOGDIR/metrics-before.txt"
	if [ "$run" = 1 ] && [ "$PERF" = 1 ] && command -v perf > /dev/null; then
		perf record -q -F 499 -o "$LOGDIR/perf.data" -p "$pid" 2>"$LOGDIR/perf.err" &
		perf_pid=$!
	fi
	t0=$(cpu_ticks "$pid")
	ip netns exec enb enbsim --bench --mme 172.31.0.1 --enb-addr 172.31.0.2 --s1u 172.31.0.2 \
		--plmn 00101 --tac 1 --ues "$UES" --imsi "$E2E_IMSI0" --k "$E2E_K" --opc "$E2E_OPC" \
		--rate "$RATE" --inflight "$INFLIGHT" --enbs "$ENBS" --agwd-pid "$pid" --log warn \
		> "$LOGDIR/bench-$run.json" 2> "$LOGDIR/bench-$run.err"
	echo "   enbsim status $?: $(cat "$LOGDIR/bench-$run.json")"
	grep -v '^{' "$LOGDIR/bench-$run.err" | tail -n 3 | sed 's/^/   /'
	t1=$(cpu_ticks "$pid")
	if [ -n "$perf_pid" ]; then
		kill -INT "$perf_pid"
		wait "$perf_pid"
		{
			perf report -i "$LOGDIR/perf.data" --sort dso --stdio 2>/dev/null
			perf report -i "$LOGDIR/perf.data" --sort dso,symbol --stdio 2>/dev/null
		} | grep -v '^#' | grep '%' | head -n 60 > "$OUT/attach-perf.txt"
	fi
	metrics > "$LOGDIR/metrics-after.txt"
	[ "$run" = 1 ] && grep '^agwd_' "$LOGDIR/metrics-after.txt" > "$OUT/attach-metrics.txt"
	python3 - "$LOGDIR/bench-$run.json" "$LOGDIR/metrics-after.txt" "$((t1 - t0))" \
		"$(getconf CLK_TCK)" "$run" "$RATE" "$INFLIGHT" "$ENBS" >> "$ROWS" <<'PY' || return 1
import json, sys
row = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
hist = {}
for l in open(sys.argv[2]):
    if l.startswith("agwd_attach_duration_seconds_bucket"):
        le = l.split('le="')[1].split('"')[0]
        hist[le] = int(float(l.split()[-1]))
row["run"] = int(sys.argv[5])
row["rate"] = int(sys.argv[6])
row["inflight"] = int(sys.argv[7])
row["enbs"] = int(sys.argv[8])
row["agwd_cpu_s"] = int(sys.argv[3]) / int(sys.argv[4])
row["agwd_attach_hist"] = hist
print(json.dumps(row))
PY
	agwd_stop TERM
	topo_down
}

for r in $(seq 1 "$REPEAT"); do
	echo "== attach run $r of $REPEAT: $UES UEs, rate $RATE, inflight $INFLIGHT"
	one_run "$r" || echo "== run $r failed"
	tail -n 5 "$LOGDIR/agwd.log"
done

python3 - "$ROWS" "$OUT/attach.json" "$TAG" <<'PY'
import json, os, platform, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
cpu = "unknown"
for l in open("/proc/cpuinfo"):
    if l.startswith("model name"):
        cpu = l.split(":", 1)[1].strip()
        break
guest = {"kernel": platform.release(), "vcpus": os.cpu_count(), "cpu_model": cpu,
         "mem_mb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20}
json.dump({"tag": sys.argv[3], "guest": guest, "rows": rows}, open(sys.argv[2], "w"))
PY
[ -s "$ROWS" ]
