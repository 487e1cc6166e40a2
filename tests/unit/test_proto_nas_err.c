// SPDX-License-Identifier: GPL-2.0
/*
 * NAS EPS decoding of malformed messages: each error names the IE and the
 * offset and carries the cause the MME answers with (TS 24.301 chapter 7,
 * TS 24.007 11.2.4); unknown optional IEs are skipped and kept.
 * The base messages are the vectors of test_proto_nas_msg.c.
 */
#include <string.h>
#include <json-c/json.h>

#include "unit.h"
#include "proto/nas.h"
#include "proto/nas_json.h"

static struct nas_msg m;

static size_t hx(const char *h, uint8_t *out, size_t max)
{
	int n = unit_hex(h, out, (unsigned int)max);

	CU_ASSERT_FATAL(n >= 0);
	return (size_t)n;
}

/* decode must fail with cause and a message containing what */
static void bad(const char *h, uint8_t cause, const char *what, size_t off)
{
	uint8_t buf[256];
	size_t n = hx(h, buf, sizeof(buf));
	struct nas_err err = { 0 };

	CU_ASSERT_EQUAL(nas_decode(&m, buf, n, NAS_DIR_ANY, &err), -1);
	CU_ASSERT_EQUAL(err.cause, cause);
	CU_ASSERT_EQUAL(err.off, off);
	if (!strstr(err.msg, what) || err.cause != cause || err.off != off)
		fprintf(stderr, "\n%s: cause %u off %zu: %s\n", h, err.cause, err.off, err.msg);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, what));
}

/* decode must succeed and re-encode identically */
static void good(const char *h)
{
	uint8_t buf[256], out[256];
	size_t n = hx(h, buf, sizeof(buf));
	struct nas_err err = { 0 };

	CU_ASSERT_EQUAL_FATAL(nas_decode(&m, buf, n, NAS_DIR_ANY, &err), 0);
	CU_ASSERT_EQUAL(nas_encode(&m, out, sizeof(out), &err), (int)n);
	CU_ASSERT(!memcmp(out, buf, n));
}

static void test_err_truncated_lv(void)
{
	/* identity response: LV length 8, 5 octets left */
	bad("075608091010103254", NAS_CAUSE_INVALID_MANDATORY, "Mobile identity", 2);
	/* attach request: EPS mobile identity length octet missing */
	bad("074102", NAS_CAUSE_INVALID_MANDATORY, "EPS mobile identity", 3);
	/* ESM message container (LV-E) runs 1 octet past the end */
	bad("074300045200c2", NAS_CAUSE_INVALID_MANDATORY, "ESM message container", 2);
	/* LV length above the table's maximum (UE network capability 2..13) */
	bad("0741020bf600f110000201030003e60e", NAS_CAUSE_INVALID_MANDATORY,
	    "UE network capability", 15);
	/* authentication request: RAND (V 16) cut short */
	bad("0752010c63a85413e6a4ced986fbe5ce9b62", NAS_CAUSE_INVALID_MANDATORY,
	    "RAND", 3);
}

static void test_err_tlv_past_end(void)
{
	/* attach accept + GUTI TLV of 11 octets with 4 present */
	bad("0742022306 0000f1103039 00035200c2 500bf614f799", NAS_CAUSE_INVALID_MANDATORY,
	    "GUTI", 16);
	/* unknown TLV IEI 0x3f with its length past the end */
	bad("0746" "3f05aabb", NAS_CAUSE_INVALID_MANDATORY, "unknown IE", 2);
	/* TV (Last visited registered TAI, 5 octets) cut */
	bad("0741020bf600f110000201030003e605f07000001000050215d011d15200f110",
	    NAS_CAUSE_INVALID_MANDATORY, "Last visited registered TAI", 28);
}

static void test_err_missing_mandatory(void)
{
	struct nas_err err = { 0 };
	uint8_t out[64];

	/* attach reject without its EMM cause */
	bad("0744", NAS_CAUSE_INVALID_MANDATORY, "EMM cause", 2);
	/* ESM status without ESM cause */
	bad("0200e8", NAS_CAUSE_INVALID_MANDATORY, "ESM cause", 3);
	/* encoding refuses a message without a mandatory IE */
	nas_msg_init(&m, nas_msg_desc_find(NAS_PD_EMM, NAS_ATTACH_REJECT, NAS_DIR_DL), 0, 0);
	CU_ASSERT_EQUAL(nas_encode(&m, out, sizeof(out), &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "mandatory IE EMM cause missing"));
	/* and a value of the wrong length */
	CU_ASSERT_EQUAL(nas_ie_add(&m, NAS_ATTACH_REJECT_EMM_CAUSE, out, 2, &err), -1);
}

static void test_err_header(void)
{
	bad("", NAS_CAUSE_INVALID_MANDATORY, "empty", 0);
	bad("0747", NAS_CAUSE_MSG_TYPE_UNKNOWN, "0x47", 1);
	bad("0200c0", NAS_CAUSE_MSG_TYPE_UNKNOWN, "0xc0", 2);
	bad("0541", NAS_CAUSE_PROTOCOL, "protocol discriminator 5", 0);
	bad("02", NAS_CAUSE_INVALID_MANDATORY, "header needs 3", 1);
	/* a protected message is not a plain one */
	bad("27c183eb9502074300035200c2", NAS_CAUSE_SEMANTIC, "security protected", 0);
	/* service request: exactly 4 octets */
	bad("c7a8640c00", NAS_CAUSE_SEMANTIC, "extra", 4);
	bad("c7a864", NAS_CAUSE_INVALID_MANDATORY, "Message authentication code", 2);
}

