// SPDX-License-Identifier: GPL-2.0
/*
 * bench_codecs: the input of the peer dissector.  A classic pcap file
 * (magic a1b2c3d4, version 2.4) with LINKTYPE_USER0 (147) frames, each one
 * message as is; tshark maps DLT 147 to a dissector with its user_dlts UAT
 * (tests/bench/run-codecs).  Frames are written in rounds: every message of
 * the set once per round, `copies` rounds, one microsecond apart.
 */
#include <errno.h>
#include <string.h>

#include "codecs.h"

#define LINKTYPE_USER0	147

static void le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static int put_header(FILE *f)
{
	uint8_t h[24] = { 0 };

	le32(h, 0xa1b2c3d4);
	h[4] = 2;			/* version 2.4 */
	h[6] = 4;
	le32(h + 16, 65535);		/* snaplen */
	le32(h + 20, LINKTYPE_USER0);
	return fwrite(h, 1, sizeof(h), f) == sizeof(h) ? 0 : -1;
}

static int put_frame(FILE *f, uint64_t n, const uint8_t *p, size_t len)
{
	uint8_t h[16];

	le32(h, (uint32_t)(n / 1000000));
	le32(h + 4, (uint32_t)(n % 1000000));
	le32(h + 8, (uint32_t)len);
	le32(h + 12, (uint32_t)len);
	if (fwrite(h, 1, sizeof(h), f) != sizeof(h) || fwrite(p, 1, len, f) != len)
		return -1;
	return 0;
}

static int selected(const struct bench_case *bc, const char *codec, const char *op)
{
	return bc->wire && !strcmp(bc->codec, codec) && !strcmp(bc->op, op);
}

long codecs_pcap_write(const struct bench_cases *c, const char *codec, const char *op,
		       unsigned long copies, const char *path, char *err, size_t len)
{
	unsigned long r;
	uint64_t n = 0;
	size_t i;
	FILE *f = fopen(path, "wb");

	if (!f) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (put_header(f))
		goto fail;
	for (r = 0; r < copies; r++)
		for (i = 0; i < c->n; i++)
			if (selected(&c->v[i], codec, op) &&
			    put_frame(f, n++, c->v[i].wire, c->v[i].wire_len))
				goto fail;
	if (fclose(f)) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	return (long)n;
fail:
	snprintf(err, len, "%s: write failed: %s", path, strerror(errno));
	fclose(f);
	return -1;
}
