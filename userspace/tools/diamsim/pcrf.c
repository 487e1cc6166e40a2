// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim PCRF (Gx, TS 29.212): policies per IMSI prefix and APN from the
 * configuration (rules predefined or defined, APN-AMBR, default bearer
 * QoS, event triggers, revalidation, usage monitoring grants); sessions
 * from CCR-I to CCR-T with the usage the PCEF reports (a new grant of the
 * same size after each report); RAR on command, installing or removing
 * rules mid-session.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <json-c/json.h>

#include "lib/log.h"
#include "proto/diameter_avp.h"
#include "proto/gx.h"
#include "sim.h"

#define PCRF_MAX_SESSIONS 65536
#define NTP_OFFSET 2208988800u

struct pcrf_policy {
	char imsi[DIA_IMSI_MAX];	/* prefix; "*" or "" matches all */
	char apn[DIA_APN_MAX];		/* "*" or "" matches all */
	struct gx_policy pol;
	uint32_t revalidation_s;
};

struct pcrf_session {
	char sid[160];
	char imsi[DIA_IMSI_MAX], apn[DIA_APN_MAX];
	char pcef_host[DIAM_ID_MAX], pcef_realm[DIAM_ID_MAX];
	const struct pcrf_policy *policy;
	uint64_t reported[GX_MAX_MONITORS];
	uint32_t last_number;
	bool used;
};

struct pcrf {
	struct sim *sim;
	struct pcrf_policy *policies;
	int n_policies;
	struct pcrf_session *sessions;
	int n_sessions;
};

/* ------------------------------------------------------ configuration --- */

static int u32(struct jcfg *c, struct json_object *o, const char *key, uint32_t max,
	       uint32_t *out, bool *has)
{
	uint64_t v;
	int r = jcfg_uint(c, o, key, 0, max, false, &v);

	if (!r) {
		*out = (uint32_t)v;
		if (has)
			*has = true;
	}
	return r < 0 ? -1 : 0;
}

static int direction(struct jcfg *c, struct json_object *o, uint32_t *d)
{
	static const char *const names[] = { "unspecified", "downlink", "uplink",
					     "bidirectional" };
	const char *s;
	int r = jcfg_str(c, o, "direction", 16, false, &s);

	if (r)
		return r < 0 ? -1 : 0;
	for (uint32_t i = 0; i < 4; i++)
		if (!strcasecmp(s, names[i])) {
			*d = i;
			return 0;
		}
	return jcfg_fail(c, "direction", "downlink, uplink or bidirectional");
}

