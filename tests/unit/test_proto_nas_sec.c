// SPDX-License-Identifier: GPL-2.0
/*
 * NAS security (TS 24.301 4.4.3-4.4.5, TS 33.401 8 and annex B): protect /
 * unprotect round trips for every EIA x EEA pair, the MAC input layout
 * (COUNT, BEARER 0, DIRECTION, SQN || message), bad MACs, replays, NAS
 * COUNT overflow estimation and the service request's short MAC.
 */
#include <string.h>

#include "unit.h"
#include "crypto/eps.h"
#include "proto/nas.h"

/* Attach accept of open5gs tests/unit/nas-message-test.c test2 */
static const char *attach_accept =
	"07420223060014f799303900325201c101090908696e7465726e657405010ae1"
	"000a271b80802110020200108106c0a8a8018306c0a8a801000d04c0a8a80150"
	"0bf614f7992345e1000004561300f120fffd2305f400e102d4640123";

static void ctx_init(struct nas_sec_ctx *c, unsigned int eia, unsigned int eea)
{
	memset(c, 0, sizeof(*c));
	for (int i = 0; i < 16; i++) {
		c->k_nas_int[i] = (uint8_t)(0x10 + i);
		c->k_nas_enc[i] = (uint8_t)(0xa0 ^ (i * 7));
	}
	c->eia = (uint8_t)eia;
	c->eea = (uint8_t)eea;
}

static size_t plain(uint8_t *buf, size_t max)
{
	int n = unit_hex(attach_accept, buf, (unsigned int)max);

	CU_ASSERT_FATAL(n > 0);
	return (size_t)n;
}

static void test_sec_roundtrip_all_algorithms(void)
{
	uint8_t msg[256], prot[300], back[256];
	size_t len = plain(msg, sizeof(msg));

	for (unsigned int eia = 0; eia <= 3; eia++) {
		for (unsigned int eea = 0; eea <= 3; eea++) {
			struct nas_sec_ctx mme, ue;
			enum nas_sec_error se;
			struct nas_err err = { 0 };
			int n, m;

			ctx_init(&mme, eia, eea);
			ctx_init(&ue, eia, eea);
			mme.tx_count = 0x1234;
			n = nas_protect(&mme, NAS_DIR_DL, NAS_SHT_INTEGRITY_CIPHERED, msg, len, prot,
					sizeof(prot), &err);
			CU_ASSERT_EQUAL_FATAL(n, (int)len + 6);
			CU_ASSERT_EQUAL(prot[0], 0x27);
			CU_ASSERT_EQUAL(prot[5], 0x34);
			CU_ASSERT_EQUAL(mme.tx_count, 0x1235);
			/* EEA0 leaves the message as is, the others do not */
			CU_ASSERT_EQUAL(!memcmp(prot + 6, msg, len), eea == 0);
			/* EIA0 gives an all-zero MAC */
			CU_ASSERT_EQUAL(!memcmp(prot + 1, "\0\0\0\0", 4), eia == 0);
			ue.rx_valid = 1;
			ue.rx_count = 0x1200;
			m = nas_unprotect(&ue, NAS_DIR_DL, prot, (size_t)n, back, sizeof(back), &se,
					  &err);
			if (m != (int)len)
				fprintf(stderr, "\nEIA%u/EEA%u: %s\n", eia, eea, err.msg);
			CU_ASSERT_EQUAL(m, (int)len);
			CU_ASSERT(!memcmp(back, msg, len));
			CU_ASSERT_EQUAL(se, NAS_SEC_OK);
			CU_ASSERT_EQUAL(ue.rx_count, 0x1234);
			/* the wrong direction does not verify (EIA0 does not check) */
			ue.rx_count = 0x1200;
			m = nas_unprotect(&ue, NAS_DIR_UL, prot, (size_t)n, back, sizeof(back), &se,
					  NULL);
			CU_ASSERT_EQUAL(m < 0, eia != 0);
		}
	}
}

/* MAC = EIA(K_NASint, COUNT, 0, DIRECTION, SQN || message); type 1 is
 * not ciphered even with an EEA selected. */
