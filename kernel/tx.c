// SPDX-License-Identifier: GPL-2.0
/*
 * Downlink: a packet routed into the gtpu device is matched to a bearer by
 * its destination address, gets a GTP-U G-PDU header (TS 29.281 5.1) and is
 * sent to the bearer's eNodeB over the device's UDP tunnel socket.
 *
 * gtpu_tx_udp() is also used by echo.c for Echo Requests and Responses.
 */
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/dsfield.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6_stubs.h>
#include <net/route.h>
#include <net/udp_tunnel.h>

#include "compat.h"
#include "gtpu.h"

/* Outer headers added by the device: IP + UDP + GTP-U (no options) */
unsigned int gtpu_tx_overhead(const struct gtpu_dev *gdev)
{
	unsigned int ip = gdev->has6 ? sizeof(struct ipv6hdr) :
				       sizeof(struct iphdr);

	return ip + sizeof(struct udphdr) + GTPU_HLEN;
}

/*
 * Path MTU (RFC 1191, RFC 8201): would skb (data at the GTP-U header, network
 * header at the inner packet) with the outer IP (iphlen) and UDP headers
 * exceed mtu?  An inner IPv4 packet with DF, or an inner IPv6 packet, is
 * then answered with ICMP Fragmentation Needed / ICMPv6 Packet Too Big
 * giving the largest inner packet that fits, and refused; other IPv4
 * packets go out in outer fragments.  The ICMP needs the packet's route
 * (skb_dst), so packets kept while their bearer was idle are fragmented.
 */
static bool too_big(struct sk_buff *skb, unsigned int mtu, unsigned int iphlen)
{
	/* the GTP-U header, with a PDU Session Container if there is one */
	unsigned int over = iphlen + sizeof(struct udphdr) +
			    skb_network_offset(skb);
	unsigned int fit = mtu > over ? mtu - over : 0;

	if (skb->len + iphlen + sizeof(struct udphdr) <= mtu || !skb_dst(skb))
		return false;
	if (skb->protocol == htons(ETH_P_IP)) {
		if (!(ip_hdr(skb)->frag_off & htons(IP_DF)))
			return false;
		icmp_ndo_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED,
			      htonl(fit));
		return true;
	}
	icmpv6_ndo_send(skb, ICMPV6_PKT_TOOBIG, 0, max(fit, IPV6_MIN_MTU));
	return true;
}

static int tx4(struct gtpu_dev *gdev, struct sk_buff *skb,
	       const struct gtpu_addr *dst, const struct gtpu_addr *src,
	       __be16 dport, u8 tos, struct dst_cache *cache, bool pmtu)
{
	struct rtable *rt = NULL;
	__be32 saddr;

	if (cache)
		rt = dst_cache_get_ip4(cache, &saddr);
	if (!rt) {
		struct flowi4 fl4 = {
			.daddr = dst->v4,
			.saddr = src ? src->v4 : gdev->local4,
			.flowi4_proto = IPPROTO_UDP,
			.flowi4_mark = skb->mark,
			.fl4_sport = gdev->port,
			.fl4_dport = dport,
		};

		rt = ip_route_output_key(gdev->net, &fl4);
		if (IS_ERR(rt))
			return PTR_ERR(rt);
		if (rt->dst.dev == gdev->dev) {
			ip_rt_put(rt);
			return -ELOOP;
		}
		saddr = fl4.saddr;
		if (cache)
			dst_cache_set_ip4(cache, &rt->dst, saddr);
	}
	if (pmtu && too_big(skb, dst_mtu(&rt->dst), sizeof(struct iphdr))) {
		ip_rt_put(rt);
		return -EMSGSIZE;
	}
	if (skb_cow_head(skb, LL_RESERVED_SPACE(rt->dst.dev) +
			 sizeof(struct iphdr) + sizeof(struct udphdr))) {
		ip_rt_put(rt);
		return -ENOMEM;
	}
	/* skb->dev would make iptunnel_xmit() count into dev->tstats */
	skb->dev = NULL;
	gtpu_compat_udp4_xmit(rt, gdev->sock4->sk, skb, saddr, dst->v4, tos,
			      ip4_dst_hoplimit(&rt->dst), gdev->port, dport);
	return 0;
}

