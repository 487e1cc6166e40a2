#!/bin/bash
# Key flow 3: a policy rule added with agwctl for an attached UE becomes a
# dedicated bearer (E-RAB Setup + Activate Dedicated EPS Bearer Context
# Request, accepted by the UE) with the rule's QoS, and a second kernel
# bearer on the UE's address carrying the rule's TFT: downlink UDP from the
# rule's peer port goes out on the dedicated bearer (its counters), other
# traffic (ping) on the default one.  Deleting the rule deactivates the
# bearer and removes it from gtpu.ko.
# (The sleep: agwd marks the bearer active when the UE's NAS accept, which
# travels apart from the E-RAB Setup Response, has been processed.)
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail policy/agwd-up; exit 1; }
check policy/subscribers subscribers 1
I0=001010000000001
cat > "$LOGDIR/policy-add" <<SH
#!/bin/sh
exec ip netns exec gw agwctl -s $LOGDIR/agwd.sock policy add $I0 apn internet name video \\
	qci 2 arp 5 mbr_ul 1000000 mbr_dl 2000000 gbr_ul 500000 gbr_dl 1000000 \\
	tft "permit out udp from any to 198.18.0.2 5004; permit in udp from 198.18.0.2 5004 to any"
SH
cat > "$LOGDIR/policy-del" <<SH
#!/bin/sh
exec ip netns exec gw agwctl -s $LOGDIR/agwd.sock policy del $I0 name video
SH
chmod +x "$LOGDIR/policy-add" "$LOGDIR/policy-del"
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\" },
	$(expect_step wait 5 ue $I0 emm_detail registered),
	{ \"op\": \"exec\", \"cmd\": \"$LOGDIR/policy-add\" },
	{ \"op\": \"expect_dedicated_bearer\" },
	{ \"op\": \"sleep\", \"ms\": 1000 },
	{ \"op\": \"exec\", \"cmd\": \"ip netns exec gw agwctl -s $LOGDIR/agwd.sock ue show $I0\" },
	$(expect_step bearers 2),
	$(expect_step udp_dl $I0 5004 40000 5),
	$(expect_step bearer_dl 6 5),
	$(expect_step bearer_dl 5 0),
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 2 },
	$(expect_step bearer_dl 5 2),
	$(expect_step bearer_dl 6 5),
	{ \"op\": \"exec\", \"cmd\": \"$LOGDIR/policy-del\" },
	{ \"op\": \"expect_bearer_release\" },
	{ \"op\": \"sleep\", \"ms\": 500 },
	$(expect_step bearers 1),
	{ \"op\": \"detach\" },
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/policy.json" "$(ues 1)" "$steps"
enbsim_run policy "$LOGDIR/policy.json"
# the dedicated bearer as agwd showed it while it existed
expect_eq policy/dedicated-bearer "$(grep -c 'bearer ebi 6 active qci 2 arp 5 .* mbr 1000000/2000000 gbr 500000/1000000 policy video' "$LOGDIR/policy.out")" 1
agwd_stop
check policy/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
