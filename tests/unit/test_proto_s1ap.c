// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP codec: real messages from other stacks' test suites (decode, check
 * fields, re-encode to the same bytes) and malformed input.
 * Messages built by our own encoder are in test_proto_s1ap_msgs.c.
 */
#include <stdio.h>
#include <string.h>

#include "proto/s1ap.h"
#include "test_proto_s1ap.h"
#include "unit.h"

int s1ap_test_roundtrip(const char *hex, struct s1ap_pdu *pdu, struct s1ap_arena *a)
{
	static uint8_t in[8192], out[8192];
	struct aper_ctx ctx;
	int n = unit_hex(hex, in, sizeof(in));
	long m;

	memset(&ctx, 0, sizeof(ctx));
	if (n < 0)
		return -1;
	if (s1ap_decode(pdu, a, &ctx, in, (size_t)n)) {
		printf("\n  decode: %s\n", ctx.err);
		return -1;
	}
	memset(&ctx, 0, sizeof(ctx));
	m = s1ap_encode(pdu, &ctx, out, sizeof(out));
	if (m < 0) {
		printf("\n  encode: %s\n", ctx.err);
		return -1;
	}
	if (m != n || memcmp(in, out, (size_t)n)) {
		printf("\n  re-encoding differs (%ld vs %d octets)\n  ", m, n);
		for (long i = 0; i < m; i++)
			printf("%02x", out[i]);
		printf("\n");
		return -1;
	}
	return 0;
}

uint64_t s1ap_test_u64(const struct s1ap_pdu *pdu, unsigned int id)
{
	const struct s1ap_val *v = s1ap_ie_find(pdu, id);

	return v ? v->u : UINT64_MAX;
}

/*
 * open5gs tests/unit/s1ap-message-test.c, s1ap_message_test1: S1 Setup
 * Request from an eNB "JLT-621", home eNB-ID, TAC 12345, PLMN 00f110.
 */
#define S1_SETUP_REQ_OPEN5GS \
	"0011002d000004003b00090000f11040 54f64010003c400903004a4c542d3632" \
	"3100400007000c0e4000f11000894001 00"

static void test_s1_setup_request_open5gs(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *v, *enb, *ta;
	struct s1ap_check_result r;

	CU_ASSERT_FATAL(s1ap_test_roundtrip(S1_SETUP_REQ_OPEN5GS, &pdu, &a) == 0);
	CU_ASSERT_EQUAL(pdu.kind, S1AP_INITIATING);
	CU_ASSERT_EQUAL(pdu.proc, S1AP_PROC_S1_SETUP);
	CU_ASSERT_STRING_EQUAL(pdu.msg->name, "S1SetupRequest");
	v = s1ap_ie_find(&pdu, S1AP_IE_GLOBAL_ENB_ID);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_EQUAL(memcmp(s1ap_member(v, S1AP_GLOBAL_ENB_ID_PLMNIDENTITY)->p, "\x00\xf1\x10", 3), 0);
	enb = s1ap_member(v, S1AP_GLOBAL_ENB_ID_ENB_ID);
	CU_ASSERT_EQUAL(enb->u, 1);		/* homeENB-ID */
	CU_ASSERT_EQUAL(s1ap_alt_key(enb), S1AP_ENB_ID_HOMEENB_ID);
	CU_ASSERT_PTR_NULL(s1ap_alt_val(enb, S1AP_ENB_ID_MACROENB_ID));
	CU_ASSERT_EQUAL(enb->v[0].bits, 28);
	CU_ASSERT_EQUAL(memcmp(enb->v[0].p, "\x54\xf6\x40\x10", 4), 0);
	v = s1ap_ie_find(&pdu, S1AP_IE_ENB_NAME);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_EQUAL(v->n, 7);
	CU_ASSERT_EQUAL(memcmp(v->p, "JLT-621", 7), 0);
	v = s1ap_ie_find(&pdu, S1AP_IE_SUPPORTED_TAS);
	CU_ASSERT_FATAL(v != NULL && v->n == 1);
	ta = s1ap_member(&v->v[0], S1AP_SUPPORTED_TAS_ITEM_TAC);
	CU_ASSERT_EQUAL(ta->p[0] << 8 | ta->p[1], 12345);
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_DEFAULT_PAGING_DRX), 0);	/* v32 */
	s1ap_check(&pdu, &r);
	CU_ASSERT_EQUAL(r.reject, 0);
	CU_ASSERT_EQUAL(r.n, 0);
	s1ap_arena_free(&a);
}

/*
 * open5gs s1ap_message_test2: Initial UE Message carrying an Attach Request
 * with a PDN Connectivity Request, S-TMSI absent.
 */
