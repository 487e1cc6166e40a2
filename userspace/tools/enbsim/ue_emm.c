// SPDX-License-Identifier: GPL-2.0
/*
 * Downlink EMM messages (TS 24.301 5.4, 5.5, 5.6): one dispatch over the
 * message type, each handler checking the EMM state it is valid in.  A
 * message that does not fit the state is answered with EMM status #98
 * ("message type not compatible with the protocol state", 5.7 / 9.9.3.9).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "enbsim.h"
#include "lib/log.h"

#define MOD "emm"
#define CAUSE_NOT_COMPATIBLE	98

static void unexpected(struct ue *ue, const struct nas_msg *m)
{
	log_warn(MOD, "ue %u: %s not expected in %s", ue->idx, m->desc->name,
		 ue_state_name(ue->emm));
	ue_send_emm_status(ue, CAUSE_NOT_COMPATIBLE);
}

static void identity_request(struct ue *ue, const struct nas_msg *m)
{
	struct nas_mobile_id id = { 0 };
	struct nas_msg out;
	struct nas_err err;
	uint8_t b[16], type = 0;
	int n;

	ue->n_identity++;
	nas_ie_byte(m, NAS_IDENTITY_REQUEST_IDENTITY_TYPE, &type);
	/* 9.9.3.17 / 24.008 10.5.5.9: 1 IMSI, 2 IMEI, 3 IMEISV, 4 TMSI */
	id.type = type == 2 ? NAS_ID_IMEI : type == 3 ? NAS_ID_IMEISV : NAS_ID_IMSI;
	if (id.type == NAS_ID_IMSI)
		memcpy(id.digits, ue->cfg.imsi, sizeof(id.digits));
	else if (id.type == NAS_ID_IMEI)
		snprintf(id.digits, sizeof(id.digits), "%.15s", ue->cfg.imei);
	else
		snprintf(id.digits, sizeof(id.digits), "%.14s01", ue->cfg.imei);
	n = nas_mobile_id_enc(&id, b, sizeof(b), &err);
	nas_msg_start(&out, NAS_MSG_IDENTITY_RESPONSE, 0, 0);
	if (n < 0 || nas_ie_add(&out, NAS_IDENTITY_RESPONSE_MOBILE_IDENTITY, b, (size_t)n, &err)) {
		log_err(MOD, "ue %u: identity response: %s", ue->idx, err.msg);
		return;
	}
	ue_nas_send(ue, &out, 0);
}

static int take_guti(struct ue *ue, const struct nas_msg *m, enum nas_ie_key k)
{
	const struct nas_ie *ie = nas_ie(m, k);
	struct nas_mobile_id g;
	struct nas_err err;

	if (!ie || nas_eps_mobile_id_dec(&g, ie->val, ie->len, &err) || g.type != NAS_ID_GUTI)
		return 0;
	ue->guti = g;
	ue->has_guti = 1;
	return 1;
}

static void take_tais(struct ue *ue, const struct nas_msg *m, enum nas_ie_key k)
{
	const struct nas_ie *ie = nas_ie(m, k);
	struct nas_err err;

	if (!ie || (!ue->tais && !(ue->tais = calloc(1, sizeof(*ue->tais)))))
		return;
	nas_tai_list_dec(ue->tais, ie->val, ie->len, &err);
}

static void attach_accept(struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *esm = nas_ie(m, NAS_ATTACH_ACCEPT_ESM_MESSAGE_CONTAINER);
	uint8_t ans[512];
	size_t alen = 0;
	struct nas_msg out;
	struct nas_err err;
	char ip[64] = "-";

	if (ue->emm != EMM_REG_INIT) {
		unexpected(ue, m);
		return;
	}
	take_guti(ue, m, NAS_ATTACH_ACCEPT_GUTI);
	take_tais(ue, m, NAS_ATTACH_ACCEPT_TAI_LIST);
	nas_ie_byte(m, NAS_ATTACH_ACCEPT_T3412_VALUE, &ue->t3412);
	if (esm)
		ue_esm_rx(ue, esm->val, esm->len, ans, &alen);
	if (!alen) {
		/* 5.5.1.2.4: default bearer not accepted: the attach fails */
		ue_proc_done(ue, PROC_ATTACH, 0, "default EPS bearer not activated");
		ue_local_detach(ue, "attach accept without a usable default bearer");
		return;
	}
	nas_msg_start(&out, NAS_MSG_ATTACH_COMPLETE, 0, 0);
	if (nas_ie_add(&out, NAS_ATTACH_COMPLETE_ESM_MESSAGE_CONTAINER, ans, alen, &err) ||
	    ue_nas_send(ue, &out, 0)) {
		ue_proc_done(ue, PROC_ATTACH, 0, "cannot send Attach complete");
		return;
	}
	ue_change_state(ue, EMM_REGISTERED, "attach accept");
	if (ue->pdn[0].has4)
		inet_ntop(AF_INET, ue->pdn[0].ipv4, ip, sizeof(ip));
	if (ue->sim->uplane)
		uplane_ue_up(ue);
	ue_proc_done(ue, PROC_ATTACH, !ue->proc.expect_reject,
		     "attached: ip %s, ebi %u, guti %s, kenb %s", ip, ue->pdn[0].ebi,
		     ue->has_guti ? "yes" : "no", ue->n_kenb_mismatch ? "MISMATCH" : "ok");
}

