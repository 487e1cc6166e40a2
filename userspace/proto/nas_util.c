// SPDX-License-Identifier: GPL-2.0
/*
 * Service request, EPS bearer context status, messages of a cause only,
 * uplink TFT matching.  See nas_util.h.
 */
#include <string.h>

#include "crypto/eps.h"
#include "proto/nas_util.h"

int nas_service_request_build(struct nas_sec_ctx *ctx, uint8_t ksi, uint8_t out[4])
{
	uint32_t count = ctx->tx_count & 0xffffff;
	uint8_t mac[4];

	if (ksi > 7)
		return -1;
	/* 9.3.1: security header type 1100 "security header for the service
	 * request", PD EMM; 9.9.3.19: KSI bits 8-6, sequence number bits 5-1 */
	out[0] = (uint8_t)(NAS_SHT_SERVICE_REQUEST << 4 | NAS_PD_EMM);
	out[1] = (uint8_t)(ksi << 5 | (count & 31));
	/* 9.9.3.28: the 2 least significant octets of the NAS-MAC computed
	 * over octets 1-2 (4.4.3.3 / 33.401 8.1.1) */
	if (eps_eia(ctx->eia, ctx->k_nas_int, count, 0, NAS_DIR_UL, out, 16, mac))
		return -1;
	out[2] = mac[2];
	out[3] = mac[3];
	ctx->tx_count = (count + 1) & 0xffffff;
	return 4;
}

void nas_ebc_status_build(const uint8_t *ebis, unsigned int n, uint8_t out[2])
{
	out[0] = out[1] = 0;
	for (unsigned int i = 0; i < n; i++)
		if (ebis[i] < 16)
			out[ebis[i] / 8] |= (uint8_t)(1 << (ebis[i] % 8));
}

int nas_build_cause_msg(enum nas_msg_key k, uint8_t ebi, uint8_t pti, int cause, uint8_t *out,
			size_t max, struct nas_err *err)
{
	const struct nas_msg_desc *d = nas_msg_desc_of(k);
	uint8_t c = (uint8_t)cause;
	struct nas_msg m;
	unsigned int i;

	if (!d) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "NAS message key %u is unknown", k);
		return -1;
	}
	nas_msg_init(&m, d, ebi, pti);
	if (cause >= 0) {
		for (i = 0; i < d->n_ies; i++)
			if (d->ies[i].vt == NAS_VT_EMM_CAUSE || d->ies[i].vt == NAS_VT_ESM_CAUSE)
				break;
		if (i == d->n_ies) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s has no cause", d->name);
			return -1;
		}
		if (nas_ie_add(&m, (enum nas_ie_key)NAS_IE_KEY(k, i), &c, 1, err))
			return -1;
	}
	return nas_encode(&m, out, max, err);
}

/* ------------------------------------------------------- packet parse --- */

static void ports(const uint8_t *l4, size_t len, struct nas_pkt_info *pi)
{
	switch (pi->proto) {
	case 6:		/* TCP */
	case 17:	/* UDP */
	case 132:	/* SCTP */
	case 136:	/* UDP-Lite */
		if (len < 4)
			return;
		pi->sport = (uint16_t)(l4[0] << 8 | l4[1]);
		pi->dport = (uint16_t)(l4[2] << 8 | l4[3]);
		pi->has_ports = 1;
		return;
	case 50:	/* ESP */
		if (len < 4)
			return;
		pi->spi = (uint32_t)l4[0] << 24 | (uint32_t)l4[1] << 16 | l4[2] << 8 | l4[3];
		pi->has_spi = 1;
		return;
	}
}

static int parse_v6(const uint8_t *p, size_t len, struct nas_pkt_info *pi)
{
	size_t off = 40;
	uint8_t nh;

	if (len < 40)
		return -1;
	pi->version = 6;
	pi->tos = (uint8_t)((p[0] & 15) << 4 | p[1] >> 4);
	pi->flow_label = (uint32_t)(p[1] & 15) << 16 | (uint32_t)p[2] << 8 | p[3];
	memcpy(pi->src, p + 8, 16);
	memcpy(pi->dst, p + 24, 16);
	nh = p[6];
	/* skip hop-by-hop, routing, destination options (RFC 8200 4.1) */
	while ((nh == 0 || nh == 43 || nh == 60) && off + 8 <= len) {
		size_t hl = 8 + 8 * (size_t)p[off + 1];

		nh = p[off];
		off += hl;
	}
	pi->proto = nh;
	if (off <= len)
		ports(p + off, len - off, pi);
	return 0;
}

