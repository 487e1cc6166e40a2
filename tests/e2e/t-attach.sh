#!/bin/bash
# Key flow 1: one eNodeB, 10 UEs attach (EPS AKA, security mode, default
# bearer, Initial Context Setup), each pings the PDN host through gtpu.ko,
# then all detach and every kernel bearer is gone.  Each PDN connection has
# its APN-AMBR group in gtpu.ko (the APN's rates) while attached, none after.  The S1AP capture agwd
# wrote is dissected by tshark with no malformed packet.
. "$(dirname "$0")/lib.sh"

agwd_up || { tc_fail attach/agwd-up; exit 1; }
check attach/subscribers subscribers 10

steps='[ { "op": "s1setup", "enb": 0 },
         { "op": "attach", "ues": "all" },
         { "op": "check", "ues": "all", "state": "registered", "connected": 1, "kenb_ok": true }'
for i in $(seq 0 9); do
	steps="$steps, { \"op\": \"ping\", \"ue\": $i, \"dst\": \"198.18.0.2\", \"count\": 2 }"
done
steps="$steps, { \"op\": \"exec\", \"cmd\": \"ip netns exec gw gtpuctl -j bearer show > $LOGDIR/bearers.json\" },
	 $(expect_step ambr 10 100000000 200000000),
         { \"op\": \"detach\", \"ues\": \"all\" } ]"
scenario "$LOGDIR/attach.json" "[ { \"imsi\": \"$E2E_IMSI0\", \"k\": \"$E2E_K\", \"opc\": \"$E2E_OPC\",
	\"apn\": \"internet\", \"count\": 10, \"enb\": 0, \"tun\": \"ue0\" } ]" "$steps"
enbsim_run attach "$LOGDIR/attach.json"

expect_eq attach/ten-kernel-bearers "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$LOGDIR/bearers.json" 2>/dev/null)" 10
sleep 0.5
expect_eq attach/no-bearers-after-detach "$(ip netns exec gw gtpuctl -j bearer show)" "[]"
expect_eq attach/no-ambr-groups-after-detach "$(ip netns exec gw gtpuctl -j ambr show)" "[]"
expect_eq attach/no-ues-after-detach "$(agwctl_ -j ue list | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("ues", d) if isinstance(d, dict) else d; print(sum(1 for u in d if u.get("emm","").upper().find("REGISTERED") == 0))')" 0
agwd_stop
check attach/s1ap-capture-clean pcap_clean "$LOGDIR/s1ap.pcap"
topo_down
