// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool codec "diameter": Diameter (RFC 6733) messages to JSON and back.
 *
 *   agwtool decode diameter HEX      -> JSON, grouped AVPs nested in "avps"
 *   agwtool encode diameter < JSON   -> hex
 *
 * Each AVP prints code, name, flags ("VMP" letters), vendor (when V is set),
 * type and value; when a value cannot be shown losslessly as JSON (floats,
 * strings that are not printable) a "hex" member is added, and the encoder
 * prefers "hex" over "value".
 */
#include <arpa/inet.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"
#include "json_util.h"
#include "proto/diameter.h"

#define NTP_UNIX_OFFSET	2208988800ULL	/* seconds from 1900 to 1970 */

static void add(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

static struct json_object *flags_json(uint8_t flags, const char *letters)
{
	char s[5] = "";
	int n = 0;

	for (int i = 0; letters[i]; i++)
		if (flags & (0x80 >> i))
			s[n++] = letters[i];
	s[n] = '\0';
	return json_object_new_string(s);
}

static int printable(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return 0;
	return 1;
}

static uint64_t be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static void float_json(struct json_object *o, const struct dia_avp *a, int is64)
{
	double d;

	if (is64) {
		uint64_t u = be(a->data, 8);

		memcpy(&d, &u, sizeof(d));
	} else {
		uint32_t u = (uint32_t)be(a->data, 4);
		float f;

		memcpy(&f, &u, sizeof(f));
		d = f;
	}
	if (isfinite(d))
		add(o, "value", json_object_new_double(d));
	add(o, "hex", ju_hex(a->data, a->len));
}

static void value_json(struct json_object *o, const struct dia_avp *a)
{
	const struct dia_avp_def *d = a->def;
	char ip[INET6_ADDRSTRLEN], ts[32];
	const char *en;
	int64_t v = 0;

	switch (d->type) {
	case DIA_T_INTEGER32:
	case DIA_T_ENUMERATED:
		v = (int32_t)be(a->data, 4);
		add(o, "value", json_object_new_int64(v));
		break;
	case DIA_T_INTEGER64:
		add(o, "value", json_object_new_int64((int64_t)be(a->data, 8)));
		break;
	case DIA_T_UNSIGNED32:
		v = (int64_t)be(a->data, 4);
		add(o, "value", json_object_new_int64(v));
		break;
	case DIA_T_UNSIGNED64:
		add(o, "value", json_object_new_uint64(be(a->data, 8)));
		break;
	case DIA_T_FLOAT32:
	case DIA_T_FLOAT64:
		float_json(o, a, d->type == DIA_T_FLOAT64);
		return;
	case DIA_T_TIME: {
		time_t t = (time_t)(be(a->data, 4) - NTP_UNIX_OFFSET);
		struct tm tm;

		add(o, "value", json_object_new_int64((int64_t)be(a->data, 4)));
		if (gmtime_r(&t, &tm) && strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm))
			add(o, "time", json_object_new_string(ts));
		return;
	}
	case DIA_T_ADDRESS: {
		unsigned int fam = (unsigned int)be(a->data, 2);

		add(o, "family", json_object_new_int((int)fam));
		if ((fam == 1 || fam == 2) &&
		    inet_ntop(fam == 1 ? AF_INET : AF_INET6, a->data + 2, ip, sizeof(ip)))
			add(o, "value", json_object_new_string(ip));
		else
			add(o, "value", ju_hex(a->data + 2, a->len - 2));
		return;
	}
	case DIA_T_UTF8STRING:
		add(o, "value", json_object_new_string_len((const char *)a->data, (int)a->len));
		return;
	case DIA_T_IDENTITY:
	case DIA_T_URI:
	case DIA_T_IPFILTERRULE:
		if (printable(a->data, a->len)) {
			add(o, "value", json_object_new_string_len((const char *)a->data,
								   (int)a->len));
			return;
		}
		add(o, "hex", ju_hex(a->data, a->len));
		return;
	default:
		add(o, "value", ju_hex(a->data, a->len));
		return;
	}
	en = dia_dict_enum_name(d, v);
	if (en)
		add(o, "enum", json_object_new_string(en));
}

static struct json_object *avps_json(const struct dia_msg *m, int i)
{
	struct json_object *arr = json_object_new_array();

	for (; i >= 0; i = m->avps[i].next) {
		const struct dia_avp *a = &m->avps[i];
		struct json_object *o = json_object_new_object();

		add(o, "code", json_object_new_int64(a->code));
		add(o, "name", json_object_new_string(a->def ? a->def->name : "unknown"));
		add(o, "flags", flags_json(a->flags, "VMP"));
		if (a->flags & 0x1f)
			add(o, "flags_reserved", json_object_new_int(a->flags & 0x1f));
		if (a->flags & DIA_AVP_F_VENDOR)
			add(o, "vendor", json_object_new_int64(a->vendor));
		add(o, "type", json_object_new_string(a->def ?
			dia_dict_type_name(a->def->type) : "OctetString"));
		if (a->grouped)
			add(o, "avps", avps_json(m, a->child));
		else if (a->def)
			value_json(o, a);
		else
			add(o, "value", ju_hex(a->data, a->len));
		json_object_array_add(arr, o);
	}
	return arr;
}

static struct json_object *msg_json(const struct dia_msg *m)
{
	struct json_object *o = json_object_new_object();
	const struct dia_cmd_def *c = dia_dict_cmd(m->code);
	const char *app = dia_dict_app_name(m->app_id);
	int req = !!(m->flags & DIA_F_REQUEST);

	add(o, "protocol", json_object_new_string("Diameter"));
	add(o, "version", json_object_new_int(m->version));
	add(o, "length", json_object_new_int64(m->length));
	add(o, "flags", flags_json(m->flags, "RPET"));
	if (m->flags & 0x0f)
		add(o, "flags_reserved", json_object_new_int(m->flags & 0x0f));
	add(o, "command_code", json_object_new_int64(m->code));
	if (c) {
		add(o, "command_name", json_object_new_string(req ? c->request : c->answer));
		add(o, "command_abbrev", json_object_new_string(req ? c->req_abbrev :
								c->ans_abbrev));
	}
	add(o, "application_id", json_object_new_int64(m->app_id));
	if (app)
		add(o, "application_name", json_object_new_string(app));
	add(o, "hop_by_hop", json_object_new_int64(m->hbh));
	add(o, "end_to_end", json_object_new_int64(m->e2e));
	add(o, "avps", avps_json(m, m->first));
	if (m->trailing)
		add(o, "trailing_bytes", json_object_new_int64((int64_t)m->trailing));
	return o;
}

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
	agwtool_codec_emit(msg_json(&m));
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
