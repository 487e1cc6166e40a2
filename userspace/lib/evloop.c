// SPDX-License-Identifier: GPL-2.0
/*
 * Event loop: epoll + timer heap + signalfd + deferred calls (evloop.h).
 *
 * The timers form a pairing heap (Fredman, Sedgewick, Sleator, Tarjan 1986)
 * threaded through struct ev_timer: insertion melds the new timer with the
 * root (O(1)), removal of any timer melds its children pairwise and then
 * into the rest (O(log n) amortised).  Nothing is allocated, so arming
 * cannot fail.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "lib/evloop.h"

#define EV_MAX_EVENTS 64
#define EV_MAX_SIGNALS 8

struct ev_io {
	ev_io_cb cb;
	void *arg;
	unsigned int events;
	uint32_t gen;		/* of this registration, in the epoll event too */
	bool used;
};

struct ev_sig {
	int signo;
	ev_signal_cb cb;
	void *arg;
};

struct ev_deferred {
	ev_defer_cb fn;
	void *arg;
};

struct ev_loop {
	int epfd;
	bool stop;
	uint64_t now_ms;
	/* I/O handlers indexed by fd */
	struct ev_io *io;
	size_t n_io;
	uint32_t io_gen;	/* last generation handed out */
	/* timer pairing heap ordered by when_ms */
	struct ev_timer *root;
	size_t n_timers;
	/* signals */
	int sigfd;
	sigset_t sigmask;
	struct ev_sig sigs[EV_MAX_SIGNALS];
	size_t n_sigs;
	/* deferred calls */
	struct ev_deferred *defer;
	size_t n_defer, cap_defer;
};

uint64_t ev_time_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

uint64_t ev_now(const struct ev_loop *loop)
{
	return loop->now_ms;
}

struct ev_loop *ev_loop_new(void)
{
	struct ev_loop *loop = calloc(1, sizeof(*loop));

	if (!loop)
		return NULL;
	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0) {
		free(loop);
		return NULL;
	}
	loop->sigfd = -1;
	sigemptyset(&loop->sigmask);
	loop->now_ms = ev_time_ms();
	return loop;
}

void ev_loop_free(struct ev_loop *loop)
{
	if (!loop)
		return;
	for (size_t i = 0; i < loop->n_defer; i++)
		loop->defer[i].fn(loop->defer[i].arg);
	if (loop->sigfd >= 0)
		close(loop->sigfd);
	close(loop->epfd);
	free(loop->io);
	free(loop->defer);
	free(loop);
}

void ev_loop_stop(struct ev_loop *loop)
{
	loop->stop = true;
}

/* ---------------------------------------------------------------- I/O --- */

static unsigned int to_epoll(unsigned int ev)
{
	return (ev & EV_READ ? EPOLLIN : 0) | (ev & EV_WRITE ? EPOLLOUT : 0);
}

/* The epoll cookie of a registration: its fd and its generation. */
static uint64_t io_key(int fd, uint32_t gen)
{
	return (uint64_t)gen << 32 | (uint32_t)fd;
}

int ev_io_add(struct ev_loop *loop, int fd, unsigned int events, ev_io_cb cb, void *arg)
{
	struct epoll_event ee = { .events = to_epoll(events) };
	uint32_t gen;

	if (fd < 0 || !cb)
		return -EINVAL;
	if ((size_t)fd >= loop->n_io) {
		size_t n = (size_t)fd + 64;
		struct ev_io *io = realloc(loop->io, n * sizeof(*io));

		if (!io)
			return -ENOMEM;
		memset(io + loop->n_io, 0, (n - loop->n_io) * sizeof(*io));
		loop->io = io;
		loop->n_io = n;
	}
	if (loop->io[fd].used)
		return -EEXIST;
	gen = ++loop->io_gen;
	ee.data.u64 = io_key(fd, gen);
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ee) < 0)
		return -errno;
	loop->io[fd] = (struct ev_io){ .cb = cb, .arg = arg, .events = events, .gen = gen,
				       .used = true };
	return 0;
}

