// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark harness: cases, corpus loading and timing (bench.h).
 * Linked into every tests/bench/bench_*.c program.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

volatile uint64_t bench_sink;

#define BENCH_BATCH_S	0.01		/* calibrated batch: about 10 ms */
#define BENCH_MAX_RUNS	64

/* ------------------------------------------------------------- cases --- */

int bench_case_add(struct bench_cases *c, const char *codec, const char *message,
		   const char *op, size_t bytes, bench_op fn, void *arg)
{
	struct bench_case *v;

	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 32;

		v = realloc(c->v, cap * sizeof(*v));
		if (!v)
			return -1;
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = (struct bench_case){
		.codec = codec, .message = message, .op = op, .bytes = bytes,
		.fn = fn, .arg = arg,
	};
	return 0;
}

struct bench_case *bench_case_last(struct bench_cases *c)
{
	return c->n ? &c->v[c->n - 1] : NULL;
}

void *bench_own(struct bench_cases *c, size_t size)
{
	void *p;

	if (c->n_owned == c->cap_owned) {
		size_t cap = c->cap_owned ? 2 * c->cap_owned : 32;
		void **v = realloc(c->owned, cap * sizeof(*v));

		if (!v)
			return NULL;
		c->owned = v;
		c->cap_owned = cap;
	}
	p = calloc(1, size ? size : 1);
	if (p)
		c->owned[c->n_owned++] = p;
	return p;
}

struct bench_defer {
	void (*fn)(void *arg);
	void *arg;
	struct bench_defer *next;
};

int bench_defer(struct bench_cases *c, void (*fn)(void *arg), void *arg)
{
	struct bench_defer *d = malloc(sizeof(*d));

	if (!d)
		return -1;
	*d = (struct bench_defer){ .fn = fn, .arg = arg, .next = c->defer };
	c->defer = d;
	return 0;
}

void bench_cases_free(struct bench_cases *c)
{
	struct bench_defer *d;
	size_t i;

	while ((d = c->defer)) {
		c->defer = d->next;
		d->fn(d->arg);
		free(d);
	}
	for (i = 0; i < c->n_owned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

int bench_load(struct bench_cases *c, const char *dir, const char *name, uint8_t **buf,
	       size_t *len, char *err, size_t err_len)
{
	char path[4096];
	uint8_t *p;
	long size;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, err_len, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		snprintf(err, err_len, "%s: cannot get its size", path);
		fclose(f);
		return -1;
	}
	p = bench_own(c, (size_t)size);
	if (!p || fread(p, 1, (size_t)size, f) != (size_t)size) {
		snprintf(err, err_len, "%s: %s", path, p ? "short read" : "out of memory");
		fclose(f);
		return -1;
	}
	fclose(f);
	if (!size) {
		snprintf(err, err_len, "%s: empty file", path);
		return -1;
	}
	*buf = p;
	*len = (size_t)size;
	return 0;
}

/* ------------------------------------------------------------ timing --- */

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* Iterations that take about BENCH_BATCH_S (the first calls also warm up). */
static int calibrate(const struct bench_case *bc, uint64_t *batch)
{
	uint64_t n = 1;
	double t0, dt;

	for (;;) {
		t0 = bench_now();
		if (bc->fn(bc->arg, n))
			return -1;
		dt = bench_now() - t0;
		if (dt >= BENCH_BATCH_S || n >= (1ULL << 40))
			break;
		if (dt < BENCH_BATCH_S / 100)
			n *= 10;
		else
			n = (uint64_t)((double)n * BENCH_BATCH_S * 1.2 / dt) + 1;
	}
	*batch = n;
	return 0;
}

/* One run of whole batches lasting at least min_time. */
static int one_run(const struct bench_case *bc, uint64_t batch, double min_time,
		   double *rate, double *wall, double *cpu)
{
	double t0 = bench_now(), c0 = clock_s(CLOCK_THREAD_CPUTIME_ID), t;
	uint64_t done = 0;

	do {
		if (bc->fn(bc->arg, batch))
			return -1;
		done += batch;
		t = bench_now() - t0;
	} while (t < min_time);
	*rate = (double)done / t;
	*wall = t;
	*cpu = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Busy and total ticks of all CPUs from the first line of /proc/stat
 * ("cpu user nice system idle iowait irq softirq steal ..."); steal counts
 * as busy: the hypervisor gave the time to someone else.  -1 if unreadable.
 */
static int stat_ticks(unsigned long long *busy, unsigned long long *total)
{
	unsigned long long v[8] = { 0 };
	FILE *f = fopen("/proc/stat", "r");
	int n, i;

	if (!f)
		return -1;
	n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
		   &v[4], &v[5], &v[6], &v[7]);
	fclose(f);
	if (n < 5)
		return -1;
	for (*total = 0, i = 0; i < 8; i++)
		*total += v[i];
	*busy = *total - v[3] - v[4];
	return 0;
}

/* CPUs' worth of work other than ours between two stat_ticks() readings. */
static double others(unsigned long long b0, unsigned long long t0, unsigned long long b1,
		     unsigned long long t1, double ours)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	double o;

	if (t1 <= t0 || ncpu < 1)
		return -1;
	o = (double)(b1 - b0) / (double)(t1 - t0) * (double)ncpu - ours;
	return o < 0 ? 0 : o;
}

int bench_measure(const struct bench_cfg *cfg, const struct bench_case *bc,
		  struct bench_row *row)
{
	double rates[BENCH_MAX_RUNS], wall = 0, cpu = 0, w, c;
	unsigned long long b0 = 0, t0 = 0, b1 = 0, t1 = 0;
	unsigned int runs = cfg->runs, i;
	int have_stat;
	uint64_t batch;

	if (runs < 1)
		runs = 1;
	if (runs > BENCH_MAX_RUNS)
		runs = BENCH_MAX_RUNS;
	memset(row, 0, sizeof(*row));
	snprintf(row->codec, sizeof(row->codec), "%s", bc->codec);
	snprintf(row->message, sizeof(row->message), "%s", bc->message);
	snprintf(row->op, sizeof(row->op), "%s", bc->op);
	snprintf(row->impl, sizeof(row->impl), "agw");
	row->bytes = bc->bytes;
	if (calibrate(bc, &batch))
		return -1;
	have_stat = !stat_ticks(&b0, &t0);
	for (i = 0; i < runs; i++) {
		if (one_run(bc, batch, cfg->min_time, &rates[i], &w, &c))
			return -1;
		wall += w;
		cpu += c;
	}
	qsort(rates, runs, sizeof(rates[0]), cmp_double);
	/* the median; for an even count the mean of the middle two */
	row->per_s = runs % 2 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
	row->ns = 1e9 / row->per_s;
	row->cpu = wall > 0 ? cpu / wall : 0;
	row->others = have_stat && !stat_ticks(&b1, &t1) ? others(b0, t0, b1, t1, row->cpu) : -1;
	return 0;
}
