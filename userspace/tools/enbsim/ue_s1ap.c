// SPDX-License-Identifier: GPL-2.0
/*
 * UE-associated S1AP on the eNB side (TS 36.413 8.2-8.6, 8.4.4): Initial UE
 * Message, uplink/downlink NAS transport, Initial Context Setup (with the
 * KeNB check of TS 33.401 A.3), UE Capability Info Indication, UE context
 * release (both ways), UE Context Modification, E-RAB Setup, Modify and
 * Release, and the X2 handover's Path Switch Request (NH/NCC check, 33.401
 * 7.2.8.4, A.4).
 */
#include <string.h>

#include "crypto/eps.h"
#include "enbsim.h"
#include "lib/log.h"
#include "proto/s1ap_util.h"

#define MOD "s1ue"

/* ---------------------------------------------------------- building --- */

static int put_ids(struct s1ap_pdu *pdu, const struct ue *ue)
{
	if (ue->has_mme_id && s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_MME_UE_S1AP_ID), ue->mme_ue_id))
		return -1;
	return s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_ENB_UE_S1AP_ID), ue->enb_ue_id);
}

static int put_tai(struct s1ap_arena *a, struct s1ap_val *v, const struct enb *e)
{
	uint8_t tac[2] = { e->cfg.tac[0] >> 8, (uint8_t)e->cfg.tac[0] };

	return s1ap_b_oct(a, s1ap_b_mem(a, v, S1AP_TAI_PLMNIDENTITY), e->plmn, 3) ||
	       s1ap_b_oct(a, s1ap_b_mem(a, v, S1AP_TAI_TAC), tac, 2);
}

static int put_cgi(struct s1ap_arena *a, struct s1ap_val *v, const struct enb *e)
{
	/* cell identity: eNB ID (20 bits) + cell 1 (8 bits), 28 bits */
	uint32_t ci = e->cfg.enb_id << 8 | 1;
	uint8_t b[4] = { ci >> 20, ci >> 12, ci >> 4, (ci & 15) << 4 };

	return s1ap_b_oct(a, s1ap_b_mem(a, v, S1AP_EUTRAN_CGI_PLMNIDENTITY), e->plmn, 3) ||
	       s1ap_b_bits(a, s1ap_b_mem(a, v, S1AP_EUTRAN_CGI_CELL_ID), b, 28);
}

/* eNB-UE-S1AP-ID (24 bits): the UE's index (ENBSIM_UE_ID_BITS) and a
 * generation counted per connection, so a stale message for an earlier
 * connection names no UE (ue_by_enb_id) */
static void new_enb_ue_id(struct ue *ue)
{
	ue->gen++;
	ue->enb_ue_id = (uint32_t)(ue->gen & ((1u << (24 - ENBSIM_UE_ID_BITS)) - 1))
			<< ENBSIM_UE_ID_BITS | ue->idx;
}

static int send_ue(struct ue *ue, struct s1ap_pdu *pdu)
{
	return enb_send(ue->enb, pdu, enb_ue_stream(ue->enb, ue->enb_ue_id));
}

void ue_s1_forget(struct ue *ue)
{
	ue->connected = 0;
	ue->has_mme_id = 0;
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		ue->br[i].s1u_up = 0;
}

int ue_s1_initial(struct ue *ue, const uint8_t *nas, size_t n, enum s1ap_key rrc_cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v;
	int rc = -1;

	/* a new RRC connection: a new eNB-UE-S1AP-ID */
	new_enb_ue_id(ue);
	ue->connected = 1;
	ue->has_mme_id = 0;
	if (s1ap_pdu_init(&pdu, &a, S1AP_PROC_INITIAL_UE_MESSAGE, S1AP_INITIATING) ||
	    s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), ue->enb_ue_id) ||
	    s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, n) ||
	    put_tai(&a, s1ap_b_ie(&pdu, S1AP_IE_TAI), ue->enb) ||
	    put_cgi(&a, s1ap_b_ie(&pdu, S1AP_IE_EUTRAN_CGI), ue->enb) ||
	    s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_RRC_ESTABLISHMENT_CAUSE), rrc_cause))
		goto out;
	/* 8.6.2.1: S-TMSI when the UE identified itself with it */
	if (ue->has_guti && ue->emm != EMM_REG_INIT) {
		uint8_t mt[4] = { ue->guti.tmsi >> 24, ue->guti.tmsi >> 16, ue->guti.tmsi >> 8,
				  (uint8_t)ue->guti.tmsi };

		v = s1ap_b_ie(&pdu, S1AP_IE_S_TMSI);
		if (s1ap_b_oct(&a, s1ap_b_mem(&a, v, S1AP_S_TMSI_MMEC), &ue->guti.mme_code, 1) ||
		    s1ap_b_oct(&a, s1ap_b_mem(&a, v, S1AP_S_TMSI_M_TMSI), mt, 4))
			goto out;
	}
	rc = send_ue(ue, &pdu);
