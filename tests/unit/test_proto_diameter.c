// SPDX-License-Identifier: GPL-2.0
/*
 * Diameter codec and dictionary (userspace/proto/diameter*.c).
 * Captured messages come from other projects' test suites (cited at each);
 * the S6a/Gx/Gy messages are built with the builder API, checked field by
 * field and round-tripped; tests/host/tshark_diameter.sh cross-checks the
 * encoder against Wireshark.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "proto/diameter.h"
#include "../bench/codecs_dia_msgs.h"

static unsigned char in[4096], out[4096];

static int roundtrip_buf(const uint8_t *buf, size_t n, struct dia_msg *m)
{
	struct dia_err err;
	int e;

	if (dia_msg_decode(buf, n, m, &err)) {
		CU_FAIL(err.msg);
		dia_msg_free(m);
		return -1;
	}
	e = dia_msg_encode(m, out, sizeof(out), &err);
	CU_ASSERT_EQUAL(e, (int)n);
	CU_ASSERT(e == (int)n && !memcmp(buf, out, n));
	return 0;
}

static int roundtrip(const char *hex, struct dia_msg *m)
{
	int n = unit_hex(hex, in, sizeof(in));

	CU_ASSERT_FATAL(n > 0);
	return roundtrip_buf(in, (size_t)n, m);
}

static const struct dia_avp *top(const struct dia_msg *m, uint32_t code, uint32_t vendor)
{
	int i = dia_find(m, -1, code, vendor);

	CU_ASSERT_FATAL(i >= 0);
	return &m->avps[i];
}

/* CER from an F5 BIG-IP health monitor: medo64/AASeq, DiameterStreamTests.cs */
static void test_cer_capture_f5(void)
{
	struct dia_msg m;
	const struct dia_avp *a;
	const uint8_t *addr;
	uint16_t fam;
	size_t alen;
	uint32_t v;

	CU_ASSERT_FATAL(!roundtrip(
		"01000084800001010000000018D38B30ED0476D100000108400000166C62756F726C30312E6C"
		"6F63616C0000000001284000000E66352E636F6D00000000010A4000000C00000D2F0000010D"
		"0000002B4635204249474950204469616D65746572204865616C7468204D6F6E69746F72696E"
		"6700000001014000000E0001AC1F80020000", &m));
	CU_ASSERT_EQUAL(m.flags, DIA_F_REQUEST);
	CU_ASSERT_EQUAL(m.code, 257);
	CU_ASSERT_EQUAL(m.hbh, 0x18d38b30);
	CU_ASSERT_EQUAL(m.e2e, 0xed0476d1);
	CU_ASSERT_STRING_EQUAL(dia_dict_cmd_name(m.code, 1), "Capabilities-Exchange-Request");
	a = top(&m, 264, 0);
	CU_ASSERT_EQUAL(a->len, 14);
	CU_ASSERT_EQUAL(memcmp(a->data, "lbuorl01.local", 14), 0);
	CU_ASSERT_STRING_EQUAL(a->def->name, "Origin-Host");
	CU_ASSERT_EQUAL(dia_avp_u32(top(&m, 266, 0), &v), 0);
	CU_ASSERT_EQUAL(v, 3375);
	a = top(&m, 269, 0);
	CU_ASSERT_EQUAL(a->flags, 0);
	CU_ASSERT_EQUAL(a->len, 35);
	CU_ASSERT_EQUAL(dia_avp_address(top(&m, 257, 0), &fam, &addr, &alen), 0);
	CU_ASSERT_EQUAL(fam, 1);
	CU_ASSERT_EQUAL(alen, 4);
	CU_ASSERT_EQUAL(memcmp(addr, "\xac\x1f\x80\x02", 4), 0);
	dia_msg_free(&m);
}

/* CER with Supported-Vendor-Id 10415 and Inband-Security-Id: the client
 * example of the python libDiameter (pyprotosim) project */
