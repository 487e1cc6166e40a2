// SPDX-License-Identifier: GPL-2.0
/*
 * ESM (TS 24.301 6.x): UE-requested PDN connectivity (6.5.1) and PDN
 * disconnect (6.5.2), network-initiated default and dedicated bearer
 * activation (6.4.1, 6.4.2) and bearer deactivation (6.4.4), with the
 * retransmission timers T3485 and T3495 (one ESM procedure per UE at a
 * time).  Bearer-level state lives in struct bearer (BR_ACT_PENDING,
 * BR_ACTIVE, BR_DEACT_PENDING).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/policy/policy.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"

#define MOD "esm"
#define T3485_S 8
#define T3495_S 8
#define MAX_RETX 4
#define ESM_CAUSE_SERVICE_NOT_SUPPORTED 32
#define ESM_CAUSE_INSUFFICIENT 26

static void on_esm_timer(struct ev_loop *loop, void *arg);

void esm_timers_init(struct ue *ue)
{
	ev_timer_init(&ue->t_esm, on_esm_timer, ue);
}

static void esm_done(struct ue *ue)
{
	ev_timer_stop(ue->d->loop, &ue->t_esm);
	free(ue->esm_retx);
	ue->esm_retx = NULL;
	ue->esm_retx_len = 0;
	ue->esm_tries = 0;
	ue->esm_type = 0;
	ue->esm_ebi = 0;
}

/* Keep the request for retransmission; wait for answer `type`. */
static int esm_pending(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len,
		       uint8_t ebi, uint8_t type, uint32_t timeout_s)
{
	esm_done(ue);
	ue->esm_retx = malloc(len);
	if (!ue->esm_retx)
		return -1;
	memcpy(ue->esm_retx, plain, len);
	ue->esm_retx_len = (uint16_t)len;
	ue->esm_ebi = ebi;
	ue->esm_type = type;
	ev_timer_start(d->loop, &ue->t_esm, (uint64_t)timeout_s * 1000);
	return 0;
}

static void send_status(struct agwd *d, struct ue *ue, uint8_t ebi, uint8_t pti, uint8_t cause)
{
	uint8_t b[8];
	int n = esm_b_simple(NAS_ESM_STATUS, ebi, pti, cause, b, sizeof(b));

	mme_count(d, "esm_status_tx");
	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
}

/* The pending procedure failed for good: undo the bearer locally. */
static void esm_give_up(struct agwd *d, struct ue *ue)
{
	uint8_t ebi = ue->esm_ebi, type = ue->esm_type;
	int pdn = sess_pdn_by_ebi(ue, ebi);

	esm_done(ue);
	if (type == NAS_ACT_DEFAULT_ACCEPT || type == NAS_DEACT_ACCEPT) {
		if (pdn >= 0)
			sess_pdn_delete(d, ue, (unsigned int)pdn);
		else
			sess_bearer_delete(d, ue, ebi);
	} else if (type == NAS_ACT_DEDICATED_ACCEPT) {
		sess_bearer_delete(d, ue, ebi);
	}
	if (d->state && ue_registered(ue))
		state_ue_save(d->state, ue);
}

static void on_esm_timer(struct ev_loop *loop, void *arg)
{
	struct ue *ue = arg;
	struct agwd *d = ue->d;

	if (!ue->esm_retx)
		return;
	if (++ue->esm_tries > MAX_RETX || !ue_connected(ue)) {
		log_info(MOD, "%s: EBI %u: no answer, procedure aborted", ue->imsi, ue->esm_ebi);
		mme_count(d, "esm_timeouts");
		esm_give_up(d, ue);
		return;
	}
	ev_timer_start(loop, &ue->t_esm, (uint64_t)(ue->esm_type == NAS_DEACT_ACCEPT ?
						    T3495_S : T3485_S) * 1000);
	emm_send_plain(d, ue, ue->esm_retx, ue->esm_retx_len);
}

/* Protected NAS for an E-RAB procedure (S1AP carries it). */
static int esm_wrap(struct ue *ue, const uint8_t *b, size_t n, uint8_t *out, size_t max)
{
	return emm_wrap(ue, b, n, NAS_SHT_INTEGRITY_CIPHERED, out, max);
}

static void pdn_connect(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *a = nas_ie_get(m, "Access point name");
	const struct nas_ie *p = nas_ie_get(m, "Protocol configuration options");
	static struct nas_pco pco;
	uint8_t b[UE_NAS_MAX / 2], out[UE_NAS_MAX / 2 + 16], cause = 0, tc = 0;
	struct nas_apn apn = { "" };
	int pdn, n, k;

	if (a && nas_apn_dec(&apn, a->val, a->len, NULL))
		apn.name[0] = 0;
	if (ue->esm_type) {
		cause = ESM_CAUSE_INSUFFICIENT;
		pdn = -1;
	} else {
		pdn = sess_pdn_create(d, ue, apn.name, (uint8_t)nas_ie_u8(m, "PDN type"), m->pti,
				      &cause, &tc);
	}
	if (pdn < 0) {
		n = esm_b_pdn_reject(m->pti, cause, b, sizeof(b));
		mme_count(d, "pdn_connect_reject");
		if (n > 0)
			emm_send_plain(d, ue, b, (size_t)n);
		return;
	}
	n = esm_b_act_default(d, ue, (unsigned int)pdn,
			      p && !nas_pco_dec(&pco, p->val, p->len, NULL) ? &pco : NULL, tc, b,
			      sizeof(b));
	k = n > 0 ? esm_wrap(ue, b, (size_t)n, out, sizeof(out)) : -1;
	if (k < 0 || esm_pending(d, ue, b, (size_t)n, ue->pdn[pdn].ebi, NAS_ACT_DEFAULT_ACCEPT,
				 T3485_S) ||
	    s1_send_erab_setup(d, ue, ue->pdn[pdn].ebi, out, (size_t)k)) {
		esm_done(ue);
		sess_pdn_delete(d, ue, (unsigned int)pdn);
	}
}

