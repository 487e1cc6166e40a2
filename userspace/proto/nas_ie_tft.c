// SPDX-License-Identifier: GPL-2.0
/*
 * Traffic flow template, TS 24.008 10.5.6.12 (used by 24.301 9.9.4.16 and
 * as the traffic flow aggregate, 9.9.4.15).
 *
 *   8   6   5   4     1
 *  | op code | E | #filters |  octet 3
 *  | spare | dir | filter id |  packet filter: octet 1
 *  | evaluation precedence   |  octet 2
 *  | length of contents      |  octet 3
 *  | component type | value  |  ... components
 *  ...
 *  | parameter id | length | contents |  parameters list (E = 1)
 *
 * "Delete packet filters from existing TFT" lists only filter identifiers
 * (spare(4) | id(4)); "delete existing TFT" and "no TFT operation" carry no
 * filters.
 */
#include <string.h>

#include "proto/nas_tab.h"

/* Value length of each packet filter component type, or -1 if unknown. */
static int comp_len(uint8_t type)
{
	switch (type) {
	case NAS_TFT_IPV4_REMOTE: case NAS_TFT_IPV4_LOCAL: return 8;
	case NAS_TFT_IPV6_REMOTE: return 32;
	case NAS_TFT_IPV6_REMOTE_PREFIX: case NAS_TFT_IPV6_LOCAL_PREFIX: return 17;
	case NAS_TFT_PROTOCOL: case NAS_TFT_CTAG_PCP_DEI: case NAS_TFT_STAG_PCP_DEI: return 1;
	case NAS_TFT_LOCAL_PORT: case NAS_TFT_REMOTE_PORT: case NAS_TFT_TOS: return 2;
	case NAS_TFT_CTAG_VID: case NAS_TFT_STAG_VID: case NAS_TFT_ETHERTYPE: return 2;
	case NAS_TFT_LOCAL_PORT_RANGE: case NAS_TFT_REMOTE_PORT_RANGE: case NAS_TFT_SPI: return 4;
	case NAS_TFT_FLOW_LABEL: return 3;
	case NAS_TFT_DST_MAC: case NAS_TFT_SRC_MAC: return 6;
	}
	return -1;
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void comp_dec(struct nas_tft_comp *c, const uint8_t *v)
{
	switch (c->type) {
	case NAS_TFT_IPV4_REMOTE:
	case NAS_TFT_IPV4_LOCAL:
		memcpy(c->ipv4, v, 4);
		memcpy(c->ipv4_mask, v + 4, 4);
		break;
	case NAS_TFT_IPV6_REMOTE:
		memcpy(c->ipv6, v, 16);
		memcpy(c->ipv6_mask, v + 16, 16);
		break;
	case NAS_TFT_IPV6_REMOTE_PREFIX:
	case NAS_TFT_IPV6_LOCAL_PREFIX:
		memcpy(c->ipv6, v, 16);
		c->prefix_len = v[16];
		break;
	case NAS_TFT_PROTOCOL:
		c->protocol = v[0];
		break;
	case NAS_TFT_LOCAL_PORT_RANGE:
	case NAS_TFT_REMOTE_PORT_RANGE:
		c->port_hi = be16(v + 2);
		/* fall through */
	case NAS_TFT_LOCAL_PORT:
	case NAS_TFT_REMOTE_PORT:
		c->port = be16(v);
		break;
	case NAS_TFT_SPI:
		c->spi = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 | (uint32_t)v[2] << 8 | v[3];
		break;
	case NAS_TFT_TOS:
		c->tos = v[0];
		c->tos_mask = v[1];
		break;
	case NAS_TFT_FLOW_LABEL:
		c->flow_label = (uint32_t)v[0] << 16 | (uint32_t)v[1] << 8 | v[2];
		break;
	case NAS_TFT_DST_MAC:
	case NAS_TFT_SRC_MAC:
		c->mac_len = 6;
		memcpy(c->mac, v, 6);
		break;
	case NAS_TFT_CTAG_VID:
	case NAS_TFT_STAG_VID:
		c->vid = be16(v);
		break;
	case NAS_TFT_CTAG_PCP_DEI:
	case NAS_TFT_STAG_PCP_DEI:
		c->pcp_dei = v[0];
		break;
	case NAS_TFT_ETHERTYPE:
		c->ethertype = be16(v);
		break;
	}
}

static int filter_dec(struct nas_tft_filter *f, const uint8_t *v, size_t len, size_t *used,
		      struct nas_err *err)
{
	size_t clen, o = 3;

	if (len < 3) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "TFT: packet filter header needs 3 octets, %zu left", len);
		return -1;
	}
	f->direction = (v[0] >> 4) & 3;
	f->id = v[0] & 15;
	f->precedence = v[1];
	clen = v[2];
	if (clen > len - 3) {
		nas_errf(err, 2, NAS_CAUSE_INVALID_MANDATORY,
			 "TFT: packet filter %u contents length %zu runs past the IE (%zu left)",
			 f->id, clen, len - 3);
		return -1;
	}
	while (o < 3 + clen) {
		struct nas_tft_comp *c;
		int cl = comp_len(v[o]);

		if (cl < 0 || (size_t)cl > 3 + clen - o - 1 || f->n_comps >= NAS_TFT_MAX_COMPS) {
			nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
				 "TFT: packet filter %u component 0x%02x at octet %zu: unknown, "
				 "truncated or too many", f->id, v[o], o);
			return -1;
		}
		c = &f->c[f->n_comps++];
		c->type = v[o];
		comp_dec(c, v + o + 1);
		o += 1 + (size_t)cl;
	}
	*used = o;
	return 0;
}

