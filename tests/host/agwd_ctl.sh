#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# agwd and agwctl end to end on the host (no kernel module needed):
#
#   agwctl --unix socket--> agwd --SQLite--> $T/state/{subscribers,leases}.db
#   curl ----HTTP GET /metrics----^
#
# Checks: agwd -n on good and bad files; subscriber add/list/show/import/del;
# ip alloc/leases/pools; /metrics (200, 404, 405); SIGTERM exits cleanly;
# after a restart the subscribers and leases are still there.
# Run from the repo top with the programs in ${BUILD:-build}/bin.
set -eu

BIN=${BUILD:-build}/bin
[ -x "$BIN/agwd" ] && [ -x "$BIN/agwctl" ] || { echo "SKIP: build $BIN/agwd and agwctl first"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl missing"; exit 77; }
# agwd listens for S1AP over SCTP: where the kernel has no SCTP (our build
# hosts) this runs inside the QEMU guest instead (tests/kernel/t-agwd-ctl.sh).
python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132).close()' 2>/dev/null ||
	{ echo "SKIP: no SCTP in this kernel (runs in the VM: tests/kernel/t-agwd-ctl.sh)"; exit 77; }

T=$(mktemp -d /tmp/agwd-host-XXXXXX)
PID=
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$T/agwd.log" ] && tail -20 "$T/agwd.log"; exit 1; }
exec 3>&2
run() { echo "+ $*" >&3; "$@"; }

PORT=$((20000 + $$ % 20000))
SOCK=$T/run/ctl.sock
sed -e "s|/var/lib/agwd|$T/state|" -e "s|/run/agwd/ctl.sock|$SOCK|" \
    -e "s|127.0.0.1:9090|127.0.0.1:$PORT|" scripts/agwd.example.json > "$T/agwd.json"
CTL="$BIN/agwctl -s $SOCK"
K=465b5ce8b199b49faa5f0a2ee238a6bc
OPC=cd63cb71954a9f4e48a5994e37a02baf
OP=cdc202d5123e20f62b6d676ac72cb318

# --- configuration check
out=$(run "$BIN/agwd" -n -c "$T/agwd.json") || fail "agwd -n on a good file"
[ "$out" = "configuration OK" ] || fail "agwd -n said: $out"
sed 's|"10.45.0.0/16"|"10.45.0.0/33"|' "$T/agwd.json" > "$T/bad.json"
if out=$(run "$BIN/agwd" -n -c "$T/bad.json" 2>&1); then fail "agwd -n accepted a bad file"; fi
[ "$out" = 'config: apns[0].ipv4_pool: "10.45.0.0/33" is not an IPv4 prefix (ADDR/LEN, host bits clear)' ] ||
	fail "agwd -n error: $out"

start() {
	"$BIN/agwd" -c "$T/agwd.json" >>"$T/agwd.log" 2>&1 &
	PID=$!
	for _ in $(seq 50); do [ -S "$SOCK" ] && return 0; sleep 0.1; done
	fail "agwd did not create $SOCK"
}
stop() {
	run kill -TERM "$PID"
	wait "$PID" || fail "agwd exited with $? on SIGTERM"
	PID=
	[ ! -e "$SOCK" ] || fail "socket left behind"
}

start
[ "$(stat -c %a "$SOCK")" = 660 ] || fail "socket mode $(stat -c %a "$SOCK")"

# --- subscribers
run $CTL subscriber add 001010000000001 k $K opc $OPC msisdn 15550001 apn internet ip 10.45.0.9 ||
	fail "subscriber add"
if out=$(run $CTL subscriber add 001010000000001 k $K opc $OPC 2>&1); then fail "duplicate add"; fi
[ "$out" = "Error: subscriber 001010000000001 already exists" ] || fail "duplicate add said: $out"
if out=$(run $CTL subscriber add 001010000000002 k $K opc $OPC apn internet ip 10.99.0.1 2>&1); then
	fail "static address outside the pool accepted"
