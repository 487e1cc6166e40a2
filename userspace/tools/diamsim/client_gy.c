// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim client, Gy: sessions driven by the credit arithmetic of
 * userspace/diameter/credit.c.  Usage comes through the control socket
 * (client.gy.usage); a CCR-U goes when a report is due, one per OCS RAR
 * for every affected rating group; CCR-T at the end or on ASR.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "client.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"
#include "proto/gy.h"

/* ---------------------------------------------------------------- Gy --- */

static struct gy_sess *gy_by_imsi(struct client *c, const char *imsi)
{
	for (int i = 0; i < CLIENT_MAX_SESSIONS; i++)
		if (c->gy[i].used && !strcmp(c->gy[i].imsi, imsi))
			return &c->gy[i];
	return NULL;
}

static struct gy_sess *gy_by_sid(struct client *c, const char *sid)
{
	for (int i = 0; i < CLIENT_MAX_SESSIONS; i++)
		if (c->gy[i].used && !strcmp(c->gy[i].sid, sid))
			return &c->gy[i];
	return NULL;
}

static struct sim_out *gy_send(struct client *c, struct gy_sess *g, uint32_t type);

static void gy_answered(struct sim *s, struct sim_out *o, const struct diam_answer *a)
{
	struct client *c = s->client;
	struct gy_sess *g = gy_by_sid(c, o->tag);
	struct gy_cca cca;
	char err[160];
	int v;

	if (!g)
		return;
	if (a->err || !a->msg || gy_cca_parse(a->msg, &cca, err, sizeof(err))) {
		v = gy_credit_failure(&g->cr);
		if (v == GY_V_RETRY && a->req && diam_req_retry(a->req) == 0) {
			o->done = false;
			return;
		}
	} else {
		v = gy_credit_answer(&g->cr, &cca, ev_time_ms());
	}
	g->last_verdict = v;
	if (v == GY_V_TERMINATE && !g->ended) {
		g->ended = true;
		gy_send(c, g, GY_TERMINATION);
	} else if (gy_credit_report_due(&g->cr)) {
		gy_send(c, g, GY_UPDATE);
	}
}

static struct sim_out *gy_send(struct client *c, struct gy_sess *g, uint32_t type)
{
	struct gy_ccr r = { 0 };
	uint8_t buf[8192];
	struct sim_out *o;
	struct dia_req_hdr h;

	if (gy_credit_request(&g->cr, type, ev_time_ms(), &r) < 0)
		return NULL;
	snprintf(r.imsi, sizeof(r.imsi), "%s", g->imsi);
	snprintf(r.apn, sizeof(r.apn), "internet");
	snprintf(r.mcc_mnc, sizeof(r.mcc_mnc), "%s", c->plmn);
	r.charging_id = (uint32_t)(g - c->gy) + 1;
	h = client_hdr(c, g->sid);
	o = sim_send(c->sim, DIA_APP_DCCA, buf, gy_ccr_build(buf, sizeof(buf), &h, &r), NULL);
	if (!o) {
		gy_credit_failure(&g->cr);
		return NULL;
	}
	o->then = gy_answered;
	snprintf(o->tag, sizeof(o->tag), "%s", g->sid);
	return o;
}

/* The Gy session of params.imsi, or NULL after filling err */
static struct gy_sess *gy_param(struct client *c, struct json_object *p,
				struct jsonrpc_error *err)
{
	struct gy_sess *g;
	const char *imsi;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return NULL;
	g = gy_by_imsi(c, imsi);
	if (!g)
		jsonrpc_fail(err, ENOENT, "no Gy session for %s", imsi);
	return g;
}

static int m_gy_start(void *arg, struct json_object *p, struct json_object **res,
		      struct jsonrpc_error *err)
{
	struct client *c = arg;
	struct json_object *rgs;
	struct gy_sess *g = NULL;
	const char *imsi;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	if (gy_by_imsi(c, imsi))
		return jsonrpc_fail(err, EEXIST, "a Gy session for %s exists", imsi);
	for (int i = 0; i < CLIENT_MAX_SESSIONS && !g; i++)
		if (!c->gy[i].used)
			g = &c->gy[i];
	if (!g)
		return jsonrpc_fail(err, ENOSPC, "too many Gy sessions");
	memset(g, 0, sizeof(*g));
	g->used = true;
	snprintf(g->imsi, sizeof(g->imsi), "%s", imsi);
	diam_session_id(c->sim->node, g->sid, sizeof(g->sid));
	gy_credit_init(&g->cr, c->report_pct, GY_CCFH_TERMINATE);
	if (!json_object_object_get_ex(p, "rating_groups", &rgs) ||
	    !json_object_is_type(rgs, json_type_array) || !json_object_array_length(rgs)) {
		g->used = false;
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "rating_groups: a list");
	}
	for (size_t i = 0; i < json_object_array_length(rgs); i++)
		gy_credit_rg(&g->cr, (uint32_t)json_object_get_int64(json_object_array_get_idx(rgs, i)),
			     true);
	return client_reply(res, gy_send(c, g, GY_INITIAL), err);
}

