// SPDX-License-Identifier: GPL-2.0
/*
 * More EMM IE value codecs: UE network / security capability (24.301
 * 9.9.3.34, 9.9.3.36), authentication parameters (9.9.3.1-4), EPS bearer
 * context status (9.9.2.1), time zone and time (24.008 10.5.3.9) and network
 * name (24.008 10.5.3.5a).
 */
#include <string.h>

#include "proto/nas_tab.h"

static int short_err(struct nas_err *err, const char *what, size_t len, size_t want)
{
	nas_errf(err, len, NAS_CAUSE_INVALID_MANDATORY, "%s: %zu octets, needs %zu", what, len,
		 want);
	return -1;
}

static int space_err(struct nas_err *err, const char *what)
{
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: does not fit the output", what);
	return -1;
}

/* ---------------------------------------------------- capabilities --- */

static int cap_dec(struct nas_ue_net_cap *c, const uint8_t *v, size_t len, size_t named,
		   const char *what, struct nas_err *err)
{
	uint8_t *oct[5] = { &c->eea, &c->eia, &c->uea, &c->uia, &c->gea };

	memset(c, 0, sizeof(*c));
	if (len < 2 || len - (len < named ? len : named) > sizeof(c->more)) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "%s: %zu octets", what, len);
		return -1;
	}
	c->n_octets = (uint8_t)len;
	for (size_t i = 0; i < len && i < named; i++)
		*oct[i] = v[i];
	if (len > named) {
		c->more_len = (uint16_t)(len - named);
		memcpy(c->more, v + named, c->more_len);
	}
	return 0;
}

static int cap_enc(const struct nas_ue_net_cap *c, uint8_t *out, size_t max, size_t named,
		   const char *what, struct nas_err *err)
{
	const uint8_t oct[5] = { c->eea, c->eia, c->uea, c->uia, c->gea };
	size_t n = c->n_octets ? c->n_octets : 2;

	if (n > named)
		n = named;
	if (c->more_len) {
		if (c->more_len > sizeof(c->more))
			return space_err(err, what);
		n = named;
	}
	if (max < n + c->more_len)
		return space_err(err, what);
	memcpy(out, oct, n);
	memcpy(out + n, c->more, c->more_len);
	return (int)(n + c->more_len);
}

static int netcap_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return cap_dec(st, v, len, 4, "UE network capability", err);
}

static int netcap_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return cap_enc(st, out, max, 4, "UE network capability", err);
}

static int seccap_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return cap_dec(st, v, len, 5, "UE security capability", err);
}

static int seccap_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return cap_enc(st, out, max, 5, "UE security capability", err);
}

static const struct nas_field netcap_fields[] = {
	F_U8A(struct nas_ue_net_cap, n_octets, "octets"),
	F_BITS8(struct nas_ue_net_cap, eea, "EEA"),
	F_BITS8(struct nas_ue_net_cap, eia, "EIA"),
	F_BITS8(struct nas_ue_net_cap, uea, "UEA"),
	F_BITS8(struct nas_ue_net_cap, uia, "UCS2 and UIA"),
	F_HEX(struct nas_ue_net_cap, more, more_len, "further octets"),
	F_END
};

static const struct nas_field seccap_fields[] = {
	F_U8A(struct nas_ue_net_cap, n_octets, "octets"),
	F_BITS8(struct nas_ue_net_cap, eea, "EEA"),
	F_BITS8(struct nas_ue_net_cap, eia, "EIA"),
	F_BITS8(struct nas_ue_net_cap, uea, "UEA"),
	F_BITS8(struct nas_ue_net_cap, uia, "UIA"),
	F_BITS8(struct nas_ue_net_cap, gea, "GEA"),
	F_END
};

const struct nas_vcodec nas_vc_ue_net_cap = {
	"UE network capability", sizeof(struct nas_ue_net_cap), netcap_dec, netcap_enc,
	netcap_fields, NULL
};

const struct nas_vcodec nas_vc_ue_sec_cap = {
	"UE security capability", sizeof(struct nas_ue_net_cap), seccap_dec, seccap_enc,
	seccap_fields, NULL
};

