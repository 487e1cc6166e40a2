// SPDX-License-Identifier: GPL-2.0
/*
 * Gx messages (TS 29.212 5.6): CCR built, CCA/RAR read into struct
 * gx_policy, RAA's Charging-Rule-Report; the PCRF's side of each.  AVP
 * order follows the command ABNF of 5.6.2-5.6.5.
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter_avp.h"
#include "proto/gx.h"

#define FAIL(...) (snprintf(err, size, __VA_ARGS__), -1)

/* ------------------------------------------------------------- QoS --- */

static void put_qos(struct dia_builder *b, const struct gx_qos *q)
{
	dia_add_group(b, DA_QOS_INFORMATION);
	if (q->has_qci)
		dia_add_u32(b, DA_QOS_CLASS_IDENTIFIER, q->qci);
	if (q->mbr_ul)
		dia_add_u32(b, DA_MAX_REQUESTED_BANDWIDTH_UL, q->mbr_ul);
	if (q->mbr_dl)
		dia_add_u32(b, DA_MAX_REQUESTED_BANDWIDTH_DL, q->mbr_dl);
	if (q->gbr_ul)
		dia_add_u32(b, DA_GUARANTEED_BITRATE_UL, q->gbr_ul);
	if (q->gbr_dl)
		dia_add_u32(b, DA_GUARANTEED_BITRATE_DL, q->gbr_dl);
	if (q->has_arp)
		dia_app_put_arp(b, &q->arp);
	if (q->apn_ambr_ul)
		dia_add_u32(b, DA_APN_AGGREGATE_MAX_BITRATE_UL, q->apn_ambr_ul);
	if (q->apn_ambr_dl)
		dia_add_u32(b, DA_APN_AGGREGATE_MAX_BITRATE_DL, q->apn_ambr_dl);
	dia_build_group_end(b);
}

static int get_qos(const struct dia_msg *m, int g, struct gx_qos *q)
{
	uint32_t v;
	int r;

	memset(q, 0, sizeof(*q));
	if (!dia_get_u32(m, g, DA_QOS_CLASS_IDENTIFIER, &v)) {
		if (v < 1 || v > 254)
			return -1;
		q->qci = (uint8_t)v;
		q->has_qci = true;
	}
	dia_get_u32(m, g, DA_MAX_REQUESTED_BANDWIDTH_UL, &q->mbr_ul);
	dia_get_u32(m, g, DA_MAX_REQUESTED_BANDWIDTH_DL, &q->mbr_dl);
	dia_get_u32(m, g, DA_GUARANTEED_BITRATE_UL, &q->gbr_ul);
	dia_get_u32(m, g, DA_GUARANTEED_BITRATE_DL, &q->gbr_dl);
	dia_get_u32(m, g, DA_APN_AGGREGATE_MAX_BITRATE_UL, &q->apn_ambr_ul);
	dia_get_u32(m, g, DA_APN_AGGREGATE_MAX_BITRATE_DL, &q->apn_ambr_dl);
	r = dia_app_get_arp(m, g, &q->arp);
	if (r < 0)
		return -1;
	q->has_arp = r == 0;
	return 0;
}

static void put_default_qos(struct dia_builder *b, uint8_t qci, const struct dia_arp *arp)
{
	dia_add_group(b, DA_DEFAULT_EPS_BEARER_QOS);
	dia_add_u32(b, DA_QOS_CLASS_IDENTIFIER, qci);
	dia_app_put_arp(b, arp);
	dia_build_group_end(b);
}

/* ------------------------------------------------------- usage --- */

/* Usage-Monitoring-Information with GSU (answers) or USU (reports) */
static void put_usage(struct dia_builder *b, const struct gx_usage *u, bool used)
{
	dia_add_group(b, DA_USAGE_MONITORING_INFORMATION);
	dia_add_bytes(b, DA_MONITORING_KEY, u->key, strlen(u->key));
	dia_app_put_units(b, used ? DA_USED_SERVICE_UNIT : DA_GRANTED_SERVICE_UNIT, &u->u,
			  DIA_NO_REASON);
	if (u->has_level)
		dia_add_u32(b, DA_USAGE_MONITORING_LEVEL, u->level);
	if (u->has_report)
		dia_add_u32(b, DA_USAGE_MONITORING_REPORT, 0);
	dia_build_group_end(b);
}

