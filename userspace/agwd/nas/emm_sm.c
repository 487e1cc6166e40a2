// SPDX-License-Identifier: GPL-2.0
/*
 * The EMM state machine of a UE (TS 24.301 5.1.3.4, MME side).
 *
 * One dispatch table: (message, states it is expected in) -> handler.
 * A message that is not expected in the current state gets the spec's
 * answer, an EMM status with cause #98 "message type not compatible with
 * the protocol state" (24.301 7.4), and is counted.  Every transition goes
 * through emm_change_state(), which logs (state, event, previous state).
 *
 * Retransmissions: one EMM timer per UE (only one EMM procedure runs at a
 * time): T3450, T3460, T3470 and T3422 all re-send the kept message up to
 * four times and abort the procedure at the fifth expiry (5.4.x.7, 5.5.x.7).
 */
#include <stdlib.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"

#define MOD "emm"
#define MAX_RETX 4

#define S(x) (1u << (x))
#define S_ANY 0xffffffffu
#define S_COMMON (S(EMM_WAIT_IDENTITY) | S(EMM_WAIT_AUTH) | S(EMM_WAIT_SMC))
#define S_REG (S(EMM_REGISTERED) | S(EMM_WAIT_GUTI_COMPLETE) | S(EMM_DEREG_INIT))

typedef void (*emm_msg_fn)(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok);

struct emm_rule {
	uint8_t type;
	uint32_t states;
	bool need_integrity;		/* must come integrity protected */
	emm_msg_fn fn;
};

static void h_attach(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	emm_attach_request(d, ue, m, ok);
}

#define WRAP(name, call)						\
	static void name(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok) \
	{ call(d, ue, m); }
WRAP(h_identity, emm_identity_response)
WRAP(h_auth_resp, emm_auth_response)
WRAP(h_auth_fail, emm_auth_failure)
WRAP(h_smc_complete, emm_smc_complete)
WRAP(h_smc_reject, emm_smc_reject)
WRAP(h_attach_complete, emm_attach_complete)
WRAP(h_detach, emm_detach_request)
WRAP(h_detach_accept, emm_detach_accept)
WRAP(h_tau_complete, emm_tau_complete)
WRAP(h_guti_complete, emm_guti_complete)
WRAP(h_status, emm_status_rx)

static void h_ext_sr(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	emm_ext_service_request(d, ue, m, ok);
}

static void h_tau(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	emm_tau_request(d, ue, m, ok);
}

static void h_ul_transport(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	/* SMS over NAS is not offered (no SGs): 24.301 5.6.3 */
	log_info(MOD, "%s: Uplink NAS transport ignored (no SMS service)", ue->imsi);
}

static const struct emm_rule rules[] = {
	{ NAS_ATTACH_REQUEST, S_ANY, false, h_attach },
	{ NAS_IDENTITY_RESPONSE, S(EMM_WAIT_IDENTITY), false, h_identity },
	{ NAS_AUTH_RESPONSE, S(EMM_WAIT_AUTH), false, h_auth_resp },
	{ NAS_AUTH_FAILURE, S(EMM_WAIT_AUTH), false, h_auth_fail },
	{ NAS_SMC_COMPLETE, S(EMM_WAIT_SMC), true, h_smc_complete },
	{ NAS_SMC_REJECT, S(EMM_WAIT_SMC), false, h_smc_reject },
	{ NAS_ATTACH_COMPLETE, S(EMM_WAIT_ATTACH_COMPLETE), true, h_attach_complete },
	{ NAS_DETACH_REQUEST, S_ANY, false, h_detach },
	{ NAS_DETACH_ACCEPT, S(EMM_DEREG_INIT), false, h_detach_accept },
	{ NAS_TAU_REQUEST, S_ANY, false, h_tau },
	{ NAS_TAU_COMPLETE, S_REG, true, h_tau_complete },
	{ NAS_GUTI_REALLOC_COMPLETE, S(EMM_WAIT_GUTI_COMPLETE), true, h_guti_complete },
	{ NAS_EMM_STATUS, S_ANY, false, h_status },
	{ NAS_UL_NAS_TRANSPORT, S_REG, true, h_ul_transport },
	/* from ECM-CONNECTED (CS fallback while connected); 4.4.4.3 integrity */
	{ NAS_EXT_SERVICE_REQUEST, S_REG, true, h_ext_sr },
};

void emm_change_state(struct ue *ue, unsigned int st, const char *event)
{
	unsigned int prev = ue->emm;

	ue->emm = (uint8_t)st;
	if (prev != st)
		log_debug(MOD, "%s: %s -> %s on %s", ue->imsi[0] ? ue->imsi : "(no IMSI)",
			  emm_state_name(prev), emm_state_name(st), event);
}

static void send_status(struct agwd *d, struct ue *ue, uint8_t cause)
{
	uint8_t b[8];
	int n = emm_b_cause_only(NAS_EMM_STATUS, cause, b, sizeof(b));

	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
}

void emm_dispatch(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct emm_rule *r = &rules[i];

		if (r->type != m->type)
			continue;
		if (!(r->states & S(ue->emm))) {
			log_info(MOD, "%s: %s unexpected in %s", ue->imsi, m->desc->name,
				 emm_state_name(ue->emm));
			mme_count(d, "nas_unexpected");
			send_status(d, ue, EMM_CAUSE_NOT_COMPATIBLE);
			return;
		}
		if (r->need_integrity && !ok) {
			mme_count(d, "nas_dropped_plain");
			return;
		}
		r->fn(d, ue, m, ok);
		return;
	}
	/* a downlink-only message type: 24.301 7.4 */
	mme_count(d, "nas_unexpected");
	send_status(d, ue, NAS_CAUSE_MSG_TYPE_UNKNOWN);
}

