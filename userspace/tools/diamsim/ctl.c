// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim's test controls: behaviour rules for requests received (answer,
 * stay silent, answer late, answer with a chosen Result-Code, drop the
 * connection), expectations and their assertion, the last request of
 * each command, records of the requests it sent, and the generic control
 * methods (peers, pending, drop, stats, wait, quit).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "lib/log.h"
#include "proto/dia_app.h"
#include "proto/diameter_avp.h"
#include "sim.h"

/* --------------------------------------------------------- records --- */

static void record(struct sim *s, const struct diam_inreq *r)
{
	struct sim_last *l = NULL;

	s->received++;
	for (int i = 0; i < s->n_expects; i++)
		if ((!s->expects[i].code || s->expects[i].code == r->msg->code) &&
		    (!s->expects[i].app || s->expects[i].app == r->msg->app_id))
			s->expects[i].got++;
	for (int i = 0; i < SIM_MAX_LAST; i++)
		if (s->last[i].raw && s->last[i].code == r->msg->code &&
		    s->last[i].app == r->msg->app_id)
			l = &s->last[i];
	for (int i = 0; !l && i < SIM_MAX_LAST; i++)
		if (!s->last[i].raw)
			l = &s->last[i];
	if (!l)
		l = &s->last[0];
	free(l->raw);
	l->raw = malloc(r->len);
	if (!l->raw)
		return;
	memcpy(l->raw, r->raw, r->len);
	l->len = r->len;
	l->code = r->msg->code;
	l->app = r->msg->app_id;
	l->t_flag = r->msg->flags & DIA_F_RETRANSMIT;
	snprintf(l->peer, sizeof(l->peer), "%s", r->peer ? r->peer : "");
}

static struct sim_rule *rule_for(struct sim *s, const struct dia_msg *m)
{
	for (int i = 0; i < s->n_rules; i++) {
		struct sim_rule *r = &s->rules[i];

		if ((r->code && r->code != m->code) || (r->app && r->app != m->app_id) ||
		    !r->count)
			continue;
		if (r->count > 0)
			r->count--;
		return r;
	}
	return NULL;
}

int sim_answer_result(struct sim *s, struct diam_inreq *r, uint32_t rc, bool experimental)
{
	uint8_t buf[1024];
	struct dia_builder b;
	int len;

	if (experimental)
		diam_answer_init_exp(s->node, r->msg, r->raw, &b, buf, sizeof(buf), VENDOR_3GPP, rc);
	else
		diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), rc);
	if (r->msg->app_id == DIA_APP_S6A)
		dia_add_u32(&b, DA_AUTH_SESSION_STATE, 1);
	len = dia_build_finish(&b);
	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

struct late {
	struct sim *s;
	struct diam_inreq *r;
	sim_role_fn fn;
	struct ev_timer t;
};

static void late_fire(struct ev_loop *loop, void *arg)
{
	struct late *l = arg;
	int rc = l->fn(l->s, l->r);

	l->s->answered_late++;
	if (rc >= 1000)
		sim_answer_result(l->s, l->r, (uint32_t)rc, false);
	free(l);
}

int sim_dispatch(struct sim *s, struct diam_inreq *r, sim_role_fn fn)
{
	struct sim_rule *rule;
	struct late *l;

	record(s, r);
	rule = rule_for(s, r->msg);
	if (!rule)
		return fn(s, r);
	switch (rule->mode) {
	case SM_SILENT:
		s->silenced++;
		diam_inreq_drop(r);
		return 0;
	case SM_DROP:
		diam_inreq_drop(r);
		diam_node_drop(s->node, r->peer);
		return 0;
	case SM_RESULT:
		return sim_answer_result(s, r, rule->result, rule->experimental);
	case SM_LATE:
		l = calloc(1, sizeof(*l));
		if (!l)
			return DIA_UNABLE_TO_COMPLY;
		l->s = s;
		l->fn = fn;
		l->r = diam_inreq_hold(r);
		if (!l->r) {
			free(l);
			return DIA_UNABLE_TO_COMPLY;
		}
		ev_timer_init(&l->t, late_fire, l);
		ev_timer_start(s->loop, &l->t, rule->delay_ms);
		return 0;
	default:
		return fn(s, r);
	}
}

