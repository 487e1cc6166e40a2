// SPDX-License-Identifier: GPL-2.0
/*
 * eps_eea()/eps_eia(): argument checks, the null algorithms (TS 33.401
 * 5.1.3.2, 5.1.4.2: EEA0 leaves the data as is, EIA0 gives a 32-bit MAC of
 * zeros) and dispatch to the 128-bit families.
 */
#include <string.h>

#include "crypto/eps.h"
#include "crypto/eps_int.h"

static int args_ok(const uint8_t *key, uint8_t bearer, uint8_t dir, const void *data,
		   size_t bitlen)
{
	return key && bearer < 32 && dir < 2 && (data || !bitlen) && bitlen <= EPS_MAX_BITLEN;
}

int eps_eia(unsigned int alg, const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	    const uint8_t *msg, size_t bitlen, uint8_t mac[4])
{
	if (!mac || !args_ok(key, bearer, dir, msg, bitlen))
		return -1;
	switch (alg) {
	case EPS_ALG_0:
		memset(mac, 0, 4);
		return 0;
	case EPS_ALG_1:
		return eps_eia1(key, count, bearer, dir, msg, bitlen, mac);
	case EPS_ALG_2:
		return eps_eia2(key, count, bearer, dir, msg, bitlen, mac);
	case EPS_ALG_3:
		return eps_eia3(key, count, bearer, dir, msg, bitlen, mac);
	default:
		return -1;
	}
}

int eps_eea(unsigned int alg, const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	    uint8_t *buf, size_t bitlen)
{
	int ret;

	if (!args_ok(key, bearer, dir, buf, bitlen))
		return -1;
	switch (alg) {
	case EPS_ALG_0:
		ret = 0;
		break;
	case EPS_ALG_1:
		ret = eps_eea1(key, count, bearer, dir, buf, bitlen);
		break;
	case EPS_ALG_2:
		ret = eps_eea2(key, count, bearer, dir, buf, bitlen);
		break;
	case EPS_ALG_3:
		ret = eps_eea3(key, count, bearer, dir, buf, bitlen);
		break;
	default:
		return -1;
	}
	if (!ret && bitlen % 8)
		buf[bitlen / 8] &= (uint8_t)(0xff00 >> (bitlen % 8));
	return ret;
}
