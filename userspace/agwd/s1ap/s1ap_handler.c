// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP received: decoding (a transfer syntax error gets an Error
 * Indication, TS 36.413 10.2), the 10.3 abstract syntax checks with
 * CriticalityDiagnostics, dispatch by procedure, and the non-UE-associated
 * procedures: S1 Setup (8.7.3), Reset (8.7.1), Error Indication (8.7.2),
 * eNB Configuration Update (8.7.4).  The eNB table lives here too.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"
#include "proto/s1ap_util.h"

#define MOD "s1ap"

int s1mme_new(struct agwd *d, struct s1mme **out)
{
	struct s1mme *s1 = calloc(1, sizeof(*s1));

	if (!s1)
		return -ENOMEM;
	s1->d = d;
	s1->next_enb_id = 1;
	*out = s1;
	return 0;
}

void s1mme_free(struct s1mme *s1)
{
	if (!s1)
		return;
	while (s1->enbs) {
		struct enb *e = s1->enbs;

		s1->enbs = e->next;
		while (e->ues)
			ue_unbind(s1->d->ues, e->ues);
		if (e->fd >= 0)
			close(e->fd);
		txq_clear(&e->txq);
		free(e);
	}
	for (unsigned int i = 0; i < s1->n_listen; i++)
		close(s1->listen_fd[i]);
	if (s1->pcap)
		s1_pcap_close(s1->pcap);
	free(s1);
}

void s1mme_set_transport(struct s1mme *s1, const struct s1_transport *tp)
{
	s1->tp = *tp;
}

struct enb *s1mme_enb_new(struct s1mme *s1, int fd)
{
	struct enb *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->s1 = s1;
	e->fd = fd;
	e->id = s1->next_enb_id++;
	e->ostreams = 2;
	e->next = s1->enbs;
	s1->enbs = e;
	s1->n_enbs++;
	return e;
}

static void enb_unlink(struct s1mme *s1, struct enb *e)
{
	for (struct enb **p = &s1->enbs; *p; p = &(*p)->next)
		if (*p == e) {
			*p = e->next;
			s1->n_enbs--;
			return;
		}
}

static void enb_free_deferred(void *arg)
{
	free(arg);
}

/* Every UE of the eNB goes to ECM-IDLE (bearers idle in the datapath). */
static void release_all_ues(struct agwd *d, struct enb *e)
{
	while (e->ues)
		s1_ue_released(d, e->ues);
}

void s1mme_enb_lost(struct s1mme *s1, struct enb *e, const char *why)
{
	log_notice(MOD, "eNB %u (%s): association lost: %s, %u UEs released", e->id, e->name,
		   why, e->n_ues);
	release_all_ues(s1->d, e);
	enb_unlink(s1, e);
	if (e->fd >= 0) {
		ev_io_del(s1->d->loop, e->fd);
		close(e->fd);
		e->fd = -1;
	}
	txq_clear(&e->txq);
	e->dead = true;
	if (ev_defer(s1->d->loop, enb_free_deferred, e))
		free(e);
}

struct enb *s1mme_enb_first(const struct s1mme *s1)
{
	return s1->enbs;
}

struct enb *s1mme_enb_by_id(const struct s1mme *s1, uint32_t id)
{
	for (struct enb *e = s1->enbs; e; e = e->next)
		if (e->id == id)
			return e;
	return NULL;
}

unsigned int s1mme_enb_count(const struct s1mme *s1)
{
	return s1->n_enbs;
}

static int plmn_bytes(const struct agw_plmn *p, uint8_t out[3])
{
	struct nas_plmn np;

	memcpy(np.mcc, p->mcc, 4);
	memcpy(np.mnc, p->mnc, 4);
	return nas_plmn_enc(&np, out);
}

bool s1mme_tai_served(const struct agwd *d, const uint8_t plmn[3], uint16_t tac)
{
	uint8_t p[3];

	for (unsigned int i = 0; i < d->cfg.n_tais; i++)
		if (d->cfg.tais[i].tac == tac && !plmn_bytes(&d->cfg.tais[i].plmn, p) &&
		    !memcmp(p, plmn, 3))
			return true;
	return false;
}

uint16_t s1_ue_stream(struct enb *e)
{
	/* TS 36.412 7: UE-associated signalling off stream 0 when there are others */
	if (e->ostreams < 2)
		return 0;
	e->next_stream = (uint16_t)(e->next_stream % (e->ostreams - 1) + 1);
	return e->next_stream;
}