fi
echo "$out" | grep -q "10.99.0.1 is outside the IPv4 pool of APN internet" || fail "outside pool: $out"
if out=$(run $CTL subscriber add 001010000000002 k zz opc $OPC 2>&1); then fail "bad key accepted"; fi
[ "$out" = 'Error: k: "zz" is not 32 hex digits' ] || fail "bad k said: $out"
if out=$(run $CTL subscriber frob 2>&1); then fail "unknown command accepted"; fi
[ "$out" = 'Command "frob" is unknown, try "agwctl subscriber help".' ] || fail "unknown command: $out"

cat > "$T/subs.csv" <<CSV
imsi,k,op,amf,sqn,msisdn,apns
001010000000002,$K,$OP,8000,0,15550002,internet
001010000000003,$K,$OP,,,,internet ip=10.45.0.10 qci=8
CSV
out=$(run $CTL subscriber import "$T/subs.csv") || fail "import"
[ "$out" = "imported 2 subscribers" ] || fail "import said: $out"
printf 'imsi,k,opc,amf,sqn,msisdn,apns\n001010000000004,%s,%s,,,,\n001010000000005,xx,%s,,,,\n' \
	$K $OPC $OPC > "$T/bad.csv"
if out=$(run $CTL subscriber import "$T/bad.csv" 2>&1); then fail "bad CSV imported"; fi
[ "$out" = 'Error: line 3: k: "xx" is not 32 hex digits' ] || fail "bad CSV said: $out"
if run $CTL subscriber show 001010000000004 2>/dev/null; then fail "half a bad CSV imported"; fi

out=$(run $CTL subscriber list)
echo "$out"
[ "$(echo "$out" | wc -l)" = 4 ] || fail "list has $(echo "$out" | wc -l) lines"
echo "$out" | grep -q '^001010000000003 .* active .*internet(10.45.0.10)$' || fail "list row"
out=$(run $CTL -j subscriber show 001010000000002 keys)
echo "$out"
echo "$out" | grep -q "\"opc\":\"$OPC\"" || fail "OPc not computed from OP"
out=$(run $CTL subscriber show 001010000000001)
echo "$out" | grep -q '^apn internet ip 10.45.0.9$' || fail "show: $out"

# --- addresses
run $CTL ip alloc 001010000000001 apn internet || fail "ip alloc (static)"
run $CTL ip alloc 001010000000002 apn internet || fail "ip alloc (dynamic)"
out=$(run $CTL -j ip leases)
echo "$out"
echo "$out" | grep -q '"imsi":"001010000000001","apn":"internet","ipv4":"10.45.0.9","ipv4_static":true' ||
	fail "static lease"
echo "$out" | grep -q '"imsi":"001010000000002","apn":"internet","ipv4":"10.45.0.2"' || fail "dynamic lease"
out=$(run $CTL ip pools)
echo "$out"
echo "$out" | grep -Eq '^internet +ipv4 +10.45.0.0/16 +65533 +2 +1 +65530$' || fail "pool stats"

# --- metrics
out=$(run curl -sf "http://127.0.0.1:$PORT/metrics") || fail "GET /metrics"
echo "$out" | grep -qx 'agwd_subscribers 3' || fail "metrics: subscribers"
echo "$out" | grep -qx 'agwd_ip_pool_in_use{apn="internet",family="ipv4"} 2' || fail "metrics: pool"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/nope")" = 404 ] || fail "404"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/metrics")" = 405 ] || fail "405"

# --- delete, then restart: what was stored is still there
run $CTL subscriber del 001010000000003 || fail "del"
if run $CTL subscriber show 001010000000003 2>/dev/null; then fail "deleted subscriber still there"; fi
stop
start
out=$(run $CTL subscriber list)
[ "$(echo "$out" | wc -l)" = 3 ] || fail "after restart: $out"
out=$(run $CTL -j ip leases)
echo "$out" | grep -q '"imsi":"001010000000001","apn":"internet","ipv4":"10.45.0.9"' ||
	fail "lease lost in restart"
echo "$out" | grep -q '"imsi":"001010000000002","apn":"internet","ipv4":"10.45.0.2"' ||
	fail "lease lost in restart"
run $CTL ip release 001010000000002 apn internet || fail "release"
stop
echo "PASS: agwd_ctl"
