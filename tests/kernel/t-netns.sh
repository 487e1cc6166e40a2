#!/bin/bash
# Devices and network namespaces: several devices per namespace on their own
# addresses; the same address in two namespaces; a namespace deleted with a
# device and bearers inside; a device deleted with bearers; all clean.
. "$(dirname "$0")/lib.sh"

topo_up
gtpu_dev_up || { tc_fail netns/dev-up; exit 1; }
run gw ip addr add 172.31.0.3/24 dev veth-s1
check netns/second-device run gw gtpuctl link add gtpu1 local 172.31.0.3
check netns/third-device-port run gw gtpuctl link add gtpu2 local 172.31.0.3 port 2153
expect_eq netns/three-devices "$(ip netns exec gw gtpuctl -j link show | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 3
run gw gtpuctl bearer add dev gtpu0 teid-in 1 teid-out 1 peer 172.31.0.2 ue 10.45.0.1
# TEIDs and UE addresses are per device
check netns/same-teid-other-dev run gw gtpuctl bearer add dev gtpu1 teid-in 1 teid-out 1 peer 172.31.0.2 ue 10.45.0.1
expect_eq netns/show-filter-dev "$(ip netns exec gw gtpuctl -j bearer show dev gtpu1 | python3 -c 'import json,sys; print([b["dev"] for b in json.load(sys.stdin)])')" "['gtpu1']"
check netns/link-del-with-bearers run gw gtpuctl link del gtpu1
expect_eq netns/devices-after-del "$(ip netns exec gw gtpuctl -j link show | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 2

# The same address in another namespace is another device
run - ip netns add gw2
run - ip link add veth-a netns gw2 type veth peer name veth-b netns pdn
run gw2 ip addr add 172.31.0.1/24 dev veth-a
run gw2 ip link set veth-a up
check netns/same-addr-other-netns run gw2 gtpuctl link add gtpu0 local 172.31.0.1
for i in $(seq 1 100); do
	echo "bearer add dev gtpu0 teid-in $i teid-out $i peer 172.31.0.9 ue 10.46.0.$i"
done > "$LOGDIR/b.txt"
check netns/bearers-in-gw2 run gw2 gtpuctl -batch "$LOGDIR/b.txt"
check netns/delete-netns-with-bearers run - ip netns del gw2
sleep 1
# gw's device still works after gw2 went away
expect_eq netns/gw-unaffected "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 1
# moving a gtpu device to another namespace is refused (its sockets live in gw)
expect_fail_msg netns/no-netns-move "" ip netns exec gw ip link set gtpu0 netns pdn
topo_down
