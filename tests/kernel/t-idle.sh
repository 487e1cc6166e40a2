#!/bin/bash
# Idle bearers and paging (topology in lib.sh): an idle bearer queues
# downlink, raises exactly one downlink-data event (with its cookie) until it
# is active again, keeps at most idle-qlen packets (the oldest are dropped and
# counted in drop_idle), obeys the device-wide bound, and on "bearer active"
# (here with a new remote TEID) sends the queue in arrival order.
. "$(dirname "$0")/lib.sh"

# recv_n NS ADDR PORT N OUT: background listener printing N payloads in order
recv_n() {
	rm -f "$5.ready"
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
open(sys.argv[4] + ".ready", "w").close()
s.settimeout(5)
out = []
try:
    while len(out) < int(sys.argv[3]):
        out.append(s.recv(100).decode())
except socket.timeout:
    pass
open(sys.argv[4], "w").write(" ".join(out) + "\n")
' "$2" "$3" "$4" "$5" &
	RECV_PID=$!
	# python starts slowly under TCG: wait until the socket is bound
	wait_for 200 test -e "$5.ready"
}

# send_seq FIRST LAST PORT: one UDP datagram "pNN" per number, pdn -> UE
send_seq() {
	echo "  [pdn] send p$1..p$2 to 10.45.0.11:$3" >&2
	ip netns exec pdn python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[1]), int(sys.argv[2]) + 1):
    s.sendto(b"p%02d" % i, (sys.argv[4], int(sys.argv[3])))
' "$1" "$2" "$3" "${4:-10.45.0.11}"
}

bjson() {
	ip netns exec gw gtpuctl -j -s bearer show dev gtpu0 teid "$1" |
		python3 -c 'import json,sys; b=json.load(sys.stdin)[0]; print(eval(sys.argv[1]))' "$2"
}

topo_up
gtpu_dev_up idle-qlen 4 idle-qlen-dev 6 || { tc_fail idle/dev-up; exit 1; }
expect_eq idle/dev-limits "$(ip netns exec gw gtpuctl -j link show gtpu0 |
	python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["idle_qlen"], d["idle_qlen_dev"], d["idle_queued"])')" "4 6 0"
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 \
	ue 10.45.0.11 cookie 0xabc
run gw gtpuctl bearer add dev gtpu0 teid-in 101 teid-out 300 peer 172.31.0.2 \
	ue 10.45.0.12 cookie 0xdef
# the eNodeB peer accepts both the old (200) and the new (201) TEID
ip netns exec enb gtpu-peer tun --local 172.31.0.2 --remote 172.31.0.1 --dev ue1 \
	--map 100:200:10.45.0.11 --map 100:201:10.45.0.11 --log "$LOGDIR/ue1.log" &
PEER=$!
wait_for 50 ip netns exec enb ip link show ue1 >/dev/null 2>&1
run enb ip addr add 10.45.0.11/32 dev ue1
run enb ip link set ue1 up
run enb ip route add 198.18.0.0/24 dev ue1 src 10.45.0.11

ip netns exec gw gtpuctl -j monitor > "$LOGDIR/monitor.json" &
MON=$!
sleep 0.5

run gw gtpuctl bearer idle dev gtpu0 teid-in 100
expect_eq idle/state "$(bjson 100 'b["state"], b["queued"]')" "('idle', 0)"

# 6 packets, queue bound 4: p01 and p02 are dropped (oldest first)
send_seq 1 6 9000
sleep 0.5
expect_eq idle/queued "$(bjson 100 'b["queued"], b["stats"]["drop_idle"], b["stats"]["dl_packets"]')" "(4, 2, 0)"
expect_eq idle/wire-nothing-sent "$(grep -c '^rx' "$LOGDIR/ue1.log")" 0