int nas_ue_net_cap_dec(struct nas_ue_net_cap *c, const uint8_t *v, size_t len,
		       struct nas_err *err)
{
	return netcap_dec(c, v, len, err);
}

int nas_ue_net_cap_enc(const struct nas_ue_net_cap *c, uint8_t *out, size_t max,
		       struct nas_err *err)
{
	return netcap_enc(c, out, max, err);
}

/* ---------------------------------------- authentication parameters --- */

static int octets_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_octets *o = st;

	if (len > sizeof(o->v))
		return short_err(err, "octet string", len, sizeof(o->v));
	o->len = (uint16_t)len;
	memcpy(o->v, v, len);
	return 0;
}

static int octets_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_octets *o = st;

	if (o->len > sizeof(o->v) || max < o->len)
		return space_err(err, "octet string");
	memcpy(out, o->v, o->len);
	return o->len;
}

static const struct nas_field octets_fields[] = {
	F_HEX(struct nas_octets, v, len, "value"),
	F_END
};

const struct nas_vcodec nas_vc_rand = {
	"RAND", sizeof(struct nas_octets), octets_dec, octets_enc, octets_fields, NULL
};

const struct nas_vcodec nas_vc_res = {
	"RES", sizeof(struct nas_octets), octets_dec, octets_enc, octets_fields, NULL
};

const struct nas_vcodec nas_vc_short_mac = {
	"Short MAC", sizeof(struct nas_octets), octets_dec, octets_enc, octets_fields, NULL
};

static int fixed_dec(void *st, size_t size, const uint8_t *v, size_t len, const char *what,
		     struct nas_err *err)
{
	if (len != size)
		return short_err(err, what, len, size);
	memcpy(st, v, size);
	return 0;
}

static int fixed_enc(const void *st, size_t size, uint8_t *out, size_t max, const char *what,
		     struct nas_err *err)
{
	if (max < size)
		return space_err(err, what);
	memcpy(out, st, size);
	return (int)size;
}

static int autn_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return fixed_dec(st, sizeof(struct nas_autn), v, len, "AUTN", err);
}

static int autn_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return fixed_enc(st, sizeof(struct nas_autn), out, max, "AUTN", err);
}

static int auts_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return fixed_dec(st, sizeof(struct nas_auts), v, len, "AUTS", err);
}

static int auts_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return fixed_enc(st, sizeof(struct nas_auts), out, max, "AUTS", err);
}

static const struct nas_field autn_fields[] = {
	F_HEXF(struct nas_autn, sqn_xor_ak, "SQN xor AK"),
	F_HEXF(struct nas_autn, amf, "AMF"),
	F_HEXF(struct nas_autn, mac, "MAC"),
	F_END
};

static const struct nas_field auts_fields[] = {
	F_HEXF(struct nas_auts, sqn_ms_xor_ak, "SQN MS xor AK"),
	F_HEXF(struct nas_auts, mac_s, "MAC-S"),
	F_END
};

const struct nas_vcodec nas_vc_autn = {
	"AUTN", sizeof(struct nas_autn), autn_dec, autn_enc, autn_fields, NULL
};

const struct nas_vcodec nas_vc_auts = {
	"AUTS", sizeof(struct nas_auts), auts_dec, auts_enc, auts_fields, NULL
};

/* ------------------------------------------- EPS bearer context status --- */

/* octet 1: EBI(7)..EBI(0) in bits 8..1; octet 2: EBI(15)..EBI(8) */
static int ebc_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_ebc_status *s = st;

	if (len != 2)
		return short_err(err, "EPS bearer context status", len, 2);
	for (unsigned int i = 0; i < 16; i++)
		if (v[i / 8] & (1u << (i % 8)))
			s->ebi[s->n++] = (uint8_t)i;
	return 0;
}

