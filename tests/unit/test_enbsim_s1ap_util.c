// SPDX-License-Identifier: GPL-2.0
/*
 * userspace/proto/s1ap_util.c: building S1AP messages by member name gives
 * the exact bytes of the reference encodings, and reading them back.
 */
#include <string.h>

#include "proto/s1ap_util.h"
#include "unit.h"

static long enc(const struct s1ap_pdu *pdu, uint8_t *buf, size_t cap)
{
	struct aper_ctx ctx = { 0 };

	return s1ap_encode(pdu, &ctx, buf, cap);
}

/*
 * S1 Setup Request of Documentation/codecs-s1ap.md (checked there against
 * Wireshark): Global-ENB-ID 00f110 / home eNB-ID 0x54f6401 (28 bits),
 * eNBname "JLT-621", TAC 0x3039 broadcasting 00f110, paging DRX v32.
 */
static void test_s1_setup_request(void)
{
	static const char *ref = "0011002d000004003b00090000f1104054f64010003c400903004a4c"
				 "542d36323100400007000c0e4000f1100089400100";
	static const uint8_t plmn[3] = { 0x00, 0xf1, 0x10 }, tac[2] = { 0x30, 0x39 };
	static const uint8_t id[4] = { 0x54, 0xf6, 0x40, 0x10 };
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v, *l;
	uint8_t want[64], got[64];
	int n = unit_hex(ref, want, sizeof(want));
	long m;

	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_S1_SETUP, S1AP_INITIATING) == 0);
	v = s1ap_b_ie(&pdu, S1AP_IE_GLOBAL_ENB_ID);
	CU_ASSERT(s1ap_b_oct(&a, s1ap_b_mem(&a, v, S1AP_GLOBAL_ENB_ID_PLMNIDENTITY), plmn, 3) == 0);
	CU_ASSERT(s1ap_b_bits(&a, s1ap_b_alt(&a, s1ap_b_mem(&a, v, S1AP_GLOBAL_ENB_ID_ENB_ID),
					     S1AP_ENB_ID_HOMEENB_ID), id, 28) == 0);
	CU_ASSERT(s1ap_b_str(&a, s1ap_b_ie(&pdu, S1AP_IE_ENB_NAME), "JLT-621") == 0);
	l = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_SUPPORTED_TAS), 1);
	CU_ASSERT_FATAL(l != NULL);
	CU_ASSERT(s1ap_b_oct(&a, s1ap_b_mem(&a, l, S1AP_SUPPORTED_TAS_ITEM_TAC), tac, 2) == 0);
	CU_ASSERT(s1ap_b_oct(&a, s1ap_b_items(&a, s1ap_b_mem(&a, l, S1AP_SUPPORTED_TAS_ITEM_BROADCASTPLMNS),
					  1), plmn, 3) == 0);
	CU_ASSERT(s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_DEFAULT_PAGING_DRX), S1AP_PAGING_DRX_V32) == 0);
	m = enc(&pdu, got, sizeof(got));
	CU_ASSERT_EQUAL(m, n);
	CU_ASSERT(m == n && !memcmp(got, want, (size_t)n));
	s1ap_arena_free(&a);
}

/* UE Context Release Command of Documentation/codecs-s1ap.md, built with
 * the helpers, equals what the generic JSON path produced there. */
