// SPDX-License-Identifier: GPL-2.0
/*
 * --pcap FILE: every S1AP PDU agwd sends or receives, written as one
 * IPv4 (or IPv6) packet holding an SCTP DATA chunk with PPID 18, in a
 * LINKTYPE_RAW (101) capture, so tshark's S1AP dissector reads it.  The
 * addresses and ports are the association's; the SCTP checksum is the
 * CRC32c of RFC 4960 appendix B; TSNs count per direction.
 *
 *   IP header | SCTP common header (12) | DATA chunk (16 + S1AP + pad)
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "agwd/s1ap/s1mme.h"

#define LINKTYPE_RAW 101

struct pcap_w {
	FILE *f;
	uint16_t ip_id;
};

/* RFC 4960 appendix B / RFC 3309: CRC32c (Castagnoli), reflected. */
uint32_t s1_crc32c(const uint8_t *p, size_t n)
{
	uint32_t crc = 0xffffffff;

	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = crc >> 1 ^ (0x82f63b78 & (0u - (crc & 1)));
	}
	return ~crc;
}

static void put_hdr(FILE *f, uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
	uint32_t h[4] = { a, b, c, d };

	fwrite(h, sizeof(h), 1, f);
}

struct pcap_w *s1_pcap_new(const char *path)
{
	struct pcap_w *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->f = fopen(path, "wb");
	if (!p->f) {
		free(p);
		return NULL;
	}
	/* magic, version 2.4, thiszone, sigfigs | snaplen, linktype */
	put_hdr(p->f, 0xa1b2c3d4, 2 | 4u << 16, 0, 0);
	fwrite((uint32_t[2]){ 262144, LINKTYPE_RAW }, 8, 1, p->f);
	fflush(p->f);
	return p;
}

void s1_pcap_close(struct pcap_w *p)
{
	fclose(p->f);
	free(p);
}

static uint16_t ip_csum(const uint8_t *h, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i < n; i += 2)
		s += (uint32_t)(h[i] << 8 | h[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)(v >> 16)); put16(p + 2, (uint16_t)v); }

static uint16_t port_of(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
	if (ss->ss_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)ss)->sin_port);
	return 36412;
}

/* IP header for src -> dst; its length. v6 if either side is IPv6. */
static size_t ip_hdr(struct pcap_w *p, uint8_t *h, const struct sockaddr_storage *src,
		     const struct sockaddr_storage *dst, size_t payload)
{
	if (src->ss_family == AF_INET6 || dst->ss_family == AF_INET6) {
		memset(h, 0, 40);
		h[0] = 0x60;
		put16(h + 4, (uint16_t)payload);
		h[6] = IPPROTO_SCTP;
		h[7] = 64;
		if (src->ss_family == AF_INET6)
			memcpy(h + 8, &((const struct sockaddr_in6 *)src)->sin6_addr, 16);
		if (dst->ss_family == AF_INET6)
			memcpy(h + 24, &((const struct sockaddr_in6 *)dst)->sin6_addr, 16);
		return 40;
	}
	memset(h, 0, 20);
	h[0] = 0x45;
	put16(h + 2, (uint16_t)(20 + payload));
	put16(h + 4, p->ip_id++);
	h[8] = 64;
	h[9] = IPPROTO_SCTP;
	if (src->ss_family == AF_INET)
		memcpy(h + 12, &((const struct sockaddr_in *)src)->sin_addr, 4);
	if (dst->ss_family == AF_INET)
		memcpy(h + 16, &((const struct sockaddr_in *)dst)->sin_addr, 4);
	put16(h + 10, ip_csum(h, 20));
	return 20;
}

void s1_pcap_write(struct pcap_w *p, struct enb *e, bool sent, uint16_t stream,
		   const uint8_t *buf, size_t len)
{
	static uint8_t pkt[40 + 28 + 65536 + 4];
	const struct sockaddr_storage *src = sent ? &e->local : &e->peer;
	const struct sockaddr_storage *dst = sent ? &e->peer : &e->local;
	size_t pad = (4 - len % 4) % 4, sctp_len = 12 + 16 + len + pad, ih;
	struct timeval tv;
	uint8_t *s;

	if (len > 65536)
		return;
	ih = ip_hdr(p, pkt, src, dst, sctp_len);
	s = pkt + ih;
	put16(s, port_of(src));
	put16(s + 2, port_of(dst));
	put32(s + 4, 1);			/* verification tag */
	put32(s + 8, 0);
	s[12] = 0;				/* DATA */
	s[13] = 0x03;				/* B and E: unfragmented */
	put16(s + 14, (uint16_t)(16 + len));
	put32(s + 16, ++e->pcap_tsn[sent]);
	put16(s + 20, stream);
	put16(s + 22, 0);			/* stream sequence number */
	put32(s + 24, S1AP_PPID);
	memcpy(s + 28, buf, len);
	memset(s + 28 + len, 0, pad);
	{
		uint32_t crc = s1_crc32c(s, sctp_len);

		/* RFC 4960 B: the CRC goes in little-endian byte order */
		s[8] = (uint8_t)crc;
		s[9] = (uint8_t)(crc >> 8);
		s[10] = (uint8_t)(crc >> 16);
		s[11] = (uint8_t)(crc >> 24);
	}
	gettimeofday(&tv, NULL);
	put_hdr(p->f, (uint32_t)tv.tv_sec, (uint32_t)tv.tv_usec, (uint32_t)(ih + sctp_len),
		(uint32_t)(ih + sctp_len));
	fwrite(pkt, ih + sctp_len, 1, p->f);
	fflush(p->f);
}

int s1mme_pcap_open(struct s1mme *s1, const char *path, char *err, size_t size)
{
	s1->pcap = s1_pcap_new(path);
	if (!s1->pcap) {
		snprintf(err, size, "--pcap %s: cannot create", path);
		return -1;
	}
	return 0;
}