static int rule_from_json(struct jcfg *c, struct json_object *o, struct gx_rule *r)
{
	static const char *const keys[] = { "name", "predefined", "base", "flows", "qci", "arp",
					    "mbr_ul", "mbr_dl", "gbr_ul", "gbr_dl", "rating_group",
					    "service_id", "monitoring_key", "precedence",
					    "flow_status", NULL };
	struct json_object *flows = NULL;
	uint32_t v = 0;
	bool has = false, b;

	memset(r, 0, sizeof(*r));
	if (jcfg_keys(c, o, keys) || jcfg_strcpy(c, o, "name", true, r->name, sizeof(r->name)))
		return -1;
	if (jcfg_bool(c, o, "predefined", false, &b) == 0)
		r->predefined = b;
	if (jcfg_bool(c, o, "base", false, &b) == 0)
		r->predefined = r->base = b || r->predefined;
	if (r->predefined)
		return 0;
	if (jcfg_array(c, o, "flows", 0, GX_MAX_FLOWS, false, &flows) < 0)
		return -1;
	for (size_t i = 0; flows && i < json_object_array_length(flows); i++) {
		struct json_object *f = json_object_array_get_idx(flows, i);
		size_t m1 = jcfg_push_key(c, "flows"), m2 = jcfg_push_index(c, i);

		if (jcfg_strcpy(c, f, "desc", true, r->flows[i].desc, sizeof(r->flows[i].desc)) ||
		    direction(c, f, &r->flows[i].direction))
			return -1;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
		r->n_flows++;
	}
	if (u32(c, o, "qci", 254, &v, &has))
		return -1;
	if (has) {
		r->has_qos = r->qos.has_qci = true;
		r->qos.qci = (uint8_t)v;
		r->qos.has_arp = true;
		r->qos.arp = (struct dia_arp){ 8, false, true };
	}
	has = false;
	if (u32(c, o, "arp", 15, &v, &has))
		return -1;
	if (has) {
		r->has_qos = r->qos.has_arp = true;
		r->qos.arp.priority = (uint8_t)v;
	}
	if (u32(c, o, "mbr_ul", 0xffffffffu, &r->qos.mbr_ul, &r->has_qos) ||
	    u32(c, o, "mbr_dl", 0xffffffffu, &r->qos.mbr_dl, &r->has_qos) ||
	    u32(c, o, "gbr_ul", 0xffffffffu, &r->qos.gbr_ul, &r->has_qos) ||
	    u32(c, o, "gbr_dl", 0xffffffffu, &r->qos.gbr_dl, &r->has_qos) ||
	    u32(c, o, "rating_group", 0xffffffffu, &r->rating_group, &r->has_rating_group) ||
	    u32(c, o, "service_id", 0xffffffffu, &r->service_id, &r->has_service_id) ||
	    u32(c, o, "precedence", 0xffffffffu, &r->precedence, &r->has_precedence) ||
	    u32(c, o, "flow_status", GX_FS_REMOVED, &r->flow_status, &r->has_flow_status) ||
	    jcfg_strcpy(c, o, "monitoring_key", false, r->monitoring_key,
			sizeof(r->monitoring_key)) < 0)
		return -1;
	return 0;
}

static int rules_from_json(struct jcfg *c, struct json_object *o, const char *key,
			   struct gx_policy *p)
{
	struct json_object *arr = NULL;

	if (jcfg_array(c, o, key, 0, GX_MAX_RULES, false, &arr) < 0)
		return -1;
	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		size_t m1 = jcfg_push_key(c, key), m2 = jcfg_push_index(c, i);

		if (rule_from_json(c, json_object_array_get_idx(arr, i), &p->install[p->n_install]))
			return -1;
		p->n_install++;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
	}
	return 0;
}

static int policy_from_json(struct jcfg *c, struct json_object *o, struct pcrf_policy *pp)
{
	static const char *const keys[] = { "imsi", "apn", "rules", "apn_ambr_ul", "apn_ambr_dl",
					    "default_qci", "default_arp", "usage", "revalidation_s",
					    "triggers", NULL };
	struct gx_policy *p = &pp->pol;
	struct json_object *usage = NULL, *trig = NULL;
	uint32_t v = 0;
	bool has = false;

	if (jcfg_keys(c, o, keys) ||
	    jcfg_strcpy(c, o, "imsi", false, pp->imsi, sizeof(pp->imsi)) < 0 ||
	    jcfg_strcpy(c, o, "apn", false, pp->apn, sizeof(pp->apn)) < 0 ||
	    rules_from_json(c, o, "rules", p) ||
	    u32(c, o, "apn_ambr_ul", 0xffffffffu, &p->qos.apn_ambr_ul, &p->has_qos) ||
	    u32(c, o, "apn_ambr_dl", 0xffffffffu, &p->qos.apn_ambr_dl, &p->has_qos) ||
	    u32(c, o, "default_qci", 254, &v, &has) ||
	    u32(c, o, "revalidation_s", 86400, &pp->revalidation_s, NULL) ||
	    jcfg_array(c, o, "usage", 0, GX_MAX_MONITORS, false, &usage) < 0 ||
	    jcfg_array(c, o, "triggers", 0, GX_MAX_TRIGGERS, false, &trig) < 0)
		return -1;
	if (has) {
		p->has_default_qos = true;
		p->default_qci = (uint8_t)v;
		p->default_arp = (struct dia_arp){ 8, false, true };
		v = 0;
		if (u32(c, o, "default_arp", 15, &v, NULL))
			return -1;
		p->default_arp.priority = (uint8_t)(v ? v : 8);
	}
	for (size_t i = 0; usage && i < json_object_array_length(usage); i++) {
		struct json_object *u = json_object_array_get_idx(usage, i);
		struct gx_usage *g = &p->usage[p->n_usage];
		uint64_t oct;

		if (jcfg_strcpy(c, u, "key", true, g->key, sizeof(g->key)) ||
		    jcfg_uint(c, u, "octets", 1, UINT64_MAX, true, &oct))
			return -1;
		g->u.has_total = true;
		g->u.total = oct;
		g->has_level = true;
		g->level = 0;	/* SESSION_LEVEL */
		p->n_usage++;
	}
	for (size_t i = 0; trig && i < json_object_array_length(trig); i++)
		p->triggers[p->n_triggers++] =
			(uint32_t)json_object_get_int64(json_object_array_get_idx(trig, i));
	if (pp->revalidation_s && p->n_triggers < GX_MAX_TRIGGERS)
		p->triggers[p->n_triggers++] = GX_ET_REVALIDATION_TIMEOUT;
	if (p->n_usage && p->n_triggers < GX_MAX_TRIGGERS)
		p->triggers[p->n_triggers++] = GX_ET_USAGE_REPORT;
	return 0;
}

