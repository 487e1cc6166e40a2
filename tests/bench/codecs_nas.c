// SPDX-License-Identifier: GPL-2.0
/*
 * bench_codecs: NAS EPS cases (TS 24.301).
 *
 * Inputs are the NAS fuzz seeds by file name (tests/fuzz/corpus/nas/: the
 * vectors of tests/unit/test_proto_nas_msg.c, real messages from other
 * stacks' test suites).  Operations:
 *
 *   decode         security header (if any) and the message into struct
 *                  nas_msg: header fields and the list of IEs as value bytes;
 *   decode-values  decode, then every IE value through its value codec
 *                  (nas_ie.h) and the ESM message container as a nested
 *                  message: what a handler that reads everything does;
 *   encode         struct nas_msg -> bytes (values already bytes);
 *   encode-values  every value struct -> value bytes (the nested ESM
 *                  message too), then the message: what a builder does;
 *   protect, unprotect
 *                  nas_protect()/nas_unprotect() of the plain message with
 *                  128-EIA2 (header type 3) or 128-EIA2 + 128-EEA2 (type 2).
 */
#include <stdlib.h>
#include <string.h>

#include "proto/nas.h"
#include "proto/nas_ie.h"
#include "codecs.h"

struct nas_file {
	const char *message;
	const char *file;
	unsigned int dir;		/* sender */
	uint8_t sht;			/* header type of protect/unprotect cases, or 0 */
};

static const struct nas_file nas_files[] = {
	{ "AttachRequest", "nas/attach_request_imsi", NAS_DIR_UL, 0 },
	{ "AttachAccept", "nas/attach_accept", NAS_DIR_DL, NAS_SHT_INTEGRITY_CIPHERED },
	{ "AuthenticationRequest", "nas/auth_request", NAS_DIR_DL, 0 },
	{ "SecurityModeCommand", "nas/smc", NAS_DIR_DL, NAS_SHT_INTEGRITY_NEW_CTX },
	{ "ServiceRequest", "nas/service_request", NAS_DIR_UL, 0 },
	{ "ActivateDedicatedEPSBearerContextRequest", "nas/act_dedicated_full", NAS_DIR_DL, 0 },
};

/* A message decoded down to its values. */
struct nas_deep {
	struct nas_msg m;
	void *st[NAS_MAX_IES];		/* value struct, NULL: value kept as bytes */
	struct nas_deep *esm;		/* the ESM message container, decoded */
	int esm_ie;			/* its index in m.ie[], -1 if none */
};

struct nas_arg {
	const uint8_t *in;
	size_t len;
	unsigned int dir;
	int protected;			/* a security header (types 1-5) wraps the message */
	struct nas_sec_hdr h;
	const uint8_t *plain;		/* the plain message inside (or in) */
	size_t plain_len;
	struct nas_deep d;
	void *scratch;			/* decode-values: room for the largest value struct */
	size_t n_raw;			/* values without a lossless codec (kept as bytes) */
	uint8_t out[1024];
	uint8_t out2[1024];
	uint8_t vbuf[2048];		/* encode-values: value bytes */
	uint8_t esm_out[1024];		/* encode-values: the nested ESM message */
	/* protect / unprotect */
	struct nas_sec_ctx sec;
	uint8_t sht;
	uint8_t prot[1024];
	size_t prot_len;
};

/* ------------------------------------------------------------- decode --- */

static int dec_msg(const struct nas_arg *a, struct nas_msg *m)
{
	struct nas_sec_hdr h;
	struct nas_err e;
	int r = nas_sec_hdr_decode(&h, a->in, a->len, &e);

	if (r < 0)
		return -1;
	if (r == 1)
		return nas_decode(m, h.inner, h.inner_len, a->dir, &e);
	return nas_decode(m, a->in, a->len, a->dir, &e);
}

static int nas_dec_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;
	struct nas_msg m;

	while (iters--) {
		if (dec_msg(a, &m))
			return -1;
		bench_sink += m.n_ie;
	}
	return 0;
}

/* Every value of m through its codec (the nested ESM message too). */
static int dec_values(const struct nas_msg *m, void *scratch, unsigned int dir, int depth)
{
	const struct nas_vcodec *vc;
	const struct nas_ie *ie;
	struct nas_msg inner;
	struct nas_err e;
	int i;

	for (i = 0; i < m->n_ie; i++) {
		ie = &m->ie[i];
		if (!ie->d || ie->ignored)
			continue;
		if (ie->d->vt == NAS_VT_ESM_CONTAINER && depth == 0) {
			if (nas_decode(&inner, ie->val, ie->len, dir, &e) ||
			    dec_values(&inner, scratch, dir, 1))
				return -1;
			continue;
		}
		vc = nas_vcodec_get(ie->d->vt);
		if (!vc)
			continue;
		/* the value decoders zero their struct themselves */
		bench_sink += (uint64_t)vc->dec(scratch, ie->val, ie->len, NULL);
	}
	return 0;
}

