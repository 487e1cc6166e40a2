// SPDX-License-Identifier: GPL-2.0
/*
 * Attach (TS 24.301 5.5.1) with the common procedures it runs:
 * identification (5.4.4), EPS AKA (5.4.2, TS 33.401 6.1) with the
 * subscriber store's vectors and re-synchronisation, security mode
 * control (5.4.3), the ESM information request (6.6.1.2) and the default
 * bearer (6.4.1) carried in Attach Accept / Initial Context Setup.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/policy/policy.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/subscriber/subscriber.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "lib/log.h"

#define MOD "emm"
#define MAX_SYNCH_FAILURES 2

void emm_attach_reject(struct agwd *d, struct ue *ue, uint8_t cause, const uint8_t *esm,
		       size_t esm_len)
{
	uint8_t b[UE_NAS_MAX];
	char res[32];
	int n = emm_b_attach_reject(cause, esm, esm_len, b, sizeof(b));

	snprintf(res, sizeof(res), "reject-%u", cause);
	emm_attach_result(d, res);
	log_notice(MOD, "%s: attach rejected, cause #%u (%s)", ue->imsi[0] ? ue->imsi : "?",
		   cause, nas_emm_cause_name(cause) ? nas_emm_cause_name(cause) : "?");
	emm_stop_retx(ue);
	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
	ue->proc = PROC_NONE;
	emm_local_detach(d, ue, "attach rejected");
}

static void send_auth_reject(struct agwd *d, struct ue *ue)
{
	uint8_t b[8];
	int n = emm_b_auth_reject(b, sizeof(b));

	emm_attach_result(d, "auth-reject");
	emm_stop_retx(ue);
	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
	ue->proc = PROC_NONE;
	emm_local_detach(d, ue, "authentication rejected");
}

static void identity_start(struct agwd *d, struct ue *ue)
{
	uint8_t b[8];
	int n = emm_b_identity_request(b, sizeof(b));

	emm_change_state(ue, EMM_WAIT_IDENTITY, "identity needed");
	if (n > 0)
		emm_send_retx(d, ue, b, (size_t)n, d->cfg.timers.t3470);
}

static bool imsi_plmn_ours(const struct agwd *d, const char *imsi)
{
	char p[8];

	snprintf(p, sizeof(p), "%s%s", d->cfg.plmn.mcc, d->cfg.plmn.mnc);
	return !strncmp(imsi, p, strlen(p));
}

static int serving_plmn(const struct agwd *d, uint8_t plmn[3])
{
	char p[8];

	snprintf(p, sizeof(p), "%s%s", d->cfg.plmn.mcc, d->cfg.plmn.mnc);
	return eps_plmn_encode(p, plmn);
}

/* 5.4.2.2: a fresh vector from the subscriber store, Authentication Request. */
void emm_auth_start(struct agwd *d, struct ue *ue)
{
	struct eps_aka_vector v;
	struct sub_record r;
	uint8_t plmn[3], b[64];
	int ret, n;

	if (!imsi_plmn_ours(d, ue->imsi)) {
		emm_attach_reject(d, ue, EMM_CAUSE_PLMN_NOT_ALLOWED, NULL, 0);
		return;
	}
	ret = sub_get(d->subs, ue->imsi, &r);
	if (ret || r.state != SUB_ACTIVE) {
		emm_attach_reject(d, ue, ret ? d->cfg.nas.unknown_subscriber_cause :
				  EMM_CAUSE_EPS_NOT_ALLOWED, NULL, 0);
		return;
	}
	if (getrandom(ue->rand, 16, 0) != 16 || serving_plmn(d, plmn) ||
	    sub_next_vector(d->subs, ue->imsi, plmn, ue->rand, &v)) {
		log_err(MOD, "%s: no authentication vector: %s", ue->imsi,
			sub_store_error(d->subs));
		emm_attach_reject(d, ue, EMM_CAUSE_CONGESTION, NULL, 0);
		return;
	}
	memcpy(ue->xres, v.xres, 8);
	memcpy(ue->autn, v.autn, 16);
	memcpy(ue->new_kasme, v.kasme, 32);
	ue->new_ksi = ue->has_sec ? (uint8_t)((ue->ksi + 1) % 7) : 0;
	emm_change_state(ue, EMM_WAIT_AUTH, "authentication");
	n = emm_b_auth_request(ue, b, sizeof(b));
	if (n > 0)
		emm_send_retx(d, ue, b, (size_t)n, d->cfg.timers.t3460);
}