static void attach_reject(struct ue *ue, const struct nas_msg *m)
{
	uint8_t cause = 0;
	int ok;

	nas_ie_byte(m, NAS_ATTACH_REJECT_EMM_CAUSE, &cause);
	ok = ue->proc.expect_reject && (ue->proc.expect_cause < 0 || ue->proc.expect_cause == cause);
	ue->last_reject_cause = cause;
	ue_proc_done(ue, PROC_ATTACH, ok, "attach reject, cause #%u (%s)", cause,
		     nas_emm_cause_name(cause) ? nas_emm_cause_name(cause) : "?");
	/* 5.5.1.2.5: #3, #6, #7, #8 invalidate the USIM's registration data */
	if (cause == 3 || cause == 6 || cause == 7 || cause == 8) {
		ue->has_guti = 0;
		ue->has_sec = 0;
		ue->ksi = 7;
	}
	ue_local_detach(ue, "attach reject");
}

static void auth_reject(struct ue *ue)
{
	/* 5.4.2.5: delete the security context and the GUTI, deregister */
	ue->has_sec = 0;
	ue->has_guti = 0;
	ue->ksi = ue->new_ksi = 7;
	ue_proc_done(ue, PROC_ATTACH, ue->proc.expect_reject && ue->proc.expect_cause < 0,
		     "authentication reject (MAC failures so far: %lu)", ue->n_mac_fail);
	ue_proc_done(ue, PROC_SR, 0, "authentication reject");
	ue_proc_done(ue, PROC_TAU, 0, "authentication reject");
	ue_local_detach(ue, "authentication reject");
}

static void detach_request(struct ue *ue, const struct nas_msg *m)
{
	uint8_t type = 0, cause;
	bool has_cause = nas_ie_byte(m, NAS_DETACH_REQUEST_UE_TERMINATED_EMM_CAUSE, &cause);

	nas_ie_byte(m, NAS_DETACH_REQUEST_UE_TERMINATED_DETACH_TYPE, &type);
	ue->n_net_detach++;
	if (has_cause)
		log_notice(MOD, "ue %u: network detach, type %u, cause #%u", ue->idx, type, cause);
	else
		log_notice(MOD, "ue %u: network detach, type %u, no cause", ue->idx, type);
	ue_send_simple_emm(ue, NAS_DETACH_ACCEPT);
	/* 5.5.2.3.2: type 3 IMSI detach leaves EPS services registered */
	if (type == 3)
		return;
	ue_proc_done(ue, PROC_DETACH, 1, "detach collision: network detach");
	ue_local_detach(ue, "network detach");
}

static void detach_accept(struct ue *ue, const struct nas_msg *m)
{
	if (ue->emm != EMM_DEREG_INIT) {
		unexpected(ue, m);
		return;
	}
	ue_proc_done(ue, PROC_DETACH, 1, "detach accept");
	ue_local_detach(ue, "detach accept");
}

static void tau_accept(struct ue *ue, const struct nas_msg *m)
{
	uint8_t result = 0;

	if (ue->emm != EMM_TAU_INIT) {
		unexpected(ue, m);
		return;
	}
	nas_ie_byte(m, NAS_TRACKING_AREA_UPDATE_ACCEPT_EPS_UPDATE_RESULT, &result);
	take_tais(ue, m, NAS_TRACKING_AREA_UPDATE_ACCEPT_TAI_LIST);
	/* 5.5.3.2.4: a new GUTI is acknowledged with TAU complete */
	if (take_guti(ue, m, NAS_TRACKING_AREA_UPDATE_ACCEPT_GUTI))
		ue_send_simple_emm(ue, NAS_TAU_COMPLETE);
	ue_change_state(ue, EMM_REGISTERED, "TAU accept");
	ue_proc_done(ue, PROC_TAU, 1, "TAU accept, result %u", result);
}