static int get_usage(const struct dia_msg *m, int g, struct gx_usage *u, bool used)
{
	const uint8_t *d;
	size_t len;
	uint32_t v;
	int su;

	memset(u, 0, sizeof(*u));
	if (dia_get_bytes(m, g, DA_MONITORING_KEY, &d, &len) || len >= sizeof(u->key))
		return -1;
	memcpy(u->key, d, len);
	u->key[len] = '\0';
	su = dia_get(m, g, used ? DA_USED_SERVICE_UNIT : DA_GRANTED_SERVICE_UNIT);
	if (su >= 0 && dia_app_get_units(m, su, &u->u))
		return -1;
	u->has_level = !dia_get_u32(m, g, DA_USAGE_MONITORING_LEVEL, &u->level);
	u->has_report = !dia_get_u32(m, g, DA_USAGE_MONITORING_REPORT, &v) && v == 0;
	return 0;
}

/* --------------------------------------------------------- rules --- */

static int name_of(const struct dia_msg *m, int i, char *out)
{
	const struct dia_avp *a = &m->avps[i];

	if (!a->len || a->len >= DIA_NAME_MAX || memchr(a->data, 0, a->len))
		return -1;
	memcpy(out, a->data, a->len);
	out[a->len] = '\0';
	return 0;
}

static int get_definition(const struct dia_msg *m, int g, struct gx_rule *r, char *err,
			  size_t size)
{
	int i = dia_get(m, g, DA_CHARGING_RULE_NAME), q;
	const uint8_t *d;
	size_t len;

	if (i < 0 || name_of(m, i, r->name))
		return FAIL("Charging-Rule-Definition without a valid Charging-Rule-Name");
	for (i = dia_get(m, g, DA_FLOW_INFORMATION); i >= 0;
	     i = dia_get_next(m, i, DA_FLOW_INFORMATION)) {
		struct gx_flow *f;

		if (r->n_flows == GX_MAX_FLOWS)
			return FAIL("rule %s: more than %d flows", r->name, GX_MAX_FLOWS);
		f = &r->flows[r->n_flows];
		if (dia_get_bytes(m, i, DA_FLOW_DESCRIPTION, &d, &len) || !len ||
		    len >= sizeof(f->desc))
			return FAIL("rule %s: Flow-Information without Flow-Description", r->name);
		memcpy(f->desc, d, len);
		f->desc[len] = '\0';
		dia_get_u32(m, i, DA_FLOW_DIRECTION, &f->direction);
		r->n_flows++;
	}
	r->has_flow_status = !dia_get_u32(m, g, DA_FLOW_STATUS, &r->flow_status);
	if (r->has_flow_status && r->flow_status > GX_FS_REMOVED)
		return FAIL("rule %s: Flow-Status %u", r->name, r->flow_status);
	q = dia_get(m, g, DA_QOS_INFORMATION);
	if (q >= 0) {
		if (get_qos(m, q, &r->qos))
			return FAIL("rule %s: invalid QoS-Information", r->name);
		r->has_qos = true;
	}
	r->has_rating_group = !dia_get_u32(m, g, DA_RATING_GROUP, &r->rating_group);
	r->has_service_id = !dia_get_u32(m, g, DA_SERVICE_IDENTIFIER, &r->service_id);
	if (!dia_get_bytes(m, g, DA_MONITORING_KEY, &d, &len)) {
		if (len >= sizeof(r->monitoring_key))
			return FAIL("rule %s: Monitoring-Key too long", r->name);
		memcpy(r->monitoring_key, d, len);
		r->monitoring_key[len] = '\0';
	}
	r->has_precedence = !dia_get_u32(m, g, DA_PRECEDENCE, &r->precedence);
	r->has_online = !dia_get_u32(m, g, DA_ONLINE, &r->online);
	r->has_offline = !dia_get_u32(m, g, DA_OFFLINE, &r->offline);
	r->has_metering = !dia_get_u32(m, g, DA_METERING_METHOD, &r->metering_method);
	return 0;
}

