// SPDX-License-Identifier: GPL-2.0
/*
 * EPS AKA: vector generation, the UE-side AUTN check (MAC failure, sync
 * failure, AMF separation bit), AUTS and re-synchronisation, and the SQN
 * management of TS 33.102 Annex C.
 */
#include <string.h>

#include "unit.h"
#include "crypto/eps.h"
#include "crypto/milenage.h"

#define H(dst, hex) CU_ASSERT_EQUAL_FATAL(unit_hex(hex, dst, sizeof(dst)), (int)sizeof(dst))

/* TS 35.208 4.3.1 test set 1 */
#define S1_K "465b5ce8b199b49faa5f0a2ee238a6bc"
#define S1_OPC "cd63cb71954a9f4e48a5994e37a02baf"
#define S1_RAND "23553cbe9637a89d218ae64dae47bf35"

/* TS 35.208 4.3.20 test set 20 */
#define S20_K "90dca4eda45b53cf0f12d7c9c3bc6a89"
#define S20_OPC "cb9cccc4b9258e6dca4760379fb82581"
#define S20_RAND "9fddc72092c6ad036b6e464789315b78"

struct keys {
	uint8_t k[16], opc[16], rand[16], plmn[3];
};

static void load(struct keys *s, const char *k, const char *opc, const char *rand)
{
	H(s->k, k);
	H(s->opc, opc);
	H(s->rand, rand);
	CU_ASSERT_EQUAL(eps_plmn_encode("00101", s->plmn), 0);
}

/* AUTN from the set 1 values: SQN ^ AK = ff9bb4d0b607 ^ aa689c648370, AMF
 * b9b9, MAC-A = f1. KASME for SN id 02 48 30: OpenAirInterface HSS test
 * vector (openair-cn test_kasme.c), computed from the same CK, IK, SQN, AK. */
static void test_aka_generate(void)
{
	struct eps_aka_vector v;
	struct keys s;
	uint8_t amf[2] = { 0xb9, 0xb9 }, sn[3] = { 0x02, 0x48, 0x30 };
	uint8_t autn[16], xres[8], kasme[32];

	load(&s, S1_K, S1_OPC, S1_RAND);
	CU_ASSERT_EQUAL_FATAL(eps_aka_generate(s.k, s.opc, s.rand, 0xff9bb4d0b607ULL, amf, sn, &v),
			      0);
	H(autn, "55f328b43577b9b94a9ffac354dfafb3");
	CU_ASSERT(!memcmp(v.autn, autn, 16));
	H(xres, "a54211d5e3ba50bf");
	CU_ASSERT(!memcmp(v.xres, xres, 8));
	H(kasme, "564cb4d2007e4f293b67d9b29392a64add4c776b133d895af6499aa6882aab62");
	CU_ASSERT(!memcmp(v.kasme, kasme, 32));
	CU_ASSERT(!memcmp(v.rand, s.rand, 16));
	CU_ASSERT_EQUAL(eps_aka_generate(s.k, s.opc, s.rand, 1ULL << 48, amf, sn, &v), -1);
}

static void make_ms(struct eps_sqn_ms *ms)
{
	CU_ASSERT_EQUAL_FATAL(eps_sqn_ms_init(ms, EPS_SQN_IND_BITS_DEFAULT, 0, 0, 0), 0);
}

/* UE accepts a fresh vector and derives the same RES and KASME; a replay
 * is a sync failure whose AUTS lets the HSS recover SQN_MS exactly. */