static void pdn_disconnect(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	int ebi = nas_ie_u8(m, "Linked EPS bearer identity");
	int pdn = ebi > 0 ? sess_pdn_by_ebi(ue, (unsigned int)ebi) : -1;
	uint8_t b[64], out[96];
	int n, k, cause = -1;

	if (pdn < 0)
		cause = ESM_CAUSE_INVALID_EBI;
	else if (sess_pdn_count(ue) == 1)
		cause = ESM_CAUSE_LAST_PDN;	/* 6.5.2.4 */
	else if (ue->esm_type)
		cause = ESM_CAUSE_INSUFFICIENT;
	if (cause >= 0) {
		n = esm_b_simple(NAS_PDN_DISC_REJECT, 0, m->pti, cause, b, sizeof(b));
		if (n > 0)
			emm_send_plain(d, ue, b, (size_t)n);
		return;
	}
	n = esm_b_simple(NAS_DEACT_REQUEST, (uint8_t)ebi, m->pti, ESM_CAUSE_REGULAR_DEACT, b,
			 sizeof(b));
	k = n > 0 ? esm_wrap(ue, b, (size_t)n, out, sizeof(out)) : -1;
	if (k < 0)
		return;
	ue->br[ebi - UE_EBI_MIN].state = BR_DEACT_PENDING;
	esm_pending(d, ue, b, (size_t)n, (uint8_t)ebi, NAS_DEACT_ACCEPT, T3495_S);
	if (s1_send_erab_release(d, ue, (unsigned int)ebi, out, (size_t)k))
		emm_send_plain(d, ue, b, (size_t)n);
}

static bool answers(const struct ue *ue, const struct nas_msg *m, uint8_t expected)
{
	return ue->esm_type == expected && ue->esm_ebi == m->ebi;
}

static void bearer_accepted(struct agwd *d, struct ue *ue, unsigned int ebi)
{
	struct bearer *b = ue_bearer(ue, ebi);

	if (!b)
		return;
	b->state = BR_ACTIVE;
	sess_dp_sync(d, ue, b);
	if (d->state && ue_registered(ue))
		state_ue_save(d->state, ue);
}

static void on_answer(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	bool accept = m->type == NAS_ACT_DEFAULT_ACCEPT || m->type == NAS_ACT_DEDICATED_ACCEPT;
	uint8_t expected = m->type == NAS_ACT_DEFAULT_REJECT ? NAS_ACT_DEFAULT_ACCEPT :
			   m->type == NAS_ACT_DEDICATED_REJECT ? NAS_ACT_DEDICATED_ACCEPT : m->type;

	if (!answers(ue, m, expected)) {
		send_status(d, ue, m->ebi, m->pti, ESM_CAUSE_NOT_COMPATIBLE);
		return;
	}
	if (m->type == NAS_DEACT_ACCEPT || !accept) {
		log_info(MOD, "%s: EBI %u %s", ue->imsi, m->ebi,
			 m->type == NAS_DEACT_ACCEPT ? "deactivated" : "activation rejected");
		esm_give_up(d, ue);
		return;
	}
	esm_done(ue);
	bearer_accepted(d, ue, m->ebi);
}

static void esm_status_rx(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	int cause = nas_ie_u8(m, "ESM cause");

	log_info(MOD, "%s: ESM status #%d for EBI %u", ue->imsi, cause, m->ebi);
	mme_count(d, "esm_status_rx");
	/* 6.7: #43 invalid EBI -> the bearer context is gone on the UE side */
	if (cause == ESM_CAUSE_INVALID_EBI && ue_bearer(ue, m->ebi) &&
	    sess_pdn_by_ebi(ue, m->ebi) < 0)
		sess_bearer_delete(d, ue, m->ebi);
}

