// SPDX-License-Identifier: GPL-2.0
/*
 * IE values <-> JSON: walks the field tables of nas_ie.h (and the bit-field
 * tables of one-octet values).  Zero fields are left out unless the table
 * says "always"; missing keys read as zero; unknown keys are an error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "proto/nas_ie.h"
#include "lib/hex.h"
#include "proto/nas_json.h"

static const uint8_t zeros[32];

static uint64_t get_uint(const void *p, size_t size)
{
	switch (size) {
	case 1: return *(const uint8_t *)p;
	case 2: return *(const uint16_t *)p;
	case 4: return *(const uint32_t *)p;
	default: return *(const uint64_t *)p;
	}
}

static void put_uint(void *p, size_t size, uint64_t v)
{
	switch (size) {
	case 1: *(uint8_t *)p = (uint8_t)v; break;
	case 2: *(uint16_t *)p = (uint16_t)v; break;
	case 4: *(uint32_t *)p = (uint32_t)v; break;
	default: *(uint64_t *)p = v; break;
	}
}

static struct json_object *fields_json(const struct nas_field *f, const void *st);

/* One field; NULL when it is zero and not "always" (or on no memory). */
static struct json_object *field_json(const struct nas_field *f, const uint8_t *p, const void *st)
{
	char ip[INET6_ADDRSTRLEN];

	switch (f->type) {
	case NAS_FT_U8: case NAS_FT_U16: case NAS_FT_U32: case NAS_FT_U64:
		if (!f->always && !get_uint(p, f->size))
			return NULL;
		return json_object_new_uint64(get_uint(p, f->size));
	case NAS_FT_STR:
		return *p ? json_object_new_string_len((const char *)p,
						       (int)strnlen((const char *)p, f->size)) : NULL;
	case NAS_FT_HEX: {
		size_t n = f->cnt == 0xffff ? f->size :
			   *(const uint16_t *)((const uint8_t *)st + f->cnt);

		return n || f->always ? hex_json(p, n > f->size ? f->size : n) : NULL;
	}
	case NAS_FT_IP4: case NAS_FT_IP6:
		if (!memcmp(p, zeros, f->size) && !f->always)
			return NULL;
		inet_ntop(f->type == NAS_FT_IP4 ? AF_INET : AF_INET6, p, ip, sizeof(ip));
		return json_object_new_string(ip);
	case NAS_FT_BITS8: {
		struct json_object *a = json_object_new_array();

		for (int b = 0; a && b < 8; b++)
			if (*p & (0x80 >> b))
				json_object_array_add(a, json_object_new_int(b));
		return a;
	}
	case NAS_FT_OBJ:
		return memcmp(p, zeros, f->size < sizeof(zeros) ? f->size : sizeof(zeros)) ?
		       fields_json(f->sub, p) : NULL;
	case NAS_FT_ARR: {
		unsigned int n = *((const uint8_t *)st + f->cnt);
		struct json_object *a;

		if (!n)
			return NULL;
		a = json_object_new_array();
		for (unsigned int i = 0; a && i < n && i < f->max; i++) {
			const uint8_t *e = p + (size_t)i * f->size;

			json_object_array_add(a, f->sub[0].name ? fields_json(f->sub, e) :
					      field_json(&f->sub[0], e, e));
		}
		return a;
	}
	}
	return NULL;
}

static struct json_object *fields_json(const struct nas_field *f, const void *st)
{
	struct json_object *o = json_object_new_object();

	for (; o && f->name; f++) {
		struct json_object *v = field_json(f, (const uint8_t *)st + f->off, st);

		if (v)
			json_object_object_add(o, f->name, v);
	}
	return o;
}

struct json_object *nas_value_to_json(unsigned int vt, const void *st)
{
	const struct nas_vcodec *vc = nas_vcodec_get(vt);
	const struct nas_bitf *b = nas_vcodec_bits(vt);
	struct json_object *o;

	if (!vc)
		return NULL;
	if (!b)
		return fields_json(vc->fields, st);
	o = json_object_new_object();
	for (int i = 0; o && b[i].name && i < 4; i++)
		json_object_object_add(o, b[i].name,
				       json_object_new_int(((const struct nas_bits *)st)->f[i]));
	if (o && (vt == NAS_VT_EMM_CAUSE || vt == NAS_VT_ESM_CAUSE)) {
		uint8_t c = ((const struct nas_bits *)st)->f[0];
		const char *m = vt == NAS_VT_EMM_CAUSE ? nas_emm_cause_name(c) :
				nas_esm_cause_name(c);

		if (m)
			json_object_object_add(o, "meaning", json_object_new_string(m));
	}
	return o;
}

/* ------------------------------------------------------------ parse --- */

static int bad(struct nas_err *err, const char *path, const char *why)
{
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "value.%s: %s", path, why);
	return -1;
}

