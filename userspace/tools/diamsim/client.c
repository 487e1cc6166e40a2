// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim client: the MME/PCEF side, for interoperability tests through a
 * relay.  S6a AIR/ULR/PUR; Gx sessions (CCR-I/U/T); Gy sessions in
 * client_gy.c; client.load for rates.  Requests from the servers (CLR/IDR/DSR/RSR, Gx RAR,
 * Gy RAR/ASR) are parsed, answered and recorded; Origin-Host must be the
 * configured HSS/PCRF/OCS identity.  A Gx rule whose name starts with
 * "reject" is refused in the RAA with a Charging-Rule-Report.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "client.h"
#include "crypto/milenage.h"
#include "lib/hex.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"
#include "proto/s6a.h"

struct dia_req_hdr client_hdr(struct client *c, const char *sid)
{
	return sim_hdr(c->sim, sid, c->sim->core_realm, NULL);
}

int client_reply(struct json_object **res, struct sim_out *o, struct jsonrpc_error *err)
{
	if (!o)
		return jsonrpc_fail(err, EBUSY, "request could not be built or sent");
	*res = sim_out_json(o);
	return 0;
}

/* --------------------------------------------------------------- S6a --- */

/*
 * The AUTS a USIM would send for RAND after an SQN failure, when the test
 * gives the USIM's secrets and its SQN_MS instead of an AUTS: 1 when asked
 * for (air->auts set once air->rand is), 0 when not, -1 on bad parameters.
 */
static int usim_auts(struct json_object *p, struct s6a_air *air, struct jsonrpc_error *err)
{
	const char *k, *opc;
	unsigned long long sqn;
	uint8_t kk[16], oo[16];
	size_t n;

	if (jsonrpc_param_u64(p, "sqn_ms", 0, EPS_SQN_MAX, &sqn, err))
		return 0;
	if (jsonrpc_param_str(p, "k", 1, &k, err) || jsonrpc_param_str(p, "opc", 1, &opc, err) ||
	    hex_decode(k, kk, 16, &n) || n != 16 || hex_decode(opc, oo, 16, &n) || n != 16)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "sqn_ms needs k and opc (hex)");
	if (eps_aka_auts(kk, oo, air->rand, sqn, air->auts))
		return jsonrpc_fail(err, JSONRPC_INTERNAL_ERROR, "AUTS computation failed");
	return 1;
}

static int m_air(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct client *c = arg;
	struct s6a_air air = { .num_vectors = 1 };
	const char *imsi, *rand = NULL, *auts = NULL;
	unsigned long long v;
	uint8_t buf[1024];
	char sid[160];
	size_t n;
	struct dia_req_hdr h;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_str(p, "rand", 0, &rand, err) < 0 ||
	    jsonrpc_param_str(p, "auts", 0, &auts, err) < 0)
		return -1;
	snprintf(air.imsi, sizeof(air.imsi), "%s", imsi);
	if (!jsonrpc_param_u64(p, "vectors", 0, 5, &v, err))
		air.num_vectors = (uint32_t)v;
	if (rand) {
		int r = 0;

		if (hex_decode(rand, air.rand, 16, &n) || n != 16 ||
		    (auts && (hex_decode(auts, air.auts, 14, &n) || n != 14)))
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "rand: 16, auts: 14 octets hex");
		if (!auts && (r = usim_auts(p, &air, err)) < 0)
			return -1;
		air.resync = auts || r == 1;
	}
	dia_plmn_encode(c->plmn, air.plmn);
	diam_session_id(c->sim->node, sid, sizeof(sid));
	h = client_hdr(c, sid);
	return client_reply(res, sim_send(c->sim, DIA_APP_S6A, buf, s6a_air_build(buf, sizeof(buf), &h, &air),
				   NULL), err);
}

