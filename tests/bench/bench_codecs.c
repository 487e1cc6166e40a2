// SPDX-License-Identifier: GPL-2.0
/*
 * bench_codecs: decode/encode rates of the protocol codecs (S1AP, NAS,
 * GTP-U, Diameter) and the EPS security algorithms on one core.  See
 * Documentation/performance.md ("Codecs") and tests/bench/run-codecs, which
 * also times tshark on the same S1AP and NAS messages as a reference point.
 *
 *   bench_codecs [--corpus DIR] [--only CODEC,...] [--runs N] [--min-time S]
 *                [--json FILE] [--table FILE] [--peer SPEC]...
 *   bench_codecs --pcap DIR [--copies N]
 *   bench_codecs --list
 *
 * JSON goes to stdout (and --json FILE), the text table to stderr (and
 * --table FILE).  Times are reported, never judged.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "codecs.h"

#define MAX_PEERS	4

struct peer {
	char codec[24];
	unsigned long count;
	double seconds;		/* the whole run */
	double one_seconds;	/* a run over one round of the set (start-up) */
};

struct opts {
	const char *corpus;
	const char *only;
	const char *json;
	const char *table;
	const char *pcap_dir;
	unsigned long copies;
	int list;
	struct bench_cfg cfg;
	struct peer peers[MAX_PEERS];
	unsigned int n_peers;
};

/* Peer sets: which measured op tshark's full dissection is compared with. */
static const struct {
	const char *codec;
	const char *op;
} peer_sets[] = {
	{ "s1ap", "decode" },		/* the APER tree; NAS-PDUs stay octets */
	{ "nas", "decode-values" },	/* every IE value and the ESM container */
};

static const char *peer_op(const char *codec)
{
	size_t i;

	for (i = 0; i < sizeof(peer_sets) / sizeof(peer_sets[0]); i++)
		if (!strcmp(peer_sets[i].codec, codec))
			return peer_sets[i].op;
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: bench_codecs [--corpus DIR] [--only CODEC[,CODEC...]] [--runs N]\n"
		"                    [--min-time SECONDS] [--json FILE] [--table FILE]\n"
		"                    [--peer CODEC:COUNT:SECONDS:ONE_ROUND_SECONDS]...\n"
		"       bench_codecs --pcap DIR [--copies N] [--corpus DIR]\n"
		"       bench_codecs --list [--corpus DIR]\n"
		"Where: CODEC := { s1ap | nas | gtpu | diameter | crypto }\n"
		"       (crypto: EIA, EEA and Milenage)\n"
		"       DIR of --corpus defaults to tests/fuzz/corpus (run from the repo top)\n");
}

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "bench_codecs: <where and why>" on stderr; returns the exit status 1. */
static int fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench_codecs: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	return 1;
}

static int parse_peer(struct opts *o, const char *s)
{
	struct peer *p;
	char extra;

	if (o->n_peers == MAX_PEERS)
		return -1;
	p = &o->peers[o->n_peers];
	if (sscanf(s, "%23[a-z0-9]:%lu:%lf:%lf%c", p->codec, &p->count, &p->seconds,
		   &p->one_seconds, &extra) != 4 || !peer_op(p->codec) || !p->count ||
	    p->seconds <= 0 || p->one_seconds < 0)
		return -1;
	o->n_peers++;
	return 0;
}

