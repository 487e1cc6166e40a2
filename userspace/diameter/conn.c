// SPDX-License-Identifier: GPL-2.0
/*
 * A transport connection: message framing on the byte stream (RFC 6733 3:
 * the 24-bit length of the header delimits each message), the bounded
 * output queue, the connect/handshake/first-CER timer, and the hand-over
 * to the peer machine when it goes away.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diameter/diam_int.h"
#include "lib/log.h"

static void conn_release(void *arg)
{
	struct diam_conn *c = arg;

	free(c->rbuf);
	free(c->wbuf);
	free(c->caps);
	free(c);
}

static void conn_timeout(void *arg)
{
	struct diam_conn *c = arg;

	if (c->st == CS_UP && !c->peer) {
		log_info("diameter", "connection from %s: no CER within %u ms", c->remote,
			 c->node->cea_timeout_ms);
		conn_close(c, "no CER");
		return;
	}
	if (c->st != CS_UP)
		conn_failed(c, c->st == CS_CONNECTING ? "connect timed out" :
			    "TLS handshake timed out");
}

struct diam_conn *conn_new(struct diam_node *n, enum diam_proto proto, bool tls, bool initiator)
{
	struct diam_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->node = n;
	c->id = n->next_id++;
	c->proto = proto;
	c->tls = tls;
	c->initiator = initiator;
	c->fd = -1;
	c->st = CS_CONNECTING;
	timer_init(&c->timer, n, conn_timeout, c);
	timer_start(&c->timer, n->cea_timeout_ms);
	c->next = n->conns;
	n->conns = c;
	return c;
}

/*
 * Connections nobody has identified yet (no CER) cost a buffer and a file
 * descriptor each and prove nothing: at most max_unidentified of them.
 */
struct diam_conn *conn_accepted(struct diam_node *n, enum diam_proto proto, bool tls)
{
	unsigned int k = 0;

	for (struct diam_conn *c = n->conns; c; c = c->next)
		k += !c->peer && !c->initiator;
	if (k >= n->max_unidentified) {
		node_count(n, NULL, DIAM_C_CONNECTIONS_REFUSED);
		log_notice("diameter", "%u connections wait for their CER: new one refused", k);
		return NULL;
	}
	return conn_new(n, proto, tls, false);
}

static void unlink_conn(struct diam_conn *c)
{
	struct diam_conn **pp;

	for (pp = &c->node->conns; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			return;
		}
}

/* Stop all I/O and free later; the peer machine is not told (callers do). */
static void conn_kill(struct diam_conn *c)
{
	if (c->st == CS_DEAD)
		return;
	c->st = CS_DEAD;
	timer_stop(&c->timer);
	io_close(c);
	unlink_conn(c);
	node_defer_free(c->node, conn_release, c);
}

void conn_close(struct diam_conn *c, const char *why)
{
	struct diam_peer *p = c->peer;

	if (c->st == CS_DEAD)
		return;
	log_debug("diameter", "connection %s closed: %s", c->remote, why);
	conn_kill(c);
	if (p)
		psm_conn_lost(p, c, why);
}

void conn_ready(struct diam_conn *c)
{
	struct diam_peer *p = c->peer;

	c->st = CS_UP;
	io_local_addrs(c);
	if (c->initiator) {
		timer_stop(&c->timer);
		if (p)
			psm_dispatch(p, PE_I_RCV_CONN_ACK, c, NULL);
		else
			conn_close(c, "peer gone");
	} else {
		/* the responder waits for the CER */
		timer_start(&c->timer, c->node->cea_timeout_ms);
	}
}

void conn_failed(struct diam_conn *c, const char *why)
{
	struct diam_peer *p = c->peer;

	if (c->st == CS_DEAD)
		return;
	if (c->tls && c->st == CS_HANDSHAKE)
		node_count(c->node, p, DIAM_C_TLS_FAILURES);
	conn_kill(c);
	if (p && c->initiator) {
		node_count(c->node, p, DIAM_C_CONNECT_FAILURES);
		peer_error(p, "connect to %s: %s", c->remote, why);
		if (p->iconn == c)
			psm_dispatch(p, PE_I_RCV_CONN_NACK, c, NULL);
	} else if (p) {
		psm_conn_lost(p, c, why);
	}
}