int s1_ie_u32(const struct s1ap_pdu *pdu, unsigned int id, uint32_t *out)
{
	const struct s1ap_val *v = s1ap_ie_find(pdu, id);

	if (!v || v->t->kind != S1AP_K_INT)
		return -1;
	*out = (uint32_t)v->u;
	return 0;
}

/* ---------------------------------------------------------- S1 Setup --- */

static int read_gid(struct enb *e, const struct s1ap_val *g)
{
	const char *alt;
	const struct s1ap_val *id = s1ap_alt(s1ap_member(g, "eNB-ID"), &alt);

	if (!id || s1ap_mem_oct(g, "pLMNidentity", e->plmn, 3) || id->bits > 32)
		return -1;
	e->enb_id = 0;
	for (uint32_t i = 0; i < id->n; i++)
		e->enb_id = e->enb_id << 8 | id->p[i];
	e->enb_id >>= (id->n * 8 - id->bits);
	e->enb_id_bits = (uint8_t)id->bits;
	e->has_gid = true;
	return 0;
}

static int read_tas(struct enb *e, const struct s1ap_val *tas, bool *plmn_ok,
		    const struct agwd *d)
{
	uint8_t ours[3];

	*plmn_ok = false;
	if (!tas || plmn_bytes(&d->cfg.plmn, ours))
		return -1;
	e->n_tais = 0;
	for (uint32_t i = 0; i < tas->n; i++) {
		const struct s1ap_val *it = &tas->v[i], *bp = s1ap_member(it, "broadcastPLMNs");
		uint8_t tac[2];

		if (!bp || s1ap_mem_oct(it, "tAC", tac, 2))
			return -1;
		for (uint32_t j = 0; j < bp->n; j++) {
			if (bp->v[j].n != 3)
				return -1;
			if (!memcmp(bp->v[j].p, ours, 3))
				*plmn_ok = true;
			if (e->n_tais < S1_ENB_MAX_TAIS) {
				memcpy(e->tais[e->n_tais].plmn, bp->v[j].p, 3);
				e->tais[e->n_tais++].tac = (uint16_t)(tac[0] << 8 | tac[1]);
			}
		}
	}
	return 0;
}

static int setup_failure(struct agwd *d, struct enb *e, const char *group, const char *cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_S1_SETUP, S1AP_UNSUCCESSFUL);

	fail |= s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), group, cause) |
		s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_TIME_TO_WAIT), "v10s");
	d->s1->c.setup_fail++;
	fail = fail ? -1 : s1_send_pdu(d->s1, e, 0, &pdu);
	s1ap_arena_free(&a);
	return fail;
}

static int setup_response(struct agwd *d, struct enb *e)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *g;
	uint8_t plmn[3], gid[2] = { d->cfg.mme.group_id >> 8, d->cfg.mme.group_id & 0xff };
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_S1_SETUP, S1AP_SUCCESSFUL) |
		   plmn_bytes(&d->cfg.plmn, plmn);

	if (d->cfg.mme.name[0])
		fail |= s1ap_b_str(&a, s1ap_b_ie(&pdu, S1AP_IE_MME_NAME), d->cfg.mme.name);
	g = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_SERVED_GUMMEIS), 1);
	fail |= s1ap_b_oct(&a, s1ap_b_items(&a, s1ap_b_mem(&a, g, "servedPLMNs"), 1), plmn, 3) |
		s1ap_b_oct(&a, s1ap_b_items(&a, s1ap_b_mem(&a, g, "servedGroupIDs"), 1), gid, 2) |
		s1ap_b_oct(&a, s1ap_b_items(&a, s1ap_b_mem(&a, g, "servedMMECs"), 1),
			   &d->cfg.mme.code, 1) |
		s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_RELATIVE_MME_CAPACITY),
			   d->cfg.mme.relative_capacity);
	fail = fail ? -1 : s1_send_pdu(d->s1, e, 0, &pdu);
	s1ap_arena_free(&a);
	return fail;
}

