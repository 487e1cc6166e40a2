#!/bin/bash
# Tracking area update: a connected UE sends a normal TAU (accepted on the
# same S1 connection), goes idle, sends a periodic TAU from idle (accepted,
# the S1 connection released again), then pings (its uplink packet starts a
# service request) and detaches.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail tau/agwd-up; exit 1; }
check tau/subscribers subscribers 1
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	{ \"op\": \"tau\", \"type\": \"normal\" },
	$(expect_step ue $I0 emm EMM-REGISTERED),
	{ \"op\": \"idle\" },
	{ \"op\": \"tau\", \"type\": \"periodic\" },
	{ \"op\": \"check\", \"state\": \"registered\" },
	$(expect_step ue $I0 emm EMM-REGISTERED),
	{ \"op\": \"service_request\" },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1, \"kenb_ok\": true },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/tau.json" "$(ues 1)" "$steps"
enbsim_run tau "$LOGDIR/tau.json"
agwd_stop
check tau/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