static struct gx_rule *new_rule(struct gx_policy *p)
{
	if (p->n_install == GX_MAX_RULES)
		return NULL;
	memset(&p->install[p->n_install], 0, sizeof(p->install[0]));
	return &p->install[p->n_install++];
}

static int get_install(const struct dia_msg *m, int g, struct gx_policy *p, char *err,
		       size_t size)
{
	uint32_t bearer = 0;
	int first = p->n_install;

	dia_get_u32(m, g, DA_BEARER_IDENTIFIER, &bearer);
	for (int i = m->avps[g].child; i >= 0; i = m->avps[i].next) {
		const struct dia_avp *a = &m->avps[i];
		struct gx_rule *r;

		if (a->vendor != VENDOR_3GPP || (a->code != 1003 && a->code != 1005 &&
						 a->code != 1004))
			continue;
		r = new_rule(p);
		if (!r)
			return FAIL("more than %d rules", GX_MAX_RULES);
		if (a->code == 1003) {
			if (get_definition(m, i, r, err, size))
				return -1;
		} else {
			r->predefined = true;
			r->base = a->code == 1004;
			if (name_of(m, i, r->name))
				return FAIL("invalid Charging-Rule-%sName", r->base ? "Base-" : "");
		}
	}
	for (int k = first; k < p->n_install; k++)
		p->install[k].bearer_id = bearer;
	return 0;
}

static int get_remove(const struct dia_msg *m, int g, struct gx_policy *p, char *err,
		      size_t size)
{
	for (int i = m->avps[g].child; i >= 0; i = m->avps[i].next) {
		const struct dia_avp *a = &m->avps[i];

		if (a->vendor != VENDOR_3GPP || (a->code != 1005 && a->code != 1004))
			continue;
		if (p->n_remove == GX_MAX_RULES)
			return FAIL("more than %d rules to remove", GX_MAX_RULES);
		if (name_of(m, i, p->remove[p->n_remove].name))
			return FAIL("invalid rule name to remove");
		p->remove[p->n_remove++].base = a->code == 1004;
	}
	return 0;
}

/* The policy parts shared by CCA and RAR */
static int get_policy(const struct dia_msg *m, struct gx_policy *p, char *err, size_t size)
{
	int i;

	memset(p, 0, sizeof(*p));
	for (i = dia_get(m, -1, DA_CHARGING_RULE_REMOVE); i >= 0;
	     i = dia_get_next(m, i, DA_CHARGING_RULE_REMOVE))
		if (get_remove(m, i, p, err, size))
			return -1;
	for (i = dia_get(m, -1, DA_CHARGING_RULE_INSTALL); i >= 0;
	     i = dia_get_next(m, i, DA_CHARGING_RULE_INSTALL))
		if (get_install(m, i, p, err, size))
			return -1;
	i = dia_get(m, -1, DA_QOS_INFORMATION);
	if (i >= 0) {
		if (get_qos(m, i, &p->qos))
			return FAIL("invalid QoS-Information");
		p->has_qos = true;
	}
	i = dia_get(m, -1, DA_DEFAULT_EPS_BEARER_QOS);
	if (i >= 0) {
		uint32_t v;

		if (dia_get_u32(m, i, DA_QOS_CLASS_IDENTIFIER, &v) || v < 1 || v > 254 ||
		    dia_app_get_arp(m, i, &p->default_arp))
			return FAIL("invalid Default-EPS-Bearer-QoS");
		p->default_qci = (uint8_t)v;
		p->has_default_qos = true;
	}
	for (i = dia_get(m, -1, DA_EVENT_TRIGGER); i >= 0; i = dia_get_next(m, i, DA_EVENT_TRIGGER))
		if (p->n_triggers < GX_MAX_TRIGGERS &&
		    !dia_avp_u32(&m->avps[i], &p->triggers[p->n_triggers]))
			p->n_triggers++;
	p->has_revalidation = !dia_get_u32(m, -1, DA_REVALIDATION_TIME, &p->revalidation_time);
	for (i = dia_get(m, -1, DA_USAGE_MONITORING_INFORMATION); i >= 0;
	     i = dia_get_next(m, i, DA_USAGE_MONITORING_INFORMATION)) {
		if (p->n_usage == GX_MAX_MONITORS)
			return FAIL("more than %d monitoring keys", GX_MAX_MONITORS);
		if (get_usage(m, i, &p->usage[p->n_usage], false))
			return FAIL("Usage-Monitoring-Information without a valid Monitoring-Key");
		p->n_usage++;
	}
	p->has_release_cause = !dia_get_u32(m, -1, DA_SESSION_RELEASE_CAUSE, &p->release_cause);
	return 0;
}