static void test_aka_round_trip(void)
{
	struct eps_aka_vector v;
	struct eps_aka_ue_result r;
	struct eps_sqn_ms ms;
	struct keys s;
	uint8_t amf[2] = { 0x80, 0x00 };
	uint64_t sqn, sqn_ms = 0;

	load(&s, S20_K, S20_OPC, S20_RAND);
	make_ms(&ms);
	CU_ASSERT_EQUAL(eps_sqn_next(0x20, 5, &sqn), 0);
	CU_ASSERT_EQUAL(sqn, 0x41);	/* SEQ 1 -> 2, IND 0 -> 1 */
	CU_ASSERT_EQUAL_FATAL(eps_aka_generate(s.k, s.opc, s.rand, sqn, amf, s.plmn, &v), 0);
	CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, v.autn, s.plmn, &ms, &r), EPS_AKA_OK);
	CU_ASSERT_EQUAL(r.sqn, sqn);
	CU_ASSERT(!memcmp(r.res, v.xres, 8));
	CU_ASSERT(!memcmp(r.kasme, v.kasme, 32));
	CU_ASSERT(!memcmp(r.ck, v.ck, 16));
	CU_ASSERT_EQUAL(ms.highest, sqn);

	/* replay: same SQN again */
	CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, v.autn, s.plmn, &ms, &r),
			EPS_AKA_SYNC_FAILURE);
	CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, r.auts, &sqn_ms), 0);
	CU_ASSERT_EQUAL(sqn_ms, sqn);

	/* the HSS continues from SQN_MS and the UE accepts */
	CU_ASSERT_EQUAL(eps_sqn_next(sqn_ms, 5, &sqn), 0);
	CU_ASSERT_EQUAL(sqn, 0x62);
	CU_ASSERT_EQUAL_FATAL(eps_aka_generate(s.k, s.opc, s.rand, sqn, amf, s.plmn, &v), 0);
	CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, v.autn, s.plmn, &ms, &r), EPS_AKA_OK);
}

/* Any change in AUTN (SQN ^ AK, AMF or MAC) is a MAC failure; a wrong K too */
static void test_aka_mac_failure(void)
{
	struct eps_aka_vector v;
	struct eps_aka_ue_result r;
	struct eps_sqn_ms ms;
	struct keys s;
	uint8_t amf[2] = { 0x80, 0x00 }, bad[16];

	load(&s, S1_K, S1_OPC, S1_RAND);
	make_ms(&ms);
	CU_ASSERT_EQUAL_FATAL(eps_aka_generate(s.k, s.opc, s.rand, 0x21, amf, s.plmn, &v), 0);
	for (int i = 0; i < 16; i++) {
		memcpy(bad, v.autn, 16);
		bad[i] ^= 0x01;
		CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, bad, s.plmn, &ms, &r),
				EPS_AKA_MAC_FAILURE);
	}
	s.k[15] ^= 0x80;
	CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, v.autn, s.plmn, &ms, &r),
			EPS_AKA_MAC_FAILURE);
	CU_ASSERT_EQUAL(ms.highest, 0);	/* nothing accepted */
}

/* TS 33.401 6.1.1: AMF separation bit 0 is rejected after a good MAC */
static void test_aka_not_eps(void)
{
	struct eps_aka_vector v;
	struct eps_aka_ue_result r;
	struct eps_sqn_ms ms;
	struct keys s;
	uint8_t amf[2] = { 0x00, 0x00 };

	load(&s, S1_K, S1_OPC, S1_RAND);
	make_ms(&ms);
	CU_ASSERT_EQUAL_FATAL(eps_aka_generate(s.k, s.opc, s.rand, 0x21, amf, s.plmn, &v), 0);
	CU_ASSERT_EQUAL(eps_aka_ue_check(s.k, s.opc, s.rand, v.autn, s.plmn, &ms, &r),
			EPS_AKA_NOT_EPS);
}

/*
 * AUTS vectors from hostap tests/test-milenage.c for the keys of TS 35.208
 * set 20: AUTS 4f2039392ddd 4bb4316ed4a14688 carries SQN_MS = 1 (AK* of
 * set 20 is 4f2039392ddc), and a second AUTS captured from a test USIM with
 * RAND = aa..aa.
 */
static void test_aka_resync_vectors(void)
{
	struct keys s;
	uint8_t auts[14], want[14];
	uint64_t sqn = 0;

	load(&s, S20_K, S20_OPC, S20_RAND);
	H(want, "4f2039392ddd4bb4316ed4a14688");
	CU_ASSERT_EQUAL(eps_aka_auts(s.k, s.opc, s.rand, 1, auts), 0);
	CU_ASSERT(!memcmp(auts, want, 14));
	CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, want, &sqn), 0);
	CU_ASSERT_EQUAL(sqn, 1);
	want[13] ^= 1;
	CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, want, &sqn), EPS_AKA_MAC_FAILURE);

	memset(s.rand, 0xaa, 16);
	H(want, "43681ad3daf006bcde405a207267");
	CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, want, &sqn), 0);
	CU_ASSERT_EQUAL(eps_aka_auts(s.k, s.opc, s.rand, sqn, auts), 0);
	CU_ASSERT(!memcmp(auts, want, 14));
	want[0] ^= 0x10;	/* another SQN_MS: MAC-S no longer matches */
	CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, want, &sqn), EPS_AKA_MAC_FAILURE);
}

