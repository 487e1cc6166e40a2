// SPDX-License-Identifier: GPL-2.0
/*
 * EMM: the way in (Initial UE Message, Uplink NAS Transport; the service
 * requests themselves are in emm_service.c), detach (5.5.2), tracking area
 * update (5.5.3), GUTI reallocation (5.4.1), paging (5.6.2), the S1
 * connection going away and
 * the mobile reachable / implicit detach timers (5.3.7).
 */
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

#define MOD "emm"

void emm_reject_release(struct agwd *d, struct ue *ue, unsigned int type, uint8_t cause)
{
	uint8_t b[8];
	int n = emm_b_cause_only(type, cause, b, sizeof(b));

	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
	if (!ue->imsi[0] || !ue_registered(ue))
		ue->free_on_release = !ue_registered(ue);
	emm_release_s1(d, ue, "nas", "normal-release");
}

/* A context for a connection nobody knows: answered, then released and freed. */
static struct ue *temp_ue(struct agwd *d, const struct emm_initial *in)
{
	struct ue *ue = ue_new(d->ues, 0);

	if (!ue)
		return NULL;
	emm_timers_init(ue);
	esm_timers_init(ue);
	ue->free_on_release = true;
	ue_bind(d->ues, ue, in->enb, in->enb_ue_id, in->stream);
	return ue;
}

static bool guti_ours(const struct agwd *d, const struct nas_mobile_id *id)
{
	return id->type == NAS_ID_GUTI && !strcmp(id->plmn.mcc, d->cfg.plmn.mcc) &&
	       !strcmp(id->plmn.mnc, d->cfg.plmn.mnc) && id->mme_gid == d->cfg.mme.group_id &&
	       id->mme_code == d->cfg.mme.code;
}

/*
 * A UE known by this M-TMSI.  Around a GUTI reallocation two are valid
 * (5.4.1.4, 5.4.1.6): a UE on a new connection aborts a reallocation still
 * waiting for its complete, and the GUTI it used becomes the only one.
 */
static struct ue *tmsi_lookup(struct agwd *d, uint32_t m_tmsi)
{
	struct ue *ue = ue_by_tmsi(d->ues, m_tmsi);

	if (!ue)
		return NULL;
	if (ue->emm == EMM_WAIT_GUTI_COMPLETE)
		emm_abort(d, ue, "new S1 connection");
	ue_tmsi_used(d->ues, ue, m_tmsi);
	return ue;
}

static struct ue *find_by_id(struct agwd *d, const struct nas_msg *m, const char *ie_name,
			     uint8_t *id_type, char *imsi)
{
	const struct nas_ie *ie = nas_ie_get(m, ie_name);
	struct nas_mobile_id id;

	*id_type = 0;
	imsi[0] = 0;
	if (!ie || nas_eps_mobile_id_dec(&id, ie->val, ie->len, NULL))
		return NULL;
	*id_type = id.type;
	if (id.type == NAS_ID_IMSI) {
		memcpy(imsi, id.digits, UE_IMSI_MAX + 1);
		imsi[UE_IMSI_MAX] = 0;
		return ue_by_imsi(d->ues, imsi);
	}
	return guti_ours(d, &id) ? tmsi_lookup(d, id.tmsi) : NULL;
}

/* Move a known context onto the new S1 connection (the old one is released). */
static void adopt(struct agwd *d, struct ue *ue, const struct emm_initial *in)
{
	if (ue_connected(ue)) {
		if (!ue->release_pending)
			s1_send_ue_release(d, ue, "radioNetwork", "unspecified");
		ue_unbind(d->ues, ue);
		sess_dp_idle(d, ue);
	}
	emm_reach_stop(d, ue);
	ue_bind(d->ues, ue, in->enb, in->enb_ue_id, in->stream);
	memcpy(ue->tai_plmn, in->tai_plmn, 3);
	ue->tac = in->tac;
	memcpy(ue->ecgi, in->ecgi, 7);
}

