/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small single-threaded event loop: epoll for file descriptors, a pairing
 * heap of caller-owned timers, signalfd for signals, and deferred calls that
 * run after the current batch of callbacks (so an object can be freed safely
 * from inside its own callback).
 *
 * Timers are intrusive: the heap links live in struct ev_timer, which its
 * owner embeds, so arming allocates nothing and cannot fail (ev_timer_start
 * returns nothing to check).  Per-UE timers are many: arming is O(1),
 * stopping and expiring O(log n) amortised.
 *
 * File descriptors: each registration gets a generation number that rides in
 * the epoll event, so when a callback closes an fd and its number is reused
 * (and registered again) within the same epoll batch, the batch's stale event
 * for the old fd is dropped instead of reaching the new handler.
 *
 * Not thread-safe: one loop per thread, all calls from that thread.
 */
#ifndef AGW_LIB_EVLOOP_H
#define AGW_LIB_EVLOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ev_loop;

enum {
	EV_READ  = 1 << 0,
	EV_WRITE = 1 << 1,
	EV_ERROR = 1 << 2,	/* reported only: EPOLLERR/EPOLLHUP */
};

typedef void (*ev_io_cb)(struct ev_loop *loop, int fd, unsigned int events, void *arg);
typedef void (*ev_timer_cb)(struct ev_loop *loop, void *arg);
typedef void (*ev_signal_cb)(struct ev_loop *loop, int signo, void *arg);
typedef void (*ev_defer_cb)(void *arg);

/*
 * A timer is embedded in its owner; zero-initialise it (or ev_timer_init).
 * The fields are the loop's: read them only through the functions below.
 */
struct ev_timer {
	uint64_t when_ms;	/* absolute, CLOCK_MONOTONIC */
	/*
	 * Pairing heap links: first child, next sibling, and back: the parent
	 * for a first child, the previous sibling otherwise, the timer itself
	 * for the root.  NULL: not armed.
	 */
	struct ev_timer *child, *next, *back;
	ev_timer_cb cb;
	void *arg;
};

struct ev_loop *ev_loop_new(void);
void ev_loop_free(struct ev_loop *loop);
/* Runs until ev_loop_stop(); returns 0, or -errno if epoll failed. */
int ev_loop_run(struct ev_loop *loop);
/* Runs one iteration, waiting at most timeout_ms (-1: until an event). */
int ev_loop_once(struct ev_loop *loop, int timeout_ms);
void ev_loop_stop(struct ev_loop *loop);

/* Monotonic milliseconds, cached per iteration (ev_now) or fresh (ev_time_ms). */
uint64_t ev_now(const struct ev_loop *loop);
uint64_t ev_time_ms(void);

int ev_io_add(struct ev_loop *loop, int fd, unsigned int events, ev_io_cb cb, void *arg);
int ev_io_mod(struct ev_loop *loop, int fd, unsigned int events);
int ev_io_del(struct ev_loop *loop, int fd);

void ev_timer_init(struct ev_timer *t, ev_timer_cb cb, void *arg);
/* (Re)arms t to fire once after ms milliseconds; allocates nothing. */
void ev_timer_start(struct ev_loop *loop, struct ev_timer *t, uint64_t ms);
/* Disarms t (nothing if it is not armed). */
void ev_timer_stop(struct ev_loop *loop, struct ev_timer *t);
static inline bool ev_timer_armed(const struct ev_timer *t) { return t->back != NULL; }
size_t ev_timer_count(const struct ev_loop *loop);

/* Blocks signo for the process and delivers it through the loop. */
int ev_signal_add(struct ev_loop *loop, int signo, ev_signal_cb cb, void *arg);

/* Calls fn(arg) after the callbacks of the current iteration. */
int ev_defer(struct ev_loop *loop, ev_defer_cb fn, void *arg);

#endif
