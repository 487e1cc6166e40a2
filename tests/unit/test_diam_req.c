// SPDX-License-Identifier: GPL-2.0
/*
 * Requests through userspace/diameter on the scripted transport: routing by
 * priority, answers matched by Hop-by-Hop and End-to-End id, timeouts and
 * retries, failover with the T flag when a peer turns SUSPECT or goes,
 * waiting for a peer; and the server side: handlers, duplicate detection,
 * 3001/3007/5xxx answers, Origin-Host checks, held (late) answers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "diam_harness.h"
#include "proto/diameter_avp.h"

/* Two relays, priorities 0 and 1, both open */
struct two {
	struct diam_node *n;
	struct diam_peer *p1, *p2;
	struct diam_test_conn *c1, *c2;
};

static void two_up(struct two *t)
{
	t->n = h_node("mme.agw", false);
	t->p1 = h_peer(t->n, "relay1.fgw", 0, false);
	t->p2 = h_peer(t->n, "relay2.fgw", 1, false);
	diam_node_start(t->n);
	t->c1 = h_open(t->n, t->p1, "relay1.fgw");
	t->c2 = h_open(t->n, t->p2, "relay2.fgw");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->c1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->c2);
}

static void test_route_and_answer(void)
{
	struct two t;
	struct h_ans a = { 0 };
	struct diam_req *r;
	struct h_msg *m;

	two_up(&t);
	r = h_request(t.n, DIA_APP_S6A, "mme.agw;1;1", &a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NULL(h_out(t.c2));	/* the primary gets it */
	m = h_out(t.c1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->m.code, 318);
	CU_ASSERT_EQUAL(m->m.e2e, diam_req_e2e(r));
	CU_ASSERT(!(m->m.flags & DIA_F_RETRANSMIT));
	CU_ASSERT_EQUAL(diam_node_pending_count(t.n), 1);
	/* an answer with a wrong End-to-End id does not complete it */
	m->m.e2e ^= 1;
	h_send_answer(t.c1, m, "hss.core", 2001);
	CU_ASSERT_EQUAL(a.calls, 0);
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_UNKNOWN_ANSWERS), 1);
	m->m.e2e ^= 1;
	/* nor one on the other connection */
	h_send_answer(t.c2, m, "hss.core", 2001);
	CU_ASSERT_EQUAL(a.calls, 0);
	h_send_answer(t.c1, m, "hss.core", 5420);
	CU_ASSERT_EQUAL(a.calls, 1);
	CU_ASSERT_EQUAL(a.err, 0);
	CU_ASSERT_EQUAL(a.result_code, 5420);
	CU_ASSERT_STRING_EQUAL(a.peer, "relay1.fgw");
	CU_ASSERT_EQUAL(diam_node_pending_count(t.n), 0);
	/* a second answer is unknown now */
	h_send_answer(t.c1, m, "hss.core", 2001);
	CU_ASSERT_EQUAL(a.calls, 1);
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_UNKNOWN_ANSWERS), 2);
	h_msg_free(m);
	diam_node_free(t.n);
}

static void test_send_rejects_bad(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct h_ans a = { 0 };
	uint8_t buf[256];
	size_t len = h_build_request(buf, sizeof(buf), DIA_APP_GX, 272, "mme.agw", "s", 0, 0,
				     false);

	/* Gx is not an application of this node */
	CU_ASSERT_PTR_NULL(diam_send(n, DIA_APP_GX, buf, len, NULL, h_answer_cb, &a));
	CU_ASSERT_EQUAL(errno, EINVAL);
	len = h_build_request(buf, sizeof(buf), DIA_APP_S6A, 318, "mme.agw", "s", 0, 0, false);
	buf[4] &= (uint8_t)~DIA_F_REQUEST;
	CU_ASSERT_PTR_NULL(diam_send(n, DIA_APP_S6A, buf, len, NULL, h_answer_cb, &a));
	buf[4] |= DIA_F_REQUEST;
	CU_ASSERT_PTR_NULL(diam_send(n, DIA_APP_S6A, buf, len - 4, NULL, h_answer_cb, &a));
	CU_ASSERT_EQUAL(a.calls, 0);
	diam_node_free(n);
}

