// SPDX-License-Identifier: GPL-2.0
/*
 * Fast path of gtpuctl -batch (gtpnl_arg_bearer_add_fast) for the common line
 *
 *   bearer add dev D teid-in N teid-out N peer A ue A [ebi N] [cookie N]
 *
 * (keywords in any order, decimal numbers, IPv4 addresses).  The line is
 * parsed in place, without splitting it into words, without strtoull()
 * and inet_pton().  It accepts only a subset of what the general parser
 * (gtpnl_arg_bearer) accepts and fills the bearer exactly as it would:
 * anything else (hex numbers, IPv6, other keywords, comments, errors)
 * returns false and the line takes the general path, which also writes
 * the error messages.  Unlike the general parser it leaves b->tft as it
 * was (GTPNL_B_TFT is never set here).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "gtpnl/gtpnl_arg.h"

enum { F_DEV, F_TEID_IN, F_TEID_OUT, F_PEER, F_UE, F_EBI, F_COOKIE };

#define F_REQUIRED	((1u << F_DEV) | (1u << F_TEID_IN) | \
			 (1u << F_TEID_OUT) | (1u << F_PEER) | (1u << F_UE))

static bool sp(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* A value ends at a blank or the end of the line */
static bool end(char c)
{
	return !c || sp(c);
}

static const char *skip(const char *p)
{
	while (sp(*p))
		p++;
	return p;
}

/* Decimal digits (leading zeros are fine); NULL: not a number <= max */
static const char *dec(const char *p, uint64_t max, uint64_t *out)
{
	const char *s = p;
	uint64_t v = 0;
	unsigned int d;

	while ((d = (unsigned char)*p - '0') <= 9) {
		/* no division per digit: it is a slow helper call under
		 * emulation, and this runs for every number of every line */
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, d, &v) || v > max)
			return NULL;
		p++;
	}
	if (p == s || !end(*p))
		return NULL;
	*out = v;
	return p;
}

/* Dotted quad as inet_pton(AF_INET) takes it: no leading zeros */
static const char *ip4(const char *p, struct in_addr *a)
{
	unsigned char o[4];

	for (int i = 0; i < 4; i++) {
		unsigned int v = 0, d;
		const char *s = p;

		while ((d = (unsigned char)*p - '0') <= 9) {
			v = v * 10 + d;
			if (v > 255 || (p > s && *s == '0'))
				return NULL;
			p++;
		}
		if (p == s || (i < 3 && *p++ != '.'))
			return NULL;
		o[i] = (unsigned char)v;
	}
	if (!end(*p))
		return NULL;
	memcpy(&a->s_addr, o, 4);
	return p;
}

/* The keyword at p (its length n), or -1 */
static int keyword(const char *p, size_t n)
{
	switch (n) {
	case 2:
		return p[0] == 'u' && p[1] == 'e' ? F_UE : -1;
	case 3:
		if (!memcmp(p, "dev", 3))
			return F_DEV;
		return !memcmp(p, "ebi", 3) ? F_EBI : -1;
	case 4:
		return !memcmp(p, "peer", 4) ? F_PEER : -1;
	case 6:
		return !memcmp(p, "cookie", 6) ? F_COOKIE : -1;
	case 7:
		return !memcmp(p, "teid-in", 7) ? F_TEID_IN : -1;
	case 8:
		return !memcmp(p, "teid-out", 8) ? F_TEID_OUT : -1;
	default:
		return -1;
	}
}

/* Parse the value of keyword k at v; returns its end or NULL */
static const char *value(struct gtpnl_bearer *b, int k, char *v, char **dev)
{
	const char *p;
	uint64_t x;

	switch (k) {
	case F_DEV:
		/* a word starting with # or " means something else to
		 * gtpnl_arg_split() (comment, quoted word) */
		if (end(*v) || *v == '#' || *v == '"')
			return NULL;
		for (p = v; !end(*p); p++)
			if (p - v >= IF_NAMESIZE - 1)
				return NULL;
		*dev = v;
		return p;
	case F_TEID_IN:
		p = dec(v, UINT32_MAX, &x);
		b->teid_in = (uint32_t)x;
		return p;
	case F_TEID_OUT:
		p = dec(v, UINT32_MAX, &x);
		b->teid_out = (uint32_t)x;
		b->have |= GTPNL_B_TEID_OUT;
		return p;
	case F_PEER:
		b->peer_family = AF_INET;
		b->have |= GTPNL_B_PEER;
		return ip4(v, &b->peer.v4);
	case F_UE:
		b->have |= GTPNL_B_UE4;
		return ip4(v, &b->ue4);
	case F_EBI:
		p = dec(v, UINT8_MAX, &x);
		b->ebi = (uint8_t)x;
		b->have |= GTPNL_B_EBI;
		return p;
	default:
		b->have |= GTPNL_B_COOKIE;
		return dec(v, UINT64_MAX, &b->cookie);
	}
}

/* p starts with word w and a blank (stops at the first difference, so
 * never reads past a shorter string's NUL) */
static bool word(const char *p, const char *w)
{
	while (*w && *p == *w) {
		p++;
		w++;
	}
	return !*w && sp(*p);
}

bool gtpnl_arg_bearer_add_fast(char *text, struct gtpnl_bearer *b, char **dev)
{
	char *p = (char *)skip(text), *name = NULL, *name_end = NULL;
	unsigned int seen = 0;

	if (!word(p, "bearer"))
		return false;
	p = (char *)skip(p + 7);
	if (!word(p, "add"))
		return false;
	p = (char *)skip(p + 4);
	/* not the TFT at the end: 836 bytes a line that no one reads */
	memset(b, 0, offsetof(struct gtpnl_bearer, tft));
	while (*p) {
		char *kw = p;
		const char *e;
		int k;

		while (!end(*p))
			p++;
		k = keyword(kw, (size_t)(p - kw));
		if (k < 0 || (seen & (1u << k)))
			return false;
		p = (char *)skip(p);
		e = value(b, k, p, &name);
		if (!e)
			return false;
		if (k == F_DEV)
			name_end = (char *)e;
		seen |= 1u << k;
		p = (char *)skip(e);
	}
	if ((seen & F_REQUIRED) != F_REQUIRED)
		return false;
	*name_end = '\0';
	*dev = name;
	return true;
}
