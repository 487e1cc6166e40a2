#!/bin/bash
# Bad netlink input: every gtpu genl command and the rtnetlink link kind
# reject malformed, missing, out-of-range and conflicting attributes with an
# errno and an extack message, and no rejected request changes state.
# Requests are hand-built with nlraw.py (attribute numbers from
# include/uapi/linux/gtpu.h) so that gtpuctl's own checks are bypassed.
. "$(dirname "$0")/lib.sh"
# expect NAME "error EXXX: text" nlraw-args... (lib.sh nl_expect)
expect() { local name=$1; shift; nl_expect "netlink/$name" "$@"; }

topo_up
gtpu_dev_up || { tc_fail netlink/dev-up; exit 1; }
IDX=$(ip netns exec gw cat /sys/class/net/gtpu0/ifindex)
# GTPU_CMD_*: 1 add, 2 mod, 3 del, 4 get, 5 dev-get, 6 echo, 7 bearer-new (event)
# (errno 95 is printed by python as ENOTSUP, the same value as EOPNOTSUPP)
# GTPU_A_*: 1 ifindex, 3 bearer, 6 echo; GTPU_BEARER_A_*: 1 local-teid, 2 remote-teid,
# 3 peer4, 4 peer6, 5 ue4, 6 ue6, 7 ue6-plen, 8 ebi, 9 cookie
B="1:u32:100 2:u32:200 3:ip4:172.31.0.2 5:ip4:10.45.0.11"

expect add-no-ifindex "error EINVAL: missing IFINDEX" 1 3:nest:[ $B ]
expect add-bad-ifindex "error ENODEV: no gtpu device with this ifindex" 1 1:u32:9999 3:nest:[ $B ]
expect add-not-gtpu "error ENODEV: no gtpu device with this ifindex" 1 1:u32:1 3:nest:[ $B ]
expect add-no-bearer "error EINVAL: missing BEARER" 1 1:u32:$IDX
expect add-no-teid "error EINVAL: missing LOCAL_TEID" 1 1:u32:$IDX 3:nest:[ 2:u32:200 3:ip4:172.31.0.2 5:ip4:10.45.0.11 ]
expect add-no-remote-teid "error EINVAL: missing REMOTE_TEID" 1 1:u32:$IDX 3:nest:[ 1:u32:100 3:ip4:172.31.0.2 5:ip4:10.45.0.11 ]
expect add-no-peer "error EINVAL: missing PEER_IP4 or PEER_IP6" 1 1:u32:$IDX 3:nest:[ 1:u32:100 2:u32:200 5:ip4:10.45.0.11 ]
expect add-no-ue "error EINVAL: need UE_IP4 or UE_IP6" 1 1:u32:$IDX 3:nest:[ 1:u32:100 2:u32:200 3:ip4:172.31.0.2 ]
expect add-two-peers "error EINVAL: give PEER_IP4 or PEER_IP6, not both" 1 1:u32:$IDX 3:nest:[ $B 4:ip6:2001:db8::2 ]
expect add-ebi-range "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 8:u8:16 ]
expect add-ebi-low "error ERANGE" 1 1:u32:$IDX 3:nest:[ $B 8:u8:4 ]
expect add-teid-zero "error ERANGE" 1 1:u32:$IDX 3:nest:[ 1:u32:0 2:u32:200 3:ip4:172.31.0.2 5:ip4:10.45.0.11 ]
expect add-ue6-len "error ERANGE: binary attribute size out of range" 1 1:u32:$IDX 3:nest:[ $B 6:hex:20010db8000000010000 ]
expect add-ue6-plen "error EINVAL: UE IPv6 prefix length must be 64" 1 1:u32:$IDX 3:nest:[ $B 6:ip6:2001:db8:1:: 7:u8:48 ]
expect add-peer6-no-socket "error EAFNOSUPPORT: peer address family has no socket on this device" 1 1:u32:$IDX 3:nest:[ 1:u32:100 2:u32:200 4:ip6:2001:db8::2 5:ip4:10.45.0.11 ]
expect add-unknown-attr "error EINVAL" 1 1:u32:$IDX 3:nest:[ $B ] 50:u32:1
expect add-unknown-nested-attr "error EINVAL" 1 1:u32:$IDX 3:nest:[ $B 40:u32:1 ]
expect add-wrong-size "error EINVAL" 1 1:u32:$IDX 3:nest:[ 1:u16:100 2:u32:200 3:ip4:172.31.0.2 5:ip4:10.45.0.11 ]
expect event-as-request "error ENOTSUP" 7 1:u32:$IDX
expect_eq netlink/nothing-added "$(ip netns exec gw gtpuctl -j bearer show)" "[]"

expect add-ok "ok" 1 1:u32:$IDX 3:nest:[ $B ]
expect add-dup-teid "error EEXIST: TEID already in use" 1 1:u32:$IDX 3:nest:[ 1:u32:100 2:u32:201 3:ip4:172.31.0.2 5:ip4:10.45.0.12 ]
expect add-ue-bound "error EEXIST: UE address already bound" 1 1:u32:$IDX 3:nest:[ 1:u32:101 2:u32:201 3:ip4:172.31.0.2 5:ip4:10.45.0.11 ]
expect mod-no-bearer "error ENOENT: no bearer with this TEID" 2 1:u32:$IDX 3:nest:[ 1:u32:555 2:u32:1 ]
expect mod-ue-change "error EINVAL: UE address cannot be changed" 2 1:u32:$IDX 3:nest:[ 1:u32:100 5:ip4:10.45.0.99 ]
expect del-no-bearer "error ENOENT: no bearer with this TEID" 3 1:u32:$IDX 3:nest:[ 1:u32:555 ]
expect del-no-teid "error EINVAL: missing LOCAL_TEID" 3 1:u32:$IDX 3:nest:[ ]
expect get-no-bearer "error ENOENT: no bearer with this TEID" 4 1:u32:$IDX 3:nest:[ 1:u32:555 ]
expect echo-no-echo "error EINVAL: missing ECHO" 6 1:u32:$IDX
expect dev-get-bad "error ENODEV: no gtpu device with this ifindex" 5 1:u32:9999
n=$(ip netns exec gw gtpuctl -j bearer show | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq netlink/one-bearer-after-rejects "$n" 1

# gtpuctl prints the kernel's extack text and exits 1
expect_fail_msg netlink/gtpuctl-extack "Error: TEID already in use" \
	ip netns exec gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 1 peer 172.31.0.2 ue 10.45.0.50
ip netns exec gw gtpuctl bearer add dev gtpu0 teid-in 100 teid-out 1 peer 172.31.0.2 ue 10.45.0.50 2>/dev/null
expect_eq netlink/gtpuctl-exit-status $? 1

# rtnetlink
expect_fail_msg netlink/link-no-local "need IFLA_GTPU_LOCAL or IFLA_GTPU_LOCAL6" \
	ip netns exec gw ip link add gtpu9 type gtpu
expect_fail_msg netlink/link-addr-in-use "local address and port already in use" \
	ip netns exec gw gtpuctl link add gtpu1 local 172.31.0.1
expect_fail_msg netlink/link-addr-not-local "local address is not configured in this network namespace" \
	ip netns exec gw gtpuctl link add gtpu1 local 192.0.2.77
topo_down