static int m_ulr(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct client *c = arg;
	struct s6a_ulr ulr = { .rat_type = S6A_RAT_EUTRAN,
			       .flags = S6A_ULR_S6A_INDICATOR | S6A_ULR_INITIAL_ATTACH };
	unsigned long long v;
	const char *imsi;
	uint8_t buf[1024];
	char sid[160];
	struct dia_req_hdr h;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	snprintf(ulr.imsi, sizeof(ulr.imsi), "%s", imsi);
	if (!jsonrpc_param_u64(p, "flags", 0, 0xffffffffu, &v, err))
		ulr.flags = (uint32_t)v;
	if (!jsonrpc_param_u64(p, "rat_type", 0, 0xffffffffu, &v, err))
		ulr.rat_type = (uint32_t)v;
	dia_plmn_encode(c->plmn, ulr.plmn);
	diam_session_id(c->sim->node, sid, sizeof(sid));
	h = client_hdr(c, sid);
	return client_reply(res, sim_send(c->sim, DIA_APP_S6A, buf, s6a_ulr_build(buf, sizeof(buf), &h, &ulr),
				   NULL), err);
}

static int m_pur(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct client *c = arg;
	struct s6a_pur pur = { 0 };
	const char *imsi;
	uint8_t buf[512];
	char sid[160];
	struct dia_req_hdr h;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	snprintf(pur.imsi, sizeof(pur.imsi), "%s", imsi);
	diam_session_id(c->sim->node, sid, sizeof(sid));
	h = client_hdr(c, sid);
	return client_reply(res, sim_send(c->sim, DIA_APP_S6A, buf, s6a_pur_build(buf, sizeof(buf), &h, &pur),
				   NULL), err);
}

static int s6a_request(struct sim *s, struct diam_inreq *r)
{
	struct client *c = s->client;
	uint8_t buf[1024];
	struct dia_builder b;
	char err[160];
	int len, bad = 0;

	switch (r->msg->code) {
	case S6A_CLR: {
		struct s6a_clr x;

		bad = s6a_clr_parse(r->msg, &x, err, sizeof(err));
		c->clr += !bad;
		break;
	}
	case S6A_IDR: {
		struct s6a_idr x;

		bad = s6a_idr_parse(r->msg, &x, err, sizeof(err));
		c->idr += !bad;
		break;
	}
	case S6A_DSR: {
		struct s6a_dsr x;

		bad = s6a_dsr_parse(r->msg, &x, err, sizeof(err));
		c->dsr += !bad;
		break;
	}
	case S6A_RSR: {
		struct s6a_rsr x;

		bad = s6a_rsr_parse(r->msg, &x, err, sizeof(err));
		c->rsr += !bad;
		break;
	}
	default:
		return 3001;
	}
	if (bad) {
		log_info("diamsim", "S6a request %u refused: %s", r->msg->code, err);
		return DIA_MISSING_AVP;
	}
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	s6a_answer_put(&b, r->msg->code, 0);
	len = dia_build_finish(&b);
	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

/* ---------------------------------------------------------------- Gx --- */

static struct gx_sess *gx_session(struct client *c, const char *key, bool create)
{
	struct gx_sess *slot = NULL;

	for (int i = 0; i < CLIENT_MAX_SESSIONS; i++) {
		if (c->gx[i].used && !strcmp(c->gx[i].key, key))
			return &c->gx[i];
		if (!c->gx[i].used && !slot)
			slot = &c->gx[i];
	}
	if (!create || !slot)
		return NULL;
	memset(slot, 0, sizeof(*slot));
	slot->used = true;
	snprintf(slot->key, sizeof(slot->key), "%s", key);
	diam_session_id(c->sim->node, slot->sid, sizeof(slot->sid));
	return slot;
}

static int m_gx(void *arg, struct json_object *p, struct json_object **res,
		struct jsonrpc_error *err)
{
	struct client *c = arg;
	struct gx_ccr r = { .default_qci = 9, .default_arp = { 8, false, true },
			    .apn_ambr_ul = 50000000, .apn_ambr_dl = 100000000 };
	const char *imsi, *apn = "internet", *type = "initial", *ip = NULL, *msisdn = NULL;
	struct json_object *usage;
	struct gx_sess *gs;
	char key[DIA_IMSI_MAX + DIA_APN_MAX + 1];
	uint8_t buf[4096];
	struct dia_req_hdr h;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_str(p, "apn", 0, &apn, err) < 0 ||
	    jsonrpc_param_str(p, "type", 0, &type, err) < 0 ||
	    jsonrpc_param_str(p, "ipv4", 0, &ip, err) < 0 ||
	    jsonrpc_param_str(p, "msisdn", 0, &msisdn, err) < 0)
		return -1;
	r.type = !strcmp(type, "initial") ? GX_INITIAL : !strcmp(type, "update") ? GX_UPDATE :
		 !strcmp(type, "termination") ? GX_TERMINATION : 0;
	if (!r.type)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "type: initial, update, termination");
	snprintf(key, sizeof(key), "%s/%s", imsi, apn);
	gs = gx_session(c, key, r.type == GX_INITIAL);
	if (!gs)
		return jsonrpc_fail(err, ENOENT, "no Gx session for %s", key);
	if (r.type == GX_INITIAL)
		gs->number = 0;
	r.number = gs->number++;
	snprintf(r.imsi, sizeof(r.imsi), "%s", imsi);
	snprintf(r.apn, sizeof(r.apn), "%s", apn);
	if (msisdn)
		snprintf(r.msisdn, sizeof(r.msisdn), "%s", msisdn);
	if (ip && inet_pton(AF_INET, ip, r.ipv4) == 1)
		r.has_ipv4 = true;
	snprintf(r.mcc_mnc, sizeof(r.mcc_mnc), "%s", c->plmn);
	if (json_object_object_get_ex(p, "usage", &usage) && json_object_is_type(usage, json_type_object)) {
		json_object_object_foreach(usage, k, v) {
			struct gx_usage *u;

			if (r.n_usage == GX_MAX_MONITORS)
				break;
			u = &r.usage[r.n_usage++];
			snprintf(u->key, sizeof(u->key), "%s", k);
			u->u.has_total = true;
			u->u.total = (uint64_t)json_object_get_int64(v);
		}
		if (r.type == GX_UPDATE)
			r.triggers[r.n_triggers++] = GX_ET_USAGE_REPORT;
	}
	h = client_hdr(c, gs->sid);
	if (r.type == GX_TERMINATION)
		gs->used = false;
	return client_reply(res, sim_send(c->sim, DIA_APP_GX, buf, gx_ccr_build(buf, sizeof(buf), &h, &r),
				   NULL), err);
}

