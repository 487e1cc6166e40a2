// SPDX-License-Identifier: GPL-2.0
/*
 * NAS on the UE side (TS 24.301): building the uplink EMM messages,
 * protecting them (4.4.4, 4.4.5: initial messages integrity protected only,
 * everything else integrity protected and ciphered once a context is
 * active), the short service request, and the downlink path: security
 * header check, MAC and replay check, and the two procedures that change
 * the security context, authentication (EPS AKA, 5.4.2 and TS 33.102 6.3.3
 * with AUTS on synch failure) and security mode control (5.4.3).
 */
#include <string.h>

#include "crypto/eps.h"
#include "enbsim.h"
#include "lib/log.h"
#include "proto/nas_util.h"

#define MOD "nas"

/* ------------------------------------------------------------- sending --- */

static enum s1ap_key rrc_cause(const struct ue *ue)
{
	if (ue->emm == EMM_SR_INIT)
		return ue->n_paged && ue->proc.kind == PROC_SR ?
		       S1AP_RRC_ESTABLISHMENT_CAUSE_MT_ACCESS : S1AP_RRC_ESTABLISHMENT_CAUSE_MO_DATA;
	return S1AP_RRC_ESTABLISHMENT_CAUSE_MO_SIGNALLING;
}

int ue_nas_send_plain_bytes(struct ue *ue, const uint8_t *b, size_t n, int initial)
{
	uint8_t out[600];
	struct nas_err err;
	int len = (int)n;

	if (n > 512)
		return -1;
	if (ue->has_sec) {
		/* 4.4.5: an initial NAS message is not ciphered */
		len = nas_protect(&ue->sec, NAS_DIR_UL,
				  initial ? NAS_SHT_INTEGRITY : NAS_SHT_INTEGRITY_CIPHERED, b, n, out,
				  sizeof(out), &err);
		if (len < 0) {
			log_err(MOD, "ue %u: %s", ue->idx, err.msg);
			return -1;
		}
		memcpy(ue->last_ul, out, (size_t)len);
		ue->last_ul_len = (size_t)len;
	} else {
		memcpy(out, b, n);
	}
	if (initial || !ue->connected || !ue->has_mme_id)
		return ue_s1_initial(ue, out, (size_t)len, rrc_cause(ue));
	return ue_s1_uplink_nas(ue, out, (size_t)len);
}

static int is_emm_request(uint8_t type)
{
	return type == NAS_ATTACH_REQUEST || type == NAS_DETACH_REQUEST ||
	       type == NAS_TAU_REQUEST;
}

int ue_nas_send(struct ue *ue, const struct nas_msg *m, int initial)
{
	uint8_t b[512];
	struct nas_err err;
	int n = nas_encode(m, b, sizeof(b), &err);

	if (n < 0) {
		log_err(MOD, "ue %u: cannot encode %s: %s", ue->idx,
			m->desc ? m->desc->name : "NAS", err.msg);
		return -1;
	}
	if (m->pd == NAS_PD_EMM && is_emm_request(m->type)) {
		memcpy(ue->last_plain, b, (size_t)n);
		ue->last_plain_len = (size_t)n;
	}
	log_debug(MOD, "ue %u: sending %s", ue->idx, m->desc ? m->desc->name : "NAS");
	return ue_nas_send_plain_bytes(ue, b, (size_t)n, initial);
}

int ue_nas_resend_last(struct ue *ue)
{
	if (!ue->last_plain_len)
		return -1;
	/* a request sent before the S1 connection had an MME id goes out as a
	 * new Initial UE Message (ue_nas_send_plain_bytes) */
	return ue_nas_send_plain_bytes(ue, ue->last_plain, ue->last_plain_len,
				       !ue->connected || !ue->has_mme_id);
}

int ue_replay_last(struct ue *ue)
{
	if (!ue->last_ul_len || !ue->connected || !ue->has_mme_id)
		return -1;
	log_notice(MOD, "ue %u: replaying the last protected uplink message (%zu octets)",
		   ue->idx, ue->last_ul_len);
	return ue_s1_uplink_nas(ue, ue->last_ul, ue->last_ul_len);
}

/* ----------------------------------------------------------- building --- */