out:
	s1ap_arena_free(&a);
	return rc;
}

int ue_s1_uplink_nas(struct ue *ue, const uint8_t *nas, size_t n)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int rc = -1;

	if (s1ap_pdu_init(&pdu, &a, S1AP_PROC_UPLINK_NAS_TRANSPORT, S1AP_INITIATING) ||
	    put_ids(&pdu, ue) || s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, n) ||
	    put_cgi(&a, s1ap_b_ie(&pdu, S1AP_IE_EUTRAN_CGI), ue->enb) ||
	    put_tai(&a, s1ap_b_ie(&pdu, S1AP_IE_TAI), ue->enb))
		goto out;
	rc = send_ue(ue, &pdu);
out:
	s1ap_arena_free(&a);
	return rc;
}

int ue_s1_release_request(struct ue *ue, enum s1ap_key cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int rc = -1;

	if (!s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CONTEXT_RELEASE_REQUEST, S1AP_INITIATING) &&
	    !put_ids(&pdu, ue) && !s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), cause))
		rc = send_ue(ue, &pdu);
	s1ap_arena_free(&a);
	return rc;
}

static int simple_response(struct ue *ue, unsigned int proc, unsigned int kind)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int rc = -1;

	if (!s1ap_pdu_init(&pdu, &a, proc, kind) && !put_ids(&pdu, ue))
		rc = send_ue(ue, &pdu);
	s1ap_arena_free(&a);
	return rc;
}

/* UE Capability Info Indication (8.4.4) with the UE's capability (ue_cap.c) */
static void ue_capability(struct ue *ue)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const uint8_t *cap;
	size_t n;

	if (ue_cap_get(ue, &cap, &n))
		return;
	if (!s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CAPABILITY_INFO_INDICATION, S1AP_INITIATING) &&
	    !put_ids(&pdu, ue) &&
	    !s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_RADIO_CAPABILITY), cap, n) &&
	    !send_ue(ue, &pdu)) {
		ue->ue_cap_sent = 1;
		ue->radio_cap = cap;
		ue->radio_cap_len = n;
	}
	s1ap_arena_free(&a);
}

/* 8.3.1.2: an ICS Request may carry the capability the MME keeps for the
 * UE; it must be the one the UE reported, octet for octet */
static void check_cap_back(struct ue *ue, const struct s1ap_val *cap)
{
	if (!cap || !ue->radio_cap)
		return;
	if (cap->n == ue->radio_cap_len && !memcmp(cap->p, ue->radio_cap, cap->n)) {
		ue->n_cap_back++;
		return;
	}
	ue->n_cap_bad++;
	log_warn(MOD, "ue %u: ICS Request carries a UE radio capability of %u octets, not the "
		 "%zu the UE reported", ue->idx, cap->n, ue->radio_cap_len);
}

/* --------------------------------------------------------------- E-RABs --- */

/* The members of the E-RAB item types the eNB takes or answers */
struct erab_keys {
	enum s1ap_key id, tla, teid, nas;
};

#define ERAB_KEYS(t, nas) { S1AP_##t##_E_RAB_ID, S1AP_##t##_TRANSPORTLAYERADDRESS, \
			    S1AP_##t##_GTP_TEID, nas }
static const struct erab_keys k_ctxt_req = ERAB_KEYS(E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ,
						     S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_NAS_PDU);
static const struct erab_keys k_bearer_req = ERAB_KEYS(E_RAB_TO_BE_SETUP_ITEM_BEARER_SU_REQ,
						       S1AP_E_RAB_TO_BE_SETUP_ITEM_BEARER_SU_REQ_NAS_PDU);
