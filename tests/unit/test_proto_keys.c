// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time protocol keys (proto/nas_keys.h, proto/s1ap_keys.h from
 * scripts/gen-proto-keys): every key names the row, member, alternative or
 * value its name says; the O(1) lookups agree with a scan; keys of another
 * table find nothing; the builders both sides share (proto/s1ap_build.c,
 * nas_build_cause_msg) produce what the spec and the peers expect.
 */
#include <stdio.h>
#include <string.h>

#include "proto/nas_util.h"
#include "proto/s1ap_util.h"
#include "test_proto_s1ap.h"
#include "unit.h"

/* ---------------------------------------------------------------- NAS --- */

static void test_nas_keys_rows(void)
{
	const struct nas_msg_desc *d;
	unsigned int i, n = 0;

	for (i = 0; (d = nas_msg_desc_at(i)); i++) {
		CU_ASSERT_PTR_EQUAL(nas_msg_desc_of((enum nas_msg_key)i), d);
		CU_ASSERT(d->n_ies <= NAS_MSG_MAX_ROWS);
		for (unsigned int r = 0; r < d->n_ies; r++, n++)
			CU_ASSERT_PTR_EQUAL(nas_ie_desc_of((enum nas_ie_key)NAS_IE_KEY(i, r)),
					    &d->ies[r]);
		CU_ASSERT_PTR_NULL(nas_ie_desc_of((enum nas_ie_key)NAS_IE_KEY(i, d->n_ies)));
	}
	CU_ASSERT_EQUAL(i, NAS_MSG_COUNT);
	CU_ASSERT(n > 300);
	CU_ASSERT_PTR_NULL(nas_msg_desc_of(NAS_MSG_COUNT));
	CU_ASSERT_PTR_NULL(nas_ie_desc_of((enum nas_ie_key)NAS_IE_KEY(NAS_MSG_COUNT, 0)));
	CU_ASSERT_STRING_EQUAL(nas_ie_desc_of(NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY)->name,
			       "UE network capability");
	CU_ASSERT_STRING_EQUAL(nas_msg_desc_of(NAS_MSG_DETACH_REQUEST_UE_TERMINATED)->variant,
			       "UE terminated detach");
	CU_ASSERT_STRING_EQUAL(nas_ie_desc_of(NAS_AUTHENTICATION_REQUEST_NAS_KEY_SET_IDENTIFIERASME)
			       ->name, "NAS key set identifierASME");
	CU_ASSERT_STRING_EQUAL(nas_msg_desc_of(NAS_MSG_SERVICE_REQUEST)->name, "Service request");
}

/* The Attach Request inside open5gs' Initial UE Message (test_proto_s1ap.c) */
#define ATTACH_REQ "0741020bf600f110000201030003e605f07000001000050215d011d15200f11030395c" \
		   "0a003103e5e0349011035758a65d0100e0c1"

/* nas_ie() agrees with a scan of ie[] for every row; absent rows and keys
 * of other messages give NULL / false. */
static void test_nas_slots_decode(void)
{
	uint8_t b[128], v = 0;
	struct nas_msg m;
	int n = unit_hex(ATTACH_REQ, b, sizeof(b));
	const struct nas_ie *ie;

	CU_ASSERT_FATAL(nas_decode(&m, b, (size_t)n, NAS_DIR_UL, NULL) == 0);
	for (unsigned int r = 0; r < m.desc->n_ies; r++) {
		const struct nas_ie *want = NULL;

		for (unsigned int i = 0; i < m.n_ie && !want; i++)
			if (m.ie[i].d == &m.desc->ies[r] && !m.ie[i].ignored)
				want = &m.ie[i];
		CU_ASSERT_PTR_EQUAL(nas_ie(&m, (enum nas_ie_key)NAS_IE_KEY(NAS_MSG_ATTACH_REQUEST, r)),
				    want);
	}
	ie = nas_ie(&m, NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY);
	CU_ASSERT_FATAL(ie != NULL);
	CU_ASSERT_EQUAL(ie->len, 5);
	CU_ASSERT_EQUAL(ie->val[0], 0xf0);
	CU_ASSERT_EQUAL(nas_ie(&m, NAS_ATTACH_REQUEST_ESM_MESSAGE_CONTAINER)->len, 5);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REQUEST_EPS_ATTACH_TYPE, &v) && v == 2);	/* combined */
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REQUEST_OLD_GUTI_TYPE, &v) && v == 0);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REQUEST_NAS_KEY_SET_IDENTIFIER, &v) && v == 0);
	CU_ASSERT_PTR_NOT_NULL(nas_ie(&m, NAS_ATTACH_REQUEST_LAST_VISITED_REGISTERED_TAI));
	/* absent: a typed answer, not -1 cast to 255 */
	v = 0x5a;
	CU_ASSERT_PTR_NULL(nas_ie(&m, NAS_ATTACH_REQUEST_ADDITIONAL_GUTI));
	CU_ASSERT(!nas_ie_byte(&m, NAS_ATTACH_REQUEST_ADDITIONAL_UPDATE_TYPE, &v));
	CU_ASSERT_EQUAL(v, 0x5a);
	/* a row of another message is not this message's */
	CU_ASSERT_PTR_NULL(nas_ie(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_UE_NETWORK_CAPABILITY));
	CU_ASSERT(!nas_ie_byte(&m, NAS_DETACH_REQUEST_UE_ORIGINATING_DETACH_TYPE, &v));
}

