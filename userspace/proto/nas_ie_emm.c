// SPDX-License-Identifier: GPL-2.0
/*
 * EMM IE value codecs: PLMN, LAI, TAI, TAI list, PLMN list (24.008
 * 10.5.1.3, 10.5.1.13; 24.301 9.9.3.32-33) and mobile identities (24.008
 * 10.5.1.4; 24.301 9.9.3.12).  The other EMM values are in nas_ie_misc.c.
 */
#include <stdio.h>
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

/* ------------------------------------------------------------- PLMN --- */

/*   8     5 4     1
 *  | MCC 2 | MCC 1 |  octet 1
 *  | MNC 3 | MCC 3 |  octet 2   (MNC 3 = 1111 for a two-digit MNC)
 *  | MNC 2 | MNC 1 |  octet 3
 */
int nas_plmn_dec(struct nas_plmn *p, const uint8_t v[3])
{
	uint8_t d[6] = { v[0] & 15, v[0] >> 4, v[1] & 15, v[2] & 15, v[2] >> 4, v[1] >> 4 };

	memset(p, 0, sizeof(*p));
	for (int i = 0; i < 5; i++)
		if (d[i] > 9)
			return -1;
	if (d[5] > 9 && d[5] != 15)
		return -1;
	for (int i = 0; i < 3; i++)
		p->mcc[i] = (char)('0' + d[i]);
	p->mnc[0] = (char)('0' + d[3]);
	p->mnc[1] = (char)('0' + d[4]);
	if (d[5] != 15)
		p->mnc[2] = (char)('0' + d[5]);
	return 0;
}

static int digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : -1;
}

int nas_plmn_enc(const struct nas_plmn *p, uint8_t v[3])
{
	size_t ml = strnlen(p->mnc, sizeof(p->mnc));
	int d[6];

	if (strnlen(p->mcc, sizeof(p->mcc)) != 3 || (ml != 2 && ml != 3))
		return -1;
	for (int i = 0; i < 3; i++)
		d[i] = digit(p->mcc[i]);
	d[3] = digit(p->mnc[0]);
	d[4] = digit(p->mnc[1]);
	d[5] = ml == 3 ? digit(p->mnc[2]) : 15;
	for (int i = 0; i < 6; i++)
		if (d[i] < 0)
			return -1;
	v[0] = (uint8_t)(d[1] << 4 | d[0]);
	v[1] = (uint8_t)(d[5] << 4 | d[2]);
	v[2] = (uint8_t)(d[4] << 4 | d[3]);
	return 0;
}

static int plmn_dec_at(struct nas_plmn *p, const uint8_t *v, const char *what, size_t off,
		       struct nas_err *err)
{
	if (nas_plmn_dec(p, v) == 0)
		return 0;
	nas_errf(err, off, NAS_CAUSE_INVALID_MANDATORY,
		 "%s: PLMN %02x%02x%02x at octet %zu has a non-digit", what, v[0], v[1], v[2],
		 off);
	return -1;
}

static int plmn_enc_err(const struct nas_plmn *p, uint8_t *v, const char *what,
			struct nas_err *err)
{
	if (nas_plmn_enc(p, v) == 0)
		return 0;
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
		 "%s: PLMN \"%s\"/\"%s\" needs a 3-digit MCC and a 2 or 3-digit MNC", what,
		 p->mcc, p->mnc);
	return -1;
}

const struct nas_field nas_plmn_fields[] = {
	F_STR(struct nas_plmn, mcc, "MCC"),
	F_STR(struct nas_plmn, mnc, "MNC"),
	F_END
};

/* ---------------------------------------------------------- LAI, TAI --- */

static int lai_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_lai *l = st;

	if (len != 5)
		return short_err(err, "Location area identification", len, 5);
	if (plmn_dec_at(&l->plmn, v, "Location area identification", 0, err))
		return -1;
	l->lac = (uint16_t)(v[3] << 8 | v[4]);
	return 0;
}