static int ebc_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_ebc_status *s = st;

	if (max < 2 || s->n > 16)
		return space_err(err, "EPS bearer context status");
	out[0] = out[1] = 0;
	for (unsigned int i = 0; i < s->n; i++) {
		if (s->ebi[i] > 15) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
				 "EPS bearer context status: EBI %u > 15", s->ebi[i]);
			return -1;
		}
		out[s->ebi[i] / 8] |= (uint8_t)(1u << (s->ebi[i] % 8));
	}
	return 2;
}

static const struct nas_field ebi_elem[] = {
	{ NULL, NAS_FT_U8, 1, 0, 1, 0, 0, NULL },
	F_END
};

static const struct nas_field ebc_fields[] = {
	F_ARR(struct nas_ebc_status, ebi, n, "active EBIs", ebi_elem),
	F_END
};

const struct nas_vcodec nas_vc_ebc_status = {
	"EPS bearer context status", sizeof(struct nas_ebc_status), ebc_dec, ebc_enc,
	ebc_fields, NULL
};

/* --------------------------------------------- time zone and time --- */

/* Semi-octets swapped: units digit in bits 8-5, tens in bits 4-1; the time
 * zone's bit 4 is its sign (24.008 10.5.3.9, 23.040 9.2.3.11). */
static int tz_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_tz_time *t = st;
	uint8_t *f[6] = { &t->year, &t->month, &t->day, &t->hour, &t->minute, &t->second };

	if (len != 7)
		return short_err(err, "Time zone and time", len, 7);
	for (int i = 0; i < 7; i++) {
		uint8_t tens = i == 6 ? (v[i] & 7) : (v[i] & 15), units = v[i] >> 4;

		if (tens > 9 || units > 9) {
			nas_errf(err, (size_t)i, NAS_CAUSE_INVALID_MANDATORY,
				 "Time zone and time: octet %d (0x%02x) is not BCD", i, v[i]);
			return -1;
		}
		if (i < 6)
			*f[i] = (uint8_t)(tens * 10 + units);
		else
			t->tz_quarters = (int8_t)((v[i] & 8 ? -1 : 1) * (tens * 10 + units));
	}
	return 0;
}

static int tz_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_tz_time *t = st;
	const uint8_t f[6] = { t->year, t->month, t->day, t->hour, t->minute, t->second };
	int q = t->tz_quarters < 0 ? -t->tz_quarters : t->tz_quarters;

	if (max < 7)
		return space_err(err, "Time zone and time");
	for (int i = 0; i < 6; i++) {
		if (f[i] > 99)
			return space_err(err, "Time zone and time: field > 99");
		out[i] = (uint8_t)((f[i] % 10) << 4 | f[i] / 10);
	}
	if (q > 79)
		return space_err(err, "Time zone and time: time zone beyond 79 quarters");
	out[6] = (uint8_t)((q % 10) << 4 | q / 10 | (t->tz_quarters < 0 ? 8 : 0));
	return 7;
}

static const struct nas_field tz_fields[] = {
	F_U8A(struct nas_tz_time, year, "year"),
	F_U8A(struct nas_tz_time, month, "month"),
	F_U8A(struct nas_tz_time, day, "day"),
	F_U8A(struct nas_tz_time, hour, "hour"),
	F_U8A(struct nas_tz_time, minute, "minute"),
	F_U8A(struct nas_tz_time, second, "second"),
	/* int8_t: read and written as its two's complement octet */
	{ "time zone (quarters of an hour, two's complement)", NAS_FT_U8, 1,
	  offsetof(struct nas_tz_time, tz_quarters), 1, 0, 0, NULL },
	F_END
};

const struct nas_vcodec nas_vc_tz_time = {
	"Time zone and time", sizeof(struct nas_tz_time), tz_dec, tz_enc, tz_fields, NULL
};

/* ------------------------------------------------------ network name --- */

/* GSM 7-bit default alphabet (23.038): only the code points that equal
 * ASCII are mapped; anything else keeps the name as octets. */
static int gsm_to_ascii(unsigned int c)
{
	if (c == 0)
		return '@';
	if ((c >= 0x20 && c <= 0x3f && c != 0x24) || (c >= 0x41 && c <= 0x5a) ||
	    (c >= 0x61 && c <= 0x7a))
		return (int)c;
	return -1;
}

