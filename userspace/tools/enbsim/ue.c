// SPDX-License-Identifier: GPL-2.0
/*
 * The UE: its EMM state machine (TS 24.301 5.1.3.2, the states a UE goes
 * through for attach, detach, TAU and service request), ECM state (whether
 * an S1 connection exists), the procedure timers (T3410, T3417, T3421,
 * T3430: 24.301 10.2) and the outcome of each procedure for the scenario
 * engine.  Every transition goes through ue_change_state(), which logs.
 * Downlink EMM messages come in through ue_emm_rx(), one dispatch over
 * (message, state); a message the state does not expect gets an EMM
 * status (#98), never silence.
 */
#include <string.h>

#include "enbsim.h"
#include "lib/log.h"

#define MOD "ue"

/* TS 24.301 10.2 table 10.2.1 (UE side), milliseconds */
#define T3410_MS	15000
#define T3417_MS	5000
#define T3421_MS	15000
#define T3430_MS	15000
#define EMM_MAX_TRIES	5	/* attach attempt counter limit, 5.5.1.2.6 */

static const char *const state_names[] = {
	[EMM_DEREGISTERED] = "EMM-DEREGISTERED",
	[EMM_REG_INIT] = "EMM-REGISTERED-INITIATED",
	[EMM_REGISTERED] = "EMM-REGISTERED",
	[EMM_DEREG_INIT] = "EMM-DEREGISTERED-INITIATED",
	[EMM_TAU_INIT] = "EMM-TRACKING-AREA-UPDATING-INITIATED",
	[EMM_SR_INIT] = "EMM-SERVICE-REQUEST-INITIATED",
};

static const char *const proc_names[] = {
	"none", "attach", "detach", "service request", "TAU", "PDN connectivity",
	"PDN disconnect", "idle", "handover",
};

static void emm_timer_cb(struct ev_loop *loop, void *arg);
static void esm_timer_cb(struct ev_loop *loop, void *arg);

void ue_init(struct enbsim *sim, struct ue *ue, unsigned int idx, const struct ue_cfg *cfg)
{
	memset(ue, 0, sizeof(*ue));
	ue->sim = sim;
	ue->idx = idx;
	ue->cfg = *cfg;
	ue->enb = &sim->enb[cfg->enb < sim->n_enbs ? cfg->enb : 0];
	ue->ksi = ue->new_ksi = 7;
	ue->tun_fd = -1;
	ue->next_pti = 1;
	ue->proc.expect_cause = -1;
	eps_sqn_ms_init(&ue->sqn_ms, EPS_SQN_IND_BITS_DEFAULT, 0, 0, 0);
	if (cfg->sqn) {
		/* the USIM has accepted SQNs up to cfg->sqn in every IND slot */
		for (unsigned int i = 0; i < (1u << EPS_SQN_IND_BITS_DEFAULT); i++)
			ue->sqn_ms.seq_ms[i] = eps_sqn_seq(cfg->sqn, EPS_SQN_IND_BITS_DEFAULT);
		ue->sqn_ms.highest = cfg->sqn;
	}
	if (cfg->tun[0])
		memcpy(ue->tun_name, cfg->tun, sizeof(ue->tun_name));
	else
		snprintf(ue->tun_name, sizeof(ue->tun_name), "ue%u", idx);
	ev_timer_init(&ue->t_emm, emm_timer_cb, ue);
	ev_timer_init(&ue->t_esm, esm_timer_cb, ue);
}

const char *ue_state_name(int st)
{
	return st >= 0 && st <= EMM_SR_INIT ? state_names[st] : "?";
}

void ue_change_state(struct ue *ue, int st, const char *event)
{
	int old = ue->emm;

	if (old == st)
		return;
	/* exit actions: a procedure timer belongs to the state it guards */
	if (old == EMM_REG_INIT || old == EMM_DEREG_INIT || old == EMM_TAU_INIT ||
	    old == EMM_SR_INIT)
		ue_emm_timer_stop(ue);
	ue->emm = st;
	log_info(MOD, "ue %u: %s -> %s on %s", ue->idx, ue_state_name(old), ue_state_name(st),
		 event);
	/* entry actions */
	if (st == EMM_DEREGISTERED)
		uplane_ue_down(ue);
}

void ue_proc_start(struct ue *ue, int kind)
{
	ue->proc.kind = kind;
	ue->proc.state = 0;
	ue->proc.detail[0] = 0;
	ue->proc.t0 = ev_time_ms();
	ue->proc.t1 = 0;
}

