// SPDX-License-Identifier: GPL-2.0
/* Shared pieces of the Diameter applications (dia_app.h). */
#include <string.h>

#include "proto/dia_app.h"
#include "proto/diameter_avp.h"

void dia_app_put_origin(struct dia_builder *b, const struct dia_req_hdr *h)
{
	dia_add_str(b, DA_ORIGIN_HOST, h->origin_host);
	dia_add_str(b, DA_ORIGIN_REALM, h->origin_realm);
}

void dia_app_put_dest(struct dia_builder *b, const struct dia_req_hdr *h)
{
	if (h->dest_host && *h->dest_host)
		dia_add_str(b, DA_DESTINATION_HOST, h->dest_host);
	dia_add_str(b, DA_DESTINATION_REALM, h->dest_realm);
}

void dia_app_put_vsai(struct dia_builder *b, uint32_t app)
{
	dia_add_group(b, DA_VENDOR_SPECIFIC_APPLICATION_ID);
	dia_add_u32(b, DA_VENDOR_ID, VENDOR_3GPP);
	dia_add_u32(b, DA_AUTH_APPLICATION_ID, app);
	dia_build_group_end(b);
}

void dia_app_put_units(struct dia_builder *b, enum dia_avp_id id, const struct dia_units *u,
		       uint32_t reason)
{
	dia_add_group(b, id);
	if (u->has_time)
		dia_add_u32(b, DA_CC_TIME, u->time);
	if (u->has_total)
		dia_add_u64(b, DA_CC_TOTAL_OCTETS, u->total);
	if (u->has_in)
		dia_add_u64(b, DA_CC_INPUT_OCTETS, u->in);
	if (u->has_out)
		dia_add_u64(b, DA_CC_OUTPUT_OCTETS, u->out);
	if (reason != DIA_NO_REASON)
		dia_add_u32(b, DA_REPORTING_REASON, reason);
	dia_build_group_end(b);
}

/* One optional AVP: sets *has; -1 on a wrong length */
static int opt_u32(const struct dia_msg *m, int g, enum dia_avp_id id, uint32_t *v, bool *has)
{
	int r = dia_get_u32(m, g, id, v);

	*has = r == 0;
	return r < 0 ? -1 : 0;
}

static int opt_u64(const struct dia_msg *m, int g, enum dia_avp_id id, uint64_t *v, bool *has)
{
	int r = dia_get_u64(m, g, id, v);

	*has = r == 0;
	return r < 0 ? -1 : 0;
}

int dia_app_get_units(const struct dia_msg *m, int g, struct dia_units *u)
{
	memset(u, 0, sizeof(*u));
	if (opt_u32(m, g, DA_CC_TIME, &u->time, &u->has_time) ||
	    opt_u64(m, g, DA_CC_TOTAL_OCTETS, &u->total, &u->has_total) ||
	    opt_u64(m, g, DA_CC_INPUT_OCTETS, &u->in, &u->has_in) ||
	    opt_u64(m, g, DA_CC_OUTPUT_OCTETS, &u->out, &u->has_out))
		return -1;
	return 0;
}

void dia_app_put_arp(struct dia_builder *b, const struct dia_arp *arp)
{
	dia_add_group(b, DA_ALLOCATION_RETENTION_PRIORITY);
	dia_add_u32(b, DA_PRIORITY_LEVEL, arp->priority);
	dia_add_u32(b, DA_PRE_EMPTION_CAPABILITY, arp->may_preempt ? 0 : 1);
	dia_add_u32(b, DA_PRE_EMPTION_VULNERABILITY, arp->preemptable ? 0 : 1);
	dia_build_group_end(b);
}

/*
 * ARP inside parent.  Defaults per TS 29.212 5.3.46/47 when the flags are
 * absent: capability DISABLED, vulnerability ENABLED.
 */
