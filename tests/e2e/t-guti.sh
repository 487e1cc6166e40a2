#!/bin/bash
# GUTI reallocation (TS 24.301 5.4.1): agwctl ue guti-realloc sends a
# connected UE a new GUTI; the UE's next periodic TAUs use it (the second
# one, with "guti_realloc_every": 2, reallocates again and the S1 release
# waits for the complete); a service request by the newest S-TMSI works;
# the UE then loses its registration (idle, no detach) and attaches with
# the GUTI from before the first reallocation: unknown to agwd, so it runs
# the identity procedure (and drops the stale context); ping, detach.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail guti/agwd-up; exit 1; }
agwd_stop
sed -i 's/"relative_capacity": 255 }/"relative_capacity": 255, "guti_realloc_every": 2 }/' \
	"$LOGDIR/agwd.json"
agwd_start || { tc_fail guti/agwd-start; exit 1; }
check guti/subscribers subscribers 1
I0=001010000000001
ctl="ip netns exec gw agwctl -s $LOGDIR/agwd.sock"
realloc="{ \"op\": \"exec\", \"cmd\": \"$ctl ue guti-realloc $I0\" }"
# an idle UE cannot be sent a new GUTI: agwctl fails with a clear message
idle_refused="{ \"op\": \"exec\",
	\"cmd\": \"$ctl ue guti-realloc $I0 2>&1 | grep -q 'UE is idle'\" }"
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	{ \"op\": \"check\", \"guti_reallocs\": 0, \"identity_requests\": 0 },
	$(expect_step wait 5 ue $I0 emm_detail registered),
	$realloc,
	{ \"op\": \"sleep\", \"ms\": 500 },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1, \"guti_reallocs\": 1 },
	$(expect_step ue $I0 emm_detail registered),
	{ \"op\": \"idle\" },
	{ \"op\": \"tau\", \"type\": \"periodic\" },
	{ \"op\": \"sleep\", \"ms\": 500 },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 0, \"guti_reallocs\": 1 },
	$idle_refused,
	{ \"op\": \"tau\", \"type\": \"periodic\" },
	{ \"op\": \"sleep\", \"ms\": 500 },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 0, \"guti_reallocs\": 2 },
	{ \"op\": \"service_request\" },
	{ \"op\": \"check\", \"state\": \"registered\", \"connected\": 1, \"kenb_ok\": true },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"idle\" },
	{ \"op\": \"use_old_guti\" },
	{ \"op\": \"attach\" },
	{ \"op\": \"check\", \"state\": \"registered\", \"identity_requests\": 1 },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/guti.json" "$(ues 1)" "$steps"
enbsim_run guti "$LOGDIR/guti.json"
expect_fail_msg guti/unknown-imsi-refused "no UE context" agwctl_ ue guti-realloc $I0
agwd_stop
check guti/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
