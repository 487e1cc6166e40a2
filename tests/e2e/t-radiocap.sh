#!/bin/bash
# A UE radio capability of 25 KB (a UE with many carrier-aggregation band
# combinations; 16K and more is an APER fragmented length, X.691 10.9.3.8)
# through agwd: the UE attaches and reports it in UE Capability Info
# Indication, agwd decodes and keeps it, the UE goes idle and comes back with
# a Service Request, and the Initial Context Setup Request agwd sends then
# carries the capability back octet for octet (enbsim compares it: check
# radio_cap_back).  tshark reads agwd's capture: the capability in both
# directions, 25000 octets each, nothing malformed.
. "$(dirname "$0")/lib.sh"

CAP=25000
agwd_up || { tc_fail radiocap/agwd-up; exit 1; }
check radiocap/subscribers subscribers 1
I0=001010000000001
ues="[ { \"imsi\": \"$I0\", \"k\": \"$E2E_K\", \"opc\": \"$E2E_OPC\", \"apn\": \"internet\",
	 \"enb\": 0, \"tun\": \"ue0\", \"radio_cap_size\": $CAP } ]"
steps="[ { \"op\": \"s1setup\", \"enb\": 0 },
	{ \"op\": \"attach\", \"ues\": \"all\" },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 1 },
	{ \"op\": \"idle\", \"ues\": \"all\" },
	$(expect_step ue $I0 ecm ECM-IDLE),
	{ \"op\": \"service_request\", \"ues\": \"all\" },
	{ \"op\": \"check\", \"ues\": \"all\", \"connected\": 1, \"radio_cap_back\": true },
	{ \"op\": \"ping\", \"ue\": 0, \"dst\": \"198.18.0.2\", \"count\": 1 },
	{ \"op\": \"detach\", \"ues\": \"all\" } ]"
scenario "$LOGDIR/radiocap.json" "$ues" "$steps"
enbsim_run radiocap "$LOGDIR/radiocap.json"
agwd_stop
check radiocap/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"

# UERadioCapability of UE Capability Info Indication (22) and of the
# Initial Context Setup Request (9) after the service request: same octets
caps() {
	tshark -o nas-eps.null_decipher:FALSE -r "$LOGDIR/s1ap.pcap" \
		-Y "s1ap.procedureCode == $1 && s1ap.initiatingMessage_element" \
		-T fields -e s1ap.UERadioCapability 2>/dev/null | grep -v '^$'
}
cap_sizes_ok() {
	local ind ics
	ind=$(caps 22 | head -n 1)
	ics=$(caps 9 | tail -n 1)
	echo "  UERadioCapability: indication ${#ind} hex digits, ICS Request ${#ics}" >&2
	[ ${#ind} -eq $((2 * CAP)) ] && [ "$ind" = "$ics" ]
}
check radiocap/tshark-capability-25k cap_sizes_ok