static void smc_start(struct agwd *d, struct ue *ue)
{
	uint8_t eia, eea, b[64], out[96];
	int n;

	if (emm_select_algs(d, ue, &eia, &eea)) {
		emm_attach_reject(d, ue, EMM_CAUSE_SEC_MISMATCH, NULL, 0);
		return;
	}
	memcpy(ue->kasme, ue->new_kasme, 32);
	ue->ksi = ue->new_ksi;
	emm_sec_install(ue, eia, eea);
	emm_change_state(ue, EMM_WAIT_SMC, "security mode");
	n = emm_b_smc(ue, b, sizeof(b));
	if (n < 0 || emm_send_retx(d, ue, b, (size_t)n, d->cfg.timers.t3460))
		return;
	/* 24.301 4.4.5: integrity protected with the new context, not ciphered */
	n = emm_wrap(ue, b, (size_t)n, NAS_SHT_INTEGRITY_NEW_CTX, out, sizeof(out));
	if (n > 0)
		s1_send_dl_nas(d, ue, out, (size_t)n);
}

static int check_esm_request(const struct ue *ue, struct nas_msg *esm)
{
	struct nas_err err;

	if (nas_decode(esm, ue->esm_req, ue->esm_req_len, NAS_DIR_UL, &err) ||
	    esm->pd != NAS_PD_ESM || esm->type != NAS_PDN_CONN_REQUEST)
		return -1;
	return 0;
}

/* FNV-1a over the IEs that make two attach requests "the same" (5.5.1.2.7) */
static uint64_t attach_hash(const struct nas_msg *m)
{
	static const char *const ies[] = { "EPS attach type", "EPS mobile identity",
		"UE network capability", "ESM message container" };
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < sizeof(ies) / sizeof(ies[0]); i++) {
		const struct nas_ie *ie = nas_ie_get(m, ies[i]);

		for (size_t j = 0; ie && j < ie->len; j++)
			h = (h ^ ie->val[j]) * 0x100000001b3ULL;
		h = (h ^ 0xff) * 0x100000001b3ULL;
	}
	return h;
}

/*
 * 5.5.1.2.7 d, e: the same attach request again (the UE's T3410 ran out
 * while we were busy) on the same connection.  Before the Attach Accept:
 * the procedure goes on, the request is not treated further; after it:
 * the Attach Accept is sent again.  Restarting instead (new RAND, new
 * keys) makes the UE's answers to the first round fail and, under load,
 * every retransmission throws the work done so far away.
 */
static bool attach_duplicate(struct agwd *d, struct ue *ue, uint64_t h)
{
	if (ue->proc != PROC_ATTACH || h != ue->attach_hash || ue->emm == EMM_DEREGISTERED ||
	    ue->emm > EMM_WAIT_ATTACH_COMPLETE)
		return false;
	mme_count(d, "attach_duplicate");
	if (ue->emm == EMM_WAIT_ATTACH_COMPLETE && ue->emm_retx)
		emm_send_plain(d, ue, ue->emm_retx, ue->emm_retx_len);
	return true;
}

void emm_attach_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	const struct nas_ie *cap = nas_ie_get(m, "UE network capability");
	const struct nas_ie *esm = nas_ie_get(m, "ESM message container");
	uint64_t h = attach_hash(m);
	struct nas_msg pdn;

	if (attach_duplicate(d, ue, h))
		return;
	ue->attach_hash = h;
	mme_count(d, "attach_attempts");
	emm_stop_retx(ue);
	ue->proc = PROC_ATTACH;
	ue->proc_start_ms = ev_now(d->loop);
	ue->attach_type = (uint8_t)(nas_ie_u8(m, "EPS attach type") & 7);
	ue->identified = false;
	ue->auth_tries = 0;
	if (cap->len > sizeof(ue->net_cap))
		ue->net_cap_len = sizeof(ue->net_cap);
	else
		ue->net_cap_len = (uint8_t)cap->len;
	memcpy(ue->net_cap, cap->val, ue->net_cap_len);
	/* S1AP UESecurityCapabilities: 128-EEA1.. from the first bit */
	ue->s1_eea = (uint16_t)((ue->net_cap[0] & 0x70) << 9);
	ue->s1_eia = (uint16_t)(ue->net_cap_len > 1 ? (ue->net_cap[1] & 0x70) << 9 : 0);
	free(ue->esm_req);
	ue->esm_req = malloc(esm->len);
	ue->esm_req_len = ue->esm_req ? esm->len : 0;
	if (ue->esm_req)
		memcpy(ue->esm_req, esm->val, esm->len);
	if (!ue->esm_req || check_esm_request(ue, &pdn)) {
		emm_attach_reject(d, ue, NAS_CAUSE_INVALID_MANDATORY, NULL, 0);
		return;
	}
	if (!ue->imsi[0]) {
		identity_start(d, ue);
		return;
	}
	emm_auth_start(d, ue);
}

