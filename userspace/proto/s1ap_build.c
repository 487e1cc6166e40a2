// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP messages both an eNB and an MME send (agwd and enbsim build them
 * here): Error Indication (TS 36.413 8.7.2, 9.1.8.4), Reset (8.7.1, 9.1.8.1)
 * and Reset Acknowledge (9.1.8.2).  See s1ap_util.h.
 */
#include "proto/s1ap_types.h"
#include "proto/s1ap_util.h"

static int ue_ids(struct s1ap_pdu *pdu, const struct s1ap_ue_pair *ids)
{
	int fail = 0;

	if (ids && ids->has_mme)
		fail |= s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_MME_UE_S1AP_ID), ids->mme_id);
	if (ids && ids->has_enb)
		fail |= s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_ENB_UE_S1AP_ID), ids->enb_id);
	return fail;
}

int s1ap_build_error_indication(struct s1ap_pdu *pdu, struct s1ap_arena *a,
				const struct s1ap_ue_pair *ids, enum s1ap_key cause,
				const struct s1ap_pdu *trig, const struct s1ap_check_result *r)
{
	struct s1ap_val *cd;

	if (s1ap_pdu_init(pdu, a, S1AP_PROC_ERROR_INDICATION, S1AP_INITIATING) ||
	    ue_ids(pdu, ids) || s1ap_b_cause(a, s1ap_b_ie(pdu, S1AP_IE_CAUSE), cause))
		return -1;
	if (!trig || !r)
		return 0;
	cd = s1ap_ie_add(pdu, S1AP_IE_CRITICALITY_DIAGNOSTICS);
	return !cd || s1ap_crit_diag(a, trig, r, cd) ? -1 : 0;
}

/* One UE-associatedLogicalS1-ConnectionItem field of a list (91, 9.2.3.x) */
static int conn_item(struct s1ap_arena *a, struct s1ap_val *slot, unsigned int crit,
		     const struct s1ap_ue_pair *p)
{
	struct s1ap_val *o = s1ap_b_field(a, slot, S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_ITEM,
					  crit);
	int fail = !o;

	if (!fail && p->has_mme)
		fail |= s1ap_b_int(s1ap_b_mem(a, o, S1AP_UE_ASSOC_S1_CONN_ITEM_MME_UE_S1AP_ID),
				   p->mme_id);
	if (!fail && p->has_enb)
		fail |= s1ap_b_int(s1ap_b_mem(a, o, S1AP_UE_ASSOC_S1_CONN_ITEM_ENB_UE_S1AP_ID),
				   p->enb_id);
	return fail;
}

int s1ap_build_reset(struct s1ap_pdu *pdu, struct s1ap_arena *a, enum s1ap_key cause,
		     const struct s1ap_ue_pair *ues, unsigned int n)
{
	struct s1ap_val *t, *l;

	if (s1ap_pdu_init(pdu, a, S1AP_PROC_RESET, S1AP_INITIATING) ||
	    s1ap_b_cause(a, s1ap_b_ie(pdu, S1AP_IE_CAUSE), cause))
		return -1;
	t = s1ap_b_ie(pdu, S1AP_IE_RESET_TYPE);
	if (!n)
		return s1ap_b_enum(s1ap_b_alt(a, t, S1AP_RESET_TYPE_S1_INTERFACE),
				   S1AP_RESET_ALL_RESET_ALL);
	l = s1ap_b_items(a, s1ap_b_alt(a, t, S1AP_RESET_TYPE_PARTOFS1_INTERFACE), n);
	if (!l)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		if (conn_item(a, &l[i], S1AP_REJECT, &ues[i]))
			return -1;
	return 0;
}

int s1ap_reset_item(const struct s1ap_val *list, uint32_t i, struct s1ap_ue_pair *p)
{
	const struct s1ap_val *it;
	uint64_t u;

	*p = (struct s1ap_ue_pair){ 0 };
	if (!list || i >= list->n)
		return -1;
	it = s1ap_field_val(&list->v[i], NULL);
	if (!it || it->t != &s1ap_t_ue_assoc_s1_conn_item)
		return -1;
	if (!s1ap_mem_u(it, S1AP_UE_ASSOC_S1_CONN_ITEM_MME_UE_S1AP_ID, &u)) {
		p->has_mme = true;
		p->mme_id = (uint32_t)u;
	}
	if (!s1ap_mem_u(it, S1AP_UE_ASSOC_S1_CONN_ITEM_ENB_UE_S1AP_ID, &u)) {
		p->has_enb = true;
		p->enb_id = (uint32_t)u;
	}
	return 0;
}

const struct s1ap_val *s1ap_reset_partial(const struct s1ap_pdu *reset)
{
	return s1ap_alt_val(s1ap_ie_find(reset, S1AP_IE_RESET_TYPE),
			    S1AP_RESET_TYPE_PARTOFS1_INTERFACE);
}

int s1ap_build_reset_ack(struct s1ap_pdu *pdu, struct s1ap_arena *a,
			 const struct s1ap_val *partial)
{
	struct s1ap_val *out;

	if (s1ap_pdu_init(pdu, a, S1AP_PROC_RESET, S1AP_SUCCESSFUL))
		return -1;
	if (!partial || !partial->n)
		return 0;
	/* 8.7.1.2.1: the connections as the Reset listed them, in its order */
	out = s1ap_b_items(a, s1ap_b_ie(pdu, S1AP_IE_UE_ASSOCIATED_LOGICAL_S1_CONNECTION_LIST_RES_ACK),
			   partial->n);
	if (!out)
		return -1;
	for (uint32_t i = 0; i < partial->n; i++) {
		struct s1ap_ue_pair p;

		s1ap_reset_item(partial, i, &p);
		if (conn_item(a, &out[i], S1AP_IGNORE, &p))
			return -1;
	}
	return 0;
}
