#!/bin/bash
# Dedicated bearers with traffic flow templates: one UE address carries a
# default and two dedicated bearers; downlink flows land on the bearer whose
# filter matches first by precedence (exact outer TEIDs at the eNodeB and
# exact per-bearer counters), else on the default bearer; IPv6 remote
# prefixes, ICMP and TOS filters; uplink on a dedicated TEID; two PDN
# connections of one UE; BEARER_MOD replacing a TFT; bad netlink input with
# its extack text; rmmod-safe teardown with TFT bearers installed.
. "$(dirname "$0")/lib.sh"
export TOPO_IPV6=1
# expect NAME "error EXXX: text" nlraw-args... (lib.sh nl_expect)
expect() { local name=$1; shift; nl_expect "tft/$name" "$@"; }

# dl SRC DST SPORT DPORT [TOS]: one UDP datagram from the PDN host
dl() {
	run pdn python3 -c '
import socket, sys
src, dst, sp, dp, tos = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5], 0)
v6 = ":" in dst
s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_DGRAM)
if v6:
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_TCLASS, tos)
else:
    s.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, tos)
s.bind((src, sp))
s.sendto(b"tft", (dst, dp))
' "$1" "$2" "$3" "$4" "${5:-0}"
}

# wire TEID: G-PDUs the eNodeB received with this TEID
wire() { grep -c " teid=$1 inner=" "$LOGDIR/ue1.log"; }

# bj TEID EXPR: a Python expression on bearer b of gtpuctl -j bearer show
bj() {
	ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid "$1" |
		python3 -c 'import json,sys; d=json.load(sys.stdin); b=d[0] if isinstance(d,list) else d; print(eval(sys.argv[1]))' "$2"
}

# dlp TEID: downlink packets counted on a bearer
dlp() { bearer_stat gtpu0 "$1" dl_packets; }

topo_up
for ns in enb gw pdn; do ip netns exec $ns sysctl -qw net.ipv6.conf.all.forwarding=1; done
run gw ip -6 addr add 2001:db8:18::1/64 dev veth-sgi nodad
run pdn ip -6 addr add 2001:db8:18::2/64 dev veth-pdn nodad
run pdn ip -6 addr add 2001:db8:19::2/64 dev veth-pdn nodad
run pdn ip -6 route add 2001:db8:45::/48 via 2001:db8:18::1
run pdn ip addr add 198.18.0.3/24 dev veth-pdn
run pdn ip route add 10.46.0.0/16 via 198.18.0.1
gtpu_dev_up || { tc_fail tft/dev-up; exit 1; }
run gw sysctl -qw net.ipv6.conf.gtpu0.disable_ipv6=0
run gw ip route add 10.46.0.0/16 dev gtpu0
run gw ip -6 route add 2001:db8:45::/48 dev gtpu0
IDX=$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)

# PDN 1 (10.45.0.11 + 2001:db8:45:1::/64): default 100/200, dedicated
# 101/201 (remote UDP ports 5000-5010) and 102/202 (UE port 6000, ICMP, TOS)
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 ue6 2001:db8:45:1::/64 ebi 5 || tc_fail tft/add-default
check tft/add-dedicated-1 run gw gtpuctl bearer add dev gtpu0 teid-in 101 teid-out 201 \
	peer 172.31.0.2 ue 10.45.0.11 ue6 2001:db8:45:1::/64 ebi 6 \
	tft "id 1 prec 10 dir dl proto udp rport 5000-5010; id 2 prec 11 dir ul proto udp"
check tft/add-dedicated-2 run gw gtpuctl bearer add dev gtpu0 teid-in 102 teid-out 202 \
	peer 172.31.0.2 ue 10.45.0.11 ue6 2001:db8:45:1::/64 ebi 7 \
	tft "id 1 prec 20 dir both proto udp lport 6000; id 2 prec 30 dir dl proto icmp; id 3 prec 40 dir dl tos 0xb8/0xfc; id 4 prec 50 dir dl remote 2001:db8:19::/64"