static struct ue *ue_for_attach(struct agwd *d, const struct emm_initial *in,
				const struct nas_msg *m)
{
	char imsi[UE_IMSI_MAX + 1];
	uint8_t type;
	struct ue *ue = find_by_id(d, m, "EPS mobile identity", &type, imsi);

	if (ue) {
		adopt(d, ue, in);
		if (ue->emm != EMM_DEREGISTERED) {
			/* 5.5.1.2.7: a new attach in any state restarts from scratch */
			emm_stop_retx(ue);
			ev_timer_stop(d->loop, &ue->t_esm);
			sess_release_all(d, ue);
			emm_change_state(ue, EMM_DEREGISTERED, "new attach request");
		}
	} else {
		ue = temp_ue(d, in);
		if (!ue)
			return NULL;
		ue->free_on_release = false;
		memcpy(ue->tai_plmn, in->tai_plmn, 3);
		ue->tac = in->tac;
		memcpy(ue->ecgi, in->ecgi, 7);
		if (imsi[0])
			ue_set_imsi(d->ues, ue, imsi);
	}
	ue->id_type = type;
	return ue;
}

/*
 * Extended service request in an Initial UE Message (5.6.1.2): the UE by
 * its M-TMSI (the S-TMSI of the S1AP message, when present, must agree),
 * then the MAC checked like any message (4.4.4.3).  Unknown UE or bad MAC:
 * Service Reject #9 (5.6.1.5), as for a service request.
 */
static void initial_esr(struct agwd *d, const struct emm_initial *in, const struct nas_msg *m,
			const uint8_t *nas, size_t len)
{
	const struct nas_ie *ie = nas_ie_get(m, "M-TMSI");
	uint8_t plain[UE_NAS_MAX];
	struct nas_mobile_id id;
	struct ue *ue = NULL;
	bool ok = false;

	if (ie && !nas_mobile_id_dec(&id, ie->val, ie->len, NULL) && id.type == NAS_ID_TMSI &&
	    (!in->has_stmsi || (in->mmec == d->cfg.mme.code && in->m_tmsi == id.tmsi)))
		ue = tmsi_lookup(d, id.tmsi);
	if (ue) {
		adopt(d, ue, in);
		if (emm_open(d, ue, nas, len, plain, sizeof(plain), &ok) >= 0 && ok) {
			emm_ext_service_request(d, ue, m, ok);
			return;
		}
	} else {
		ue = temp_ue(d, in);
	}
	mme_count(d, "ext_service_requests");
	mme_count(d, "service_reject");
	if (ue)
		emm_reject_release(d, ue, NAS_SERVICE_REJECT, EMM_CAUSE_UE_ID_NOT_DERIVED);
}

static void initial_msg(struct agwd *d, const struct emm_initial *in, const struct nas_msg *m,
			const uint8_t *nas, size_t len)
{
	char imsi[UE_IMSI_MAX + 1];
	uint8_t type, plain[UE_NAS_MAX];
	bool ok = false;
	struct ue *ue;

	if (m->type == NAS_ATTACH_REQUEST) {
		ue = ue_for_attach(d, in, m);
		if (ue && emm_open(d, ue, nas, len, plain, sizeof(plain), &ok) >= 0)
			emm_attach_request(d, ue, m, ok);
		else if (ue)
			emm_local_detach(d, ue, "undecodable attach request");
		return;
	}
	if (m->type == NAS_EXT_SERVICE_REQUEST) {
		initial_esr(d, in, m, nas, len);
		return;
	}
	ue = find_by_id(d, m, m->type == NAS_TAU_REQUEST ? "Old GUTI" : "EPS mobile identity",
			&type, imsi);
	if (!ue) {
		ue = temp_ue(d, in);
		if (!ue)
			return;
		if (m->type == NAS_TAU_REQUEST)
			emm_reject_release(d, ue, NAS_TAU_REJECT, EMM_CAUSE_UE_ID_NOT_DERIVED);
		else if (m->type == NAS_DETACH_REQUEST)
			emm_detach_request(d, ue, m);
		else
			emm_reject_release(d, ue, NAS_EMM_STATUS, EMM_CAUSE_NOT_COMPATIBLE);
		return;
	}
	adopt(d, ue, in);
	if (emm_open(d, ue, nas, len, plain, sizeof(plain), &ok) < 0) {
		emm_release_s1(d, ue, "nas", "unspecified");
		return;
	}
	if (m->type == NAS_TAU_REQUEST || m->type == NAS_DETACH_REQUEST)
		emm_dispatch(d, ue, m, ok);
	else
		emm_reject_release(d, ue, NAS_EMM_STATUS, EMM_CAUSE_NOT_COMPATIBLE);
}

