/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Micro-benchmark harness shared by tests/bench/bench_*.c (lib_bench.c).
 *
 * A case is one operation on one input ("s1ap", "Paging", "decode"): a
 * function that runs the operation `iters` times.  bench_measure() times it
 * on the calling thread: it calibrates a batch size of about 10 ms, then
 * makes cfg->runs runs of at least cfg->min_time seconds each and keeps the
 * median rate.  Nothing here asserts on time: results are reported, never
 * judged.  An operation that fails (returns -1) means the benchmark itself
 * is broken; that is reported as an error.
 *
 *   static int op(void *arg, uint64_t iters)
 *   {
 *           while (iters--)
 *                   bench_sink += work(arg);
 *           return 0;
 *   }
 *   bench_case_add(&cases, "gtpu", "EchoRequest", "decode", 12, op, arg);
 */
#ifndef AGW_TESTS_BENCH_H
#define AGW_TESTS_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct json_object;

/* Runs the operation iters times; 0, or -1 when the operation failed. */
typedef int (*bench_op)(void *arg, uint64_t iters);

/* Operations add something they computed here so nothing is optimised away. */
extern volatile uint64_t bench_sink;

struct bench_cfg {
	unsigned int runs;		/* median of this many runs (default 5) */
	double min_time;		/* seconds per run (default 0.2) */
};

struct bench_case {
	const char *codec;		/* "s1ap", "nas", "gtpu", "diameter", "crypto" */
	const char *message;		/* "InitialContextSetupRequest", "128-EIA2" */
	const char *op;			/* "decode", "encode", "mac", ... */
	size_t bytes;			/* size of the message the operation handles */
	bench_op fn;
	void *arg;
	/* bytes a peer dissector (tshark) is given for this message, or NULL */
	const uint8_t *wire;
	size_t wire_len;
};

/* One measured (or derived) result. */
struct bench_row {
	char codec[24];
	char message[64];
	char op[24];
	char impl[16];			/* "agw" or a peer's name ("tshark") */
	size_t bytes;
	double per_s;			/* operations (messages) per second */
	double ns;			/* nanoseconds per operation */
	double cpu;			/* thread CPU time / wall time (0: unknown) */
	double others;			/* CPUs' worth of other work meanwhile (-1: unknown) */
	uint64_t count;			/* peers: messages in the run */
	double seconds;			/* peers: wall time of the whole run */
	double per_s_warm;		/* peers: rate with start-up time removed */
	int derived;			/* computed from other rows, not timed */
};

/* ---- cases (and memory owned by them) */
struct bench_defer;

struct bench_cases {
	struct bench_case *v;
	size_t n, cap;
	void **owned;
	size_t n_owned, cap_owned;
	struct bench_defer *defer;	/* run by bench_cases_free(), last first */
};

int bench_case_add(struct bench_cases *c, const char *codec, const char *message,
		   const char *op, size_t bytes, bench_op fn, void *arg);
/* Last case added (to set wire/wire_len), NULL when none. */
struct bench_case *bench_case_last(struct bench_cases *c);
/* Zeroed memory freed by bench_cases_free(); NULL when out of memory. */
void *bench_own(struct bench_cases *c, size_t size);
/* Call fn(arg) from bench_cases_free() (to release what a case set up). */
int bench_defer(struct bench_cases *c, void (*fn)(void *arg), void *arg);
void bench_cases_free(struct bench_cases *c);

/*
 * Read DIR/NAME into memory owned by c.  Returns 0, or -1 with a message
 * saying which file and why in err.
 */
int bench_load(struct bench_cases *c, const char *dir, const char *name, uint8_t **buf,
	       size_t *len, char *err, size_t err_len);

/* ---- timing */
/* Time one case into row (codec, message, op, bytes, per_s, ns, cpu, others).
 * Returns 0, or -1 when the operation failed. */
int bench_measure(const struct bench_cfg *cfg, const struct bench_case *bc,
		  struct bench_row *row);
/* Monotonic wall clock in seconds. */
double bench_now(void);

/* ---- report */
struct bench_report {
	const char *name;		/* "codecs" */
	struct json_object *machine;	/* bench_machine_json() taken at the start, or NULL */
	struct bench_row *rows;
	size_t n, cap;
};

int bench_report_add(struct bench_report *r, const struct bench_row *row);
void bench_report_free(struct bench_report *r);
/* {"benchmark": name, "machine": {...}, "runs": .., "min_time_s": ..,
 *  "rows": [ {...}, ... ]} with one row per line. */
int bench_report_json(const struct bench_report *r, const struct bench_cfg *cfg, FILE *f);
/* Text table: a header, then one line per row. */
void bench_table_header(FILE *f);
void bench_table_row(FILE *f, const struct bench_row *row);

/* Machine description: CPU model, vCPUs, load average, running QEMUs. */
struct json_object *bench_machine_json(void);
/* "Intel(R) Xeon(R) ..." from /proc/cpuinfo into buf ("unknown" if none). */
void bench_cpu_model(char *buf, size_t len);
/* Number of running qemu-system-* processes (from /proc/PID/comm). */
int bench_qemu_count(void);

#endif
