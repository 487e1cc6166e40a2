// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP: one table-driven walker that decodes APER bytes into a tree of
 * struct s1ap_val and encodes it back (see s1ap.h).  X.691 clauses:
 * SEQUENCE 19, SEQUENCE OF 20, CHOICE 23, open types 10.2.
 */
#include <stdlib.h>
#include <string.h>

#include "proto/s1ap.h"

/* ------------------------------------------------------------- arena --- */

struct s1ap_arena_chunk {
	struct s1ap_arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

#define CHUNK_SIZE	(16 * 1024)

void *s1ap_alloc(struct s1ap_arena *a, size_t n)
{
	struct s1ap_arena_chunk *c = a->head;
	size_t limit = a->limit ? a->limit : (16u << 20);
	void *p;

	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!n)
		n = sizeof(max_align_t);
	if (a->used + n > limit || a->used + n < a->used)
		return NULL;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	a->used += n;
	memset(p, 0, n);
	return p;
}

void s1ap_arena_free(struct s1ap_arena *a)
{
	while (a->head) {
		struct s1ap_arena_chunk *c = a->head;

		a->head = c->next;
		free(c);
	}
	a->used = 0;
}

static void *arena_cb(void *opaque, size_t n)
{
	return s1ap_alloc(opaque, n);
}

const struct s1ap_type s1ap_t_raw = { .name = "raw", .kind = S1AP_K_RAW };

/* ---------------------------------------------------------- decoding --- */

struct dstate {
	struct aper_dec *d;
	struct s1ap_arena *a;
	const struct s1ap_msg *msg;	/* set while in the message's IE container */
};

static int dec_val(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v);

static struct s1ap_val *alloc_vals(struct dstate *st, size_t n)
{
	struct s1ap_val *v = s1ap_alloc(st->a, (n ? n : 1) * sizeof(*v));

	if (!v)
		aper_dec_fail(st->d, "out of memory (arena limit)");
	return v;
}

static void set_raw(struct s1ap_val *v, const uint8_t *p, size_t n)
{
	memset(v, 0, sizeof(*v));
	v->t = &s1ap_t_raw;
	v->p = p;
	v->n = (uint32_t)n;
}

/* Decode the contents of an open type p/n as type t (or keep it raw). */
static int dec_open_as(struct dstate *st, const struct s1ap_type *t, const uint8_t *p,
		       size_t n, struct s1ap_val *v)
{
	struct aper_dec sub;
	struct dstate inner = { &sub, st->a, NULL };

	if (n == 0)
		return aper_dec_fail(st->d, "empty open type (at least one octet is required)");
	if (!t) {
		set_raw(v, p, n);
		return 0;
	}
	aper_dec_sub(&sub, st->d, p, n);
	if (dec_val(&inner, t, v) || aper_dec_end(&sub))
		return -1;
	return 0;
}

static int dec_open(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	const uint8_t *p;
	size_t n;

	if (aper_get_open(st->d, &p, &n))
		return -1;
	return dec_open_as(st, t, p, n, v);
}

static int is_printable(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c && strchr(" '()+,-./:=?", c));
}

static int dec_string(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	unsigned int unit = t->kind == S1AP_K_BITS ? 1 : 8;
	size_t n;

	if (aper_get_string(d, t->lb, t->ub, t->ext, unit, &v->p, &n))
		return -1;
	if (n > UINT32_MAX)
		return aper_dec_fail(d, "string of %zu units", n);
	v->n = (uint32_t)((n * unit + 7) / 8);
	v->bits = t->kind == S1AP_K_BITS ? (uint32_t)n : 0;
	if (t->kind == S1AP_K_PRINTABLE)
		for (uint32_t i = 0; i < v->n; i++)
			if (!is_printable(v->p[i]))
				return aper_dec_fail(d, "character 0x%02x is not in PrintableString",
						     v->p[i]);
	return 0;
}