static int json_uint(struct json_object *v, uint64_t max, uint64_t *out)
{
	const char *s;
	char *end;

	if (json_object_is_type(v, json_type_int)) {
		if (json_object_get_int64(v) < 0)
			return -1;
		*out = json_object_get_uint64(v);
		return *out <= max ? 0 : -1;
	}
	if (!json_object_is_type(v, json_type_string))
		return -1;
	s = json_object_get_string(v);
	if (!*s || *s == '-')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || *end || *out > max ? -1 : 0;
}

static int fields_parse(const struct nas_field *f, struct json_object *o, void *st,
			const char *path, struct nas_err *err);

static int field_parse(const struct nas_field *f, struct json_object *v, uint8_t *p, void *st,
		       const char *path, struct nas_err *err)
{
	uint64_t u, max = f->size >= 8 ? UINT64_MAX : (1ull << (8 * f->size)) - 1;
	size_t n;

	switch (f->type) {
	case NAS_FT_U8: case NAS_FT_U16: case NAS_FT_U32: case NAS_FT_U64:
		if (json_uint(v, max, &u))
			return bad(err, path, "not a number in range");
		put_uint(p, f->size, u);
		return 0;
	case NAS_FT_STR:
		if (!json_object_is_type(v, json_type_string) ||
		    (size_t)json_object_get_string_len(v) >= f->size)
			return bad(err, path, "not a string (or too long)");
		memcpy(p, json_object_get_string(v), (size_t)json_object_get_string_len(v) + 1);
		return 0;
	case NAS_FT_HEX:
		if (!json_object_is_type(v, json_type_string) ||
		    hex_decode(json_object_get_string(v), p, f->size, &n) ||
		    (f->cnt == 0xffff && n != f->size))
			return bad(err, path, "not hex of the right length");
		if (f->cnt != 0xffff)
			*(uint16_t *)((uint8_t *)st + f->cnt) = (uint16_t)n;
		return 0;
	case NAS_FT_IP4: case NAS_FT_IP6:
		if (!json_object_is_type(v, json_type_string) ||
		    inet_pton(f->type == NAS_FT_IP4 ? AF_INET : AF_INET6,
			      json_object_get_string(v), p) != 1)
			return bad(err, path, "not an IP address");
		return 0;
	case NAS_FT_BITS8:
		if (!json_object_is_type(v, json_type_array))
			return bad(err, path, "not an array of bit numbers 0-7");
		*p = 0;
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			if (json_uint(json_object_array_get_idx(v, i), 7, &u))
				return bad(err, path, "not an array of bit numbers 0-7");
			*p |= (uint8_t)(0x80 >> u);
		}
		return 0;
	case NAS_FT_OBJ:
		return fields_parse(f->sub, v, p, path, err);
	case NAS_FT_ARR:
		if (!json_object_is_type(v, json_type_array) || json_object_array_length(v) > f->max)
			return bad(err, path, "not an array (or too many elements)");
		n = json_object_array_length(v);
		*((uint8_t *)st + f->cnt) = (uint8_t)n;
		for (size_t i = 0; i < n; i++) {
			uint8_t *e = p + i * f->size;
			struct json_object *ev = json_object_array_get_idx(v, i);

			if (f->sub[0].name ? fields_parse(f->sub, ev, e, path, err) :
			    field_parse(&f->sub[0], ev, e, e, path, err))
				return -1;
		}
		return 0;
	}
	return bad(err, path, "field type");
}

static int fields_parse(const struct nas_field *f, struct json_object *o, void *st,
			const char *path, struct nas_err *err)
{
	if (!json_object_is_type(o, json_type_object))
		return bad(err, path, "not an object");
	json_object_object_foreach(o, key, val) {
		const struct nas_field *x = f;

		while (x->name && strcmp(x->name, key))
			x++;
		if (!x->name) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "value.%s: unknown key \"%s\"", path,
				 key);
			return -1;
		}
		if (field_parse(x, val, (uint8_t *)st + x->off, st, key, err))
			return -1;
	}
	return 0;
}

int nas_value_from_json(unsigned int vt, struct json_object *o, void *st, struct nas_err *err)
{
	const struct nas_vcodec *vc = nas_vcodec_get(vt);
	const struct nas_bitf *b = nas_vcodec_bits(vt);

	if (!vc)
		return bad(err, "", "this IE has no structured value");
	memset(st, 0, vc->size);
	if (!b)
		return fields_parse(vc->fields, o, st, "", err);
	if (!json_object_is_type(o, json_type_object))
		return bad(err, "", "not an object");
	json_object_object_foreach(o, key, val) {
		int i = 0;
		uint64_t u;

		while (b[i].name && strcmp(b[i].name, key))
			i++;
		if (!strcmp(key, "meaning"))
			continue;
		if (!b[i].name)
			return bad(err, key, "unknown key");
		if (json_uint(val, (1u << b[i].width) - 1, &u))
			return bad(err, key, "not a number that fits its bits");
		((struct nas_bits *)st)->f[i] = (uint8_t)u;
	}
	return 0;
}