void conn_hangup(struct diam_conn *c, const char *why)
{
	conn_close(c, why);
}

int conn_send(struct diam_conn *c, const uint8_t *msg, size_t len)
{
	size_t queued;

	if (c->st == CS_DEAD || !len)
		return -1;
	queued = c->wlen - c->woff;
	if (queued + len > c->node->max_queued) {
		node_count(c->node, c->peer, DIAM_C_TX_DROPS);
		return -1;
	}
	if (c->woff && c->woff == c->wlen)
		c->woff = c->wlen = 0;
	if (c->wlen + len > c->wcap) {
		size_t cap;
		uint8_t *nb;

		/* compact first, grow if still short */
		if (c->woff) {
			memmove(c->wbuf, c->wbuf + c->woff, queued);
			c->wlen = queued;
			c->woff = 0;
		}
		cap = c->wcap ? c->wcap : 4096;
		while (cap < c->wlen + len)
			cap *= 2;
		if (cap != c->wcap) {
			nb = realloc(c->wbuf, cap);
			if (!nb) {
				node_count(c->node, c->peer, DIAM_C_TX_DROPS);
				return -1;
			}
			c->wbuf = nb;
			c->wcap = cap;
		}
	}
	memcpy(c->wbuf + c->wlen, msg, len);
	c->wlen += len;
	if (c->st == CS_UP)
		io_flush(c);
	return 0;
}

static uint32_t be24(const uint8_t *p)
{
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* Room for cap octets in the receive buffer; -1 (connection closed) when out of memory */
static int rbuf_reserve(struct diam_conn *c, size_t cap)
{
	uint8_t *nb;

	if (c->rcap >= cap)
		return 0;
	nb = realloc(c->rbuf, cap);
	if (!nb) {
		conn_close(c, "out of memory");
		return -1;
	}
	c->rbuf = nb;
	c->rcap = cap;
	return 0;
}

/*
 * Whole messages go to msg_received() straight from the caller's buffer
 * when possible; a partial one is kept.  A length that cannot be right
 * (under 20, not a multiple of 4, over max_message, or over 64 KiB before
 * the peer is identified: a CER is small) breaks the framing of the
 * stream: there is no way to find the next message, so the connection is
 * closed (counted as a framing error).
 */
#define UNIDENTIFIED_MAX_MESSAGE	65536
void conn_input(struct diam_conn *c, const uint8_t *buf, size_t len)
{
	struct diam_node *n = c->node;

	while (len && c->st != CS_DEAD) {
		const uint8_t *p;
		size_t have, take;
		uint32_t mlen;

		if (!c->rlen && len >= 4) {
			p = buf;
			have = len;
		} else {
			/* gather the 4 octets that hold the length */
			take = c->rlen < 4 ? 4 - c->rlen : 0;
			if (take > len)
				take = len;
			if (take) {
				if (rbuf_reserve(c, 4096))
					return;
				memcpy(c->rbuf + c->rlen, buf, take);
				c->rlen += take;
				buf += take;
				len -= take;
			}
			if (c->rlen < 4)
				return;
			p = c->rbuf;
			have = c->rlen;
		}
		mlen = be24(p + 1);
		if (mlen < DIA_HDR_LEN || mlen % 4 || mlen > n->max_message ||
		    (!c->peer && mlen > UNIDENTIFIED_MAX_MESSAGE)) {
			node_count(n, c->peer, DIAM_C_FRAMING_ERRORS);
			if (c->peer)
				peer_error(c->peer, "message length %u from %s breaks framing",
					   mlen, c->remote);
			conn_close(c, "framing error");
			return;
		}
		if (p == buf && len >= mlen) {
			msg_received(c, buf, mlen);
			buf += mlen;
			len -= mlen;
			continue;
		}
		if (rbuf_reserve(c, mlen))
			return;
		if (p == buf) {
			/* keep the partial message */
			memcpy(c->rbuf, buf, len);
			c->rlen = len;
			return;
		}
		take = mlen - have < len ? mlen - have : len;
		memcpy(c->rbuf + c->rlen, buf, take);
		c->rlen += take;
		buf += take;
		len -= take;
		if (c->rlen == mlen) {
			c->rlen = 0;
			msg_received(c, c->rbuf, mlen);
		}
	}
}
