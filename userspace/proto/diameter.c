// SPDX-License-Identifier: GPL-2.0
/*
 * Diameter message decoder and AVP tree lookups (RFC 6733 3, 4).
 * The builder and encoder live in diameter_build.c, the dictionary in
 * diameter_dict*.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto/diameter.h"

struct dctx {
	const uint8_t *buf;
	struct dia_msg *msg;
	struct dia_err *err;
};

static uint32_t get24(const uint8_t *p)
{
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | get24(p + 1);
}

static int fail(struct dctx *c, int idx, size_t off, uint32_t rc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Fill the error; idx names the AVP at fault (or -1 for the header). */
static int fail(struct dctx *c, int idx, size_t off, uint32_t rc, const char *fmt, ...)
{
	struct dia_err *e = c->err;
	va_list ap;

	if (!e)
		return -1;
	memset(e, 0, sizeof(*e));
	e->offset = off;
	e->result_code = rc;
	if (idx >= 0) {
		const struct dia_avp *a = &c->msg->avps[idx];

		e->has_avp = 1;
		e->avp_code = a->code;
		e->avp_vendor = a->vendor;
		e->avp_offset = a->offset;
		e->avp_len = a->len + (a->flags & DIA_AVP_F_VENDOR ? DIA_AVP_VHDR_LEN :
				       DIA_AVP_HDR_LEN);
		dia_avp_path(c->msg, idx, e->path, sizeof(e->path));
	}
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* UTF-8 well-formedness (RFC 3629): no overlongs, surrogates or > U+10FFFF. */
static int utf8_ok(const uint8_t *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint8_t c = s[i];
		size_t k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			k = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (n - i <= k)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		i += k + 1;
	}
	return 1;
}

static int new_avp(struct dctx *c)
{
	struct dia_msg *m = c->msg;

	if (m->n_avps >= DIA_MAX_AVPS)
		return -1;
	if (m->n_avps == m->cap) {
		int cap = m->cap ? m->cap * 2 : 32;
		struct dia_avp *n = realloc(m->avps, (size_t)cap * sizeof(*n));

		if (!n)
			return -1;
		m->avps = n;
		m->cap = cap;
	}
	return m->n_avps++;
}

/* Length and value checks for the data formats of RFC 6733 4.2/4.3. */
static int check_value(struct dctx *c, int idx)
{
	const struct dia_avp *a = &c->msg->avps[idx];
	const char *name = a->def->name;
	uint32_t want = 0;

	switch (a->def->type) {
	case DIA_T_INTEGER32:
	case DIA_T_UNSIGNED32:
	case DIA_T_FLOAT32:
	case DIA_T_ENUMERATED:
	case DIA_T_TIME:
		want = 4;
		break;
	case DIA_T_INTEGER64:
	case DIA_T_UNSIGNED64:
	case DIA_T_FLOAT64:
		want = 8;
		break;
	case DIA_T_ADDRESS: {
		uint16_t fam;

		if (a->len < 2)
			return fail(c, idx, a->offset, DIA_INVALID_AVP_LENGTH,
				    "%s: Address of %u octets has no family", name, a->len);
		fam = (uint16_t)(a->data[0] << 8 | a->data[1]);
		if ((fam == 1 && a->len != 6) || (fam == 2 && a->len != 18))
			return fail(c, idx, a->offset, DIA_INVALID_AVP_LENGTH,
				    "%s: address family %u with %u octets", name, fam,
				    a->len - 2);
		return 0;
	}
	case DIA_T_UTF8STRING:
		if (!utf8_ok(a->data, a->len))
			return fail(c, idx, a->offset, DIA_INVALID_AVP_VALUE,
				    "%s: not valid UTF-8", name);
		return 0;
	default:
		return 0;
	}
	if (a->len != want)
		return fail(c, idx, a->offset, DIA_INVALID_AVP_LENGTH,
			    "%s: %s of %u octets (expected %u)", name,
			    dia_dict_type_name(a->def->type), a->len, want);
	return 0;
}

static int decode_avps(struct dctx *c, size_t pos, size_t end, int parent, int depth);

