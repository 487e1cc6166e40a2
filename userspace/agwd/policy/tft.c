// SPDX-License-Identifier: GPL-2.0
/*
 * The TFT text grammar of policy rules (policy.h) into packet filters of
 * TS 24.008 10.5.6.12: direction, remote address, protocol, remote and
 * local port (ranges).  Precedence follows the order of the filters.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/policy/policy.h"

#define MAX_WORDS 16

__attribute__((format(printf, 4, 5)))
static int bad(char *err, size_t size, unsigned int f, const char *fmt, ...)
{
	char m[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	snprintf(err, size, "tft filter %u: %s", f + 1, m);
	return -1;
}

static int proto_of(const char *w)
{
	char *end;
	long v;

	if (!strcmp(w, "ip"))
		return 256;		/* no protocol component */
	if (!strcmp(w, "udp"))
		return 17;
	if (!strcmp(w, "tcp"))
		return 6;
	if (!strcmp(w, "icmp"))
		return 1;
	v = strtol(w, &end, 10);
	return *w && !*end && v >= 0 && v <= 255 ? (int)v : -1;
}

static int ports(const char *w, uint16_t *lo, uint16_t *hi)
{
	unsigned int a, b;
	char tail;

	if (sscanf(w, "%u-%u%c", &a, &b, &tail) == 2 && a <= b && b <= 65535) {
		*lo = (uint16_t)a;
		*hi = (uint16_t)b;
		return 1;
	}
	if (sscanf(w, "%u%c", &a, &tail) == 1 && a <= 65535) {
		*lo = *hi = (uint16_t)a;
		return 1;
	}
	return 0;
}

static void mask4(uint8_t m[4], unsigned int len)
{
	for (unsigned int i = 0; i < 4; i++)
		m[i] = len >= 8 * (i + 1) ? 0xff : len > 8 * i ? (uint8_t)(0xff << (8 - len % 8)) : 0;
}

/* A remote address component (or none for "any"); 0, or -1 if unparsable. */
static int addr(const char *w, struct nas_tft_filter *f)
{
	char a[64], *slash;
	unsigned int len;
	struct nas_tft_comp *c = &f->c[f->n_comps];

	if (!strcmp(w, "any"))
		return 0;
	snprintf(a, sizeof(a), "%s", w);
	slash = strchr(a, '/');
	if (slash)
		*slash++ = 0;
	if (inet_pton(AF_INET, a, c->ipv4) == 1) {
		len = slash ? (unsigned int)atoi(slash) : 32;
		if (len > 32)
			return -1;
		c->type = NAS_TFT_IPV4_REMOTE;
		mask4(c->ipv4_mask, len);
	} else if (inet_pton(AF_INET6, a, c->ipv6) == 1) {
		len = slash ? (unsigned int)atoi(slash) : 128;
		if (len > 128)
			return -1;
		c->type = NAS_TFT_IPV6_REMOTE_PREFIX;
		c->prefix_len = (uint8_t)len;
	} else {
		return -1;
	}
	f->n_comps++;
	return 0;
}

static void port_comp(struct nas_tft_filter *f, bool remote, uint16_t lo, uint16_t hi)
{
	struct nas_tft_comp *c = &f->c[f->n_comps++];

	c->port = lo;
	c->port_hi = hi;
	if (lo == hi)
		c->type = remote ? NAS_TFT_REMOTE_PORT : NAS_TFT_LOCAL_PORT;
	else
		c->type = remote ? NAS_TFT_REMOTE_PORT_RANGE : NAS_TFT_LOCAL_PORT_RANGE;
}

/* One side: ADDR [PORTS]; *i advanced.  remote: which side is the network. */
static int side(char **w, int n, int *i, struct nas_tft_filter *f, bool remote, unsigned int k,
		char *err, size_t size)
{
	uint16_t lo, hi;

	if (*i >= n)
		return bad(err, size, k, "address missing");
	if (!remote && strcmp(w[*i], "any"))
		return bad(err, size, k, "the UE's side must be \"any\", not \"%s\"", w[*i]);
	if (remote && addr(w[*i], f))
		return bad(err, size, k, "\"%s\" is not any, an address or a prefix", w[*i]);
	(*i)++;
	if (*i < n && ports(w[*i], &lo, &hi)) {
		port_comp(f, remote, lo, hi);
		(*i)++;
	}
	return 0;
}

static int filter(char *text, struct nas_tft_filter *f, unsigned int k, char *err, size_t size)
{
	char *w[MAX_WORDS], *save = NULL;
	int n = 0, i = 0, proto;
	bool out;

	for (char *t = strtok_r(text, " \t", &save); t && n < MAX_WORDS;
	     t = strtok_r(NULL, " \t", &save))
		w[n++] = t;
	if (n < 6 || strcmp(w[0], "permit"))
		return bad(err, size, k, "expected \"permit DIR PROTO from ... to ...\"");
	if (!strcmp(w[1], "out") || !strcmp(w[1], "inout"))
		f->direction = w[1][0] == 'o' ? 2 : 3;
	else if (!strcmp(w[1], "in"))
		f->direction = 1;
	else
		return bad(err, size, k, "direction \"%s\" is not out, in or inout", w[1]);
	out = f->direction != 1;
	proto = proto_of(w[2]);
	if (proto < 0)
		return bad(err, size, k, "protocol \"%s\" is not ip, udp, tcp, icmp or 0..255", w[2]);
	if (proto < 256) {
		f->c[f->n_comps].type = NAS_TFT_PROTOCOL;
		f->c[f->n_comps++].protocol = (uint8_t)proto;
	}
	i = 3;
	if (strcmp(w[i++], "from"))
		return bad(err, size, k, "expected \"from\", got \"%s\"", w[i - 1]);
	if (side(w, n, &i, f, !out, k, err, size))
		return -1;
	if (i >= n || strcmp(w[i++], "to"))
		return bad(err, size, k, "expected \"to\"");
	if (side(w, n, &i, f, out, k, err, size))
		return -1;
	if (i != n)
		return bad(err, size, k, "unexpected \"%s\"", w[i]);
	return 0;
}

int tft_parse(const char *text, struct nas_tft *t, char *err, size_t size)
{
	char buf[POLICY_TFT_MAX + 1], *save = NULL;
	unsigned int k = 0;

	memset(t, 0, sizeof(*t));
	t->op = NAS_TFT_OP_CREATE;
	if (strlen(text) > POLICY_TFT_MAX) {
		snprintf(err, size, "tft: longer than %d characters", POLICY_TFT_MAX);
		return -1;
	}
	snprintf(buf, sizeof(buf), "%s", text);
	for (char *f = strtok_r(buf, ";", &save); f; f = strtok_r(NULL, ";", &save), k++) {
		char copy[POLICY_TFT_MAX + 1];

		if (k >= NAS_TFT_MAX_FILTERS) {
			snprintf(err, size, "tft: more than %d filters", NAS_TFT_MAX_FILTERS);
			return -1;
		}
		snprintf(copy, sizeof(copy), "%s", f);
		t->f[k].id = (uint8_t)k;
		t->f[k].precedence = (uint8_t)(k + 1);
		if (filter(copy, &t->f[k], k, err, size))
			return -1;
	}
	if (!k) {
		snprintf(err, size, "tft: no filter");
		return -1;
	}
	t->n_filters = (uint8_t)k;
	return 0;
}
