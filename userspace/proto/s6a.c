// SPDX-License-Identifier: GPL-2.0
/*
 * S6a requests and answers (TS 29.272 5.2, 7.2): building them from
 * struct s6a_* and reading them back, both sides.  AVP order follows the
 * command ABNF of 7.2 (Session-Id first, then Vendor-Specific-Application-
 * Id, Auth-Session-State NO_STATE_MAINTAINED, origin, destination,
 * User-Name).
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter_avp.h"
#include "proto/s6a.h"

#define FAIL(...) (snprintf(err, size, __VA_ARGS__), -1)
#define NO_STATE_MAINTAINED 1

/* Session-Id, VSAI, Auth-Session-State, origin, destination, User-Name */
static void begin(struct dia_builder *b, uint8_t *buf, size_t cap, uint32_t code,
		  const struct dia_req_hdr *h, const char *imsi)
{
	dia_build_init(b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, code, DIA_APP_S6A, 0, 0);
	dia_add_str(b, DA_SESSION_ID, h->session_id);
	dia_app_put_vsai(b, DIA_APP_S6A);
	dia_add_u32(b, DA_AUTH_SESSION_STATE, NO_STATE_MAINTAINED);
	dia_app_put_origin(b, h);
	dia_app_put_dest(b, h);
	if (imsi)
		dia_add_str(b, DA_USER_NAME, imsi);
}

static int imsi_ok(const char *imsi)
{
	size_t n = strlen(imsi);

	return n >= 6 && dia_digits(imsi, 15) ? 0 : -1;
}

int s6a_air_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_air *r)
{
	struct dia_builder b;

	if (imsi_ok(r->imsi) || r->num_vectors < 1 || r->num_vectors > S6A_MAX_VECTORS)
		return -1;
	begin(&b, buf, cap, S6A_AIR, h, r->imsi);
	dia_add_group(&b, DA_REQUESTED_EUTRAN_AUTHENTICATION_INFO);
	dia_add_u32(&b, DA_NUMBER_OF_REQUESTED_VECTORS, r->num_vectors);
	dia_add_u32(&b, DA_IMMEDIATE_RESPONSE_PREFERRED, r->immediate_response);
	if (r->resync) {
		uint8_t rs[30];

		memcpy(rs, r->rand, 16);
		memcpy(rs + 16, r->auts, 14);
		dia_add_bytes(&b, DA_RE_SYNCHRONIZATION_INFO, rs, sizeof(rs));
	}
	dia_build_group_end(&b);
	dia_add_bytes(&b, DA_VISITED_PLMN_ID, r->plmn, 3);
	return dia_build_finish(&b);
}

int s6a_ulr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_ulr *r)
{
	struct dia_builder b;

	if (imsi_ok(r->imsi))
		return -1;
	begin(&b, buf, cap, S6A_ULR, h, r->imsi);
	if (r->imei[0]) {
		dia_add_group(&b, DA_TERMINAL_INFORMATION);
		dia_add_str(&b, DA_IMEI, r->imei);
		if (r->sv[0])
			dia_add_str(&b, DA_SOFTWARE_VERSION, r->sv);
		dia_build_group_end(&b);
	}
	dia_add_u32(&b, DA_RAT_TYPE, r->rat_type ? r->rat_type : S6A_RAT_EUTRAN);
	dia_add_u32(&b, DA_ULR_FLAGS, r->flags);
	if (r->has_srvcc)
		dia_add_u32(&b, DA_UE_SRVCC_CAPABILITY, r->srvcc_supported);
	dia_add_bytes(&b, DA_VISITED_PLMN_ID, r->plmn, 3);
	return dia_build_finish(&b);
}

int s6a_pur_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_pur *r)
{
	struct dia_builder b;

	if (imsi_ok(r->imsi))
		return -1;
	begin(&b, buf, cap, S6A_PUR, h, r->imsi);
	if (r->flags)
		dia_add_u32(&b, DA_PUR_FLAGS, r->flags);
	return dia_build_finish(&b);
}

/* Result-Code or Experimental-Result; and Error-Diagnostic */
static int get_result(const struct dia_msg *m, struct dia_result *res, uint32_t *diag,
		      bool *has_diag, char *err, size_t size)
{
	if (dia_app_get_result(m, -1, res) || !res->present)
		return FAIL("neither Result-Code nor Experimental-Result");
	if (diag)
		*has_diag = !dia_get_u32(m, -1, DA_ERROR_DIAGNOSTIC, diag);
	return 0;
}

