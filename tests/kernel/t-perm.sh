#!/bin/bash
# Permissions of the gtpu family (include/uapi/linux/gtpu.h, "Permissions"):
# every command that changes state and the read-and-clear of usage need
# CAP_NET_ADMIN in the user namespace that owns the device's network
# namespace; reads need nothing.
#
#   init user ns (root) ----owns----> netns gw: gtpu0, bearer 100, group 7
#      |                                 ^ requests from:
#      |                                 |  (a) root                        -> all work
#      |                                 |  (b) uid nobody, no capabilities -> EPERM
#      |                                 |  (c) root without CAP_NET_ADMIN  -> EPERM
#      |                                 |  (d) root of a new user ns (not
#      |                                 |      the owner of gw)            -> EPERM
#      +-- user ns U (unshare -Ur) --owns--> netns N (unshare -n): U's root
#                                            creates and manages its own
#                                            gtpu device there -> all work
#
# Each refusal must be EPERM with the module's extack text, must change
# nothing (the bearer dump stays byte-identical) and must clear no usage.
. "$(dirname "$0")/lib.sh"

NOPERM="needs CAP_NET_ADMIN in the user namespace owning the device's network namespace"
NLRAW="$(dirname "$0")/nlraw.py"

# as_who WHO CMD...: run CMD in ns gw as (b) user, (c) nocap or (d) userns
as_who() {
	local who=$1; shift
	echo "  [gw as $who] $*" >&2
	case $who in
	user) ip netns exec gw setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all -- "$@" ;;
	nocap) ip netns exec gw setpriv --inh-caps=-net_admin --bounding-set=-net_admin -- "$@" ;;
	userns) ip netns exec gw unshare --user --map-root-user -- "$@" ;;
	esac
}

dump() { ip netns exec gw gtpuctl -j -s bearer show; ip netns exec gw gtpuctl -j ambr show; }

topo_up
gtpu_dev_up || { tc_fail perm/dev-up; exit 1; }
IDX=$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)
run gw gtpuctl ambr set dev gtpu0 group 7 ul 10mbit dl 20mbit
run gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 200 peer 172.31.0.2 ue 10.45.0.11 \
	cookie 5 ambr-group 7
# three uplink packets: usage to be read (and cleared) by root only
for _ in 1 2 3; do gtpu_send "$(pkt gpdu --teid 100 --src 10.45.0.11)"; done
before=$(dump)

# the capability sets really are what the cases say
expect_eq perm/user-no-caps "$(as_who user grep CapEff /proc/self/status | awk '{print $2}')" 0000000000000000
check perm/nocap-lacks-net-admin bash -c "! ip netns exec gw setpriv --inh-caps=-net_admin \
	--bounding-set=-net_admin -- capsh --has-p=cap_net_admin 2>/dev/null"

