// SPDX-License-Identifier: GPL-2.0
/*
 * GTP-U codec (userspace/proto/gtpu_msg.c).  Vectors are built by hand from
 * TS 29.281 (header 5.1, extension headers 5.2, messages 7, IEs 8) and
 * TS 38.415 5.5.2 (PDU Session Container); tests/host/tshark_gtpu.sh
 * cross-checks the same encoder against Wireshark's dissector.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "proto/gtpu_msg.h"

static unsigned char in[512], out[512];

/* Decode hex, re-encode, and require identical bytes. */
static int roundtrip(const char *hex, struct gtpu_msg *m)
{
	struct gtpu_err err = { 0 };
	int n = unit_hex(hex, in, sizeof(in)), e;

	CU_ASSERT_FATAL(n > 0);
	if (gtpu_msg_decode(in, (size_t)n, m, &err)) {
		CU_FAIL(err.msg);
		return -1;
	}
	CU_ASSERT_EQUAL(m->trailing, 0);
	e = gtpu_msg_encode(m, out, sizeof(out), &err);
	CU_ASSERT_EQUAL(e, n);
	CU_ASSERT(e == n && !memcmp(in, out, (size_t)n));
	return 0;
}

static int decode_err(const char *hex, struct gtpu_err *err)
{
	struct gtpu_msg m;
	int n = unit_hex(hex, in, sizeof(in));

	CU_ASSERT_FATAL(n >= 0);
	return gtpu_msg_decode(in, (size_t)n, &m, err);
}

/* 29.281 7.2.1: Echo Request, S=1, TEID 0, no IE */
static void test_echo_request(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("32 01 0004 00000000 1234 00 00", &m));
	CU_ASSERT_EQUAL(m.type, GTPU_ECHO_REQUEST);
	CU_ASSERT_EQUAL(m.flags, GTPU_F_PT | GTPU_F_S);
	CU_ASSERT_EQUAL(m.seq, 0x1234);
	CU_ASSERT_EQUAL(m.n_ie, 0);
	CU_ASSERT_STRING_EQUAL(gtpu_msg_type_name(m.type), "Echo Request");
}

/* 29.281 7.2.2: Echo Response with Recovery (8.2, TV type 14, value 0) */
static void test_echo_response(void)
{
	struct gtpu_msg m;
	const struct gtpu_ie *ie;

	CU_ASSERT_FATAL(!roundtrip("32 02 0006 00000000 1234 00 00 0e 00", &m));
	ie = gtpu_msg_find_ie(&m, GTPU_IE_RECOVERY);
	CU_ASSERT_FATAL(ie != NULL);
	CU_ASSERT_EQUAL(ie->len, 1);
	CU_ASSERT_EQUAL(ie->value[0], 0);
}

/* 29.281 7.3.1: Error Indication with TEID Data I (8.3) + Peer Address (8.4) */
static void test_error_indication_v4(void)
{
	struct gtpu_msg m;
	const struct gtpu_ie *ie;

	CU_ASSERT_FATAL(!roundtrip("32 1a 0010 00000000 0000 00 00"
				   " 10 deadbeef  85 0004 c0000201", &m));
	CU_ASSERT_EQUAL(m.n_ie, 2);
	ie = gtpu_msg_find_ie(&m, GTPU_IE_TEID_DATA_I);
	CU_ASSERT_FATAL(ie != NULL);
	CU_ASSERT_EQUAL(memcmp(ie->value, "\xde\xad\xbe\xef", 4), 0);
	ie = gtpu_msg_find_ie(&m, GTPU_IE_PEER_ADDRESS);
	CU_ASSERT_FATAL(ie != NULL);
	CU_ASSERT_EQUAL(ie->len, 4);
}

/* Error Indication with the UDP Port extension (5.2.2.1), IPv6 peer and a
 * Private Extension (8.6) */
static void test_error_indication_v6_ext(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("36 1a 0027 00000000 0000 00 40  01 0868 00"
				   " 10 00000001"
				   " 85 0010 20010db8000000000000000000000001"
				   " ff 0004 28af 0102", &m));
	CU_ASSERT_EQUAL(m.n_ext, 1);
	CU_ASSERT_EQUAL(m.ext[0].type, GTPU_EXT_UDP_PORT);
	CU_ASSERT_EQUAL(m.ext[0].content_len, 2);
	CU_ASSERT_EQUAL(m.n_ie, 3);
	CU_ASSERT_EQUAL(m.ie[1].len, 16);
	CU_ASSERT_EQUAL(m.ie[2].type, GTPU_IE_PRIVATE_EXTENSION);
	CU_ASSERT_EQUAL(gtpu_ext_comprehension(GTPU_EXT_UDP_PORT), GTPU_EXT_ENDPOINT_NOT_REQUIRED);
}