int ue_nas_eps_id(struct ue *ue, uint8_t *out, size_t max)
{
	struct nas_mobile_id id = { .type = NAS_ID_IMSI };
	struct nas_err err;

	if (ue->cfg.id_kind == UE_ID_BAD) {
		/* identity type 101 (reserved) with junk digits: the MME must refuse it */
		static const uint8_t bad[] = { 0x5d, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0xf1 };

		memcpy(out, bad, sizeof(bad));
		return sizeof(bad);
	}
	if (ue->has_guti && (ue->cfg.id_kind == UE_ID_GUTI || ue->emm != EMM_REG_INIT))
		return nas_eps_mobile_id_enc(&ue->guti, out, max, &err);
	memcpy(id.digits, ue->cfg.imsi, sizeof(id.digits));
	return nas_eps_mobile_id_enc(&id, out, max, &err);
}

static int netcap(uint8_t *out, size_t max)
{
	/* 9.9.3.34: EEA0-3 and EIA0-3 */
	struct nas_ue_net_cap c = { .eea = 0xf0, .eia = 0xf0, .n_octets = 2 };
	struct nas_err err;

	return nas_ue_net_cap_enc(&c, out, max, &err);
}

#define ADD(m, name, v, n)						\
	do {								\
		if (nas_ie_add(m, name, v, n, &err)) {			\
			log_err(MOD, "ue %u: %s", ue->idx, err.msg);	\
			return -1;					\
		}							\
	} while (0)

int ue_send_attach_request(struct ue *ue)
{
	struct nas_msg m;
	struct nas_err err;
	uint8_t type = ue->cfg.combined ? 2 : 1, ksi = ue->has_sec ? ue->ksi : 7;
	uint8_t id[16], cap[16], esm[400];
	int nid, ncap, nesm;

	ue->proc.pti = ue_new_pti(ue);
	nid = ue_nas_eps_id(ue, id, sizeof(id));
	ncap = netcap(cap, sizeof(cap));
	nesm = ue_esm_pdn_request(ue, esm, sizeof(esm), ue->cfg.apn, ue->cfg.pdn_type,
				  ue->proc.pti, 1);
	if (nid < 0 || ncap < 0 || nesm < 0)
		return -1;
	nas_msg_start(&m, NAS_MSG_ATTACH_REQUEST, 0, 0);
	ADD(&m, NAS_ATTACH_REQUEST_EPS_ATTACH_TYPE, &type, 1);
	ADD(&m, NAS_ATTACH_REQUEST_NAS_KEY_SET_IDENTIFIER, &ksi, 1);
	ADD(&m, NAS_ATTACH_REQUEST_EPS_MOBILE_IDENTITY, id, (size_t)nid);
	ADD(&m, NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY, cap, (size_t)ncap);
	ADD(&m, NAS_ATTACH_REQUEST_ESM_MESSAGE_CONTAINER, esm, (size_t)nesm);
	if (ue->has_sec)
		ue->kenb_count = ue->sec.tx_count;
	return ue_nas_send(ue, &m, 1);
}

int ue_send_detach_request(struct ue *ue, int switch_off)
{
	struct nas_msg m;
	struct nas_err err;
	uint8_t type = (uint8_t)((switch_off ? 8 : 0) | (ue->cfg.combined ? 3 : 1));
	uint8_t ksi = ue->has_sec ? ue->ksi : 7, id[16];
	int nid = ue_nas_eps_id(ue, id, sizeof(id));

	if (nid < 0)
		return -1;
	nas_msg_start(&m, NAS_MSG_DETACH_REQUEST_UE_ORIGINATING, 0, 0);
	ADD(&m, NAS_DETACH_REQUEST_UE_ORIGINATING_DETACH_TYPE, &type, 1);
	ADD(&m, NAS_DETACH_REQUEST_UE_ORIGINATING_NAS_KEY_SET_IDENTIFIER, &ksi, 1);
	ADD(&m, NAS_DETACH_REQUEST_UE_ORIGINATING_EPS_MOBILE_IDENTITY, id, (size_t)nid);
	return ue_nas_send(ue, &m, !ue->connected);
}

static unsigned int active_ebis(const struct ue *ue, uint8_t *ebis)
{
	unsigned int n = 0;

	for (unsigned int i = 5; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].active)
			ebis[n++] = (uint8_t)i;
	return n;
}

