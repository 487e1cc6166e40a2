#!/bin/bash
# Path MTU of the tunnel: the S1 link (veth-s1) gets MTU 1200 while gtpu0
# keeps 1464, so a 1328-byte downlink packet (ping -s 1300) does not fit
# once encapsulated (1328 + 8 + 8 + 20 = 1364).  With DF the sender gets
# ICMP Fragmentation Needed with mtu 1200 - 36 = 1164 (RFC 1191) and the
# packet is counted in drop_too_big; without DF it goes out in outer
# fragments; a packet that fits is sent as usual.
. "$(dirname "$0")/lib.sh"

topo_up
gtpu_dev_up || { tc_fail pmtu/dev-up; exit 1; }
run gw ip link set veth-s1 mtu 1200
run enb ip link set veth-enb mtu 1200
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 ue 10.45.0.11
expect_eq pmtu/dev-mtu "$(ip netns exec gw cat /sys/class/net/gtpu0/mtu)" 1464

out=$(run pdn ping -M do -c 1 -W 2 -s 1300 10.45.0.11 2>&1)
echo "$out" >&2
check pmtu/frag-needed grep -q 'Frag needed and DF set (mtu = 1164)' <<<"$out"
expect_eq pmtu/route-mtu "$(ip netns exec pdn ip route get 10.45.0.11 | grep -o 'mtu [0-9]*')" "mtu 1164"
expect_eq pmtu/counted "$(dev_stat gtpu0 drop_too_big)/$(bearer_stat gtpu0 100 dl_packets)" 1/0

# without DF (and without the learnt PMTU, which would make pdn fragment the
# inner packet itself): sent whole, in outer fragments
run pdn ip route flush cache
run pdn ping -M dont -c 1 -W 1 -s 1300 10.45.0.11 >/dev/null 2>&1
expect_eq pmtu/no-df-sent "$(dev_stat gtpu0 drop_too_big)/$(bearer_stat gtpu0 100 dl_packets)/$(bearer_stat gtpu0 100 dl_bytes)" 1/1/1328
# fits: sent
run pdn ping -M do -c 1 -W 1 -s 1100 10.45.0.11 >/dev/null 2>&1
expect_eq pmtu/fits "$(dev_stat gtpu0 drop_too_big)/$(bearer_stat gtpu0 100 dl_packets)" 1/2
run gw gtpuctl link del gtpu0
topo_down
