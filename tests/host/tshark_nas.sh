#!/bin/sh
# Cross-check the NAS EPS codec against Wireshark.
#  1. Messages written as JSON with structured values only (no "hex") are
#     encoded with `agwtool encode nas`, decoded back to the same bytes, put
#     in a LINKTYPE_USER0 (147) pcap mapped to the nas-eps_plain dissector,
#     and tshark's fields are compared with what was encoded.
#  2. Every seed of tests/fuzz/corpus/nas (the unit test vectors) decodes and
#     re-encodes identically through agwtool, and its plain message (inside
#     the security header when there is one: those captures used EEA0)
#     dissects without "Malformed" or unknown elements.
# Run from the repo top with ${BUILD:-build}/bin on PATH.  77 = skipped.
set -eu

BUILD=${BUILD:-build}
PATH=$BUILD/bin:$PATH
PCAPGEN=$(dirname "$0")/pcapgen.py
command -v tshark >/dev/null 2>&1 || { echo "tshark missing: skip"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skip"; exit 77; }
command -v agwtool >/dev/null 2>&1 || { echo "agwtool not built: skip"; exit 77; }
agwtool decode nas 0746 >/dev/null 2>&1 || { echo "agwtool has no nas codec: skip"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
UAT='uat:user_dlts:"User 0 (DLT=147)","nas-eps_plain","0","","0",""'

# pcap OUT HEX...: one LINKTYPE_USER0 frame per NAS message
pcap() {
	python3 "$PCAPGEN" raw 147 "$@"
}

# plain HEX: the message inside a security header (types 1-5), else HEX
plain() {
	case $1 in
	[1-5]7*) printf '%s\n' "$1" | cut -c13- ;;
	*) printf '%s\n' "$1" ;;
	esac
}

dissect_clean() {
	out=$(tshark -o "$UAT" -r "$1" -V 2>/dev/null)
	if printf '%s\n' "$out" | grep -E -i -q 'malformed|extraneous|unknown (message|element|ie)|not dissected'; then
		echo "   FAIL: tshark reports a problem:"
		printf '%s\n' "$out" | grep -E -i 'malformed|extraneous|unknown|not dissected' | sed 's/^/     /'
		return 1
	fi
}

# check NAME JSON FIELDS EXPECTED
check() {
	name=$1 json=$2 fields=$3 want=$4
	echo "== $name"
	hex=$(printf '%s' "$json" | agwtool encode nas)
	echo "   hex $hex"
	back=$(agwtool decode nas "$hex" | agwtool encode nas)
	[ "$back" = "$hex" ] || { echo "   FAIL: round trip gave $back"; fail=1; }
	pcap "$tmp/$name.pcap" "$hex"
	args=""
	for f in $fields; do args="$args -e $f"; done
	# shellcheck disable=SC2086
	got=$(tshark -o "$UAT" -r "$tmp/$name.pcap" -T fields -E separator=' ' -E aggregator=' ' \
		$args 2>/dev/null | tr -s ' ' | sed 's/ $//')
	if [ "$got" != "$want" ]; then
		echo "   FAIL: tshark fields [$fields] = '$got', expected '$want'"
		fail=1
	fi
	dissect_clean "$tmp/$name.pcap" || fail=1
}