/* Another context holds the IMSI: it is implicitly detached (5.5.1.2.7 d). */
static void take_imsi(struct agwd *d, struct ue *ue, const char *imsi)
{
	struct ue *old = ue_by_imsi(d->ues, imsi);

	if (old && old != ue)
		emm_local_detach(d, old, "new attach with the same IMSI");
	ue_set_imsi(d->ues, ue, imsi);
}

void emm_identity_response(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *ie = nas_ie_get(m, "Mobile identity");
	struct nas_mobile_id id;
	struct nas_err err;

	emm_stop_retx(ue);
	if (!ie || nas_mobile_id_dec(&id, ie->val, ie->len, &err) || id.type != NAS_ID_IMSI) {
		emm_attach_reject(d, ue, NAS_CAUSE_INVALID_MANDATORY, NULL, 0);
		return;
	}
	ue->identified = true;
	take_imsi(d, ue, id.digits);
	emm_auth_start(d, ue);
}

/* 5.4.2.5: a GUTI that maps to the wrong IMSI is caught by identification. */
static void auth_failed(struct agwd *d, struct ue *ue)
{
	if (ue->id_type == NAS_ID_GUTI && !ue->identified) {
		identity_start(d, ue);
		return;
	}
	send_auth_reject(d, ue);
}

void emm_auth_response(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *res = nas_ie_get(m, "Authentication response parameter");

	emm_stop_retx(ue);
	if (!res || res->len != 8 || memcmp(res->val, ue->xres, 8)) {
		log_notice(MOD, "%s: RES does not match XRES", ue->imsi);
		mme_count(d, "auth_res_mismatch");
		auth_failed(d, ue);
		return;
	}
	smc_start(d, ue);
}

void emm_auth_failure(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *auts = nas_ie_get(m, "Authentication failure parameter");
	int cause = nas_ie_u8(m, "EMM cause");

	emm_stop_retx(ue);
	log_info(MOD, "%s: authentication failure #%d", ue->imsi, cause);
	if (cause == EMM_CAUSE_SYNCH_FAILURE && auts && auts->len == 14 &&
	    ue->auth_tries++ < MAX_SYNCH_FAILURES) {
		mme_count(d, "auth_synch_failures");
		/* TS 33.102 6.3.5: resynchronise SQN_HE, then a new vector */
		if (sub_resync(d->subs, ue->imsi, ue->rand, auts->val)) {
			log_notice(MOD, "%s: resync refused: %s", ue->imsi,
				   sub_store_error(d->subs));
			send_auth_reject(d, ue);
			return;
		}
		emm_auth_start(d, ue);
		return;
	}
	mme_count(d, cause == EMM_CAUSE_MAC_FAILURE ? "auth_mac_failures" : "auth_failures");
	if (cause == EMM_CAUSE_MAC_FAILURE) {
		auth_failed(d, ue);
		return;
	}
	send_auth_reject(d, ue);
}

void emm_smc_reject(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	log_notice(MOD, "%s: security mode rejected, cause #%d", ue->imsi,
		   nas_ie_u8(m, "EMM cause"));
	ue->has_sec = false;
	emm_stop_retx(ue);
	emm_attach_result(d, "smc-reject");
	emm_local_detach(d, ue, "security mode rejected");
}

static void send_esm_info_request(struct agwd *d, struct ue *ue, uint8_t pti)
{
	uint8_t b[8];
	int n = esm_b_simple(NAS_ESM_INFO_REQUEST, 0, pti, -1, b, sizeof(b));

	emm_change_state(ue, EMM_WAIT_ESM_INFO, "ESM information needed");
	if (n > 0)
		emm_send_retx(d, ue, b, (size_t)n, 4);
}

static void attach_accept(struct agwd *d, struct ue *ue, const struct nas_msg *pdn_req,
			  const struct nas_msg *info);

void emm_smc_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	struct nas_msg pdn;

	emm_stop_retx(ue);
	/*
	 * TS 33.401 7.2.6.2 / A.3: the KeNB of the Initial Context Setup that
	 * follows this NAS SMC comes from the uplink NAS COUNT of the Security
	 * Mode Complete (rx_count now), not of a later ESM Information Response.
	 */
	emm_derive_kenb(ue);
	if (ue->proc != PROC_ATTACH || check_esm_request(ue, &pdn)) {
		emm_change_state(ue, ue->has_guti ? EMM_REGISTERED : EMM_DEREGISTERED, "SMC");
		return;
	}
	if (nas_ie_u8(&pdn, "ESM information transfer flag") == 1) {
		send_esm_info_request(d, ue, pdn.pti);
		return;
	}
	attach_accept(d, ue, &pdn, NULL);
}

void emm_attach_esm_info(struct agwd *d, struct ue *ue, const struct nas_msg *esm)
{
	struct nas_msg pdn;

	if (ue->emm != EMM_WAIT_ESM_INFO || check_esm_request(ue, &pdn))
		return;
	if (esm->pti != pdn.pti) {
		log_info(MOD, "%s: ESM information response with PTI %u, expected %u", ue->imsi,
			 esm->pti, pdn.pti);
		return;
	}
	emm_stop_retx(ue);
	attach_accept(d, ue, &pdn, esm);
}