static void test_cer_capture_libdiameter(void)
{
	struct dia_msg m;
	uint32_t v;

	CU_ASSERT_FATAL(!roundtrip(
		"0100008c8000010100000000000000010860000100000108400000167374612e737072696e"
		"742e636f6d00000000012840000012737072696e742e636f6d0000000001014000000e0001"
		"0a1e60c800000000010a4000000c000028af0000010d000000154c616e64736c6964654853"
		"4757000000000001024000000c01000022000001164000000c4f32a086", &m));
	CU_ASSERT_EQUAL(dia_avp_u32(top(&m, 258, 0), &v), 0);	/* Auth-Application-Id */
	CU_ASSERT_EQUAL(v, 0x01000022);
	CU_ASSERT_EQUAL(dia_avp_u32(top(&m, 278, 0), &v), 0);	/* Origin-State-Id */
	CU_ASSERT_EQUAL(v, 0x4f32a086);
	dia_msg_free(&m);
}

/* Exact bytes of a tiny message, worked out from RFC 6733 3 and 4.1. */
static void test_builder_bytes(void)
{
	struct dia_builder b;
	unsigned char want[64];
	int w = unit_hex("01 000030 80 000118 00000000 00000001 00000002"
			 " 00000107 40 000009 61 000000"		/* Session-Id "a" */
			 " 0000019f c0 000010 000028af 00000004",	/* 415 w/ vendor */
			 want, sizeof(want));

	dia_build_init(&b, out, sizeof(out), DIA_F_REQUEST, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_put_str(&b, "Session-Id", "a"), 0);
	CU_ASSERT_EQUAL(dia_build_avp(&b, 415, DIA_AVP_F_VENDOR | DIA_AVP_F_MANDATORY,
				      VENDOR_3GPP, "\0\0\0\4", 4), 0);
	CU_ASSERT_EQUAL(dia_build_finish(&b), w);
	CU_ASSERT_EQUAL(memcmp(out, want, (size_t)w), 0);
	/* a group left open cannot be finished; unknown names are refused */
	dia_build_init(&b, out, sizeof(out), 0, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_put_group(&b, "Proxy-Info"), 0);
	CU_ASSERT_EQUAL(dia_build_finish(&b), -1);
	dia_build_init(&b, out, sizeof(out), 0, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_put_u32(&b, "No-Such-AVP", 1), -1);
	CU_ASSERT_EQUAL(dia_build_finish(&b), -1);
	/* overflow is sticky */
	dia_build_init(&b, out, 24, 0, 280, 0, 1, 2);
	CU_ASSERT_EQUAL(dia_put_str(&b, "Session-Id", "abcdef"), -1);
	CU_ASSERT_EQUAL(dia_build_finish(&b), -1);
}

/* TS 29.272 7.2.5/7.2.6 AIR and AIA with one E-UTRAN-Vector */
static void test_air_aia(void)
{
	static const uint32_t rand_path[] = { 1413, VENDOR_3GPP, 1414, VENDOR_3GPP,
					      1447, VENDOR_3GPP };
	static uint8_t buf[1024];
	struct dia_msg m;
	uint32_t v;
	int n, i;

	n = dia_msgs_air_aia(buf, sizeof(buf), 0);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(!roundtrip_buf(buf, (size_t)n, &m));
	CU_ASSERT_EQUAL(m.app_id, DIA_APP_S6A);
	i = dia_find(&m, -1, 1408, VENDOR_3GPP);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT(m.avps[i].grouped);
	CU_ASSERT_EQUAL(m.avps[i].flags, DIA_AVP_F_VENDOR | DIA_AVP_F_MANDATORY);
	i = dia_find(&m, i, 1410, VENDOR_3GPP);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT_EQUAL(dia_avp_u32(&m.avps[i], &v), 0);
	CU_ASSERT_EQUAL(v, 1);
	dia_msg_free(&m);

	n = dia_msgs_air_aia(buf, sizeof(buf), 1);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(!roundtrip_buf(buf, (size_t)n, &m));
	CU_ASSERT_STRING_EQUAL(dia_dict_cmd_name(m.code, 0), "Authentication-Information-Answer");
	i = dia_find_path(&m, 3, rand_path);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT_EQUAL(m.avps[i].len, 16);
	CU_ASSERT_EQUAL(m.avps[i].data[15], 0x11);
	CU_ASSERT_EQUAL(m.avps[i].depth, 2);
	dia_msg_free(&m);
}

