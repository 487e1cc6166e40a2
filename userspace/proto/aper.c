// SPDX-License-Identifier: GPL-2.0
/*
 * ASN.1 PER, ALIGNED variant (ITU-T X.691 (02/2021)): bit-level primitives.
 * Clause numbers below refer to X.691.  See aper.h for the conventions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proto/aper.h"

void aper_dec_init(struct aper_dec *d, struct aper_ctx *ctx, const uint8_t *buf, size_t len)
{
	d->buf = buf;
	d->len = len;
	d->pos = 0;
	d->base = 0;
	d->ctx = ctx;
}

void aper_enc_init(struct aper_enc *e, struct aper_ctx *ctx, uint8_t *buf, size_t cap)
{
	e->buf = buf;
	e->cap = cap;
	e->pos = 0;
	e->ctx = ctx;
}

size_t aper_enc_bytes(const struct aper_enc *e)
{
	return (e->pos + 7) / 8;
}

void aper_push(struct aper_ctx *c, const char *name, long idx)
{
	if (c->depth < APER_MAX_DEPTH) {
		c->path[c->depth] = name;
		c->idx[c->depth] = idx;
	}
	c->depth++;
}

void aper_pop(struct aper_ctx *c)
{
	if (c->depth)
		c->depth--;
}

static size_t fmt_path(const struct aper_ctx *c, char *out, size_t max)
{
	size_t n = 0;
	unsigned int depth = c->depth < APER_MAX_DEPTH ? c->depth : APER_MAX_DEPTH;

	out[0] = '\0';
	for (unsigned int i = 0; i < depth && n + 1 < max; i++) {
		int w;

		if (c->path[i])
			w = snprintf(out + n, max - n, "%s%s", n ? "." : "", c->path[i]);
		else
			w = 0;
		if (w > 0)
			n += (size_t)w < max - n ? (size_t)w : max - n - 1;
		if (c->idx[i] >= 0 && n + 1 < max) {
			w = snprintf(out + n, max - n, "[%ld]", c->idx[i]);
			if (w > 0)
				n += (size_t)w < max - n ? (size_t)w : max - n - 1;
		}
	}
	return n;
}

int aper_fail(struct aper_ctx *c, size_t bit, const char *fmt, ...)
{
	char path[200], msg[200];
	va_list ap;

	if (c->failed)
		return -1;
	c->failed = 1;
	fmt_path(c, path, sizeof(path));
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(c->err, sizeof(c->err), "bit %zu (octet %zu): %s%s%s", bit, bit / 8, path,
		 path[0] ? ": " : "", msg);
	return -1;
}

int aper_dec_fail(struct aper_dec *d, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return aper_fail(d->ctx, d->base + d->pos, "%s", msg);
}

static int enc_fail(struct aper_enc *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int enc_fail(struct aper_enc *e, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return aper_fail(e->ctx, e->pos, "%s", msg);
}

unsigned int aper_bits_for(uint64_t r)
{
	unsigned int n = 0;

	while (n < 64 && ((uint64_t)1 << n) < r)
		n++;
	return n;
}

unsigned int aper_octets_for(uint64_t v)
{
	unsigned int n = 1;

	while (n < 8 && (v >> (8 * n)))
		n++;
	return n;
}

/* ------------------------------------------------------------ decoding --- */

int aper_get_bits(struct aper_dec *d, unsigned int n, uint64_t *v)
{
	const uint8_t *p = d->buf + d->pos / 8;
	unsigned int off = d->pos % 8, left = n;
	uint64_t r = 0;

	*v = 0;
	if (n > 64)
		return aper_dec_fail(d, "internal: %u-bit field", n);
	if (d->pos + n > d->len * 8)
		return aper_dec_fail(d, "need %u more bits, message ends (%zu octets)", n, d->len);
	/* at most 8 bits a step: the rest of the current octet */
	while (left) {
		unsigned int take = left < 8 - off ? left : 8 - off;

		r = r << take | (uint8_t)(*p << off) >> (8 - take);
		left -= take;
		off += take;
		if (off == 8) {
			off = 0;
			p++;
		}
	}
	d->pos += n;
	*v = r;
	return 0;
}

int aper_get_align(struct aper_dec *d)
{
	uint64_t pad;
	unsigned int n = (8 - d->pos % 8) % 8;

	if (aper_get_bits(d, n, &pad))
		return -1;
	if (pad)
		return aper_dec_fail(d, "padding bits are not zero");
	return 0;
}

