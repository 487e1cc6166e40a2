#!/bin/bash
# GTP-U signalling (TS 29.281 7.3): Error Indication sent for a G-PDU with an
# unknown TEID (exact bytes, rate limited), a received Error Indication
# reported as an event naming our bearer, End Marker sent on request (exact
# bytes) and received End Markers consumed and counted.
. "$(dirname "$0")/lib.sh"

# enb_udp HEX COUNT WAIT: from 172.31.0.2:2152 send HEX COUNT times to
# gtpu0, then print (hex) every datagram received within WAIT seconds
enb_udp() {
	echo "  [enb] udp 172.31.0.2:2152 -> 172.31.0.1:2152 x$2: $1" >&2
	ip netns exec enb python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("172.31.0.2", 2152))
for _ in range(int(sys.argv[2])):
    if sys.argv[1]:
        s.sendto(bytes.fromhex(sys.argv[1]), ("172.31.0.1", 2152))
s.settimeout(float(sys.argv[3]))
try:
    while True:
        print(s.recv(2048).hex())
except socket.timeout:
    pass
' "$1" "$2" "$3"
}

topo_up
gtpu_dev_up || { tc_fail signal/dev-up; exit 1; }
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 cookie 0x55

# G-PDU for TEID 555: Error Indication, 12-octet header with S = 1, TEID 0,
# seq 0, Length 16; TEID Data I (16) 555; GTP-U Peer Address (133, length 4)
# 172.31.0.1 (TS 29.281 7.3.1, 8.3, 8.4)
got=$(enb_udp "$(pkt gpdu --teid 555)" 1 2)
expect_eq signal/err-ind-bytes "$got" "321a00100000000000000000100000022b850004ac1f0001"
expect_eq signal/err-ind-counted "$(dev_stat gtpu0 err_ind_tx)/$(dev_stat gtpu0 drop_no_teid)" 1/1

# a burst of 30: at most GTPU_ERR_IND_BURST (10) per second are sent
got=$(enb_udp "$(pkt gpdu --teid 556)" 30 2 | wc -l)
tx=$(dev_stat gtpu0 err_ind_tx); lim=$(dev_stat gtpu0 err_ind_limited)
check signal/err-ind-rate-limited test "$((tx + lim))" -eq 31 -a "$lim" -ge 10 -a "$got" -eq "$((tx - 1))"

ip netns exec gw gtpuctl -j monitor > "$LOGDIR/monitor.json" &
MON=$!
sleep 0.5
# Error Indication from the eNodeB for TEID 200 (our bearer 100's remote
# TEID): event with the peer, the TEID and the bearer (cookie)
enb_udp "321a0010000000000000000010000000c8850004ac1f0002" 1 0.5 >/dev/null
# for a TEID nobody uses: event without bearer
enb_udp "321a00100000000000000000100000abcd850004ac1f0002" 1 0.5 >/dev/null
# without TEID Data I: malformed
enb_udp "321a000400000000000000000000" 1 0.5 >/dev/null
sleep 0.5
kill "$MON" 2>/dev/null; wait "$MON" 2>/dev/null
cat "$LOGDIR/monitor.json" >&2
check signal/err-ind-event python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
e = [(x["peer"], x["teid"], x.get("bearer", {}).get("teid_in"), x.get("bearer", {}).get("cookie"))
     for x in ev if x["event"] == "error-indication"]
want = [("172.31.0.2", 200, 100, "0x55"), ("172.31.0.2", 0xabcd, None, None)]
sys.exit(0 if e == want else "got %r, want %r" % (e, want))
' "$LOGDIR/monitor.json"
expect_eq signal/err-ind-rx "$(dev_stat gtpu0 err_ind_rx)/$(dev_stat gtpu0 drop_malformed)" 2/1

# End Marker on request: flags 0x30, type 254, Length 0, the remote TEID
# (TS 29.281 7.3.2); nothing else
got=$(ip netns exec enb python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("172.31.0.2", 2152))
open("'"$LOGDIR"'/em.ready", "w").close()
s.settimeout(10)
print(s.recv(2048).hex())
' & wait_for 200 test -e "$LOGDIR/em.ready"
run gw gtpuctl bearer end-marker dev gtpu0 teid-in 100 >&2; wait)
expect_eq signal/end-marker-bytes "$got" "30fe0000000000c8"
expect_eq signal/end-marker-tx "$(dev_stat gtpu0 end_marker_tx)" 1
expect_fail_msg signal/end-marker-no-bearer "no bearer with this TEID" \
	ip netns exec gw gtpuctl bearer end-marker dev gtpu0 teid-in 999

# received End Marker (our TEID 100): consumed and counted, not unsupported
enb_udp "30fe000000000064" 1 0.3 >/dev/null
expect_eq signal/end-marker-rx "$(dev_stat gtpu0 end_marker_rx)/$(dev_stat gtpu0 drop_unsupported)" 1/0
run gw gtpuctl link del gtpu0
topo_down