static int lai_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_lai *l = st;

	if (max < 5)
		return space_err(err, "Location area identification");
	if (plmn_enc_err(&l->plmn, out, "Location area identification", err))
		return -1;
	out[3] = (uint8_t)(l->lac >> 8);
	out[4] = (uint8_t)l->lac;
	return 5;
}

static const struct nas_field lai_fields[] = {
	F_OBJ(struct nas_lai, plmn, "PLMN", nas_plmn_fields),
	F_U16A(struct nas_lai, lac, "LAC"),
	F_END
};

const struct nas_vcodec nas_vc_lai = {
	"Location area identification", sizeof(struct nas_lai), lai_dec, lai_enc, lai_fields, NULL
};

static const struct nas_field tai_fields[] = {
	F_OBJ(struct nas_tai, plmn, "PLMN", nas_plmn_fields),
	F_U16A(struct nas_tai, tac, "TAC"),
	F_END
};

/* LAI and TAI share the layout PLMN + 16-bit code */
const struct nas_vcodec nas_vc_tai = {
	"Tracking area identity", sizeof(struct nas_tai), lai_dec, lai_enc, tai_fields, NULL
};

/* --------------------------------------------------------- TAI list --- */

/* Partial list header: spare(1) | type of list(2) | number of elements - 1(5) */
static int plist_dec(struct nas_tai_plist *p, const uint8_t *v, size_t len, size_t *used,
		     struct nas_err *err)
{
	size_t n = (size_t)(v[0] & 31) + 1, need, o = 1;

	p->type = (v[0] >> 5) & 3;
	need = p->type == 0 ? 4 + 2 * n : p->type == 1 ? 6 : 1 + 5 * n;
	if (v[0] & 0x80 || p->type == 3 || n > NAS_TAI_LIST_MAX) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "TAI list: partial list header 0x%02x: type %u / %zu elements not valid",
			 v[0], p->type, n);
		return -1;
	}
	if (len < need)
		return short_err(err, "TAI list: partial tracking area identity list", len, need);
	if (p->type == 2) {
		p->n_tais = (uint8_t)n;
		for (size_t i = 0; i < n; i++, o += 5)
			if (lai_dec(&p->tais[i], v + o, 5, err))
				return -1;
	} else {
		if (plmn_dec_at(&p->plmn, v + 1, "TAI list", 1, err))
			return -1;
		o = 4;
		if (p->type == 1) {
			p->count = (uint8_t)n;
			p->tac = (uint16_t)(v[4] << 8 | v[5]);
			o = 6;
		} else {
			p->n_tacs = (uint8_t)n;
			for (size_t i = 0; i < n; i++, o += 2)
				p->tacs[i] = (uint16_t)(v[o] << 8 | v[o + 1]);
		}
	}
	*used = o;
	return 0;
}

int nas_tai_list_dec(struct nas_tai_list *t, const uint8_t *v, size_t len, struct nas_err *err)
{
	size_t off = 0, used, total = 0;

	memset(t, 0, sizeof(*t));
	while (off < len) {
		struct nas_tai_plist *p;

		if (t->n >= NAS_TAI_LIST_MAX) {
			nas_errf(err, off, NAS_CAUSE_INVALID_MANDATORY,
				 "TAI list: more than %d partial lists", NAS_TAI_LIST_MAX);
			return -1;
		}
		p = &t->l[t->n++];
		if (plist_dec(p, v + off, len - off, &used, err)) {
			if (err)
				err->off += off;
			return -1;
		}
		total += p->type == 0 ? p->n_tacs : p->type == 1 ? p->count : p->n_tais;
		off += used;
	}
	if (t->n == 0 || total > NAS_TAI_LIST_MAX) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "TAI list: %zu TAIs in %u partial lists (1..16 allowed)", total, t->n);
		return -1;
	}
	return 0;
}

