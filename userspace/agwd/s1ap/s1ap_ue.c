// SPDX-License-Identifier: GPL-2.0
/*
 * UE-associated S1AP procedures (TS 36.413 8.2-8.6): Initial UE Message,
 * Uplink NAS Transport, NAS Non Delivery Indication, Initial Context Setup
 * Response/Failure, UE Context Release Request/Complete, UE Capability Info
 * Indication, E-RAB Setup/Release Response, E-RAB Release Indication and
 * the X2 handover's Path Switch Request (8.4.4, keys per TS 33.401 7.2.8.4).
 * A message naming a UE we do not know gets an Error Indication with the
 * radioNetwork cause for the unknown identifier.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "lib/log.h"
#include "proto/s1ap_util.h"

#define MOD "s1ap"

void s1_ue_released(struct agwd *d, struct ue *ue)
{
	emm_s1_released(d, ue);
}

static void read_location(const struct s1ap_pdu *pdu, uint8_t plmn[3], uint16_t *tac,
			  uint8_t ecgi[7])
{
	const struct s1ap_val *tai = s1ap_ie_find(pdu, S1AP_IE_TAI);
	const struct s1ap_val *cgi = s1ap_ie_find(pdu, S1AP_IE_EUTRAN_CGI);
	const struct s1ap_val *cell = cgi ? s1ap_member(cgi, "cell-ID") : NULL;
	uint8_t t[2];

	if (tai && !s1ap_mem_oct(tai, "pLMNidentity", plmn, 3) && !s1ap_mem_oct(tai, "tAC", t, 2))
		*tac = (uint16_t)(t[0] << 8 | t[1]);
	if (cgi && cell && cell->n == 4 && !s1ap_mem_oct(cgi, "pLMNidentity", ecgi, 3))
		memcpy(ecgi + 3, cell->p, 4);
}

static void initial_ue(struct agwd *d, struct enb *e, uint16_t stream,
		       const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *nas = s1ap_ie_find(pdu, S1AP_IE_NAS_PDU);
	const struct s1ap_val *st = s1ap_ie_find(pdu, S1AP_IE_S_TMSI);
	struct emm_initial in = { .enb = e, .stream = stream };
	struct ue *old;
	uint8_t t[4];

	if (s1_ie_u32(pdu, S1AP_IE_ENB_UE_S1AP_ID, &in.enb_ue_id) || !nas)
		return;
	old = ue_by_enb_id(d->ues, e, in.enb_ue_id);
	if (old)		/* 8.6.2.1: the eNB reused the id, the old one is gone */
		s1_ue_released(d, old);
	read_location(pdu, in.tai_plmn, &in.tac, in.ecgi);
	if (st && !s1ap_mem_oct(st, "mMEC", &in.mmec, 1) && !s1ap_mem_oct(st, "m-TMSI", t, 4)) {
		in.has_stmsi = true;
		in.m_tmsi = (uint32_t)t[0] << 24 | (uint32_t)t[1] << 16 | t[2] << 8 | t[3];
	}
	in.stream = s1_ue_stream(e);
	emm_initial_ue(d, &in, nas->p, nas->n);
}

/* The UE a UE-associated message names, or an Error Indication. */
static struct ue *find_ue(struct agwd *d, struct enb *e, uint16_t stream,
			  const struct s1ap_pdu *pdu)
{
	uint32_t mme, enb;
	bool has_mme = !s1_ie_u32(pdu, S1AP_IE_MME_UE_S1AP_ID, &mme);
	bool has_enb = !s1_ie_u32(pdu, S1AP_IE_ENB_UE_S1AP_ID, &enb);
	const struct s1ap_val *ids = s1ap_ie_find(pdu, S1AP_IE_UE_S1AP_IDS);
	struct ue *ue;

	if (ids) {		/* UE Context Release Complete carries the pair */
		const struct s1ap_val *pair = s1ap_alt(ids, NULL);
		uint64_t m = 0, x = 0;

		has_mme = pair && !s1ap_mem_u(pair, "mME-UE-S1AP-ID", &m);
		has_enb = pair && !s1ap_mem_u(pair, "eNB-UE-S1AP-ID", &x);
		mme = (uint32_t)m;
		enb = (uint32_t)x;
	}
	ue = has_mme ? ue_by_mme_id(d->ues, mme) : NULL;
	if (ue && ue->enb == e && (!has_enb || ue->enb_ue_id == enb))
		return ue;
	d->s1->c.rx_unknown_ue++;
	s1_send_error_ind(d->s1, e, stream, has_mme ? &mme : NULL, has_enb ? &enb : NULL,
			  "radioNetwork", ue ? "unknown-pair-ue-s1ap-id" :
			  "unknown-mme-ue-s1ap-id", NULL, NULL);
	return NULL;
}

