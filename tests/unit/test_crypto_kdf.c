// SPDX-License-Identifier: GPL-2.0
/*
 * TS 33.401 Annex A key derivations.
 *
 * TS 33.401 has no KDF test data of its own, so the KASME, KeNB and NAS key
 * values are cross-checks against another stack's tests: OpenAirInterface
 * openair-cn (HSS test_kasme.c, MME TEST/test_secu_kenb.c and
 * TEST/test_secu_knas.c). Their KASME inputs are CK/IK/AK of TS 35.208 test
 * set 1 with the SQNs of sets 1 (ff9bb4d0b607) and 2 of 35.207
 * (fd8eef40df7d), and their KeNB/NAS inputs are those KASMEs. OAI prints
 * the whole 256-bit NAS key output; A.7 keeps its last 16 octets.
 *
 * NH (A.4) and KeNB* (A.5) have no public vectors we could find: they are
 * checked against an independent construction of S with OpenSSL's HMAC.
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "unit.h"
#include "crypto/eps.h"

#define H(dst, hex) CU_ASSERT_EQUAL_FATAL(unit_hex(hex, dst, sizeof(dst)), (int)sizeof(dst))

#define CK1 "b40ba9a3c58b2a05bbf0d987b21bf8cb"
#define IK1 "f769bcd751044604127672711c6d3441"
#define AK1 "aa689c648370"

static const struct {
	const char *sn, *sqn, *kasme;
} kasme_sets[] = {
	{ "024830", "fd8eef40df7d", "238e457e0f758badbca8d34bb2612c10428d426757cb5553b2b184fa64bfc549" },
	{ "02f843", "fd8eef40df7d", "bd7a0903a7d0f68767ee2f5c90cb7d7d835998d940afdbf73173e63567c5b894" },
	{ "21f354", "fd8eef40df7d", "546a79bc6d1613a72a4d631ee0351d66036b2a0c44a3831be6d365e24f023013" },
	{ "024830", "ff9bb4d0b607", "564cb4d2007e4f293b67d9b29392a64add4c776b133d895af6499aa6882aab62" },
	{ "02f843", "ff9bb4d0b607", "34865eb0dc9a6d788a905c0514529bf588485da817ffbe92e9a9b4d033b8cc6f" },
	{ "21f354", "ff9bb4d0b607", "9ea141da4b24cdebc8f5fb3f61a0511216681f121199b23ebcfacc75b358be43" },
};

static void test_kdf_kasme(void)
{
	uint8_t ck[16], ik[16], ak[6], sn[3], sqn[6], x[6], got[32], want[32];

	H(ck, CK1);
	H(ik, IK1);
	H(ak, AK1);
	for (size_t i = 0; i < sizeof(kasme_sets) / sizeof(kasme_sets[0]); i++) {
		H(sn, kasme_sets[i].sn);
		H(sqn, kasme_sets[i].sqn);
		H(want, kasme_sets[i].kasme);
		for (int j = 0; j < 6; j++)
			x[j] = sqn[j] ^ ak[j];
		CU_ASSERT_EQUAL(eps_kdf_kasme(ck, ik, sn, x, got), 0);
		CU_ASSERT(!memcmp(got, want, 32));
	}
}

static const struct {
	uint32_t count;
	const char *kasme, *kenb;
} kenb_sets[] = {
	{ 0xdb1a3569, "238e457e0f758badbca8d34bb2612c10428d426757cb5553b2b184fa64bfc549",
	  "8eb1bf0083bd79281ef7034bf677e9ec529f196e15287514a2d122acf713b8e8" },
	{ 0x001fb39c, "564cb4d2007e4f293b67d9b29392a64add4c776b133d895af6499aa6882aab62",
	  "009010688f85855e218339de6c5bd7b6394958da12ddfbf7559e978ce43408f1" },
	{ 0x00000012, "fa77e41f693c2a6e71455cb8687e6e6058ef91e2f5abd1bd3c496179481f308c",
	  "0afe81266de52b8c8f1c3f4fe799be883f364b018e7368c41f14dd6d050e13e1" },
	{ 0xfe56a1d3, "fa77e41f693c2a6e71455cb8687e6e6058ef91e2f5abd1bd3c496179481f308c",
	  "3622874b06c683586a009dec81dbe28bdd8e3e6e67a2c22c31630ec97641828e" },
	{ 0xfe56a1d3, "70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c",
	  "e59be6f0fbefa1207da3ff05d0f82014100e7a63a11eebfe4f8aa92e7cf8b847" },
	{ 0xaabbccdd, "70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c",
	  "158781a2fdf2ce53abfa186d22eb751decb8273471dc792b5016c9016947d1ae" },
};

static void test_kdf_kenb(void)
{
	uint8_t kasme[32], got[32], want[32];

	for (size_t i = 0; i < sizeof(kenb_sets) / sizeof(kenb_sets[0]); i++) {
		H(kasme, kenb_sets[i].kasme);
		H(want, kenb_sets[i].kenb);
		CU_ASSERT_EQUAL(eps_kdf_kenb(kasme, kenb_sets[i].count, got), 0);
		CU_ASSERT(!memcmp(got, want, 32));
	}
}

/* OAI test_secu_knas.c: (alg, KASME, 256-bit K_NASenc, 256-bit K_NASint) */
static const struct {
	uint8_t alg;
	const char *kasme, *enc, *integ;
} knas_sets[] = {
	{ 0, "70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c",
	  "64ba839b29c451085c552f4de9d278b263cb5bdd7fc21a38120637b2a9e5cd39",
	  "a66a2d198af2a8d6a5ff2faa51676037df204187c61edd3aaa70f3b7d8b59e8b" },
	{ 1, "70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c",
	  "df8feba477891617c42fb16f750e572c9e59ed7564879150f6bb0daef5932e89",
	  "ea1158ba3f387bc96c967bc32fb43f65ae172a3267343479caa826034a90a250" },
	{ 2, "70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c",
	  "99d63bd2d43af81ebb7599f7e8f8b3e81cf7897f31d6270c19c4836070fe11f0",
	  "fc7a3850d19ae29ec7000b9df98787f11a4329fd23fd3a93c9d2d92d853ec9db" },
	{ 0, "9ea141da4b24cdebc8f5fb3f61a0511216681f121199b23ebcfacc75b358be43",
	  "1e48e1b5edf98dedf339de686544aa1088c8e5616edb706201837aa106d37691",
	  "c83dc420f97aa42d1b8488fa5d8f74865d833416d5851556100b41fec8e38139" },
	{ 1, "9ea141da4b24cdebc8f5fb3f61a0511216681f121199b23ebcfacc75b358be43",
	  "207700cd92b4635b439e40176f92f7ada824b9d699abe15f86f3346c25343a33",
	  "faa39e382611cdfed52042e72af8cecdf92ccd799141857b77b6901741e486b2" },
	{ 2, "9ea141da4b24cdebc8f5fb3f61a0511216681f121199b23ebcfacc75b358be43",
	  "2a6854d25282ffd738fa8bbcfdce853c0c4dfb9f559dcbb71d5120db2cac66a6",
	  "5edcae62a35bc42399c55f64ecae7b17524bed1ed1601218d2772e55ddfad959" },
	{ 0, "546a79bc6d1613a72a4d631ee0351d66036b2a0c44a3831be6d365e24f023013",
	  "7f684f909a5910ded6e4b4ce02ac92df4690eb3788068600e9cb2c3ef8f0956e",
	  "51f3b142d357371726873fac5e853ce0eeefc52a695de45fa6f4a23d20c13155" },
	{ 1, "546a79bc6d1613a72a4d631ee0351d66036b2a0c44a3831be6d365e24f023013",
	  "b6b222e9c07c56d15176c8e95ec1805561492682e4b9cd7228237a6c78702347",
	  "4dc5abf6896da460473288d16de83c480388c6fd9e803c7ea88090f311354a15" },
	{ 2, "546a79bc6d1613a72a4d631ee0351d66036b2a0c44a3831be6d365e24f023013",
	  "7bd2a0864452d3d9ede3b2e38a9958777f231ac4f4b9af3fc8ce0e1eaab425a7",
	  "89e8049ebe9374f238b0f3278eea47d9bf8877111d99d6378fff66febb06f3f8" },
};