static const struct erab_keys k_switched_ul = ERAB_KEYS(E_RAB_TO_BE_SWITCHED_UL_ITEM,
							S1AP_KEY_NONE);
static const struct erab_keys k_ctxt_res = ERAB_KEYS(E_RAB_SETUP_ITEM_CTXT_SU_RES, S1AP_KEY_NONE);
static const struct erab_keys k_bearer_res = ERAB_KEYS(E_RAB_SETUP_ITEM_BEARER_SU_RES,
						       S1AP_KEY_NONE);
static const struct erab_keys k_switched_dl = ERAB_KEYS(E_RAB_TO_BE_SWITCHED_DL_ITEM,
							S1AP_KEY_NONE);

/* Take the gateway's end of one E-RAB; 0 or -1 (bad E-RAB). */
static int erab_take(struct ue *ue, const struct s1ap_val *it, const struct erab_keys *k,
		     uint8_t *ebi_out)
{
	uint64_t id;
	uint8_t ip6[16];
	int has4 = 0;
	struct ue_bearer *b;

	if (s1ap_mem_u(it, k->id, &id) || id < 5 || id > 15)
		return -1;
	b = &ue->br[id];
	if (s1ap_tla_get(s1ap_member(it, k->tla), b->sgw_ip, &has4, ip6, NULL) ||
	    !has4 || s1ap_teid_get(s1ap_member(it, k->teid), &b->ul_teid))
		return -1;
	b->ebi = (uint8_t)id;
	b->dl_teid = uplane_teid(ue, (uint8_t)id);
	b->s1u_up = 1;
	*ebi_out = (uint8_t)id;
	return 0;
}

/* Our end of an E-RAB: the item {e-RAB-ID, TLA, TEID} of field id, crit */
static int erab_answer(struct s1ap_arena *a, struct s1ap_val *item, unsigned int id,
		       unsigned int crit, const struct erab_keys *k, const struct ue *ue,
		       const struct enb *e, uint8_t ebi)
{
	struct s1ap_val *v = s1ap_b_field(a, item, id, crit);

	return s1ap_b_int(s1ap_b_mem(a, v, k->id), ebi) ||
	       s1ap_b_tla(a, s1ap_b_mem(a, v, k->tla), e->s1u_ip, NULL) ||
	       s1ap_b_teid(a, s1ap_b_mem(a, v, k->teid), ue->br[ebi].dl_teid);
}

static void nas_of_items(struct ue *ue, const struct s1ap_val *list, enum s1ap_key member)
{
	for (uint32_t i = 0; list && i < list->n; i++) {
		const struct s1ap_val *nas = s1ap_member(s1ap_field_val(&list->v[i], NULL), member);

		if (nas && nas->n)
			ue_nas_rx(ue, nas->p, nas->n);
	}
}

static void check_kenb(struct ue *ue, const struct s1ap_val *key)
{
	uint8_t want[32];

	if (!key || key->bits != 256)
		return;
	memcpy(ue->kenb, key->p, 32);
	ue->ncc = 0;
	/* 33.401 A.3: KeNB = KDF(KASME, uplink NAS COUNT) */
	if (!ue->has_sec || eps_kdf_kenb(ue->kasme, ue->kenb_count, want) ||
	    memcmp(want, key->p, 32)) {
		ue->n_kenb_mismatch++;
		log_warn(MOD, "ue %u: KeNB does not match KDF(KASME, UL NAS COUNT %u)", ue->idx,
			 ue->kenb_count);
	}
}

