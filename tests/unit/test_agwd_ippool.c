// SPDX-License-Identifier: GPL-2.0
/*
 * Mobility: the hierarchical bitmap against a naive reference, pool rules,
 * exhaustion of a /24, no duplicates, release and reuse, static addresses
 * and their conflicts, persistence across close and reopen.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "test_agwd_util.h"
#include "agwd/mobility/bitmap.h"
#include "agwd/mobility/mobility.h"

static struct agw_config cfg;
static char *dir;
static struct mobility *mob;

static void mob_start(void)
{
	char text[2048], err[512], path[256];

	snprintf(text, sizeof(text), TEST_CFG_FMT, TEST_APN_INTERNET
		 ", {\"name\": \"v6only\", \"ipv6_prefix_pool\": \"2001:db8:2::/62\"}", "");
	CU_ASSERT_EQUAL_FATAL(agw_config_parse("t", text, &cfg, err, sizeof(err)), 0);
	dir = tmpdir_new();
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	snprintf(path, sizeof(path), "%s/leases.db", dir);
	CU_ASSERT_EQUAL_FATAL(mob_open(&cfg, path, &mob, err, sizeof(err)), 0);
}

static void mob_reopen(void)
{
	char err[512], path[256];

	mob_close(mob);
	snprintf(path, sizeof(path), "%s/leases.db", dir);
	CU_ASSERT_EQUAL_FATAL(mob_open(&cfg, path, &mob, err, sizeof(err)), 0);
}

static void mob_stop(void)
{
	mob_close(mob);
	mob = NULL;
	tmpdir_rm(dir);
	dir = NULL;
}

static void test_bitmap_vs_reference(void)
{
	static const uint64_t sizes[] = { 1, 63, 64, 65, 4096, 4097, 300000 };

	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		uint64_t n = sizes[s], x = 12345;
		struct hbitmap b;
		uint8_t *ref = calloc(n, 1);

		CU_ASSERT_EQUAL_FATAL(hbm_init(&b, n), 0);
		for (int step = 0; step < 3000; step++) {
			uint64_t i, start, want = UINT64_MAX;

			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			i = (x >> 33) % n;
			start = (x >> 13) % n;
			if (x & 1) {
				hbm_set(&b, i);
				ref[i] = 1;
			} else {
				hbm_clear(&b, i);
				ref[i] = 0;
			}
			for (uint64_t k = 0; k < n; k++) {
				uint64_t j = (start + k) % n;

				if (!ref[j]) {
					want = j;
					break;
				}
			}
			if (hbm_find_clear(&b, start) != (want == UINT64_MAX ? -1 : (int64_t)want)) {
				CU_FAIL("bitmap and reference disagree");
				break;
			}
			if (n > 5000 && step > 200)
				break;	/* the naive scan is slow on the big one */
		}
		hbm_free(&b);
		free(ref);
	}
}

static void test_bitmap_full_and_large(void)
{
	struct hbitmap b;

	CU_ASSERT_EQUAL_FATAL(hbm_init(&b, 1 << 24), 0);	/* a /8 or 2^24 /64s */
	for (uint64_t i = 0; i < (1 << 24); i++)
		hbm_set(&b, i);
	CU_ASSERT_EQUAL(hbm_find_clear(&b, 0), -1);
	hbm_clear(&b, 9999999);
	CU_ASSERT_EQUAL(hbm_find_clear(&b, 12345), 9999999);
	CU_ASSERT_EQUAL(hbm_find_clear(&b, 10000000), 9999999);	/* wraps */
	hbm_free(&b);
	CU_ASSERT_EQUAL(hbm_init(&b, 0), -EINVAL);
}