void ue_proc_done(struct ue *ue, int kind, int ok, const char *fmt, ...)
{
	va_list ap;

	if (ue->proc.kind != kind || ue->proc.state)
		return;
	ue->proc.state = ok ? 1 : -1;
	ue->proc.t1 = ev_time_ms();
	va_start(ap, fmt);
	vsnprintf(ue->proc.detail, sizeof(ue->proc.detail), fmt, ap);
	va_end(ap);
	log_info(MOD, "ue %u: %s %s: %s", ue->idx, proc_names[kind], ok ? "done" : "failed",
		 ue->proc.detail);
}

/* ------------------------------------------------------------- timers --- */

static uint64_t scaled(const struct ue *ue, unsigned int ms)
{
	double s = ue->sim->timer_scale > 0 ? ue->sim->timer_scale : 1.0;

	return (uint64_t)(ms * s) + 1;
}

void ue_emm_timer_start(struct ue *ue, unsigned int ms)
{
	ev_timer_start(ue->sim->loop, &ue->t_emm, scaled(ue, ms));
}

void ue_emm_timer_stop(struct ue *ue)
{
	ev_timer_stop(ue->sim->loop, &ue->t_emm);
	ue->emm_tries = 0;
}

void ue_esm_timer_start(struct ue *ue, unsigned int ms)
{
	ev_timer_start(ue->sim->loop, &ue->t_esm, scaled(ue, ms));
}

static void emm_timer_cb(struct ev_loop *loop, void *arg)
{
	struct ue *ue = arg;
	static const unsigned int ms[] = {
		[EMM_REG_INIT] = T3410_MS, [EMM_DEREG_INIT] = T3421_MS,
		[EMM_TAU_INIT] = T3430_MS, [EMM_SR_INIT] = T3417_MS,
	};

	ue->emm_tries++;
	log_warn(MOD, "ue %u: %s timer expired (%u)", ue->idx, ue_state_name(ue->emm),
		 ue->emm_tries);
	switch (ue->emm) {
	case EMM_SR_INIT:
		/* 5.6.1.6: T3417 expiry aborts the procedure */
		ue_change_state(ue, EMM_REGISTERED, "T3417 expiry");
		ue_proc_done(ue, PROC_SR, 0, "T3417 expired: no Initial Context Setup");
		ue_s1_forget(ue);
		return;
	case EMM_REG_INIT:
	case EMM_DEREG_INIT:
	case EMM_TAU_INIT:
		if (ue->emm_tries >= EMM_MAX_TRIES)
			break;
		/* retransmit the request (5.5.1.2.6 c, 5.5.2.2.4 c, 5.5.3.2.6 c) */
		if (ue_nas_resend_last(ue) == 0) {
			unsigned int tries = ue->emm_tries;

			ev_timer_start(loop, &ue->t_emm, scaled(ue, ms[ue->emm]));
			ue->emm_tries = tries;
			return;
		}
		break;
	default:
		return;
	}
	if (ue->emm == EMM_REG_INIT) {
		ue_proc_done(ue, PROC_ATTACH, 0, "T3410 expired %u times", ue->emm_tries);
		ue_local_detach(ue, "attach attempts exhausted");
	} else if (ue->emm == EMM_DEREG_INIT) {
		ue_proc_done(ue, PROC_DETACH, 0, "T3421 expired %u times", ue->emm_tries);
		ue_local_detach(ue, "detach attempts exhausted");
	} else {
		ue_change_state(ue, EMM_REGISTERED, "T3430 expiry");
		ue_proc_done(ue, PROC_TAU, 0, "T3430 expired %u times", ue->emm_tries);
	}
	ue_s1_forget(ue);
}

static void esm_timer_cb(struct ev_loop *loop, void *arg)
{
	struct ue *ue = arg;
	int kind = ue->proc.kind;

	/* T3482 / T3492 (24.301 10.3): retransmit 4 times, then give up */
	if (++ue->esm_tries < 5 && ue->esm_plain_len && ue->connected) {
		log_warn(MOD, "ue %u: ESM timer expired, retransmitting", ue->idx);
		ue_nas_send_plain_bytes(ue, ue->esm_plain, ue->esm_plain_len, 0);
		ev_timer_start(loop, &ue->t_esm, scaled(ue, kind == PROC_PDN_DISC ? 6000 : 8000));
		return;
	}
	ue->esm_plain_len = 0;
	if (kind == PROC_PDN_CONN || kind == PROC_PDN_DISC)
		ue_proc_done(ue, kind, 0, "%s timer expired", kind == PROC_PDN_CONN ?
			     "T3482" : "T3492");
}