/* ----------------------------------------------------- sent requests --- */

static void out_answer(void *arg, const struct diam_answer *a)
{
	struct sim_out *o = arg;
	struct sim *s = o->ctx;

	o->done = true;
	o->done_ms = ev_time_ms();
	o->err = a->err;
	o->vendor = a->result_vendor;
	o->code = a->result_code;
	if (a->raw && a->len) {
		o->raw = malloc(a->len);
		if (o->raw) {
			memcpy(o->raw, a->raw, a->len);
			o->len = a->len;
		}
	}
	if (o->then)
		o->then(s, o, a);
}

struct sim_out *sim_send(struct sim *s, uint32_t app, const uint8_t *buf, int len,
			 const char *dest_host)
{
	struct diam_send_opts opts = { .dest_host = dest_host };
	struct sim_out *o;
	int slot = s->next_out % SIM_MAX_OUT;

	if (len < 0)
		return NULL;
	if (s->out[slot]) {
		if (!s->out[slot]->done)
			return NULL;	/* the ring is full of requests in flight */
		free(s->out[slot]->raw);
		free(s->out[slot]);
	}
	o = calloc(1, sizeof(*o));
	if (!o)
		return NULL;
	o->id = ++s->next_out;
	o->ctx = s;
	o->sent_ms = ev_time_ms();
	s->out[slot] = o;
	if (!diam_send(s->node, app, buf, (size_t)len, &opts, out_answer, o)) {
		o->done = true;
		o->err = -errno;
	}
	return o;
}

static struct sim_out *out_by_id(struct sim *s, int id)
{
	struct sim_out *o = id > 0 ? s->out[(id - 1) % SIM_MAX_OUT] : NULL;

	return o && o->id == id ? o : NULL;
}

struct json_object *sim_out_json(const struct sim_out *o)
{
	struct json_object *j = json_object_new_object();

	json_object_object_add(j, "id", json_object_new_int(o->id));
	json_object_object_add(j, "done", json_object_new_boolean(o->done));
	if (!o->done)
		return j;
	json_object_object_add(j, "error", json_object_new_int(o->err));
	if (o->err)
		json_object_object_add(j, "error_text", json_object_new_string(strerror(-o->err)));
	json_object_object_add(j, "result_code", json_object_new_int64(o->code));
	json_object_object_add(j, "result_vendor", json_object_new_int64(o->vendor));
	json_object_object_add(j, "latency_ms", json_object_new_int64((int64_t)(o->done_ms -
									       o->sent_ms)));
	if (o->raw) {
		struct dia_msg m;
		struct dia_err e;

		if (!dia_msg_decode(o->raw, o->len, &m, &e))
			json_object_object_add(j, "answer", dia_msg_json(&m));
		dia_msg_free(&m);
	}
	return j;
}

/* ------------------------------------------------------------ methods --- */

static int parse_mode(const char *s, enum sim_mode *m)
{
	static const char *const names[] = { "answer", "silent", "late", "result", "drop" };

	for (int i = 0; i < 5; i++)
		if (!strcmp(s, names[i])) {
			*m = (enum sim_mode)i;
			return 0;
		}
	return -1;
}

/* The command code from a number or an abbreviation ("AIR", "CCR", "RAR", ...) */
static int parse_code(struct json_object *params, const char *key, uint32_t *code,
		      struct jsonrpc_error *err)
{
	struct json_object *v;

	*code = 0;
	if (!json_object_object_get_ex(params, key, &v))
		return 0;
	if (json_object_is_type(v, json_type_int)) {
		*code = (uint32_t)json_object_get_int64(v);
		return 0;
	}
	if (json_object_is_type(v, json_type_string)) {
		const char *n = json_object_get_string(v);

		for (uint32_t c = 257; c < 330; c++) {
			const struct dia_cmd_def *d = dia_dict_cmd(c);

			if (d && (!strcasecmp(d->req_abbrev, n) || !strcasecmp(d->request, n))) {
				*code = c;
				return 0;
			}
		}
	}
	return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: not a command code or name", key);
}

