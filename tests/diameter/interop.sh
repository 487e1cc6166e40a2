#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Interoperability of userspace/diameter with freeDiameter, on the host over TCP:
#
#   mme.agw (diamsim client) ---TCP prio 0--- relay1.fgw ---+--- hss.core  (diamsim HSS)
#                            \--TCP prio 1--- relay2.fgw ---+--- pcrf.core (diamsim PCRF)
#   mme-tls.agw (client) ------TLS--------- relay-tls.fgw --+--- ocs.core  (diamsim OCS)
#
# Every message crosses freeDiameter, an independent Diameter stack: CER/CEA
# and DWR/DWA both ways, S6a AIR/ULR and a CLR back, Gx CCR-I and an RAR
# back, Gy CCR-I/U/T and an RAR back; TLS at connect; a primary relay killed
# with requests pending (failover with the T flag, each request answered
# once); the relays restarted (links back through REOPEN); a tcpdump of
# every link decoded by tshark with no malformed message.
# Prints PASS/FAIL per case and "diameter: N passed, N failed".
. "$(dirname "$0")/lib.sh"

for t in freeDiameterd jq tshark tcpdump openssl; do
	command -v "$t" >/dev/null || { echo "SKIP diameter interop: $t missing"; exit 77; }
done
[ -x "$DIAMSIM" ] || { echo "SKIP diameter interop: diamsim not built"; exit 77; }

P=$(pick_ports)
[ "$P" != 0 ] || { echo "FAIL no free port range"; exit 1; }
R1=$P R2=$((P + 1)) RT=$((P + 3)) HSS=$((P + 10)) PCRF=$((P + 11)) OCS=$((P + 12))
K=465b5ce8b199b49faa5f0a2ee238a6bc OPC=cd63cb71954a9f4e48a5994e37a02baf
IMSI=001010000000001
echo "ports: relays $R1 $R2 (TLS $RT), hss $HSS, pcrf $PCRF, ocs $OCS; work $WORK"

start tcpdump tcpdump -i lo -U -s 0 -w "$WORK/cap.pcap" "tcp portrange $P-$((P + 39))"
until_true 10 grep -q "listening on" "$WORK/tcpdump.log"

# ---------------------------------------------------------------- certificates
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=test-ca -keyout "$WORK/ca.key" \
	-out "$WORK/ca.pem" >/dev/null 2>&1
for id in relay-tls.fgw mme-tls.agw; do
	openssl req -newkey rsa:2048 -nodes -subj "/CN=$id" -keyout "$WORK/$id.key" \
		-out "$WORK/$id.csr" >/dev/null 2>&1
	printf 'subjectAltName=DNS:%s\n' "$id" > "$WORK/$id.ext"
	openssl x509 -req -in "$WORK/$id.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
		-CAcreateserial -days 2 -extfile "$WORK/$id.ext" -out "$WORK/$id.pem" >/dev/null 2>&1
done
# a second CA, whose certificates nobody trusts
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other-ca -keyout "$WORK/other.key" \
	-out "$WORK/other.pem" >/dev/null 2>&1

# ------------------------------------------------------------------ emulators
sim_conf hss hss.core core "$(jq -n --argjson p $HSS --arg k $K --arg opc $OPC --arg imsi $IMSI '{
	accept_unknown: true, timers: {tw_ms: 6000, tw_jitter_ms: 500},
	listen: [{address: "127.0.0.1", port: $p}],
	hss: {subscribers: [
		{imsi: $imsi, k: $k, opc: $opc, sqn: 32, msisdn: "491700000001",
		 ambr_ul: 50000000, ambr_dl: 100000000,
		 apns: [{apn: "internet", qci: 9, arp: 8, ipv4: "10.45.0.7"}, {apn: "ims", qci: 5, arp: 1}]},
		{imsi: "001010000000002", k: $k, opc: $opc, apns: [{apn: "internet"}]}]}}')"
