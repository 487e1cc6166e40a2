// SPDX-License-Identifier: GPL-2.0
/*
 * APER primitives (ITU-T X.691, ALIGNED variant): each case encodes a value
 * and compares exact bits, then decodes it back.  Expected patterns are
 * worked by hand from the clause cited next to each one.
 */
#include <string.h>

#include "proto/aper.h"
#include "unit.h"

struct enc {
	struct aper_ctx ctx;
	struct aper_enc e;
	uint8_t buf[64];
};

static void enc_start(struct enc *x)
{
	memset(x, 0, sizeof(*x));
	aper_enc_init(&x->e, &x->ctx, x->buf, sizeof(x->buf));
}

static int enc_is(struct enc *x, const char *hex, size_t bits)
{
	uint8_t want[64];
	int n = unit_hex(hex, want, sizeof(want));

	return n >= 0 && x->e.pos == bits && aper_enc_bytes(&x->e) == (size_t)n &&
	       !memcmp(x->buf, want, (size_t)n);
}

static void dec_start(struct aper_dec *d, struct aper_ctx *c, const uint8_t *buf, size_t len)
{
	memset(c, 0, sizeof(*c));
	aper_dec_init(d, c, buf, len);
}

/* 10.5.7: the four constrained whole number cases */
static void test_cwn_cases(void)
{
	struct enc x;
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t v;

	enc_start(&x);				/* range 1: no bits (10.5.4) */
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 5, 5, 5), 0);
	CU_ASSERT_EQUAL(x.e.pos, 0);
	enc_start(&x);				/* range 3: 2-bit field, 10.5.7.1 */
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 0, 2, 2), 0);
	CU_ASSERT(enc_is(&x, "80", 2));
	enc_start(&x);				/* range 256: one aligned octet, 10.5.7.2 */
	CU_ASSERT_EQUAL(aper_put_bits(&x.e, 1, 1) || aper_put_cwn(&x.e, 0, 255, 17), 0);
	CU_ASSERT(enc_is(&x, "80 11", 16));
	enc_start(&x);				/* range 64K: two aligned octets, 10.5.7.3 */
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 0, 65535, 59), 0);
	CU_ASSERT(enc_is(&x, "00 3b", 16));
	enc_start(&x);		/* > 64K: length 1..4 in 2 bits, octets, 10.5.7.4 */
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 0, 4294967295u, 1), 0);
	CU_ASSERT(enc_is(&x, "00 01", 16));
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 0, 4294967295u, 0x020000bf), 0);
	CU_ASSERT(enc_is(&x, "c0 02 00 00 bf", 40));
	enc_start(&x);		/* BitRate 0..10^10: length 1..5 in 3 bits */
	CU_ASSERT_EQUAL(aper_put_cwn(&x.e, 0, 10000000000ull, 10000000000ull), 0);
	CU_ASSERT(enc_is(&x, "80 02 54 0b e4 00", 48));

	dec_start(&d, &c, x.buf, 6);
	CU_ASSERT_EQUAL(aper_get_cwn(&d, 0, 10000000000ull, &v), 0);
	CU_ASSERT_EQUAL(v, 10000000000ull);
	/* above the bound: 0x02540be401 */
	x.buf[5] = 1;
	dec_start(&d, &c, x.buf, 6);
	CU_ASSERT_EQUAL(aper_get_cwn(&d, 0, 10000000000ull, &v), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "upper bound"));
	/* not minimal: two octets for the value 1 */
	dec_start(&d, &c, (const uint8_t *)"\x40\x00\x01", 3);
	CU_ASSERT_EQUAL(aper_get_cwn(&d, 0, 4294967295u, &v), -1);
}

/* 10.9: length determinants */
static void test_lengths(void)
{
	struct enc x;
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t n;
	int frag;

	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_length(&x.e, 0, UINT64_MAX, 127), 0);	/* 10.9.3.6 */
	CU_ASSERT(enc_is(&x, "7f", 8));
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_length(&x.e, 0, UINT64_MAX, 128), 0);	/* 10.9.3.7 */
	CU_ASSERT(enc_is(&x, "80 80", 16));
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_length(&x.e, 0, UINT64_MAX, 16383), 0);
	CU_ASSERT(enc_is(&x, "bf ff", 16));
	dec_start(&d, &c, (const uint8_t *)"\xc3", 1);			/* 10.9.3.8 */
	CU_ASSERT_EQUAL(aper_get_length(&d, 0, UINT64_MAX, &n, &frag), 0);
	CU_ASSERT_EQUAL(n, 3 * 16384);
	CU_ASSERT_EQUAL(frag, 1);
	dec_start(&d, &c, (const uint8_t *)"\xc5", 1);			/* m > 4 */
	CU_ASSERT_EQUAL(aper_get_length(&d, 0, UINT64_MAX, &n, &frag), -1);
	dec_start(&d, &c, (const uint8_t *)"\x80\x05", 2);		/* not minimal */
	CU_ASSERT_EQUAL(aper_get_length(&d, 0, UINT64_MAX, &n, &frag), -1);
	enc_start(&x);				/* SIZE(1..256): n-1 in one aligned octet */
	CU_ASSERT_EQUAL(aper_put_length(&x.e, 1, 256, 1), 0);
	CU_ASSERT(enc_is(&x, "00", 8));
	enc_start(&x);				/* SIZE(1..6): 3 bits */
	CU_ASSERT_EQUAL(aper_put_length(&x.e, 1, 6, 2), 0);
	CU_ASSERT(enc_is(&x, "20", 3));
}