static int gx_request(struct sim *s, struct diam_inreq *r)
{
	struct client *c = s->client;
	struct gx_rule_report rep[GX_MAX_RULES];
	struct gx_rar rar;
	uint8_t buf[4096];
	struct dia_builder b;
	char err[160];
	int len, n = 0;

	if (r->msg->code != GX_RAR)
		return 3001;
	if (gx_rar_parse(r->msg, &rar, err, sizeof(err))) {
		log_info("diamsim", "Gx RAR refused: %s", err);
		return DIA_MISSING_AVP;
	}
	c->gx_rar++;
	for (int i = 0; i < rar.pol.n_install; i++)
		if (!strncmp(rar.pol.install[i].name, "reject", 6)) {
			snprintf(rep[n].name, sizeof(rep[n].name), "%s", rar.pol.install[i].name);
			rep[n].status = GX_RULE_INACTIVE;
			rep[n].failure_code = GX_RFC_RESOURCE_ALLOCATION_FAILURE;
			n++;
		}
	diam_answer_init(s->node, r->msg, r->raw, &b, buf, sizeof(buf), DIA_SUCCESS);
	gx_raa_put(&b, rep, n);
	len = dia_build_finish(&b);
	if (len < 0)
		return DIA_UNABLE_TO_COMPLY;
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

/* ---------------------------------------------------------------- load --- */

/*
 * client.load: count AIRs for imsi, concurrency of them in flight at any
 * time, latencies kept for the percentiles.  For measuring the stack (the
 * library, a relay, the HSS emulator), never asserted on in tests.
 */
struct load {
	struct client *c;
	char imsi[DIA_IMSI_MAX];
	uint32_t count, sent, done, ok, errors, concurrency;
	uint64_t t0, t1;
	uint32_t *lat;			/* ms, per answer */
	uint64_t *started;		/* per request slot: its send time */
	bool active;
	struct { int code; uint32_t n; } why[8];	/* errors: result code, or -errno */
};

static struct load load;

static void load_next(uintptr_t slot);

static void load_answer(void *arg, const struct diam_answer *a)
{
	uint64_t now = ev_time_ms(), slot = (uintptr_t)arg;

	if (load.done < load.count)
		load.lat[load.done] = (uint32_t)(now - load.started[slot]);
	load.done++;
	if (!a->err && a->result_code == DIA_SUCCESS) {
		load.ok++;
	} else {
		int code = a->err ? a->err : (int)a->result_code;

		load.errors++;
		for (int i = 0; i < 8; i++)
			if (!load.why[i].n || load.why[i].code == code) {
				load.why[i].code = code;
				load.why[i].n++;
				break;
			}
	}
	if (load.done == load.count) {
		load.t1 = now;
		load.active = false;
		return;
	}
	load_next(slot);	/* the slot this answer freed */
}

static void load_next(uintptr_t slot)
{
	struct s6a_air air = { .num_vectors = 1 };
	uint8_t buf[1024];
	char sid[160];
	struct dia_req_hdr h;
	int len;

	if (load.sent >= load.count)
		return;
	snprintf(air.imsi, sizeof(air.imsi), "%s", load.imsi);
	dia_plmn_encode(load.c->plmn, air.plmn);
	diam_session_id(load.c->sim->node, sid, sizeof(sid));
	h = client_hdr(load.c, sid);
	len = s6a_air_build(buf, sizeof(buf), &h, &air);
	load.started[slot] = ev_time_ms();
	load.sent++;
	if (len < 0 || !diam_send(load.c->sim->node, DIA_APP_S6A, buf, (size_t)len, NULL,
				  load_answer, (void *)slot)) {
		load.done++;
		load.errors++;
	}
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int m_load(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	unsigned long long count, conc = 32;
	const char *imsi;

	if (load.active)
		return jsonrpc_fail(err, EBUSY, "a load run is going on");
	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_u64(p, "count", 1, 10000000, &count, err) ||
	    jsonrpc_param_u64(p, "concurrency", 0, 10000, &conc, err) < 0 || !conc)
		return -1;
	free(load.lat);
	free(load.started);
	memset(&load, 0, sizeof(load));
	load.c = arg;
	snprintf(load.imsi, sizeof(load.imsi), "%s", imsi);
	load.count = (uint32_t)count;
	load.concurrency = (uint32_t)conc;
	load.lat = calloc(load.count, sizeof(*load.lat));
	load.started = calloc(load.concurrency, sizeof(*load.started));
	if (!load.lat || !load.started)
		return jsonrpc_fail(err, ENOMEM, "out of memory");
	load.active = true;
	load.t0 = ev_time_ms();
	for (uint32_t i = 0; i < load.concurrency && i < load.count; i++)
		load_next(i);
	return 0;
}

static int m_load_result(void *arg, struct json_object *p, struct json_object **res,
			 struct jsonrpc_error *err)
{
	uint64_t ms;

	*res = json_object_new_object();
	json_object_object_add(*res, "done", json_object_new_boolean(!load.active));
	json_object_object_add(*res, "sent", json_object_new_int64(load.sent));
	json_object_object_add(*res, "answered", json_object_new_int64(load.done));
	json_object_object_add(*res, "ok", json_object_new_int64(load.ok));
	json_object_object_add(*res, "errors", json_object_new_int64(load.errors));
	if (load.errors) {
		struct json_object *w = json_object_new_object();
		char k[16];

		for (int i = 0; i < 8 && load.why[i].n; i++) {
			snprintf(k, sizeof(k), "%d", load.why[i].code);
			json_object_object_add(w, k, json_object_new_int64(load.why[i].n));
		}
		json_object_object_add(*res, "errors_by_result", w);
	}
	if (load.active || !load.count)
		return 0;
	ms = load.t1 > load.t0 ? load.t1 - load.t0 : 1;
	qsort(load.lat, load.count, sizeof(*load.lat), cmp_u32);
	json_object_object_add(*res, "elapsed_ms", json_object_new_int64((int64_t)ms));
	json_object_object_add(*res, "per_second",
			       json_object_new_double((double)load.done * 1000.0 / (double)ms));
	json_object_object_add(*res, "p50_ms", json_object_new_int64(load.lat[load.count / 2]));
	json_object_object_add(*res, "p99_ms",
			       json_object_new_int64(load.lat[(uint64_t)load.count * 99 / 100]));
	return 0;
}

/* ---------------------------------------------------------------- setup --- */

static int client_role(struct sim *s, struct diam_inreq *r)
{
	switch (r->msg->app_id) {
	case DIA_APP_S6A:
		return s6a_request(s, r);
	case DIA_APP_GX:
		return gx_request(s, r);
	default:
		return client_gy_request(s, r);
	}
}

static int client_handler(void *arg, struct diam_inreq *r)
{
	return sim_dispatch(arg, r, client_role);
}

static int m_received(void *arg, struct json_object *p, struct json_object **res,
		      struct jsonrpc_error *err)
{
	struct client *c = arg;

	*res = json_object_new_object();
	json_object_object_add(*res, "clr", json_object_new_int64((int64_t)c->clr));
	json_object_object_add(*res, "idr", json_object_new_int64((int64_t)c->idr));
	json_object_object_add(*res, "dsr", json_object_new_int64((int64_t)c->dsr));
	json_object_object_add(*res, "rsr", json_object_new_int64((int64_t)c->rsr));
	json_object_object_add(*res, "gx_rar", json_object_new_int64((int64_t)c->gx_rar));
	json_object_object_add(*res, "gy_rar", json_object_new_int64((int64_t)c->gy_rar));
	json_object_object_add(*res, "asr", json_object_new_int64((int64_t)c->asr));
	return 0;
}

int client_init(struct sim *s, struct jcfg *cf, struct json_object *conf)
{
	static const char *const keys[] = { "core_realm", "plmn", "report_pct", "hss", "pcrf",
					    "ocs", "timeout_ms", NULL };
	static const char *const names[] = { "hss", "pcrf", "ocs" };
	static const uint32_t ids[] = { DIA_APP_S6A, DIA_APP_GX, DIA_APP_DCCA };
	struct client *c = calloc(1, sizeof(*c));
	size_t mark = jcfg_push_key(cf, "client");
	uint64_t v;
	uint32_t timeout = 0;

	if (!c)
		return -1;
	s->client = c;
	c->sim = s;
	c->report_pct = 80;
	snprintf(c->plmn, sizeof(c->plmn), "00101");
	if (jcfg_keys(cf, conf, keys) ||
	    jcfg_strcpy(cf, conf, "core_realm", true, s->core_realm, sizeof(s->core_realm)) ||
	    jcfg_strcpy(cf, conf, "plmn", false, c->plmn, sizeof(c->plmn)) < 0)
		return -1;
	if (jcfg_uint(cf, conf, "report_pct", 1, 100, false, &v) == 0)
		c->report_pct = (uint32_t)v;
	if (jcfg_uint(cf, conf, "timeout_ms", 100, 600000, false, &v) == 0)
		timeout = (uint32_t)v;
	for (int i = 0; i < 3; i++) {
		struct diam_app app = { .id = ids[i], .vendor = i < 2 ? VENDOR_3GPP : 0,
					.timeout_ms = timeout ? timeout : i == 2 ? 10000 : 0,
					.handler = client_handler, .arg = s };

		if (jcfg_strcpy(cf, conf, names[i], false, c->origins[i], DIAM_ID_MAX) < 0)
			return -1;
		if (c->origins[i][0]) {
			c->allowed[i][0] = c->origins[i];
			app.allowed_origins = c->allowed[i];
		}
		if (diam_node_add_app(s->node, &app))
			return jcfg_fail(cf, NULL, "application %u added twice", ids[i]);
	}
	jcfg_pop(cf, mark);
	if (jsonrpc_register(s->rpc, "client.air", m_air, c, "AIR {imsi, vectors, rand, auts}") ||
	    jsonrpc_register(s->rpc, "client.ulr", m_ulr, c, "ULR {imsi, flags, rat_type}") ||
	    jsonrpc_register(s->rpc, "client.pur", m_pur, c, "PUR {imsi}") ||
	    jsonrpc_register(s->rpc, "client.gx", m_gx, c,
			     "Gx CCR {imsi, apn, type, ipv4, msisdn, usage: {key: octets}}") ||
	    client_gy_register(c, s->rpc) ||
	    jsonrpc_register(s->rpc, "client.received", m_received, c,
			     "server-initiated requests received") ||
	    jsonrpc_register(s->rpc, "client.load", m_load, c,
			     "send {count} AIRs for {imsi}, {concurrency} in flight") ||
	    jsonrpc_register(s->rpc, "client.load.result", m_load_result, c,
			     "rate and latency of the last client.load"))
		return jcfg_fail(cf, NULL, "registering the client failed");
	return 0;
}

void client_free(struct client *c)
{
	free(load.lat);
	free(load.started);
	memset(&load, 0, sizeof(load));
	free(c);
}
