// SPDX-License-Identifier: GPL-2.0
/*
 * NAS messages <-> JSON (see nas_json.h for the shape).  Decoding keeps the
 * IE octets ("hex") next to the structured "value", so a JSON round trip
 * always gives back the same bytes; encoding builds each IE from "value"
 * when present, else from "hex".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "proto/nas_ie.h"
#include "lib/hex.h"
#include "proto/nas_json.h"

#define MAX_DEPTH	3
#define NAS_MAX_LEN	65535

static const char *const fmt_names[] = {
	[NAS_FMT_V] = "V", [NAS_FMT_VH] = "V1/2", [NAS_FMT_T] = "T", [NAS_FMT_TV1] = "TV1",
	[NAS_FMT_TV] = "TV", [NAS_FMT_LV] = "LV", [NAS_FMT_TLV] = "TLV",
	[NAS_FMT_LVE] = "LV-E", [NAS_FMT_TLVE] = "TLV-E",
};

static void add(struct json_object *o, const char *k, struct json_object *v)
{
	if (v)
		json_object_object_add(o, k, v);
}

static struct json_object *msg_json(const uint8_t *buf, size_t len, unsigned int dir, int depth,
				    struct nas_err *err);

/* Structured value when it re-encodes to the same octets, else NULL. */
static struct json_object *value_json(const struct nas_ie *ie, int depth)
{
	const struct nas_vcodec *vc;
	struct json_object *o = NULL;
	uint8_t out[1024];
	void *st;
	int n;

	if (ie->d->vt == NAS_VT_ESM_CONTAINER)
		return msg_json(ie->val, ie->len, NAS_DIR_ANY, depth + 1, NULL);
	vc = nas_vcodec_get(ie->d->vt);
	if (!vc || ie->len > sizeof(out))
		return NULL;
	st = calloc(1, vc->size);
	if (!st)
		return NULL;
	if (!vc->dec(st, ie->val, ie->len, NULL)) {
		n = vc->enc(st, out, sizeof(out), NULL);
		if (n == ie->len && !memcmp(out, ie->val, ie->len))
			o = nas_value_to_json(ie->d->vt, st);
	}
	free(st);
	return o;
}

static struct json_object *ie_json(const struct nas_ie *ie, int depth)
{
	struct json_object *o = json_object_new_object();
	char iei[8];

	if (!o)
		return NULL;
	if (ie->d)
		add(o, "name", json_object_new_string(ie->d->name));
	if (!ie->d || ie->d->presence != NAS_M) {
		snprintf(iei, sizeof(iei), "0x%02x", ie->iei);
		add(o, "iei", json_object_new_string(iei));
	}
	if (!ie->d) {
		add(o, "format", json_object_new_string(fmt_names[ie->fmt]));
		add(o, "unknown", json_object_new_boolean(1));
	}
	if (ie->ignored)
		add(o, "ignored", json_object_new_boolean(1));
	add(o, "hex", hex_json(ie->val ? ie->val : (const uint8_t *)"", ie->len));
	if (ie->d && !ie->ignored)
		add(o, "value", value_json(ie, depth));
	return o;
}

static struct json_object *plain_json(const struct nas_msg *m, int depth)
{
	struct json_object *o = json_object_new_object(), *ies = json_object_new_array();

	if (!o || !ies) {
		json_object_put(o);
		json_object_put(ies);
		return NULL;
	}
	add(o, "protocol discriminator", json_object_new_int(m->pd));
	if (m->pd == NAS_PD_EMM) {
		add(o, "security header type", json_object_new_int(m->sht));
	} else {
		add(o, "EPS bearer identity", json_object_new_int(m->ebi));
		add(o, "procedure transaction identity", json_object_new_int(m->pti));
	}
	add(o, "message type", json_object_new_string(m->desc->name));
	if (m->desc->variant)
		add(o, "variant", json_object_new_string(m->desc->variant));
	for (unsigned int i = 0; i < m->n_ie; i++)
		json_object_array_add(ies, ie_json(&m->ie[i], depth));
	add(o, "IEs", ies);
	return o;
}

static struct json_object *protected_json(const struct nas_sec_hdr *h, int depth,
					  struct nas_err *err)
{
	struct json_object *o = json_object_new_object(), *inner = NULL;
	char mac[9];

