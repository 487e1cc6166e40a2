#!/bin/sh
# Cross-check the Diameter encoder against Wireshark: encode messages with
# `agwtool encode diameter`, wrap each in IPv4/TCP port 3868 in a
# LINKTYPE_RAW pcap, dissect with tshark and compare the command code and
# AVP values with what was encoded; no "Malformed" anywhere.  Also checks
# that decode -> encode gives the same bytes, and that `agwtool decode
# --pcap` finds the messages again.
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

# pcap_tcp OUT HEX: one IPv4/TCP segment (40000 -> 3868) in a LINKTYPE_RAW pcap
pcap_tcp() {
	python3 "$PCAPGEN" tcp 3868 "$@"
}

check() {
	name=$1 json=$2 fields=$3 want=$4
	echo "== $name"
	hex=$(printf '%s' "$json" | agwtool encode diameter)
	back=$(agwtool decode diameter "$hex" | agwtool encode diameter)
	[ "$back" = "$hex" ] || { echo "   FAIL: round trip gave $back"; fail=1; }
	pcap_tcp "$tmp/$name.pcap" "$hex"
	args=""
	for f in $fields; do args="$args -e $f"; done
	# shellcheck disable=SC2086
	got=$(tshark -r "$tmp/$name.pcap" -T fields -E separator=' ' $args 2>/dev/null)
	if [ "$got" != "$want" ]; then
		echo "   FAIL: tshark fields [$fields] = '$got', expected '$want'"
		fail=1
	fi
	if tshark -r "$tmp/$name.pcap" -V 2>/dev/null | grep -q -i malformed; then
		echo "   FAIL: tshark reports a malformed packet"
		tshark -r "$tmp/$name.pcap" -V 2>/dev/null | sed 's/^/     /'
		fail=1
	fi
	n=$(agwtool decode --pcap "$tmp/$name.pcap" diameter | grep -c '"codec": *"diameter"' || true)
	[ "$n" = 1 ] || { echo "   FAIL: decode --pcap found $n messages"; fail=1; }
}

check cer '{"command_code":257,"flags":"R","hop_by_hop":1,"end_to_end":2,"avps":[
	{"name":"Origin-Host","value":"mme.agw.local"},
	{"name":"Origin-Realm","value":"agw.local"},
	{"name":"Host-IP-Address","family":1,"value":"192.0.2.1"},
	{"name":"Vendor-Id","value":10415},
	{"name":"Product-Name","value":"agw"},
	{"name":"Auth-Application-Id","value":16777251},
	{"name":"Vendor-Specific-Application-Id","avps":[
		{"name":"Vendor-Id","value":10415},
		{"name":"Auth-Application-Id","value":16777238}]}]}' \
	"diameter.cmd.code diameter.Origin-Host diameter.Host-IP-Address.addr_family diameter.Vendor-Id" \
	"257 mme.agw.local 1 10415,10415"

check aia '{"command_code":318,"flags":"P","application_id":16777251,"avps":[
	{"name":"Session-Id","value":"mme;1;1"},
	{"name":"Result-Code","value":2001},
	{"name":"Auth-Session-State","value":1},
	{"name":"Origin-Host","value":"hss.local"},
	{"name":"Origin-Realm","value":"local"},
	{"name":"Authentication-Info","avps":[{"name":"E-UTRAN-Vector","avps":[
		{"name":"RAND","value":"11111111111111111111111111111111"},
		{"name":"XRES","value":"2222222222222222"},
		{"name":"AUTN","value":"33333333333333333333333333333333"},
		{"name":"KASME","value":"4444444444444444444444444444444444444444444444444444444444444444"}]}]}]}' \
	"diameter.cmd.code diameter.Session-Id diameter.Result-Code diameter.RAND diameter.XRES" \
	"318 mme;1;1 2001 11111111111111111111111111111111 2222222222222222"

check ccr_i_gx '{"command_code":272,"flags":"RP","application_id":16777238,"avps":[
	{"name":"Session-Id","value":"pcef;2;2"},
	{"name":"Auth-Application-Id","value":16777238},
	{"name":"Origin-Host","value":"pcef.local"},
	{"name":"Origin-Realm","value":"local"},
	{"name":"Destination-Realm","value":"pcrf.local"},
	{"name":"CC-Request-Type","value":1},
	{"name":"CC-Request-Number","value":0},
	{"name":"Subscription-Id","avps":[{"name":"Subscription-Id-Type","value":1},
		{"name":"Subscription-Id-Data","value":"001010000000001"}]},
	{"name":"Framed-IP-Address","value":"c0a8800c"},
	{"name":"RAT-Type","value":1004},
	{"name":"Called-Station-Id","value":"internet"}]}' \
	"diameter.cmd.code diameter.CC-Request-Type diameter.Subscription-Id-Data diameter.RAT-Type diameter.Called-Station-Id" \
	"272 1 001010000000001 1004 internet"

check ccr_u_gy '{"command_code":272,"flags":"RP","application_id":4,"avps":[
	{"name":"Session-Id","value":"pcef;3;3"},
	{"name":"Auth-Application-Id","value":4},
	{"name":"Origin-Host","value":"pcef.local"},
	{"name":"Origin-Realm","value":"local"},
	{"name":"Destination-Realm","value":"ocs.local"},
	{"name":"Service-Context-Id","value":"32251@3gpp.org"},
	{"name":"CC-Request-Type","value":2},
	{"name":"CC-Request-Number","value":1},
	{"name":"Multiple-Services-Credit-Control","avps":[
		{"name":"Requested-Service-Unit","avps":[]},
		{"name":"Used-Service-Unit","avps":[
			{"name":"CC-Total-Octets","value":5000000000},
			{"name":"CC-Input-Octets","value":1000000000},
			{"name":"CC-Output-Octets","value":4000000000}]},
		{"name":"Rating-Group","value":100}]}]}' \
	"diameter.cmd.code diameter.CC-Request-Type diameter.Rating-Group diameter.CC-Total-Octets" \
	"272 2 100 5000000000"

[ $fail -eq 0 ] && echo "tshark_diameter: all checks passed"
exit $fail