/* E-RAB lists of ICS / E-RAB Setup responses: the eNB's S1-U end. */
static void erab_setup_list(struct agwd *d, struct ue *ue, const struct s1ap_val *list)
{
	for (uint32_t i = 0; list && i < list->n; i++) {
		const struct s1ap_val *it = s1ap_field_val(&list->v[i], NULL);
		struct bearer *b;
		uint8_t ip4[4], ip6[16];
		int h4 = 0, h6 = 0;
		uint64_t ebi;
		uint32_t teid;

		if (!it || s1ap_mem_u(it, "e-RAB-ID", &ebi) || !(b = ue_bearer(ue, (unsigned int)ebi)) ||
		    s1ap_teid_get(s1ap_member(it, "gTP-TEID"), &teid) ||
		    s1ap_tla_get(s1ap_member(it, "transportLayerAddress"), ip4, &h4, ip6, &h6))
			continue;
		b->enb_teid = teid;
		b->enb_family = h4 ? AF_INET : AF_INET6;
		memcpy(&b->enb4, ip4, 4);
		if (h6)
			memcpy(&b->enb6, ip6, 16);
		b->has_enb = true;
		b->erab = true;
		if (b->dp)
			sess_dp_modify(d, ue, b);
		else
			sess_dp_sync(d, ue, b);
	}
}

static void ics_response(struct agwd *d, struct ue *ue, const struct s1ap_pdu *pdu)
{
	ue->ctx_setup = true;
	erab_setup_list(d, ue, s1ap_ie_find(pdu, S1AP_IE_E_RAB_SETUP_LIST_CTXT_SU_RES));
	emm_ics_result(d, ue, true);
}

static void release_request(struct agwd *d, struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *c = s1ap_ie_find(pdu, S1AP_IE_CAUSE);
	const char *grp = "radioNetwork", *val = "user-inactivity";
	const struct s1ap_val *v = s1ap_alt(c, &grp);

	if (v && v->t->kind == S1AP_K_ENUM && v->u < v->t->n_root)
		val = s1ap_enum_name(v);
	else
		grp = "radioNetwork";
	if (s1_send_ue_release(d, ue, grp, val))
		s1_ue_released(d, ue);
}

static void capability_info(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *rc = s1ap_ie_find(pdu, S1AP_IE_UE_RADIO_CAPABILITY);
	uint8_t *p;

	if (!rc || !rc->n || rc->n > 65536)
		return;
	p = malloc(rc->n);
	if (!p)
		return;
	memcpy(p, rc->p, rc->n);
	free(ue->radio_cap);
	ue->radio_cap = p;
	ue->radio_cap_len = rc->n;
}

static void erab_release_indication(struct agwd *d, struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *list = s1ap_ie_find(pdu, 110);

	for (uint32_t i = 0; list && i < list->n; i++) {
		const struct s1ap_val *it = s1ap_field_val(&list->v[i], NULL);
		uint64_t ebi;

		/* a default bearer is not released by the eNB alone; dedicated ones are */
		if (it && !s1ap_mem_u(it, "e-RAB-ID", &ebi) &&
		    sess_pdn_by_ebi(ue, (unsigned int)ebi) < 0)
			sess_bearer_delete(d, ue, (unsigned int)ebi);
	}
}

static void path_switch_failure(struct agwd *d, struct enb *e, uint16_t stream, uint32_t mme,
				uint32_t enb, const char *cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_PATH_SWITCH_REQUEST, S1AP_UNSUCCESSFUL) |
		   s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), mme) |
		   s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), enb) |
		   s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), "radioNetwork", cause);

	if (!fail)
		s1_send_pdu(d->s1, e, stream, &pdu);
	s1ap_arena_free(&a);
}

static int path_switch_ack(struct agwd *d, struct ue *ue)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *sc;
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_PATH_SWITCH_REQUEST, S1AP_SUCCESSFUL) |
		   s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), ue->mme_ue_id) |
		   s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), ue->enb_ue_id);

	sc = s1ap_b_ie(&pdu, 40);
	fail |= s1ap_b_int(s1ap_b_mem(&a, sc, "nextHopChainingCount"), ue->ncc) |
		s1ap_b_bits(&a, s1ap_b_mem(&a, sc, "nextHopParameter"), ue->nh, 256);
	fail = fail ? -1 : s1_send_pdu(d->s1, ue->enb, ue->stream, &pdu);
	s1ap_arena_free(&a);
	return fail;
}