static int dec_seq_ext(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	unsigned int n_add = t->n - t->n_root;
	uint64_t nb, bit, map[2] = { 0, 0 };
	struct s1ap_val *nv;
	int any = 0;

	if (aper_get_nsnn(d, &nb))
		return -1;
	if (++nb > 128)
		return aper_dec_fail(d, "extension bitmap of %llu bits (more than 128)",
				     (unsigned long long)nb);
	for (unsigned int k = 0; k < nb; k++) {
		if (aper_get_bits(d, 1, &bit))
			return -1;
		map[k / 64] |= bit << (k % 64);
		any |= (int)bit;
	}
	if (!any)
		return aper_dec_fail(d, "extension bit set but no extension addition present");
	v->bits = (uint32_t)nb;
	nv = alloc_vals(st, t->n + (nb > n_add ? nb - n_add : 0));
	if (!nv)
		return -1;
	memcpy(nv, v->v, t->n * sizeof(*nv));
	v->v = nv;
	for (unsigned int k = 0; k < nb; k++) {
		const struct s1ap_member *m = k < n_add ? &t->m[t->n_root + k] : NULL;
		int rc;

		if (!((map[k / 64] >> (k % 64)) & 1))
			continue;
		aper_push(d->ctx, m ? m->name : "extension-addition", m ? -1 : (long)k);
		rc = dec_open(st, m ? m->type : NULL, &v->v[t->n_root + k]);
		aper_pop(d->ctx);
		if (rc)
			return -1;
	}
	return 0;
}

static int dec_seq(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	uint64_t ext = 0, present = 0;
	unsigned int n_opt = 0, k = 0;

	for (unsigned int i = 0; i < t->n_root; i++)
		n_opt += t->m[i].optional;
	if (t->ext && aper_get_bits(d, 1, &ext))
		return -1;
	if (aper_get_bits(d, n_opt, &present))
		return -1;
	v->v = alloc_vals(st, t->n);
	if (!v->v)
		return -1;
	for (unsigned int i = 0; i < t->n_root; i++) {
		int rc;

		if (t->m[i].optional && !((present >> (n_opt - 1 - k++)) & 1))
			continue;
		aper_push(d->ctx, t->m[i].name, -1);
		rc = dec_val(st, t->m[i].type, &v->v[i]);
		aper_pop(d->ctx);
		if (rc)
			return -1;
	}
	return ext ? dec_seq_ext(st, t, v) : 0;
}

static int dec_seqof(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	uint64_t n;
	int frag;

	if (t->lb == t->ub)
		n = t->lb;
	else if (aper_get_length(d, t->lb, t->ub, &n, &frag))
		return -1;
	else if (frag)
		return aper_dec_fail(d, "fragmented SEQUENCE OF (not supported)");
	if (n < t->lb || n > t->ub)
		return aper_dec_fail(d, "%llu items outside %llu..%llu", (unsigned long long)n,
				     (unsigned long long)t->lb, (unsigned long long)t->ub);
	if (n > d->len * 8 - d->pos + 1)
		return aper_dec_fail(d, "%llu items cannot fit in what is left",
				     (unsigned long long)n);
	v->n = (uint32_t)n;
	v->v = alloc_vals(st, n);
	if (!v->v)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		int rc;

		aper_push(d->ctx, NULL, (long)i);
		rc = dec_val(st, t->elem, &v->v[i]);
		aper_pop(d->ctx);
		if (rc)
			return -1;
	}
	return 0;
}

static int dec_choice(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	uint64_t ext = 0, idx;
	const struct s1ap_member *m;
	int rc;

	if (t->ext && aper_get_bits(d, 1, &ext))
		return -1;
	if (ext) {
		if (aper_get_nsnn(d, &idx))
			return -1;
		if (idx > 0xffff)
			return aper_dec_fail(d, "CHOICE extension index %llu",
					     (unsigned long long)idx);
		idx += t->n_root;
	} else if (aper_get_cwn(d, 0, t->n_root - 1, &idx)) {
		return -1;
	}
	v->u = idx;
	v->v = alloc_vals(st, 1);
	if (!v->v)
		return -1;
	m = idx < t->n ? &t->m[idx] : NULL;
	aper_push(d->ctx, m ? m->name : "extension-alternative", m ? -1 : (long)idx);
	rc = ext ? dec_open(st, m ? m->type : NULL, v->v) : dec_val(st, m->type, v->v);
	aper_pop(d->ctx);
	return rc;
}

static int dec_field(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	struct aper_dec *d = st->d;
	const struct s1ap_ie_info *info;
	const struct s1ap_type *vt = NULL;
	uint64_t id, crit;
	int rc;

	if (aper_get_cwn(d, 0, 65535, &id) || aper_get_enum(d, 3, 0, &crit))
		return -1;
	v->u = id;
	v->crit = (uint8_t)crit;
	v->v = alloc_vals(st, 1);
	if (!v->v)
		return -1;
	info = t->ext_field ? NULL : s1ap_ie_info((unsigned int)id);
	if (info && info->type && (!st->msg || s1ap_msg_ie(st->msg, (unsigned int)id)))
		vt = info->type;
	v->understood = vt != NULL;
	aper_push(d->ctx, info ? info->name : "value", info ? -1 : (long)id);
	rc = dec_open(st, vt, v->v);
	aper_pop(d->ctx);
	return rc;
}