for who in user nocap userns; do
	# every command that changes state, through gtpuctl: EPERM and the text
	expect_fail_msg "perm/$who-bearer-add" "Error: $NOPERM" as_who $who gtpuctl bearer add dev gtpu0 \
		teid-in 101 teid-out 201 peer 172.31.0.2 ue 10.45.0.12
	expect_fail_msg "perm/$who-bearer-mod" "Error: $NOPERM" as_who $who gtpuctl bearer mod dev gtpu0 \
		teid-in 100 teid-out 999 mbr-dl 1mbit
	expect_fail_msg "perm/$who-bearer-idle" "Error: $NOPERM" as_who $who gtpuctl bearer idle dev gtpu0 \
		teid-in 100
	expect_fail_msg "perm/$who-bearer-del" "Error: $NOPERM" as_who $who gtpuctl bearer del dev gtpu0 \
		teid-in 100
	expect_fail_msg "perm/$who-end-marker" "Error: $NOPERM" as_who $who gtpuctl bearer end-marker \
		dev gtpu0 teid-in 100
	expect_fail_msg "perm/$who-ambr-set" "Error: $NOPERM" as_who $who gtpuctl ambr set dev gtpu0 \
		group 7 ul 1kbit
	# gtpuctl echo listens for the response first: the group refuses it
	# (the ECHO request itself is refused below, nl-cmd6)
	expect_fail_msg "perm/$who-echo" 'Error: cannot join group "events": Operation not permitted' \
		as_who $who gtpuctl echo dev gtpu0 peer 172.31.0.2
	# read-and-clear, do and dump
	expect_fail_msg "perm/$who-usage-do" "Error: $NOPERM" as_who $who gtpuctl bearer usage dev gtpu0 \
		teid-in 100
	expect_fail_msg "perm/$who-usage-dump" "Error: $NOPERM" as_who $who gtpuctl bearer usage
	# the same at the netlink level, for each command number: the check
	# comes before the request's content is looked at (cmd 1 add, 2 mod,
	# 3 del, 6 echo, 13 end-marker, 14 ambr-set; 4 get with FLAGS 1)
	for cmd in 1 2 3 6 13 14; do
		got=$(as_who $who python3 "$NLRAW" $cmd 1:u32:"$IDX")
		expect_eq "perm/$who-nl-cmd$cmd" "$got" "error EPERM: $NOPERM"
	done
	got=$(as_who $who python3 "$NLRAW" 4 1:u32:"$IDX" 3:nest:[ 1:u32:100 ] 8:u32:1)
	expect_eq "perm/$who-nl-get-clear" "$got" "error EPERM: $NOPERM"
	got=$(as_who $who python3 "$NLRAW" --dump 4 8:u32:1)
	expect_eq "perm/$who-nl-dump-clear" "$got" "error EPERM: $NOPERM"
	# joining the events group is refused by the genl core (EPERM)
	as_who $who timeout 10 gtpuctl monitor </dev/null >/dev/null 2>&1
	rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 124 ]; then tc_pass "perm/$who-monitor"
	else tc_fail "perm/$who-monitor: status $rc"; fi

	# reads work: device, bearers (do, dump, with counters), groups
	check "perm/$who-link-show" as_who $who gtpuctl -j -s link show gtpu0
	expect_eq "perm/$who-bearer-show" "$(as_who $who gtpuctl -j -s bearer show)" \
		"$(ip netns exec gw gtpuctl -j -s bearer show)"
	expect_eq "perm/$who-bearer-get" "$(as_who $who gtpuctl -j bearer show dev gtpu0 teid 100 |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["cookie"])')" 0x5
	check "perm/$who-ambr-show" as_who $who gtpuctl ambr show dev gtpu0 group 7
	got=$(as_who $who python3 "$NLRAW" 4 1:u32:"$IDX" 3:nest:[ 1:u32:100 ])
	expect_eq "perm/$who-nl-get" "$got" "ok"
	got=$(as_who $who python3 "$NLRAW" --dump 4)
	expect_eq "perm/$who-nl-dump" "$got" "ok"

	# nothing changed, nothing cleared
	expect_eq "perm/$who-unchanged" "$(dump)" "$before"
done

# root reads and clears the usage of the three packets, once
out=$(ip netns exec gw gtpuctl -j bearer usage dev gtpu0 teid-in 100)
expect_eq perm/root-usage "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["usage"]["ul_packets"])' "$out")" 3
check perm/root-mod run gw gtpuctl bearer mod dev gtpu0 teid-in 100 teid-out 300
check perm/root-del run gw gtpuctl bearer del dev gtpu0 teid-in 100

# (e) a user namespace that owns the network namespace it created: its root
# manages a gtpu device there (Linux 6.1: rtnetlink, genetlink and the UDP
# tunnel socket all work inside it)
cat > "$LOGDIR/own.sh" <<'EOF'
set -e
ip link set lo up
gtpuctl link add g0 local 127.0.0.1
ip link set g0 up
gtpuctl bearer add dev g0 teid-in 1 teid-out 2 peer 127.0.0.2 ue 10.0.0.1
gtpuctl bearer mod dev g0 teid-in 1 teid-out 3 mbr-dl 1mbit
gtpuctl ambr set dev g0 group 9 ul 1mbit
gtpuctl bearer mod dev g0 teid-in 1 ambr-group 9
gtpuctl bearer end-marker dev g0 teid-in 1
gtpuctl -j bearer usage dev g0 teid-in 1 > /dev/null
gtpuctl -j bearer usage > /dev/null
gtpuctl -j bearer show dev g0 teid 1 |
	python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)[0]["teid_out"] != 3)'
gtpuctl bearer del dev g0 teid-in 1
gtpuctl link del g0
echo own-ok
EOF
out=$(run - unshare --user --map-root-user --net -- bash "$LOGDIR/own.sh" 2>&1)
echo "$out" >&2
expect_eq perm/owned-netns "$(tail -n1 <<<"$out")" own-ok
topo_down
