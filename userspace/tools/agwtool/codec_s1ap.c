// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool decode/encode s1ap: S1AP-PDU <-> JSON, one generic walker over
 * the type descriptors of proto/s1ap.h (Documentation/codecs-s1ap.md).
 *
 *   INTEGER -> number, ENUMERATED -> name (number for an unknown extension
 *   value), BIT STRING -> hex, or {"bits": N, "hex": ...} when N is not a
 *   multiple of 8, OCTET STRING -> hex, PrintableString -> string,
 *   SEQUENCE -> object, SEQUENCE OF -> array, CHOICE -> {"alternative": v},
 *   ProtocolIE-Field -> {"id", "name", "criticality", "value" | "raw"}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"
#include "lib/hex.h"
#include "proto/s1ap.h"

#define S1AP_MAX_PDU	(256 * 1024)

/* ------------------------------------------------------ value -> JSON --- */

static struct json_object *val_json(const struct s1ap_val *v);

static struct json_object *field_json(const struct s1ap_val *v)
{
	struct json_object *o = json_object_new_object();
	const struct s1ap_ie_info *info = v->t->ext_field ? NULL : s1ap_ie_info((unsigned int)v->u);

	json_object_object_add(o, "id", json_object_new_int64((int64_t)v->u));
	if (info)
		json_object_object_add(o, "name", json_object_new_string(info->name));
	json_object_object_add(o, "criticality", json_object_new_string(s1ap_crit_name(v->crit)));
	if (v->understood)
		json_object_object_add(o, "value", val_json(&v->v[0]));
	else
		json_object_object_add(o, "raw", hex_json(v->v[0].p, v->v[0].n));
	return o;
}

static struct json_object *seq_json(const struct s1ap_val *v)
{
	const struct s1ap_type *t = v->t;
	struct json_object *o = json_object_new_object(), *ext = NULL;
	unsigned int n_add = t->n - t->n_root;

	for (unsigned int i = 0; i < t->n; i++)
		if (v->v[i].t)
			json_object_object_add(o, t->m[i].name, val_json(&v->v[i]));
	for (unsigned int k = n_add; k < v->bits; k++) {
		const struct s1ap_val *x = &v->v[t->n_root + k];
		struct json_object *e;

		if (!x->t)
			continue;
		if (!ext)
			ext = json_object_new_array();
		e = json_object_new_object();
		json_object_object_add(e, "index", json_object_new_int((int)k));
		json_object_object_add(e, "raw", hex_json(x->p, x->n));
		json_object_array_add(ext, e);
	}
	if (v->bits)
		json_object_object_add(o, "_extbits", json_object_new_int((int)v->bits));
	if (ext)
		json_object_object_add(o, "_ext", ext);
	return o;
}

static struct json_object *val_json(const struct s1ap_val *v)
{
	const struct s1ap_type *t = v->t;
	struct json_object *o;

	switch (t->kind) {
	case S1AP_K_INT:
		return json_object_new_int64((int64_t)v->u);
	case S1AP_K_ENUM:
		if (v->u < t->n)
			return json_object_new_string(t->names[v->u]);
		return json_object_new_int64((int64_t)v->u);
	case S1AP_K_BOOL:
		return json_object_new_boolean(v->u != 0);
	case S1AP_K_NULL:
		return NULL;
	case S1AP_K_BITS:
		if (v->bits % 8 == 0)
			return hex_json(v->p, v->n);
		o = json_object_new_object();
		json_object_object_add(o, "bits", json_object_new_int((int)v->bits));
		json_object_object_add(o, "hex", hex_json(v->p, v->n));
		return o;
	case S1AP_K_OCTETS:
	case S1AP_K_RAW:
		return hex_json(v->p, v->n);
	case S1AP_K_PRINTABLE:
		return json_object_new_string_len((const char *)v->p, (int)v->n);
	case S1AP_K_SEQ:
		return seq_json(v);
	case S1AP_K_SEQOF:
		o = json_object_new_array();
		for (uint32_t i = 0; i < v->n; i++)
			json_object_array_add(o, val_json(&v->v[i]));
		return o;
	case S1AP_K_CHOICE:
		o = json_object_new_object();
		if (v->u < t->n) {
			json_object_object_add(o, t->m[v->u].name, val_json(&v->v[0]));
		} else {
			struct json_object *e = json_object_new_object();

			json_object_object_add(e, "index", json_object_new_int64((int64_t)v->u));
			json_object_object_add(e, "raw", hex_json(v->v[0].p, v->v[0].n));
			json_object_object_add(o, "_ext", e);
		}
		return o;
	case S1AP_K_FIELD:
		return field_json(v);
	}
	return NULL;
}