/* Timeout per application (S6a 4 s here), then a retry to the other peer */
static void test_timeout_and_retry(void)
{
	struct two t;
	struct h_ans a = { .retry = true };
	struct h_msg *m1, *m2;

	two_up(&t);
	h_request(t.n, DIA_APP_S6A, "mme.agw;1;2", &a);
	m1 = h_out(t.c1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m1);
	diam_test_advance(t.n, 3999);
	CU_ASSERT_EQUAL(a.calls, 0);
	diam_test_advance(t.n, 1);
	CU_ASSERT_EQUAL(a.calls, 1);
	CU_ASSERT_EQUAL(a.err, -ETIMEDOUT);
	CU_ASSERT_EQUAL(a.retry_rc, 0);
	m2 = h_out(t.c2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m2);
	CU_ASSERT(m2->m.flags & DIA_F_RETRANSMIT);
	CU_ASSERT_EQUAL(m2->m.e2e, m1->m.e2e);
	CU_ASSERT_NOT_EQUAL(m2->m.hbh, m1->m.hbh);
	CU_ASSERT_EQUAL(h_count(t.n, "relay2.fgw", DIAM_C_RETRANSMISSIONS), 1);
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_TIMEOUTS), 1);
	/* the late answer from the first peer still completes it */
	h_send_answer(t.c1, m1, "hss.core", 2001);
	CU_ASSERT_EQUAL(a.calls, 2);
	CU_ASSERT_EQUAL(a.err, 0);
	/* and the retransmission's answer is then unknown */
	h_send_answer(t.c2, m2, "hss.core", 2001);
	CU_ASSERT_EQUAL(a.calls, 2);
	h_msg_free(m1);
	h_msg_free(m2);
	/* Gy has its own Tx: 10 s */
	memset(&a, 0, sizeof(a));
	h_request(t.n, DIA_APP_DCCA, "mme.agw;1;3", &a);
	diam_test_advance(t.n, 9999);
	CU_ASSERT_EQUAL(a.calls, 0);
	diam_test_advance(t.n, 1);
	CU_ASSERT_EQUAL(a.err, -ETIMEDOUT);
	diam_node_free(t.n);
}

/* The primary's connection goes with requests in flight: all go to the second */
static void test_failover_on_disconnect(void)
{
	struct two t;
	struct h_ans a[3] = { 0 };
	struct h_msg *orig[3], *m;

	two_up(&t);
	for (int i = 0; i < 3; i++) {
		h_request(t.n, DIA_APP_S6A, i == 0 ? "s;0" : i == 1 ? "s;1" : "s;2", &a[i]);
		orig[i] = h_out(t.c1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(orig[i]);
	}
	diam_test_hangup(t.c1);
	for (int i = 0; i < 3; i++) {
		m = h_out(t.c2);
		CU_ASSERT_PTR_NOT_NULL_FATAL(m);
		CU_ASSERT(m->m.flags & DIA_F_RETRANSMIT);
		/* the same End-to-End id as one of the originals */
		CU_ASSERT(m->m.e2e == orig[0]->m.e2e || m->m.e2e == orig[1]->m.e2e ||
			  m->m.e2e == orig[2]->m.e2e);
		h_send_answer(t.c2, m, "hss.core", 2001);
		h_msg_free(m);
	}
	for (int i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(a[i].calls, 1);
		CU_ASSERT_EQUAL(a[i].err, 0);
		CU_ASSERT_STRING_EQUAL(a[i].peer, "relay2.fgw");
		h_msg_free(orig[i]);
	}
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_FAILOVERS), 3);
	diam_node_free(t.n);
}

/* SUSPECT: pending requests fail over; new ones go to the other peer */
static void test_failover_on_suspect(void)
{
	struct two t;
	struct h_ans a = { 0 };
	struct h_msg *m;
	uint8_t buf[512];
	struct diam_send_opts o = { .timeout_ms = 60000 };
	size_t len = h_build_request(buf, sizeof(buf), DIA_APP_S6A, 318, "mme.agw", "s;9", 0, 0,
				     false);

	two_up(&t);
	CU_ASSERT_PTR_NOT_NULL(diam_send(t.n, DIA_APP_S6A, buf, len, &o, h_answer_cb, &a));
	h_drain(t.c1);
	/* relay2 keeps answering its DWRs; relay1 is silent */
	for (int k = 0; k < 40 && strcmp(h_wd(t.n, "relay1.fgw"), "SUSPECT"); k++) {
		diam_test_advance(t.n, 100);
		while ((m = h_out(t.c2))) {
			if (m->m.code == 280 && (m->m.flags & DIA_F_REQUEST))
				h_send_dwa(t.c2, m, "relay2.fgw");
			else if (m->m.code == 318)
				h_send_answer(t.c2, m, "hss.core", 2001);
			h_msg_free(m);
		}
		h_drain(t.c1);
		if (a.calls)
			break;
	}
	diam_test_advance(t.n, 2 * H_TW);
	while ((m = h_out(t.c2))) {
		if (m->m.code == 318) {
			CU_ASSERT(m->m.flags & DIA_F_RETRANSMIT);
			h_send_answer(t.c2, m, "hss.core", 2001);
		}
		h_msg_free(m);
	}
	CU_ASSERT_EQUAL(a.calls, 1);
	CU_ASSERT_STRING_EQUAL(a.peer, "relay2.fgw");
	/* the watchdog moved it, not a timeout */
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_FAILOVERS), 1);
	CU_ASSERT_EQUAL(h_count(t.n, "relay1.fgw", DIAM_C_TIMEOUTS), 0);
	diam_node_free(t.n);
}

