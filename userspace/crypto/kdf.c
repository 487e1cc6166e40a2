// SPDX-License-Identifier: GPL-2.0
/*
 * Key derivation: TS 33.220 Annex B.2 generic KDF and the EPS uses of it in
 * TS 33.401 Annex A.
 *
 *   derived key = HMAC-SHA-256(Key, S)
 *   S = FC || P0 || L0 || P1 || L1 || ... || Pn || Ln
 *
 * where every Li is the length of Pi in octets as a 2-octet big-endian
 * number.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crypto/eps.h"

#define KDF_MAX_PARAMS 8
#define KDF_MAX_S 256

int eps_kdf(const uint8_t *key, size_t key_len, uint8_t fc, const struct eps_kdf_param *params,
	    size_t n, uint8_t out[32])
{
	uint8_t s[KDF_MAX_S];
	size_t pos = 0;
	unsigned int md_len = 0;
	int ret = -1;

	if (!key || !out || key_len > 1024 || n > KDF_MAX_PARAMS || (n && !params))
		return -1;
	s[pos++] = fc;
	for (size_t i = 0; i < n; i++) {
		uint16_t len = params[i].len;

		if ((len && !params[i].p) || pos + len + 2 > sizeof(s))
			goto out;
		if (len)
			memcpy(s + pos, params[i].p, len);
		pos += len;
		s[pos++] = (uint8_t)(len >> 8);
		s[pos++] = (uint8_t)len;
	}
	if (HMAC(EVP_sha256(), key, (int)key_len, s, pos, out, &md_len) && md_len == 32)
		ret = 0;
out:
	OPENSSL_cleanse(s, sizeof(s));
	return ret;
}

/* TS 33.401 A.2 */
int eps_kdf_kasme(const uint8_t ck[16], const uint8_t ik[16], const uint8_t plmn[3],
		  const uint8_t sqn_xor_ak[6], uint8_t kasme[32])
{
	struct eps_kdf_param p[2] = { { plmn, 3 }, { sqn_xor_ak, 6 } };
	uint8_t key[32];
	int ret;

	if (!ck || !ik || !plmn || !sqn_xor_ak)
		return -1;
	memcpy(key, ck, 16);
	memcpy(key + 16, ik, 16);
	ret = eps_kdf(key, sizeof(key), 0x10, p, 2, kasme);
	OPENSSL_cleanse(key, sizeof(key));
	return ret;
}

/* TS 33.401 A.3 */
int eps_kdf_kenb(const uint8_t kasme[32], uint32_t ul_nas_count, uint8_t kenb[32])
{
	uint8_t cnt[4] = {
		(uint8_t)(ul_nas_count >> 24), (uint8_t)(ul_nas_count >> 16),
		(uint8_t)(ul_nas_count >> 8), (uint8_t)ul_nas_count,
	};
	struct eps_kdf_param p = { cnt, 4 };

	return eps_kdf(kasme, 32, 0x11, &p, 1, kenb);
}

/* TS 33.401 A.4 */
int eps_kdf_nh(const uint8_t kasme[32], const uint8_t sync_input[32], uint8_t nh[32])
{
	struct eps_kdf_param p = { sync_input, 32 };

	if (!sync_input)
		return -1;
	return eps_kdf(kasme, 32, 0x12, &p, 1, nh);
}

/* TS 33.401 A.5 */
int eps_kdf_kenb_star(const uint8_t kenb[32], uint16_t pci, uint32_t earfcn_dl, uint8_t out[32])
{
	uint8_t pci_b[2] = { (uint8_t)(pci >> 8), (uint8_t)pci };
	uint8_t arfcn[3];
	struct eps_kdf_param p[2] = { { pci_b, 2 }, { arfcn, 2 } };

	if (pci > 503 || earfcn_dl > 262143)
		return -1;
	if (earfcn_dl > 0xffff) {
		arfcn[0] = (uint8_t)(earfcn_dl >> 16);
		arfcn[1] = (uint8_t)(earfcn_dl >> 8);
		arfcn[2] = (uint8_t)earfcn_dl;
		p[1].len = 3;
	} else {
		arfcn[0] = (uint8_t)(earfcn_dl >> 8);
		arfcn[1] = (uint8_t)earfcn_dl;
	}
	return eps_kdf(kenb, 32, 0x13, p, 2, out);
}

/* TS 33.401 A.7: the 128-bit key is the 128 least significant bits */
int eps_kdf_alg_key(const uint8_t kasme_or_kenb[32], uint8_t type, uint8_t alg, uint8_t key[16])
{
	struct eps_kdf_param p[2] = { { &type, 1 }, { &alg, 1 } };
	uint8_t full[32];
	int ret;

	if (type < EPS_KDF_NAS_ENC || type > EPS_KDF_UP_INT || alg > 15 || !key)
		return -1;
	ret = eps_kdf(kasme_or_kenb, 32, 0x15, p, 2, full);
	if (!ret)
		memcpy(key, full + 16, 16);
	OPENSSL_cleanse(full, sizeof(full));
	return ret;
}

int eps_plmn_encode(const char *mccmnc, uint8_t out[3])
{
	uint8_t d[6];
	size_t n;

	if (!mccmnc || !out)
		return -1;
	n = strlen(mccmnc);
	if (n != 5 && n != 6)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (mccmnc[i] < '0' || mccmnc[i] > '9')
			return -1;
		d[i] = (uint8_t)(mccmnc[i] - '0');
	}
	out[0] = (uint8_t)(d[1] << 4 | d[0]);
	if (n == 5) {
		out[1] = (uint8_t)(0xf0 | d[2]);
		out[2] = (uint8_t)(d[4] << 4 | d[3]);
	} else {
		out[1] = (uint8_t)(d[5] << 4 | d[2]);
		out[2] = (uint8_t)(d[4] << 4 | d[3]);
	}
	return 0;
}