static int dec_val(struct dstate *st, const struct s1ap_type *t, struct s1ap_val *v)
{
	int is_ext;

	memset(v, 0, sizeof(*v));
	v->t = t;
	switch (t->kind) {
	case S1AP_K_INT:
		return aper_get_int(st->d, t->lb, t->ub, t->ext, &v->u, &is_ext);
	case S1AP_K_ENUM:
		return aper_get_enum(st->d, t->n_root, t->ext, &v->u);
	case S1AP_K_BOOL:
		return aper_get_bits(st->d, 1, &v->u);
	case S1AP_K_NULL:
		return 0;
	case S1AP_K_BITS:
	case S1AP_K_OCTETS:
	case S1AP_K_PRINTABLE:
		return dec_string(st, t, v);
	case S1AP_K_SEQ:
		return dec_seq(st, t, v);
	case S1AP_K_SEQOF:
		return dec_seqof(st, t, v);
	case S1AP_K_CHOICE:
		return dec_choice(st, t, v);
	case S1AP_K_FIELD:
		return dec_field(st, t, v);
	}
	return aper_dec_fail(st->d, "internal: type %s cannot be decoded", t->name);
}

int s1ap_val_decode(struct aper_dec *d, struct s1ap_arena *a, const struct s1ap_type *t,
		    struct s1ap_val *v)
{
	struct dstate st = { d, a, NULL };

	if (!d->ctx->alloc) {
		d->ctx->alloc = arena_cb;
		d->ctx->opaque = a;
	}
	return dec_val(&st, t, v);
}

/* ---------------------------------------------------------- encoding --- */

static int enc_val(struct aper_enc *e, const struct s1ap_val *v);

/*
 * Encode v on its own (an open type's contents) and add it as an open type.
 * The contents are written in place after two octets kept for the length
 * (10.9.3.6/7: one octet below 128, two below 16K), then moved back one
 * octet when one is enough; contents of 16K and more (fragments, with a
 * length octet every 16K..64K) are encoded aside and copied.
 */
static int enc_open(struct aper_enc *e, const struct s1ap_val *v)
{
	struct aper_enc sub;
	size_t n, at;
	uint8_t *tmp;
	int rc;

	if (v->t == &s1ap_t_raw)
		return aper_put_open(e, v->p, v->n);
	if (aper_put_align(e))
		return -1;
	at = e->pos / 8;
	if (e->cap - at < 2)
		return aper_fail(e->ctx, e->pos, "output buffer of %zu octets is full", e->cap);
	aper_enc_init(&sub, e->ctx, e->buf + at + 2, e->cap - at - 2);
	if (enc_val(&sub, v))
		return -1;
	n = aper_enc_bytes(&sub);
	if (!n) {		/* 10.1.3: an empty encoding is one zero octet */
		e->buf[at + 2] = 0;
		n = 1;
	}
	if (n < 128) {
		e->buf[at] = (uint8_t)n;
		memmove(e->buf + at + 1, e->buf + at + 2, n);
		e->pos += 8 * (1 + n);
		return 0;
	}
	if (n < APER_16K) {
		e->buf[at] = (uint8_t)(0x80 | n >> 8);
		e->buf[at + 1] = (uint8_t)n;
		e->pos += 8 * (2 + n);
		return 0;
	}
	tmp = malloc(n);
	if (!tmp)
		return aper_fail(e->ctx, e->pos, "out of memory");
	memcpy(tmp, e->buf + at + 2, n);
	rc = aper_put_open(e, tmp, n);
	free(tmp);
	return rc;
}

static int enc_string(struct aper_enc *e, const struct s1ap_type *t, const struct s1ap_val *v)
{
	if (t->kind == S1AP_K_OCTETS)
		return aper_put_octets(e, t->lb, t->ub, t->ext, v->p, v->n);
	if (t->kind == S1AP_K_PRINTABLE) {
		for (uint32_t i = 0; i < v->n; i++)
			if (!is_printable(v->p[i]))
				return aper_fail(e->ctx, e->pos,
						 "character 0x%02x is not in PrintableString",
						 v->p[i]);
		return aper_put_string(e, t->lb, t->ub, t->ext, 8, v->p, v->n);
	}
	if (v->bits > 8 * (uint64_t)v->n)
		return aper_fail(e->ctx, e->pos, "bit string of %u bits in %u octets", v->bits,
				 v->n);
	return aper_put_string(e, t->lb, t->ub, t->ext, 1, v->p, v->bits);
}

