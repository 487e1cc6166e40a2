// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl and the gtpu family version 2: BEARER_ADD/DEL with several
 * GTPU_A_BEARER nests built byte for byte, BEARER_GET with FLAGS and
 * thresholds, ERROR_INDICATION and USAGE events parsed, the blamed-attribute
 * offset of an extended ACK (NLMSGERR_ATTR_OFFS, linux/netlink.h) and the
 * family version from CTRL_CMD_NEWFAMILY (CTRL_ATTR_VERSION,
 * linux/genetlink.h).  Integers are host order: little-endian vectors.
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl.h"
#include "unit.h"
#include "gtpnl_vec.h"


static void test_append_del(void)
{
	/* DEL of TEIDs 1, 2, 3 on ifindex 7: one header, one IFINDEX, three
	 * BEARER (3|NLA_F_NESTED) {LOCAL_TEID n} nests of 12 bytes */
	static const char *want =
		"40000000 2000 0500 09000000 00000000 03030000"
		"08000100 07000000"
		"0c000380 08000100 01000000"
		"0c000380 08000100 02000000"
		"0c000380 08000100 03000000";
	struct gtpnl_bearer b = { .ifindex = 7, .teid_in = 1 };
	unsigned char exp[128];
	struct nlmsghdr *nlh;
	int n = unit_hex(want, exp, sizeof(exp));

	memset(&msg, 0, sizeof(msg));
	nlh = gtpnl_msg_bearer(msg.b, sizeof(msg.b), FAMILY,
			       GTPU_CMD_BEARER_DEL, NLM_F_ACK, 9, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	b.teid_in = 2;
	CU_ASSERT_PTR_EQUAL(gtpnl_msg_bearer_append(nlh, sizeof(msg.b), &b), nlh);
	b.teid_in = 3;
	CU_ASSERT_PTR_EQUAL(gtpnl_msg_bearer_append(nlh, sizeof(msg.b), &b), nlh);
	CU_ASSERT_EQUAL(n, 0x40);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, 0x40);
	CU_ASSERT(memcmp(nlh, exp, 0x40) == 0);
}

static void test_append_full(void)
{
	/* a nest that does not fit leaves the message as it was, and the
	 * room after it zeroed (the next append may rely on it) */
	struct gtpnl_bearer b = {
		.ifindex = 5, .teid_in = 100, .teid_out = 200,
		.have = GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4 |
			GTPNL_B_COOKIE,
		.peer_family = AF_INET, .cookie = 42,
	};
	unsigned char zero[64] = { 0 };
	struct nlmsghdr *nlh;
	uint32_t len;

	memset(&msg, 0, sizeof(msg));
	inet_pton(AF_INET, "192.0.2.1", &b.peer.v4);
	inet_pton(AF_INET, "10.45.0.2", &b.ue4);
	nlh = gtpnl_msg_bearer(msg.b, sizeof(msg.b), FAMILY,
			       GTPU_CMD_BEARER_ADD, 0, 1, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	len = nlh->nlmsg_len;
	/* IFINDEX + nest of 4 + 8 * 4 + 12 = 48 bytes: 28 + 48 = 76 */
	CU_ASSERT_EQUAL(len, 76);
	CU_ASSERT_PTR_NULL(gtpnl_msg_bearer_append(nlh, len + 40, &b));
	CU_ASSERT_EQUAL(nlh->nlmsg_len, len);
	CU_ASSERT(memcmp(msg.b + len, zero, sizeof(zero)) == 0);
	CU_ASSERT_PTR_EQUAL(gtpnl_msg_bearer_append(nlh, len + 48, &b), nlh);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, len + 48);
	CU_ASSERT(memcmp(msg.b + 28, msg.b + len, 48) == 0);
}

