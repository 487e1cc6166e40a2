# shellcheck shell=bash
# Helpers for the end-to-end scenarios (tests/e2e/t-*.sh), run inside the
# scripts/vm guest by tests/kernel/run with TEST_DIR=tests/e2e.
#
# Topology (tests/kernel/lib.sh draws it): enbsim runs in ns enb
# (S1-MME and S1-U 172.31.0.2, UEs on TUN devices), agwd and gtpu0 in ns gw
# (172.31.0.1: SCTP 36412, GTP-U 2152; SGi 198.18.0.1), a PDN host in ns pdn
# (198.18.0.2).  UE addresses come from agwd's pool 10.45.0.0/16.
. "$(dirname "${BASH_SOURCE[0]}")/../kernel/lib.sh"

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LOGDIR
E2E_K=465b5ce8b199b49faa5f0a2ee238a6bc
E2E_OPC=cd63cb71954a9f4e48a5994e37a02baf
E2E_IMSI0=001010000000001

# agwd_config FILE: a configuration for the test topology
agwd_config() {
	cat > "$1" <<JSON
{
	"plmn": { "mcc": "001", "mnc": "01" },
	"mme": { "group_id": 1, "code": 1, "name": "agwd-e2e", "relative_capacity": 255 },
	"tais": [ { "mcc": "001", "mnc": "01", "tac": 1 } ],
	"s1ap": { "addresses": ["172.31.0.1"], "port": 36412 },
	"apns": [
		{ "name": "internet", "ipv4_pool": "10.45.0.0/16", "ipv6_prefix_pool": "2001:db8:45::/48",
		  "dns4": ["198.18.0.53"], "ambr_ul": 100000000, "ambr_dl": 200000000, "qci": 9, "arp": 15 },
		{ "name": "ims", "ipv4_pool": "10.46.0.0/16", "dns4": ["198.18.0.53"],
		  "ambr_ul": 10000000, "ambr_dl": 10000000, "qci": 5, "arp": 1 }
	],
	"gtpu": { "enabled": true, "device": "gtpu0", "local_ipv4": "172.31.0.1", "port": 2152 },
	"state_dir": "$LOGDIR/state",
	"ctl_socket": "$LOGDIR/agwd.sock",
	"metrics": "127.0.0.1:9090",
	"logging": { "level": "info", "syslog": false }
}
JSON
}

agwctl_() { ip netns exec gw agwctl -s "$LOGDIR/agwd.sock" "$@"; }

# Every scenario leaves no process behind: agwd is killed on exit (enbsim
# runs in the foreground; its background "exec" steps die with it).
e2e_cleanup() {
	agwd_stop KILL
	topo_down
}
trap e2e_cleanup EXIT

# ues N [APN] [K]: the "ues" array of a scenario, N UEs from E2E_IMSI0 on eNB 0
ues() {
	printf '[ { "imsi": "%s", "k": "%s", "opc": "%s", "apn": "%s", "count": %s, "enb": 0, "tun": "ue0" } ]' \
		"$E2E_IMSI0" "${3:-$E2E_K}" "$E2E_OPC" "${2:-internet}" "$1"
}

# expect_step ARGS...: a scenario "exec" step running tests/e2e/expect.py ARGS
# (ok when the assertion holds at that point of the scenario).  It may take
# 60 s: python and gtpuctl start slowly in a loaded TCG guest ("bearers 1" of
# t-netdetach once took more than the scenario's 20 s with the host's two
# CPUs shared by three guests), and the answer does not depend on timing.
expect_step() {
	printf '{ "op": "exec", "timeout": 60, "cmd": "%s %s" }' "$E2E_DIR/expect.py" "$*"
}

# agwd_up: topology, gtpu0, agwd running in ns gw with its S1AP capture
agwd_up() {
	topo_up
	run enb ip addr add 172.31.0.3/24 dev veth-enb
	gtpu_dev_up || return 1
	run gw ip route add 10.46.0.0/16 dev gtpu0
	run pdn ip route add 10.46.0.0/16 via 198.18.0.1
	mkdir -p "$LOGDIR/state"
	agwd_config "$LOGDIR/agwd.json"
	agwd_start
}

