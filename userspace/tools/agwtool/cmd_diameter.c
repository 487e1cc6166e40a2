// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool codec "diameter": Diameter (RFC 6733) messages to JSON and back.
 *
 *   agwtool decode diameter HEX      -> JSON, grouped AVPs nested in "avps"
 *   agwtool encode diameter < JSON   -> hex
 *
 * The JSON view of a decoded message is dia_msg_json() (proto/diameter_json.c);
 * the encoder prefers an AVP's "hex" member over its "value".
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"
#include "json_util.h"
#include "proto/diameter.h"

static int dia_decode(const uint8_t *buf, size_t len)
{
	struct dia_msg m;
	struct dia_err e;

	if (dia_msg_decode(buf, len, &m, &e)) {
		const char *rc = dia_dict_enum_name(dia_dict_avp(268, 0), e.result_code);

		dia_msg_free(&m);
		return agwtool_err("diameter: offset %zu: %s%s%s (Result-Code %u %s)", e.offset,
				   e.path, e.path[0] ? ": " : "", e.msg, e.result_code,
				   rc ? rc : "");
	}
	agwtool_codec_emit(dia_msg_json(&m));
	dia_msg_free(&m);
	return 0;
}

/* ---------------------------------------------------------- encoding --- */

static int letters_to_flags(struct json_object *o, const char *where, const char *letters,
			    uint8_t *flags)
{
	const char *s;
	uint64_t rsv = 0;

	if (ju_str(o, where, "flags", &s))
		return -1;
	*flags = 0;
	for (; *s; s++) {
		const char *p = strchr(letters, *s);

		if (!p)
			return agwtool_err("%s.flags: '%c' is not one of \"%s\"", where, *s,
					   letters);
		*flags |= (uint8_t)(0x80 >> (p - letters));
	}
	if (ju_u64_opt(o, where, "flags_reserved", 0xff >> strlen(letters), &rsv))
		return -1;
	*flags |= (uint8_t)rsv;
	return 0;
}

static int avps_from_json(struct dia_builder *b, struct json_object *arr, const char *where,
			  int depth);

static int value_from_json(struct dia_builder *b, struct json_object *o, const char *w,
			   const struct dia_avp_def *d, uint32_t code, uint8_t fl, uint32_t vendor)
{
	uint8_t tmp[18], *buf = NULL;
	size_t len = 0, n = 0;
	const char *s;
	uint64_t u = 0;
	int64_t i = 0;
	int rc;

	switch (d ? d->type : DIA_T_OCTETSTRING) {
	case DIA_T_INTEGER32:
	case DIA_T_ENUMERATED:
		if (ju_i64(o, w, "value", INT32_MIN, INT32_MAX, &i))
			return -1;
		u = (uint32_t)i;
		n = 4;
		break;
	case DIA_T_INTEGER64:
		if (ju_i64(o, w, "value", INT64_MIN, INT64_MAX, &i))
			return -1;
		u = (uint64_t)i;
		n = 8;
		break;
	case DIA_T_UNSIGNED32:
	case DIA_T_TIME:
		n = 4;
		if (ju_u64(o, w, "value", UINT32_MAX, &u))
			return -1;
		break;
	case DIA_T_UNSIGNED64:
		n = 8;
		if (ju_u64(o, w, "value", UINT64_MAX, &u))
			return -1;
		break;
	case DIA_T_FLOAT32:
	case DIA_T_FLOAT64:
		return agwtool_err("%s: floats need \"hex\"", w);
	case DIA_T_ADDRESS:
		if (ju_u64(o, w, "family", 0xffff, &u) || ju_str(o, w, "value", &s))
			return -1;
		tmp[0] = (uint8_t)(u >> 8);
		tmp[1] = (uint8_t)u;
		if ((u == 1 && inet_pton(AF_INET, s, tmp + 2) == 1) ||
		    (u == 2 && inet_pton(AF_INET6, s, tmp + 2) == 1))
			return dia_build_avp(b, code, fl, vendor, tmp, u == 1 ? 6 : 18);
		if (ju_hex_decode(s, &buf, &len))
			return agwtool_err("%s.value: not an address of family %llu", w,
					   (unsigned long long)u);
		rc = -1;
		{
			uint8_t *all = malloc(len + 2);

			if (all) {
				memcpy(all, tmp, 2);
				memcpy(all + 2, buf, len);
				rc = dia_build_avp(b, code, fl, vendor, all, len + 2);
				free(all);
			}
		}
		free(buf);
		return rc;
	case DIA_T_UTF8STRING:
	case DIA_T_IDENTITY:
	case DIA_T_URI:
	case DIA_T_IPFILTERRULE: {
		struct json_object *v = ju_get(o, "value");

		if (!v || !json_object_is_type(v, json_type_string))
			return agwtool_err("%s.value: expected a string", w);
		return dia_build_avp(b, code, fl, vendor, json_object_get_string(v),
				     (size_t)json_object_get_string_len(v));
	}
	default:
		if (ju_hexbuf(o, w, "value", &buf, &len))
			return -1;
		rc = dia_build_avp(b, code, fl, vendor, buf, len);
		free(buf);
		return rc;
	}
	for (size_t k = 0; k < n; k++)
		tmp[k] = (uint8_t)(u >> (8 * (n - 1 - k)));
	return dia_build_avp(b, code, fl, vendor, tmp, n);
}