check attach_accept '{"message type": "Attach accept", "IEs": [
  {"name": "EPS attach result", "value": {"EPS attach result value": 1}},
  {"name": "Spare half octet", "value": {"value": 0}},
  {"name": "T3412 value", "value": {"timer value": 9, "unit": 1}},
  {"name": "TAI list", "value": {"partial lists": [{"type of list": 0,
     "PLMN": {"MCC": "001", "MNC": "01"}, "TACs": [1, 2]}]}},
  {"name": "ESM message container", "value": {"EPS bearer identity": 5,
     "procedure transaction identity": 1,
     "message type": "Activate default EPS bearer context request", "IEs": [
     {"name": "EPS quality of service", "value": {"QCI": 9, "octets": 1}},
     {"name": "Access point name", "value": {"APN": "magma.ipv4"}},
     {"name": "PDN address", "value": {"PDN type value": 1, "IPv4 address": "192.168.128.12"}},
     {"name": "APN-AMBR", "value": {"APN-AMBR downlink (kbit/s)": 200000,
        "APN-AMBR uplink (kbit/s)": 100000}}]}},
  {"name": "GUTI", "value": {"type of identity": 6, "PLMN": {"MCC": "001", "MNC": "01"},
     "MME group ID": 1, "MME code": 1, "M-TMSI/TMSI": 3735928559}},
  {"name": "EMM cause", "value": {"cause": 18}}]}' \
	"nas_eps.nas_msg_emm_type nas_eps.emm.EPS_attach_result nas_eps.emm.tai_tac nas_eps.nas_msg_esm_type nas_eps.esm.qci gsm_a.gm.sm.apn nas_eps.esm.pdn_ipv4 nas_eps.emm.mme_grp_id nas_eps.emm.m_tmsi nas_eps.emm.cause" \
	"0x42 1 1 2 0xc1 9 magma.ipv4 192.168.128.12 1 3735928559 18"

check identity_response '{"message type": "Identity response", "IEs": [
  {"name": "Mobile identity", "value": {"type of identity": 1, "digits": "001010000000001"}}]}' \
	"nas_eps.nas_msg_emm_type e212.imsi" "0x56 001010000000001"

check dedicated_bearer '{"message type": "Activate dedicated EPS bearer context request",
  "EPS bearer identity": 6, "procedure transaction identity": 0, "IEs": [
  {"name": "Linked EPS bearer identity", "value": {"EPS bearer identity": 5}},
  {"name": "Spare half octet", "value": {"value": 0}},
  {"name": "EPS QoS", "value": {"QCI": 1, "MBR uplink (kbit/s)": 128,
     "MBR downlink (kbit/s)": 128, "GBR uplink (kbit/s)": 64, "GBR downlink (kbit/s)": 64}},
  {"name": "TFT", "value": {"TFT operation code": 1, "packet filters": [
     {"packet filter identifier": 1, "packet filter direction": 3, "evaluation precedence": 1,
      "components": [{"component type": 16, "IPv4 address": "10.0.0.1",
                      "IPv4 mask": "255.255.255.255"},
                     {"component type": 48, "protocol identifier/next header": 17},
                     {"component type": 80, "port": 5060}]}]}}]}' \
	"nas_eps.nas_msg_esm_type nas_eps.bearer_id nas_eps.esm.qci gsm_a.gm.sm.tft.port" \
	"0xc5 6 1 5060"

check esm_status '{"message type": "ESM status", "EPS bearer identity": 5,
  "procedure transaction identity": 3, "IEs": [{"name": "ESM cause", "value": {"cause": 81}}]}' \
	"nas_eps.nas_msg_esm_type nas_eps.esm.proc_trans_id nas_eps.esm.cause" "0xe8 3 81"

echo "== corpus: tests/fuzz/corpus/nas"
hexes=""
for f in tests/fuzz/corpus/nas/*; do
	hex=$(od -An -v -tx1 "$f" | tr -d ' \n')
	back=$(agwtool decode nas "$hex" | agwtool encode nas) || back="(error)"
	if [ "$back" != "$hex" ]; then
		echo "   FAIL: $(basename "$f"): agwtool round trip gave $back"
		fail=1
	fi
	hexes="$hexes $(plain "$hex")"
done
# shellcheck disable=SC2086
pcap "$tmp/corpus.pcap" $hexes
n=$(tshark -o "$UAT" -r "$tmp/corpus.pcap" 2>/dev/null | wc -l)
echo "   $n frames dissected"
dissect_clean "$tmp/corpus.pcap" || fail=1

[ $fail -eq 0 ] && echo "tshark_nas: all checks passed"
exit $fail
