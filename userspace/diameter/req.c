// SPDX-License-Identifier: GPL-2.0
/*
 * Requests we send: routing to a peer, the Hop-by-Hop table that matches
 * answers, per-request timeouts, failover and retransmission.
 *
 * Each send of a request takes a new Hop-by-Hop id, registered with the
 * peer it went to; the End-to-End id stays the same for the request's
 * whole life (RFC 6733 3, 5.5.4).  An answer is accepted only from the
 * peer its Hop-by-Hop id was sent to, with the request's End-to-End id;
 * the first one completes the request, later ones (the original peer
 * answering after all) are counted as unknown answers.  Ids stay
 * registered after a failover so that a late answer from the first peer
 * still completes the request.
 *
 * Routing: among the peers that are open with the watchdog OKAY and
 * support the application (or Relay), the one whose identity is the
 * request's preferred destination, else the one that destination's own
 * requests came through (route.c), else the lowest priority value, then
 * the fewest requests in flight.  With none available the request waits
 * (node->waiting) until one is, or until its timeout.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diameter/diam_int.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"

struct hbh_slot {
	uint32_t hbh;
	bool used;
	uint64_t peer_id;
	struct diam_req *req;
};

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ------------------------------------------------------- hbh table --- */

static size_t slot_of(const struct diam_node *n, uint32_t hbh)
{
	return (size_t)((hbh * 2654435761u) & (n->hbh_cap - 1));
}

static int hbh_grow(struct diam_node *n)
{
	size_t cap = n->hbh_cap ? n->hbh_cap * 2 : 256;
	struct hbh_slot *old = n->hbh, *t = calloc(cap, sizeof(*t));
	size_t ocap = n->hbh_cap;

	if (!t)
		return -1;
	n->hbh = t;
	n->hbh_cap = cap;
	for (size_t i = 0; i < ocap; i++) {
		size_t j;

		if (!old[i].used)
			continue;
		for (j = slot_of(n, old[i].hbh); t[j].used; j = (j + 1) & (cap - 1))
			;
		t[j] = old[i];
	}
	free(old);
	return 0;
}

static int hbh_put(struct diam_node *n, uint32_t hbh, uint64_t peer_id, struct diam_req *r)
{
	size_t j;

	if ((n->hbh_used + 1) * 2 > n->hbh_cap && hbh_grow(n))
		return -1;
	for (j = slot_of(n, hbh); n->hbh[j].used; j = (j + 1) & (n->hbh_cap - 1))
		;
	n->hbh[j] = (struct hbh_slot){ hbh, true, peer_id, r };
	n->hbh_used++;
	return 0;
}

static struct hbh_slot *hbh_find(struct diam_node *n, uint32_t hbh)
{
	if (!n->hbh_cap)
		return NULL;
	for (size_t j = slot_of(n, hbh); n->hbh[j].used; j = (j + 1) & (n->hbh_cap - 1))
		if (n->hbh[j].hbh == hbh)
			return &n->hbh[j];
	return NULL;
}

/* Linear probing deletion with backward shift: no tombstones */
static void hbh_del(struct diam_node *n, struct hbh_slot *s)
{
	size_t i = (size_t)(s - n->hbh), mask = n->hbh_cap - 1, j = i;

	n->hbh[i].used = false;
	n->hbh_used--;
	for (;;) {
		size_t home;

		j = (j + 1) & mask;
		if (!n->hbh[j].used)
			return;
		home = slot_of(n, n->hbh[j].hbh);
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			n->hbh[i] = n->hbh[j];
			n->hbh[j].used = false;
			i = j;
		}
	}
}

static void unregister(struct diam_req *r)
{
	for (int k = 0; k < r->n_sent; k++) {
		struct hbh_slot *s = hbh_find(r->node, r->hbh[k]);

		if (s && s->req == r)
			hbh_del(r->node, s);
	}
}

/* ----------------------------------------------------------- lists --- */

static void unlink_req(struct diam_req *r)
{
	struct diam_req **head = r->peer ? &r->peer->pending : &r->node->waiting;

	if (!r->linked)
		return;
	r->linked = false;
	if (r->prev)
		r->prev->next = r->next;
	else if (*head == r)
		*head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	if (r->peer)
		r->peer->n_pending--;
	else
		r->node->n_waiting--;
	r->prev = r->next = NULL;
	r->peer = NULL;
}

static void link_req(struct diam_req *r, struct diam_peer *p)
{
	struct diam_req **head = p ? &p->pending : &r->node->waiting;

	r->linked = true;
	r->peer = p;
	r->prev = NULL;
	r->next = *head;
	if (*head)
		(*head)->prev = r;
	*head = r;
	if (p)
		p->n_pending++;
	else
		r->node->n_waiting++;
}

