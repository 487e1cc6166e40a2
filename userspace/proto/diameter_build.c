// SPDX-License-Identifier: GPL-2.0
/*
 * Diameter message builder (RFC 6733 3, 4) and the encoder of decoded
 * trees.  The builder writes into a caller buffer; lengths of the message
 * and of each open Grouped AVP are filled in when they are closed.  Errors
 * are sticky: after the first one every call fails and finish returns -1.
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter.h"
#include "proto/diameter_avp.h"

static void put24(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 16);
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	put24(p + 1, v);
}

void dia_build_init(struct dia_builder *b, uint8_t *buf, size_t cap, uint8_t flags,
		    uint32_t code, uint32_t app_id, uint32_t hbh, uint32_t e2e)
{
	memset(b, 0, sizeof(*b));
	b->buf = buf;
	b->cap = cap;
	if (cap < DIA_HDR_LEN || code > 0xffffff) {
		b->err = -1;
		return;
	}
	buf[0] = 1;
	put24(buf + 1, 0);
	buf[4] = flags;
	put24(buf + 5, code);
	put32(buf + 8, app_id);
	put32(buf + 12, hbh);
	put32(buf + 16, e2e);
	b->len = DIA_HDR_LEN;
}

static int avp_header(struct dia_builder *b, uint32_t code, uint8_t flags, uint32_t vendor,
		      size_t len, size_t *hl)
{
	*hl = flags & DIA_AVP_F_VENDOR ? DIA_AVP_VHDR_LEN : DIA_AVP_HDR_LEN;
	if (b->err || len > 0xffffff - *hl || b->cap - b->len < *hl + ((len + 3) & ~(size_t)3))
		return b->err = -1;
	put32(b->buf + b->len, code);
	b->buf[b->len + 4] = flags;
	put24(b->buf + b->len + 5, (uint32_t)(*hl + len));
	if (*hl == DIA_AVP_VHDR_LEN)
		put32(b->buf + b->len + 8, vendor);
	return 0;
}

int dia_build_avp(struct dia_builder *b, uint32_t code, uint8_t flags, uint32_t vendor,
		  const void *data, size_t len)
{
	size_t hl, padded = (len + 3) & ~(size_t)3;

	if (avp_header(b, code, flags, vendor, len, &hl))
		return -1;
	if (len)
		memcpy(b->buf + b->len + hl, data, len);
	memset(b->buf + b->len + hl + len, 0, padded - len);
	b->len += hl + padded;
	return 0;
}

int dia_build_raw(struct dia_builder *b, const void *avp, size_t len)
{
	size_t padded = (len + 3) & ~(size_t)3;

	if (b->err || b->cap - b->len < padded)
		return b->err = -1;
	memcpy(b->buf + b->len, avp, len);
	memset(b->buf + b->len + len, 0, padded - len);
	b->len += padded;
	return 0;
}

int dia_build_group_begin(struct dia_builder *b, uint32_t code, uint8_t flags, uint32_t vendor)
{
	size_t hl;

	if (b->depth >= DIA_MAX_DEPTH)
		return b->err = -1;
	if (avp_header(b, code, flags, vendor, 0, &hl))
		return -1;
	b->open[b->depth++] = b->len;
	b->len += hl;
	return 0;
}

int dia_build_group_end(struct dia_builder *b)
{
	size_t off, total;

	if (b->err || !b->depth)
		return b->err = -1;
	off = b->open[--b->depth];
	total = b->len - off;
	if (total > 0xffffff)
		return b->err = -1;
	put24(b->buf + off + 5, (uint32_t)total);
	return 0;
}

int dia_build_finish(struct dia_builder *b)
{
	if (b->err || b->depth || b->len > DIA_MAX_MSG_LEN)
		return -1;
	put24(b->buf + 1, (uint32_t)b->len);
	return (int)b->len;
}

/* ------------------------------------------------- dictionary helpers --- */

uint8_t dia_def_flags(const struct dia_avp_def *d)
{
	return (uint8_t)((d->vendor ? DIA_AVP_F_VENDOR : 0) |
			 (d->mrule != DIA_M_MUSTNOT ? DIA_AVP_F_MANDATORY : 0));
}

static const struct dia_avp_def *checked(struct dia_builder *b, const struct dia_avp_def *d,
					 unsigned int types)
{
	if (!d || !(types & (1u << d->type))) {
		b->err = -1;
		return NULL;
	}
	return d;
}

static const struct dia_avp_def *def_of(struct dia_builder *b, const char *name,
					unsigned int types)
{
	return checked(b, dia_dict_avp_by_name(name), types);
}

static const struct dia_avp_def *def_id(struct dia_builder *b, enum dia_avp_id id,
					unsigned int types)
{
	if ((unsigned int)id >= DA__COUNT) {
		b->err = -1;
		return NULL;
	}
	return checked(b, dia_dict_avp(dia_avp_keys[id].code, dia_avp_keys[id].vendor), types);
}