static int get_vector(const struct dia_msg *m, int g, struct s6a_vector *v, char *err,
		      size_t size)
{
	const uint8_t *d;
	size_t len;

	if (dia_get_bytes(m, g, DA_RAND, &d, &len) || len != 16)
		return FAIL("E-UTRAN-Vector: RAND of 16 octets missing");
	memcpy(v->rand, d, 16);
	if (dia_get_bytes(m, g, DA_XRES, &d, &len) || len < 4 || len > 16)
		return FAIL("E-UTRAN-Vector: XRES of 4..16 octets missing");
	memcpy(v->xres, d, len);
	v->xres_len = (uint8_t)len;
	if (dia_get_bytes(m, g, DA_AUTN, &d, &len) || len != 16)
		return FAIL("E-UTRAN-Vector: AUTN of 16 octets missing");
	memcpy(v->autn, d, 16);
	if (dia_get_bytes(m, g, DA_KASME, &d, &len) || len != 32)
		return FAIL("E-UTRAN-Vector: KASME of 32 octets missing");
	memcpy(v->kasme, d, 32);
	return 0;
}

int s6a_aia_parse(const struct dia_msg *m, struct s6a_aia *out, char *err, size_t size)
{
	int ai;

	memset(out, 0, sizeof(*out));
	if (get_result(m, &out->res, &out->error_diagnostic, &out->has_error_diagnostic, err,
		       size))
		return -1;
	ai = dia_get(m, -1, DA_AUTHENTICATION_INFO);
	if (!dia_result_ok(&out->res))
		return 0;
	if (ai < 0)
		return FAIL("AIA success without Authentication-Info");
	for (int i = dia_get(m, ai, DA_E_UTRAN_VECTOR); i >= 0;
	     i = dia_get_next(m, i, DA_E_UTRAN_VECTOR)) {
		if (out->n_vectors == S6A_MAX_VECTORS)
			break;	/* more than asked for: keep the first five */
		if (get_vector(m, i, &out->v[out->n_vectors], err, size))
			return -1;
		out->n_vectors++;
	}
	if (!out->n_vectors)
		return FAIL("AIA success without an E-UTRAN-Vector");
	return 0;
}

int s6a_ula_parse(const struct dia_msg *m, struct s6a_ula *out, char *err, size_t size)
{
	int r;

	memset(out, 0, sizeof(*out));
	if (get_result(m, &out->res, &out->error_diagnostic, &out->has_error_diagnostic, err,
		       size))
		return -1;
	dia_get_u32(m, -1, DA_ULA_FLAGS, &out->ula_flags);
	if (!dia_result_ok(&out->res))
		return 0;
	r = s6a_subscription_get(m, -1, &out->sub, err, size);
	if (r < 0)
		return -1;
	out->has_subscription = r == 0;
	return 0;
}

int s6a_pua_parse(const struct dia_msg *m, struct s6a_pua *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (get_result(m, &out->res, NULL, NULL, err, size))
		return -1;
	dia_get_u32(m, -1, DA_PUA_FLAGS, &out->pua_flags);
	return 0;
}

static int get_imsi(const struct dia_msg *m, char *imsi, char *err, size_t size)
{
	if (dia_get_str(m, -1, DA_USER_NAME, imsi, DIA_IMSI_MAX) || imsi_ok(imsi))
		return FAIL("no valid User-Name (IMSI)");
	return 0;
}

int s6a_clr_parse(const struct dia_msg *m, struct s6a_clr *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	if (dia_get_u32(m, -1, DA_CANCELLATION_TYPE, &out->cancellation_type) ||
	    out->cancellation_type > S6A_CT_INITIAL_ATTACH)
		return FAIL("no valid Cancellation-Type");
	dia_get_u32(m, -1, DA_CLR_FLAGS, &out->flags);
	return 0;
}

int s6a_idr_parse(const struct dia_msg *m, struct s6a_idr *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	switch (s6a_subscription_get(m, -1, &out->sub, err, size)) {
	case 0:
		break;
	case 1:
		return FAIL("IDR without Subscription-Data");
	default:
		return -1;
	}
	dia_get_u32(m, -1, DA_IDR_FLAGS, &out->flags);
	return 0;
}