/* ----------------------------------------------------------- PCEF --- */

static void put_subscription_id(struct dia_builder *b, uint32_t type, const char *data)
{
	dia_add_group(b, DA_SUBSCRIPTION_ID);
	dia_add_u32(b, DA_SUBSCRIPTION_ID_TYPE, type);
	dia_add_str(b, DA_SUBSCRIPTION_ID_DATA, data);
	dia_build_group_end(b);
}

static void put_reports(struct dia_builder *b, const struct gx_rule_report *r, int n)
{
	for (int i = 0; i < n; i++) {
		dia_add_group(b, DA_CHARGING_RULE_REPORT);
		dia_add_bytes(b, DA_CHARGING_RULE_NAME, r[i].name, strlen(r[i].name));
		dia_add_u32(b, DA_PCC_RULE_STATUS, r[i].status);
		if (r[i].failure_code)
			dia_add_u32(b, DA_RULE_FAILURE_CODE, r[i].failure_code);
		dia_build_group_end(b);
	}
}

int gx_ccr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gx_ccr *r)
{
	struct dia_builder b;

	if (r->type < GX_INITIAL || r->type > GX_TERMINATION || !dia_digits(r->imsi, 15))
		return -1;
	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, GX_CCR, DIA_APP_GX, 0, 0);
	dia_add_str(&b, DA_SESSION_ID, h->session_id);
	dia_add_u32(&b, DA_AUTH_APPLICATION_ID, DIA_APP_GX);
	dia_app_put_origin(&b, h);
	dia_add_str(&b, DA_DESTINATION_REALM, h->dest_realm);
	dia_add_u32(&b, DA_CC_REQUEST_TYPE, r->type);
	dia_add_u32(&b, DA_CC_REQUEST_NUMBER, r->number);
	if (h->dest_host && *h->dest_host)
		dia_add_str(&b, DA_DESTINATION_HOST, h->dest_host);
	put_subscription_id(&b, GX_SUB_IMSI, r->imsi);
	if (r->msisdn[0])
		put_subscription_id(&b, GX_SUB_E164, r->msisdn);
	if (r->feature_list && r->type == GX_INITIAL) {
		dia_add_group(&b, DA_SUPPORTED_FEATURES);
		dia_add_u32(&b, DA_VENDOR_ID, VENDOR_3GPP);
		dia_add_u32(&b, DA_FEATURE_LIST_ID, 1);
		dia_add_u32(&b, DA_FEATURE_LIST, r->feature_list);
		dia_build_group_end(&b);
	}
	if (r->type == GX_INITIAL)
		dia_add_u32(&b, DA_NETWORK_REQUEST_SUPPORT, 1);	/* NETWORK_REQUEST_SUPPORTED */
	if (r->has_ipv4)
		dia_add_bytes(&b, DA_FRAMED_IP_ADDRESS, r->ipv4, 4);
	if (r->has_ipv6) {
		uint8_t p[18] = { 0, r->ipv6_len };

		memcpy(p + 2, r->ipv6_prefix, 16);
		dia_add_bytes(&b, DA_FRAMED_IPV6_PREFIX, p, 2 + (r->ipv6_len + 7u) / 8);
	}
	dia_add_u32(&b, DA_IP_CAN_TYPE, r->ip_can_type ? r->ip_can_type : GX_IP_CAN_3GPP_EPS);
	dia_add_u32(&b, DA_RAT_TYPE, r->rat_type ? r->rat_type : 1004);
	if (r->type == GX_TERMINATION)
		dia_add_u32(&b, DA_TERMINATION_CAUSE, r->termination_cause ? r->termination_cause : 1);
	if (r->imeisv[0]) {
		dia_add_group(&b, DA_USER_EQUIPMENT_INFO);
		dia_add_u32(&b, DA_USER_EQUIPMENT_INFO_TYPE, 0);	/* IMEISV */
		dia_add_bytes(&b, DA_USER_EQUIPMENT_INFO_VALUE, r->imeisv, strlen(r->imeisv));
		dia_build_group_end(&b);
	}
	if (r->apn_ambr_ul || r->apn_ambr_dl) {
		struct gx_qos q = { .apn_ambr_ul = r->apn_ambr_ul, .apn_ambr_dl = r->apn_ambr_dl };

		put_qos(&b, &q);
	}
	if (r->uli_len)
		dia_add_bytes(&b, DA_TGPP_USER_LOCATION_INFO, r->uli, r->uli_len);
	if (r->mcc_mnc[0])
		dia_add_str(&b, DA_TGPP_SGSN_MCC_MNC, r->mcc_mnc);
	if (r->apn[0])
		dia_add_str(&b, DA_CALLED_STATION_ID, r->apn);
	if (r->default_qci)
		put_default_qos(&b, r->default_qci, &r->default_arp);
	for (int i = 0; i < r->n_usage; i++)
		put_usage(&b, &r->usage[i], true);
	put_reports(&b, r->reports, r->n_reports);
	for (int i = 0; i < r->n_triggers; i++)
		dia_add_u32(&b, DA_EVENT_TRIGGER, r->triggers[i]);
	if (r->has_an_gw)
		dia_add_address(&b, DA_AN_GW_ADDRESS, 1, r->an_gw, 4);
	return dia_build_finish(&b);
}

