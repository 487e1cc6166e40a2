#!/bin/bash
# X2 handover: two eNBs (172.31.0.2, 172.31.0.3); a UE attached on enb0
# moves to enb1 with a Path Switch Request; agwd answers with NH/NCC
# (checked by enbsim against KDF(KASME, ...)) and points the kernel bearer
# at enb1's address and TEID; the ping afterwards goes through enb1.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail handover/agwd-up; exit 1; }
check handover/subscribers subscribers 1
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"s1setup\", \"enb\": 1 },
	{ \"op\": \"attach\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	$(expect_step bearers 1 peer 172.31.0.2),
	{ \"op\": \"handover\", \"to_enb\": 1 },
	$(expect_step bearers 1 peer 172.31.0.3),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/ho.json" "$(ues 1)" "$steps"
enbsim_run handover "$LOGDIR/ho.json"
agwd_stop
check handover/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