static void test_sec_mac_layout(void)
{
	uint8_t msg[256], prot[300], mac[4];
	size_t len = plain(msg, sizeof(msg));
	struct nas_sec_ctx c;
	int n;

	ctx_init(&c, EPS_ALG_2, EPS_ALG_2);
	c.tx_count = 0x010203;
	n = nas_protect(&c, NAS_DIR_UL, NAS_SHT_INTEGRITY, msg, len, prot, sizeof(prot), NULL);
	CU_ASSERT_EQUAL_FATAL(n, (int)len + 6);
	CU_ASSERT(!memcmp(prot + 6, msg, len));
	CU_ASSERT_EQUAL(prot[5], 0x03);
	CU_ASSERT_EQUAL(eps_eia(EPS_ALG_2, c.k_nas_int, 0x010203, 0, 0, prot + 5, (len + 1) * 8,
				mac), 0);
	CU_ASSERT(!memcmp(mac, prot + 1, 4));
	/* ciphered: EEA over the message only, then the MAC over the result */
	c.tx_count = 7;
	n = nas_protect(&c, NAS_DIR_DL, NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX, msg, len, prot,
			sizeof(prot), NULL);
	CU_ASSERT_EQUAL_FATAL(n, (int)len + 6);
	CU_ASSERT_EQUAL(prot[0], 0x47);
	CU_ASSERT_EQUAL(eps_eia(EPS_ALG_2, c.k_nas_int, 7, 0, 1, prot + 5, (len + 1) * 8, mac), 0);
	CU_ASSERT(!memcmp(mac, prot + 1, 4));
	CU_ASSERT_EQUAL(eps_eea(EPS_ALG_2, c.k_nas_enc, 7, 0, 1, prot + 6, len * 8), 0);
	CU_ASSERT(!memcmp(prot + 6, msg, len));
	/* header types outside 1-4 are refused */
	CU_ASSERT_EQUAL(nas_protect(&c, NAS_DIR_DL, 5, msg, len, prot, sizeof(prot), NULL), -1);
	CU_ASSERT_EQUAL(nas_protect(&c, NAS_DIR_DL, 1, msg, len, prot, len, NULL), -1);
}

static void test_sec_bad_mac(void)
{
	uint8_t msg[256], prot[300], back[256];
	size_t len = plain(msg, sizeof(msg));
	struct nas_sec_ctx tx, rx;
	enum nas_sec_error se;
	int n;

	for (unsigned int eia = 1; eia <= 3; eia++) {
		ctx_init(&tx, eia, EPS_ALG_1);
		ctx_init(&rx, eia, EPS_ALG_1);
		n = nas_protect(&tx, NAS_DIR_UL, 2, msg, len, prot, sizeof(prot), NULL);
		CU_ASSERT_FATAL(n > 0);
		prot[3] ^= 0x01;	/* MAC bit */
		CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_UL, prot, (size_t)n, back, sizeof(back),
					      &se, NULL), -1);
		CU_ASSERT_EQUAL(se, NAS_SEC_EMAC);
		prot[3] ^= 0x01;
		prot[20] ^= 0x80;	/* message bit */
		CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_UL, prot, (size_t)n, back, sizeof(back),
					      &se, NULL), -1);
		CU_ASSERT_EQUAL(se, NAS_SEC_EMAC);
		prot[20] ^= 0x80;
		prot[5] ^= 0x01;	/* SQN: other COUNT, MAC no longer verifies */
		CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_UL, prot, (size_t)n, back, sizeof(back),
					      &se, NULL), -1);
		CU_ASSERT_EQUAL(se, NAS_SEC_EMAC);
		prot[5] ^= 0x01;
		CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_UL, prot, (size_t)n, back, sizeof(back),
					      &se, NULL), (int)len);
		CU_ASSERT_EQUAL(rx.rx_valid, 1);
	}
	/* not protected at all */
	CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_UL, msg, len, back, sizeof(back), &se, NULL),
			-1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EFORMAT);
}

static void test_sec_replay(void)
{
	uint8_t msg[256], p1[300], p2[300], back[256];
	size_t len = plain(msg, sizeof(msg));
	struct nas_sec_ctx tx, rx;
	enum nas_sec_error se;
	int n1, n2;

	ctx_init(&tx, EPS_ALG_2, EPS_ALG_2);
	ctx_init(&rx, EPS_ALG_2, EPS_ALG_2);
	n1 = nas_protect(&tx, NAS_DIR_UL, 2, msg, len, p1, sizeof(p1), NULL);
	n2 = nas_protect(&tx, NAS_DIR_UL, 2, msg, len, p2, sizeof(p2), NULL);
	CU_ASSERT_FATAL(n1 > 0 && n2 > 0);
	CU_ASSERT_EQUAL(nas_unprotect(&rx, 0, p1, (size_t)n1, back, sizeof(back), &se, NULL),
			(int)len);
	/* the same message again */
	CU_ASSERT_EQUAL(nas_unprotect(&rx, 0, p1, (size_t)n1, back, sizeof(back), &se, NULL), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EREPLAY);
	CU_ASSERT_EQUAL(nas_unprotect(&rx, 0, p2, (size_t)n2, back, sizeof(back), &se, NULL),
			(int)len);
	/* an older one after a newer one: its SQN would mean a wrap, and its
	 * MAC verifies only under the old COUNT */
	CU_ASSERT_EQUAL(nas_unprotect(&rx, 0, p1, (size_t)n1, back, sizeof(back), &se, NULL), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EREPLAY);
	CU_ASSERT_EQUAL(rx.rx_count, 1);
}

