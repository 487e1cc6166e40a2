// SPDX-License-Identifier: GPL-2.0
/*
 * Uplink: encap_rcv of the device's UDP sockets.  Everything that arrives
 * on the port is GTP-U; every packet is consumed (return 0): delivered,
 * answered, or dropped and counted.
 *
 * GTP-U header, TS 29.281 5.1 (Figure 5.1-1):
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-----+-+-+-+-+-+---------------+-------------------------------+
 *   | Ver |P|*|E|S|N| Message Type  |            Length             |
 *   |=1   |T| | | |P|               | (octets after the first 8)    |
 *   +-----+-+-+-+-+-+---------------+-------------------------------+
 *   |              Tunnel Endpoint Identifier (TEID)                |
 *   +-------------------------------+---------------+---------------+
 *   |      Sequence Number          | N-PDU Number  | Next Ext Type |
 *   +-------------------------------+---------------+---------------+
 *     the third word is present if any of E, S, PN is set; each field
 *     is meaningful only if its own flag is set (TS 29.281 5.1 NOTE).
 *
 * Extension header, TS 29.281 5.2.1 (Figure 5.2.1-1):
 *
 *   +---------------+--------------------------------+---------------+
 *   | Length (n)    |  Content (4n - 2 octets)       | Next Ext Type |
 *   +---------------+--------------------------------+---------------+
 *     n counts 4-octet units including the Length and Next Ext Type
 *     octets; n = 0 is invalid; Next Ext Type 0 ends the chain.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <net/ip_tunnels.h>
#include <net/udp.h>

#include "compat.h"
#include "gtpu.h"

struct gtpu_hdr {
	u32 teid;
	u16 seq;
	u8 type;
	unsigned int hlen;	/* GTP-U header incl. options and extensions */
};

/* Walk the extension header chain starting after the 12-octet header */
static int parse_ext(const struct sk_buff *skb, unsigned int off,
		     unsigned int plen, u8 next, struct gtpu_hdr *h)
{
	u8 buf, n;
	const u8 *p;

	while (next) {
		p = skb_header_pointer(skb, off + h->hlen, 1, &buf);
		if (!p || h->hlen + 1 > plen)
			return -EINVAL;		/* chain runs off the end */
		n = *p;
		if (!n || h->hlen + 4u * n > plen)
			return -EINVAL;		/* zero length or too long */
		h->hlen += 4u * n;
		p = skb_header_pointer(skb, off + h->hlen - 1, 1, &buf);
		if (!p)
			return -EINVAL;
		next = *p;
	}
	return 0;
}

/* Parse the GTP-U header of a UDP payload starting at the UDP header */
static int parse(const struct sk_buff *skb, struct gtpu_hdr *h)
{
	const unsigned int off = sizeof(struct udphdr);
	unsigned int plen = skb->len - off;
	u8 buf[GTPU_HLEN_OPT];
	const u8 *p;

	if (skb->len < off + GTPU_HLEN)
		return -EINVAL;
	p = skb_header_pointer(skb, off, GTPU_HLEN, buf);
	if (!p)
		return -EINVAL;
	/* version 1 and PT = 1 (GTP, not GTP'); the spare bit is ignored */
	if ((p[0] & 0xf0) != (GTPU_FLAGS_VERSION_1 | GTPU_FLAGS_PT))
		return -EINVAL;
	/* Length must describe exactly the rest of the UDP payload */
	if (get_unaligned_be16(p + 2) != plen - GTPU_HLEN)
		return -EINVAL;
	h->type = p[1];
	h->teid = get_unaligned_be32(p + 4);
	h->seq = 0;
	h->hlen = GTPU_HLEN;
	if (!(p[0] & (GTPU_FLAGS_E | GTPU_FLAGS_S | GTPU_FLAGS_PN)))
		return 0;

	if (plen < GTPU_HLEN_OPT)
		return -EINVAL;
	p = skb_header_pointer(skb, off, GTPU_HLEN_OPT, buf);
	if (!p)
		return -EINVAL;
	h->hlen = GTPU_HLEN_OPT;
	if (p[0] & GTPU_FLAGS_S)
		h->seq = get_unaligned_be16(p + 8);
	if (!(p[0] & GTPU_FLAGS_E))
		return 0;
	return parse_ext(skb, off, plen, p[11], h);
}

