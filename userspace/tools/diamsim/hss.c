// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim HSS (S6a, TS 29.272): subscribers from the configuration (K,
 * OPc or OP, AMF, SQN, Subscription-Data), Milenage vectors (TS 33.401
 * 6.1.2 through userspace/crypto) with the SQN of TS 33.102 Annex C
 * (SEQ+1 and IND+1 per vector) and re-synchronisation from AUTS; ULR
 * stores the serving MME and answers with the Subscription-Data; PUR;
 * CLR, IDR, DSR and RSR sent to the serving MME on command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <arpa/inet.h>
#include <json-c/json.h>

#include "crypto/milenage.h"
#include "lib/hex.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"
#include "proto/s6a.h"
#include "sim.h"

#define IND_BITS 5

struct hss_sub {
	char imsi[DIA_IMSI_MAX];
	uint8_t k[16], opc[16], amf[2];
	uint64_t sqn;			/* SQN_HE of the last vector */
	struct s6a_subscription data;
	uint32_t fail_code;		/* forced answer, 0: none */
	bool fail_exp;
	char mme_host[DIAM_ID_MAX], mme_realm[DIAM_ID_MAX];
	unsigned long vectors, resyncs;
};

struct hss {
	struct sim *sim;
	struct hss_sub *subs;
	int n_subs;
};

static struct hss_sub *sub_find(struct hss *h, const char *imsi)
{
	for (int i = 0; i < h->n_subs; i++)
		if (!strcmp(h->subs[i].imsi, imsi))
			return &h->subs[i];
	return NULL;
}

/* ------------------------------------------------------ configuration --- */

static int get_u32(struct jcfg *c, struct json_object *o, const char *key, uint32_t max,
		   uint32_t *out, bool *has)
{
	uint64_t v;
	int r = jcfg_uint(c, o, key, 0, max, false, &v);

	if (r == 0) {
		*out = (uint32_t)v;
		if (has)
			*has = true;
	}
	return r < 0 ? -1 : 0;
}

static int get_key(struct jcfg *c, struct json_object *o, const char *key, uint8_t *out,
		   size_t len, bool required)
{
	const char *s;
	size_t n;
	int r = jcfg_str(c, o, key, 64, required, &s);

	if (r)
		return r;
	if (hex_decode(s, out, len, &n) || n != len)
		return jcfg_fail(c, key, "expected %zu octets of hex", len);
	return 0;
}

static int pdn_type(struct jcfg *c, struct json_object *o, uint32_t *t)
{
	static const char *const names[] = { "ipv4", "ipv6", "ipv4v6", "ipv4_or_ipv6" };
	const char *s;
	int r = jcfg_str(c, o, "pdn_type", 16, false, &s);

	*t = S6A_PDN_IPV4;
	if (r)
		return r < 0 ? -1 : 0;
	for (uint32_t i = 0; i < 4; i++)
		if (!strcasecmp(s, names[i])) {
			*t = i;
			return 0;
		}
	return jcfg_fail(c, "pdn_type", "\"%s\": ipv4, ipv6, ipv4v6 or ipv4_or_ipv6", s);
}