static void test_release_command_roundtrip(void)
{
	struct s1ap_arena a = { 0 }, b = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu, back;
	struct s1ap_val *pair;
	const struct s1ap_val *v;
	const char *alt = NULL;
	uint8_t buf[64];
	char cause[64];
	uint64_t u = 0;
	long n;

	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CONTEXT_RELEASE,
				      S1AP_INITIATING) == 0);
	pair = s1ap_b_alt(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_S1AP_IDS), S1AP_UE_S1AP_IDS_UE_S1AP_ID_PAIR);
	CU_ASSERT(s1ap_b_int(s1ap_b_mem(&a, pair, S1AP_UE_S1AP_ID_PAIR_MME_UE_S1AP_ID),
			     16777217) == 0);
	CU_ASSERT(s1ap_b_int(s1ap_b_mem(&a, pair, S1AP_UE_S1AP_ID_PAIR_ENB_UE_S1AP_ID), 7) == 0);
	CU_ASSERT(s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), S1AP_CAUSE_NAS_NORMAL_RELEASE)
		  == 0);
	n = enc(&pdu, buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(s1ap_decode(&back, &b, &ctx, buf, (size_t)n) == 0);
	v = s1ap_alt(s1ap_ie_find(&back, S1AP_IE_UE_S1AP_IDS), &alt);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_STRING_EQUAL(alt, "uE-S1AP-ID-pair");
	CU_ASSERT_EQUAL(s1ap_alt_key(s1ap_ie_find(&back, S1AP_IE_UE_S1AP_IDS)),
			S1AP_UE_S1AP_IDS_UE_S1AP_ID_PAIR);
	CU_ASSERT(s1ap_mem_u(v, S1AP_UE_S1AP_ID_PAIR_MME_UE_S1AP_ID, &u) == 0 && u == 16777217);
	CU_ASSERT(s1ap_mem_u(v, S1AP_UE_S1AP_ID_PAIR_ENB_UE_S1AP_ID, &u) == 0 && u == 7);
	CU_ASSERT_EQUAL(s1ap_cause_key(s1ap_ie_find(&back, S1AP_IE_CAUSE)),
			S1AP_CAUSE_NAS_NORMAL_RELEASE);
	CU_ASSERT_STRING_EQUAL(s1ap_cause_str(s1ap_ie_find(&back, S1AP_IE_CAUSE), cause,
					      sizeof(cause)), "nas/normal-release");
	s1ap_arena_free(&a);
	s1ap_arena_free(&b);
}

/* TransportLayerAddress (TS 36.414 5.3): 32, 128 or 160 bits. */
static void test_tla_teid(void)
{
	static const uint8_t ip4[4] = { 192, 168, 10, 1 }, ip6[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	struct s1ap_arena a = { 0 };
	struct s1ap_val v = { 0 }, t = { 0 };
	uint8_t o4[4], o6[16];
	int h4 = 0, h6 = 0;
	uint32_t teid = 0;

	s1ap_val_init(&a, &v, s1ap_ie_info(S1AP_IE_GW_TRANSPORT_LAYER_ADDRESS)->type, 0);
	CU_ASSERT(s1ap_b_tla(&a, &v, ip4, ip6) == 0);
	CU_ASSERT_EQUAL(v.bits, 160);
	CU_ASSERT(s1ap_tla_get(&v, o4, &h4, o6, &h6) == 0 && h4 && h6);
	CU_ASSERT(!memcmp(o4, ip4, 4) && !memcmp(o6, ip6, 16));
	CU_ASSERT(s1ap_b_tla(&a, &v, ip4, NULL) == 0 && v.bits == 32);
	CU_ASSERT(s1ap_tla_get(&v, o4, &h4, o6, &h6) == 0 && h4 && !h6);
	CU_ASSERT(s1ap_b_tla(&a, &v, NULL, NULL) == -1);
	v.bits = 33;
	CU_ASSERT(s1ap_tla_get(&v, o4, &h4, o6, &h6) == -1);
	/* the GTP-TEID type via the E-RAB item's member */
	s1ap_val_init(&a, &v, s1ap_ie_info(S1AP_IE_E_RAB_SETUP_ITEM_CTXT_SU_RES)->type, 0);
	CU_ASSERT(s1ap_b_teid(&a, s1ap_b_mem(&a, &v, S1AP_E_RAB_SETUP_ITEM_CTXT_SU_RES_GTP_TEID),
			      0x01020304) == 0);
	t = *s1ap_member(&v, S1AP_E_RAB_SETUP_ITEM_CTXT_SU_RES_GTP_TEID);
	CU_ASSERT(s1ap_teid_get(&t, &teid) == 0 && teid == 0x01020304);
	CU_ASSERT(t.p[0] == 1 && t.p[3] == 4);
	s1ap_arena_free(&a);
}

/* Keys of another type are refused, and NULL slots propagate. */
static void test_bad_names(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v;

	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_RESET, S1AP_INITIATING) == 0);
	v = s1ap_b_ie(&pdu, S1AP_IE_RESET_TYPE);
	/* an alternative of another CHOICE, a member of a SEQUENCE */
	CU_ASSERT(s1ap_b_alt(&a, v, S1AP_ENB_ID_MACROENB_ID) == NULL);
	CU_ASSERT(s1ap_b_mem(&a, v, S1AP_TAI_TAC) == NULL);	/* a CHOICE has no members */
	CU_ASSERT(s1ap_b_alt(&a, v, S1AP_KEY_NONE) == NULL);
	CU_ASSERT(s1ap_b_enum(s1ap_b_alt(&a, v, S1AP_RESET_TYPE_S1_INTERFACE),
			      S1AP_PAGING_DRX_V32) == -1);
	CU_ASSERT(s1ap_b_int(NULL, 1) == -1);
	CU_ASSERT(s1ap_b_oct(&a, NULL, "x", 1) == -1);
	CU_ASSERT(s1ap_b_items(&a, NULL, 2) == NULL);
	CU_ASSERT(s1ap_b_ie(&pdu, 3) == NULL);		/* SourceID: no type */
	s1ap_arena_free(&a);
}

