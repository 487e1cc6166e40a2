// SPDX-License-Identifier: GPL-2.0
/*
 * APER lengths of 16K and more (X.691 10.9.3.8): strings and open types are
 * written as fragments of 64K, 48K, 32K or 16K units (one octet 11mmmmmm
 * each) then a last length below 16K, possibly 0.  At the sizes around each
 * boundary (16383, 16384, 16385, 32768, 65535, 65536, 100000) the exact
 * layout is checked, then the decode; non-canonical and truncated chains are
 * refused; BIT STRINGs fragment by bits; an S1AP UERadioCapability of every
 * such size goes through s1ap_encode/s1ap_decode unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "proto/aper.h"
#include "proto/s1ap_util.h"
#include "unit.h"

static const size_t sizes[] = { 0, 1, 127, 128, 16383, 16384, 16385, 32768, 49152, 65535,
				65536, 65537, 100000, 200000 };
#define N_SIZES (sizeof(sizes) / sizeof(sizes[0]))
#define MAXN	200000

struct heap {
	void *p[64];
	unsigned int n;
};

static void *heap_alloc(void *opaque, size_t n)
{
	struct heap *h = opaque;

	if (h->n >= 64)
		return NULL;
	return h->p[h->n++] = malloc(n);
}

static void heap_free(struct heap *h)
{
	while (h->n)
		free(h->p[--h->n]);
}

/* The length octets 10.9.3.8 prescribes for n units, in order: each entry
 * is (units that follow it); returns how many. */
static unsigned int layout(size_t n, size_t parts[8])
{
	unsigned int k = 0;

	for (;;) {
		size_t m = n / 16384 > 4 ? 4 : n / 16384;

		parts[k++] = m ? m * 16384 : n;
		if (!m)
			return k;
		n -= m * 16384;
	}
}

/* Check buf (an octet string of n units of 8 bits at offset 0) has the
 * canonical chain; returns its size in octets or 0 on a mismatch. */
static size_t check_chain(const uint8_t *buf, size_t n, const uint8_t *data)
{
	size_t parts[8], off = 0, done = 0;
	unsigned int k = layout(n, parts);

	for (unsigned int i = 0; i < k; i++) {
		size_t u = parts[i];

		if (i + 1 < k) {
			if (buf[off] != (0xc0 | u / 16384))
				return 0;
			off++;
		} else if (u < 128) {
			if (buf[off++] != u)
				return 0;
		} else {
			if (buf[off] != (0x80 | u >> 8) || buf[off + 1] != (u & 0xff))
				return 0;
			off += 2;
		}
		if (memcmp(buf + off, data + done, u))
			return 0;
		off += u;
		done += u;
	}
	return off;
}

static uint8_t *data_of(size_t n)
{
	uint8_t *d = malloc(n ? n : 1);

	for (size_t i = 0; i < n; i++)
		d[i] = (uint8_t)(i * 13 + (i >> 8));
	return d;
}

/* Open types and unbounded OCTET STRINGs, both directions */
static void test_octets_boundaries(void)
{
	uint8_t *data = data_of(MAXN), *buf = malloc(MAXN + 64), *buf2 = malloc(MAXN + 64);

	for (size_t i = 0; i < N_SIZES; i++) {
		size_t n = sizes[i], len = 0, total;
		struct aper_ctx c = { 0 };
		struct heap h = { 0 };
		struct aper_enc e;
		struct aper_dec d;
		const uint8_t *p = NULL;

		aper_enc_init(&e, &c, buf, MAXN + 64);
		CU_ASSERT_FATAL(aper_put_open(&e, data, n) == 0);
		total = check_chain(buf, n, data);
		CU_ASSERT(total > 0 && total == aper_enc_bytes(&e));
		/* the same bytes as OCTET STRING (SIZE (0..MAX)) and (SIZE (1..MAX)) */
		aper_enc_init(&e, &c, buf2, MAXN + 64);
		if (n) {
			CU_ASSERT(aper_put_octets(&e, 1, UINT64_MAX, 0, data, n) == 0);
			CU_ASSERT(aper_enc_bytes(&e) == total && !memcmp(buf, buf2, total));
		}
		c.alloc = heap_alloc;
		c.opaque = &h;
		aper_dec_init(&d, &c, buf, total);
		CU_ASSERT(aper_get_open(&d, &p, &len) == 0);
		CU_ASSERT(len == n && (!n || !memcmp(p, data, n)));
		CU_ASSERT(aper_dec_end(&d) == 0);
		/* one piece stays in the input, fragments are reassembled once */
		CU_ASSERT((n < 16384) == (p == buf + (n < 128 ? 1 : 2)));
		CU_ASSERT_EQUAL(h.n, n < 16384 ? 0 : 1);
		/* every truncation is refused, never read past the end */
		aper_dec_init(&d, &c, buf, total - 1);
		CU_ASSERT(aper_get_open(&d, &p, &len) == -1);
		heap_free(&h);
	}
	free(data);
	free(buf);
	free(buf2);
}