static int apn_from_json(struct jcfg *c, struct json_object *o, struct s6a_apn *a, uint32_t id)
{
	static const char *const keys[] = { "apn", "context_id", "pdn_type", "qci", "arp",
					    "preempt_cap", "preempt_vuln", "ambr_ul", "ambr_dl",
					    "ipv4", NULL };
	uint32_t v = 0;
	bool b, has = false;
	struct in_addr ip;

	memset(a, 0, sizeof(*a));
	a->context_id = id;
	a->qci = 9;
	a->arp.priority = 8;
	a->arp.preemptable = true;
	if (jcfg_keys(c, o, keys) || jcfg_strcpy(c, o, "apn", true, a->apn, sizeof(a->apn)) < 0 ||
	    get_u32(c, o, "context_id", 0xffffffffu, &a->context_id, NULL) || pdn_type(c, o, &a->pdn_type) ||
	    get_u32(c, o, "qci", 254, &v, &has))
		return -1;
	if (has)
		a->qci = (uint8_t)v;
	has = false;
	if (get_u32(c, o, "arp", 15, &v, &has))
		return -1;
	if (has)
		a->arp.priority = (uint8_t)v;
	if (jcfg_bool(c, o, "preempt_cap", false, &b) == 0)
		a->arp.may_preempt = b;
	if (jcfg_bool(c, o, "preempt_vuln", false, &b) == 0)
		a->arp.preemptable = b;
	if (get_u32(c, o, "ambr_ul", 0xffffffffu, &a->ambr_ul, &a->has_ambr) ||
	    get_u32(c, o, "ambr_dl", 0xffffffffu, &a->ambr_dl, &a->has_ambr))
		return -1;
	switch (jcfg_ipv4(c, o, "ipv4", false, &ip)) {
	case 0:
		memcpy(a->ipv4, &ip, 4);
		a->has_ipv4 = true;
		break;
	case -1:
		return -1;
	}
	return 0;
}

/* Subscription-Data from JSON (the configuration and the "hss.idr" method) */
static int sub_from_json(struct jcfg *c, struct json_object *o, struct s6a_subscription *d)
{
	struct json_object *apns = NULL;
	char def[DIA_APN_MAX] = "";

	if (jcfg_strcpy(c, o, "msisdn", false, d->msisdn, sizeof(d->msisdn)) < 0)
		return -1;
	d->has_msisdn = d->msisdn[0] != 0;
	if (d->has_msisdn && !dia_digits(d->msisdn, 15))
		return jcfg_fail(c, "msisdn", "not digits");
	if (get_u32(c, o, "ambr_ul", 0xffffffffu, &d->ambr_ul, &d->has_ambr) ||
	    get_u32(c, o, "ambr_dl", 0xffffffffu, &d->ambr_dl, &d->has_ambr) ||
	    get_u32(c, o, "access_restriction", 0xffffffffu, &d->access_restriction, &d->has_ard) ||
	    get_u32(c, o, "network_access_mode", 2, &d->network_access_mode, &d->has_nam) ||
	    get_u32(c, o, "tau_timer", 0xffffffffu, &d->tau_timer, &d->has_tau_timer) ||
	    get_u32(c, o, "subscriber_status", 1, &d->subscriber_status, &d->has_status) ||
	    jcfg_strcpy(c, o, "default_apn", false, def, sizeof(def)) < 0 ||
	    jcfg_array(c, o, "apns", 0, S6A_MAX_APN, false, &apns) < 0)
		return -1;
	if (!apns)
		return 0;
	d->has_apn_profile = true;
	d->all_apn_included = true;
	d->n_apn = (int)json_object_array_length(apns);
	for (int i = 0; i < d->n_apn; i++) {
		size_t m1 = jcfg_push_key(c, "apns"), m2 = jcfg_push_index(c, (size_t)i);

		if (apn_from_json(c, json_object_array_get_idx(apns, (size_t)i), &d->apn[i],
				  (uint32_t)i + 1))
			return -1;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
		if (!strcmp(d->apn[i].apn, def) || (!def[0] && i == 0))
			d->default_context_id = d->apn[i].context_id;
	}
	if (def[0] && !s6a_default_apn(d))
		return jcfg_fail(c, "default_apn", "\"%s\" is not one of the apns", def);
	return 0;
}