/* Decode the AVP at pos (within [.., end)); *next gets the padded end. */
static int decode_one(struct dctx *c, size_t pos, size_t end, int parent, int depth,
		      int *out, size_t *next)
{
	const uint8_t *p = c->buf + pos;
	struct dia_avp *a;
	uint32_t alen, hl;
	size_t padded;
	int idx;

	idx = new_avp(c);
	if (idx < 0)
		return fail(c, parent, pos, DIA_UNABLE_TO_COMPLY,
			    "more than %d AVPs (or out of memory)", DIA_MAX_AVPS);
	*out = idx;
	a = &c->msg->avps[idx];
	memset(a, 0, sizeof(*a));
	a->parent = parent;
	a->child = a->next = -1;
	a->offset = pos;
	a->depth = (uint8_t)depth;
	if (end - pos < DIA_AVP_HDR_LEN) {
		c->msg->n_avps--;
		return fail(c, parent, pos, DIA_INVALID_AVP_LENGTH,
			    "AVP header: %zu octets left, need %d", end - pos, DIA_AVP_HDR_LEN);
	}
	a->code = get32(p);
	a->flags = p[4];
	alen = get24(p + 5);
	hl = a->flags & DIA_AVP_F_VENDOR ? DIA_AVP_VHDR_LEN : DIA_AVP_HDR_LEN;
	if (hl == DIA_AVP_VHDR_LEN && end - pos >= DIA_AVP_VHDR_LEN)
		a->vendor = get32(p + 8);
	a->def = dia_dict_avp(a->code, a->vendor);
	if (alen < hl)
		return fail(c, idx, pos, DIA_INVALID_AVP_LENGTH,
			    "AVP %u: length %u is less than its header (%u)", a->code, alen, hl);
	if (alen > end - pos)
		return fail(c, idx, pos, DIA_INVALID_AVP_LENGTH,
			    "AVP %u: length %u runs past the end of its %s (%zu octets left)",
			    a->code, alen, parent < 0 ? "message" : "group", end - pos);
	a->data = p + hl;
	a->len = alen - hl;
	padded = ((size_t)alen + 3) & ~(size_t)3;
	if (padded > end - pos)
		return fail(c, idx, pos + alen, DIA_INVALID_AVP_LENGTH,
			    "AVP %u: padding to %zu octets missing at the end of its %s",
			    a->code, padded, parent < 0 ? "message" : "group");
	for (size_t i = alen; i < padded; i++)
		if (p[i])
			return fail(c, idx, pos + i, DIA_INVALID_AVP_VALUE,
				    "AVP %u: non-zero padding octet", a->code);
	*next = pos + padded;
	if (!a->def)
		return 0;
	if (a->def->type != DIA_T_GROUPED)
		return check_value(c, idx);
	if (depth + 1 >= DIA_MAX_DEPTH && a->len)
		return fail(c, idx, pos, DIA_UNABLE_TO_COMPLY,
			    "%s: Grouped AVPs nested deeper than %d", a->def->name, DIA_MAX_DEPTH);
	a->grouped = 1;
	return decode_avps(c, pos + hl, pos + alen, idx, depth + 1);
}

static int decode_avps(struct dctx *c, size_t pos, size_t end, int parent, int depth)
{
	int prev = -1;

	while (pos < end) {
		int idx = -1;
		int rc;

		rc = decode_one(c, pos, end, parent, depth, &idx, &pos);
		if (idx >= 0 && idx < c->msg->n_avps) {
			/* link before checking rc so error paths can name it */
			if (prev >= 0)
				c->msg->avps[prev].next = idx;
			else if (parent >= 0)
				c->msg->avps[parent].child = idx;
			else
				c->msg->first = idx;
			prev = idx;
		}
		if (rc)
			return -1;
	}
	return 0;
}

int dia_msg_decode(const uint8_t *buf, size_t len, struct dia_msg *msg, struct dia_err *err)
{
	struct dctx c = { buf, msg, err };

	memset(msg, 0, sizeof(*msg));
	msg->first = -1;
	if (err)
		memset(err, 0, sizeof(*err));
	if (len < DIA_HDR_LEN)
		return fail(&c, -1, len, DIA_INVALID_MESSAGE_LENGTH,
			    "header: %zu octets, need %d", len, DIA_HDR_LEN);
	msg->version = buf[0];
	msg->length = get24(buf + 1);
	msg->flags = buf[4];
	msg->code = get24(buf + 5);
	msg->app_id = get32(buf + 8);
	msg->hbh = get32(buf + 12);
	msg->e2e = get32(buf + 16);
	if (msg->version != 1)
		return fail(&c, -1, 0, DIA_UNSUPPORTED_VERSION,
			    "header: version %u, expected 1", msg->version);
	if (msg->length < DIA_HDR_LEN || msg->length > len)
		return fail(&c, -1, 1, DIA_INVALID_MESSAGE_LENGTH,
			    "header: message length %u, buffer holds %zu", msg->length, len);
	if (msg->length % 4)
		return fail(&c, -1, 1, DIA_INVALID_MESSAGE_LENGTH,
			    "header: message length %u is not a multiple of 4", msg->length);
	msg->trailing = len - msg->length;
	return decode_avps(&c, DIA_HDR_LEN, msg->length, -1, 0);
}

