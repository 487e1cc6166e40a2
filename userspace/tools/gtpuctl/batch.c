// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl -batch FILE: one command a line, like `ip -batch`.  Consecutive
 * "bearer add" and "bearer del" lines are pipelined through gtpnl's
 * batching API (up to GTPU_BEARERS_PER_MSG_MAX bearers per message, one
 * sendmsg per buffer of messages); any other command first flushes what
 * is queued, then runs as usual.  Every failed line is reported with
 * "Command failed FILE:LINE"; the run ends with
 * "N commands, N failed, X/s" and exit status 1 if any failed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gtpuctl.h"

#define BATCH_MAX_WORDS	64

struct batch {
	struct ctx *c;
	const char *file;
	struct gtpnl_batch *b;
	unsigned int *lines;		/* file line of each queued request */
	size_t cap;
	unsigned long long commands, failed;
	bool lost;
};

static void failed_at(struct batch *bt, unsigned int line)
{
	fprintf(stderr, "Command failed %s:%u\n", bt->file, line);
	bt->failed++;
}

static void on_fail(unsigned int index, int err, const char *msg, void *data)
{
	struct batch *bt = data;

	fprintf(stderr, "Error: %s\n", msg);
	failed_at(bt, bt->lines[index]);
}

static void flush(struct batch *bt)
{
	unsigned int n;
	int ret;

	if (!bt->b || !(n = gtpnl_batch_count(bt->b)))
		return;
	ret = gtpnl_batch_flush(bt->b, on_fail, bt);
	if (ret == -ENOBUFS) {
		fprintf(stderr, "Error: %s\n", gtpnl_errmsg(bt->c->h));
		bt->lost = true;
	} else if (ret < 0) {
		/* nothing was done: every queued line failed */
		fprintf(stderr, "Error: %s\n", gtpnl_errmsg(bt->c->h));
		for (unsigned int i = 0; i < n; i++)
			failed_at(bt, bt->lines[i]);
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

/* "bearer add ..." and "bearer del ..." go through the batch */
static int bearer_line(struct batch *bt, int argc, char **argv,
		       unsigned int line)
{
	struct ctx *c = bt->c;
	bool add = argv[1][0] == 'a';
	struct gtpnl_arg_err e;
	struct gtpnl_bearer b;
	const char *dev;
	int err;

	if (gtpnl_arg_bearer(argc - 2, argv + 2,
			     add ? GTPNL_ARG_ADD : GTPNL_ARG_DEL, &b, &dev, &e))
		return err_arg(c, &e);
	b.ifindex = ctx_ifindex(c, dev);
	if (!b.ifindex)
		return 1;
	if (!bt->b) {
		if (!ctx_handle(c))
			return 1;
		bt->b = gtpnl_batch_new(c->h, 0);
		if (!bt->b)
			return err_fail(c, "out of memory");
	}
	err = add ? gtpnl_batch_add_bearer(bt->b, &b) :
		    gtpnl_batch_del_bearer(bt->b, b.ifindex, b.teid_in);
	if (err == -ENOSPC) {
		flush(bt);
		err = add ? gtpnl_batch_add_bearer(bt->b, &b) :
			    gtpnl_batch_del_bearer(bt->b, b.ifindex, b.teid_in);
	}
	if (!err)
		err = queue_line(bt, gtpnl_batch_count(bt->b) - 1, line);
	return err ? err_fail(c, "%s", err == -ENOMEM ? "out of memory" :
			      gtpnl_errmsg(c->h)) : 0;
}

static void run_line(struct batch *bt, char *text, unsigned int line)
{
	char *argv[BATCH_MAX_WORDS];
	int argc = gtpnl_arg_split(text, argv, BATCH_MAX_WORDS);
	int ret;

	if (!argc)
		return;
	bt->commands++;
	if (argc < 0) {
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
	struct batch bt = { .c = c, .file = file };
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
	dt = seconds() - t0;
	fflush(stderr);
	if (f != stdin)
		fclose(f);
	free(text);
	free(bt.lines);
	gtpnl_batch_free(bt.b);
	out_obj_begin();
	out_u64("commands", "%llu commands, ", bt.commands);
	out_u64("failed", "%llu failed, ", bt.failed);
	out_u64("rate", "%llu/s", dt > 0 ? (uint64_t)(bt.commands / dt) : 0);
	if (bt.lost)
		out_str("warning", " (%s)", "some failure reports were lost");
	out_obj_end();
	return bt.failed || bt.lost ? 1 : 0;
}