static int sub_load(struct jcfg *c, struct json_object *o, struct hss_sub *s)
{
	static const char *const keys[] = { "imsi", "k", "opc", "op", "amf", "sqn", "msisdn",
					    "ambr_ul", "ambr_dl", "access_restriction",
					    "network_access_mode", "tau_timer", "subscriber_status",
					    "default_apn", "apns", "fail", NULL };
	struct json_object *fail = NULL;
	uint8_t op[16];
	uint64_t sqn = 0;
	int r;

	memset(s, 0, sizeof(*s));
	s->amf[0] = 0x80;
	if (jcfg_keys(c, o, keys) || jcfg_strcpy(c, o, "imsi", true, s->imsi, sizeof(s->imsi)) ||
	    get_key(c, o, "k", s->k, 16, true) || get_key(c, o, "amf", s->amf, 2, false) < 0 ||
	    jcfg_uint(c, o, "sqn", 0, EPS_SQN_MAX, false, &sqn) < 0)
		return -1;
	if (!dia_digits(s->imsi, 15))
		return jcfg_fail(c, "imsi", "not 1-15 digits");
	s->sqn = sqn;
	r = get_key(c, o, "opc", s->opc, 16, false);
	if (r < 0)
		return -1;
	if (r == 1) {
		if (get_key(c, o, "op", op, 16, true) || milenage_opc(s->k, op, s->opc))
			return jcfg_fail(c, "op", "needed without opc");
	}
	if (sub_from_json(c, o, &s->data) || jcfg_object(c, o, "fail", false, &fail) < 0)
		return -1;
	if (fail) {
		size_t mark = jcfg_push_key(c, "fail");
		bool exp = false;

		if (get_u32(c, fail, "result_code", 9999, &s->fail_code, NULL) ||
		    jcfg_bool(c, fail, "experimental", false, &exp) < 0)
			return -1;
		s->fail_exp = exp;
		jcfg_pop(c, mark);
	}
	return 0;
}

/* ------------------------------------------------------------ requests --- */

static int answer_fail(struct sim *s, struct diam_inreq *r, uint32_t code, bool exp)
{
	return sim_answer_result(s, r, code, exp);
}

static void fill_vector(const struct hss_sub *u, const uint8_t plmn[3], uint64_t sqn,
			struct s6a_vector *v)
{
	struct eps_aka_vector av;
	uint8_t rand[16];

	if (getrandom(rand, sizeof(rand), 0) != sizeof(rand))
		memset(rand, (int)sqn, sizeof(rand));
	eps_aka_generate(u->k, u->opc, rand, sqn, u->amf, plmn, &av);
	memcpy(v->rand, av.rand, 16);
	memcpy(v->xres, av.xres, 8);
	v->xres_len = 8;
	memcpy(v->autn, av.autn, 16);
	memcpy(v->kasme, av.kasme, 32);
}

/*
 * The subscriber a request names, or the answer for one that cannot be
 * served (unknown: USER_UNKNOWN; a forced failure): *rc, NULL returned.
 */
static struct hss_sub *serve(struct sim *s, struct hss *h, struct diam_inreq *r,
			     const char *imsi, int *rc)
{
	struct hss_sub *u = sub_find(h, imsi);

	if (!u)
		*rc = answer_fail(s, r, S6A_ERROR_USER_UNKNOWN, true);
	else if (u->fail_code)
		*rc = answer_fail(s, r, u->fail_code, u->fail_exp);
	else
		return u;
	return NULL;
}

/* The answer built in b: sent, 0; or a Result-Code when it did not fit */
static int finish(struct diam_inreq *r, struct dia_builder *b)
{
	int len = dia_build_finish(b);

	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, b->buf, (size_t)len);
	return 0;
}

static int on_air(struct sim *s, struct hss *h, struct diam_inreq *r)
{
	struct s6a_vector v[S6A_MAX_VECTORS];
	struct s6a_air air;
	struct hss_sub *u;
	struct dia_builder b;
	uint8_t buf[4096];
	char err[160];
	int rc = 0;

	if (s6a_air_parse(r->msg, &air, err, sizeof(err))) {
		log_info("diamsim", "AIR refused: %s", err);
		return DIA_MISSING_AVP;
	}
	u = serve(s, h, r, air.imsi, &rc);
	if (!u)
		return rc;
	if (air.resync) {
		uint64_t sqn_ms;

		/* TS 33.102 6.3.5: SQN_MS from AUTS, MAC-S checked */
		if (eps_aka_resync(u->k, u->opc, air.rand, air.auts, &sqn_ms)) {
			log_info("diamsim", "%s: AUTS with a bad MAC-S", u->imsi);
			return answer_fail(s, r, S6A_AUTHENTICATION_DATA_UNAVAILABLE, true);
		}
		u->sqn = sqn_ms;
		u->resyncs++;
	}
	for (uint32_t i = 0; i < air.num_vectors; i++) {
		if (eps_sqn_next(u->sqn, IND_BITS, &u->sqn))
			return answer_fail(s, r, S6A_AUTHENTICATION_DATA_UNAVAILABLE, true);
		fill_vector(u, air.plmn, u->sqn, &v[i]);
		u->vectors++;
	}
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	s6a_answer_put(&b, S6A_AIR, 0);
	s6a_put_vectors(&b, v, (int)air.num_vectors);
	return finish(r, &b);
}