/* AUTS round trip over many SQN_MS values, including the extremes */
static void test_aka_resync_round_trip(void)
{
	const uint64_t vals[] = { 0, 1, 0x20, 0x123456789abcULL, EPS_SQN_MAX };
	struct keys s;
	uint8_t auts[14];

	load(&s, S1_K, S1_OPC, S1_RAND);
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		uint64_t got = ~0ULL;

		CU_ASSERT_EQUAL(eps_aka_auts(s.k, s.opc, s.rand, vals[i], auts), 0);
		CU_ASSERT_EQUAL(eps_aka_resync(s.k, s.opc, s.rand, auts, &got), 0);
		CU_ASSERT_EQUAL(got, vals[i]);
	}
	CU_ASSERT_EQUAL(eps_aka_auts(s.k, s.opc, s.rand, EPS_SQN_MAX + 1, auts), -1);
}

/* TS 33.102 C.1.1 / C.3.2: SQN = SEQ || IND */
static void test_sqn_split(void)
{
	uint8_t b[6];
	uint64_t next;

	CU_ASSERT_EQUAL(eps_sqn_seq(0x3f, 5), 1);
	CU_ASSERT_EQUAL(eps_sqn_ind(0x3f, 5), 31);
	CU_ASSERT_EQUAL(eps_sqn_make(1, 31, 5), 0x3f);
	CU_ASSERT_EQUAL(eps_sqn_next(0x3f, 5, &next), 0);
	CU_ASSERT_EQUAL(next, 0x40);	/* SEQ 2, IND wraps to 0 */
	CU_ASSERT_EQUAL(eps_sqn_next(0x3f, 0, &next), 0);
	CU_ASSERT_EQUAL(next, 0x40);	/* no IND: plain counter */
	CU_ASSERT_EQUAL(eps_sqn_next(EPS_SQN_MAX, 5, &next), -1);
	CU_ASSERT_EQUAL(eps_sqn_next(1, 9, &next), -1);
	eps_sqn_to_bytes(0x0123456789abULL, b);
	CU_ASSERT_EQUAL(b[0], 0x01);
	CU_ASSERT_EQUAL(b[5], 0xab);
	CU_ASSERT_EQUAL(eps_sqn_from_bytes(b), 0x0123456789abULL);
}

/* TS 33.102 C.2.2: per-IND freshness, the delta window and the L limit */
static void test_sqn_freshness(void)
{
	struct eps_sqn_ms ms;

	CU_ASSERT_EQUAL(eps_sqn_ms_init(&ms, 9, 0, 0, 0), -1);
	CU_ASSERT_EQUAL_FATAL(eps_sqn_ms_init(&ms, 5, 100, 10, 0), 0);
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(5, 3, 5)), 1);
	eps_sqn_ms_accept(&ms, eps_sqn_make(5, 3, 5));
	/* same IND, same or lower SEQ: replay */
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(5, 3, 5)), 0);
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(4, 3, 5)), 0);
	/* another IND may arrive out of order */
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(4, 4, 5)), 1);
	eps_sqn_ms_accept(&ms, eps_sqn_make(4, 4, 5));
	CU_ASSERT_EQUAL(ms.highest, eps_sqn_make(5, 3, 5));
	/* delta: at most 100 ahead of the highest SEQ */
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(105, 0, 5)), 1);
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(106, 0, 5)), 0);
	/* L: an old SEQ (>= 10 below the highest) is refused even on a fresh IND */
	eps_sqn_ms_accept(&ms, eps_sqn_make(50, 1, 5));
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(41, 2, 5)), 1);
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, eps_sqn_make(40, 2, 5)), 0);
	CU_ASSERT_EQUAL(eps_sqn_ms_check(&ms, EPS_SQN_MAX + 1), -1);
}

UNIT_SUITE(crypto_aka, UNIT_TEST(test_aka_generate), UNIT_TEST(test_aka_round_trip),
	   UNIT_TEST(test_aka_mac_failure), UNIT_TEST(test_aka_not_eps),
	   UNIT_TEST(test_aka_resync_vectors), UNIT_TEST(test_aka_resync_round_trip),
	   UNIT_TEST(test_sqn_split), UNIT_TEST(test_sqn_freshness))