int ev_io_mod(struct ev_loop *loop, int fd, unsigned int events)
{
	struct epoll_event ee = { .events = to_epoll(events) };

	if (fd < 0 || (size_t)fd >= loop->n_io || !loop->io[fd].used)
		return -ENOENT;
	if (loop->io[fd].events == events)
		return 0;
	ee.data.u64 = io_key(fd, loop->io[fd].gen);
	if (epoll_ctl(loop->epfd, EPOLL_CTL_MOD, fd, &ee) < 0)
		return -errno;
	loop->io[fd].events = events;
	return 0;
}

int ev_io_del(struct ev_loop *loop, int fd)
{
	if (fd < 0 || (size_t)fd >= loop->n_io || !loop->io[fd].used)
		return -ENOENT;
	epoll_ctl(loop->epfd, EPOLL_CTL_DEL, fd, NULL);
	loop->io[fd].used = false;
	return 0;
}

/* ------------------------------------------------------------- timers --- */

/*
 * Makes the heap with the later root the first child of the other; returns
 * the root.  Either may be NULL.  The roots' next and back are the caller's.
 */
static struct ev_timer *meld(struct ev_timer *a, struct ev_timer *b)
{
	struct ev_timer *t;

	if (!a || !b)
		return a ? a : b;
	if (b->when_ms < a->when_ms) {	/* ties: the older root stays first */
		t = a;
		a = b;
		b = t;
	}
	b->next = a->child;
	if (a->child)
		a->child->back = b;
	b->back = a;
	a->child = b;
	return a;
}

/* The standard two-pass merge of a sibling list: pairs left to right, then
 * the pairs right to left. */
static struct ev_timer *merge_pairs(struct ev_timer *first)
{
	struct ev_timer *pairs = NULL, *root = NULL;

	while (first) {
		struct ev_timer *a = first, *b = a->next, *m;

		first = b ? b->next : NULL;
		a->next = NULL;
		if (b)
			b->next = NULL;
		m = meld(a, b);
		m->next = pairs;		/* reversed: the last pair first */
		pairs = m;
	}
	while (pairs) {
		struct ev_timer *n = pairs->next;

		pairs->next = NULL;
		root = meld(root, pairs);
		pairs = n;
	}
	return root;
}

static void set_root(struct ev_loop *loop, struct ev_timer *r)
{
	loop->root = r;
	if (r) {
		r->back = r;
		r->next = NULL;
	}
}

void ev_timer_init(struct ev_timer *t, ev_timer_cb cb, void *arg)
{
	*t = (struct ev_timer){ .cb = cb, .arg = arg };
}

void ev_timer_stop(struct ev_loop *loop, struct ev_timer *t)
{
	struct ev_timer *sub;

	if (!t->back)
		return;
	sub = merge_pairs(t->child);
	if (t == loop->root) {
		set_root(loop, sub);
	} else {
		/* unlink t from its parent (first child) or previous sibling */
		if (t->back->child == t)
			t->back->child = t->next;
		else
			t->back->next = t->next;
		if (t->next)
			t->next->back = t->back;
		if (sub)
			set_root(loop, meld(loop->root, sub));
	}
	t->child = t->next = t->back = NULL;
	loop->n_timers--;
}

void ev_timer_start(struct ev_loop *loop, struct ev_timer *t, uint64_t ms)
{
	ev_timer_stop(loop, t);
	t->when_ms = ev_time_ms() + ms;
	t->child = t->next = NULL;
	set_root(loop, meld(loop->root, t));
	loop->n_timers++;
}

size_t ev_timer_count(const struct ev_loop *loop)
{
	return loop->n_timers;
}

static void run_timers(struct ev_loop *loop)
{
	while (loop->root && loop->root->when_ms <= loop->now_ms) {
		struct ev_timer *t = loop->root;

		ev_timer_stop(loop, t);
		t->cb(loop, t->arg);	/* may re-arm t or free its owner */
	}
}