void dia_msg_free(struct dia_msg *msg)
{
	free(msg->avps);
	msg->avps = NULL;
	msg->n_avps = msg->cap = 0;
	msg->first = -1;
}

/* ----------------------------------------------------------- lookups --- */

int dia_find_next(const struct dia_msg *msg, int after, uint32_t code, uint32_t vendor)
{
	for (int i = after >= 0 ? msg->avps[after].next : -1; i >= 0; i = msg->avps[i].next)
		if (msg->avps[i].code == code && msg->avps[i].vendor == vendor)
			return i;
	return -1;
}

int dia_find(const struct dia_msg *msg, int parent, uint32_t code, uint32_t vendor)
{
	int i = parent < 0 ? msg->first : msg->avps[parent].child;

	if (i < 0)
		return -1;
	if (msg->avps[i].code == code && msg->avps[i].vendor == vendor)
		return i;
	return dia_find_next(msg, i, code, vendor);
}

int dia_find_path(const struct dia_msg *msg, int n, const uint32_t *cv)
{
	int idx = -1;

	for (int i = 0; i < n; i++) {
		idx = dia_find(msg, idx, cv[2 * i], cv[2 * i + 1]);
		if (idx < 0)
			return -1;
	}
	return idx;
}

static uint64_t get_be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

int dia_avp_u32(const struct dia_avp *a, uint32_t *v)
{
	if (a->len != 4)
		return -1;
	*v = (uint32_t)get_be(a->data, 4);
	return 0;
}

int dia_avp_u64(const struct dia_avp *a, uint64_t *v)
{
	if (a->len != 8)
		return -1;
	*v = get_be(a->data, 8);
	return 0;
}

int dia_avp_i32(const struct dia_avp *a, int32_t *v)
{
	uint32_t u;

	if (dia_avp_u32(a, &u))
		return -1;
	*v = (int32_t)u;
	return 0;
}

int dia_avp_i64(const struct dia_avp *a, int64_t *v)
{
	uint64_t u;

	if (dia_avp_u64(a, &u))
		return -1;
	*v = (int64_t)u;
	return 0;
}

int dia_avp_address(const struct dia_avp *a, uint16_t *family, const uint8_t **addr,
		    size_t *len)
{
	if (a->len < 2)
		return -1;
	*family = (uint16_t)get_be(a->data, 2);
	*addr = a->data + 2;
	*len = a->len - 2;
	return 0;
}

/* "Name" or "Name[k]" (k-th of its kind among its siblings, from 0). */
static size_t path_elem(const struct dia_msg *msg, int idx, char *buf, size_t size)
{
	const struct dia_avp *a = &msg->avps[idx];
	int first = a->parent < 0 ? msg->first : msg->avps[a->parent].child;
	int k = 0, n;

	for (int i = first; i >= 0 && i != idx; i = msg->avps[i].next)
		if (msg->avps[i].code == a->code && msg->avps[i].vendor == a->vendor)
			k++;
	if (a->def)
		n = snprintf(buf, size, "%s", a->def->name);
	else if (a->vendor)
		n = snprintf(buf, size, "AVP(%u,vendor %u)", a->code, a->vendor);
	else
		n = snprintf(buf, size, "AVP(%u)", a->code);
	if (k && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "[%d]", k);
	return n < 0 ? 0 : (size_t)n;
}

void dia_avp_path(const struct dia_msg *msg, int idx, char *buf, size_t size)
{
	int chain[DIA_MAX_DEPTH + 1], n = 0;
	size_t off = 0;

	if (!size)
		return;
	buf[0] = '\0';
	for (int i = idx; i >= 0 && n < DIA_MAX_DEPTH + 1; i = msg->avps[i].parent)
		chain[n++] = i;
	while (n-- > 0 && off + 1 < size) {
		if (off)
			buf[off++] = '/';
		buf[off] = '\0';
		off += path_elem(msg, chain[n], buf + off, size - off);
		if (off >= size)
			off = size - 1;
	}
}
