#!/bin/bash
# Key flow 2 (network side): a UE goes idle; its bearer stays in gtpu.ko in
# the idle state; a ping from the PDN host to the UE is queued by the
# kernel, whose downlink-data event makes agwd page the UE; the UE answers
# with a Service Request, the Initial Context Setup makes the bearer active
# and the queued echo request reaches the UE: the ping gets its reply.
# (The route in ns enb sends the UE's echo reply back through its TUN: UE
# TUNs have addresses but no routes of their own.)
# Needs a gtpu.ko with idle bearers (family version 2): with an older one
# this prints "SKIP paging: ..." and reports no case.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail paging/agwd-up; exit 1; }
# probe: can the kernel put a bearer in the idle state?
ip netns exec gw gtpuctl bearer add dev gtpu0 teid-in 0xfffffff0 teid-out 1 peer 172.31.0.9 \
	ue 10.99.0.1 >/dev/null 2>&1
if ! ip netns exec gw gtpuctl bearer idle dev gtpu0 teid-in 0xfffffff0 >/dev/null 2>&1; then
	echo "SKIP paging: gtpu.ko has no idle bearers (no downlink-data event)"
	exit 0
fi
ip netns exec gw gtpuctl bearer del dev gtpu0 teid-in 0xfffffff0
check paging/subscribers subscribers 1
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 1 },
	{ \"op\": \"exec\", \"cmd\": \"ip route add 198.18.0.2/32 dev ue0\" },
	{ \"op\": \"idle\" },
	$(expect_step ue $I0 ecm ECM-IDLE),
	$(expect_step bearers 1),
	{ \"op\": \"exec\", \"cmd\": \"ip netns exec pdn ping -n -c 1 -W 10 10.45.0.2\" },
	{ \"op\": \"expect_paging\", \"service_request\": true },
	$(expect_step ue $I0 ecm ECM-CONNECTED),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/paging.json" "$(ues 1)" "$steps"
enbsim_run paging "$LOGDIR/paging.json"
agwd_stop
check paging/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
