#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Datapath benchmark, guest side: run by tests/bench/bench-datapath inside
# the scripts/vm guest.  Writes $VM_OUT/datapath.json (tagged with $1).
#
# Topology (tests/kernel/lib.sh topo_up, plus a second gateway address for
# gtp.ko) with all three implementations up at once, each with its own UE
# pool, so their measurements can be taken in turn, minutes apart at most:
#
#  +------ enb ------+      +------------------- gw --------------------+      +------ pdn ------+
#  | dpbench gen (ul)|      | gtpu0: 172.31.0.1:2152  pool 10.64.0.0/11 |      | dpbench gen (dl)|
#  |                 | ul-> | gtp0:  172.31.0.3:2152  pool 10.96.0.0/11 | ul-> |                 |
#  | veth-enb        |<---->| none:  10.128.0.0/11 via 172.31.0.2       |<---->| veth-pdn        |
#  | 172.31.0.2      | <-dl | veth-s1 172.31.0.1, .3  veth-sgi 198.18.0.1| <-dl | 198.18.0.2      |
#  | counts, drops   |      +-------------------------------------------+      | counts, drops   |
#  +-----------------+                                                         +-----------------+
#
# ul: G-PDUs from enb to the tunnel's address (none: the bare inner packets,
#     routed), decapsulated in gw, counted arriving on veth-pdn.
# dl: UDP from pdn to the UE addresses of one pool, encapsulated in gw
#     (none: routed), counted arriving on veth-enb.
# Bearer i of a run has TEIDs 1 + i / 0x80000000 + i and UE address
# pool base + 1 + i in both gtp.ko and gtpu.ko (tests/bench/datapath/dpbench.h).
# A tc ingress rule drops IPv4 at the far sides right after the veth counted
# it, so receiving costs next to nothing and sends no ICMP back.
#
# Environment: DP_IMPLS ("none gtp gtpu"), DP_BEARERS ("1 10000 1000000"),
# DP_SIZES ("64 1400"), DP_DIRS ("ul dl"), DP_WARMUP (1), DP_WINDOW (2),
# DP_REPEAT (3: each case is measured this many times, in rounds, and the
# row keeps the median and the samples), DP_DELETE_MAX (100000: the delete
# rate is timed over the first this many bearers, the rest go with the
# device).
set -u
TAG=${1:-untagged}
TOP=${TOP:-$(cd "$(dirname "$0")/../../.." && pwd)}
# shellcheck source=/dev/null  # tests/kernel/lib.sh
. "$TOP/tests/kernel/lib.sh"
set -e

read -r -a words <<< "${DP_IMPLS:-none gtp gtpu}"
IMPLS="${words[*]}"
BEARERS=${DP_BEARERS:-1 10000 1000000}
SIZES=${DP_SIZES:-64 1400}
DIRS=${DP_DIRS:-ul dl}
WARMUP=${DP_WARMUP:-1}
WINDOW=${DP_WINDOW:-2}
REPEAT=${DP_REPEAT:-3}
DELETE_MAX=${DP_DELETE_MAX:-100000}
[ "$DELETE_MAX" -gt 0 ] || DELETE_MAX=4294967295
OUT=${VM_OUT:-$LOGDIR}
ROWS=$LOGDIR/rows.jsonl
T_START=$(date +%s)
GTP_PID=
: > "$ROWS"

# per implementation: UE pool, first UE address, uplink destination
declare -A POOL=([gtpu]=10.64.0.0/11 [gtp]=10.96.0.0/11 [none]=10.128.0.0/11)
declare -A UE=([gtpu]=10.64.0.1 [gtp]=10.96.0.1 [none]=10.128.0.1)
declare -A S1=([gtpu]=172.31.0.1 [gtp]=172.31.0.3 [none]=172.31.0.1)

say() { echo "== [$(($(date +%s) - T_START))s] $*" >&2; }
# jget KEY < JSON-LINE: a numeric field
jget() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p" | head -n1; }
emit() { echo "$1" >> "$ROWS"; echo "   $1" >&2; }
# Kernel memory in bytes: slab (kmalloc and caches), vmalloc, per-CPU.
kmem() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	sleep 1		# let RCU-deferred frees of earlier steps land
	awk '/^(Slab|VmallocUsed|Percpu):/ { s += $2 } END { print s * 1024 }' /proc/meminfo
}