int aper_get_bitfield(struct aper_dec *d, size_t nbits, uint8_t *out)
{
	uint64_t b;
	size_t i;

	if (d->pos + nbits > d->len * 8 || d->pos + nbits < d->pos)
		return aper_dec_fail(d, "need %zu more bits, message ends (%zu octets)", nbits,
				     d->len);
	if (d->pos % 8 == 0) {
		memcpy(out, d->buf + d->pos / 8, (nbits + 7) / 8);
		if (nbits % 8)
			out[nbits / 8] &= (uint8_t)(0xff << (8 - nbits % 8));
		d->pos += nbits;
		return 0;
	}
	for (i = 0; i < nbits / 8; i++) {
		aper_get_bits(d, 8, &b);
		out[i] = (uint8_t)b;
	}
	if (nbits % 8) {
		aper_get_bits(d, (unsigned int)(nbits % 8), &b);
		out[i] = (uint8_t)(b << (8 - nbits % 8));
	}
	return 0;
}

static int get_octets_uint(struct aper_dec *d, unsigned int n, uint64_t *v)
{
	if (n == 0 || n > 8)
		return aper_dec_fail(d, "integer of %u octets", n);
	if (aper_get_bits(d, 8 * n, v))
		return -1;
	if (n > 1 && !(*v >> (8 * (n - 1))))
		return aper_dec_fail(d, "integer not in minimal octets (%u)", n);
	return 0;
}

/* 10.5 constrained whole number, lb..ub */
int aper_get_cwn(struct aper_dec *d, uint64_t lb, uint64_t ub, uint64_t *v)
{
	uint64_t r = ub - lb, off = 0, len = 0;

	if (ub < lb)
		return aper_dec_fail(d, "internal: range %llu..%llu", (unsigned long long)lb,
				     (unsigned long long)ub);
	if (r == 0) {
		*v = lb;
		return 0;
	}
	if (r < 255) {					/* 10.5.7.1 bit-field */
		if (aper_get_bits(d, aper_bits_for(r + 1), &off))
			return -1;
	} else if (r == 255) {				/* 10.5.7.2 one octet */
		if (aper_get_align(d) || aper_get_bits(d, 8, &off))
			return -1;
	} else if (r < APER_64K) {			/* 10.5.7.3 two octets */
		if (aper_get_align(d) || aper_get_bits(d, 16, &off))
			return -1;
	} else {					/* 10.5.7.4 indefinite length */
		if (aper_get_cwn(d, 1, aper_octets_for(r), &len) || aper_get_align(d) ||
		    get_octets_uint(d, (unsigned int)len, &off))
			return -1;
	}
	if (off > r)
		return aper_dec_fail(d, "value %llu above the upper bound %llu",
				     (unsigned long long)(lb + off), (unsigned long long)ub);
	*v = lb + off;
	return 0;
}

/* 10.6 normally small non-negative whole number */
int aper_get_nsnn(struct aper_dec *d, uint64_t *v)
{
	uint64_t big = 0;

	if (aper_get_bits(d, 1, &big))
		return -1;
	if (!big)
		return aper_get_bits(d, 6, v);
	if (aper_get_semi(d, 0, v))
		return -1;
	if (*v < 64)
		return aper_dec_fail(d, "small number %llu in the long form",
				     (unsigned long long)*v);
	return 0;
}

static int get_short_len(struct aper_dec *d, uint64_t *n)
{
	int frag;

	if (aper_get_length(d, 0, UINT64_MAX, n, &frag))
		return -1;
	if (frag)
		return aper_dec_fail(d, "fragmented length for an integer");
	return 0;
}

/* 10.7 semi-constrained whole number */
int aper_get_semi(struct aper_dec *d, uint64_t lb, uint64_t *v)
{
	uint64_t n, off;

	if (get_short_len(d, &n) || get_octets_uint(d, (unsigned int)(n > 9 ? 9 : n), &off))
		return -1;
	if (lb + off < lb)
		return aper_dec_fail(d, "semi-constrained number overflows 64 bits");
	*v = lb + off;
	return 0;
}

