// SPDX-License-Identifier: GPL-2.0
/*
 * Milenage, TS 35.206 section 4.1, with the standard constants:
 *
 *   TEMP = E_K(RAND ^ OPc)
 *   OUT1 = E_K(TEMP ^ rot(IN1 ^ OPc, r1) ^ c1) ^ OPc   IN1 = SQN||AMF||SQN||AMF
 *   OUTn = E_K(rot(TEMP ^ OPc, rn) ^ cn) ^ OPc          n = 2..5
 *
 *   r1 = 64  c1 = 0      f1 = OUT1[0..63]     f1* = OUT1[64..127]
 *   r2 = 0   c2 = ..01   f5 = OUT2[0..47]     f2  = OUT2[64..127]
 *   r3 = 32  c3 = ..02   f3 = OUT3
 *   r4 = 64  c4 = ..04   f4 = OUT4
 *   r5 = 96  c5 = ..08   f5* = OUT5[0..47]
 *
 * rot(x, r) rotates the 128-bit x left by r bits; every r is a whole number
 * of octets, so it is an octet rotation.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "crypto/milenage.h"

/* One AES-128-ECB context keyed with K for the duration of a call. */
struct mil_ctx {
	EVP_CIPHER_CTX *evp;
	const uint8_t *opc;
	uint8_t temp[16];
};

static int aes_block(struct mil_ctx *c, const uint8_t in[16], uint8_t out[16])
{
	int len = 0;

	if (EVP_EncryptUpdate(c->evp, out, &len, in, 16) != 1 || len != 16)
		return -1;
	return 0;
}

static int mil_open(struct mil_ctx *c, const uint8_t k[16], const uint8_t opc[16],
		    const uint8_t rand[16])
{
	uint8_t in[16];

	memset(c, 0, sizeof(*c));
	if (!k || !opc || !rand)
		return -1;
	c->opc = opc;
	c->evp = EVP_CIPHER_CTX_new();
	if (!c->evp)
		return -1;
	if (EVP_EncryptInit_ex(c->evp, EVP_aes_128_ecb(), NULL, k, NULL) != 1 ||
	    EVP_CIPHER_CTX_set_padding(c->evp, 0) != 1)
		goto fail;
	for (int i = 0; i < 16; i++)
		in[i] = rand[i] ^ opc[i];
	if (aes_block(c, in, c->temp))
		goto fail;
	OPENSSL_cleanse(in, sizeof(in));
	return 0;
fail:
	EVP_CIPHER_CTX_free(c->evp);
	c->evp = NULL;
	return -1;
}

static void mil_close(struct mil_ctx *c)
{
	EVP_CIPHER_CTX_free(c->evp);
	OPENSSL_cleanse(c, sizeof(*c));
}

/* OUTn for n = 2..5: rotation in octets and the last octet of cn */
static int mil_out(struct mil_ctx *c, unsigned int rot_octets, uint8_t cn, uint8_t out[16])
{
	uint8_t in[16];
	int ret;

	for (unsigned int i = 0; i < 16; i++) {
		unsigned int j = (i + rot_octets) % 16;

		in[i] = c->temp[j] ^ c->opc[j];
	}
	in[15] ^= cn;
	ret = aes_block(c, in, out);
	for (int i = 0; i < 16; i++)
		out[i] ^= c->opc[i];
	OPENSSL_cleanse(in, sizeof(in));
	return ret;
}

/* OUT1 (r1 = 64, c1 = 0) */
static int mil_out1(struct mil_ctx *c, const uint8_t sqn[6], const uint8_t amf[2],
		    uint8_t out[16])
{
	uint8_t in1[16], in[16];
	int ret;

	memcpy(in1, sqn, 6);
	memcpy(in1 + 6, amf, 2);
	memcpy(in1 + 8, in1, 8);
	for (int i = 0; i < 16; i++) {
		int j = (i + 8) % 16;

		in[i] = c->temp[i] ^ in1[j] ^ c->opc[j];
	}
	ret = aes_block(c, in, out);
	for (int i = 0; i < 16; i++)
		out[i] ^= c->opc[i];
	OPENSSL_cleanse(in, sizeof(in));
	return ret;
}

int milenage_opc(const uint8_t k[16], const uint8_t op[16], uint8_t opc[16])
{
	EVP_CIPHER_CTX *evp;
	int len = 0, ok;

	if (!k || !op || !opc)
		return -1;
	evp = EVP_CIPHER_CTX_new();
	if (!evp)
		return -1;
	ok = EVP_EncryptInit_ex(evp, EVP_aes_128_ecb(), NULL, k, NULL) == 1 &&
	     EVP_CIPHER_CTX_set_padding(evp, 0) == 1 &&
	     EVP_EncryptUpdate(evp, opc, &len, op, 16) == 1 && len == 16;
	EVP_CIPHER_CTX_free(evp);
	if (!ok)
		return -1;
	for (int i = 0; i < 16; i++)
		opc[i] ^= op[i];
	return 0;
}

static int f1_both(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		   const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac_a[8], uint8_t mac_s[8])
{
	struct mil_ctx c;
	uint8_t out[16];
	int ret;

	if (!sqn || !amf || mil_open(&c, k, opc, rand))
		return -1;
	ret = mil_out1(&c, sqn, amf, out);
	mil_close(&c);
	if (ret)
		return -1;
	if (mac_a)
		memcpy(mac_a, out, 8);
	if (mac_s)
		memcpy(mac_s, out + 8, 8);
	OPENSSL_cleanse(out, sizeof(out));
	return 0;
}

int milenage_f1(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac_a[8])
{
	if (!mac_a)
		return -1;
	return f1_both(k, opc, rand, sqn, amf, mac_a, NULL);
}

int milenage_f1star(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		    const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac_s[8])
{
	if (!mac_s)
		return -1;
	return f1_both(k, opc, rand, sqn, amf, NULL, mac_s);
}

int milenage_f2345(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		   uint8_t res[8], uint8_t ck[16], uint8_t ik[16], uint8_t ak[6])
{
	struct mil_ctx c;
	uint8_t out[16];
	int ret = 0;

	if (mil_open(&c, k, opc, rand))
		return -1;
	if (res || ak) {
		ret |= mil_out(&c, 0, 0x01, out);
		if (ak)
			memcpy(ak, out, 6);
		if (res)
			memcpy(res, out + 8, 8);
	}
	if (ck)
		ret |= mil_out(&c, 4, 0x02, ck);
	if (ik)
		ret |= mil_out(&c, 8, 0x04, ik);
	mil_close(&c);
	OPENSSL_cleanse(out, sizeof(out));
	return ret ? -1 : 0;
}

int milenage_f5star(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		    uint8_t ak_star[6])
{
	struct mil_ctx c;
	uint8_t out[16];
	int ret;

	if (!ak_star || mil_open(&c, k, opc, rand))
		return -1;
	ret = mil_out(&c, 12, 0x08, out);
	mil_close(&c);
	memcpy(ak_star, out, 6);
	OPENSSL_cleanse(out, sizeof(out));
	return ret ? -1 : 0;
}
