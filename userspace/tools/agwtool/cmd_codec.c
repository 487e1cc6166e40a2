// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool decode / encode: dispatch to the codecs registered with
 * AGWTOOL_CODEC() (codec.h), and walk pcap files (--pcap) handing each
 * GTP-U, Diameter and S1AP payload to the codec of that name.
 *
 *   agwtool decode CODEC HEX       one message, pretty JSON
 *   agwtool decode CODEC -         hex read from stdin
 *   agwtool decode --pcap FILE [CODEC...]
 *                                  one JSON object per message per line
 *   agwtool encode CODEC           JSON on stdin -> hex on stdout
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"

static struct agwtool_codec *codecs;

/* --pcap mode: set while a frame is being handed to a codec */
static struct {
	int active;
	unsigned long frame;
	const char *codec;
} pcap_ctx;

void agwtool_codec_register(struct agwtool_codec *c)
{
	struct agwtool_codec **p = &codecs;

	while (*p && strcmp((*p)->name, c->name) < 0)
		p = &(*p)->next;
	c->next = *p;
	*p = c;
}

const struct agwtool_codec *agwtool_codec_find(const char *name)
{
	for (struct agwtool_codec *c = codecs; c; c = c->next)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

void agwtool_codec_emit(struct json_object *obj)
{
	int flags = JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED;

	if (pcap_ctx.active) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "frame", json_object_new_uint64(pcap_ctx.frame));
		json_object_object_add(o, "codec", json_object_new_string(pcap_ctx.codec));
		json_object_object_add(o, "message", obj);
		obj = o;
		flags = JSON_C_TO_STRING_PLAIN;
	}
	printf("%s\n", json_object_to_json_string_ext(obj, flags | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(obj);
}

static char *read_stdin(size_t *lenp)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);

	while (buf) {
		size_t n = fread(buf + len, 1, cap - len - 1, stdin);

		len += n;
		if (n == 0)
			break;
		if (cap - len < 2) {
			char *nb = cap > (64u << 20) ? NULL : realloc(buf, cap * 2);

			if (!nb) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (buf) {
		buf[len] = '\0';
		*lenp = len;
	}
	return buf;
}

struct json_object *agwtool_codec_read_json(void)
{
	struct json_tokener *tok;
	struct json_object *o;
	size_t len;
	char *text = read_stdin(&len);

	if (!text) {
		agwtool_err("stdin: cannot read (out of memory or larger than 64 MiB)");
		return NULL;
	}
	tok = json_tokener_new();
	o = tok ? json_tokener_parse_ex(tok, text, (int)len) : NULL;
	if (!o) {
		agwtool_err("stdin: JSON parse error at offset %zu: %s",
			    tok ? json_tokener_get_parse_end(tok) : 0,
			    tok ? json_tokener_error_desc(json_tokener_get_error(tok)) :
			    "out of memory");
	} else if (json_tokener_get_parse_end(tok) < len &&
		   strspn(text + json_tokener_get_parse_end(tok), " \t\r\n") !=
		   len - json_tokener_get_parse_end(tok)) {
		agwtool_err("stdin: trailing text after the JSON value at offset %zu",
			    json_tokener_get_parse_end(tok));
		json_object_put(o);
		o = NULL;
	}
	if (tok)
		json_tokener_free(tok);
	free(text);
	return o;
}

static void list_codecs(FILE *f)
{
	fputs("codecs:", f);
	for (struct agwtool_codec *c = codecs; c; c = c->next)
		fprintf(f, " %s", c->name);
	fputc('\n', f);
}

static const struct agwtool_codec *codec_arg(const char *name, int need_decode)
{
	const struct agwtool_codec *c = agwtool_codec_find(name);

	if (!c || (need_decode ? !c->decode : !c->encode)) {
		agwtool_err("codec \"%s\" is unknown or cannot %s", name,
			    need_decode ? "decode" : "encode");
		list_codecs(stderr);
		return NULL;
	}
	return c;
}

/* ------------------------------------------------------------- pcap --- */

#define LINKTYPE_EN10MB		1
#define LINKTYPE_RAW		101
#define LINKTYPE_RAW_OLD	12	/* DLT_RAW on OpenBSD-derived systems */
#define LINKTYPE_RAW_ALT	14
#define LINKTYPE_LINUX_SLL	113
#define LINKTYPE_LINUX_SLL2	276

#define PORT_GTPU		2152
#define PORT_DIAMETER		3868
#define PORT_S1AP		36412
#define PPID_S1AP		18
#define PPID_DIAMETER		46
#define PPID_DIAMETER_DTLS	47

struct pcap_walk {
	unsigned long frame;
	const char *const *only;	/* codec names wanted, NULL = all */
	int n_only;
	unsigned long messages, errors;
};

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void dispatch(struct pcap_walk *w, const char *name, const uint8_t *p, size_t len)
{
	const struct agwtool_codec *c = agwtool_codec_find(name);
	int wanted = !w->only;

	for (int i = 0; i < w->n_only && !wanted; i++)
		wanted = !strcmp(w->only[i], name);
	if (!wanted || !c || !c->decode)
		return;
	pcap_ctx.active = 1;
	pcap_ctx.frame = w->frame;
	pcap_ctx.codec = name;
	w->messages++;
	if (c->decode(p, len)) {
		fprintf(stderr, "agwtool: (frame %lu, codec %s)\n", w->frame, name);
		w->errors++;
	}
	pcap_ctx.active = 0;
}

/* Diameter over TCP: every whole message in the segment (no reassembly). */
static void tcp_diameter(struct pcap_walk *w, const uint8_t *p, size_t len)
{
	while (len >= 20 && p[0] == 1) {
		uint32_t mlen = be32(p) & 0xffffff;

		if (mlen < 20 || mlen > len)
			break;
		dispatch(w, "diameter", p, mlen);
		p += mlen;
		len -= mlen;
	}
}

static void sctp(struct pcap_walk *w, const uint8_t *p, size_t len)
{
	uint16_t sport, dport;

	if (len < 12)
		return;
	sport = be16(p);
	dport = be16(p + 2);
	p += 12;
	len -= 12;
	while (len >= 4) {
		uint16_t clen = be16(p + 2);
		size_t padded = ((size_t)clen + 3) & ~(size_t)3;

		if (clen < 4 || clen > len)
			return;
		/* DATA chunk (RFC 9260 3.3.1), unfragmented only (B and E set) */
		if (p[0] == 0 && clen > 16 && (p[1] & 3) == 3) {
			uint32_t ppid = be32(p + 12);
			const uint8_t *d = p + 16;
			size_t dl = clen - 16;

			if (ppid == PPID_DIAMETER || ppid == PPID_DIAMETER_DTLS ||
			    (ppid == 0 && (sport == PORT_DIAMETER || dport == PORT_DIAMETER)))
				dispatch(w, "diameter", d, dl);
			else if (ppid == PPID_S1AP ||
				 (ppid == 0 && (sport == PORT_S1AP || dport == PORT_S1AP)))
				dispatch(w, "s1ap", d, dl);
		}
		if (padded >= len)
			return;
		p += padded;
		len -= padded;
	}
}

static void transport(struct pcap_walk *w, uint8_t proto, const uint8_t *p, size_t len)
{
	if (proto == 17 && len >= 8) {			/* UDP */
		uint16_t ulen = be16(p + 4);

		if (ulen >= 8 && ulen <= len)
			len = ulen;
		if (be16(p) == PORT_GTPU || be16(p + 2) == PORT_GTPU)
			dispatch(w, "gtpu", p + 8, len - 8);
	} else if (proto == 6 && len >= 20) {		/* TCP */
		size_t off = (size_t)(p[12] >> 4) * 4;

		if (off < 20 || off > len)
			return;
		if (be16(p) == PORT_DIAMETER || be16(p + 2) == PORT_DIAMETER)
			tcp_diameter(w, p + off, len - off);
	} else if (proto == 132) {			/* SCTP */
		sctp(w, p, len);
	}
}

static void ipv6(struct pcap_walk *w, const uint8_t *p, size_t len)
{
	uint8_t nh;
	size_t plen;

	if (len < 40)
		return;
	plen = be16(p + 4);
	nh = p[6];
	if (plen + 40 < len)
		len = plen + 40;
	p += 40;
	len -= 40;
	/* skip hop-by-hop, routing and destination options headers */
	while ((nh == 0 || nh == 43 || nh == 60) && len >= 8) {
		size_t hl = ((size_t)p[1] + 1) * 8;

		if (hl > len)
			return;
		nh = p[0];
		p += hl;
		len -= hl;
	}
	transport(w, nh, p, len);
}

static void ip(struct pcap_walk *w, const uint8_t *p, size_t len)
{
	size_t ihl, tot;

	if (len < 1)
		return;
	if ((p[0] >> 4) == 6) {
		ipv6(w, p, len);
		return;
	}
	if ((p[0] >> 4) != 4 || len < 20)
		return;
	ihl = (size_t)(p[0] & 15) * 4;
	tot = be16(p + 2);
	if (ihl < 20 || ihl > len || tot < ihl)
		return;
	if (tot < len)
		len = tot;
	if (be16(p + 6) & 0x3fff)	/* a fragment: not reassembled */
		return;
	transport(w, p[9], p + ihl, len - ihl);
}

/* Strip the link header; dispatch the IP packet inside. */
static void link_frame(struct pcap_walk *w, uint32_t linktype, const uint8_t *p, size_t len)
{
	size_t off;
	uint16_t etype;

	switch (linktype) {
	case LINKTYPE_RAW:
	case LINKTYPE_RAW_OLD:
	case LINKTYPE_RAW_ALT:
		ip(w, p, len);
		return;
	case LINKTYPE_EN10MB:
		if (len < 14)
			return;
		etype = be16(p + 12);
		off = 14;
		while ((etype == 0x8100 || etype == 0x88a8) && len >= off + 4) {
			etype = be16(p + off + 2);
			off += 4;
		}
		break;
	case LINKTYPE_LINUX_SLL:
		if (len < 16)
			return;
		etype = be16(p + 14);
		off = 16;
		break;
	case LINKTYPE_LINUX_SLL2:
		if (len < 20)
			return;
		etype = be16(p);
		off = 20;
		break;
	default:
		return;
	}
	if (etype == 0x0800 || etype == 0x86dd)
		ip(w, p + off, len - off);
}

static uint32_t rd32(const uint8_t *p, int swap)
{
	uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		     (uint32_t)p[3] << 24;

	return swap ? __builtin_bswap32(v) : v;
}

static int pcap_walk_file(struct pcap_walk *w, const char *path)
{
	uint8_t gh[24], rh[16], *frame = NULL;
	uint32_t magic, linktype, snaplen;
	int swap, rc = 0;
	FILE *f = fopen(path, "rb");

	if (!f)
		return agwtool_err("%s: cannot open: %m", path);
	if (fread(gh, 1, sizeof(gh), f) != sizeof(gh)) {
		fclose(f);
		return agwtool_err("%s: shorter than a pcap file header (24 bytes)", path);
	}
	magic = rd32(gh, 0);
	swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	if (!swap && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
		fclose(f);
		return agwtool_err("%s: not a classic pcap file (magic %08x; pcapng is not read)",
				   path, magic);
	}
	snaplen = rd32(gh + 16, swap);
	linktype = rd32(gh + 20, swap) & 0xffff;
	if (snaplen == 0 || snaplen > (1u << 20))
		snaplen = 1u << 20;
	frame = malloc(snaplen);
	while (frame && fread(rh, 1, sizeof(rh), f) == sizeof(rh)) {
		uint32_t incl = rd32(rh + 8, swap);

		w->frame++;
		if (incl > snaplen) {
			rc = agwtool_err("%s: frame %lu: captured length %u exceeds snaplen %u",
					 path, w->frame, incl, snaplen);
			break;
		}
		if (fread(frame, 1, incl, f) != incl) {
			rc = agwtool_err("%s: frame %lu: truncated (file ends inside the frame)",
					 path, w->frame);
			break;
		}
		link_frame(w, linktype, frame, incl);
	}
	if (!frame)
		rc = agwtool_err("%s: out of memory", path);
	free(frame);
	fclose(f);
	return rc;
}

static int decode_pcap(int argc, char **argv)
{
	struct pcap_walk w = { 0 };
	const char *path = NULL;
	const char *only[8];
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pcap") && i + 1 < argc) {
			path = argv[++i];
		} else if (w.n_only < 8 && codec_arg(argv[i], 1)) {
			only[w.n_only++] = argv[i];
		} else {
			return agwtool_err("decode --pcap: argument \"%s\" is wrong", argv[i]);
		}
	}
	if (!path)
		return agwtool_err("decode --pcap: FILE is missing");
	if (w.n_only)
		w.only = only;
	rc = pcap_walk_file(&w, path);
	fflush(stdout);
	if (!rc && w.errors)
		rc = agwtool_err("%s: %lu of %lu messages did not decode", path, w.errors,
				 w.messages);
	return rc;
}

