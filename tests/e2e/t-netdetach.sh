#!/bin/bash
# Network-initiated detach (agwctl detach IMSI): the UE answers the Detach
# Request, its context is deregistered and its kernel bearer deleted; the
# other UE is untouched and still pings.  (The wait: enbsim's attach step
# ends when the UEs sent Attach Complete; the detach is for registered UEs.)
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail netdetach/agwd-up; exit 1; }
check netdetach/subscribers subscribers 2
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\", \"ues\": \"all\" },
	$(expect_step wait 5 registered 2),
	{ \"op\": \"exec\", \"cmd\": \"ip netns exec gw agwctl -s $LOGDIR/agwd.sock detach $I0\" },
	{ \"op\": \"expect_detach\", \"ue\": 0 },
	{ \"op\": \"check\", \"ue\": 0, \"state\": \"deregistered\" },
	$(expect_step registered 1),
	$(expect_step bearers 1),
	{ \"op\": \"ping\", \"ue\": 1, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\", \"ue\": 1 },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/netdetach.json" "$(ues 2)" "$steps"
enbsim_run netdetach "$LOGDIR/netdetach.json"
agwd_stop
check netdetach/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