static int parse_num(const char *s, double min, double max, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || *v < min || *v > max ? -1 : 0;
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{ "corpus", 1, NULL, 'c' }, { "only", 1, NULL, 'o' }, { "runs", 1, NULL, 'r' },
		{ "min-time", 1, NULL, 't' }, { "json", 1, NULL, 'j' }, { "table", 1, NULL, 'T' },
		{ "peer", 1, NULL, 'p' }, { "pcap", 1, NULL, 'P' }, { "copies", 1, NULL, 'n' },
		{ "list", 0, NULL, 'l' }, { "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	double v;
	int c;

	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (c) {
		case 'c': o->corpus = optarg; break;
		case 'o': o->only = optarg; break;
		case 'j': o->json = optarg; break;
		case 'T': o->table = optarg; break;
		case 'P': o->pcap_dir = optarg; break;
		case 'l': o->list = 1; break;
		case 'r':
			if (parse_num(optarg, 1, 64, &v))
				return fail("argument \"%s\" of --runs is wrong: 1..64", optarg);
			o->cfg.runs = (unsigned int)v;
			break;
		case 't':
			if (parse_num(optarg, 0.001, 60, &v))
				return fail("argument \"%s\" of --min-time is wrong: 0.001..60 s",
					    optarg);
			o->cfg.min_time = v;
			break;
		case 'n':
			if (parse_num(optarg, 1, 1e6, &v))
				return fail("argument \"%s\" of --copies is wrong: 1..1000000",
					    optarg);
			o->copies = (unsigned long)v;
			break;
		case 'p':
			if (parse_peer(o, optarg))
				return fail("argument \"%s\" of --peer is wrong: want %s", optarg,
					    "s1ap|nas:COUNT:SECONDS:ONE_ROUND_SECONDS");
			break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return 1;
		}
	}
	if (optind != argc)
		return fail("unexpected argument \"%s\"", argv[optind]);
	return 0;
}