/* Inner source check: the bearer's UE IPv4 address or IPv6 /64 prefix */
static int inner_check(struct sk_buff *skb, unsigned int off,
		       const struct gtpu_bearer *b, __be16 *proto)
{
	const struct ipv6hdr *ip6;
	const struct iphdr *ip4;

	switch (skb->data[off] >> 4) {
	case 4:
		if (!pskb_may_pull(skb, off + sizeof(*ip4)))
			return GTPU_STATS_A_DROP_MALFORMED;
		ip4 = (const struct iphdr *)(skb->data + off);
		if (!(b->ue_mask & BIT(GTPU_UE4)) || ip4->saddr != b->ue_ip4)
			return GTPU_STATS_A_DROP_BAD_SRC;
		*proto = htons(ETH_P_IP);
		return 0;
	case 6:
		if (!pskb_may_pull(skb, off + sizeof(*ip6)))
			return GTPU_STATS_A_DROP_MALFORMED;
		ip6 = (const struct ipv6hdr *)(skb->data + off);
		if (!(b->ue_mask & BIT(GTPU_UE6)) ||
		    ip6->saddr.s6_addr32[0] != b->ue_ip6[0] ||
		    ip6->saddr.s6_addr32[1] != b->ue_ip6[1])
			return GTPU_STATS_A_DROP_BAD_SRC;
		*proto = htons(ETH_P_IPV6);
		return 0;
	}
	return GTPU_STATS_A_DROP_MALFORMED;
}

/* G-PDU (TS 29.281 7.3.1): decapsulate and receive on the gtpu device */
static void rx_gpdu(struct gtpu_dev *gdev, struct sk_buff *skb,
		    const struct gtpu_hdr *h)
{
	unsigned int off = sizeof(struct udphdr) + h->hlen;
	struct gtpu_bearer *b;
	__be16 proto;
	int drop;

	b = gtpu_bearer_lookup_teid(gdev, h->teid);
	if (!b) {
		gtpu_signal_err_ind_send(gdev, skb, h->teid);
		drop = GTPU_STATS_A_DROP_NO_TEID;
		goto drop;
	}
	drop = GTPU_STATS_A_DROP_MALFORMED;
	if (!pskb_may_pull(skb, off + 1))
		goto drop;
	drop = inner_check(skb, off, b, &proto);
	if (drop == GTPU_STATS_A_DROP_BAD_SRC) {
		gtpu_stats_bearer_drop(gdev, b, drop);
		kfree_skb(skb);
		return;
	}
	if (drop)
		goto drop;
	if (iptunnel_pull_header(skb, off, proto, false)) {
		drop = GTPU_STATS_A_DROP_MALFORMED;
		goto drop;
	}
	if (!gtpu_qos_pass(gdev, b, GTPU_DIR_UL, skb->len)) {
		kfree_skb(skb);
		return;
	}
	skb_reset_network_header(skb);
	skb_reset_mac_header(skb);
	skb->dev = gdev->dev;
	gtpu_stats_rx_ok(gdev, b, skb->len);
	gro_cells_receive(&gdev->gro_cells, skb);
	return;

drop:
	gtpu_stats_dev_add(gdev, drop, 1);
	kfree_skb(skb);
}

/* udp_tunnel_sock_cfg.encap_rcv: skb->data is at the UDP header */
int gtpu_rx_encap(struct sock *sk, struct sk_buff *skb)
{
	struct gtpu_dev *gdev = rcu_dereference_sk_user_data(sk);
	struct gtpu_hdr h;

	if (unlikely(!gdev))
		goto drop;
	if (parse(skb, &h)) {
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_DROP_MALFORMED, 1);
		goto drop;
	}
	switch (h.type) {
	case GTPU_MSG_GPDU:
		rx_gpdu(gdev, skb, &h);
		return 0;
	case GTPU_MSG_ECHO_REQ:
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_ECHO_REQ_RX, 1);
		gtpu_echo_reply(gdev, skb, h.seq);
		break;
	case GTPU_MSG_ERR_IND:
		if (!gtpu_signal_err_ind_rx(gdev, skb,
					    sizeof(struct udphdr) + h.hlen)) {
			gtpu_stats_dev_add(gdev, GTPU_STATS_A_DROP_MALFORMED, 1);
			goto drop;
		}
		break;
	case GTPU_MSG_END_MARKER:
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_END_MARKER_RX, 1);
		break;
	case GTPU_MSG_ECHO_RSP:
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_ECHO_RSP_RX, 1);
		gtpu_echo_response(gdev, skb, sizeof(struct udphdr) + h.hlen,
				   h.seq);
		break;
	default:
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_DROP_UNSUPPORTED, 1);
		goto drop;
	}
	consume_skb(skb);
	return 0;

drop:
	kfree_skb(skb);
	return 0;
}
