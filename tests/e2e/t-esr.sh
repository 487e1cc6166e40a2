#!/bin/bash
# Extended service request (TS 24.301 5.6.1, 8.2.15) to an EPS-only MME:
# an idle UE sends one for "packet services via S1" (its bearers come back
# with an Initial Context Setup, the ping is answered), goes idle, sends
# one for mobile originating CS fallback (Service Reject #18 "CS domain not
# available", the UE stays registered and idle), then comes back with a
# plain service request and detaches.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail esr/agwd-up; exit 1; }
check esr/subscribers subscribers 1
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	{ \"op\": \"idle\" },
	$(expect_step ue $I0 ecm ECM-IDLE),
	{ \"op\": \"ext_service_request\", \"service_type\": \"packet\" },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1, \"kenb_ok\": true },
	$(expect_step ue $I0 ecm ECM-CONNECTED),
	$(expect_step bearers 1 peer 172.31.0.2),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"idle\" },
	{ \"op\": \"ext_service_request\", \"service_type\": \"mo_csfb\",
	  \"expect\": \"reject\", \"cause\": 18 },
	{ \"op\": \"sleep\", \"ms\": 300 },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 0 },
	$(expect_step ue $I0 emm EMM-REGISTERED),
	$(expect_step ue $I0 ecm ECM-IDLE),
	{ \"op\": \"ext_service_request\", \"service_type\": \"mt_csfb\",
	  \"expect\": \"reject\", \"cause\": 18 },
	{ \"op\": \"sleep\", \"ms\": 300 },
	{ \"op\": \"service_request\" },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1, \"kenb_ok\": true },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/esr.json" "$(ues 1)" "$steps"
enbsim_run esr "$LOGDIR/esr.json"
agwd_stop
check esr/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