int gx_cca_parse(const struct dia_msg *m, struct gx_cca *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (dia_app_get_result(m, -1, &out->res) || !out->res.present)
		return FAIL("neither Result-Code nor Experimental-Result");
	if (dia_get_u32(m, -1, DA_CC_REQUEST_TYPE, &out->type) ||
	    dia_get_u32(m, -1, DA_CC_REQUEST_NUMBER, &out->number))
		return FAIL("no CC-Request-Type or CC-Request-Number");
	if (!dia_result_ok(&out->res))
		return 0;
	return get_policy(m, &out->pol, err, size);
}

int gx_rar_parse(const struct dia_msg *m, struct gx_rar *out, char *err, size_t size)
{
	memset(out, 0, sizeof(*out));
	if (dia_get_u32(m, -1, DA_RE_AUTH_REQUEST_TYPE, &out->reauth_type))
		return FAIL("RAR without Re-Auth-Request-Type");
	return get_policy(m, &out->pol, err, size);
}

void gx_raa_put(struct dia_builder *b, const struct gx_rule_report *r, int n)
{
	put_reports(b, r, n);
}

static bool is_gbr(uint8_t qci)
{
	return (qci >= 1 && qci <= 4) || (qci >= 65 && qci <= 67) || (qci >= 71 && qci <= 76) ||
	       qci == 82 || qci == 83 || qci == 84 || qci == 85;
}

bool gx_rule_needs_bearer(const struct gx_rule *r, uint8_t default_qci,
			  const struct dia_arp *default_arp)
{
	const struct gx_qos *q = &r->qos;

	if (!r->has_qos)
		return false;
	if (q->has_qci && (q->qci != default_qci || is_gbr(q->qci)))
		return true;
	return q->has_arp && (q->arp.priority != default_arp->priority ||
			      q->arp.may_preempt != default_arp->may_preempt ||
			      q->arp.preemptable != default_arp->preemptable);
}

/* ----------------------------------------------------------- PCRF --- */