/* --------------------------------------------------------- procedures --- */

int ue_attach(struct ue *ue, int expect_reject, int expect_cause)
{
	ue_proc_start(ue, PROC_ATTACH);
	ue->proc.expect_reject = (uint8_t)expect_reject;
	ue->proc.expect_cause = expect_cause;
	if (ue->emm != EMM_DEREGISTERED) {
		ue_proc_done(ue, PROC_ATTACH, 0, "not in EMM-DEREGISTERED but %s",
			     ue_state_name(ue->emm));
		return -1;
	}
	if (ue->enb->state != S1_UP) {
		ue_proc_done(ue, PROC_ATTACH, 0, "eNB %u has no S1 connection", ue->enb->idx);
		return -1;
	}
	ue->ue_cap_sent = 0;
	ue_change_state(ue, EMM_REG_INIT, "attach");
	if (ue_send_attach_request(ue)) {
		ue_change_state(ue, EMM_DEREGISTERED, "attach request not sent");
		ue_proc_done(ue, PROC_ATTACH, 0, "cannot send the attach request");
		return -1;
	}
	ue_emm_timer_start(ue, T3410_MS);
	return 0;
}

int ue_detach(struct ue *ue, int switch_off)
{
	ue_proc_start(ue, PROC_DETACH);
	ue->proc.switch_off = (uint8_t)switch_off;
	if (ue->emm != EMM_REGISTERED && ue->emm != EMM_TAU_INIT && ue->emm != EMM_SR_INIT) {
		ue_proc_done(ue, PROC_DETACH, 0, "not registered (%s)", ue_state_name(ue->emm));
		return -1;
	}
	ue_change_state(ue, EMM_DEREG_INIT, switch_off ? "switch-off detach" : "detach");
	if (ue_send_detach_request(ue, switch_off)) {
		ue_proc_done(ue, PROC_DETACH, 0, "cannot send the detach request");
		ue_local_detach(ue, "detach request not sent");
		return -1;
	}
	if (switch_off) {
		/* 5.5.2.2.1: switch off: no answer is awaited */
		ue_proc_done(ue, PROC_DETACH, 1, "switch-off detach sent");
		ue_local_detach(ue, "switch off");
		return 0;
	}
	ue_emm_timer_start(ue, T3421_MS);
	return 0;
}

/*
 * Service request (8.2.25) or, with esr_type >= 0, an extended service
 * request of that service type (8.2.15, 9.9.3.27), from ECM-IDLE.  A
 * Service Reject counts as success when expect_cause (>= 0) matches.
 */
int ue_service_request_ext(struct ue *ue, int mt, int esr_type, int expect_cause)
{
	int rc;

	ue_proc_start(ue, PROC_SR);
	ue->proc.expect_reject = expect_cause >= 0;
	ue->proc.expect_cause = expect_cause;
	if (ue->emm != EMM_REGISTERED || ue->connected || !ue->has_sec) {
		ue_proc_done(ue, PROC_SR, 0, "needs EMM-REGISTERED, ECM-IDLE and a security "
			     "context (%s, %s)", ue_state_name(ue->emm),
			     ue->connected ? "connected" : "idle");
		return -1;
	}
	ue_change_state(ue, EMM_SR_INIT, mt ? "paging" : esr_type >= 0 ?
			"extended service request" : "service request");
	rc = esr_type >= 0 ? ue_send_ext_service_request(ue, (uint8_t)esr_type) :
	     ue_send_service_request(ue);
	if (rc) {
		ue_change_state(ue, EMM_REGISTERED, "service request not sent");
		ue_proc_done(ue, PROC_SR, 0, "cannot send the service request");
		return -1;
	}
	ue_emm_timer_start(ue, T3417_MS);
	return 0;
}

int ue_service_request(struct ue *ue, int mt)
{
	return ue_service_request_ext(ue, mt, -1, -1);
}

int ue_tau(struct ue *ue, int periodic)
{
	ue_proc_start(ue, PROC_TAU);
	if (ue->emm != EMM_REGISTERED || !ue->has_guti) {
		ue_proc_done(ue, PROC_TAU, 0, "needs EMM-REGISTERED and a GUTI (%s)",
			     ue_state_name(ue->emm));
		return -1;
	}
	ue_change_state(ue, EMM_TAU_INIT, periodic ? "periodic TAU" : "TAU");
	if (ue_send_tau_request(ue, periodic)) {
		ue_change_state(ue, EMM_REGISTERED, "TAU request not sent");
		ue_proc_done(ue, PROC_TAU, 0, "cannot send the TAU request");
		return -1;
	}
	ue_emm_timer_start(ue, T3430_MS);
	return 0;
}