/* TS 29.272 7.2.4 ULA carrying Subscription-Data (7.3.2) with one APN */
static void test_ula_subscription_data(void)
{
	static uint8_t buf[1024];
	struct dia_builder b;
	struct dia_msg m;
	char path[160];
	int i, n;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_PROXIABLE, 316, DIA_APP_S6A, 7, 8);
	dia_msgs_base_avps(&b, "mme;2;2");
	dia_put_u32(&b, "Result-Code", DIA_SUCCESS);
	dia_put_u32(&b, "ULA-Flags", 1);
	dia_put_group(&b, "Subscription-Data");
	dia_put_bytes(&b, "MSISDN", "\x21\x43\x65", 3);
	dia_put_u32(&b, "Network-Access-Mode", 2);		/* ONLY_PACKET */
	dia_put_u32(&b, "Subscriber-Status", 0);
	dia_put_group(&b, "AMBR");
	dia_put_u32(&b, "Max-Requested-Bandwidth-UL", 50000000);
	dia_put_u32(&b, "Max-Requested-Bandwidth-DL", 100000000);
	dia_build_group_end(&b);
	dia_put_group(&b, "APN-Configuration-Profile");
	dia_put_u32(&b, "Context-Identifier", 1);
	dia_put_u32(&b, "All-APN-Configurations-Included-Indicator", 0);
	dia_put_group(&b, "APN-Configuration");
	dia_put_u32(&b, "Context-Identifier", 1);
	dia_put_u32(&b, "PDN-Type", 0);
	dia_put_str(&b, "Service-Selection", "internet");
	dia_put_group(&b, "EPS-Subscribed-QoS-Profile");
	dia_put_u32(&b, "QoS-Class-Identifier", 9);
	dia_put_group(&b, "Allocation-Retention-Priority");
	dia_put_u32(&b, "Priority-Level", 15);
	dia_put_u32(&b, "Pre-emption-Capability", 1);
	dia_put_u32(&b, "Pre-emption-Vulnerability", 0);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(!roundtrip_buf(buf, (size_t)n, &m));
	i = dia_find(&m, -1, 1400, VENDOR_3GPP);
	i = dia_find(&m, i, 1429, VENDOR_3GPP);
	i = dia_find(&m, i, 1430, VENDOR_3GPP);
	i = dia_find(&m, i, 1431, VENDOR_3GPP);
	i = dia_find(&m, i, 1034, VENDOR_3GPP);
	i = dia_find(&m, i, 1046, VENDOR_3GPP);
	CU_ASSERT_FATAL(i >= 0);
	dia_avp_path(&m, i, path, sizeof(path));
	CU_ASSERT_STRING_EQUAL(path, "Subscription-Data/APN-Configuration-Profile/"
			       "APN-Configuration/EPS-Subscribed-QoS-Profile/"
			       "Allocation-Retention-Priority/Priority-Level");
	i = dia_find(&m, dia_find(&m, dia_find(&m, -1, 1400, VENDOR_3GPP), 1429, VENDOR_3GPP),
		     1423, VENDOR_3GPP);
	CU_ASSERT(i >= 0);
	/* the second Context-Identifier is the one inside APN-Configuration */
	CU_ASSERT_EQUAL(dia_find_next(&m, i, 1423, VENDOR_3GPP), -1);
	dia_msg_free(&m);
}