# PDN 2 of the same UE (10.46.0.11): default 110/210, dedicated 111/211
run gw gtpuctl bearer add dev gtpu0 teid-in 110 teid-out 210 peer 172.31.0.2 \
	ue 10.46.0.11 ebi 8 || tc_fail tft/add-pdn2-default
check tft/add-pdn2-dedicated run gw gtpuctl bearer add dev gtpu0 teid-in 111 teid-out 211 \
	peer 172.31.0.2 ue 10.46.0.11 ebi 9 tft "id 1 prec 10 dir dl remote 198.18.0.3/32"

ip netns exec enb gtpu-peer tun --local 172.31.0.2 --remote 172.31.0.1 --dev ue1 \
	--map 100:200:10.45.0.11 --map 100:201:10.45.0.11 --map 100:202:10.45.0.11 \
	--map 110:210:10.46.0.11 --map 110:211:10.46.0.11 --log "$LOGDIR/ue1.log" &
echo $! > "$LOGDIR/ue1.pid"
wait_for 50 ip netns exec enb ip link show ue1
run enb sysctl -qw net.ipv6.conf.ue1.disable_ipv6=1
run enb ip addr add 10.45.0.11/32 dev ue1
run enb ip addr add 10.46.0.11/32 dev ue1
run enb ip link set ue1 up
run enb ip route add 198.18.0.0/24 dev ue1 src 10.45.0.11

