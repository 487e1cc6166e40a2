// SPDX-License-Identifier: GPL-2.0
/*
 * 128-EEA2 (AES-128 in CTR mode, TS 33.401 B.1.3) and 128-EIA2 (AES-128
 * CMAC, TS 33.401 B.2.3, NIST SP 800-38B), both over OpenSSL EVP.
 *
 *   EEA2 initial counter block T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64
 *   EIA2 MAC = first 32 bits of CMAC(KEY, COUNT || BEARER || DIRECTION ||
 *              0^26 || MESSAGE) over 64 + LENGTH bits
 *
 * Byte-aligned messages (every EPS NAS/RRC/PDCP message) go to OpenSSL's
 * EVP_MAC "CMAC". The specification also has non byte aligned lengths
 * (TS 33.401 C.2 test sets 1, 3, 4, 6, 7); for those the CMAC padding must
 * start at the bit after LENGTH, which a byte-oriented CMAC cannot do, so
 * they use the SP 800-38B steps below on top of single AES blocks.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/eps_int.h"

/*
 * The OpenSSL algorithm objects, fetched once from the default library
 * context (an implicit fetch per call costs a provider lookup and a lock).
 * Written only inside pthread_once(), read-only afterwards: EVP_CIPHER and
 * EVP_MAC objects may be shared by threads; each call makes its own context.
 * cmac_tmpl is a CMAC context with its cipher (AES-128-CBC) set and a
 * zero key: each MAC duplicates it and sets its own key, which avoids the
 * cipher fetch that EVP_MAC_init() makes whenever the cipher parameter is
 * passed (about half the cost of a 64-octet MAC); threads only read it.
 * A NULL entry (fetch failed) makes the calls that need it fail with -1.
 */
static struct {
	EVP_CIPHER *ctr, *ecb;
	EVP_MAC_CTX *cmac_tmpl;
} alg;
static pthread_once_t alg_once = PTHREAD_ONCE_INIT;

static void alg_fetch(void)
{
	static const uint8_t zero[16];
	char cipher[] = "AES-128-CBC";
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
		OSSL_PARAM_construct_end(),
	};
	EVP_MAC *m = EVP_MAC_fetch(NULL, "CMAC", NULL);

	alg.ctr = EVP_CIPHER_fetch(NULL, "AES-128-CTR", NULL);
	alg.ecb = EVP_CIPHER_fetch(NULL, "AES-128-ECB", NULL);
	alg.cmac_tmpl = m ? EVP_MAC_CTX_new(m) : NULL;
	EVP_MAC_free(m);	/* the context keeps its own reference */
	if (alg.cmac_tmpl && EVP_MAC_init(alg.cmac_tmpl, zero, sizeof(zero), params) != 1) {
		EVP_MAC_CTX_free(alg.cmac_tmpl);
		alg.cmac_tmpl = NULL;
	}
}

static const EVP_CIPHER *cipher_ctr(void)
{
	pthread_once(&alg_once, alg_fetch);
	return alg.ctr;
}

static const EVP_CIPHER *cipher_ecb(void)
{
	pthread_once(&alg_once, alg_fetch);
	return alg.ecb;
}

static const EVP_MAC_CTX *mac_cmac(void)
{
	pthread_once(&alg_once, alg_fetch);
	return alg.cmac_tmpl;
}

static void eia2_header(uint32_t count, uint8_t bearer, uint8_t dir, uint8_t hdr[8])
{
	hdr[0] = (uint8_t)(count >> 24);
	hdr[1] = (uint8_t)(count >> 16);
	hdr[2] = (uint8_t)(count >> 8);
	hdr[3] = (uint8_t)count;
	hdr[4] = (uint8_t)(bearer << 3 | dir << 2);
	memset(hdr + 5, 0, 3);
}

int eps_eea2(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     uint8_t *buf, size_t bitlen)
{
	uint8_t ctr[16] = { 0 };
	size_t bytes = (bitlen + 7) / 8, off = 0;
	EVP_CIPHER_CTX *evp;
	int ret = -1;

	if (!bytes)
		return 0;
	eia2_header(count, bearer, dir, ctr);
	if (!cipher_ctr())
		return -1;
	evp = EVP_CIPHER_CTX_new();
	if (!evp)
		return -1;
	if (EVP_EncryptInit_ex2(evp, cipher_ctr(), key, ctr, NULL) != 1)
		goto out;
	while (off < bytes) {
		int chunk = bytes - off > 1 << 20 ? 1 << 20 : (int)(bytes - off), len = 0;

		if (EVP_EncryptUpdate(evp, buf + off, &len, buf + off, chunk) != 1 || len != chunk)
			goto out;
		off += (size_t)chunk;
	}
	ret = 0;
out:
	EVP_CIPHER_CTX_free(evp);
	return ret;
}