static void on_ics(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu rsp;
	struct s1ap_val *out;
	uint8_t ebis[16];
	unsigned int n = 0;

	check_kenb(ue, s1ap_ie_find(pdu, S1AP_IE_SECURITY_KEY));
	check_cap_back(ue, s1ap_ie_find(pdu, S1AP_IE_UE_RADIO_CAPABILITY));
	for (uint32_t i = 0; l && i < l->n && n < 16; i++)
		if (!erab_take(ue, s1ap_field_val(&l->v[i], NULL), &k_ctxt_req, &ebis[n]))
			n++;
	if (!n) {
		/* 8.3.1.3: no E-RAB could be set up */
		if (!s1ap_pdu_init(&rsp, &a, S1AP_PROC_INITIAL_CONTEXT_SETUP, S1AP_UNSUCCESSFUL) &&
		    !put_ids(&rsp, ue) &&
		    !s1ap_b_cause(&a, s1ap_b_ie(&rsp, S1AP_IE_CAUSE),
				  S1AP_CAUSE_RADIO_NETWORK_UNKNOWN_E_RAB_ID))
			send_ue(ue, &rsp);
		goto out;
	}
	if (s1ap_pdu_init(&rsp, &a, S1AP_PROC_INITIAL_CONTEXT_SETUP, S1AP_SUCCESSFUL) ||
	    put_ids(&rsp, ue))
		goto out;
	out = s1ap_b_items(&a, s1ap_b_ie(&rsp, S1AP_IE_E_RAB_SETUP_LIST_CTXT_SU_RES), n);
	for (unsigned int i = 0; out && i < n; i++)
		if (erab_answer(&a, &out[i], S1AP_IE_E_RAB_SETUP_ITEM_CTXT_SU_RES, S1AP_IGNORE,
				&k_ctxt_res, ue, ue->enb, ebis[i]))
			goto out;
	if (send_ue(ue, &rsp))
		goto out;
	if (!ue->ue_cap_sent && !s1ap_ie_find(pdu, S1AP_IE_UE_RADIO_CAPABILITY))
		ue_capability(ue);
	if (ue->emm == EMM_SR_INIT) {
		ue_change_state(ue, EMM_REGISTERED, "initial context setup");
		ue_proc_done(ue, PROC_SR, 1, "bearers up: %u, kenb %s", n,
			     ue->n_kenb_mismatch ? "MISMATCH" : "ok");
	}
	nas_of_items(ue, l, k_ctxt_req.nas);
out:
	s1ap_arena_free(&a);
}

static void on_erab_setup(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_BEARER_SU_REQ);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu rsp;
	struct s1ap_val *out;
	uint8_t ebis[16];
	unsigned int n = 0;

	for (uint32_t i = 0; l && i < l->n && n < 16; i++)
		if (!erab_take(ue, s1ap_field_val(&l->v[i], NULL), &k_bearer_req, &ebis[n]))
			n++;
	if (s1ap_pdu_init(&rsp, &a, S1AP_PROC_E_RAB_SETUP, S1AP_SUCCESSFUL) || put_ids(&rsp, ue))
		goto out;
	if (n) {
		out = s1ap_b_items(&a, s1ap_b_ie(&rsp, S1AP_IE_E_RAB_SETUP_LIST_BEARER_SU_RES), n);
		for (unsigned int i = 0; out && i < n; i++)
			if (erab_answer(&a, &out[i], S1AP_IE_E_RAB_SETUP_ITEM_BEARER_SU_RES,
					S1AP_IGNORE, &k_bearer_res, ue, ue->enb, ebis[i]))
				goto out;
	}
	if (!send_ue(ue, &rsp))
		nas_of_items(ue, l, k_bearer_req.nas);
out:
	s1ap_arena_free(&a);
}

static void on_erab_modify(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_MODIFIED_LIST_BEARER_MOD_REQ);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu rsp;
	struct s1ap_val *out = NULL;
	uint32_t n = l ? l->n : 0;

	if (s1ap_pdu_init(&rsp, &a, S1AP_PROC_E_RAB_MODIFY, S1AP_SUCCESSFUL) || put_ids(&rsp, ue))
		goto out;
	if (n)
		out = s1ap_b_items(&a, s1ap_b_ie(&rsp, S1AP_IE_E_RAB_MODIFY_LIST_BEARER_MOD_RES), n);
	for (uint32_t i = 0; out && i < n; i++) {
		struct s1ap_val *o = s1ap_b_field(&a, &out[i], S1AP_IE_E_RAB_MODIFY_ITEM_BEARER_MOD_RES,
						  S1AP_IGNORE);
		uint64_t id = 0;

		s1ap_mem_u(s1ap_field_val(&l->v[i], NULL),
			   S1AP_E_RAB_TO_BE_MODIFIED_ITEM_BEARER_MOD_REQ_E_RAB_ID, &id);
		s1ap_b_int(s1ap_b_mem(&a, o, S1AP_E_RAB_MODIFY_ITEM_BEARER_MOD_RES_E_RAB_ID), id);
	}
	if (!send_ue(ue, &rsp))
		nas_of_items(ue, l, S1AP_E_RAB_TO_BE_MODIFIED_ITEM_BEARER_MOD_REQ_NAS_PDU);
