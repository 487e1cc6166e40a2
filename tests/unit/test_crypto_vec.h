/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared helpers for the crypto vector suites (test_crypto_*.c): run one
 * published EEA/EIA test set through eps_eea()/eps_eia() and compare exact
 * bytes. Static inline so each suite stays a single translation unit.
 */
#ifndef AGW_TESTS_CRYPTO_VEC_H
#define AGW_TESTS_CRYPTO_VEC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "crypto/eps.h"

struct eea_set {
	const char *name;	/* document and test set */
	const char *key;
	uint32_t count;
	uint8_t bearer, dir;
	size_t bits;
	const char *pt, *ct;
};

struct eia_set {
	const char *name;
	const char *key;
	uint32_t count;
	uint8_t bearer, dir;
	size_t bits;
	const char *msg, *mac;
};

static inline uint8_t vec_tail_mask(size_t bits)
{
	return bits % 8 ? (uint8_t)(0xff00 >> (bits % 8)) : 0xff;
}

/* Encrypt pt, compare with ct over exactly `bits` bits (trailing bits of the
 * last octet must come out zero), then decrypt back. */
static inline void vec_run_eea(unsigned int alg, const struct eea_set *t)
{
	size_t bytes = (t->bits + 7) / 8;
	uint8_t key[16], *pt = malloc(bytes + 8), *ct = malloc(bytes + 8), *buf = malloc(bytes + 8);
	int ok;

	CU_ASSERT_FATAL(pt && ct && buf);
	CU_ASSERT_EQUAL_FATAL(unit_hex(t->key, key, 16), 16);
	CU_ASSERT_FATAL(unit_hex(t->pt, pt, (unsigned int)bytes + 8) >= (int)bytes);
	CU_ASSERT_FATAL(unit_hex(t->ct, ct, (unsigned int)bytes + 8) >= (int)bytes);
	memcpy(buf, pt, bytes);
	CU_ASSERT_EQUAL(eps_eea(alg, key, t->count, t->bearer, t->dir, buf, t->bits), 0);
	ct[bytes - 1] &= vec_tail_mask(t->bits);
	ok = !memcmp(buf, ct, bytes);
	if (!ok)
		fprintf(stderr, "\n  EEA%u %s: ciphertext mismatch\n", alg, t->name);
	CU_ASSERT(ok);
	CU_ASSERT_EQUAL(eps_eea(alg, key, t->count, t->bearer, t->dir, buf, t->bits), 0);
	pt[bytes - 1] &= vec_tail_mask(t->bits);
	CU_ASSERT(!memcmp(buf, pt, bytes));
	free(pt);
	free(ct);
	free(buf);
}

/* MAC over exactly `bits` bits; flipping a bit past `bits` must not change
 * it, flipping the last message bit must. */
static inline void vec_run_eia(unsigned int alg, const struct eia_set *t)
{
	size_t bytes = (t->bits + 7) / 8 + 1;
	uint8_t key[16], mac[4], exp[4], mac2[4], *msg = calloc(1, bytes + 8);
	int n, ok;

	CU_ASSERT_FATAL(msg != NULL);
	CU_ASSERT_EQUAL_FATAL(unit_hex(t->key, key, 16), 16);
	CU_ASSERT_EQUAL_FATAL(unit_hex(t->mac, exp, 4), 4);
	n = unit_hex(t->msg, msg, (unsigned int)bytes + 8);
	CU_ASSERT_FATAL(n >= (int)((t->bits + 7) / 8));
	CU_ASSERT_EQUAL(eps_eia(alg, key, t->count, t->bearer, t->dir, msg, t->bits, mac), 0);
	ok = !memcmp(mac, exp, 4);
	if (!ok)
		fprintf(stderr, "\n  EIA%u %s: MAC %02x%02x%02x%02x, want %s\n", alg, t->name,
			mac[0], mac[1], mac[2], mac[3], t->mac);
	CU_ASSERT(ok);
	msg[t->bits / 8] ^= (uint8_t)(0x80 >> (t->bits % 8));
	CU_ASSERT_EQUAL(eps_eia(alg, key, t->count, t->bearer, t->dir, msg, t->bits, mac2), 0);
	CU_ASSERT(!memcmp(mac2, exp, 4));
	if (t->bits) {
		size_t last = t->bits - 1;

		msg[last / 8] ^= (uint8_t)(0x80 >> (last % 8));
		CU_ASSERT_EQUAL(eps_eia(alg, key, t->count, t->bearer, t->dir, msg, t->bits,
					mac2), 0);
		CU_ASSERT(memcmp(mac2, exp, 4) != 0);
	}
	free(msg);
}

#endif
