#!/bin/bash
# 100k bearers: added in batches through one netlink socket (gtpuctl -batch),
# dumped completely, looked up by UE address, deleted; then the module is
# unloaded with devices and bearers present.  The insert rate is reported
# (not asserted here: see Documentation/performance.md) into
# $VM_OUT/scale.json when run under scripts/vm.
. "$(dirname "$0")/lib.sh"
N=${SCALE_BEARERS:-100000}

topo_up
gtpu_dev_up || { tc_fail scale/dev-up; exit 1; }

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

out=$(run gw gtpuctl -j -batch "$LOGDIR/add.txt")
echo "$out"
add_rate=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["rate"] if d["failed"] == 0 and d["commands"] == int(sys.argv[2]) else "fail")' "$out" "$N")
check scale/batch-add test "$add_rate" != fail
echo "insert rate: $add_rate bearers/s"

count=$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 | python3 -c 'import json,sys; b=json.load(sys.stdin); print(len(b), len(set(x["teid_in"] for x in b)))')
expect_eq scale/dump-complete "$count" "$N $N"
expect_eq scale/dev-count "$(ip netns exec gw gtpuctl -j link show gtpu0 | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print(d["bearers"])')" "$N"
last="10.$((64 + ((N - 1) >> 16))).$((((N - 1) >> 8) & 255)).$(((N - 1) & 255))"
expect_eq scale/lookup-by-ue "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 ue "$last" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["teid_in"])')" "$N"

out=$(run gw gtpuctl -j -batch "$LOGDIR/del.txt")
echo "$out"
del_rate=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["rate"] if d["failed"] == 0 else "fail")' "$out")
check scale/batch-del test "$del_rate" != fail
expect_eq scale/all-deleted "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0)" "[]"

[ -n "${VM_OUT:-}" ] && printf '{"bearers": %d, "insert_per_s": %s, "delete_per_s": %s}\n' \
	"$N" "$add_rate" "$del_rate" > "$VM_OUT/scale.json"

# unload with two devices (in two namespaces) full of bearers, then reload
run gw gtpuctl -batch "$LOGDIR/add.txt" >/dev/null
run - ip netns add gw2
run - ip link add veth-x netns gw2 type veth peer name veth-y netns enb
run gw2 ip addr add 172.31.1.1/24 dev veth-x
run gw2 ip link set veth-x up
run gw2 gtpuctl link add gtpu0 local 172.31.1.1
run gw2 gtpuctl bearer add dev gtpu0 teid-in 1 teid-out 1 peer 172.31.1.2 ue 10.45.0.1
check scale/rmmod-with-bearers run - rmmod gtpu
check scale/module-gone test ! -d /sys/module/gtpu
check scale/reinsmod run - insmod "$VM_GTPU_KO"
ip netns del gw2
topo_down