/* The builder keeps the slots right while it inserts in table order. */
static void test_nas_slots_builder(void)
{
	static const uint8_t one = 1, five = 5, nine = 9, ten = 10;
	struct nas_msg m;
	uint8_t v;

	CU_ASSERT_FATAL(nas_msg_start(&m, NAS_MSG_ATTACH_REJECT, 0, 0) == 0);
	CU_ASSERT(nas_msg_start(&m, NAS_MSG_COUNT, 0, 0) == -1);
	/* optional rows first, then the mandatory one: each insert shifts */
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_REJECT_EXTENDED_EMM_CAUSE, &one, 1, NULL) == 0);
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_REJECT_T3346_VALUE, &nine, 1, NULL) == 0);
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_REJECT_EMM_CAUSE, &five, 1, NULL) == 0);
	CU_ASSERT_EQUAL(m.n_ie, 3);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_EMM_CAUSE, &v) && v == 5);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_T3346_VALUE, &v) && v == 9);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_EXTENDED_EMM_CAUSE, &v) && v == 1);
	CU_ASSERT_PTR_EQUAL(nas_ie(&m, NAS_ATTACH_REJECT_EMM_CAUSE), &m.ie[0]);
	/* a second IE of a row: the first keeps the slot */
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_REJECT_T3346_VALUE, &ten, 1, NULL) == 0);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_T3346_VALUE, &v) && v == 9);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_EXTENDED_EMM_CAUSE, &v) && v == 1);
	/* direct edits of ie[] then nas_msg_reindex() */
	m.ie[1].ignored = 1;
	nas_msg_reindex(&m);
	CU_ASSERT(nas_ie_byte(&m, NAS_ATTACH_REJECT_T3346_VALUE, &v) && v == 10);
	/* bad keys and lengths */
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_ACCEPT_GUTI, &one, 1, NULL) == -1);
	CU_ASSERT(nas_ie_add(&m, NAS_ATTACH_REJECT_T3346_VALUE, &one, 2, NULL) == -1);
	CU_ASSERT(nas_ie_add(&m, (enum nas_ie_key)0xffff, &one, 1, NULL) == -1);
}

/* Messages of a cause only: the docs' ESM status (codecs-nas.md) */
static void test_nas_cause_msg(void)
{
	uint8_t out[16];
	struct nas_err err;

	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_ESM_STATUS, 5, 3, 81, out, sizeof(out), &err),
			4);
	CU_ASSERT(!memcmp(out, "\x52\x03\xe8\x51", 4));
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_EMM_STATUS, 0, 0, 98, out, sizeof(out), &err),
			3);
	CU_ASSERT(!memcmp(out, "\x07\x60\x62", 3));
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_DETACH_ACCEPT, 0, 0, -1, out, sizeof(out),
					    &err), 2);
	CU_ASSERT(!memcmp(out, "\x07\x46", 2));
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_ACTIVATE_DEFAULT_EPS_BEARER_CONTEXT_REJECT, 6,
					    0, 31, out, sizeof(out), &err), 4);
	CU_ASSERT(!memcmp(out, "\x62\x00\xc3\x1f", 4));
	/* no cause row, a missing mandatory cause, a bad key, no room */
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_DETACH_ACCEPT, 0, 0, 1, out, sizeof(out), &err),
			-1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "has no cause"));
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_EMM_STATUS, 0, 0, -1, out, sizeof(out), &err),
			-1);
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_COUNT, 0, 0, 1, out, sizeof(out), &err), -1);
	CU_ASSERT_EQUAL(nas_build_cause_msg(NAS_MSG_EMM_STATUS, 0, 0, 98, out, 2, &err), -1);
}