/* --only: is codec in the comma-separated list (or is there no list)? */
static int wanted(const char *only, const char *codec)
{
	size_t n = strlen(codec);
	const char *p = only;

	if (!only)
		return 1;
	while ((p = strstr(p, codec))) {
		if ((p == only || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}

static int load_cases(const struct opts *o, struct bench_cases *c)
{
	static const struct {
		const char *name;
		int (*add)(struct bench_cases *, const char *, char *, size_t);
	} codecs[] = {
		{ "s1ap", codecs_s1ap_add }, { "nas", codecs_nas_add },
		{ "gtpu", codecs_gtpu_add }, { "diameter", codecs_diameter_add },
		{ "crypto", codecs_crypto_add },
	};
	char err[512];
	size_t i, n = 0;

	for (i = 0; i < sizeof(codecs) / sizeof(codecs[0]); i++) {
		if (!wanted(o->only, codecs[i].name))
			continue;
		n++;
		err[0] = 0;
		if (codecs[i].add(c, o->corpus, err, sizeof(err)))
			return fail("%s: %s", codecs[i].name, err);
	}
	if (!n)
		return fail("--only \"%s\" names no codec", o->only);
	return 0;
}

static int write_pcaps(const struct opts *o, const struct bench_cases *c)
{
	char path[4096], err[512];
	size_t i;
	long n;

	for (i = 0; i < sizeof(peer_sets) / sizeof(peer_sets[0]); i++) {
		if (!wanted(o->only, peer_sets[i].codec))
			continue;
		snprintf(path, sizeof(path), "%s/%s-1.pcap", o->pcap_dir, peer_sets[i].codec);
		n = codecs_pcap_write(c, peer_sets[i].codec, peer_sets[i].op, 1, path, err,
				      sizeof(err));
		if (n < 0)
			return fail("%s", err);
		snprintf(path, sizeof(path), "%s/%s.pcap", o->pcap_dir, peer_sets[i].codec);
		n = codecs_pcap_write(c, peer_sets[i].codec, peer_sets[i].op, o->copies, path, err,
				      sizeof(err));
		if (n < 0)
			return fail("%s", err);
		printf("%s %ld %s\n", peer_sets[i].codec, n, path);
	}
	return 0;
}

/* ------------------------------------------------------------- peers --- */

/* Rate of decoding the peer's set once each: K / sum of the times. */
static int mix_row(const struct bench_report *r, const char *codec, const char *op,
		   struct bench_row *out)
{
	double ns = 0;
	size_t i, k = 0, bytes = 0;

	for (i = 0; i < r->n; i++) {
		const struct bench_row *w = &r->rows[i];

		if (strcmp(w->impl, "agw") || strcmp(w->codec, codec) || strcmp(w->op, op))
			continue;
		ns += w->ns;
		bytes += w->bytes;
		k++;
	}
	if (!k)
		return -1;
	memset(out, 0, sizeof(*out));
	snprintf(out->codec, sizeof(out->codec), "%s", codec);
	snprintf(out->message, sizeof(out->message), "mix of %zu (peer set)", k);
	snprintf(out->op, sizeof(out->op), "%s", op);
	snprintf(out->impl, sizeof(out->impl), "agw");
	out->bytes = bytes / k;
	out->ns = ns / (double)k;
	out->per_s = 1e9 / out->ns;
	out->derived = 1;
	return (int)k;
}

static void ratio_line(FILE *f, const struct bench_row *mix, const struct bench_row *peer)
{
	fprintf(f, "%-9s agw/%s: %.0fx (whole %s run), %.0fx (its start-up removed)\n",
		mix->codec, peer->impl, mix->per_s / peer->per_s, peer->impl,
		peer->per_s_warm > 0 ? mix->per_s / peer->per_s_warm : 0);
}

static int add_peer(struct bench_report *r, const struct peer *p)
{
	const char *op = peer_op(p->codec);
	struct bench_row mix, w;
	int k = mix_row(r, p->codec, op, &mix);

	if (k <= 0)
		return 0;		/* the codec was not measured */
	w = mix;
	snprintf(w.impl, sizeof(w.impl), "tshark");
	w.derived = 0;
	w.count = p->count;
	w.seconds = p->seconds;
	w.per_s = (double)p->count / p->seconds;
	w.ns = 1e9 / w.per_s;
	if (p->seconds > p->one_seconds && p->count > (unsigned long)k)
		w.per_s_warm = (double)(p->count - (unsigned long)k) /
			       (p->seconds - p->one_seconds);
	if (bench_report_add(r, &mix) || bench_report_add(r, &w))
		return -1;
	bench_table_row(stderr, &mix);
	bench_table_row(stderr, &w);
	ratio_line(stderr, &mix, &w);
	return 0;
}

/* ------------------------------------------------------------ output --- */

static int write_table(const char *path, const struct bench_report *r)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (!f)
		return fail("%s: %s", path, strerror(errno));
	bench_table_header(f);
	for (i = 0; i < r->n; i++) {
		bench_table_row(f, &r->rows[i]);
		/* a peer row follows the derived row of the same set */
		if (i && r->rows[i].count)
			ratio_line(f, &r->rows[i - 1], &r->rows[i]);
	}
	if (fclose(f))
		return fail("%s: %s", path, strerror(errno));
	return 0;
}

static int write_outputs(const struct opts *o, const struct bench_report *r)
{
	FILE *f;

	if (bench_report_json(r, &o->cfg, stdout) || fflush(stdout))
		return fail("stdout: %s", strerror(errno));
	if (o->json) {
		f = fopen(o->json, "w");
		if (!f)
			return fail("%s: %s", o->json, strerror(errno));
		if (bench_report_json(r, &o->cfg, f) | fclose(f))
			return fail("%s: %s", o->json, strerror(errno));
	}
	if (o->table)
		return write_table(o->table, r);
	return 0;
}

static int measure_all(const struct opts *o, const struct bench_cases *c,
		       struct bench_report *r)
{
	struct bench_row w;
	unsigned int i;
	size_t k;

	bench_table_header(stderr);
	for (k = 0; k < c->n; k++) {
		if (bench_measure(&o->cfg, &c->v[k], &w))
			return fail("%s: operation failed while timing it (%s)", c->v[k].codec,
				    c->v[k].message);
		bench_table_row(stderr, &w);
		if (bench_report_add(r, &w))
			return fail("out of memory");
	}
	for (i = 0; i < o->n_peers; i++)
		if (add_peer(r, &o->peers[i]))
			return fail("out of memory");
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = {
		.corpus = "tests/fuzz/corpus",
		.copies = 10000,
		.cfg = { .runs = 5, .min_time = 0.2 },
	};
	struct bench_report r = { .name = "codecs" };
	struct bench_cases c = { 0 };
	int rc;
	size_t k;

	rc = parse_args(argc, argv, &o);
	if (!rc)
		rc = load_cases(&o, &c);
	if (!rc && o.list) {
		for (k = 0; k < c.n; k++)
			printf("%-9s %-40s %-20s %6zu\n", c.v[k].codec, c.v[k].message, c.v[k].op,
			       c.v[k].bytes);
	} else if (!rc && o.pcap_dir) {
		rc = write_pcaps(&o, &c);
	} else if (!rc) {
		r.machine = bench_machine_json();
		rc = measure_all(&o, &c, &r);
		if (!rc)
			rc = write_outputs(&o, &r);
	}
	bench_report_free(&r);
	bench_cases_free(&c);
	return rc;
}
