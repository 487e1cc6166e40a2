# SPDX-License-Identifier: GPL-2.0
# Helpers for the Diameter interoperability tests (tests/diameter/*.sh):
# emulators and clients (diamsim) and freeDiameter relays started on free
# ports in a scratch directory, every process stopped by its own pid,
# cases reported as "PASS name" / "FAIL name" and counted.
#
#   client(s) ---TCP/TLS--- relay (freeDiameterd) ---TCP--- hss, pcrf, ocs (diamsim)

set -u
: "${BUILD:=build}"
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
case "$BUILD" in
/*) BIN="$BUILD/bin" ;;
*) BIN="$TOP/$BUILD/bin" ;;
esac
DIAMSIM="$BIN/diamsim"
FGWCONF="$TOP/scripts/fgw-config"
WORK=$(mktemp -d /tmp/diamtest.XXXXXX)
PIDS=()
pass=0 fail=0

cleanup() {
	local p i
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null
	done
	for p in "${PIDS[@]}"; do
		# a process that does not stop within 5 s is killed, and reported
		for i in $(seq 50); do
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$p" 2>/dev/null; then
			echo "process $p did not stop on SIGTERM: killed"
			kill -9 "$p" 2>/dev/null
		fi
		wait "$p" 2>/dev/null
	done
	if [ "${KEEP:-0}" = 1 ] || [ "$fail" -gt 0 ]; then
		echo "logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
summary() { echo "diameter: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; }

# A base port with BASE..BASE+39 free on this host
pick_ports() {
	local b i used
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		b=$((20000 + (RANDOM % 2000) * 20))
		used=$(ss -Htan 2>/dev/null | awk '{print $4}' | sed 's/.*://' |
			awk -v b="$b" '$1 >= b && $1 < b + 40' | head -n1)
		[ -z "$used" ] && { echo "$b"; return; }
	done
	echo 0
}

# Start a command in the background, logging to $WORK/NAME.log; its pid in PID_NAME
start() {
	local name=$1
	shift
	"$@" > "$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	printf -v "PID_${name//[-.]/_}" '%s' "$!"
}

# Stop one started process: stop NAME [SIGNAL]
stop() {
	local v="PID_${1//[-.]/_}" sig=${2:-TERM}
	kill "-$sig" "${!v}" 2>/dev/null
	wait "${!v}" 2>/dev/null
	return 0
}

# call NAME METHOD [JSON] [--wait S]: control request to diamsim NAME
call() {
	local name=$1
	shift
	"$DIAMSIM" call "$WORK/$name.sock" "$@"
}

# until_true SECONDS CMD...: retry CMD every 0.1 s until it succeeds
until_true() {
	local end=$((SECONDS + $1))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# jq_true NAME METHOD JSON FILTER: the filter over the method's result is true
jq_true() {
	call "$1" "$2" "$3" | jq -e "$4" >/dev/null
}

# peer_ok NAME PEER: NAME's peer PEER is open with watchdog OKAY
peer_ok() {
	jq_true "$1" peers '{}' ".[] | select(.name == \"$2\") | .available"
}

# A diamsim configuration: sim_conf NAME IDENTITY REALM EXTRA-JSON (merged at the top level)
sim_conf() {
	local name=$1 id=$2 realm=$3 extra=$4
	jq -n --arg id "$id" --arg realm "$realm" --arg ctl "$WORK/$name.sock" \
		--argjson extra "$extra" \
		'{identity: $id, realm: $realm, control: $ctl, log_level: "info"} + $extra' \
		> "$WORK/$name.json"
}

# sim NAME: start diamsim with $WORK/NAME.json and wait for its control socket
sim() {
	start "$1" "$DIAMSIM" -c "$WORK/$1.json"
	until_true 10 test -S "$WORK/$1.sock"
}

# relay NAME IDENTITY PORT [fgw-config options...]: a freeDiameter relay
relay() {
	local name=$1 id=$2 port=$3
	shift 3
	"$FGWCONF" --out "$WORK/$name" --identity "$id" --realm fgw --port "$port" --no-sctp \
		--tc 1 --tw 6 "$@" > "$WORK/$name.gen" 2>&1 || { cat "$WORK/$name.gen"; return 1; }
	start "$name" freeDiameterd -c "$WORK/$name/freeDiameter.conf"
}
