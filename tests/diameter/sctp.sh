#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Diameter over SCTP (RFC 6733 2.1), inside the QEMU guest (the host has no
# SCTP): a diamsim client connects to a diamsim HSS over an SCTP
# association that is multi-homed on two loopback addresses, runs CER/CEA
# (every local address of the association in Host-IP-Address), DWR/DWA and
# an S6a AIR, and sees the HSS's DPR when it stops.
#   scripts/vm run --no-gtpu -- tests/diameter/sctp.sh
. "$(dirname "$0")/lib.sh"

[ -x "$DIAMSIM" ] || { echo "SKIP diameter sctp: diamsim not built"; exit 77; }
ip link set lo up 2>/dev/null
K=465b5ce8b199b49faa5f0a2ee238a6bc OPC=cd63cb71954a9f4e48a5994e37a02baf

sim_conf hss hss.core core "$(jq -n --arg k $K --arg opc $OPC '{
	accept_unknown: true, timers: {tw_ms: 1000, tw_jitter_ms: 100},
	listen: [{address: "0.0.0.0", port: 3868, transport: "sctp"}],
	hss: {subscribers: [{imsi: "001010000000001", k: $k, opc: $opc, apns: [{apn: "internet"}]}]}}')"
sim_conf client mme.agw agw '{
	"timers": {"tw_ms": 1000, "tw_jitter_ms": 100, "tc_min_ms": 200, "tc_ms": 1000},
	"peers": [{"host": "hss.core", "address": "127.0.0.1", "port": 3868, "transport": "sctp"}],
	"client": {"core_realm": "core", "hss": "hss.core"}}'
sim hss || { ko sctp-listen "$(cat "$WORK/hss.log")"; summary; exit 1; }
sim client

until_true 20 peer_ok client hss.core && ok sctp-cer-cea ||
	ko sctp-cer-cea "$(call client peers | jq -c '.[0] | {state, last_error}')"
jq_true client peers '{}' '.[0].transport == "sctp"' && ok sctp-transport || ko sctp-transport
until_true 10 jq_true client peers '{}' '.[0].counters.dwr_tx >= 2' &&
	jq_true client peers '{}' '.[0].watchdog == "OKAY"' && ok sctp-dwr-dwa || ko sctp-dwr-dwa
r=$(call client client.air '{"imsi":"001010000000001","vectors":3}' --wait 10)
n=$(echo "$r" | jq '[.answer.avps[] | select(.name == "Authentication-Info") | .avps[]] | length')
[ "$(echo "$r" | jq .result_code)" = 2001 ] && [ "$n" = 3 ] && ok sctp-s6a-air || ko sctp-s6a-air "$r"
stop hss TERM
until_true 10 jq_true client peers '{}' '.[0].counters.dpr_rx == 1' && ok sctp-dpr || ko sctp-dpr
summary
