// SPDX-License-Identifier: GPL-2.0
/*
 * A decoded Diameter message as a json-c tree (the JSON that `agwtool decode
 * diameter` prints and the emulators' control interface returns).  Each AVP
 * gives code, name, flags ("VMP" letters), vendor (when V is set), type and
 * value; values that JSON cannot show losslessly (floats, strings that are
 * not printable) get a "hex" member too.
 */
#include <arpa/inet.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <json-c/json.h>

#include "lib/hex.h"
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
	add(o, "hex", hex_json(a->data, a->len));
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
			add(o, "value", hex_json(a->data + 2, a->len - 2));
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
		add(o, "hex", hex_json(a->data, a->len));
		return;
	default:
		add(o, "value", hex_json(a->data, a->len));
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
			add(o, "value", hex_json(a->data, a->len));
		json_object_array_add(arr, o);
	}
	return arr;
}

struct json_object *dia_msg_json(const struct dia_msg *m)
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