setup() {
	topo_up
	run gw ip addr add 172.31.0.3/24 dev veth-s1
	run pdn ip route add 10.0.0.0/8 via 198.18.0.1
	run enb ip route add 198.18.0.0/24 via 172.31.0.1
	run gw ip route add "${POOL[none]}" via 172.31.0.2
	# the far sides count (veth rx_packets) and drop IPv4 at ingress; ARP passes
	for x in pdn:veth-pdn enb:veth-enb; do
		run "${x%%:*}" tc qdisc add dev "${x#*:}" ingress
		run "${x%%:*}" tc filter add dev "${x#*:}" ingress protocol ip matchall action drop
	done
}

# traffic N: every case, REPEAT rounds, the implementations in turn
# (dpbench traffic: one process, it enters the namespaces itself and reads
# the far side's counters between its own sends)
traffic() {
	local n=$1 spec="" impl
	for impl in $IMPLS; do
		spec+="${spec:+ }$impl:${S1[$impl]}:${UE[$impl]}"
	done
	say "traffic over $n bearer(s): $REPEAT round(s) of $IMPLS"
	echo "  [-] dpbench traffic --impls \"$spec\" --bearers $n --sizes \"$SIZES\"" \
		"--dirs \"$DIRS\" --warmup $WARMUP --seconds $WINDOW --repeat $REPEAT" >&2
	dpbench traffic --impls "$spec" --bearers "$n" --sizes "$SIZES" --dirs "$DIRS" \
		--warmup "$WARMUP" --seconds "$WINDOW" --repeat "$REPEAT" > "$LOGDIR/traffic.jsonl"
	while read -r line; do
		emit "$line"
	done < "$LOGDIR/traffic.jsonl"
}

# rates and memory are only reported from 1000 bearers up
emit_ops() { # IMPL N OP PER_S: ops is how many were timed
	local ops=$2
	[ "$2" -ge 1000 ] || return 0
	if [ "$3" = delete ] && [ "$ops" -gt "$DELETE_MAX" ]; then ops=$DELETE_MAX; fi
	emit "{\"impl\":\"$1\",\"op\":\"$3\",\"bearers\":$2,\"ops\":$ops,\"per_s\":$4}"
}
emit_mem() { # IMPL N BYTES_BEFORE BYTES_AFTER
	[ "$2" -ge 1000 ] || return 0
	emit "{\"impl\":\"$1\",\"bearers\":$2,\"bytes_per_bearer\":$(( ($4 - $3) / $2 ))}"
}

gtpu_up() {
	local n=$1 m0 m1 out
	say "gtpu: $n bearers"
	dpbench batch --bearers "$n" --dev gtpu0 --peer 172.31.0.2 --ue-base "${UE[gtpu]}" \
		--add "$LOGDIR/add.txt" --del "$LOGDIR/del.txt" --del-max "$DELETE_MAX"
	m0=$(kmem)
	run gw gtpuctl link add gtpu0 local 172.31.0.1
	run gw ip link set gtpu0 up
	out=$(run gw gtpuctl -j -batch "$LOGDIR/add.txt")
	echo "   $out" >&2
	m1=$(kmem)
	rm -f "$LOGDIR/add.txt"
	emit_ops gtpu "$n" insert "$(echo "$out" | jget rate)"
	emit_mem gtpu "$n" "$m0" "$m1"
	run gw ip route add "${POOL[gtpu]}" dev gtpu0
}

gtpu_down() {
	local n=$1 out
	ip netns exec gw gtpuctl -s link show gtpu0 >&2 || true
	say "gtpu: deleting $n bearers (timed: the first $DELETE_MAX)"
	out=$(run gw gtpuctl -j -batch "$LOGDIR/del.txt")
	echo "   $out" >&2
	emit_ops gtpu "$n" delete "$(echo "$out" | jget rate)"
	run gw gtpuctl link del gtpu0
	rm -f "$LOGDIR/del.txt"
}