static int nas_dec_values_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;
	struct nas_msg m;

	while (iters--) {
		if (dec_msg(a, &m) || dec_values(&m, a->scratch, a->dir, 0))
			return -1;
		bench_sink += m.n_ie;
	}
	return 0;
}

/* ------------------------------------------------------------- encode --- */

/* The plain message, then the security header around it if there was one. */
static int enc_wrap(struct nas_arg *a, const struct nas_msg *m)
{
	struct nas_err e;
	struct nas_sec_hdr h;
	int n = nas_encode(m, a->out, sizeof(a->out), &e);

	if (n < 0 || !a->protected)
		return n;
	h = a->h;
	h.inner = a->out;
	h.inner_len = (size_t)n;
	return nas_sec_hdr_encode(&h, a->out2, sizeof(a->out2), &e);
}

static int nas_enc_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;

	while (iters--) {
		if (enc_wrap(a, &a->d.m) != (int)a->len)
			return -1;
		bench_sink += a->out[0];
	}
	return 0;
}

struct venc {
	uint8_t *buf;
	size_t cap, used;
	uint8_t *esm_out;
	size_t esm_cap;
};

/* Values of d into v->buf; m gets a copy of d->m pointing at them. */
static int enc_values(const struct nas_deep *d, struct venc *v, struct nas_msg *m)
{
	const struct nas_vcodec *vc;
	struct nas_msg inner;
	struct nas_err e;
	int i, n;

	*m = d->m;
	for (i = 0; i < m->n_ie; i++) {
		if (i == d->esm_ie) {
			if (enc_values(d->esm, v, &inner))
				return -1;
			n = nas_encode(&inner, v->esm_out, v->esm_cap, &e);
			if (n < 0)
				return -1;
			m->ie[i].val = v->esm_out;
			m->ie[i].len = (uint16_t)n;
			continue;
		}
		if (!d->st[i])
			continue;
		vc = nas_vcodec_get(m->ie[i].d->vt);
		n = vc->enc(d->st[i], v->buf + v->used, v->cap - v->used, NULL);
		if (n < 0)
			return -1;
		m->ie[i].val = v->buf + v->used;
		m->ie[i].len = (uint16_t)n;
		v->used += (size_t)n;
	}
	return 0;
}

static int enc_deep(struct nas_arg *a)
{
	struct venc v = { a->vbuf, sizeof(a->vbuf), 0, a->esm_out, sizeof(a->esm_out) };
	struct nas_msg m;

	if (enc_values(&a->d, &v, &m))
		return -1;
	return enc_wrap(a, &m);
}

static int nas_enc_values_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;

	while (iters--) {
		if (enc_deep(a) != (int)a->len)
			return -1;
		bench_sink += a->out[0];
	}
	return 0;
}

/* ------------------------------------------------- protect/unprotect --- */

static int nas_protect_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;
	struct nas_err e;
	int n;

	while (iters--) {
		a->sec.tx_count = 0;
		n = nas_protect(&a->sec, NAS_DIR_DL, a->sht, a->plain, a->plain_len, a->out2,
				sizeof(a->out2), &e);
		if (n != (int)a->prot_len)
			return -1;
		bench_sink += a->out2[1];
	}
	return 0;
}

static int nas_unprotect_op(void *arg, uint64_t iters)
{
	struct nas_arg *a = arg;
	enum nas_sec_error se;
	struct nas_err e;
	int n;

	while (iters--) {
		a->sec.rx_valid = 0;
		a->sec.rx_count = 0;
		n = nas_unprotect(&a->sec, NAS_DIR_DL, a->prot, a->prot_len, a->out2,
				  sizeof(a->out2), &se, &e);
		if (n != (int)a->plain_len)
			return -1;
		bench_sink += a->out2[0];
	}
	return 0;
}

/* Fixed test keys (the values do not change the timing). */
static int sec_setup(struct nas_arg *a, uint8_t sht, const char *file, char *err, size_t len)
{
	struct nas_err e = { 0 };
	int i, n;

	for (i = 0; i < 16; i++) {
		a->sec.k_nas_int[i] = (uint8_t)i;
		a->sec.k_nas_enc[i] = (uint8_t)(0xf0 | i);
	}
	a->sec.eia = 2;
	a->sec.eea = 2;
	a->sht = sht;
	n = nas_protect(&a->sec, NAS_DIR_DL, sht, a->plain, a->plain_len, a->prot,
			sizeof(a->prot), &e);
	if (n < 0) {
		snprintf(err, len, "%s: nas_protect: %s", file, e.msg);
		return -1;
	}
	a->prot_len = (size_t)n;
	if (nas_unprotect_op(a, 1)) {
		snprintf(err, len, "%s: nas_unprotect of our own message failed", file);
		return -1;
	}
	return 0;
}

/* -------------------------------------------------------------- setup --- */

/* Decode buf into d down to the values; a value whose codec does not give
 * the same bytes back is kept as bytes. */
