// SPDX-License-Identifier: GPL-2.0
/*
 * Gy messages (RFC 4006 3, TS 32.299 6.4.2-6.4.4): CCR with one MSCC per
 * rating group and the PS-Information of TS 32.299 7.2.158, CCA with its
 * MSCCs, RAR and ASR; the OCS side of each.
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter_avp.h"
#include "proto/gy.h"

#define FAIL(...) (snprintf(err, size, __VA_ARGS__), -1)

static void put_mscc_req(struct dia_builder *b, const struct gy_mscc_req *s)
{
	dia_add_group(b, DA_MULTIPLE_SERVICES_CREDIT_CONTROL);
	if (s->rsu)
		dia_app_put_units(b, DA_REQUESTED_SERVICE_UNIT, &s->rsu_units, GY_RR_NONE);
	if (s->has_usu)
		dia_app_put_units(b, DA_USED_SERVICE_UNIT, &s->usu, s->reason);
	if (s->has_service_id)
		dia_add_u32(b, DA_SERVICE_IDENTIFIER, s->service_id);
	dia_add_u32(b, DA_RATING_GROUP, s->rating_group);
	if (!s->has_usu && s->reason != GY_RR_NONE)
		dia_add_u32(b, DA_REPORTING_REASON, s->reason);
	dia_build_group_end(b);
}

int gy_ccr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gy_ccr *r)
{
	struct dia_builder b;

	if (r->type < GY_INITIAL || r->type > GY_EVENT || !dia_digits(r->imsi, 15) ||
	    r->n_mscc > GY_MAX_MSCC)
		return -1;
	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, GY_CCR, DIA_APP_DCCA, 0, 0);
	dia_add_str(&b, DA_SESSION_ID, h->session_id);
	dia_app_put_origin(&b, h);
	dia_add_str(&b, DA_DESTINATION_REALM, h->dest_realm);
	dia_add_u32(&b, DA_AUTH_APPLICATION_ID, DIA_APP_DCCA);
	dia_add_str(&b, DA_SERVICE_CONTEXT_ID, GY_SERVICE_CONTEXT);
	dia_add_u32(&b, DA_CC_REQUEST_TYPE, r->type);
	dia_add_u32(&b, DA_CC_REQUEST_NUMBER, r->number);
	if (h->dest_host && *h->dest_host)
		dia_add_str(&b, DA_DESTINATION_HOST, h->dest_host);
	if (r->event_time)
		dia_add_u32(&b, DA_EVENT_TIMESTAMP, r->event_time);
	dia_add_group(&b, DA_SUBSCRIPTION_ID);
	dia_add_u32(&b, DA_SUBSCRIPTION_ID_TYPE, 1);	/* END_USER_IMSI */
	dia_add_str(&b, DA_SUBSCRIPTION_ID_DATA, r->imsi);
	dia_build_group_end(&b);
	if (r->msisdn[0]) {
		dia_add_group(&b, DA_SUBSCRIPTION_ID);
		dia_add_u32(&b, DA_SUBSCRIPTION_ID_TYPE, 0);	/* END_USER_E164 */
		dia_add_str(&b, DA_SUBSCRIPTION_ID_DATA, r->msisdn);
		dia_build_group_end(&b);
	}
	if (r->type == GY_TERMINATION)
		dia_add_u32(&b, DA_TERMINATION_CAUSE, r->termination_cause ? r->termination_cause : 1);
	dia_add_u32(&b, DA_MULTIPLE_SERVICES_INDICATOR, 1);	/* MULTIPLE_SERVICES_SUPPORTED */
	for (int i = 0; i < r->n_mscc; i++)
		put_mscc_req(&b, &r->mscc[i]);
	if (r->imeisv[0]) {
		dia_add_group(&b, DA_USER_EQUIPMENT_INFO);
		dia_add_u32(&b, DA_USER_EQUIPMENT_INFO_TYPE, 0);
		dia_add_bytes(&b, DA_USER_EQUIPMENT_INFO_VALUE, r->imeisv, strlen(r->imeisv));
		dia_build_group_end(&b);
	}
	dia_add_group(&b, DA_SERVICE_INFORMATION);
	dia_add_group(&b, DA_PS_INFORMATION);
	if (r->charging_id) {
		uint8_t cid[4] = { (uint8_t)(r->charging_id >> 24), (uint8_t)(r->charging_id >> 16),
				   (uint8_t)(r->charging_id >> 8), (uint8_t)r->charging_id };

		dia_add_bytes(&b, DA_TGPP_CHARGING_ID, cid, 4);
	}
	if (r->mcc_mnc[0])
		dia_add_str(&b, DA_TGPP_SGSN_MCC_MNC, r->mcc_mnc);
	if (r->apn[0])
		dia_add_str(&b, DA_CALLED_STATION_ID, r->apn);
	dia_add_bytes(&b, DA_TGPP_RAT_TYPE, (uint8_t[]){ r->rat ? r->rat : 6 }, 1);
	if (r->uli_len)
		dia_add_bytes(&b, DA_TGPP_USER_LOCATION_INFO, r->uli, r->uli_len);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	return dia_build_finish(&b);
}

