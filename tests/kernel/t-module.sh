#!/bin/bash
# gtpu.ko is loaded, registers its generic netlink family and multicast group
# and its rtnetlink link kind, and unloads and reloads cleanly when idle.
. "$(dirname "$0")/lib.sh"

check module/loaded test -d /sys/module/gtpu
out=$(run - genl ctrl get name gtpu 2>&1)
echo "$out"
check module/genl-family grep -q 'Name: gtpu' <<<"$out"
check module/genl-mcast-events grep -q 'name: events' <<<"$out"
check module/rmmod run - rmmod gtpu
check module/reinsmod run - insmod "$VM_GTPU_KO"
