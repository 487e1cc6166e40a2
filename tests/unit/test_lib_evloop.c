// SPDX-License-Identifier: GPL-2.0
/*
 * Event loop: timer order and cancellation (the pairing heap against a
 * naive reference), timers stopped and re-armed from callbacks, the fd
 * generation check, deferred calls, I/O, signals.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
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
		ev_timer_start(loop, &t[i], (uint64_t)delay[i]);	/* cannot fail */
		CU_ASSERT(ev_timer_armed(&t[i]));
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

/*
 * The pairing heap against a reference: N timers with random deadlines in
 * the next 200 ms, a third stopped (some twice), some re-armed earlier or
 * later; then every timer still armed must fire exactly once, in deadline
 * order, and the stopped ones never.
 */
#define N_RAND 5000

struct rt {
	struct ev_timer t;
	int id;
	bool armed;
	unsigned int fired;
};

static struct rt *rts;
static int last_fired;
static unsigned int n_order_errors;

static void on_rt(struct ev_loop *loop, void *arg)
{
	struct rt *r = arg;

	r->fired++;
	if (last_fired >= 0 && rts[last_fired].t.when_ms > r->t.when_ms)
		n_order_errors++;
	last_fired = r->id;
}

static void test_timer_heap_reference(void)
{
	struct ev_loop *loop = ev_loop_new();
	unsigned int seed = 12345, armed = 0;

	rts = calloc(N_RAND, sizeof(*rts));
	CU_ASSERT_FATAL(loop && rts);
	for (int i = 0; i < N_RAND; i++) {
		rts[i].id = i;
		ev_timer_init(&rts[i].t, on_rt, &rts[i]);
		ev_timer_start(loop, &rts[i].t, (uint64_t)(rand_r(&seed) % 100));
		rts[i].armed = true;
	}
	for (int i = 0; i < N_RAND; i++) {
		switch (rand_r(&seed) % 6) {
		case 0: case 1:
			ev_timer_stop(loop, &rts[i].t);
			rts[i].armed = false;
			if (i % 2)
				ev_timer_stop(loop, &rts[i].t);	/* again: no effect */
			break;
		case 2:
			ev_timer_start(loop, &rts[i].t, (uint64_t)(rand_r(&seed) % 200));
			break;
		}
	}
	for (int i = 0; i < N_RAND; i++) {
		armed += rts[i].armed;
		CU_ASSERT_EQUAL(ev_timer_armed(&rts[i].t), rts[i].armed);
	}
	CU_ASSERT_EQUAL(ev_timer_count(loop), armed);
	last_fired = -1;
	n_order_errors = 0;
	for (int i = 0; i < 100000 && ev_timer_count(loop); i++)
		ev_loop_once(loop, 1000);
	CU_ASSERT_EQUAL(n_order_errors, 0);
	CU_ASSERT_EQUAL(ev_timer_count(loop), 0);
	for (int i = 0; i < N_RAND; i++)
		CU_ASSERT_EQUAL(rts[i].fired, rts[i].armed ? 1u : 0u);
	free(rts);
	ev_loop_free(loop);
}

/* Callbacks that stop another armed timer, re-arm themselves, free their owner. */
static struct ev_timer cb_t[3];
static int cb_runs[3];

static void on_cb0(struct ev_loop *loop, void *arg)
{
	cb_runs[0]++;
	ev_timer_stop(loop, &cb_t[1]);			/* due in the same batch */
	if (cb_runs[0] < 3)
		ev_timer_start(loop, &cb_t[0], 0);	/* again, next iteration */
}

static void on_cb1(struct ev_loop *loop, void *arg)
{
	cb_runs[1]++;
}

static void on_cb2(struct ev_loop *loop, void *arg)
{
	cb_runs[2]++;
	free(arg);			/* the owner of the timer goes */
}