gtp_up() {
	local n=$1 m0 m1
	say "gtp: $n PDP contexts"
	rm -f "$LOGDIR/gtp.ready"
	m0=$(kmem)
	echo "  [gw] dpbench gtp --bearers $n ... &" >&2
	ip netns exec gw dpbench gtp --dev gtp0 --local "${S1[gtp]}" --peer 172.31.0.2 \
		--ue-base "${UE[gtp]}" --bearers "$n" --delete-max "$DELETE_MAX" \
		--ready "$LOGDIR/gtp.ready" > "$LOGDIR/gtp.out" &
	GTP_PID=$!
	while [ ! -f "$LOGDIR/gtp.ready" ]; do
		if ! kill -0 $GTP_PID 2>/dev/null; then
			wait $GTP_PID || true
			echo "dpbench gtp failed" >&2
			return 1
		fi
		sleep 0.2
	done
	m1=$(kmem)
	cat "$LOGDIR/gtp.out" >&2
	emit_ops gtp "$n" insert "$(grep '"insert"' "$LOGDIR/gtp.out" | jget per_s)"
	emit_mem gtp "$n" "$m0" "$m1"
	run gw ip route add "${POOL[gtp]}" dev gtp0
}

gtp_down() {
	local n=$1
	ip netns exec gw ip -s link show gtp0 >&2 || true
	say "gtp: deleting $n PDP contexts (timed: the first $DELETE_MAX)"
	kill -TERM $GTP_PID
	wait $GTP_PID
	GTP_PID=
	grep '"delete"' "$LOGDIR/gtp.out" >&2
	emit_ops gtp "$n" delete "$(grep '"delete"' "$LOGDIR/gtp.out" | jget per_s)"
}

has() { case " $IMPLS " in *" $1 "*) return 0 ;; esac; return 1; }

# one bearer count: install, measure, remove
run_bearers() {
	local n=$1
	if has gtp; then gtp_up "$n"; fi
	if has gtpu; then gtpu_up "$n"; fi
	traffic "$n"
	if has gtpu; then gtpu_down "$n"; fi
	if has gtp; then gtp_down "$n"; fi
}

# datapath.json, also after a failure ("complete": false, the rows so far)
write_json() {
	local rc=$?
	python3 - "$ROWS" "$OUT/datapath.json" "$TAG" "$WARMUP" "$WINDOW" \
		"$(($(date +%s) - T_START))" "$rc" "$REPEAT" <<'PY'
import json, os, platform, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
mem = int(open("/proc/meminfo").readline().split()[1]) // 1024
doc = {"benchmark": "datapath", "tag": sys.argv[3],
       "guest": {"kernel": platform.release(), "vcpus": os.cpu_count(), "mem_mb": mem,
                 "accel": "tcg"},
       "warmup_s": float(sys.argv[4]), "window_s": float(sys.argv[5]),
       "repeat": int(sys.argv[8]),
       "guest_seconds": int(sys.argv[6]), "complete": sys.argv[7] == "0", "rows": rows}
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({k: v for k, v in doc.items() if k != "rows"})[:-1] + ', "rows": [\n')
    f.write(",\n".join(json.dumps(r) for r in rows) + "\n]}\n")
PY
	say "done (status $rc)"
	[ -z "$GTP_PID" ] || kill -TERM "$GTP_PID" 2>/dev/null || true
	topo_down
	exit $rc
}
trap write_json EXIT

for impl in $IMPLS; do
	if [ -z "${POOL[$impl]:-}" ]; then
		echo "unknown implementation \"$impl\" (none, gtp, gtpu)" >&2
		exit 2
	fi
done
say "datapath benchmark: impls '$IMPLS', bearers '$BEARERS', sizes '$SIZES'," \
	"warm-up ${WARMUP}s, window ${WINDOW}s, $REPEAT round(s)"
if has gtp; then modprobe gtp; fi
setup
for n in $BEARERS; do
	run_bearers "$n"
done