static void test_sec_count_overflow(void)
{
	uint8_t msg[256], prot[300], back[256];
	size_t len = plain(msg, sizeof(msg));
	struct nas_sec_ctx tx, rx;
	int n;

	/* 24.301 4.4.3.1: the overflow counter follows the SQN wrap */
	CU_ASSERT_EQUAL(nas_count_estimate(0x0000ff, 1, 0x00, 8), 0x000100);
	CU_ASSERT_EQUAL(nas_count_estimate(0x0001fe, 1, 0xff, 8), 0x0001ff);
	CU_ASSERT_EQUAL(nas_count_estimate(0x0001fe, 1, 0x10, 8), 0x000210);
	CU_ASSERT_EQUAL(nas_count_estimate(0x0001fe, 1, 0xfe, 8), 0x0001fe);
	CU_ASSERT_EQUAL(nas_count_estimate(0x000012, 0, 0x34, 8), 0x000034);
	CU_ASSERT_EQUAL(nas_count_estimate(0x00003f, 1, 0x00, 5), 0x000040);
	CU_ASSERT_EQUAL(nas_count_estimate(0x00003f, 1, 0x1e, 5), 0x00005e);
	CU_ASSERT_EQUAL(nas_count_estimate(0x00003f, 1, 0x1f, 5), 0x00003f);
	CU_ASSERT_EQUAL(nas_count_estimate(0xffffff, 1, 0x00, 8), 0x000000);

	/* end to end across a wrap, with lost messages */
	ctx_init(&tx, EPS_ALG_3, EPS_ALG_3);
	ctx_init(&rx, EPS_ALG_3, EPS_ALG_3);
	tx.tx_count = 0x2fd;
	rx.rx_valid = 1;
	rx.rx_count = 0x2fc;
	for (int i = 0; i < 8; i++) {
		uint32_t sent = tx.tx_count;

		n = nas_protect(&tx, NAS_DIR_DL, 2, msg, len, prot, sizeof(prot), NULL);
		CU_ASSERT_FATAL(n > 0);
		if (i == 2 || i == 3)
			continue;	/* lost: 0x2ff and 0x300 never arrive */
		CU_ASSERT_EQUAL(nas_unprotect(&rx, NAS_DIR_DL, prot, (size_t)n, back, sizeof(back),
					      NULL, NULL), (int)len);
		CU_ASSERT(!memcmp(back, msg, len));
		CU_ASSERT_EQUAL(rx.rx_count, sent);
	}
	CU_ASSERT_EQUAL(rx.rx_count, 0x304);
}

/* Service request (8.2.25): short MAC = 2 low octets of EIA over its first
 * two octets, COUNT estimated from 5 bits. */
static void build_sr(const struct nas_sec_ctx *c, uint32_t count, uint8_t sr[4])
{
	uint8_t mac[4];

	sr[0] = 0xc7;
	sr[1] = (uint8_t)(2 << 5 | (count & 31));
	CU_ASSERT_EQUAL(eps_eia(c->eia, c->k_nas_int, count, 0, 0, sr, 16, mac), 0);
	sr[2] = mac[2];
	sr[3] = mac[3];
}

static void test_sec_service_request(void)
{
	struct nas_sec_ctx ue, mme;
	enum nas_sec_error se;
	uint8_t sr[4], back[8];

	ctx_init(&ue, EPS_ALG_1, EPS_ALG_0);
	ctx_init(&mme, EPS_ALG_1, EPS_ALG_0);
	mme.rx_valid = 1;
	mme.rx_count = 0x5e;
	build_sr(&ue, 0x61, sr);	/* SQN 0x01: wraps the 5-bit counter */
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, back, sizeof(back), &se, NULL), 4);
	CU_ASSERT_EQUAL(mme.rx_count, 0x61);
	CU_ASSERT(!memcmp(back, sr, 4));
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, back, sizeof(back), &se, NULL), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EREPLAY);
	build_sr(&ue, 0x62, sr);
	sr[3] ^= 0x40;
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, back, sizeof(back), &se, NULL), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EMAC);
}

UNIT_SUITE(proto_nas_sec,
	   UNIT_TEST(test_sec_roundtrip_all_algorithms),
	   UNIT_TEST(test_sec_mac_layout),
	   UNIT_TEST(test_sec_bad_mac),
	   UNIT_TEST(test_sec_replay),
	   UNIT_TEST(test_sec_count_overflow),
	   UNIT_TEST(test_sec_service_request))
