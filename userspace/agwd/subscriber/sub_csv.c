// SPDX-License-Identifier: GPL-2.0
/*
 * Subscriber CSV import. Format (Documentation/agwctl.md "CSV format"):
 *
 *	imsi,k,opc,amf,sqn,msisdn,apns          (or "op" in the third column)
 *	001010000000001,465b5ce8...,cd63cb71...,8000,0,15550001,internet ip=10.45.0.9;ims
 *
 * Blank lines and lines starting with '#' are skipped; CR before LF is
 * ignored. No quoting: no field can contain a comma.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/subscriber/subscriber.h"
#include "lib/config.h"

#define CSV_FIELDS	7
#define CSV_LINE_MAX	4096

/* Exactly 2 * len hex digits. */
int sub_hex(const char *s, uint8_t *out, size_t len)
{
	if (strlen(s) != 2 * len)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char b[3] = { s[2 * i], s[2 * i + 1], 0 };

		if (!isxdigit((unsigned char)b[0]) || !isxdigit((unsigned char)b[1]))
			return -1;
		out[i] = (uint8_t)strtoul(b, NULL, 16);
	}
	return 0;
}

static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static int apn_attr(char *attr, struct sub_apn *a, char *msg, size_t size)
{
	char *val = strchr(attr, '=');
	unsigned int len;
	uint64_t v;

	if (!val)
		goto bad;
	*val++ = 0;
	if (!strcmp(attr, "ip")) {
		a->has_ipv4 = inet_pton(AF_INET, val, &a->ipv4) == 1;
		if (!a->has_ipv4)
			goto bad;
	} else if (!strcmp(attr, "ip6")) {
		a->has_ipv6 = !cfg_parse_prefix6(val, &a->ipv6, &len) && len == 64;
		if (!a->has_ipv6)
			goto bad;
	} else if (!strcmp(attr, "qci") && !parse_u64(val, 9, &v) && v) {
		a->qci = (uint8_t)v;
	} else if (!strcmp(attr, "arp") && !parse_u64(val, 15, &v) && v) {
		a->arp = (uint8_t)v;
	} else if (!strcmp(attr, "ambr_ul") && !parse_u64(val, UINT64_MAX >> 1, &v)) {
		a->ambr_ul = v;
	} else if (!strcmp(attr, "ambr_dl") && !parse_u64(val, UINT64_MAX >> 1, &v)) {
		a->ambr_dl = v;
	} else {
		goto bad;
	}
	return 0;
bad:
	snprintf(msg, size, "apns: \"%s%s%s\" is not ip=IPV4, ip6=PREFIX/64, qci=1..9, "
		 "arp=1..15, ambr_ul=BPS or ambr_dl=BPS", attr, val ? "=" : "", val ? val : "");
	return -EINVAL;
}

/* "internet ip=10.45.0.9;ims" */
static int parse_apns(char *field, struct sub_record *r, char *msg, size_t size)
{
	char *save = NULL;

	for (char *ent = strtok_r(field, ";", &save); ent; ent = strtok_r(NULL, ";", &save)) {
		char *save2 = NULL, *tok = strtok_r(ent, " ", &save2);
		struct sub_apn *a;

		if (!tok)
			continue;
		if (r->n_apns == SUB_MAX_APNS) {
			snprintf(msg, size, "apns: more than %d APNs", SUB_MAX_APNS);
			return -EINVAL;
		}
		a = &r->apns[r->n_apns++];
		if (strlen(tok) > AGW_APN_MAX) {
			snprintf(msg, size, "apns: APN name too long");
			return -EINVAL;
		}
		for (size_t i = 0; tok[i]; i++)
			a->name[i] = (char)tolower((unsigned char)tok[i]);
		while ((tok = strtok_r(NULL, " ", &save2)))
			if (apn_attr(tok, a, msg, size))
				return -EINVAL;
	}
	return 0;
}

static int row_keys(char **f, bool op_column, struct sub_record *r, char *msg, size_t size)
{
	uint8_t op[16];
	uint64_t v;

	if (sub_hex(f[1], r->k, 16)) {
		snprintf(msg, size, "k: \"%s\" is not 32 hex digits", f[1]);
		return -EINVAL;
	}
	if (sub_hex(f[2], op_column ? op : r->opc, 16)) {
		snprintf(msg, size, "%s: \"%s\" is not 32 hex digits", op_column ? "op" : "opc",
			 f[2]);
		return -EINVAL;
	}
	if (op_column && milenage_opc(r->k, op, r->opc)) {
		snprintf(msg, size, "op: could not compute OPc");
		return -EIO;
	}
	if (f[3][0] && sub_hex(f[3], r->amf, 2)) {
		snprintf(msg, size, "amf: \"%s\" is not 4 hex digits", f[3]);
		return -EINVAL;
	}
	if (f[4][0]) {
		if (parse_u64(f[4], EPS_SQN_MAX, &v)) {
			snprintf(msg, size, "sqn: \"%s\" is not a 48-bit number", f[4]);
			return -EINVAL;
		}
		r->sqn = v;
	}
	return 0;
}

int sub_csv_parse_row(const char *line, bool op_column, struct sub_record *r, char *msg,
		      size_t size)
{
	char buf[CSV_LINE_MAX], *f[CSV_FIELDS], *p = buf;
	unsigned int n = 0;
	int ret;

	sub_record_init(r);
	if (strlen(line) >= sizeof(buf)) {
		snprintf(msg, size, "line longer than %d characters", CSV_LINE_MAX - 1);
		return -EINVAL;
	}
	strcpy(buf, line);
	for (;;) {
		char *comma = strchr(p, ',');

		if (n == CSV_FIELDS) {
			snprintf(msg, size, "more than %d fields", CSV_FIELDS);
			return -EINVAL;
		}
		f[n++] = p;
		if (!comma)
			break;
		*comma = 0;
		p = comma + 1;
	}
	if (n != CSV_FIELDS) {
		snprintf(msg, size, "%u fields, expected %d (imsi,k,%s,amf,sqn,msisdn,apns)", n,
			 CSV_FIELDS, op_column ? "op" : "opc");
		return -EINVAL;
	}
	if (strlen(f[0]) > SUB_IMSI_MAX || strlen(f[5]) > SUB_MSISDN_MAX) {
		snprintf(msg, size, "imsi or msisdn longer than 15 digits");
		return -EINVAL;
	}
	strcpy(r->imsi, f[0]);
	strcpy(r->msisdn, f[5]);
	ret = row_keys(f, op_column, r, msg, size);
	if (!ret)
		ret = parse_apns(f[6], r, msg, size);
	if (!ret)
		ret = sub_record_check(r, msg, size);
	return ret;
}
