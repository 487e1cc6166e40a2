// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl batches: many BEARER_ADD / BEARER_DEL requests in one buffer, one
 * sendmsg.
 *
 * Packing: consecutive entries of the same command and device share one
 * netlink message of up to GTPU_BEARERS_PER_MSG_MAX GTPU_A_BEARER nests
 * (kernels whose family version is below 2 take one nest per message:
 * then every message holds one entry).  Message i of a round carries
 * sequence number first_seq + i; only the last one asks for an ACK, the
 * kernel reports every failed message anyway (NLMSG_ERROR with extack).
 * The kernel handles the whole buffer inside sendmsg(), so when it returns
 * every report is already queued on our socket: we read without blocking
 * until the last message's report; a missing one means reports were
 * dropped (receive buffer overrun: -ENOBUFS).
 *
 * A multi-bearer message is all or nothing in the kernel.  Its error names
 * the failing nest (NLMSGERR_ATTR_OFFS inside it): that entry is reported
 * through the callback and the message is sent again without it (a retry
 * round), so callers see the same per-entry outcome as with one entry per
 * message.  An error that names no nest fails every entry of its message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl_int.h"

#define GTPNL_BATCH_DEFAULT	(256 * 1024)

/* One queued bearer: where its nest is in the buffer it was last sent in */
struct bent {
	uint32_t msg;		/* message index (in batch->msgs) */
	uint32_t off;		/* nest offset from its message's nlmsghdr */
	uint32_t len;		/* nest length, aligned */
	int state;		/* 0 pending, 1 done, -1 failed */
};

/* One message of the initial buffer */
struct bmsg {
	size_t off;		/* nlmsghdr offset in buf */
	uint32_t first;		/* first entry */
	uint32_t n;		/* entries */
	uint32_t prefix;	/* bytes before the first nest */
	int err;		/* outcome in the current round */
	bool sent;		/* part of the current round */
	bool has_off;
	uint32_t bad_off;	/* NLMSGERR_ATTR_OFFS */
	char errmsg[GTPNL_ERRMSG_MAX];
};

struct gtpnl_batch {
	struct gtpnl *h;
	char *buf;
	char *rbuf;		/* retry rounds are built here */
	size_t size;
	size_t used;
	unsigned int count;
	unsigned int pack;	/* nests per message */
	struct bent *ents;
	size_t ents_cap;
	struct bmsg *msgs;
	unsigned int nmsgs;
	size_t msgs_cap;
	uint32_t first_seq;
};

struct gtpnl_batch *gtpnl_batch_new(struct gtpnl *h, size_t bufsize)
{
	struct gtpnl_batch *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->h = h;
	b->size = bufsize ? bufsize : GTPNL_BATCH_DEFAULT;
	/* zeroed, and kept zeroed past b->used (batch_reset): appended
	 * nests never carry stale padding */
	b->buf = calloc(1, b->size);
	if (!b->buf) {
		gtpnl_batch_free(b);
		return NULL;
	}
	return b;
}

void gtpnl_batch_free(struct gtpnl_batch *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b->rbuf);
	free(b->ents);
	free(b->msgs);
	free(b);
}

unsigned int gtpnl_batch_count(const struct gtpnl_batch *b)
{
	return b->count;
}

static int grow(void **v, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 256;
	void *p;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	p = realloc(*v, n * elem);
	if (!p)
		return -ENOMEM;
	*v = p;
	*cap = n;
	return 0;
}

/* Can an entry for (cmd, ifindex) join the last message? */
static bool joins_last(const struct gtpnl_batch *b, uint8_t cmd,
		       uint32_t ifindex)
{
	const struct bmsg *m;
	const struct nlmsghdr *nlh;
	const struct genlmsghdr *g;

	if (!b->nmsgs)
		return false;
	m = &b->msgs[b->nmsgs - 1];
	nlh = (const struct nlmsghdr *)(b->buf + m->off);
	g = mnl_nlmsg_get_payload(nlh);
	return m->n < b->pack && g->cmd == cmd &&
	       *(const uint32_t *)((const char *)nlh + GTPNL_IFINDEX_OFF) ==
	       ifindex;
}

