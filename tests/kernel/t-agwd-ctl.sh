#!/bin/bash
# agwd's control socket, subscriber store, IP leases, metrics and restart
# persistence (tests/host/agwd_ctl.sh), run in the guest because agwd needs
# SCTP, which the build hosts' kernels lack.  (Not a gtpu.ko test: it lives
# here because this is the suite that runs in the VM.)
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
out=$(BUILD=$BUILD sh tests/host/agwd_ctl.sh 2>&1)
rc=$?
echo "$out" | tail -n 15
case $rc in
0) tc_pass agwd-ctl/host-script ;;
77) tc_fail "agwd-ctl/host-script: skipped in the VM: $out" ;;
*) tc_fail "agwd-ctl/host-script: exit $rc" ;;
esac