static int get_fui(const struct dia_msg *m, int g, struct gy_fui *f, char *err, size_t size)
{
	const uint8_t *d;
	size_t len;
	int rs;

	memset(f, 0, sizeof(*f));
	if (dia_get_u32(m, g, DA_FINAL_UNIT_ACTION, &f->action) ||
	    f->action > GY_FUA_RESTRICT_ACCESS)
		return FAIL("Final-Unit-Indication without a valid Final-Unit-Action");
	for (int i = dia_get(m, g, DA_FILTER_ID); i >= 0 && f->n_filter_ids < GY_MAX_FILTERS;
	     i = dia_get_next(m, i, DA_FILTER_ID)) {
		const struct dia_avp *a = &m->avps[i];

		if (a->len && a->len < DIA_NAME_MAX) {
			memcpy(f->filter_id[f->n_filter_ids], a->data, a->len);
			f->filter_id[f->n_filter_ids++][a->len] = '\0';
		}
	}
	for (int i = dia_get(m, g, DA_RESTRICTION_FILTER_RULE); i >= 0 && f->n_rules < GY_MAX_FILTERS;
	     i = dia_get_next(m, i, DA_RESTRICTION_FILTER_RULE)) {
		const struct dia_avp *a = &m->avps[i];

		if (a->len && a->len < sizeof(f->rule[0])) {
			memcpy(f->rule[f->n_rules], a->data, a->len);
			f->rule[f->n_rules++][a->len] = '\0';
		}
	}
	rs = dia_get(m, g, DA_REDIRECT_SERVER);
	if (rs >= 0) {
		if (dia_get_u32(m, rs, DA_REDIRECT_ADDRESS_TYPE, &f->redirect_type) ||
		    dia_get_bytes(m, rs, DA_REDIRECT_SERVER_ADDRESS, &d, &len) || !len ||
		    len >= sizeof(f->redirect_addr))
			return FAIL("Redirect-Server without type or address");
		memcpy(f->redirect_addr, d, len);
		f->redirect_addr[len] = '\0';
		f->has_redirect = true;
	}
	if (f->action == GY_FUA_REDIRECT && !f->has_redirect)
		return FAIL("REDIRECT without Redirect-Server");
	return 0;
}

static int get_mscc(const struct dia_msg *m, int g, struct gy_mscc_ans *s, char *err, size_t size)
{
	int i;

	memset(s, 0, sizeof(*s));
	if (dia_get_u32(m, g, DA_RATING_GROUP, &s->rating_group))
		return FAIL("MSCC without Rating-Group");
	s->has_service_id = !dia_get_u32(m, g, DA_SERVICE_IDENTIFIER, &s->service_id);
	s->has_result = !dia_get_u32(m, g, DA_RESULT_CODE, &s->result_code);
	i = dia_get(m, g, DA_GRANTED_SERVICE_UNIT);
	if (i >= 0) {
		if (dia_app_get_units(m, i, &s->gsu))
			return FAIL("rating group %u: invalid Granted-Service-Unit", s->rating_group);
		s->has_gsu = true;
	}
	s->has_validity = !dia_get_u32(m, g, DA_VALIDITY_TIME, &s->validity_time);
	s->has_vqt = !dia_get_u32(m, g, DA_VOLUME_QUOTA_THRESHOLD, &s->volume_threshold);
	s->has_qht = !dia_get_u32(m, g, DA_QUOTA_HOLDING_TIME, &s->quota_holding_time);
	i = dia_get(m, g, DA_FINAL_UNIT_INDICATION);
	if (i >= 0) {
		if (get_fui(m, i, &s->fui, err, size))
			return -1;
		s->has_fui = true;
	}
	return 0;
}

