// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl QoS: the MBR/AMBR group/QFI attributes of a bearer and the AMBR
 * group commands, built byte for byte and parsed from crafted replies.
 * Layouts: include/uapi/linux/gtpu.h (GTPU_BEARER_A_MBR_UL 19 .. QFI 22,
 * GTPU_CMD_AMBR_SET 14, AMBR_GET 15, GTPU_A_AMBR 10, enum gtpu_ambr_attr).
 * Integers in netlink are host order: the vectors are little-endian.
 */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl.h"
#include "gtpnl/gtpnl_arg.h"
#include "unit.h"
#include "gtpnl_vec.h"


/* nlh must equal the hex vector exactly */
static void expect_bytes(const struct nlmsghdr *nlh, const char *hex)
{
	unsigned char exp[256];
	int n = unit_hex(hex, exp, sizeof(exp));

	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
}

static void test_build_bearer_qos(void)
{
	/* BEARER_MOD (2), REQUEST|ACK, seq 3: IFINDEX 5, BEARER{LOCAL_TEID
	 * 100, MBR_UL 10 Mbit/s, MBR_DL 50 Mbit/s, AMBR_GROUP 7, QFI 9 (+3
	 * pad)}: u64 without alignment padding, as libmnl puts them */
	static const char *want =
		"50000000 2000 0500 03000000 00000000" "02030000"
		"08000100 05000000"
		"34000380"
		"08000100 64000000"
		"0c001300 80969800 00000000"
		"0c001400 80f0fa02 00000000"
		"08001500 07000000"
		"05001600 09000000";
	struct gtpnl_bearer b = {
		.ifindex = 5, .teid_in = 100,
		.have = GTPNL_B_MBR_UL | GTPNL_B_MBR_DL | GTPNL_B_AMBR_GROUP |
			GTPNL_B_QFI,
		.mbr_ul = 10000000, .mbr_dl = 50000000, .ambr_group = 7,
		.qfi = 9,
	};
	char buf[256];

	expect_bytes(gtpnl_msg_bearer(buf, sizeof(buf), FAMILY,
				      GTPU_CMD_BEARER_MOD, NLM_F_ACK, 3, &b),
		     want);
	/* only what have says: QFI 0 alone */
	b.have = GTPNL_B_QFI;
	b.qfi = 0;
	expect_bytes(gtpnl_msg_bearer(buf, sizeof(buf), FAMILY,
				      GTPU_CMD_BEARER_MOD, NLM_F_ACK, 3, &b),
		     "30000000 2000 0500 03000000 00000000 02030000"
		     "08000100 05000000 14000380 08000100 64000000"
		     "05001600 00000000");
	/* does not fit: NULL */
	b.have = GTPNL_B_MBR_UL | GTPNL_B_MBR_DL | GTPNL_B_AMBR_GROUP |
		 GTPNL_B_QFI;
	CU_ASSERT_PTR_NULL(gtpnl_msg_bearer(buf, 72, FAMILY,
					    GTPU_CMD_BEARER_MOD, NLM_F_ACK, 3,
					    &b));
}

static void test_build_ambr(void)
{
	struct gtpnl_ambr a = {
		.ifindex = 5, .group = 7, .have = GTPNL_A_UL | GTPNL_A_DL,
		.ul = 2000000, .dl = 4000000,
	};
	char buf[256];

	/* AMBR_SET (14): IFINDEX 5, AMBR (10|NESTED){GROUP 7, UL, DL} */
	expect_bytes(gtpnl_msg_ambr_set(buf, sizeof(buf), FAMILY, 4, &a),
		     "40000000 2000 0100 04000000 00000000 0e030000"
		     "08000100 05000000"
		     "24000a80 08000100 07000000"
		     "0c000200 80841e00 00000000"
		     "0c000300 00093d00 00000000");
	/* only UL */
	a.have = GTPNL_A_UL;
	expect_bytes(gtpnl_msg_ambr_set(buf, sizeof(buf), FAMILY, 4, &a),
		     "34000000 2000 0100 04000000 00000000 0e030000"
		     "08000100 05000000"
		     "18000a80 08000100 07000000"
		     "0c000200 80841e00 00000000");
	CU_ASSERT_PTR_NULL(gtpnl_msg_ambr_set(buf, 40, FAMILY, 4, &a));
	/* AMBR_GET (15) do: IFINDEX 5, AMBR{GROUP 7} */
	expect_bytes(gtpnl_msg_ambr_get(buf, sizeof(buf), FAMILY, 5, 5, 7),
		     "28000000 2000 0100 05000000 00000000 0f030000"
		     "08000100 05000000 0c000a80 08000100 07000000");
	/* dump of every device: REQUEST|DUMP, no attribute */
	expect_bytes(gtpnl_msg_ambr_get(buf, sizeof(buf), FAMILY, 6, 0, 0),
		     "14000000 2000 0103 06000000 00000000 0f030000");
	/* dump of one device */
	expect_bytes(gtpnl_msg_ambr_get(buf, sizeof(buf), FAMILY, 6, 9, 0),
		     "1c000000 2000 0103 06000000 00000000 0f030000"
		     "08000100 09000000");
}