/* No peer yet: the request waits, and goes when one opens */
static void test_waits_for_peer(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct h_ans a = { 0 }, b = { 0 };
	struct diam_test_conn *c;
	struct h_msg *m;

	diam_node_start(n);
	h_request(n, DIA_APP_S6A, "s;w", &a);
	CU_ASSERT_EQUAL(diam_node_pending_count(n), 1);
	c = h_open(n, p, "relay.fgw");
	m = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->m.code, 318);
	CU_ASSERT(!(m->m.flags & DIA_F_RETRANSMIT));
	h_send_answer(c, m, "hss.core", 2001);
	h_msg_free(m);
	CU_ASSERT_EQUAL(a.calls, 1);
	/* with the link down and no other peer: -ETIMEDOUT, retry has nowhere to go */
	diam_test_hangup(c);
	b.retry = true;
	h_request(n, DIA_APP_S6A, "s;x", &b);
	diam_test_advance(n, 4000);
	CU_ASSERT_EQUAL(b.calls, 1);
	CU_ASSERT_EQUAL(b.err, -ETIMEDOUT);
	CU_ASSERT_EQUAL(b.retry_rc, -EAGAIN);
	CU_ASSERT_EQUAL(diam_node_pending_count(n), 0);
	diam_node_free(n);
}

static void test_cancel(void)
{
	struct two t;
	struct h_ans a = { 0 };
	struct diam_req *r;
	struct h_msg *m;

	two_up(&t);
	r = h_request(t.n, DIA_APP_S6A, "s;c", &a);
	m = h_out(t.c1);
	diam_req_cancel(r);
	CU_ASSERT_EQUAL(diam_node_pending_count(t.n), 0);
	h_send_answer(t.c1, m, "hss.core", 2001);
	diam_test_advance(t.n, 10000);
	CU_ASSERT_EQUAL(a.calls, 0);
	h_msg_free(m);
	diam_node_free(t.n);
}

/* ------------------------------------------------------- server side --- */

struct srv {
	int calls;
	int mode;		/* 0 answer 2001, 1 return 3001, 2 hold, 3 drop */
	struct diam_inreq *held;
};

static int handler(void *arg, struct diam_inreq *r)
{
	struct srv *s = arg;
	uint8_t buf[512];
	struct dia_builder b;
	int len;

	s->calls++;
	switch (s->mode) {
	case 1:
		return 3001;
	case 2:
		s->held = diam_inreq_hold(r);
		return 0;
	case 3:
		diam_inreq_drop(r);
		return 0;
	}
	diam_answer_init(r->node, r->msg, r->raw, &b, buf, sizeof(buf), 2001);
	dia_add_u32(&b, DA_AUTH_SESSION_STATE, 1);
	len = dia_build_finish(&b);
	diam_inreq_answer(r, buf, (size_t)len);
	return 0;
}

static const char *const allowed[] = { "relay.fgw", NULL };

static struct diam_node *server(struct srv *s, bool restrict_origin)
{
	struct diam_node_cfg cfg = {
		.origin_host = "hss.core", .origin_realm = "core", .accept_unknown = true,
		.tw_ms = H_TW, .tw_jitter_ms = H_JITTER, .seed = 3, .dup_ttl_ms = 3000,
	};
	struct diam_app app = { .id = DIA_APP_S6A, .vendor = VENDOR_3GPP, .handler = handler,
				.arg = s, .allowed_origins = restrict_origin ? allowed : NULL };
	char err[128];
	struct diam_node *n = diam_node_new(&cfg, err, sizeof(err));

	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	diam_node_add_app(n, &app);
	return n;
}

