// SPDX-License-Identifier: GPL-2.0
/*
 * AVPs by identifier (proto/diameter_avp.h): every entry of the table is
 * the dictionary's AVP of that name, code and vendor; the typed readers
 * and writers agree with the dictionary's data formats; dia_get_result
 * reads Result-Code and Experimental-Result.
 */
#include <string.h>

#include "unit.h"
#include "proto/diameter_avp.h"

static void test_table_matches_dictionary(void)
{
	for (int i = 0; i < DA__COUNT; i++) {
		const struct dia_avp_key *k = &dia_avp_keys[i];
		const struct dia_avp_def *d = dia_dict_avp(k->code, k->vendor);

		CU_ASSERT_PTR_NOT_NULL(k->name);
		CU_ASSERT_PTR_NOT_NULL(d);
		if (d && k->name && strcmp(d->name, k->name))
			CU_FAIL(k->name);
		CU_ASSERT_PTR_EQUAL(dia_dict_avp_by_name(k->name), d);
	}
}

static void test_typed_access(void)
{
	uint8_t buf[512], ip[4] = { 10, 0, 0, 1 };
	struct dia_builder b;
	struct dia_msg m;
	struct dia_err e;
	char s[16];
	uint32_t v, vendor;
	uint64_t w;
	int n, g;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 272, DIA_APP_GX, 1, 2);
	CU_ASSERT_EQUAL(dia_add_str(&b, DA_SESSION_ID, "a;b"), 0);
	CU_ASSERT_EQUAL(dia_add_u32(&b, DA_RAT_TYPE, 1004), 0);
	CU_ASSERT_EQUAL(dia_add_u64(&b, DA_CC_TOTAL_OCTETS, 1ULL << 40), 0);
	CU_ASSERT_EQUAL(dia_add_address(&b, DA_FRAMED_IP_ADDRESS, 1, ip, 4), -1); /* OctetString */
	b.err = 0;
	CU_ASSERT_EQUAL(dia_add_bytes(&b, DA_FRAMED_IP_ADDRESS, ip, 4), 0);
	CU_ASSERT_EQUAL(dia_add_group(&b, DA_EXPERIMENTAL_RESULT), 0);
	dia_add_u32(&b, DA_VENDOR_ID, 10415);
	dia_add_u32(&b, DA_EXPERIMENTAL_RESULT_CODE, 5001);
	dia_build_group_end(&b);
	/* wrong types are refused, and the error sticks */
	CU_ASSERT_EQUAL(dia_add_u32(&b, DA_SESSION_ID, 1), -1);
	CU_ASSERT_EQUAL(dia_build_finish(&b), -1);
	b.err = 0;
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_EQUAL_FATAL(dia_msg_decode(buf, (size_t)n, &m, &e), 0);
	CU_ASSERT_EQUAL(dia_get_str(&m, -1, DA_SESSION_ID, s, sizeof(s)), 0);
	CU_ASSERT_STRING_EQUAL(s, "a;b");
	CU_ASSERT_EQUAL(dia_get_str(&m, -1, DA_SESSION_ID, s, 3), -1);	/* too long */
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_RAT_TYPE, &v), 0);
	CU_ASSERT_EQUAL(v, 1004);
	CU_ASSERT_EQUAL(dia_get_u64(&m, -1, DA_CC_TOTAL_OCTETS, &w), 0);
	CU_ASSERT_EQUAL(w, 1ULL << 40);
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_CC_TOTAL_OCTETS, &v), -1);	/* length 8 */
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_QOS_CLASS_IDENTIFIER, &v), 1);	/* absent */
	CU_ASSERT_EQUAL(dia_get_result(&m, -1, &vendor, &v), 0);
	CU_ASSERT_EQUAL(vendor, 10415);
	CU_ASSERT_EQUAL(v, 5001);
	g = dia_get(&m, -1, DA_EXPERIMENTAL_RESULT);
	CU_ASSERT(g >= 0);
	CU_ASSERT_EQUAL(dia_get_next(&m, g, DA_EXPERIMENTAL_RESULT), -1);
	dia_msg_free(&m);
}

static void test_build_raw(void)
{
	uint8_t buf[128], avp[9] = { 0, 0, 1, 7, 0x40, 0, 0, 9, 'x' };
	struct dia_builder b;
	struct dia_msg m;
	struct dia_err e;
	char s[4];
	int n;

	dia_build_init(&b, buf, sizeof(buf), 0, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_build_raw(&b, avp, sizeof(avp)), 0);
	n = dia_build_finish(&b);
	CU_ASSERT_EQUAL(n, 20 + 12);
	CU_ASSERT_EQUAL_FATAL(dia_msg_decode(buf, (size_t)n, &m, &e), 0);
	CU_ASSERT_EQUAL(dia_get_str(&m, -1, DA_SESSION_ID, s, sizeof(s)), 0);
	CU_ASSERT_STRING_EQUAL(s, "x");
	dia_msg_free(&m);
	dia_build_init(&b, buf, 24, 0, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_build_raw(&b, avp, sizeof(avp)), -1);
}

UNIT_SUITE(proto_diameter_avp,
	   UNIT_TEST(test_table_matches_dictionary),
	   UNIT_TEST(test_typed_access),
	   UNIT_TEST(test_build_raw))
