// SPDX-License-Identifier: GPL-2.0
/*
 * A dedicated bearer's NAS TFT (TS 24.008 10.5.6.12, as sent to the UE) in
 * gtpu.ko's terms, so that the kernel picks the same bearer for a downlink
 * packet as the UE expects.  Components the kernel has no use for (the UE's
 * own address, Ethernet fields) are left out: the UE address is the entry
 * the filters hang off anyway.
 */
#include <string.h>
#include <sys/socket.h>

#include "agwd/datapath/datapath.h"
#include "agwd/policy/policy.h"
#include "gtpnl/gtpnl.h"

/* Leading one bits of an IPv6 mask (filters carry a prefix length) */
static uint8_t mask_plen(const uint8_t *m)
{
	uint8_t n = 0;

	for (int i = 0; i < 16 && m[i] == 0xff; i++)
		n += 8;
	for (uint8_t b = n < 128 ? m[n / 8] : 0; b & 0x80; b <<= 1)
		n++;
	return n;
}

static void remote6(struct gtpnl_filter *g, const uint8_t *a, uint8_t plen)
{
	g->have |= GTPNL_F_REMOTE;
	g->remote_family = AF_INET6;
	memcpy(&g->remote.v6, a, 16);
	g->remote_plen = plen;
	for (unsigned int i = plen; i < 128; i++)	/* host bits zero */
		g->remote.v6.s6_addr[i / 8] &= (uint8_t)~(0x80 >> (i % 8));
}

static void comp(struct gtpnl_filter *g, const struct nas_tft_comp *c)
{
	switch (c->type) {
	case NAS_TFT_IPV4_REMOTE:
		g->have |= GTPNL_F_REMOTE;
		g->remote_family = AF_INET;
		memcpy(&g->remote_mask, c->ipv4_mask, 4);
		memcpy(&g->remote.v4, c->ipv4, 4);
		g->remote.v4.s_addr &= g->remote_mask.s_addr;
		break;
	case NAS_TFT_IPV6_REMOTE:
		remote6(g, c->ipv6, mask_plen(c->ipv6_mask));
		break;
	case NAS_TFT_IPV6_REMOTE_PREFIX:
		remote6(g, c->ipv6, c->prefix_len > 128 ? 128 : c->prefix_len);
		break;
	case NAS_TFT_PROTOCOL:
		g->have |= GTPNL_F_PROTO;
		g->proto = c->protocol;
		break;
	case NAS_TFT_LOCAL_PORT:
	case NAS_TFT_LOCAL_PORT_RANGE:
		g->have |= GTPNL_F_LPORT;
		g->lport_lo = c->port;
		g->lport_hi = c->type == NAS_TFT_LOCAL_PORT ? c->port : c->port_hi;
		break;
	case NAS_TFT_REMOTE_PORT:
	case NAS_TFT_REMOTE_PORT_RANGE:
		g->have |= GTPNL_F_RPORT;
		g->rport_lo = c->port;
		g->rport_hi = c->type == NAS_TFT_REMOTE_PORT ? c->port : c->port_hi;
		break;
	case NAS_TFT_SPI:
		g->have |= GTPNL_F_SPI;
		g->spi = c->spi;
		break;
	case NAS_TFT_TOS:
		g->have |= GTPNL_F_TOS;
		g->tos = c->tos;
		g->tos_mask = c->tos_mask;
		break;
	case NAS_TFT_FLOW_LABEL:
		g->have |= GTPNL_F_FLOW;
		g->flow = c->flow_label & 0xfffff;
		break;
	default:	/* the UE's own address, Ethernet fields */
		break;
	}
}

void dp_tft_to_gtpnl(const struct nas_tft *t, uint8_t ebi, struct gtpnl_tft *out)
{
	memset(out, 0, sizeof(*out));
	/* kernel filter ids are 1..15 */
	for (unsigned int k = 0; k < t->n_filters && out->n < 15; k++) {
		const struct nas_tft_filter *f = &t->f[k];
		struct gtpnl_filter *g = &out->f[out->n++];

		g->id = (uint8_t)out->n;
		g->prec = tft_precedence(ebi, k);
		g->dir = f->direction ? f->direction : GTPU_FILTER_DIR_BIDIRECTIONAL;
		for (unsigned int i = 0; i < f->n_comps; i++)
			comp(g, &f->c[i]);
	}
}