static int queue(struct gtpnl_batch *b, uint8_t cmd, const struct gtpnl_bearer *br)
{
	struct nlmsghdr *nlh;
	struct bmsg *m;
	struct bent *e;
	size_t before;
	int err;

	if (!b->count) {
		err = gtpnl_need_family(b->h);
		if (err)
			return err;
		/* numbered when flushed: the handle's seq is not touched
		 * here, so a batch may be filled while another one is
		 * being flushed (gtpuctl -batch does) */
		b->first_seq = 0;
		b->pack = b->h->family_version >= 2 ? GTPU_BEARERS_PER_MSG_MAX : 1;
	}
	if (grow((void **)&b->ents, &b->ents_cap, b->count + 1, sizeof(*b->ents)) ||
	    grow((void **)&b->msgs, &b->msgs_cap, b->nmsgs + 1, sizeof(*b->msgs)))
		return -ENOMEM;
	if (joins_last(b, cmd, br->ifindex)) {
		m = &b->msgs[b->nmsgs - 1];
		nlh = (struct nlmsghdr *)(b->buf + m->off);
		before = nlh->nlmsg_len;
		if (!gtpnl_msg_bearer_append(nlh, b->size - m->off, br))
			goto full;
	} else {
		nlh = gtpnl_msg_bearer(b->buf + b->used, b->size - b->used,
				       b->h->family, cmd, 0,
				       b->first_seq + b->nmsgs, br);
		if (!nlh)
			goto full;
		m = &b->msgs[b->nmsgs++];
		memset(m, 0, sizeof(*m));
		m->off = b->used;
		m->first = b->count;
		m->prefix = GTPNL_IFINDEX_OFF + 4;
		before = m->prefix;
		b->used += MNL_ALIGN(before);
	}
	e = &b->ents[b->count++];
	e->msg = b->nmsgs - 1;
	e->off = (uint32_t)before;
	e->len = MNL_ALIGN(nlh->nlmsg_len) - (uint32_t)before;
	e->state = 0;
	m->n++;
	b->used += e->len;
	return 0;
full:
	return b->count ? -ENOSPC : -EMSGSIZE;
}

int gtpnl_batch_add_bearer(struct gtpnl_batch *b, const struct gtpnl_bearer *br)
{
	return queue(b, GTPU_CMD_BEARER_ADD, br);
}

int gtpnl_batch_del_bearer(struct gtpnl_batch *b, uint32_t ifindex,
			   uint32_t teid_in)
{
	struct gtpnl_bearer br = { .ifindex = ifindex, .teid_in = teid_in };

	return queue(b, GTPU_CMD_BEARER_DEL, &br);
}

/* ---------------------------------------------------------- flushing --- */

struct round {
	uint32_t *msg_of_seq;	/* round message j -> batch message */
	unsigned int n;
	uint32_t first_seq;
	bool done;		/* the last message's report arrived */
	size_t used;		/* next round: bytes in rbuf */
	size_t last_off;	/* next round: its last message in rbuf */
};

static int round_datagram(struct gtpnl_batch *b, struct round *r, int len)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)b->h->buf;
	struct bmsg *m;
	int err;

	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		uint32_t j = nlh->nlmsg_seq - r->first_seq;

		if (nlh->nlmsg_type != NLMSG_ERROR || j >= r->n)
			continue;	/* stale, or an event */
		m = &b->msgs[r->msg_of_seq[j]];
		if (gtpnl_parse_error(nlh, &err, m->errmsg, sizeof(m->errmsg)))
			return gtpnl_fail(b->h, -EBADMSG, "truncated netlink error message");
		m->err = err;
		m->has_off = err && !gtpnl_parse_error_offset(nlh, &m->bad_off);
		if (err && !m->errmsg[0])
			snprintf(m->errmsg, sizeof(m->errmsg), "%s", strerror(-err));
		if (j == r->n - 1)
			r->done = true;
	}
	return len ? gtpnl_fail(b->h, -EBADMSG, "truncated netlink message") : 0;
}

/* Sends [buf, buf + used) and collects the reports; -ENOBUFS if lost. */
static int round_talk(struct gtpnl_batch *b, const char *buf, size_t used,
		      struct round *r)
{
	struct gtpnl *h = b->h;
	int fd = mnl_socket_get_fd(h->genl), err = 0;
	bool lost = false;

	if (mnl_socket_sendto(h->genl, buf, used) < 0)
		return gtpnl_fail(h, -errno, "netlink send of %u messages: %s",
				  r->n, strerror(errno));
	while (!r->done && !err) {
		ssize_t n = recv(fd, h->buf, h->buflen, MSG_DONTWAIT | MSG_TRUNC);

		if (n < 0 && errno == ENOBUFS) {
			lost = true;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0)
			err = gtpnl_fail(h, -errno, "netlink receive: %s", strerror(errno));
		else if ((size_t)n > h->buflen)
			err = gtpnl_fail(h, -ENOSPC, "netlink reply truncated");
		else
			err = round_datagram(b, r, (int)n);
	}
	if (!err && (lost || !r->done))
		err = gtpnl_fail(h, -ENOBUFS, "some error reports were lost");
	return err;
}

/* The pending entry of message @mi whose nest holds offset @off, or -1 */
static int bad_entry(const struct gtpnl_batch *b, unsigned int mi, uint32_t off)
{
	const struct bmsg *m = &b->msgs[mi];

	for (uint32_t i = m->first; i < m->first + m->n; i++) {
		const struct bent *e = &b->ents[i];

		if (!e->state && off >= e->off && off < e->off + e->len)
			return (int)i;
	}
	return -1;
}