int ue_send_tau_request(struct ue *ue, int periodic)
{
	struct nas_msg m;
	struct nas_err err;
	/* 9.9.3.14: 000 TA updating, 011 periodic updating; bit 4 active flag */
	uint8_t type = periodic ? 3 : 0, ksi = ue->has_sec ? ue->ksi : 7;
	uint8_t guti[16], cap[16], tai[5], ebc[2], ebis[16];
	int ng, ncap = netcap(cap, sizeof(cap));
	uint16_t tac = ue->enb->cfg.tac[0];

	ng = nas_eps_mobile_id_enc(&ue->guti, guti, sizeof(guti), &err);
	if (ng < 0 || ncap < 0)
		return -1;
	memcpy(tai, ue->enb->plmn, 3);
	tai[3] = (uint8_t)(tac >> 8);
	tai[4] = (uint8_t)tac;
	nas_ebc_status_build(ebis, active_ebis(ue, ebis), ebc);
	nas_msg_start(&m, NAS_MSG_TRACKING_AREA_UPDATE_REQUEST, 0, 0);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_EPS_UPDATE_TYPE, &type, 1);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_NAS_KEY_SET_IDENTIFIER, &ksi, 1);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_OLD_GUTI, guti, (size_t)ng);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_UE_NETWORK_CAPABILITY, cap, (size_t)ncap);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_LAST_VISITED_REGISTERED_TAI, tai, 5);
	ADD(&m, NAS_TRACKING_AREA_UPDATE_REQUEST_EPS_BEARER_CONTEXT_STATUS, ebc, 2);
	if (!ue->connected)
		ue->kenb_count = ue->sec.tx_count;
	return ue_nas_send(ue, &m, !ue->connected);
}

int ue_send_service_request(struct ue *ue)
{
	uint8_t sr[4];

	ue->kenb_count = ue->sec.tx_count;
	if (nas_service_request_build(&ue->sec, ue->ksi, sr) != 4)
		return -1;
	memcpy(ue->last_ul, sr, 4);
	ue->last_ul_len = 4;
	return ue_s1_initial(ue, sr, 4, rrc_cause(ue));
}

/* 8.2.15: service type, KSI, M-TMSI (as a TMSI mobile identity) */
int ue_send_ext_service_request(struct ue *ue, uint8_t service_type)
{
	struct nas_mobile_id id = { .type = NAS_ID_TMSI };
	uint8_t ksi = ue->ksi, tmsi[8];
	struct nas_msg m;
	struct nas_err err;
	int n;

	if (!ue->has_guti)
		return -1;
	id.tmsi = ue->guti.tmsi;
	n = nas_mobile_id_enc(&id, tmsi, sizeof(tmsi), &err);
	if (n < 0)
		return -1;
	nas_msg_start(&m, NAS_MSG_EXTENDED_SERVICE_REQUEST, 0, 0);
	ADD(&m, NAS_EXTENDED_SERVICE_REQUEST_SERVICE_TYPE, &service_type, 1);
	ADD(&m, NAS_EXTENDED_SERVICE_REQUEST_NAS_KEY_SET_IDENTIFIER, &ksi, 1);
	ADD(&m, NAS_EXTENDED_SERVICE_REQUEST_M_TMSI, tmsi, (size_t)n);
	if (!ue->connected)
		ue->kenb_count = ue->sec.tx_count;
	return ue_nas_send(ue, &m, !ue->connected);
}

int ue_send_emm_status(struct ue *ue, uint8_t cause)
{
	struct nas_msg m;
	struct nas_err err;

	ue->n_emm_status++;
	nas_msg_start(&m, NAS_MSG_EMM_STATUS, 0, 0);
	ADD(&m, NAS_EMM_STATUS_EMM_CAUSE, &cause, 1);
	if (!ue->connected)
		return -1;
	return ue_nas_send(ue, &m, 0);
}

int ue_send_simple_emm(struct ue *ue, uint8_t type)
{
	struct nas_msg m;

	nas_msg_init(&m, nas_msg_desc_find(NAS_PD_EMM, type, NAS_DIR_UL), 0, 0);
	if (!m.desc)
		return -1;
	return ue_nas_send(ue, &m, 0);
}

/* ------------------------------------------------------ authentication --- */

