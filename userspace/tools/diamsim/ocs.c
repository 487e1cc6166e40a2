// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim OCS (Gy, RFC 4006 / TS 32.299): balances per IMSI and rating
 * group (an "imsi": "*" balance is each subscriber's starting balance),
 * used units debited as reported, grants of grant_octets (less when the
 * balance is lower, then with the configured Final-Unit-Indication), an
 * empty balance answered with 4012 for that rating group; Validity-Time,
 * Volume-Quota-Threshold and Credit-Control-Failure-Handling as
 * configured; RAR and ASR on command.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "lib/log.h"
#include "proto/diameter_avp.h"
#include "proto/gy.h"
#include "sim.h"

struct balance {
	char imsi[DIA_IMSI_MAX];	/* "*": the template */
	uint32_t rg;
	uint64_t left;
	uint64_t used;
};

struct ocs_session {
	char sid[160];
	char imsi[DIA_IMSI_MAX];
	char host[DIAM_ID_MAX], realm[DIAM_ID_MAX];
	uint32_t last_number;
	bool used;
};

struct ocs {
	struct sim *sim;
	struct balance *bal;
	int n_bal, cap_bal;
	struct ocs_session *sess;
	int n_sess;
	uint64_t grant;
	uint32_t validity_s, vqt;
	bool has_ccfh;
	uint32_t ccfh;
	struct gy_fui fui;
};

static struct balance *balance(struct ocs *o, const char *imsi, uint32_t rg)
{
	struct balance *tmpl = NULL, *b;

	for (int i = 0; i < o->n_bal; i++) {
		if (o->bal[i].rg != rg)
			continue;
		if (!strcmp(o->bal[i].imsi, imsi))
			return &o->bal[i];
		if (!strcmp(o->bal[i].imsi, "*"))
			tmpl = &o->bal[i];
	}
	if (!tmpl)
		return NULL;
	if (o->n_bal == o->cap_bal) {
		int cap = o->cap_bal ? o->cap_bal * 2 : 16;
		ptrdiff_t t = tmpl - o->bal;
		struct balance *nb = realloc(o->bal, sizeof(*nb) * (size_t)cap);

		if (!nb)
			return NULL;
		tmpl = nb + t;
		o->bal = nb;
		o->cap_bal = cap;
	}
	b = &o->bal[o->n_bal++];
	*b = *tmpl;
	snprintf(b->imsi, sizeof(b->imsi), "%s", imsi);
	b->used = 0;
	return b;
}

static struct ocs_session *session(struct ocs *o, const char *sid, bool create)
{
	struct ocs_session *slot = NULL;

	for (int i = 0; i < o->n_sess; i++) {
		if (o->sess[i].used && !strcmp(o->sess[i].sid, sid))
			return &o->sess[i];
		if (!o->sess[i].used && !slot)
			slot = &o->sess[i];
	}
	if (!create)
		return NULL;
	if (!slot) {
		struct ocs_session *n = realloc(o->sess, sizeof(*n) * (size_t)(o->n_sess + 1));

		if (!n)
			return NULL;
		o->sess = n;
		slot = &n[o->n_sess++];
	}
	memset(slot, 0, sizeof(*slot));
	slot->used = true;
	snprintf(slot->sid, sizeof(slot->sid), "%s", sid);
	return slot;
}

/* One MSCC of the answer: debit the used units, grant what is left */
static void rate(struct ocs *o, const char *imsi, uint32_t type, const struct gy_mscc_req *q,
		 struct gy_mscc_ans *a)
{
	struct balance *b = balance(o, imsi, q->rating_group);
	uint64_t used = q->has_usu ? (q->usu.has_total ? q->usu.total : q->usu.in + q->usu.out) : 0;

	memset(a, 0, sizeof(*a));
	a->rating_group = q->rating_group;
	a->has_service_id = q->has_service_id;
	a->service_id = q->service_id;
	a->has_result = true;
	if (!b) {
		a->result_code = GY_RATING_FAILED;	/* no tariff for this rating group */
		return;
	}
	b->used += used;
	b->left = used > b->left ? 0 : b->left - used;
	a->result_code = DIA_SUCCESS;
	if (type == GY_TERMINATION || !q->rsu)
		return;
	if (!b->left) {
		a->result_code = GY_CREDIT_LIMIT_REACHED;
		return;
	}
	a->has_gsu = true;
	a->gsu.has_total = true;
	a->gsu.total = b->left < o->grant ? b->left : o->grant;
	if (b->left <= o->grant) {
		a->has_fui = true;
		a->fui = o->fui;
	}
	if (o->validity_s) {
		a->has_validity = true;
		a->validity_time = o->validity_s;
	}
	if (o->vqt && o->vqt < a->gsu.total) {
		a->has_vqt = true;
		a->volume_threshold = o->vqt;
	}
}

static int on_ccr(struct sim *s, struct ocs *o, struct diam_inreq *r)
{
	struct gy_cca cca = { 0 };
	struct ocs_session *ss;
	struct gy_ccr ccr;
	struct dia_builder b;
	char sid[160], err[160];
	uint8_t buf[8192];
	int len;

	if (gy_ccr_parse(r->msg, &ccr, err, sizeof(err)) ||
	    dia_get_str(r->msg, -1, DA_SESSION_ID, sid, sizeof(sid))) {
		log_info("diamsim", "Gy CCR refused: %s", err);
		return DIA_MISSING_AVP;
	}
	ss = session(o, sid, ccr.type == GY_INITIAL || ccr.type == GY_EVENT);
	if (!ss)
		return 5002;	/* DIAMETER_UNKNOWN_SESSION_ID */
	if (ccr.type == GY_INITIAL) {
		snprintf(ss->imsi, sizeof(ss->imsi), "%s", ccr.imsi);
		dia_get_str(r->msg, -1, DA_ORIGIN_HOST, ss->host, sizeof(ss->host));
		dia_get_str(r->msg, -1, DA_ORIGIN_REALM, ss->realm, sizeof(ss->realm));
	}
	ss->last_number = ccr.number;
	cca.type = ccr.type;
	cca.number = ccr.number;
	cca.has_ccfh = o->has_ccfh;
	cca.ccfh = o->ccfh;
	for (int i = 0; i < ccr.n_mscc; i++)
		rate(o, ss->imsi, ccr.type, &ccr.mscc[i], &cca.mscc[cca.n_mscc++]);
	if (ccr.type == GY_TERMINATION || ccr.type == GY_EVENT)
		ss->used = false;
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	gy_cca_put(&b, &cca);
	len = dia_build_finish(&b);
	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

static int ocs_role(struct sim *s, struct diam_inreq *r)
{
	return r->msg->code == GY_CCR ? on_ccr(s, s->ocs, r) : 3001;
}

static int ocs_handler(void *arg, struct diam_inreq *r)
{
	return sim_dispatch(arg, r, ocs_role);
}

/* ------------------------------------------------------------ methods --- */

static struct ocs_session *find(struct ocs *o, struct json_object *p, struct jsonrpc_error *err)
{
	const char *imsi = NULL, *sid = NULL;

	if (jsonrpc_param_str(p, "session_id", 0, &sid, err) < 0 ||
	    jsonrpc_param_str(p, "imsi", 0, &imsi, err) < 0)
		return NULL;
	for (int i = 0; i < o->n_sess; i++)
		if (o->sess[i].used && ((sid && !strcmp(o->sess[i].sid, sid)) ||
					(!sid && imsi && !strcmp(o->sess[i].imsi, imsi))))
			return &o->sess[i];
	jsonrpc_fail(err, ENOENT, "no such Gy session");
	return NULL;
}

static int m_rar(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct ocs *o = arg;
	struct ocs_session *ss = find(o, p, err);
	struct gy_rar rar = { 0 };
	struct dia_req_hdr h;
	struct sim_out *so;
	unsigned long long v;
	uint8_t buf[1024];

	if (!ss)
		return -1;
	if (!jsonrpc_param_u64(p, "rating_group", 0, 0xffffffffu, &v, err)) {
		rar.has_rating_group = true;
		rar.rating_group = (uint32_t)v;
	}
	h = sim_hdr(o->sim, ss->sid, ss->realm, ss->host);
	so = sim_send(o->sim, DIA_APP_DCCA, buf, gy_rar_build(buf, sizeof(buf), &h, &rar), ss->host);
	if (!so)
		return jsonrpc_fail(err, EBUSY, "RAR could not be built or sent");
	*res = sim_out_json(so);
	return 0;
}

static int m_asr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct ocs *o = arg;
	struct ocs_session *ss = find(o, p, err);
	struct dia_req_hdr h;
	struct sim_out *so;
	uint8_t buf[1024];

	if (!ss)
		return -1;
	h = sim_hdr(o->sim, ss->sid, ss->realm, ss->host);
	so = sim_send(o->sim, DIA_APP_DCCA, buf, gy_asr_build(buf, sizeof(buf), &h), ss->host);
	if (!so)
		return jsonrpc_fail(err, EBUSY, "ASR could not be built or sent");
	*res = sim_out_json(so);
	return 0;
}

static int m_balance(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	struct ocs *o = arg;
	unsigned long long rg, oct;
	const char *imsi;
	struct balance *b;
	int r;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_u64(p, "rating_group", 1, 0xffffffffu, &rg, err))
		return -1;
	b = balance(o, imsi, (uint32_t)rg);
	if (!b)
		return jsonrpc_fail(err, ENOENT, "no balance for %s rating group %llu", imsi, rg);
	r = jsonrpc_param_u64(p, "octets", 0, UINT64_MAX, &oct, err);
	if (r < 0)
		return -1;
	if (r == 0)
		b->left = oct;
	*res = json_object_new_object();
	json_object_object_add(*res, "left", json_object_new_uint64(b->left));
	json_object_object_add(*res, "used", json_object_new_uint64(b->used));
	return 0;
}