static void initial_sr(struct agwd *d, const struct emm_initial *in, const uint8_t *nas,
		       size_t len)
{
	struct ue *ue = in->has_stmsi && in->mmec == d->cfg.mme.code ?
			tmsi_lookup(d, in->m_tmsi) : NULL;

	if (!ue) {
		ue = temp_ue(d, in);
		if (ue)
			emm_reject_release(d, ue, NAS_SERVICE_REJECT, EMM_CAUSE_UE_ID_NOT_DERIVED);
		mme_count(d, "service_reject");
		return;
	}
	adopt(d, ue, in);
	emm_service_request(d, ue, nas, len);
}

void emm_initial_ue(struct agwd *d, const struct emm_initial *in, const uint8_t *nas,
		    size_t len)
{
	struct nas_sec_hdr h;
	struct nas_err err;
	struct nas_msg m;
	const uint8_t *p = nas;
	size_t n = len;
	struct ue *ue;
	int r;

	if (len >= 4 && (nas[0] & 0x0f) == NAS_PD_EMM && (nas[0] >> 4) >= NAS_SHT_SERVICE_REQUEST) {
		initial_sr(d, in, nas, len);
		return;
	}
	r = nas_sec_hdr_decode(&h, nas, len, &err);
	if (r == 1) {
		p = h.inner;
		n = h.inner_len;
	}
	/* the identity is read before the MAC can be checked (4.4.4.3) */
	if (r < 0 || (r == 1 && (h.sht == NAS_SHT_INTEGRITY_CIPHERED ||
				 h.sht == NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX)) ||
	    nas_decode(&m, p, n, NAS_DIR_UL, &err) || m.pd != NAS_PD_EMM) {
		log_info(MOD, "initial NAS message not usable: %s", r < 0 || r == 1 ? err.msg :
			 "ciphered");
		mme_count(d, "nas_initial_bad");
		ue = temp_ue(d, in);
		if (ue)
			emm_reject_release(d, ue, NAS_EMM_STATUS, r < 0 ? err.cause :
					   NAS_CAUSE_PROTOCOL);
		return;
	}
	initial_msg(d, in, &m, nas, len);
}

/* ------------------------------------------------------- uplink path --- */

static void emm_status_send(struct agwd *d, struct ue *ue, uint8_t cause)
{
	uint8_t b[8];
	int n = emm_b_cause_only(NAS_EMM_STATUS, cause, b, sizeof(b));

	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
}

void emm_uplink(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len)
{
	uint8_t plain[UE_NAS_MAX];
	struct nas_err err;
	struct nas_msg m;
	bool ok;
	int n = emm_open(d, ue, nas, len, plain, sizeof(plain), &ok);

	if (n < 0)
		return;
	if (n >= 1 && (plain[0] & 0x0f) == NAS_PD_ESM) {
		if (!ok) {
			mme_count(d, "nas_dropped_plain");
			return;
		}
		esm_rx(d, ue, plain, (size_t)n);
		return;
	}
	if (nas_decode(&m, plain, (size_t)n, NAS_DIR_UL, &err)) {
		log_info(MOD, "%s: %s", ue->imsi, err.msg);
		mme_count(d, "nas_undecodable");
		emm_status_send(d, ue, err.cause ? err.cause : NAS_CAUSE_PROTOCOL);
		return;
	}
	emm_dispatch(d, ue, &m, ok);
}

void emm_status_rx(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	log_info(MOD, "%s: EMM status #%d from the UE", ue->imsi, nas_ie_u8(m, "EMM cause"));
	mme_count(d, "emm_status_rx");
}

/* ------------------------------------------------------------- detach --- */