agwd_start() {
	rm -f "$LOGDIR/agwd.sock"
	ip netns exec gw agwd -c "$LOGDIR/agwd.json" --pcap "$LOGDIR/s1ap.pcap" \
		>> "$LOGDIR/agwd.log" 2>&1 &
	echo $! > "$LOGDIR/agwd.pid"
	wait_for 100 test -S "$LOGDIR/agwd.sock" || { cat "$LOGDIR/agwd.log"; return 1; }
}

agwd_stop() {
	local sig=${1:-TERM} pid
	pid=$(cat "$LOGDIR/agwd.pid" 2>/dev/null) || return 0
	kill -"$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rm -f "$LOGDIR/agwd.pid"
	true
}

# subscribers N: IMSIs E2E_IMSI0 .. +N-1 with the test keys
subscribers() {
	local n=$1
	python3 - "$n" "$LOGDIR/subs.csv" "$E2E_K" "$E2E_OPC" <<'PY'
import sys
n, out, k, opc = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(out, "w") as f:
    f.write("imsi,k,opc,amf,sqn,msisdn,apns\n")
    for i in range(n):
        f.write("00101%010d,%s,%s,8000,0,1555%07d,internet;ims\n" % (1 + i, k, opc, i))
PY
	agwctl_ subscriber import "$LOGDIR/subs.csv"
}

# enbsim_run NAME SCENARIO.json: run a scenario in ns enb; its JSON lines go
# to $LOGDIR/NAME.out; each step becomes a case NAME/stepN-op
enbsim_run() {
	local name=$1 scen=$2 rc
	echo "  [enb] enbsim --scenario $scen" >&2
	ip netns exec enb enbsim --scenario "$scen" > "$LOGDIR/$name.out" 2> "$LOGDIR/$name.err"
	rc=$?
	cat "$LOGDIR/$name.out"
	python3 - "$LOGDIR/$name.out" "$name" <<'PY' | while read -r line; do echo "$line" | tee -a "$TC_RESULTS"; done
import json, sys
for l in open(sys.argv[1]):
    l = l.strip()
    if not l.startswith("{"):
        continue
    s = json.loads(l)
    name = "%s/%02d-%s" % (sys.argv[2], s["step"], s["op"])
    if s["result"] == "ok":
        print("PASS " + name)
    else:
        print("FAIL %s: %s" % (name, s.get("detail", "")))
PY
	if [ $rc -ne 0 ]; then
		tail -n 30 "$LOGDIR/$name.err"
		tail -n 40 "$LOGDIR/agwd.log"
	fi
	return $rc
}

# scenario FILE UES_JSON STEPS_JSON: write an enbsim scenario for the topology
scenario() {
	cat > "$1" <<JSON
{ "timeout": 20,
  "enbs": [ { "name": "enb0", "enb_id": 1, "plmn": "00101", "tac": [1],
              "mme": "172.31.0.1", "addr": "172.31.0.2", "s1u": "172.31.0.2" },
            { "name": "enb1", "enb_id": 2, "plmn": "00101", "tac": [1],
              "mme": "172.31.0.1", "addr": "172.31.0.3", "s1u": "172.31.0.3" } ],
  "ues": $2,
  "steps": $3 }
JSON
}

# pcap_clean FILE: tshark dissects the S1AP capture with no malformed packet.
# NAS messages ciphered with EEA1/2/3 cannot be deciphered by tshark; its
# default (nas-eps.null_decipher: TRUE) dissects their ciphertext as if it
# were EEA0 and then reports random "malformed" frames, so that is off.
pcap_clean() {
	local n bad o="-o nas-eps.null_decipher:FALSE"
	# shellcheck disable=SC2086
	n=$(tshark $o -r "$1" -Y s1ap 2>/dev/null | wc -l)
	# shellcheck disable=SC2086
	bad=$(tshark $o -r "$1" -V 2>/dev/null | grep -ci 'malformed')
	echo "  s1ap capture: $n S1AP frames, $bad malformed" >&2
	if [ "$bad" -ne 0 ]; then
		# shellcheck disable=SC2086
		tshark $o -r "$1" -Y _ws.malformed 2>/dev/null | head -n 10 >&2
		# shellcheck disable=SC2086
		tshark $o -r "$1" -V -Y _ws.malformed 2>/dev/null | grep -i -B 12 malformed | head -n 60 >&2
	fi
	[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
}