int nas_pkt_parse(const uint8_t *p, size_t len, struct nas_pkt_info *pi)
{
	size_t ihl;

	memset(pi, 0, sizeof(*pi));
	if (len < 1)
		return -1;
	if (p[0] >> 4 == 6)
		return parse_v6(p, len, pi);
	if (p[0] >> 4 != 4 || len < 20)
		return -1;
	ihl = 4 * (size_t)(p[0] & 15);
	if (ihl < 20 || ihl > len)
		return -1;
	pi->version = 4;
	pi->tos = p[1];
	pi->proto = p[9];
	memcpy(pi->src, p + 12, 4);
	memcpy(pi->dst, p + 16, 4);
	/* only the first fragment carries the ports */
	if (!((p[6] & 0x1f) | p[7]))
		ports(p + ihl, len - ihl, pi);
	return 0;
}

/* ------------------------------------------------------------ matching --- */

static int masked_eq(const uint8_t *a, const uint8_t *b, const uint8_t *mask, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((a[i] & mask[i]) != (b[i] & mask[i]))
			return 0;
	return 1;
}

static int prefix_eq(const uint8_t *a, const uint8_t *b, unsigned int bits)
{
	uint8_t mask[16] = { 0 };

	if (bits > 128)
		return 0;
	for (unsigned int i = 0; i < bits; i++)
		mask[i / 8] |= (uint8_t)(0x80 >> (i % 8));
	return masked_eq(a, b, mask, 16);
}

static int comp_match(const struct nas_tft_comp *c, const struct nas_pkt_info *pi)
{
	switch (c->type) {
	case NAS_TFT_IPV4_REMOTE:
		return pi->version == 4 && masked_eq(pi->dst, c->ipv4, c->ipv4_mask, 4);
	case NAS_TFT_IPV4_LOCAL:
		return pi->version == 4 && masked_eq(pi->src, c->ipv4, c->ipv4_mask, 4);
	case NAS_TFT_IPV6_REMOTE:
		return pi->version == 6 && masked_eq(pi->dst, c->ipv6, c->ipv6_mask, 16);
	case NAS_TFT_IPV6_REMOTE_PREFIX:
		return pi->version == 6 && prefix_eq(pi->dst, c->ipv6, c->prefix_len);
	case NAS_TFT_IPV6_LOCAL_PREFIX:
		return pi->version == 6 && prefix_eq(pi->src, c->ipv6, c->prefix_len);
	case NAS_TFT_PROTOCOL:
		return pi->proto == c->protocol;
	case NAS_TFT_LOCAL_PORT:
		return pi->has_ports && pi->sport == c->port;
	case NAS_TFT_LOCAL_PORT_RANGE:
		return pi->has_ports && pi->sport >= c->port && pi->sport <= c->port_hi;
	case NAS_TFT_REMOTE_PORT:
		return pi->has_ports && pi->dport == c->port;
	case NAS_TFT_REMOTE_PORT_RANGE:
		return pi->has_ports && pi->dport >= c->port && pi->dport <= c->port_hi;
	case NAS_TFT_SPI:
		return pi->has_spi && pi->spi == c->spi;
	case NAS_TFT_TOS:
		return (pi->tos & c->tos_mask) == (c->tos & c->tos_mask);
	case NAS_TFT_FLOW_LABEL:
		return pi->version == 6 && pi->flow_label == (c->flow_label & 0xfffff);
	}
	return 0;
}

int nas_tft_filter_match_ul(const struct nas_tft_filter *f, const struct nas_pkt_info *pi)
{
	/* 10.5.6.12: direction 0 pre-Rel-7 (both), 1 downlink only, 2 uplink
	 * only, 3 bidirectional */
	if (f->direction == 1)
		return 0;
	for (unsigned int i = 0; i < f->n_comps && i < NAS_TFT_MAX_COMPS; i++)
		if (!comp_match(&f->c[i], pi))
			return 0;
	return 1;
}

int nas_tft_match_ul(const struct nas_tft *t, const struct nas_pkt_info *pi, uint8_t *prec)
{
	int best = -1;

	for (unsigned int i = 0; i < t->n_filters && i < NAS_TFT_MAX_FILTERS; i++) {
		if (!nas_tft_filter_match_ul(&t->f[i], pi))
			continue;
		if (best < 0 || t->f[i].precedence < t->f[best].precedence)
			best = (int)i;
	}
	if (best >= 0 && prec)
		*prec = t->f[best].precedence;
	return best;
}