void emm_detach_request(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	int type = nas_ie_u8(m, "Detach type");
	bool switch_off = type >= 0 && (type & 8);
	uint8_t b[8];
	int n;

	mme_count(d, switch_off ? "detach_ue_switch_off" : "detach_ue");
	if (!switch_off) {
		n = emm_b_detach_accept(b, sizeof(b));
		if (n > 0)
			emm_send_plain(d, ue, b, (size_t)n);
	}
	emm_local_detach(d, ue, switch_off ? "UE detach (switch off)" : "UE detach");
}

void emm_detach_accept(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	emm_local_detach(d, ue, "network detach accepted");
}

int emm_detach_network(struct agwd *d, struct ue *ue, bool reattach)
{
	uint8_t b[8];
	int n;

	if (!ue_registered(ue)) {
		emm_local_detach(d, ue, "network detach");
		return 0;
	}
	if (!ue_connected(ue)) {
		/* 5.5.2.3.1: page first; the detach goes once the UE answers */
		ue->detach_pending = true;
		if (emm_page(d, ue))
			emm_local_detach(d, ue, "network detach (UE not reachable)");
		return 0;
	}
	mme_count(d, "detach_network");
	n = emm_b_detach_request(reattach, 0, b, sizeof(b));
	if (n < 0)
		return -1;
	emm_change_state(ue, EMM_DEREG_INIT, "network detach");
	ue->detach_pending = false;
	return emm_send_retx(d, ue, b, (size_t)n, 6);
}

/* -------------------------------------------------------------- TAU --- */

void emm_tau_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	int type = nas_ie_u8(m, "EPS update type");
	uint8_t b[200];
	int n;

	mme_count(d, "tau_requests");
	if (!s1mme_tai_served(d, ue->tai_plmn, ue->tac)) {
		emm_reject_release(d, ue, NAS_TAU_REJECT, EMM_CAUSE_NO_SUITABLE_CELLS);
		return;
	}
	if (!ok || !ue_registered(ue)) {
		/* 5.5.3.2.5: #9 / #10, the UE then attaches again */
		emm_reject_release(d, ue, NAS_TAU_REJECT, ok ? EMM_CAUSE_IMPLICITLY_DETACHED :
				   EMM_CAUSE_UE_ID_NOT_DERIVED);
		if (ue->imsi[0] && ue_registered(ue))
			emm_local_detach(d, ue, "TAU without integrity");
		return;
	}
	n = emm_b_tau_accept(d, ue, b, sizeof(b));
	if (n < 0)
		return;
	ue->proc = PROC_TAU;
	if (type >= 0 && (type & 8)) {		/* "active" flag: bearers now */
		uint8_t out[UE_NAS_MAX];
		int k = emm_wrap(ue, b, (size_t)n, NAS_SHT_INTEGRITY_CIPHERED, out, sizeof(out));

		emm_derive_kenb(ue);
		if (k > 0)
			s1_send_ics(d, ue, out, (size_t)k);
	} else {
		emm_send_plain(d, ue, b, (size_t)n);
		ue->proc = PROC_NONE;
		if ((type & 7) == 3 /* periodic updating, 9.9.3.14 */ && emm_guti_due(d, ue) &&
		    !emm_guti_realloc(d, ue))
			ue->release_after_guti = true;
		else if (!ue->ctx_setup)
			emm_release_s1(d, ue, "nas", "normal-release");
	}
	ue->proc = PROC_NONE;
	if (d->state)
		state_ue_save(d->state, ue);
}

void emm_tau_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	/* only expected after a new GUTI in the TAU accept, which we do not send */
}

/* ------------------------------------------------- GUTI reallocation --- */

/*
 * 5.4.1.2: a new GUTI (and the TAI list) in a GUTI Reallocation Command,
 * T3450 started; both GUTIs are valid until the complete (5.4.1.4).
 * Retransmitted four times; at the fifth expiry (5.4.1.6 b) emm_abort()
 * makes the old GUTI current again and keeps the new one valid too, until
 * the UE uses one of them (ue_tmsi_used()).
 */
