#!/bin/bash
# Hostile uplink input: spoofed inner source, unknown TEID, and malformed
# GTP-U (TS 29.281 5.1) are each dropped and counted under their own reason;
# the device keeps forwarding good packets afterwards.
. "$(dirname "$0")/lib.sh"

topo_up
gtpu_dev_up || { tc_fail drops/dev-up; exit 1; }
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 ue 10.45.0.11

gtpu_send "$(pkt gpdu --teid 100 --src 10.45.0.99)"
expect_eq drops/spoofed-src-bearer "$(bearer_stat gtpu0 100 drop_bad_src)" 1
expect_eq drops/spoofed-src-dev "$(dev_stat gtpu0 drop_bad_src)" 1
expect_eq drops/spoofed-not-delivered "$(bearer_stat gtpu0 100 ul_packets)" 0

gtpu_send "$(pkt gpdu --teid 999)"
expect_eq drops/unknown-teid "$(dev_stat gtpu0 drop_no_teid)" 1

m=0
malformed() { # NAME HEX
	gtpu_send "$2"
	m=$((m + 1))
	expect_eq "drops/malformed-$1" "$(dev_stat gtpu0 drop_malformed)" $m
}
malformed truncated-header 30ff00
malformed header-7-bytes 30ff0000000000
malformed version-2 "$(pkt gpdu --teid 100 --flags 0x50)"
malformed version-0 "$(pkt gpdu --teid 100 --flags 0x10)"
malformed pt-0-gtpprime "$(pkt gpdu --teid 100 --flags 0x20)"
malformed length-too-long "$(pkt gpdu --teid 100 --len-delta 10)"
malformed length-too-short "$(pkt gpdu --teid 100 --len-delta -4)"
malformed options-truncated 32ff0002000000640000
# extension header whose length runs past the packet
malformed ext-past-end "$(pkt gpdu --teid 100 --ext 08aabb00 --no-inner)"
# extension header with length 0
malformed ext-zero-len "$(pkt gpdu --teid 100 --ext 00000000 --no-inner)"
malformed empty-gpdu "$(pkt gpdu --teid 100 --no-inner)"

gtpu_send "$(pkt gpdu --teid 100 --type 99)"
expect_eq drops/unsupported-type "$(dev_stat gtpu0 drop_unsupported)" 1

# Nothing above was delivered; now good packets are, with and without
# optional fields and a PDU Session Container extension (TS 38.415).
expect_eq drops/none-delivered "$(bearer_stat gtpu0 100 ul_packets)" 0
gtpu_send "$(pkt gpdu --teid 100)"
gtpu_send "$(pkt gpdu --teid 100 --seq 77)"
gtpu_send "$(pkt gpdu --teid 100 --ext 01100500)"
gtpu_send "$(pkt gpdu --teid 100 --ext 0210050000000000)"
expect_eq drops/good-after-bad "$(bearer_stat gtpu0 100 ul_packets)" 4
expect_eq drops/malformed-unchanged "$(dev_stat gtpu0 drop_malformed)" $m
topo_down