/* 10.8 unconstrained whole number: two's complement, minimal octets */
int aper_get_unconstrained(struct aper_dec *d, int64_t *v)
{
	uint64_t n, raw;

	if (get_short_len(d, &n))
		return -1;
	if (n == 0 || n > 8)
		return aper_dec_fail(d, "integer of %llu octets", (unsigned long long)n);
	if (aper_get_bits(d, 8 * (unsigned int)n, &raw))
		return -1;
	if (n > 1) {
		unsigned int top = (unsigned int)(raw >> (8 * n - 9)) & 0x1ff;

		if (top == 0 || top == 0x1ff)
			return aper_dec_fail(d, "integer not in minimal octets");
	}
	if (n < 8 && (raw >> (8 * n - 1)))
		raw |= ~(uint64_t)0 << (8 * n);
	*v = (int64_t)raw;
	return 0;
}

/* 10.9 length determinant */
int aper_get_length(struct aper_dec *d, uint64_t lb, uint64_t ub, uint64_t *n, int *frag)
{
	uint64_t b = 0, b2 = 0;

	*frag = 0;
	if (ub < APER_64K)				/* 10.9.3.3 */
		return aper_get_cwn(d, lb, ub, n);
	if (aper_get_align(d) || aper_get_bits(d, 8, &b))
		return -1;
	if (!(b & 0x80)) {				/* 10.9.3.6 */
		*n = b;
	} else if ((b & 0xc0) == 0x80) {		/* 10.9.3.7 */
		if (aper_get_bits(d, 8, &b2))
			return -1;
		*n = (b & 0x3f) << 8 | b2;
		if (*n < 128)
			return aper_dec_fail(d, "length %llu in the two-octet form",
					     (unsigned long long)*n);
	} else {					/* 10.9.3.8 fragment */
		if ((b & 0x3f) < 1 || (b & 0x3f) > 4)
			return aper_dec_fail(d, "fragment length code 0x%02x",
					     (unsigned int)b);
		*n = (b & 0x3f) * APER_16K;
		*frag = 1;
	}
	return 0;
}

/* 13 INTEGER with a (possibly extensible) constraint lb..ub */
int aper_get_int(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, uint64_t *v, int *is_ext)
{
	uint64_t e = 0;
	int64_t sv;

	*is_ext = 0;
	if (ext && aper_get_bits(d, 1, &e))
		return -1;
	if (!e)
		return aper_get_cwn(d, lb, ub, v);
	if (aper_get_unconstrained(d, &sv))
		return -1;
	if (sv < 0)
		return aper_dec_fail(d, "negative extension value %lld", (long long)sv);
	if ((uint64_t)sv >= lb && (uint64_t)sv <= ub)
		return aper_dec_fail(d, "value %lld inside the root is marked as extension",
				     (long long)sv);
	*v = (uint64_t)sv;
	*is_ext = 1;
	return 0;
}

/* 14 ENUMERATED */
int aper_get_enum(struct aper_dec *d, unsigned int n_root, int ext, uint64_t *idx)
{
	uint64_t e = 0;

	if (ext && aper_get_bits(d, 1, &e))
		return -1;
	if (e) {					/* 14.3 */
		if (aper_get_nsnn(d, idx))
			return -1;
		if (*idx > UINT32_MAX)
			return aper_dec_fail(d, "enumeration extension index too large");
		*idx += n_root;
		return 0;
	}
	return aper_get_cwn(d, 0, n_root - 1, idx);
}

/* 16.9-16.11, 17.6-17.8, 30.5.7: the length and alignment of a string */
int aper_get_strlen(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    uint64_t *n)
{
	uint64_t e = 0;
	int frag;

	if (ext && aper_get_bits(d, 1, &e))
		return -1;
	if (e) {
		if (aper_get_length(d, 0, UINT64_MAX, n, &frag))
			return -1;
		if (frag)
			return aper_dec_fail(d, "fragmented size (read it with aper_get_string)");
		if (*n >= lb && *n <= ub)
			return aper_dec_fail(d, "size %llu inside the root is marked as extension",
					     (unsigned long long)*n);
		return *n ? aper_get_align(d) : 0;
	}
	if (lb == ub) {
		*n = lb;
		if (ub * unit <= 16)
			return 0;
		if (ub >= APER_64K)
			return aper_dec_fail(d, "fixed size above 64K (read it with aper_get_string)");
		return aper_get_align(d);
	}
	if (aper_get_length(d, lb, ub, n, &frag))
		return -1;
	if (frag)
		return aper_dec_fail(d, "fragmented size (read it with aper_get_string)");
	if (*n < lb || *n > ub)
		return aper_dec_fail(d, "size %llu outside %llu..%llu", (unsigned long long)*n,
				     (unsigned long long)lb, (unsigned long long)ub);
	return *n ? aper_get_align(d) : 0;
}

