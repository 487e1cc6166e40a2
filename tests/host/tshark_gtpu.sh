#!/bin/sh
# Cross-check the GTP-U encoder against Wireshark: encode messages with
# `agwtool encode gtpu`, wrap each in IPv4/UDP port 2152 in a LINKTYPE_RAW
# pcap, dissect with tshark and compare TEID, message type, sequence number,
# QFI and IEs with what was encoded; no "Malformed" anywhere.
# Run from the repo top with ${BUILD:-build}/bin on PATH.  77 = skipped.
set -eu

BUILD=${BUILD:-build}
PATH=$BUILD/bin:$PATH
PCAPGEN=$(dirname "$0")/pcapgen.py
command -v tshark >/dev/null 2>&1 || { echo "tshark missing: skip"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skip"; exit 77; }
command -v agwtool >/dev/null 2>&1 || { echo "agwtool not built: skip"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# pcap_udp OUT HEX...: one IPv4/UDP frame (port 2152 both ways) per payload
pcap_udp() {
	python3 "$PCAPGEN" udp 2152 "$@"
}

# check NAME JSON FIELDS EXPECTED: encode, dissect, compare one line of fields
# (tshark prints TEIDs and message types in hex)
check() {
	name=$1 json=$2 fields=$3 want=$4
	echo "== $name"
	hex=$(printf '%s' "$json" | agwtool encode gtpu)
	echo "   hex $hex"
	# decode -> encode must give the same bytes
	back=$(agwtool decode gtpu "$hex" | agwtool encode gtpu)
	[ "$back" = "$hex" ] || { echo "   FAIL: round trip gave $back"; fail=1; }
	pcap_udp "$tmp/$name.pcap" "$hex"
	args=""
	for f in $fields; do args="$args -e $f"; done
	# shellcheck disable=SC2086
	got=$(tshark -r "$tmp/$name.pcap" -T fields -E separator=' ' $args 2>/dev/null | tr -s ' ' | sed 's/ $//')
	if [ "$got" != "$want" ]; then
		echo "   FAIL: tshark fields [$fields] = '$got', expected '$want'"
		fail=1
	fi
	if tshark -r "$tmp/$name.pcap" -V 2>/dev/null | grep -q -i malformed; then
		echo "   FAIL: tshark reports a malformed packet"
		tshark -r "$tmp/$name.pcap" -V 2>/dev/null | sed 's/^/     /'
		fail=1
	fi
}

check echo_request '{"message_type":1,"teid":0,"flags":{"s":1},"sequence_number":4660}' \
	"gtp.message gtp.teid gtp.seq_number" "0x01 0x00000000 0x1234"
check echo_response '{"message_type":2,"teid":0,"flags":{"s":1},"sequence_number":4660,
	"ies":[{"type":14,"recovery":0}]}' \
	"gtp.message gtp.teid gtp.recovery" "0x02 0x00000000 0"
check error_indication '{"message_type":26,"teid":0,"flags":{"s":1},
	"ies":[{"type":16,"teid":3735928559},{"type":133,"address":"192.0.2.9"}]}' \
	"gtp.message gtp.teid_data gtp.gsn_ipv4" "0x1a 0xdeadbeef 192.0.2.9"
check end_marker '{"message_type":254,"teid":43981}' "gtp.message gtp.teid" "0xfe 0x0000abcd"
check supported_ext '{"message_type":31,"teid":0,"flags":{"s":1},
	"ies":[{"type":141,"extension_types":[133,64]}]}' "gtp.message gtp.teid" "0x1f 0x00000000"
check gpdu_qfi '{"message_type":255,"teid":100,"flags":{"e":1},
	"extension_headers":[{"type":133,"pdu_session":{"pdu_type":0,"qfi":9}}],
	"payload":"4500001c000000004011f97ec0000201c00002020035003500080000"}' \
	"gtp.teid gtp.ext_hdr.pdu_ses_con.pdu_type gtp.ext_hdr.pdu_ses_con.qos_flow_id ip.dst" \
	"0x00000064 0 9 192.0.2.2,192.0.2.2"

[ $fail -eq 0 ] && echo "tshark_gtpu: all checks passed"
exit $fail