static int plist_enc(const struct nas_tai_plist *p, uint8_t *out, size_t max,
		     struct nas_err *err)
{
	size_t n = p->type == 0 ? p->n_tacs : p->type == 1 ? p->count : p->n_tais, o;

	if (p->type > 2 || n < 1 || n > NAS_TAI_LIST_MAX) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "TAI list: partial list type %u with %zu elements", p->type, n);
		return -1;
	}
	o = p->type == 0 ? 4 + 2 * n : p->type == 1 ? 6 : 1 + 5 * n;
	if (max < o)
		return space_err(err, "TAI list");
	out[0] = (uint8_t)(p->type << 5 | (n - 1));
	if (p->type == 2) {
		for (size_t i = 0; i < n; i++)
			if (lai_enc(&p->tais[i], out + 1 + 5 * i, 5, err) < 0)
				return -1;
		return (int)o;
	}
	if (plmn_enc_err(&p->plmn, out + 1, "TAI list", err))
		return -1;
	if (p->type == 1) {
		out[4] = (uint8_t)(p->tac >> 8);
		out[5] = (uint8_t)p->tac;
		return 6;
	}
	for (size_t i = 0; i < n; i++) {
		out[4 + 2 * i] = (uint8_t)(p->tacs[i] >> 8);
		out[5 + 2 * i] = (uint8_t)p->tacs[i];
	}
	return (int)o;
}

int nas_tai_list_enc(const struct nas_tai_list *t, uint8_t *out, size_t max,
		     struct nas_err *err)
{
	size_t off = 0;

	if (t->n < 1 || t->n > NAS_TAI_LIST_MAX) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "TAI list: %u partial lists", t->n);
		return -1;
	}
	for (unsigned int i = 0; i < t->n; i++) {
		int n = plist_enc(&t->l[i], out + off, max - off, err);

		if (n < 0)
			return -1;
		off += (size_t)n;
	}
	return (int)off;
}

static int tai_list_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_tai_list_dec(st, v, len, err);
}

static int tai_list_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_tai_list_enc(st, out, max, err);
}

static const struct nas_field tac_elem[] = {
	{ NULL, NAS_FT_U16, 1, 0, 2, 0, 0, NULL },
	F_END
};

static const struct nas_field plist_fields[] = {
	F_U8A(struct nas_tai_plist, type, "type of list"),
	F_OBJ(struct nas_tai_plist, plmn, "PLMN", nas_plmn_fields),
	F_U16(struct nas_tai_plist, tac, "first TAC"),
	F_U8(struct nas_tai_plist, count, "number of elements"),
	F_ARR(struct nas_tai_plist, tacs, n_tacs, "TACs", tac_elem),
	F_ARR(struct nas_tai_plist, tais, n_tais, "TAIs", tai_fields),
	F_END
};

static const struct nas_field tai_list_fields[] = {
	F_ARR(struct nas_tai_list, l, n, "partial lists", plist_fields),
	F_END
};

const struct nas_vcodec nas_vc_tai_list = {
	"Tracking area identity list", sizeof(struct nas_tai_list), tai_list_dec, tai_list_enc,
	tai_list_fields, NULL
};

/* -------------------------------------------------------- PLMN list --- */

static int plmn_list_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	struct nas_plmn_list *l = st;

	if (len % 3 || len / 3 > NAS_ARRAY_SIZE(l->p) || !len) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "PLMN list: %zu octets is not 1..15 PLMNs of 3 octets", len);
		return -1;
	}
	l->n = (uint8_t)(len / 3);
	for (size_t i = 0; i < l->n; i++)
		if (plmn_dec_at(&l->p[i], v + 3 * i, "PLMN list", 3 * i, err))
			return -1;
	return 0;
}

