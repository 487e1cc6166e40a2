// SPDX-License-Identifier: GPL-2.0
/*
 * Protocol configuration options, TS 24.008 10.5.6.3, and the extended PCO
 * of 10.5.6.3A (same contents, 2-octet IE length).
 *
 *  | ext | spare | configuration protocol |  octet 3 (0x80: PPP)
 *  | container / protocol ID (2 octets)    |
 *  | length of contents (1 octet)          |
 *  | contents ...                          |  repeated
 *
 * Address containers (DNS server and P-CSCF IPv4/IPv6) and IPCP packets
 * (RFC 1332: code, identifier, length, options) are decoded; other
 * containers keep their contents as octets.
 */
#include <string.h>

#include "proto/nas_tab.h"

static int addr_len(uint16_t id)
{
	switch (id) {
	case NAS_PCO_PCSCF_IPV4:
	case NAS_PCO_DNS_IPV4:
		return 4;
	case NAS_PCO_PCSCF_IPV6:
	case NAS_PCO_DNS_IPV6:
		return 16;
	}
	return 0;
}

static int ipcp_addr_opt(uint8_t type)
{
	/* IP-Address (RFC 1332), primary/secondary DNS and NBNS (RFC 1877) */
	return type == 3 || (type >= 0x81 && type <= 0x84);
}

static int ipcp_dec(struct nas_pco_item *c, const uint8_t *v, size_t len)
{
	size_t o = 4;

	if (len < 4 || (size_t)(v[2] << 8 | v[3]) != len)
		return -1;
	while (o < len) {
		struct nas_ipcp_opt *p;
		size_t ol;

		if (len - o < 2 || v[o + 1] < 2 || v[o + 1] > len - o ||
		    c->n_opts >= NAS_IPCP_MAX_OPTS)
			return -1;
		ol = v[o + 1];
		p = &c->opt[c->n_opts];
		memset(p, 0, sizeof(*p));
		p->type = v[o];
		if (ipcp_addr_opt(p->type) && ol == 6) {
			memcpy(p->addr, v + o + 2, 4);
		} else {
			if (ol - 2 > sizeof(p->data))
				return -1;
			p->data_len = (uint16_t)(ol - 2);
			memcpy(p->data, v + o + 2, ol - 2);
		}
		c->n_opts++;
		o += ol;
	}
	c->ipcp = 1;
	c->ipcp_code = v[0];
	c->ipcp_ident = v[1];
	return 0;
}

static void item_dec(struct nas_pco_item *c, const uint8_t *v, size_t len)
{
	int al = addr_len(c->id);
	static const uint8_t zero[16];

	if (al && (size_t)al == len && memcmp(v, zero, len)) {
		c->has_addr = 1;
		memcpy(al == 4 ? c->ipv4 : c->ipv6, v, len);
		return;
	}
	if (c->id == NAS_PCO_IPCP && ipcp_dec(c, v, len) == 0)
		return;
	c->n_opts = 0;
	c->len = (uint16_t)len;
	memcpy(c->contents, v, len);
}

int nas_pco_dec(struct nas_pco *p, const uint8_t *v, size_t len, struct nas_err *err)
{
	size_t o = 1;

	memset(p, 0, sizeof(*p));
	if (len < 1) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "Protocol configuration options: empty");
		return -1;
	}
	p->octet3 = v[0];
	while (o < len) {
		struct nas_pco_item *c;
		size_t cl;

		if (len - o < 3 || v[o + 2] > len - o - 3 || p->n >= NAS_PCO_MAX) {
			nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
				 "Protocol configuration options: container at octet %zu is "
				 "truncated (or more than %d)", o, NAS_PCO_MAX);
			return -1;
		}
		c = &p->c[p->n++];
		c->id = (uint16_t)(v[o] << 8 | v[o + 1]);
		cl = v[o + 2];
		item_dec(c, v + o + 3, cl);
		o += 3 + cl;
	}
	return 0;
}