/* Fragmented octet string (10.9.3.8.1): 16K + 16K + 1 octets. */
static uint8_t pool[70000];
static size_t pool_used;

static void *pool_alloc(void *opaque, size_t n)
{
	void *p;

	if (pool_used + n > sizeof(pool))
		return NULL;
	p = pool + pool_used;
	pool_used += n;
	return p;
}

static void test_fragments(void)
{
	static uint8_t big[40000], out[40016];
	struct aper_ctx c;
	struct aper_enc e;
	struct aper_dec d;
	const uint8_t *p;
	size_t len;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7);
	memset(&c, 0, sizeof(c));
	aper_enc_init(&e, &c, out, sizeof(out));
	CU_ASSERT_FATAL(aper_put_open(&e, big, 32769) == 0);
	/* 0xc2 (two 16K fragments), 32768 octets, length 1, one octet */
	CU_ASSERT_EQUAL(aper_enc_bytes(&e), 1 + 32768 + 1 + 1);
	CU_ASSERT_EQUAL(out[0], 0xc2);
	CU_ASSERT_EQUAL(out[32769], 0x01);
	/* reassembly needs an allocator */
	dec_start(&d, &c, out, aper_enc_bytes(&e));
	CU_ASSERT_EQUAL(aper_get_open(&d, &p, &len), -1);
	dec_start(&d, &c, out, aper_enc_bytes(&e));
	pool_used = 0;
	c.alloc = pool_alloc;
	CU_ASSERT_FATAL(aper_get_open(&d, &p, &len) == 0);
	CU_ASSERT_EQUAL(len, 32769);
	CU_ASSERT_EQUAL(memcmp(p, big, len), 0);
	/* exactly 16K: one fragment then a zero length octet */
	memset(&c, 0, sizeof(c));
	aper_enc_init(&e, &c, out, sizeof(out));
	CU_ASSERT_FATAL(aper_put_open(&e, big, 16384) == 0);
	CU_ASSERT_EQUAL(aper_enc_bytes(&e), 1 + 16384 + 1);
	CU_ASSERT_EQUAL(out[0], 0xc1);
	CU_ASSERT_EQUAL(out[16385], 0x00);
}

/* 10.6 normally small numbers, 14 enumerations with extensions */
static void test_nsnn_enum(void)
{
	struct enc x;
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t v;

	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_nsnn(&x.e, 5), 0);			/* 0 000101 */
	CU_ASSERT(enc_is(&x, "0a", 7));
	enc_start(&x);				/* 1, then semi-constrained, 10.6.2 */
	CU_ASSERT_EQUAL(aper_put_nsnn(&x.e, 64), 0);
	CU_ASSERT(enc_is(&x, "80 01 40", 24));
	enc_start(&x);				/* CauseNas: root index 3 of 4, ext bit 0 */
	CU_ASSERT_EQUAL(aper_put_enum(&x.e, 4, 1, 3), 0);
	CU_ASSERT(enc_is(&x, "60", 3));
	enc_start(&x);				/* csg-subscription-expiry: ext 1, nsnn 0 */
	CU_ASSERT_EQUAL(aper_put_enum(&x.e, 4, 1, 4), 0);
	CU_ASSERT(enc_is(&x, "80", 8));
	dec_start(&d, &c, x.buf, 1);
	CU_ASSERT_EQUAL(aper_get_enum(&d, 4, 1, &v), 0);
	CU_ASSERT_EQUAL(v, 4);
	dec_start(&d, &c, (const uint8_t *)"\xc0\x01\x05", 3);	/* 5 in the long form */
	CU_ASSERT_EQUAL(aper_get_nsnn(&d, &v), -1);
}