static int send_auth_failure(struct ue *ue, uint8_t cause, const uint8_t *auts)
{
	struct nas_msg m;
	struct nas_err err;

	nas_msg_start(&m, NAS_MSG_AUTHENTICATION_FAILURE, 0, 0);
	ADD(&m, NAS_AUTHENTICATION_FAILURE_EMM_CAUSE, &cause, 1);
	if (auts)
		ADD(&m, NAS_AUTHENTICATION_FAILURE_AUTHENTICATION_FAILURE_PARAMETER, auts, 14);
	return ue_nas_send(ue, &m, 0);
}

void ue_nas_auth(struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *rand =
		nas_ie(m, NAS_AUTHENTICATION_REQUEST_AUTHENTICATION_PARAMETER_RAND_EPS_CHALLENGE);
	const struct nas_ie *autn =
		nas_ie(m, NAS_AUTHENTICATION_REQUEST_AUTHENTICATION_PARAMETER_AUTN_EPS_CHALLENGE);
	uint8_t ksi;
	bool has_ksi = nas_ie_byte(m, NAS_AUTHENTICATION_REQUEST_NAS_KEY_SET_IDENTIFIERASME, &ksi);
	struct eps_aka_ue_result r;
	struct nas_msg out;
	struct nas_err err;
	int rc;

	ue->n_auth++;
	if (!rand || !autn || rand->len != 16 || autn->len != 16 || !has_ksi) {
		ue_send_emm_status(ue, NAS_CAUSE_INVALID_MANDATORY);
		return;
	}
	rc = eps_aka_ue_check(ue->cfg.k, ue->cfg.opc, rand->val, autn->val, ue->enb->plmn,
			      &ue->sqn_ms, &r);
	switch (rc) {
	case EPS_AKA_OK:
		break;
	case EPS_AKA_MAC_FAILURE:
		/* 5.4.2.6 c: cause #20 MAC failure */
		ue->n_mac_fail++;
		log_warn(MOD, "ue %u: AUTN MAC failure", ue->idx);
		send_auth_failure(ue, 20, NULL);
		return;
	case EPS_AKA_SYNC_FAILURE:
		/* cause #21 synch failure with AUTS (TS 33.102 6.3.3) */
		log_warn(MOD, "ue %u: SQN not fresh, synch failure", ue->idx);
		send_auth_failure(ue, 21, r.auts);
		return;
	case EPS_AKA_NOT_EPS:
		/* cause #26 non-EPS authentication unacceptable */
		send_auth_failure(ue, 26, NULL);
		return;
	default:
		ue_send_emm_status(ue, NAS_CAUSE_PROTOCOL);
		return;
	}
	memcpy(ue->new_kasme, r.kasme, 32);
	ue->new_ksi = ksi & 7;
	nas_msg_start(&out, NAS_MSG_AUTHENTICATION_RESPONSE, 0, 0);
	if (nas_ie_add(&out, NAS_AUTHENTICATION_RESPONSE_AUTHENTICATION_RESPONSE_PARAMETER, r.res,
		       8, &err)) {
		log_err(MOD, "ue %u: %s", ue->idx, err.msg);
		return;
	}
	ue_nas_send(ue, &out, 0);
}

/* -------------------------------------------------------- security mode --- */

static int send_smc_reject(struct ue *ue, uint8_t cause)
{
	struct nas_msg m;
	struct nas_err err;
	uint8_t b[8];
	int n;

	/* 5.4.3.5: SECURITY MODE REJECT, not protected by the rejected context */
	nas_msg_start(&m, NAS_MSG_SECURITY_MODE_REJECT, 0, 0);
	ADD(&m, NAS_SECURITY_MODE_REJECT_EMM_CAUSE, &cause, 1);
	n = nas_encode(&m, b, sizeof(b), &err);
	if (n < 0)
		return -1;
	if (ue->has_sec)
		return ue_nas_send_plain_bytes(ue, b, (size_t)n, 0);
	return ue_s1_uplink_nas(ue, b, (size_t)n);
}

