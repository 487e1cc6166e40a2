// SPDX-License-Identifier: GPL-2.0
/* Send queue of a non-blocking message socket: see txq.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/evloop.h"
#include "lib/txq.h"

struct txq_msg {
	struct txq_msg *next;
	size_t len;
	uint32_t ppid;
	uint16_t stream;
	uint8_t data[];
};

void txq_init(struct txq *q, size_t max, txq_send_fn send)
{
	memset(q, 0, sizeof(*q));
	q->max = max;
	q->send = send;
}

void txq_clear(struct txq *q)
{
	struct txq_msg *m, *next;

	for (m = q->head; m; m = next) {
		next = m->next;
		free(m);
	}
	q->head = q->tail = NULL;
	q->bytes = 0;
}

static int append(struct txq *q, uint32_t ppid, uint16_t stream, const void *buf, size_t len)
{
	struct txq_msg *m;

	if (q->bytes + len > q->max) {
		q->dropped++;
		errno = ENOBUFS;
		return -1;
	}
	m = malloc(sizeof(*m) + len);
	if (!m) {
		q->dropped++;
		errno = ENOMEM;
		return -1;
	}
	m->next = NULL;
	m->len = len;
	m->ppid = ppid;
	m->stream = stream;
	memcpy(m->data, buf, len);
	if (q->tail)
		q->tail->next = m;
	else
		q->head = m;
	q->tail = m;
	q->bytes += len;
	q->queued++;
	return 0;
}

int txq_send(struct txq *q, int fd, uint32_t ppid, uint16_t stream, const void *buf, size_t len)
{
	/* behind what waits, to keep the order */
	if (txq_empty(q)) {
		if (q->send(fd, buf, len, ppid, stream) >= 0)
			return 1;
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			return -1;
	}
	return append(q, ppid, stream, buf, len);
}

int txq_flush(struct txq *q, int fd)
{
	struct txq_msg *m;

	while ((m = q->head)) {
		if (q->send(fd, m->data, m->len, m->ppid, m->stream) < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return 1;
			return -1;
		}
		q->head = m->next;
		if (!q->head)
			q->tail = NULL;
		q->bytes -= m->len;
		free(m);
	}
	return 0;
}

int txq_send_ev(struct txq *q, struct ev_loop *loop, int fd, uint32_t ppid, uint16_t stream,
		const void *buf, size_t len)
{
	int r = txq_send(q, fd, ppid, stream, buf, len);

	if (!r)
		ev_io_mod(loop, fd, EV_READ | EV_WRITE);
	return r;
}

int txq_writable(struct txq *q, struct ev_loop *loop, int fd)
{
	int r = txq_flush(q, fd);

	if (!r)
		ev_io_mod(loop, fd, EV_READ);
	return r < 0 ? -1 : 0;
}