int emm_guti_realloc(struct agwd *d, struct ue *ue)
{
	uint8_t b[128];
	int n;

	if (ue->emm != EMM_REGISTERED || !ue_connected(ue) || !ue->has_sec ||
	    ue->proc != PROC_NONE)
		return -1;
	ue_realloc_tmsi(d->ues, ue);
	n = emm_b_guti_realloc(d, ue, b, sizeof(b));
	if (n < 0) {
		ue_swap_tmsi(d->ues, ue);
		ue_drop_alt_tmsi(d->ues, ue);
		return -1;
	}
	mme_count(d, "guti_realloc");
	emm_change_state(ue, EMM_WAIT_GUTI_COMPLETE, "GUTI reallocation");
	return emm_send_retx(d, ue, b, (size_t)n, d->cfg.timers.t3450);
}

/* The reallocation ended (complete or abort): release if a TAU asked to. */
void emm_guti_done(struct agwd *d, struct ue *ue)
{
	if (d->state)
		state_ue_save(d->state, ue);
	if (ue->release_after_guti) {
		ue->release_after_guti = false;
		if (!ue->ctx_setup)
			emm_release_s1(d, ue, "nas", "normal-release");
	}
}

void emm_guti_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	emm_stop_retx(ue);
	ue_drop_alt_tmsi(d->ues, ue);		/* 5.4.1.4: the old GUTI is invalid now */
	mme_count(d, "guti_realloc_complete");
	emm_change_state(ue, EMM_REGISTERED, "GUTI reallocation complete");
	emm_guti_done(d, ue);
}

/* Configured reallocation on every N-th periodic TAU / service request. */
bool emm_guti_due(struct agwd *d, struct ue *ue)
{
	unsigned int every = d->cfg.mme.guti_realloc_every;

	if (!every)
		return false;
	if (++ue->guti_count < every)
		return false;
	ue->guti_count = 0;
	return true;
}

/* ------------------------------------------------ S1 gone, reachability --- */

static void on_reach(struct ev_loop *loop, void *arg)
{
	struct ue *ue = arg;
	struct agwd *d = ue->d;

	if (ue->reach_phase == 1) {
		/* 5.3.7: mobile reachable expired, start the implicit detach timer */
		ue->reach_phase = 2;
		ev_timer_start(loop, &ue->t_reach, (uint64_t)d->cfg.timers.implicit_detach * 1000);
		return;
	}
	mme_count(d, "implicit_detach");
	emm_local_detach(d, ue, "implicit detach timer expired");
}

void emm_reach_start(struct agwd *d, struct ue *ue)
{
	ev_timer_init(&ue->t_reach, on_reach, ue);
	ue->reach_phase = 1;
	ev_timer_start(d->loop, &ue->t_reach, (uint64_t)d->cfg.timers.mobile_reachable * 1000);
}

void emm_reach_stop(struct agwd *d, struct ue *ue)
{
	ev_timer_stop(d->loop, &ue->t_reach);
	ue->reach_phase = 0;
}

void emm_s1_released(struct agwd *d, struct ue *ue)
{
	sess_dp_idle(d, ue);
	ue_unbind(d->ues, ue);
	if (ue->free_on_release || !ue->imsi[0]) {
		emm_stop_retx(ue);
		ue_free(d->ues, ue);
		return;
	}
	if (!ue_registered(ue) || ue->proc == PROC_ATTACH) {
		emm_local_detach(d, ue, "S1 released during attach");
		return;
	}
	if (ue->emm == EMM_DEREG_INIT) {
		emm_local_detach(d, ue, "S1 released during network detach");
		return;
	}
	if (ue->emm == EMM_WAIT_GUTI_COMPLETE)
		emm_abort(d, ue, "S1 released");
	ue->proc = PROC_NONE;
	emm_reach_start(d, ue);
	if (d->state)
		state_ue_save(d->state, ue);
}

int emm_page(struct agwd *d, struct ue *ue)
{
	if (ue_connected(ue) || !ue_registered(ue))
		return 0;
	mme_count(d, "paging");
	return s1_send_paging(d, ue);
}
