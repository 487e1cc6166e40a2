// SPDX-License-Identifier: GPL-2.0
/*
 * 128-EIA1 and 128-EIA3 against bit-serial references written straight
 * from the specifications, over every length 0..700 bits and a few long
 * ones, with pseudo-random keys, inputs and messages. The library evaluates
 * MUL64 four bits at a time (EIA1) and works on 32-bit message words
 * (EIA3); these references do one bit per step, as the documents state it:
 *   EIA1: ETSI/SAGE UEA2&UIA2 Document 1 section 4 (MUL64, f9)
 *   EIA3: ETSI/SAGE 128-EEA3&128-EIA3 Document 1 section 4 (v1.6)
 * Only the keystream generators (snow3g_word, zuc_word) are shared.
 */
#include <stdint.h>
#include <string.h>

#include "crypto/eps.h"
#include "crypto/eps_int.h"
#include "unit.h"

static uint64_t ref_mul64(uint64_t v, uint64_t p)
{
	uint64_t r = 0;

	for (int i = 0; i < 64; i++) {
		if ((p >> i) & 1)
			r ^= v;
		v = v & (1ULL << 63) ? (v << 1) ^ 0x1b : v << 1;
	}
	return r;
}

static void ref_eia1(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
		     const uint8_t *msg, size_t bitlen, uint8_t mac[4])
{
	uint32_t k[4], iv[4], z[5], fresh = (uint32_t)bearer << 27, m;
	uint64_t p, q, eval = 0;
	struct snow3g st;

	for (int i = 0; i < 4; i++)
		k[3 - i] = (uint32_t)key[4 * i] << 24 | (uint32_t)key[4 * i + 1] << 16 |
			   (uint32_t)key[4 * i + 2] << 8 | key[4 * i + 3];
	iv[3] = count;
	iv[2] = fresh;
	iv[1] = count ^ (uint32_t)dir << 31;
	iv[0] = fresh ^ (uint32_t)dir << 15;
	snow3g_init(&st, k, iv);
	for (int i = 0; i < 5; i++)
		z[i] = snow3g_word(&st);
	p = (uint64_t)z[0] << 32 | z[1];
	q = (uint64_t)z[2] << 32 | z[3];
	for (size_t i = 0; i < (bitlen + 63) / 64; i++) {
		uint64_t b = 0;

		for (size_t j = 0; j < 64; j++)
			b = b << 1 | (i * 64 + j < bitlen ? eps_bit(msg, i * 64 + j) : 0);
		eval = ref_mul64(eval ^ b, p);
	}
	eval = ref_mul64(eval ^ bitlen, q);
	m = (uint32_t)(eval >> 32) ^ z[4];
	for (int i = 0; i < 4; i++)
		mac[i] = (uint8_t)(m >> (24 - 8 * i));
}

/* z_i of the document: keystream bits i..i+31 */
static uint32_t zword(const uint32_t *z, size_t nbits, size_t i)
{
	uint32_t w = 0;

	for (size_t b = i; b < i + 32; b++)
		w = w << 1 | (b < nbits ? (z[b / 32] >> (31 - b % 32)) & 1 : 0);
	return w;
}

static void ref_eia3(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
		     const uint8_t *msg, size_t bitlen, uint8_t mac[4])
{
	size_t nz = (bitlen + 31) / 32 + 2, nbits = 32 * nz;
	static uint32_t z[1024];
	uint8_t iv[16] = { 0 };
	struct zuc st;
	uint32_t t = 0;

	CU_ASSERT_FATAL(nz <= 1024);
	for (int i = 0; i < 4; i++)
		iv[i] = (uint8_t)(count >> (24 - 8 * i));
	iv[4] = (uint8_t)(bearer << 3);
	memcpy(iv + 8, iv, 8);
	iv[8] ^= (uint8_t)(dir << 7);
	iv[14] ^= (uint8_t)(dir << 7);
	zuc_init(&st, key, iv);
	for (size_t i = 0; i < nz; i++)
		z[i] = zuc_word(&st);
	for (size_t i = 0; i < bitlen; i++)
		if (eps_bit(msg, i))
			t ^= zword(z, nbits, i);
	t ^= zword(z, nbits, bitlen);
	t ^= z[nz - 1];
	for (int i = 0; i < 4; i++)
		mac[i] = (uint8_t)(t >> (24 - 8 * i));
}

static uint32_t rnd_state = 0x12345678;

static uint8_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return (uint8_t)rnd_state;
}

static void check_len(size_t bitlen)
{
	static uint8_t msg[4096];
	uint8_t key[16], got[4], want[4];
	uint32_t count = (uint32_t)rnd() << 24 | rnd();
	uint8_t bearer = rnd() & 31, dir = rnd() & 1;

	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = rnd();
	for (size_t i = 0; i < (bitlen + 7) / 8; i++)
		msg[i] = rnd();
	ref_eia1(key, count, bearer, dir, msg, bitlen, want);
	CU_ASSERT_EQUAL(eps_eia(EPS_ALG_1, key, count, bearer, dir, msg, bitlen, got), 0);
	if (memcmp(got, want, 4))
		CU_FAIL("EIA1 differs from the bit-serial reference");
	ref_eia3(key, count, bearer, dir, msg, bitlen, want);
	CU_ASSERT_EQUAL(eps_eia(EPS_ALG_3, key, count, bearer, dir, msg, bitlen, got), 0);
	if (memcmp(got, want, 4))
		CU_FAIL("EIA3 differs from the bit-serial reference");
}

static void test_eia_vs_reference(void)
{
	static const size_t longer[] = { 1023, 1024, 1025, 8 * 1400, 16447, 16448, 32000 };

	for (size_t len = 0; len <= 700; len++)
		check_len(len);
	for (size_t i = 0; i < sizeof(longer) / sizeof(longer[0]); i++)
		check_len(longer[i]);
}

UNIT_SUITE(crypto_eia_ref, UNIT_TEST(test_eia_vs_reference))