	if (!o)
		return NULL;
	snprintf(mac, sizeof(mac), "%08x", h->mac);
	add(o, "protocol discriminator", json_object_new_int(h->pd));
	add(o, "security header type", json_object_new_int(h->sht));
	add(o, "message authentication code", json_object_new_string(mac));
	add(o, "sequence number", json_object_new_int(h->sqn));
	if (h->sht == NAS_SHT_INTEGRITY || h->sht == NAS_SHT_INTEGRITY_NEW_CTX)
		inner = msg_json(h->inner, h->inner_len, NAS_DIR_ANY, depth + 1, err);
	if (inner)
		add(o, "message", inner);
	else
		add(o, "ciphered message", hex_json(h->inner, h->inner_len));
	return o;
}

static struct json_object *msg_json(const uint8_t *buf, size_t len, unsigned int dir, int depth,
				    struct nas_err *err)
{
	struct nas_sec_hdr h;
	struct nas_msg *m;
	struct json_object *o = NULL;
	int rc;

	if (depth > MAX_DEPTH) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "NAS message nested too deeply");
		return NULL;
	}
	rc = nas_sec_hdr_decode(&h, buf, len, err);
	if (rc < 0)
		return NULL;
	if (rc > 0)
		return depth ? NULL : protected_json(&h, depth, err);
	m = malloc(sizeof(*m));
	if (m && nas_decode(m, buf, len, dir, err) == 0)
		o = plain_json(m, depth);
	free(m);
	return o;
}

struct json_object *nas_to_json(const uint8_t *buf, size_t len, unsigned int dir,
				struct nas_err *err)
{
	struct nas_err dummy;

	return msg_json(buf, len, dir, 0, err ? err : &dummy);
}

/* ------------------------------------------------------------ encode --- */

/* Scratch memory for IE values built while encoding one message. */
struct arena {
	uint8_t *p;
	size_t used, cap;
};

static uint8_t *arena_get(struct arena *a, size_t n)
{
	if (a->cap - a->used < n)
		return NULL;
	a->used += n;
	return a->p + a->used - n;
}

static int msg_from_json(struct json_object *o, uint8_t *out, size_t max, struct arena *a,
			 int depth, struct nas_err *err);

static int get_uint(struct json_object *o, const char *k, unsigned int max, int need,
		    unsigned int *v, struct nas_err *err)
{
	struct json_object *x;
	int64_t i;

	if (!json_object_object_get_ex(o, k, &x)) {
		if (!need)
			return 0;
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "\"%s\" is missing", k);
		return -1;
	}
	i = json_object_get_int64(x);
	if (!json_object_is_type(x, json_type_int) || i < 0 || i > max) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "\"%s\" is not a number in 0..%u", k, max);
		return -1;
	}
	*v = (unsigned int)i;
	return 0;
}

static int hex_in(struct json_object *x, struct arena *a, const uint8_t **p, size_t *n)
{
	const char *s = json_object_get_string(x);
	size_t l = s ? strlen(s) : 1;
	uint8_t *b;

	if (!json_object_is_type(x, json_type_string) || l % 2)
		return -1;
	b = arena_get(a, l / 2 + 1);
	if (!b)
		return -1;
	for (size_t i = 0; i < l / 2; i++) {
		char d[3] = { s[2 * i], s[2 * i + 1], 0 };
		char *end;

		b[i] = (uint8_t)strtoul(d, &end, 16);
		if (*end || !strchr("0123456789abcdefABCDEF", d[0]))
			return -1;
	}
	*p = b;
	*n = l / 2;
	return 0;
}

static int value_in(const struct nas_ie_desc *d, struct json_object *v, struct arena *a,
		    int depth, const uint8_t **p, size_t *n, struct nas_err *err)
{
	const struct nas_vcodec *vc = nas_vcodec_get(d->vt);
	uint8_t *b = a->p + a->used;
	void *st;
	int len;

	if (d->vt == NAS_VT_ESM_CONTAINER) {
		len = msg_from_json(v, NULL, 0, a, depth + 1, err);
	} else if (!vc) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "no structured value: give \"hex\"");
		return -1;
	} else {
		st = calloc(1, vc->size);
		len = -1;
		if (st && !nas_value_from_json(d->vt, v, st, err))
			len = vc->enc(st, b, a->cap - a->used, err);
		free(st);
	}
	if (len < 0)
		return -1;
	*p = arena_get(a, (size_t)len);
	*n = (size_t)len;
	return 0;
}

