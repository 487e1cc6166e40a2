// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool codec "gtpu": GTP-U (TS 29.281) messages to JSON and back.
 *
 *   agwtool decode gtpu HEX      -> JSON (see Documentation/codecs-gtpu-diameter.md)
 *   agwtool encode gtpu < JSON   -> hex
 *
 * Encoding prefers the raw "value"/"content" hex of an IE or extension when
 * present (so decode -> encode is byte-identical) and otherwise builds it
 * from the typed fields ("recovery", "teid", "address", ...).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"
#include "json_util.h"
#include "proto/gtpu_msg.h"

#define GTPU_MAX_MSG	(GTPU_HDR_LEN + 65535)

static void add(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

static struct json_object *num(uint64_t v)
{
	return json_object_new_uint64(v);
}

static const char *comprehension_name(uint8_t type)
{
	static const char *const names[] = {
		"not required", "not required by endpoint", "required by endpoint",
		"required by all nodes",
	};

	return names[gtpu_ext_comprehension(type)];
}

static struct json_object *pdu_session_json(const struct gtpu_pdu_session *ps)
{
	struct json_object *o = json_object_new_object();

	add(o, "pdu_type", num(ps->pdu_type));
	add(o, "pdu_type_name", json_object_new_string(ps->pdu_type == 0 ?
		"DL PDU SESSION INFORMATION" : ps->pdu_type == 1 ?
		"UL PDU SESSION INFORMATION" : "unknown"));
	add(o, "qfi", num(ps->qfi));
	if (ps->pdu_type == 0) {
		add(o, "ppp", num(ps->ppp));
		add(o, "rqi", num(ps->rqi));
		if (ps->ppp)
			add(o, "ppi", num(ps->ppi));
	}
	add(o, "qmp", num(ps->qmp));
	add(o, "snp", num(ps->snp));
	return o;
}

static struct json_object *ext_json(const struct gtpu_ext *x)
{
	struct json_object *o = json_object_new_object();
	const char *name = gtpu_ext_type_name(x->type);

	add(o, "type", num(x->type));
	add(o, "name", json_object_new_string(name ? name : "unknown"));
	add(o, "comprehension", json_object_new_string(comprehension_name(x->type)));
	add(o, "length", num((x->content_len + 2) / 4));
	add(o, "content", ju_hex(x->content, x->content_len));
	if (x->has_pdu_session)
		add(o, "pdu_session", pdu_session_json(&x->pdu_session));
	if (x->type == GTPU_EXT_UDP_PORT && x->content_len == 2)
		add(o, "udp_port", num((unsigned int)x->content[0] << 8 | x->content[1]));
	return o;
}

static void ie_typed_json(struct json_object *o, const struct gtpu_ie *ie)
{
	char addr[INET6_ADDRSTRLEN];
	const uint8_t *v = ie->value;

	switch (ie->type) {
	case GTPU_IE_RECOVERY:
		add(o, "recovery", num(v[0]));
		break;
	case GTPU_IE_TEID_DATA_I:
		add(o, "teid", num((uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
				   (uint32_t)v[2] << 8 | v[3]));
		break;
	case GTPU_IE_PEER_ADDRESS:
		inet_ntop(ie->len == 4 ? AF_INET : AF_INET6, v, addr, sizeof(addr));
		add(o, "address", json_object_new_string(addr));
		break;
	case GTPU_IE_EXT_HDR_TYPE_LIST: {
		struct json_object *a = json_object_new_array();

		for (size_t i = 0; i < ie->len; i++)
			json_object_array_add(a, num(v[i]));
		add(o, "extension_types", a);
		break;
	}
	case GTPU_IE_PRIVATE_EXTENSION:
		add(o, "extension_id", num((unsigned int)v[0] << 8 | v[1]));
		add(o, "extension_value", ju_hex(v + 2, ie->len - 2));
		break;
	}
}

static struct json_object *msg_json(const struct gtpu_msg *m)
{
	struct json_object *o = json_object_new_object(), *f = json_object_new_object();
	const char *name = gtpu_msg_type_name(m->type);

	add(o, "protocol", json_object_new_string("GTP-U"));
	add(o, "version", num(1));
	add(f, "pt", num(!!(m->flags & GTPU_F_PT)));
	add(f, "spare", num(!!(m->flags & GTPU_F_SPARE)));
	add(f, "e", num(!!(m->flags & GTPU_F_E)));
	add(f, "s", num(!!(m->flags & GTPU_F_S)));
	add(f, "pn", num(!!(m->flags & GTPU_F_PN)));
	add(o, "flags", f);
	add(o, "message_type", num(m->type));
	add(o, "message_name", json_object_new_string(name ? name : "unknown"));
	add(o, "length", num(m->length));
	add(o, "teid", num(m->teid));
	if (m->flags & GTPU_F_OPT) {
		add(o, "sequence_number", num(m->seq));
		add(o, "npdu_number", num(m->npdu));
		add(o, "next_extension_type", num(m->next_ext));
	}
	if (m->n_ext) {
		struct json_object *a = json_object_new_array();

		for (unsigned int i = 0; i < m->n_ext; i++)
			json_object_array_add(a, ext_json(&m->ext[i]));
		add(o, "extension_headers", a);
	}
	if (m->payload) {
		add(o, "payload", ju_hex(m->payload, m->payload_len));
	} else {
		struct json_object *a = json_object_new_array();

		for (unsigned int i = 0; i < m->n_ie; i++) {
			struct json_object *ie = json_object_new_object();
			const char *n = gtpu_ie_type_name(m->ie[i].type);

			add(ie, "type", num(m->ie[i].type));
			add(ie, "name", json_object_new_string(n ? n : "unknown"));
			add(ie, "value", ju_hex(m->ie[i].value, m->ie[i].len));
			ie_typed_json(ie, &m->ie[i]);
			json_object_array_add(a, ie);
		}
		add(o, "ies", a);
	}
	if (m->trailing)
		add(o, "trailing_bytes", num(m->trailing));
	return o;
}

static int gtpu_decode(const uint8_t *buf, size_t len)
{
	struct gtpu_msg *m = malloc(sizeof(*m));
	struct gtpu_err err;

	if (!m)
		return agwtool_err("gtpu: out of memory");
	if (gtpu_msg_decode(buf, len, m, &err)) {
		free(m);
		return agwtool_err("gtpu: offset %zu: %s", err.offset, err.msg);
	}
	agwtool_codec_emit(msg_json(m));
	free(m);
	return 0;
}

/* ---------------------------------------------------------- encoding --- */

/* Buffers the encoded struct points into, freed together. */
struct pool {
	uint8_t *p[GTPU_MAX_EXT + GTPU_MAX_IE + 1];
	unsigned int n;
};

static uint8_t *keep(struct pool *pl, uint8_t *b)
{
	if (b && pl->n < sizeof(pl->p) / sizeof(pl->p[0]))
		pl->p[pl->n++] = b;
	return b;
}

static int flags_from_json(struct json_object *in, uint8_t *flags)
{
	static const struct { const char *k; uint8_t bit; } bits[] = {
		{ "pt", GTPU_F_PT }, { "spare", GTPU_F_SPARE }, { "e", GTPU_F_E },
		{ "s", GTPU_F_S }, { "pn", GTPU_F_PN },
	};
	struct json_object *f = ju_get(in, "flags");

	*flags = GTPU_F_PT;
	for (size_t i = 0; f && i < sizeof(bits) / sizeof(bits[0]); i++) {
		uint64_t v = !!(*flags & bits[i].bit);

		if (ju_u64_opt(f, "flags", bits[i].k, 1, &v))
			return -1;
		*flags = (uint8_t)(v ? *flags | bits[i].bit : *flags & ~bits[i].bit);
	}
	return 0;
}

static int ext_from_json(struct json_object *j, struct gtpu_ext *x, struct pool *pl,
			 const char *where)
{
	struct json_object *ps = ju_get(j, "pdu_session");
	uint64_t v;

	if (ju_u64(j, where, "type", 255, &v))
		return -1;
	x->type = (uint8_t)v;
	if (ju_get(j, "content")) {
		uint8_t *b;

		if (ju_hexbuf(j, where, "content", &b, &x->content_len))
			return -1;
		x->content = keep(pl, b);
	} else if (ps) {
		struct gtpu_pdu_session s = { 0 };
		uint64_t f[5] = { 0 };
		const char *k[5] = { "pdu_type", "qfi", "rqi", "ppp", "ppi" };
		const uint64_t max[5] = { 15, 63, 1, 1, 7 };
		uint8_t *b = keep(pl, malloc(6));
		int n;

		for (int i = 0; i < 5; i++)
			if (ju_u64_opt(ps, "pdu_session", k[i], max[i], &f[i]))
				return -1;
		s.pdu_type = (uint8_t)f[0];
		s.qfi = (uint8_t)f[1];
		s.rqi = (uint8_t)f[2];
		s.ppp = (uint8_t)f[3];
		s.ppi = (uint8_t)f[4];
		n = b ? gtpu_pdu_session_build(&s, b, 6) : -1;
		if (n < 0)
			return agwtool_err("%s: cannot build the PDU Session Container", where);
		x->content = b;
		x->content_len = (size_t)n;
	} else {
		return agwtool_err("%s: needs \"content\" (hex) or \"pdu_session\"", where);
	}
	return 0;
}

static int ie_typed_from_json(struct json_object *j, struct gtpu_ie *ie, uint8_t **b,
			      const char *where)
{
	const char *s;
	uint64_t v;
	struct json_object *a;

	switch (ie->type) {
	case GTPU_IE_RECOVERY:
		if (ju_u64(j, where, "recovery", 255, &v) || !(*b = malloc(1)))
			return -1;
		(*b)[0] = (uint8_t)v;
		ie->len = 1;
		return 0;
	case GTPU_IE_TEID_DATA_I:
		if (ju_u64(j, where, "teid", UINT32_MAX, &v) || !(*b = malloc(4)))
			return -1;
		for (int i = 0; i < 4; i++)
			(*b)[i] = (uint8_t)(v >> (24 - 8 * i));
		ie->len = 4;
		return 0;
	case GTPU_IE_PEER_ADDRESS:
		if (ju_str(j, where, "address", &s) || !(*b = malloc(16)))
			return -1;
		ie->len = inet_pton(AF_INET, s, *b) == 1 ? 4 :
			  inet_pton(AF_INET6, s, *b) == 1 ? 16 : 0;
		if (!ie->len)
			return agwtool_err("%s.address: not an IPv4 or IPv6 address", where);
		return 0;
	case GTPU_IE_EXT_HDR_TYPE_LIST:
		a = ju_get(j, "extension_types");
		if (!a || !json_object_is_type(a, json_type_array))
			return agwtool_err("%s.extension_types: expected an array", where);
		ie->len = json_object_array_length(a);
		if (ie->len > 255 || !(*b = malloc(ie->len + 1)))
			return agwtool_err("%s.extension_types: too many", where);
		for (size_t i = 0; i < ie->len; i++)
			(*b)[i] = (uint8_t)json_object_get_int(json_object_array_get_idx(a, i));
		return 0;
	}
	return agwtool_err("%s: needs \"value\" (hex) for IE type %u", where, ie->type);
}

static int ie_from_json(struct json_object *j, struct gtpu_ie *ie, struct pool *pl,
			const char *where)
{
	uint8_t *b = NULL;
	uint64_t v;
	int rc;

	if (ju_u64(j, where, "type", 255, &v))
		return -1;
	ie->type = (uint8_t)v;
	if (ju_get(j, "value"))
		rc = ju_hexbuf(j, where, "value", &b, &ie->len);
	else
		rc = ie_typed_from_json(j, ie, &b, where);
	ie->value = keep(pl, b);
	if (rc)
		return -1;
	return b ? 0 : agwtool_err("%s: out of memory", where);
}

static int body_from_json(struct json_object *in, struct gtpu_msg *m, struct pool *pl)
{
	struct json_object *a = ju_get(in, "extension_headers");
	char where[48];

	if (a && json_object_is_type(a, json_type_array)) {
		size_t n = json_object_array_length(a);

		if (n > GTPU_MAX_EXT)
			return agwtool_err("extension_headers: more than %d", GTPU_MAX_EXT);
		for (size_t i = 0; i < n; i++) {
			snprintf(where, sizeof(where), "extension_headers[%zu]", i);
			if (ext_from_json(json_object_array_get_idx(a, i), &m->ext[i], pl, where))
				return -1;
			m->n_ext++;
		}
	}
	a = ju_get(in, "ies");
	if (a && json_object_is_type(a, json_type_array)) {
		size_t n = json_object_array_length(a);

		if (n > GTPU_MAX_IE)
			return agwtool_err("ies: more than %d", GTPU_MAX_IE);
		for (size_t i = 0; i < n; i++) {
			snprintf(where, sizeof(where), "ies[%zu]", i);
			if (ie_from_json(json_object_array_get_idx(a, i), &m->ie[i], pl, where))
				return -1;
			m->n_ie++;
		}
	}
	if (ju_get(in, "payload")) {
		uint8_t *b;

		if (ju_hexbuf(in, "message", "payload", &b, &m->payload_len))
			return -1;
		m->payload = keep(pl, b);
	}
	return 0;
}

static int header_from_json(struct json_object *in, struct gtpu_msg *m)
{
	uint64_t type, teid, seq = 0, npdu = 0, next;

	if (ju_u64(in, "message", "message_type", 255, &type) ||
	    ju_u64(in, "message", "teid", UINT32_MAX, &teid) ||
	    ju_u64_opt(in, "message", "sequence_number", 0xffff, &seq) ||
	    ju_u64_opt(in, "message", "npdu_number", 255, &npdu))
		return -1;
	gtpu_msg_init(m, (uint8_t)type, (uint32_t)teid);
	if (flags_from_json(in, &m->flags))
		return -1;
	m->seq = (uint16_t)seq;
	m->npdu = (uint8_t)npdu;
	next = m->n_ext ? m->ext[0].type : 0;
	if (ju_u64_opt(in, "message", "next_extension_type", 255, &next))
		return -1;
	m->next_ext = (uint8_t)next;
	return 0;
}

static int gtpu_encode(void)
{
	struct json_object *in = agwtool_codec_read_json();
	struct gtpu_msg *m = calloc(1, sizeof(*m));
	uint8_t *out = malloc(GTPU_MAX_MSG);
	struct pool pl = { .n = 0 };
	struct gtpu_err err;
	int rc = 1, n;

	if (!in || !m || !out)
		goto done;
	if (header_from_json(in, m))
		goto done;
	if (body_from_json(in, m, &pl))
		goto done;
	if (!ju_get(in, "next_extension_type") && m->n_ext)
		m->next_ext = m->ext[0].type;
	n = gtpu_msg_encode(m, out, GTPU_MAX_MSG, &err);
	if (n < 0) {
		agwtool_err("gtpu: encode: offset %zu: %s", err.offset, err.msg);
		goto done;
	}
	agwtool_print_hex(out, (size_t)n);
	putchar('\n');
	rc = 0;
done:
	for (unsigned int i = 0; i < pl.n; i++)
		free(pl.p[i]);
	free(out);
	free(m);
	if (in)
		json_object_put(in);
	return rc;
}

AGWTOOL_CODEC(gtpu, gtpu_decode, gtpu_encode)