static struct h_msg *ask(struct diam_test_conn *c, uint32_t app, uint32_t code, const char *from,
			 uint32_t hbh, uint32_t e2e, bool t_flag)
{
	uint8_t buf[512];
	size_t len = h_build_request(buf, sizeof(buf), app, code, from, "relay;1;1", hbh, e2e,
				     t_flag);

	diam_test_input(c, buf, len);
	return h_out(c);
}

static void test_server_answers_and_duplicates(void)
{
	struct srv s = { 0 };
	struct diam_node *n = server(&s, false);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	struct h_msg *a1, *a2;
	const uint8_t *d;
	size_t len;

	h_drain(c);
	a1 = ask(c, DIA_APP_S6A, 318, "mme.agw", 100, 0xabc, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a1);
	CU_ASSERT_EQUAL(s.calls, 1);
	CU_ASSERT_EQUAL(a1->m.hbh, 100);
	CU_ASSERT_EQUAL(a1->m.e2e, 0xabc);
	CU_ASSERT_EQUAL(h_u32(a1, 268, 0), 2001);
	/* Session-Id first, as in the request */
	CU_ASSERT_EQUAL(a1->m.avps[a1->m.first].code, 263);
	CU_ASSERT_EQUAL(dia_get_bytes(&a1->m, -1, DA_SESSION_ID, &d, &len), 0);
	CU_ASSERT(len == 9 && !memcmp(d, "relay;1;1", 9));
	/* the same request again with the T flag and a new hbh: same answer, no call */
	a2 = ask(c, DIA_APP_S6A, 318, "mme.agw", 200, 0xabc, true);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a2);
	CU_ASSERT_EQUAL(s.calls, 1);
	CU_ASSERT_EQUAL(a2->m.hbh, 200);
	CU_ASSERT_EQUAL(a2->len, a1->len);
	CU_ASSERT(!memcmp(a2->raw + 16, a1->raw + 16, a1->len - 16));
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_DUPLICATES_RX), 1);
	h_msg_free(a2);
	/* another origin with the same e2e is a different request */
	a2 = ask(c, DIA_APP_S6A, 318, "mme2.agw", 300, 0xabc, true);
	CU_ASSERT_EQUAL(s.calls, 2);
	h_msg_free(a2);
	/* after the detection window it is processed again */
	diam_test_advance(n, 3001);
	h_drain(c);
	a2 = ask(c, DIA_APP_S6A, 318, "mme.agw", 400, 0xabc, true);
	CU_ASSERT_EQUAL(s.calls, 3);
	h_msg_free(a2);
	h_msg_free(a1);
	diam_node_free(n);
}

static void test_server_errors(void)
{
	struct srv s = { .mode = 1 };
	struct diam_node *n = server(&s, false);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	struct h_msg *a;
	uint8_t buf[512];
	struct dia_builder b;
	int len, fa;

	h_drain(c);
	/* unknown application: 3007 with the E bit */
	a = ask(c, DIA_APP_GX, 272, "mme.agw", 1, 1, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 3007);
	CU_ASSERT(a->m.flags & DIA_F_ERROR);
	CU_ASSERT_EQUAL(a->m.code, 272);
	h_msg_free(a);
	/* the handler does not know the command: 3001 */
	a = ask(c, DIA_APP_S6A, 323, "mme.agw", 2, 2, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 3001);
	CU_ASSERT(a->m.flags & DIA_F_ERROR);
	h_msg_free(a);
	/* an unknown base command: 3001 */
	a = ask(c, 0, 999, "mme.agw", 3, 3, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 3001);
	h_msg_free(a);
	/* a malformed AVP: 5014 with the AVP in Failed-AVP */
	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 318, DIA_APP_S6A, 4, 4);
	dia_add_str(&b, DA_SESSION_ID, "x;1");
	dia_add_str(&b, DA_ORIGIN_HOST, "mme.agw");
	dia_build_avp(&b, 1032, DIA_AVP_F_VENDOR | DIA_AVP_F_MANDATORY, VENDOR_3GPP, "\x00\x00", 2);
	len = dia_build_finish(&b);
	diam_test_input(c, buf, (size_t)len);
	a = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 5014);
	fa = dia_get(&a->m, -1, DA_FAILED_AVP);
	CU_ASSERT(fa >= 0 && dia_find(&a->m, fa, 1032, VENDOR_3GPP) >= 0);
	CU_ASSERT_EQUAL(a->m.avps[a->m.first].code, 263);
	h_msg_free(a);
	/* and the link stays up through all of it */
	CU_ASSERT(!diam_test_closed(c));
	CU_ASSERT_STRING_EQUAL(h_state(n, "relay.fgw"), "R-Open");
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_UNSUPPORTED_RX), 3);
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_MALFORMED_RX), 1);
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_PROTOCOL_ERRORS_TX), 3);
	diam_node_free(n);
}