/* TS 29.212 5.6.2 CCR-I on Gx */
static void test_ccr_i_gx(void)
{
	static uint8_t buf[1024];
	struct dia_msg m;
	int32_t v;
	int i, n;

	n = dia_msgs_ccr_i(buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(!roundtrip_buf(buf, (size_t)n, &m));
	i = dia_find(&m, -1, 1032, VENDOR_3GPP);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT_EQUAL(m.avps[i].flags, DIA_AVP_F_VENDOR);	/* RAT-Type: M must not */
	CU_ASSERT_EQUAL(dia_avp_i32(&m.avps[i], &v), 0);
	CU_ASSERT_STRING_EQUAL(dia_dict_enum_name(m.avps[i].def, v), "EUTRAN");
	i = dia_find(&m, -1, 416, 0);
	CU_ASSERT_EQUAL(dia_avp_i32(&m.avps[i], &v), 0);
	CU_ASSERT_STRING_EQUAL(dia_dict_enum_name(m.avps[i].def, v), "INITIAL_REQUEST");
	dia_msg_free(&m);
}

/* RFC 4006 / TS 32.299 CCR-U on Gy with Multiple-Services-Credit-Control */
static void test_ccr_u_gy(void)
{
	static uint8_t buf[1024];
	struct dia_msg m;
	uint64_t total;
	int i, n;

	n = dia_msgs_ccr_u(buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(!roundtrip_buf(buf, (size_t)n, &m));
	i = dia_find(&m, -1, 456, 0);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT(m.avps[dia_find(&m, i, 437, 0)].len == 0);	/* empty group */
	i = dia_find(&m, dia_find(&m, i, 446, 0), 421, 0);
	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT_EQUAL(dia_avp_u64(&m.avps[i], &total), 0);
	CU_ASSERT_EQUAL(total, 5000000000ULL);
	dia_msg_free(&m);
}

static uint32_t decode_fail(const char *hex, struct dia_err *e)
{
	struct dia_msg m;
	int n = unit_hex(hex, in, sizeof(in));
	int rc;

	CU_ASSERT_FATAL(n >= 0);
	rc = dia_msg_decode(in, (size_t)n, &m, e);
	dia_msg_free(&m);
	CU_ASSERT_EQUAL(rc, -1);
	return rc ? e->result_code : 0;
}

static void test_malformed(void)
{
	struct dia_err e;

	/* header shorter than 20; version 2; length beyond the buffer; not %4 */
	CU_ASSERT_EQUAL(decode_fail("01 000014 80 000118 00000000", &e), DIA_INVALID_MESSAGE_LENGTH);
	CU_ASSERT_EQUAL(decode_fail("02 000014 80 000118 00000000 00000001 00000002", &e),
			DIA_UNSUPPORTED_VERSION);
	CU_ASSERT_EQUAL(decode_fail("01 000018 80 000118 00000000 00000001 00000002", &e),
			DIA_INVALID_MESSAGE_LENGTH);
	CU_ASSERT_EQUAL(decode_fail("01 000015 80 000118 00000000 00000001 00000002 00", &e),
			DIA_INVALID_MESSAGE_LENGTH);
	/* AVP length 7 < 8 */
	CU_ASSERT_EQUAL(decode_fail("01 00001c 80 000118 00000000 00000001 00000002"
				    " 00000107 40 000007", &e), DIA_INVALID_AVP_LENGTH);
	CU_ASSERT_EQUAL(e.offset, 20);
	CU_ASSERT(e.has_avp && e.avp_code == 263);
	CU_ASSERT_STRING_EQUAL(e.path, "Session-Id");
	/* V set, length 8 < 12 */
	CU_ASSERT_EQUAL(decode_fail("01 000020 80 000118 00000000 00000001 00000002"
				    " 000001f4 c0 000008 000028af", &e), DIA_INVALID_AVP_LENGTH);
	/* AVP running past the message */
	CU_ASSERT_EQUAL(decode_fail("01 000020 80 000118 00000000 00000001 00000002"
				    " 00000107 40 000010 61616161", &e), DIA_INVALID_AVP_LENGTH);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "runs past"));
	/* non-zero padding */
	CU_ASSERT_EQUAL(decode_fail("01 000020 80 000118 00000000 00000001 00000002"
				    " 00000107 40 000009 61 000100", &e), DIA_INVALID_AVP_VALUE);
	CU_ASSERT_EQUAL(e.offset, 30);
	/* padding missing inside a group: Proxy-Info (284) of 17 holding Proxy-State of 9 */
	CU_ASSERT_EQUAL(decode_fail("01 000028 80 000118 00000000 00000001 00000002"
				    " 0000011c 40 000011 00000021 40 000009 61 000000", &e),
			DIA_INVALID_AVP_LENGTH);
	CU_ASSERT_STRING_EQUAL(e.path, "Proxy-Info/Proxy-State");
	/* Unsigned32 of 3 octets, nested: the path names it */
	CU_ASSERT_EQUAL(decode_fail("01 000030 80 000118 00000000 00000001 00000002"
				    " 00000578 c0 00001c 000028af"
				    "   0000058f c0 00000f 000028af 000001 00", &e),
			DIA_INVALID_AVP_LENGTH);
	CU_ASSERT_STRING_EQUAL(e.path, "Subscription-Data/Context-Identifier");
	CU_ASSERT_EQUAL(e.avp_offset, 32);
	CU_ASSERT_EQUAL(e.avp_len, 15);
	/* invalid UTF-8 in Session-Id */
	CU_ASSERT_EQUAL(decode_fail("01 000020 80 000118 00000000 00000001 00000002"
				    " 00000107 40 00000a c328 0000", &e), DIA_INVALID_AVP_VALUE);
}