static int params_dec(struct nas_tft *t, const uint8_t *v, size_t len, size_t o,
		      struct nas_err *err)
{
	while (o < len) {
		struct nas_tft_param *p;

		if (len - o < 2 || v[o + 1] > len - o - 2 || t->n_params >= NAS_TFT_MAX_PARAMS ||
		    v[o + 1] > sizeof(p->contents)) {
			nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
				 "TFT: parameter at octet %zu truncated, too long or too many", o);
			return -1;
		}
		p = &t->p[t->n_params++];
		p->id = v[o];
		p->len = v[o + 1];
		memcpy(p->contents, v + o + 2, p->len);
		o += 2u + p->len;
	}
	if (!t->n_params) {
		nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
			 "TFT: E bit set but the parameters list is empty");
		return -1;
	}
	return 0;
}

int nas_tft_dec(struct nas_tft *t, const uint8_t *v, size_t len, struct nas_err *err)
{
	size_t n, o = 1, used;
	int ebit;

	memset(t, 0, sizeof(*t));
	if (len < 1) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "TFT: empty");
		return -1;
	}
	t->op = v[0] >> 5;
	ebit = (v[0] >> 4) & 1;
	n = v[0] & 15;
	t->n_filters = (uint8_t)n;
	if (t->op == 7) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "TFT: operation code 7 is reserved");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (t->op == NAS_TFT_OP_DELETE_FILTERS) {
			if (o >= len)
				goto short_list;
			t->f[i].id = v[o] & 15;
			t->f[i].direction = v[o] >> 4;	/* spare: kept for re-encoding */
			o++;
			continue;
		}
		if (filter_dec(&t->f[i], v + o, len - o, &used, err)) {
			if (err)
				err->off += o;
			return -1;
		}
		o += used;
	}
	if (ebit)
		return params_dec(t, v, len, o, err);
	if (o != len) {
		nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
			 "TFT: %zu octets after the packet filters and no parameters list",
			 len - o);
		return -1;
	}
	return 0;
short_list:
	nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
		 "TFT: %zu packet filter identifiers announced, the IE ends at %zu", n, o);
	return -1;
}