static void test_server_origin_check(void)
{
	struct srv s = { 0 };
	struct diam_node *n = server(&s, true);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	struct h_msg *a;

	h_drain(c);
	a = ask(c, DIA_APP_S6A, 317, "rogue.net", 1, 1, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 5003);
	CU_ASSERT_EQUAL(s.calls, 0);
	h_msg_free(a);
	a = ask(c, DIA_APP_S6A, 317, "relay.fgw", 2, 2, false);
	CU_ASSERT_EQUAL(h_u32(a, 268, 0), 2001);
	CU_ASSERT_EQUAL(s.calls, 1);
	h_msg_free(a);
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_ORIGIN_REJECTED), 1);
	diam_node_free(n);
}

/* Held request answered late; a T-flagged duplicate on another connection meanwhile */
static void test_server_held_and_dup_elsewhere(void)
{
	struct srv s = { .mode = 2 };
	struct diam_node *n = server(&s, false);
	struct diam_test_conn *c1 = h_accept(n, "relay1.fgw", 1), *c2;
	uint8_t buf[512];
	struct dia_builder b;
	struct h_msg *a;
	int len;

	h_drain(c1);
	CU_ASSERT_PTR_NULL(ask(c1, DIA_APP_S6A, 318, "mme.agw", 10, 77, false));
	CU_ASSERT_PTR_NOT_NULL_FATAL(s.held);
	c2 = h_accept(n, "relay2.fgw", 1);
	h_drain(c2);
	CU_ASSERT_PTR_NULL(ask(c2, DIA_APP_S6A, 318, "mme.agw", 20, 77, true));
	CU_ASSERT_EQUAL(s.calls, 1);
	/* the late answer goes to the connection of the latest copy, with its hbh */
	diam_answer_init(n, s.held->msg, s.held->raw, &b, buf, sizeof(buf), 2001);
	len = dia_build_finish(&b);
	CU_ASSERT_EQUAL(diam_inreq_answer(s.held, buf, (size_t)len), 0);
	CU_ASSERT_PTR_NULL(h_out(c1));
	a = h_out(c2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(a->m.hbh, 20);
	CU_ASSERT_EQUAL(a->m.e2e, 77);
	h_msg_free(a);
	/* drop: never answered, counted */
	s.mode = 3;
	CU_ASSERT_PTR_NULL(ask(c1, DIA_APP_S6A, 318, "mme.agw", 11, 78, false));
	CU_ASSERT_EQUAL(h_count(n, "relay1.fgw", DIAM_C_UNANSWERED), 1);
	diam_node_free(n);
}

/* Client and server nodes wired together: a whole exchange through both */
static void test_server_dwr_state_id(void)
{
	struct srv s = { 0 };
	struct diam_node *n = server(&s, false);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	struct diam_peer_info info;

	h_drain(c);
	h_send_dwr(c, "relay.fgw", 2);	/* Origin-State-Id changed */
	CU_ASSERT_EQUAL(h_expect(c, 280, false), 0);
	diam_node_peers(n, &info, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(info.last_error, "restarted"));
	CU_ASSERT_EQUAL(info.peer_state_id, 2);
	diam_node_free(n);
}

UNIT_SUITE(diam_req,
	   UNIT_TEST(test_route_and_answer),
	   UNIT_TEST(test_send_rejects_bad),
	   UNIT_TEST(test_timeout_and_retry),
	   UNIT_TEST(test_failover_on_disconnect),
	   UNIT_TEST(test_failover_on_suspect),
	   UNIT_TEST(test_waits_for_peer),
	   UNIT_TEST(test_cancel),
	   UNIT_TEST(test_server_answers_and_duplicates),
	   UNIT_TEST(test_server_errors),
	   UNIT_TEST(test_server_origin_check),
	   UNIT_TEST(test_server_held_and_dup_elsewhere),
	   UNIT_TEST(test_server_dwr_state_id))