static void s1_setup(struct agwd *d, struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *name = s1ap_ie_find(pdu, S1AP_IE_ENB_NAME);
	const struct s1ap_val *drx = s1ap_ie_find(pdu, S1AP_IE_DEFAULT_PAGING_DRX);
	bool plmn_ok;

	if (read_gid(e, s1ap_ie_find(pdu, S1AP_IE_GLOBAL_ENB_ID)) ||
	    read_tas(e, s1ap_ie_find(pdu, S1AP_IE_SUPPORTED_TAS), &plmn_ok, d)) {
		setup_failure(d, e, "protocol", "semantic-error");
		return;
	}
	if (!plmn_ok) {
		log_notice(MOD, "eNB %u: S1 Setup refused: no broadcast PLMN is ours", e->id);
		setup_failure(d, e, "misc", "unknown-PLMN");
		return;
	}
	if (name && name->n <= S1_ENB_NAME_MAX) {
		memcpy(e->name, name->p, name->n);
		e->name[name->n] = 0;
	}
	e->paging_drx = drx ? (uint8_t)drx->u : 0;
	if (setup_response(d, e))
		return;
	e->setup = true;
	d->s1->c.setup_ok++;
	log_notice(MOD, "eNB %u: S1 Setup from %s (eNB ID 0x%x/%u bits), %u TAIs", e->id,
		   e->name[0] ? e->name : "(no name)", e->enb_id, e->enb_id_bits, e->n_tais);
	if (d->state)
		state_enb_up(d, e);
}

/* 8.7.4: new TAIs or name; answered with an Acknowledge or a Failure. */
static void enb_config_update(struct agwd *d, struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *name = s1ap_ie_find(pdu, S1AP_IE_ENB_NAME);
	const struct s1ap_val *tas = s1ap_ie_find(pdu, S1AP_IE_SUPPORTED_TAS);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu ans;
	struct enb tmp = *e;
	bool plmn_ok = true;
	int fail;

	if (tas && read_tas(&tmp, tas, &plmn_ok, d))
		plmn_ok = false;
	if (!plmn_ok) {
		fail = s1ap_pdu_init(&ans, &a, S1AP_PROC_ENB_CONFIGURATION_UPDATE,
				     S1AP_UNSUCCESSFUL) ||
		       s1ap_b_cause(&a, s1ap_b_ie(&ans, S1AP_IE_CAUSE), "misc", "unknown-PLMN");
	} else {
		if (tas) {
			e->n_tais = tmp.n_tais;
			memcpy(e->tais, tmp.tais, sizeof(e->tais));
		}
		if (name && name->n <= S1_ENB_NAME_MAX) {
			memcpy(e->name, name->p, name->n);
			e->name[name->n] = 0;
		}
		fail = s1ap_pdu_init(&ans, &a, S1AP_PROC_ENB_CONFIGURATION_UPDATE, S1AP_SUCCESSFUL);
	}
	if (!fail)
		s1_send_pdu(d->s1, e, 0, &ans);
	s1ap_arena_free(&a);
}

/* -------------------------------------------------------------- Reset --- */

static int reset_partial(struct agwd *d, struct enb *e, const struct s1ap_val *list,
			 struct s1ap_pdu *ack)
{
	struct s1ap_val *out = s1ap_b_items(ack->arena, s1ap_b_ie(ack, 93), list->n);
	int fail = !out;

	for (uint32_t i = 0; !fail && i < list->n; i++) {
		const struct s1ap_val *it = s1ap_field_val(&list->v[i], NULL);
		struct s1ap_val *o = s1ap_b_field(ack->arena, &out[i], 91, S1AP_IGNORE);
		uint64_t mme = 0, enb = 0;
		bool has_mme = it && !s1ap_mem_u(it, "mME-UE-S1AP-ID", &mme);
		bool has_enb = it && !s1ap_mem_u(it, "eNB-UE-S1AP-ID", &enb);
		struct ue *ue = has_mme ? ue_by_mme_id(d->ues, (uint32_t)mme) :
				has_enb ? ue_by_enb_id(d->ues, e, (uint32_t)enb) : NULL;

		if (has_mme)
			fail |= s1ap_b_int(s1ap_b_mem(ack->arena, o, "mME-UE-S1AP-ID"), mme);
		if (has_enb)
			fail |= s1ap_b_int(s1ap_b_mem(ack->arena, o, "eNB-UE-S1AP-ID"), enb);
		if (ue && ue->enb == e)
			s1_ue_released(d, ue);
	}
	return fail;
}

static void reset_rx(struct agwd *d, struct enb *e, const struct s1ap_pdu *pdu)
{
	const char *alt = "";
	const struct s1ap_val *rt = s1ap_alt(s1ap_ie_find(pdu, S1AP_IE_RESET_TYPE), &alt);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu ack;
	int fail = s1ap_pdu_init(&ack, &a, S1AP_PROC_RESET, S1AP_SUCCESSFUL);

	d->s1->c.resets_rx++;
	if (!rt) {
		fail = 1;
	} else if (!strcmp(alt, "s1-Interface")) {
		log_notice(MOD, "eNB %u: Reset (all), %u UEs released", e->id, e->n_ues);
		release_all_ues(d, e);
	} else {
		fail |= reset_partial(d, e, rt, &ack);
	}
	if (!fail)
		s1_send_pdu(d->s1, e, 0, &ack);
	s1ap_arena_free(&a);
}

