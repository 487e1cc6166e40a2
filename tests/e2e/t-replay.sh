#!/bin/bash
# A replayed uplink NAS message (the UE's last protected message sent
# again with the same NAS COUNT) is dropped by agwd (TS 33.401 8.1 replay
# protection): no answer, the UE stays registered, its traffic still flows.
# (The sleep lets the EMM Information that follows the Attach Complete
# arrive first: it is not an answer to the replay.)
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail replay/agwd-up; exit 1; }
check replay/subscribers subscribers 1
I0=001010000000001
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	{ \"op\": \"sleep\", \"ms\": 1000 },
	{ \"op\": \"replay_last_uplink\", \"window_ms\": 1500 },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1 },
	$(expect_step ue $I0 emm EMM-REGISTERED),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" } ]"
scenario "$LOGDIR/replay.json" "$(ues 1)" "$steps"
enbsim_run replay "$LOGDIR/replay.json"
expect_eq replay/dropped-logged "$(grep -c 'NAS dropped' "$LOGDIR/agwd.log")" 1
agwd_stop
check replay/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