/* ------------------------------------------------------ configuration --- */

static int fui_from_json(struct jcfg *c, struct json_object *f, struct gy_fui *fui)
{
	static const char *const keys[] = { "action", "filter_id", "rule", "redirect", NULL };
	const char *act = "terminate";

	if (jcfg_keys(c, f, keys) || jcfg_str(c, f, "action", 16, false, &act) < 0 ||
	    jcfg_strcpy(c, f, "filter_id", false, fui->filter_id[0], DIA_NAME_MAX) < 0 ||
	    jcfg_strcpy(c, f, "rule", false, fui->rule[0], sizeof(fui->rule[0])) < 0 ||
	    jcfg_strcpy(c, f, "redirect", false, fui->redirect_addr, sizeof(fui->redirect_addr)) < 0)
		return -1;
	fui->n_filter_ids = fui->filter_id[0][0] != 0;
	fui->n_rules = fui->rule[0][0] != 0;
	if (!strcasecmp(act, "terminate")) {
		fui->action = GY_FUA_TERMINATE;
	} else if (!strcasecmp(act, "restrict")) {
		fui->action = GY_FUA_RESTRICT_ACCESS;
	} else if (!strcasecmp(act, "redirect")) {
		fui->action = GY_FUA_REDIRECT;
		fui->has_redirect = true;
		fui->redirect_type = GY_REDIRECT_URL;
		if (!fui->redirect_addr[0])
			return jcfg_fail(c, "redirect", "needed with action redirect");
	} else {
		return jcfg_fail(c, "action", "terminate, restrict or redirect");
	}
	return 0;
}