/* Subscription-Data nested in itself "levels" times (12-octet headers). */
static size_t nest(int levels)
{
	size_t pos = DIA_HDR_LEN;

	memset(in, 0, sizeof(in));
	in[0] = 1;
	for (int l = 0; l < levels; l++) {
		size_t alen = (size_t)(levels - l) * 12;

		in[pos + 2] = 0x05;
		in[pos + 3] = 0x78;			/* 1400 */
		in[pos + 4] = 0xc0;
		in[pos + 6] = (uint8_t)(alen >> 8);
		in[pos + 7] = (uint8_t)alen;
		in[pos + 10] = 0x28;
		in[pos + 11] = 0xaf;
		pos += 12;
	}
	in[2] = (uint8_t)(pos >> 8);
	in[3] = (uint8_t)pos;
	return pos;
}

static void test_depth_limit(void)
{
	struct dia_msg m;
	struct dia_err e;
	size_t n = nest(20);

	CU_ASSERT_EQUAL(dia_msg_decode(in, n, &m, &e), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "deeper"));
	CU_ASSERT_EQUAL(e.result_code, DIA_UNABLE_TO_COMPLY);
	dia_msg_free(&m);
	n = nest(DIA_MAX_DEPTH);		/* depths 0..15: the limit itself */
	CU_ASSERT_EQUAL(dia_msg_decode(in, n, &m, &e), 0);
	dia_msg_free(&m);
	n = nest(DIA_MAX_DEPTH + 1);
	CU_ASSERT_EQUAL(dia_msg_decode(in, n, &m, &e), -1);
	dia_msg_free(&m);
}

/* Every prefix of a valid message fails cleanly (no over-read under ASan). */
static void test_prefixes(void)
{
	static uint8_t buf[1024];
	struct dia_msg m;
	int n = dia_msgs_air_aia(buf, sizeof(buf), 1);

	CU_ASSERT_FATAL(n > 0);
	for (int i = 0; i < n; i++) {
		uint8_t *copy = malloc((size_t)i + 1);

		CU_ASSERT_FATAL(copy != NULL);
		memcpy(copy, buf, (size_t)i);
		CU_ASSERT_EQUAL(dia_msg_decode(copy, (size_t)i, &m, NULL), -1);
		dia_msg_free(&m);
		free(copy);
	}
}

