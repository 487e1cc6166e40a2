#!/bin/bash
# GTP-U path management (TS 29.281 7.2): Echo Requests from a peer are
# answered in the kernel with the device's restart counter; an Echo Request
# asked for over netlink is sent and its response reported as an event.
. "$(dirname "$0")/lib.sh"

topo_up
gtpu_dev_up restart-counter 9 || { tc_fail echo/dev-up; exit 1; }

out=$(run enb gtpu-peer echo-request --local 172.31.0.2 --remote 172.31.0.1 --seq 4242 --timeout 3)
echo "$out"
check echo/answered-by-kernel grep -q '^echo-response seq=4242 recovery=9 ' <<<"$out"
expect_eq echo/echo-req-counted "$(dev_stat gtpu0 echo_req_rx)" 1

ip netns exec gw gtpuctl -j monitor > "$LOGDIR/monitor.json" &
mon=$!
ip netns exec enb gtpu-peer echo-responder --local 172.31.0.2 --restart 7 &
resp=$!
sleep 0.5
out=$(run gw gtpuctl echo dev gtpu0 peer 172.31.0.2 timeout 3)
echo "$out"
check echo/response-reported grep -q 'restart-counter 7' <<<"$out"
expect_eq echo/echo-rsp-counted "$(dev_stat gtpu0 echo_rsp_rx)" 1
sleep 0.3
kill $mon $resp 2>/dev/null; wait $mon $resp 2>/dev/null
cat "$LOGDIR/monitor.json"
check echo/monitor-event python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sys.exit(0 if any(e.get("restart_counter") == 7 and e.get("peer") == "172.31.0.2" for e in ev) else 1)
' "$LOGDIR/monitor.json"

# no responder: gtpuctl echo times out with exit status 1
run gw gtpuctl echo dev gtpu0 peer 172.31.0.2 timeout 1
expect_eq echo/timeout-exit-status $? 1
topo_down
