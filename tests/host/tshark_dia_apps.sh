#!/bin/sh
# Cross-check the S6a, Gx and Gy builders (proto/s6a.c, gx.c, gy.c) against
# Wireshark: `diamsim samples` writes one of each message; each goes into
# an IPv4/TCP 3868 pcap; tshark must decode the fields given here to the
# values the builders were given, and report nothing malformed.
# Run from the repo top with ${BUILD:-build}/bin on PATH.  77 = skipped.
set -eu

BUILD=${BUILD:-build}
PATH=$BUILD/bin:$PATH
PCAPGEN=$(dirname "$0")/pcapgen.py
command -v tshark >/dev/null 2>&1 || { echo "tshark missing: skip"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skip"; exit 77; }
command -v diamsim >/dev/null 2>&1 || { echo "diamsim not built: skip"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
diamsim samples "$tmp" >/dev/null
fail=0

# check NAME FIELDS EXPECTED: tshark -T fields of the sample NAME
check() {
	name=$1 fields=$2 want=$3
	python3 "$PCAPGEN" tcp 3868 "$tmp/$name.pcap" "$(cat "$tmp/$name.hex")"
	args=""
	for f in $fields; do args="$args -e $f"; done
	# shellcheck disable=SC2086
	got=$(tshark -r "$tmp/$name.pcap" -T fields -E separator=' ' $args 2>/dev/null)
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: [$fields] = '$got', expected '$want'"
		fail=1
	else
		echo "ok   $name"
	fi
	if tshark -r "$tmp/$name.pcap" -V 2>/dev/null | grep -qi malformed; then
		echo "FAIL $name: tshark reports a malformed packet"
		tshark -r "$tmp/$name.pcap" -V 2>/dev/null | grep -i -B5 malformed | sed 's/^/     /'
		fail=1
	fi
}

check s6a_air "diameter.cmd.code diameter.User-Name diameter.Number-Of-Requested-Vectors diameter.Visited-PLMN-Id" \
	"318 001010123456789 2 00f110"
check s6a_aia "diameter.cmd.code diameter.Result-Code diameter.RAND diameter.KASME" \
	"318 2001 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
check s6a_ulr "diameter.cmd.code diameter.ULR-Flags diameter.RAT-Type diameter.IMEI" \
	"316 34 1004 35609204079298"
check s6a_ula "diameter.cmd.code diameter.Service-Selection diameter.QoS-Class-Identifier diameter.Served-Party-IP-Address.IPv4 diameter.Max-Requested-Bandwidth-DL" \
	"316 internet 9 10.45.0.7 100000000,2000"
check s6a_pur "diameter.cmd.code diameter.User-Name" "321 001010123456789"
check s6a_clr "diameter.cmd.code diameter.Cancellation-Type diameter.Destination-Host" \
	"317 2 mme.agw"
check s6a_idr "diameter.cmd.code diameter.Subscriber-Status diameter.Network-Access-Mode" "319 0 2"
check s6a_dsr "diameter.cmd.code diameter.DSR-Flags diameter.Context-Identifier" "320 8 1"
check s6a_rsr "diameter.cmd.code diameter.User-Id" "322 00101"
check gx_ccr_i "diameter.cmd.code diameter.CC-Request-Type diameter.Subscription-Id-Data diameter.IP-CAN-Type diameter.APN-Aggregate-Max-Bitrate-DL diameter.Called-Station-Id" \
	"272 1 001010123456789,491700000001 5 2000000 internet"
check gx_ccr_u "diameter.cmd.code diameter.CC-Request-Type diameter.Event-Trigger diameter.CC-Total-Octets" \
	"272 2 33 123456"
check gx_ccr_t "diameter.cmd.code diameter.CC-Request-Type diameter.Termination-Cause" "272 3 1"
check gx_cca_i "diameter.cmd.code diameter.Flow-Description diameter.Guaranteed-Bitrate-DL diameter.Rating-Group diameter.Precedence" \
	"272 permit out 17 from 198.51.100.10 5000 to any 1024000 20 100"
check gx_rar "diameter.cmd.code diameter.Re-Auth-Request-Type diameter.Destination-Host" "258 0 mme.agw"
check gx_raa "diameter.cmd.code diameter.PCC-Rule-Status diameter.Rule-Failure-Code" "258 1 10"
check gy_ccr_i "diameter.cmd.code diameter.Service-Context-Id diameter.Rating-Group diameter.Multiple-Services-Indicator" \
	"272 32251@3gpp.org 10,20 1"
check gy_ccr_u "diameter.cmd.code diameter.CC-Total-Octets diameter.3GPP-Reporting-Reason" "272 800000 0"
check gy_ccr_t "diameter.cmd.code diameter.CC-Request-Type diameter.3GPP-Reporting-Reason" "272 3 2"
check gy_cca_u "diameter.cmd.code diameter.Validity-Time diameter.Volume-Quota-Threshold diameter.Final-Unit-Action diameter.Filter-Id diameter.Redirect-Server-Address" \
	"272 600 100000 2,1 walled-garden http://topup.example/"
check gy_rar "diameter.cmd.code diameter.Rating-Group" "258 10"
check gy_asr "diameter.cmd.code diameter.Auth-Application-Id" "274 4"

[ $fail -eq 0 ] && echo "tshark_dia_apps: all checks passed"
exit $fail
