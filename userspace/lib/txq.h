/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Messages a non-blocking message socket (SCTP, one S1AP PDU per message)
 * could not take yet.  A full send buffer (EAGAIN) is normal on a slow or
 * congested association; dropping the PDU then loses whatever procedure it
 * carried (a NAS message is retransmitted only after its timer, an S1AP
 * procedure like a context release not at all).  txq_send() sends at once
 * when nothing is waiting, else appends; the caller then polls the socket
 * for EV_WRITE and calls txq_flush() when it is writable, which sends in
 * order and says when the queue is empty again.  The queue is bounded in
 * bytes: past the bound a message is refused (ENOBUFS) and counted, so a
 * peer that stopped reading cannot make the sender grow without limit.
 */
#ifndef AGW_LIB_TXQ_H
#define AGW_LIB_TXQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Send one message: the byte count, or -1 with errno (EAGAIN: try later) */
typedef ssize_t (*txq_send_fn)(int fd, const void *buf, size_t len, uint32_t ppid,
			       uint16_t stream);

struct txq_msg;

struct txq {
	struct txq_msg *head, *tail;
	size_t bytes;			/* queued payload */
	size_t max;			/* bound on bytes */
	txq_send_fn send;
	unsigned long queued;		/* messages that had to wait */
	unsigned long dropped;		/* refused: over the bound */
};

void txq_init(struct txq *q, size_t max, txq_send_fn send);
/* Frees every waiting message (the association is gone) */
void txq_clear(struct txq *q);
static inline bool txq_empty(const struct txq *q) { return !q->head; }

/* 1 sent, 0 queued (poll for EV_WRITE), -1 error with errno (ENOBUFS: over
 * the bound, ENOMEM, or the send function's error other than EAGAIN) */
int txq_send(struct txq *q, int fd, uint32_t ppid, uint16_t stream, const void *buf, size_t len);

/* The socket is writable: 0 the queue is empty, 1 messages still wait,
 * -1 a send failed otherwise than with EAGAIN (errno; the message stays) */
int txq_flush(struct txq *q, int fd);

/*
 * The same with an event loop (lib/evloop): txq_send_ev() also polls fd for
 * EV_WRITE when it queued (returns as txq_send()); txq_writable() is the
 * EV_WRITE handler: it flushes, and polls for EV_READ only again once the
 * queue is empty (0), or -1 when a send failed (errno: the association is
 * broken).
 */
struct ev_loop;
int txq_send_ev(struct txq *q, struct ev_loop *loop, int fd, uint32_t ppid, uint16_t stream,
		const void *buf, size_t len);
int txq_writable(struct txq *q, struct ev_loop *loop, int fd);

#endif