/* The deprecated lookups by name (kept while agwd uses them) still work and
 * refuse unknown names. */
static void test_deprecated_names(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v;
	uint64_t u = 0;

	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_RESET, S1AP_INITIATING) == 0);
	v = s1ap_b_ie(&pdu, S1AP_IE_RESET_TYPE);
	CU_ASSERT(s1ap_b_alt(&a, v, "no-such-alternative") == NULL);
	CU_ASSERT(s1ap_b_mem(&a, v, "x") == NULL);
	CU_ASSERT(s1ap_b_enum(s1ap_b_alt(&a, v, "s1-Interface"), "reset-some") == -1);
	CU_ASSERT(s1ap_b_enum(s1ap_b_alt(&a, v, "s1-Interface"), "reset-all") == 0);
	CU_ASSERT_EQUAL(s1ap_enum_key(&v->v[0]), S1AP_RESET_ALL_RESET_ALL);
	v = s1ap_b_ie(&pdu, S1AP_IE_CAUSE);
	CU_ASSERT(s1ap_b_cause(&a, v, "misc", "om-intervention") == 0);
	CU_ASSERT_EQUAL(s1ap_cause_key(v), S1AP_CAUSE_MISC_OM_INTERVENTION);
	v = s1ap_b_alt(&a, s1ap_b_ie(&pdu, S1AP_IE_RESET_TYPE), "s1-Interface");
	CU_ASSERT(v != NULL);
	s1ap_arena_free(&a);
	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CONTEXT_RELEASE,
				      S1AP_INITIATING) == 0);
	v = s1ap_b_alt(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_S1AP_IDS), "uE-S1AP-ID-pair");
	CU_ASSERT(s1ap_b_int(s1ap_b_mem(&a, v, "eNB-UE-S1AP-ID"), 7) == 0);
	CU_ASSERT(s1ap_mem_u(v, "eNB-UE-S1AP-ID", &u) == 0 && u == 7);
	CU_ASSERT(s1ap_member(v, "eNB-UE-S1AP-ID") ==
		  s1ap_member(v, S1AP_UE_S1AP_ID_PAIR_ENB_UE_S1AP_ID));
	s1ap_arena_free(&a);
}

UNIT_SUITE(enbsim_s1ap_util, UNIT_TEST(test_s1_setup_request),
	   UNIT_TEST(test_release_command_roundtrip), UNIT_TEST(test_tla_teid),
	   UNIT_TEST(test_bad_names), UNIT_TEST(test_deprecated_names))