# device bound 6: bearer 101 may queue 2 more; its third and fourth packet
# replace its own oldest ones
run gw gtpuctl bearer idle dev gtpu0 teid-in 101
send_seq 1 4 9000 10.45.0.12
sleep 0.5
expect_eq idle/dev-bound "$(bjson 101 'b["queued"], b["stats"]["drop_idle"]')" "(2, 2)"
expect_eq idle/dev-queued "$(ip netns exec gw gtpuctl -j -s link show gtpu0 |
	python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["idle_queued"], d["stats"]["drop_idle"])')" "6 4"
# the other bearer's queue was not touched
expect_eq idle/dev-bound-other "$(bjson 100 'b["queued"]')" 4

# one more downlink packet: still only one event per bearer
send_seq 7 7 9000
sleep 0.5
expect_eq idle/still-queued "$(bjson 100 'b["queued"], b["stats"]["drop_idle"]')" "(4, 3)"

# active with a new remote TEID: p04..p07 arrive in order, with TEID 201
recv_n enb 10.45.0.11 9000 4 "$LOGDIR/flush.txt"
run gw gtpuctl bearer active dev gtpu0 teid-in 100 teid-out 201
wait "$RECV_PID"
expect_eq idle/flush-order "$(cat "$LOGDIR/flush.txt")" "p04 p05 p06 p07"
expect_eq idle/flush-teid "$(grep -c '^rx flags=0x30 type=255 len=31 teid=201 inner=31$' "$LOGDIR/ue1.log")" 4
expect_eq idle/active "$(bjson 100 'b["state"], b["queued"], b["stats"]["dl_packets"], b["teid_out"]')" "('active', 0, 4, 201)"

# active again: traffic goes straight out
recv_n enb 10.45.0.11 9001 1 "$LOGDIR/direct.txt"
send_seq 8 8 9001
wait "$RECV_PID"
expect_eq idle/direct "$(cat "$LOGDIR/direct.txt")" "p08"

# idle again: a new episode raises a new event
run gw gtpuctl bearer idle dev gtpu0 teid-in 100
send_seq 9 9 9000
sleep 0.5

# deleting an idle bearer discards its queue (counted on the device)
run gw gtpuctl bearer del dev gtpu0 teid-in 101
expect_eq idle/del-purges "$(ip netns exec gw gtpuctl -j -s link show gtpu0 |
	python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["idle_queued"], d["stats"]["drop_idle"])')" "1 7"

sleep 0.3
kill "$MON" 2>/dev/null; wait "$MON" 2>/dev/null
cat "$LOGDIR/monitor.json" >&2
check idle/events python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
dl = [(e["teid_in"], e["cookie"], e["state"]) for e in ev if e["event"] == "downlink-data"]
want = [(100, "0xabc", "idle"), (101, "0xdef", "idle"), (100, "0xabc", "idle")]
sys.exit(0 if dl == want else "downlink-data events %r, want %r" % (dl, want))
' "$LOGDIR/monitor.json"

# STATE on ADD: a bearer may be created idle (agwd restoring an idle UE)
run gw gtpuctl bearer add dev gtpu0 teid-in 102 teid-out 1 peer 172.31.0.2 ue 10.45.0.13
expect_eq idle/nlraw-add-idle "$(ip netns exec gw python3 "$(dirname "$0")/nlraw.py" 1 \
	1:u32:"$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)" \
	3:nest:[ 1:u32:103 2:u32:1 3:ip4:172.31.0.2 5:ip4:10.45.0.14 12:u8:1 ])" ok
expect_eq idle/added-idle "$(bjson 103 'b["state"]')" idle
expect_eq idle/nlraw-bad-state "$(ip netns exec gw python3 "$(dirname "$0")/nlraw.py" 2 \
	1:u32:"$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)" \
	3:nest:[ 1:u32:102 12:u8:2 ] | cut -d: -f1)" "error ERANGE"

kill "$PEER" 2>/dev/null; wait "$PEER" 2>/dev/null
run gw gtpuctl link del gtpu0
topo_down