out:
	s1ap_arena_free(&a);
}

static void on_erab_release(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_RELEASED_LIST);
	const struct s1ap_val *nas = s1ap_ie_find(pdu, S1AP_IE_NAS_PDU);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu rsp;
	struct s1ap_val *out = NULL;
	uint32_t n = l ? l->n : 0;

	if (s1ap_pdu_init(&rsp, &a, S1AP_PROC_E_RAB_RELEASE, S1AP_SUCCESSFUL) || put_ids(&rsp, ue))
		goto out;
	if (n)
		out = s1ap_b_items(&a, s1ap_b_ie(&rsp, S1AP_IE_E_RAB_RELEASE_LIST_BEARER_REL_COMP), n);
	for (uint32_t i = 0; out && i < n; i++) {
		struct s1ap_val *o = s1ap_b_field(&a, &out[i],
						  S1AP_IE_E_RAB_RELEASE_ITEM_BEARER_REL_COMP,
						  S1AP_IGNORE);
		uint64_t id = 0;

		s1ap_mem_u(s1ap_field_val(&l->v[i], NULL), S1AP_E_RAB_ITEM_E_RAB_ID, &id);
		if (id < UE_MAX_BEARERS)
			ue->br[id].s1u_up = 0;
		s1ap_b_int(s1ap_b_mem(&a, o, S1AP_E_RAB_RELEASE_ITEM_BEARER_REL_COMP_E_RAB_ID), id);
	}
	if (!send_ue(ue, &rsp) && nas && nas->n)
		ue_nas_rx(ue, nas->p, nas->n);
out:
	s1ap_arena_free(&a);
}

/* ----------------------------------------------------------- handover --- */

int ue_s1_path_switch(struct ue *ue, struct enb *target)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *l, *v;
	uint32_t src_mme = ue->mme_ue_id;
	unsigned int n = 0, k = 0;
	int rc = -1;

	ue_proc_start(ue, PROC_HO);
	if (!ue->connected || !ue->has_mme_id || target->state != S1_UP || target == ue->enb) {
		ue_proc_done(ue, PROC_HO, 0, "needs ECM-CONNECTED and another eNB with S1 up");
		return -1;
	}
	for (unsigned int i = 5; i < UE_MAX_BEARERS; i++)
		n += ue->br[i].s1u_up;
	if (!n) {
		ue_proc_done(ue, PROC_HO, 0, "no E-RAB to switch");
		return -1;
	}
	/*
	 * The target's S1-U end must listen before the MME learns it: its
	 * GTP-U socket is otherwise only opened by an Initial Context Setup.
	 */
	if (ue->sim->uplane && uplane_enb_open(target)) {
		ue_proc_done(ue, PROC_HO, 0, "no GTP-U socket on the target eNB");
		return -1;
	}
	/* the source forgets the UE (X2 UE Context Release); the target takes it */
	ue->enb = target;
	new_enb_ue_id(ue);
	ue->has_mme_id = 0;
	if (s1ap_pdu_init(&pdu, &a, S1AP_PROC_PATH_SWITCH_REQUEST, S1AP_INITIATING) ||
	    s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), ue->enb_ue_id))
		goto out;
	l = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_E_RAB_TO_BE_SWITCHED_DL_LIST), n);
	for (unsigned int i = 5; l && i < UE_MAX_BEARERS; i++) {
		if (!ue->br[i].s1u_up)
			continue;
		ue->br[i].dl_teid = uplane_teid(ue, (uint8_t)i);
		if (erab_answer(&a, &l[k++], S1AP_IE_E_RAB_TO_BE_SWITCHED_DL_ITEM, S1AP_REJECT,
				&k_switched_dl, ue, target, (uint8_t)i))
			goto out;
	}
	v = s1ap_b_ie(&pdu, S1AP_IE_UE_SECURITY_CAPABILITIES);
	if (s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_SOURCE_MME_UE_S1AP_ID), src_mme) ||
	    put_cgi(&a, s1ap_b_ie(&pdu, S1AP_IE_EUTRAN_CGI), target) ||
	    put_tai(&a, s1ap_b_ie(&pdu, S1AP_IE_TAI), target) ||
	    /* 9.2.1.40: 128-EEA1..3 and 128-EIA1..3 */
	    s1ap_b_bits(&a, s1ap_b_mem(&a, v, S1AP_UE_SECURITY_CAPABILITIES_ENCRYPTIONALGORITHMS),
			"\xe0\x00", 16) ||
	    s1ap_b_bits(&a, s1ap_b_mem(&a, v,
				       S1AP_UE_SECURITY_CAPABILITIES_INTEGRITYPROTECTIONALGORITHMS),
			"\xe0\x00", 16))
		goto out;
	rc = enb_send(target, &pdu, enb_ue_stream(target, ue->enb_ue_id));