static void test_parse_ambr(void)
{
	/* IFINDEX 5, AMBR{GROUP 7, PAD, UL 2e6, DL 0, MEMBERS 2, DROP_UL 3,
	 * DROP_DL 16} */
	static const char *reply =
		"64000000 2000 0200 05000000 00000000 0f030000"
		"08000100 05000000"
		"48000a80"
		"08000100 07000000" "04000700"
		"0c000200 80841e00 00000000"
		"0c000300 00000000 00000000"
		"08000400 02000000"
		"0c000500 03000000 00000000"
		"0c000600 10000000 00000000";
	struct gtpnl_ambr a;

	CU_ASSERT_EQUAL_FATAL(load(reply), 100);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_ambr(&msg.h, &a), 0);
	CU_ASSERT_EQUAL(a.ifindex, 5);
	CU_ASSERT_EQUAL(a.group, 7);
	CU_ASSERT_EQUAL(a.have, GTPNL_A_UL | GTPNL_A_DL);
	CU_ASSERT_EQUAL(a.ul, 2000000);
	CU_ASSERT_EQUAL(a.dl, 0);
	CU_ASSERT_EQUAL(a.members, 2);
	CU_ASSERT_EQUAL(a.drop_ul, 3);
	CU_ASSERT_EQUAL(a.drop_dl, 16);
	/* MEMBERS as a u64: badly shaped */
	CU_ASSERT_EQUAL(load("64000000 2000 0200 05000000 00000000 0f030000"
			     "08000100 05000000 48000a80"
			     "08000100 07000000 04000700"
			     "0c000200 80841e00 00000000"
			     "0c000300 00000000 00000000"
			     "0c000400 02000000 00000000"
			     "08000500 03000000"
			     "0c000600 10000000 00000000"), 100);
	CU_ASSERT_EQUAL(gtpnl_parse_ambr(&msg.h, &a), -EBADMSG);
	/* no GROUP */
	CU_ASSERT_EQUAL(load("28000000 2000 0200 05000000 00000000 0f030000"
			     "08000100 05000000 0c000a80 08000400 02000000"), 40);
	CU_ASSERT_EQUAL(gtpnl_parse_ambr(&msg.h, &a), -EBADMSG);
}

static void test_parse_bearer_qos(void)
{
	/* IFINDEX 5, BEARER{LOCAL_TEID 100, MBR_DL 5e7, AMBR_GROUP 7, QFI 9} */
	static const char *reply =
		"44000000 2000 0200 05000000 00000000 04030000"
		"08000100 05000000"
		"28000380"
		"08000100 64000000"
		"0c001400 80f0fa02 00000000"
		"08001500 07000000"
		"05001600 09000000";
	struct gtpnl_bearer b;

	CU_ASSERT_EQUAL_FATAL(load(reply), 68);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_bearer(&msg.h, &b), 0);
	CU_ASSERT_EQUAL(b.teid_in, 100);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_MBR_DL | GTPNL_B_AMBR_GROUP |
				GTPNL_B_QFI);
	CU_ASSERT_EQUAL(b.mbr_ul, 0);
	CU_ASSERT_EQUAL(b.mbr_dl, 50000000);
	CU_ASSERT_EQUAL(b.ambr_group, 7);
	CU_ASSERT_EQUAL(b.qfi, 9);
	/* QFI given as a u32: -EBADMSG */
	msg.b[64 - 4] = 8;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	CU_ASSERT_STRING_EQUAL(gtpnl_stats_name(GTPU_STATS_A_DROP_POLICED),
			       "drop_policed");
}

static void test_arg_rate(void)
{
	static const struct {
		const char *s;
		uint64_t bits;
	} ok[] = {
		{ "0", 0 }, { "1bit", 1 }, { "10mbit", 10000000 },
		{ "1.5Mbit", 1500000 }, { "2kbit", 2000 }, { "3gbit", 3000000000 },
		{ "1tbit", 1000000000000 }, { "100bps", 800 },
		{ "1kbps", 8000 }, { "2mbps", 16000000 }, { "1gbps", 8000000000 },
		{ "0.0000001kbit", 0 }, { "0.6bit", 1 },
	};
	static const char *const bad[] = {
		"", "10", "mbit", "-1mbit", "10 mbit", "10mbitx", "1e3", "0x10mbit",
		"99999999999tbit", "10kb",
	};
	struct gtpnl_arg_err e;
	struct gtpnl_bearer b;
	const char *dev, *why;
	uint64_t v;
	char *argv[] = { "dev", "gtpu0", "teid-in", "7", "mbr-ul", "10mbit",
			 "mbr-dl", "2mbps", "ambr-group", "4", "qfi", "9" };

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 12345;
		CU_ASSERT_EQUAL(gtpnl_arg_rate(ok[i].s, &v, &why), 0);
		CU_ASSERT_EQUAL(v, ok[i].bits);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CU_ASSERT_EQUAL(gtpnl_arg_rate(bad[i], &v, &why), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(gtpnl_arg_bearer(12, argv, GTPNL_ARG_MOD, &b, &dev,
					       &e), 0);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_MBR_UL | GTPNL_B_MBR_DL |
				GTPNL_B_AMBR_GROUP | GTPNL_B_QFI);
	CU_ASSERT_EQUAL(b.mbr_ul, 10000000);
	CU_ASSERT_EQUAL(b.mbr_dl, 16000000);
	CU_ASSERT_EQUAL(b.ambr_group, 4);
	CU_ASSERT_EQUAL(b.qfi, 9);
	/* QFI wider than 8 bits: refused here; 64..255 is the kernel's call */
	argv[11] = "256";
	CU_ASSERT_EQUAL(gtpnl_arg_bearer(12, argv, GTPNL_ARG_MOD, &b, &dev, &e),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(e.arg, "256");
	/* not in del */
	CU_ASSERT_EQUAL(gtpnl_arg_bearer(6, argv, GTPNL_ARG_DEL, &b, &dev, &e),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(e.arg, "mbr-ul");
}

UNIT_SUITE(gtpnl_qos,
	   UNIT_TEST(test_arg_rate),
	   UNIT_TEST(test_build_bearer_qos),
	   UNIT_TEST(test_build_ambr),
	   UNIT_TEST(test_parse_ambr),
	   UNIT_TEST(test_parse_bearer_qos))
