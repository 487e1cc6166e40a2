// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl -batch FILE: one command a line, like `ip -batch`.  Consecutive
 * "bearer add" and "bearer del" lines are pipelined through gtpnl's
 * batching API (up to GTPU_BEARERS_PER_MSG_MAX bearers per message, one
 * sendmsg per buffer of messages); any other command first flushes what
 * is queued, then runs as usual.  A full buffer is flushed by a second
 * thread while this one parses the next lines into a second buffer, so the
 * parsing (fast path for the common "bearer add" line: gtpnl_arg_bearer_add_fast)
 * overlaps the kernel's work.  Before any error report, any other command
 * and any new device name lookup, the flush in progress is waited for, so
 * reports come out in the same order as without the overlap.  Every failed
 * line is reported with "Command failed FILE:LINE"; the run ends with
 * "N commands, N failed, X/s" and exit status 1 if any failed.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gtpuctl.h"

#define BATCH_MAX_WORDS	64

/* A buffer of requests and the file line of each */
struct bbuf {
	struct gtpnl_batch *b;
	unsigned int *lines;
	size_t cap;
};

struct batch {
	struct ctx *c;
	const char *file;
	struct gtpnl_batch *b;		/* the buffer being filled: buf[cur] */
	unsigned int *lines;
	size_t cap;
	struct bbuf buf[2];
	int cur;
	unsigned long long commands, failed;
	bool lost;
	/* the flusher thread: flushes buf[job] while job >= 0 */
	pthread_t thread;
	bool started, quit;
	int job;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void failed_at(struct batch *bt, unsigned int line)
{
	fprintf(stderr, "Command failed %s:%u\n", bt->file, line);
	bt->failed++;
}

struct flushing {
	struct batch *bt;
	const unsigned int *lines;
};

static void on_fail(unsigned int index, int err, const char *msg, void *data)
{
	struct flushing *f = data;

	fprintf(stderr, "Error: %s\n", msg);
	failed_at(f->bt, f->lines[index]);
}

static void flush_buf(struct batch *bt, struct bbuf *bb)
{
	struct flushing f = { bt, bb->lines };
	unsigned int n;
	int ret;

	if (!bb->b || !(n = gtpnl_batch_count(bb->b)))
		return;
	ret = gtpnl_batch_flush(bb->b, on_fail, &f);
	if (ret == -ENOBUFS) {
		fprintf(stderr, "Error: %s\n", gtpnl_errmsg(bt->c->h));
		bt->lost = true;
	} else if (ret < 0) {
		/* nothing was done: every queued line failed */
		fprintf(stderr, "Error: %s\n", gtpnl_errmsg(bt->c->h));
		for (unsigned int i = 0; i < n; i++)
			failed_at(bt, bb->lines[i]);
	}
}

static void *flusher(void *arg)
{
	struct batch *bt = arg;

	pthread_mutex_lock(&bt->lock);
	for (;;) {
		while (bt->job < 0 && !bt->quit)
			pthread_cond_wait(&bt->cond, &bt->lock);
		if (bt->job < 0)
			break;
		pthread_mutex_unlock(&bt->lock);
		flush_buf(bt, &bt->buf[bt->job]);
		pthread_mutex_lock(&bt->lock);
		bt->job = -1;
		pthread_cond_broadcast(&bt->cond);
	}
	pthread_mutex_unlock(&bt->lock);
	return NULL;
}

/* Wait until the flusher thread is idle */
static void drain(struct batch *bt)
{
	if (!bt->started)
		return;
	pthread_mutex_lock(&bt->lock);
	while (bt->job >= 0)
		pthread_cond_wait(&bt->cond, &bt->lock);
	pthread_mutex_unlock(&bt->lock);
}

static void save_cur(struct batch *bt)
{
	bt->buf[bt->cur] = (struct bbuf){ bt->b, bt->lines, bt->cap };
}

/* Flush what is queued, in this thread */
static void flush(struct batch *bt)
{
	drain(bt);
	save_cur(bt);
	flush_buf(bt, &bt->buf[bt->cur]);
}

/*
 * Give the full buffer to the flusher thread and go on filling the other
 * one; without the thread (it could not start), flush here.
 */
static void hand_off(struct batch *bt)
{
	struct bbuf *next;

	if (!bt->started)
		bt->started = !pthread_create(&bt->thread, NULL, flusher, bt);
	if (!bt->started) {
		flush(bt);
		return;
	}
	drain(bt);
	save_cur(bt);
	pthread_mutex_lock(&bt->lock);
	bt->job = bt->cur;
	pthread_cond_broadcast(&bt->cond);
	pthread_mutex_unlock(&bt->lock);
	bt->cur ^= 1;
	next = &bt->buf[bt->cur];
	if (!next->b)
		next->b = gtpnl_batch_new(bt->c->h, 0);
	bt->b = next->b;
	bt->lines = next->lines;
	bt->cap = next->cap;
	if (!bt->b) {		/* out of memory: go on with one buffer */
		drain(bt);
		bt->cur ^= 1;
		bt->b = bt->buf[bt->cur].b;
		bt->lines = bt->buf[bt->cur].lines;
		bt->cap = bt->buf[bt->cur].cap;
	}
}

static void stop(struct batch *bt)
{
	if (bt->started) {
		drain(bt);
		pthread_mutex_lock(&bt->lock);
		bt->quit = true;
		pthread_cond_broadcast(&bt->cond);
		pthread_mutex_unlock(&bt->lock);
		pthread_join(bt->thread, NULL);
	}
	save_cur(bt);
	for (int i = 0; i < 2; i++) {
		free(bt->buf[i].lines);
		gtpnl_batch_free(bt->buf[i].b);
	}
}

static int queue_line(struct batch *bt, unsigned int idx, unsigned int line)
{
	if (idx >= bt->cap) {
		size_t cap = bt->cap ? bt->cap * 2 : 1024;
		unsigned int *v = realloc(bt->lines, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		bt->lines = v;
		bt->cap = cap;
	}
	bt->lines[idx] = line;
	return 0;
}

/* Queue one bearer request of file line "line" (b->ifindex is set here) */
static int bearer_queue(struct batch *bt, struct gtpnl_bearer *b,
			const char *dev, bool add, unsigned int line)
{
	struct ctx *c = bt->c;
	int err;

	if (!c->dev_idx || strcmp(c->dev, dev))
		drain(bt);	/* the lookup may fail and say so */
	b->ifindex = ctx_ifindex(c, dev);
	if (!b->ifindex)
		return 1;
	if (!bt->b) {
		if (!ctx_handle(c))
			return 1;
		bt->b = gtpnl_batch_new(c->h, 0);
		if (!bt->b)
			return err_fail(c, "out of memory");
	}
	err = add ? gtpnl_batch_add_bearer(bt->b, b) :
		    gtpnl_batch_del_bearer(bt->b, b->ifindex, b->teid_in);
	if (err == -ENOSPC) {
		hand_off(bt);
		err = add ? gtpnl_batch_add_bearer(bt->b, b) :
			    gtpnl_batch_del_bearer(bt->b, b->ifindex, b->teid_in);
	}
	if (!err)
		err = queue_line(bt, gtpnl_batch_count(bt->b) - 1, line);
	if (err)
		drain(bt);
	return err ? err_fail(c, "%s", err == -ENOMEM ? "out of memory" :
			      gtpnl_errmsg(c->h)) : 0;
}

/* "bearer add ..." and "bearer del ..." go through the batch */
static int bearer_line(struct batch *bt, int argc, char **argv,
		       unsigned int line)
{
	struct ctx *c = bt->c;
	bool add = argv[1][0] == 'a';
	struct gtpnl_arg_err e;
	struct gtpnl_bearer b;
	const char *dev;

	if (gtpnl_arg_bearer(argc - 2, argv + 2,
			     add ? GTPNL_ARG_ADD : GTPNL_ARG_DEL, &b, &dev, &e)) {
		drain(bt);
		return err_arg(c, &e);
	}
	return bearer_queue(bt, &b, dev, add, line);
}

static void run_line(struct batch *bt, char *text, unsigned int line)
{
	char *argv[BATCH_MAX_WORDS];
	struct gtpnl_bearer b;
	char *dev;
	int argc, ret;

	if (gtpnl_arg_bearer_add_fast(text, &b, &dev)) {
		bt->commands++;
		if (bearer_queue(bt, &b, dev, true, line))
			failed_at(bt, line);
		return;
	}
	argc = gtpnl_arg_split(text, argv, BATCH_MAX_WORDS);
	if (!argc)
		return;
	bt->commands++;
	if (argc < 0) {
		drain(bt);
		err_usage(bt->c, "more than %d words in a line", BATCH_MAX_WORDS);
		failed_at(bt, line);
		return;
	}
	if (argc >= 2 && !strcmp(argv[0], "bearer") &&
	    (!strcmp(argv[1], "add") || !strcmp(argv[1], "del"))) {
		if (bearer_line(bt, argc, argv, line))
			failed_at(bt, line);
		return;
	}
	flush(bt);
	if (!strcmp(argv[0], "link"))
		bt->c->dev_idx = 0;	/* names may now mean other devices */
	ret = run_command(bt->c, argc, argv);
	if (ret)
		failed_at(bt, line);
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int do_batch(struct ctx *c, const char *file)
{
	struct batch bt = { .c = c, .file = file, .job = -1,
			    .lock = PTHREAD_MUTEX_INITIALIZER,
			    .cond = PTHREAD_COND_INITIALIZER };
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	double t0 = seconds(), dt;
	unsigned int line = 0;
	size_t cap = 0;
	char *text = NULL;

	if (!f)
		return err_fail(c, "cannot open \"%s\": %s", file, strerror(errno));
	/* a batch may fail 100k times: write the reports in big blocks */
	setvbuf(stderr, NULL, _IOFBF, 1 << 16);
	while (getline(&text, &cap, f) >= 0)
		run_line(&bt, text, ++line);
	flush(&bt);
	drain(&bt);
	dt = seconds() - t0;
	fflush(stderr);
	if (f != stdin)
		fclose(f);
	free(text);
	stop(&bt);
	out_obj_begin();
	out_u64("commands", "%llu commands, ", bt.commands);
	out_u64("failed", "%llu failed, ", bt.failed);
	out_u64("rate", "%llu/s", dt > 0 ? (uint64_t)(bt.commands / dt) : 0);
	if (bt.lost)
		out_str("warning", " (%s)", "some failure reports were lost");
	out_obj_end();
	return bt.failed || bt.lost ? 1 : 0;
}