out:
	if (rc)
		ue_proc_done(ue, PROC_HO, 0, "cannot send Path Switch Request");
	s1ap_arena_free(&a);
	return rc;
}

static void on_path_switch_ack(struct ue *ue, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *sc = s1ap_ie_find(pdu, S1AP_IE_SECURITY_CONTEXT), *nh;
	const struct s1ap_val *ul = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SWITCHED_UL_LIST);
	uint64_t ncc = 0;
	uint8_t want[32];
	int ok = 0;

	for (uint32_t i = 0; ul && i < ul->n; i++) {
		uint8_t ebi;

		erab_take(ue, s1ap_field_val(&ul->v[i], NULL), &k_switched_ul, &ebi);
	}
	nh = s1ap_member(sc, S1AP_SECURITY_CONTEXT_NEXTHOPPARAMETER);
	if (!s1ap_mem_u(sc, S1AP_SECURITY_CONTEXT_NEXTHOPCHAININGCOUNT, &ncc) && nh &&
	    nh->bits == 256) {
		/* 33.401 7.2.8.4, A.4: NH(NCC+1) = KDF(KASME, KeNB initial or NH(NCC)) */
		unsigned int steps = (unsigned int)((ncc - ue->ncc) & 7);
		uint8_t cur[32];

		memcpy(cur, ue->ncc ? ue->nh : ue->kenb, 32);
		for (unsigned int s = 0; s < steps; s++) {
			eps_kdf_nh(ue->kasme, cur, want);
			memcpy(cur, want, 32);
		}
		ok = steps && !memcmp(cur, nh->p, 32);
		memcpy(ue->nh, nh->p, 32);
		ue->ncc = (uint8_t)ncc;
	}
	ue_proc_done(ue, PROC_HO, 1, "path switch acknowledged: NCC %llu, NH %s",
		     (unsigned long long)ncc, ok ? "ok" : "MISMATCH");
	if (!ok)
		ue->n_kenb_mismatch++;
}

/* ------------------------------------------------------------ dispatch --- */

static struct ue *find_ue(struct enb *e, const struct s1ap_pdu *pdu, uint32_t *mme_id)
{
	const struct s1ap_val *m = s1ap_ie_find(pdu, S1AP_IE_MME_UE_S1AP_ID);
	const struct s1ap_val *id = s1ap_ie_find(pdu, S1AP_IE_ENB_UE_S1AP_ID);
	const struct s1ap_val *ids = s1ap_ie_find(pdu, S1AP_IE_UE_S1AP_IDS), *v;
	uint64_t u;

	*mme_id = m ? (uint32_t)m->u : 0;
	v = s1ap_alt_val(ids, S1AP_UE_S1AP_IDS_UE_S1AP_ID_PAIR);
	if (v) {
		if (!s1ap_mem_u(v, S1AP_UE_S1AP_ID_PAIR_MME_UE_S1AP_ID, &u))
			*mme_id = (uint32_t)u;
		if (!s1ap_mem_u(v, S1AP_UE_S1AP_ID_PAIR_ENB_UE_S1AP_ID, &u))
			return ue_by_enb_id(e->sim, e, (uint32_t)u);
		return NULL;
	}
	v = s1ap_alt_val(ids, S1AP_UE_S1AP_IDS_MME_UE_S1AP_ID);
	if (v) {
		*mme_id = (uint32_t)v->u;
		return ue_by_mme_id(e->sim, e, (uint32_t)v->u);
	}
	return id ? ue_by_enb_id(e->sim, e, (uint32_t)id->u) : NULL;
}

