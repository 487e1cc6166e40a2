// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl_arg: parsing of numbers, addresses and "bearer ..." argument lists.
 * Only syntax and field widths are checked here; value ranges (TEID 0,
 * EBI 5..15, prefix length 64) are the kernel's to judge, so that its
 * extack text reaches the user unchanged.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>

#include "gtpnl/gtpnl_arg.h"

int gtpnl_arg_num(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	int base = 10;
	char *end;

	if (!s)
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!isxdigit((unsigned char)*s))
			return -EINVAL;
	} else if (!isdigit((unsigned char)*s)) {
		return -EINVAL;	/* also rejects signs and blanks */
	}
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || *end || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

int gtpnl_arg_addr4(const char *s, struct in_addr *a)
{
	return inet_pton(AF_INET, s, a) == 1 ? 0 : -EINVAL;
}

int gtpnl_arg_addr(const char *s, int *family, union gtpnl_addr *a)
{
	if (inet_pton(AF_INET, s, &a->v4) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, &a->v6) == 1) {
		*family = AF_INET6;
		return 0;
	}
	return -EINVAL;
}

int gtpnl_arg_prefix6(const char *s, struct in6_addr *a, uint8_t *plen)
{
	char buf[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(s, '/');
	uint64_t len;

	if (!slash || (size_t)(slash - s) >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, (size_t)(slash - s));
	buf[slash - s] = '\0';
	if (inet_pton(AF_INET6, buf, a) != 1 ||
	    strspn(slash + 1, "0123456789") != strlen(slash + 1) ||
	    gtpnl_arg_num(slash + 1, 128, &len))
		return -EINVAL;
	*plen = (uint8_t)len;
	return 0;
}

enum kw {
	KW_DEV, KW_TEID_IN, KW_TEID_OUT, KW_PEER, KW_UE, KW_UE6, KW_EBI,
	KW_COOKIE, KW_THR, KW_THR_UL, KW_THR_DL, KW_MBR_UL, KW_MBR_DL,
	KW_AMBR_GROUP, KW_QFI, KW_TFT, KW__N
};

#define M_ADD	(1u << GTPNL_ARG_ADD)
#define M_MOD	(1u << GTPNL_ARG_MOD)
#define M_DEL	(1u << GTPNL_ARG_DEL)
#define M_IDLE	(1u << GTPNL_ARG_IDLE)
#define M_ACT	(1u << GTPNL_ARG_ACTIVE)
#define M_EM	(1u << GTPNL_ARG_END_MARKER)
#define M_ALL	(M_ADD | M_MOD | M_DEL | M_IDLE | M_ACT | M_EM)

/* A keyword: its name and length, where it may and must appear */
#define KW(name, modes, required) { name, sizeof(name) - 1, modes, required }

static const struct {
	const char *name;
	size_t len;		/* strlen(name) */
	unsigned int modes;	/* where the keyword may appear */
	unsigned int required;	/* where it must appear */
} keywords[KW__N] = {
	[KW_DEV]	= KW("dev",	M_ALL, M_ALL),
	[KW_TEID_IN]	= KW("teid-in",	M_ALL, M_ALL),
	[KW_TEID_OUT]	= KW("teid-out",	M_ADD | M_MOD | M_ACT, M_ADD),
	[KW_PEER]	= KW("peer",	M_ADD | M_MOD | M_ACT, M_ADD),
	[KW_UE]		= KW("ue",	M_ADD, 0),
	[KW_UE6]	= KW("ue6",	M_ADD, 0),
	[KW_EBI]	= KW("ebi",	M_ADD | M_MOD, 0),
	[KW_COOKIE]	= KW("cookie",	M_ADD | M_MOD, 0),
	[KW_THR]	= KW("threshold",	M_ADD | M_MOD, 0),
	[KW_THR_UL]	= KW("threshold-ul",	M_ADD | M_MOD, 0),
	[KW_THR_DL]	= KW("threshold-dl",	M_ADD | M_MOD, 0),
	[KW_MBR_UL]	= KW("mbr-ul",	M_ADD | M_MOD, 0),
	[KW_MBR_DL]	= KW("mbr-dl",	M_ADD | M_MOD, 0),
	[KW_AMBR_GROUP]	= KW("ambr-group",	M_ADD | M_MOD, 0),
	[KW_QFI]	= KW("qfi",	M_ADD | M_MOD, 0),
	[KW_TFT]	= KW("tft",	M_ADD | M_MOD, 0),
};

static int bad(struct gtpnl_arg_err *e, const char *arg, const char *why)
{
	e->arg = arg;
	e->why = why;
	return -EINVAL;
}

static const struct {
	const char *unit;
	uint64_t scale;		/* bit/s per unit */
} rate_units[] = {
	{ "bit", 1 }, { "kbit", 1000 }, { "mbit", 1000000 },
	{ "gbit", 1000000000 }, { "tbit", 1000000000000 },
	{ "bps", 8 }, { "kbps", 8000 }, { "mbps", 8000000 },
	{ "gbps", 8000000000 }, { "tbps", 8000000000000 },
};

int gtpnl_arg_rate(const char *s, uint64_t *bits, const char **why)
{
	long double v;
	char *end;

	*why = "rate must be a number and a unit: bit, kbit, mbit, gbit, tbit, "
	       "or bps, kbps, mbps, gbps, tbps for bytes per second";
	if (!s || !isdigit((unsigned char)*s))
		return -EINVAL;
	if (!strcmp(s, "0")) {
		*bits = 0;
		return 0;
	}
	errno = 0;
	v = strtold(s, &end);
	/* digits and one point only: no exponent, no hex, no sign */
	if (errno || end != s + strspn(s, "0123456789."))
		return -EINVAL;
	for (size_t i = 0; i < sizeof(rate_units) / sizeof(rate_units[0]); i++) {
		if (strcasecmp(end, rate_units[i].unit))
			continue;
		v = v * rate_units[i].scale + 0.5L;
		if (v >= 18446744073709551615.0L) {
			*why = "rate too large";
			return -EINVAL;
		}
		*bits = (uint64_t)v;
		return 0;
	}
	return -EINVAL;
}

/* mbr-ul, mbr-dl, ambr-group, qfi (ranges are the kernel's to judge) */
static int qos_value(int k, const char *v, struct gtpnl_bearer *b,
		     struct gtpnl_arg_err *e)
{
	const char *why;
	uint64_t n;

	if (k == KW_AMBR_GROUP || k == KW_QFI) {
		if (gtpnl_arg_num(v, k == KW_QFI ? UINT8_MAX : UINT32_MAX, &n))
			return bad(e, v, k == KW_QFI ? "QFI must be a number 0..63" :
					"AMBR group must be a 32-bit number");
		if (k == KW_QFI)
			b->qfi = (uint8_t)n;
		else
			b->ambr_group = (uint32_t)n;
		b->have |= k == KW_QFI ? GTPNL_B_QFI : GTPNL_B_AMBR_GROUP;
		return 0;
	}
	if (gtpnl_arg_rate(v, &n, &why))
		return bad(e, v, why);
	if (k == KW_MBR_UL)
		b->mbr_ul = n;
	else
		b->mbr_dl = n;
	b->have |= k == KW_MBR_UL ? GTPNL_B_MBR_UL : GTPNL_B_MBR_DL;
	return 0;
}

/* One "KEYWORD VALUE" pair: fills the field or explains what is wrong. */
static int bearer_value(enum kw k, const char *v, struct gtpnl_bearer *b,
			const char **dev, struct gtpnl_arg_err *e)
{
	uint64_t n;

	switch (k) {
	case KW_DEV:
		if (!*v || strnlen(v, IF_NAMESIZE) >= IF_NAMESIZE)
			return bad(e, v, "not a valid device name");
		*dev = v;
		return 0;
	case KW_TEID_IN:
	case KW_TEID_OUT:
		if (gtpnl_arg_num(v, UINT32_MAX, &n))
			return bad(e, v, "TEID must be a 32-bit number (decimal or 0x-hex)");
		if (k == KW_TEID_IN)
			b->teid_in = (uint32_t)n;
		else
			b->teid_out = (uint32_t)n;
		b->have |= k == KW_TEID_OUT ? GTPNL_B_TEID_OUT : 0;
		return 0;
	case KW_PEER:
		if (gtpnl_arg_addr(v, &b->peer_family, &b->peer))
			return bad(e, v, "not an IPv4 or IPv6 address");
		b->have |= GTPNL_B_PEER;
		return 0;
	case KW_UE:
		if (gtpnl_arg_addr4(v, &b->ue4))
			return bad(e, v, "not an IPv4 address");
		b->have |= GTPNL_B_UE4;
		return 0;
	case KW_UE6:
		if (gtpnl_arg_prefix6(v, &b->ue6, &b->ue6_plen))
			return bad(e, v, "not an IPv6 prefix (PREFIX/64)");
		b->have |= GTPNL_B_UE6;
		return 0;
	case KW_EBI:
		if (gtpnl_arg_num(v, UINT8_MAX, &n))
			return bad(e, v, "EBI must be a number 5..15");
		b->ebi = (uint8_t)n;
		b->have |= GTPNL_B_EBI;
		return 0;
	case KW_COOKIE:
		if (gtpnl_arg_num(v, UINT64_MAX, &n))
			return bad(e, v, "cookie must be a 64-bit number");
		b->cookie = n;
		b->have |= GTPNL_B_COOKIE;
		return 0;
	case KW_THR:
	case KW_THR_UL:
	case KW_THR_DL:
		if (gtpnl_arg_num(v, UINT64_MAX, &n))
			return bad(e, v, "threshold must be a number of bytes");
		if (k == KW_THR)
			b->thr_total = n;
		else if (k == KW_THR_UL)
			b->thr_ul = n;
		else
			b->thr_dl = n;
		b->have |= GTPNL_B_THRESHOLD;
		return 0;
	case KW_MBR_UL:
	case KW_MBR_DL:
	case KW_AMBR_GROUP:
	case KW_QFI:
		return qos_value(k, v, b, e);
	case KW_TFT:
		if (gtpnl_arg_tft(v, &b->tft, e))
			return -EINVAL;
		b->have |= GTPNL_B_TFT;
		return 0;
	default:
		return bad(e, v, "internal error");
	}
}

static int find_kw(const char *s, unsigned int mode)
{
	/* length and last letter rule out most keywords before the compare
	 * (gtpuctl -batch parses hundreds of thousands of lines) */
	size_t n = strlen(s);

	for (int k = 0; k < KW__N; k++) {
		const char *name = keywords[k].name;

		if (n != keywords[k].len || name[n - 1] != s[n - 1] ||
		    memcmp(s, name, n) || !(keywords[k].modes & mode))
			continue;
		return k;
	}
	return -1;
}

int gtpnl_arg_bearer(int argc, char **argv, enum gtpnl_arg_mode mode,
		     struct gtpnl_bearer *b, const char **dev,
		     struct gtpnl_arg_err *e)
{
	unsigned int m = 1u << mode, seen = 0;
	int err;

	memset(b, 0, sizeof(*b));
	*dev = NULL;
	for (int i = 0; i < argc; i += 2) {
		int k = find_kw(argv[i], m);

		if (k < 0)
			return bad(e, argv[i], "unknown keyword");
		if (seen & (1u << k))
			return bad(e, argv[i], "given twice");
		if (i + 1 >= argc)
			return bad(e, argv[i], "value missing");
		err = bearer_value(k, argv[i + 1], b, dev, e);
		if (err)
			return err;
		seen |= 1u << k;
	}
	for (int k = 0; k < KW__N; k++)
		if ((keywords[k].required & m) && !(seen & (1u << k)))
			return bad(e, keywords[k].name, NULL);
	if (mode == GTPNL_ARG_ADD && !(b->have & (GTPNL_B_UE4 | GTPNL_B_UE6)))
		return bad(e, "ue", NULL);
	if (mode == GTPNL_ARG_MOD &&
	    !(b->have & (GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_EBI |
			 GTPNL_B_COOKIE | GTPNL_B_THRESHOLD | GTPNL_B_MBR_UL |
			 GTPNL_B_MBR_DL | GTPNL_B_AMBR_GROUP | GTPNL_B_QFI |
			 GTPNL_B_TFT)))
		return bad(e, "teid-out|peer|ebi|cookie|threshold|mbr-ul|mbr-dl|ambr-group|qfi|tft",
			   NULL);
	if (mode == GTPNL_ARG_IDLE || mode == GTPNL_ARG_ACTIVE) {
		b->have |= GTPNL_B_STATE;
		b->state = mode == GTPNL_ARG_IDLE ? GTPU_BEARER_STATE_IDLE :
						    GTPU_BEARER_STATE_ACTIVE;
	}
	return 0;
}

void gtpnl_arg_strerror(const struct gtpnl_arg_err *e, char *buf, size_t len)
{
	if (e->why)
		snprintf(buf, len, "argument \"%s\" is wrong: %s", e->arg, e->why);
	else
		snprintf(buf, len, "argument \"%s\" is required", e->arg);
}

/* isspace() in the "C" locale, without the locale lookup */
static bool blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

int gtpnl_arg_split(char *line, char **argv, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p && blank(*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (n >= max)
			return -E2BIG;
		if (*p == '"') {
			argv[n++] = ++p;
			while (*p && *p != '"')
				p++;
			if (!*p)
				break;
			*p++ = '\0';
			continue;
		}
		argv[n++] = p;
		while (*p && !blank(*p))
			p++;
		if (!*p)
			break;
		*p++ = '\0';
	}
	return n;
}