/* 29.281 7.2.3 / 8.5: type list with a 1-octet length */
static void test_supported_ext_notif(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("32 1f 0008 00000000 0000 00 00 8d 02 85 40", &m));
	CU_ASSERT_EQUAL(m.n_ie, 1);
	CU_ASSERT_EQUAL(m.ie[0].type, GTPU_IE_EXT_HDR_TYPE_LIST);
	CU_ASSERT_EQUAL(m.ie[0].len, 2);
}

/* 29.281 7.3.2: End Marker, no optional fields */
static void test_end_marker(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("30 fe 0000 0000abcd", &m));
	CU_ASSERT_EQUAL(m.teid, 0xabcd);
	CU_ASSERT_EQUAL(m.length, 0);
}

static void test_gpdu_plain(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("30 ff 0004 00000001 45000014", &m));
	CU_ASSERT_EQUAL(m.payload_len, 4);
	CU_ASSERT_EQUAL(m.payload[0], 0x45);
}

/* G-PDU with a DL PDU Session Container (TS 38.415 5.5.2.1), QFI 9, and an
 * N-PDU number kept although PN is clear (must re-encode unchanged) */
static void test_gpdu_pdu_session_dl(void)
{
	struct gtpu_msg m;

	CU_ASSERT_FATAL(!roundtrip("34 ff 000c 00000064 0000 7f 85  01 00 09 00  45000014", &m));
	CU_ASSERT_EQUAL(m.npdu, 0x7f);
	CU_ASSERT_EQUAL(m.n_ext, 1);
	CU_ASSERT_FATAL(m.ext[0].has_pdu_session);
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.pdu_type, 0);
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.qfi, 9);
	CU_ASSERT_EQUAL(m.payload_len, 4);
}

/* UL PDU Session Container, then an unknown extension type 0x03 kept raw,
 * with PPP/PPI in a two-unit DL container */
static void test_gpdu_ext_chain(void)
{
	struct gtpu_msg m;
	struct gtpu_pdu_session ps = { .pdu_type = 0, .qfi = 5, .ppp = 1, .ppi = 3, .rqi = 1 };
	uint8_t c[8];

	CU_ASSERT_FATAL(!roundtrip("34 ff 0010 00000064 0000 00 85  01 10 05 03  01 aabb 00"
				   " 45000014", &m));
	CU_ASSERT_EQUAL(m.n_ext, 2);
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.pdu_type, 1);
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.qfi, 5);
	CU_ASSERT_EQUAL(m.ext[1].type, 0x03);
	CU_ASSERT_FALSE(m.ext[1].has_pdu_session);

	CU_ASSERT_EQUAL(gtpu_pdu_session_build(&ps, c, sizeof(c)), 6);
	CU_ASSERT_EQUAL(memcmp(c, "\x00\xc5\x60\x00\x00\x00", 6), 0);
	CU_ASSERT_FATAL(!roundtrip("34 ff 000c 00000064 0000 00 85  02 00c5600000 00 00", &m));
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.ppi, 3);
	CU_ASSERT_EQUAL(m.ext[0].pdu_session.rqi, 1);
}

/* Build with the API, compare exact bytes. */
static void test_build(void)
{
	struct gtpu_msg m;
	struct gtpu_err err;
	static const uint8_t teid[4] = { 0, 0, 0, 7 }, addr[4] = { 10, 0, 0, 1 };
	unsigned char want[32];
	int n, w = unit_hex("32 1a 0010 00000000 0000 00 00 10 00000007 85 0004 0a000001",
			    want, sizeof(want));

	gtpu_msg_init(&m, GTPU_ERROR_INDICATION, 0);
	m.flags |= GTPU_F_S;
	CU_ASSERT_EQUAL(gtpu_msg_add_ie(&m, GTPU_IE_TEID_DATA_I, teid, 4), 0);
	CU_ASSERT_EQUAL(gtpu_msg_add_ie(&m, GTPU_IE_PEER_ADDRESS, addr, 4), 0);
	n = gtpu_msg_encode(&m, out, sizeof(out), &err);
	CU_ASSERT_EQUAL(n, w);
	CU_ASSERT(n == w && !memcmp(out, want, (size_t)w));
	/* too small an output buffer */
	CU_ASSERT_EQUAL(gtpu_msg_encode(&m, out, 10, &err), -1);
	/* E set, extension listed, but next type disagrees */
	m.flags |= GTPU_F_E;
	m.n_ext = 1;
	m.ext[0].type = 0x85;
	m.ext[0].content = (const uint8_t *)"\0\0";
	m.ext[0].content_len = 2;
	m.next_ext = 0x40;
	CU_ASSERT_EQUAL(gtpu_msg_encode(&m, out, sizeof(out), &err), -1);
}