static int cmac_evp(const uint8_t key[16], const uint8_t hdr[8], const uint8_t *msg,
		    size_t bytes, uint8_t mac[4])
{
	const EVP_MAC_CTX *tmpl = mac_cmac();
	EVP_MAC_CTX *ctx = tmpl ? EVP_MAC_CTX_dup(tmpl) : NULL;
	uint8_t full[16];
	size_t outl = 0;
	int ret = -1;

	if (!ctx || EVP_MAC_init(ctx, key, 16, NULL) != 1 ||
	    EVP_MAC_update(ctx, hdr, 8) != 1 ||
	    (bytes && EVP_MAC_update(ctx, msg, bytes) != 1) ||
	    EVP_MAC_final(ctx, full, &outl, sizeof(full)) != 1 || outl != 16)
		goto out;
	memcpy(mac, full, 4);
	ret = 0;
out:
	EVP_MAC_CTX_free(ctx);
	OPENSSL_cleanse(full, sizeof(full));
	return ret;
}

/* SP 800-38B 6.1 subkey doubling in GF(2^128), R = 0x87 */
static void dbl(const uint8_t in[16], uint8_t out[16])
{
	uint8_t carry = in[0] >> 7;

	for (int i = 0; i < 15; i++)
		out[i] = (uint8_t)(in[i] << 1 | in[i + 1] >> 7);
	out[15] = (uint8_t)(in[15] << 1) ^ (carry ? 0x87 : 0);
}

static int aes_ecb(EVP_CIPHER_CTX *evp, const uint8_t in[16], uint8_t out[16])
{
	int len = 0;

	return EVP_EncryptUpdate(evp, out, &len, in, 16) == 1 && len == 16 ? 0 : -1;
}

/* bit i of HEADER || MESSAGE */
static unsigned int hm_bit(const uint8_t hdr[8], const uint8_t *msg, size_t i)
{
	return i < 64 ? eps_bit(hdr, i) : eps_bit(msg, i - 64);
}

/* SP 800-38B 6.2 over nbits = 64 + LENGTH bits, LENGTH % 8 != 0 */
static int cmac_bits(const uint8_t key[16], const uint8_t hdr[8], const uint8_t *msg,
		     size_t bitlen, uint8_t mac[4])
{
	size_t nbits = 64 + bitlen, nblocks = (nbits + 127) / 128;
	uint8_t l[16] = { 0 }, k1[16], k2[16], x[16] = { 0 }, blk[16];
	EVP_CIPHER_CTX *evp = EVP_CIPHER_CTX_new();
	int ret = -1;

	if (!evp || !cipher_ecb() || EVP_EncryptInit_ex2(evp, cipher_ecb(), key, NULL, NULL) != 1 ||
	    EVP_CIPHER_CTX_set_padding(evp, 0) != 1 || aes_ecb(evp, l, l))
		goto out;
	dbl(l, k1);
	dbl(k1, k2);
	for (size_t b = 0; b < nblocks; b++) {
		size_t base = b * 128;

		memset(blk, 0, sizeof(blk));
		for (size_t i = 0; i < 128 && base + i < nbits; i++)
			if (hm_bit(hdr, msg, base + i))
				blk[i / 8] |= (uint8_t)(0x80 >> (i % 8));
		if (b == nblocks - 1) {
			/* never a complete block here: nbits % 8 != 0 */
			size_t used = nbits - base;

			blk[used / 8] |= (uint8_t)(0x80 >> (used % 8));
			for (int i = 0; i < 16; i++)
				blk[i] ^= k2[i];
		}
		for (int i = 0; i < 16; i++)
			x[i] ^= blk[i];
		if (aes_ecb(evp, x, x))
			goto out;
	}
	memcpy(mac, x, 4);
	ret = 0;
out:
	EVP_CIPHER_CTX_free(evp);
	OPENSSL_cleanse(l, sizeof(l));
	OPENSSL_cleanse(k1, sizeof(k1));
	OPENSSL_cleanse(k2, sizeof(k2));
	OPENSSL_cleanse(x, sizeof(x));
	OPENSSL_cleanse(blk, sizeof(blk));
	return ret;
}

int eps_eia2(const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	     const uint8_t *msg, size_t bitlen, uint8_t mac[4])
{
	uint8_t hdr[8];

	eia2_header(count, bearer, dir, hdr);
	if (bitlen % 8 == 0)
		return cmac_evp(key, hdr, msg, bitlen / 8, mac);
	return cmac_bits(key, hdr, msg, bitlen, mac);
}