#define INITIAL_UE_ATTACH_OPEN5GS \
	"000c406f000006000800020001001a00 3c3b17df675aa8050741020bf600f110" \
	"000201030003e605f070000010000502 15d011d15200f11030395c0a003103e5" \
	"e0349011035758a65d0100e0c1004300 060000f1103039006440080000f1108c" \
	"3378200086400130004b00070000f110 000201"

static void test_initial_ue_attach_open5gs(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *v;

	CU_ASSERT_FATAL(s1ap_test_roundtrip(INITIAL_UE_ATTACH_OPEN5GS, &pdu, &a) == 0);
	CU_ASSERT_STRING_EQUAL(pdu.msg->name, "InitialUEMessage");
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_ENB_UE_S1AP_ID), 1);
	v = s1ap_ie_find(&pdu, S1AP_IE_NAS_PDU);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_EQUAL(v->n, 59);
	CU_ASSERT_EQUAL(v->p[0], 0x17);		/* integrity protected NAS */
	v = s1ap_ie_find(&pdu, S1AP_IE_TAI);
	CU_ASSERT_EQUAL(memcmp(s1ap_member(v, S1AP_TAI_TAC)->p, "\x30\x39", 2), 0);
	v = s1ap_ie_find(&pdu, S1AP_IE_EUTRAN_CGI);
	CU_ASSERT_EQUAL(s1ap_member(v, S1AP_EUTRAN_CGI_CELL_ID)->bits, 28);
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_RRC_ESTABLISHMENT_CAUSE), 3);
	v = s1ap_ie_find(&pdu, S1AP_IE_GUMMEI_ID);	/* id 75, GUMMEI */
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_EQUAL(memcmp(s1ap_member(v, S1AP_GUMMEI_MME_GROUP_ID)->p, "\x00\x02", 2), 0);
	s1ap_arena_free(&a);
}

/*
 * open5gs s1ap_message_test4: Initial UE Message with a Service Request,
 * 5 IEs, no S-TMSI.  The test pads the buffer with zero octets to 128;
 * only the PDU itself (49 octets) is used here.
 */
#define INITIAL_UE_SERVICE_REQ_OPEN5GS \
	"000c402d000005000800020071001a00 0504c706b410004300060013f1890001" \
	"006440080013f189400bb75000864001 30"

static void test_initial_ue_service_request_open5gs(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *v;
	uint8_t buf[128];
	int n = unit_hex(INITIAL_UE_SERVICE_REQ_OPEN5GS, buf, sizeof(buf));

	CU_ASSERT_EQUAL(n, 49);
	CU_ASSERT_FATAL(s1ap_test_roundtrip(INITIAL_UE_SERVICE_REQ_OPEN5GS, &pdu, &a) == 0);
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_ENB_UE_S1AP_ID), 0x71);
	/* mo-Signalling */
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_RRC_ESTABLISHMENT_CAUSE), 3);
	CU_ASSERT_PTR_NULL(s1ap_ie_find(&pdu, S1AP_IE_S_TMSI));
	v = s1ap_ie_find(&pdu, S1AP_IE_NAS_PDU);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_EQUAL(v->n, 4);
	CU_ASSERT_EQUAL(memcmp(v->p, "\xc7\x06\xb4\x10", 4), 0);
	s1ap_arena_free(&a);
}

/*
 * open5gs s1ap_message_test3: Initial Context Setup Response, MME-UE-S1AP-ID
 * 0x020000bf, eNB-UE-S1AP-ID 1, E-RAB 5 at 10.1.35.198, TEID 0x01000908.
 */
#define ICS_RESPONSE_OPEN5GS \
	"2009002500000300004005c0020000bf 0008400200010033400f000032400a0a" \
	"1f0a0123c601000908"

#define CTXT_RES(m)	S1AP_E_RAB_SETUP_ITEM_CTXT_SU_RES_##m

static void test_ics_response_open5gs(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *l, *it;

	CU_ASSERT_FATAL(s1ap_test_roundtrip(ICS_RESPONSE_OPEN5GS, &pdu, &a) == 0);
	CU_ASSERT_EQUAL(pdu.kind, S1AP_SUCCESSFUL);
	CU_ASSERT_STRING_EQUAL(pdu.msg->name, "InitialContextSetupResponse");
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_MME_UE_S1AP_ID), 0x020000bf);
	l = s1ap_ie_find(&pdu, S1AP_IE_E_RAB_SETUP_LIST_CTXT_SU_RES);
	CU_ASSERT_FATAL(l != NULL && l->n == 1);
	CU_ASSERT_EQUAL(l->v[0].u, 50);		/* id-E-RABSetupItemCtxtSURes */
	it = &l->v[0].v[0];
	CU_ASSERT_EQUAL(s1ap_member(it, CTXT_RES(E_RAB_ID))->u, 5);
	CU_ASSERT_EQUAL(s1ap_member(it, CTXT_RES(TRANSPORTLAYERADDRESS))->bits, 32);
	CU_ASSERT_EQUAL(memcmp(s1ap_member(it, CTXT_RES(TRANSPORTLAYERADDRESS))->p, "\x0a\x01\x23\xc6",
			       4), 0);
	CU_ASSERT_EQUAL(memcmp(s1ap_member(it, CTXT_RES(GTP_TEID))->p, "\x01\x00\x09\x08", 4), 0);
	s1ap_arena_free(&a);
}