static void test_trailing(void)
{
	struct gtpu_msg m;
	int n = unit_hex("30 ff 0002 00000001 4500 aabb", in, sizeof(in));

	CU_ASSERT_EQUAL(gtpu_msg_decode(in, (size_t)n, &m, NULL), 0);
	CU_ASSERT_EQUAL(m.trailing, 2);
	CU_ASSERT_EQUAL(m.payload_len, 2);
}

static void test_malformed(void)
{
	struct gtpu_err e;

	CU_ASSERT_EQUAL(decode_err("32 01 00", &e), -1);		/* truncated header */
	CU_ASSERT_EQUAL(e.offset, 3);
	CU_ASSERT_EQUAL(decode_err("52 01 0000 00000000", &e), -1);	/* version 2 */
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "version 2"));
	CU_ASSERT_EQUAL(decode_err("22 01 0004 00000000 0000 0000", &e), -1);	/* PT 0 */
	CU_ASSERT_EQUAL(decode_err("30 ff 0008 00000001 4500", &e), -1);	/* length > buffer */
	CU_ASSERT_EQUAL(e.offset, 2);
	CU_ASSERT_EQUAL(decode_err("32 01 0002 00000000 0000", &e), -1);	/* S, no room */
	/* extension chain runs off the end: 2 units (8 octets), 4 left */
	CU_ASSERT_EQUAL(decode_err("34 ff 0008 00000001 0000 00 85 02 00 09 00", &e), -1);
	CU_ASSERT_EQUAL(e.offset, 12);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "runs past"));
	/* zero-length extension */
	CU_ASSERT_EQUAL(decode_err("34 ff 0008 00000001 0000 00 85 00 00 09 00", &e), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "length 0"));
	/* next type announced, message ends */
	CU_ASSERT_EQUAL(decode_err("34 ff 0008 00000001 0000 00 85 01 00 09 40", &e), -1);
	/* Error Indication without GTP-U Peer Address */
	CU_ASSERT_EQUAL(decode_err("32 1a 0009 00000000 0000 00 00 10 00000001", &e), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "GTP-U Peer Address"));
	/* Peer Address of 5 octets */
	CU_ASSERT_EQUAL(decode_err("32 1a 0011 00000000 0000 00 00 10 00000001 85 0005 0102030405",
				   &e), -1);
	/* TLV running past the end */
	CU_ASSERT_EQUAL(decode_err("32 02 0009 00000000 0000 00 00 0e 00 ff 0010", &e), -1);
	/* unknown TV type: length unknown */
	CU_ASSERT_EQUAL(decode_err("32 02 0006 00000000 0000 00 00 03 00", &e), -1);
	/* Echo Response without Recovery */
	CU_ASSERT_EQUAL(decode_err("32 02 0004 00000000 0000 00 00", &e), -1);
}

/* Every prefix of a valid message fails cleanly (no over-read under ASan). */
static void test_prefixes(void)
{
	struct gtpu_msg m;
	unsigned char buf[64];
	int n = unit_hex("36 1a 0027 00000000 0000 00 40  01 0868 00 10 00000001"
			 " 85 0010 20010db8000000000000000000000001 ff 0004 28af 0102",
			 buf, sizeof(buf));

	for (int i = 0; i < n; i++) {
		unsigned char *copy = malloc((size_t)i + 1);	/* exact size for ASan */

		CU_ASSERT_FATAL(copy != NULL);
		memcpy(copy, buf, (size_t)i);
		CU_ASSERT_EQUAL(gtpu_msg_decode(copy, (size_t)i, &m, NULL), -1);
		free(copy);
	}
	CU_ASSERT_EQUAL(gtpu_msg_decode(buf, (size_t)n, &m, NULL), 0);
}

UNIT_SUITE(proto_gtpu,
	   UNIT_TEST(test_echo_request),
	   UNIT_TEST(test_echo_response),
	   UNIT_TEST(test_error_indication_v4),
	   UNIT_TEST(test_error_indication_v6_ext),
	   UNIT_TEST(test_supported_ext_notif),
	   UNIT_TEST(test_end_marker),
	   UNIT_TEST(test_gpdu_plain),
	   UNIT_TEST(test_gpdu_pdu_session_dl),
	   UNIT_TEST(test_gpdu_ext_chain),
	   UNIT_TEST(test_build),
	   UNIT_TEST(test_trailing),
	   UNIT_TEST(test_malformed),
	   UNIT_TEST(test_prefixes))
