// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl_arg: the text form of a TFT, "FILTER[; FILTER...]", and back:
 *
 *   id N prec N dir dl|ul|both [proto udp|tcp|icmp|icmpv6|esp|ah|N]
 *   [remote ADDR[/LEN]] [lport N[-M]] [rport N[-M]] [tos V[/MASK]]
 *   [spi N] [flow N]
 *
 * Syntax and field widths only; the kernel judges the rest (ID 1..15,
 * distinct precedences, port ranges, ...) and its extack reaches the user.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "gtpnl/gtpnl_arg.h"

#define TFT_TEXT_MAX	2048

static const struct {
	const char *name;
	uint8_t proto;
} protos[] = {
	{ "icmp", 1 }, { "tcp", 6 }, { "udp", 17 }, { "esp", 50 }, { "ah", 51 },
	{ "icmpv6", 58 },
};

static const char *const dirs[] = {
	[GTPU_FILTER_DIR_DOWNLINK] = "dl",
	[GTPU_FILTER_DIR_UPLINK] = "ul",
	[GTPU_FILTER_DIR_BIDIRECTIONAL] = "both",
};

static int num(const char *v, uint64_t max, uint64_t *n)
{
	return v ? gtpnl_arg_num(v, max, n) : -EINVAL;
}

/* "N" or "N-M" */
static int range(const char *v, uint16_t *lo, uint16_t *hi)
{
	char buf[16];
	const char *dash;
	uint64_t a, b;

	if (!v || strlen(v) >= sizeof(buf))
		return -EINVAL;
	dash = strchr(v, '-');
	if (!dash) {
		if (gtpnl_arg_num(v, UINT16_MAX, &a))
			return -EINVAL;
		*lo = *hi = (uint16_t)a;
		return 0;
	}
	memcpy(buf, v, (size_t)(dash - v));
	buf[dash - v] = '\0';
	if (gtpnl_arg_num(buf, UINT16_MAX, &a) ||
	    gtpnl_arg_num(dash + 1, UINT16_MAX, &b))
		return -EINVAL;
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return 0;
}

/* "ADDR" or "ADDR/LEN" (IPv4 LEN 0..32 becomes a mask) */
static int remote(const char *v, struct gtpnl_filter *f)
{
	char buf[INET6_ADDRSTRLEN + 1];
	const char *slash = v ? strchr(v, '/') : NULL;
	size_t alen = slash ? (size_t)(slash - v) : (v ? strlen(v) : 0);
	uint64_t len = 128;

	if (!v || alen >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, v, alen);
	buf[alen] = '\0';
	if (gtpnl_arg_addr(buf, &f->remote_family, &f->remote))
		return -EINVAL;
	if (f->remote_family == AF_INET) {
		len = 32;
		if (slash && gtpnl_arg_num(slash + 1, 32, &len))
			return -EINVAL;
		f->remote_mask.s_addr = len ? htonl(~0u << (32 - len)) : 0;
	} else {
		if (slash && gtpnl_arg_num(slash + 1, 128, &len))
			return -EINVAL;
		f->remote_plen = (uint8_t)len;
	}
	f->have |= GTPNL_F_REMOTE;
	return 0;
}

static int proto(const char *v, struct gtpnl_filter *f)
{
	uint64_t n;

	for (size_t i = 0; v && i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (!strcmp(v, protos[i].name)) {
			f->proto = protos[i].proto;
			return 0;
		}
	}
	if (num(v, UINT8_MAX, &n))
		return -EINVAL;
	f->proto = (uint8_t)n;
	return 0;
}

static int tos(const char *v, struct gtpnl_filter *f)
{
	char buf[8];
	const char *slash = v ? strchr(v, '/') : NULL;
	uint64_t a, m = 0xff;

	if (!v || strlen(v) >= sizeof(buf) * 2)
		return -EINVAL;
	if (slash) {
		if ((size_t)(slash - v) >= sizeof(buf))
			return -EINVAL;
		memcpy(buf, v, (size_t)(slash - v));
		buf[slash - v] = '\0';
		if (gtpnl_arg_num(slash + 1, UINT8_MAX, &m))
			return -EINVAL;
		v = buf;
	}
	if (gtpnl_arg_num(v, UINT8_MAX, &a))
		return -EINVAL;
	f->tos = (uint8_t)a;
	f->tos_mask = (uint8_t)m;
	return 0;
}