#if IS_ENABLED(CONFIG_IPV6)
static int tx6(struct gtpu_dev *gdev, struct sk_buff *skb,
	       const struct gtpu_addr *dst, const struct gtpu_addr *src,
	       __be16 dport, u8 tos, struct dst_cache *cache, bool pmtu)
{
	struct sock *sk = gdev->sock6->sk;
	struct in6_addr saddr, daddr = dst->v6;
	struct dst_entry *d = NULL;

	if (cache)
		d = dst_cache_get_ip6(cache, &saddr);
	if (!d) {
		struct flowi6 fl6 = {
			.daddr = dst->v6,
			.saddr = src ? src->v6 : gdev->local6,
			.flowi6_proto = IPPROTO_UDP,
			.flowi6_mark = skb->mark,
			.fl6_sport = gdev->port,
			.fl6_dport = dport,
		};

		d = ipv6_stub->ipv6_dst_lookup_flow(gdev->net, sk, &fl6, NULL);
		if (IS_ERR(d))
			return PTR_ERR(d);
		if (d->dev == gdev->dev) {
			dst_release(d);
			return -ELOOP;
		}
		saddr = fl6.saddr;
		if (cache)
			dst_cache_set_ip6(cache, d, &saddr);
	}
	if (pmtu && too_big(skb, dst_mtu(d), sizeof(struct ipv6hdr))) {
		dst_release(d);
		return -EMSGSIZE;
	}
	if (skb_cow_head(skb, LL_RESERVED_SPACE(d->dev) +
			 sizeof(struct ipv6hdr) + sizeof(struct udphdr))) {
		dst_release(d);
		return -ENOMEM;
	}
	skb->dev = NULL;
	/* dev == NULL: do not count into dev->tstats (we have none) */
	gtpu_compat_udp6_xmit(d, sk, skb, NULL, &saddr, &daddr, tos,
			      ip6_dst_hoplimit(d), gdev->port, dport);
	return 0;
}
#endif

/*
 * Send skb (data at a GTP-U header) to dst:dport from the device's socket of
 * dst's family.  src overrides the source address (NULL: the device's local
 * address, or the routing choice if that is the wildcard).  cache, if not
 * NULL, is a peer's route cache; the caller has BH disabled.  On error the
 * skb is freed and a negative errno returned.
 */
static int tx_udp(struct gtpu_dev *gdev, struct sk_buff *skb,
		  const struct gtpu_addr *dst, const struct gtpu_addr *src,
		  __be16 dport, u8 tos, struct dst_cache *cache, bool pmtu)
{
	int err = -EAFNOSUPPORT;

	if (dst->family == AF_INET && gdev->sock4)
		err = tx4(gdev, skb, dst, src, dport, tos, cache, pmtu);
#if IS_ENABLED(CONFIG_IPV6)
	else if (dst->family == AF_INET6 && gdev->sock6)
		err = tx6(gdev, skb, dst, src, dport, tos, cache, pmtu);
#endif
	if (err)
		kfree_skb(skb);
	return err;
}

int gtpu_tx_udp(struct gtpu_dev *gdev, struct sk_buff *skb,
		const struct gtpu_addr *dst, const struct gtpu_addr *src,
		__be16 dport, u8 tos, struct dst_cache *cache)
{
	return tx_udp(gdev, skb, dst, src, dport, tos, cache, false);
}

/* Find the bearer for the packet's destination; caller holds RCU */
static struct gtpu_bearer *dl_lookup(struct gtpu_dev *gdev,
				     struct sk_buff *skb)
{
	struct gtpu_ue_key key;
	struct gtpu_cls *cls;
	struct gtpu_ue *ue;
	int idx;

	switch (skb->protocol) {
	case htons(ETH_P_IP):
		if (!pskb_may_pull(skb, sizeof(struct iphdr)))
			return NULL;
		gtpu_ue_key_v4(&key, ip_hdr(skb)->daddr);
		idx = GTPU_UE4;
		break;
	case htons(ETH_P_IPV6):
		if (!pskb_may_pull(skb, sizeof(struct ipv6hdr)))
			return NULL;
		gtpu_ue_key_v6(&key, &ipv6_hdr(skb)->daddr);
		idx = GTPU_UE6;
		break;
	default:
		return NULL;
	}
	ue = gtpu_ue_lookup(gdev, &key);
	if (!ue)
		return NULL;
	/* dedicated bearers on this address: the TFTs choose (tft.c) */
	cls = rcu_dereference(ue->cls);
	if (unlikely(cls))
		return gtpu_cls_match(cls, skb);
	/* no TFT: the list holds the default bearer only */
	return list_first_or_null_rcu(&ue->bearers, struct gtpu_bearer,
				      ue_node[idx]);
}

