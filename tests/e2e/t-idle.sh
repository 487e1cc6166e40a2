#!/bin/bash
# Key flow 2 (UE side): two UEs attach, ping, go idle (UE Context Release:
# ECM-IDLE in agwd, their bearers idle in gtpu.ko), come back with a
# Service Request (Initial Context Setup: ECM-CONNECTED, bearers active
# again), ping again, detach.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail idle/agwd-up; exit 1; }
check idle/subscribers subscribers 2
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\", \"ues\": \"all\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"idle\", \"ues\": \"all\" },
	{ \"op\": \"check\", \"ues\": \"all\", \"state\": \"registered\", \"connected\": 0 },
	$(expect_step ue $I0 ecm ECM-IDLE),
	$(expect_step ue $I0 emm EMM-REGISTERED),
	{ \"op\": \"service_request\", \"ues\": \"all\" },
	{ \"op\": \"check\", \"ues\": \"all\", \"state\": \"registered\", \"connected\": 1, \"kenb_ok\": true },
	$(expect_step ue $I0 ecm ECM-CONNECTED),
	$(expect_step bearers 2 peer 172.31.0.2),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"ping\", \"ue\": 1, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\", \"ues\": \"all\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/idle.json" "$(ues 2)" "$steps"
enbsim_run idle "$LOGDIR/idle.json"
agwd_stop
check idle/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