/*
 * 10.9.3.8: an unconstrained length with fragments.  Each fragment is one
 * octet 11mmmmmm (m = 1..4: m * 16K units) and its units; the last part a
 * length below 16K (possibly 0) and its units.  Units start on an octet
 * (ALIGNED), so a fragment of m * 16K units ends on one.  Canonical form
 * (10.9.3.8.1: the largest fragment that fits, 64K while 64K remain): a
 * fragment of less than 64K is followed by the last part.  Pass 1 walks
 * the lengths, pass 2 copies the units once, left-aligned.
 */
static int get_chain(struct aper_dec *d, unsigned int unit, const uint8_t **p, size_t *nunits)
{
	size_t start = d->pos, total = 0, off = 0;
	uint64_t n;
	uint8_t *buf;
	int frag, pieces = 0, small = 0;

	do {
		if (aper_get_length(d, 0, UINT64_MAX, &n, &frag))
			return -1;
		if (small && frag)
			return aper_dec_fail(d, "fragment of %llu units after a fragment below 64K "
					     "(not the canonical 10.9.3.8.1 form)",
					     (unsigned long long)n);
		small = frag && n < APER_64K;
		if (n && aper_get_align(d))
			return -1;
		if (n > (d->len * 8 - d->pos) / unit)
			return aper_dec_fail(d, "length %llu runs past the end (%zu octets left)",
					     (unsigned long long)n, d->len - d->pos / 8);
		d->pos += (size_t)n * unit;
		total += (size_t)n;
		pieces++;
	} while (frag);
	*nunits = total;
	if (pieces == 1 && unit == 8) {		/* in place */
		*p = d->buf + d->pos / 8 - total;
		return 0;
	}
	buf = d->ctx->alloc ? d->ctx->alloc(d->ctx->opaque, (total * unit + 7) / 8 + 1) : NULL;
	if (!buf)
		return aper_dec_fail(d, "no memory to reassemble %zu units", total);
	d->pos = start;
	do {
		aper_get_length(d, 0, UINT64_MAX, &n, &frag);
		if (n)
			aper_get_align(d);
		if (aper_get_bitfield(d, (size_t)n * unit, buf + off * unit / 8))
			return -1;
		off += (size_t)n;
	} while (frag);
	*p = buf;
	return 0;
}

int aper_get_string(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    const uint8_t **p, size_t *nunits)
{
	uint64_t e = 0, n;
	uint8_t *buf;

	if (ext && aper_get_bits(d, 1, &e))
		return -1;
	if (e || ub >= APER_64K) {
		/* 16.11, 17.8, 30.5.7: a semi-constrained or large size */
		if (get_chain(d, unit, p, nunits))
			return -1;
		if (e && *nunits >= lb && *nunits <= ub)
			return aper_dec_fail(d, "size %zu inside the root is marked as extension",
					     *nunits);
		if (!e && *nunits < lb)
			return aper_dec_fail(d, "size %zu below %llu", *nunits,
					     (unsigned long long)lb);
		return 0;
	}
	if (aper_get_strlen(d, lb, ub, 0, unit, &n))
		return -1;
	if (n > (d->len * 8 - d->pos) / unit)
		return aper_dec_fail(d, "%llu units run past the end (%zu octets left)",
				     (unsigned long long)n, d->len - d->pos / 8);
	*nunits = (size_t)n;
	if (unit == 8 && d->pos % 8 == 0) {
		*p = d->buf + d->pos / 8;
		d->pos += 8 * (size_t)n;
		return 0;
	}
	/* bits, or an unaligned fixed size of at most two octets: copied */
	buf = d->ctx->alloc ? d->ctx->alloc(d->ctx->opaque, ((size_t)n * unit + 7) / 8 + 1) : NULL;
	if (!buf)
		return aper_dec_fail(d, "no memory for a string of %llu units",
				     (unsigned long long)n);
	if (aper_get_bitfield(d, (size_t)n * unit, buf))
		return -1;
	*p = buf;
	return 0;
}

int aper_get_octets(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext,
		    const uint8_t **p, size_t *len)
{
	return aper_get_string(d, lb, ub, ext, 8, p, len);
}

int aper_get_open(struct aper_dec *d, const uint8_t **p, size_t *len)
{
	return get_chain(d, 8, p, len);
}

void aper_dec_sub(struct aper_dec *sub, const struct aper_dec *d, const uint8_t *p, size_t len)
{
	aper_dec_init(sub, d->ctx, p, len);
	/* position in the outer message when the bytes are not reassembled */
	if (p >= d->buf && p <= d->buf + d->len)
		sub->base = d->base + 8 * (size_t)(p - d->buf);
	else
		sub->base = d->base + d->pos;
}

