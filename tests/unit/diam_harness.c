// SPDX-License-Identifier: GPL-2.0
/* Helpers for the Diameter peer tests (diam_harness.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diam_harness.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"

struct diam_node *h_node(const char *host, bool accept_unknown)
{
	struct diam_node_cfg cfg = {
		.origin_host = host,
		.origin_realm = "test",
		.product_name = "unit",
		.origin_state_id = 7,
		.tw_ms = H_TW,
		.tw_jitter_ms = H_JITTER,
		.tc_ms = H_TC,
		.tc_min_ms = H_TC_MIN,
		.cea_timeout_ms = 3000,
		.dpa_timeout_ms = 2000,
		.accept_unknown = accept_unknown,
		.seed = 12345,
	};
	struct diam_app s6a = { .id = DIA_APP_S6A, .vendor = VENDOR_3GPP, .timeout_ms = 4000 };
	struct diam_app gy = { .id = DIA_APP_DCCA, .timeout_ms = 10000 };
	char err[256];
	struct diam_node *n;

	log_current_level = LOG_LVL_ERR;
	n = diam_node_new(&cfg, err, sizeof(err));
	if (!n) {
		fprintf(stderr, "h_node: %s\n", err);
		abort();
	}
	diam_node_add_app(n, &s6a);
	diam_node_add_app(n, &gy);
	return n;
}

struct diam_peer *h_peer(struct diam_node *n, const char *host, int priority, bool passive)
{
	struct diam_peer_cfg pc = {
		.host = host, .addr = "192.0.2.9", .priority = priority, .passive = passive,
	};
	struct diam_peer *p = NULL;
	char err[256];

	if (diam_node_add_peer(n, &pc, &p, err, sizeof(err))) {
		fprintf(stderr, "h_peer: %s\n", err);
		abort();
	}
	return p;
}

uint32_t h_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

struct h_msg *h_out(struct diam_test_conn *c)
{
	struct h_msg *m = calloc(1, sizeof(*m));
	struct dia_err err;

	m->raw = diam_test_output(c, &m->len);
	if (!m->raw) {
		free(m);
		return NULL;
	}
	if (dia_msg_decode(m->raw, m->len, &m->m, &err)) {
		fprintf(stderr, "h_out: node sent an undecodable message: %s\n", err.msg);
		abort();
	}
	return m;
}

void h_msg_free(struct h_msg *m)
{
	if (!m)
		return;
	dia_msg_free(&m->m);
	free(m->raw);
	free(m);
}

int h_expect(struct diam_test_conn *c, uint32_t code, bool request)
{
	struct h_msg *m = h_out(c);
	int ok;

	if (!m)
		return -1;
	ok = m->m.code == code && !!(m->m.flags & DIA_F_REQUEST) == request;
	if (!ok)
		fprintf(stderr, "h_expect: got command %u flags %02x, want %u %s\n", m->m.code,
			m->m.flags, code, request ? "request" : "answer");
	h_msg_free(m);
	return ok ? 0 : -1;
}

int h_drain(struct diam_test_conn *c)
{
	int k = 0;
	struct h_msg *m;

	while ((m = h_out(c))) {
		h_msg_free(m);
		k++;
	}
	return k;
}

uint32_t h_u32(const struct h_msg *m, uint32_t code, uint32_t vendor)
{
	int i = dia_find(&m->m, -1, code, vendor);
	uint32_t v = 0;

	if (i >= 0)
		dia_avp_u32(&m->m.avps[i], &v);
	return v;
}

static void put_apps(struct dia_builder *b)
{
	dia_add_u32(b, DA_SUPPORTED_VENDOR_ID, VENDOR_3GPP);
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, DIA_APP_DCCA);
	dia_add_group(b, DA_VENDOR_SPECIFIC_APPLICATION_ID);
	dia_add_u32(b, DA_VENDOR_ID, VENDOR_3GPP);
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, DIA_APP_S6A);
	dia_build_group_end(b);
}

static void feed(struct diam_test_conn *c, struct dia_builder *b)
{
	int n = dia_build_finish(b);

	if (n < 0) {
		fprintf(stderr, "harness: message build failed\n");
		abort();
	}
	diam_test_input(c, b->buf, (size_t)n);
}

static void origin(struct dia_builder *b, const char *host)
{
	dia_add_str(b, DA_ORIGIN_HOST, host);
	dia_add_str(b, DA_ORIGIN_REALM, "remote");
}

void h_send_cer(struct diam_test_conn *c, const char *host, uint32_t state_id)
{
	uint8_t buf[1024], ip[4] = { 198, 51, 100, 7 };
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 257, 0, 0x1000, 0x2000);
	origin(&b, host);
	dia_add_address(&b, DA_HOST_IP_ADDRESS, 1, ip, 4);
	dia_add_u32(&b, DA_VENDOR_ID, 0);
	dia_add_str(&b, DA_PRODUCT_NAME, "remote");
	dia_add_u32(&b, DA_ORIGIN_STATE_ID, state_id);
	put_apps(&b);
	feed(c, &b);
}

void h_send_cea(struct diam_test_conn *c, const struct h_msg *cer, const char *host,
		uint32_t rc)
{
	uint8_t buf[1024], ip[4] = { 198, 51, 100, 7 };
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), 0, 257, 0, cer->m.hbh, cer->m.e2e);
	dia_add_u32(&b, DA_RESULT_CODE, rc);
	origin(&b, host);
	dia_add_address(&b, DA_HOST_IP_ADDRESS, 1, ip, 4);
	dia_add_u32(&b, DA_VENDOR_ID, 0);
	dia_add_str(&b, DA_PRODUCT_NAME, "remote");
	dia_add_u32(&b, DA_ORIGIN_STATE_ID, 99);
	if (rc != 5010)
		put_apps(&b);
	feed(c, &b);
}

void h_send_dwa(struct diam_test_conn *c, const struct h_msg *dwr, const char *host)
{
	uint8_t buf[256];
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), 0, 280, 0, dwr->m.hbh, dwr->m.e2e);
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	origin(&b, host);
	feed(c, &b);
}

void h_send_dwr(struct diam_test_conn *c, const char *host, uint32_t state_id)
{
	uint8_t buf[256];
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 280, 0, 0x3000, 0x4000);
	origin(&b, host);
	dia_add_u32(&b, DA_ORIGIN_STATE_ID, state_id);
	feed(c, &b);
}

void h_send_dpr(struct diam_test_conn *c, const char *host, uint32_t cause)
{
	uint8_t buf[256];
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 282, 0, 0x5000, 0x6000);
	origin(&b, host);
	dia_add_u32(&b, DA_DISCONNECT_CAUSE, cause);
	feed(c, &b);
}

void h_send_dpa(struct diam_test_conn *c, const struct h_msg *dpr, const char *host)
{
	uint8_t buf[256];
	struct dia_builder b;

	dia_build_init(&b, buf, sizeof(buf), 0, 282, 0, dpr->m.hbh, dpr->m.e2e);
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	origin(&b, host);
	feed(c, &b);
}

void h_send_answer(struct diam_test_conn *c, const struct h_msg *req, const char *host,
		   uint32_t rc)
{
	uint8_t buf[512];
	struct dia_builder b;
	int i = dia_get(&req->m, -1, DA_SESSION_ID);

	dia_build_init(&b, buf, sizeof(buf), DIA_F_PROXIABLE, req->m.code, req->m.app_id,
		       req->m.hbh, req->m.e2e);
	if (i >= 0)
		dia_add_bytes(&b, DA_SESSION_ID, req->m.avps[i].data, req->m.avps[i].len);
	dia_add_u32(&b, DA_RESULT_CODE, rc);
	origin(&b, host);
	feed(c, &b);
}

size_t h_build_request(uint8_t *buf, size_t cap, uint32_t app, uint32_t code, const char *host,
		       const char *sid, uint32_t hbh, uint32_t e2e, bool retransmit)
{
	struct dia_builder b;

	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE |
		       (retransmit ? DIA_F_RETRANSMIT : 0), code, app, hbh, e2e);
	dia_add_str(&b, DA_SESSION_ID, sid);
	origin(&b, host);
	dia_add_str(&b, DA_DESTINATION_REALM, "test");
	dia_add_str(&b, DA_USER_NAME, "001010000000001");
	return (size_t)dia_build_finish(&b);
}

struct diam_test_conn *h_open(struct diam_node *n, struct diam_peer *p, const char *remote)
{
	struct diam_test_conn *c = diam_test_pending_connect(n, p);
	struct h_msg *cer;

	if (!c)
		return NULL;
	diam_test_connected(c, true);
	cer = h_out(c);
	if (!cer || cer->m.code != 257) {
		h_msg_free(cer);
		return NULL;
	}
	h_send_cea(c, cer, remote, 2001);
	h_msg_free(cer);
	return c;
}

struct diam_test_conn *h_accept(struct diam_node *n, const char *remote, uint32_t state_id)
{
	struct diam_test_conn *c = diam_test_accept(n, DIAM_TCP);

	h_send_cer(c, remote, state_id);
	return c;
}

static bool find_info(struct diam_node *n, const char *peer, struct diam_peer_info *out)
{
	struct diam_peer_info info[8];
	int k = diam_node_peers(n, info, 8);

	for (int i = 0; i < k && i < 8; i++)
		if (!strcmp(info[i].name, peer)) {
			*out = info[i];
			return true;
		}
	return false;
}

const char *h_state(struct diam_node *n, const char *peer)
{
	struct diam_peer_info i;

	return find_info(n, peer, &i) ? i.state : "(none)";
}

const char *h_wd(struct diam_node *n, const char *peer)
{
	struct diam_peer_info i;

	return find_info(n, peer, &i) ? i.watchdog : "(none)";
}

uint64_t h_count(struct diam_node *n, const char *peer, enum diam_counter c)
{
	struct diam_peer_info i;

	return find_info(n, peer, &i) ? i.counters[c] : 0;
}

void h_answer_cb(void *arg, const struct diam_answer *a)
{
	struct h_ans *h = arg;

	h->calls++;
	h->err = a->err;
	h->result_code = a->result_code;
	h->result_vendor = a->result_vendor;
	snprintf(h->peer, sizeof(h->peer), "%s", a->peer ? a->peer : "");
	if (a->err == -ETIMEDOUT && h->retry) {
		h->retry = false;
		h->retry_rc = diam_req_retry(a->req);
	}
}

struct diam_req *h_request(struct diam_node *n, uint32_t app, const char *sid,
			   struct h_ans *ans)
{
	uint8_t buf[512];
	size_t len = h_build_request(buf, sizeof(buf), app, app == DIA_APP_S6A ? 318 : 272,
				     diam_node_origin_host(n), sid, 0, 0, false);

	return diam_send(n, app, buf, len, NULL, h_answer_cb, ans);
}
