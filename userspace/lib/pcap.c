// SPDX-License-Identifier: GPL-2.0
/*
 * pcap writer: SCTP DATA chunks in IPv4/IPv6 frames, LINKTYPE_RAW.  See
 * pcap.h.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "lib/pcap.h"

#define LINKTYPE_RAW	101
#define SNAPLEN		262144		/* above any frame written */
#define FRAG_MAX	65472		/* payload of one chunk: fits IPv4's 16-bit length */
#define MSG_MAX		(16u << 20)

struct pcap_w {
	FILE *f;
	uint16_t ip_id;
	uint8_t frame[40 + 12 + 16 + FRAG_MAX];
};

static void le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void be32(uint8_t *p, uint32_t v)
{
	be16(p, (uint16_t)(v >> 16));
	be16(p + 2, (uint16_t)v);
}

struct pcap_w *pcap_w_open(const char *path)
{
	struct pcap_w *p = calloc(1, sizeof(*p));
	uint8_t h[24] = { 0 };

	if (!p)
		return NULL;
	p->f = fopen(path, "wb");
	if (!p->f) {
		free(p);
		return NULL;
	}
	/* magic (microseconds), version 2.4, thiszone, sigfigs, snaplen, linktype:
	 * little-endian, as readers take the byte order from the magic */
	le32(h, 0xa1b2c3d4);
	h[4] = 2;
	h[6] = 4;
	le32(h + 16, SNAPLEN);
	le32(h + 20, LINKTYPE_RAW);
	if (fwrite(h, sizeof(h), 1, p->f) != 1 || fflush(p->f)) {
		fclose(p->f);
		free(p);
		return NULL;
	}
	return p;
}

void pcap_w_close(struct pcap_w *p)
{
	if (!p)
		return;
	fclose(p->f);
	free(p);
}

uint32_t pcap_crc32c(const uint8_t *p, size_t n)
{
	uint32_t crc = 0xffffffff;

	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = crc >> 1 ^ (0x82f63b78 & (0u - (crc & 1)));
	}
	return ~crc;
}

static uint16_t ip_csum(const uint8_t *h, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(h[i] << 8 | h[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static uint16_t port_of(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	if (sa->sa_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)sa)->sin_port);
	return 0;
}

/* IP header for src -> dst carrying payload octets; returns its length */
static size_t ip_hdr(struct pcap_w *p, uint8_t *h, const struct sockaddr *src,
		     const struct sockaddr *dst, size_t payload)
{
	if (src->sa_family == AF_INET6 || dst->sa_family == AF_INET6) {
		memset(h, 0, 40);
		h[0] = 0x60;
		be16(h + 4, (uint16_t)payload);
		h[6] = IPPROTO_SCTP;
		h[7] = 64;
		if (src->sa_family == AF_INET6)
			memcpy(h + 8, &((const struct sockaddr_in6 *)src)->sin6_addr, 16);
		if (dst->sa_family == AF_INET6)
			memcpy(h + 24, &((const struct sockaddr_in6 *)dst)->sin6_addr, 16);
		return 40;
	}
	memset(h, 0, 20);
	h[0] = 0x45;
	be16(h + 2, (uint16_t)(20 + payload));
	be16(h + 4, p->ip_id++);
	h[6] = 0x40;			/* DF */
	h[8] = 64;
	h[9] = IPPROTO_SCTP;
	if (src->sa_family == AF_INET)
		memcpy(h + 12, &((const struct sockaddr_in *)src)->sin_addr, 4);
	if (dst->sa_family == AF_INET)
		memcpy(h + 16, &((const struct sockaddr_in *)dst)->sin_addr, 4);
	be16(h + 10, ip_csum(h, 20));
	return 20;
}

/* One frame: one DATA chunk of n octets, flags B/E as given */
static int frame(struct pcap_w *p, const struct sockaddr *src, const struct sockaddr *dst,
		 uint16_t stream, uint32_t ppid, uint32_t tsn, const uint8_t *b, size_t n,
		 uint8_t flags)
{
	size_t pad = (4 - n % 4) % 4, sctp_len = 12 + 16 + n + pad, ih, total;
	struct timeval tv;
	uint8_t rec[16], *s;

	ih = ip_hdr(p, p->frame, src, dst, sctp_len);
	s = p->frame + ih;
	be16(s, port_of(src));
	be16(s + 2, port_of(dst));
	be32(s + 4, 1);				/* verification tag */
	be32(s + 8, 0);
	s[12] = 0;				/* DATA */
	s[13] = flags;				/* 0x02 B(eginning), 0x01 E(nd) */
	be16(s + 14, (uint16_t)(16 + n));
	be32(s + 16, tsn);
	be16(s + 20, stream);
	be16(s + 22, 0);			/* stream sequence number */
	be32(s + 24, ppid);
	memcpy(s + 28, b, n);
	memset(s + 28 + n, 0, pad);
	le32(s + 8, pcap_crc32c(s, sctp_len));	/* RFC 9260 A: least significant octet first */
	total = ih + sctp_len;
	gettimeofday(&tv, NULL);
	le32(rec, (uint32_t)tv.tv_sec);
	le32(rec + 4, (uint32_t)tv.tv_usec);
	le32(rec + 8, (uint32_t)total);
	le32(rec + 12, (uint32_t)total);
	if (fwrite(rec, sizeof(rec), 1, p->f) != 1 || fwrite(p->frame, total, 1, p->f) != 1)
		return -1;
	return 0;
}

int pcap_w_sctp(struct pcap_w *p, const struct sockaddr *src, const struct sockaddr *dst,
		uint16_t stream, uint32_t ppid, uint32_t *tsn, const uint8_t *buf, size_t len)
{
	size_t off = 0;

	if (len > MSG_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	do {
		size_t n = len - off > FRAG_MAX ? FRAG_MAX : len - off;
		uint8_t flags = (uint8_t)((off ? 0 : 2) | (off + n == len ? 1 : 0));

		if (frame(p, src, dst, stream, ppid, ++*tsn, buf + off, n, flags))
			return -1;
		off += n;
	} while (off < len);
	return fflush(p->f) ? -1 : 0;
}