int aper_dec_end(struct aper_dec *d)
{
	if (d->pos == 0 && d->len == 1 && d->buf[0] == 0) {
		d->pos = 8;		/* an empty encoding is one zero octet (10.1.3) */
		return 0;
	}
	if (aper_get_align(d))
		return -1;
	if (d->pos / 8 != d->len)
		return aper_dec_fail(d, "%zu octets left over after the value", d->len - d->pos / 8);
	return 0;
}

/* ------------------------------------------------------------ encoding --- */

int aper_put_bits(struct aper_enc *e, unsigned int n, uint64_t v)
{
	uint8_t *p = e->buf + e->pos / 8;
	unsigned int used = e->pos % 8, left = n;

	if (n > 64)
		return enc_fail(e, "internal: %u-bit field", n);
	if (e->pos + n > e->cap * 8)
		return enc_fail(e, "output buffer of %zu octets is full", e->cap);
	if (!n)
		return 0;
	if (!used)
		*p = 0;
	/* at most 8 bits a step: what fits in the current octet */
	while (left) {
		unsigned int take = left < 8 - used ? left : 8 - used;

		*p |= (uint8_t)(((v >> (left - take)) & ((1u << take) - 1)) << (8 - used - take));
		left -= take;
		used += take;
		if (used == 8) {
			used = 0;
			if (left)
				*++p = 0;
		}
	}
	e->pos += n;
	return 0;
}

int aper_put_align(struct aper_enc *e)
{
	return aper_put_bits(e, (8 - e->pos % 8) % 8, 0);
}

int aper_put_bitfield(struct aper_enc *e, size_t nbits, const uint8_t *in)
{
	size_t i;

	if (e->pos + nbits > e->cap * 8)
		return enc_fail(e, "output buffer of %zu octets is full", e->cap);
	if (e->pos % 8 == 0) {
		memcpy(e->buf + e->pos / 8, in, (nbits + 7) / 8);
		if (nbits % 8)
			e->buf[nbits / 8 + e->pos / 8] &= (uint8_t)(0xff << (8 - nbits % 8));
		e->pos += nbits;
		return 0;
	}
	for (i = 0; i < nbits / 8; i++)
		aper_put_bits(e, 8, in[i]);
	if (nbits % 8)
		aper_put_bits(e, (unsigned int)(nbits % 8), in[i] >> (8 - nbits % 8));
	return 0;
}

int aper_put_cwn(struct aper_enc *e, uint64_t lb, uint64_t ub, uint64_t v)
{
	uint64_t r = ub - lb, off = v - lb;
	unsigned int n;

	if (v < lb || v > ub)
		return enc_fail(e, "value %llu outside %llu..%llu", (unsigned long long)v,
				(unsigned long long)lb, (unsigned long long)ub);
	if (r == 0)
		return 0;
	if (r < 255)
		return aper_put_bits(e, aper_bits_for(r + 1), off);
	if (r == 255)
		return aper_put_align(e) ? -1 : aper_put_bits(e, 8, off);
	if (r < APER_64K)
		return aper_put_align(e) ? -1 : aper_put_bits(e, 16, off);
	n = aper_octets_for(off);
	if (aper_put_cwn(e, 1, aper_octets_for(r), n) || aper_put_align(e))
		return -1;
	return aper_put_bits(e, 8 * n, off);
}

int aper_put_nsnn(struct aper_enc *e, uint64_t v)
{
	if (v < 64)
		return aper_put_bits(e, 7, v);
	return aper_put_bits(e, 1, 1) ? -1 : aper_put_semi(e, 0, v);
}

int aper_put_semi(struct aper_enc *e, uint64_t lb, uint64_t v)
{
	unsigned int n;

	if (v < lb)
		return enc_fail(e, "value below %llu", (unsigned long long)lb);
	n = aper_octets_for(v - lb);
	if (aper_put_length(e, 0, UINT64_MAX, n))
		return -1;
	return aper_put_bits(e, 8 * n, v - lb);
}

int aper_put_unconstrained(struct aper_enc *e, int64_t v)
{
	unsigned int n = 1;

	while (n < 8 && !(v >= -((int64_t)1 << (8 * n - 1)) && v < ((int64_t)1 << (8 * n - 1))))
		n++;
	if (aper_put_length(e, 0, UINT64_MAX, n))
		return -1;
	return aper_put_bits(e, 8 * n, n == 8 ? (uint64_t)v :
			     (uint64_t)v & (((uint64_t)1 << (8 * n)) - 1));
}

