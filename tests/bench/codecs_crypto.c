// SPDX-License-Identifier: GPL-2.0
/*
 * bench_codecs: EPS security algorithms (crypto/eps.h) and Milenage
 * authentication vectors (crypto/milenage.h).
 *
 * 128-EIA0..3 (MAC) and 128-EEA0..3 (in-place ciphering) each on a 64-octet
 * buffer (a NAS message) and a 1400-octet one (a PDCP SDU), with the key,
 * COUNT, BEARER and DIRECTION of TS 33.401 C.2.2 (128-EIA2 test set 2);
 * the buffer contents do not change the timing.  Milenage with TS 35.208
 * 4.3 test set 1: f1 + f2345 alone, and a whole EPS authentication vector
 * (eps_aka_generate: f1-f5 and KASME, TS 33.401 A.2).
 */
#include <string.h>

#include "crypto/eps.h"
#include "crypto/milenage.h"
#include "codecs.h"

struct alg_arg {
	unsigned int alg;
	uint8_t key[16];
	uint8_t *buf;
	size_t len;			/* octets */
};

static const uint8_t eia2_set2_key[16] = {
	0xd3, 0xc5, 0xd5, 0x92, 0x32, 0x7f, 0xb1, 0x1c,
	0x40, 0x35, 0xc6, 0x68, 0x0a, 0xf8, 0xc6, 0xd1,
};
#define SET2_COUNT	0x398a59b4
#define SET2_BEARER	0x1a
#define SET2_DIR	1

static int eia_op(void *arg, uint64_t iters)
{
	struct alg_arg *a = arg;
	uint8_t mac[4];

	while (iters--) {
		if (eps_eia(a->alg, a->key, SET2_COUNT, SET2_BEARER, SET2_DIR, a->buf,
			    a->len * 8, mac))
			return -1;
		bench_sink += mac[0];
	}
	return 0;
}

static int eea_op(void *arg, uint64_t iters)
{
	struct alg_arg *a = arg;

	while (iters--) {
		if (eps_eea(a->alg, a->key, SET2_COUNT, SET2_BEARER, SET2_DIR, a->buf, a->len * 8))
			return -1;
		bench_sink += a->buf[0];
	}
	return 0;
}

static const char *const eia_names[4] = { "EIA0", "128-EIA1", "128-EIA2", "128-EIA3" };
static const char *const eea_names[4] = { "EEA0", "128-EEA1", "128-EEA2", "128-EEA3" };

static int alg_add(struct bench_cases *c, unsigned int alg, size_t len, int cipher)
{
	struct alg_arg *a = bench_own(c, sizeof(*a));
	size_t i;

	if (!a || !(a->buf = bench_own(c, len)))
		return -1;
	a->alg = alg;
	a->len = len;
	memcpy(a->key, eia2_set2_key, sizeof(a->key));
	for (i = 0; i < len; i++)
		a->buf[i] = (uint8_t)(i * 7 + 1);
	if (cipher)
		return bench_case_add(c, "crypto", eea_names[alg], "cipher", len, eea_op, a);
	return bench_case_add(c, "crypto", eia_names[alg], "mac", len, eia_op, a);
}

/* ----------------------------------------------------------- Milenage --- */

/* TS 35.208 4.3 test set 1 */
static const uint8_t ts1_k[16] = {
	0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f,
	0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc,
};
static const uint8_t ts1_opc[16] = {
	0xcd, 0x63, 0xcb, 0x71, 0x95, 0x4a, 0x9f, 0x4e,
	0x48, 0xa5, 0x99, 0x4e, 0x37, 0xa0, 0x2b, 0xaf,
};
static const uint8_t ts1_rand[16] = {
	0x23, 0x55, 0x3c, 0xbe, 0x96, 0x37, 0xa8, 0x9d,
	0x21, 0x8a, 0xe6, 0x4d, 0xae, 0x47, 0xbf, 0x35,
};
static const uint8_t ts1_sqn[6] = { 0xff, 0x9b, 0xb4, 0xd0, 0xb6, 0x07 };
static const uint8_t ts1_amf[2] = { 0xb9, 0xb9 };
/* TS 35.208 4.3 test set 1: f1 MAC-A */
static const uint8_t ts1_mac_a[8] = { 0x4a, 0x9f, 0xfa, 0xc3, 0x54, 0xdf, 0xaf, 0xb3 };
static const uint8_t plmn_00101[3] = { 0x00, 0xf1, 0x10 };

static int milenage_op(void *arg, uint64_t iters)
{
	uint8_t mac_a[8], res[8], ck[16], ik[16], ak[6];

	while (iters--) {
		if (milenage_f1(ts1_k, ts1_opc, ts1_rand, ts1_sqn, ts1_amf, mac_a) ||
		    milenage_f2345(ts1_k, ts1_opc, ts1_rand, res, ck, ik, ak))
			return -1;
		bench_sink += mac_a[0] + res[0] + ak[0];
	}
	return 0;
}

static int eps_av_op(void *arg, uint64_t iters)
{
	struct eps_aka_vector v;
	uint64_t sqn = 0xff9bb4d0b607ULL;

	while (iters--) {
		if (eps_aka_generate(ts1_k, ts1_opc, ts1_rand, sqn, ts1_amf, plmn_00101, &v))
			return -1;
		bench_sink += v.kasme[0];
	}
	return 0;
}

int codecs_crypto_add(struct bench_cases *c, const char *corpus, char *err, size_t len)
{
	static const size_t sizes[2] = { 64, 1400 };
	uint8_t mac_a[8];
	unsigned int alg, s, cipher;

	for (cipher = 0; cipher < 2; cipher++)
		for (s = 0; s < 2; s++)
			for (alg = 0; alg < 4; alg++)
				if (alg_add(c, alg, sizes[s], (int)cipher))
					goto oom;
	if (milenage_f1(ts1_k, ts1_opc, ts1_rand, ts1_sqn, ts1_amf, mac_a) ||
	    memcmp(mac_a, ts1_mac_a, sizeof(mac_a))) {
		snprintf(err, len, "milenage: TS 35.208 test set 1 f1 gives a wrong MAC-A");
		return -1;
	}
	if (bench_case_add(c, "milenage", "f1 + f2345", "compute", 16, milenage_op, NULL) ||
	    bench_case_add(c, "milenage", "EPS AV (f1-f5, KASME)", "generate", 16, eps_av_op,
			   NULL))
		goto oom;
	return 0;
oom:
	snprintf(err, len, "crypto: out of memory");
	return -1;
}
