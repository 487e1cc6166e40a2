# shellcheck shell=bash
# Shared helpers for the gtpu.ko selftests (sourced by tests/kernel/t-*.sh).
#
# The standard topology (topo_up), three network namespaces joined by veth:
#
#   +---------------- enb ----------------+   +-------------- gw --------------+   +---- pdn ----+
#   | ue0 (tun)  10.45.0.2/32             |   | gtpu0  (local 172.31.0.1:2152) |   |             |
#   |   ^ gtpu-peer: tun <-> GTP-U         |   |   route 10.45.0.0/16 -> gtpu0  |   |             |
#   | veth-enb 172.31.0.2/24  <------------+---+-> veth-s1 172.31.0.1/24         |   |             |
#   |                                     |   |   veth-sgi 198.18.0.1/24 <-----+---+-> veth-pdn  |
#   +-------------------------------------+   +--------------------------------+   | 198.18.0.2  |
#                                                                                   +-------------+
# The UE's address lives on ue0 in ns enb; packets it sends leave through the
# TUN into gtpu-peer, which wraps them in GTP-U towards gtpu0; gtpu0 delivers
# them into ns gw, which routes them to the PDN host.  Downlink goes back the
# same way.  Every command is echoed (with its namespace) before it runs.

set -u
TC_RESULTS=${TC_RESULTS:-/dev/null}
TC_FAILED=0
LOGDIR=${LOGDIR:-$(mktemp -d)}

tc_pass() { echo "PASS $*" | tee -a "$TC_RESULTS"; }
tc_fail() { echo "FAIL $*" | tee -a "$TC_RESULTS"; TC_FAILED=1; }

# run NS CMD...: echo and run a command in namespace NS ("-" for the VM's own)
run() {
	local ns=$1; shift
	echo "  [$ns] $*" >&2
	if [ "$ns" = - ]; then "$@"; else ip netns exec "$ns" "$@"; fi
}

# check NAME CMD...: case passes if CMD succeeds
check() {
	local name=$1; shift
	if "$@"; then tc_pass "$name"; else tc_fail "$name"; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then tc_pass "$1"; else tc_fail "$1: got '$2', want '$3'"; fi
}

# expect_fail_msg NAME "extack text" CMD...: CMD must fail and print the text
expect_fail_msg() {
	local name=$1 msg=$2 out rc; shift 2
	echo "  [gw] $* (expect failure: $msg)" >&2
	out=$("$@" 2>&1); rc=$?
	if [ $rc -ne 0 ] && printf '%s' "$out" | grep -qF -- "$msg"; then
		tc_pass "$name"
	else
		tc_fail "$name: rc=$rc out='$out' want '$msg'"
	fi
}

# nl ARGS...: nlraw.py (one hand-built gtpu genl request) in ns gw
nl() { ip netns exec gw python3 "$(dirname "${BASH_SOURCE[0]}")/nlraw.py" "$@"; }

# nl_expect NAME "error EXXX: text" nlraw-args...: the answer must start so
nl_expect() {
	local name=$1 want=$2 got; shift 2
	got=$(nl "$@" 2>&1)
	echo "  [gw] nlraw $* -> $got" >&2
	case "$got" in
	"$want"*) tc_pass "$name" ;;
	*) tc_fail "$name: got '$got', want '$want'" ;;
	esac
}

topo_up() {
	run - ip netns add enb
	run - ip netns add gw
	run - ip netns add pdn
	run - ip link add veth-enb netns enb type veth peer name veth-s1 netns gw
	run - ip link add veth-pdn netns pdn type veth peer name veth-sgi netns gw
	run enb ip addr add 172.31.0.2/24 dev veth-enb
	run gw ip addr add 172.31.0.1/24 dev veth-s1
	run gw ip addr add 198.18.0.1/24 dev veth-sgi
	run pdn ip addr add 198.18.0.2/24 dev veth-pdn
	for ns in enb gw pdn; do
		run $ns ip link set lo up
		# IPv4-only unless asked: no IPv6 link-local chatter in the counters
		if [ -z "${TOPO_IPV6:-}" ]; then
			ip netns exec $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1
			ip netns exec $ns sysctl -qw net.ipv6.conf.default.disable_ipv6=1
		fi
	done
	run enb ip link set veth-enb up
	run gw ip link set veth-s1 up
	run gw ip link set veth-sgi up
	run pdn ip link set veth-pdn up
	run pdn ip route add 10.45.0.0/16 via 198.18.0.1
	run gw sysctl -qw net.ipv4.ip_forward=1
}

