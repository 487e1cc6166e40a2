// SPDX-License-Identifier: GPL-2.0
/*
 * Event loop: epoll + timer heap + signalfd + deferred calls (evloop.h).
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
	/* timer min-heap ordered by when_ms */
	struct ev_timer **heap;
	size_t n_heap, cap_heap;
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
	free(loop->heap);
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

int ev_io_add(struct ev_loop *loop, int fd, unsigned int events, ev_io_cb cb, void *arg)
{
	struct epoll_event ee = { .events = to_epoll(events), .data.fd = fd };

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
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ee) < 0)
		return -errno;
	loop->io[fd] = (struct ev_io){ .cb = cb, .arg = arg, .events = events, .used = true };
	return 0;
}

int ev_io_mod(struct ev_loop *loop, int fd, unsigned int events)
{
	struct epoll_event ee = { .events = to_epoll(events), .data.fd = fd };

	if (fd < 0 || (size_t)fd >= loop->n_io || !loop->io[fd].used)
		return -ENOENT;
	if (loop->io[fd].events == events)
		return 0;
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

static void heap_set(struct ev_loop *loop, size_t i, struct ev_timer *t)
{
	loop->heap[i] = t;
	t->heap_idx = i + 1;
}

static void heap_up(struct ev_loop *loop, size_t i)
{
	struct ev_timer *t = loop->heap[i];

	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (loop->heap[p]->when_ms <= t->when_ms)
			break;
		heap_set(loop, i, loop->heap[p]);
		i = p;
	}
	heap_set(loop, i, t);
}

static void heap_down(struct ev_loop *loop, size_t i)
{
	struct ev_timer *t = loop->heap[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= loop->n_heap)
			break;
		if (c + 1 < loop->n_heap && loop->heap[c + 1]->when_ms < loop->heap[c]->when_ms)
			c++;
		if (t->when_ms <= loop->heap[c]->when_ms)
			break;
		heap_set(loop, i, loop->heap[c]);
		i = c;
	}
	heap_set(loop, i, t);
}

void ev_timer_init(struct ev_timer *t, ev_timer_cb cb, void *arg)
{
	*t = (struct ev_timer){ .cb = cb, .arg = arg };
}

void ev_timer_stop(struct ev_loop *loop, struct ev_timer *t)
{
	size_t i;
	struct ev_timer *last;

	if (!t->heap_idx)
		return;
	i = t->heap_idx - 1;
	t->heap_idx = 0;
	last = loop->heap[--loop->n_heap];
	if (i == loop->n_heap)
		return;
	heap_set(loop, i, last);
	if (i > 0 && loop->heap[(i - 1) / 2]->when_ms > last->when_ms)
		heap_up(loop, i);
	else
		heap_down(loop, i);
}

int ev_timer_start(struct ev_loop *loop, struct ev_timer *t, uint64_t ms)
{
	ev_timer_stop(loop, t);
	if (loop->n_heap == loop->cap_heap) {
		size_t n = loop->cap_heap ? loop->cap_heap * 2 : 64;
		struct ev_timer **h = realloc(loop->heap, n * sizeof(*h));

		if (!h)
			return -ENOMEM;
		loop->heap = h;
		loop->cap_heap = n;
	}
	t->when_ms = ev_time_ms() + ms;
	loop->n_heap++;
	heap_set(loop, loop->n_heap - 1, t);
	heap_up(loop, loop->n_heap - 1);
	return 0;
}

size_t ev_timer_count(const struct ev_loop *loop)
{
	return loop->n_heap;
}

static void run_timers(struct ev_loop *loop)
{
	while (loop->n_heap && loop->heap[0]->when_ms <= loop->now_ms) {
		struct ev_timer *t = loop->heap[0];

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

	if (loop->n_heap) {
		uint64_t now = ev_time_ms(), when = loop->heap[0]->when_ms;
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
		int fd = ev[i].data.fd;
		unsigned int e = (ev[i].events & EPOLLIN ? EV_READ : 0) |
				 (ev[i].events & EPOLLOUT ? EV_WRITE : 0) |
				 (ev[i].events & (EPOLLERR | EPOLLHUP) ? EV_ERROR : 0);

		/* an earlier callback of this batch may have removed fd */
		if ((size_t)fd < loop->n_io && loop->io[fd].used)
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