int s6a_dsr_parse(const struct dia_msg *m, struct s6a_dsr *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	if (dia_get_u32(m, -1, DA_DSR_FLAGS, &out->flags))
		return FAIL("DSR without DSR-Flags");
	for (int i = dia_get(m, -1, DA_CONTEXT_IDENTIFIER); i >= 0;
	     i = dia_get_next(m, i, DA_CONTEXT_IDENTIFIER)) {
		if (out->n_context_ids == S6A_MAX_CONTEXT_IDS)
			return FAIL("more than %d Context-Identifiers", S6A_MAX_CONTEXT_IDS);
		if (dia_avp_u32(&m->avps[i], &out->context_ids[out->n_context_ids++]))
			return FAIL("Context-Identifier is not 4 octets");
	}
	return 0;
}

int s6a_rsr_parse(const struct dia_msg *m, struct s6a_rsr *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	for (int i = dia_get(m, -1, DA_USER_ID); i >= 0; i = dia_get_next(m, i, DA_USER_ID)) {
		const struct dia_avp *a = &m->avps[i];
		char *u;

		if (out->n_user_ids == S6A_MAX_USER_IDS)
			return FAIL("more than %d User-Ids", S6A_MAX_USER_IDS);
		u = out->user_ids[out->n_user_ids];
		if (!a->len || a->len >= DIA_IMSI_MAX)
			return FAIL("User-Id of %u octets", a->len);
		memcpy(u, a->data, a->len);
		u[a->len] = '\0';
		if (!dia_digits(u, 15))
			return FAIL("User-Id is not IMSI digits");
		out->n_user_ids++;
	}
	return 0;
}

bool s6a_rsr_matches(const struct s6a_rsr *r, const char *imsi)
{
	if (!r->n_user_ids)
		return true;
	for (int i = 0; i < r->n_user_ids; i++)
		if (!strncmp(imsi, r->user_ids[i], strlen(r->user_ids[i])))
			return true;
	return false;
}

void s6a_answer_put(struct dia_builder *b, uint32_t code, uint32_t flags)
{
	dia_app_put_vsai(b, DIA_APP_S6A);
	dia_add_u32(b, DA_AUTH_SESSION_STATE, NO_STATE_MAINTAINED);
	if (code == S6A_IDR && flags)
		dia_add_u32(b, DA_IDA_FLAGS, flags);
	else if (code == S6A_DSR && flags)
		dia_add_u32(b, DA_DSA_FLAGS, flags);
	else if (code == S6A_ULR && flags)
		dia_add_u32(b, DA_ULA_FLAGS, flags);
	else if (code == S6A_PUR && flags)
		dia_add_u32(b, DA_PUA_FLAGS, flags);
}

/* ------------------------------------------------------ Annex A --- */

/* EMM causes (TS 24.301 9.9.3.9) */
enum {
	EMM_IMSI_UNKNOWN_IN_HSS = 2,
	EMM_ILLEGAL_ME = 6,
	EMM_EPS_NOT_ALLOWED = 7,
	EMM_EPS_AND_NON_EPS_NOT_ALLOWED = 8,
	EMM_PLMN_NOT_ALLOWED = 11,
	EMM_TA_NOT_ALLOWED = 12,
	EMM_ROAMING_NOT_ALLOWED_IN_TA = 13,
	EMM_EPS_NOT_ALLOWED_IN_PLMN = 14,
	EMM_NO_SUITABLE_CELLS_IN_TA = 15,
	EMM_NETWORK_FAILURE = 17,
	EMM_ESM_FAILURE = 19,
};

/* Error-Diagnostic (7.3.146) */
enum { ED_GPRS_DATA_SUBSCRIBED = 0, ED_NO_GPRS_DATA_SUBSCRIBED = 1, ED_ODB_ALL_APN = 2,
       ED_ODB_HPLMN_APN = 3, ED_ODB_VPLMN_APN = 4 };

