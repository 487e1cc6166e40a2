// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl_arg: the parsing behind gtpuctl's "bearer add|mod|del" and -batch
 * lines (grammar: Documentation/gtpuctl.md).
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>

#include "gtpnl/gtpnl_arg.h"
#include "unit.h"

static void test_num(void)
{
	uint64_t v = 0;

	CU_ASSERT_EQUAL(gtpnl_arg_num("100", UINT32_MAX, &v), 0);
	CU_ASSERT_EQUAL(v, 100);
	CU_ASSERT_EQUAL(gtpnl_arg_num("0x1F", UINT32_MAX, &v), 0);
	CU_ASSERT_EQUAL(v, 31);
	CU_ASSERT_EQUAL(gtpnl_arg_num("010", UINT32_MAX, &v), 0);
	CU_ASSERT_EQUAL(v, 10);			/* decimal, not octal */
	CU_ASSERT_EQUAL(gtpnl_arg_num("4294967295", UINT32_MAX, &v), 0);
	CU_ASSERT_EQUAL(v, 4294967295u);
	CU_ASSERT_EQUAL(gtpnl_arg_num("0xffffffffffffffff", UINT64_MAX, &v), 0);
	CU_ASSERT_EQUAL(v, UINT64_MAX);
	CU_ASSERT_EQUAL(gtpnl_arg_num("4294967296", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("0x10000000000000000", UINT64_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("-1", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("+1", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num(" 1", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("1k", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("0x", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("0x-1", UINT32_MAX, &v), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_num("", UINT32_MAX, &v), -EINVAL);
}

static void test_addr(void)
{
	union gtpnl_addr a;
	struct in6_addr want;
	uint8_t plen = 0;
	int fam = 0;

	CU_ASSERT_EQUAL(gtpnl_arg_addr("192.0.2.1", &fam, &a), 0);
	CU_ASSERT_EQUAL(fam, AF_INET);
	CU_ASSERT_EQUAL(ntohl(a.v4.s_addr), 0xc0000201);
	CU_ASSERT_EQUAL(gtpnl_arg_addr("2001:db8::1", &fam, &a), 0);
	CU_ASSERT_EQUAL(fam, AF_INET6);
	CU_ASSERT_EQUAL(a.v6.s6_addr[15], 1);
	CU_ASSERT_EQUAL(gtpnl_arg_addr("192.0.2.1/32", &fam, &a), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_addr("gtpu0", &fam, &a), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_addr4("2001:db8::1", &a.v4), -EINVAL);

	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8:1:2::/64", &a.v6, &plen), 0);
	inet_pton(AF_INET6, "2001:db8:1:2::", &want);
	CU_ASSERT(memcmp(&a.v6, &want, 16) == 0);
	CU_ASSERT_EQUAL(plen, 64);
	/* the kernel judges the length and the host bits, not us */
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8::1/56", &a.v6, &plen), 0);
	CU_ASSERT_EQUAL(plen, 56);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8::", &a.v6, &plen), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8::/129", &a.v6, &plen), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8::/0x40", &a.v6, &plen), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("2001:db8::/", &a.v6, &plen), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("/64", &a.v6, &plen), -EINVAL);
	CU_ASSERT_EQUAL(gtpnl_arg_prefix6("10.0.0.0/64", &a.v6, &plen), -EINVAL);
}

static int parse(const char *line, enum gtpnl_arg_mode mode,
		 struct gtpnl_bearer *b, const char **dev,
		 struct gtpnl_arg_err *e, char *msg)
{
	static char copy[512];
	char *argv[32];
	int argc, ret;

	strcpy(copy, line);
	argc = gtpnl_arg_split(copy, argv, 32);
	ret = gtpnl_arg_bearer(argc, argv, mode, b, dev, e);
	if (ret)
		gtpnl_arg_strerror(e, msg, 256);
	return ret;
}

static void test_bearer_add(void)
{
	struct gtpnl_bearer b;
	struct gtpnl_arg_err e;
	const char *dev;
	char msg[256];

	CU_ASSERT_EQUAL_FATAL(parse("dev gtpu0 teid-in 0x64 teid-out 200 peer 192.0.2.1 "
				    "ue 10.45.0.2 ue6 2001:db8:1:2::/64 ebi 6 cookie 0x1122334455667788",
				    GTPNL_ARG_ADD, &b, &dev, &e, msg), 0);
	CU_ASSERT_STRING_EQUAL(dev, "gtpu0");
	CU_ASSERT_EQUAL(b.ifindex, 0);
	CU_ASSERT_EQUAL(b.teid_in, 100);
	CU_ASSERT_EQUAL(b.teid_out, 200);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4 |
			GTPNL_B_UE6 | GTPNL_B_EBI | GTPNL_B_COOKIE);
	CU_ASSERT_EQUAL(b.peer_family, AF_INET);
	CU_ASSERT_EQUAL(ntohl(b.ue4.s_addr), 0x0a2d0002);
	CU_ASSERT_EQUAL(b.ue6_plen, 64);
	CU_ASSERT_EQUAL(b.ebi, 6);
	CU_ASSERT_EQUAL(b.cookie, 0x1122334455667788ULL);

	/* ue6 alone, IPv6 peer */
	CU_ASSERT_EQUAL(parse("dev g teid-in 1 teid-out 2 peer 2001:db8::1 ue6 2001:db8::/64",
			      GTPNL_ARG_ADD, &b, &dev, &e, msg), 0);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE6);
	CU_ASSERT_EQUAL(b.peer_family, AF_INET6);

	CU_ASSERT_EQUAL(parse("dev g teid-in 1 teid-out 2 peer 192.0.2.1", GTPNL_ARG_ADD,
			      &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"ue\" is required");
	CU_ASSERT_EQUAL(parse("dev g teid-in 1 peer 192.0.2.1 ue 10.0.0.1", GTPNL_ARG_ADD,
			      &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"teid-out\" is required");
	CU_ASSERT_EQUAL(parse("dev g teid-in 1x", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"1x\" is wrong: TEID must be a 32-bit number (decimal or 0x-hex)");
	CU_ASSERT_EQUAL(parse("dev g dev h", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"dev\" is wrong: given twice");
	CU_ASSERT_EQUAL(parse("dev g teid 1", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"teid\" is wrong: unknown keyword");
	CU_ASSERT_EQUAL(parse("dev g teid-in", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"teid-in\" is wrong: value missing");
	CU_ASSERT_EQUAL(parse("dev g ue 2001:db8::1", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"2001:db8::1\" is wrong: not an IPv4 address");
	CU_ASSERT_EQUAL(parse("dev g ebi 256", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_EQUAL(parse("dev abcdefghijklmnop", GTPNL_ARG_ADD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"abcdefghijklmnop\" is wrong: not a valid device name");
}

static void test_bearer_mod_del(void)
{
	struct gtpnl_bearer b;
	struct gtpnl_arg_err e;
	const char *dev;
	char msg[256];

	CU_ASSERT_EQUAL(parse("dev g teid-in 7 peer 198.51.100.2", GTPNL_ARG_MOD,
			      &b, &dev, &e, msg), 0);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_PEER);
	CU_ASSERT_EQUAL(b.teid_in, 7);
	CU_ASSERT_EQUAL(parse("dev g teid-in 7", GTPNL_ARG_MOD, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"teid-out|peer|ebi|cookie|threshold|mbr-ul|mbr-dl|ambr-group|qfi|tft\" is required");
	/* UE addresses cannot change (gtpu.h, BEARER_MOD) */
	CU_ASSERT_EQUAL(parse("dev g teid-in 7 ue 10.0.0.1", GTPNL_ARG_MOD, &b, &dev, &e, msg),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"ue\" is wrong: unknown keyword");

	CU_ASSERT_EQUAL(parse("teid-in 9 dev g", GTPNL_ARG_DEL, &b, &dev, &e, msg), 0);
	CU_ASSERT_EQUAL(b.teid_in, 9);
	CU_ASSERT_EQUAL(b.have, 0);
	CU_ASSERT_EQUAL(parse("dev g teid-in 9 peer 192.0.2.1", GTPNL_ARG_DEL,
			      &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_EQUAL(parse("dev g", GTPNL_ARG_DEL, &b, &dev, &e, msg), -EINVAL);
	CU_ASSERT_STRING_EQUAL(msg, "argument \"teid-in\" is required");
}

static void test_split(void)
{
	char line[] = "  bearer add\tdev gtpu0   # a comment\n";
	char many[] = "a b c d";
	char empty[] = "   # only a comment\n";
	char *argv[4];

	CU_ASSERT_EQUAL(gtpnl_arg_split(line, argv, 4), 4);
	CU_ASSERT_STRING_EQUAL(argv[0], "bearer");
	CU_ASSERT_STRING_EQUAL(argv[1], "add");
	CU_ASSERT_STRING_EQUAL(argv[2], "dev");
	CU_ASSERT_STRING_EQUAL(argv[3], "gtpu0");
	CU_ASSERT_EQUAL(gtpnl_arg_split(many, argv, 3), -E2BIG);
	CU_ASSERT_EQUAL(gtpnl_arg_split(empty, argv, 4), 0);
}

UNIT_SUITE(gtpnl_arg,
	   UNIT_TEST(test_num),
	   UNIT_TEST(test_addr),
	   UNIT_TEST(test_bearer_add),
	   UNIT_TEST(test_bearer_mod_del),
	   UNIT_TEST(test_split))