/*
 * Outcome of message @mi in the last round: its entries are done, or the
 * bad one (every one, if none is named) failed.  Returns true if the rest
 * must be sent again.
 */
static bool settle(struct gtpnl_batch *b, unsigned int mi, gtpnl_batch_cb cb,
		   void *data, int *failed)
{
	struct bmsg *m = &b->msgs[mi];
	int bad = m->err && m->has_off ? bad_entry(b, mi, m->bad_off) : -1;
	bool again = false;

	for (uint32_t i = m->first; i < m->first + m->n; i++) {
		struct bent *e = &b->ents[i];

		if (e->state)
			continue;
		if (!m->err) {
			e->state = 1;
		} else if (bad < 0 || (int)i == bad) {
			e->state = -1;
			(*failed)++;
			if (cb)
				cb(i, m->err, m->errmsg, data);
		} else {
			again = true;
		}
	}
	return again;
}

/* Compacts message @mi to its pending entries and appends a copy to rbuf */
static void rebuild(struct gtpnl_batch *b, unsigned int mi, size_t *used,
		    uint32_t seq)
{
	struct bmsg *m = &b->msgs[mi];
	char *base = b->buf + m->off;
	struct nlmsghdr *nlh = (struct nlmsghdr *)base;
	uint32_t len = m->prefix;

	for (uint32_t i = m->first; i < m->first + m->n; i++) {
		struct bent *e = &b->ents[i];

		if (e->state)
			continue;
		memmove(base + len, base + e->off, e->len);
		e->off = len;
		len += e->len;
	}
	nlh->nlmsg_len = len;		/* nests are aligned: so is len */
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_flags &= ~NLM_F_ACK;
	memcpy(b->rbuf + *used, base, len);
	*used += len;
}

static void batch_reset(struct gtpnl_batch *b)
{
	memset(b->buf, 0, b->used);
	b->used = 0;
	b->count = 0;
	b->nmsgs = 0;
}

/* Sends the round, settles its messages, prepares the next round in rbuf.
 * Returns the number of messages to send again, or -errno. */
static int round_run(struct gtpnl_batch *b, struct round *r, const char *buf,
		     size_t used, size_t last_off, gtpnl_batch_cb cb,
		     void *data, int *failed)
{
	struct gtpnl *h = b->h;
	unsigned int nr = 0;
	size_t rused = 0;
	int err;

	/* only failures (and the last message) are answered: no answer is
	 * success, so forget the previous round's outcome */
	for (unsigned int j = 0; j < r->n; j++) {
		b->msgs[r->msg_of_seq[j]].err = 0;
		b->msgs[r->msg_of_seq[j]].has_off = false;
	}
	((struct nlmsghdr *)(buf + last_off))->nlmsg_flags |= NLM_F_ACK;
	h->seq = r->first_seq + r->n - 1;
	r->done = false;
	err = round_talk(b, buf, used, r);
	if (err)
		return err;
	for (unsigned int j = 0; j < r->n; j++) {
		unsigned int mi = r->msg_of_seq[j];

		if (!settle(b, mi, cb, data, failed))
			continue;
		r->last_off = rused;
		r->msg_of_seq[nr] = mi;
		rebuild(b, mi, &rused, h->seq + 1 + nr);
		nr++;
	}
	r->first_seq = h->seq + 1;
	r->n = nr;
	r->used = rused;
	return (int)nr;
}

int gtpnl_batch_flush(struct gtpnl_batch *b, gtpnl_batch_cb cb, void *data)
{
	struct gtpnl *h = b->h;
	struct round r = { 0 };
	int failed = 0, n;

	if (!b->count)
		return 0;
	h->errmsg[0] = '\0';
	r.msg_of_seq = malloc(b->nmsgs * sizeof(*r.msg_of_seq));
	if (!r.msg_of_seq || (!b->rbuf && !(b->rbuf = malloc(b->size)))) {
		free(r.msg_of_seq);
		batch_reset(b);
		return gtpnl_fail(h, -ENOMEM, "out of memory");
	}
	b->first_seq = h->seq + 1;
	for (unsigned int i = 0; i < b->nmsgs; i++) {
		r.msg_of_seq[i] = i;
		((struct nlmsghdr *)(b->buf + b->msgs[i].off))->nlmsg_seq =
			b->first_seq + i;
	}
	r.n = b->nmsgs;
	r.first_seq = b->first_seq;
	n = round_run(b, &r, b->buf, b->used, b->msgs[b->nmsgs - 1].off, cb,
		      data, &failed);
	while (n > 0)
		n = round_run(b, &r, b->rbuf, r.used, r.last_off, cb, data,
			      &failed);
	free(r.msg_of_seq);
	batch_reset(b);
	return n < 0 ? n : failed;
}