static int send_smc_complete(struct ue *ue, int imeisv)
{
	struct nas_mobile_id id = { .type = NAS_ID_IMEISV };
	struct nas_msg m;
	struct nas_err err;
	uint8_t b[64], out[80], idb[12];
	int n, nid;

	nas_msg_start(&m, NAS_MSG_SECURITY_MODE_COMPLETE, 0, 0);
	if (imeisv) {
		snprintf(id.digits, sizeof(id.digits), "%.14s01", ue->cfg.imei);
		nid = nas_mobile_id_enc(&id, idb, sizeof(idb), &err);
		if (nid > 0)
			ADD(&m, NAS_SECURITY_MODE_COMPLETE_IMEISV, idb, (size_t)nid);
	}
	n = nas_encode(&m, b, sizeof(b), &err);
	if (n < 0)
		return -1;
	/* KeNB of the next Initial Context Setup uses this COUNT (33.401 7.2.6) */
	ue->kenb_count = ue->sec.tx_count;
	/* 5.4.3.3: integrity protected and ciphered with the new context */
	n = nas_protect(&ue->sec, NAS_DIR_UL, NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX, b, (size_t)n,
			out, sizeof(out), &err);
	if (n < 0)
		return -1;
	memcpy(ue->last_ul, out, (size_t)n);
	ue->last_ul_len = (size_t)n;
	return ue_s1_uplink_nas(ue, out, (size_t)n);
}

/* The SMC arrives integrity protected (type 3) but not ciphered. */
static void handle_smc(struct ue *ue, const uint8_t *pdu, size_t len, const struct nas_msg *m)
{
	const struct nas_ie *caps =
		nas_ie(m, NAS_SECURITY_MODE_COMMAND_REPLAYED_UE_SECURITY_CAPABILITIES);
	uint8_t algs, ksi, imeisv = 0;
	bool ok = nas_ie_byte(m, NAS_SECURITY_MODE_COMMAND_SELECTED_NAS_SECURITY_ALGORITHMS, &algs) &&
		  nas_ie_byte(m, NAS_SECURITY_MODE_COMMAND_NAS_KEY_SET_IDENTIFIER, &ksi);
	struct nas_sec_ctx c = { 0 };
	const uint8_t *kasme;
	enum nas_sec_error se;
	struct nas_err err;
	uint8_t plain[512];
	int fresh;

	if (!caps || caps->len < 2 || !ok) {
		send_smc_reject(ue, NAS_CAUSE_INVALID_MANDATORY);
		return;
	}
	nas_ie_byte(m, NAS_SECURITY_MODE_COMMAND_IMEISV_REQUEST, &imeisv);
	ksi &= 7;
	fresh = ue->new_ksi != 7 && ksi == ue->new_ksi;
	if (!fresh && !(ue->has_sec && ksi == ue->ksi)) {
		log_warn(MOD, "ue %u: SMC for unknown KSI %u", ue->idx, ksi);
		send_smc_reject(ue, 24);	/* security mode rejected, unspecified */
		return;
	}
	/* 5.4.3.3: the replayed capabilities must be ours (EEA0-3, EIA0-3) */
	if (caps->val[0] != 0xf0 || caps->val[1] != 0xf0) {
		send_smc_reject(ue, 23);	/* UE security capabilities mismatch */
		return;
	}
	c.eea = (uint8_t)((algs >> 4) & 7);
	c.eia = (uint8_t)(algs & 7);
	if (c.eea > 3 || c.eia > 3 || c.eia == 0) {
		/* EIA0 only for emergency bearer services (5.4.3.2) */
		log_warn(MOD, "ue %u: SMC selects EEA%u/EIA%u: rejected", ue->idx, c.eea, c.eia);
		send_smc_reject(ue, 24);
		return;
	}
	kasme = fresh ? ue->new_kasme : ue->kasme;
	if (eps_kdf_alg_key(kasme, EPS_KDF_NAS_ENC, c.eea, c.k_nas_enc) ||
	    eps_kdf_alg_key(kasme, EPS_KDF_NAS_INT, c.eia, c.k_nas_int)) {
		send_smc_reject(ue, 24);
		return;
	}
	if (!fresh) {		/* same KASME, new algorithms: counts go on */
		c.tx_count = ue->sec.tx_count;
		c.rx_count = ue->sec.rx_count;
		c.rx_valid = ue->sec.rx_valid;
	}
	if (nas_unprotect(&c, NAS_DIR_DL, pdu, len, plain, sizeof(plain), &se, &err) < 0) {
		ue->n_mac_fail++;
		log_warn(MOD, "ue %u: SMC rejected: %s", ue->idx, err.msg);
		send_smc_reject(ue, 24);
		return;
	}
	if (fresh) {
		memcpy(ue->kasme, ue->new_kasme, 32);
		ue->ksi = ksi;
		ue->new_ksi = 7;
	}
	ue->sec = c;
	ue->has_sec = 1;
	log_info(MOD, "ue %u: NAS security on: EEA%u EIA%u KSI %u", ue->idx, c.eea, c.eia, ksi);
	send_smc_complete(ue, imeisv == 1);
}

