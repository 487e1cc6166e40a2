// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl batches: many BEARER_ADD requests in one buffer, one sendmsg.
 *
 * Message i carries sequence number first_seq + i.  Only the last one asks
 * for an ACK; the kernel reports every failed message anyway (NLMSG_ERROR
 * with its extack), so a batch that succeeds costs one ACK.  The kernel
 * handles the whole buffer inside sendmsg(), so when it returns every
 * report is already queued on our socket: we read without blocking until
 * the last message's report, and a missing one means reports were dropped
 * (receive buffer overrun: -ENOBUFS).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "gtpnl/gtpnl_int.h"

#define GTPNL_BATCH_DEFAULT	(64 * 1024)

struct gtpnl_batch {
	struct gtpnl *h;
	char *buf;
	size_t size;
	size_t used;
	unsigned int count;
	uint32_t first_seq;
	struct nlmsghdr *last;
};

struct gtpnl_batch *gtpnl_batch_new(struct gtpnl *h, size_t bufsize)
{
	struct gtpnl_batch *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->h = h;
	b->size = bufsize ? bufsize : GTPNL_BATCH_DEFAULT;
	b->buf = malloc(b->size);
	if (!b->buf) {
		free(b);
		return NULL;
	}
	return b;
}

void gtpnl_batch_free(struct gtpnl_batch *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b);
}

unsigned int gtpnl_batch_count(const struct gtpnl_batch *b)
{
	return b->count;
}

int gtpnl_batch_add_bearer(struct gtpnl_batch *b, const struct gtpnl_bearer *br)
{
	struct nlmsghdr *nlh;
	int err;

	if (!b->count) {
		err = gtpnl_need_family(b->h);
		if (err)
			return err;
		b->first_seq = b->h->seq + 1;
	}
	nlh = gtpnl_msg_bearer(b->buf + b->used, b->size - b->used,
			       b->h->family, GTPU_CMD_BEARER_ADD, 0,
			       b->first_seq + b->count, br);
	if (!nlh)
		return b->count ? -ENOSPC : -EMSGSIZE;
	b->used += MNL_ALIGN(nlh->nlmsg_len);
	b->last = nlh;
	b->count++;
	return 0;
}

struct batch_rx {
	gtpnl_batch_cb cb;
	void *data;
	int failed;
	bool done;
};

static int batch_datagram(struct gtpnl_batch *b, struct batch_rx *rx, int len)
{
	struct gtpnl *h = b->h;
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)h->buf;
	char msg[GTPNL_ERRMSG_MAX];
	int err;

	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		uint32_t idx = nlh->nlmsg_seq - b->first_seq;

		if (nlh->nlmsg_type != NLMSG_ERROR || idx >= b->count)
			continue;	/* stale, or an event */
		if (gtpnl_parse_error(nlh, &err, msg, sizeof(msg)))
			return gtpnl_fail(h, -EBADMSG, "truncated netlink error message");
		if (err) {
			if (!msg[0])
				snprintf(msg, sizeof(msg), "%s", strerror(-err));
			rx->failed++;
			if (rx->cb)
				rx->cb(idx, err, msg, rx->data);
		}
		if (idx == b->count - 1)
			rx->done = true;
	}
	return len ? gtpnl_fail(h, -EBADMSG, "truncated netlink message") : 0;
}

static void batch_reset(struct gtpnl_batch *b)
{
	b->used = 0;
	b->count = 0;
	b->last = NULL;
}

int gtpnl_batch_flush(struct gtpnl_batch *b, gtpnl_batch_cb cb, void *data)
{
	struct gtpnl *h = b->h;
	struct batch_rx rx = { .cb = cb, .data = data };
	int fd = mnl_socket_get_fd(h->genl), err = 0;
	bool lost = false;

	if (!b->count)
		return 0;
	h->errmsg[0] = '\0';
	b->last->nlmsg_flags |= NLM_F_ACK;
	h->seq = b->first_seq + b->count - 1;
	if (mnl_socket_sendto(h->genl, b->buf, b->used) < 0) {
		err = gtpnl_fail(h, -errno, "netlink send of %u messages: %s",
				 b->count, strerror(errno));
		batch_reset(b);
		return err;
	}
	while (!rx.done && !err) {
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
			err = batch_datagram(b, &rx, (int)n);
	}
	batch_reset(b);
	if (err)
		return err;
	if (lost || !rx.done)
		return gtpnl_fail(h, -ENOBUFS, "%d failures reported, some reports were lost",
				  rx.failed);
	return rx.failed;
}
