#!/bin/bash
# Bearer insert/delete rate of gtpuctl -batch, for profiling (not a test:
# the runner only runs t-*.sh).  Inside the guest:
#
#   scripts/vm run -- tests/kernel/insert-rate.sh [N] [OTHER_GTPUCTL]
#
# adds and deletes N (default 100000) bearers on a fresh device, twice, and
# prints for each run the rate by wall clock and by CPU time of the gtpuctl
# process (user + system: the kernel handles the requests inside sendmsg,
# so this is the whole cost, and other guests on the host disturb it much
# less than the wall clock).  OTHER_GTPUCTL (e.g. one built from an older
# tree) is measured the same way, alternating with the current one.
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
OTHER=${2:-}

topo_up >/dev/null 2>&1
python3 - "$N" "$LOGDIR" <<'PY'
import sys
n, d = int(sys.argv[1]), sys.argv[2]
with open(d + "/add.txt", "w") as a, open(d + "/del.txt", "w") as r:
    for i in range(n):
        ue = "10.%d.%d.%d" % (64 + (i >> 16), (i >> 8) & 255, i & 255)
        a.write("bearer add dev gtpu0 teid-in %d teid-out %d peer 172.31.0.2 ue %s cookie %d\n"
                % (i + 1, 0x80000000 + i, ue, i))
        r.write("bearer del dev gtpu0 teid-in %d\n" % (i + 1))
PY
TIMEFORMAT="%R %U %S"
rate() {
	python3 -c 'import sys; r, u, s = map(float, sys.argv[1].split()); n = int(sys.argv[2])
print("wall %.0f/s, cpu %.0f/s (user %.2fs sys %.2fs)" % (n / r, n / (u + s), u, s))' "$1" "$N"
}
one() {
	local g=$1 t
	ip netns exec gw gtpuctl link del gtpu0 2>/dev/null
	gtpu_dev_up >/dev/null 2>&1
	t=$( { time ip netns exec gw "$g" -batch "$LOGDIR/add.txt" >/dev/null 2>&1; } 2>&1 )
	echo "$g add: $(rate "$t")"
	t=$( { time ip netns exec gw "$g" -batch "$LOGDIR/del.txt" >/dev/null 2>&1; } 2>&1 )
	echo "$g del: $(rate "$t")"
}
for _ in 1 2; do
	one gtpuctl
	[ -n "$OTHER" ] && one "$OTHER"
done
ip netns exec gw gtpuctl link del gtpu0
topo_down