static bool matches(const char *pat, const char *v, bool prefix)
{
	if (!pat[0] || !strcmp(pat, "*"))
		return true;
	return prefix ? !strncmp(v, pat, strlen(pat)) : !strcasecmp(v, pat);
}

static const struct pcrf_policy *policy_for(struct pcrf *p, const char *imsi, const char *apn)
{
	for (int i = 0; i < p->n_policies; i++)
		if (matches(p->policies[i].imsi, imsi, true) && matches(p->policies[i].apn, apn, false))
			return &p->policies[i];
	return NULL;
}

/* ------------------------------------------------------------ sessions --- */

static struct pcrf_session *session(struct pcrf *p, const char *sid, bool create)
{
	struct pcrf_session *free_slot = NULL;

	for (int i = 0; i < p->n_sessions; i++) {
		if (p->sessions[i].used && !strcmp(p->sessions[i].sid, sid))
			return &p->sessions[i];
		if (!p->sessions[i].used && !free_slot)
			free_slot = &p->sessions[i];
	}
	if (!create)
		return NULL;
	if (!free_slot && p->n_sessions < PCRF_MAX_SESSIONS) {
		struct pcrf_session *n = realloc(p->sessions, sizeof(*n) * (size_t)(p->n_sessions + 1));

		if (!n)
			return NULL;
		p->sessions = n;
		free_slot = &n[p->n_sessions++];
	}
	if (free_slot) {
		memset(free_slot, 0, sizeof(*free_slot));
		free_slot->used = true;
		snprintf(free_slot->sid, sizeof(free_slot->sid), "%s", sid);
	}
	return free_slot;
}