sim_conf pcrf pcrf.core core "$(jq -n --argjson p $PCRF '{
	accept_unknown: true, timers: {tw_ms: 6000, tw_jitter_ms: 500},
	listen: [{address: "127.0.0.1", port: $p}],
	pcrf: {policies: [{imsi: "*", apn: "internet", apn_ambr_ul: 5000000, apn_ambr_dl: 10000000,
		default_qci: 9, usage: [{key: "mk1", octets: 1000000}],
		rules: [{name: "default-web", predefined: true},
			{name: "video", qci: 2, arp: 4, mbr_ul: 512000, mbr_dl: 2048000, gbr_ul: 256000,
			 gbr_dl: 1024000, rating_group: 20, monitoring_key: "mk1", precedence: 100,
			 flows: [{desc: "permit out 17 from 198.51.100.10 5000 to any", direction: "downlink"}]}]}]}}')"
sim_conf ocs ocs.core core "$(jq -n --argjson p $OCS '{
	accept_unknown: true, timers: {tw_ms: 6000, tw_jitter_ms: 500},
	listen: [{address: "127.0.0.1", port: $p}],
	ocs: {grant_octets: 1000, validity_s: 0, ccfh: "continue",
	      fui: {action: "restrict", filter_id: "walled-garden"},
	      balances: [{imsi: "*", rating_group: 10, octets: 5000}, {imsi: "*", rating_group: 20, octets: 2500}]}}')"
for s in hss pcrf ocs; do sim $s; done

core_peers=(--peer "hss.core=127.0.0.1:$HSS,tcp,realm=core" --peer "pcrf.core=127.0.0.1:$PCRF,tcp,realm=core"
	    --peer "ocs.core=127.0.0.1:$OCS,tcp,realm=core")
relay relay1 relay1.fgw "$R1" "${core_peers[@]}" --allow '*.agw,notls'
relay relay2 relay2.fgw "$R2" "${core_peers[@]}" --allow '*.agw,notls'
relay relay-tls relay-tls.fgw 0 --sec-port "$RT" --tls-cert "$WORK/relay-tls.fgw.pem" \
	--tls-key "$WORK/relay-tls.fgw.key" --tls-ca "$WORK/ca.pem" "${core_peers[@]}" --allow '*.agw'

sim_conf client mme.agw agw "$(jq -n --argjson r1 $R1 --argjson r2 $R2 '{
	timers: {tw_ms: 1000, tw_jitter_ms: 100, tc_min_ms: 200, tc_ms: 2000},
	peers: [{host: "relay1.fgw", address: "127.0.0.1", port: $r1, priority: 0},
		{host: "relay2.fgw", address: "127.0.0.1", port: $r2, priority: 1}],
	client: {core_realm: "core", hss: "hss.core", pcrf: "pcrf.core", ocs: "ocs.core",
		 timeout_ms: 8000}}')"
sim_conf client-tls mme-tls.agw agw "$(jq -n --argjson rt $RT --arg w "$WORK" '{
	timers: {tw_ms: 1000, tw_jitter_ms: 100, tc_min_ms: 200, tc_ms: 2000},
	tls: {cert: ($w + "/mme-tls.agw.pem"), key: ($w + "/mme-tls.agw.key"), ca: ($w + "/ca.pem")},
	peers: [{host: "relay-tls.fgw", address: "127.0.0.1", port: $rt, tls: true}],
	client: {core_realm: "core", hss: "hss.core"}}')"
# the same client trusting another CA: the relay's certificate must be refused
jq --arg w "$WORK" '.identity = "mme-badca.agw" | .control = ($w + "/client-badca.sock") |
	.tls.ca = ($w + "/other.pem")' "$WORK/client-tls.json" > "$WORK/client-badca.json"
sim client
sim client-tls
sim client-badca

# ---------------------------------------------------------------- CER/CEA, DWR
relays_up() { peer_ok client relay1.fgw && peer_ok client relay2.fgw; }
if until_true 30 relays_up; then
	ok cer-cea-client
else
	ko cer-cea-client "$(call client peers | jq -c '.[] | {name, state, watchdog, last_error}')"
