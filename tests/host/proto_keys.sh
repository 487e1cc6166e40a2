#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The compile-time protocol keys checked in as userspace/proto/{nas,s1ap}_keys.h
# are what scripts/gen-proto-keys makes of today's codec tables (run
# `make proto-keys` after changing a table), and the check notices a stale file.
set -u
cd "$(dirname "$0")/../.."
gen=${BUILD:-build}/bin/gen-proto-keys
[ -x "$gen" ] || { echo "proto_keys: $gen not built"; exit 1; }
fail=0
if "$gen" --check userspace/proto; then
	echo "PASS up to date"
else
	echo "FAIL userspace/proto/*_keys.h differ from the tables: run make proto-keys"
	fail=1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp userspace/proto/nas_keys.h userspace/proto/s1ap_keys.h "$tmp/"
sed -i '0,/NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY/s//NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY_X/' \
	"$tmp/nas_keys.h"
out=$("$gen" --check "$tmp" 2>&1)
if [ $? -eq 1 ] && grep -q "nas_keys.h is out of date" <<<"$out"; then
	echo "PASS stale file noticed"
else
	echo "FAIL a stale nas_keys.h passed the check: $out"
	fail=1
fi
"$gen" "$tmp" && cmp -s "$tmp/nas_keys.h" userspace/proto/nas_keys.h &&
	cmp -s "$tmp/s1ap_keys.h" userspace/proto/s1ap_keys.h &&
	echo "PASS regenerated" || { echo "FAIL regenerating differs"; fail=1; }
exit $fail