static int on_ulr(struct sim *s, struct hss *h, struct diam_inreq *r)
{
	struct s6a_ulr ulr;
	struct hss_sub *u;
	struct dia_builder b;
	uint8_t buf[4096];
	char err[160];
	int rc = 0;

	if (s6a_ulr_parse(r->msg, &ulr, err, sizeof(err))) {
		log_info("diamsim", "ULR refused: %s", err);
		return DIA_MISSING_AVP;
	}
	u = serve(s, h, r, ulr.imsi, &rc);
	if (!u)
		return rc;
	if (ulr.rat_type != S6A_RAT_EUTRAN)
		return answer_fail(s, r, S6A_ERROR_RAT_NOT_ALLOWED, true);
	dia_get_str(r->msg, -1, DA_ORIGIN_HOST, u->mme_host, sizeof(u->mme_host));
	dia_get_str(r->msg, -1, DA_ORIGIN_REALM, u->mme_realm, sizeof(u->mme_realm));
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	s6a_answer_put(&b, S6A_ULR, S6A_ULA_SEPARATION);
	if (!(ulr.flags & S6A_ULR_SKIP_SUBSCRIBER_DATA))
		s6a_put_subscription(&b, &u->data);
	return finish(r, &b);
}

static int on_pur(struct sim *s, struct hss *h, struct diam_inreq *r)
{
	struct s6a_pur pur;
	struct hss_sub *u;
	struct dia_builder b;
	uint8_t buf[1024];
	char err[160];
	int rc = 0;

	if (s6a_pur_parse(r->msg, &pur, err, sizeof(err)))
		return DIA_MISSING_AVP;
	u = serve(s, h, r, pur.imsi, &rc);
	if (!u)
		return rc;
	u->mme_host[0] = '\0';
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	s6a_answer_put(&b, S6A_PUR, 0);
	return finish(r, &b);
}

static int hss_role(struct sim *s, struct diam_inreq *r)
{
	switch (r->msg->code) {
	case S6A_AIR:
		return on_air(s, s->hss, r);
	case S6A_ULR:
		return on_ulr(s, s->hss, r);
	case S6A_PUR:
		return on_pur(s, s->hss, r);
	default:
		return 3001;
	}
}

static int hss_handler(void *arg, struct diam_inreq *r)
{
	return sim_dispatch(arg, r, hss_role);
}

/* ------------------------------------------------------------ methods --- */

static struct hss_sub *served(struct hss *h, struct json_object *p, struct jsonrpc_error *err)
{
	const char *imsi;
	struct hss_sub *u;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return NULL;
	u = sub_find(h, imsi);
	if (!u) {
		jsonrpc_fail(err, ENOENT, "IMSI %s is not a subscriber", imsi);
		return NULL;
	}
	if (!u->mme_host[0]) {
		jsonrpc_fail(err, ENOENT, "IMSI %s has no serving MME (no ULR yet)", imsi);
		return NULL;
	}
	return u;
}

/* A new Session-Id and the header of a request to u's serving MME */
static struct dia_req_hdr mme_hdr(struct hss *h, const struct hss_sub *u, char *sid, size_t n)
{
	diam_session_id(h->sim->node, sid, n);
	return sim_hdr(h->sim, sid, u->mme_realm, u->mme_host);
}

