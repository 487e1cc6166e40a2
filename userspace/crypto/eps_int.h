/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal to userspace/crypto: the per-family algorithm entry points behind
 * eps_eea()/eps_eia() and the stream cipher cores (exposed for their own
 * unit tests). Arguments are already validated by the dispatcher in eps.c:
 * key and buffers non-NULL, bearer < 32, dir < 2, bitlen <= EPS_MAX_BITLEN.
 */
#ifndef AGW_CRYPTO_EPS_INT_H
#define AGW_CRYPTO_EPS_INT_H

#include <stddef.h>
#include <stdint.h>

/* SNOW 3G (ETSI/SAGE UEA2&UIA2 Document 2) */
struct snow3g {
	uint32_t s[16];
	uint32_t r1, r2, r3;
};

extern const uint8_t snow3g_sr[256];
extern const uint8_t snow3g_sq[256];
extern const uint32_t snow3g_mul_alpha[256];
extern const uint32_t snow3g_div_alpha[256];

/* k[i], iv[i] are the specification's K_i and IV_i: K3 holds key bits 0..31 */
void snow3g_init(struct snow3g *st, const uint32_t k[4], const uint32_t iv[4]);
uint32_t snow3g_word(struct snow3g *st);

/* ZUC-128 (ETSI/SAGE EEA3&EIA3 Document 2) */
struct zuc {
	uint32_t s[16];	/* 31-bit cells */
	uint32_t r1, r2;
};

void zuc_init(struct zuc *st, const uint8_t key[16], const uint8_t iv[16]);
uint32_t zuc_word(struct zuc *st);

/* Families (bitlen > 0 or buf may be NULL when bitlen == 0) */
int eps_eea1(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     uint8_t *buf, size_t bitlen);
int eps_eia1(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     const uint8_t *msg, size_t bitlen, uint8_t mac[4]);
int eps_eea2(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     uint8_t *buf, size_t bitlen);
int eps_eia2(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     const uint8_t *msg, size_t bitlen, uint8_t mac[4]);
int eps_eea3(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     uint8_t *buf, size_t bitlen);
int eps_eia3(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     const uint8_t *msg, size_t bitlen, uint8_t mac[4]);

/* bit i (0 = MSB of byte 0) of a bit string */
static inline unsigned int eps_bit(const uint8_t *p, size_t i)
{
	return (p[i >> 3] >> (7 - (i & 7))) & 1;
}

static inline uint32_t eps_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* XOR keystream word w (big-endian) into buf, at most n bytes */
static inline void eps_xor_word(uint8_t *buf, size_t n, uint32_t w)
{
	for (size_t i = 0; i < n && i < 4; i++)
		buf[i] ^= (uint8_t)(w >> (24 - 8 * i));
}

#endif