/* ------------------------------------------------------------- timers --- */

static void on_emm_timer(struct ev_loop *loop, void *arg);

void emm_timers_init(struct ue *ue)
{
	ev_timer_init(&ue->t_emm, on_emm_timer, ue);
}

void emm_stop_retx(struct ue *ue)
{
	ev_timer_stop(ue->d->loop, &ue->t_emm);
	free(ue->emm_retx);
	ue->emm_retx = NULL;
	ue->emm_retx_len = 0;
	ue->emm_tries = 0;
}

int emm_send_retx(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len,
		  uint32_t timeout_s)
{
	uint8_t *copy = malloc(len);

	if (!copy)
		return -1;
	memcpy(copy, plain, len);
	emm_stop_retx(ue);
	ue->emm_retx = copy;
	ue->emm_retx_len = (uint16_t)len;
	ue->t_emm.arg = ue;
	ev_timer_start(d->loop, &ue->t_emm, (uint64_t)timeout_s * 1000);
	if (ue->emm == EMM_WAIT_SMC)		/* the SMC is sent by emm_attach.c */
		return 0;
	return emm_send_plain(d, ue, plain, len);
}

static uint32_t timeout_of(const struct agwd *d, unsigned int st)
{
	switch (st) {
	case EMM_WAIT_IDENTITY:
		return d->cfg.timers.t3470;
	case EMM_WAIT_AUTH:
	case EMM_WAIT_SMC:
		return d->cfg.timers.t3460;
	case EMM_WAIT_ESM_INFO:
		return 4;		/* T3489 (24.301 10.3) */
	case EMM_DEREG_INIT:
		return 6;		/* T3422 */
	default:
		return d->cfg.timers.t3450;
	}
}

static void resend_smc(struct agwd *d, struct ue *ue)
{
	uint8_t out[UE_NAS_MAX + 16];
	int n = emm_wrap(ue, ue->emm_retx, ue->emm_retx_len, NAS_SHT_INTEGRITY_NEW_CTX, out,
			 sizeof(out));

	if (n > 0)
		s1_send_dl_nas(d, ue, out, (size_t)n);
}

static void on_emm_timer(struct ev_loop *loop, void *arg)
{
	struct ue *ue = arg;
	struct agwd *d = ue->d;

	if (!ue->emm_retx)
		return;
	if (++ue->emm_tries > MAX_RETX || !ue_connected(ue)) {
		log_info(MOD, "%s: no answer in %s after %u retransmissions", ue->imsi,
			 emm_state_name(ue->emm), MAX_RETX);
		mme_count(d, "nas_timeouts");
		emm_abort(d, ue, "timer expiry");
		return;
	}
	ev_timer_start(loop, &ue->t_emm, (uint64_t)timeout_of(d, ue->emm) * 1000);
	if (ue->emm == EMM_WAIT_SMC)
		resend_smc(d, ue);
	else
		emm_send_plain(d, ue, ue->emm_retx, ue->emm_retx_len);
}

/* ------------------------------------------------------------ aborts --- */

void emm_release_s1(struct agwd *d, struct ue *ue, const char *group, const char *cause)
{
	if (!ue_connected(ue) || ue->release_pending)
		return;
	if (s1_send_ue_release(d, ue, group, cause))
		s1_ue_released(d, ue);		/* could not send: release locally */
}

void emm_local_detach(struct agwd *d, struct ue *ue, const char *why)
{
	log_notice(MOD, "%s: detached (%s)", ue->imsi[0] ? ue->imsi : "(no IMSI)", why);
	emm_stop_retx(ue);
	emm_reach_stop(d, ue);
	ev_timer_stop(d->loop, &ue->t_esm);
	sess_release_all(d, ue);
	emm_change_state(ue, EMM_DEREGISTERED, why);
	ue->proc = PROC_NONE;
	if (d->state && ue->uid)
		state_ue_delete(d->state, ue->uid);
	if (ue_connected(ue)) {
		ue->free_on_release = true;
		emm_release_s1(d, ue, "nas", "detach");
		return;
	}
	ue_free(d->ues, ue);
}

/*
 * A procedure failed for good.  During an attach the UE is back to
 * EMM-DEREGISTERED (whatever was set up is released); a registered UE
 * stays registered (GUTI reallocation: both GUTIs stay valid, 5.4.1.4);
 * a network detach completes locally (5.5.2.2.4).
 */
void emm_abort(struct agwd *d, struct ue *ue, const char *why)
{
	emm_stop_retx(ue);
	switch (ue->emm) {
	case EMM_WAIT_GUTI_COMPLETE:
		/* 5.4.1.6: the old GUTI is current again, the new one stays valid */
		ue_swap_tmsi(d->ues, ue);
		mme_count(d, "guti_realloc_aborted");
		emm_change_state(ue, EMM_REGISTERED, why);
		emm_guti_done(d, ue);
		return;
	case EMM_REGISTERED:
		return;
	case EMM_DEREG_INIT:
		emm_local_detach(d, ue, why);
		return;
	default:
		break;
	}
	if (ue->proc == PROC_ATTACH)
		emm_attach_result(d, "aborted");
	if (ue->proc == PROC_ATTACH || ue->emm != EMM_DEREGISTERED || !ue->imsi[0]) {
		emm_local_detach(d, ue, why);
		return;
	}
	ue->proc = PROC_NONE;
}
