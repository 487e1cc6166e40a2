/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the Diameter peer tests (test_diam_*.c): a node on the
 * manual clock with the scripted transport, and the remote end's side of
 * the conversation (its CER/CEA/DWA/answers built with the proto builder,
 * the node's output decoded and checked).
 */
#ifndef AGW_TESTS_DIAM_HARNESS_H
#define AGW_TESTS_DIAM_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diameter/diam.h"
#include "proto/diameter.h"

#define H_TW		6000	/* Tw of the test nodes */
#define H_JITTER	1000
#define H_TC		8000
#define H_TC_MIN	1000

/* A node "name" (realm "test") with S6a (vendor-specific), Gy (auth) apps */
struct diam_node *h_node(const char *host, bool accept_unknown);
struct diam_peer *h_peer(struct diam_node *n, const char *host, int priority, bool passive);

/* One message the node sent on c, decoded (h_msg_free after); NULL if none */
struct h_msg {
	uint8_t *raw;
	size_t len;
	struct dia_msg m;
};
struct h_msg *h_out(struct diam_test_conn *c);
void h_msg_free(struct h_msg *m);
/* The next message must be command code with the R bit as given; freed. 0 ok */
int h_expect(struct diam_test_conn *c, uint32_t code, bool request);
/* Every message still queued on c is dropped; returns how many */
int h_drain(struct diam_test_conn *c);

/* Messages of the remote end, sent into c */
void h_send_cer(struct diam_test_conn *c, const char *host, uint32_t state_id);
void h_send_cea(struct diam_test_conn *c, const struct h_msg *cer, const char *host,
		uint32_t result_code);
void h_send_dwa(struct diam_test_conn *c, const struct h_msg *dwr, const char *host);
void h_send_dwr(struct diam_test_conn *c, const char *host, uint32_t state_id);
void h_send_dpr(struct diam_test_conn *c, const char *host, uint32_t cause);
void h_send_dpa(struct diam_test_conn *c, const struct h_msg *dpr, const char *host);
/* An answer to req with Result-Code rc (S6a AIA shape) */
void h_send_answer(struct diam_test_conn *c, const struct h_msg *req, const char *host,
		   uint32_t rc);
/* A request (app, code) with Session-Id sid, flags R (+ T if retransmit) */
size_t h_build_request(uint8_t *buf, size_t cap, uint32_t app, uint32_t code, const char *host,
		       const char *sid, uint32_t hbh, uint32_t e2e, bool retransmit);

/* Bring an initiator peer to I-Open: connect, CER, CEA; returns the connection */
struct diam_test_conn *h_open(struct diam_node *n, struct diam_peer *p, const char *remote);
/* Accept a responder connection and run the remote CER through; returns it */
struct diam_test_conn *h_accept(struct diam_node *n, const char *remote, uint32_t state_id);

/* Snapshot of a peer by name: its states and counters */
const char *h_state(struct diam_node *n, const char *peer);
const char *h_wd(struct diam_node *n, const char *peer);
uint64_t h_count(struct diam_node *n, const char *peer, enum diam_counter c);

/* A recorded answer callback */
struct h_ans {
	int calls;
	int err;
	uint32_t result_code, result_vendor;
	char peer[128];
	bool retry;		/* call diam_req_retry() on -ETIMEDOUT */
	int retry_rc;
};
void h_answer_cb(void *arg, const struct diam_answer *a);
/* A request of app with Session-Id sid built for diam_send() */
struct diam_req *h_request(struct diam_node *n, uint32_t app, const char *sid,
			   struct h_ans *ans);

uint32_t h_u32(const struct h_msg *m, uint32_t code, uint32_t vendor);
uint32_t h_be32(const uint8_t *p);

#endif