static void test_kdf_nas_keys(void)
{
	uint8_t kasme[32], full[32], key[16];

	for (size_t i = 0; i < sizeof(knas_sets) / sizeof(knas_sets[0]); i++) {
		H(kasme, knas_sets[i].kasme);
		H(full, knas_sets[i].enc);
		CU_ASSERT_EQUAL(eps_kdf_alg_key(kasme, EPS_KDF_NAS_ENC, knas_sets[i].alg, key), 0);
		CU_ASSERT(!memcmp(key, full + 16, 16));
		H(full, knas_sets[i].integ);
		CU_ASSERT_EQUAL(eps_kdf_alg_key(kasme, EPS_KDF_NAS_INT, knas_sets[i].alg, key), 0);
		CU_ASSERT(!memcmp(key, full + 16, 16));
	}
}

/* Reference: HMAC-SHA-256 over an S written out by hand */
static void ref_kdf(const uint8_t *key, const uint8_t *s, size_t n, uint8_t out[32])
{
	unsigned int len = 0;

	CU_ASSERT_FATAL(HMAC(EVP_sha256(), key, 32, s, n, out, &len) != NULL);
	CU_ASSERT_EQUAL(len, 32);
}

/* A.4: S = 0x12 || SYNC-input || 0x00 0x20 */
static void test_kdf_nh(void)
{
	uint8_t kasme[32], sync[32], s[35], got[32], want[32];

	for (int i = 0; i < 32; i++) {
		kasme[i] = (uint8_t)(i * 7 + 1);
		sync[i] = (uint8_t)(0xff - i);
	}
	s[0] = 0x12;
	memcpy(s + 1, sync, 32);
	s[33] = 0x00;
	s[34] = 0x20;
	ref_kdf(kasme, s, sizeof(s), want);
	CU_ASSERT_EQUAL(eps_kdf_nh(kasme, sync, got), 0);
	CU_ASSERT(!memcmp(got, want, 32));
}