/* ------------------------------------------------------------ signals --- */

static void on_signalfd(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct signalfd_siginfo si;

	while (read(fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		for (size_t i = 0; i < loop->n_sigs; i++)
			if (loop->sigs[i].signo == (int)si.ssi_signo)
				loop->sigs[i].cb(loop, (int)si.ssi_signo, loop->sigs[i].arg);
	}
}

int ev_signal_add(struct ev_loop *loop, int signo, ev_signal_cb cb, void *arg)
{
	int fd;

	if (loop->n_sigs == EV_MAX_SIGNALS)
		return -ENOSPC;
	sigaddset(&loop->sigmask, signo);
	if (sigprocmask(SIG_BLOCK, &loop->sigmask, NULL) < 0)
		return -errno;
	fd = signalfd(loop->sigfd, &loop->sigmask, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (loop->sigfd < 0) {
		int err = ev_io_add(loop, fd, EV_READ, on_signalfd, NULL);

		if (err) {
			close(fd);
			return err;
		}
		loop->sigfd = fd;
	}
	loop->sigs[loop->n_sigs++] = (struct ev_sig){ signo, cb, arg };
	return 0;
}

/* ----------------------------------------------------------- deferred --- */

int ev_defer(struct ev_loop *loop, ev_defer_cb fn, void *arg)
{
	if (loop->n_defer == loop->cap_defer) {
		size_t n = loop->cap_defer ? loop->cap_defer * 2 : 16;
		struct ev_deferred *d = realloc(loop->defer, n * sizeof(*d));

		if (!d)
			return -ENOMEM;
		loop->defer = d;
		loop->cap_defer = n;
	}
	loop->defer[loop->n_defer++] = (struct ev_deferred){ fn, arg };
	return 0;
}

static void run_deferred(struct ev_loop *loop)
{
	/* a deferred call may defer more: run until the list is empty */
	for (size_t i = 0; i < loop->n_defer; i++)
		loop->defer[i].fn(loop->defer[i].arg);
	loop->n_defer = 0;
}

/* --------------------------------------------------------------- loop --- */

int ev_loop_once(struct ev_loop *loop, int timeout_ms)
{
	struct epoll_event ev[EV_MAX_EVENTS];
	int n;

	if (loop->root) {
		uint64_t now = ev_time_ms(), when = loop->root->when_ms;
		int t = when <= now ? 0 : (when - now > 60000 ? 60000 : (int)(when - now));

		if (timeout_ms < 0 || t < timeout_ms)
			timeout_ms = t;
	}
	if (loop->n_defer)
		timeout_ms = 0;
	n = epoll_wait(loop->epfd, ev, EV_MAX_EVENTS, timeout_ms);
	if (n < 0 && errno != EINTR)
		return -errno;
	loop->now_ms = ev_time_ms();
	for (int i = 0; i < n; i++) {
		int fd = (int)(uint32_t)ev[i].data.u64;
		uint32_t gen = (uint32_t)(ev[i].data.u64 >> 32);
		unsigned int e = (ev[i].events & EPOLLIN ? EV_READ : 0) |
				 (ev[i].events & EPOLLOUT ? EV_WRITE : 0) |
				 (ev[i].events & (EPOLLERR | EPOLLHUP) ? EV_ERROR : 0);

		/*
		 * An earlier callback of this batch may have removed fd, or
		 * closed it and registered a new fd with the same number: the
		 * event is then for a registration that no longer exists.
		 */
		if ((size_t)fd < loop->n_io && loop->io[fd].used && loop->io[fd].gen == gen)
			loop->io[fd].cb(loop, fd, e, loop->io[fd].arg);
	}
	run_timers(loop);
	run_deferred(loop);
	return 0;
}

int ev_loop_run(struct ev_loop *loop)
{
	loop->stop = false;
	while (!loop->stop) {
		int err = ev_loop_once(loop, -1);

		if (err)
			return err;
	}
	return 0;
}