/* ------------------------------------------------------------ receiving --- */

/* 4.4.4.2: messages the UE accepts without integrity protection */
static int plain_allowed(uint8_t type)
{
	switch (type) {
	case NAS_IDENTITY_REQUEST:
	case NAS_AUTH_REQUEST:
	case NAS_AUTH_REJECT:
	case NAS_ATTACH_REJECT:
	case NAS_DETACH_ACCEPT:
	case NAS_TAU_REJECT:
	case NAS_SERVICE_REJECT:
		return 1;
	}
	return 0;
}

static void dispatch_plain(struct ue *ue, const uint8_t *b, size_t n, int protected)
{
	struct nas_msg m;
	struct nas_err err;
	uint8_t ans[512];
	size_t alen = 0;

	if (n < 2) {
		ue->n_dropped_dl++;
		return;
	}
	if ((b[0] & 15) == NAS_PD_ESM) {
		ue_esm_rx(ue, b, n, ans, &alen);
		if (alen)
			ue_nas_send_plain_bytes(ue, ans, alen, 0);
		return;
	}
	if ((b[0] & 15) != NAS_PD_EMM) {
		log_warn(MOD, "ue %u: protocol discriminator %u dropped", ue->idx, b[0] & 15);
		ue->n_dropped_dl++;
		return;
	}
	if (nas_decode(&m, b, n, NAS_DIR_DL, &err) < 0) {
		log_warn(MOD, "ue %u: bad downlink EMM message: %s (octet %zu)", ue->idx, err.msg,
			 err.off);
		ue_send_emm_status(ue, err.cause);
		return;
	}
	if (!protected && ue->has_sec && !plain_allowed(m.type)) {
		log_warn(MOD, "ue %u: %s without integrity protection dropped (4.4.4.2)",
			 ue->idx, m.desc->name);
		ue->n_dropped_dl++;
		return;
	}
	ue_emm_rx(ue, &m, protected);
}

void ue_nas_rx(struct ue *ue, const uint8_t *pdu, size_t len)
{
	struct nas_sec_hdr h;
	struct nas_err err;
	struct nas_msg m;
	enum nas_sec_error se;
	uint8_t plain[2048];
	int r, n;

	ue->n_dl_nas++;
	r = nas_sec_hdr_decode(&h, pdu, len, &err);
	if (r < 0) {
		log_warn(MOD, "ue %u: bad NAS security header: %s", ue->idx, err.msg);
		ue->n_dropped_dl++;
		return;
	}
	if (r == 0) {
		dispatch_plain(ue, pdu, len, 0);
		return;
	}
	/* a security mode command is readable before its context exists */
	if ((h.sht == NAS_SHT_INTEGRITY_NEW_CTX || h.sht == NAS_SHT_INTEGRITY) &&
	    h.inner_len >= 2 && (h.inner[0] & 15) == NAS_PD_EMM && h.inner[1] == NAS_SMC) {
		if (nas_decode(&m, h.inner, h.inner_len, NAS_DIR_DL, &err) < 0) {
			ue_send_emm_status(ue, err.cause);
			return;
		}
		handle_smc(ue, pdu, len, &m);
		return;
	}
	if (!ue->has_sec) {
		log_warn(MOD, "ue %u: protected message without a security context dropped",
			 ue->idx);
		ue->n_dropped_dl++;
		return;
	}
	n = nas_unprotect(&ue->sec, NAS_DIR_DL, pdu, len, plain, sizeof(plain), &se, &err);
	if (n < 0) {
		/* 4.4.4.2 / 4.4.3.2: discard, do not answer */
		if (se == NAS_SEC_EMAC)
			ue->n_mac_fail++;
		ue->n_dropped_dl++;
		log_warn(MOD, "ue %u: downlink NAS dropped: %s", ue->idx, err.msg);
		return;
	}
	dispatch_plain(ue, plain, (size_t)n, 1);
}