/* One "KEY VALUE" of a filter; the message says what is wrong */
static const char *filter_kv(const char *k, const char *v, struct gtpnl_filter *f,
			     unsigned int *seen)
{
	uint64_t n;

	if (!v)
		return "filter keyword without a value";
	if (!strcmp(k, "id")) {
		if (num(v, UINT8_MAX, &n))
			return "id must be a number 1..15";
		f->id = (uint8_t)n;
		*seen |= 1;
	} else if (!strcmp(k, "prec")) {
		if (num(v, UINT8_MAX, &n))
			return "prec must be a number 0..255";
		f->prec = (uint8_t)n;
		*seen |= 2;
	} else if (!strcmp(k, "dir")) {
		for (f->dir = 1; f->dir <= 3 && strcmp(v, dirs[f->dir]); f->dir++)
			;
		if (f->dir > 3)
			return "dir must be dl, ul or both";
		*seen |= 4;
	} else if (!strcmp(k, "proto")) {
		if (proto(v, f))
			return "proto must be udp, tcp, icmp, icmpv6, esp, ah or a number";
		f->have |= GTPNL_F_PROTO;
	} else if (!strcmp(k, "remote")) {
		if (remote(v, f))
			return "remote must be ADDR or ADDR/LEN";
	} else if (!strcmp(k, "lport") || !strcmp(k, "rport")) {
		bool l = k[0] == 'l';

		if (range(v, l ? &f->lport_lo : &f->rport_lo,
			  l ? &f->lport_hi : &f->rport_hi))
			return "port must be N or N-M";
		f->have |= l ? GTPNL_F_LPORT : GTPNL_F_RPORT;
	} else if (!strcmp(k, "tos")) {
		if (tos(v, f))
			return "tos must be V or V/MASK (0..255)";
		f->have |= GTPNL_F_TOS;
	} else if (!strcmp(k, "spi")) {
		if (num(v, UINT32_MAX, &n))
			return "spi must be a 32-bit number";
		f->spi = (uint32_t)n;
		f->have |= GTPNL_F_SPI;
	} else if (!strcmp(k, "flow")) {
		if (num(v, 0xfffff, &n))
			return "flow must be a 20-bit number";
		f->flow = (uint32_t)n;
		f->have |= GTPNL_F_FLOW;
	} else {
		return "unknown filter keyword";
	}
	return NULL;
}

static const char *filter_text(char *s, struct gtpnl_filter *f)
{
	char *w[32];
	unsigned int seen = 0;
	const char *why;
	int n = gtpnl_arg_split(s, w, 32);

	memset(f, 0, sizeof(*f));
	if (n <= 0)
		return n ? "too many words in a filter" : "empty filter";
	for (int i = 0; i < n; i += 2) {
		why = filter_kv(w[i], i + 1 < n ? w[i + 1] : NULL, f, &seen);
		if (why)
			return why;
	}
	return seen == 7 ? NULL : "a filter needs id, prec and dir";
}

int gtpnl_arg_tft(const char *s, struct gtpnl_tft *t, struct gtpnl_arg_err *e)
{
	char buf[TFT_TEXT_MAX], *p, *semi;
	const char *why;

	memset(t, 0, sizeof(*t));
	e->arg = s;
	e->why = "TFT text too long";
	if (strlen(s) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, s);
	for (p = buf; p; p = semi) {
		semi = strchr(p, ';');
		if (semi)
			*semi++ = '\0';
		if (!semi && t->n && strspn(p, " \t") == strlen(p))
			break;		/* a trailing ';' */
		if (!strcmp(p, "none") && !t->n && !semi)
			return 0;	/* empty TFT: a default bearer */
		e->why = "more than 16 filters";
		if (t->n >= GTPU_TFT_FILTERS_MAX)
			return -EINVAL;
		why = filter_text(p, &t->f[t->n]);
		if (why) {
			e->why = why;
			return -EINVAL;
		}
		t->n++;
	}
	return 0;
}

static const char *proto_name(uint8_t p)
{
	for (size_t i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
		if (protos[i].proto == p)
			return protos[i].name;
	return NULL;
}

static int mask_len(struct in_addr m)
{
	uint32_t v = ntohl(m.s_addr);
	int n = 0;

	while (v & 0x80000000u) {
		v <<= 1;
		n++;
	}
	return v ? -1 : n;
}

#define ADD(...)							\
	do {								\
		int r_ = snprintf(buf + o, o < len ? len - o : 0, __VA_ARGS__); \
		o += r_ > 0 ? (size_t)r_ : 0;				\
	} while (0)

static size_t format_ports(char *buf, size_t len, size_t o, const char *k,
			   uint16_t lo, uint16_t hi)
{
	if (lo == hi)
		ADD(" %s %u", k, lo);
	else
		ADD(" %s %u-%u", k, lo, hi);
	return o;
}

int gtpnl_filter_format(const struct gtpnl_filter *f, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN];
	const char *pn;
	size_t o = 0;

	ADD("id %u prec %u dir %s", f->id, f->prec,
	    f->dir >= 1 && f->dir <= 3 ? dirs[f->dir] : "?");
	if (f->have & GTPNL_F_PROTO) {
		pn = proto_name(f->proto);
		if (pn)
			ADD(" proto %s", pn);
		else
			ADD(" proto %u", f->proto);
	}
	if ((f->have & GTPNL_F_REMOTE) &&
	    inet_ntop(f->remote_family, &f->remote, a, sizeof(a))) {
		int ml = mask_len(f->remote_mask);

		if (f->remote_family == AF_INET6)
			ADD(" remote %s/%u", a, f->remote_plen);
		else if (ml >= 0)
			ADD(" remote %s/%d", a, ml);
		else
			ADD(" remote %s/%s", a, inet_ntoa(f->remote_mask));
	}
	if (f->have & GTPNL_F_LPORT)
		o = format_ports(buf, len, o, "lport", f->lport_lo, f->lport_hi);
	if (f->have & GTPNL_F_RPORT)
		o = format_ports(buf, len, o, "rport", f->rport_lo, f->rport_hi);
	if (f->have & GTPNL_F_TOS)
		ADD(" tos 0x%02x/0x%02x", f->tos, f->tos_mask);
	if (f->have & GTPNL_F_SPI)
		ADD(" spi %u", f->spi);
	if (f->have & GTPNL_F_FLOW)
		ADD(" flow %u", f->flow);
	return o < len ? (int)o : -ENOSPC;
}
