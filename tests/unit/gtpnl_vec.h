/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the gtpnl unit tests: their netlink vectors are written as hex
 * in host (little-endian) order, for the gtpu family id FAMILY, and loaded
 * into msg with load().
 */
#ifndef AGW_TEST_GTPNL_VEC_H
#define AGW_TEST_GTPNL_VEC_H

#include <string.h>
#include <linux/netlink.h>

#include "unit.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "these vectors are little-endian"
#endif

#define FAMILY 0x20

static union {
	struct nlmsghdr h;
	unsigned char b[1024];
} msg;

static inline int load(const char *hex)
{
	memset(&msg, 0, sizeof(msg));
	return unit_hex(hex, msg.b, sizeof(msg.b));
}

#endif