fi
core_up() {
	for s in hss pcrf ocs; do
		jq_true $s peers '{}' '[.[] | select(.state == "R-Open" and .watchdog == "OKAY")] | length == 3' ||
			return 1
	done
}
until_true 30 core_up && ok cer-cea-core || ko cer-cea-core "$(call hss peers | jq -c '.[] | {name, state}')"
jq_true client peers '{}' '.[0].relay and (.[0].applications | sort == [4, 16777238, 16777251])' &&
	ok relay-advertised || ko relay-advertised
dwr_flowed() {
	jq_true client peers '{}' '.[0].counters.dwr_tx >= 2 and .[0].counters.answers_rx >= 0' &&
	jq_true hss stats '{}' '.counters.dwr_tx >= 1 and .counters.dwr_rx >= 1'
}
until_true 20 dwr_flowed && ok dwr-dwa || ko dwr-dwa "$(call hss stats | jq -c .counters)"

# OctetString AVPs (rule names, monitoring keys) show as hex in the JSON view
hexof() { printf %s "$1" | od -An -tx1 | tr -d ' \n'; }

# --------------------------------------------------------------------- S6a
r=$(call client client.air "{\"imsi\":\"$IMSI\",\"vectors\":2}" --wait 10)
n=$(echo "$r" | jq '[.answer.avps[] | select(.name == "Authentication-Info") | .avps[] |
	select(.name == "E-UTRAN-Vector")] | length')
rr=$(echo "$r" | jq '[.answer.avps[] | select(.name == "Route-Record")] | length')
[ "$(echo "$r" | jq .result_code)" = 2001 ] && [ "$n" = 2 ] && ok s6a-air ||
	ko s6a-air "$r"
# freeDiameter adds Route-Record to answers: accepted
[ "$rr" -ge 1 ] && ok s6a-air-route-record || ko s6a-air-route-record "Route-Record x$rr"
r=$(call client client.air '{"imsi":"001019999999999"}' --wait 10)
[ "$(echo "$r" | jq -c '[.result_vendor, .result_code]')" = "[10415,5001]" ] &&
	ok s6a-air-unknown || ko s6a-air-unknown "$r"
