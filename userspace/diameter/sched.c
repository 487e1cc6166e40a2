// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and randomness for the node.  With an event loop a timer is an
 * ev_timer; without one (unit tests) timers sit on a list under a manual
 * clock that diam_test_advance() moves, firing due timers in time order.
 */
#include <sys/random.h>

#include "diameter/diam_int.h"

static void ev_fire(struct ev_loop *loop, void *arg)
{
	struct diam_timer *t = arg;
	struct diam_node *n = t->node;

	t->armed = false;
	node_enter(n);
	t->fn(t->arg);
	node_leave(n);
}

void timer_init(struct diam_timer *t, struct diam_node *n, void (*fn)(void *), void *arg)
{
	t->node = n;
	t->fn = fn;
	t->arg = arg;
	t->armed = false;
	t->mnext = NULL;
	ev_timer_init(&t->ev, ev_fire, t);
}

static void manual_unlink(struct diam_timer *t)
{
	struct diam_timer **pp;

	for (pp = &t->node->manual_timers; *pp; pp = &(*pp)->mnext)
		if (*pp == t) {
			*pp = t->mnext;
			break;
		}
	t->mnext = NULL;
}

void timer_start(struct diam_timer *t, uint64_t ms)
{
	struct diam_node *n = t->node;

	if (n->loop) {
		ev_timer_start(n->loop, &t->ev, ms);
		t->armed = true;
		return;
	}
	if (t->armed)
		manual_unlink(t);
	t->due = n->manual_now + ms;
	t->armed = true;
	t->mnext = n->manual_timers;
	n->manual_timers = t;
}

void timer_stop(struct diam_timer *t)
{
	if (!t->node || !t->armed)
		return;
	t->armed = false;
	if (t->node->loop)
		ev_timer_stop(t->node->loop, &t->ev);
	else
		manual_unlink(t);
}

uint64_t node_now(const struct diam_node *n)
{
	return n->loop ? ev_now(n->loop) : n->manual_now;
}

uint64_t diam_test_now(const struct diam_node *n)
{
	return node_now(n);
}

void diam_test_advance(struct diam_node *n, uint64_t ms)
{
	uint64_t end = n->manual_now + ms;

	if (n->loop)
		return;
	node_enter(n);
	for (;;) {
		struct diam_timer *t, *first = NULL;

		for (t = n->manual_timers; t; t = t->mnext)
			if (t->due <= end && (!first || t->due < first->due))
				first = t;
		if (!first)
			break;
		manual_unlink(first);
		first->armed = false;
		if (first->due > n->manual_now)
			n->manual_now = first->due;
		first->fn(first->arg);
	}
	n->manual_now = end;
	node_leave(n);
}

/* xorshift64*: jitter and starting ids, not secrets */
uint64_t node_rand(struct diam_node *n)
{
	uint64_t x = n->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	n->rng = x;
	return x * 0x2545f4914f6cdd1dULL;
}