#define T(x) (1u << DIA_T_##x)
#define T_U32	(T(UNSIGNED32) | T(ENUMERATED) | T(TIME) | T(INTEGER32))
#define T_U64	(T(UNSIGNED64) | T(INTEGER64))
#define T_BYTES	(T(OCTETSTRING) | T(UTF8STRING) | T(IDENTITY) | T(URI) | T(IPFILTERRULE))

static int put_be(struct dia_builder *b, const struct dia_avp_def *d, uint64_t v, size_t n)
{
	uint8_t tmp[8];

	if (!d)
		return -1;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
	return dia_build_avp(b, d->code, dia_def_flags(d), d->vendor, tmp, n);
}

static int put_bytes(struct dia_builder *b, const struct dia_avp_def *d, const void *data,
		     size_t len)
{
	return d ? dia_build_avp(b, d->code, dia_def_flags(d), d->vendor, data, len) : -1;
}

static int put_address(struct dia_builder *b, const struct dia_avp_def *d, uint16_t family,
		       const void *addr, size_t len)
{
	uint8_t tmp[2 + 16];

	if (!d || len > 16)
		return b->err = -1;
	tmp[0] = (uint8_t)(family >> 8);
	tmp[1] = (uint8_t)family;
	memcpy(tmp + 2, addr, len);
	return dia_build_avp(b, d->code, dia_def_flags(d), d->vendor, tmp, len + 2);
}

static int put_group(struct dia_builder *b, const struct dia_avp_def *d)
{
	return d ? dia_build_group_begin(b, d->code, dia_def_flags(d), d->vendor) : -1;
}

int dia_put_u32(struct dia_builder *b, const char *name, uint32_t v)
{
	return put_be(b, def_of(b, name, T_U32), v, 4);
}

int dia_put_i32(struct dia_builder *b, const char *name, int32_t v)
{
	return put_be(b, def_of(b, name, T(INTEGER32) | T(ENUMERATED)), (uint32_t)v, 4);
}

int dia_put_u64(struct dia_builder *b, const char *name, uint64_t v)
{
	return put_be(b, def_of(b, name, T_U64), v, 8);
}

int dia_put_bytes(struct dia_builder *b, const char *name, const void *data, size_t len)
{
	return put_bytes(b, def_of(b, name, T_BYTES), data, len);
}

int dia_put_str(struct dia_builder *b, const char *name, const char *s)
{
	return dia_put_bytes(b, name, s, strlen(s));
}

int dia_put_address(struct dia_builder *b, const char *name, uint16_t family,
		    const void *addr, size_t len)
{
	return put_address(b, def_of(b, name, T(ADDRESS)), family, addr, len);
}

int dia_put_group(struct dia_builder *b, const char *name)
{
	return put_group(b, def_of(b, name, T(GROUPED)));
}

/* -------------------------------------------------- by identifier --- */

int dia_add_u32(struct dia_builder *b, enum dia_avp_id id, uint32_t v)
{
	return put_be(b, def_id(b, id, T_U32), v, 4);
}

int dia_add_u64(struct dia_builder *b, enum dia_avp_id id, uint64_t v)
{
	return put_be(b, def_id(b, id, T_U64), v, 8);
}

int dia_add_bytes(struct dia_builder *b, enum dia_avp_id id, const void *data, size_t len)
{
	return put_bytes(b, def_id(b, id, T_BYTES), data, len);
}

int dia_add_str(struct dia_builder *b, enum dia_avp_id id, const char *s)
{
	return dia_add_bytes(b, id, s, strlen(s));
}

int dia_add_address(struct dia_builder *b, enum dia_avp_id id, uint16_t family,
		    const void *addr, size_t len)
{
	return put_address(b, def_id(b, id, T(ADDRESS)), family, addr, len);
}

int dia_add_group(struct dia_builder *b, enum dia_avp_id id)
{
	return put_group(b, def_id(b, id, T(GROUPED)));
}

/* ----------------------------------------------------------- encoder --- */

static int encode_list(struct dia_builder *b, const struct dia_msg *msg, int i)
{
	for (; i >= 0; i = msg->avps[i].next) {
		const struct dia_avp *a = &msg->avps[i];

		if (!a->grouped) {
			if (dia_build_avp(b, a->code, a->flags, a->vendor, a->data, a->len))
				return -1;
			continue;
		}
		if (dia_build_group_begin(b, a->code, a->flags, a->vendor) ||
		    encode_list(b, msg, a->child) || dia_build_group_end(b))
			return -1;
	}
	return 0;
}

int dia_msg_encode(const struct dia_msg *msg, uint8_t *out, size_t max, struct dia_err *err)
{
	struct dia_builder b;
	int n;

	if (err)
		memset(err, 0, sizeof(*err));
	if (msg->version != 1) {
		if (err)
			snprintf(err->msg, sizeof(err->msg), "version %u, only 1 is encoded",
				 msg->version);
		return -1;
	}
	dia_build_init(&b, out, max, msg->flags, msg->code, msg->app_id, msg->hbh, msg->e2e);
	encode_list(&b, msg, msg->first);
	n = dia_build_finish(&b);
	if (n < 0 && err) {
		err->offset = b.len;
		snprintf(err->msg, sizeof(err->msg),
			 "output buffer of %zu octets too small, or an AVP too long", max);
	}
	return n;
}