/* --------------------------------------------------------------- S1AP --- */

static void test_s1ap_keys(void)
{
	const struct s1ap_type *t = s1ap_key_type(S1AP_GLOBAL_ENB_ID_ENB_ID);

	CU_ASSERT_FATAL(t != NULL);
	CU_ASSERT_STRING_EQUAL(t->name, "Global-ENB-ID");
	CU_ASSERT_EQUAL(t->tid, S1AP_TID_global_enb_id);
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_GLOBAL_ENB_ID_ENB_ID), "eNB-ID");
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_ENB_ID_MACROENB_ID), "macroENB-ID");
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_CAUSE_NAS_NORMAL_RELEASE), "normal-release");
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_CAUSE_RADIO_NETWORK_X2_HANDOVER_TRIGGERED),
			       "x2-handover-triggered");
	/* extension values of an ENUMERATED are keyed too */
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_CAUSE_RADIO_NETWORK_RELEASE_DUE_TO_PRE_EMPTION),
			       "release-due-to-pre-emption");
	CU_ASSERT_STRING_EQUAL(s1ap_key_name(S1AP_KEY_NONE), "?");
	CU_ASSERT_PTR_NULL(s1ap_key_type(S1AP_KEY_NONE));
	CU_ASSERT_PTR_NULL(s1ap_key_type((enum s1ap_key)S1AP_KEY(S1AP_TID_COUNT, 0)));
	CU_ASSERT_STRING_EQUAL(s1ap_key_name((enum s1ap_key)S1AP_KEY(S1AP_TID_global_enb_id, 9)),
			       "?");
	/* the numbering of the list is the descriptors' own */
	for (unsigned int tid = 1; tid < S1AP_TID_COUNT; tid++) {
		const struct s1ap_type *x = s1ap_key_type((enum s1ap_key)S1AP_KEY(tid, 0));

		CU_ASSERT_FATAL(x != NULL);
		CU_ASSERT_EQUAL(x->tid, tid);
	}
	/* IE ids: every constant names its table entry; gaps have none */
	CU_ASSERT_EQUAL(S1AP_IE_UE_RADIO_CAPABILITY, 74);
	CU_ASSERT_STRING_EQUAL(s1ap_ie_info(S1AP_IE_UE_RADIO_CAPABILITY)->name,
			       "UERadioCapability");
	CU_ASSERT_EQUAL(S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_LIST_RES_ACK, 93);
	CU_ASSERT_EQUAL(S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_ITEM, 91);
	CU_ASSERT_STRING_EQUAL(s1ap_ie_info(S1AP_IE_ADDITIONAL_RRM_PRIORITY_INDEX)->name,
			       "AdditionalRRMPriorityIndex");
	CU_ASSERT_PTR_NULL(s1ap_ie_info(5));
	CU_ASSERT_PTR_NULL(s1ap_ie_info(300));
	CU_ASSERT_PTR_NULL(s1ap_ie_info(65535));
	CU_ASSERT_PTR_NULL(s1ap_ie_info(S1AP_IE_SOURCE_ID)->type);	/* kept raw */
}

