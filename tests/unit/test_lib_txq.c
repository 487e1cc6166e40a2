// SPDX-License-Identifier: GPL-2.0
/*
 * lib/txq: a message socket's send queue.  A scripted send function stands
 * in for sctp_sendmsg(): it takes messages until told to say EAGAIN (or
 * another error), and records what it took, so order, flushing, the byte
 * bound and error handling are checked without SCTP.
 */
#include <errno.h>
#include <string.h>

#include "lib/txq.h"
#include "unit.h"

static struct {
	int fail_errno;		/* 0: accept */
	unsigned int n;
	char got[64][16];
	uint16_t stream[64];
} fake;

static ssize_t fake_send(int fd, const void *buf, size_t len, uint32_t ppid, uint16_t stream)
{
	(void)fd;
	(void)ppid;
	if (fake.fail_errno) {
		errno = fake.fail_errno;
		return -1;
	}
	if (fake.n < 64 && len < 16) {
		memcpy(fake.got[fake.n], buf, len);
		fake.got[fake.n][len] = '\0';
		fake.stream[fake.n] = stream;
	}
	fake.n++;
	return (ssize_t)len;
}

static void test_txq_order_and_flush(void)
{
	struct txq q;
	char m[8];

	memset(&fake, 0, sizeof(fake));
	txq_init(&q, 1000, fake_send);
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 1, "a", 1), 1);	/* sent at once */
	fake.fail_errno = EAGAIN;
	for (int i = 0; i < 5; i++) {
		snprintf(m, sizeof(m), "q%d", i);
		CU_ASSERT_EQUAL(txq_send(&q, 3, 18, (uint16_t)i, m, strlen(m)), 0);
	}
	CU_ASSERT_FALSE(txq_empty(&q));
	CU_ASSERT_EQUAL(q.queued, 5);
	CU_ASSERT_EQUAL(q.bytes, 10);
	/* still full: nothing moves */
	CU_ASSERT_EQUAL(txq_flush(&q, 3), 1);
	CU_ASSERT_EQUAL(fake.n, 1);
	/* writable again: a new message must wait behind the queued ones */
	fake.fail_errno = 0;
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 9, "z", 1), 0);
	CU_ASSERT_EQUAL(fake.n, 1);
	CU_ASSERT_EQUAL(txq_flush(&q, 3), 0);
	CU_ASSERT(txq_empty(&q));
	CU_ASSERT_EQUAL(q.bytes, 0);
	CU_ASSERT_EQUAL_FATAL(fake.n, 7);
	CU_ASSERT_STRING_EQUAL(fake.got[0], "a");
	for (int i = 0; i < 5; i++) {
		snprintf(m, sizeof(m), "q%d", i);
		CU_ASSERT_STRING_EQUAL(fake.got[1 + i], m);
		CU_ASSERT_EQUAL(fake.stream[1 + i], i);
	}
	CU_ASSERT_STRING_EQUAL(fake.got[6], "z");
	CU_ASSERT_EQUAL(fake.stream[6], 9);
	/* empty queue: straight through again */
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "b", 1), 1);
	txq_clear(&q);
}

static void test_txq_bound_and_errors(void)
{
	struct txq q;

	memset(&fake, 0, sizeof(fake));
	txq_init(&q, 10, fake_send);
	fake.fail_errno = EAGAIN;
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "123456", 6), 0);
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "1234", 4), 0);	/* exactly the bound */
	errno = 0;
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "x", 1), -1);	/* over it */
	CU_ASSERT_EQUAL(errno, ENOBUFS);
	CU_ASSERT_EQUAL(q.dropped, 1);
	CU_ASSERT_EQUAL(q.bytes, 10);
	/* a hard error in a flush keeps the message and says so */
	fake.fail_errno = EPIPE;
	CU_ASSERT_EQUAL(txq_flush(&q, 3), -1);
	CU_ASSERT_EQUAL(errno, EPIPE);
	CU_ASSERT_EQUAL(q.bytes, 10);
	/* a hard error on an empty queue is the caller's, nothing is queued */
	txq_clear(&q);
	CU_ASSERT(txq_empty(&q));
	CU_ASSERT_EQUAL(q.bytes, 0);
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "y", 1), -1);
	CU_ASSERT_EQUAL(errno, EPIPE);
	CU_ASSERT(txq_empty(&q));
	/* clear frees what waits (ASan sees a leak otherwise) */
	fake.fail_errno = EAGAIN;
	CU_ASSERT_EQUAL(txq_send(&q, 3, 18, 0, "w", 1), 0);
	txq_clear(&q);
	CU_ASSERT(txq_empty(&q));
}

UNIT_SUITE(lib_txq,
	   UNIT_TEST(test_txq_order_and_flush),
	   UNIT_TEST(test_txq_bound_and_errors))
