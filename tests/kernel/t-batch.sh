#!/bin/bash
# Multi-bearer BEARER_ADD / BEARER_DEL (family version 2): one message
# carries several GTPU_A_BEARER nests and is applied all or nothing; the
# error names the failing nest (its offset in the request); events only for
# requests that succeed; the per-message cap; and gtpuctl -batch keeping
# per-line outcomes when a packed message fails.
. "$(dirname "$0")/lib.sh"
nl() { ip netns exec gw python3 "$(dirname "$0")/nlraw.py" "$@"; }

# expect NAME "error EXXX: text" nlraw-args...
expect() {
	local name=$1 want=$2 got; shift 2
	got=$(nl "$@" 2>&1)
	echo "  [gw] nlraw ${*:0:6}... -> $got" >&2
	if [ "$got" = "$want" ]; then tc_pass "batch/$name"; else tc_fail "batch/$name: got '$got', want '$want'"; fi
}

count() { ip netns exec gw gtpuctl -j bearer show dev gtpu0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

topo_up
gtpu_dev_up || { tc_fail batch/dev-up; exit 1; }
IDX=$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)
expect_eq batch/family-version "$(ip netns exec gw python3 -c '
import socket, struct
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16); s.bind((0, 0))
name = b"gtpu\0"; a = struct.pack("=HH", 4 + len(name), 2) + name + b"\0" * 3
s.send(struct.pack("=IHHII", 20 + len(a), 0x10, 1, 1, 0) + struct.pack("=BBH", 3, 1, 0) + a)
d = s.recv(65536); off = 20
while off < len(d):
    ln, t = struct.unpack_from("=HH", d, off)
    if t == 3: print(struct.unpack_from("=I", d, off + 4)[0])
    off += (ln + 3) & ~3
')" 3

# nest N: BEARER{LOCAL_TEID N, REMOTE_TEID N, PEER_IP4, UE_IP4 10.45.1.N}: 36
# bytes; the first nest starts at 28 (nlmsghdr 16, genlmsghdr 4, IFINDEX 8)
n() { echo "3:nest:[ 1:u32:$1 2:u32:$1 3:ip4:172.31.0.2 5:ip4:10.45.1.${2:-$1} ]"; }

ip netns exec gw gtpuctl -j monitor > "$LOGDIR/monitor.json" &
MON=$!
sleep 0.5

# shellcheck disable=SC2046
expect add-three ok 1 1:u32:$IDX $(n 1) $(n 2) $(n 3)
expect_eq batch/three-added "$(count)" 3
# the third nest reuses TEID 2: EEXIST naming the third nest (28 + 2 * 36)
# shellcheck disable=SC2046
expect add-dup-teid "error EEXIST: TEID already in use (offset 100)" 1 1:u32:$IDX $(n 4) $(n 5) $(n 2 6)
# the second nest reuses UE 10.45.1.4 of the first one in the same request
# shellcheck disable=SC2046
expect add-dup-ue "error EEXIST: UE address already bound (offset 64)" 1 1:u32:$IDX $(n 7) $(n 8 7)
# a policy error inside a nest: the offset is the attribute's (EBI 16)
expect add-bad-ebi "error ERANGE: integer out of range (offset 100)" 1 1:u32:$IDX \
	$(n 9) 3:nest:[ 1:u32:10 2:u32:10 3:ip4:172.31.0.2 5:ip4:10.45.1.10 8:u8:16 ]
expect_eq batch/nothing-half-added "$(count)" 3

# at most GTPU_BEARERS_PER_MSG_MAX (1024) nests in one message
many=$(for i in $(seq 100 1124); do n "$i" 99; done)
# shellcheck disable=SC2086
expect add-too-many "error E2BIG: too many BEARER nests (GTPU_BEARERS_PER_MSG_MAX)" 1 1:u32:$IDX $many
many=$(for i in $(seq 1 1024); do echo "3:nest:[ 1:u32:$((1000 + i)) 2:u32:1 3:ip4:172.31.0.2 5:ip4:10.46.$((i >> 8)).$((i & 255)) ]"; done)
# shellcheck disable=SC2086
expect add-1024 ok 1 1:u32:$IDX $many
expect_eq batch/1027-bearers "$(count)" 1027
many=$(for i in $(seq 1 1024); do echo "3:nest:[ 1:u32:$((1000 + i)) ]"; done)
# shellcheck disable=SC2086
expect del-1024 ok 3 1:u32:$IDX $many

