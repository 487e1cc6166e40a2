// SPDX-License-Identifier: GPL-2.0
/*
 * bench_codecs: S1AP, GTP-U and Diameter cases.
 *
 * Inputs are the fuzz seeds, by file name (tests/fuzz/corpus/<codec>/):
 * the S1AP seeds are the messages of tests/host/tshark_s1ap.sh (TS 36.413,
 * cross-checked with Wireshark), the GTP-U seeds the hand-built TS 29.281
 * vectors of tests/unit/test_proto_gtpu.c, the Diameter seeds a captured
 * CER and the AIA/CCR-U of tests/unit/test_proto_diameter.c.  The Gx CCR-I
 * has no seed: it is built here with the AVPs of that unit test.
 *
 * decode: bytes -> decoded form, including what the decoder allocates and
 *         its release (s1ap_arena_free, dia_msg_free);
 * encode: the decoded form of the same message -> bytes;
 * build:  (Diameter) a message written from scratch through the
 *         dictionary-driven builder, as the Diameter clients do.
 */
#include <stdlib.h>
#include <string.h>

#include "proto/diameter.h"
#include "proto/gtpu_msg.h"
#include "proto/s1ap.h"
#include "codecs.h"
#include "codecs_dia_msgs.h"

struct named_file {
	const char *message;
	const char *file;
};

/* --------------------------------------------------------------- S1AP --- */

static const struct named_file s1ap_files[] = {
	{ "S1SetupRequest", "s1ap/00-S1SetupRequest.bin" },
	{ "InitialUEMessage", "s1ap/03-InitialUEMessage.bin" },
	{ "InitialContextSetupRequest", "s1ap/07-InitialContextSetupRequest.bin" },
	{ "DownlinkNASTransport", "s1ap/04-DownlinkNASTransport.bin" },
	{ "UEContextReleaseCommand", "s1ap/11-UEContextReleaseCommand.bin" },
	{ "Paging", "s1ap/25-Paging.bin" },
	{ "PathSwitchRequest", "s1ap/41-PathSwitchRequest.bin" },
};

struct s1ap_arg {
	const uint8_t *in;
	size_t len;
	struct s1ap_arena arena;	/* of pdu */
	struct s1ap_pdu pdu;		/* decoded once, for encode */
	uint8_t *out;
	size_t cap;
};

static int s1ap_dec_op(void *arg, uint64_t iters)
{
	struct s1ap_arg *a = arg;
	struct s1ap_arena arena;
	struct aper_ctx ctx;
	struct s1ap_pdu pdu;
	int rc;

	while (iters--) {
		memset(&arena, 0, sizeof(arena));
		memset(&ctx, 0, sizeof(ctx));
		rc = s1ap_decode(&pdu, &arena, &ctx, a->in, a->len);
		bench_sink += pdu.body.n;
		s1ap_arena_free(&arena);
		if (rc)
			return -1;
	}
	return 0;
}

static int s1ap_enc_op(void *arg, uint64_t iters)
{
	struct s1ap_arg *a = arg;
	struct aper_ctx ctx;
	long n;

	while (iters--) {
		memset(&ctx, 0, sizeof(ctx));
		n = s1ap_encode(&a->pdu, &ctx, a->out, a->cap);
		if (n != (long)a->len)
			return -1;
		bench_sink += a->out[n - 1];
	}
	return 0;
}

static void s1ap_arg_free(void *arg)
{
	struct s1ap_arg *a = arg;

	s1ap_arena_free(&a->arena);
}

/* Decode once (the PDU kept for encode) and require the same bytes back. */
static int s1ap_setup(struct s1ap_arg *a, const char *file, char *err, size_t len)
{
	struct aper_ctx ctx;
	long n;

	memset(&ctx, 0, sizeof(ctx));
	if (s1ap_decode(&a->pdu, &a->arena, &ctx, a->in, a->len)) {
		snprintf(err, len, "%s: S1AP decode: %s", file, ctx.err);
		return -1;
	}
	memset(&ctx, 0, sizeof(ctx));
	n = s1ap_encode(&a->pdu, &ctx, a->out, a->cap);
	if (n != (long)a->len || memcmp(a->out, a->in, a->len)) {
		snprintf(err, len, "%s: S1AP re-encoding differs (%ld octets): %s", file, n,
			 ctx.err);
		return -1;
	}
	return 0;
}