static void tau_reject(struct ue *ue, const struct nas_msg *m)
{
	uint8_t cause = 0;

	nas_ie_byte(m, NAS_TRACKING_AREA_UPDATE_REJECT_EMM_CAUSE, &cause);
	ue_proc_done(ue, PROC_TAU, 0, "TAU reject, cause #%u", cause);
	if (cause == 9 || cause == 10 || cause == 3 || cause == 6 || cause == 7)
		ue_local_detach(ue, "TAU reject");
	else
		ue_change_state(ue, EMM_REGISTERED, "TAU reject");
}

static void service_reject(struct ue *ue, const struct nas_msg *m)
{
	uint8_t cause = 0;
	int ok;

	nas_ie_byte(m, NAS_SERVICE_REJECT_EMM_CAUSE, &cause);
	ok = ue->proc.kind == PROC_SR && ue->proc.expect_reject &&
	     (ue->proc.expect_cause < 0 || ue->proc.expect_cause == cause);
	ue_proc_done(ue, PROC_SR, ok, "service reject, cause #%u", cause);
	/* 5.6.1.5: #9 (UE identity cannot be derived), #10 (implicitly
	 * detached) put the UE in EMM-DEREGISTERED */
	if (cause == 9 || cause == 10 || cause == 3 || cause == 6 || cause == 7)
		ue_local_detach(ue, "service reject");
	else
		ue_change_state(ue, EMM_REGISTERED, "service reject");
}

/* 5.4.1.3: store the new GUTI (the old one is kept for tests), answer */
static void guti_realloc(struct ue *ue, const struct nas_msg *m)
{
	struct nas_mobile_id old = ue->guti;
	uint8_t had = ue->has_guti;

	if (!take_guti(ue, m, NAS_GUTI_REALLOCATION_COMMAND_GUTI)) {
		ue_send_emm_status(ue, NAS_CAUSE_INVALID_MANDATORY);
		return;
	}
	ue->old_guti = old;
	ue->has_old_guti = had;
	ue->n_guti_realloc++;
	take_tais(ue, m, NAS_GUTI_REALLOCATION_COMMAND_TAI_LIST);
	ue_send_simple_emm(ue, NAS_GUTI_REALLOC_COMPLETE);
}

void ue_emm_rx(struct ue *ue, const struct nas_msg *m, int protected)
{
	log_debug(MOD, "ue %u: %s%s in %s", ue->idx, m->desc->name,
		  protected ? "" : " (plain)", ue_state_name(ue->emm));
	switch (m->type) {
	case NAS_IDENTITY_REQUEST:
		identity_request(ue, m);
		return;
	case NAS_AUTH_REQUEST:
		ue_nas_auth(ue, m);
		return;
	case NAS_AUTH_REJECT:
		auth_reject(ue);
		return;
	case NAS_SMC:
		/* only valid with its own header (ue_nas_rx); a plain one is a fake */
		ue_send_emm_status(ue, CAUSE_NOT_COMPATIBLE);
		return;
	case NAS_ATTACH_ACCEPT:
		attach_accept(ue, m);
		return;
	case NAS_ATTACH_REJECT:
		if (ue->emm != EMM_REG_INIT)
			break;
		attach_reject(ue, m);
		return;
	case NAS_DETACH_REQUEST:
		detach_request(ue, m);
		return;
	case NAS_DETACH_ACCEPT:
		detach_accept(ue, m);
		return;
	case NAS_TAU_ACCEPT:
		tau_accept(ue, m);
		return;
	case NAS_TAU_REJECT:
		if (ue->emm != EMM_TAU_INIT)
			break;
		tau_reject(ue, m);
		return;
	case NAS_SERVICE_REJECT:
		if (ue->emm != EMM_SR_INIT)
			break;
		service_reject(ue, m);
		return;
	case NAS_GUTI_REALLOC_COMMAND:
		guti_realloc(ue, m);
		return;
	case NAS_EMM_INFORMATION:
		log_info(MOD, "ue %u: EMM information", ue->idx);
		return;
	case NAS_EMM_STATUS: {
		uint8_t cause = 0;

		nas_ie_byte(m, NAS_EMM_STATUS_EMM_CAUSE, &cause);
		log_warn(MOD, "ue %u: EMM status from the network, cause #%u", ue->idx, cause);
		return;
	}
	case NAS_DL_NAS_TRANSPORT:
		log_info(MOD, "ue %u: downlink NAS transport (SMS) ignored", ue->idx);
		return;
	}
	unexpected(ue, m);
}