# DEL: all or nothing too
expect del-missing "error ENOENT: no bearer with this TEID (offset 40)" 3 1:u32:$IDX \
	3:nest:[ 1:u32:1 ] 3:nest:[ 1:u32:77 ] 3:nest:[ 1:u32:3 ]
expect del-twice "error EINVAL: TEID named twice in one request (offset 40)" 3 1:u32:$IDX \
	3:nest:[ 1:u32:1 ] 3:nest:[ 1:u32:1 ]
expect_eq batch/nothing-half-deleted "$(count)" 3
# MOD and GET take one nest
expect mod-two "error EINVAL: this command takes one BEARER" 2 1:u32:$IDX \
	3:nest:[ 1:u32:1 2:u32:5 ] 3:nest:[ 1:u32:2 2:u32:5 ]
expect del-two ok 3 1:u32:$IDX 3:nest:[ 1:u32:1 ] 3:nest:[ 1:u32:3 ]
expect_eq batch/one-left "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 | python3 -c 'import json,sys; print([b["teid_in"] for b in json.load(sys.stdin)])')" "[2]"

sleep 0.5
kill "$MON" 2>/dev/null; wait "$MON" 2>/dev/null
# events: 3 + 1024 new, 1024 + 2 deleted, in request order; none for the
# refused requests (TEIDs 4..10 never appear)
check batch/events python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
new = [e["teid_in"] for e in ev if e["event"] == "bearer-new"]
dele = [e["teid_in"] for e in ev if e["event"] == "bearer-deleted"]
ok = new == [1, 2, 3] + list(range(1001, 2025)) and dele == list(range(1001, 2025)) + [1, 3]
sys.exit(0 if ok else "new %r... deleted %r..." % (new[:8], dele[-4:]))
' "$LOGDIR/monitor.json"

# gtpuctl -batch: 3000 adds (packed 1024 per message) with two bad lines;
# each bad line is reported with its line number, all others are added
python3 - "$LOGDIR/b.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        teid = 2 if i == 1500 else 5000 + i          # line 1501: TEID in use
        ue = "10.45.1.2" if i == 2999 else "10.47.%d.%d" % (i >> 8, i & 255)  # line 3000: UE bound
        f.write("bearer add dev gtpu0 teid-in %d teid-out 1 peer 172.31.0.2 ue %s\n" % (teid, ue))
PY
out=$(ip netns exec gw gtpuctl -j -batch "$LOGDIR/b.txt" 2>"$LOGDIR/b.err")
echo "$out"; cat "$LOGDIR/b.err" >&2
expect_eq batch/gtpuctl-summary "$(echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["commands"], d["failed"])')" "3000 2"
expect_eq batch/gtpuctl-lines "$(grep -o 'Command failed .*' "$LOGDIR/b.err" | sed 's|.*:||' | tr '\n' ' ')" "1501 3000 "
expect_eq batch/gtpuctl-extack "$(grep -c -e '^Error: TEID already in use$' -e '^Error: UE address already bound$' "$LOGDIR/b.err")" 2
expect_eq batch/gtpuctl-added "$(count)" 2999
# and deletes, packed too: line 1001 names an unknown TEID, line 1501 the
# TEID of the add line that failed
python3 - "$LOGDIR/d.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(2999):
        f.write("bearer del dev gtpu0 teid-in %d\n" % (5000 + i if i != 1000 else 4))
PY
ip netns exec gw gtpuctl -batch "$LOGDIR/d.txt" >/dev/null 2>"$LOGDIR/d.err"
expect_eq batch/gtpuctl-del-lines "$(grep -o 'Command failed .*' "$LOGDIR/d.err" | sed 's|.*:||' | tr '\n' ' ')" "1001 1501 "
expect_eq batch/gtpuctl-del-left "$(ip netns exec gw gtpuctl -j bearer show dev gtpu0 | python3 -c 'import json,sys; print(sorted(b["teid_in"] for b in json.load(sys.stdin)))')" "[2, 6000]"
run gw gtpuctl link del gtpu0
topo_down