static void path_switch(struct agwd *d, struct enb *e, uint16_t stream,
			const struct s1ap_pdu *pdu)
{
	uint32_t src, enb_id;
	struct ue *ue;

	if (s1_ie_u32(pdu, 88, &src) || s1_ie_u32(pdu, S1AP_IE_ENB_UE_S1AP_ID, &enb_id))
		return;
	ue = ue_by_mme_id(d->ues, src);
	if (!ue || !ue->enb || !ue->has_sec || !ue_registered(ue)) {
		path_switch_failure(d, e, stream, src, enb_id, "unknown-mme-ue-s1ap-id");
		return;
	}
	ue_rebind(d->ues, ue, e, enb_id, s1_ue_stream(e));
	read_location(pdu, ue->tai_plmn, &ue->tac, ue->ecgi);
	/* TS 33.401 7.2.8.4.3: a fresh {NH, NCC} pair from the chain */
	eps_kdf_nh(ue->kasme, ue->nh, ue->nh);
	ue->ncc = (uint8_t)((ue->ncc + 1) & 7);
	erab_setup_list(d, ue, s1ap_ie_find(pdu, 22));
	ue->ctx_setup = true;
	path_switch_ack(d, ue);
	log_info(MOD, "%s: path switch to eNB %u, NCC %u", ue->imsi, e->id, ue->ncc);
	if (d->state)
		state_ue_save(d->state, ue);
}

static void initiating(struct agwd *d, struct enb *e, uint16_t stream, struct ue *ue,
		       const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *nas = s1ap_ie_find(pdu, S1AP_IE_NAS_PDU);

	switch (pdu->proc) {
	case S1AP_PROC_UPLINK_NAS_TRANSPORT:
		read_location(pdu, ue->tai_plmn, &ue->tac, ue->ecgi);
		if (nas)
			emm_uplink(d, ue, nas->p, nas->n);
		return;
	case S1AP_PROC_NAS_NON_DELIVERY_INDICATION:
		mme_count(d, "nas_non_delivery");
		log_info(MOD, "%s: NAS PDU not delivered by eNB %u", ue->imsi, e->id);
		return;
	case S1AP_PROC_UE_CONTEXT_RELEASE_REQUEST:
		release_request(d, ue, pdu);
		return;
	case S1AP_PROC_UE_CAPABILITY_INFO_INDICATION:
		capability_info(ue, pdu);
		return;
	case S1AP_PROC_E_RAB_RELEASE_INDICATION:
		erab_release_indication(d, ue, pdu);
		return;
	default:
		d->s1->c.rx_unexpected++;
		s1_send_error_ind(d->s1, e, stream, &ue->mme_ue_id, &ue->enb_ue_id, "protocol",
				  "message-not-compatible-with-receiver-state", NULL, NULL);
	}
}

static void outcome(struct agwd *d, struct enb *e, struct ue *ue, const struct s1ap_pdu *pdu)
{
	bool ok = pdu->kind == S1AP_SUCCESSFUL;

	switch (pdu->proc) {
	case S1AP_PROC_INITIAL_CONTEXT_SETUP:
		if (ok)
			ics_response(d, ue, pdu);
		else
			emm_ics_result(d, ue, false);
		return;
	case S1AP_PROC_UE_CONTEXT_RELEASE:
		s1_ue_released(d, ue);
		return;
	case S1AP_PROC_E_RAB_SETUP:
		erab_setup_list(d, ue, s1ap_ie_find(pdu, S1AP_IE_E_RAB_SETUP_LIST_BEARER_SU_RES));
		return;
	case S1AP_PROC_E_RAB_RELEASE:
		return;
	default:
		d->s1->c.rx_unexpected++;
	}
}

void s1_ue_rx(struct agwd *d, struct enb *e, uint16_t stream, const struct s1ap_pdu *pdu)
{
	struct ue *ue;

	if (pdu->kind == S1AP_INITIATING && pdu->proc == S1AP_PROC_INITIAL_UE_MESSAGE) {
		initial_ue(d, e, stream, pdu);
		return;
	}
	if (pdu->kind == S1AP_INITIATING && pdu->proc == S1AP_PROC_PATH_SWITCH_REQUEST) {
		path_switch(d, e, stream, pdu);
		return;
	}
	ue = find_ue(d, e, stream, pdu);
	if (!ue)
		return;
	if (pdu->kind == S1AP_INITIATING)
		initiating(d, e, stream, ue, pdu);
	else
		outcome(d, e, ue, pdu);
}