int aper_put_length(struct aper_enc *e, uint64_t lb, uint64_t ub, uint64_t n)
{
	if (ub < APER_64K)
		return aper_put_cwn(e, lb, ub, n);
	if (aper_put_align(e))
		return -1;
	if (n < 128)
		return aper_put_bits(e, 8, n);
	if (n < APER_16K)
		return aper_put_bits(e, 16, 0x8000 | n);
	return enc_fail(e, "internal: length %llu needs fragments", (unsigned long long)n);
}

int aper_put_int(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, uint64_t v)
{
	int out = v < lb || v > ub;

	if (out && !ext)
		return enc_fail(e, "value %llu outside %llu..%llu", (unsigned long long)v,
				(unsigned long long)lb, (unsigned long long)ub);
	if (ext && aper_put_bits(e, 1, out))
		return -1;
	if (!out)
		return aper_put_cwn(e, lb, ub, v);
	if (v > INT64_MAX)
		return enc_fail(e, "extension value too large");
	return aper_put_unconstrained(e, (int64_t)v);
}

int aper_put_enum(struct aper_enc *e, unsigned int n_root, int ext, uint64_t idx)
{
	if (idx >= n_root && !ext)
		return enc_fail(e, "enumeration index %llu outside 0..%u",
				(unsigned long long)idx, n_root - 1);
	if (ext && aper_put_bits(e, 1, idx >= n_root))
		return -1;
	if (idx >= n_root)
		return aper_put_nsnn(e, idx - n_root);
	return aper_put_cwn(e, 0, n_root - 1, idx);
}

int aper_put_strlen(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    uint64_t n)
{
	int out = n < lb || n > ub;

	if (out && !ext)
		return enc_fail(e, "size %llu outside %llu..%llu", (unsigned long long)n,
				(unsigned long long)lb, (unsigned long long)ub);
	if (ext && aper_put_bits(e, 1, out))
		return -1;
	if (out) {
		if (aper_put_length(e, 0, UINT64_MAX, n))
			return -1;
		return n ? aper_put_align(e) : 0;
	}
	if (lb == ub) {
		if (ub * unit <= 16)
			return 0;
		if (ub >= APER_64K)
			return enc_fail(e, "fixed size above 64K (write it with aper_put_string)");
		return aper_put_align(e);
	}
	if (ub >= APER_64K && n >= APER_16K)
		return enc_fail(e, "size %llu needs fragments (write it with aper_put_string)",
				(unsigned long long)n);
	if (aper_put_length(e, lb, ub, n))
		return -1;
	return n ? aper_put_align(e) : 0;
}

/* 10.9.3.8: n units in fragments of 64K, 48K, 32K or 16K, then the rest */
static int put_chain(struct aper_enc *e, unsigned int unit, const uint8_t *p, size_t n)
{
	for (;;) {
		size_t m = n / APER_16K > 4 ? 4 : n / APER_16K;
		size_t k = m ? m * APER_16K : n;

		if (aper_put_align(e))
			return -1;
		if (m) {
			if (aper_put_bits(e, 8, 0xc0 | m))
				return -1;
		} else if (aper_put_length(e, 0, UINT64_MAX, k)) {
			return -1;
		}
		if (k && aper_put_bitfield(e, k * unit, p))
			return -1;
		p += k * unit / 8;
		n -= k;
		if (!m)
			return 0;
	}
}

int aper_put_string(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    const uint8_t *p, size_t n)
{
	int out = n < lb || n > ub;

	if (out && !ext)
		return enc_fail(e, "size %zu outside %llu..%llu", n, (unsigned long long)lb,
				(unsigned long long)ub);
	if (ext && aper_put_bits(e, 1, out))
		return -1;
	if (out || ub >= APER_64K)
		return put_chain(e, unit, p, n);
	if (aper_put_strlen(e, lb, ub, 0, unit, n))
		return -1;
	return n ? aper_put_bitfield(e, n * unit, p) : 0;
}

int aper_put_octets(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext,
		    const uint8_t *p, size_t len)
{
	return aper_put_string(e, lb, ub, ext, 8, p, len);
}

int aper_put_open(struct aper_enc *e, const uint8_t *p, size_t len)
{
	return put_chain(e, 8, p, len);
}
