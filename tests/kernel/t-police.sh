#!/bin/bash
# QoS: MBR policing downlink and uplink holds a flow sent at 3x the MBR
# within 10% of the MBR; two bearers of one APN-AMBR group are held within
# 10% of the group's rate; a flow below the MBR loses nothing; every packet
# is delivered or counted as drop_policed (sent = delivered + policed,
# exactly); AMBR groups' members and drops; QFI: the exact PDU Session
# Container of a downlink G-PDU and an uplink one accepted; bad input with
# its extack text.  Rates are modest (TCG): a few Mbit/s of 1000-octet
# packets over 3 s, measured from the kernel's counters.
. "$(dirname "$0")/lib.sh"
# expect_nl NAME "error EXXX: text" nlraw-args... (lib.sh: nl, nl_expect)
expect_nl() { local name=$1; shift; nl_expect "police/$name" "$@"; }

bstat() { bearer_stat gtpu0 "$1" "$2"; }

# within NAME GOT WANT: |GOT - WANT| <= 10% of WANT
within() {
	if python3 -c 'import sys; g, w = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(g - w) > 0.1 * w)' "$2" "$3"; then
		tc_pass "$1 ($2 vs $3)"
	else
		tc_fail "$1: got $2, want $3 +- 10%"
	fi
}

# rate_of BYTES SECS: bit/s
rate_of() { python3 -c 'import sys; print(int(int(sys.argv[1]) * 8 / float(sys.argv[2])))' "$1" "$2"; }

sink_start() {	# sink_start NS ADDR PORT: swallow UDP datagrams
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
s.bind((sys.argv[1], int(sys.argv[2])))
while True:
    s.recv(4096)
' "$2" "$3" &
	SINKS="${SINKS:-} $!"
	sleep 1
}

topo_up
gtpu_dev_up || { tc_fail police/dev-up; exit 1; }
IDX=$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)
sink_start pdn 198.18.0.2 9		# uplink inner packets end here
sink_start enb 172.31.0.2 2152		# downlink G-PDUs end here

# ---- MBR downlink: 6 Mbit/s offered, MBR-DL 2 Mbit/s
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 mbr-ul 2mbit mbr-dl 2mbit
show=$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 100)
expect_eq police/shown "$(python3 -c 'import json,sys; b=json.loads(sys.argv[1])[0]; print(b["mbr_ul"], b["mbr_dl"], "ambr_group" in b, "qfi" in b)' "$show")" \
	"2000000 2000000 False False"
read -r _ sent octets secs <<<"$(ip netns exec pdn udp-pace udp --dst 10.45.0.11 \
	--rate 6000000 --size 1000 --secs 3)"
echo "  sender: $sent packets $octets octets in $secs s" >&2
dl=$(bstat 100 dl_packets) pol=$(bstat 100 drop_policed)
expect_eq police/dl-accounted "$((dl + pol))" "$sent"
check police/dl-offered-over [ "$(rate_of "$octets" "$secs")" -ge 3000000 ]
within police/dl-mbr "$(rate_of "$(bstat 100 dl_bytes)" "$secs")" 2000000
expect_eq police/dev-counted "$(dev_stat gtpu0 drop_policed)" "$pol"

# ---- below the MBR: nothing lost
run gw gtpuctl bearer mod dev gtpu0 teid-in 100 mbr-dl 4mbit
dl0=$(bstat 100 dl_packets) pol0=$(bstat 100 drop_policed)
read -r _ sent octets secs <<<"$(ip netns exec pdn udp-pace udp --dst 10.45.0.11 \
	--rate 1000000 --size 1000 --secs 3)"
expect_eq police/below-mbr "$(($(bstat 100 dl_packets) - dl0))/$(($(bstat 100 drop_policed) - pol0))" "$sent/0"