uint8_t s6a_emm_cause(const struct dia_result *r, uint32_t diag, bool has_diag,
		      const struct s6a_cause_cfg *cfg, bool *transient)
{
	*transient = false;
	if (r->present && r->vendor == VENDOR_3GPP) {
		switch (r->code) {
		case S6A_ERROR_USER_UNKNOWN:
			return cfg && cfg->user_unknown ? cfg->user_unknown :
			       EMM_EPS_AND_NON_EPS_NOT_ALLOWED;
		case S6A_ERROR_UNKNOWN_EPS_SUBSCRIPTION:
			return EMM_NO_SUITABLE_CELLS_IN_TA;
		case S6A_ERROR_RAT_NOT_ALLOWED:
			return EMM_NO_SUITABLE_CELLS_IN_TA;
		case S6A_ERROR_ROAMING_NOT_ALLOWED:
			if (has_diag && diag == ED_ODB_HPLMN_APN)
				return EMM_EPS_NOT_ALLOWED_IN_PLMN;
			if (has_diag && diag == ED_ODB_ALL_APN)
				return EMM_ESM_FAILURE;
			return EMM_PLMN_NOT_ALLOWED;
		case S6A_ERROR_EQUIPMENT_UNKNOWN:
			return EMM_ILLEGAL_ME;
		case S6A_AUTHENTICATION_DATA_UNAVAILABLE:
			*transient = true;
			return EMM_NETWORK_FAILURE;
		default:
			*transient = r->code >= 4000 && r->code < 5000;
			return EMM_NETWORK_FAILURE;
		}
	}
	if (!r->present) {
		*transient = true;	/* no answer at all: HSS silent or unreachable */
		return EMM_NETWORK_FAILURE;
	}
	switch (r->code) {
	case 5003:	/* DIAMETER_AUTHORIZATION_REJECTED */
		return EMM_NO_SUITABLE_CELLS_IN_TA;
	case 3002:	/* DIAMETER_UNABLE_TO_DELIVER */
	case 3003:	/* DIAMETER_REALM_NOT_SERVED */
		*transient = true;
		return EMM_NO_SUITABLE_CELLS_IN_TA;
	default:
		*transient = (r->code >= 3000 && r->code < 5000);
		return EMM_NETWORK_FAILURE;
	}
}

void s6a_clr_action(const struct s6a_clr *r, struct s6a_clr_action *out)
{
	memset(out, 0, sizeof(*out));
	switch (r->cancellation_type) {
	case S6A_CT_SUBSCRIPTION_WITHDRAWAL:
		/* 23.401 5.3.8.3: detach, re-attach not required */
		out->detach_ue = true;
		out->reattach_required = (r->flags & S6A_CLR_REATTACH_REQUIRED) != 0;
		out->emm_cause = out->reattach_required ? 0 : EMM_EPS_NOT_ALLOWED;
		break;
	case S6A_CT_INITIAL_ATTACH:
	case S6A_CT_MME_UPDATE:
	case S6A_CT_SGSN_UPDATE:
	default:
		/* the UE is served elsewhere: drop the context; tell it only if asked */
		out->detach_ue = (r->flags & S6A_CLR_REATTACH_REQUIRED) != 0;
		out->reattach_required = out->detach_ue;
		break;
	}
}

/* ------------------------------------------------------- HSS side --- */

int s6a_air_parse(const struct dia_msg *m, struct s6a_air *out, char *err, size_t size)
{
	const uint8_t *d;
	size_t len;
	int g;

	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	if (dia_get_bytes(m, -1, DA_VISITED_PLMN_ID, &d, &len) || len != 3)
		return FAIL("no Visited-PLMN-Id of 3 octets");
	memcpy(out->plmn, d, 3);
	g = dia_get(m, -1, DA_REQUESTED_EUTRAN_AUTHENTICATION_INFO);
	out->num_vectors = 1;
	if (g < 0)
		return 0;
	if (!dia_get_u32(m, g, DA_NUMBER_OF_REQUESTED_VECTORS, &out->num_vectors) &&
	    (out->num_vectors < 1 || out->num_vectors > S6A_MAX_VECTORS))
		out->num_vectors = S6A_MAX_VECTORS;
	{
		uint32_t v;

		out->immediate_response = !dia_get_u32(m, g, DA_IMMEDIATE_RESPONSE_PREFERRED,
						       &v) && v;
	}
	if (!dia_get_bytes(m, g, DA_RE_SYNCHRONIZATION_INFO, &d, &len)) {
		if (len != 30)
			return FAIL("Re-Synchronization-Info of %zu octets (expected 30)", len);
		memcpy(out->rand, d, 16);
		memcpy(out->auts, d + 16, 14);
		out->resync = true;
	}
	return 0;
}

