// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl_arg_bearer_add_fast: the -batch fast path must give exactly what
 * the general parser gives, and hand everything else to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gtpnl/gtpnl_arg.h"
#include "unit.h"

#define LINE_MAX_WORDS	64

/* The general parser's view of a whole "bearer add ..." line */
static int general(const char *line, struct gtpnl_bearer *b, char *dev)
{
	char buf[512], *argv[LINE_MAX_WORDS];
	struct gtpnl_arg_err e;
	const char *d;
	int argc;

	snprintf(buf, sizeof(buf), "%s", line);
	argc = gtpnl_arg_split(buf, argv, LINE_MAX_WORDS);
	if (argc < 2 || strcmp(argv[0], "bearer") || strcmp(argv[1], "add"))
		return -1;
	if (gtpnl_arg_bearer(argc - 2, argv + 2, GTPNL_ARG_ADD, b, &d, &e))
		return -1;
	snprintf(dev, 16, "%s", d);
	return 0;
}

/* fast accepts => general accepts with the same bearer and device */
static bool parity(const char *line)
{
	struct gtpnl_bearer fb, gb;
	char buf[512], gdev[16], *fdev;
	bool fast;

	snprintf(buf, sizeof(buf), "%s", line);
	memset(&fb, 0, sizeof(fb));
	memset(&gb, 0, sizeof(gb));
	fast = gtpnl_arg_bearer_add_fast(buf, &fb, &fdev);
	if (!fast)
		return false;
	CU_ASSERT_EQUAL_FATAL(general(line, &gb, gdev), 0);
	CU_ASSERT_STRING_EQUAL(fdev, gdev);
	CU_ASSERT_EQUAL(memcmp(&fb, &gb, sizeof(fb)), 0);
	return true;
}

static void test_fast_accepts(void)
{
	static const char *const ok[] = {
		"bearer add dev gtpu0 teid-in 1 teid-out 2 peer 172.31.0.1 ue 10.45.0.1\n",
		"  bearer\tadd  ue 10.45.0.1 peer 172.31.0.1 teid-out 2 teid-in 1 dev g",
		"bearer add dev gtpu0 teid-in 4294967295 teid-out 0 peer 0.0.0.0 "
		"ue 255.255.255.255 ebi 15 cookie 18446744073709551615",
		"bearer add dev gtpu0 teid-in 0010 teid-out 7 peer 1.2.3.4 ue 5.6.7.8 ebi 5",
		"bearer add dev abcdefghijklmno teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
	};
	struct gtpnl_bearer b;
	char buf[256], *dev;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		CU_ASSERT_TRUE(parity(ok[i]));
	snprintf(buf, sizeof(buf), "%s", ok[0]);
	CU_ASSERT_TRUE(gtpnl_arg_bearer_add_fast(buf, &b, &dev));
	CU_ASSERT_STRING_EQUAL(dev, "gtpu0");
	CU_ASSERT_EQUAL(b.teid_in, 1);
	CU_ASSERT_EQUAL(b.teid_out, 2);
	CU_ASSERT_EQUAL(b.ue4.s_addr, htonl(0x0a2d0001));
	CU_ASSERT_EQUAL(b.peer.v4.s_addr, htonl(0xac1f0001));
	CU_ASSERT_EQUAL(b.have, GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4);
}

/* Lines the fast path must leave to the general parser */
static void test_fast_declines(void)
{
	static const char *const no[] = {
		"bearer add dev g teid-in 0x1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 2001:db8::1 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue6 2001:db8::/64",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8 threshold 9",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8 # note",
		"bearer add dev g teid-in 1 teid-in 2 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 peer 1.2.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4",
		"bearer add dev g teid-in 4294967296 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8 ebi 256",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.256 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.02.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4. ue 5.6.7.8",
		"bearer add dev g teid-in -1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearer add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue",
		"bearer add dev abcdefghijklmnop teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		/* a quoted word to the general parser (found by fuzz_gtpnl_arg) */
		"bearer add dev \"bgtpu0 teid-in 1 teid-out 2 peer 72.31.0.2 ue 1.44.0.7",
		"bearer add dev \"g\" teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearer mod dev g teid-in 1 teid-out 2",
		"bearer addx dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"bearers add dev g teid-in 1 teid-out 2 peer 1.2.3.4 ue 5.6.7.8",
		"",
	};
	struct gtpnl_bearer b;
	char buf[256], *dev;

	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", no[i]);
		CU_ASSERT_FALSE(gtpnl_arg_bearer_add_fast(buf, &b, &dev));
	}
}

/* Random lines from valid and broken tokens: fast never disagrees */
static void test_fast_random_parity(void)
{
	static const char *const tok[] = {
		"dev", "gtpu0", "teid-in", "teid-out", "peer", "ue", "ebi",
		"cookie", "1", "0", "42", "0x10", "4294967295", "4294967296",
		"10.45.0.1", "1.2.3.4", "256.1.1.1", "01.1.1.1", "::1", "#", "\"g",
		"ue6", "threshold", "18446744073709551616", "7", "x",
	};
	const size_t ntok = sizeof(tok) / sizeof(tok[0]);
	unsigned int seed = 12345, accepted = 0;

	for (int i = 0; i < 20000; i++) {
		char line[512] = "bearer add";
		int words = 2 + (int)(rand_r(&seed) % 14);

		for (int w = 0; w < words; w++) {
			strcat(line, " ");
			strcat(line, tok[rand_r(&seed) % ntok]);
		}
		accepted += parity(line);
	}
	/* well-formed lines are rare among random ones: a few must pass */
	for (int i = 0; i < 2000; i++) {
		char line[512];

		snprintf(line, sizeof(line),
			 "bearer add %s %s teid-in %u teid-out %u peer %u.%u.%u.%u ue 10.%u.0.%u",
			 "dev", i % 2 ? "gtpu0" : "g1", rand_r(&seed),
			 rand_r(&seed) % 1000, rand_r(&seed) % 256,
			 rand_r(&seed) % 256, rand_r(&seed) % 256,
			 rand_r(&seed) % 256, rand_r(&seed) % 256,
			 rand_r(&seed) % 256);
		accepted += parity(line);
	}
	CU_ASSERT(accepted >= 2000);
}

UNIT_SUITE(gtpnl_arg_fast,
	   UNIT_TEST(test_fast_accepts),
	   UNIT_TEST(test_fast_declines),
	   UNIT_TEST(test_fast_random_parity))