/* ------------------------------------------------------- commands --- */

static int hex_arg(const char *arg, uint8_t **bufp, size_t *lenp)
{
	char *text = NULL;
	size_t tlen, max;
	int n;

	if (!strcmp(arg, "-")) {
		text = read_stdin(&tlen);
		if (!text)
			return agwtool_err("stdin: cannot read");
		arg = text;
	}
	max = strlen(arg) / 2 + 1;
	*bufp = malloc(max);
	n = *bufp ? agwtool_hex(arg, *bufp, max) : -1;
	free(text);
	if (n < 0) {
		free(*bufp);
		*bufp = NULL;
		return agwtool_err("HEX: not an even number of hex digits");
	}
	*lenp = (size_t)n;
	return 0;
}

static int cmd_decode(int argc, char **argv)
{
	const struct agwtool_codec *c;
	uint8_t *buf = NULL;
	size_t len = 0;
	int rc;

	if (agwtool_opt(argc, argv, "--pcap"))
		return decode_pcap(argc, argv);
	if (argc != 3) {
		fputs("Usage: agwtool decode CODEC (HEX | -)\n"
		      "       agwtool decode --pcap FILE [CODEC...]\n", stderr);
		list_codecs(stderr);
		return 2;
	}
	c = codec_arg(argv[1], 1);
	if (!c)
		return 1;
	if (hex_arg(argv[2], &buf, &len))
		return 1;
	rc = c->decode(buf, len);
	free(buf);
	return rc;
}

static int cmd_encode(int argc, char **argv)
{
	const struct agwtool_codec *c;

	if (argc != 2) {
		fputs("Usage: agwtool encode CODEC < JSON\n", stderr);
		list_codecs(stderr);
		return 2;
	}
	c = codec_arg(argv[1], 0);
	return c ? c->encode() : 1;
}

AGWTOOL_COMMAND(decode, cmd_decode,
		"decode CODEC (HEX | -) | decode --pcap FILE [CODEC...]")
AGWTOOL_COMMAND(encode, cmd_encode, "encode CODEC < JSON")