int ocs_init(struct sim *s, struct jcfg *c, struct json_object *conf)
{
	static const char *const keys[] = { "balances", "grant_octets", "validity_s",
					    "volume_threshold", "fui", "ccfh", NULL };
	struct diam_app app = { .id = DIA_APP_DCCA, .timeout_ms = 10000, .handler = ocs_handler,
				.arg = s };
	struct json_object *bals, *fui = NULL;
	struct ocs *o = calloc(1, sizeof(*o));
	const char *ccfh = NULL;
	uint64_t v;
	size_t mark = jcfg_push_key(c, "ocs");

	if (!o)
		return -1;
	s->ocs = o;
	o->sim = s;
	o->grant = 1000000;
	if (jcfg_keys(c, conf, keys) || jcfg_array(c, conf, "balances", 0, 100000, true, &bals) ||
	    jcfg_uint(c, conf, "grant_octets", 1, UINT64_MAX, false, &o->grant) < 0 ||
	    jcfg_object(c, conf, "fui", false, &fui) < 0 ||
	    jcfg_str(c, conf, "ccfh", 16, false, &ccfh) < 0)
		return -1;
	if (jcfg_uint(c, conf, "validity_s", 0, 86400, false, &v) == 0)
		o->validity_s = (uint32_t)v;
	if (jcfg_uint(c, conf, "volume_threshold", 0, 0xffffffffu, false, &v) == 0)
		o->vqt = (uint32_t)v;
	if (fui) {
		size_t m = jcfg_push_key(c, "fui");

		if (fui_from_json(c, fui, &o->fui))
			return -1;
		jcfg_pop(c, m);
	}
	if (ccfh) {
		o->has_ccfh = true;
		o->ccfh = !strcasecmp(ccfh, "continue") ? GY_CCFH_CONTINUE :
			  !strcasecmp(ccfh, "retry") ? GY_CCFH_RETRY_AND_TERMINATE : GY_CCFH_TERMINATE;
	}
	for (size_t i = 0; i < json_object_array_length(bals); i++) {
		struct json_object *b = json_object_array_get_idx(bals, i);
		struct balance bal = { 0 };
		size_t m1 = jcfg_push_key(c, "balances"), m2 = jcfg_push_index(c, i);
		struct balance *nb;

		if (jcfg_strcpy(c, b, "imsi", true, bal.imsi, sizeof(bal.imsi)) ||
		    jcfg_uint(c, b, "rating_group", 0, 0xffffffffu, true, &v))
			return -1;
		bal.rg = (uint32_t)v;
		if (jcfg_uint(c, b, "octets", 0, UINT64_MAX, true, &bal.left))
			return -1;
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
		nb = realloc(o->bal, sizeof(*nb) * (size_t)(o->n_bal + 1));
		if (!nb)
			return jcfg_fail(c, NULL, "out of memory");
		o->bal = nb;
		o->bal[o->n_bal++] = bal;
		o->cap_bal = o->n_bal;
	}
	jcfg_pop(c, mark);
	if (diam_node_add_app(s->node, &app) ||
	    jsonrpc_register(s->rpc, "ocs.rar", m_rar, o, "RAR {imsi | session_id, rating_group}") ||
	    jsonrpc_register(s->rpc, "ocs.asr", m_asr, o, "ASR {imsi | session_id}") ||
	    jsonrpc_register(s->rpc, "ocs.balance", m_balance, o,
			     "balance {imsi, rating_group, octets (to set)}"))
		return jcfg_fail(c, NULL, "registering the OCS failed");
	return 0;
}

void ocs_free(struct ocs *o)
{
	if (!o)
		return;
	free(o->bal);
	free(o->sess);
	free(o);
}