/* BIT STRING (SIZE (0..MAX)): the units are bits, a 16K fragment 2048 octets */
static void test_bits_boundaries(void)
{
	static const size_t nbits[] = { 7, 16383, 16384, 16385, 65535, 65536, 100001 };
	uint8_t *data = data_of(20000), *buf = malloc(20100);

	for (size_t i = 0; i < sizeof(nbits) / sizeof(nbits[0]); i++) {
		size_t n = nbits[i], got = 0, parts[8];
		unsigned int k = layout(n, parts);
		struct aper_ctx c = { 0 };
		struct heap h = { 0 };
		struct aper_enc e;
		struct aper_dec d;
		const uint8_t *p = NULL;
		uint8_t last;

		/* the decoder hands back the bits left-aligned, the rest zero */
		last = n % 8 ? (uint8_t)(data[n / 8] & (0xff << (8 - n % 8))) : 0;
		aper_enc_init(&e, &c, buf, 20100);
		CU_ASSERT_FATAL(aper_put_string(&e, 0, UINT64_MAX, 0, 1, data, n) == 0);
		/* first length octet; the last part's length after the fragments */
		CU_ASSERT_EQUAL(buf[0], k > 1 ? 0xc0 | parts[0] / 16384 : (n < 128 ? n : 0x80 | n >> 8));
		if (k > 1) {
			size_t off = 0;

			for (unsigned int j = 0; j + 1 < k; j++)
				off += 1 + parts[j] / 8;
			CU_ASSERT_EQUAL(buf[off], parts[k - 1] < 128 ? parts[k - 1] :
					0x80 | parts[k - 1] >> 8);
		}
		c.alloc = heap_alloc;
		c.opaque = &h;
		aper_dec_init(&d, &c, buf, aper_enc_bytes(&e));
		CU_ASSERT(aper_get_string(&d, 0, UINT64_MAX, 0, 1, &p, &got) == 0);
		CU_ASSERT_EQUAL(got, n);
		CU_ASSERT(got == n && !memcmp(p, data, n / 8));
		if (n % 8)
			CU_ASSERT_EQUAL(p[n / 8], last);
		heap_free(&h);
	}
	free(data);
	free(buf);
}

/* An extensible size outside its root is a semi-constrained length:
 * fragments too (e.g. a TransportLayerAddress SIZE(1..160, ...)) */
static void test_ext_size_fragments(void)
{
	uint8_t *data = data_of(70000), *buf = malloc(70100);
	struct aper_ctx c = { 0 };
	struct heap h = { .n = 0 };
	struct aper_enc e;
	struct aper_dec d;
	const uint8_t *p;
	size_t n;

	aper_enc_init(&e, &c, buf, 70100);
	CU_ASSERT_FATAL(aper_put_string(&e, 1, 160, 1, 8, data, 40000) == 0);
	CU_ASSERT_EQUAL(buf[0], 0x80);		/* extension bit, then aligned */
	CU_ASSERT_EQUAL(buf[1], 0xc2);		/* 32K */
	CU_ASSERT_EQUAL(buf[2 + 32768], 0x80 | (40000 - 32768) >> 8);
	c.alloc = heap_alloc;
	c.opaque = &h;
	aper_dec_init(&d, &c, buf, aper_enc_bytes(&e));
	CU_ASSERT(aper_get_string(&d, 1, 160, 1, 8, &p, &n) == 0);
	CU_ASSERT(n == 40000 && !memcmp(p, data, n));
	/* without the extension marker the same size is refused */
	aper_enc_init(&e, &c, buf, 70100);
	CU_ASSERT(aper_put_string(&e, 1, 160, 0, 8, data, 40000) == -1);
	/* a fixed SIZE (30000) has no length; a fixed SIZE (70000) has (17.8) */
	aper_enc_init(&e, &c, buf, 70100);
	CU_ASSERT(aper_put_string(&e, 30000, 30000, 0, 8, data, 30000) == 0);
	CU_ASSERT_EQUAL(aper_enc_bytes(&e), 30000);
	aper_enc_init(&e, &c, buf, 70100);
	CU_ASSERT(aper_put_string(&e, 70000, 70000, 0, 8, data, 70000) == 0);
	CU_ASSERT_EQUAL(aper_enc_bytes(&e), 1 + 65536 + 2 + 4464);
	aper_dec_init(&d, &c, buf, aper_enc_bytes(&e));
	CU_ASSERT(aper_get_string(&d, 70000, 70000, 0, 8, &p, &n) == 0 && n == 70000);
	aper_dec_init(&d, &c, buf, aper_enc_bytes(&e));
	CU_ASSERT(aper_get_string(&d, 70001, 70001, 0, 8, &p, &n) == -1);
	heap_free(&h);
	free(data);
	free(buf);
}

