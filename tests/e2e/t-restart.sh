#!/bin/bash
# agwd killed with SIGKILL while 3 UEs are attached: gtpu.ko keeps their
# bearers (the SCTP association is gone, so enbsim's UEs fall back to
# ECM-IDLE); agwd restarts, reloads its state and reconciles it with the
# kernel; the eNB sets S1 up again, the UEs come back with a Service
# Request, ping through the same gtpu.ko, and detach normally.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail restart/agwd-up; exit 1; }
check restart/subscribers subscribers 3
K="$E2E_DIR/agwd-kill-restart"
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\", \"ues\": \"all\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"exec\", \"cmd\": \"$K kill-only\" },
	$(expect_step bearers 3),
	{ \"op\": \"check\", \"ues\": \"all\", \"state\": \"registered\", \"connected\": 0 },
	{ \"op\": \"exec\", \"cmd\": \"$K\" },
	$(expect_step registered 3),
	$(expect_step bearers 3),
	{ \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"service_request\", \"ues\": \"all\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"ping\", \"ue\": 2, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\", \"ues\": \"all\" },
	$(expect_step registered 0),
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/restart.json" "$(ues 3)" "$steps"
enbsim_run restart "$LOGDIR/restart.json"
# the restarted agwd found all three UEs and left their kernel bearers alone
expect_eq restart/reconciled "$(grep -c '3 UEs reloaded; datapath: 0 bearers re-added, 0 deleted' \
	"$LOGDIR/agwd.log")" 1
agwd_stop
check restart/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap-2.pcap"