int codecs_s1ap_add(struct bench_cases *c, const char *corpus, char *err, size_t len)
{
	const struct named_file *f;
	struct s1ap_arg *a;
	uint8_t *in;
	size_t n;

	for (f = s1ap_files; f < s1ap_files + sizeof(s1ap_files) / sizeof(*f); f++) {
		if (bench_load(c, corpus, f->file, &in, &n, err, len))
			return -1;
		a = bench_own(c, sizeof(*a));
		if (!a || !(a->out = bench_own(c, n + 64)) || bench_defer(c, s1ap_arg_free, a))
			goto oom;
		a->in = in;
		a->len = n;
		a->cap = n + 64;
		if (s1ap_setup(a, f->file, err, len))
			return -1;
		if (bench_case_add(c, "s1ap", f->message, "decode", n, s1ap_dec_op, a))
			goto oom;
		bench_case_last(c)->wire = in;
		bench_case_last(c)->wire_len = n;
		if (bench_case_add(c, "s1ap", f->message, "encode", n, s1ap_enc_op, a))
			goto oom;
	}
	return 0;
oom:
	snprintf(err, len, "s1ap: out of memory");
	return -1;
}

/* -------------------------------------------------------------- GTP-U --- */

static const struct named_file gtpu_files[] = {
	{ "G-PDU", "gtpu/seed7.bin" },			/* 29.281 5.1, TEID 1, no options */
	{ "EchoRequest", "gtpu/seed1.bin" },		/* 29.281 7.2.1 */
	{ "ErrorIndication", "gtpu/seed3.bin" },	/* 29.281 7.3.1 */
};

struct gtpu_arg {
	const uint8_t *in;
	size_t len;
	struct gtpu_msg msg;
	uint8_t out[512];
};

static int gtpu_dec_op(void *arg, uint64_t iters)
{
	struct gtpu_arg *a = arg;
	struct gtpu_err e;
	struct gtpu_msg m;

	while (iters--) {
		if (gtpu_msg_decode(a->in, a->len, &m, &e))
			return -1;
		bench_sink += m.teid + m.n_ie;
	}
	return 0;
}

static int gtpu_enc_op(void *arg, uint64_t iters)
{
	struct gtpu_arg *a = arg;
	struct gtpu_err e;

	while (iters--) {
		if (gtpu_msg_encode(&a->msg, a->out, sizeof(a->out), &e) != (int)a->len)
			return -1;
		bench_sink += a->out[3];
	}
	return 0;
}

int codecs_gtpu_add(struct bench_cases *c, const char *corpus, char *err, size_t len)
{
	const struct named_file *f;
	struct gtpu_arg *a;
	struct gtpu_err e = { 0 };
	uint8_t *in;
	size_t n;

	for (f = gtpu_files; f < gtpu_files + sizeof(gtpu_files) / sizeof(*f); f++) {
		if (bench_load(c, corpus, f->file, &in, &n, err, len))
			return -1;
		a = bench_own(c, sizeof(*a));
		if (!a)
			goto oom;
		a->in = in;
		a->len = n;
		if (n > sizeof(a->out) || gtpu_msg_decode(in, n, &a->msg, &e) ||
		    gtpu_msg_encode(&a->msg, a->out, sizeof(a->out), &e) != (int)n ||
		    memcmp(a->out, in, n)) {
			snprintf(err, len, "%s: GTP-U round trip failed at octet %zu: %s", f->file,
				 e.offset, e.msg[0] ? e.msg : "different bytes");
			return -1;
		}
		if (bench_case_add(c, "gtpu", f->message, "decode", n, gtpu_dec_op, a) ||
		    bench_case_add(c, "gtpu", f->message, "encode", n, gtpu_enc_op, a))
			goto oom;
	}
	return 0;
oom:
	snprintf(err, len, "gtpu: out of memory");
	return -1;
}

/* ----------------------------------------------------------- Diameter --- */

typedef int (*dia_build_fn)(uint8_t *buf, size_t cap);

/* the builders of tests/unit/test_proto_diameter.c (codecs_dia_msgs.h) */
static int build_aia(uint8_t *buf, size_t cap)
{
	return dia_msgs_air_aia(buf, cap, 1);
}

struct dia_case {
	const char *message;
	const char *file;		/* seed, or NULL: the bytes of build */
	dia_build_fn build;		/* builder, or NULL: no "build" case */
};