# re-synchronisation: the USIM says its SQN is 4096; the HSS's next SQN is then 4129
rand=$(call client client.air "{\"imsi\":\"$IMSI\"}" --wait 10 | jq -r '.answer.avps[] |
	select(.name == "Authentication-Info") | .avps[0].avps[] | select(.name == "RAND") | .value')
r=$(call client client.air "{\"imsi\":\"$IMSI\",\"rand\":\"$rand\",\"sqn_ms\":4096,\"k\":\"$K\",\"opc\":\"$OPC\"}" --wait 10)
jq_true hss hss.show "{\"imsi\":\"$IMSI\"}" '.resyncs == 1 and .sqn == 4129' &&
	[ "$(echo "$r" | jq .result_code)" = 2001 ] && ok s6a-resync ||
	ko s6a-resync "$(call hss hss.show "{\"imsi\":\"$IMSI\"}") $r"
r=$(call client client.ulr "{\"imsi\":\"$IMSI\"}" --wait 10)
apn=$(echo "$r" | jq -r '[.. | objects | select(.name == "Service-Selection") | .value] | join(",")')
[ "$(echo "$r" | jq .result_code)" = 2001 ] && [ "$apn" = "internet,ims" ] && ok s6a-ulr ||
	ko s6a-ulr "$r"
r=$(call hss hss.clr "{\"imsi\":\"$IMSI\",\"cancellation_type\":2}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] && jq_true client client.received '{}' '.clr == 1' &&
	ok s6a-clr || ko s6a-clr "$r"
call hss behave '{"command":"AIR","mode":"result","result_code":5012,"count":1}' >/dev/null
r=$(call client client.air "{\"imsi\":\"$IMSI\"}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 5012 ] && ok s6a-chosen-result || ko s6a-chosen-result "$r"

# ---------------------------------------------------------------------- Gx
r=$(call client client.gx "{\"imsi\":\"$IMSI\",\"apn\":\"internet\",\"ipv4\":\"10.45.0.7\"}" --wait 10)
rules=$(echo "$r" | jq -r '[.. | objects | select(.name == "Charging-Rule-Name") | .value] | join(",")')
[ "$(echo "$r" | jq .result_code)" = 2001 ] && [ "$rules" = "$(hexof default-web),$(hexof video)" ] &&
	ok gx-ccr-i ||
	ko gx-ccr-i "$r"
jq_true pcrf last '{"command":"CCR"}' '[.message.avps[] | select(.name == "Subscription-Id")] | length == 1' &&
	ok gx-ccr-i-avps || ko gx-ccr-i-avps
r=$(call pcrf pcrf.rar "{\"imsi\":\"$IMSI\",\"install\":[{\"name\":\"reject-bulk\",\"qci\":8},{\"name\":\"voice\",\"qci\":1}],\"remove\":[\"video\"]}" --wait 10)
rep=$(echo "$r" | jq -r '[.answer.avps[] | select(.name == "Charging-Rule-Report") | .avps[] |
	select(.name == "Charging-Rule-Name") | .value] | join(",")')
[ "$(echo "$r" | jq .result_code)" = 2001 ] && [ "$rep" = "$(hexof reject-bulk)" ] &&
	jq_true client client.received '{}' '.gx_rar == 1' && ok gx-rar || ko gx-rar "$r"
r=$(call client client.gx "{\"imsi\":\"$IMSI\",\"apn\":\"internet\",\"type\":\"update\",\"usage\":{\"mk1\":4000}}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] &&
	jq_true pcrf pcrf.sessions '{}' '.[0].usage.mk1 == 4000' && ok gx-ccr-u-usage || ko gx-ccr-u-usage "$r"
r=$(call client client.gx "{\"imsi\":\"$IMSI\",\"apn\":\"internet\",\"type\":\"termination\"}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] && jq_true pcrf pcrf.sessions '{}' 'length == 0' &&
	ok gx-ccr-t || ko gx-ccr-t "$r"

# ---------------------------------------------------------------------- Gy
gy_show() { call client client.gy.show "{\"imsi\":\"$IMSI\"}"; }
call client client.gy.start "{\"imsi\":\"$IMSI\",\"rating_groups\":[10,20]}" --wait 10 > "$WORK/gy-i.json"
until_true 10 jq_true client client.gy.show "{\"imsi\":\"$IMSI\"}" \
	'.initial_ok and ([.rating_groups[] | .grant] == [1000, 1000])' &&
	ok gy-ccr-i || ko gy-ccr-i "$(cat "$WORK/gy-i.json") $(gy_show)"
# 799 octets: below 80%; one more reaches it and sends a CCR-U
s1=$(call client client.gy.usage "{\"imsi\":\"$IMSI\",\"rating_group\":10,\"in\":299,\"out\":500}" | jq .sent)
s2=$(call client client.gy.usage "{\"imsi\":\"$IMSI\",\"rating_group\":10,\"in\":1,\"out\":0}" | jq .sent)
until_true 10 jq_true ocs last '{"command":"CCR"}' '[.. | objects | select(.name == "CC-Request-Type") | .value] == [2]' &&
	[ "$s1" = false ] && [ "$s2" = true ] && ok gy-ccr-u-threshold || ko gy-ccr-u-threshold "$s1 $s2"
until_true 10 jq_true client client.gy.show "{\"imsi\":\"$IMSI\"}" '.in_flight == false' || true
# an OCS RAR: one CCR-U carrying both rating groups
call client client.gy.usage "{\"imsi\":\"$IMSI\",\"rating_group\":20,\"in\":100,\"out\":0}" >/dev/null
r=$(call ocs ocs.rar "{\"imsi\":\"$IMSI\"}" --wait 10)
mscc_rr() {
	jq_true ocs last '{"command":"CCR"}' \
		'[.message.avps[] | select(.name == "Multiple-Services-Credit-Control")] | length == 2' &&
	jq_true ocs last '{"command":"CCR"}' \
		'[.. | objects | select(.name == "Reporting-Reason") | .value] == [7, 7]'
}
[ "$(echo "$r" | jq .result_code)" = 2001 ] && until_true 10 mscc_rr && ok gy-rar-one-ccr-u ||
	ko gy-rar-one-ccr-u "$(call ocs last '{"command":"CCR"}' | jq -c '.message.avps')"
until_true 10 jq_true client client.gy.show "{\"imsi\":\"$IMSI\"}" '.in_flight == false' || true
r=$(call client client.gy.stop "{\"imsi\":\"$IMSI\"}" --wait 10)
# balances: 5000 - 800 (threshold) - 0 (RAR: nothing new on 10) = 4200; 2500 - 100 = 2400
[ "$(echo "$r" | jq .result_code)" = 2001 ] &&
	jq_true ocs ocs.balance "{\"imsi\":\"$IMSI\",\"rating_group\":10}" '.used == 800' &&
	jq_true ocs ocs.balance "{\"imsi\":\"$IMSI\",\"rating_group\":20}" '.used == 100' &&
	ok gy-ccr-t-balances || ko gy-ccr-t-balances "$r $(call ocs ocs.balance "{\"imsi\":\"$IMSI\",\"rating_group\":10}")"

# an OCS ASR ends a session: the client answers and sends its CCR-T
I2=001010000000002
call client client.gy.start "{\"imsi\":\"$I2\",\"rating_groups\":[10]}" --wait 10 >/dev/null
r=$(call ocs ocs.asr "{\"imsi\":\"$I2\"}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] &&
	until_true 10 jq_true client client.gy.show "{\"imsi\":\"$I2\"}" '.terminated and (.in_flight | not)' &&
	jq_true ocs last '{"command":"CCR"}' '[.. | objects | select(.name == "CC-Request-Type") | .value] == [3]' &&
	ok gy-asr-ccr-t || ko gy-asr-ccr-t "$r"

# --------------------------------------------------------------------- TLS
until_true 30 peer_ok client-tls relay-tls.fgw &&
	jq_true client-tls peers '{}' '.[0].tls' && ok tls-cer-cea ||
	ko tls-cer-cea "$(call client-tls peers | jq -c '.[] | {state, last_error}')"
r=$(call client-tls client.air "{\"imsi\":\"$IMSI\"}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] && ok tls-s6a-air || ko tls-s6a-air "$r"
tls_refused() { jq_true client-badca peers '{}' '.[0].counters.tls_failures >= 1 and (.[0].available | not)'; }
until_true 20 tls_refused &&
	jq_true client-badca peers '{}' '.[0].last_error | test("certificate")' && ok tls-untrusted-refused ||
	ko tls-untrusted-refused "$(call client-badca peers | jq -c '.[0] | {state, last_error, counters: .counters.tls_failures}')"

# -------------------------------------------------- failover with the T flag
# The HSS answers AIRs 3 s late; five go to relay1; relay1 is killed: the
# client sends them again through relay2 with the T flag and the same
# End-to-End ids; the HSS sees the duplicates, processes each AIR once and
# answers through relay2.
v0=$(call hss hss.show "{\"imsi\":\"$IMSI\"}" | jq .vectors)
d0=$(call hss stats | jq .counters.duplicates_rx)
call hss behave '{"command":"AIR","mode":"late","delay_ms":3000,"count":5}' >/dev/null
ids=()
for i in 1 2 3 4 5; do
	ids+=("$(call client client.air "{\"imsi\":\"$IMSI\"}" | jq .id)")
done
until_true 10 jq_true client pending '{}' '[.[] | select(.peer == "relay1.fgw")] | length == 5' || true
h0=$(call hss stats | jq .received)
stop relay1 KILL
all_done() {
	for id in "${ids[@]}"; do
		jq_true client wait "{\"id\":$id}" '.done' || return 1
	done
}
until_true 20 all_done || true
good=0
for id in "${ids[@]}"; do
	[ "$(call client wait "{\"id\":$id}" | jq .result_code)" = 2001 ] && good=$((good + 1))
done
v1=$(call hss hss.show "{\"imsi\":\"$IMSI\"}" | jq .vectors)
d1=$(call hss stats | jq .counters.duplicates_rx)
rt=$(call client peers | jq '.[] | select(.name == "relay2.fgw") | .counters.retransmissions')
fo=$(call client peers | jq '.[] | select(.name == "relay1.fgw") | .counters.failovers')
if [ "$good" = 5 ] && [ "$((v1 - v0))" = 5 ] && [ "$((d1 - d0))" = 5 ] && [ "$rt" = 5 ] &&
   [ "$fo" = 5 ]; then
	ok failover-t-flag
else
	ko failover-t-flag "answered $good/5, vectors +$((v1 - v0)), duplicates +$((d1 - d0)), retransmissions $rt, failovers $fo (hss received $h0)"
fi

# ------------------------------------------------------------ relay restart
stop relay2 TERM
until_true 20 jq_true client peers '{}' '[.[] | select(.available)] | length == 0' &&
	ok relays-down || ko relays-down
r=$(call client client.air "{\"imsi\":\"$IMSI\"}")
id=$(echo "$r" | jq .id)
start relay1b freeDiameterd -c "$WORK/relay1/freeDiameter.conf"
reopened() { peer_ok client relay1.fgw && jq_true hss peers '{}' '[.[] | select(.name == "relay1.fgw" and .state == "R-Open")] | length == 1'; }
until_true 40 reopened && ok relay-restart-links-back ||
	ko relay-restart-links-back "$(call client peers | jq -c '.[] | {name, state, watchdog}')"
# the request sent while no relay was up waited and went out once relay1
# was back (it may reach relay1 before relay1's own link to the HSS is up:
# then relay1 answers it with 3002 UNABLE_TO_DELIVER; either way it was
# sent once and answered once)
until_true 10 jq_true client wait "{\"id\":$id}" '.done' &&
	jq_true client wait "{\"id\":$id}" '.error == 0 and (.result_code == 2001 or .result_code == 3002)' &&
	ok request-waited-for-relay || ko request-waited-for-relay "$(call client wait "{\"id\":$id}")"
r=$(call client client.air "{\"imsi\":\"$IMSI\"}" --wait 10)
[ "$(echo "$r" | jq .result_code)" = 2001 ] && ok s6a-after-restart || ko s6a-after-restart "$r"
jq_true client peers '{}' '.[] | select(.name == "relay1.fgw") | .watchdog == "OKAY"' &&
	ok watchdog-reopen-okay || ko watchdog-reopen-okay

# --------------------------------------------------------------- tshark
sleep 0.5
stop tcpdump INT
decode=()
for p in $R1 $R2 $HSS $PCRF $OCS; do decode+=(-d "tcp.port==$p,diameter"); done
n=$(tshark -r "$WORK/cap.pcap" "${decode[@]}" -Y diameter -T fields -e diameter.cmd.code 2>/dev/null |
	wc -l)
bad=$(tshark -r "$WORK/cap.pcap" "${decode[@]}" -Y '_ws.malformed' 2>/dev/null | wc -l)
cmds=$(tshark -r "$WORK/cap.pcap" "${decode[@]}" -Y diameter -T fields -e diameter.cmd.code 2>/dev/null |
	tr ',' '\n' | sort -un | tr '\n' ' ')
echo "tshark: $n frames with Diameter, $bad malformed; commands: $cmds"
if [ "$n" -ge 50 ] && [ "$bad" = 0 ]; then ok tshark-no-malformed; else ko tshark-no-malformed; fi
for c in 257 258 272 274 280 282 316 317 318; do
	case " $cmds " in *" $c "*) ;; *) ko "tshark-saw-$c"; continue ;; esac
done
summary