/* Hostile chains: non-canonical fragments, truncation, no allocator */
static void test_bad_chains(void)
{
	uint8_t *buf = calloc(1, 70000);
	struct aper_ctx c = { 0 };
	struct heap h = { 0 };
	struct aper_dec d;
	const uint8_t *p;
	size_t n;

	/* 16K fragment then another 16K fragment: should have been one 32K */
	buf[0] = 0xc1;
	buf[1 + 16384] = 0xc1;
	buf[2 + 32768] = 0x00;
	c.alloc = heap_alloc;
	c.opaque = &h;
	aper_dec_init(&d, &c, buf, 3 + 32768);
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "canonical"));
	/* 64K then 16K then the end: canonical */
	memset(buf, 0, 70000);
	buf[0] = 0xc4;
	buf[1 + 65536] = 0xc1;
	memset(&c, 0, sizeof(c));
	c.alloc = heap_alloc;
	c.opaque = &h;
	aper_dec_init(&d, &c, buf, 1 + 65536 + 1);	/* the 16K fragment is missing */
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "past the end"));
	/* m = 0 and m > 4 are not fragment lengths */
	buf[0] = 0xc0;
	aper_dec_init(&d, &c, buf, 10);
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	buf[0] = 0xc5;
	aper_dec_init(&d, &c, buf, 10);
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	/* the final length missing after a fragment */
	buf[0] = 0xc1;
	aper_dec_init(&d, &c, buf, 1 + 16384);
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	/* fragments need an allocator to be joined */
	buf[1 + 16384] = 0x00;
	memset(&c, 0, sizeof(c));
	aper_dec_init(&d, &c, buf, 2 + 16384);
	CU_ASSERT(aper_get_open(&d, &p, &n) == -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "no memory"));
	/* a size in the root may not be marked as an extension */
	buf[0] = 0x80;
	buf[1] = 0x03;
	aper_dec_init(&d, &c, buf, 5);
	CU_ASSERT(aper_get_string(&d, 1, 160, 1, 8, &p, &n) == -1);
	heap_free(&h);
	free(buf);
}

/* UE Capability Info Indication with a UERadioCapability of each size:
 * s1ap_encode then s1ap_decode gives the octets back. */
static void test_s1ap_radio_capability(void)
{
	uint8_t *cap = data_of(MAXN), *buf = malloc(MAXN + 100);

	for (size_t i = 1; i < N_SIZES; i++) {
		struct s1ap_arena a = { 0 }, b = { 0 };
		struct aper_ctx c = { 0 };
		struct s1ap_pdu pdu, back;
		const struct s1ap_val *v;
		long n;

		CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CAPABILITY_INFO_INDICATION,
					      S1AP_INITIATING) == 0);
		CU_ASSERT(s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), 1) == 0);
		CU_ASSERT(s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), 2) == 0);
		CU_ASSERT(s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_RADIO_CAPABILITY), cap,
				     sizes[i]) == 0);
		n = s1ap_encode(&pdu, &c, buf, MAXN + 100);
		CU_ASSERT_FATAL(n > (long)sizes[i]);
		CU_ASSERT_FATAL(s1ap_decode(&back, &b, &c, buf, (size_t)n) == 0);
		v = s1ap_ie_find(&back, S1AP_IE_UE_RADIO_CAPABILITY);
		CU_ASSERT_FATAL(v != NULL);
		CU_ASSERT(v->n == sizes[i] && !memcmp(v->p, cap, sizes[i]));
		s1ap_arena_free(&a);
		s1ap_arena_free(&b);
	}
	free(cap);
	free(buf);
}

UNIT_SUITE(proto_aper_frag, UNIT_TEST(test_octets_boundaries), UNIT_TEST(test_bits_boundaries),
	   UNIT_TEST(test_ext_size_fragments), UNIT_TEST(test_bad_chains),
	   UNIT_TEST(test_s1ap_radio_capability))