/* Lookups by key on decoded values; keys of other types find nothing. */
static void test_s1ap_key_lookups(void)
{
	/* Reset, partial, two connections (one with both ids, one eNB id only) */
	struct s1ap_ue_pair in[2] = { { .mme_id = 7, .enb_id = 70, .has_mme = true,
					.has_enb = true },
				      { .enb_id = 71, .has_enb = true } };
	struct s1ap_arena a = { 0 }, b = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu, back;
	const struct s1ap_val *rt, *l;
	struct s1ap_ue_pair p;
	uint8_t buf[256];
	long n;

	CU_ASSERT_FATAL(s1ap_build_reset(&pdu, &a, S1AP_CAUSE_MISC_OM_INTERVENTION, in, 2) == 0);
	n = s1ap_encode(&pdu, &ctx, buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(s1ap_decode(&back, &b, &ctx, buf, (size_t)n) == 0);
	rt = s1ap_ie_find(&back, S1AP_IE_RESET_TYPE);
	CU_ASSERT_EQUAL(s1ap_alt_key(rt), S1AP_RESET_TYPE_PARTOFS1_INTERFACE);
	CU_ASSERT_PTR_NULL(s1ap_alt_val(rt, S1AP_RESET_TYPE_S1_INTERFACE));
	CU_ASSERT_PTR_NULL(s1ap_alt_val(rt, S1AP_ENB_ID_MACROENB_ID));
	CU_ASSERT_PTR_NULL(s1ap_alt_val(rt, S1AP_KEY_NONE));
	CU_ASSERT_EQUAL(s1ap_alt_key(s1ap_ie_find(&back, S1AP_IE_CAUSE)), S1AP_CAUSE_MISC);
	CU_ASSERT_EQUAL(s1ap_cause_key(s1ap_ie_find(&back, S1AP_IE_CAUSE)),
			S1AP_CAUSE_MISC_OM_INTERVENTION);
	l = s1ap_reset_partial(&back);
	CU_ASSERT_FATAL(l != NULL && l->n == 2);
	CU_ASSERT(s1ap_reset_item(l, 0, &p) == 0 && p.has_mme && p.mme_id == 7 && p.has_enb &&
		  p.enb_id == 70);
	CU_ASSERT(s1ap_reset_item(l, 1, &p) == 0 && !p.has_mme && p.has_enb && p.enb_id == 71);
	CU_ASSERT(s1ap_reset_item(l, 2, &p) == -1 && !p.has_mme && !p.has_enb);
	/* a member key on a CHOICE, an ENUM key on a SEQUENCE */
	CU_ASSERT_PTR_NULL(s1ap_member(rt, S1AP_UE_ASSOC_S1_CONN_ITEM_MME_UE_S1AP_ID));
	CU_ASSERT_EQUAL(s1ap_enum_key(rt), S1AP_KEY_NONE);
	CU_ASSERT_PTR_NULL(s1ap_member(s1ap_field_val(&l->v[0], NULL), S1AP_TAI_TAC));
	CU_ASSERT_PTR_NULL(s1ap_member(NULL, S1AP_TAI_TAC));
	CU_ASSERT_EQUAL(s1ap_alt_key(NULL), S1AP_KEY_NONE);
	s1ap_arena_free(&a);
	s1ap_arena_free(&b);
}

/* The shared builders: Reset (all), Reset Acknowledge echoing a partial
 * Reset, Error Indication with CriticalityDiagnostics; bytes checked where
 * a reference exists, fields after a decode otherwise. */
static void test_s1ap_builders(void)
{
	/* Reset, s1-Interface reset-all, cause misc/om-intervention (as agwd and
	 * enbsim built it by hand before; the same bytes as agwtool encode s1ap gives) */
	static const char *reset_all = "000e000d0000020002400143005c000100";
	struct s1ap_ue_pair ids = { .mme_id = 16777217, .enb_id = 7, .has_mme = true,
				    .has_enb = true };
	struct s1ap_ue_pair in[1] = { { .mme_id = 5, .has_mme = true } }, p;
	struct s1ap_arena a = { 0 }, b = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_check_result r = { .n = 1, .reject = 1,
				       .d = { { .ie_id = 999, .ie_crit = S1AP_REJECT,
						.type = S1AP_ERR_NOT_UNDERSTOOD } } };
	struct s1ap_pdu pdu, back, ack;
	const struct s1ap_val *v;
	uint8_t buf[256], want[64];
	int wn = unit_hex(reset_all, want, sizeof(want));
	long n;

	CU_ASSERT_FATAL(s1ap_build_reset(&pdu, &a, S1AP_CAUSE_MISC_OM_INTERVENTION, NULL, 0) == 0);
	n = s1ap_encode(&pdu, &ctx, buf, sizeof(buf));
	CU_ASSERT_EQUAL(n, wn);
	CU_ASSERT(n == wn && !memcmp(buf, want, (size_t)wn));
	s1ap_arena_free(&a);
	/* Reset Acknowledge of a partial Reset: the list comes back in order */
	CU_ASSERT_FATAL(s1ap_build_reset(&pdu, &a, S1AP_CAUSE_NAS_UNSPECIFIED, in, 1) == 0);
	n = s1ap_encode(&pdu, &ctx, buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0 && s1ap_decode(&back, &b, &ctx, buf, (size_t)n) == 0);
	s1ap_arena_free(&a);
	CU_ASSERT_FATAL(s1ap_build_reset_ack(&ack, &a, s1ap_reset_partial(&back)) == 0);
	s1ap_arena_free(&b);
	n = s1ap_encode(&ack, &ctx, buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0 && s1ap_decode(&back, &b, &ctx, buf, (size_t)n) == 0);
	CU_ASSERT_EQUAL(back.kind, S1AP_SUCCESSFUL);
	v = s1ap_ie_find(&back, S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_LIST_RES_ACK);
	CU_ASSERT_FATAL(v != NULL && v->n == 1);
	CU_ASSERT_EQUAL(v->v[0].crit, S1AP_IGNORE);
	CU_ASSERT(s1ap_reset_item(v, 0, &p) == 0 && p.has_mme && p.mme_id == 5 && !p.has_enb);
	s1ap_arena_free(&a);
	s1ap_arena_free(&b);
	/* a full Reset is acknowledged without a list */
	CU_ASSERT_FATAL(s1ap_build_reset_ack(&ack, &a, NULL) == 0);
	CU_ASSERT_PTR_NULL(s1ap_ie_find(&ack,
					S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_LIST_RES_ACK));
	s1ap_arena_free(&a);
	/* Error Indication: ids, cause, diagnostics of the triggering PDU */
	CU_ASSERT_FATAL(s1ap_pdu_init(&back, &b, S1AP_PROC_UPLINK_NAS_TRANSPORT,
				      S1AP_INITIATING) == 0);
	CU_ASSERT_FATAL(s1ap_build_error_indication(&pdu, &a, &ids,
						    S1AP_CAUSE_PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT,
						    &back, &r) == 0);
	s1ap_arena_free(&b);
	n = s1ap_encode(&pdu, &ctx, buf, sizeof(buf));
	CU_ASSERT_FATAL(n > 0 && s1ap_decode(&back, &b, &ctx, buf, (size_t)n) == 0);
	CU_ASSERT_EQUAL(back.proc, S1AP_PROC_ERROR_INDICATION);
	CU_ASSERT_EQUAL(s1ap_ie_find(&back, S1AP_IE_MME_UE_S1AP_ID)->u, 16777217);
	CU_ASSERT_EQUAL(s1ap_ie_find(&back, S1AP_IE_ENB_UE_S1AP_ID)->u, 7);
	CU_ASSERT_EQUAL(s1ap_cause_key(s1ap_ie_find(&back, S1AP_IE_CAUSE)),
			S1AP_CAUSE_PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT);
	v = s1ap_ie_find(&back, S1AP_IE_CRITICALITY_DIAGNOSTICS);
	CU_ASSERT_EQUAL(s1ap_member(v, S1AP_CRITICALITY_DIAGNOSTICS_PROCEDURECODE)->u,
			S1AP_PROC_UPLINK_NAS_TRANSPORT);
	v = s1ap_member(v, S1AP_CRITICALITY_DIAGNOSTICS_IESCRITICALITYDIAGNOSTICS);
	CU_ASSERT_FATAL(v != NULL && v->n == 1);
	CU_ASSERT_EQUAL(s1ap_member(&v->v[0], S1AP_CRIT_DIAG_IE_ITEM_IE_ID)->u, 999);
	s1ap_arena_free(&a);
	s1ap_arena_free(&b);
	/* not UE-associated, no diagnostics */
	CU_ASSERT_FATAL(s1ap_build_error_indication(&pdu, &a, NULL,
						    S1AP_CAUSE_PROTOCOL_TRANSFER_SYNTAX_ERROR,
						    NULL, NULL) == 0);
	CU_ASSERT_PTR_NULL(s1ap_ie_find(&pdu, S1AP_IE_MME_UE_S1AP_ID));
	CU_ASSERT_PTR_NULL(s1ap_ie_find(&pdu, S1AP_IE_CRITICALITY_DIAGNOSTICS));
	s1ap_arena_free(&a);
	/* a key that is no cause value */
	CU_ASSERT(s1ap_build_error_indication(&pdu, &a, NULL, S1AP_PAGING_DRX_V32, NULL, NULL) ==
		  -1);
	s1ap_arena_free(&a);
	CU_ASSERT(s1ap_build_error_indication(&pdu, &a, NULL, S1AP_CAUSE_NAS, NULL, NULL) == -1);
	s1ap_arena_free(&a);
	CU_ASSERT(s1ap_build_reset(&pdu, &a, S1AP_KEY_NONE, NULL, 0) == -1);
	s1ap_arena_free(&a);
}

UNIT_SUITE(proto_keys, UNIT_TEST(test_nas_keys_rows), UNIT_TEST(test_nas_slots_decode),
	   UNIT_TEST(test_nas_slots_builder), UNIT_TEST(test_nas_cause_msg),
	   UNIT_TEST(test_s1ap_keys), UNIT_TEST(test_s1ap_key_lookups),
	   UNIT_TEST(test_s1ap_builders))