static int ie_in(struct nas_msg *m, struct json_object *o, struct arena *a, int depth,
		 struct nas_err *err)
{
	struct json_object *name = NULL, *hex = NULL, *val = NULL, *x;
	const struct nas_ie_desc *d = NULL;
	struct nas_ie *ie;
	const uint8_t *p = NULL;
	size_t n = 0;
	unsigned int iei = 0, fmt;

	if (!json_object_is_type(o, json_type_object) || m->n_ie >= NAS_MAX_IES)
		goto bad;
	json_object_object_get_ex(o, "name", &name);
	json_object_object_get_ex(o, "hex", &hex);
	json_object_object_get_ex(o, "value", &val);
	if (name && !(d = nas_ie_desc_find(m->desc, json_object_get_string(name)))) {
		nas_errf(err, 0, NAS_CAUSE_IE_UNKNOWN, "%s has no IE \"%s\"", m->desc->name,
			 json_object_get_string(name));
		return -1;
	}
	if (val && d) {
		if (value_in(d, val, a, depth, &p, &n, err)) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err->msg);
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: %s", d->name, why);
			return -1;
		}
	} else if (!hex || hex_in(hex, a, &p, &n)) {
		goto bad;
	}
	if (json_object_object_get_ex(o, "iei", &x)) {
		const char *s = json_object_get_string(x);
		char *end;

		iei = (unsigned int)strtoul(s, &end, 0);
		if (*end || iei > 255)
			goto bad;
	}
	fmt = d ? d->fmt : NAS_FMT_TLV;
	if (!d && json_object_object_get_ex(o, "format", &x)) {
		for (fmt = 0; fmt < sizeof(fmt_names) / sizeof(fmt_names[0]); fmt++)
			if (!strcmp(fmt_names[fmt], json_object_get_string(x)))
				break;
		if (fmt == NAS_FMT_V || fmt == NAS_FMT_VH || fmt == NAS_FMT_LV ||
		    fmt >= sizeof(fmt_names) / sizeof(fmt_names[0]))
			goto bad;
	}
	if (!d && !iei)
		goto bad;
	ie = &m->ie[m->n_ie++];
	memset(ie, 0, sizeof(*ie));
	ie->d = d;
	ie->iei = (uint8_t)(d ? d->iei : iei);
	ie->fmt = (uint8_t)fmt;
	ie->val = (fmt == NAS_FMT_VH || fmt == NAS_FMT_TV1) && n == 1 && p[0] < 16 ?
		  &nas_nibble[p[0]] : p;
	ie->len = (uint16_t)n;
	ie->ignored = json_object_object_get_ex(o, "ignored", &x) && json_object_get_boolean(x);
	return 0;
bad:
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
		 "%s: IE %u: needs \"name\" (or \"iei\" and \"format\") and \"value\" or hex",
		 m->desc->name, m->n_ie);
	return -1;
}