static int ipcp_enc(const struct nas_pco_item *c, uint8_t *out, size_t max)
{
	size_t o = 4;

	if (max < 4 || c->n_opts > NAS_IPCP_MAX_OPTS)
		return -1;
	out[0] = c->ipcp_code;
	out[1] = c->ipcp_ident;
	for (unsigned int i = 0; i < c->n_opts; i++) {
		const struct nas_ipcp_opt *p = &c->opt[i];
		size_t dl = p->data_len ? p->data_len : ipcp_addr_opt(p->type) ? 4 : 0;

		if (p->data_len > sizeof(p->data) || max - o < 2 + dl)
			return -1;
		out[o] = p->type;
		out[o + 1] = (uint8_t)(2 + dl);
		memcpy(out + o + 2, p->data_len ? p->data : p->addr, dl);
		o += 2 + dl;
	}
	out[2] = (uint8_t)(o >> 8);
	out[3] = (uint8_t)o;
	return (int)o;
}

static int item_enc(const struct nas_pco_item *c, uint8_t *out, size_t max)
{
	static const uint8_t zero[16];
	int al = addr_len(c->id);

	if (al && (c->has_addr || memcmp(al == 4 ? c->ipv4 : c->ipv6, zero, (size_t)al))) {
		if (max < (size_t)al)
			return -1;
		memcpy(out, al == 4 ? c->ipv4 : c->ipv6, (size_t)al);
		return al;
	}
	if (c->ipcp)
		return ipcp_enc(c, out, max);
	if (c->len > sizeof(c->contents) || max < c->len)
		return -1;
	memcpy(out, c->contents, c->len);
	return c->len;
}

int nas_pco_enc(const struct nas_pco *p, uint8_t *out, size_t max, struct nas_err *err)
{
	size_t o = 1;

	if (max < 1 || p->n > NAS_PCO_MAX)
		goto full;
	out[0] = p->octet3 ? p->octet3 : 0x80;
	for (unsigned int i = 0; i < p->n; i++) {
		uint8_t buf[256];
		int n = item_enc(&p->c[i], buf, 255);

		if (n < 0 || max - o < 3 + (size_t)n)
			goto full;
		out[o] = (uint8_t)(p->c[i].id >> 8);
		out[o + 1] = (uint8_t)p->c[i].id;
		out[o + 2] = (uint8_t)n;
		memcpy(out + o + 3, buf, (size_t)n);
		o += 3 + (size_t)n;
	}
	return (int)o;
full:
	nas_errf(err, o, NAS_CAUSE_PROTOCOL,
		 "Protocol configuration options: container %zu does not fit", o);
	return -1;
}

static int pco_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_pco_dec(st, v, len, err);
}

static int pco_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_pco_enc(st, out, max, err);
}

static const struct nas_field opt_fields[] = {
	F_U8A(struct nas_ipcp_opt, type, "option type"),
	F_IP4(struct nas_ipcp_opt, addr, "address"),
	F_HEX(struct nas_ipcp_opt, data, data_len, "data"),
	F_END
};

static const struct nas_field item_fields[] = {
	F_U16A(struct nas_pco_item, id, "container identifier"),
	F_HEX(struct nas_pco_item, contents, len, "contents"),
	F_IP4(struct nas_pco_item, ipv4, "IPv4 address"),
	F_IP6(struct nas_pco_item, ipv6, "IPv6 address"),
	F_U8(struct nas_pco_item, ipcp, "IPCP"),
	F_U8(struct nas_pco_item, ipcp_code, "IPCP code"),
	F_U8(struct nas_pco_item, ipcp_ident, "IPCP identifier"),
	F_ARR(struct nas_pco_item, opt, n_opts, "IPCP options", opt_fields),
	F_END
};

static const struct nas_field pco_fields[] = {
	F_U8A(struct nas_pco, octet3, "configuration protocol octet"),
	F_ARR(struct nas_pco, c, n, "containers", item_fields),
	F_END
};

const struct nas_vcodec nas_vc_pco = {
	"Protocol configuration options", sizeof(struct nas_pco), pco_dec, pco_enc, pco_fields,
	NULL
};
