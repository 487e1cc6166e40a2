// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP messages the MME sends (TS 36.413 9.1), each a short walk down
 * the ASN.1 structure with the s1ap_util.h helpers, then one encode and
 * send path (pcap, transport, counters).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "lib/log.h"
#include "proto/s1ap_util.h"

#define MOD "s1ap"

int s1_send_pdu(struct s1mme *s1, struct enb *e, uint16_t stream, const struct s1ap_pdu *pdu)
{
	static uint8_t buf[65536];
	struct aper_ctx ctx = { 0 };
	long n = s1ap_encode(pdu, &ctx, buf, sizeof(buf));

	if (n < 0) {
		log_err(MOD, "cannot encode %s: %s", pdu->msg ? pdu->msg->name : "PDU", ctx.err);
		return -1;
	}
	if (s1->pcap)
		s1_pcap_write(s1->pcap, e, true, stream, buf, (size_t)n);
	s1->c.tx_pdus++;
	e->tx++;
	if (!s1->tp.send || s1->tp.send(s1->tp.arg, e, stream, buf, (size_t)n)) {
		log_warn(MOD, "eNB %u: %s not sent", e->id, pdu->msg ? pdu->msg->name : "PDU");
		return -1;
	}
	return 0;
}

static int send_free(struct s1mme *s1, struct enb *e, uint16_t stream, struct s1ap_pdu *pdu,
		     struct s1ap_arena *a, int fail)
{
	int ret = fail ? -1 : s1_send_pdu(s1, e, stream, pdu);

	if (fail)
		log_err(MOD, "could not build %s", pdu->msg ? pdu->msg->name : "PDU");
	s1ap_arena_free(a);
	return ret;
}

static int ue_ids(struct s1ap_pdu *pdu, const struct ue *ue)
{
	return s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_MME_UE_S1AP_ID), ue->mme_ue_id) |
	       s1ap_b_int(s1ap_b_ie(pdu, S1AP_IE_ENB_UE_S1AP_ID), ue->enb_ue_id);
}

int s1_send_dl_nas(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail;

	if (!ue->enb)
		return -1;
	fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_DOWNLINK_NAS_TRANSPORT, S1AP_INITIATING) ||
	       ue_ids(&pdu, ue) || s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, len);
	return send_free(d->s1, ue->enb, ue->stream, &pdu, &a, fail);
}

static void enb_addr(const struct agwd *d, uint8_t ip4[4], const uint8_t **p4,
		     const uint8_t **p6)
{
	static const uint8_t lo[4] = { 127, 0, 0, 1 };

	*p4 = NULL;
	*p6 = NULL;
	if (d->cfg.gtpu.has_local4) {
		memcpy(ip4, &d->cfg.gtpu.local4, 4);
		*p4 = ip4;
	}
	if (d->cfg.gtpu.has_local6)
		*p6 = d->cfg.gtpu.local6.s6_addr;
	if (!*p4 && !*p6) {
		memcpy(ip4, lo, 4);
		*p4 = ip4;
	}
}

/* E-RABlevelQoSParameters (9.2.1.15) of a bearer */
static int qos(struct s1ap_arena *a, struct s1ap_val *q, const struct bearer *b)
{
	struct s1ap_val *arp = s1ap_b_mem(a, q, "allocationRetentionPriority"), *g;
	int fail = s1ap_b_int(s1ap_b_mem(a, q, "qCI"), b->qci) |
		   s1ap_b_int(s1ap_b_mem(a, arp, "priorityLevel"), b->arp) |
		   s1ap_b_enum(s1ap_b_mem(a, arp, "pre-emptionCapability"), "shall-not-trigger-pre-emption") |
		   s1ap_b_enum(s1ap_b_mem(a, arp, "pre-emptionVulnerability"), "pre-emptable");

	if (!b->gbr)
		return fail;
	g = s1ap_b_mem(a, q, "gbrQosInformation");
	return fail | s1ap_b_int(s1ap_b_mem(a, g, "e-RAB-MaximumBitrateDL"), b->mbr_dl) |
	       s1ap_b_int(s1ap_b_mem(a, g, "e-RAB-MaximumBitrateUL"), b->mbr_ul) |
	       s1ap_b_int(s1ap_b_mem(a, g, "e-RAB-GuaranteedBitrateDL"), b->gbr_dl) |
	       s1ap_b_int(s1ap_b_mem(a, g, "e-RAB-GuaranteedBitrateUL"), b->gbr_ul);
}