static void test_timer_callbacks(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct { struct ev_timer t; char pad[64]; } *owner = malloc(sizeof(*owner));

	memset(cb_runs, 0, sizeof(cb_runs));
	ev_timer_init(&cb_t[0], on_cb0, NULL);
	ev_timer_init(&cb_t[1], on_cb1, NULL);
	ev_timer_init(&owner->t, on_cb2, owner);
	ev_timer_start(loop, &cb_t[0], 0);
	ev_timer_start(loop, &cb_t[1], 0);
	ev_timer_start(loop, &owner->t, 0);
	for (int i = 0; i < 10 && ev_timer_count(loop); i++)
		ev_loop_once(loop, 50);
	CU_ASSERT_EQUAL(cb_runs[0], 3);
	CU_ASSERT_EQUAL(cb_runs[1], 0);
	CU_ASSERT_EQUAL(cb_runs[2], 1);
	CU_ASSERT_EQUAL(ev_timer_count(loop), 0);
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

/*
 * The fd generation check: in one epoll batch, the callback of the first
 * ready fd closes the second ready fd and registers a new fd that gets the
 * same number.  The batch's event for the old fd must not reach the new
 * handler (the new fd is not even readable); the new fd's own events do.
 */
static int reuse_a, reuse_b, reuse_new = -1, reuse_old_calls, reuse_new_calls;
static unsigned int reuse_new_events;

static void on_reuse_new(struct ev_loop *loop, int fd, unsigned int ev, void *arg)
{
	uint64_t v;

	reuse_new_calls++;
	reuse_new_events = ev;
	if (read(fd, &v, sizeof(v)) != sizeof(v))
		reuse_new_events |= 0x100;	/* called although nothing to read */
}

static void on_reuse_old(struct ev_loop *loop, int fd, unsigned int ev, void *arg)
{
	int other = fd == reuse_a ? reuse_b : reuse_a;
	uint64_t v;

	reuse_old_calls++;
	if (read(fd, &v, sizeof(v)) != sizeof(v))
		return;
	/* the other fd is ready in this batch too: close it, reuse its number */
	ev_io_del(loop, other);
	close(other);
	reuse_new = eventfd(0, EFD_NONBLOCK);
	CU_ASSERT_EQUAL(reuse_new, other);
	CU_ASSERT_EQUAL(ev_io_add(loop, reuse_new, EV_READ, on_reuse_new, NULL), 0);
}

static void test_io_fd_reuse(void)
{
	struct ev_loop *loop = ev_loop_new();
	uint64_t one = 1;

	reuse_old_calls = reuse_new_calls = 0;
	reuse_new_events = 0;
	reuse_a = eventfd(0, EFD_NONBLOCK);
	reuse_b = eventfd(0, EFD_NONBLOCK);
	CU_ASSERT_FATAL(reuse_a >= 0 && reuse_b >= 0);
	CU_ASSERT_EQUAL(ev_io_add(loop, reuse_a, EV_READ, on_reuse_old, NULL), 0);
	CU_ASSERT_EQUAL(ev_io_add(loop, reuse_b, EV_READ, on_reuse_old, NULL), 0);
	CU_ASSERT_EQUAL(write(reuse_a, &one, sizeof(one)), sizeof(one));
	CU_ASSERT_EQUAL(write(reuse_b, &one, sizeof(one)), sizeof(one));
	CU_ASSERT_EQUAL(ev_loop_once(loop, 1000), 0);	/* one batch: both ready */
	CU_ASSERT_EQUAL(reuse_old_calls, 1);
	CU_ASSERT_EQUAL(reuse_new_calls, 0);		/* the stale event was dropped */
	CU_ASSERT_EQUAL(ev_loop_once(loop, 0), 0);
	CU_ASSERT_EQUAL(reuse_new_calls, 0);		/* not readable: nothing */
	CU_ASSERT_EQUAL(write(reuse_new, &one, sizeof(one)), sizeof(one));
	CU_ASSERT_EQUAL(ev_loop_once(loop, 1000), 0);
	CU_ASSERT_EQUAL(reuse_new_calls, 1);
	CU_ASSERT_EQUAL(reuse_new_events, EV_READ);
	/* ev_io_mod keeps the generation: events still arrive after a change */
	CU_ASSERT_EQUAL(ev_io_mod(loop, reuse_new, EV_READ | EV_WRITE), 0);
	CU_ASSERT_EQUAL(ev_loop_once(loop, 1000), 0);
	CU_ASSERT_EQUAL(reuse_new_calls, 2);
	ev_io_del(loop, reuse_a);
	ev_io_del(loop, reuse_new);
	close(reuse_a);
	close(reuse_new);
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

UNIT_SUITE(evloop, UNIT_TEST(test_timer_order), UNIT_TEST(test_timer_heap_reference),
	   UNIT_TEST(test_timer_callbacks), UNIT_TEST(test_timer_many), UNIT_TEST(test_io),
	   UNIT_TEST(test_io_fd_reuse),
	   UNIT_TEST(test_defer), UNIT_TEST(test_signal))