int gy_cca_parse(const struct dia_msg *m, struct gy_cca *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (dia_app_get_result(m, -1, &out->res) || !out->res.present)
		return FAIL("neither Result-Code nor Experimental-Result");
	if (dia_get_u32(m, -1, DA_CC_REQUEST_TYPE, &out->type) ||
	    dia_get_u32(m, -1, DA_CC_REQUEST_NUMBER, &out->number))
		return FAIL("no CC-Request-Type or CC-Request-Number");
	out->has_ccfh = !dia_get_u32(m, -1, DA_CREDIT_CONTROL_FAILURE_HANDLING, &out->ccfh);
	if (out->has_ccfh && out->ccfh > GY_CCFH_RETRY_AND_TERMINATE)
		return FAIL("Credit-Control-Failure-Handling %u", out->ccfh);
	for (int i = dia_get(m, -1, DA_MULTIPLE_SERVICES_CREDIT_CONTROL); i >= 0;
	     i = dia_get_next(m, i, DA_MULTIPLE_SERVICES_CREDIT_CONTROL)) {
		if (out->n_mscc == GY_MAX_MSCC)
			return FAIL("more than %d MSCCs", GY_MAX_MSCC);
		if (get_mscc(m, i, &out->mscc[out->n_mscc], err, size))
			return -1;
		out->n_mscc++;
	}
	return 0;
}

const struct gy_mscc_ans *gy_cca_mscc(const struct gy_cca *a, uint32_t rg)
{
	for (int i = 0; i < a->n_mscc; i++)
		if (a->mscc[i].rating_group == rg)
			return &a->mscc[i];
	return NULL;
}

int gy_rar_parse(const struct dia_msg *m, struct gy_rar *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (dia_get_u32(m, -1, DA_RE_AUTH_REQUEST_TYPE, &out->reauth_type))
		return FAIL("RAR without Re-Auth-Request-Type");
	out->has_rating_group = !dia_get_u32(m, -1, DA_RATING_GROUP, &out->rating_group);
	out->has_service_id = !dia_get_u32(m, -1, DA_SERVICE_IDENTIFIER, &out->service_id);
	return 0;
}

/* ------------------------------------------------------------ OCS --- */

static int get_mscc_req(const struct dia_msg *m, int g, struct gy_mscc_req *s)
{
	int i;

	memset(s, 0, sizeof(*s));
	s->reason = GY_RR_NONE;
	if (dia_get_u32(m, g, DA_RATING_GROUP, &s->rating_group))
		return -1;
	s->has_service_id = !dia_get_u32(m, g, DA_SERVICE_IDENTIFIER, &s->service_id);
	i = dia_get(m, g, DA_REQUESTED_SERVICE_UNIT);
	if (i >= 0) {
		s->rsu = true;
		if (dia_app_get_units(m, i, &s->rsu_units))
			return -1;
	}
	i = dia_get(m, g, DA_USED_SERVICE_UNIT);
	if (i >= 0) {
		s->has_usu = true;
		if (dia_app_get_units(m, i, &s->usu))
			return -1;
		dia_get_u32(m, i, DA_REPORTING_REASON, &s->reason);
	}
	if (s->reason == GY_RR_NONE)
		dia_get_u32(m, g, DA_REPORTING_REASON, &s->reason);
	return 0;
}

int gy_ccr_parse(const struct dia_msg *m, struct gy_ccr *out, char *err, size_t size)
{
	char ctx[64];

	memset(out, 0, sizeof(*out));
	if (dia_get_u32(m, -1, DA_CC_REQUEST_TYPE, &out->type) || out->type < GY_INITIAL ||
	    out->type > GY_EVENT || dia_get_u32(m, -1, DA_CC_REQUEST_NUMBER, &out->number))
		return FAIL("no valid CC-Request-Type or CC-Request-Number");
	if (dia_get_str(m, -1, DA_SERVICE_CONTEXT_ID, ctx, sizeof(ctx)))
		return FAIL("no Service-Context-Id");
	for (int i = dia_get(m, -1, DA_SUBSCRIPTION_ID); i >= 0;
	     i = dia_get_next(m, i, DA_SUBSCRIPTION_ID)) {
		uint32_t t;
		char id[DIA_IMSI_MAX];

		if (dia_get_u32(m, i, DA_SUBSCRIPTION_ID_TYPE, &t) ||
		    dia_get_str(m, i, DA_SUBSCRIPTION_ID_DATA, id, sizeof(id)))
			continue;
		if (t == 1)
			memcpy(out->imsi, id, sizeof(id));
		else if (t == 0)
			memcpy(out->msisdn, id, sizeof(id));
	}
	if (!out->imsi[0])
		return FAIL("no IMSI Subscription-Id");
	dia_get_u32(m, -1, DA_TERMINATION_CAUSE, &out->termination_cause);
	for (int i = dia_get(m, -1, DA_MULTIPLE_SERVICES_CREDIT_CONTROL); i >= 0;
	     i = dia_get_next(m, i, DA_MULTIPLE_SERVICES_CREDIT_CONTROL)) {
		if (out->n_mscc == GY_MAX_MSCC)
			return FAIL("more than %d MSCCs", GY_MAX_MSCC);
		if (get_mscc_req(m, i, &out->mscc[out->n_mscc]))
			return FAIL("invalid MSCC %d", out->n_mscc);
		out->n_mscc++;
	}
	return 0;
}

