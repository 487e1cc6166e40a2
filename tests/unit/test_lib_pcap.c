// SPDX-License-Identifier: GPL-2.0
/*
 * lib/pcap: the file header, IPv4 and IPv6 frames of one SCTP DATA chunk
 * with valid IP and SCTP checksums, and a payload above one IPv4 packet
 * split into B/E fragments with consecutive TSNs.  (tshark reads agwd's and
 * enbsim's captures in the e2e tests: pcap_clean in tests/e2e/lib.sh.)
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/pcap.h"
#include "unit.h"

static uint32_t rd32le(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* RFC 3720 B.4 and the usual check value of CRC-32C */
static void test_crc32c(void)
{
	uint8_t z[32] = { 0 }, inc[32];

	for (int i = 0; i < 32; i++)
		inc[i] = (uint8_t)i;
	CU_ASSERT_EQUAL(pcap_crc32c(z, 32), 0x8a9136aa);
	CU_ASSERT_EQUAL(pcap_crc32c(inc, 32), 0x46dd794e);
	CU_ASSERT_EQUAL(pcap_crc32c((const uint8_t *)"123456789", 9), 0xe3069283);
}

static uint8_t *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b = malloc(1 << 20);

	*n = f && b ? fread(b, 1, 1 << 20, f) : 0;
	if (f)
		fclose(f);
	return b;
}

static int ip_sum_ok(const uint8_t *h)
{
	uint32_t s = 0;

	for (int i = 0; i < 20; i += 2)
		s += rd16(h + i);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s == 0xffff;
}

/* SCTP checksum of a packet (s, n octets) as written */
static int sctp_sum_ok(const uint8_t *s, size_t n)
{
	uint8_t *c = malloc(n);
	uint32_t got = rd32le(s + 8), want;

	memcpy(c, s, n);
	memset(c + 8, 0, 4);
	want = pcap_crc32c(c, n);
	free(c);
	return got == want;
}

static void test_frames(void)
{
	char path[] = "/tmp/unit-pcap-XXXXXX";
	int fd = mkstemp(path);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(36412) };
	struct sockaddr_in b = { .sin_family = AF_INET, .sin_port = htons(40000) };
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(36412) };
	struct pcap_w *p;
	uint8_t *big = malloc(100000), *f, *s;
	uint32_t tsn = 41, tsn6 = 0;
	size_t n, off, ip_len;

	CU_ASSERT_FATAL(fd >= 0 && big);
	close(fd);
	for (int i = 0; i < 100000; i++)
		big[i] = (uint8_t)(i * 7);
	inet_pton(AF_INET, "192.0.2.1", &a.sin_addr);
	inet_pton(AF_INET, "192.0.2.2", &b.sin_addr);
	inet_pton(AF_INET6, "2001:db8::1", &a6.sin6_addr);
	p = pcap_w_open(path);
	CU_ASSERT_FATAL(p != NULL);
	CU_ASSERT(pcap_w_sctp(p, (struct sockaddr *)&a, (struct sockaddr *)&b, 3, 18, &tsn,
			      (const uint8_t *)"\x00\x11\x22", 3) == 0);
	CU_ASSERT_EQUAL(tsn, 42);
	CU_ASSERT(pcap_w_sctp(p, (struct sockaddr *)&b, (struct sockaddr *)&a, 0, 18, &tsn, big,
			      100000) == 0);
	CU_ASSERT_EQUAL(tsn, 44);	/* two fragments */
	CU_ASSERT(pcap_w_sctp(p, (struct sockaddr *)&a6, (struct sockaddr *)&a6, 1, 18, &tsn6,
			      big, 5) == 0);
	pcap_w_close(p);
	f = slurp(path, &n);
	unlink(path);
	CU_ASSERT_FATAL(n > 24);
	CU_ASSERT_EQUAL(rd32le(f), 0xa1b2c3d4);
	CU_ASSERT_EQUAL(rd32le(f + 20), 101);		/* LINKTYPE_RAW */
	/* frame 1: IPv4 192.0.2.1 -> .2, SCTP 36412 -> 40000, DATA B|E, TSN 42 */
	off = 24;
	ip_len = rd32le(f + off + 8);
	CU_ASSERT_EQUAL(ip_len, 20 + 12 + 16 + 4);
	CU_ASSERT_EQUAL(rd32le(f + off + 12), ip_len);
	s = f + off + 16;
	CU_ASSERT_EQUAL(s[0], 0x45);
	CU_ASSERT_EQUAL(s[9], 132);
	CU_ASSERT_EQUAL(rd16(s + 2), ip_len);
	CU_ASSERT(ip_sum_ok(s));
	CU_ASSERT(!memcmp(s + 12, "\xc0\x00\x02\x01\xc0\x00\x02\x02", 8));
	s += 20;
	CU_ASSERT_EQUAL(rd16(s), 36412);
	CU_ASSERT_EQUAL(rd16(s + 2), 40000);
	CU_ASSERT(sctp_sum_ok(s, ip_len - 20));
	CU_ASSERT_EQUAL(s[12], 0);			/* DATA */
	CU_ASSERT_EQUAL(s[13], 3);			/* B|E */
	CU_ASSERT_EQUAL(rd16(s + 14), 16 + 3);
	CU_ASSERT_EQUAL(rd32(s + 16), 42);
	CU_ASSERT_EQUAL(rd16(s + 20), 3);
	CU_ASSERT_EQUAL(rd32(s + 24), 18);
	CU_ASSERT(!memcmp(s + 28, "\x00\x11\x22\x00", 4));	/* padded */
	/* frames 2 and 3: the 100000 octets as B then E, TSN 43 and 44 */
	off += 16 + ip_len;
	for (int k = 0; k < 2; k++) {
		static size_t first;
		size_t chunk;

		ip_len = rd32le(f + off + 8);
		CU_ASSERT_FATAL(off + 16 + ip_len <= n);
		s = f + off + 16;
		CU_ASSERT(ip_len <= 65535 && rd16(s + 2) == ip_len && ip_sum_ok(s));
		s += 20;
		CU_ASSERT(sctp_sum_ok(s, ip_len - 20));
		CU_ASSERT_EQUAL(s[13], k ? 1 : 2);
		CU_ASSERT_EQUAL(rd32(s + 16), 43u + (uint32_t)k);
		chunk = rd16(s + 14) - 16u;
		CU_ASSERT(!memcmp(s + 28, big + (k ? first : 0), chunk));
		if (k)
			CU_ASSERT_EQUAL(first + chunk, 100000);
		first = chunk;
		off += 16 + ip_len;
	}
	/* frame 4: IPv6 */
	ip_len = rd32le(f + off + 8);
	s = f + off + 16;
	CU_ASSERT_EQUAL(s[0] >> 4, 6);
	CU_ASSERT_EQUAL(s[6], 132);
	CU_ASSERT_EQUAL(rd16(s + 4), ip_len - 40);
	CU_ASSERT(sctp_sum_ok(s + 40, ip_len - 40));
	CU_ASSERT_EQUAL(rd32(s + 40 + 16), 1);
	CU_ASSERT_EQUAL(off + 16 + ip_len, n);
	CU_ASSERT_PTR_NULL(pcap_w_open("/nonexistent-dir/x.pcap"));
	free(big);
	free(f);
}

UNIT_SUITE(lib_pcap, UNIT_TEST(test_crc32c), UNIT_TEST(test_frames))