/* TOS / traffic class of the inner packet (its header was pulled) */
static u8 inner_tos(const struct sk_buff *skb)
{
	if (skb->protocol == htons(ETH_P_IP))
		return ip_hdr(skb)->tos;
	return ipv6_get_dsfield(ipv6_hdr(skb));
}

/*
 * Push the G-PDU header: 8 octets without optional fields (TS 29.281 5.1),
 * or with a QFI (qfi >= 0) 16 octets: E set, Sequence Number and N-PDU
 * Number 0 (their flags clear), Next Extension Header Type 0x85 and a PDU
 * Session Container of length 1 holding a DL PDU SESSION INFORMATION (TS
 * 38.415 5.5.2.1: PDU Type 0, QMP/SNP/MSNP 0; PPP 0, RQI 0, the QFI; no
 * optional field), then Next Extension Header Type 0.
 */
static void push_gpdu_header(struct sk_buff *skb, __be32 teid, int qfi)
{
	unsigned int len = skb->len;
	u8 *h;

	if (qfi >= 0) {
		h = __skb_push(skb, GTPU_HLEN_QFI - GTPU_HLEN);
		memset(h, 0, GTPU_HLEN_QFI - GTPU_HLEN);
		h[3] = GTPU_EXT_PSC;		/* next extension type */
		h[4] = GTPU_EXT_PSC_LEN / 4;	/* length, 4-octet units */
		h[5] = 0;			/* PDU Type 0 (DL) << 4 */
		h[6] = qfi;
		h[7] = 0;			/* no next extension */
		len += GTPU_HLEN_QFI - GTPU_HLEN;
	}
	h = __skb_push(skb, GTPU_HLEN);
	h[0] = GTPU_FLAGS_VERSION_1 | GTPU_FLAGS_PT;	/* 0x30 */
	if (qfi >= 0)
		h[0] |= GTPU_FLAGS_E;			/* 0x34 */
	h[1] = GTPU_MSG_GPDU;
	put_unaligned_be16(len, h + 2);
	memcpy(h + 4, &teid, sizeof(teid));
}

/*
 * Encapsulate skb (an inner IP packet, network header set) for b and send
 * it; counted as DL or DROP_TX.  Caller holds RCU with BH disabled.
 */
void gtpu_tx_bearer(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		    struct sk_buff *skb)
{
	struct gtpu_peer *peer;
	unsigned int len = skb->len;
	u8 tos = inner_tos(skb);
	int err;

	if (!gtpu_qos_pass(gdev, b, GTPU_DIR_DL, len)) {
		kfree_skb(skb);
		return;
	}
	if (skb_cow_head(skb, gdev->dev->needed_headroom) ||
	    udp_tunnel_handle_offloads(skb, true)) {
		gtpu_stats_bearer_drop(gdev, b, GTPU_STATS_A_DROP_TX);
		kfree_skb(skb);
		return;
	}
	push_gpdu_header(skb, READ_ONCE(b->remote_teid), gtpu_qos_qfi(b));
	peer = rcu_dereference(b->peer);
	err = tx_udp(gdev, skb, &peer->addr, NULL, gdev->port, tos,
		     &peer->dst_cache, true);
	if (err == -EMSGSIZE)
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_DROP_TOO_BIG, 1);
	else if (err)
		gtpu_stats_bearer_drop(gdev, b, GTPU_STATS_A_DROP_TX);
	else
		gtpu_stats_tx_ok(gdev, b, len);
}

/* ndo_start_xmit (LLTX, runs under rcu_read_lock_bh) */
netdev_tx_t gtpu_tx_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct gtpu_dev *gdev = netdev_priv(dev);
	struct gtpu_bearer *b;

	rcu_read_lock();
	b = dl_lookup(gdev, skb);
	if (unlikely(!b)) {
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_DROP_NO_BEARER, 1);
		kfree_skb(skb);
	} else if (!gtpu_idle_enqueue(gdev, b, skb)) {
		gtpu_tx_bearer(gdev, b, skb);
	}
	rcu_read_unlock();
	return NETDEV_TX_OK;
}