static size_t comp_enc(const struct nas_tft_comp *c, uint8_t *o)
{
	o[0] = c->type;
	switch (c->type) {
	case NAS_TFT_IPV4_REMOTE:
	case NAS_TFT_IPV4_LOCAL:
		memcpy(o + 1, c->ipv4, 4);
		memcpy(o + 5, c->ipv4_mask, 4);
		break;
	case NAS_TFT_IPV6_REMOTE:
		memcpy(o + 1, c->ipv6, 16);
		memcpy(o + 17, c->ipv6_mask, 16);
		break;
	case NAS_TFT_IPV6_REMOTE_PREFIX:
	case NAS_TFT_IPV6_LOCAL_PREFIX:
		memcpy(o + 1, c->ipv6, 16);
		o[17] = c->prefix_len;
		break;
	case NAS_TFT_PROTOCOL:
		o[1] = c->protocol;
		break;
	case NAS_TFT_LOCAL_PORT_RANGE:
	case NAS_TFT_REMOTE_PORT_RANGE:
		o[3] = (uint8_t)(c->port_hi >> 8);
		o[4] = (uint8_t)c->port_hi;
		/* fall through */
	case NAS_TFT_LOCAL_PORT:
	case NAS_TFT_REMOTE_PORT:
		o[1] = (uint8_t)(c->port >> 8);
		o[2] = (uint8_t)c->port;
		break;
	case NAS_TFT_SPI:
		for (int i = 0; i < 4; i++)
			o[1 + i] = (uint8_t)(c->spi >> (24 - 8 * i));
		break;
	case NAS_TFT_TOS:
		o[1] = c->tos;
		o[2] = c->tos_mask;
		break;
	case NAS_TFT_FLOW_LABEL:
		o[1] = (uint8_t)(c->flow_label >> 16);
		o[2] = (uint8_t)(c->flow_label >> 8);
		o[3] = (uint8_t)c->flow_label;
		break;
	case NAS_TFT_DST_MAC:
	case NAS_TFT_SRC_MAC:
		memcpy(o + 1, c->mac, 6);
		break;
	case NAS_TFT_CTAG_VID:
	case NAS_TFT_STAG_VID:
		o[1] = (uint8_t)(c->vid >> 8);
		o[2] = (uint8_t)c->vid;
		break;
	case NAS_TFT_CTAG_PCP_DEI:
	case NAS_TFT_STAG_PCP_DEI:
		o[1] = c->pcp_dei;
		break;
	case NAS_TFT_ETHERTYPE:
		o[1] = (uint8_t)(c->ethertype >> 8);
		o[2] = (uint8_t)c->ethertype;
		break;
	}
	return 1 + (size_t)comp_len(c->type);
}

static int filter_enc(const struct nas_tft_filter *f, uint8_t *out, size_t max,
		      struct nas_err *err)
{
	uint8_t buf[256];
	size_t o = 0;

	if (f->n_comps > NAS_TFT_MAX_COMPS || f->direction > 3 || f->id > 15)
		goto bad;
	for (unsigned int i = 0; i < f->n_comps; i++) {
		int cl = comp_len(f->c[i].type);

		if (cl < 0 || o + 1 + (size_t)cl > sizeof(buf) - 1)
			goto bad;
		o += comp_enc(&f->c[i], buf + o);
	}
	if (o > 255 || max < 3 + o) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "TFT: packet filter %u does not fit", f->id);
		return -1;
	}
	out[0] = (uint8_t)(f->direction << 4 | f->id);
	out[1] = f->precedence;
	out[2] = (uint8_t)o;
	memcpy(out + 3, buf, o);
	return (int)(3 + o);
bad:
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
		 "TFT: packet filter %u: bad direction, identifier or component type", f->id);
	return -1;
}