/*
 * open5gs s1ap_message_test5: eNB Direct Information Transfer (procedure
 * 37, RIM).  Not in our message tables: the value is kept raw and
 * re-encoded to the same bytes; s1ap_check() reports the procedure as not
 * comprehended; the sender marked it criticality reject, so: reject.
 */
#define ENB_DIRECT_INFO_OPEN5GS \
	"0025004a000001007900432036715489 0164f0000100010002548f0264f00000" \
	"010064f000400000002057974b81054c 84000000204f81005581014d860064f0" \
	"00000280094064f0000100010002"

static void test_unknown_procedure_kept_raw(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_check_result r;

	CU_ASSERT_FATAL(s1ap_test_roundtrip(ENB_DIRECT_INFO_OPEN5GS, &pdu, &a) == 0);
	CU_ASSERT_PTR_NULL(pdu.msg);
	CU_ASSERT_EQUAL(pdu.proc, 37);
	CU_ASSERT_EQUAL(pdu.body.n, 0x4a);
	s1ap_check(&pdu, &r);
	CU_ASSERT_EQUAL(r.unknown_proc, 1);
	CU_ASSERT_EQUAL(r.reject, 1);
	s1ap_arena_free(&a);
}

/* ---- malformed input ---- */

static int decode_hex(const char *hex, char *err, size_t errlen)
{
	uint8_t buf[512];
	struct aper_ctx ctx;
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int n = unit_hex(hex, buf, sizeof(buf)), rc;

	memset(&ctx, 0, sizeof(ctx));
	rc = s1ap_decode(&pdu, &a, &ctx, buf, (size_t)n);
	snprintf(err, errlen, "%s", ctx.err);
	s1ap_arena_free(&a);
	return rc;
}

static void test_truncated_everywhere(void)
{
	uint8_t buf[64];
	int n = unit_hex(S1_SETUP_REQ_OPEN5GS, buf, sizeof(buf));

	/* every proper prefix must fail cleanly, with an error text */
	for (int len = 0; len < n; len++) {
		struct aper_ctx ctx;
		struct s1ap_arena a = { 0 };
		struct s1ap_pdu pdu;

		memset(&ctx, 0, sizeof(ctx));
		CU_ASSERT_EQUAL(s1ap_decode(&pdu, &a, &ctx, buf, (size_t)len), -1);
		CU_ASSERT(ctx.err[0] != '\0');
		s1ap_arena_free(&a);
	}
}

static void test_length_past_end(void)
{
	char err[320];

	/* open-type length 0x2e claims one octet more than present */
	CU_ASSERT_EQUAL(decode_hex("0011002e000004003b00090000f11040 54f64010003c400903004a4c542d3632"
				   "3100400007000c0e4000f11000894001 00", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "past the end"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "S1AP-PDU.initiatingMessage"));
}

static void test_trailing_octets_rejected(void)
{
	char err[320];

	CU_ASSERT_EQUAL(decode_hex(S1_SETUP_REQ_OPEN5GS "00", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "left over"));
}

static void test_error_names_the_ie(void)
{
	char err[320];

	/* Global-ENB-ID value cut short: the length says 8, not 9 */
	CU_ASSERT_EQUAL(decode_hex("0011002c000004003b00080000f11040 54f640003c400903004a4c542d3632"
				   "3100400007000c0e4000f11000894001 00", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "S1SetupRequest.protocolIEs[0].Global-ENB-ID"));
}