static void test_error_offset(void)
{
	/* NLMSG_ERROR, flags CAPPED|ACK_TLVS (0x300), error -EEXIST (-17),
	 * echoed header of a 0x400-byte request, then MSG "TEID already in
	 * use" and OFFS 0x1c (the second message's first nest) */
	static const char *err =
		"44000000 0200 0003 05000000 00000000"
		"efffffff" "00040000 2000 0500 05000000 00000000"
		"18000100 5445494420616c726561647920696e2075736500"
		"08000200 1c000000";
	char m[64];
	uint32_t off = 0;
	int e;

	memset(&msg, 0, sizeof(msg));
	CU_ASSERT_EQUAL(unit_hex(err, msg.b, sizeof(msg.b)), 0x44);
	CU_ASSERT_EQUAL(gtpnl_parse_error_offset(&msg.h, &off), 0);
	CU_ASSERT_EQUAL(off, 0x1c);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &e, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(e, -EEXIST);
	CU_ASSERT_STRING_EQUAL(m, "TEID already in use");
	/* without OFFS */
	msg.h.nlmsg_len = 0x3c;
	CU_ASSERT_EQUAL(gtpnl_parse_error_offset(&msg.h, &off), -ENOENT);
	/* without TLVs at all */
	msg.h.nlmsg_len = 0x44;
	msg.h.nlmsg_flags = 0x100;
	CU_ASSERT_EQUAL(gtpnl_parse_error_offset(&msg.h, &off), -ENOENT);
	/* not an error message */
	msg.h.nlmsg_flags = 0x300;
	msg.h.nlmsg_type = NLMSG_DONE;
	CU_ASSERT_EQUAL(gtpnl_parse_error_offset(&msg.h, &off), -ENOENT);
}

static void test_family_version(void)
{
	/* CTRL_CMD_NEWFAMILY: FAMILY_NAME "gtpu", FAMILY_ID 0x1a, VERSION 2 */
	static const char *fam =
		"30000000 1000 0000 05000000 d2040000 01020000"
		"09000200 67747075 00000000" "06000100 1a000000"
		"08000300 02000000";
	uint32_t v = 9;

	memset(&msg, 0, sizeof(msg));
	CU_ASSERT_EQUAL(unit_hex(fam, msg.b, sizeof(msg.b)), 0x30);
	CU_ASSERT_EQUAL(gtpnl_parse_family_version(&msg.h, &v), 0);
	CU_ASSERT_EQUAL(v, 2);
	/* absent: 0 (the caller then sends one bearer per message) */
	msg.h.nlmsg_len = 0x28;
	CU_ASSERT_EQUAL(gtpnl_parse_family_version(&msg.h, &v), 0);
	CU_ASSERT_EQUAL(v, 0);
	/* badly sized */
	msg.h.nlmsg_len = 0x30;
	msg.b[0x28] = 6;
	CU_ASSERT_EQUAL(gtpnl_parse_family_version(&msg.h, &v), -EBADMSG);
}