int ue_go_idle(struct ue *ue)
{
	ue_proc_start(ue, PROC_IDLE);
	if (!ue->connected || !ue->has_mme_id) {
		ue_proc_done(ue, PROC_IDLE, 0, "no S1 connection");
		return -1;
	}
	/* TS 36.413 8.3.2: eNB initiated UE context release, user inactivity */
	if (ue_s1_release_request(ue, S1AP_CAUSE_RADIO_NETWORK_USER_INACTIVITY)) {
		ue_proc_done(ue, PROC_IDLE, 0, "cannot send UE Context Release Request");
		return -1;
	}
	return 0;
}

void ue_paged(struct ue *ue, int by_imsi)
{
	ue->n_paged++;
	if (by_imsi) {
		/* 24.301 5.6.2.2.2: paging with IMSI: local detach, then attach */
		log_notice(MOD, "ue %u: paged with IMSI: local detach and attach", ue->idx);
		ue_local_detach(ue, "paging with IMSI");
		ue_attach(ue, 0, -1);
		return;
	}
	if (ue->connected || ue->emm != EMM_REGISTERED) {
		log_info(MOD, "ue %u: paged while %s/%s: ignored", ue->idx, ue_state_name(ue->emm),
			 ue->connected ? "connected" : "idle");
		return;
	}
	ue_service_request(ue, 1);
}

void ue_local_detach(struct ue *ue, const char *why)
{
	ue_change_state(ue, EMM_DEREGISTERED, why);
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		ue_bearer_clear(&ue->br[i]);
	memset(ue->pdn, 0, sizeof(ue->pdn));
	ev_timer_stop(ue->sim->loop, &ue->t_esm);
	ue->esm_plain_len = 0;
}

void ue_s1_released(struct ue *ue, const char *why)
{
	if (!ue->connected)
		return;
	ue->connected = 0;
	ue->has_mme_id = 0;
	ue->n_released++;
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		ue->br[i].s1u_up = 0;
	log_info(MOD, "ue %u: S1 connection released (%s), ECM-IDLE", ue->idx, why);
	switch (ue->emm) {
	case EMM_REG_INIT:
		if (ue->proc.kind == PROC_ATTACH && !ue->proc.state) {
			/* an attach reject is followed by the release: keep its outcome */
			ue_proc_done(ue, PROC_ATTACH, 0, "S1 connection released (%s)", why);
			ue_local_detach(ue, "S1 released during attach");
		}
		break;
	case EMM_SR_INIT:
		ue_change_state(ue, EMM_REGISTERED, "S1 released");
		ue_proc_done(ue, PROC_SR, 0, "S1 connection released (%s)", why);
		break;
	case EMM_DEREG_INIT:
		ue_proc_done(ue, PROC_DETACH, 1, "S1 released before Detach Accept (%s)", why);
		ue_local_detach(ue, "S1 released while detaching");
		break;
	case EMM_TAU_INIT:
		ue_change_state(ue, EMM_REGISTERED, "S1 released");
		ue_proc_done(ue, PROC_TAU, 0, "S1 connection released (%s)", why);
		break;
	}
	ue_proc_done(ue, PROC_IDLE, 1, "ECM-IDLE (%s)", why);
}

struct ue *ue_by_enb_id(struct enbsim *sim, struct enb *e, uint32_t enb_ue_id)
{
	unsigned int i = enb_ue_id & ((1u << ENBSIM_UE_ID_BITS) - 1);
	struct ue *ue;

	if (i >= sim->n_ues)
		return NULL;
	ue = &sim->ues[i];
	return ue->enb == e && ue->connected && ue->enb_ue_id == enb_ue_id ? ue : NULL;
}

struct ue *ue_by_mme_id(struct enbsim *sim, struct enb *e, uint32_t mme_ue_id)
{
	for (unsigned int i = 0; i < sim->n_ues; i++) {
		struct ue *ue = &sim->ues[i];

		if (ue->enb == e && ue->connected && ue->has_mme_id && ue->mme_ue_id == mme_ue_id)
			return ue;
	}
	return NULL;
}