static int ue_ambr(struct s1ap_pdu *pdu, const struct ue *ue)
{
	struct s1ap_val *v = s1ap_b_ie(pdu, S1AP_IE_UE_AGGREGATE_MAXIMUM_BITRATE);
	uint64_t ul, dl;

	sess_ue_ambr(ue, &ul, &dl);
	return s1ap_b_int(s1ap_b_mem(pdu->arena, v, "uEaggregateMaximumBitRateDL"), dl) |
	       s1ap_b_int(s1ap_b_mem(pdu->arena, v, "uEaggregateMaximumBitRateUL"), ul);
}

static int erab_item(const struct agwd *d, struct s1ap_arena *a, struct s1ap_val *it,
		     const struct bearer *b, const uint8_t *nas, size_t len)
{
	uint8_t ip4[4];
	const uint8_t *p4, *p6;

	enb_addr(d, ip4, &p4, &p6);
	return s1ap_b_int(s1ap_b_mem(a, it, "e-RAB-ID"), b->ebi) |
	       qos(a, s1ap_b_mem(a, it, "e-RABlevelQoSParameters"), b) |
	       s1ap_b_tla(a, s1ap_b_mem(a, it, "transportLayerAddress"), p4, p6) |
	       s1ap_b_teid(a, s1ap_b_mem(a, it, "gTP-TEID"), b->teid) |
	       (nas ? s1ap_b_oct(a, s1ap_b_mem(a, it, "nAS-PDU"), nas, len) : 0);
}

/* Bearers that go into an ICS: active ones, and the pending default one. */
static bool ics_bearer(const struct ue *ue, const struct bearer *b)
{
	return b->ebi && (b->state == BR_ACTIVE ||
			  (b->state == BR_ACT_PENDING && ue->proc == PROC_ATTACH));
}

static int ics_erabs(const struct agwd *d, struct s1ap_pdu *pdu, const struct ue *ue,
		     const uint8_t *nas, size_t len)
{
	struct s1ap_val *list = s1ap_b_ie(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ), *it;
	uint32_t n = 0, k = 0;
	int fail = 0;

	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		n += ics_bearer(ue, &ue->br[i]);
	it = s1ap_b_items(pdu->arena, list, n);
	if (!it)
		return -1;
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++) {
		const struct bearer *b = &ue->br[i];
		struct s1ap_val *v;

		if (!ics_bearer(ue, b))
			continue;
		v = s1ap_b_field(pdu->arena, &it[k++], 52, S1AP_REJECT);
		/* the NAS PDU goes with the default bearer of the attach */
		fail |= erab_item(d, pdu->arena, v, b, nas && k == 1 ? nas : NULL, len);
	}
	return fail;
}

static int sec_caps(struct s1ap_pdu *pdu, const struct ue *ue)
{
	struct s1ap_val *v = s1ap_b_ie(pdu, S1AP_IE_UE_SECURITY_CAPABILITIES);
	uint8_t eea[2] = { ue->s1_eea >> 8, ue->s1_eea & 0xff };
	uint8_t eia[2] = { ue->s1_eia >> 8, ue->s1_eia & 0xff };

	return s1ap_b_bits(pdu->arena, s1ap_b_mem(pdu->arena, v, "encryptionAlgorithms"), eea, 16) |
	       s1ap_b_bits(pdu->arena, s1ap_b_mem(pdu->arena, v, "integrityProtectionAlgorithms"),
			   eia, 16);
}