static int m_behave(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "command", "application", "mode", "result_code",
					    "experimental", "delay_ms", "count", NULL };
	struct sim *s = arg;
	struct sim_rule r = { .count = -1 };
	unsigned long long v;
	const char *mode;
	int b, rc;

	if (jsonrpc_param_keys(p, keys, err) || parse_code(p, "command", &r.code, err) ||
	    jsonrpc_param_str(p, "mode", 1, &mode, err) < 0)
		return -1;
	if (parse_mode(mode, &r.mode))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS,
				    "mode: answer, silent, late, result or drop");
	if ((rc = jsonrpc_param_u64(p, "application", 0, 0xffffffffu, &v, err)) < 0)
		return -1;
	if (!rc)
		r.app = (uint32_t)v;
	if ((rc = jsonrpc_param_u64(p, "result_code", r.mode == SM_RESULT, 9999, &v, err)) < 0)
		return -1;
	if (!rc)
		r.result = (uint32_t)v;
	if ((rc = jsonrpc_param_bool(p, "experimental", 0, &b, err)) < 0)
		return -1;
	r.experimental = !rc && b;
	if ((rc = jsonrpc_param_u64(p, "delay_ms", r.mode == SM_LATE, 600000, &v, err)) < 0)
		return -1;
	if (!rc)
		r.delay_ms = (uint32_t)v;
	if ((rc = jsonrpc_param_u64(p, "count", 0, 1000000, &v, err)) < 0)
		return -1;
	if (!rc)
		r.count = (int)v;
	if (s->n_rules == SIM_MAX_RULES)
		return jsonrpc_fail(err, ENOSPC, "too many rules");
	s->rules[s->n_rules++] = r;
	*res = json_object_new_object();
	json_object_object_add(*res, "rules", json_object_new_int(s->n_rules));
	return 0;
}

static int m_reset(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	struct sim *s = arg;

	s->n_rules = 0;
	s->n_expects = 0;
	for (int i = 0; i < SIM_MAX_LAST; i++) {
		free(s->last[i].raw);
		s->last[i].raw = NULL;
	}
	return 0;
}

static int m_expect(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "command", "application", "count", NULL };
	struct sim *s = arg;
	struct sim_expect e = { 0 };
	unsigned long long v;

	if (jsonrpc_param_keys(p, keys, err) || parse_code(p, "command", &e.code, err) ||
	    jsonrpc_param_u64(p, "count", 1, 1000000, &v, err))
		return -1;
	e.want = (int)v;
	if (!jsonrpc_param_u64(p, "application", 0, 0xffffffffu, &v, err))
		e.app = (uint32_t)v;
	if (s->n_expects == SIM_MAX_EXPECT)
		return jsonrpc_fail(err, ENOSPC, "too many expectations");
	s->expects[s->n_expects++] = e;
	return 0;
}

/* Every expectation met exactly; an error naming the first that is not */
static int m_assert(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	struct sim *s = arg;
	struct json_object *arr = json_object_new_array();

	for (int i = 0; i < s->n_expects; i++) {
		struct sim_expect *e = &s->expects[i];
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "command", json_object_new_int64(e->code));
		json_object_object_add(o, "expected", json_object_new_int(e->want));
		json_object_object_add(o, "got", json_object_new_int(e->got));
		json_object_array_add(arr, o);
		if (e->got != e->want) {
			json_object_put(arr);
			return jsonrpc_fail(err, EPROTO, "command %u: expected %d, received %d",
					    e->code, e->want, e->got);
		}
	}
	*res = arr;
	return 0;
}