void esm_rx(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len)
{
	struct nas_err err;
	struct nas_msg m;
	uint8_t b[8];
	int n;

	if (nas_decode(&m, plain, len, NAS_DIR_UL, &err)) {
		log_info(MOD, "%s: %s", ue->imsi, err.msg);
		mme_count(d, "nas_undecodable");
		send_status(d, ue, (uint8_t)(plain[0] >> 4), len > 1 ? plain[1] : 0,
			    err.cause ? err.cause : ESM_CAUSE_PROTOCOL);
		return;
	}
	switch (m.type) {
	case NAS_ESM_INFO_RESPONSE:
		emm_attach_esm_info(d, ue, &m);
		return;
	case NAS_PDN_CONN_REQUEST:
		if (ue->emm == EMM_REGISTERED)
			pdn_connect(d, ue, &m);
		else
			send_status(d, ue, 0, m.pti, ESM_CAUSE_NOT_COMPATIBLE);
		return;
	case NAS_PDN_DISC_REQUEST:
		pdn_disconnect(d, ue, &m);
		return;
	case NAS_ACT_DEFAULT_ACCEPT: case NAS_ACT_DEFAULT_REJECT:
	case NAS_ACT_DEDICATED_ACCEPT: case NAS_ACT_DEDICATED_REJECT:
	case NAS_DEACT_ACCEPT:
		on_answer(d, ue, &m);
		return;
	case NAS_ESM_STATUS:
		esm_status_rx(d, ue, &m);
		return;
	case NAS_BR_ALLOC_REQUEST:
	case NAS_BR_MODIFY_REQUEST:
		/* UE-requested bearer resources are not offered (6.5.3, 6.5.4) */
		n = esm_b_simple(m.type == NAS_BR_ALLOC_REQUEST ? NAS_BR_ALLOC_REJECT :
				 NAS_BR_MODIFY_REJECT, 0, m.pti, ESM_CAUSE_SERVICE_NOT_SUPPORTED,
				 b, sizeof(b));
		if (n > 0)
			emm_send_plain(d, ue, b, (size_t)n);
		return;
	default:
		send_status(d, ue, m.ebi, m.pti, ESM_CAUSE_NOT_COMPATIBLE);
	}
}

/* The default bearer accept inside Attach Complete (5.5.1.2.4). */
void esm_attach_complete(struct agwd *d, struct ue *ue, const uint8_t *esm, size_t len)
{
	struct nas_err err;
	struct nas_msg m;

	if (nas_decode(&m, esm, len, NAS_DIR_UL, &err) || m.type != NAS_ACT_DEFAULT_ACCEPT ||
	    sess_pdn_by_ebi(ue, m.ebi) < 0) {
		log_info(MOD, "%s: attach complete without a default bearer accept", ue->imsi);
		return;
	}
	bearer_accepted(d, ue, m.ebi);
}

int esm_dedicated_activate(struct agwd *d, struct ue *ue, unsigned int pdn, const char *rule,
			   uint8_t qci, uint8_t arp, uint64_t mbr_ul, uint64_t mbr_dl,
			   uint64_t gbr_ul, uint64_t gbr_dl, const struct nas_tft *tft)
{
	uint8_t b[UE_NAS_MAX / 2], out[UE_NAS_MAX / 2 + 16];
	struct nas_tft t = *tft;
	struct bearer *br;
	int n, k;

	if (ue->esm_type || !ue_connected(ue) || !ue->ctx_setup)
		return -EBUSY;
	br = sess_bearer_new(d, ue, pdn);
	if (!br)
		return -ENOSPC;
	snprintf(br->policy, sizeof(br->policy), "%s", rule);
	br->qci = qci;
	br->arp = arp;
	br->gbr = qci >= 1 && qci <= 4;
	br->mbr_ul = mbr_ul;
	br->mbr_dl = mbr_dl;
	br->gbr_ul = gbr_ul;
	br->gbr_dl = gbr_dl;
	for (unsigned int i = 0; i < t.n_filters; i++)
		t.f[i].precedence = tft_precedence(br->ebi, i);
	n = esm_b_act_dedicated(ue, br->ebi, &t, b, sizeof(b));
	k = n > 0 ? esm_wrap(ue, b, (size_t)n, out, sizeof(out)) : -1;
	if (k < 0 || esm_pending(d, ue, b, (size_t)n, br->ebi, NAS_ACT_DEDICATED_ACCEPT, T3485_S) ||
	    s1_send_erab_setup(d, ue, br->ebi, out, (size_t)k)) {
		esm_done(ue);
		sess_bearer_delete(d, ue, br->ebi);
		return -EIO;
	}
	return 0;
}

int esm_bearer_deactivate(struct agwd *d, struct ue *ue, unsigned int ebi)
{
	struct bearer *br = ue_bearer(ue, ebi);
	uint8_t b[64], out[96];
	int n, k;

	if (!br)
		return -ENOENT;
	if (ue->esm_type || !ue_connected(ue))
		return -EBUSY;
	n = esm_b_simple(NAS_DEACT_REQUEST, (uint8_t)ebi, 0, ESM_CAUSE_REGULAR_DEACT, b,
			 sizeof(b));
	k = n > 0 ? esm_wrap(ue, b, (size_t)n, out, sizeof(out)) : -1;
	if (k < 0 || esm_pending(d, ue, b, (size_t)n, (uint8_t)ebi, NAS_DEACT_ACCEPT, T3495_S))
		return -EIO;
	br->state = BR_DEACT_PENDING;
	if (s1_send_erab_release(d, ue, ebi, out, (size_t)k))
		emm_send_plain(d, ue, b, (size_t)n);
	return 0;
}
