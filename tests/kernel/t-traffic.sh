#!/bin/bash
# Uplink and downlink through gtpu0 (topology in lib.sh): ping and UDP in both
# directions; the GTP-U headers on the wire (as the eNodeB peer sees them) and
# the per-bearer and per-device counters are checked exactly.
. "$(dirname "$0")/lib.sh"

topo_up
gtpu_dev_up || { tc_fail traffic/dev-up; exit 1; }
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 ebi 5 cookie 0x1234 || { tc_fail traffic/bearer-add; exit 1; }
peer_up ue1 100 200 10.45.0.11

# 3 echo requests of 84 bytes (20 IP + 8 ICMP + 56 data) each way
check traffic/ping run enb ping -c 3 -i 0.2 -W 3 -I 10.45.0.11 198.18.0.2
expect_eq traffic/bearer-ul-packets "$(bearer_stat gtpu0 100 ul_packets)" 3
expect_eq traffic/bearer-ul-bytes "$(bearer_stat gtpu0 100 ul_bytes)" 252
expect_eq traffic/bearer-dl-packets "$(bearer_stat gtpu0 100 dl_packets)" 3
expect_eq traffic/bearer-dl-bytes "$(bearer_stat gtpu0 100 dl_bytes)" 252

# What the eNodeB received: version 1, PT 1, no options (0x30), G-PDU (255),
# length = inner packet (84), TEID = the bearer's remote TEID (200).
expect_eq traffic/wire-headers "$(grep -c '^rx flags=0x30 type=255 len=84 teid=200 inner=84$' "$LOGDIR/ue1.log")" 3
expect_eq traffic/wire-no-bad "$(grep -c '^bad' "$LOGDIR/ue1.log")" 0

# UDP uplink: 5 payload bytes -> 33-byte inner packet
udp_recv_start pdn 198.18.0.2 9000 "$LOGDIR/ul.txt"
udp_send enb 198.18.0.2 9000 hello
udp_recv_wait
expect_eq traffic/udp-ul-delivered "$(cat "$LOGDIR/ul.txt" 2>/dev/null)" "10.45.0.11 hello"
expect_eq traffic/udp-ul-bytes "$(bearer_stat gtpu0 100 ul_bytes)" $((252 + 33))

# UDP downlink: 7 payload bytes -> 35-byte inner packet
udp_recv_start enb 10.45.0.11 9001 "$LOGDIR/dl.txt"
udp_send pdn 10.45.0.11 9001 goodbye
udp_recv_wait
expect_eq traffic/udp-dl-delivered "$(cat "$LOGDIR/dl.txt" 2>/dev/null)" "198.18.0.2 goodbye"
expect_eq traffic/udp-dl-bytes "$(bearer_stat gtpu0 100 dl_bytes)" $((252 + 35))
expect_eq traffic/wire-udp-dl "$(grep -c '^rx flags=0x30 type=255 len=35 teid=200 inner=35$' "$LOGDIR/ue1.log")" 1

# Device totals equal the bearer's, nothing dropped
expect_eq traffic/dev-ul-packets "$(dev_stat gtpu0 ul_packets)" 4
expect_eq traffic/dev-dl-packets "$(dev_stat gtpu0 dl_packets)" 4
expect_eq traffic/dev-drops "$(dev_stat gtpu0 drop_malformed)/$(dev_stat gtpu0 drop_no_teid)/$(dev_stat gtpu0 drop_bad_src)" 0/0/0

# Downlink to a UE address with no bearer is dropped and counted
udp_send pdn 10.45.0.99 9 x
expect_eq traffic/dl-no-bearer "$(dev_stat gtpu0 drop_no_bearer)" 1

# Handover: the remote TEID changes; downlink now carries TEID 201
run gw gtpuctl bearer mod dev gtpu0 teid-in 100 teid-out 201
udp_send pdn 10.45.0.11 9002 moved
sleep 0.5
expect_eq traffic/mod-teid-out "$(grep -c 'teid=201' "$LOGDIR/ue1.log")" 1

peer_down ue1
run gw gtpuctl bearer del dev gtpu0 teid-in 100
expect_eq traffic/bearer-deleted "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0)" "[]"
# traffic of deleted bearers stays in the device totals
expect_eq traffic/dev-ul-after-del "$(dev_stat gtpu0 ul_packets)" 4
run gw gtpuctl link del gtpu0
topo_down