static void get_apn_pco(const struct nas_msg *pdn_req, const struct nas_msg *info,
			char *apn, size_t apn_size, struct nas_pco *pco, bool *has_pco)
{
	const struct nas_msg *src = info ? info : pdn_req;
	const struct nas_ie *a = nas_ie_get(src, "Access point name");
	const struct nas_ie *p = nas_ie_get(src, "Protocol configuration options");
	struct nas_apn an;

	apn[0] = 0;
	if (a && !nas_apn_dec(&an, a->val, a->len, NULL))
		snprintf(apn, apn_size, "%s", an.name);
	*has_pco = p && !nas_pco_dec(pco, p->val, p->len, NULL);
	if (!*has_pco && info) {
		p = nas_ie_get(pdn_req, "Protocol configuration options");
		*has_pco = p && !nas_pco_dec(pco, p->val, p->len, NULL);
	}
}

static void attach_accept(struct agwd *d, struct ue *ue, const struct nas_msg *pdn_req,
			  const struct nas_msg *info)
{
	static struct nas_pco pco;	/* large; the loop is single-threaded */
	uint8_t esm[UE_NAS_MAX / 2], b[UE_NAS_MAX], out[UE_NAS_MAX + 16];
	uint8_t cause = 0, type_cause = 0;
	char apn[AGW_APN_MAX + 1];
	bool has_pco;
	int pdn, n_esm, n;

	get_apn_pco(pdn_req, info, apn, sizeof(apn), &pco, &has_pco);
	pdn = sess_pdn_create(d, ue, apn, (uint8_t)nas_ie_u8(pdn_req, "PDN type"), pdn_req->pti,
			      &cause, &type_cause);
	if (pdn < 0) {
		n_esm = esm_b_pdn_reject(pdn_req->pti, cause, esm, sizeof(esm));
		emm_attach_reject(d, ue, EMM_CAUSE_ESM_FAILURE, n_esm > 0 ? esm : NULL,
				  n_esm > 0 ? (size_t)n_esm : 0);
		return;
	}
	n_esm = esm_b_act_default(d, ue, (unsigned int)pdn, has_pco ? &pco : NULL, type_cause,
				  esm, sizeof(esm));
	if (n_esm < 0) {
		emm_attach_reject(d, ue, EMM_CAUSE_PROTOCOL, NULL, 0);
		return;
	}
	ue_new_tmsi(d->ues, ue);	/* 5.5.1.2.4: a new GUTI with every attach */
	n = emm_b_attach_accept(d, ue, esm, (size_t)n_esm,
				(ue->attach_type == 2) ? EMM_CAUSE_CS_NOT_AVAILABLE : 0, b,
				sizeof(b));
	if (n < 0) {
		emm_attach_reject(d, ue, EMM_CAUSE_PROTOCOL, NULL, 0);
		return;
	}
	emm_change_state(ue, EMM_WAIT_ATTACH_COMPLETE, "attach accepted");
	/* T3450 runs for the Attach Accept; its first copy rides in the ICS */
	emm_stop_retx(ue);
	ue->emm_retx = malloc((size_t)n);
	if (ue->emm_retx) {
		memcpy(ue->emm_retx, b, (size_t)n);
		ue->emm_retx_len = (uint16_t)n;
		ev_timer_start(d->loop, &ue->t_emm, (uint64_t)d->cfg.timers.t3450 * 1000);
	}
	n = emm_wrap(ue, b, (size_t)n, NAS_SHT_INTEGRITY_CIPHERED, out, sizeof(out));
	if (n < 0 || s1_send_ics(d, ue, out, (size_t)n))
		emm_abort(d, ue, "initial context setup not sent");
}

void emm_attach_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *esm = nas_ie_get(m, "ESM message container");
	uint8_t b[200];
	int n;

	emm_stop_retx(ue);
	esm_attach_complete(d, ue, esm->val, esm->len);
	free(ue->esm_req);
	ue->esm_req = NULL;
	ue->esm_req_len = 0;
	emm_change_state(ue, EMM_REGISTERED, "attach complete");
	ue->proc = PROC_NONE;
	emm_attach_result(d, "success");
	mme_latency(d, "attach", ev_now(d->loop) - ue->proc_start_ms);
	log_info(MOD, "%s: attached, M-TMSI 0x%08x", ue->imsi, ue->m_tmsi);
	n = emm_b_emm_information(d, b, sizeof(b));
	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
	if (d->state)
		state_ue_save(d->state, ue);
	if (d->pol)
		policy_apply_ue(d, ue);
}