static int s1ap_decode_cmd(const uint8_t *buf, size_t len)
{
	struct s1ap_arena a = { 0 };
	struct aper_ctx ctx;
	struct s1ap_pdu pdu;
	struct json_object *o;
	const struct s1ap_proc_info *pi;

	memset(&ctx, 0, sizeof(ctx));
	if (s1ap_decode(&pdu, &a, &ctx, buf, len)) {
		s1ap_arena_free(&a);
		return agwtool_err("s1ap: %s", ctx.err);
	}
	pi = s1ap_proc_info(pdu.proc);
	o = json_object_new_object();
	json_object_object_add(o, "pdu", json_object_new_string(s1ap_kind_name(pdu.kind)));
	if (pi)
		json_object_object_add(o, "procedure", json_object_new_string(pi->name));
	json_object_object_add(o, "procedureCode", json_object_new_int(pdu.proc));
	json_object_object_add(o, "criticality", json_object_new_string(s1ap_crit_name(pdu.crit)));
	if (pdu.msg) {
		json_object_object_add(o, "message", json_object_new_string(pdu.msg->name));
		if (pdu.body.bits)
			json_object_object_add(o, "_body", val_json(&pdu.body));
		else
			json_object_object_add(o, "ies", val_json(&pdu.body.v[0]));
	} else {
		json_object_object_add(o, "raw", hex_json(pdu.body.p, pdu.body.n));
	}
	s1ap_arena_free(&a);
	agwtool_codec_emit(o);
	return 0;
}

/* ------------------------------------------------------ JSON -> value --- */

struct jctx {
	struct s1ap_arena *a;
	char where[256];
};

static int jerr(struct jctx *c, const char *what, const char *why)
{
	return agwtool_err("s1ap: JSON %s%s%s: %s", c->where, c->where[0] ? "." : "", what, why);
}

static int json_hex(struct jctx *c, struct json_object *j, const char *what,
		    const uint8_t **p, uint32_t *n)
{
	const char *s = json_object_get_string(j);
	size_t max;
	uint8_t *buf;
	int len;

	if (!json_object_is_type(j, json_type_string))
		return jerr(c, what, "expected a hex string");
	max = strlen(s) / 2 + 1;
	buf = s1ap_alloc(c->a, max);
	len = buf ? agwtool_hex(s, buf, max) : -1;
	if (len < 0)
		return jerr(c, what, "not an even number of hex digits");
	*p = buf;
	*n = (uint32_t)len;
	return 0;
}

static int json_val(struct jctx *c, struct json_object *j, const char *what,
		    const struct s1ap_type *t, struct s1ap_val *v);