static int send_s6a(struct sim *s, const uint8_t *buf, int len, const char *dest,
		    struct json_object **res, struct jsonrpc_error *err)
{
	struct sim_out *o = sim_send(s, DIA_APP_S6A, buf, len, dest);

	if (!o)
		return jsonrpc_fail(err, EBUSY, "message could not be built or sent");
	*res = sim_out_json(o);
	return 0;
}

static int m_clr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct hss *h = arg;
	struct hss_sub *u = served(h, p, err);
	struct s6a_clr clr = { .cancellation_type = S6A_CT_SUBSCRIPTION_WITHDRAWAL };
	unsigned long long v;
	char sid[160];
	uint8_t buf[1024];
	struct dia_req_hdr hdr;

	if (!u)
		return -1;
	if (!jsonrpc_param_u64(p, "cancellation_type", 0, 4, &v, err))
		clr.cancellation_type = (uint32_t)v;
	if (!jsonrpc_param_u64(p, "flags", 0, 0xffffffffu, &v, err))
		clr.flags = (uint32_t)v;
	strcpy(clr.imsi, u->imsi);
	hdr = mme_hdr(h, u, sid, sizeof(sid));
	return send_s6a(h->sim, buf, s6a_clr_build(buf, sizeof(buf), &hdr, &clr), u->mme_host, res,
			err);
}

static int m_idr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct hss *h = arg;
	struct hss_sub *u = served(h, p, err);
	struct s6a_idr idr = { 0 };
	struct json_object *sub;
	struct jcfg c;
	char sid[160];
	uint8_t buf[4096];
	struct dia_req_hdr hdr;

	if (!u)
		return -1;
	jcfg_init(&c, "subscription");
	if (!json_object_object_get_ex(p, "subscription", &sub) ||
	    sub_from_json(&c, sub, &idr.sub))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s", c.err[0] ? c.err :
				    "subscription: an object with the parts to change");
	s6a_subscription_merge(&u->data, &idr.sub);
	strcpy(idr.imsi, u->imsi);
	hdr = mme_hdr(h, u, sid, sizeof(sid));
	return send_s6a(h->sim, buf, s6a_idr_build(buf, sizeof(buf), &hdr, &idr), u->mme_host, res,
			err);
}

static int m_dsr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct hss *h = arg;
	struct hss_sub *u = served(h, p, err);
	struct s6a_dsr dsr = { 0 };
	struct json_object *ids;
	unsigned long long v;
	char sid[160];
	uint8_t buf[1024];
	struct dia_req_hdr hdr;

	if (!u)
		return -1;
	if (jsonrpc_param_u64(p, "flags", 1, 0xffffffffu, &v, err))
		return -1;
	dsr.flags = (uint32_t)v;
	if (json_object_object_get_ex(p, "context_ids", &ids) &&
	    json_object_is_type(ids, json_type_array))
		for (size_t i = 0; i < json_object_array_length(ids) && i < S6A_MAX_CONTEXT_IDS; i++)
			dsr.context_ids[dsr.n_context_ids++] =
				(uint32_t)json_object_get_int64(json_object_array_get_idx(ids, i));
	s6a_subscription_withdraw(&u->data, &dsr);
	strcpy(dsr.imsi, u->imsi);
	hdr = mme_hdr(h, u, sid, sizeof(sid));
	return send_s6a(h->sim, buf, s6a_dsr_build(buf, sizeof(buf), &hdr, &dsr), u->mme_host, res,
			err);
}

