#!/bin/bash
# Metering: a usage threshold fires one "usage" event carrying the meter's
# counters exactly at the crossing packet (that packet included, nothing
# after it), then stays quiet until thresholds are set again; uplink-only
# thresholds; read-and-clear usage (do and dump) reports every packet once.
. "$(dirname "$0")/lib.sh"

# dl N: N downlink UDP datagrams of 72 payload bytes (100-byte inner packets)
dl() {
	echo "  [pdn] $1 x 100-byte packets to 10.45.0.11" >&2
	ip netns exec pdn python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[1])):
    s.sendto(bytes(72), ("10.45.0.11", 9))
    time.sleep(0.02)
' "$1"
	sleep 0.3
}

# ul N: N uplink G-PDUs with 100-byte inner packets (72 payload bytes)
ul() {
	local hex i
	hex=$(pkt gpdu --teid 100 --src 10.45.0.11 --dst 198.18.0.2 --payload 72)
	for i in $(seq "$1"); do gtpu_send "$hex"; done
	sleep 0.3
}

usage_of() {	# usage_of JSON-LIST KEYS...: "v v v v" of the first bearer
	python3 -c 'import json,sys; b=json.loads(sys.argv[1])[0]["usage"]; print(" ".join(str(b[k]) for k in sys.argv[2:]))' "$@"
}

topo_up
gtpu_dev_up || { tc_fail meter/dev-up; exit 1; }
# a sink for the uplink datagrams: no ICMP errors coming back as downlink
ip netns exec pdn python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("198.18.0.2", 9))
while True:
    s.recv(2048)
' &
SINK=$!
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 cookie 0x77 threshold 1000
expect_eq meter/armed "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 100 |
	python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["threshold"])')" 1000

ip netns exec gw gtpuctl -j monitor > "$LOGDIR/monitor.json" &
MON=$!
sleep 0.5

# 15 downlink packets of 100 bytes: the 10th reaches 1000
dl 15
expect_eq meter/disarmed "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 100 |
	python3 -c 'import json,sys; print(json.load(sys.stdin)[0].get("threshold", "none"))')" none

# uplink-only threshold 200: the 2nd of 3 uplink packets fires
run gw gtpuctl bearer mod dev gtpu0 teid-in 100 threshold-ul 200
ul 3
# a downlink-only threshold not reached: no event
run gw gtpuctl bearer mod dev gtpu0 teid-in 100 threshold-dl 100000
dl 2
sleep 0.3
kill "$MON" 2>/dev/null; wait "$MON" 2>/dev/null
cat "$LOGDIR/monitor.json" >&2
check meter/events python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
u = [(e["teid_in"], e["cookie"], e.get("threshold"), e.get("threshold_ul"),
      e["usage"]["ul_packets"], e["usage"]["ul_bytes"],
      e["usage"]["dl_packets"], e["usage"]["dl_bytes"]) for e in ev if e["event"] == "usage"]
want = [(100, "0x77", 1000, None, 0, 0, 10, 1000), (100, "0x77", None, 200, 2, 200, 0, 0)]
sys.exit(0 if u == want else "usage events %r, want %r" % (u, want))
' "$LOGDIR/monitor.json"

# read-and-clear: everything since the bearer was added (3 UL, 17 DL), then
# nothing, then the next packet only
out=$(ip netns exec gw gtpuctl -j bearer usage dev gtpu0 teid-in 100)
expect_eq meter/clear-first "$(usage_of "$out" ul_packets ul_bytes dl_packets dl_bytes)" "3 300 17 1700"
out=$(ip netns exec gw gtpuctl -j bearer usage dev gtpu0 teid-in 100)
expect_eq meter/clear-again "$(usage_of "$out" ul_packets ul_bytes dl_packets dl_bytes)" "0 0 0 0"
dl 1
# the dump variant clears too; lifetime counters are untouched
out=$(ip netns exec gw gtpuctl -j bearer usage dev gtpu0)
expect_eq meter/clear-dump "$(usage_of "$out" dl_packets dl_bytes)" "1 100"
out=$(ip netns exec gw gtpuctl -j bearer usage)
expect_eq meter/clear-dump-again "$(usage_of "$out" dl_packets dl_bytes)" "0 0"
expect_eq meter/lifetime "$(bearer_stat gtpu0 100 dl_bytes)" 1800

# disarm with 0; bad flags are refused
run gw gtpuctl bearer mod dev gtpu0 teid-in 100 threshold 0
expect_eq meter/disarm "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 teid 100 |
	python3 -c 'import json,sys; b=json.load(sys.stdin)[0]; print([k for k in b if k.startswith("threshold")])')" "[]"
expect_eq meter/bad-flags "$(ip netns exec gw python3 "$(dirname "$0")/nlraw.py" 4 \
	1:u32:"$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)" 3:nest:[ 1:u32:100 ] 8:u32:2 | cut -d: -f1)" "error EINVAL"
kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null
run gw gtpuctl link del gtpu0
topo_down