static void test_dictionary(void)
{
	const struct dia_avp_def *d, *prev = NULL;
	int64_t v;
	size_t i;

	/* each table sorted by (vendor, code), names unique where it matters */
	for (i = 0; (d = dia_dict_avp_at(i)); i++) {
		CU_ASSERT_PTR_NOT_NULL(d->name);
		CU_ASSERT(d->type < DIA_T__COUNT);
		CU_ASSERT_EQUAL(dia_dict_avp(d->code, d->vendor), d);
		CU_ASSERT_EQUAL(dia_dict_avp_by_name(d->name), d);
		prev = d;
	}
	CU_ASSERT(i > 250);
	CU_ASSERT_PTR_NOT_NULL(prev);
	d = dia_dict_avp_by_name("Authentication-Info");
	CU_ASSERT_FATAL(d != NULL);
	CU_ASSERT_EQUAL(d->code, 1413);
	CU_ASSERT_EQUAL(d->vendor, VENDOR_3GPP);
	CU_ASSERT_EQUAL(d->type, DIA_T_GROUPED);
	d = dia_dict_avp(263, 0);
	CU_ASSERT_STRING_EQUAL(d->name, "Session-Id");
	CU_ASSERT_EQUAL(d->type, DIA_T_UTF8STRING);
	CU_ASSERT_EQUAL(d->mrule, DIA_M_MUST);
	CU_ASSERT_PTR_NULL(dia_dict_avp(263, VENDOR_3GPP));
	d = dia_dict_avp_by_name("CC-Request-Type");
	CU_ASSERT_EQUAL(dia_dict_enum_value(d, "TERMINATION_REQUEST", &v), 0);
	CU_ASSERT_EQUAL(v, 3);
	CU_ASSERT_STRING_EQUAL(dia_dict_enum_name(dia_dict_avp(268, 0), 5014),
			       "DIAMETER_INVALID_AVP_LENGTH");
	CU_ASSERT_STRING_EQUAL(dia_dict_enum_name(dia_dict_avp(298, 0), 5420),
			       "DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION");
	CU_ASSERT_STRING_EQUAL(dia_result_class(3008), "Protocol Error");
	CU_ASSERT_STRING_EQUAL(dia_dict_cmd(318)->req_abbrev, "AIR");
	CU_ASSERT_STRING_EQUAL(dia_dict_cmd_name(322, 1), "Reset-Request");
	CU_ASSERT_STRING_EQUAL(dia_dict_cmd_name(280, 0), "Device-Watchdog-Answer");
	CU_ASSERT_STRING_EQUAL(dia_dict_app_name(DIA_APP_GX), "3GPP Gx");
	CU_ASSERT_EQUAL(dia_dict_type_by_name("DiameterIdentity"), DIA_T_IDENTITY);
	/* names not in the dictionary: near misses of real ones */
	CU_ASSERT_PTR_NULL(dia_dict_avp_by_name(""));
	CU_ASSERT_PTR_NULL(dia_dict_avp_by_name("Session"));
	CU_ASSERT_PTR_NULL(dia_dict_avp_by_name("Session-Id "));
	CU_ASSERT_PTR_NULL(dia_dict_avp_by_name("session-id"));
	CU_ASSERT_PTR_NULL(dia_dict_avp_by_name("No-Such-AVP"));
}

static void *lookup_worker(void *arg)
{
	uintptr_t bad = 0;

	(void)arg;
	for (int i = 0; i < 1000; i++) {
		const struct dia_avp_def *d;

		d = dia_dict_avp_by_name(i % 2 ? "Authentication-Info" : "Session-Id");
		if (!d || d->code != (i % 2 ? 1413u : 263u) || dia_dict_avp_by_name("No-Such"))
			bad++;
	}
	return (void *)bad;
}

/* The name index is built once, by whichever thread looks up first */
static void test_dictionary_threads(void)
{
	pthread_t t[4];

	for (int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, lookup_worker, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *bad = (void *)1;

		CU_ASSERT_EQUAL(pthread_join(t[i], &bad), 0);
		CU_ASSERT_PTR_NULL(bad);
	}
}

UNIT_SUITE(proto_diameter,
	   UNIT_TEST(test_dictionary_threads),
	   UNIT_TEST(test_cer_capture_f5),
	   UNIT_TEST(test_cer_capture_libdiameter),
	   UNIT_TEST(test_builder_bytes),
	   UNIT_TEST(test_air_aia),
	   UNIT_TEST(test_ula_subscription_data),
	   UNIT_TEST(test_ccr_i_gx),
	   UNIT_TEST(test_ccr_u_gy),
	   UNIT_TEST(test_malformed),
	   UNIT_TEST(test_depth_limit),
	   UNIT_TEST(test_prefixes),
	   UNIT_TEST(test_dictionary))