static void req_release(void *arg)
{
	struct diam_req *r = arg;

	free(r->msg);
	free(r);
}

static void req_end(struct diam_req *r)
{
	timer_stop(&r->timer);
	unregister(r);
	unlink_req(r);
	r->cb = NULL;
	node_defer_free(r->node, req_release, r);
}

/* --------------------------------------------------------- routing --- */

static struct diam_peer *pick(struct diam_node *n, const struct diam_req *r,
			      const struct diam_peer *avoid)
{
	struct diam_peer *via = r->dest_host[0] ? route_find(n, r->dest_host) : NULL;
	struct diam_peer *best = NULL;

	for (struct diam_peer *p = n->peers; p; p = p->next) {
		if (p == avoid || !peer_available(p) || !peer_supports(p, r->app))
			continue;
		if (r->dest_host[0] && !strcasecmp(p->remote.host, r->dest_host))
			return p;
		if (!best || p->priority < best->priority ||
		    (p->priority == best->priority && p->n_pending < best->n_pending))
			best = p;
	}
	if (via && via != avoid && peer_available(via) && peer_supports(via, r->app))
		return via;
	return best;
}

static void send_to(struct diam_req *r, struct diam_peer *p)
{
	bool again = r->n_sent > 0;
	uint32_t hbh;

	unlink_req(r);
	if (r->n_sent == DIAM_MAX_SENDS) {
		/* out of ids to remember: forget the oldest send */
		struct hbh_slot *s = hbh_find(r->node, r->hbh[0]);

		if (s && s->req == r)
			hbh_del(r->node, s);
		memmove(r->hbh, r->hbh + 1, sizeof(r->hbh[0]) * (DIAM_MAX_SENDS - 1));
		memmove(r->sent_to, r->sent_to + 1, sizeof(r->sent_to[0]) * (DIAM_MAX_SENDS - 1));
		r->n_sent--;
	}
	hbh = node_next_hbh(r->node);
	put32(r->msg + 12, hbh);
	if (again)
		r->msg[4] |= DIA_F_RETRANSMIT;	/* 5.5.4: T flag, same End-to-End id */
	if (hbh_put(r->node, hbh, p->id, r) == 0) {
		r->hbh[r->n_sent] = hbh;
		r->sent_to[r->n_sent] = p->id;
		r->n_sent++;
	}
	link_req(r, p);
	if (msg_send(p, r->msg, r->len) == 0) {
		peer_count(p, DIAM_C_REQUESTS_TX);
		if (again)
			peer_count(p, DIAM_C_RETRANSMISSIONS);
	}
}

static void timeout_fire(void *arg)
{
	struct diam_req *r = arg;
	struct diam_node *n = r->node;
	struct diam_peer *p = r->peer;
	struct diam_answer a = { .err = -ETIMEDOUT, .req = r };
	diam_answer_cb cb = r->cb;

	node_count(n, p, DIAM_C_TIMEOUTS);
	a.peer = p ? p->name : NULL;
	if (p)
		peer_error(p, "request %u (e2e %08x) timed out after %u ms",
			   get32(r->msg + 4) & 0xffffff, r->e2e, r->timeout_ms);
	r->in_callback = true;
	r->retry_asked = false;
	if (cb)
		cb(r->arg, &a);
	r->in_callback = false;
	if (!r->retry_asked)
		req_end(r);
}

