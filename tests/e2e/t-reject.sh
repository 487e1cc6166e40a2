#!/bin/bash
# Failures: a USIM with the wrong K (its AUTN check fails: Authentication
# Failure #20, the network gives up: Authentication Reject) and an IMSI
# agwd does not know (Attach Reject #8, agwd's default
# nas.unknown_subscriber_cause); neither leaves a kernel bearer or a
# registered UE.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail reject/agwd-up; exit 1; }
check reject/subscribers subscribers 1
bad_k=000102030405060708090a0b0c0d0e0f
ues="[ { \"imsi\": \"$E2E_IMSI0\", \"k\": \"$bad_k\", \"opc\": \"$E2E_OPC\", \"apn\": \"internet\", \"enb\": 0 },
       { \"imsi\": \"001010000009999\", \"k\": \"$E2E_K\", \"opc\": \"$E2E_OPC\", \"apn\": \"internet\", \"enb\": 0 } ]"
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\", \"ue\": 0, \"expect\": \"auth_reject\" },
	{ \"op\": \"attach\", \"ue\": 1, \"expect\": \"reject\", \"cause\": 8 },
	{ \"op\": \"check\", \"ues\": \"all\", \"state\": \"deregistered\" },
	$(expect_step registered 0),
	$(expect_step bearers 0) ]"
scenario "$LOGDIR/reject.json" "$ues" "$steps"
enbsim_run reject "$LOGDIR/reject.json"
agwd_stop
check reject/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