static int plmn_list_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	const struct nas_plmn_list *l = st;

	if (l->n > NAS_ARRAY_SIZE(l->p) || max < 3u * l->n)
		return space_err(err, "PLMN list");
	for (size_t i = 0; i < l->n; i++)
		if (plmn_enc_err(&l->p[i], out + 3 * i, "PLMN list", err))
			return -1;
	return 3 * l->n;
}

static const struct nas_field plmn_list_fields[] = {
	F_ARR(struct nas_plmn_list, p, n, "PLMNs", nas_plmn_fields),
	F_END
};

const struct nas_vcodec nas_vc_plmn_list = {
	"PLMN list", sizeof(struct nas_plmn_list), plmn_list_dec, plmn_list_enc,
	plmn_list_fields, NULL
};

/* ------------------------------------------------ mobile identities --- */

/*   8       5   4     3  1
 *  | digit 1 | odd | type |  octet 1   digits: IMSI / IMEI / IMEISV,
 *  | digit 3 | digit 2    |  octet 2   odd = odd number of digits,
 *  | ...                  |            an even count ends with 1111.
 */
static int digits_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
		      struct nas_err *err)
{
	size_t n = 0, max = 2 * len - 1;

	if (!(v[0] & 8))
		max--;			/* even: last nibble is the filler */
	if (max >= sizeof(id->digits)) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "Mobile identity: %zu digits (at most 16)", max);
		return -1;
	}
	for (size_t i = 0; i < max; i++) {
		size_t nib = i + 1;	/* digit 1 is the high nibble of octet 1 */
		uint8_t d = (nib & 1) ? v[nib / 2] >> 4 : v[nib / 2] & 15;

		if (d > 9) {
			nas_errf(err, nib / 2, NAS_CAUSE_INVALID_MANDATORY,
				 "Mobile identity: digit %zu is 0x%x at octet %zu", i + 1, d,
				 nib / 2);
			return -1;
		}
		id->digits[n++] = (char)('0' + d);
	}
	id->digits[n] = '\0';
	return 0;
}

static int digits_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max,
		      struct nas_err *err)
{
	size_t n = strnlen(id->digits, sizeof(id->digits)), len = n / 2 + 1;

	if (n == 0 || n > 16) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "Mobile identity: %zu digits (1..16)", n);
		return -1;
	}
	if (max < len)
		return space_err(err, "Mobile identity");
	memset(out, 0, len);
	out[0] = (uint8_t)((n & 1) << 3 | id->type);
	for (size_t i = 0; i < n; i++) {
		int d = digit(id->digits[i]);
		size_t nib = i + 1;

		if (d < 0) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
				 "Mobile identity: \"%s\" has a non-digit", id->digits);
			return -1;
		}
		out[nib / 2] |= (uint8_t)((nib & 1) ? d << 4 : d);
	}
	if (!(n & 1))
		out[len - 1] |= 0xf0;
	return (int)len;
}

static int guti_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
		    struct nas_err *err)
{
	if (len != 11)
		return short_err(err, "EPS mobile identity (GUTI)", len, 11);
	if (plmn_dec_at(&id->plmn, v + 1, "EPS mobile identity (GUTI)", 1, err))
		return -1;
	id->mme_gid = (uint16_t)(v[4] << 8 | v[5]);
	id->mme_code = v[6];
	id->tmsi = (uint32_t)v[7] << 24 | (uint32_t)v[8] << 16 | (uint32_t)v[9] << 8 | v[10];
	return 0;
}

static int id_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len, int eps,
		  struct nas_err *err)
{
	const char *what = eps ? "EPS mobile identity" : "Mobile identity";