# show: text and JSON carry the filters
out=$(ip netns exec gw gtpuctl bearer show dev gtpu0 teid 101)
echo "$out" >&2
expect_eq tft/show-text "$(printf '%s' "$out" | grep -o 'tft "[^"]*"')" \
	'tft "id 1 prec 10 dir dl proto udp rport 5000-5010; id 2 prec 11 dir ul proto udp"'
expect_eq tft/show-json "$(bj 102 '[len(b["tft"]), b["tft"][0]["lport"], b["tft"][2]["tos"], b["tft"][2]["tos_mask"], b["tft"][3]["remote"]]')" \
	"[4, '6000-6000', 184, 252, '2001:db8:19::/64']"
expect_eq tft/show-default-no-tft "$(bj 100 '"tft" in b')" False

# flow NAME TEID dl-args...: one downlink datagram must reach the eNodeB
# with outer TEID TEID (and no other TEID must see it)
flow() {
	local name=$1 teid=$2 before all_before all_after; shift 2
	before=$(wire "$teid")
	all_before=$(grep -c ' inner=' "$LOGDIR/ue1.log")
	dl "$@"
	wait_for 30 test "$(wire "$teid")" -gt "$before"
	all_after=$(grep -c ' inner=' "$LOGDIR/ue1.log")
	expect_eq "tft/$name" "$(( $(wire "$teid") - before ))/$(( all_after - all_before ))" 1/1
}

flow no-match-default 200 198.18.0.2 10.45.0.11 4000 7000
flow rport-range 201 198.18.0.2 10.45.0.11 5005 7000
flow lport 202 198.18.0.2 10.45.0.11 4000 6000
flow overlap-precedence 201 198.18.0.2 10.45.0.11 5010 6000
flow rport-outside 200 198.18.0.2 10.45.0.11 5011 7000
flow tos-mask 202 198.18.0.2 10.45.0.11 4000 7000 0xba
flow tos-other 200 198.18.0.2 10.45.0.11 4000 7000 0x20
# ICMP: bearer 102 (prec 30); the UE answers on its default bearer
check tft/ping-dl run pdn ping -c 2 -i 0.3 -W 3 10.45.0.11
flow v6-remote-prefix 202 2001:db8:19::2 2001:db8:45:1::11 4000 7000
flow v6-default 200 2001:db8:18::2 2001:db8:45:1::11 4000 7000
flow v6-rport 201 2001:db8:18::2 2001:db8:45:1::11 5001 7000
flow pdn2-dedicated 211 198.18.0.3 10.46.0.11 4000 7000
flow pdn2-default 210 198.18.0.2 10.46.0.11 4000 7000
sleep 0.5

expect_eq tft/dl-default "$(dlp 100)/$(wire 200)" 4/4
expect_eq tft/dl-dedicated-1 "$(dlp 101)/$(wire 201)" 3/3
expect_eq tft/dl-dedicated-2 "$(dlp 102)/$(wire 202)" 5/5
expect_eq tft/dl-pdn2 "$(dlp 110)/$(wire 210)/$(dlp 111)/$(wire 211)" 1/1/1/1
expect_eq tft/dl-no-bearer-drops "$(dev_stat gtpu0 drop_no_bearer)" 0

# uplink on a dedicated TEID is delivered (source check as for any bearer)
gtpu_send "$(pkt gpdu --teid 101 --src 10.45.0.11 --dst 198.18.0.2)"
gtpu_send "$(pkt gpdu --teid 102 --src 10.45.0.12 --dst 198.18.0.2)"
sleep 0.5
expect_eq tft/ul-dedicated "$(bearer_stat gtpu0 101 ul_packets)" 1
expect_eq tft/ul-dedicated-bad-src "$(bearer_stat gtpu0 102 drop_bad_src)" 1

# the one-default and distinct-precedence rules
expect_fail_msg tft/second-default "UE address already bound" ip netns exec gw \
	gtpuctl bearer add dev gtpu0 teid-in 105 teid-out 205 peer 172.31.0.2 ue 10.45.0.11
expect_fail_msg tft/prec-used "packet filter precedence already used on this UE address" \
	ip netns exec gw gtpuctl bearer add dev gtpu0 teid-in 105 teid-out 205 \
	peer 172.31.0.2 ue 10.45.0.11 tft "id 1 prec 20 dir dl proto tcp"
expect_fail_msg tft/mod-to-default "UE address already bound" ip netns exec gw \
	gtpuctl bearer mod dev gtpu0 teid-in 101 tft none
expect_fail_msg tft/mod-prec-used "packet filter precedence already used on this UE address" \
	ip netns exec gw gtpuctl bearer mod dev gtpu0 teid-in 101 tft "id 1 prec 30 dir dl"
# rejected requests changed nothing: 101 still has its TFT
expect_eq tft/mod-rejected-kept "$(bj 101 'len(b["tft"])')" 2

# BEARER_MOD replaces the whole list: 101 now takes remote ports 9000-9001
check tft/mod-replace run gw gtpuctl bearer mod dev gtpu0 teid-in 101 \
	tft "id 3 prec 12 dir dl proto udp rport 9000-9001"
dl 198.18.0.2 10.45.0.11 5005 7000
dl 198.18.0.2 10.45.0.11 9001 7000
sleep 0.5
expect_eq tft/mod-replace-dl "$(dlp 100)/$(dlp 101)" 5/4

# deleting a dedicated bearer: its flow goes to the default bearer
run gw gtpuctl bearer del dev gtpu0 teid-in 101
dl 198.18.0.2 10.45.0.11 9001 7000
sleep 0.5
expect_eq tft/del-falls-back "$(dlp 100)/$(wire 200)" 6/6

# deleting the default: the dedicated bearer stays, unmatched downlink is
# dropped as DROP_NO_BEARER.  (Bearer 102 may also have carried the PDN
# host's ICMP error for the uplink datagram above: count from here.)
run gw gtpuctl bearer del dev gtpu0 teid-in 100
base=$(dlp 102)
dl 198.18.0.2 10.45.0.11 4000 7000
dl 198.18.0.2 10.45.0.11 4000 6000
sleep 0.5
expect_eq tft/no-default-drop "$(dev_stat gtpu0 drop_no_bearer)/$(( $(dlp 102) - base ))" 1/1
# a default bearer may come back; a dedicated one may turn into it
check tft/mod-to-default-ok run gw gtpuctl bearer mod dev gtpu0 teid-in 102 tft none
dl 198.18.0.2 10.45.0.11 4000 7000
sleep 0.5
expect_eq tft/mod-to-default-dl "$(( $(dlp 102) - base ))" 2

# bad netlink input (GTPU_BEARER_A_TFT 18, GTPU_TFT_A_FILTER 1; filter:
# 1 id, 2 prec, 3 dir, 4 proto, 5 remote4, 6 mask4, 7 remote6, 8 plen6,
# 9/10 lport lo/hi, 11/12 rport lo/hi, 13 tos, 14 tos mask, 15 spi, 16 flow)
B="1:u32:120 2:u32:220 3:ip4:172.31.0.2 5:ip4:10.47.0.11"
F="1:u8:1 2:u8:10 3:u8:1"
expect bad-dir "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ 1:u8:1 2:u8:10 3:u8:4 ] ] ]
expect bad-id "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ 1:u8:16 2:u8:10 3:u8:1 ] ] ]
expect no-prec "error EINVAL: filter needs ID, PRECEDENCE and DIRECTION" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ 1:u8:1 3:u8:1 ] ] ]
expect port-range "error EINVAL: port range start above its end" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 11:u16:10 12:u16:9 ] ] ]
expect port-hi-only "error EINVAL: port range end without start" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 10:u16:10 ] ] ]
expect plen-range "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 7:ip6:2001:db8:: 8:u8:129 ] ] ]
expect host-bits6 "error EINVAL: remote prefix has host bits set" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 7:ip6:2001:db8::1 8:u8:64 ] ] ]
expect mask-bits4 "error EINVAL: remote address has bits outside its mask" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 5:ip4:10.0.0.1 6:ip4:255.255.255.0 ] ] ]
expect mask-alone "error EINVAL: REMOTE_IP4_MASK without REMOTE_IP4" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 6:ip4:255.255.255.0 ] ] ]
expect two-remotes "error EINVAL: give REMOTE_IP4 or REMOTE_IP6, not both" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 5:ip4:10.0.0.1 7:ip6:2001:db8::1 ] ] ]
expect flow-range "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 16:u32:0x100000 ] ] ]
expect flow-v4 "error EINVAL: FLOW_LABEL with an IPv4 remote address" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 5:ip4:10.0.0.1 16:u32:5 ] ] ]
expect tos-mask-alone "error EINVAL: TOS_MASK without TOS" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 14:u8:252 ] ] ]
expect unknown-attr "error EINVAL" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F 17:u8:1 ] ] ]
expect dup-id "error EINVAL: duplicate packet filter ID" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F ] 1:nest:[ 1:u8:1 2:u8:11 3:u8:1 ] ] ]
expect dup-prec "error EINVAL: duplicate packet filter precedence" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ 1:nest:[ $F ] 1:nest:[ 1:u8:2 2:u8:10 3:u8:1 ] ] ]
many=""
for i in $(seq 17); do many="$many 1:nest:[ 1:u8:$(( (i - 1) % 15 + 1 )) 2:u8:$i 3:u8:1 ]"; done
expect too-many "error E2BIG: too many packet filters (GTPU_TFT_FILTERS_MAX)" 1 1:u32:$IDX 3:nest:[ $B 18:nest:[ $many ] ]
expect_eq tft/bad-input-nothing-added "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 120 2>/dev/null)" ""

# gtpuctl's own syntax checks
expect_fail_msg tft/ctl-bad-dir 'dir must be dl, ul or both' ip netns exec gw gtpuctl \
	bearer add dev gtpu0 teid-in 121 teid-out 221 peer 172.31.0.2 ue 10.47.0.12 tft "id 1 prec 1 dir up"

peer_down ue1
# rmmod with TFT bearers installed (the runner then checks dmesg)
run gw gtpuctl bearer add dev gtpu0 teid-in 130 teid-out 230 peer 172.31.0.2 \
	ue 10.48.0.1 tft "id 1 prec 1 dir dl proto udp" || tc_fail tft/add-last
check tft/rmmod-with-tft run - rmmod gtpu
check tft/reinsmod run - insmod "$VM_GTPU_KO"
topo_down
