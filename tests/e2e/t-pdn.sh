#!/bin/bash
# A second PDN connection (APN ims, pool 10.46.0.0/16, QCI 5): one more
# default bearer in agwd and in gtpu.ko, then PDN disconnect removes it and
# the internet PDN keeps working.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail pdn/agwd-up; exit 1; }
check pdn/subscribers subscribers 1
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	$(expect_step ue $I0 pdns 1),
	{ \"op\": \"pdn_connect\", \"apn\": \"ims\" },
	$(expect_step ue $I0 pdns 2),
	$(expect_step bearers 2),
	{ \"op\": \"pdn_disconnect\", \"apn\": \"ims\" },
	$(expect_step ue $I0 pdns 1),
	$(expect_step bearers 1),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/pdn.json" "$(ues 1)" "$steps"
enbsim_run pdn "$LOGDIR/pdn.json"
agwd_stop
check pdn/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