static const struct dia_case dia_cases[] = {
	{ "CER", "diameter/cer_f5.bin", NULL },
	{ "AIA (1 E-UTRAN-Vector)", "diameter/aia.bin", build_aia },
	{ "Gx CCR-I", NULL, dia_msgs_ccr_i },
	{ "Gy CCR-U (MSCC)", "diameter/ccr_u.bin", dia_msgs_ccr_u },
};

struct dia_arg {
	const uint8_t *in;
	size_t len;
	struct dia_msg msg;		/* decoded once, for encode */
	dia_build_fn build;
	uint8_t out[2048];
};

static int dia_dec_op(void *arg, uint64_t iters)
{
	struct dia_arg *a = arg;
	struct dia_err e;
	struct dia_msg m;
	int rc;

	while (iters--) {
		rc = dia_msg_decode(a->in, a->len, &m, &e);
		bench_sink += (uint64_t)m.n_avps;
		dia_msg_free(&m);
		if (rc)
			return -1;
	}
	return 0;
}

static int dia_enc_op(void *arg, uint64_t iters)
{
	struct dia_arg *a = arg;
	struct dia_err e;

	while (iters--) {
		if (dia_msg_encode(&a->msg, a->out, sizeof(a->out), &e) != (int)a->len)
			return -1;
		bench_sink += a->out[a->len - 1];
	}
	return 0;
}

static int dia_build_op(void *arg, uint64_t iters)
{
	struct dia_arg *a = arg;
	int n;

	while (iters--) {
		n = a->build(a->out, sizeof(a->out));
		if (n <= 0)
			return -1;
		bench_sink += (uint64_t)n;
	}
	return 0;
}

static void dia_arg_free(void *arg)
{
	dia_msg_free(&((struct dia_arg *)arg)->msg);
}

/* Input bytes (seed or built), decoded once, re-encoded identically. */
static int dia_setup(struct bench_cases *c, const char *corpus, const struct dia_case *dc,
		     struct dia_arg *a, char *err, size_t len)
{
	const char *what = dc->file ? dc->file : dc->message;
	struct dia_err e = { 0 };
	uint8_t *in;
	int n;

	if (dc->file) {
		if (bench_load(c, corpus, dc->file, &in, &a->len, err, len))
			return -1;
	} else {
		n = dc->build(a->out, sizeof(a->out));
		in = bench_own(c, n > 0 ? (size_t)n : 1);
		if (n <= 0 || !in) {
			snprintf(err, len, "%s: builder failed", what);
			return -1;
		}
		memcpy(in, a->out, (size_t)n);
		a->len = (size_t)n;
	}
	a->in = in;
	if (dia_msg_decode(in, a->len, &a->msg, &e) || a->msg.trailing) {
		snprintf(err, len, "%s: Diameter decode at octet %zu: %s%s", what, e.offset,
			 e.path, e.msg[0] ? e.msg : "trailing octets");
		return -1;
	}
	n = dia_msg_encode(&a->msg, a->out, sizeof(a->out), &e);
	if (n != (int)a->len || memcmp(a->out, in, a->len)) {
		snprintf(err, len, "%s: Diameter re-encoding differs: %s", what, e.msg);
		return -1;
	}
	return 0;
}

int codecs_diameter_add(struct bench_cases *c, const char *corpus, char *err, size_t len)
{
	const struct dia_case *dc;
	struct dia_arg *a;
	uint8_t tmp[2048];
	int n;

	for (dc = dia_cases; dc < dia_cases + sizeof(dia_cases) / sizeof(*dc); dc++) {
		a = bench_own(c, sizeof(*a));
		if (!a || bench_defer(c, dia_arg_free, a))
			goto oom;
		if (dia_setup(c, corpus, dc, a, err, len))
			return -1;
		a->build = dc->build;
		if (bench_case_add(c, "diameter", dc->message, "decode", a->len, dia_dec_op, a) ||
		    bench_case_add(c, "diameter", dc->message, "encode", a->len, dia_enc_op, a))
			goto oom;
		if (!dc->build)
			continue;
		n = dc->build(tmp, sizeof(tmp));
		if (n <= 0) {
			snprintf(err, len, "%s: builder failed", dc->message);
			return -1;
		}
		if (bench_case_add(c, "diameter", dc->message, "build", (size_t)n, dia_build_op, a))
			goto oom;
	}
	return 0;
oom:
	snprintf(err, len, "diameter: out of memory");
	return -1;
}
