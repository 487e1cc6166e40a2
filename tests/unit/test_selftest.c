// SPDX-License-Identifier: GPL-2.0
/* Checks the harness itself: the hex helper used by every vector test. */
#include "unit.h"

static void test_hex_ok(void)
{
	unsigned char b[4];

	CU_ASSERT_EQUAL(unit_hex("0a Ff 10", b, sizeof(b)), 3);
	CU_ASSERT_EQUAL(b[0], 0x0a);
	CU_ASSERT_EQUAL(b[1], 0xff);
	CU_ASSERT_EQUAL(b[2], 0x10);
}

static void test_hex_bad(void)
{
	unsigned char b[2];

	CU_ASSERT_EQUAL(unit_hex("0g", b, sizeof(b)), -1);
	CU_ASSERT_EQUAL(unit_hex("abc", b, sizeof(b)), -1);
	CU_ASSERT_EQUAL(unit_hex("aabbcc", b, sizeof(b)), -1);
}

UNIT_SUITE(harness, UNIT_TEST(test_hex_ok), UNIT_TEST(test_hex_bad))