topo_down() {
	for ns in enb gw pdn; do ip netns del $ns 2>/dev/null; done
	true
}

# gtpu_dev_up: gtpu0 in ns gw, routed for the UE pool
gtpu_dev_up() {
	run gw gtpuctl link add gtpu0 local 172.31.0.1 "$@" &&
	run gw ip link set gtpu0 up &&
	run gw ip route add 10.45.0.0/16 dev gtpu0
}

# peer_up NAME TEID_OUT TEID_IN UE_ADDR: a TUN-based eNodeB peer in ns enb
peer_up() {
	local dev=$1 tout=$2 tin=$3 ue=$4
	ip netns exec enb gtpu-peer tun --local 172.31.0.2 --remote 172.31.0.1 \
		--dev "$dev" --teid-out "$tout" --teid-in "$tin" --log "$LOGDIR/$dev.log" &
	echo $! > "$LOGDIR/$dev.pid"
	for _ in $(seq 50); do ip netns exec enb ip link show "$dev" >/dev/null 2>&1 && break; sleep 0.1; done
	run enb ip addr add "$ue/32" dev "$dev"
	run enb ip link set "$dev" up
	run enb ip route add 198.18.0.0/24 dev "$dev" src "$ue"
}

peer_down() {
	local dev=$1
	if [ -f "$LOGDIR/$dev.pid" ]; then
		kill "$(cat "$LOGDIR/$dev.pid")" 2>/dev/null
		wait "$(cat "$LOGDIR/$dev.pid")" 2>/dev/null
	fi
	true
}

# bearer_stat DEV TEID KEY: one counter of one bearer from gtpuctl -j -s
bearer_stat() {
	ip netns exec gw gtpuctl -j -s bearer show dev "$1" teid "$2" |
		python3 -c 'import json,sys; d=json.load(sys.stdin); b=d[0] if isinstance(d,list) else d; print(b["stats"][sys.argv[1]])' "$3"
}

# dev_stat DEV KEY: one device total from gtpuctl -j -s link show
dev_stat() {
	ip netns exec gw gtpuctl -j -s link show "$1" |
		python3 -c 'import json,sys; d=json.load(sys.stdin); b=d[0] if isinstance(d,list) else d; print(b["stats"][sys.argv[1]])' "$2"
}

# udp_send NS DST PORT TEXT: one UDP datagram (bash's /dev/udp)
udp_send() {
	run "$1" bash -c "printf '%s' '$4' > /dev/udp/$2/$3"
}

# udp_recv_start NS ADDR PORT OUTFILE: background listener for one datagram
udp_recv_start() {
	rm -f "$4.ready"
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
open(sys.argv[3] + ".ready", "w").close()
s.settimeout(20)
d, a = s.recvfrom(65535)
open(sys.argv[3], "w").write("%s %s\n" % (a[0], d.decode()))
' "$2" "$3" "$4" &
	UDP_RECV_PID=$!
	# python starts slowly under TCG: wait until the socket is bound
	wait_for 200 test -e "$4.ready"
}

# udp_recv_wait: wait for the listener started by udp_recv_start
udp_recv_wait() { wait "$UDP_RECV_PID"; }

# gtpu_send HEX: one raw UDP payload from the eNodeB side to gtpu0
gtpu_send() {
	run enb gtpu-peer send --local 172.31.0.2 --remote 172.31.0.1 --hex "$1"
}

pkt() { python3 "$(dirname "${BASH_SOURCE[0]}")/pkt.py" "$@"; }

# wait_for N CMD...: retry CMD for up to N tenths of a second
wait_for() {
	local n=$1; shift
	for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
	return 1
}