static void error_ind_rx(struct agwd *d, struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *c = s1ap_ie_find(pdu, S1AP_IE_CAUSE);
	char buf[96];

	d->s1->c.rx_error_ind++;
	log_notice(MOD, "eNB %u: Error Indication, cause %s", e->id,
		   c ? s1ap_cause_str(c, buf, sizeof(buf)) : "(none)");
}

/* ----------------------------------------------------------- dispatch --- */

static void non_ue(struct agwd *d, struct enb *e, const struct s1ap_pdu *pdu)
{
	if (pdu->kind != S1AP_INITIATING) {
		if (pdu->proc == S1AP_PROC_RESET)	/* our Reset acknowledged */
			return;
		d->s1->c.rx_unexpected++;
		return;
	}
	switch (pdu->proc) {
	case S1AP_PROC_S1_SETUP:
		s1_setup(d, e, pdu);
		return;
	case S1AP_PROC_RESET:
		reset_rx(d, e, pdu);
		return;
	case S1AP_PROC_ERROR_INDICATION:
		error_ind_rx(d, e, pdu);
		return;
	case S1AP_PROC_ENB_CONFIGURATION_UPDATE:
		enb_config_update(d, e, pdu);
		return;
	}
}

static bool is_non_ue(unsigned int proc)
{
	return proc == S1AP_PROC_S1_SETUP || proc == S1AP_PROC_RESET ||
	       proc == S1AP_PROC_ERROR_INDICATION || proc == S1AP_PROC_ENB_CONFIGURATION_UPDATE;
}

static void checked_rx(struct s1mme *s1, struct enb *e, uint16_t stream,
		       const struct s1ap_pdu *pdu)
{
	struct s1ap_check_result cr;
	uint32_t mme_id, enb_id;
	bool has_mme = !s1_ie_u32(pdu, S1AP_IE_MME_UE_S1AP_ID, &mme_id);
	bool has_enb = !s1_ie_u32(pdu, S1AP_IE_ENB_UE_S1AP_ID, &enb_id);

	s1ap_check(pdu, &cr);
	if (cr.unknown_proc || cr.reject || (cr.n && pdu->proc != S1AP_PROC_ERROR_INDICATION)) {
		/* 10.3.4, 10.3.5: reported; rejected procedures stop here */
		s1->c.rx_unknown_proc += cr.unknown_proc;
		if (pdu->proc != S1AP_PROC_ERROR_INDICATION)
			s1_send_error_ind(s1, e, stream, has_mme ? &mme_id : NULL,
					  has_enb ? &enb_id : NULL, "protocol",
					  cr.unknown_proc ? "message-not-compatible-with-receiver-state" :
					  "abstract-syntax-error-falsely-constructed-message",
					  pdu, &cr);
		if (cr.unknown_proc || cr.reject)
			return;
	}
	if (!e->setup && pdu->proc != S1AP_PROC_S1_SETUP && pdu->proc != S1AP_PROC_RESET &&
	    pdu->proc != S1AP_PROC_ERROR_INDICATION) {
		/* 8.7.3.1: nothing but S1 Setup before S1 Setup */
		s1->c.rx_unexpected++;
		s1_send_error_ind(s1, e, stream, has_mme ? &mme_id : NULL, has_enb ? &enb_id : NULL,
				  "protocol", "message-not-compatible-with-receiver-state", NULL,
				  NULL);
		return;
	}
	if (is_non_ue(pdu->proc))
		non_ue(s1->d, e, pdu);
	else
		s1_ue_rx(s1->d, e, stream, pdu);
}

void s1mme_rx(struct s1mme *s1, struct enb *e, uint16_t stream, const uint8_t *buf, size_t len)
{
	struct s1ap_arena a = { .limit = 1 << 20 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu;

	s1->c.rx_pdus++;
	e->rx++;
	if (s1->pcap)
		s1_pcap_write(s1->pcap, e, false, stream, buf, len);
	if (s1ap_decode(&pdu, &a, &ctx, buf, len)) {
		/* 10.2: transfer syntax error */
		log_info(MOD, "eNB %u: undecodable S1AP PDU: %s", e->id, ctx.err);
		s1->c.rx_undecodable++;
		e->rx_errors++;
		s1_send_error_ind(s1, e, 0, NULL, NULL, "protocol", "transfer-syntax-error", NULL,
				  NULL);
	} else {
		checked_rx(s1, e, stream, &pdu);
	}
	s1ap_arena_free(&a);
}
