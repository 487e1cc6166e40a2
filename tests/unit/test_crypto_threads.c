// SPDX-License-Identifier: GPL-2.0
/*
 * The algorithms from several threads at once: 128-EIA2 and 128-EEA2 share
 * OpenSSL objects fetched once (aes_alg.c). Each thread computes the MAC of
 * TS 33.401 C.2.2 (EIA2 set 2) and an EEA2 round trip many times; every
 * result must be exact. Run alone (unit-tests crypto_threads), the threads
 * also race the one-time initialisation.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "crypto/eps.h"
#include "unit.h"

#define THREADS	4
#define ROUNDS	300

static void *worker(void *arg)
{
	static const uint8_t key[16] = {
		0xd3, 0xc5, 0xd5, 0x92, 0x32, 0x7f, 0xb1, 0x1c,
		0x40, 0x35, 0xc6, 0x68, 0x0a, 0xf8, 0xc6, 0xd1,
	};
	static const uint8_t msg[8] = { 0x48, 0x45, 0x83, 0xd5, 0xaf, 0xe0, 0x82, 0xae };
	static const uint8_t want[4] = { 0xb9, 0x37, 0x87, 0xe6 };
	uintptr_t bad = 0;

	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		uint8_t mac[4], buf[64];

		if (eps_eia(EPS_ALG_2, key, 0x398a59b4, 0x1a, 1, msg, 64, mac) ||
		    memcmp(mac, want, 4))
			bad++;
		memset(buf, i, sizeof(buf));
		if (eps_eea(EPS_ALG_2, key, (uint32_t)i, 3, 0, buf, 512) ||
		    eps_eea(EPS_ALG_2, key, (uint32_t)i, 3, 0, buf, 512) ||
		    buf[0] != (uint8_t)i || buf[63] != (uint8_t)i)
			bad++;
	}
	return (void *)bad;
}

static void test_crypto_threads(void)
{
	pthread_t t[THREADS];

	for (int i = 0; i < THREADS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, worker, NULL), 0);
	for (int i = 0; i < THREADS; i++) {
		void *bad = (void *)1;

		CU_ASSERT_EQUAL(pthread_join(t[i], &bad), 0);
		CU_ASSERT_PTR_NULL(bad);
	}
}

UNIT_SUITE(crypto_threads, UNIT_TEST(test_crypto_threads))