static void put_fui(struct dia_builder *b, const struct gy_fui *f)
{
	dia_add_group(b, DA_FINAL_UNIT_INDICATION);
	dia_add_u32(b, DA_FINAL_UNIT_ACTION, f->action);
	for (int i = 0; i < f->n_rules && i < GY_MAX_FILTERS; i++)
		dia_add_str(b, DA_RESTRICTION_FILTER_RULE, f->rule[i]);
	for (int i = 0; i < f->n_filter_ids && i < GY_MAX_FILTERS; i++)
		dia_add_str(b, DA_FILTER_ID, f->filter_id[i]);
	if (f->has_redirect) {
		dia_add_group(b, DA_REDIRECT_SERVER);
		dia_add_u32(b, DA_REDIRECT_ADDRESS_TYPE, f->redirect_type);
		dia_add_str(b, DA_REDIRECT_SERVER_ADDRESS, f->redirect_addr);
		dia_build_group_end(b);
	}
	dia_build_group_end(b);
}

void gy_cca_put(struct dia_builder *b, const struct gy_cca *a)
{
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, DIA_APP_DCCA);
	dia_add_u32(b, DA_CC_REQUEST_TYPE, a->type);
	dia_add_u32(b, DA_CC_REQUEST_NUMBER, a->number);
	for (int i = 0; i < a->n_mscc && i < GY_MAX_MSCC; i++) {
		const struct gy_mscc_ans *s = &a->mscc[i];

		dia_add_group(b, DA_MULTIPLE_SERVICES_CREDIT_CONTROL);
		if (s->has_gsu)
			dia_app_put_units(b, DA_GRANTED_SERVICE_UNIT, &s->gsu, GY_RR_NONE);
		if (s->has_service_id)
			dia_add_u32(b, DA_SERVICE_IDENTIFIER, s->service_id);
		dia_add_u32(b, DA_RATING_GROUP, s->rating_group);
		if (s->has_validity)
			dia_add_u32(b, DA_VALIDITY_TIME, s->validity_time);
		if (s->has_result)
			dia_add_u32(b, DA_RESULT_CODE, s->result_code);
		if (s->has_fui)
			put_fui(b, &s->fui);
		if (s->has_vqt)
			dia_add_u32(b, DA_VOLUME_QUOTA_THRESHOLD, s->volume_threshold);
		if (s->has_qht)
			dia_add_u32(b, DA_QUOTA_HOLDING_TIME, s->quota_holding_time);
		dia_build_group_end(b);
	}
	if (a->has_ccfh)
		dia_add_u32(b, DA_CREDIT_CONTROL_FAILURE_HANDLING, a->ccfh);
}

static void server_begin(struct dia_builder *b, uint8_t *buf, size_t cap, uint32_t code,
			 const struct dia_req_hdr *h)
{
	dia_build_init(b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, code, DIA_APP_DCCA, 0, 0);
	dia_add_str(b, DA_SESSION_ID, h->session_id);
	dia_app_put_origin(b, h);
	dia_add_str(b, DA_DESTINATION_REALM, h->dest_realm);
	dia_add_str(b, DA_DESTINATION_HOST, h->dest_host);
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, DIA_APP_DCCA);
}

int gy_rar_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gy_rar *r)
{
	struct dia_builder b;

	if (!h->dest_host || !*h->dest_host)
		return -1;
	server_begin(&b, buf, cap, GY_RAR, h);
	dia_add_u32(&b, DA_RE_AUTH_REQUEST_TYPE, r->reauth_type);
	if (r->has_service_id)
		dia_add_u32(&b, DA_SERVICE_IDENTIFIER, r->service_id);
	if (r->has_rating_group)
		dia_add_u32(&b, DA_RATING_GROUP, r->rating_group);
	return dia_build_finish(&b);
}

int gy_asr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h)
{
	struct dia_builder b;

	if (!h->dest_host || !*h->dest_host)
		return -1;
	server_begin(&b, buf, cap, GY_ASR, h);
	return dia_build_finish(&b);
}