static int ascii_to_gsm(unsigned char c)
{
	if (c == '@')
		return 0;
	return gsm_to_ascii(c) == c ? c : -1;
}

/* octet 3: ext(1) | coding scheme(3) | add CI(1) | spare bits in last octet(3) */
static int name_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_network_name *n = st;
	size_t nchars, bits;

	if (len < 1 || len - 1 > sizeof(n->raw))
		return short_err(err, "Network name", len, 1);
	n->ext = v[0] >> 7;
	n->coding = (v[0] >> 4) & 7;
	n->add_ci = (v[0] >> 3) & 1;
	n->spare_bits = v[0] & 7;
	if (!(v[0] & 0x80) || n->coding != 0) {
		n->raw_len = (uint16_t)(len - 1);
		memcpy(n->raw, v + 1, len - 1);
		return 0;
	}
	if ((len - 1) * 8 < n->spare_bits)
		return short_err(err, "Network name", len, 2);
	bits = (len - 1) * 8 - n->spare_bits;
	nchars = bits / 7;
	if (nchars >= sizeof(n->text))
		return short_err(err, "Network name", len, sizeof(n->text) * 7 / 8);
	for (size_t i = 0; i < nchars; i++) {
		size_t bit = i * 7, o = bit / 8, s = bit % 8;
		unsigned int c = (unsigned int)(v[1 + o] >> s);
		int a;

		if (s > 1 && o + 1 < len - 1)
			c |= (unsigned int)v[2 + o] << (8 - s);
		a = gsm_to_ascii(c & 0x7f);
		if (a < 0) {
			nas_errf(err, 1 + o, NAS_CAUSE_INVALID_MANDATORY,
				 "Network name: character %zu (0x%02x) is not plain ASCII", i,
				 c & 0x7f);
			return -1;
		}
		n->text[i] = (char)a;
	}
	return 0;
}

static int name_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_network_name *n = st;
	size_t nchars = strnlen(n->text, sizeof(n->text)), len;

	if (n->raw_len || n->coding != 0 || !n->ext) {
		if (max < 1u + n->raw_len || n->raw_len > sizeof(n->raw))
			return space_err(err, "Network name");
		out[0] = (uint8_t)((n->ext & 1) << 7 | (n->coding & 7) << 4 | (n->add_ci & 1) << 3 |
				   (n->spare_bits & 7));
		memcpy(out + 1, n->raw, n->raw_len);
		return 1 + n->raw_len;
	}
	len = (nchars * 7 + 7) / 8;
	if (max < 1 + len)
		return space_err(err, "Network name");
	memset(out, 0, 1 + len);
	out[0] = (uint8_t)(0x80 | (n->add_ci & 1) << 3 | ((len * 8 - nchars * 7) & 7));
	for (size_t i = 0; i < nchars; i++) {
		int c = ascii_to_gsm((unsigned char)n->text[i]);
		size_t bit = i * 7, o = bit / 8, s = bit % 8;

		if (c < 0) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
				 "Network name: '%c' has no GSM 7-bit code here", n->text[i]);
			return -1;
		}
		out[1 + o] |= (uint8_t)(c << s);
		if (s > 1)
			out[2 + o] |= (uint8_t)(c >> (8 - s));
	}
	return (int)(1 + len);
}

static const struct nas_field name_fields[] = {
	F_U8A(struct nas_network_name, ext, "extension"),
	F_U8A(struct nas_network_name, coding, "coding scheme"),
	F_U8(struct nas_network_name, add_ci, "add CI"),
	F_U8(struct nas_network_name, spare_bits, "spare bits in last octet"),
	F_STR(struct nas_network_name, text, "text"),
	F_HEX(struct nas_network_name, raw, raw_len, "text octets"),
	F_END
};

const struct nas_vcodec nas_vc_network_name = {
	"Network name", sizeof(struct nas_network_name), name_dec, name_enc, name_fields, NULL
};
