// SPDX-License-Identifier: GPL-2.0
/*
 * --pcap: every S1AP PDU sent or received, written as an IPv4 packet
 * (LINKTYPE_RAW, 101) holding one SCTP DATA chunk with PPID 18, so that
 * tshark's s1ap dissector runs on it.  Addresses and ports are those of the
 * association; TSNs count per direction.
 *
 *   IPv4 (20) | SCTP common header (12) | DATA chunk header (16) | S1AP | pad
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "enbsim.h"

struct pcap_w {
	FILE *f;
	uint32_t tsn[2];
	uint16_t ip_id;
};

static void put32(FILE *f, uint32_t v)
{
	fwrite(&v, 4, 1, f);		/* pcap headers are host order */
}

struct pcap_w *pcap_open(const char *path)
{
	struct pcap_w *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->f = fopen(path, "wb");
	if (!p->f) {
		free(p);
		return NULL;
	}
	put32(p->f, 0xa1b2c3d4);
	put32(p->f, 2 | 4u << 16);	/* version 2.4 */
	put32(p->f, 0);
	put32(p->f, 0);
	put32(p->f, 65535);
	put32(p->f, 101);		/* LINKTYPE_RAW */
	return p;
}

void pcap_close(struct pcap_w *p)
{
	if (!p)
		return;
	fclose(p->f);
	free(p);
}

/* CRC32c (RFC 4960 appendix B / RFC 3309), bitwise. */
static uint32_t crc32c(const uint8_t *b, size_t n)
{
	uint32_t c = 0xffffffff;

	for (size_t i = 0; i < n; i++) {
		c ^= b[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0x82f63b78 & -(c & 1));
	}
	return ~c;
}

static uint16_t ip_csum(const uint8_t *h, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)h[i] << 8 | h[i + 1];
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void be16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = (uint8_t)v;
}

static void be32(uint8_t *p, uint32_t v)
{
	be16(p, v >> 16);
	be16(p + 2, (uint16_t)v);
}

void pcap_s1ap(struct pcap_w *p, const struct enb *e, int out, uint16_t stream,
	       const uint8_t *b, size_t n)
{
	size_t pad = (4 - n % 4) % 4, total = 20 + 12 + 16 + n + pad;
	uint8_t *f;
	struct timeval tv;
	uint32_t crc;

	if (!p || total > 65535)
		return;
	f = calloc(1, total);
	if (!f)
		return;
	/* IPv4 */
	f[0] = 0x45;
	be16(f + 2, (uint16_t)total);
	be16(f + 4, p->ip_id++);
	f[6] = 0x40;			/* DF */
	f[8] = 64;
	f[9] = 132;			/* SCTP */
	memcpy(f + 12, out ? e->local_ip : e->mme_ip, 4);
	memcpy(f + 16, out ? e->mme_ip : e->local_ip, 4);
	be16(f + 10, ip_csum(f, 20));
	/* SCTP common header: ports, verification tag, checksum */
	be16(f + 20, out ? e->local_port : S1AP_PORT);
	be16(f + 22, out ? S1AP_PORT : e->local_port);
	be32(f + 24, 1);
	/* DATA chunk: type 0, flags B|E, length, TSN, stream, SSN, PPID */
	f[32] = 0;
	f[33] = 3;
	be16(f + 34, (uint16_t)(16 + n));
	be32(f + 36, ++p->tsn[out ? 1 : 0]);
	be16(f + 40, stream);
	be16(f + 42, 0);
	be32(f + 44, S1AP_PPID);
	memcpy(f + 48, b, n);
	crc = crc32c(f + 20, total - 20);
	memcpy(f + 28, &crc, 4);	/* RFC 4960 B: little-endian on the wire */
	gettimeofday(&tv, NULL);
	put32(p->f, (uint32_t)tv.tv_sec);
	put32(p->f, (uint32_t)tv.tv_usec);
	put32(p->f, (uint32_t)total);
	put32(p->f, (uint32_t)total);
	fwrite(f, 1, total, p->f);
	fflush(p->f);
	free(f);
}