# ---- MBR uplink: G-PDUs at 6 Mbit/s of inner packets, MBR-UL 2 Mbit/s
kill $SINKS 2>/dev/null; wait $SINKS 2>/dev/null; SINKS=
sink_start pdn 198.18.0.2 9
pol0=$(bstat 100 drop_policed)
read -r _ sent octets secs <<<"$(ip netns exec enb udp-pace gtpu --local 172.31.0.2 \
	--remote 172.31.0.1 --flow 100:10.45.0.11 --dst 198.18.0.2 \
	--rate 6000000 --size 1000 --secs 3)"
echo "  sender: $sent packets $octets octets in $secs s" >&2
ul=$(bstat 100 ul_packets) pol=$(($(bstat 100 drop_policed) - pol0))
expect_eq police/ul-accounted "$((ul + pol))" "$sent"
check police/ul-offered-over [ "$(rate_of "$octets" "$secs")" -ge 3000000 ]
within police/ul-mbr "$(rate_of "$(bstat 100 ul_bytes)" "$secs")" 2000000

# ---- APN-AMBR: two bearers of group 5 (DL 2 Mbit/s), 3 Mbit/s each
sink_start enb 172.31.0.2 2152
expect_fail_msg police/unknown-group "unknown AMBR group" \
	ip netns exec gw gtpuctl bearer add dev gtpu0 teid-in 101 teid-out 201 \
	peer 172.31.0.2 ue 10.45.0.12 ambr-group 5
run gw gtpuctl ambr set dev gtpu0 group 5 ul 8mbit dl 2mbit
run gw gtpuctl bearer add dev gtpu0 teid-in 101 teid-out 201 peer 172.31.0.2 \
	ue 10.45.0.12 ambr-group 5
run gw gtpuctl bearer add dev gtpu0 teid-in 102 teid-out 202 peer 172.31.0.2 \
	ue 10.45.0.13 ambr-group 5 mbr-dl 100mbit
grp() { ip netns exec gw gtpuctl -j ambr show dev gtpu0 group 5 |
	python3 -c 'import json,sys; g=json.load(sys.stdin)[0]; print(" ".join(str(g[k]) for k in sys.argv[1:]))' "$@"; }
expect_eq police/group-shown "$(grp group ul dl members drop_ul drop_dl)" "5 8000000 2000000 2 0 0"
read -r _ sent octets secs <<<"$(ip netns exec pdn udp-pace udp \
	--dst 10.45.0.12,10.45.0.13 --rate 6000000 --size 1000 --secs 3)"
echo "  sender: $sent packets $octets octets in $secs s" >&2
dl=$(($(bstat 101 dl_packets) + $(bstat 102 dl_packets)))
pol=$(($(bstat 101 drop_policed) + $(bstat 102 drop_policed)))
expect_eq police/ambr-accounted "$((dl + pol))" "$sent"
within police/ambr-rate "$(rate_of $(($(bstat 101 dl_bytes) + $(bstat 102 dl_bytes))) "$secs")" 2000000
expect_eq police/ambr-group-drops "$(grp drop_dl)" "$pol"
# both members got a share (the policer is not starving one of them)
check police/ambr-shared test "$(bstat 101 dl_packets)" -gt 50 -a "$(bstat 102 dl_packets)" -gt 50
# rates 0 with members: the group stays; it goes with its last member
run gw gtpuctl ambr set dev gtpu0 group 5 ul 0 dl 0
expect_eq police/group-kept "$(grp members ul dl)" "2 0 0"
run gw gtpuctl bearer mod dev gtpu0 teid-in 101 ambr-group 0
run gw gtpuctl bearer del dev gtpu0 teid-in 102
expect_fail_msg police/group-gone "no such AMBR group" ip netns exec gw gtpuctl ambr show dev gtpu0 group 5
expect_eq police/ambr-cleared "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 101 |
	python3 -c 'import json,sys; print("ambr_group" in json.load(sys.stdin)[0])')" False
kill $SINKS 2>/dev/null; wait $SINKS 2>/dev/null; SINKS=