static int json_field(struct jctx *c, struct json_object *j, const char *what,
		      const struct s1ap_type *t, struct s1ap_val *v)
{
	struct json_object *id, *crit, *val, *raw;
	const struct s1ap_ie_info *info;
	int ci;

	if (!json_object_object_get_ex(j, "id", &id) ||
	    !json_object_object_get_ex(j, "criticality", &crit))
		return jerr(c, what, "an IE needs \"id\" and \"criticality\"");
	ci = !strcmp(json_object_get_string(crit), "reject") ? 0 :
	     !strcmp(json_object_get_string(crit), "ignore") ? 1 :
	     !strcmp(json_object_get_string(crit), "notify") ? 2 : -1;
	if (ci < 0 || json_object_get_int64(id) < 0 || json_object_get_int64(id) > 65535)
		return jerr(c, what, "bad \"id\" or \"criticality\"");
	if (s1ap_val_init(c->a, v, t, 0))
		return jerr(c, what, "out of memory");
	v->u = (uint64_t)json_object_get_int64(id);
	v->crit = (uint8_t)ci;
	if (json_object_object_get_ex(j, "raw", &raw)) {
		v->v[0].t = &s1ap_t_raw;
		return json_hex(c, raw, what, &v->v[0].p, &v->v[0].n);
	}
	info = t->ext_field ? NULL : s1ap_ie_info((unsigned int)v->u);
	if (!json_object_object_get_ex(j, "value", &val) || !info || !info->type)
		return jerr(c, what, "needs \"raw\" (hex), or \"value\" for an IE of known type");
	v->understood = 1;
	return json_val(c, val, info->name, info->type, &v->v[0]);
}

static int json_seq_ext(struct jctx *c, struct json_object *j, const char *what,
			const struct s1ap_type *t, struct s1ap_val *v)
{
	struct json_object *bits, *ext;
	struct s1ap_val *nv;
	uint32_t n_add;
	size_t n;

	if (!json_object_object_get_ex(j, "_extbits", &bits))
		return 0;
	v->bits = (uint32_t)json_object_get_int(bits);
	if (v->bits < 1 || v->bits > 128)
		return jerr(c, what, "\"_extbits\" must be 1..128");
	n_add = (uint32_t)(t->n - t->n_root);
	n = t->n + (v->bits > n_add ? v->bits - n_add : 0);
	nv = s1ap_alloc(c->a, n * sizeof(*nv));
	if (!nv)
		return jerr(c, what, "out of memory");
	memcpy(nv, v->v, t->n * sizeof(*nv));
	v->v = nv;
	if (!json_object_object_get_ex(j, "_ext", &ext))
		return 0;
	for (size_t i = 0; i < json_object_array_length(ext); i++) {
		struct json_object *e = json_object_array_get_idx(ext, i), *idx, *raw;
		int k;

		if (!json_object_object_get_ex(e, "index", &idx) ||
		    !json_object_object_get_ex(e, "raw", &raw))
			return jerr(c, what, "\"_ext\" items need \"index\" and \"raw\"");
		k = json_object_get_int(idx);
		if (k < (int)(t->n - t->n_root) || (unsigned int)k >= v->bits)
			return jerr(c, what, "\"_ext\" index out of range");
		v->v[t->n_root + k].t = &s1ap_t_raw;
		if (json_hex(c, raw, what, &v->v[t->n_root + k].p, &v->v[t->n_root + k].n))
			return -1;
	}
	return 0;
}

static int json_seq(struct jctx *c, struct json_object *j, const char *what,
		    const struct s1ap_type *t, struct s1ap_val *v)
{
	size_t keep = strlen(c->where);
	int rc = 0;

	if (!json_object_is_type(j, json_type_object))
		return jerr(c, what, "expected an object");
	if (s1ap_val_init(c->a, v, t, 0))
		return jerr(c, what, "out of memory");
	json_object_object_foreach(j, key, mv) {
		int i = s1ap_name_index(t, key);

		if (key[0] == '_')
			continue;
		if (i < 0)
			return jerr(c, key, "no such member");
	}
	snprintf(c->where + keep, sizeof(c->where) - keep, "%s%s", keep ? "." : "", what);
	for (unsigned int i = 0; i < t->n && !rc; i++) {
		struct json_object *m;

		if (json_object_object_get_ex(j, t->m[i].name, &m))
			rc = json_val(c, m, t->m[i].name, t->m[i].type, &v->v[i]);
		else if (!t->m[i].optional)
			rc = jerr(c, t->m[i].name, "mandatory member missing");
	}
	if (!rc)
		rc = json_seq_ext(c, j, what, t, v);
	c->where[keep] = '\0';
	return rc;
}

