// SPDX-License-Identifier: GPL-2.0
/*
 * EMM: service request (5.6.1, 8.2.25) and extended service request
 * (5.6.1, 8.2.15) of a registered UE, and the Initial Context Setup that
 * completes them (bearers back in the datapath).
 *
 * agwd is an EPS-only MME: no SGs interface, no CS domain, so a UE is
 * never attached for non-EPS services (a combined attach is accepted for
 * EPS only with #18, emm_attach.c) and a CS fallback request cannot be
 * served.
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

/* Bearers back: KeNB from the uplink NAS COUNT, Initial Context Setup. */
static void reactivate(struct agwd *d, struct ue *ue)
{
	ue->proc = PROC_SERVICE;
	ue->proc_start_ms = ev_now(d->loop);
	emm_derive_kenb(ue);
	if (s1_send_ics(d, ue, NULL, 0))
		emm_release_s1(d, ue, "nas", "unspecified");
}

void emm_service_request(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len)
{
	uint8_t plain[8];
	bool ok;

	mme_count(d, "service_requests");
	if (!ue_registered(ue) || !ue->has_sec) {
		emm_reject_release(d, ue, NAS_SERVICE_REJECT, EMM_CAUSE_IMPLICITLY_DETACHED);
		return;
	}
	/* 8.2.25: KSI, then the short MAC and sequence number checked */
	if ((nas[1] >> 5) != ue->ksi ||
	    emm_open(d, ue, nas, len, plain, sizeof(plain), &ok) < 0 || !ok) {
		mme_count(d, "service_reject");
		emm_reject_release(d, ue, NAS_SERVICE_REJECT, EMM_CAUSE_UE_ID_NOT_DERIVED);
		return;
	}
	reactivate(d, ue);
}

void emm_ics_result(struct agwd *d, struct ue *ue, bool ok)
{
	if (!ok) {
		log_notice(MOD, "%s: initial context setup failed", ue->imsi);
		if (ue->proc == PROC_ATTACH)
			emm_abort(d, ue, "initial context setup failure");
		else
			emm_release_s1(d, ue, "nas", "unspecified");
		return;
	}
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].ebi)
			sess_dp_sync(d, ue, &ue->br[i]);
	if (ue->proc == PROC_SERVICE) {
		ue->proc = PROC_NONE;
		mme_latency(d, "service_request", ev_now(d->loop) - ue->proc_start_ms);
		if (d->pol)
			policy_apply_ue(d, ue);
		if (emm_guti_due(d, ue))
			emm_guti_realloc(d, ue);
	}
	if (ue->detach_pending && ue->emm == EMM_REGISTERED)
		emm_detach_network(d, ue, false);
	if (d->state && ue_registered(ue))
		state_ue_save(d->state, ue);
}

/* Service type of an extended service request (9.9.3.27, table 9.9.3.27.1) */
enum esr_kind { ESR_PACKET, ESR_CSFB, ESR_BAD };

static enum esr_kind esr_kind(int type)
{
	if (type >= 0 && type <= 4)	/* MO, MT, MO emergency CSFB; 3, 4 read as MO */
		return ESR_CSFB;
	if (type >= 8 && type <= 11)	/* packet services via S1; 9..11 read as 8 */
		return ESR_PACKET;
	return ESR_BAD;
}

static void service_reject(struct agwd *d, struct ue *ue, uint8_t cause, bool release)
{
	uint8_t b[8];
	int n = emm_b_cause_only(NAS_SERVICE_REJECT, cause, b, sizeof(b));

	mme_count(d, "service_reject");
	if (n > 0)
		emm_send_plain(d, ue, b, (size_t)n);
	if (release)
		emm_release_s1(d, ue, "nas", "normal-release");
}

/*
 * Extended service request, integrity checked (emm_dispatch() or the
 * initial path in emm_handler.c).
 *  - packet services via S1 (5.6.1.4.1 with 5.6.1.1): handled as a
 *    service request: the bearers come back with an Initial Context Setup;
 *    from ECM-CONNECTED with the context already set up there is nothing
 *    to re-establish.
 *  - mobile originating / terminating CS fallback (5.6.1.5): the CS
 *    domain cannot be reached (no SGs), the UE was never attached for
 *    non-EPS services: Service Reject with #18 "CS domain not available";
 *    the S1 connection the request opened is released.
 *  - a NAS key set identifier other than the current one: #9, as for a
 *    service request (the UE attaches again).
 */
void emm_ext_service_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok)
{
	int type = nas_ie_u8(m, "Service type"), ksi = nas_ie_u8(m, "NAS key set identifier");
	bool initial = !ue->ctx_setup;
	enum esr_kind k = esr_kind(type);

	mme_count(d, "ext_service_requests");
	if (!ue_registered(ue) || !ue->has_sec) {
		service_reject(d, ue, EMM_CAUSE_IMPLICITLY_DETACHED, true);
		return;
	}
	if (ksi != ue->ksi) {
		service_reject(d, ue, EMM_CAUSE_UE_ID_NOT_DERIVED, initial);
		return;
	}
	log_info(MOD, "%s: extended service request, service type %d", ue->imsi, type);
	if (k == ESR_CSFB) {
		mme_count(d, "ext_service_csfb_rejected");
		service_reject(d, ue, EMM_CAUSE_CS_NOT_AVAILABLE, initial);
		return;
	}
	if (k == ESR_BAD) {
		service_reject(d, ue, NAS_CAUSE_INVALID_MANDATORY, initial);
		return;
	}
	if (!initial || ue->proc != PROC_NONE)
		return;
	reactivate(d, ue);
}