static void test_pool_exhaust_24(void)
{
	uint8_t seen[256] = { 0 };
	struct mob_lease_info l;
	struct mob_pool_stats st;
	char imsi[16];
	int n = 0;

	mob_start();
	CU_ASSERT_EQUAL(mob_pool_stats(mob, 0, &st), 0);
	CU_ASSERT_EQUAL(st.size, 253);	/* 256 - network, gateway, broadcast */
	for (int i = 0;; i++) {
		int ret;

		snprintf(imsi, sizeof(imsi), "0010100000%05d", i);
		ret = mob_alloc(mob, imsi, "internet", MOB_IPV4, NULL, NULL, &l);
		if (ret) {
			CU_ASSERT_EQUAL(ret, -EADDRNOTAVAIL);
			CU_ASSERT_STRING_EQUAL(mob_error(mob), "IPv4 pool of APN internet is exhausted");
			break;
		}
		CU_ASSERT_TRUE(l.has_ipv4 && !l.has_ipv6);
		CU_ASSERT_EQUAL(ntohl(l.ipv4.s_addr) >> 8, 0x0a2d00);
		seen[ntohl(l.ipv4.s_addr) & 0xff]++;
		n++;
	}
	CU_ASSERT_EQUAL(n, 253);
	CU_ASSERT_EQUAL(seen[0], 0);
	CU_ASSERT_EQUAL(seen[1], 0);
	CU_ASSERT_EQUAL(seen[255], 0);
	for (int i = 2; i < 255; i++)
		CU_ASSERT_EQUAL(seen[i], 1);	/* each address exactly once */
	CU_ASSERT_EQUAL(mob_pool_stats(mob, 0, &st), 0);
	CU_ASSERT_EQUAL(st.in_use, 253);
	CU_ASSERT_EQUAL(st.free, 0);
	/* release one: exactly that one comes back */
	CU_ASSERT_EQUAL(mob_find(mob, "001010000000100", "internet", &l), 0);
	CU_ASSERT_EQUAL(mob_release(mob, "001010000000100", "internet"), 0);
	CU_ASSERT_EQUAL(mob_release(mob, "001010000000100", "internet"), -ENOENT);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001019999999999", "internet", MOB_IPV4, NULL, NULL,
				  &l), 0);
	CU_ASSERT_EQUAL(ntohl(l.ipv4.s_addr), 0x0a2d0000 + 102);
	mob_stop();
}

static void test_pool_same_lease_and_next_fit(void)
{
	struct mob_lease_info a, b, c;

	mob_start();
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000001", "INTERNET", MOB_IPV4 | MOB_IPV6, NULL,
				  NULL, &a), 0);
	CU_ASSERT_TRUE(a.has_ipv4 && a.has_ipv6);
	CU_ASSERT_EQUAL(ntohl(a.ipv4.s_addr), 0x0a2d0002);
	/* the first /64 of 2001:db8:1::/56 is the gateway's */
	CU_ASSERT_EQUAL(a.ipv6.s6_addr[7], 1);
	CU_ASSERT_EQUAL(a.ipv6.s6_addr[8], 0);
	/* asking again returns the same lease */
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000001", "internet", MOB_IPV4 | MOB_IPV6, NULL,
				  NULL, &b), 0);
	CU_ASSERT_EQUAL(memcmp(&a.ipv4, &b.ipv4, 4), 0);
	CU_ASSERT_EQUAL(memcmp(&a.ipv6, &b.ipv6, 16), 0);
	/* next-fit: a released address is not handed out right away */
	CU_ASSERT_EQUAL(mob_release(mob, "001010000000001", "internet"), 0);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000002", "internet", MOB_IPV4, NULL, NULL,
				  &c), 0);
	CU_ASSERT_EQUAL(ntohl(c.ipv4.s_addr), 0x0a2d0003);
	/* no pool of that family, unknown APN */
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000002", "v6only", MOB_IPV4, NULL, NULL, &c),
			-EADDRNOTAVAIL);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000002", "nope", MOB_IPV4, NULL, NULL, &c),
			-ENOENT);
	CU_ASSERT_EQUAL(mob_lease_count(mob), 1);
	mob_stop();
}