static int json_choice(struct jctx *c, struct json_object *j, const char *what,
		       const struct s1ap_type *t, struct s1ap_val *v)
{
	if (!json_object_is_type(j, json_type_object) || json_object_object_length(j) != 1)
		return jerr(c, what, "a CHOICE is an object with one member");
	if (s1ap_val_init(c->a, v, t, 0))
		return jerr(c, what, "out of memory");
	json_object_object_foreach(j, key, alt) {
		struct json_object *idx, *raw;
		int i;

		if (!strcmp(key, "_ext")) {
			if (!json_object_object_get_ex(alt, "index", &idx) ||
			    !json_object_object_get_ex(alt, "raw", &raw) ||
			    json_object_get_int(idx) < t->n_root || !t->ext)
				return jerr(c, what, "bad \"_ext\" alternative");
			v->u = (uint64_t)json_object_get_int(idx);
			v->v[0].t = &s1ap_t_raw;
			return json_hex(c, raw, what, &v->v[0].p, &v->v[0].n);
		}
		i = s1ap_name_index(t, key);
		if (i < 0)
			return jerr(c, key, "no such alternative");
		v->u = (uint64_t)i;
		return json_val(c, alt, key, t->m[i].type, &v->v[0]);
	}
	return -1;
}

static int json_bits(struct jctx *c, struct json_object *j, const char *what,
		     struct s1ap_val *v)
{
	struct json_object *bits, *hex;

	if (json_object_is_type(j, json_type_string)) {
		if (json_hex(c, j, what, &v->p, &v->n))
			return -1;
		v->bits = 8 * v->n;
		return 0;
	}
	if (!json_object_object_get_ex(j, "bits", &bits) ||
	    !json_object_object_get_ex(j, "hex", &hex) || json_hex(c, hex, what, &v->p, &v->n))
		return jerr(c, what, "expected hex or {\"bits\": N, \"hex\": ...}");
	v->bits = (uint32_t)json_object_get_int(bits);
	if (v->bits > 8 * v->n || v->bits + 8 <= 8 * v->n)
		return jerr(c, what, "\"bits\" does not match the hex length");
	return 0;
}

static int json_enum(struct jctx *c, struct json_object *j, const char *what,
		     const struct s1ap_type *t, struct s1ap_val *v)
{
	int i;

	if (json_object_is_type(j, json_type_int)) {
		v->u = (uint64_t)json_object_get_int64(j);
		return 0;
	}
	i = s1ap_name_index(t, json_object_get_string(j));
	if (i < 0)
		return jerr(c, what, "not a value of this ENUMERATED");
	v->u = (uint64_t)i;
	return 0;
}

static int json_val(struct jctx *c, struct json_object *j, const char *what,
		    const struct s1ap_type *t, struct s1ap_val *v)
{
	memset(v, 0, sizeof(*v));
	v->t = t;
	switch (t->kind) {
	case S1AP_K_INT:
		if (!json_object_is_type(j, json_type_int) || json_object_get_int64(j) < 0)
			return jerr(c, what, "expected a non-negative integer");
		v->u = (uint64_t)json_object_get_int64(j);
		return 0;
	case S1AP_K_ENUM:
		return json_enum(c, j, what, t, v);
	case S1AP_K_BOOL:
		v->u = json_object_get_boolean(j);
		return 0;
	case S1AP_K_NULL:
		return 0;
	case S1AP_K_BITS:
		return json_bits(c, j, what, v);
	case S1AP_K_OCTETS:
		return json_hex(c, j, what, &v->p, &v->n);
	case S1AP_K_PRINTABLE:
		if (!json_object_is_type(j, json_type_string))
			return jerr(c, what, "expected a string");
		v->p = (const uint8_t *)json_object_get_string(j);
		v->n = (uint32_t)json_object_get_string_len(j);
		return 0;
	case S1AP_K_SEQ:
		return json_seq(c, j, what, t, v);
	case S1AP_K_SEQOF:
		if (!json_object_is_type(j, json_type_array))
			return jerr(c, what, "expected an array");
		if (s1ap_val_init(c->a, v, t, (uint32_t)json_object_array_length(j)))
			return jerr(c, what, "out of memory");
		for (uint32_t i = 0; i < v->n; i++)
			if (json_val(c, json_object_array_get_idx(j, i), what, t->elem, &v->v[i]))
				return -1;
		return 0;
	case S1AP_K_CHOICE:
		return json_choice(c, j, what, t, v);
	case S1AP_K_FIELD:
		return json_field(c, j, what, t, v);
	}
	return jerr(c, what, "type cannot be read from JSON");
}