static int answer(struct sim *s, struct diam_inreq *r, const struct gx_ccr *ccr,
		  const struct gx_policy *pol)
{
	uint8_t buf[8192];
	struct dia_builder b;
	int len;

	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	gx_cca_put(&b, ccr->type, ccr->number, pol);
	len = dia_build_finish(&b);
	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

static int on_ccr(struct sim *s, struct pcrf *p, struct diam_inreq *r)
{
	struct gx_policy pol, *use = NULL;
	struct pcrf_session *ss;
	struct gx_ccr ccr;
	char sid[160], err[160];

	if (gx_ccr_parse(r->msg, &ccr, err, sizeof(err)) ||
	    dia_get_str(r->msg, -1, DA_SESSION_ID, sid, sizeof(sid))) {
		log_info("diamsim", "CCR refused: %s", err);
		return DIA_MISSING_AVP;
	}
	ss = session(p, sid, ccr.type == GX_INITIAL);
	if (!ss)
		return ccr.type == GX_INITIAL ? 3004 : 5002;	/* TOO_BUSY, UNKNOWN_SESSION_ID */
	ss->last_number = ccr.number;
	switch (ccr.type) {
	case GX_INITIAL:
		snprintf(ss->imsi, sizeof(ss->imsi), "%s", ccr.imsi);
		snprintf(ss->apn, sizeof(ss->apn), "%s", ccr.apn);
		dia_get_str(r->msg, -1, DA_ORIGIN_HOST, ss->pcef_host, sizeof(ss->pcef_host));
		dia_get_str(r->msg, -1, DA_ORIGIN_REALM, ss->pcef_realm, sizeof(ss->pcef_realm));
		ss->policy = policy_for(p, ccr.imsi, ccr.apn);
		if (!ss->policy) {
			ss->used = false;
			return 5003;	/* DIAMETER_AUTHORIZATION_REJECTED */
		}
		pol = ss->policy->pol;
		if (ss->policy->revalidation_s) {
			pol.has_revalidation = true;
			pol.revalidation_time = (uint32_t)(time(NULL) + NTP_OFFSET +
							   ss->policy->revalidation_s);
		}
		use = &pol;
		break;
	case GX_UPDATE:
		/* usage reported: count it, grant the same amount again */
		memset(&pol, 0, sizeof(pol));
		for (int i = 0; i < ccr.n_usage; i++)
			for (int k = 0; ss->policy && k < ss->policy->pol.n_usage; k++)
				if (!strcmp(ccr.usage[i].key, ss->policy->pol.usage[k].key)) {
					ss->reported[k] += ccr.usage[i].u.total;
					pol.usage[pol.n_usage++] = ss->policy->pol.usage[k];
				}
		use = &pol;
		break;
	default:
		ss->used = false;
		break;
	}
	return answer(s, r, &ccr, use);
}

static int pcrf_role(struct sim *s, struct diam_inreq *r)
{
	return r->msg->code == GX_CCR ? on_ccr(s, s->pcrf, r) : 3001;
}

static int pcrf_handler(void *arg, struct diam_inreq *r)
{
	return sim_dispatch(arg, r, pcrf_role);
}

/* ------------------------------------------------------------ methods --- */

static struct pcrf_session *find(struct pcrf *p, struct json_object *params,
				 struct jsonrpc_error *err)
{
	const char *imsi = NULL, *sid = NULL;

	if (jsonrpc_param_str(params, "session_id", 0, &sid, err) < 0 ||
	    jsonrpc_param_str(params, "imsi", 0, &imsi, err) < 0)
		return NULL;
	for (int i = 0; i < p->n_sessions; i++) {
		struct pcrf_session *ss = &p->sessions[i];

		if (ss->used && ((sid && !strcmp(ss->sid, sid)) ||
				 (!sid && imsi && !strcmp(ss->imsi, imsi))))
			return ss;
	}
	jsonrpc_fail(err, ENOENT, "no such session");
	return NULL;
}

/* RAR {imsi | session_id, install: [rule], remove: [name], apn_ambr_ul, apn_ambr_dl} */
static int m_rar(void *arg, struct json_object *params, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct pcrf *p = arg;
	struct pcrf_session *ss = find(p, params, err);
	struct gx_policy pol = { 0 };
	struct json_object *rm;
	struct dia_req_hdr h;
	struct sim_out *o;
	uint8_t buf[8192];
	struct jcfg c;
	unsigned long long v;

	if (!ss)
		return -1;
	jcfg_init(&c, "params");
	if (rules_from_json(&c, params, "install", &pol))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s", c.err);
	if (json_object_object_get_ex(params, "remove", &rm) &&
	    json_object_is_type(rm, json_type_array))
		for (size_t i = 0; i < json_object_array_length(rm) && i < GX_MAX_RULES; i++)
			snprintf(pol.remove[pol.n_remove++].name, DIA_NAME_MAX, "%s",
				 json_object_get_string(json_object_array_get_idx(rm, i)));
	if (!jsonrpc_param_u64(params, "apn_ambr_ul", 0, 0xffffffffu, &v, err)) {
		pol.has_qos = true;
		pol.qos.apn_ambr_ul = (uint32_t)v;
	}
	if (!jsonrpc_param_u64(params, "apn_ambr_dl", 0, 0xffffffffu, &v, err)) {
		pol.has_qos = true;
		pol.qos.apn_ambr_dl = (uint32_t)v;
	}
	if (!jsonrpc_param_u64(params, "release_cause", 0, 3, &v, err)) {
		pol.has_release_cause = true;
		pol.release_cause = (uint32_t)v;
	}
	h = sim_hdr(p->sim, ss->sid, ss->pcef_realm, ss->pcef_host);
	o = sim_send(p->sim, DIA_APP_GX, buf, gx_rar_build(buf, sizeof(buf), &h, &pol),
		     ss->pcef_host);
	if (!o)
		return jsonrpc_fail(err, EBUSY, "RAR could not be built or sent");
	*res = sim_out_json(o);
	return 0;
}

static int m_sessions(void *arg, struct json_object *params, struct json_object **res,
		      struct jsonrpc_error *err)
{
	struct pcrf *p = arg;
	struct json_object *arr = json_object_new_array();

	for (int i = 0; i < p->n_sessions; i++) {
		struct pcrf_session *ss = &p->sessions[i];
		struct json_object *o, *u;

		if (!ss->used)
			continue;
		o = json_object_new_object();
		u = json_object_new_object();
		json_object_object_add(o, "session_id", json_object_new_string(ss->sid));
		json_object_object_add(o, "imsi", json_object_new_string(ss->imsi));
		json_object_object_add(o, "apn", json_object_new_string(ss->apn));
		json_object_object_add(o, "pcef", json_object_new_string(ss->pcef_host));
		json_object_object_add(o, "cc_request_number",
				       json_object_new_int64(ss->last_number));
		for (int k = 0; ss->policy && k < ss->policy->pol.n_usage; k++)
			json_object_object_add(u, ss->policy->pol.usage[k].key,
					       json_object_new_int64((int64_t)ss->reported[k]));
		json_object_object_add(o, "usage", u);
		json_object_array_add(arr, o);
	}
	*res = arr;
	return 0;
}

int pcrf_init(struct sim *s, struct jcfg *c, struct json_object *conf)
{
	static const char *const keys[] = { "policies", NULL };
	struct diam_app app = { .id = DIA_APP_GX, .vendor = VENDOR_3GPP, .handler = pcrf_handler,
				.arg = s };
	struct json_object *pols;
	struct pcrf *p = calloc(1, sizeof(*p));
	size_t n, mark = jcfg_push_key(c, "pcrf");

	if (!p)
		return -1;
	s->pcrf = p;
	p->sim = s;
	if (jcfg_keys(c, conf, keys) || jcfg_array(c, conf, "policies", 0, 10000, true, &pols))
		return -1;
	n = json_object_array_length(pols);
	p->policies = calloc(n ? n : 1, sizeof(*p->policies));
	if (!p->policies)
		return jcfg_fail(c, NULL, "out of memory");
	for (size_t i = 0; i < n; i++) {
		size_t m1 = jcfg_push_key(c, "policies"), m2 = jcfg_push_index(c, i);

		if (policy_from_json(c, json_object_array_get_idx(pols, i), &p->policies[i]))
			return -1;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
		p->n_policies++;
	}
	jcfg_pop(c, mark);
	if (diam_node_add_app(s->node, &app) ||
	    jsonrpc_register(s->rpc, "pcrf.rar", m_rar, p,
			     "RAR {imsi | session_id, install, remove, apn_ambr_ul, apn_ambr_dl}") ||
	    jsonrpc_register(s->rpc, "pcrf.sessions", m_sessions, p, "Gx sessions"))
		return jcfg_fail(c, NULL, "registering the PCRF failed");
	return 0;
}

void pcrf_free(struct pcrf *p)
{
	if (!p)
		return;
	free(p->policies);
	free(p->sessions);
	free(p);
}