static int enc_seq(struct aper_enc *e, const struct s1ap_type *t, const struct s1ap_val *v)
{
	unsigned int last = 0, n_add = t->n - t->n_root;
	unsigned int n_all = t->n + (v->bits > n_add ? v->bits - n_add : 0);
	int rc = 0;

	for (unsigned int i = t->n_root; i < n_all; i++)
		if (v->v[i].t)
			last = i - t->n_root + 1;
	if (last && !t->ext)
		return aper_fail(e->ctx, e->pos, "extension addition in a closed SEQUENCE");
	if (t->ext && aper_put_bits(e, 1, last != 0))
		return -1;
	for (unsigned int i = 0; i < t->n_root; i++) {
		if (t->m[i].optional && aper_put_bits(e, 1, v->v[i].t != NULL))
			return -1;
		if (!t->m[i].optional && !v->v[i].t)
			return aper_fail(e->ctx, e->pos, "mandatory member %s is missing",
					 t->m[i].name);
	}
	for (unsigned int i = 0; i < t->n_root && !rc; i++) {
		if (!v->v[i].t)
			continue;
		aper_push(e->ctx, t->m[i].name, -1);
		rc = enc_val(e, &v->v[i]);
		aper_pop(e->ctx);
	}
	if (rc || !last)
		return rc;
	if (v->bits > last)
		last = v->bits;
	if (aper_put_nsnn(e, last - 1))
		return -1;
	for (unsigned int k = 0; k < last; k++)
		if (aper_put_bits(e, 1, t->n_root + k < n_all && v->v[t->n_root + k].t))
			return -1;
	for (unsigned int k = 0; k < last && !rc; k++)
		if (t->n_root + k < n_all && v->v[t->n_root + k].t)
			rc = enc_open(e, &v->v[t->n_root + k]);
	return rc;
}

static int enc_seqof(struct aper_enc *e, const struct s1ap_type *t, const struct s1ap_val *v)
{
	int rc = 0;

	if (v->n < t->lb || v->n > t->ub)
		return aper_fail(e->ctx, e->pos, "%u items outside %llu..%llu", v->n,
				 (unsigned long long)t->lb, (unsigned long long)t->ub);
	if (t->lb != t->ub && aper_put_length(e, t->lb, t->ub, v->n))
		return -1;
	for (uint32_t i = 0; i < v->n && !rc; i++) {
		aper_push(e->ctx, NULL, (long)i);
		rc = enc_val(e, &v->v[i]);
		aper_pop(e->ctx);
	}
	return rc;
}

static int enc_choice(struct aper_enc *e, const struct s1ap_type *t, const struct s1ap_val *v)
{
	int ext = v->u >= t->n_root, rc;

	if (ext && !t->ext)
		return aper_fail(e->ctx, e->pos, "alternative %llu of a closed CHOICE",
				 (unsigned long long)v->u);
	if (!v->v || !v->v[0].t)
		return aper_fail(e->ctx, e->pos, "CHOICE without a value");
	if (t->ext && aper_put_bits(e, 1, ext))
		return -1;
	if (ext) {
		if (aper_put_nsnn(e, v->u - t->n_root))
			return -1;
	} else if (aper_put_cwn(e, 0, t->n_root - 1, v->u)) {
		return -1;
	}
	aper_push(e->ctx, v->u < t->n ? t->m[v->u].name : "extension-alternative", -1);
	rc = ext ? enc_open(e, v->v) : enc_val(e, v->v);
	aper_pop(e->ctx);
	return rc;
}