int gx_ccr_parse(const struct dia_msg *m, struct gx_ccr *out, char *err, size_t size)
{
	const uint8_t *d;
	size_t len;
	int i;

	memset(out, 0, sizeof(*out));
	if (dia_get_u32(m, -1, DA_CC_REQUEST_TYPE, &out->type) || out->type < GX_INITIAL ||
	    out->type > GX_TERMINATION || dia_get_u32(m, -1, DA_CC_REQUEST_NUMBER, &out->number))
		return FAIL("no valid CC-Request-Type or CC-Request-Number");
	for (i = dia_get(m, -1, DA_SUBSCRIPTION_ID); i >= 0;
	     i = dia_get_next(m, i, DA_SUBSCRIPTION_ID)) {
		uint32_t t;
		char id[DIA_IMSI_MAX];

		if (dia_get_u32(m, i, DA_SUBSCRIPTION_ID_TYPE, &t) ||
		    dia_get_str(m, i, DA_SUBSCRIPTION_ID_DATA, id, sizeof(id)))
			continue;
		if (t == GX_SUB_IMSI)
			memcpy(out->imsi, id, sizeof(id));
		else if (t == GX_SUB_E164)
			memcpy(out->msisdn, id, sizeof(id));
	}
	if (!out->imsi[0] && out->type == GX_INITIAL)
		return FAIL("CCR-I without an IMSI Subscription-Id");
	dia_get_str(m, -1, DA_CALLED_STATION_ID, out->apn, sizeof(out->apn));
	if (!dia_get_bytes(m, -1, DA_FRAMED_IP_ADDRESS, &d, &len) && len == 4) {
		memcpy(out->ipv4, d, 4);
		out->has_ipv4 = true;
	}
	dia_get_u32(m, -1, DA_IP_CAN_TYPE, &out->ip_can_type);
	dia_get_u32(m, -1, DA_RAT_TYPE, &out->rat_type);
	dia_get_u32(m, -1, DA_TERMINATION_CAUSE, &out->termination_cause);
	i = dia_get(m, -1, DA_QOS_INFORMATION);
	if (i >= 0) {
		struct gx_qos q;

		if (!get_qos(m, i, &q)) {
			out->apn_ambr_ul = q.apn_ambr_ul;
			out->apn_ambr_dl = q.apn_ambr_dl;
		}
	}
	for (i = dia_get(m, -1, DA_EVENT_TRIGGER); i >= 0; i = dia_get_next(m, i, DA_EVENT_TRIGGER))
		if (out->n_triggers < GX_MAX_TRIGGERS &&
		    !dia_avp_u32(&m->avps[i], &out->triggers[out->n_triggers]))
			out->n_triggers++;
	for (i = dia_get(m, -1, DA_USAGE_MONITORING_INFORMATION); i >= 0;
	     i = dia_get_next(m, i, DA_USAGE_MONITORING_INFORMATION))
		if (out->n_usage < GX_MAX_MONITORS &&
		    !get_usage(m, i, &out->usage[out->n_usage], true))
			out->n_usage++;
	out->n_reports = gx_reports_parse(m, out->reports, GX_MAX_RULES);
	return 0;
}

int gx_reports_parse(const struct dia_msg *m, struct gx_rule_report *r, int max)
{
	int n = 0;

	for (int i = dia_get(m, -1, DA_CHARGING_RULE_REPORT); i >= 0 && n < max;
	     i = dia_get_next(m, i, DA_CHARGING_RULE_REPORT)) {
		int k = dia_get(m, i, DA_CHARGING_RULE_NAME);

		memset(&r[n], 0, sizeof(r[n]));
		if (k < 0 || name_of(m, k, r[n].name))
			continue;
		dia_get_u32(m, i, DA_PCC_RULE_STATUS, &r[n].status);
		dia_get_u32(m, i, DA_RULE_FAILURE_CODE, &r[n].failure_code);
		n++;
	}
	return n;
}