static void test_get_clear_thresholds(void)
{
	/* BEARER_GET of TEID 100 on ifindex 7 with FLAGS (8) USAGE_CLEAR */
	static const char *get =
		"30000000 2000 0100 04000000 00000000 04030000"
		"08000100 07000000" "0c000380 08000100 64000000"
		"08000800 01000000";
	/* BEARER_MOD arming THRESHOLD_DL (16) 1000, then disarming: all
	 * thresholds zero is sent as THRESHOLD_TOTAL (14) 0 */
	static const char *arm =
		"34000000 2000 0500 03000000 00000000 02030000"
		"08000100 05000000"
		"18000380 08000100 64000000 0c001000 e803000000000000";
	static const char *disarm =
		"34000000 2000 0500 03000000 00000000 02030000"
		"08000100 05000000"
		"18000380 08000100 64000000 0c000e00 0000000000000000";
	struct gtpnl_bearer b = {
		.ifindex = 5, .teid_in = 100, .have = GTPNL_B_THRESHOLD,
		.thr_dl = 1000,
	};
	unsigned char exp[64];
	struct nlmsghdr *nlh;
	int n;

	memset(&msg, 0, sizeof(msg));
	nlh = gtpnl_msg_bearer_get(msg.b, sizeof(msg.b), FAMILY, 4, 7, 100,
				   GTPU_F_USAGE_CLEAR);
	n = unit_hex(get, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);

	nlh = gtpnl_msg_bearer(msg.b, sizeof(msg.b), FAMILY, GTPU_CMD_BEARER_MOD,
			       NLM_F_ACK, 3, &b);
	n = unit_hex(arm, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
	b.thr_dl = 0;
	nlh = gtpnl_msg_bearer(msg.b, sizeof(msg.b), FAMILY, GTPU_CMD_BEARER_MOD,
			       NLM_F_ACK, 3, &b);
	n = unit_hex(disarm, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
}

static void test_parse_v2_events(void)
{
	/* ERROR_INDICATION (12): IFINDEX 5, ERR_IND (9|NESTED) {TEID 200,
	 * PEER_IP4 172.31.0.2}, no bearer */
	static const char *ei =
		"30000000 2000 0000 00000000 00000000 0c030000"
		"08000100 05000000"
		"14000980 08000100 c8000000 08000200 ac1f0002";
	/* USAGE (11): IFINDEX 5, BEARER{LOCAL_TEID 100, STATE 0, QUEUED 0,
	 * THRESHOLD_TOTAL 1000, USAGE (17|NESTED){UL_PACKETS 0, UL_BYTES 0,
	 * DL_PACKETS 10, DL_BYTES 1000}} */
	static const char *usage =
		"78000000 2000 0000 00000000 00000000 0b030000"
		"08000100 05000000"
		"5c000380 08000100 64000000 05000c00 00000000 08000d00 00000000"
		"0c000e00 e803000000000000"
		"34001180 0c000100 0000000000000000 0c000200 0000000000000000"
		"0c000300 0a00000000000000 0c000400 e803000000000000";
	struct gtpnl_event ev;

	memset(&msg, 0, sizeof(msg));
	CU_ASSERT_EQUAL(unit_hex(ei, msg.b, sizeof(msg.b)), 0x30);
	CU_ASSERT_EQUAL(gtpnl_parse_event(&msg.h, &ev), 0);
	CU_ASSERT_EQUAL(ev.cmd, GTPU_CMD_ERROR_INDICATION);
	CU_ASSERT_EQUAL(ev.err_ind.ifindex, 5);
	CU_ASSERT_EQUAL(ev.err_ind.teid, 200);
	CU_ASSERT_EQUAL(ev.err_ind.peer_family, AF_INET);
	CU_ASSERT_EQUAL(ntohl(ev.err_ind.peer.v4.s_addr), 0xac1f0002);
	CU_ASSERT_FALSE(ev.err_ind.have_bearer);
	/* ERR_IND without its TEID */
	msg.b[34] = 0x02;
	CU_ASSERT_EQUAL(gtpnl_parse_event(&msg.h, &ev), -EBADMSG);

	memset(&msg, 0, sizeof(msg));
	CU_ASSERT_EQUAL(unit_hex(usage, msg.b, sizeof(msg.b)), 0x78);
	CU_ASSERT_EQUAL(gtpnl_parse_event(&msg.h, &ev), 0);
	CU_ASSERT_EQUAL(ev.cmd, GTPU_CMD_USAGE);
	CU_ASSERT_EQUAL(ev.bearer.teid_in, 100);
	CU_ASSERT(ev.bearer.have & GTPNL_B_STATE);
	CU_ASSERT(ev.bearer.have & GTPNL_B_USAGE);
	CU_ASSERT(ev.bearer.have & GTPNL_B_THRESHOLD);
	CU_ASSERT_EQUAL(ev.bearer.thr_total, 1000);
	CU_ASSERT_EQUAL(ev.bearer.usage.c[GTPU_STATS_A_DL_PACKETS], 10);
	CU_ASSERT_EQUAL(ev.bearer.usage.c[GTPU_STATS_A_DL_BYTES], 1000);
	CU_ASSERT_EQUAL(ev.bearer.usage.c[GTPU_STATS_A_UL_BYTES], 0);
}

UNIT_SUITE(gtpnl_batch,
	   UNIT_TEST(test_get_clear_thresholds),
	   UNIT_TEST(test_parse_v2_events),
	   UNIT_TEST(test_append_del),
	   UNIT_TEST(test_append_full),
	   UNIT_TEST(test_error_offset),
	   UNIT_TEST(test_family_version))