static int enc_val(struct aper_enc *e, const struct s1ap_val *v)
{
	const struct s1ap_type *t = v->t;

	if (!t)
		return aper_fail(e->ctx, e->pos, "value missing");
	switch (t->kind) {
	case S1AP_K_INT:
		return aper_put_int(e, t->lb, t->ub, t->ext, v->u);
	case S1AP_K_ENUM:
		return aper_put_enum(e, t->n_root, t->ext, v->u);
	case S1AP_K_BOOL:
		return aper_put_bits(e, 1, v->u != 0);
	case S1AP_K_NULL:
		return 0;
	case S1AP_K_BITS:
	case S1AP_K_OCTETS:
	case S1AP_K_PRINTABLE:
		return enc_string(e, t, v);
	case S1AP_K_SEQ:
		return enc_seq(e, t, v);
	case S1AP_K_SEQOF:
		return enc_seqof(e, t, v);
	case S1AP_K_CHOICE:
		return enc_choice(e, t, v);
	case S1AP_K_FIELD:
		if (aper_put_cwn(e, 0, 65535, v->u) || aper_put_enum(e, 3, 0, v->crit))
			return -1;
		if (!v->v || !v->v[0].t)
			return aper_fail(e->ctx, e->pos, "IE %llu without a value",
					 (unsigned long long)v->u);
		return enc_open(e, v->v);
	case S1AP_K_RAW:
		return aper_fail(e->ctx, e->pos, "raw bytes outside an open type");
	}
	return aper_fail(e->ctx, e->pos, "internal: type %s cannot be encoded", t->name);
}

int s1ap_val_encode(struct aper_enc *e, const struct s1ap_val *v)
{
	return enc_val(e, v);
}

/* --------------------------------------------------------------- PDU --- */

static const char *const pdu_names[] = {
	"initiatingMessage", "successfulOutcome", "unsuccessfulOutcome",
};

const char *s1ap_kind_name(unsigned int kind)
{
	return kind < 3 ? pdu_names[kind] : "?";
}

int s1ap_decode(struct s1ap_pdu *pdu, struct s1ap_arena *arena, struct aper_ctx *ctx,
		const uint8_t *buf, size_t len)
{
	struct aper_dec d, sub;
	struct dstate st = { &sub, arena, NULL };
	uint64_t ext, kind, proc, crit;
	const uint8_t *p;
	size_t n;
	int rc = -1;

	memset(pdu, 0, sizeof(*pdu));
	pdu->arena = arena;
	ctx->alloc = arena_cb;
	ctx->opaque = arena;
	aper_dec_init(&d, ctx, buf, len);
	aper_push(ctx, "S1AP-PDU", -1);
	if (aper_get_bits(&d, 1, &ext))
		goto out;
	if (ext) {
		aper_dec_fail(&d, "S1AP-PDU extension alternative (not understood)");
		goto out;
	}
	if (aper_get_cwn(&d, 0, 2, &kind))
		goto out;
	aper_push(ctx, pdu_names[kind], -1);
	if (aper_get_cwn(&d, 0, 255, &proc) || aper_get_enum(&d, 3, 0, &crit) ||
	    aper_get_open(&d, &p, &n))
		goto out2;
	pdu->kind = (uint8_t)kind;
	pdu->proc = (uint8_t)proc;
	pdu->crit = (uint8_t)crit;
	pdu->msg = s1ap_msg_find((unsigned int)proc, (unsigned int)kind);
	if (!pdu->msg && n == 0) {
		aper_dec_fail(&d, "empty message value");
		goto out2;
	} else if (!pdu->msg) {
		set_raw(&pdu->body, p, n);
	} else {
		aper_push(ctx, pdu->msg->name, -1);
		aper_dec_sub(&sub, &d, p, n);
		st.msg = pdu->msg;
		if (n == 0)
			aper_dec_fail(&sub, "empty message value");
		else if (!dec_val(&st, &s1ap_t_msg_body, &pdu->body))
			aper_dec_end(&sub);
		aper_pop(ctx);
		if (ctx->failed)
			goto out2;
	}
	rc = aper_dec_end(&d);
out2:
	aper_pop(ctx);
out:
	aper_pop(ctx);
	return rc;
}

long s1ap_encode(const struct s1ap_pdu *pdu, struct aper_ctx *ctx, uint8_t *buf, size_t cap)
{
	struct aper_enc e;
	int rc;

	aper_enc_init(&e, ctx, buf, cap);
	if (pdu->kind > 2)
		return aper_fail(ctx, 0, "PDU kind %u", pdu->kind);
	aper_push(ctx, "S1AP-PDU", -1);
	aper_push(ctx, pdu_names[pdu->kind], -1);
	rc = aper_put_bits(&e, 1, 0) || aper_put_cwn(&e, 0, 2, pdu->kind) ||
	     aper_put_cwn(&e, 0, 255, pdu->proc) || aper_put_enum(&e, 3, 0, pdu->crit);
	if (!rc) {
		aper_push(ctx, pdu->msg ? pdu->msg->name : "value", -1);
		rc = enc_open(&e, &pdu->body);
		aper_pop(ctx);
	}
	aper_pop(ctx);
	aper_pop(ctx);
	return rc ? -1 : (long)aper_enc_bytes(&e);
}