/* 16, 17, 30: strings; the 2-octet fixed string is not aligned (17.6) */
static void test_strings(void)
{
	struct enc x;
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t n;
	uint8_t bits[4];

	enc_start(&x);				/* TAC after 2 bits: not aligned */
	CU_ASSERT_EQUAL(aper_put_bits(&x.e, 2, 0) ||
			aper_put_octets(&x.e, 2, 2, 0, (const uint8_t *)"\x30\x39", 2), 0);
	CU_ASSERT(enc_is(&x, "0c 0e 40", 18));
	enc_start(&x);				/* PLMN (3 octets) after 2 bits: aligned */
	CU_ASSERT_EQUAL(aper_put_bits(&x.e, 2, 0) ||
			aper_put_octets(&x.e, 3, 3, 0, (const uint8_t *)"\x00\xf1\x10", 3), 0);
	CU_ASSERT(enc_is(&x, "00 00 f1 10", 32));
	enc_start(&x);		/* TransportLayerAddress SIZE(1..160, ...), 32 bits */
	CU_ASSERT_EQUAL(aper_put_strlen(&x.e, 1, 160, 1, 1, 32) ||
			aper_put_bitfield(&x.e, 32, (const uint8_t *)"\x0a\x01\x23\xc6"), 0);
	CU_ASSERT(enc_is(&x, "0f 80 0a 01 23 c6", 48));
	dec_start(&d, &c, x.buf, 6);
	CU_ASSERT_EQUAL(aper_get_strlen(&d, 1, 160, 1, 1, &n), 0);
	CU_ASSERT_EQUAL(n, 32);
	CU_ASSERT_EQUAL(aper_get_bitfield(&d, 32, bits), 0);
	CU_ASSERT_EQUAL(memcmp(bits, "\x0a\x01\x23\xc6", 4), 0);
	enc_start(&x);				/* PrintableString SIZE(1..150, ...) "JLT" */
	CU_ASSERT_EQUAL(aper_put_strlen(&x.e, 1, 150, 1, 8, 3) ||
			aper_put_bitfield(&x.e, 24, (const uint8_t *)"JLT"), 0);
	CU_ASSERT(enc_is(&x, "01 00 4a 4c 54", 40));
	/* a size outside the root under the extension bit: unconstrained */
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_strlen(&x.e, 16, 16, 1, 1, 24), 0);
	CU_ASSERT(enc_is(&x, "80 18", 16));
}

/* 13: INTEGER (0..15, ...) with a value outside the root */
static void test_int_ext(void)
{
	struct enc x;
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t v;
	int ext;

	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_int(&x.e, 0, 15, 1, 5), 0);		/* 0 0101 */
	CU_ASSERT(enc_is(&x, "28", 5));
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_int(&x.e, 0, 15, 1, 200), 0);	/* 1, len 2, 00c8 */
	CU_ASSERT(enc_is(&x, "80 02 00 c8", 32));
	dec_start(&d, &c, x.buf, 4);
	CU_ASSERT_EQUAL(aper_get_int(&d, 0, 15, 1, &v, &ext), 0);
	CU_ASSERT_EQUAL(v, 200);
	CU_ASSERT_EQUAL(ext, 1);
	/* 5 marked as an extension value is not canonical */
	dec_start(&d, &c, (const uint8_t *)"\x80\x01\x05", 3);
	CU_ASSERT_EQUAL(aper_get_int(&d, 0, 15, 1, &v, &ext), -1);
	/* unconstrained -1 is one octet 0xff (10.8) */
	enc_start(&x);
	CU_ASSERT_EQUAL(aper_put_unconstrained(&x.e, -1), 0);
	CU_ASSERT(enc_is(&x, "01 ff", 16));
}

/* Every read is bounds-checked and the error names the bit offset. */
static void test_bounds(void)
{
	struct aper_dec d;
	struct aper_ctx c;
	uint64_t v;

	dec_start(&d, &c, (const uint8_t *)"\xff", 1);
	CU_ASSERT_EQUAL(aper_get_bits(&d, 3, &v), 0);
	CU_ASSERT_EQUAL(aper_get_bits(&d, 6, &v), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "bit 3"));
	dec_start(&d, &c, (const uint8_t *)"\x05\x01\x02", 3);	/* length 5, 2 left */
	{
		const uint8_t *p;
		size_t len;

		CU_ASSERT_EQUAL(aper_get_open(&d, &p, &len), -1);
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "past the end"));
	}
	dec_start(&d, &c, (const uint8_t *)"\x81", 1);		/* padding not zero */
	CU_ASSERT_EQUAL(aper_get_bits(&d, 1, &v), 0);
	CU_ASSERT_EQUAL(aper_get_align(&d), -1);
}

UNIT_SUITE(proto_aper,
	   UNIT_TEST(test_cwn_cases),
	   UNIT_TEST(test_lengths),
	   UNIT_TEST(test_fragments),
	   UNIT_TEST(test_nsnn_enum),
	   UNIT_TEST(test_strings),
	   UNIT_TEST(test_int_ext),
	   UNIT_TEST(test_bounds))
