#!/bin/bash
# IPv6: a UE with an IPv6 /64 prefix (and an IPv4 address) over IPv4
# transport, and a UE over IPv6 transport (the device has a local IPv6
# address, the eNodeB an IPv6 peer address).  Ping both ways, exact counters,
# and the uplink source check by /64 prefix.
. "$(dirname "$0")/lib.sh"
export TOPO_IPV6=1

topo_up
for ns in enb gw pdn; do ip netns exec $ns sysctl -qw net.ipv6.conf.all.forwarding=1; done
run enb ip -6 addr add 2001:db8:31::2/64 dev veth-enb nodad
run gw ip -6 addr add 2001:db8:31::1/64 dev veth-s1 nodad
run gw ip -6 addr add 2001:db8:18::1/64 dev veth-sgi nodad
run pdn ip -6 addr add 2001:db8:18::2/64 dev veth-pdn nodad
run pdn ip -6 route add 2001:db8:45::/48 via 2001:db8:18::1

# gtpu0: IPv4 and IPv6 sockets; no IPv6 link-local chatter on it
run gw gtpuctl link add gtpu0 local 172.31.0.1 local6 2001:db8:31::1 || { tc_fail ipv6/dev-up; exit 1; }
run gw sysctl -qw net.ipv6.conf.gtpu0.disable_ipv6=0
run gw ip link set gtpu0 up
run gw ip route add 10.45.0.0/16 dev gtpu0
run gw ip -6 route add 2001:db8:45::/48 dev gtpu0

# UE 1: dual-stack inside, IPv4 outside
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 ue6 2001:db8:45:1::/64 || tc_fail ipv6/bearer-add-v4-outer
ip netns exec enb gtpu-peer tun --local 172.31.0.2 --remote 172.31.0.1 --dev ue1 \
	--teid-out 100 --teid-in 200 --log "$LOGDIR/ue1.log" &
echo $! > "$LOGDIR/ue1.pid"
wait_for 50 ip netns exec enb ip link show ue1
# no link-local address and no router solicitations from the UE's TUN
run enb sysctl -qw net.ipv6.conf.ue1.router_solicitations=0
run enb ip link set ue1 addrgenmode none
run enb sysctl -qw net.ipv6.conf.ue1.disable_ipv6=0
run enb ip -6 addr add 2001:db8:45:1::11/128 dev ue1 nodad
run enb ip link set ue1 up
run enb ip -6 route add 2001:db8:18::/64 dev ue1 src 2001:db8:45:1::11
check ipv6/ping6-v4-outer run enb ping -6 -c 3 -i 0.2 -W 3 -I 2001:db8:45:1::11 2001:db8:18::2
# 104 = 40 IPv6 + 8 ICMPv6 + 56
expect_eq ipv6/ul-bytes-v6-inner "$(bearer_stat gtpu0 100 ul_packets)/$(bearer_stat gtpu0 100 ul_bytes)" 3/312
expect_eq ipv6/dl-bytes-v6-inner "$(bearer_stat gtpu0 100 dl_packets)/$(bearer_stat gtpu0 100 dl_bytes)" 3/312
expect_eq ipv6/wire-v6-inner "$(grep -c '^rx flags=0x30 type=255 len=104 teid=200 inner=104$' "$LOGDIR/ue1.log")" 3
# another address in the same /64 is the same UE; outside it is spoofed
gtpu_send "$(pkt gpdu --teid 100 --src 2001:db8:45:1::99 --dst 2001:db8:18::2)"
expect_eq ipv6/same-prefix-accepted "$(bearer_stat gtpu0 100 ul_packets)" 4
# (the UE stack's own MLD reports from :: are dropped the same way: wait
# until they have stopped, then count exactly one more)
base=$(bearer_stat gtpu0 100 drop_bad_src)
for _ in $(seq 20); do
	sleep 1
	now=$(bearer_stat gtpu0 100 drop_bad_src)
	[ "$now" = "$base" ] && break
	base=$now
done
gtpu_send "$(pkt gpdu --teid 100 --src 2001:db8:45:2::1 --dst 2001:db8:18::2)"
expect_eq ipv6/other-prefix-dropped "$(bearer_stat gtpu0 100 drop_bad_src)" $((base + 1))
kill "$(cat "$LOGDIR/ue1.pid")"; wait "$(cat "$LOGDIR/ue1.pid")" 2>/dev/null

# UE 2: IPv4 inside, IPv6 outside
run gw gtpuctl bearer add dev gtpu0 teid-in 101 teid-out 201 peer 2001:db8:31::2 ue 10.45.0.12 ||
	tc_fail ipv6/bearer-add-v6-outer
ip netns exec enb gtpu-peer tun --local 2001:db8:31::2 --remote 2001:db8:31::1 --dev ue2 \
	--teid-out 101 --teid-in 201 --log "$LOGDIR/ue2.log" &
echo $! > "$LOGDIR/ue2.pid"
wait_for 50 ip netns exec enb ip link show ue2
run enb ip addr add 10.45.0.12/32 dev ue2
run enb ip link set ue2 up
run enb ip route add 198.18.0.0/24 dev ue2 src 10.45.0.12
check ipv6/ping-v6-outer run enb ping -c 3 -i 0.2 -W 3 -I 10.45.0.12 198.18.0.2
expect_eq ipv6/counters-v6-outer "$(bearer_stat gtpu0 101 ul_packets)/$(bearer_stat gtpu0 101 dl_packets)" 3/3
expect_eq ipv6/wire-v6-outer "$(grep -c '^rx flags=0x30 type=255 len=84 teid=201 inner=84$' "$LOGDIR/ue2.log")" 3
kill "$(cat "$LOGDIR/ue2.pid")"; wait "$(cat "$LOGDIR/ue2.pid")" 2>/dev/null
topo_down
