/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASN.1 Packed Encoding Rules, ALIGNED variant (ITU-T X.691), bit-level
 * primitives.  Used by the S1AP codec (s1ap.h) and usable by any other
 * APER protocol.
 *
 * Decoding is strict: every read is bounds-checked, padding bits must be
 * zero and every length/number must be in its minimal (canonical) form, so
 * that a message that decodes re-encodes to the same bytes.  Errors are
 * reported once, in aper_ctx.err, as "bit N: PATH: what and why"; PATH is
 * the stack the caller keeps with aper_push()/aper_pop().
 *
 * All functions return 0 on success and -1 on failure.  No I/O, no global
 * state.
 */
#ifndef AGW_PROTO_APER_H
#define AGW_PROTO_APER_H

#include <stddef.h>
#include <stdint.h>

#define APER_MAX_DEPTH	32
#define APER_64K	65536u
#define APER_16K	16384u

/* Shared by a decoder (or encoder) and the sub-coders of its open types. */
struct aper_ctx {
	char err[320];
	int failed;
	unsigned int depth;
	const char *path[APER_MAX_DEPTH];
	long idx[APER_MAX_DEPTH];
	/* allocator for reassembled fragments (decoder only); may be NULL */
	void *(*alloc)(void *opaque, size_t n);
	void *opaque;
};

struct aper_dec {
	const uint8_t *buf;
	size_t len;		/* bytes */
	size_t pos;		/* bits consumed */
	size_t base;		/* bit offset of buf[0] in the outer message */
	struct aper_ctx *ctx;
};

struct aper_enc {
	uint8_t *buf;
	size_t cap;		/* bytes */
	size_t pos;		/* bits written */
	struct aper_ctx *ctx;
};

void aper_dec_init(struct aper_dec *d, struct aper_ctx *ctx, const uint8_t *buf, size_t len);
void aper_enc_init(struct aper_enc *e, struct aper_ctx *ctx, uint8_t *buf, size_t cap);
/* Bytes used by the encoding so far (complete octets, the last padded). */
size_t aper_enc_bytes(const struct aper_enc *e);

/* Error path: name (idx < 0 for none) of the element being coded. */
void aper_push(struct aper_ctx *c, const char *name, long idx);
void aper_pop(struct aper_ctx *c);
/* Record the first error; always returns -1. */
int aper_fail(struct aper_ctx *c, size_t bit, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int aper_dec_fail(struct aper_dec *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Number of bits for a constrained whole number of range r (r <= 255). */
unsigned int aper_bits_for(uint64_t r);
/* Octets for the value v (at least 1). */
unsigned int aper_octets_for(uint64_t v);

/* ---- decoding (X.691 clause numbers in aper.c) ---- */
int aper_get_bits(struct aper_dec *d, unsigned int n, uint64_t *v);
/* Skip padding to the next octet boundary; padding bits must be zero. */
int aper_get_align(struct aper_dec *d);
/* Copy nbits into out (left-aligned, trailing bits of the last octet 0). */
int aper_get_bitfield(struct aper_dec *d, size_t nbits, uint8_t *out);
/* 10.5 constrained whole number in lb..ub (ub >= lb). */
int aper_get_cwn(struct aper_dec *d, uint64_t lb, uint64_t ub, uint64_t *v);
/* 10.6 normally small non-negative whole number. */
int aper_get_nsnn(struct aper_dec *d, uint64_t *v);
/* 10.7 semi-constrained whole number (>= lb). */
int aper_get_semi(struct aper_dec *d, uint64_t lb, uint64_t *v);
/* 10.8 unconstrained whole number (two's complement). */
int aper_get_unconstrained(struct aper_dec *d, int64_t *v);
/*
 * 10.9 length determinant.  ub < 64K: constrained (lb..ub).  Otherwise the
 * unconstrained form; *frag is set when the length is a 16K-multiple
 * fragment and another length follows the items.
 */
int aper_get_length(struct aper_dec *d, uint64_t lb, uint64_t ub, uint64_t *n, int *frag);
/* 13 INTEGER (lb..ub[, ...]); with ext a value outside the root is read unconstrained. */
int aper_get_int(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, uint64_t *v, int *is_ext);
/* 14 ENUMERATED: index in 0..n_root-1, or n_root + k for extension value k. */
int aper_get_enum(struct aper_dec *d, unsigned int n_root, int ext, uint64_t *idx);
/*
 * 16/17/30 string lengths without fragments: reads the extension bit and
 * length and aligns as X.691 says for a string of unit size `unit` bits with
 * SIZE(lb..ub[, ...]); *n is the number of units.  A size that is
 * fragmented (16K or more with ub >= 64K or outside the root) fails: read
 * such strings with aper_get_string.
 */
int aper_get_strlen(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    uint64_t *n);
/*
 * 16.8-16.11 BIT STRING (unit 1), 17.6-17.8 OCTET STRING (8), 30.5.7
 * known-multiplier character strings (their character size) with
 * SIZE(lb..ub[, ...]): length and units, of any size (10.9.3.8 fragments of
 * 64K/48K/32K/16K units then the rest, canonical form required).  *p holds
 * the units left-aligned: in the input when they are one aligned piece of
 * octets, else reassembled with ctx->alloc (trailing bits zero).
 */
int aper_get_string(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    const uint8_t **p, size_t *nunits);
/* OCTET STRING of any size: aper_get_string with unit 8. */
int aper_get_octets(struct aper_dec *d, uint64_t lb, uint64_t ub, int ext,
		    const uint8_t **p, size_t *len);
/* Open type (10.2): octet-aligned bytes with an unconstrained length (any
 * size, fragments reassembled with ctx->alloc). */
int aper_get_open(struct aper_dec *d, const uint8_t **p, size_t *len);
/* Sub-decoder for an open type found at the current position. */
void aper_dec_sub(struct aper_dec *sub, const struct aper_dec *d, const uint8_t *p, size_t len);
/* Require that only zero padding (< 8 bits) is left (open type, PDU end). */
int aper_dec_end(struct aper_dec *d);

/* ---- encoding ---- */
int aper_put_bits(struct aper_enc *e, unsigned int n, uint64_t v);
int aper_put_align(struct aper_enc *e);
int aper_put_bitfield(struct aper_enc *e, size_t nbits, const uint8_t *in);
int aper_put_cwn(struct aper_enc *e, uint64_t lb, uint64_t ub, uint64_t v);
int aper_put_nsnn(struct aper_enc *e, uint64_t v);
int aper_put_semi(struct aper_enc *e, uint64_t lb, uint64_t v);
int aper_put_unconstrained(struct aper_enc *e, int64_t v);
/* Constrained (ub < 64K) or unconstrained length n < 16K (fragments:
 * aper_put_string, aper_put_open). */
int aper_put_length(struct aper_enc *e, uint64_t lb, uint64_t ub, uint64_t n);
int aper_put_int(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, uint64_t v);
int aper_put_enum(struct aper_enc *e, unsigned int n_root, int ext, uint64_t idx);
/* Length and alignment of a string that needs no fragments (see aper_get_strlen). */
int aper_put_strlen(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    uint64_t n);
/* Length and units of a string of any size (see aper_get_string). */
int aper_put_string(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext, unsigned int unit,
		    const uint8_t *p, size_t nunits);
int aper_put_octets(struct aper_enc *e, uint64_t lb, uint64_t ub, int ext,
		    const uint8_t *p, size_t len);
int aper_put_open(struct aper_enc *e, const uint8_t *p, size_t len);

#endif