static void test_err_unknown_ies(void)
{
	const struct nas_ie *ie;

	/* comprehension required (IEI 0000xxxx) unknown IE fails the message */
	bad("0761" "0f0100", NAS_CAUSE_INVALID_MANDATORY, "comprehension required", 2);
	/* not comprehension required: TV1 (0x9-), T (0xa-), TLV (0x3f), TLV-E
	 * (0x7f) are skipped, kept, and re-encoded */
	good("0761" "93" "a5" "3f02aabb" "7f0001cc" "490101");
	ie = nas_ie(&m, NAS_EMM_INFORMATION_NETWORK_DAYLIGHT_SAVING_TIME);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ie);
	CU_ASSERT_EQUAL(ie->val[0], 1);
	CU_ASSERT_EQUAL(m.n_ie, 5);
	CU_ASSERT_PTR_NULL(m.ie[0].d);
	CU_ASSERT_EQUAL(m.ie[3].fmt, NAS_FMT_TLVE);
	/* a repeated optional IE: the first counts, the second is ignored */
	good("0761" "490101" "490102");
	CU_ASSERT_EQUAL(nas_ie(&m, NAS_EMM_INFORMATION_NETWORK_DAYLIGHT_SAVING_TIME)->val[0], 1);
	CU_ASSERT_EQUAL(m.ie[1].ignored, 1);
	/* an optional IE with a length outside the table is ignored, kept */
	good("0761" "49020102");
	CU_ASSERT_EQUAL(m.ie[0].ignored, 1);
	CU_ASSERT_PTR_NULL(nas_ie(&m, NAS_EMM_INFORMATION_NETWORK_DAYLIGHT_SAVING_TIME));
	/* optional IEs out of order are accepted */
	good("0761" "490101" "4680");
}

static void test_err_detach_direction(void)
{
	uint8_t buf[32];
	size_t n = hx("0745025311", buf, sizeof(buf));

	CU_ASSERT_EQUAL(nas_decode(&m, buf, n, NAS_DIR_ANY, NULL), 0);
	CU_ASSERT_STRING_EQUAL(m.desc->variant, "UE terminated detach");
	/* forced the other way, the same bytes are not a UE-originating detach */
	CU_ASSERT_EQUAL(nas_decode(&m, buf, n, NAS_DIR_UL, NULL), -1);
	n = hx("0745090bf600f110000201020003e6", buf, sizeof(buf));
	CU_ASSERT_EQUAL(nas_decode(&m, buf, n, NAS_DIR_ANY, NULL), 0);
	CU_ASSERT_STRING_EQUAL(m.desc->variant, "UE originating detach");
}

static void test_err_security_header(void)
{
	struct nas_sec_hdr h;
	struct nas_err err = { 0 };
	uint8_t buf[32];
	size_t n;

	n = hx("1711a73a", buf, sizeof(buf));
	CU_ASSERT_EQUAL(nas_sec_hdr_decode(&h, buf, n, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "the header needs 6"));
	n = hx("6711a73a1207074300", buf, sizeof(buf));
	CU_ASSERT_EQUAL(nas_sec_hdr_decode(&h, buf, n, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "reserved"));
	n = hx("c7a8640c", buf, sizeof(buf));
	CU_ASSERT_EQUAL(nas_sec_hdr_decode(&h, buf, n, &err), 0);
	n = hx("374efd571100075d020102f070c1", buf, sizeof(buf));
	CU_ASSERT_EQUAL(nas_sec_hdr_decode(&h, buf, n, &err), 1);
	CU_ASSERT_EQUAL(h.sht, 3);
	CU_ASSERT_EQUAL(h.mac, 0x4efd5711);
	CU_ASSERT_EQUAL(h.sqn, 0);
	CU_ASSERT_EQUAL(h.inner_len, 8);
}

static void json_bad(const char *text, const char *what)
{
	struct json_object *o = json_tokener_parse(text);
	struct nas_err err = { 0 };
	uint8_t out[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(nas_from_json(o, out, sizeof(out), &err), -1);
	if (!strstr(err.msg, what))
		fprintf(stderr, "\n%s: %s\n", text, err.msg);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, what));
	json_object_put(o);
}

static void test_err_json(void)
{
	json_bad("{\"message type\": \"Attach nonsense\"}", "message type");
	json_bad("{\"message type\": \"EMM status\", \"IEs\": [{\"name\": \"Foo\", \"hex\": \"00\"}]}",
		 "no IE \"Foo\"");
	json_bad("{\"message type\": \"EMM status\", \"IEs\": [{\"name\": \"EMM cause\", "
		 "\"hex\": \"0g\"}]}", "IE 0");
	json_bad("{\"message type\": \"EMM status\", \"IEs\": [{\"name\": \"EMM cause\", "
		 "\"value\": {\"cause\": 300}}]}", "EMM cause: value.cause");
	json_bad("{\"message type\": \"EMM status\"}", "mandatory IE EMM cause missing");
	json_bad("{\"message type\": \"Identity response\", \"IEs\": [{\"name\": "
		 "\"Mobile identity\", \"value\": {\"type of identity\": 1, \"digits\": \"12a\"}}]}",
		 "non-digit");
	json_bad("{\"security header type\": 2, \"sequence number\": 1, "
		 "\"message authentication code\": \"0011\"}", "8 hex digits");
}

UNIT_SUITE(proto_nas_err,
	   UNIT_TEST(test_err_truncated_lv),
	   UNIT_TEST(test_err_tlv_past_end),
	   UNIT_TEST(test_err_missing_mandatory),
	   UNIT_TEST(test_err_header),
	   UNIT_TEST(test_err_unknown_ies),
	   UNIT_TEST(test_err_detach_direction),
	   UNIT_TEST(test_err_security_header),
	   UNIT_TEST(test_err_json))