static int pdu_header(struct json_object *j, struct s1ap_pdu *pdu)
{
	struct json_object *o;
	const char *s;

	if (!json_object_object_get_ex(j, "pdu", &o))
		return agwtool_err("s1ap: JSON: \"pdu\" is missing");
	s = json_object_get_string(o);
	for (pdu->kind = 0; pdu->kind < 3 && strcmp(s, s1ap_kind_name(pdu->kind)); pdu->kind++)
		;
	if (pdu->kind == 3)
		return agwtool_err("s1ap: JSON: \"pdu\" \"%s\" is unknown", s);
	if (!json_object_object_get_ex(j, "procedureCode", &o) ||
	    json_object_get_int(o) < 0 || json_object_get_int(o) > 255)
		return agwtool_err("s1ap: JSON: \"procedureCode\" (0..255) is missing");
	pdu->proc = (uint8_t)json_object_get_int(o);
	if (!json_object_object_get_ex(j, "criticality", &o))
		return agwtool_err("s1ap: JSON: \"criticality\" is missing");
	s = json_object_get_string(o);
	pdu->crit = !strcmp(s, "reject") ? 0 : !strcmp(s, "ignore") ? 1 :
		    !strcmp(s, "notify") ? 2 : 3;
	if (pdu->crit == 3)
		return agwtool_err("s1ap: JSON: \"criticality\" \"%s\" is unknown", s);
	pdu->msg = s1ap_msg_find(pdu->proc, pdu->kind);
	return 0;
}

static int s1ap_encode_cmd(void)
{
	struct json_object *j = agwtool_codec_read_json(), *o;
	struct s1ap_arena a = { 0 };
	struct jctx c = { &a, "" };
	struct s1ap_pdu pdu;
	struct aper_ctx ctx;
	uint8_t *out = NULL;
	long n = -1;
	int rc = 1;

	if (!j)
		return 1;
	memset(&pdu, 0, sizeof(pdu));
	memset(&ctx, 0, sizeof(ctx));
	if (pdu_header(j, &pdu))
		goto out;
	if (json_object_object_get_ex(j, "raw", &o)) {
		pdu.body.t = &s1ap_t_raw;
		if (json_hex(&c, o, "raw", &pdu.body.p, &pdu.body.n))
			goto out;
	} else if (!pdu.msg) {
		agwtool_err("s1ap: JSON: procedure %u %s is not in the tables: give \"raw\"",
			    pdu.proc, s1ap_kind_name(pdu.kind));
		goto out;
	} else if (json_object_object_get_ex(j, "_body", &o)) {
		if (json_val(&c, o, "_body", &s1ap_t_msg_body, &pdu.body))
			goto out;
	} else if (!json_object_object_get_ex(j, "ies", &o)) {
		agwtool_err("s1ap: JSON: \"ies\" is missing");
		goto out;
	} else if (s1ap_val_init(&a, &pdu.body, &s1ap_t_msg_body, 0) ||
		   json_val(&c, o, "ies", s1ap_t_msg_body.m[0].type, &pdu.body.v[0])) {
		goto out;
	}
	out = malloc(S1AP_MAX_PDU);
	if (out)
		n = s1ap_encode(&pdu, &ctx, out, S1AP_MAX_PDU);
	if (n < 0) {
		agwtool_err("s1ap: %s", out ? ctx.err : "out of memory");
		goto out;
	}
	agwtool_print_hex(out, (size_t)n);
	putchar('\n');
	rc = 0;
out:
	free(out);
	s1ap_arena_free(&a);
	json_object_put(j);
	return rc;
}

AGWTOOL_CODEC(s1ap, s1ap_decode_cmd, s1ap_encode_cmd)