static int m_last(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "command", NULL };
	struct sim *s = arg;
	struct sim_last *l = NULL;
	struct dia_msg m;
	struct dia_err e;
	uint32_t code;

	if (jsonrpc_param_keys(p, keys, err) || parse_code(p, "command", &code, err))
		return -1;
	for (int i = 0; i < SIM_MAX_LAST; i++)
		if (s->last[i].raw && (!code || s->last[i].code == code))
			l = &s->last[i];
	if (!l)
		return jsonrpc_fail(err, ENOENT, "no such request received");
	if (dia_msg_decode(l->raw, l->len, &m, &e)) {
		dia_msg_free(&m);
		return jsonrpc_fail(err, EPROTO, "stored request does not decode: %s", e.msg);
	}
	*res = json_object_new_object();
	json_object_object_add(*res, "peer", json_object_new_string(l->peer));
	json_object_object_add(*res, "retransmitted", json_object_new_boolean(l->t_flag));
	json_object_object_add(*res, "message", dia_msg_json(&m));
	dia_msg_free(&m);
	return 0;
}

static int m_wait(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	struct sim *s = arg;
	unsigned long long id;
	struct sim_out *o;

	if (jsonrpc_param_u64(p, "id", 1, 0x7fffffff, &id, err))
		return -1;
	o = out_by_id(s, (int)id);
	if (!o)
		return jsonrpc_fail(err, ENOENT, "request %llu unknown", id);
	*res = sim_out_json(o);
	return 0;
}

static int m_drop(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	struct sim *s = arg;
	const char *peer = NULL;

	if (jsonrpc_param_str(p, "peer", 0, &peer, err) < 0)
		return -1;
	*res = json_object_new_object();
	json_object_object_add(*res, "dropped", json_object_new_int(diam_node_drop(s->node, peer)));
	return 0;
}

static int m_peers(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	*res = diam_node_peers_json(((struct sim *)arg)->node);
	return 0;
}

static int m_pending(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	*res = diam_node_pending_json(((struct sim *)arg)->node);
	return 0;
}

static int m_stats(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	struct sim *s = arg;
	struct json_object *o = json_object_new_object(), *c = json_object_new_object();

	json_object_object_add(o, "received", json_object_new_int64((int64_t)s->received));
	json_object_object_add(o, "answered_late", json_object_new_int64((int64_t)s->answered_late));
	json_object_object_add(o, "silenced", json_object_new_int64((int64_t)s->silenced));
	for (int i = 0; i < DIAM_C__COUNT; i++)
		json_object_object_add(c, diam_counter_name((enum diam_counter)i),
				       json_object_new_int64((int64_t)diam_node_counter(s->node,
									(enum diam_counter)i)));
	json_object_object_add(o, "counters", c);
	*res = o;
	return 0;
}

static int m_quit(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	struct sim *s = arg;

	s->quit = true;
	ev_loop_stop(s->loop);
	return 0;
}

int sim_ctl_init(struct sim *s)
{
	static const struct {
		const char *name;
		jsonrpc_fn fn;
		const char *help;
	} m[] = {
		{ "behave", m_behave, "add a rule: {command, mode: answer|silent|late|result|drop, "
		  "result_code, experimental, delay_ms, count}" },
		{ "reset", m_reset, "forget rules, expectations and recorded requests" },
		{ "expect", m_expect, "expect {command, count} requests" },
		{ "assert", m_assert, "fail unless every expectation is met exactly" },
		{ "last", m_last, "the last request received [of command], with its AVPs" },
		{ "wait", m_wait, "state of a request sent: {id}" },
		{ "drop", m_drop, "close the connection of [peer] (all) without DPR" },
		{ "peers", m_peers, "peer snapshot" },
		{ "pending", m_pending, "requests in flight" },
		{ "stats", m_stats, "counters" },
		{ "quit", m_quit, "stop the process" },
	};

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (jsonrpc_register(s->rpc, m[i].name, m[i].fn, s, m[i].help))
			return -1;
	return 0;
}

void sim_free(struct sim *s)
{
	for (int i = 0; i < SIM_MAX_LAST; i++)
		free(s->last[i].raw);
	for (int i = 0; i < SIM_MAX_OUT; i++)
		if (s->out[i]) {
			free(s->out[i]->raw);
			free(s->out[i]);
		}
}

struct dia_req_hdr sim_hdr(struct sim *s, const char *sid, const char *dest_realm,
			   const char *dest_host)
{
	struct dia_req_hdr h = { .session_id = sid, .origin_host = s->identity,
				 .origin_realm = s->realm, .dest_realm = dest_realm,
				 .dest_host = dest_host };

	return h;
}
