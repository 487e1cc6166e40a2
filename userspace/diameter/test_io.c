// SPDX-License-Identifier: GPL-2.0
/*
 * The scripted transport for unit tests and fuzzing (a node without an
 * event loop): connects are recorded and completed by the test, bytes
 * arrive through diam_test_input(), and what the node writes is collected
 * per connection and read back message by message.  The local address of
 * every scripted connection is 192.0.2.1 (TEST-NET-1), as a real one would
 * be in Host-IP-Address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diameter/diam_int.h"

struct diam_test_conn {
	struct diam_node *node;
	struct diam_conn *conn;		/* NULL once the node closed it */
	struct diam_test_conn *next;
	uint8_t *out;
	size_t olen, ooff, ocap;
	bool closed, connecting;
};

static struct diam_test_conn *tc_new(struct diam_conn *c)
{
	struct diam_test_conn *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->node = c->node;
	t->conn = c;
	t->next = c->node->test_conns;
	c->node->test_conns = t;
	c->test = t;
	c->lips[0].family = 1;
	memcpy(c->lips[0].addr, (uint8_t[]){ 192, 0, 2, 1 }, 4);
	c->n_lips = 1;
	return t;
}

int test_io_connect(struct diam_conn *c)
{
	struct diam_test_conn *t = tc_new(c);

	if (!t)
		return -1;
	snprintf(c->remote, sizeof(c->remote), "test:%llu", (unsigned long long)c->id);
	t->connecting = true;
	return 0;
}

void test_io_flush(struct diam_conn *c)
{
	struct diam_test_conn *t = c->test;
	size_t n = c->wlen - c->woff;

	if (t->olen + n > t->ocap) {
		size_t cap = t->ocap ? t->ocap : 4096;
		uint8_t *nb;

		while (cap < t->olen + n)
			cap *= 2;
		nb = realloc(t->out, cap);
		if (!nb)
			return;
		t->out = nb;
		t->ocap = cap;
	}
	memcpy(t->out + t->olen, c->wbuf + c->woff, n);
	t->olen += n;
	c->woff = c->wlen = 0;
}

void test_io_close(struct diam_conn *c)
{
	struct diam_test_conn *t = c->test;

	t->closed = true;
	t->connecting = false;
	t->conn = NULL;
	c->test = NULL;
}

void test_io_free_all(struct diam_node *n)
{
	while (n->test_conns) {
		struct diam_test_conn *t = n->test_conns;

		n->test_conns = t->next;
		free(t->out);
		free(t);
	}
}

struct diam_test_conn *diam_test_pending_connect(struct diam_node *n, struct diam_peer *p)
{
	for (struct diam_test_conn *t = n->test_conns; t; t = t->next)
		if (t->connecting && t->conn && t->conn->peer == p)
			return t;
	return NULL;
}

void diam_test_connected(struct diam_test_conn *t, bool ok)
{
	struct diam_node *n = t->node;

	if (!t->conn || !t->connecting)
		return;
	t->connecting = false;
	node_enter(n);
	if (ok)
		conn_ready(t->conn);
	else
		conn_failed(t->conn, "connection refused (scripted)");
	node_leave(n);
}

struct diam_test_conn *diam_test_accept(struct diam_node *n, enum diam_proto proto)
{
	struct diam_conn *c;
	struct diam_test_conn *t;

	node_enter(n);
	c = conn_accepted(n, proto, false);
	t = c ? tc_new(c) : NULL;
	if (c && !t)
		conn_close(c, "out of memory");
	if (t) {
		snprintf(c->remote, sizeof(c->remote), "test:%llu", (unsigned long long)c->id);
		conn_ready(c);
	}
	node_leave(n);
	return t;
}

void diam_test_input(struct diam_test_conn *t, const uint8_t *buf, size_t len)
{
	struct diam_node *n = t->node;

	if (!t->conn)
		return;
	node_enter(n);
	conn_input(t->conn, buf, len);
	node_leave(n);
}

void diam_test_hangup(struct diam_test_conn *t)
{
	struct diam_node *n = t->node;

	if (!t->conn)
		return;
	node_enter(n);
	conn_hangup(t->conn, "closed by the peer (scripted)");
	node_leave(n);
}

uint8_t *diam_test_output(struct diam_test_conn *t, size_t *len)
{
	size_t left = t->olen - t->ooff, mlen;
	uint8_t *m;

	if (left < 4)
		return NULL;
	mlen = (size_t)t->out[t->ooff + 1] << 16 | (size_t)t->out[t->ooff + 2] << 8 |
	       t->out[t->ooff + 3];
	if (mlen < DIA_HDR_LEN || mlen > left)
		return NULL;
	m = malloc(mlen);
	if (!m)
		return NULL;
	memcpy(m, t->out + t->ooff, mlen);
	t->ooff += mlen;
	if (t->ooff == t->olen)
		t->ooff = t->olen = 0;
	*len = mlen;
	return m;
}

bool diam_test_closed(const struct diam_test_conn *t)
{
	return t->closed;
}

void diam_test_conn_free(struct diam_test_conn *t)
{
	struct diam_test_conn **pp;

	if (!t || !t->closed)
		return;
	for (pp = &t->node->test_conns; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	free(t->out);
	free(t);
}