# ---- QFI: the PDU Session Container on the wire (downlink, eNB side)
run gw gtpuctl bearer add dev gtpu0 teid-in 103 teid-out 0x303 peer 172.31.0.2 \
	ue 10.45.0.14 qfi 9
rm -f "$LOGDIR/qfi.ready"
ip netns exec enb python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("172.31.0.2", 2152))
open(sys.argv[1] + ".ready", "w").close()
s.settimeout(20)
open(sys.argv[1], "w").write(s.recv(4096).hex() + "\n")
' "$LOGDIR/qfi" &
CAP=$!
wait_for 200 test -e "$LOGDIR/qfi.ready"
udp_send pdn 10.45.0.14 9 qfi
wait $CAP
got=$(cat "$LOGDIR/qfi" 2>/dev/null)
# 0x34: version 1, PT, E; G-PDU; length 8 + 31; TEID 0x303; sequence and
# N-PDU 0, next extension 0x85; PDU Session Container: length 1, DL PDU
# SESSION INFORMATION (PDU type 0), QFI 9, next extension 0; the inner
# IPv4 packet (31 octets: 20 + 8 + "qfi")
expect_eq police/qfi-header "${got:0:32}" "34ff0027000003030000008501000900"
expect_eq police/qfi-length "$(( ${#got} / 2 ))" 47
expect_eq police/qfi-inner "${got:32:2}/${got: -6}" "45/716669"
expect_eq police/qfi-shown "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 103 |
	python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["qfi"])')" 9
# uplink with a PDU Session Container (UL PDU SESSION INFORMATION, QFI 9)
sink_start pdn 198.18.0.2 9
gtpu_send "$(pkt gpdu --teid 103 --src 10.45.0.14 --ext 01100900)"
sleep 0.3
expect_eq police/qfi-uplink "$(bstat 103 ul_packets)/$(dev_stat gtpu0 drop_malformed)" 1/0

# ---- bad input (GTPU_CMD 1 add, 14 AMBR_SET, 15 AMBR_GET; GTPU_A_AMBR 10;
# BEARER_A 21 AMBR_GROUP, 22 QFI; AMBR_A 1 GROUP, 2 UL, 3 DL, 4 MEMBERS)
B="1:u32:110 2:u32:210 3:ip4:172.31.0.2 5:ip4:10.45.0.20"
expect_nl qfi-64 "error ERANGE: integer out of range" 1 1:u32:$IDX 3:nest:[ $B 22:u8:64 ]
expect_nl unknown-group "error ENOENT: unknown AMBR group (create it with AMBR_SET)" \
	1 1:u32:$IDX 3:nest:[ $B 21:u32:77 ]
expect_eq police/unknown-group-not-added "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 110 2>/dev/null)" ""
expect_nl ambr-no-nest "error EINVAL: missing AMBR" 14 1:u32:$IDX
expect_nl ambr-no-group "error EINVAL: missing AMBR GROUP" 14 1:u32:$IDX 10:nest:[ 2:u64:1000 ]
expect_nl ambr-group-0 "error ERANGE: integer out of range" 14 1:u32:$IDX 10:nest:[ 1:u32:0 2:u64:1000 ]
expect_nl ambr-members-ro "error EINVAL" 14 1:u32:$IDX 10:nest:[ 1:u32:3 4:u32:1 ]
expect_nl ambr-unknown-delete "error ENOENT: no such AMBR group (and no rate to create it)" \
	14 1:u32:$IDX 10:nest:[ 1:u32:3 2:u64:0 ]
expect_nl ambr-get-unknown "error ENOENT: no such AMBR group" 15 1:u32:$IDX 10:nest:[ 1:u32:3 ]
expect_fail_msg police/bad-rate "rate must be a number and a unit" \
	ip netns exec gw gtpuctl bearer mod dev gtpu0 teid-in 100 mbr-dl 10
expect_eq police/groups-empty "$(ip netns exec gw gtpuctl -j ambr show)" "[]"

kill $SINKS 2>/dev/null; wait $SINKS 2>/dev/null
topo_down
exit 0