int dia_app_get_arp(const struct dia_msg *m, int parent, struct dia_arp *arp)
{
	int g = dia_get(m, parent, DA_ALLOCATION_RETENTION_PRIORITY);
	uint32_t v;

	if (g < 0)
		return 1;
	if (dia_get_u32(m, g, DA_PRIORITY_LEVEL, &v) || v < 1 || v > 15)
		return -1;
	arp->priority = (uint8_t)v;
	arp->may_preempt = !dia_get_u32(m, g, DA_PRE_EMPTION_CAPABILITY, &v) && v == 0;
	arp->preemptable = dia_get_u32(m, g, DA_PRE_EMPTION_VULNERABILITY, &v) || v == 0;
	return 0;
}

int dia_app_get_result(const struct dia_msg *m, int parent, struct dia_result *r)
{
	int rc = dia_get_result(m, parent, &r->vendor, &r->code);

	r->present = rc == 0;
	return rc < 0 ? -1 : 0;
}

bool dia_digits(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (!n || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int dia_plmn_encode(const char *p, uint8_t out[3])
{
	size_t n = strlen(p);

	if ((n != 5 && n != 6) || !dia_digits(p, 6))
		return -1;
	out[0] = (uint8_t)((p[1] - '0') << 4 | (p[0] - '0'));
	out[1] = (uint8_t)((n == 6 ? p[5] - '0' : 0xf) << 4 | (p[2] - '0'));
	out[2] = (uint8_t)((p[4] - '0') << 4 | (p[3] - '0'));
	return 0;
}

int dia_plmn_decode(const uint8_t in[3], char out[7])
{
	uint8_t d[6] = { in[0] & 0xf, in[0] >> 4, in[1] & 0xf, in[2] & 0xf, in[2] >> 4,
			 in[1] >> 4 };
	int n = d[5] == 0xf ? 5 : 6;

	for (int i = 0; i < n; i++) {
		if (d[i] > 9)
			return -1;
		out[i] = (char)('0' + d[i]);
	}
	out[n] = '\0';
	return 0;
}

int dia_tbcd_encode(const char *digits, uint8_t *out, size_t cap)
{
	size_t n = strlen(digits), k = (n + 1) / 2;

	if (!dia_digits(digits, 2 * cap))
		return -1;
	for (size_t i = 0; i < k; i++) {
		uint8_t lo = (uint8_t)(digits[2 * i] - '0');
		uint8_t hi = 2 * i + 1 < n ? (uint8_t)(digits[2 * i + 1] - '0') : 0xf;

		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return (int)k;
}

int dia_tbcd_decode(const uint8_t *in, size_t len, char *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < len; i++) {
		uint8_t nib[2] = { in[i] & 0xf, in[i] >> 4 };

		for (int j = 0; j < 2; j++) {
			if (nib[j] == 0xf && i == len - 1 && j == 1)
				break;
			if (nib[j] > 9 || k + 1 >= cap)
				return -1;
			out[k++] = (char)('0' + nib[j]);
		}
	}
	if (!cap)
		return -1;
	out[k] = '\0';
	return (int)k;
}

uint8_t dia_esm_cause(const struct dia_result *r, bool *transient)
{
	*transient = false;
	if (!r->present) {
		*transient = true;
		return 26;
	}
	switch (r->code) {
	case 5003:	/* DIAMETER_AUTHORIZATION_REJECTED */
	case 5030:	/* DIAMETER_USER_UNKNOWN (RFC 4006) */
	case 5031:	/* DIAMETER_RATING_FAILED */
	case 4010:	/* DIAMETER_END_USER_SERVICE_DENIED */
	case 4012:	/* DIAMETER_CREDIT_LIMIT_REACHED */
		return 29;
	case 3002:	/* DIAMETER_UNABLE_TO_DELIVER */
	case 3003:	/* DIAMETER_REALM_NOT_SERVED */
	case 3004:	/* DIAMETER_TOO_BUSY */
		*transient = true;
		return 26;
	default:
		return 31;
	}
}