struct diam_req *diam_send(struct diam_node *n, uint32_t app, const uint8_t *msg, size_t len,
			   const struct diam_send_opts *opts, diam_answer_cb cb, void *arg)
{
	const struct diam_app *a = node_app(n, app);
	struct diam_req *r;
	struct diam_peer *p;

	if (!a || len < DIA_HDR_LEN || !(msg[4] & DIA_F_REQUEST) || get32(msg + 8) != app ||
	    (size_t)(get32(msg) & 0xffffff) != len || !cb) {
		errno = EINVAL;
		return NULL;
	}
	if (len > n->max_message) {
		errno = EMSGSIZE;
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (!r || !(r->msg = malloc(len))) {
		free(r);
		errno = ENOMEM;
		return NULL;
	}
	node_enter(n);
	r->node = n;
	r->app = app;
	memcpy(r->msg, msg, len);
	r->msg[4] &= (uint8_t)~DIA_F_RETRANSMIT;
	r->len = len;
	r->e2e = n->next_e2e++;
	put32(r->msg + 16, r->e2e);
	r->cb = cb;
	r->arg = arg;
	r->started = node_now(n);
	r->timeout_ms = opts && opts->timeout_ms ? opts->timeout_ms :
			a->timeout_ms ? a->timeout_ms : n->request_timeout_ms;
	if (opts && opts->dest_host && strlen(opts->dest_host) < sizeof(r->dest_host))
		strcpy(r->dest_host, opts->dest_host);
	timer_init(&r->timer, n, timeout_fire, r);
	timer_start(&r->timer, r->timeout_ms);
	link_req(r, NULL);
	p = pick(n, r, NULL);
	if (p)
		send_to(r, p);
	node_leave(n);
	return r;
}

void diam_req_cancel(struct diam_req *r)
{
	if (!r || r->in_callback)
		return;
	node_enter(r->node);
	req_end(r);
	node_leave(r->node);
}

int diam_req_retry(struct diam_req *r)
{
	struct diam_peer *last, *p;

	if (!r->in_callback)
		return -EINVAL;
	last = r->n_sent ? peer_by_id(r->node, r->sent_to[r->n_sent - 1]) : NULL;
	p = pick(r->node, r, last);
	if (!p && last && peer_available(last) && peer_supports(last, r->app))
		p = last;
	if (!p)
		return -EAGAIN;
	send_to(r, p);
	timer_start(&r->timer, r->timeout_ms);
	r->retry_asked = true;
	return 0;
}

uint32_t diam_req_e2e(const struct diam_req *r)
{
	return r->e2e;
}

/* ---------------------------------------------------------- answers --- */

void req_answer_in(struct diam_peer *p, const struct dia_msg *m, const uint8_t *raw, size_t len)
{
	struct diam_node *n = p->node;
	struct hbh_slot *s = hbh_find(n, get32(raw + 12));
	struct diam_answer a = { 0 };
	struct diam_req *r;
	diam_answer_cb cb;

	if (!s || s->peer_id != p->id || s->req->e2e != get32(raw + 16)) {
		peer_count(p, DIAM_C_UNKNOWN_ANSWERS);
		log_debug("diameter", "peer %s: answer hbh %08x e2e %08x matches no request",
			  p->name, get32(raw + 12), get32(raw + 16));
		return;
	}
	r = s->req;
	peer_count(p, DIAM_C_ANSWERS_RX);
	if (raw[4] & DIA_F_ERROR)
		peer_count(p, DIAM_C_ERROR_ANSWERS_RX);
	a.msg = m;
	a.raw = raw;
	a.len = len;
	a.peer = p->name;
	if (!m) {
		a.err = -EPROTO;
	} else if (dia_get_result(m, -1, &a.result_vendor, &a.result_code) != 0) {
		a.result_vendor = a.result_code = 0;
	}
	cb = r->cb;
	req_end(r);
	if (cb)
		cb(r->arg, &a);
}

/* ---------------------------------------------------------- failover --- */

void req_failover(struct diam_peer *p)
{
	struct diam_node *n = p->node;

	while (p->pending) {
		struct diam_req *r = p->pending;
		struct diam_peer *q;

		unlink_req(r);
		q = n->stopping ? NULL : pick(n, r, p);
		if (q) {
			peer_count(p, DIAM_C_FAILOVERS);
			log_info("diameter", "request e2e %08x: failover from %s to %s", r->e2e,
				 p->name, q->name);
			send_to(r, q);
		} else {
			link_req(r, NULL);
		}
	}
}

void req_kick(struct diam_node *n)
{
	struct diam_req *r = n->waiting;

	while (r) {
		struct diam_req *next = r->next;
		struct diam_peer *q = pick(n, r, NULL);

		if (q)
			send_to(r, q);
		r = next;
	}
}

static void end_list(struct diam_req *head, bool call)
{
	while (head) {
		struct diam_req *r = head;
		struct diam_answer a = { .err = -ECANCELED };
		diam_answer_cb cb = r->cb;

		head = r->next;
		req_end(r);
		if (call && cb)
			cb(r->arg, &a);
	}
}

void req_cancel_all(struct diam_node *n)
{
	for (struct diam_peer *p = n->peers; p; p = p->next)
		end_list(p->pending, true);
	end_list(n->waiting, true);
}

void req_table_free(struct diam_node *n)
{
	for (struct diam_peer *p = n->peers; p; p = p->next)
		end_list(p->pending, false);
	end_list(n->waiting, false);
	free(n->hbh);
	n->hbh = NULL;
	n->hbh_cap = n->hbh_used = 0;
}

unsigned int diam_node_pending_count(const struct diam_node *n)
{
	unsigned int k = n->n_waiting;

	for (const struct diam_peer *p = n->peers; p; p = p->next)
		k += p->n_pending;
	return k;
}