int nas_tft_enc(const struct nas_tft *t, uint8_t *out, size_t max, struct nas_err *err)
{
	size_t o = 1;

	if (t->op > 6 || t->n_filters > 15 || t->n_params > NAS_TFT_MAX_PARAMS || max < 1) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "TFT: operation %u with %u filters", t->op,
			 t->n_filters);
		return -1;
	}
	out[0] = (uint8_t)(t->op << 5 | (t->n_params ? 0x10 : 0) | t->n_filters);
	for (unsigned int i = 0; i < t->n_filters; i++) {
		int n;

		if (t->op == NAS_TFT_OP_DELETE_FILTERS) {
			if (o >= max)
				goto full;
			out[o++] = (uint8_t)((t->f[i].direction & 15) << 4 | (t->f[i].id & 15));
			continue;
		}
		n = filter_enc(&t->f[i], out + o, max - o, err);
		if (n < 0)
			return -1;
		o += (size_t)n;
	}
	for (unsigned int i = 0; i < t->n_params; i++) {
		const struct nas_tft_param *p = &t->p[i];

		if (p->len > sizeof(p->contents) || max - o < 2u + p->len)
			goto full;
		out[o] = p->id;
		out[o + 1] = (uint8_t)p->len;
		memcpy(out + o + 2, p->contents, p->len);
		o += 2u + p->len;
	}
	return (int)o;
full:
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "TFT: does not fit the output");
	return -1;
}

static int tft_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_tft_dec(st, v, len, err);
}

static int tft_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_tft_enc(st, out, max, err);
}

static const struct nas_field comp_fields[] = {
	F_U8A(struct nas_tft_comp, type, "component type"),
	F_IP4(struct nas_tft_comp, ipv4, "IPv4 address"),
	F_IP4(struct nas_tft_comp, ipv4_mask, "IPv4 mask"),
	F_IP6(struct nas_tft_comp, ipv6, "IPv6 address"),
	F_IP6(struct nas_tft_comp, ipv6_mask, "IPv6 mask"),
	F_U8(struct nas_tft_comp, prefix_len, "prefix length"),
	F_U8(struct nas_tft_comp, protocol, "protocol identifier/next header"),
	F_U16(struct nas_tft_comp, port, "port"),
	F_U16(struct nas_tft_comp, port_hi, "port range high"),
	F_U32(struct nas_tft_comp, spi, "security parameter index"),
	F_U8(struct nas_tft_comp, tos, "type of service/traffic class"),
	F_U8(struct nas_tft_comp, tos_mask, "type of service/traffic class mask"),
	F_U32(struct nas_tft_comp, flow_label, "flow label"),
	F_HEX(struct nas_tft_comp, mac, mac_len, "MAC address"),
	F_U16(struct nas_tft_comp, vid, "VID"),
	F_U8(struct nas_tft_comp, pcp_dei, "PCP/DEI"),
	F_U16(struct nas_tft_comp, ethertype, "ethertype"),
	F_END
};

static const struct nas_field filter_fields[] = {
	F_U8A(struct nas_tft_filter, id, "packet filter identifier"),
	F_U8(struct nas_tft_filter, direction, "packet filter direction"),
	F_U8(struct nas_tft_filter, precedence, "evaluation precedence"),
	F_ARR(struct nas_tft_filter, c, n_comps, "components", comp_fields),
	F_END
};

static const struct nas_field param_fields[] = {
	F_U8A(struct nas_tft_param, id, "parameter identifier"),
	F_HEX(struct nas_tft_param, contents, len, "contents"),
	F_END
};

static const struct nas_field tft_fields[] = {
	F_U8A(struct nas_tft, op, "TFT operation code"),
	F_ARR(struct nas_tft, f, n_filters, "packet filters", filter_fields),
	F_ARR(struct nas_tft, p, n_params, "parameters", param_fields),
	F_END
};

const struct nas_vcodec nas_vc_tft = {
	"Traffic flow template", sizeof(struct nas_tft), tft_dec, tft_enc, tft_fields, NULL
};