/* Missing mandatory IE with criticality reject: SupportedTAs removed. */
static void test_missing_mandatory_reject(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_check_result r;
	struct s1ap_val cd;
	static uint8_t out[256];
	struct aper_ctx ctx;

	CU_ASSERT_FATAL(s1ap_test_roundtrip("00110022000003003b00090000f11040 54f64010003c400903004a4c542d3632"
					    "3100894001 00", &pdu, &a) == 0);
	s1ap_check(&pdu, &r);
	CU_ASSERT_EQUAL(r.reject, 1);
	CU_ASSERT_EQUAL(r.n, 1);
	CU_ASSERT_EQUAL(r.d[0].ie_id, S1AP_IE_SUPPORTED_TAS);
	CU_ASSERT_EQUAL(r.d[0].type, S1AP_ERR_MISSING);
	CU_ASSERT_EQUAL(r.d[0].ie_crit, S1AP_REJECT);
	/* CriticalityDiagnostics for the S1 Setup Failure / Error Indication */
	CU_ASSERT_FATAL(s1ap_crit_diag(&a, &pdu, &r, &cd) == 0);
	{
		struct aper_enc e;

		memset(&ctx, 0, sizeof(ctx));
		aper_enc_init(&e, &ctx, out, sizeof(out));
		CU_ASSERT_FATAL(s1ap_val_encode(&e, &cd) == 0);
		/* ext 0, presence 11110, pad, procedureCode 17 (octet),
		 * triggeringMessage 00, procedureCriticality 00, pad, list
		 * count-1 0 (octet), item: ext 0, iE-Extensions absent 0,
		 * iECriticality 00, pad, iE-ID 0x0040 (two octets),
		 * typeOfError: ext 0, missing 1, pad */
		CU_ASSERT_EQUAL(aper_enc_bytes(&e), 8);
		CU_ASSERT_EQUAL(memcmp(out, "\x78\x11\x00\x00\x00\x00\x40\x40", 8), 0);
	}
	s1ap_arena_free(&a);
}

/* Unknown IE (id 999, criticality ignore) is kept raw and re-encoded. */
static void test_unknown_ie_ignore_kept(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_check_result r;
	const struct s1ap_val *l;

	/* the open5gs S1 Setup Request plus IE 999 ignore, value 2 octets */
	CU_ASSERT_FATAL(s1ap_test_roundtrip(
		"00110033000005003b00090000f11040 54f64010003c400903004a4c542d3632"
		"3100400007000c0e4000f11000894001 0003e74002abcd", &pdu, &a) == 0);
	l = &pdu.body.v[0];
	CU_ASSERT_EQUAL(l->n, 5);
	CU_ASSERT_EQUAL(l->v[4].u, 999);
	CU_ASSERT_EQUAL(l->v[4].understood, 0);
	CU_ASSERT_EQUAL(l->v[4].v[0].n, 2);
	s1ap_check(&pdu, &r);
	CU_ASSERT_EQUAL(r.reject, 0);
	CU_ASSERT_EQUAL(r.n, 0);	/* ignore: not reported */
	s1ap_arena_free(&a);
}

/* Unknown IE with criticality reject: the procedure is rejected. */
static void test_unknown_ie_reject(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_check_result r;

	CU_ASSERT_FATAL(s1ap_test_roundtrip(
		"00110033000005003b00090000f11040 54f64010003c400903004a4c542d3632"
		"3100400007000c0e4000f11000894001 0003e70002abcd", &pdu, &a) == 0);
	s1ap_check(&pdu, &r);
	CU_ASSERT_EQUAL(r.reject, 1);
	CU_ASSERT_EQUAL(r.n, 1);
	CU_ASSERT_EQUAL(r.d[0].ie_id, 999);
	CU_ASSERT_EQUAL(r.d[0].type, S1AP_ERR_NOT_UNDERSTOOD);
	s1ap_arena_free(&a);
}

static void test_bad_values_rejected(void)
{
	char err[320];

	/* S1AP-PDU choice index 3 (no such outcome) */
	CU_ASSERT_EQUAL(decode_hex("6011000100", err, sizeof(err)), -1);
	/* criticality 3 is outside reject/ignore/notify */
	CU_ASSERT_EQUAL(decode_hex("0011c00100", err, sizeof(err)), -1);
	/* non-zero padding after the criticality */
	CU_ASSERT_EQUAL(decode_hex("0011010100", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "padding"));
	/* empty open type */
	CU_ASSERT_EQUAL(decode_hex("00110000", err, sizeof(err)), -1);
	/* eNBname with a character outside PrintableString ('*' = 0x2a) */
	CU_ASSERT_EQUAL(decode_hex("0011002d000004003b00090000f11040 54f64010003c400903004a4c542a3632"
				   "3100400007000c0e4000f11000894001 00", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "PrintableString"));
}

UNIT_SUITE(proto_s1ap,
	   UNIT_TEST(test_s1_setup_request_open5gs),
	   UNIT_TEST(test_initial_ue_attach_open5gs),
	   UNIT_TEST(test_initial_ue_service_request_open5gs),
	   UNIT_TEST(test_ics_response_open5gs),
	   UNIT_TEST(test_unknown_procedure_kept_raw),
	   UNIT_TEST(test_truncated_everywhere),
	   UNIT_TEST(test_length_past_end),
	   UNIT_TEST(test_trailing_octets_rejected),
	   UNIT_TEST(test_error_names_the_ie),
	   UNIT_TEST(test_missing_mandatory_reject),
	   UNIT_TEST(test_unknown_ie_ignore_kept),
	   UNIT_TEST(test_unknown_ie_reject),
	   UNIT_TEST(test_bad_values_rejected))
