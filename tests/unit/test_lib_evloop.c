// SPDX-License-Identifier: GPL-2.0
/* Event loop: timer order and cancellation, deferred calls, I/O, signals. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/evloop.h"
#include "unit.h"

static int fired[64], n_fired;

static void on_timer(struct ev_loop *loop, void *arg)
{
	fired[n_fired++] = (int)(long)arg;
}

static void test_timer_order(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct ev_timer t[8];
	const int delay[8] = { 30, 10, 20, 0, 25, 5, 15, 35 };

	n_fired = 0;
	for (int i = 0; i < 8; i++) {
		ev_timer_init(&t[i], on_timer, (void *)(long)delay[i]);
		CU_ASSERT_EQUAL(ev_timer_start(loop, &t[i], (uint64_t)delay[i]), 0);
	}
	/* cancel two, one of them the earliest */
	ev_timer_stop(loop, &t[3]);
	ev_timer_stop(loop, &t[4]);
	CU_ASSERT_FALSE(ev_timer_armed(&t[3]));
	CU_ASSERT_EQUAL(ev_timer_count(loop), 6);
	while (ev_timer_count(loop))
		ev_loop_once(loop, 100);
	CU_ASSERT_EQUAL(n_fired, 6);
	for (int i = 1; i < n_fired; i++)
		CU_ASSERT(fired[i - 1] <= fired[i]);
	CU_ASSERT_EQUAL(fired[0], 5);
	CU_ASSERT_EQUAL(fired[5], 35);
	ev_loop_free(loop);
}

static void test_timer_many(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct ev_timer *t = calloc(1000, sizeof(*t));

	for (int i = 0; i < 1000; i++) {
		ev_timer_init(&t[i], on_timer, NULL);
		ev_timer_start(loop, &t[i], (uint64_t)(1000000 - i));
	}
	for (int i = 0; i < 1000; i += 2)
		ev_timer_stop(loop, &t[i]);
	CU_ASSERT_EQUAL(ev_timer_count(loop), 500);
	/* restart re-arms rather than duplicating */
	ev_timer_start(loop, &t[1], 5);
	CU_ASSERT_EQUAL(ev_timer_count(loop), 500);
	for (int i = 0; i < 1000; i++)
		ev_timer_stop(loop, &t[i]);
	CU_ASSERT_EQUAL(ev_timer_count(loop), 0);
	free(t);
	ev_loop_free(loop);
}

static int io_bytes;

static void on_read(struct ev_loop *loop, int fd, unsigned int ev, void *arg)
{
	char b[16];
	ssize_t n = read(fd, b, sizeof(b));

	if (n > 0)
		io_bytes += (int)n;
	ev_loop_stop(loop);
}

static void test_io(void)
{
	struct ev_loop *loop = ev_loop_new();
	int p[2];

	CU_ASSERT_EQUAL_FATAL(pipe(p), 0);
	io_bytes = 0;
	CU_ASSERT_EQUAL(ev_io_add(loop, p[0], EV_READ, on_read, NULL), 0);
	CU_ASSERT_EQUAL(ev_io_add(loop, p[0], EV_READ, on_read, NULL), -EEXIST);
	CU_ASSERT_EQUAL(write(p[1], "abc", 3), 3);
	CU_ASSERT_EQUAL(ev_loop_run(loop), 0);
	CU_ASSERT_EQUAL(io_bytes, 3);
	CU_ASSERT_EQUAL(ev_io_del(loop, p[0]), 0);
	CU_ASSERT_EQUAL(ev_io_del(loop, p[0]), -ENOENT);
	close(p[0]);
	close(p[1]);
	ev_loop_free(loop);
}

static int deferred;

static void on_defer(void *arg)
{
	deferred += (int)(long)arg;
}

static void test_defer(void)
{
	struct ev_loop *loop = ev_loop_new();

	deferred = 0;
	ev_defer(loop, on_defer, (void *)1L);
	ev_defer(loop, on_defer, (void *)2L);
	CU_ASSERT_EQUAL(deferred, 0);
	ev_loop_once(loop, 1000);	/* must not wait: deferred work pending */
	CU_ASSERT_EQUAL(deferred, 3);
	ev_loop_free(loop);
}

static int got_sig;

static void on_sig(struct ev_loop *loop, int signo, void *arg)
{
	got_sig = signo;
	ev_loop_stop(loop);
}

static void test_signal(void)
{
	struct ev_loop *loop = ev_loop_new();
	sigset_t set;

	got_sig = 0;
	CU_ASSERT_EQUAL(ev_signal_add(loop, SIGUSR1, on_sig, NULL), 0);
	kill(getpid(), SIGUSR1);
	ev_loop_run(loop);
	CU_ASSERT_EQUAL(got_sig, SIGUSR1);
	ev_loop_free(loop);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

UNIT_SUITE(evloop, UNIT_TEST(test_timer_order), UNIT_TEST(test_timer_many), UNIT_TEST(test_io),
	   UNIT_TEST(test_defer), UNIT_TEST(test_signal))