/* RSR to the MME that serves the first subscriber matching the User-Ids */
static int m_rsr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct hss *h = arg;
	struct s6a_rsr rsr = { 0 };
	struct json_object *ids;
	const struct hss_sub *u = NULL;
	char sid[160];
	uint8_t buf[1024];
	struct dia_req_hdr hdr;

	if (json_object_object_get_ex(p, "user_ids", &ids) &&
	    json_object_is_type(ids, json_type_array))
		for (size_t i = 0; i < json_object_array_length(ids) && i < S6A_MAX_USER_IDS; i++)
			snprintf(rsr.user_ids[rsr.n_user_ids++], DIA_IMSI_MAX, "%s",
				 json_object_get_string(json_object_array_get_idx(ids, i)));
	for (int i = 0; i < h->n_subs && !u; i++)
		if (h->subs[i].mme_host[0] && s6a_rsr_matches(&rsr, h->subs[i].imsi))
			u = &h->subs[i];
	if (!u)
		return jsonrpc_fail(err, ENOENT, "no served subscriber matches");
	hdr = mme_hdr(h, u, sid, sizeof(sid));
	return send_s6a(h->sim, buf, s6a_rsr_build(buf, sizeof(buf), &hdr, &rsr), u->mme_host, res,
			err);
}

static int m_show(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	struct hss *h = arg;
	const char *imsi;
	struct hss_sub *u;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	u = sub_find(h, imsi);
	if (!u)
		return jsonrpc_fail(err, ENOENT, "IMSI %s is not a subscriber", imsi);
	*res = json_object_new_object();
	json_object_object_add(*res, "sqn", json_object_new_int64((int64_t)u->sqn));
	json_object_object_add(*res, "vectors", json_object_new_int64((int64_t)u->vectors));
	json_object_object_add(*res, "resyncs", json_object_new_int64((int64_t)u->resyncs));
	json_object_object_add(*res, "mme", json_object_new_string(u->mme_host));
	json_object_object_add(*res, "apns", json_object_new_int(u->data.n_apn));
	if (u->data.has_ambr) {
		json_object_object_add(*res, "ambr_ul", json_object_new_int64(u->data.ambr_ul));
		json_object_object_add(*res, "ambr_dl", json_object_new_int64(u->data.ambr_dl));
	}
	return 0;
}

int hss_init(struct sim *s, struct jcfg *c, struct json_object *conf)
{
	static const char *const keys[] = { "subscribers", NULL };
	struct diam_app app = { .id = DIA_APP_S6A, .vendor = VENDOR_3GPP, .handler = hss_handler,
				.arg = s };
	struct json_object *subs;
	struct hss *h = calloc(1, sizeof(*h));
	size_t n, mark = jcfg_push_key(c, "hss");

	if (!h)
		return -1;
	s->hss = h;
	h->sim = s;
	if (jcfg_keys(c, conf, keys) || jcfg_array(c, conf, "subscribers", 0, 100000, true, &subs))
		return -1;
	n = json_object_array_length(subs);
	h->subs = calloc(n ? n : 1, sizeof(*h->subs));
	if (!h->subs)
		return jcfg_fail(c, NULL, "out of memory");
	for (size_t i = 0; i < n; i++) {
		size_t m1 = jcfg_push_key(c, "subscribers"), m2 = jcfg_push_index(c, i);

		if (sub_load(c, json_object_array_get_idx(subs, i), &h->subs[i]))
			return -1;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
		h->n_subs++;
	}
	jcfg_pop(c, mark);
	if (diam_node_add_app(s->node, &app) ||
	    jsonrpc_register(s->rpc, "hss.clr", m_clr, h, "CLR {imsi, cancellation_type, flags}") ||
	    jsonrpc_register(s->rpc, "hss.idr", m_idr, h, "IDR {imsi, subscription}") ||
	    jsonrpc_register(s->rpc, "hss.dsr", m_dsr, h, "DSR {imsi, flags, context_ids}") ||
	    jsonrpc_register(s->rpc, "hss.rsr", m_rsr, h, "RSR {user_ids}") ||
	    jsonrpc_register(s->rpc, "hss.show", m_show, h, "subscriber state {imsi}"))
		return jcfg_fail(c, NULL, "registering the HSS failed");
	return 0;
}

void hss_free(struct hss *h)
{
	if (!h)
		return;
	free(h->subs);
	free(h);
}