int s6a_ulr_parse(const struct dia_msg *m, struct s6a_ulr *out, char *err, size_t size)
{
	const uint8_t *d;
	size_t len;
	uint32_t v;
	int t;

	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	if (dia_get_bytes(m, -1, DA_VISITED_PLMN_ID, &d, &len) || len != 3)
		return FAIL("no Visited-PLMN-Id of 3 octets");
	memcpy(out->plmn, d, 3);
	if (dia_get_u32(m, -1, DA_RAT_TYPE, &out->rat_type))
		return FAIL("no RAT-Type");
	if (dia_get_u32(m, -1, DA_ULR_FLAGS, &out->flags))
		return FAIL("no ULR-Flags");
	t = dia_get(m, -1, DA_TERMINAL_INFORMATION);
	if (t >= 0) {
		dia_get_str(m, t, DA_IMEI, out->imei, sizeof(out->imei));
		dia_get_str(m, t, DA_SOFTWARE_VERSION, out->sv, sizeof(out->sv));
	}
	out->has_srvcc = !dia_get_u32(m, -1, DA_UE_SRVCC_CAPABILITY, &v);
	out->srvcc_supported = out->has_srvcc && v == 1;
	return 0;
}

int s6a_pur_parse(const struct dia_msg *m, struct s6a_pur *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (get_imsi(m, out->imsi, err, size))
		return -1;
	dia_get_u32(m, -1, DA_PUR_FLAGS, &out->flags);
	return 0;
}

void s6a_put_vectors(struct dia_builder *b, const struct s6a_vector *v, int n)
{
	dia_add_group(b, DA_AUTHENTICATION_INFO);
	for (int i = 0; i < n; i++) {
		dia_add_group(b, DA_E_UTRAN_VECTOR);
		dia_add_u32(b, DA_ITEM_NUMBER, (uint32_t)i + 1);
		dia_add_bytes(b, DA_RAND, v[i].rand, 16);
		dia_add_bytes(b, DA_XRES, v[i].xres, v[i].xres_len);
		dia_add_bytes(b, DA_AUTN, v[i].autn, 16);
		dia_add_bytes(b, DA_KASME, v[i].kasme, 32);
		dia_build_group_end(b);
	}
	dia_build_group_end(b);
}

/* HSS-initiated requests name the MME: Destination-Host is mandatory */
static int hss_begin(struct dia_builder *b, uint8_t *buf, size_t cap, uint32_t code,
		     const struct dia_req_hdr *h, const char *imsi)
{
	if (code != S6A_RSR && (!h->dest_host || !*h->dest_host || imsi_ok(imsi)))
		return -1;
	begin(b, buf, cap, code, h, imsi);
	return 0;
}

int s6a_clr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_clr *r)
{
	struct dia_builder b;

	if (hss_begin(&b, buf, cap, S6A_CLR, h, r->imsi))
		return -1;
	dia_add_u32(&b, DA_CANCELLATION_TYPE, r->cancellation_type);
	if (r->flags)
		dia_add_u32(&b, DA_CLR_FLAGS, r->flags);
	return dia_build_finish(&b);
}

int s6a_idr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_idr *r)
{
	struct dia_builder b;

	if (hss_begin(&b, buf, cap, S6A_IDR, h, r->imsi))
		return -1;
	s6a_put_subscription(&b, &r->sub);
	if (r->flags)
		dia_add_u32(&b, DA_IDR_FLAGS, r->flags);
	return dia_build_finish(&b);
}

int s6a_dsr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_dsr *r)
{
	struct dia_builder b;

	if (hss_begin(&b, buf, cap, S6A_DSR, h, r->imsi))
		return -1;
	dia_add_u32(&b, DA_DSR_FLAGS, r->flags);
	for (int i = 0; i < r->n_context_ids && i < S6A_MAX_CONTEXT_IDS; i++)
		dia_add_u32(&b, DA_CONTEXT_IDENTIFIER, r->context_ids[i]);
	return dia_build_finish(&b);
}

int s6a_rsr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_rsr *r)
{
	struct dia_builder b;

	begin(&b, buf, cap, S6A_RSR, h, NULL);
	for (int i = 0; i < r->n_user_ids && i < S6A_MAX_USER_IDS; i++)
		dia_add_str(&b, DA_USER_ID, r->user_ids[i]);
	return dia_build_finish(&b);
}