int s1_send_ics(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail;

	if (!ue->enb)
		return -1;
	fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_INITIAL_CONTEXT_SETUP, S1AP_INITIATING) ||
	       ue_ids(&pdu, ue) || ue_ambr(&pdu, ue) || ics_erabs(d, &pdu, ue, nas, len) ||
	       sec_caps(&pdu, ue) ||
	       s1ap_b_bits(&a, s1ap_b_ie(&pdu, S1AP_IE_SECURITY_KEY), ue->kenb, 256);
	if (!fail && ue->radio_cap)
		fail = s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_RADIO_CAPABILITY), ue->radio_cap,
				  ue->radio_cap_len);
	return send_free(d->s1, ue->enb, ue->stream, &pdu, &a, fail);
}

int s1_send_ue_release(struct agwd *d, struct ue *ue, const char *group, const char *cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *ids, *pair;
	int fail;

	if (!ue->enb)
		return -1;
	fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CONTEXT_RELEASE, S1AP_INITIATING);
	ids = s1ap_b_ie(&pdu, S1AP_IE_UE_S1AP_IDS);
	pair = s1ap_b_alt(&a, ids, "uE-S1AP-ID-pair");
	fail |= s1ap_b_int(s1ap_b_mem(&a, pair, "mME-UE-S1AP-ID"), ue->mme_ue_id) |
		s1ap_b_int(s1ap_b_mem(&a, pair, "eNB-UE-S1AP-ID"), ue->enb_ue_id) |
		s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), group, cause);
	ue->release_pending = true;
	return send_free(d->s1, ue->enb, ue->stream, &pdu, &a, fail);
}

int s1_send_erab_setup(struct agwd *d, struct ue *ue, unsigned int ebi, const uint8_t *nas,
		       size_t len)
{
	struct bearer *b = ue_bearer(ue, ebi);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *it;
	int fail;

	if (!ue->enb || !b)
		return -1;
	fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_E_RAB_SETUP, S1AP_INITIATING) ||
	       ue_ids(&pdu, ue) || ue_ambr(&pdu, ue);
	it = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_BEARER_SU_REQ), 1);
	fail |= !it || erab_item(d, &a, s1ap_b_field(&a, it, 17, S1AP_REJECT), b, nas, len);
	return send_free(d->s1, ue->enb, ue->stream, &pdu, &a, fail);
}

int s1_send_erab_release(struct agwd *d, struct ue *ue, unsigned int ebi, const uint8_t *nas,
			 size_t len)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *it;
	bool deflt = sess_pdn_by_ebi(ue, ebi) >= 0;
	struct bearer *b = ue_bearer(ue, ebi);
	uint32_t n = 0, k = 0;
	int fail;

	if (!ue->enb || !ue->ctx_setup || !b)
		return -1;
	/* the default bearer takes the PDN's dedicated bearers with it */
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		n += ue->br[i].ebi && (ue->br[i].ebi == ebi || (deflt && ue->br[i].pdn == b->pdn));
	fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_E_RAB_RELEASE, S1AP_INITIATING) ||
	       ue_ids(&pdu, ue);
	it = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_E_RAB_TO_BE_RELEASED_LIST), n);
	fail |= !it;
	for (unsigned int i = 0; !fail && i < UE_MAX_BEARERS; i++) {
		const struct bearer *x = &ue->br[i];
		struct s1ap_val *v;

		if (!x->ebi || (x->ebi != ebi && !(deflt && x->pdn == b->pdn)))
			continue;
		v = s1ap_b_field(&a, &it[k++], 35, S1AP_IGNORE);
		fail |= s1ap_b_int(s1ap_b_mem(&a, v, "e-RAB-ID"), x->ebi) |
			s1ap_b_cause(&a, s1ap_b_mem(&a, v, "cause"), "nas", "normal-release");
	}
	if (nas)
		fail |= s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, len);
	return send_free(d->s1, ue->enb, ue->stream, &pdu, &a, fail);
}

/* TS 36.304 7.1: UE_ID = IMSI mod 1024 */
static uint16_t ue_index(const char *imsi)
{
	unsigned int v = 0;

	for (const char *p = imsi; *p; p++)
		v = (v * 10 + (unsigned int)(*p - '0')) % 1024;
	return (uint16_t)v;
}