static void test_pool_static(void)
{
	struct in_addr s4, out4, gw;
	struct mob_lease_info l;
	struct mob_pool_stats st;
	char msg[256];

	mob_start();
	inet_pton(AF_INET, "10.45.0.9", &s4);
	inet_pton(AF_INET, "10.46.0.9", &out4);
	inet_pton(AF_INET, "10.45.0.1", &gw);
	CU_ASSERT_EQUAL(mob_check_static(mob, NULL, "internet", AF_INET, &out4, msg,
					 sizeof(msg)), -EADDRNOTAVAIL);
	CU_ASSERT_STRING_EQUAL(msg, "10.46.0.9 is outside the IPv4 pool of APN internet");
	CU_ASSERT_EQUAL(mob_check_static(mob, NULL, "internet", AF_INET, &gw, msg, sizeof(msg)),
			-EADDRNOTAVAIL);
	CU_ASSERT_STRING_EQUAL(msg, "10.45.0.1 is the gateway address of the pool of APN internet");
	/* reserved: never handed out dynamically */
	CU_ASSERT_EQUAL(mob_reserve_static(mob, "001010000000001", "internet", &s4, NULL), 0);
	CU_ASSERT_EQUAL(mob_pool_stats(mob, 0, &st), 0);
	CU_ASSERT_EQUAL(st.reserved, 1);
	CU_ASSERT_EQUAL(st.free, 252);
	for (int i = 0; i < 252; i++) {
		char imsi[16];

		snprintf(imsi, sizeof(imsi), "0010200000%05d", i);
		CU_ASSERT_EQUAL(mob_alloc(mob, imsi, "internet", MOB_IPV4, NULL, NULL, &l), 0);
		CU_ASSERT_NOT_EQUAL(l.ipv4.s_addr, s4.s_addr);
	}
	CU_ASSERT_EQUAL(mob_alloc(mob, "001029999999999", "internet", MOB_IPV4, NULL, NULL, &l),
			-EADDRNOTAVAIL);
	/* another subscriber cannot take or reserve it */
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000002", "internet", MOB_IPV4, &s4, NULL, &l),
			-EADDRINUSE);
	CU_ASSERT_STRING_EQUAL(mob_error(mob), "10.45.0.9 is the static address of 001010000000001");
	CU_ASSERT_EQUAL(mob_reserve_static(mob, "001010000000002", "internet", &s4, NULL),
			-EADDRINUSE);
	/* the owner gets it; released, it stays reserved */
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000001", "internet", MOB_IPV4, &s4, NULL, &l), 0);
	CU_ASSERT_EQUAL(l.ipv4.s_addr, s4.s_addr);
	CU_ASSERT_TRUE(l.static_ipv4);
	CU_ASSERT_EQUAL(mob_release(mob, "001010000000001", "internet"), 0);
	CU_ASSERT_EQUAL(mob_pool_stats(mob, 0, &st), 0);
	CU_ASSERT_EQUAL(st.reserved, 1);
	/* a dynamically leased address cannot become someone else's static one */
	CU_ASSERT_EQUAL(mob_find(mob, "001020000000007", "internet", &l), 0);
	CU_ASSERT_EQUAL(mob_reserve_static(mob, "001010000000003", "internet", &l.ipv4, NULL),
			-EADDRINUSE);
	/* unreserved: it goes back to the pool */
	mob_unreserve_static(mob, "001010000000001", "internet");
	CU_ASSERT_EQUAL(mob_pool_stats(mob, 0, &st), 0);
	CU_ASSERT_EQUAL(st.reserved, 0);
	CU_ASSERT_EQUAL(st.free, 1);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001029999999999", "internet", MOB_IPV4, NULL, NULL, &l),
			0);
	CU_ASSERT_EQUAL(l.ipv4.s_addr, s4.s_addr);
	mob_stop();
}

static void test_pool_persistence(void)
{
	struct mob_lease_info a, b, c;
	struct in_addr s4;

	mob_start();
	inet_pton(AF_INET, "10.45.0.77", &s4);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000001", "internet", MOB_IPV4 | MOB_IPV6, NULL,
				  NULL, &a), 0);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000002", "internet", MOB_IPV4, &s4, NULL, &b), 0);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000003", "v6only", MOB_IPV6, NULL, NULL, &c), 0);
	CU_ASSERT_EQUAL(mob_release(mob, "001010000000003", "v6only"), 0);
	mob_reopen();
	CU_ASSERT_EQUAL(mob_lease_count(mob), 2);
	CU_ASSERT_EQUAL(mob_find(mob, "001010000000001", "internet", &c), 0);
	CU_ASSERT_EQUAL(c.ipv4.s_addr, a.ipv4.s_addr);
	CU_ASSERT_EQUAL(memcmp(&c.ipv6, &a.ipv6, 16), 0);
	CU_ASSERT_EQUAL(mob_find(mob, "001010000000002", "internet", &c), 0);
	CU_ASSERT_EQUAL(c.ipv4.s_addr, s4.s_addr);
	CU_ASSERT_TRUE(c.static_ipv4);
	CU_ASSERT_EQUAL(mob_find(mob, "001010000000003", "v6only", &c), -ENOENT);
	/* the reloaded addresses are taken: new leases get others */
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000004", "internet", MOB_IPV4, NULL, NULL, &c), 0);
	CU_ASSERT_NOT_EQUAL(c.ipv4.s_addr, a.ipv4.s_addr);
	CU_ASSERT_EQUAL(mob_alloc(mob, "001010000000005", "internet", MOB_IPV4, &a.ipv4, NULL, &c),
			-EADDRINUSE);
	mob_stop();
}

UNIT_SUITE(agwd_ippool,
	   UNIT_TEST(test_bitmap_vs_reference),
	   UNIT_TEST(test_bitmap_full_and_large),
	   UNIT_TEST(test_pool_exhaust_24),
	   UNIT_TEST(test_pool_same_lease_and_next_fit),
	   UNIT_TEST(test_pool_static),
	   UNIT_TEST(test_pool_persistence))