/* A.5: S = 0x13 || PCI (2) || 0x00 0x02 || EARFCN-DL (2 or 3) || L1 */
static void test_kdf_kenb_star(void)
{
	uint8_t kenb[32], got[32], want[32];
	uint8_t s2[] = { 0x13, 0x01, 0xf7, 0x00, 0x02, 0x0c, 0x1c, 0x00, 0x02 };
	uint8_t s3[] = { 0x13, 0x00, 0x01, 0x00, 0x02, 0x01, 0x04, 0x1a, 0x00, 0x03 };

	memset(kenb, 0x5a, sizeof(kenb));
	ref_kdf(kenb, s2, sizeof(s2), want);	/* PCI 503, EARFCN 3100 */
	CU_ASSERT_EQUAL(eps_kdf_kenb_star(kenb, 503, 3100, got), 0);
	CU_ASSERT(!memcmp(got, want, 32));
	ref_kdf(kenb, s3, sizeof(s3), want);	/* PCI 1, EARFCN 66586 (band 66) */
	CU_ASSERT_EQUAL(eps_kdf_kenb_star(kenb, 1, 66586, got), 0);
	CU_ASSERT(!memcmp(got, want, 32));
	CU_ASSERT_EQUAL(eps_kdf_kenb_star(kenb, 504, 100, got), -1);
	CU_ASSERT_EQUAL(eps_kdf_kenb_star(kenb, 1, 262144, got), -1);
}

/* A.7: S = 0x15 || type || 0x00 0x01 || alg || 0x00 0x01, last 16 octets */
static void test_kdf_alg_key(void)
{
	uint8_t kenb[32], s[] = { 0x15, 0x04, 0x00, 0x01, 0x02, 0x00, 0x01 }, want[32], key[16];

	memset(kenb, 0xa5, sizeof(kenb));
	ref_kdf(kenb, s, sizeof(s), want);
	CU_ASSERT_EQUAL(eps_kdf_alg_key(kenb, EPS_KDF_RRC_INT, EPS_ALG_2, key), 0);
	CU_ASSERT(!memcmp(key, want + 16, 16));
	CU_ASSERT_EQUAL(eps_kdf_alg_key(kenb, 0, 1, key), -1);
	CU_ASSERT_EQUAL(eps_kdf_alg_key(kenb, 7, 1, key), -1);
	CU_ASSERT_EQUAL(eps_kdf_alg_key(kenb, 1, 16, key), -1);
	CU_ASSERT_EQUAL(eps_kdf_alg_key(NULL, 1, 1, key), -1);
}

/* TS 24.008 10.5.1.13 / TS 24.301 9.9.3.32 PLMN encoding */
static void test_plmn_encode(void)
{
	uint8_t p[3];

	CU_ASSERT_EQUAL(eps_plmn_encode("00101", p), 0);
	CU_ASSERT(!memcmp(p, "\x00\xf1\x10", 3));
	CU_ASSERT_EQUAL(eps_plmn_encode("310410", p), 0);
	CU_ASSERT(!memcmp(p, "\x13\x00\x14", 3));
	CU_ASSERT_EQUAL(eps_plmn_encode("20834", p), 0);	/* OAI's 02 f8 43 */
	CU_ASSERT(!memcmp(p, "\x02\xf8\x43", 3));
	CU_ASSERT_EQUAL(eps_plmn_encode("0010", p), -1);
	CU_ASSERT_EQUAL(eps_plmn_encode("0010123", p), -1);
	CU_ASSERT_EQUAL(eps_plmn_encode("0010a", p), -1);
	CU_ASSERT_EQUAL(eps_plmn_encode(NULL, p), -1);
}

UNIT_SUITE(crypto_kdf, UNIT_TEST(test_kdf_kasme), UNIT_TEST(test_kdf_kenb),
	   UNIT_TEST(test_kdf_nas_keys), UNIT_TEST(test_kdf_nh), UNIT_TEST(test_kdf_kenb_star),
	   UNIT_TEST(test_kdf_alg_key), UNIT_TEST(test_plmn_encode))