static int plain_in(struct json_object *o, uint8_t *out, size_t max, struct arena *a,
		    int depth, struct nas_err *err)
{
	struct json_object *t = NULL, *var = NULL, *ies = NULL;
	struct nas_msg *m = calloc(1, sizeof(*m));
	unsigned int pd = 0, v = 0;
	int rc = -1;

	if (!m)
		return -1;
	json_object_object_get_ex(o, "variant", &var);
	if (!json_object_object_get_ex(o, "message type", &t) ||
	    !(m->desc = nas_msg_desc_by_name(json_object_get_string(t),
					      var ? json_object_get_string(var) : NULL))) {
		nas_errf(err, 0, NAS_CAUSE_MSG_TYPE_UNKNOWN,
			 "\"message type\" is missing or not a message name of TS 24.301");
		goto out;
	}
	if (get_uint(o, "protocol discriminator", 15, 0, &pd, err))
		goto out;
	m->pd = m->desc->pd;
	m->type = m->desc->type;
	m->sht = m->desc->type == 0 && m->pd == NAS_PD_EMM ? NAS_SHT_SERVICE_REQUEST : 0;
	if (get_uint(o, "security header type", 15, 0, &v, err))
		goto out;
	if (m->pd == NAS_PD_EMM && v >= NAS_SHT_SERVICE_REQUEST && m->sht)
		m->sht = (uint8_t)v;
	if (get_uint(o, "EPS bearer identity", 15, 0, &v, err))
		goto out;
	m->ebi = (uint8_t)v;
	v = 0;
	if (get_uint(o, "procedure transaction identity", 255, 0, &v, err))
		goto out;
	m->pti = (uint8_t)v;
	if (json_object_object_get_ex(o, "IEs", &ies) &&
	    !json_object_is_type(ies, json_type_array)) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "\"IEs\" is not an array");
		goto out;
	}
	for (size_t i = 0; ies && i < json_object_array_length(ies); i++)
		if (ie_in(m, json_object_array_get_idx(ies, i), a, depth, err))
			goto out;
	nas_msg_reindex(m);
	rc = nas_encode(m, out, max, err);
out:
	free(m);
	return rc;
}

static int protected_in(struct json_object *o, uint8_t *out, size_t max, struct arena *a,
			int depth, struct nas_err *err)
{
	struct json_object *x;
	struct nas_sec_hdr h = { .pd = NAS_PD_EMM };
	unsigned int v;
	uint8_t *inner;
	int n;

	if (get_uint(o, "security header type", 5, 1, &v, err))
		return -1;
	h.sht = (uint8_t)v;
	if (get_uint(o, "sequence number", 255, 1, &v, err))
		return -1;
	h.sqn = (uint8_t)v;
	if (!json_object_object_get_ex(o, "message authentication code", &x) ||
	    sscanf(json_object_get_string(x), "%8x", &v) != 1 ||
	    strlen(json_object_get_string(x)) != 8) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "\"message authentication code\" is not 8 hex digits");
		return -1;
	}
	h.mac = v;
	if (json_object_object_get_ex(o, "message", &x)) {
		n = msg_from_json(x, NULL, 0, a, depth + 1, err);
		inner = n < 0 ? NULL : arena_get(a, (size_t)n);
		if (!inner)
			return -1;
		h.inner = inner;
		h.inner_len = (size_t)n;
	} else if (!json_object_object_get_ex(o, "ciphered message", &x) ||
		   hex_in(x, a, &h.inner, &h.inner_len)) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "protected message needs \"message\" or \"ciphered message\" hex");
		return -1;
	}
	return nas_sec_hdr_encode(&h, out, max, err);
}

/* max 0: encode into the arena's free space (nested ESM containers). */
static int msg_from_json(struct json_object *o, uint8_t *out, size_t max, struct arena *a,
			 int depth, struct nas_err *err)
{
	unsigned int sht = 0;
	int n;

	if (depth > MAX_DEPTH || !json_object_is_type(o, json_type_object)) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "NAS message: not an object (or too deep)");
		return -1;
	}
	if (max == 0) {
		/* the nested message goes where the arena's free space starts; its
		 * own IE values are placed after a reserved block */
		size_t reserve = (a->cap - a->used) / 2;
		size_t start = a->used;

		a->used += reserve;
		n = msg_from_json(o, a->p + start, reserve, a, depth, err);
		a->used = start;
		return n;
	}
	if (get_uint(o, "security header type", 15, 0, &sht, err))
		return -1;
	if (sht >= 1 && sht <= 5)
		return protected_in(o, out, max, a, depth, err);
	return plain_in(o, out, max, a, depth, err);
}

int nas_from_json(struct json_object *o, uint8_t *out, size_t max, struct nas_err *err)
{
	struct arena a = { .cap = 4 * NAS_MAX_LEN };
	struct nas_err dummy;
	int n;

	if (!err)
		err = &dummy;
	a.p = malloc(a.cap);
	if (!a.p) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "out of memory");
		return -1;
	}
	n = msg_from_json(o, out, max, &a, 0, err);
	free(a.p);
	return n;
}