static int avp_from_json(struct dia_builder *b, struct json_object *o, const char *w, int depth)
{
	const struct dia_avp_def *d = NULL;
	struct json_object *kids = ju_get(o, "avps");
	uint64_t code, vendor = 0;
	uint8_t fl;
	const char *name;

	if (ju_get(o, "code")) {
		if (ju_u64(o, w, "code", UINT32_MAX, &code) ||
		    ju_u64_opt(o, w, "vendor", UINT32_MAX, &vendor))
			return -1;
		d = dia_dict_avp((uint32_t)code, (uint32_t)vendor);
	} else {
		if (ju_str(o, w, "name", &name))
			return -1;
		d = dia_dict_avp_by_name(name);
		if (!d)
			return agwtool_err("%s.name: \"%s\" is not in the dictionary", w, name);
		code = d->code;
		vendor = d->vendor;
	}
	if (ju_get(o, "flags")) {
		if (letters_to_flags(o, w, "VMP", &fl))
			return -1;
	} else {
		fl = d ? dia_def_flags(d) : (vendor ? DIA_AVP_F_VENDOR : 0);
	}
	if ((fl & DIA_AVP_F_VENDOR) && !vendor && !ju_get(o, "vendor"))
		return agwtool_err("%s: V flag set but no vendor", w);
	if (kids) {
		if (dia_build_group_begin(b, (uint32_t)code, fl, (uint32_t)vendor) ||
		    avps_from_json(b, kids, w, depth + 1) || dia_build_group_end(b))
			return b->err ? agwtool_err("%s: message too large or too deep", w) : -1;
		return 0;
	}
	if (ju_get(o, "hex")) {
		uint8_t *buf;
		size_t len;
		int rc;

		if (ju_hexbuf(o, w, "hex", &buf, &len))
			return -1;
		rc = dia_build_avp(b, (uint32_t)code, fl, (uint32_t)vendor, buf, len);
		free(buf);
		return rc;
	}
	return value_from_json(b, o, w, d, (uint32_t)code, fl, (uint32_t)vendor);
}

static int avps_from_json(struct dia_builder *b, struct json_object *arr, const char *where,
			  int depth)
{
	char w[256];

	if (!json_object_is_type(arr, json_type_array))
		return agwtool_err("%s.avps: expected an array", where);
	if (depth >= DIA_MAX_DEPTH)
		return agwtool_err("%s: nested deeper than %d", where, DIA_MAX_DEPTH);
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		snprintf(w, sizeof(w), "%s.avps[%zu]", where, i);
		if (avp_from_json(b, json_object_array_get_idx(arr, i), w, depth))
			return -1;
	}
	return 0;
}

static int dia_encode(void)
{
	struct json_object *in = agwtool_codec_read_json();
	uint64_t code, app = 0, hbh = 0, e2e = 0;
	struct dia_builder b;
	uint8_t *out = NULL, flags = 0;
	int rc = 1, n;

	if (!in)
		return 1;
	if (ju_u64(in, "message", "command_code", 0xffffff, &code) ||
	    ju_u64_opt(in, "message", "application_id", UINT32_MAX, &app) ||
	    ju_u64_opt(in, "message", "hop_by_hop", UINT32_MAX, &hbh) ||
	    ju_u64_opt(in, "message", "end_to_end", UINT32_MAX, &e2e) ||
	    (ju_get(in, "flags") && letters_to_flags(in, "message", "RPET", &flags)))
		goto done;
	out = malloc(1 << 20);
	if (!out) {
		agwtool_err("diameter: out of memory");
		goto done;
	}
	dia_build_init(&b, out, 1 << 20, flags, (uint32_t)code, (uint32_t)app, (uint32_t)hbh,
		       (uint32_t)e2e);
	if (ju_get(in, "avps") && avps_from_json(&b, ju_get(in, "avps"), "message", 0))
		goto done;
	n = dia_build_finish(&b);
	if (n < 0) {
		agwtool_err("diameter: message larger than 1 MiB");
		goto done;
	}
	agwtool_print_hex(out, (size_t)n);
	putchar('\n');
	rc = 0;
done:
	free(out);
	json_object_put(in);
	return rc;
}

AGWTOOL_CODEC(diameter, dia_decode, dia_encode)
