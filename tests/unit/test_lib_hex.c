// SPDX-License-Identifier: GPL-2.0
/* lib/hex: encoding, strict decoding, JSON strings. */
#include <stdint.h>
#include <string.h>
#include <json-c/json.h>

#include "lib/hex.h"
#include "unit.h"

static void test_hex_encode(void)
{
	static const uint8_t in[] = { 0x00, 0x01, 0x9a, 0xbf, 0xff };
	char out[2 * sizeof(in) + 1];
	struct json_object *o;

	memset(out, 'x', sizeof(out));
	hex_encode(in, sizeof(in), out);
	CU_ASSERT_STRING_EQUAL(out, "00019abfff");
	hex_encode(in, 0, out);
	CU_ASSERT_STRING_EQUAL(out, "");
	o = hex_json(in, sizeof(in));
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_STRING_EQUAL(json_object_get_string(o), "00019abfff");
	json_object_put(o);
}

static void test_hex_decode(void)
{
	uint8_t out[4] = { 0 };
	size_t n = 99;

	CU_ASSERT_EQUAL(hex_decode("00aBfF", out, sizeof(out), &n), 0);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(out[0], 0x00);
	CU_ASSERT_EQUAL(out[1], 0xab);
	CU_ASSERT_EQUAL(out[2], 0xff);
	CU_ASSERT_EQUAL(hex_decode("", out, sizeof(out), &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	n = 99;
	CU_ASSERT_EQUAL(hex_decode("abc", out, sizeof(out), &n), -1);		/* odd */
	CU_ASSERT_EQUAL(hex_decode("0g", out, sizeof(out), &n), -1);		/* not hex */
	CU_ASSERT_EQUAL(hex_decode(" 1", out, sizeof(out), &n), -1);	/* leading blank */
	CU_ASSERT_EQUAL(hex_decode("+1", out, sizeof(out), &n), -1);
	CU_ASSERT_EQUAL(hex_decode("0x", out, sizeof(out), &n), -1);
	CU_ASSERT_EQUAL(hex_decode("0011223344", out, sizeof(out), &n), -1);	/* > max */
	CU_ASSERT_EQUAL(n, 99);
}

UNIT_SUITE(lib_hex,
	   UNIT_TEST(test_hex_encode),
	   UNIT_TEST(test_hex_decode))