static void put_definition(struct dia_builder *b, const struct gx_rule *r)
{
	dia_add_group(b, DA_CHARGING_RULE_DEFINITION);
	dia_add_bytes(b, DA_CHARGING_RULE_NAME, r->name, strlen(r->name));
	if (r->has_service_id)
		dia_add_u32(b, DA_SERVICE_IDENTIFIER, r->service_id);
	if (r->has_rating_group)
		dia_add_u32(b, DA_RATING_GROUP, r->rating_group);
	for (int i = 0; i < r->n_flows; i++) {
		dia_add_group(b, DA_FLOW_INFORMATION);
		dia_add_str(b, DA_FLOW_DESCRIPTION, r->flows[i].desc);
		if (r->flows[i].direction)
			dia_add_u32(b, DA_FLOW_DIRECTION, r->flows[i].direction);
		dia_build_group_end(b);
	}
	if (r->has_flow_status)
		dia_add_u32(b, DA_FLOW_STATUS, r->flow_status);
	if (r->has_qos)
		put_qos(b, &r->qos);
	if (r->has_online)
		dia_add_u32(b, DA_ONLINE, r->online);
	if (r->has_offline)
		dia_add_u32(b, DA_OFFLINE, r->offline);
	if (r->has_metering)
		dia_add_u32(b, DA_METERING_METHOD, r->metering_method);
	if (r->has_precedence)
		dia_add_u32(b, DA_PRECEDENCE, r->precedence);
	if (r->monitoring_key[0])
		dia_add_bytes(b, DA_MONITORING_KEY, r->monitoring_key, strlen(r->monitoring_key));
	dia_build_group_end(b);
}

void gx_put_policy(struct dia_builder *b, const struct gx_policy *p)
{
	for (int i = 0; i < p->n_triggers; i++)
		dia_add_u32(b, DA_EVENT_TRIGGER, p->triggers[i]);
	if (p->n_remove) {
		dia_add_group(b, DA_CHARGING_RULE_REMOVE);
		for (int i = 0; i < p->n_remove; i++)
			dia_add_bytes(b, p->remove[i].base ? DA_CHARGING_RULE_BASE_NAME :
				      DA_CHARGING_RULE_NAME, p->remove[i].name,
				      strlen(p->remove[i].name));
		dia_build_group_end(b);
	}
	if (p->n_install) {
		dia_add_group(b, DA_CHARGING_RULE_INSTALL);
		for (int i = 0; i < p->n_install; i++) {
			const struct gx_rule *r = &p->install[i];

			if (r->predefined)
				dia_add_bytes(b, r->base ? DA_CHARGING_RULE_BASE_NAME :
					      DA_CHARGING_RULE_NAME, r->name, strlen(r->name));
			else
				put_definition(b, r);
		}
		dia_build_group_end(b);
	}
	if (p->has_qos)
		put_qos(b, &p->qos);
	if (p->has_revalidation)
		dia_add_u32(b, DA_REVALIDATION_TIME, p->revalidation_time);
	if (p->has_default_qos)
		put_default_qos(b, p->default_qci, &p->default_arp);
	for (int i = 0; i < p->n_usage; i++)
		put_usage(b, &p->usage[i], false);
	if (p->has_release_cause)
		dia_add_u32(b, DA_SESSION_RELEASE_CAUSE, p->release_cause);
}

void gx_cca_put(struct dia_builder *b, uint32_t type, uint32_t number, const struct gx_policy *p)
{
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, DIA_APP_GX);
	dia_add_u32(b, DA_CC_REQUEST_TYPE, type);
	dia_add_u32(b, DA_CC_REQUEST_NUMBER, number);
	if (p)
		gx_put_policy(b, p);
}

int gx_rar_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gx_policy *p)
{
	struct dia_builder b;

	if (!h->dest_host || !*h->dest_host)
		return -1;
	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, GX_RAR, DIA_APP_GX, 0, 0);
	dia_add_str(&b, DA_SESSION_ID, h->session_id);
	dia_add_u32(&b, DA_AUTH_APPLICATION_ID, DIA_APP_GX);
	dia_app_put_origin(&b, h);
	dia_add_str(&b, DA_DESTINATION_REALM, h->dest_realm);
	dia_add_str(&b, DA_DESTINATION_HOST, h->dest_host);
	dia_add_u32(&b, DA_RE_AUTH_REQUEST_TYPE, 0);	/* AUTHORIZE_ONLY */
	gx_put_policy(&b, p);
	return dia_build_finish(&b);
}