static void on_release_command(struct ue *ue, const struct s1ap_pdu *pdu)
{
	char cause[64];

	s1ap_cause_str(s1ap_ie_find(pdu, S1AP_IE_CAUSE), cause, sizeof(cause));
	simple_response(ue, S1AP_PROC_UE_CONTEXT_RELEASE, S1AP_SUCCESSFUL);
	ue_s1_released(ue, cause);
}

void ue_s1ap_rx(struct enb *e, const struct s1ap_pdu *pdu)
{
	uint32_t mme_id = 0;
	const struct s1ap_val *nas, *id = s1ap_ie_find(pdu, S1AP_IE_ENB_UE_S1AP_ID);
	struct ue *ue = find_ue(e, pdu, &mme_id);
	struct s1ap_ue_pair ids;

	if (!ue) {
		/* 8.7.2: unknown or inconsistent UE S1AP IDs */
		log_warn(MOD, "enb %u: %s for an unknown UE", e->idx, pdu->msg->name);
		ids = (struct s1ap_ue_pair){ .mme_id = mme_id, .has_mme = mme_id != 0,
					     .enb_id = id ? (uint32_t)id->u : 0, .has_enb = id };
		enb_error_indication(e, &ids, S1AP_CAUSE_RADIO_NETWORK_UNKNOWN_PAIR_UE_S1AP_ID,
				     NULL, NULL);
		return;
	}
	if (pdu->kind == S1AP_INITIATING && mme_id && !ue->has_mme_id) {
		ue->mme_ue_id = mme_id;
		ue->has_mme_id = 1;
	}
	switch (pdu->proc << 2 | pdu->kind) {
	case S1AP_PROC_DOWNLINK_NAS_TRANSPORT << 2 | S1AP_INITIATING:
		nas = s1ap_ie_find(pdu, S1AP_IE_NAS_PDU);
		if (nas)
			ue_nas_rx(ue, nas->p, nas->n);
		return;
	case S1AP_PROC_INITIAL_CONTEXT_SETUP << 2 | S1AP_INITIATING:
		on_ics(ue, pdu);
		return;
	case S1AP_PROC_UE_CONTEXT_RELEASE << 2 | S1AP_INITIATING:
		on_release_command(ue, pdu);
		return;
	case S1AP_PROC_E_RAB_SETUP << 2 | S1AP_INITIATING:
		on_erab_setup(ue, pdu);
		return;
	case S1AP_PROC_E_RAB_MODIFY << 2 | S1AP_INITIATING:
		on_erab_modify(ue, pdu);
		return;
	case S1AP_PROC_E_RAB_RELEASE << 2 | S1AP_INITIATING:
		on_erab_release(ue, pdu);
		return;
	case S1AP_PROC_UE_CONTEXT_MODIFICATION << 2 | S1AP_INITIATING:
		if (s1ap_ie_find(pdu, S1AP_IE_SECURITY_KEY))
			memcpy(ue->kenb, s1ap_ie_find(pdu, S1AP_IE_SECURITY_KEY)->p, 32);
		simple_response(ue, S1AP_PROC_UE_CONTEXT_MODIFICATION, S1AP_SUCCESSFUL);
		return;
	case S1AP_PROC_PATH_SWITCH_REQUEST << 2 | S1AP_SUCCESSFUL:
		if (mme_id) {
			ue->mme_ue_id = mme_id;
			ue->has_mme_id = 1;
		}
		on_path_switch_ack(ue, pdu);
		return;
	case S1AP_PROC_PATH_SWITCH_REQUEST << 2 | S1AP_UNSUCCESSFUL: {
		char cause[64];

		ue_proc_done(ue, PROC_HO, 0, "Path Switch Request Failure: %s",
			     s1ap_cause_str(s1ap_ie_find(pdu, S1AP_IE_CAUSE), cause,
					    sizeof(cause)));
		return;
	}
	}
	log_warn(MOD, "ue %u: unexpected %s", ue->idx, pdu->msg->name);
	ids = (struct s1ap_ue_pair){ .mme_id = mme_id, .has_mme = mme_id != 0,
				     .enb_id = ue->enb_ue_id, .has_enb = true };
	enb_error_indication(e, &ids,
			     S1AP_CAUSE_PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE, NULL,
			     NULL);
}
