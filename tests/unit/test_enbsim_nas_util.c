// SPDX-License-Identifier: GPL-2.0
/*
 * userspace/proto/nas_util.c: the short service request (TS 24.301 8.2.25,
 * 9.9.3.28), the EPS bearer context status bitmap (9.9.2.1) and uplink TFT
 * matching (TS 24.008 10.5.6.12).
 */
#include <string.h>

#include "proto/nas_util.h"
#include "unit.h"

/*
 * KSI 3, uplink NAS COUNT 0x21, 128-EIA2 with K_NASint 000102..0f: octets
 * c7 61, MAC = AES-CMAC(K, COUNT | 0 | message) computed independently
 * (python-cryptography CMAC over 00000021 00000000 c761) = 63b10de1; the
 * short MAC is its 2 low octets 0de1.
 */
static void test_service_request(void)
{
	struct nas_sec_ctx ue = { .eia = 2, .tx_count = 0x21 }, mme = { .eia = 2 };
	uint8_t sr[4], want[4] = { 0xc7, 0x61, 0x0d, 0xe1 }, out[8];
	enum nas_sec_error se;
	struct nas_err err;

	for (int i = 0; i < 16; i++)
		ue.k_nas_int[i] = mme.k_nas_int[i] = (uint8_t)i;
	mme.rx_count = 0x20;
	mme.rx_valid = 1;
	CU_ASSERT_EQUAL(nas_service_request_build(&ue, 3, sr), 4);
	CU_ASSERT(!memcmp(sr, want, 4));
	CU_ASSERT_EQUAL(ue.tx_count, 0x22);
	/* the network side accepts it once (nas_unprotect), then calls it a replay */
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, out, sizeof(out), &se, &err), 4);
	CU_ASSERT_EQUAL(mme.rx_count, 0x21);
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, out, sizeof(out), &se, &err), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EREPLAY);
	sr[3] ^= 1;
	mme.rx_count = 0x20;
	CU_ASSERT_EQUAL(nas_unprotect(&mme, NAS_DIR_UL, sr, 4, out, sizeof(out), &se, &err), -1);
	CU_ASSERT_EQUAL(se, NAS_SEC_EMAC);
	CU_ASSERT_EQUAL(nas_service_request_build(&ue, 8, sr), -1);
}

static void test_ebc_status(void)
{
	/* 9.9.2.1: octet 3 holds EBI(7)..EBI(0), octet 4 EBI(15)..EBI(8) */
	static const uint8_t ebis[] = { 5, 6, 15, 99 };
	uint8_t o[2];

	nas_ebc_status_build(ebis, 4, o);
	CU_ASSERT_EQUAL(o[0], 0x60);
	CU_ASSERT_EQUAL(o[1], 0x80);
}

/* IPv4/UDP 10.45.0.2:4000 -> 198.18.0.2:port, TOS 0xb8 */
static size_t udp4(uint8_t *p, uint16_t port)
{
	memset(p, 0, 28);
	p[0] = 0x45;
	p[1] = 0xb8;
	p[3] = 28;
	p[8] = 64;
	p[9] = 17;
	memcpy(p + 12, "\x0a\x2d\x00\x02\xc6\x12\x00\x02", 8);
	p[20] = 4000 >> 8;
	p[21] = 4000 & 255;
	p[22] = (uint8_t)(port >> 8);
	p[23] = (uint8_t)port;
	return 28;
}

static void test_tft_match(void)
{
	/*
	 * Create TFT, 2 filters (24.008 10.5.6.12):
	 *   id 1, uplink, precedence 0x10: protocol 17, remote port 5001
	 *   id 2, bidirectional, precedence 0x08: remote address 198.18.0.0/16,
	 *         remote port range 6000-6010
	 */
	static const char *hex = "22 21 10 05 30 11 50 13 89"
				 " 32 08 0e 10 c6 12 00 00 ff ff 00 00 51 17 70 17 7a";
	uint8_t v[40], pkt[64];
	struct nas_tft t;
	struct nas_err err;
	struct nas_pkt_info pi;
	int n = unit_hex(hex, v, sizeof(v));
	uint8_t prec = 0;

	CU_ASSERT_FATAL(nas_tft_dec(&t, v, (size_t)n, &err) == 0);
	CU_ASSERT_FATAL(t.n_filters == 2);
	CU_ASSERT(nas_pkt_parse(pkt, udp4(pkt, 5001), &pi) == 0);
	CU_ASSERT(pi.version == 4 && pi.proto == 17 && pi.sport == 4000 && pi.dport == 5001);
	CU_ASSERT_EQUAL(nas_tft_match_ul(&t, &pi, &prec), 0);
	CU_ASSERT_EQUAL(prec, 0x10);
	nas_pkt_parse(pkt, udp4(pkt, 6005), &pi);
	CU_ASSERT_EQUAL(nas_tft_match_ul(&t, &pi, &prec), 1);
	CU_ASSERT_EQUAL(prec, 0x08);
	nas_pkt_parse(pkt, udp4(pkt, 5002), &pi);
	CU_ASSERT_EQUAL(nas_tft_match_ul(&t, &pi, NULL), -1);
	/* outside 198.18/16: the range filter does not match */
	udp4(pkt, 6005);
	pkt[16] = 8;
	nas_pkt_parse(pkt, 28, &pi);
	CU_ASSERT_EQUAL(nas_tft_match_ul(&t, &pi, NULL), -1);
	/* a downlink-only filter never selects uplink traffic */
	t.f[0].direction = 1;
	nas_pkt_parse(pkt, udp4(pkt, 5001), &pi);
	CU_ASSERT_EQUAL(nas_tft_match_ul(&t, &pi, NULL), -1);
	/* not IP, truncated */
	CU_ASSERT_EQUAL(nas_pkt_parse(pkt, 10, &pi), -1);
	pkt[0] = 0x15;
	CU_ASSERT_EQUAL(nas_pkt_parse(pkt, 28, &pi), -1);
}

static void test_pkt_v6(void)
{
	uint8_t p[48] = { 0x6a, 0x0a, 0xbc, 0xde, 0, 8, 17, 64 };
	struct nas_pkt_info pi;

	p[8] = 0x20;			/* src 2000::... */
	p[24] = 0x20;			/* dst 2001:db8::1 */
	p[25] = 0x01;
	p[26] = 0x0d;
	p[27] = 0xb8;
	p[39] = 1;
	p[42] = 0x13;			/* dport 5001 */
	p[43] = 0x89;

	CU_ASSERT_FATAL(nas_pkt_parse(p, sizeof(p), &pi) == 0);
	CU_ASSERT_EQUAL(pi.version, 6);
	CU_ASSERT_EQUAL(pi.tos, 0xa0);
	CU_ASSERT_EQUAL(pi.flow_label, 0xabcde);
	CU_ASSERT(pi.has_ports && pi.dport == 5001);
	CU_ASSERT_EQUAL(nas_pkt_parse(p, 39, &pi), -1);
}

UNIT_SUITE(enbsim_nas_util, UNIT_TEST(test_service_request), UNIT_TEST(test_ebc_status),
	   UNIT_TEST(test_tft_match), UNIT_TEST(test_pkt_v6))