static int deep_setup(struct bench_cases *c, struct nas_arg *a, struct nas_deep *d,
		      const uint8_t *buf, size_t len, int depth, struct nas_err *e)
{
	const struct nas_vcodec *vc;
	const struct nas_ie *ie;
	uint8_t tmp[1024];
	int i;

	if (nas_decode(&d->m, buf, len, a->dir, e))
		return -1;
	d->esm_ie = -1;
	for (i = 0; i < d->m.n_ie; i++) {
		ie = &d->m.ie[i];
		if (!ie->d || ie->ignored)
			continue;
		if (ie->d->vt == NAS_VT_ESM_CONTAINER && depth == 0) {
			d->esm = bench_own(c, sizeof(*d->esm));
			if (!d->esm || deep_setup(c, a, d->esm, ie->val, ie->len, 1, e))
				return -1;
			d->esm_ie = i;
			continue;
		}
		vc = nas_vcodec_get(ie->d->vt);
		if (!vc)
			continue;
		d->st[i] = bench_own(c, vc->size);
		if (!d->st[i])
			return -1;
		if (vc->dec(d->st[i], ie->val, ie->len, NULL) ||
		    vc->enc(d->st[i], tmp, sizeof(tmp), NULL) != ie->len ||
		    memcmp(tmp, ie->val, ie->len)) {
			d->st[i] = NULL;
			a->n_raw++;
		}
	}
	return 0;
}

static size_t max_value_size(void)
{
	const struct nas_vcodec *vc;
	size_t max = 1;
	unsigned int vt;

	for (vt = 0; vt < NAS_VT_COUNT; vt++) {
		vc = nas_vcodec_get(vt);
		if (vc && vc->size > max)
			max = vc->size;
	}
	return max;
}

static int nas_setup(struct bench_cases *c, struct nas_arg *a, const char *file, char *err,
		     size_t len)
{
	struct nas_err e = { 0 };
	int r;

	r = nas_sec_hdr_decode(&a->h, a->in, a->len, &e);
	a->protected = r == 1;
	a->plain = r == 1 ? a->h.inner : a->in;
	a->plain_len = r == 1 ? a->h.inner_len : a->len;
	a->scratch = bench_own(c, max_value_size());
	if (r < 0 || !a->scratch || deep_setup(c, a, &a->d, a->plain, a->plain_len, 0, &e)) {
		snprintf(err, len, "%s: NAS decode at octet %zu: %s", file, e.off,
			 e.msg[0] ? e.msg : "out of memory");
		return -1;
	}
	if (enc_wrap(a, &a->d.m) != (int)a->len ||
	    memcmp(a->protected ? a->out2 : a->out, a->in, a->len)) {
		snprintf(err, len, "%s: NAS re-encoding differs", file);
		return -1;
	}
	if (enc_deep(a) != (int)a->len || memcmp(a->protected ? a->out2 : a->out, a->in, a->len)) {
		snprintf(err, len, "%s: NAS encoding from the value structs differs", file);
		return -1;
	}
	return 0;
}

static int nas_add_one(struct bench_cases *c, const char *corpus, const struct nas_file *f,
		       char *err, size_t len)
{
	struct nas_arg *a = bench_own(c, sizeof(*a));
	uint8_t *in;
	size_t n;

	if (!a)
		return -1;
	if (bench_load(c, corpus, f->file, &in, &a->len, err, len))
		return -1;
	a->in = in;
	a->dir = f->dir;
	if (nas_setup(c, a, f->file, err, len))
		return -1;
	n = a->len;
	if (bench_case_add(c, "nas", f->message, "decode", n, nas_dec_op, a) ||
	    bench_case_add(c, "nas", f->message, "decode-values", n, nas_dec_values_op, a))
		return -1;
	/* tshark's nas-eps_plain dissector is given the plain message */
	bench_case_last(c)->wire = a->plain;
	bench_case_last(c)->wire_len = a->plain_len;
	if (bench_case_add(c, "nas", f->message, "encode", n, nas_enc_op, a) ||
	    bench_case_add(c, "nas", f->message, "encode-values", n, nas_enc_values_op, a))
		return -1;
	if (!f->sht)
		return 0;
	if (sec_setup(a, f->sht, f->file, err, len))
		return -1;
	if (f->sht == NAS_SHT_INTEGRITY_CIPHERED)
		return bench_case_add(c, "nas", f->message, "protect eia2+eea2", a->prot_len,
				      nas_protect_op, a) ||
		       bench_case_add(c, "nas", f->message, "unprotect eia2+eea2", a->prot_len,
				      nas_unprotect_op, a);
	return bench_case_add(c, "nas", f->message, "protect eia2", a->prot_len,
			      nas_protect_op, a) ||
	       bench_case_add(c, "nas", f->message, "unprotect eia2", a->prot_len,
			      nas_unprotect_op, a);
}

int codecs_nas_add(struct bench_cases *c, const char *corpus, char *err, size_t len)
{
	const struct nas_file *f;

	for (f = nas_files; f < nas_files + sizeof(nas_files) / sizeof(*f); f++) {
		err[0] = 0;
		if (nas_add_one(c, corpus, f, err, len)) {
			if (!err[0])
				snprintf(err, len, "nas: out of memory");
			return -1;
		}
	}
	return 0;
}