	memset(id, 0, sizeof(*id));
	if (len < 1)
		return short_err(err, what, len, 1);
	id->type = v[0] & 7;
	switch (id->type) {
	case NAS_ID_IMSI:
	case NAS_ID_IMEI:
		return digits_dec(id, v, len, err);
	case NAS_ID_IMEISV:
		if (!eps)
			return digits_dec(id, v, len, err);
		break;
	case NAS_ID_GUTI:
		if (eps)
			return guti_dec(id, v, len, err);
		break;
	case NAS_ID_TMSI:
		if (eps)
			break;
		if (len != 5)
			return short_err(err, "Mobile identity (TMSI)", len, 5);
		id->tmsi = (uint32_t)v[1] << 24 | (uint32_t)v[2] << 16 | (uint32_t)v[3] << 8 | v[4];
		return 0;
	case NAS_ID_NONE:
		if (!eps)
			return 0;
		break;
	}
	nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "%s: type of identity %u is not valid here",
		 what, id->type);
	return -1;
}

static int id_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max, int eps,
		  struct nas_err *err)
{
	switch (id->type) {
	case NAS_ID_IMSI:
	case NAS_ID_IMEI:
		return digits_enc(id, out, max, err);
	case NAS_ID_IMEISV:
		if (!eps)
			return digits_enc(id, out, max, err);
		break;
	case NAS_ID_GUTI:
		if (!eps)
			break;
		if (max < 11)
			return space_err(err, "EPS mobile identity");
		out[0] = 0xf6;
		if (plmn_enc_err(&id->plmn, out + 1, "EPS mobile identity (GUTI)", err))
			return -1;
		out[4] = (uint8_t)(id->mme_gid >> 8);
		out[5] = (uint8_t)id->mme_gid;
		out[6] = id->mme_code;
		for (int i = 0; i < 4; i++)
			out[7 + i] = (uint8_t)(id->tmsi >> (24 - 8 * i));
		return 11;
	case NAS_ID_TMSI:
	case NAS_ID_NONE:
		if (eps)
			break;
		if (max < (id->type ? 5u : 1u))
			return space_err(err, "Mobile identity");
		out[0] = (uint8_t)(0xf0 | id->type);
		for (int i = 0; id->type && i < 4; i++)
			out[1 + i] = (uint8_t)(id->tmsi >> (24 - 8 * i));
		return id->type ? 5 : 1;
	}
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: type of identity %u cannot be encoded",
		 eps ? "EPS mobile identity" : "Mobile identity", id->type);
	return -1;
}

int nas_eps_mobile_id_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
			  struct nas_err *err)
{
	return id_dec(id, v, len, 1, err);
}

int nas_eps_mobile_id_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max,
			  struct nas_err *err)
{
	return id_enc(id, out, max, 1, err);
}

int nas_mobile_id_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
		      struct nas_err *err)
{
	return id_dec(id, v, len, 0, err);
}

int nas_mobile_id_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max,
		      struct nas_err *err)
{
	return id_enc(id, out, max, 0, err);
}

static int eps_id_dec_v(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return id_dec(st, v, len, 1, err);
}

static int eps_id_enc_v(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return id_enc(st, out, max, 1, err);
}

static int id_dec_v(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return id_dec(st, v, len, 0, err);
}

static int id_enc_v(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return id_enc(st, out, max, 0, err);
}

static const struct nas_field mobile_id_fields[] = {
	F_U8A(struct nas_mobile_id, type, "type of identity"),
	F_STR(struct nas_mobile_id, digits, "digits"),
	F_OBJ(struct nas_mobile_id, plmn, "PLMN", nas_plmn_fields),
	F_U16(struct nas_mobile_id, mme_gid, "MME group ID"),
	F_U8(struct nas_mobile_id, mme_code, "MME code"),
	F_U32(struct nas_mobile_id, tmsi, "M-TMSI/TMSI"),
	F_END
};

const struct nas_vcodec nas_vc_eps_mobile_id = {
	"EPS mobile identity", sizeof(struct nas_mobile_id), eps_id_dec_v, eps_id_enc_v,
	mobile_id_fields, NULL
};

const struct nas_vcodec nas_vc_mobile_id = {
	"Mobile identity", sizeof(struct nas_mobile_id), id_dec_v, id_enc_v, mobile_id_fields,
	NULL
};