static int m_gy_usage(void *arg, struct json_object *p, struct json_object **res,
		      struct jsonrpc_error *err)
{
	struct client *c = arg;
	unsigned long long rg, in = 0, out = 0;
	struct gy_sess *g = gy_param(c, p, err);
	struct sim_out *o = NULL;

	if (!g || jsonrpc_param_u64(p, "rating_group", 1, 0xffffffffu, &rg, err) ||
	    jsonrpc_param_u64(p, "in", 0, UINT64_MAX, &in, err) < 0 ||
	    jsonrpc_param_u64(p, "out", 0, UINT64_MAX, &out, err) < 0)
		return -1;
	if (gy_credit_usage(&g->cr, (uint32_t)rg, in, out, ev_time_ms()))
		o = gy_send(c, g, GY_UPDATE);
	*res = o ? sim_out_json(o) : json_object_new_object();
	json_object_object_add(*res, "sent", json_object_new_boolean(o != NULL));
	return 0;
}

static int m_gy_stop(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	struct gy_sess *g = gy_param(arg, p, err);
	struct sim_out *o;

	if (!g)
		return -1;
	g->ended = true;
	o = gy_send(arg, g, GY_TERMINATION);
	if (!o)
		return jsonrpc_fail(err, EALREADY, "no CCR-T to send (CCR-I failed or sent already)");
	*res = sim_out_json(o);
	return 0;
}

static int m_gy_show(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	struct gy_sess *g = gy_param(arg, p, err);
	struct json_object *arr;

	if (!g)
		return -1;
	*res = json_object_new_object();
	arr = json_object_new_array();
	json_object_object_add(*res, "session_id", json_object_new_string(g->sid));
	json_object_object_add(*res, "initial_ok", json_object_new_boolean(g->cr.initial_ok));
	json_object_object_add(*res, "in_flight", json_object_new_boolean(g->cr.in_flight));
	json_object_object_add(*res, "terminated", json_object_new_boolean(g->cr.terminated));
	json_object_object_add(*res, "requests", json_object_new_int64(g->cr.next_number));
	for (int i = 0; i < g->cr.n_rg; i++) {
		const struct gy_rg *rg = &g->cr.rg[i];
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "rating_group", json_object_new_int64(rg->rating_group));
		json_object_object_add(o, "state", json_object_new_string(gy_rg_state_name(rg->st)));
		json_object_object_add(o, "grant", json_object_new_uint64(rg->grant));
		json_object_object_add(o, "used", json_object_new_uint64(rg->used));
		json_object_object_add(o, "total", json_object_new_uint64(rg->total));
		json_object_object_add(o, "result_code", json_object_new_int64(rg->result_code));
		if (rg->has_fui)
			json_object_object_add(o, "final_unit_action",
					       json_object_new_int64(rg->fui.action));
		json_object_array_add(arr, o);
	}
	json_object_object_add(*res, "rating_groups", arr);
	return 0;
}

int client_gy_request(struct sim *s, struct diam_inreq *r)
{
	struct client *c = s->client;
	struct gy_sess *g;
	char sid[160], err[160];
	int rc;

	if (r->msg->code != GY_RAR && r->msg->code != GY_ASR)
		return 3001;
	if (dia_get_str(r->msg, -1, DA_SESSION_ID, sid, sizeof(sid)))
		return DIA_MISSING_AVP;
	g = gy_by_sid(c, sid);
	if (!g)
		return 5002;	/* DIAMETER_UNKNOWN_SESSION_ID */
	rc = sim_answer_result(s, r, DIA_SUCCESS, false);
	if (r->msg->code == GY_ASR) {
		c->asr++;
		g->ended = true;
		gy_send(c, g, GY_TERMINATION);
	} else {
		struct gy_rar rar;

		if (gy_rar_parse(r->msg, &rar, err, sizeof(err)))
			return rc;
		c->gy_rar++;
		if (gy_credit_rar(&g->cr, &rar))
			gy_send(c, g, GY_UPDATE);
	}
	return rc;
}

int client_gy_register(struct client *c, struct jsonrpc *rpc)
{
	return jsonrpc_register(rpc, "client.gy.start", m_gy_start, c,
				"Gy CCR-I {imsi, rating_groups}") ||
	       jsonrpc_register(rpc, "client.gy.usage", m_gy_usage, c,
				"count usage {imsi, rating_group, in, out}; CCR-U when due") ||
	       jsonrpc_register(rpc, "client.gy.stop", m_gy_stop, c, "Gy CCR-T {imsi}") ||
	       jsonrpc_register(rpc, "client.gy.show", m_gy_show, c, "Gy session state {imsi}");
}