static int paging_pdu(struct agwd *d, struct ue *ue, struct s1ap_pdu *pdu, struct s1ap_arena *a)
{
	uint16_t idx = ue_index(ue->imsi);
	uint8_t ib[2] = { (uint8_t)(idx >> 2), (uint8_t)(idx << 6) }, mmec = d->cfg.mme.code;
	uint8_t tmsi[4] = { ue->m_tmsi >> 24, ue->m_tmsi >> 16, ue->m_tmsi >> 8, ue->m_tmsi };
	uint8_t tac[2] = { ue->tac >> 8, ue->tac & 0xff };
	struct s1ap_val *id, *st, *tl, *tai;
	int fail = s1ap_pdu_init(pdu, a, S1AP_PROC_PAGING, S1AP_INITIATING);

	fail |= s1ap_b_bits(a, s1ap_b_ie(pdu, S1AP_IE_UE_IDENTITY_INDEX_VALUE), ib, 10);
	id = s1ap_b_ie(pdu, S1AP_IE_UE_PAGING_ID);
	st = s1ap_b_alt(a, id, "s-TMSI");
	fail |= s1ap_b_oct(a, s1ap_b_mem(a, st, "mMEC"), &mmec, 1) |
		s1ap_b_oct(a, s1ap_b_mem(a, st, "m-TMSI"), tmsi, 4) |
		s1ap_b_enum(s1ap_b_ie(pdu, S1AP_IE_CN_DOMAIN), "ps");
	tl = s1ap_b_items(a, s1ap_b_ie(pdu, S1AP_IE_TAI_LIST), 1);
	tai = s1ap_b_mem(a, s1ap_b_field(a, tl, 47, S1AP_IGNORE), "tAI");
	fail |= s1ap_b_oct(a, s1ap_b_mem(a, tai, "pLMNidentity"), ue->tai_plmn, 3) |
		s1ap_b_oct(a, s1ap_b_mem(a, tai, "tAC"), tac, 2);
	return fail;
}

static bool enb_serves(const struct enb *e, const struct ue *ue)
{
	for (unsigned int i = 0; i < e->n_tais; i++)
		if (e->tais[i].tac == ue->tac && !memcmp(e->tais[i].plmn, ue->tai_plmn, 3))
			return true;
	return false;
}

/* Paging (8.5) to every eNB serving the UE's last TAI; -1 if none does. */
int s1_send_paging(struct agwd *d, struct ue *ue)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int sent = 0, fail = paging_pdu(d, ue, &pdu, &a);

	for (struct enb *e = d->s1->enbs; !fail && e; e = e->next)
		if (e->setup && !e->dead && enb_serves(e, ue))
			sent += !s1_send_pdu(d->s1, e, 0, &pdu);
	s1ap_arena_free(&a);
	return sent ? 0 : -1;
}

int s1_send_error_ind(struct s1mme *s1, struct enb *e, uint16_t stream, const uint32_t *mme_id,
		      const uint32_t *enb_id, const char *group, const char *cause,
		      const struct s1ap_pdu *rx, const struct s1ap_check_result *cr)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_ERROR_INDICATION, S1AP_INITIATING);

	if (mme_id)
		fail |= s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), *mme_id);
	if (enb_id)
		fail |= s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), *enb_id);
	fail |= s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), group, cause);
	if (rx && cr) {
		struct s1ap_val *cd = s1ap_ie_add(&pdu, S1AP_IE_CRITICALITY_DIAGNOSTICS);

		fail |= !cd || s1ap_crit_diag(&a, rx, cr, cd);
	}
	s1->c.tx_error_ind++;
	return send_free(s1, e, stream, &pdu, &a, fail);
}

int s1_send_reset(struct agwd *d, struct enb *e)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int fail = s1ap_pdu_init(&pdu, &a, S1AP_PROC_RESET, S1AP_INITIATING);

	fail |= s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), "misc", "om-intervention") |
		s1ap_b_enum(s1ap_b_alt(&a, s1ap_b_ie(&pdu, S1AP_IE_RESET_TYPE), "s1-Interface"),
			    "reset-all");
	d->s1->c.resets_tx++;
	return send_free(d->s1, e, 0, &pdu, &a, fail);
}
